/*
 * sg_rating.c -- the review's own rating.
 *
 * Only article blocks (why == SG_WHY_ARTICLE) are read: page chrome such as
 * "Related posts" lists carries other works' scores.  Each line of each
 * article block is scanned once, left to right, by hand-written scanners
 * whose look-ahead is bounded by small constants, so the pass is linear in
 * the input however long a line is.
 *
 * Forms recognised (value and scale as written):
 *   fractions       "7/10", "8.5/10", "62/100", "3/5 stars", "4 out of 5",
 *                   "4 of 5 stars", "4 (out of 5)", "4⁄5" (fraction slash)
 *   stars in words  "3.5 stars", "four stars", "3 1/2 stars", "3 ½ stars",
 *                   "three and a half stars", "three-and-a-half stars",
 *                   "2.5 stars (out of 4)", "4.5 ⭐", "a four-star film"
 *   star glyphs     "★★★½", "★★★☆☆", "⭐⭐⭐⭐", "🌟🌟🌟" (scale 5, or the number of
 *                   slots when empty stars are drawn, or "out of N"); five
 *                   empty stars are a widget waiting for a vote
 *   labelled scores "Rating - 7/10", "Score: 4/5", "Our score: 8" (a bare
 *                   number takes scale 10, or 100 above 10; "Stars: 4" 5),
 *                   "Score: 85%", "The final score: review Average",
 *                   "Verdict: ...", "Grade: B-", "Rated 4/5"; a label alone
 *                   on its line labels a value alone on the next line; a
 *                   label inside a line labels the value right after it
 *                   ("Story: 3/5, Overall: 4/5")
 *   given in prose  "I'd give it a 7" (out of 10, from 6 up), "a solid 8.5",
 *                   "on a scale of 1 to 10, this is an 8"
 *   letter grades   A+ to F: labelled, with a sign alone on a line, or given
 *                   in prose ("I'm giving it a B+", "a solid B")
 *   verdict words   the table below: labelled, or the distinctive ones
 *                   ("Recommended", "Skip it", "Thumbs up") alone on a line;
 *                   "Recommend: Yes", "Recommended? No", and "Would I
 *                   recommend it? Yes, ..." answered on its line or the next
 *
 * Unlabelled numbers must not be dates ("10/06/2023", "on 3/4"), runtimes
 * ("2h 5m"), series counts ("episode 4 of 8", "Part 1/3"), counts ("9 out
 * of 10 viewers"), "24/7", "9/11", "50/50", money or quantities ("3/4 of
 * the budget") or jokes ("10/10 would watch again"): a fraction in running
 * prose needs a scale of 4, 5, 10, 20 or 100, a value no larger, and a
 * rating word nearby (or "/10" ending the line; any of those scales ending
 * a line in a verdict section or the last third).  Nor is a score the
 * review's when its clause gives it to another work or rater ("unlike the
 * original, which I gave 9/10", "IMDb: 7.2/10", "critics gave it 4/5"),
 * supposes it ("would have been a 9/10"), or counts votes after it
 * ("4.2/5 (120 votes)").
 *
 * Where several remain, the best is chosen by points: labelled 10, alone on
 * its line 4, inside a TL;DR / verdict section 3, in the last third of the
 * article 2, an "overall"/"final" label 3, and -20 inside a run of chrome
 * that the classifier left as article ("Related posts" ... up to the next
 * long paragraph).  Ties go to the later one.
 */
#include "sg_rating.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the scan ---------------------------------------------------------------- */

typedef struct sg_rscan {
    const sg_doc *doc;
    size_t first_view, last_view; /* the article's extent in the view */
    int pending_label;            /* the previous line was a label alone */
    int pending_question;         /* it asked whether to recommend the work */
    int line_points;              /* a score on this line gets these points:
                                     it beats the verdict labelled before it */
    char labels[8][24];           /* labels already read, squeezed */
    size_t nlabels;
    int section;                  /* lines left in a verdict section */
    int chrome;                   /* inside a run of chrome */
    uint32_t glyph_lines[16];     /* lines of star glyphs alone, by hash ... */
    unsigned char glyph_seen[16]; /* ... and how often each came (up to 2) */
    size_t nglyph_lines;
    /* the best so far */
    int have;
    int points;
    size_t block;
    sg_rval best;
    size_t best_line; /* view offset of the line holding best */
} sg_rscan;

/* A line of star glyphs and spaces only ("★ ★ ★"): its hash, else 0. */
static uint32_t sg_r_glyph_line(sg_uc *t, size_t n)
{
    uint32_t h = 2166136261u;
    int kind;
    size_t i = 0, l, glyphs = 0;
    while (i < n) {
        if (sg_is_hspace(t[i])) {
            i++;
            continue;
        }
        if (!(l = sg_r_glyph(t, n, i, &kind)))
            return 0;
        for (size_t k = 0; k < l; k++)
            h = (h ^ t[i + k]) * 16777619u;
        i += l;
        glyphs++;
    }
    return glyphs ? h | 1 : 0;
}

/* Is the line of star glyphs t[0, n) one that comes back in the article, a
 * dinkus between its parts rather than a rating? */
static int sg_r_divider(const sg_rscan *sc, sg_uc *t, size_t n)
{
    uint32_t h = sg_r_glyph_line(t, n);
    for (size_t k = 0; h && k < sc->nglyph_lines; k++)
        if (sc->glyph_lines[k] == h)
            return sc->glyph_seen[k] >= 2;
    return 0;
}

/* Does view offset `at` lie in the last third of the article? */
static int sg_r_last_third(const sg_rscan *sc, size_t at)
{
    size_t extent = sc->last_view - sc->first_view;
    return extent && (double)(at - sc->first_view) >= 0.67 * (double)extent;
}

static void sg_r_offer(sg_rscan *sc, size_t block, size_t line_view, sg_rval *rv,
                       int points)
{
    if (sg_r_last_third(sc, line_view + rv->s))
        points += 2;
    if (sc->section > 0)
        points += 3;
    if (sc->chrome)
        points -= 20;
    if (!sc->have || points >= sc->points) {
        sc->have = 1;
        sc->points = points;
        sc->block = block;
        sc->best = *rv;
        sc->best_line = line_view;
    }
}

static void sg_r_take(sg_rcues *cues, sg_uc *t, size_t n, sg_rval *rv, sg_rscan *sc,
                      size_t block, size_t line_view, int stated)
{
    int alone = sg_r_alone(t, n, rv->s, rv->e), strong = 0;
    int labelled = !alone && sg_r_label_before(t, rv->s, &strong);
    int late = sc->section > 0 || sg_r_last_third(sc, line_view + rv->s);
    if (!labelled && !stated && !sg_r_prose_ok(cues, t, n, rv, alone, late))
        return;
    if ((!alone && sg_r_other_works(t, rv->s)) || sg_r_aggregate(t, n, rv->e) ||
        (alone && rv->form == SG_RF_GLYPHS && sg_r_divider(sc, t, n)))
        return;
    sg_r_finish_num(rv);
    int points = labelled ? 10 + 3 * strong : alone ? 4 : 0;
    if (sc->line_points && rv->scale_given && sc->line_points > points)
        points = sc->line_points;
    sg_r_offer(sc, block, line_view, rv, points);
}

/* Words a "Recommend:" label takes, and what they say. */
static const sg_verdict_word sg_r_yes_no[] = {
    {"yes", 0.8, 0},        {"yep", 0.8, 0},  {"yup", 0.8, 0},
    {"absolutely", 0.9, 0}, {"definitely", 0.9, 0},
    {"no", 0.2, 0},         {"nope", 0.2, 0}, {"not really", 0.3, 0},
};

/* A yes or a no at t[i] that answers on its own ("Yes", "Yes, if you like
 * slow films", "**No.**"); the word's span in rv. */
static int sg_r_answer(sg_uc *t, size_t n, size_t i, sg_rval *rv)
{
    while (i < n && (t[i] == '*' || t[i] == '_'))
        i++;
    for (size_t k = 0; k < sizeof sg_r_yes_no / sizeof sg_r_yes_no[0]; k++) {
        size_t w = sg_r_word(t, n, i, sg_r_yes_no[k].phrase);
        if (!w)
            continue;
        sg_r_words_value(rv, i, w, sg_r_yes_no[k].norm);
        return 1;
    }
    return 0;
}

/* The value of a "Recommend:" line at t[i]: a yes or no, a verdict word, or
 * the reviewer's own words to the end of the line (at most 100 bytes,
 * markup around them left out; no normalized value). */
static int sg_r_recommend(sg_uc *t, size_t n, size_t i, int free_words, sg_rval *rv)
{
    size_t e = n;
    while (e > i && (sg_is_hspace(t[e - 1]) || t[e - 1] == '*' || t[e - 1] == '_'))
        e--;
    while (i < e && (t[i] == '*' || t[i] == '_'))
        i = sg_skip_spaces(t, e, i + 1, SG_SP_THIN);
    if (e <= i + 1 || e - i > 100)
        return 0;
    sg_r_words_value(rv, i, e, NAN);
    sg_rval word;
    if ((sg_r_answer(t, e, i, &word) || sg_r_verdict(t, e, i, 1, &word)) &&
        sg_r_alone(t + i, e - i, 0, word.e - i)) {
        *rv = word;
        return 1;
    }
    return free_words;
}

/* "Would I recommend it? Yes, if ...": a question about recommending the
 * work, up to its '?'.  Returns where its answer may start (n when the
 * line ends with the question), or 0. */
static size_t sg_r_recommend_question(sg_uc *t, size_t n)
{
    static const char *const recommend[] = {"recommend", "recommended", NULL};
    for (size_t i = 0; i < n && i < 60; i++) {
        if (t[i] != '?')
            continue;
        if (!sg_r_any_word(t, i, 0, i, recommend))
            return 0;
        size_t a = i + 1;
        while (a < n && (t[a] == '*' || t[a] == '_' || sg_is_hspace(t[a])))
            a++;
        return a;
    }
    return 0;
}

int sg_rating_is_grade(const char *text)
{
    sg_rval rv;
    size_t n = text ? strlen(text) : 0;
    return n && sg_r_grade((sg_uc *)text, n, 0, 0, &rv) && rv.e == n;
}

/* Has a label with the same words as t[0, end) been read before?  Records
 * it when not. */
static int sg_r_label_seen(sg_rscan *sc, sg_uc *t, size_t end)
{
    char key[24];
    size_t k = 0;
    for (size_t i = 0; i < end && k + 1 < sizeof key; i++)
        if (sg_is_alpha(t[i]))
            key[k++] = (char)(t[i] | 0x20);
    key[k] = '\0';
    for (size_t j = 0; j < sc->nlabels; j++)
        if (!strcmp(sc->labels[j], key))
            return 1;
    if (sc->nlabels < sizeof sc->labels / sizeof sc->labels[0])
        memcpy(sc->labels[sc->nlabels++], key, k + 1);
    return 0;
}

/* One line of an article block: view bytes [lv, lv+ln). */
/* A line's text for the scan: [*a, *b) without the spaces around it, a
 * leading bullet or opening emphasis ("**Rating: 4/5**" in plain text). */
static void sg_r_line_text(sg_uc *line, size_t ln, size_t *a_out, size_t *b_out)
{
    size_t a = sg_skip_spaces(line, ln, 0, SG_SP_THIN), b = ln;
    while (b > a && (sg_is_hspace(line[b - 1])))
        b--;
    if (a + 2 < b && line[a] == 0xE2 && line[a + 1] == 0x80 && line[a + 2] == 0xA2)
        a = sg_skip_spaces(line, b, a + 3, SG_SP_THIN);
    else if (a + 1 < b &&
             (line[a] == '-' || line[a] == '*' || line[a] == '+' || line[a] == '>') &&
             sg_is_hspace(line[a + 1]))
        a = sg_skip_spaces(line, b, a + 1, SG_SP_THIN);
    size_t em = a;
    while (em < b && em - a < 3 && (line[em] == '*' || line[em] == '_'))
        em++;
    if (em > a && em < b && sg_is_alpha(line[em]))
        a = em;
    *a_out = a;
    *b_out = b;
}

/* Count the lines of star glyphs alone, before the scan. */
static void sg_r_count_glyph_line(sg_rscan *sc, sg_uc *line, size_t ln)
{
    size_t a, b;
    sg_r_line_text(line, ln, &a, &b);
    uint32_t h = a < b && b - a <= 80 ? sg_r_glyph_line(line + a, b - a) : 0;
    if (!h)
        return;
    for (size_t k = 0; k < sc->nglyph_lines; k++)
        if (sc->glyph_lines[k] == h) {
            sc->glyph_seen[k] = 2;
            return;
        }
    if (sc->nglyph_lines < sizeof sc->glyph_lines / sizeof sc->glyph_lines[0]) {
        sc->glyph_lines[sc->nglyph_lines] = h;
        sc->glyph_seen[sc->nglyph_lines++] = 1;
    }
}

/* Does a glyph end right before t[i] (one of its lengths: ★ 3, ⭐ 3 or 6,
 * 🌟 4 or 7, ":star:" 6, ":star2:" 7)?  A run is read from its first. */
static int sg_r_glyph_ends(sg_uc *t, size_t i)
{
    static const size_t lens[] = {3, 4, 6, 7};
    int kind;
    for (size_t k = 0; k < sizeof lens / sizeof *lens; k++)
        if (i >= lens[k] && sg_r_glyph(t, i, i - lens[k], &kind) == lens[k])
            return 1;
    return 0;
}

static void sg_r_line(sg_rscan *sc, size_t block, size_t lv, size_t ln)
{
    sg_uc *line = (sg_uc *)sc->doc->view.data + lv;
    size_t a, b;
    sg_r_line_text(line, ln, &a, &b);
    if (a >= b)
        return;
    sg_uc *t = line + a;
    size_t n = b - a;
    size_t tv = lv + a; /* view offset of t */
    sg_rval rv;
    int labelled = 0;

    /* sections and chrome runs */
    int short_line = n <= 40;
    if (short_line && sg_r_line_is(t, n, sg_r_chrome, 1)) {
        sc->chrome = 1;
        sc->pending_label = sc->pending_question = 0;
        return;
    }
    if (n >= 250)
        sc->chrome = 0;
    if (n <= 60 && sg_r_line_is(t, n, sg_r_sections, 0))
        sc->section = 12;

    /* a label on this line */
    sg_rlabel lb;
    size_t v = sg_r_label(t, n, &lb);
    int label_only = lb.at_end && n <= 40;
    int points = 0;
    if (v && !lb.at_end && lb.free) {
        /* a recommendation is a verdict: a score beats it */
        if (sg_r_recommend(t, n, v, lb.free == 1, &rv))
            points = 9;
    } else if (v && !lb.at_end) {
        size_t i = v;
        for (int w = 0; w < 3 && i < n && i - v <= 48; w++) {
            if (sg_r_value_at(t, n, i, lb.only_num, 1, &rv)) {
                points = 10 + 3 * lb.strong;
                if (lb.stars && rv.form == SG_RF_BARE && rv.value <= 5) {
                    rv.scale = 5; /* "Stars: 4" */
                    rv.norm = rv.value / 5;
                }
                break;
            }
            if (!lb.sep)
                break; /* "Rating 7/10": the value comes at once */
            while (i < n && !sg_is_hspace(t[i]))
                i++;
            i = sg_skip_spaces(t, n, i, SG_SP_THIN);
        }
    }
    if (points && rv.form != SG_RF_WORD && rv.form != SG_RF_GRADE &&
        sg_r_aggregate(t, n, rv.e))
        points = 0; /* "Rating: 4.2/5 (120 votes)" is the readers' */
    if (points) {
        /* several takes each ending with the same labelled line: the
         * first one leads the post */
        if (sg_r_label_seen(sc, t, lb.end))
            points -= 6;
        sg_r_offer(sc, block, tv, &rv, points);
        labelled = 1;
    }
    /* a value alone after a label line */
    if (!labelled && sc->pending_label && n <= 60) {
        if (sg_r_value_at(t, n, 0, 0, 1, &rv) && sg_r_alone(t, n, rv.s, rv.e)) {
            sg_r_offer(sc, block, tv, &rv, 11);
            labelled = 1;
        }
    }
    /* "Would I recommend it? Yes.": a verdict, as "Recommend: Yes" is */
    size_t qa = labelled ? 0 : sg_r_recommend_question(t, n);
    if (!labelled && ((qa && qa < n && sg_r_answer(t, n, qa, &rv)) ||
                      (sc->pending_question && sg_r_answer(t, n, 0, &rv)))) {
        sg_r_offer(sc, block, tv, &rv, 9);
        labelled = 1;
    }
    sc->pending_question = qa == n;
    sc->pending_label = label_only;
    sc->line_points = 0;
    if (labelled) {
        if (rv.form != SG_RF_WORD && rv.form != SG_RF_GRADE)
            return;
        /* "Verdict: a must-see. 4 out of 5 stars.": the score wins */
        sc->line_points = sc->points + 1;
    } else if (n <= 60) {
        /* a verdict or signed grade alone on its line; not a heading over
         * a list ("Highly recommended" over other works) */
        const sg_block *bk = &sc->doc->blocks[block];
        int names_list = bk->kind == SG_BLOCK_HEADING && block + 1 < sc->doc->nblocks &&
                         sc->doc->blocks[block + 1].kind == SG_BLOCK_LIST_ITEM;
        if (!names_list &&
            (sg_r_verdict(t, n, 0, 0, &rv) || sg_r_grade(t, n, 0, 1, &rv)) &&
            sg_r_alone(t, n, rv.s, rv.e)) {
            sg_r_offer(sc, block, tv, &rv, 4);
            return;
        }
    }

    /* numbers, number words and star glyphs anywhere on the line */
    sg_rcues cues = {0, SIZE_MAX, 0, SIZE_MAX};
    int scale_read = 0; /* the line's stated scale, read at its first bare number */
    double scale_top = 0;
    size_t scale_s = 0, scale_e = 0;
    size_t i = 0;
    while (i < n) {
        /* spaces and punctuation are passed over at the cost of a look-up,
         * words whole: only a word whose first letter starts a number word
         * is compared with them */
        while (i < n && !(sg_byte_class[t[i]] & SG_R_ANY))
            i++;
        if (i >= n)
            break;
        unsigned char c = t[i];
        unsigned cls = sg_byte_class[c];
        size_t resume;
        if (cls & SG_BYTE_ALPHA) {
            size_t e = i + 1;
            while (e < n && (sg_byte_class[t[e]] & SG_BYTE_ALPHA))
                e++;
            if (e == i + 1 && sg_r_prose_grade(t, n, i, &rv)) {
                /* "I'd give it a B+" */
                if (!sg_r_other_works(t, i))
                    sg_r_offer(sc, block, tv, &rv, sg_r_alone(t, n, rv.s, rv.e) ? 4 : 0);
                i = rv.e;
                continue;
            }
            if (!(cls & SG_R_START) || !sg_r_word_start(t, i) ||
                !sg_r_is_numword(t, i, e)) {
                /* no number word: passed over whole, with the space after */
                i = e < n && !(sg_byte_class[t[e]] & SG_R_ANY) ? e + 1 : e;
                continue;
            }
            resume = e;
            if (sg_r_numeric(t, n, i, &rv, &resume))
                sg_r_take(&cues, t, n, &rv, sc, block, tv, 0);
            if (resume <= i)
                resume = i + 1;
            while (resume < n && sg_is_alpha(t[resume]))
                resume++;
        } else if (sg_is_digit(c)) {
            int ok_start = 1;
            if (i > 0) {
                unsigned char p = t[i - 1];
                if (sg_is_alpha(p) || p == '.' || p == ',' || p == '/' || p == '$' ||
                    p == '#' || p == '\\' ||
                    (p == ':' && i > 1 && sg_is_digit(t[i - 2])) ||
                    (p == '-' && i > 1 && !sg_is_hspace(t[i - 2])))
                    ok_start = 0;
                if (i > 1 && t[i - 2] == 0xC2 && p == 0xA3) /* £ */
                    ok_start = 0;
                if (i > 2 && t[i - 3] == 0xE2 && t[i - 2] == 0x82 && p == 0xAC) /* € */
                    ok_start = 0;
            }
            resume = i + 1;
            if (sg_r_numeric(t, n, i, &rv, &resume) && ok_start) {
                if (rv.form == SG_RF_BARE) {
                    /* "On a scale of 1 to 10, I give it a 7" */
                    if (!scale_read) {
                        scale_top = sg_r_scale_phrase(t, n, &scale_s, &scale_e);
                        scale_read = 1;
                    }
                    if (scale_top <= 0 && sg_r_prose_bare(t, n, &rv)) {
                        sg_r_take(&cues, t, n, &rv, sc, block, tv, 1);
                    } else if (scale_top > 0 && (rv.s < scale_s || rv.s >= scale_e) &&
                               rv.value > 0 && rv.value <= scale_top) {
                        static const char *const article[] = {"a", "an", NULL};
                        rv.form = SG_RF_OUTOF;
                        rv.scale = scale_top;
                        rv.scale_given = 1;
                        sg_r_take(&cues, t, n, &rv, sc, block, tv,
                                  sg_r_prev_word_in(t, rv.s, article));
                    }
                } else
                    sg_r_take(&cues, t, n, &rv, sc, block, tv, 0);
            }
            if (resume <= i)
                resume = i + 1;
            /* never restart inside a digit run */
            while (resume < n && sg_is_digit(t[resume]) && resume > i)
                resume++;
        } else {
            int kind;
            resume = i + 1; /* the lead byte of a glyph or of "½" */
            if (sg_r_glyph(t, n, i, &kind) && kind != 1 && !sg_r_glyph_ends(t, i)) {
                if (sg_r_glyphs(t, n, i, &rv, &resume))
                    sg_r_take(&cues, t, n, &rv, sc, block, tv, 0);
                if (resume <= i)
                    resume = i + 1;
            }
        }
        i = resume;
    }
}

static void sg_r_scan(sg_rscan *sc);
static void sg_r_set_norm(sg_rating_out *out, double norm);
static void sg_r_out_field(const sg_doc *doc, const sg_rating_read *fr, size_t at,
                           sg_rating_out *out);

void sg_rating_find(const sg_doc *doc, const sg_sentence *s, size_t ns,
                    sg_rating_out *out)
{
    /* ratings are read by line (labels, lines of their own), not by
     * sentence: a "7/10" line has no sentence of its own to speak of */
    (void)s;
    (void)ns;
    memset(out, 0, sizeof *out);
    out->value = out->scale = out->normalized = NAN;
    if (!doc)
        return;
    sg_words_init();
    sg_rscan sc;
    memset(&sc, 0, sizeof sc);
    sc.doc = doc;
    /* the site's own field is the rating; the text may still tell a bare
     * number's scale ("rating: 4" above "Rating: 4/10") */
    sg_rating_read fr;
    size_t fat;
    if (sg_rating_from_fields(doc, &fr, &fat)) {
        if (fr.bare && doc->view.data) {
            sg_r_scan(&sc);
            if (sc.have && sc.best.scale_given && sc.best.value == fr.value &&
                sg_r_common_scale(sc.best.scale)) {
                fr.scale = sc.best.scale;
                fr.norm = fr.value / fr.scale;
            }
        }
        sg_r_out_field(doc, &fr, fat, out);
        return;
    }
    if (!doc->view.data)
        return;
    sg_r_scan(&sc);
    if (!sc.have)
        return;
    const sg_block *b = &doc->blocks[sc.block];
    size_t vs = sc.best_line + sc.best.s, ve = sc.best_line + sc.best.e;
    out->text = sg_strndup(doc->view.data + vs, ve - vs);
    if (!out->text)
        return;
    out->found = 1;
    out->start = sg_doc_to_src(doc, b, vs, 0);
    out->end = sg_doc_to_src(doc, b, ve, 1);
    if (out->end < out->start)
        out->end = out->start;
    if (sc.best.form == SG_RF_GRADE || sc.best.form == SG_RF_WORD) {
        out->value = out->scale = NAN;
        out->verdict = sg_strndup(doc->view.data + vs, ve - vs);
    } else {
        out->value = sc.best.value;
        out->scale = sc.best.scale;
    }
    sg_r_set_norm(out, sc.best.norm);
}

/* The article's lines, scanned for the best rating (sc->doc set). */
static void sg_r_scan(sg_rscan *sc)
{
    const sg_doc *doc = sc->doc;
    int any = 0;
    for (size_t bi = 0; bi < doc->nblocks; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (b->why != SG_WHY_ARTICLE || !b->view_len)
            continue;
        if (!any)
            sc->first_view = b->view_start;
        sc->last_view = b->view_start + b->view_len;
        any = 1;
    }
    if (!any)
        return;
    for (size_t bi = 0; bi < doc->nblocks; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (b->why != SG_WHY_ARTICLE || b->kind == SG_BLOCK_CODE || !b->view_len)
            continue;
        const char *v = doc->view.data + b->view_start;
        for (size_t i = 0, e; i < b->view_len; i = e + 1) {
            const char *nl = memchr(v + i, '\n', b->view_len - i);
            e = nl ? (size_t)(nl - v) : b->view_len;
            sg_r_count_glyph_line(sc, (sg_uc *)v + i, e - i);
        }
    }
    size_t prev_block = (size_t)-1;
    for (size_t bi = 0; bi < doc->nblocks; bi++) {
        const sg_block *b = &doc->blocks[bi];
        if (b->why != SG_WHY_ARTICLE || b->kind == SG_BLOCK_CODE) {
            if (b->view_len)
                sc->pending_label = sc->pending_question = 0;
            continue;
        }
        if (!b->view_len)
            continue;
        if (prev_block != (size_t)-1 && sc->section > 0)
            sc->section--;
        prev_block = bi;
        /* a heading that is not a verdict heading ends the section */
        if (b->kind == SG_BLOCK_HEADING)
            sc->section = 0;
        const char *v = doc->view.data + b->view_start;
        size_t n = b->view_len, i = 0;
        while (i < n) {
            const char *nl = memchr(v + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - v) : n;
            sg_r_line(sc, bi, b->view_start + i, e - i);
            i = e + 1;
        }
    }
}

static void sg_r_set_norm(sg_rating_out *out, double norm)
{
    out->normalized = norm;
    if (!isnan(out->normalized)) {
        if (out->normalized < 0)
            out->normalized = 0;
        if (out->normalized > 1)
            out->normalized = 1;
    }
}

/* The rating a field gives, at input offset `at`. */
static void sg_r_out_field(const sg_doc *doc, const sg_rating_read *fr, size_t at,
                           sg_rating_out *out)
{
    out->text = sg_strndup(doc->src + at + fr->s, fr->e - fr->s);
    if (!out->text)
        return;
    out->found = 1;
    out->start = at + fr->s;
    out->end = at + fr->e;
    if (fr->verdict) {
        out->verdict = sg_strndup(out->text, fr->e - fr->s);
    } else {
        out->value = fr->value;
        out->scale = fr->scale;
    }
    sg_r_set_norm(out, fr->norm);
}

void sg_rating_clear(sg_rating_out *r)
{
    if (!r)
        return;
    free(r->text);
    free(r->verdict);
    memset(r, 0, sizeof *r);
    r->value = r->scale = r->normalized = NAN;
}
