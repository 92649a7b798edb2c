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
#include "sg_internal.h"
#include "sg_text.h"

#include <math.h>
#include <pthread.h>
#include <strings.h>

/* ---- the verdict table ----------------------------------------------------- */

/* Verdict words on the [0,1] scale of `normalized`.  This is the one table
 * for the engine (the Lua `rating` hook may override what it gives).
 * `alone`: the phrase is a verdict on a line of its own; plain adjectives
 * ("good", "average") are verdicts only after a label. */
typedef struct sg_verdict_word {
    const char *phrase; /* lower case; a space matches any run of spaces */
    double norm;
    int alone;
} sg_verdict_word;

static const sg_verdict_word sg_verdicts[] = {
    {"must see", 1.0, 1},
    {"must-see", 1.0, 1},
    {"must watch", 1.0, 1},
    {"must-watch", 1.0, 1},
    {"must read", 1.0, 1},
    {"must-read", 1.0, 1},
    {"must play", 1.0, 1},
    {"must-play", 1.0, 1},
    {"masterpiece", 1.0, 0},
    {"essential", 1.0, 0},
    {"highly recommended", 0.9, 1},
    {"two thumbs up", 0.9, 1},
    {"strongly recommended", 0.9, 1},
    {"certified fresh", 0.9, 1},
    {"excellent", 0.9, 0},
    {"awesome", 0.9, 0},
    {"great", 0.85, 0},
    {"recommended", 0.8, 1},
    {"worth watching", 0.75, 1},
    {"worth a watch", 0.75, 1},
    {"worth seeing", 0.75, 1},
    {"worth reading", 0.75, 1},
    {"worth playing", 0.75, 1},
    {"stream it", 0.7, 1},
    {"worth it", 0.7, 0},
    {"watch it", 0.75, 0},
    {"see it", 0.75, 0},
    {"buy it", 0.8, 0},
    {"rent it", 0.5, 0},
    {"thumbs up", 0.75, 1},
    {"fresh", 0.75, 1},
    {"good", 0.7, 0},
    {"solid", 0.7, 0},
    {"decent", 0.6, 0},
    {"average", 0.5, 0},
    {"mixed", 0.5, 0},
    {"fair", 0.5, 0},
    {"okay", 0.5, 0},
    {"mediocre", 0.4, 0},
    {"meh", 0.4, 0},
    {"disappointing", 0.35, 0},
    {"poor", 0.3, 0},
    {"bad", 0.25, 0},
    {"thumbs down", 0.25, 1},
    {"two thumbs down", 0.1, 1},
    {"rotten", 0.25, 1},
    {"not recommended", 0.2, 1},
    {"not worth it", 0.3, 0},
    {"skip it", 0.2, 1},
    {"skip", 0.2, 0},
    {"avoid", 0.1, 0},
    {"awful", 0.1, 0},
    {"terrible", 0.1, 0},
};

/* Letter grades: A+ 1.0 and 0.05 less per step down to D- 0.45; F (with or
 * without a sign) 0.2, a failing grade well below D-. */
static double sg_grade_norm(char letter, int sign)
{
    double base;
    switch (letter) {
    case 'A':
        base = 0.95;
        break;
    case 'B':
        base = 0.80;
        break;
    case 'C':
        base = 0.65;
        break;
    case 'D':
        base = 0.50;
        break;
    case 'F':
        return 0.2;
    default:
        return NAN;
    }
    return base + 0.05 * sign;
}

/* ---- small scanners ------------------------------------------------------- */

typedef const unsigned char sg_uc;

/* Length of a UTF-8 space at t[i] (NBSP, thin, narrow no-break), else 0. */
static size_t sg_r_uspace(sg_uc *t, size_t n, size_t i)
{
    if (i < n && sg_is_hspace(t[i]))
        return 1;
    if (i + 1 < n && t[i] == 0xC2 && t[i + 1] == 0xA0)
        return 2;
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x80 &&
        (t[i + 2] == 0x89 || t[i + 2] == 0xAF || t[i + 2] == 0x8A))
        return 3;
    return 0;
}

static size_t sg_r_skip_spaces(sg_uc *t, size_t n, size_t i)
{
    size_t l;
    while ((l = sg_r_uspace(t, n, i)))
        i += l;
    return i;
}

/* Case-insensitive match of lower-case `w` at t[i]; returns its end or 0.
 * A space in `w` matches one or more spaces. */
static size_t sg_r_match(sg_uc *t, size_t n, size_t i, const char *w)
{
    for (; *w; w++) {
        if (*w == ' ') {
            size_t j = sg_r_skip_spaces(t, n, i);
            if (j == i)
                return 0;
            i = j;
            continue;
        }
        if (i >= n || (t[i] | (sg_is_alpha(t[i]) ? 0x20 : 0)) != (unsigned char)*w)
            return 0;
        i++;
    }
    return i;
}

/* As sg_r_match, and the match must end at a word boundary. */
static size_t sg_r_word(sg_uc *t, size_t n, size_t i, const char *w)
{
    size_t e = sg_r_match(t, n, i, w);
    if (!e || (e < n && sg_is_alnum(t[e])))
        return 0;
    return e;
}

static int sg_r_word_start(sg_uc *t, size_t i)
{
    return i == 0 || !sg_is_alnum(t[i - 1]);
}

/* Is there a whole word from `words` starting in t[from, to)? */
static int sg_r_any_word(sg_uc *t, size_t n, size_t from, size_t to,
                         const char *const *words)
{
    for (size_t i = from; i < to; i++) {
        if (!sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        for (size_t k = 0; words[k]; k++)
            if (sg_r_word(t, n, i, words[k]))
                return 1;
    }
    return 0;
}

/* Words near a number that make it a rating. */
static const char *const sg_r_cues[] = {
    "rating", "ratings", "rate",    "rates",    "rated",    "score",   "scored",
    "scores", "grade",   "graded",  "verdict",  "star",     "stars",   "give",
    "gives",  "gave",    "giving",  "award",    "awards",   "awarded", "earn",
    "earns",  "earned",  "deserve", "deserves", "deserved", "get",     "gets",
    "got",    "mark",    "marks",   "overall",  NULL};

/* Words just before a number that make it a count, not a score. */
static const char *const sg_r_series[] = {
    "episode", "episodes", "ep",   "part",  "parts", "chapter",     "season", "issue",
    "vol",     "volume",   "page", "pages", "book",  "no",          "number", "track",
    "disc",    "round",    "day",  "days",  "week",  "step",        "game",   "level",
    "act",     "scene",    "film", "movie", "entry", "installment", NULL};

/* Words just before a number that make it a date. */
static const char *const sg_r_dated[] = {"on",    "since", "until", "till", "by",  "from",
                                         "before", "after", "due",   "dated", NULL};

/* Words before a score, in its clause, that give it to another work. */
static const char *const sg_r_other_work[] = {
    "original",      "originals",       "predecessor", "predecessors", "previous",
    "compared",      "unlike",          "versus",      "vs",           "first film",
    "first movie",   "first one",       "last film",   "last movie",   "last one",
    "other film",    "other one",       "sequel",      "sequels",      "prequel",
    "first season",  "previous season", "last season", "season one",   "first book",
    "previous book", "last book",       NULL};

/* Other raters and sites, before a score in its clause or before a label
 * on its line: their score is not the review's. */
static const char *const sg_r_raters[] = {"imdb",
                                          "metacritic",
                                          "metascore",
                                          "rotten tomatoes",
                                          "tomatometer",
                                          "critics",
                                          "critic score",
                                          "audience score",
                                          "audience rating",
                                          "user score",
                                          "user rating",
                                          "users",
                                          "average rating",
                                          "average score",
                                          "myanimelist",
                                          "mal score",
                                          "letterboxd average",
                                          "goodreads average",
                                          "readers",
                                          "community",
                                          "visitors",
                                          "your rating",
                                          "your score",
                                          "your grade",
                                          "reader rating",
                                          "reader score",
                                          NULL};

/* Words before a label that make it someone else's ("Your rating:",
 * "Reader score:"), besides the raters above. */
static const char *const sg_r_label_others[] = {"your", "reader", "user", "voter", NULL};

/* Words before a score, in its clause, that make it one the work might
 * have had ("would have been a 9/10", "you're left with a 3.5 film"). */
static const char *const sg_r_hypothetical[] = {
    "would have been", "would've been",   "could have been",
    "could've been",   "might have been", "should have been",
    "left with",       "almost",          NULL};

/* Words that start a clause of the reviewer's own after one about another
 * work ("The original got 9/10, but this one ..."). */
static const char *const sg_r_clause_stops[] = {
    "but", "though", "although", "however", "whereas", "while", "yet", "this", NULL};

/* Counted things after "N out of M" or "N/M": "9 out of 10 viewers". */
static const char *const sg_r_counted[] = {
    "people",  "viewers",  "critics", "fans",       "times",  "episodes",
    "films",   "movies",   "books",   "chapters",   "cases",  "dentists",
    "readers", "children", "kids",    "characters", "scenes", "songs",
    "games",   "seasons",  "players", "voters",     "men",    "women",
    "adults",  "students", "members", "of",         NULL};

/* Words right after a fraction that make it a quantity. */
static const char *const sg_r_units[] = {
    "of",     "minute", "minutes", "min",  "mins",  "hour", "hours", "hr",
    "hrs",    "second", "seconds", "day",  "days",  "week", "weeks", "month",
    "months", "year",   "years",   "pm",   "am",    "km",   "mph",   "mile",
    "miles",  "dollar", "dollars", "cent", "cents", "time", "times", "percent",
    "inch",   "inches", "cup",     "cups", "th",    "ths",  "split", NULL};

/* The word ending right before t[i] (skipping spaces) is one of `words`. */
static int sg_r_prev_word_in(sg_uc *t, size_t i, const char *const *words)
{
    size_t e = i;
    int dot = 0;
    while (e > 0 && i - e < 8 &&
           (sg_is_hspace(t[e - 1]) || t[e - 1] == '#' || t[e - 1] == '.'))
        dot |= t[--e] == '.';
    size_t s = e;
    while (s > 0 && sg_is_alpha(t[s - 1]) && e - s < 16)
        s--;
    /* past a full stop only an abbreviation ("Vol. 2", "Ep. 4"), not the
     * end of a sentence ("a messy film. 3/5") */
    if (s == e || (s > 0 && sg_is_alpha(t[s - 1])) || (dot && e - s > 3))
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (sg_r_word(t, e, s, words[k]) == e)
            return 1;
    return 0;
}

/* The word after t[e] (past spaces and a comma) is one of `words`. */
static int sg_r_next_word_in(sg_uc *t, size_t n, size_t e, const char *const *words)
{
    size_t a = sg_r_skip_spaces(t, n, e);
    if (a < n && t[a] == ',')
        a = sg_r_skip_spaces(t, n, a + 1);
    if (a >= n || !sg_is_alpha(t[a]))
        return 0;
    for (size_t k = 0; words[k]; k++)
        if (sg_r_word(t, n, a, words[k]))
            return 1;
    return 0;
}

/* A run of star glyphs at t[i]: ★ ☆ ⭐ (with or without VS16) and ½,
 * single spaces allowed between them. */
static size_t sg_r_glyph(sg_uc *t, size_t n, size_t i, int *kind)
{
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0x98 &&
        (t[i + 2] == 0x85 || t[i + 2] == 0x86)) {
        *kind = t[i + 2] == 0x85 ? 2 : 0;
        return 3;
    }
    if (i + 2 < n && t[i] == 0xE2 && t[i + 1] == 0xAD && t[i + 2] == 0x90) {
        *kind = 2;
        if (i + 5 < n && t[i + 3] == 0xEF && t[i + 4] == 0xB8 && t[i + 5] == 0x8F)
            return 6;
        return 3;
    }
    if (i + 1 < n && t[i] == 0xC2 && t[i + 1] == 0xBD) {
        *kind = 1;
        return 2;
    }
    if (i + 3 < n && t[i] == 0xF0 && t[i + 1] == 0x9F && t[i + 2] == 0x8C &&
        t[i + 3] == 0x9F) { /* 🌟 */
        *kind = 2;
        if (i + 6 < n && t[i + 4] == 0xEF && t[i + 5] == 0xB8 && t[i + 6] == 0x8F)
            return 7;
        return 4;
    }
    return 0;
}

/* ---- numbers -------------------------------------------------------------- */

/* A plain number at t[i]: 1-4 digits, an optional decimal part of 1-2 digits
 * ('.' or ','), an optional "½".  *end gets its end; *skip the end of the
 * whole digit run to resume from when it is refused.  *lead0 is set for
 * "08"-style leading zeros. */
static int sg_r_number(sg_uc *t, size_t n, size_t i, double *v, size_t *end, size_t *skip,
                       int *lead0)
{
    size_t j = i;
    double x = 0;
    while (j < n && sg_is_digit(t[j])) {
        if (j - i < 5)
            x = x * 10 + (t[j] - '0');
        j++;
    }
    size_t run = j;
    while (run < n && (sg_is_digit(t[run]) || t[run] == '.' || t[run] == ',') &&
           run - j < 8)
        run++;
    *skip = run > j ? run : j;
    if (j == i || j - i > 4)
        return 0;
    *lead0 = j - i > 1 && t[i] == '0';
    if (j + 1 < n && (t[j] == '.' || t[j] == ',') && sg_is_digit(t[j + 1])) {
        size_t k = j + 1;
        double f = 0, scale = 1;
        while (k < n && sg_is_digit(t[k]) && k - j <= 3) {
            f = f * 10 + (t[k] - '0');
            scale *= 10;
            k++;
        }
        if (k < n && sg_is_digit(t[k]))
            return 0;
        if (t[j] == ',' && k - j == 4) /* "1,000" groups thousands */
            k = j;
        else if (k - j > 3)
            return 0;
        else {
            x += f / scale;
            j = k;
        }
    }
    if (j + 1 < n && t[j] == 0xC2 && t[j + 1] == 0xBD) {
        x += 0.5;
        j += 2;
    }
    *v = x;
    *end = j;
    return 1;
}

static const char *const sg_r_numwords[] = {"zero",  "one",  "two", "three",
                                            "four",  "five", "six", "seven",
                                            "eight", "nine", "ten", NULL};

/* Byte classes for the line scan, built once (sg_r_init): SG_RC_ALPHA, an
 * ASCII letter; SG_RC_START, a byte where the scan may find something: a
 * digit, a number word's first letter (either case), or the lead byte of a
 * star glyph or of "½".  A byte of neither class starts nothing. */
#define SG_RC_ALPHA 1
#define SG_RC_START 2
static unsigned char sg_r_class[256];
/* For the first two letters (lower case), 1 + the index of the number word
 * starting with them, else 0: no two number words share them. */
static unsigned char sg_r_numword_by2[26][26];
static pthread_once_t sg_r_once = PTHREAD_ONCE_INIT;

static void sg_r_init(void)
{
    for (int c = 0; c < 256; c++) {
        if (sg_is_alpha(c))
            sg_r_class[c] |= SG_RC_ALPHA;
        if (sg_is_digit(c) || c == 0xE2 || c == 0xC2 || c == 0xF0)
            sg_r_class[c] |= SG_RC_START;
    }
    for (size_t k = 0; sg_r_numwords[k]; k++) {
        unsigned char c = (unsigned char)sg_r_numwords[k][0];
        sg_r_class[c] |= SG_RC_START;
        sg_r_class[c ^ 0x20] |= SG_RC_START;
        sg_r_numword_by2[c - 'a'][sg_r_numwords[k][1] - 'a'] = (unsigned char)(k + 1);
    }
}

/* Is the run of letters t[i, e) a number word?  Three to five letters:
 * most words fail that, the rest are compared with the one number word
 * that starts with their first two letters, if any. */
static int sg_r_is_numword(sg_uc *t, size_t i, size_t e)
{
    size_t len = e - i;
    if (len < 3 || len > 5)
        return 0;
    unsigned k = sg_r_numword_by2[(t[i] | 0x20) - 'a'][(t[i + 1] | 0x20) - 'a'];
    if (!k)
        return 0;
    const char *w = sg_r_numwords[k - 1];
    size_t j = 2;
    while (j < len && (unsigned char)w[j] == (t[i + j] | 0x20))
        j++;
    return j == len && !w[len];
}

/* A number word ("four") at a word start. */
static int sg_r_numword(sg_uc *t, size_t n, size_t i, double *v, size_t *end)
{
    if (!sg_r_word_start(t, i) || i >= n || !sg_is_alpha(t[i]))
        return 0;
    /* most words start with no number word's letter */
    unsigned char c0 = (unsigned char)(t[i] | 0x20);
    if (!(sg_r_class[c0] & SG_RC_START))
        return 0;
    for (size_t k = 0; sg_r_numwords[k]; k++) {
        if ((unsigned char)sg_r_numwords[k][0] != c0)
            continue;
        size_t e = sg_r_word(t, n, i, sg_r_numwords[k]);
        if (e) {
            *v = (double)k;
            *end = e;
            return 1;
        }
    }
    return 0;
}

/* A scale after "out of": digits or a number word, or "a hundred". */
static int sg_r_scale_at(sg_uc *t, size_t n, size_t i, double *v, size_t *end)
{
    size_t skip;
    int lead0;
    if (i < n && sg_is_digit(t[i])) {
        if (!sg_r_number(t, n, i, v, end, &skip, &lead0) || lead0 || *v < 1 ||
            *v != floor(*v) || (*end < n && (sg_is_alnum(t[*end]) || t[*end] == '/')))
            return 0;
        return 1;
    }
    size_t e;
    if ((e = sg_r_word(t, n, i, "a hundred")) || (e = sg_r_word(t, n, i, "hundred"))) {
        *v = 100;
        *end = e;
        return 1;
    }
    return sg_r_numword(t, n, i, v, end) && *v >= 1;
}

/* "stars" / "star" as a word at t[i]; returns its end or 0. */
static size_t sg_r_star_word(sg_uc *t, size_t n, size_t i)
{
    size_t e = sg_r_word(t, n, i, "stars");
    return e ? e : sg_r_word(t, n, i, "star");
}

/* An explicit scale after a stars count: "out of 4", "(out of 4)", "/5",
 * "of 5".  Returns the end or 0. */
static size_t sg_r_star_scale(sg_uc *t, size_t n, size_t i, double *scale)
{
    size_t j = sg_r_skip_spaces(t, n, i);
    int paren = j < n && t[j] == '(';
    if (paren)
        j = sg_r_skip_spaces(t, n, j + 1);
    size_t e = 0;
    if (j < n && t[j] == '/')
        e = sg_r_skip_spaces(t, n, j + 1);
    else if (!(e = sg_r_match(t, n, j, "out of ")))
        e = sg_r_match(t, n, j, "of ");
    if (!e || !sg_r_scale_at(t, n, e, scale, &e))
        return 0;
    if (paren) {
        e = sg_r_skip_spaces(t, n, e);
        if (e < n && t[e] == ')')
            e++;
        else
            return 0;
    }
    return e;
}

enum {
    SG_RF_FRACTION = 1,
    SG_RF_OUTOF,
    SG_RF_STARS,
    SG_RF_BARE,
    SG_RF_GLYPHS,
    SG_RF_GRADE,
    SG_RF_WORD,
    SG_RF_PERCENT
};

/* One rating found in a line: offsets relative to the line. */
typedef struct sg_rval {
    size_t s, e;
    int form;
    double value, scale, norm;
    int scale_given; /* the scale is written, not inferred */
    int unit;        /* "stars" written after a fraction; a rated thing after
                        "N-star" ("a four-star film") */
    int half;        /* the value has a half (3.5, ½) */
    size_t slots;    /* glyphs: number of star glyphs drawn */
} sg_rval;

static int sg_r_common_scale(double s)
{
    return s == 4 || s == 5 || s == 10 || s == 20 || s == 100;
}

/* A numeric rating starting at t[i] (a digit or a number word).  *resume
 * gets where the caller's scan continues. */
static int sg_r_numeric(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume)
{
    double v;
    size_t e, skip;
    int lead0 = 0, word = 0;
    memset(rv, 0, sizeof *rv);
    *resume = i + 1;
    if (sg_is_digit(t[i])) {
        if (!sg_r_number(t, n, i, &v, &e, &skip, &lead0)) {
            *resume = skip > i ? skip : i + 1;
            return 0;
        }
        *resume = skip > e ? skip : e;
    } else {
        if (!sg_r_numword(t, n, i, &v, &e))
            return 0;
        word = 1;
        *resume = e;
    }
    rv->s = i;
    rv->value = v;
    rv->half = v != floor(v);
    /* "3rd", "2h", "4k", "90s", "45%" are not scores */
    if (e < n && (sg_is_alpha(t[e]) || t[e] == '%'))
        return 0;
    size_t j = e;
    if (!word && !lead0) {
        /* fraction: N/M with nothing date-like around it */
        size_t p = sg_r_skip_spaces(t, n, j), sl = 0;
        if (p < n && t[p] == '/')
            sl = 1;
        else if (p + 2 < n && t[p] == 0xE2 &&
                 ((t[p + 1] == 0x81 && t[p + 2] == 0x84) || /* ⁄ fraction slash */
                  (t[p + 1] == 0x88 && t[p + 2] == 0x95)))  /* ∕ division slash */
            sl = 3;
        if (sl && p - j <= 1) {
            size_t q0 = p + sl;
            if (q0 < n && t[q0] == ' ')
                q0++;
            double sc;
            size_t q, sk;
            int lz;
            if (q0 < n && sg_is_digit(t[q0]) && sg_r_number(t, n, q0, &sc, &q, &sk, &lz)) {
                *resume = sk > q ? sk : q;
                if (lz || sc != floor(sc) || sc < 1 || sc > 1000 ||
                    (q < n && (t[q] == '/' || sg_is_digit(t[q]) || t[q] == '%' ||
                               sg_is_alpha(t[q]) ||
                               (t[q] == 0xC2 && q + 1 < n && t[q + 1] == 0xBD))))
                    return 0;
                rv->form = SG_RF_FRACTION;
                rv->scale = sc;
                rv->scale_given = 1;
                rv->e = q;
                size_t a = sg_r_skip_spaces(t, n, q), se;
                if (a > q && (se = sg_r_star_word(t, n, a))) {
                    rv->unit = 1;
                    rv->e = se;
                } else if (a > q && sg_is_alpha(t[a]) &&
                           sg_r_any_word(t, n, a, a + 1, sg_r_units)) {
                    size_t w = a;
                    while (w < n && sg_is_alpha(t[w]))
                        w++;
                    for (size_t k = 0; sg_r_units[k]; k++)
                        if (sg_r_word(t, n, a, sg_r_units[k]) == w)
                            return 0;
                }
                return rv->value <= rv->scale;
            }
            return 0;
        }
    }
    if (lead0)
        return 0;
    /* a half written out: "3 1/2 stars", "three and a half stars" */
    size_t h = sg_r_skip_spaces(t, n, j), he;
    if (!rv->half && j < n && t[j] == '-' &&
        (he = sg_r_word(t, n, j + 1, "and-a-half"))) {
        v += 0.5; /* "three-and-a-half stars" */
        rv->half = 1;
        j = he;
        h = sg_r_skip_spaces(t, n, j);
    }
    if (!rv->half && h > j) {
        if (h + 3 <= n && !memcmp(t + h, "1/2", 3) &&
            (h + 3 == n || !sg_is_alnum(t[h + 3])) && !word) {
            v += 0.5;
            rv->half = 1;
            j = h + 3;
        } else if (h + 1 < n && t[h] == 0xC2 && t[h + 1] == 0xBD && !word) {
            v += 0.5; /* "3 ½ stars" */
            rv->half = 1;
            j = h + 2;
        } else if ((he = sg_r_word(t, n, h, "and a half"))) {
            v += 0.5;
            rv->half = 1;
            j = he;
        } else if ((he = sg_r_word(t, n, h, "and one half"))) {
            v += 0.5;
            rv->half = 1;
            j = he;
        }
    }
    rv->value = v;
    size_t a = sg_r_skip_spaces(t, n, j), k;
    if (j < n && t[j] == '-' && (k = sg_r_word(t, n, j + 1, "star"))) {
        /* "a four-star film" (a rating), not "a five-star hotel" */
        static const char *const rated[] = {"film",       "movie",  "book",   "read",
                                            "show",       "series", "season", "episode",
                                            "game",       "rating", "review", "watch",
                                            "experience", "novel",  "album",  NULL};
        if (v > 5 || !sg_r_next_word_in(t, n, k, rated))
            return 0;
        rv->form = SG_RF_STARS;
        rv->scale = 5;
        rv->unit = 1;
        rv->e = k;
        *resume = k;
        return 1;
    }
    int gk;
    size_t gl;
    if (!word && (gl = sg_r_glyph(t, n, a, &gk)) && gk == 2 &&
        !sg_r_glyph(t, n, a + gl, &gk) &&
        !(a + gl + 1 < n && t[a + gl] == ' ' && sg_r_glyph(t, n, a + gl + 1, &gk))) {
        /* "4.5 ⭐": a number of stars and one star drawn */
        rv->form = SG_RF_STARS;
        rv->scale = v <= 5 ? 5 : 10;
        rv->e = a + gl;
        *resume = rv->e;
        return v <= rv->scale;
    }
    if (a > j && (k = sg_r_match(t, n, a, "of "))) {
        /* "4 of 5 stars" (the stars make it no count) */
        double sc;
        size_t q, b, se;
        if (sg_r_scale_at(t, n, k, &sc, &q) && (b = sg_r_skip_spaces(t, n, q)) > q &&
            (se = sg_r_star_word(t, n, b)) && v <= sc) {
            rv->form = SG_RF_OUTOF;
            rv->scale = sc;
            rv->scale_given = 1;
            rv->unit = 1;
            rv->e = se;
            *resume = se;
            return 1;
        }
    }
    if (a > j && (k = sg_r_match(t, n, a, "out of "))) {
        double sc;
        size_t q;
        if (!sg_r_scale_at(t, n, k, &sc, &q))
            return 0;
        rv->form = SG_RF_OUTOF;
        rv->scale = sc;
        rv->scale_given = 1;
        rv->e = q;
        size_t b = sg_r_skip_spaces(t, n, q), se;
        if (b > q && (se = sg_r_star_word(t, n, b))) {
            rv->unit = 1;
            rv->e = se;
        }
        *resume = rv->e;
        return sc >= 1 && v <= sc;
    }
    if (a > j && (k = sg_r_star_word(t, n, a))) {
        rv->form = SG_RF_STARS;
        rv->e = k;
        double sc;
        size_t q = sg_r_star_scale(t, n, k, &sc);
        if (q) {
            rv->scale = sc;
            rv->scale_given = 1;
            rv->e = q;
        } else
            rv->scale = v <= 5 ? 5 : 10;
        *resume = rv->e;
        return rv->scale >= 1 && v <= rv->scale;
    }
    if (!word) {
        double sc;
        size_t q;
        if (a < n && t[a] == '(' && (q = sg_r_star_scale(t, n, j, &sc))) {
            /* "Score: 4 (out of 5)" */
            rv->form = SG_RF_OUTOF;
            rv->scale = sc;
            rv->scale_given = 1;
            rv->e = q;
            *resume = q;
            return sc >= 1 && v <= sc;
        }
        rv->form = SG_RF_BARE;
        rv->e = j;
        return 1;
    }
    return 0;
}

static int sg_r_glyphs(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume)
{
    memset(rv, 0, sizeof *rv);
    size_t j = i, last = i, full = 0, halves = 0, empty = 0;
    int kind;
    size_t l;
    while ((l = sg_r_glyph(t, n, j, &kind))) {
        if (kind == 2)
            full++;
        else if (kind == 1)
            halves++;
        else
            empty++;
        j += l;
        last = j;
        if (j + 1 < n && t[j] == ' ' && sg_r_glyph(t, n, j + 1, &kind))
            j++;
    }
    *resume = last > i ? last : i + 1;
    /* five empty stars are a widget waiting for a vote, not a rating */
    if (full + empty == 0 || halves > 1 || full + halves == 0)
        return 0;
    rv->s = i;
    rv->e = last;
    rv->form = SG_RF_GLYPHS;
    rv->value = (double)full + 0.5 * (double)halves;
    rv->half = halves > 0;
    rv->slots = full + halves + empty;
    if (empty && rv->slots >= 3 && rv->slots <= 10) {
        rv->scale = (double)rv->slots;
        rv->scale_given = 1;
    } else
        rv->scale = rv->value <= 5 ? 5 : 10;
    double sc;
    size_t q = sg_r_star_scale(t, n, last, &sc);
    if (q) {
        rv->scale = sc;
        rv->scale_given = 1;
        rv->e = q;
        *resume = q;
    }
    return rv->value <= rv->scale;
}

/* A letter grade at t[i]: A-D or F, an optional sign (+ - − –), then the end
 * of the text or something that is not a word ("Grade: A stylish film" is
 * not a grade). */
static int sg_r_grade(sg_uc *t, size_t n, size_t i, int need_sign, sg_rval *rv)
{
    if (i >= n || !sg_r_word_start(t, i))
        return 0;
    char c = (char)t[i];
    if (c != 'A' && c != 'B' && c != 'C' && c != 'D' && c != 'F')
        return 0;
    size_t j = i + 1;
    int sign = 0;
    if (j < n && t[j] == '+')
        sign = 1, j++;
    else if (j < n && t[j] == '-') {
        if (j + 1 < n && sg_is_alnum(t[j + 1]))
            return 0; /* "B-movie" */
        sign = -1, j++;
    } else if (j + 2 < n && t[j] == 0xE2 &&
               ((t[j + 1] == 0x88 && t[j + 2] == 0x92) ||
                (t[j + 1] == 0x80 && t[j + 2] == 0x93)) &&
               !(j + 3 < n && sg_is_alnum(t[j + 3])))
        sign = -1, j += 3;
    if (need_sign && !sign)
        return 0;
    if (j < n &&
        (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '+' || t[j] == '-' || t[j] >= 0x80))
        return 0;
    size_t k = sg_r_skip_spaces(t, n, j);
    if (k < n && (sg_is_alnum(t[k]) || t[k] >= 0x80 || t[k] == '\'' || t[k] == '"'))
        return 0;
    memset(rv, 0, sizeof *rv);
    rv->s = i;
    rv->e = j;
    rv->form = SG_RF_GRADE;
    rv->value = rv->scale = NAN;
    rv->norm = sg_grade_norm(c, sign);
    return 1;
}

/* A verdict in words over [s, e) worth `norm` (NAN when unknown). */
static void sg_r_words_value(sg_rval *rv, size_t s, size_t e, double norm)
{
    memset(rv, 0, sizeof *rv);
    rv->s = s;
    rv->e = e;
    rv->form = SG_RF_WORD;
    rv->value = rv->scale = NAN;
    rv->norm = norm;
}

/* A verdict phrase from the table at t[i] (the longest one). */
static int sg_r_verdict(sg_uc *t, size_t n, size_t i, int weak_ok, sg_rval *rv)
{
    if (i >= n || !sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
        return 0;
    size_t best = 0, bi = 0;
    for (size_t k = 0; k < sizeof sg_verdicts / sizeof sg_verdicts[0]; k++) {
        size_t e = sg_r_word(t, n, i, sg_verdicts[k].phrase);
        if (e > best) {
            best = e;
            bi = k;
        }
    }
    if (!best || (!weak_ok && !sg_verdicts[bi].alone))
        return 0;
    sg_r_words_value(rv, i, best, sg_verdicts[bi].norm);
    return 1;
}

/* ---- labels and sections --------------------------------------------------- */

/* Label words; `strong` ones ("overall", "final") name the overall score;
 * "recommend" takes a yes or no, or the reviewer's own words. */
static const char *const sg_r_labels[] = {
    "rating", "score",    "grade",     "verdict",     "overall",        "rated",
    "stars",  "our take", "recommend", "recommended", "recommendation", NULL};

/* What a label says about the value after it. */
typedef struct sg_rlabel {
    int sep;      /* a separator was written */
    int only_num; /* numbers only ("rated") */
    int strong;   /* it names the overall score */
    int at_end;   /* nothing follows it on the line */
    int free;     /* "Recommend:": a yes, a no or free words; "Recommended:",
                     "Recommendation:" a yes, a no or a verdict word only (2) */
    int stars;    /* "Stars:": a bare number counts stars, out of 5 */
    size_t end;   /* where the label word ends */
} sg_rlabel;

/* A label near the start of the line: up to three words, then a label word,
 * then a separator (: - – — = |) or a space.  Returns the offset where the
 * value may start (0 when no label). */
static size_t sg_r_label(sg_uc *t, size_t n, sg_rlabel *lb)
{
    size_t i = 0;
    memset(lb, 0, sizeof *lb);
    int *sep = &lb->sep, *only_num = &lb->only_num, *strong = &lb->strong,
        *at_end = &lb->at_end;
    for (int w = 0; w < 4 && i < n && i < 40; w++) {
        for (size_t k = 0; sg_r_labels[k]; k++) {
            if ((t[i] | 0x20) != sg_r_labels[k][0]) /* cheap, and most words */
                continue;
            size_t e = sg_r_word(t, n, i, sg_r_labels[k]);
            if (!e)
                continue;
            /* "IMDb rating:", "Original score:" label someone else's */
            if (i && (sg_r_any_word(t, n, 0, i, sg_r_raters) ||
                      sg_r_any_word(t, n, 0, i, sg_r_label_others) ||
                      sg_r_any_word(t, n, 0, i, sg_r_other_work)))
                return 0;
            /* "Overall rating:", "Score rating" read as one label */
            size_t nx = sg_r_skip_spaces(t, n, e);
            int chained = 0;
            for (size_t k2 = 0; nx > e && sg_r_labels[k2] && !chained; k2++)
                chained = sg_r_word(t, n, nx, sg_r_labels[k2]) != 0;
            if (chained) {
                if (!strcmp(sg_r_labels[k], "overall"))
                    *strong = 1;
                break;
            }
            /* "3/5 stars": "stars" labels only with a separator */
            lb->free = !strcmp(sg_r_labels[k], "recommend") ? 1
                       : !strcmp(sg_r_labels[k], "recommended") ||
                               !strcmp(sg_r_labels[k], "recommendation")
                           ? 2
                           : 0;
            if (lb->free == 2 && i)
                return 0; /* "Highly recommended: for fans of ..." */
            lb->stars = !strcmp(sg_r_labels[k], "stars");
            int needs_sep = lb->stars || lb->free;
            lb->end = e;
            if (!strcmp(sg_r_labels[k], "rated"))
                *only_num = 1;
            if (!strcmp(sg_r_labels[k], "overall"))
                *strong = 1;
            if (i >= 6 &&
                (sg_r_match(t, n, i - 6, "final ") || sg_r_match(t, n, i - 6, "total ")))
                *strong = 1;
            size_t j = sg_r_skip_spaces(t, n, e);
            if (j < n && (t[j] == ':' || t[j] == '-' || t[j] == '=' || t[j] == '|' ||
                          (t[j] == '?' && lb->free))) {
                *sep = 1;
                j++;
            } else if (j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 &&
                       (t[j + 2] == 0x93 || t[j + 2] == 0x94)) {
                *sep = 1;
                j += 3;
            } else if ((j == e && j < n) || needs_sep)
                return 0; /* "rating's", "score.", "4 stars" */
            j = sg_r_skip_spaces(t, n, j);
            if (j >= n)
                *at_end = 1;
            return j;
        }
        /* next word */
        while (i < n && !sg_is_hspace(t[i]))
            i++;
        i = sg_r_skip_spaces(t, n, i);
    }
    return 0;
}

/* A short line that opens a verdict section ("TL;DR", "The Verdict"). */
static const char *const sg_r_sections[] = {"tl;dr",
                                            "tldr",
                                            "tl dr",
                                            "verdict",
                                            "the verdict",
                                            "final verdict",
                                            "our verdict",
                                            "my verdict",
                                            "bottom line",
                                            "the bottom line",
                                            "final thoughts",
                                            "conclusion",
                                            "in conclusion",
                                            "final word",
                                            "the final word",
                                            "summary",
                                            "in summary",
                                            "overall",
                                            "final score",
                                            "the final score",
                                            NULL};

/* A short line that opens a run of page chrome. */
static const char *const sg_r_chrome[] = {"related posts",
                                          "related articles",
                                          "related reviews",
                                          "related stories",
                                          "related",
                                          "you may also like",
                                          "you might also like",
                                          "more reviews",
                                          "more from",
                                          "trending",
                                          "trending posts",
                                          "trending now",
                                          "recommended for you",
                                          "popular posts",
                                          "latest reviews",
                                          "more stories",
                                          "leave a reply",
                                          "leave a comment",
                                          "comments",
                                          "read next",
                                          NULL};

/* Does the line start with one of `list`, followed by the end, a colon or a
 * dash?  `whole`: only the end (after optional ':' and spaces). */
static int sg_r_line_is(sg_uc *t, size_t n, const char *const *list, int whole)
{
    for (size_t k = 0; list[k]; k++) {
        if ((t[0] | 0x20) != list[k][0]) /* cheap, and most lines */
            continue;
        size_t e = sg_r_match(t, n, 0, list[k]);
        if (!e || (e < n && sg_is_alnum(t[e])))
            continue;
        size_t j = sg_r_skip_spaces(t, n, e);
        if (j < n && t[j] == ':')
            j = sg_r_skip_spaces(t, n, j + 1);
        if (j >= n)
            return 1;
        if (!whole && (e < n && (t[e] == ':' || t[j] == '-')))
            return 1;
    }
    return 0;
}

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

/* Is everything in t[0,n) outside [s,e) bullets, spaces or punctuation? */
static int sg_r_alone(sg_uc *t, size_t n, size_t s, size_t e)
{
    if (n > 120)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (i >= s && i < e)
            continue;
        unsigned char c = t[i];
        if (sg_is_alnum(c))
            return 0;
        if (c >= 0x80) {
            /* bullets, dashes and spaces are punctuation; other letters not */
            if (i + 2 < n && c == 0xE2 && t[i + 1] == 0x80 &&
                (t[i + 2] == 0xA2 || t[i + 2] == 0x93 || t[i + 2] == 0x94 ||
                 t[i + 2] == 0x89 || t[i + 2] == 0xAF)) {
                i += 2;
                continue;
            }
            if (i + 1 < n && c == 0xC2 && (t[i + 1] == 0xA0 || t[i + 1] == 0xB7)) {
                i += 1;
                continue;
            }
            return 0;
        }
    }
    return 1;
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

/* Cue words near candidates, found by two cursors that only move forward
 * (candidates come in order), so a line full of numbers stays linear. */
#define SG_R_NEAR 80
typedef struct sg_rcues {
    size_t back_pos;  /* cues before back_pos are known ... */
    size_t back_last; /* ... the last of them starts here (or SIZE_MAX) */
    size_t fwd_pos;   /* no cue starts in [fwd_from, fwd_pos) but fwd_hit */
    size_t fwd_hit;   /* the first cue found at or after fwd_from (or SIZE_MAX) */
} sg_rcues;

static int sg_r_cue_at(sg_uc *t, size_t n, size_t i)
{
    return sg_is_alpha(t[i]) && sg_r_word_start(t, i) &&
           sg_r_any_word(t, n, i, i + 1, sg_r_cues);
}

/* Is there a cue word within SG_R_NEAR bytes of [s,e), outside it? */
static int sg_r_cue_near(sg_rcues *c, sg_uc *t, size_t n, size_t s, size_t e)
{
    size_t from = s > SG_R_NEAR ? s - SG_R_NEAR : 0;
    if (c->back_pos < from)
        c->back_pos = from;
    for (; c->back_pos < s; c->back_pos++)
        if (sg_r_cue_at(t, n, c->back_pos))
            c->back_last = c->back_pos;
    if (c->back_last != SIZE_MAX && c->back_last >= from && c->back_last < s)
        return 1;
    size_t to = e + SG_R_NEAR < n ? e + SG_R_NEAR : n;
    if (c->fwd_hit != SIZE_MAX && c->fwd_hit >= e)
        return c->fwd_hit < to;
    c->fwd_hit = SIZE_MAX;
    if (c->fwd_pos < e)
        c->fwd_pos = e;
    for (; c->fwd_pos < to; c->fwd_pos++)
        if (sg_r_cue_at(t, n, c->fwd_pos)) {
            c->fwd_hit = c->fwd_pos++;
            return 1;
        }
    return 0;
}

/* Only spaces and closing punctuation after t[e]. */
static int sg_r_ends_line(sg_uc *t, size_t n, size_t e)
{
    for (size_t i = e; i < n; i++)
        if (!sg_is_hspace(t[i]) && t[i] != '.' && t[i] != '!' && t[i] != ')' &&
            t[i] != ']' && t[i] != '*' && t[i] != '_')
            return 0;
    return 1;
}

/* "for me", "from me", "for this one" right after t[e]. */
static int sg_r_for_me(sg_uc *t, size_t n, size_t e)
{
    static const char *const after[] = {"for me", "from me", "for this one", "for this",
                                        NULL};
    size_t a = sg_r_skip_spaces(t, n, e);
    if (a == e)
        return 0;
    for (size_t k = 0; after[k]; k++)
        if (sg_r_word(t, n, a, after[k]))
            return 1;
    return 0;
}

/* A strong verdict word ("recommended", "masterpiece", "must see") within
 * 40 bytes of [s,e): it makes a fraction beside it a score. */
static int sg_r_verdict_near(sg_uc *t, size_t n, size_t s, size_t e)
{
    size_t from = s > 40 ? s - 40 : 0, to = e + 40 < n ? e + 40 : n;
    sg_rval w;
    for (size_t i = from; i < to; i++) {
        if (i == s)
            i = e;
        if (i >= to || !sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        if (sg_r_verdict(t, n, i, 0, &w) || (sg_r_verdict(t, n, i, 1, &w) && w.norm >= 0.9))
            return 1;
    }
    return 0;
}

/* Does the clause holding t[s], up to it, give the score to another work
 * or another rater ("than the original's 6/10", "IMDb: 7.2/10", "Unlike
 * the first film, which I gave 9/10"), or only suppose it ("would have
 * been a 9/10")?  The clause starts at the sentence's
 * start, a semicolon, a word that turns to the reviewer's own ("but",
 * "while", "this"), or ", I"; at most 160 bytes back. */
static int sg_r_other_works(sg_uc *t, size_t s)
{
    size_t a = s;
    while (a > 0 && s - a < 160 && t[a - 1] != ';' &&
           !((t[a - 1] == '.' || t[a - 1] == '!' || t[a - 1] == '?') && sg_is_hspace(t[a])))
        a--;
    size_t from = a;
    for (size_t i = a; i < s; i++) {
        if (!sg_is_alpha(t[i]) || !sg_r_word_start(t, i))
            continue;
        size_t e = 0;
        for (size_t k = 0; sg_r_clause_stops[k] && !e; k++)
            e = sg_r_word(t, s, i, sg_r_clause_stops[k]);
        if (!e && i >= 2 && t[i - 2] == ',' && (t[i] == 'I') &&
            (i + 1 >= s || !sg_is_alpha(t[i + 1])))
            e = i + 1; /* ", I'd give it" */
        if (e)
            from = e;
    }
    if (sg_r_any_word(t, s, from, s, sg_r_other_work) ||
        sg_r_any_word(t, s, from, s, sg_r_raters) ||
        sg_r_any_word(t, s, from, s, sg_r_hypothetical))
        return 1;
    /* "than Oldboy's 9/10": a possessive right before the score */
    size_t p = s;
    while (p > from && sg_is_hspace(t[p - 1]))
        p--;
    int poss = (p >= 2 && (t[p - 1] == 's' || t[p - 1] == 'S') && t[p - 2] == '\'') ||
               (p >= 4 && (t[p - 1] | 0x20) == 's' && t[p - 4] == 0xE2 &&
                t[p - 3] == 0x80 && t[p - 2] == 0x99);
    static const char *const than[] = {"than", NULL};
    return poss && sg_r_any_word(t, s, from, s, than);
}

/* The start of the word that ends right before t[i] (past spaces), or i
 * when there is none. */
static size_t sg_r_word_before(sg_uc *t, size_t i, size_t *end)
{
    size_t e = i;
    while (e > 0 && i - e < 8 && sg_is_hspace(t[e - 1]))
        e--;
    size_t s = e;
    while (s > 0 && e - s < 16 && (sg_is_alpha(t[s - 1]) || t[s - 1] == '-'))
        s--;
    *end = e;
    return s < e && (s == 0 || !sg_is_alpha(t[s - 1])) ? s : i;
}

/* Is what stands right before t[i] "a" or "an" (maybe "solid", "strong",
 * ...) with a giving word before it ("I'd give it a", "it earns an", "a
 * solid")?  2 with an adjective, 1 with a giving word, else 0. */
static int sg_r_given(sg_uc *t, size_t i)
{
    static const char *const adjectives[] = {
        "solid",       "strong",   "generous",      "firm",        "high", "low",
        "respectable", "deserved", "well-deserved", "hard-earned", "very", NULL};
    size_t e, w = sg_r_word_before(t, i, &e), adj = 0;
    if (w < i && sg_r_any_word(t, e, w, w + 1, adjectives)) {
        adj = 1;
        w = sg_r_word_before(t, w, &e);
    }
    if (w == i || (sg_r_word(t, e, w, "a") != e && sg_r_word(t, e, w, "an") != e))
        return 0;
    if (adj)
        return 2;
    return sg_r_any_word(t, w, w > 32 ? w - 32 : 0, w, sg_r_cues);
}

/* Words that may follow a score or grade given in prose and go on about
 * it ("a C+ at best", "a 7 from me"; "for me" too, but not "an A for
 * effort"). */
static const char *const sg_r_given_after[] = {
    "from",  "at",    "overall", "and", "but",  "though", "if", "because",
    "since", "which", "on",      "in",  "with", "as",     NULL};

/* A letter grade in prose at t[i], a capital standing alone: given (see
 * sg_r_given: "I'd give it a B+", "a solid B") or with "from me" after ("a
 * B from me").  What follows is the end, punctuation, or words that go on
 * about it, never more of a name ("a B-movie", "an A-list cast"). */
static int sg_r_prose_grade(sg_uc *t, size_t n, size_t i, sg_rval *rv)
{
    static const char *const articles[] = {"a", "an", NULL};
    if (!sg_r_word_start(t, i) ||
        (t[i] != 'A' && t[i] != 'B' && t[i] != 'C' && t[i] != 'D' && t[i] != 'F'))
        return 0;
    size_t j = i + 1;
    if (j < n && (t[j] == '+' || t[j] == '-'))
        j++;
    else if (j + 2 < n && t[j] == 0xE2 &&
             ((t[j + 1] == 0x88 && t[j + 2] == 0x92) ||
              (t[j + 1] == 0x80 && t[j + 2] == 0x93)))
        j += 3;
    if (j < n && (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '-' || t[j] == '+' ||
                  t[j] == '/' || t[j] == '&' ||
                  (j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 && t[j + 2] == 0x99)))
        return 0;
    if (!sg_r_given(t, i) && !(sg_r_for_me(t, n, j) && sg_r_prev_word_in(t, i, articles)))
        return 0;
    size_t k = sg_r_skip_spaces(t, n, j);
    if (k < n && sg_is_alnum(t[k]) && !sg_r_next_word_in(t, n, j, sg_r_given_after) &&
        !sg_r_for_me(t, n, j))
        return 0;
    return sg_r_grade(t, j, i, 0, rv);
}

/* A bare number given in prose as a score ("I'd give it a 7", "a solid
 * 8.5"): out of 10, so only from 6 to 10 (a 4 might be out of 5). */
static int sg_r_prose_bare(sg_uc *t, size_t n, const sg_rval *rv)
{
    if (rv->value < 6 || rv->value > 10 || !sg_r_given(t, rv->s))
        return 0;
    size_t k = sg_r_skip_spaces(t, n, rv->e);
    return !(k < n && (sg_is_alnum(t[k]) || t[k] == '/' || t[k] == '%') &&
             !sg_r_next_word_in(t, n, rv->e, sg_r_given_after) &&
             !sg_r_for_me(t, n, rv->e));
}

/* "on a scale of 1 to 10", "from 1-10", "a 1 to 10 scale" in the line: the
 * top of the scale a bare number given in prose is on, and the phrase's
 * bytes [*ps, *pe); 0 when the line has none. */
static double sg_r_scale_phrase(sg_uc *t, size_t n, size_t *ps, size_t *pe)
{
    static const char *const of[] = {"of", "from", NULL};
    for (size_t i = 0; i < n; i++) {
        if ((t[i] | 0x20) != 's' || !sg_r_word_start(t, i) ||
            !sg_r_word(t, n, i, "scale"))
            continue;
        double lo, hi;
        size_t a, e;
        /* after: "scale of 1 to 10" */
        a = sg_r_skip_spaces(t, n, i + 5);
        for (size_t k = 0; of[k]; k++) {
            size_t b = sg_r_word(t, n, a, of[k]), c;
            if (!b || !sg_r_scale_at(t, n, sg_r_skip_spaces(t, n, b), &lo, &c) || lo > 1)
                continue;
            c = sg_r_skip_spaces(t, n, c);
            size_t d = sg_r_word(t, n, c, "to");
            if (!d && c < n && t[c] == '-')
                d = c + 1;
            else if (!d && c + 2 < n && t[c] == 0xE2 && t[c + 1] == 0x80 &&
                     t[c + 2] == 0x93)
                d = c + 3;
            if (d && sg_r_scale_at(t, n, sg_r_skip_spaces(t, n, d), &hi, &e) &&
                sg_r_common_scale(hi)) {
                *ps = i;
                *pe = e;
                return hi;
            }
        }
        /* before: "a 1-10 scale", "a 1 to 10 scale" */
        size_t q = i;
        while (q > 0 && i - q < 4 && sg_is_hspace(t[q - 1]))
            q--;
        size_t d = q;
        while (d > 0 && q - d < 3 && sg_is_digit(t[d - 1]))
            d--;
        if (d == q || !sg_r_scale_at(t, n, d, &hi, &e) || e != q ||
            !sg_r_common_scale(hi))
            continue;
        size_t c = d;
        if (c > 0 && t[c - 1] == '-')
            c--;
        else if (c >= 4 && sg_r_match(t, n, c - 4, " to ") == c)
            c -= 4;
        else
            continue;
        if (c > 0 && (t[c - 1] == '0' || t[c - 1] == '1') &&
            (c == 1 || !sg_is_alnum(t[c - 2]))) {
            *ps = c - 1;
            *pe = i + 5;
            return hi;
        }
    }
    return 0;
}

/* Whether an unlabelled numeric rating stands in prose or alone. */
static int sg_r_prose_ok(sg_rcues *cues, sg_uc *t, size_t n, const sg_rval *rv, int alone,
                         int late)
{
    switch (rv->form) {
    case SG_RF_FRACTION:
    case SG_RF_OUTOF: {
        static const char *const joke[] = {"would", "wouldn't", "wouldn", NULL};
        if (!sg_r_common_scale(rv->scale) || rv->value > rv->scale)
            return 0;
        if (sg_r_prev_word_in(t, rv->s, sg_r_series))
            return 0;
        if (alone || rv->unit)
            return 1;
        /* "on 3/4" is a date, "9 out of 10 viewers" a count, "10/10 would
         * watch again" a joke */
        if (sg_r_prev_word_in(t, rv->s, sg_r_dated) ||
            sg_r_next_word_in(t, n, rv->e, sg_r_counted) ||
            sg_r_next_word_in(t, n, rv->e, joke))
            return 0;
        if (sg_r_cue_near(cues, t, n, rv->s, rv->e))
            return 1;
        /* a fraction ending its line: out of 10 or 100 anywhere, any common
         * scale in a verdict section or the last third ("A gorgeous mess.
         * 3/5") */
        if (rv->form == SG_RF_FRACTION && (rv->scale == 10 || rv->scale == 100 || late) &&
            sg_r_ends_line(t, n, rv->e))
            return 1;
        /* "3/5 from me", "8.5/10, recommended", "perfect, 10/10, a
         * masterpiece" */
        return sg_r_for_me(t, n, rv->e) || sg_r_verdict_near(t, n, rv->s, rv->e);
    }
    case SG_RF_STARS:
        /* "the film's three stars" are actors: a score needs a half, a
         * scale, a line of its own or a cue */
        if (rv->scale_given && !sg_r_common_scale(rv->scale))
            return 0;
        return alone || rv->half || rv->scale_given || rv->unit ||
               sg_r_cue_near(cues, t, n, rv->s, rv->e) ||
               (late && sg_r_ends_line(t, n, rv->e));
    case SG_RF_GLYPHS:
        return alone || rv->slots >= 2 || sg_r_cue_near(cues, t, n, rv->s, rv->e);
    default:
        return 0;
    }
}

static void sg_r_finish_num(sg_rval *rv)
{
    if (rv->form == SG_RF_BARE) {
        rv->scale = rv->value <= 10 ? 10 : 100;
    }
    rv->norm = rv->scale > 0 ? rv->value / rv->scale : NAN;
}

/* Offer a number found in prose when the prose around it allows one. */
/* A label right before t[s] inside a line ("Story: 3/5, Overall: 4/5",
 * "| **Score:** 8/10"): one label word, then a separator.  *strong is set
 * for an overall or final one. */
static int sg_r_label_before(sg_uc *t, size_t s, int *strong)
{
    static const char *const labels[] = {"rating",  "score", "grade", "verdict",
                                         "overall", "stars", NULL};
    static const char *const overall[] = {"overall", "final", "total", NULL};
    size_t p = s;
    while (p > 0 && s - p < 8 &&
           (sg_is_hspace(t[p - 1]) || t[p - 1] == '*' || t[p - 1] == '_'))
        p--;
    if (p >= 3 && t[p - 3] == 0xE2 && t[p - 2] == 0x80 &&
        (t[p - 1] == 0x93 || t[p - 1] == 0x94))
        p -= 3;
    else if (p > 0 && (t[p - 1] == ':' || t[p - 1] == '-' || t[p - 1] == '='))
        p--;
    else
        return 0;
    while (p > 0 && s - p < 16 &&
           (sg_is_hspace(t[p - 1]) || t[p - 1] == '*' || t[p - 1] == '_'))
        p--;
    size_t e, w = sg_r_word_before(t, p, &e);
    if (w == p || e != p || !sg_r_any_word(t, e, w, w + 1, labels))
        return 0;
    size_t e2, w2 = sg_r_word_before(t, w, &e2);
    if (w2 < w && (sg_r_any_word(t, e2, w2, w2 + 1, sg_r_label_others) ||
                   sg_r_any_word(t, e2, w2, w2 + 1, sg_r_raters)))
        return 0; /* "Your rating: 4/5" */
    *strong = sg_r_word(t, e, w, "overall") != 0 ||
              (w2 < w && sg_r_any_word(t, e2, w2, w2 + 1, overall));
    return 1;
}

/* Does a count of votes follow the score at t[e] ("4.2/5 (120 votes)",
 * "3.9 from 1,204 ratings")?  Then it is an average of readers' scores. */
static int sg_r_aggregate(sg_uc *t, size_t n, size_t e)
{
    static const char *const votes[] = {"votes",     "vote",  "ratings", "reviews",
                                        "reviewers", "users", "voters",  NULL};
    size_t to = e + 32 < n ? e + 32 : n;
    for (size_t i = e; i < to; i++)
        if (sg_is_digit(t[i]) && (i == e || !sg_is_digit(t[i - 1]))) {
            size_t k = i;
            while (k < n && (sg_is_digit(t[k]) || t[k] == ',' || t[k] == '.'))
                k++;
            if (sg_r_next_word_in(t, n, k, votes) && sg_r_skip_spaces(t, n, k) > k)
                return 1;
        }
    return 0;
}

/* Offer a number found in prose when the prose around it allows one:
 * `stated` when its context already makes it a score ("on a scale of 1 to
 * 10, this is an 8"). */
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

/* A value right at t[i] after a label: numbers, glyphs, a grade or a word. */
static int sg_r_value_at(sg_uc *t, size_t n, size_t i, int only_num, int bare_grade,
                         sg_rval *rv)
{
    size_t resume;
    if (i >= n)
        return 0;
    if (sg_is_digit(t[i]) && (i == 0 || !sg_is_alnum(t[i - 1]))) {
        double v;
        size_t e, skip;
        int lead0;
        if (sg_r_number(t, n, i, &v, &e, &skip, &lead0) && e < n && t[e] == '%') {
            /* "Score: 85%": a percentage labelled as the score */
            if (lead0 || v <= 0 || v > 100 || (e + 1 < n && sg_is_alnum(t[e + 1])))
                return 0;
            memset(rv, 0, sizeof *rv);
            rv->s = i;
            rv->e = e + 1;
            rv->form = SG_RF_PERCENT;
            rv->value = v;
            rv->scale = 100;
            rv->scale_given = 1;
            rv->norm = v / 100;
            return 1;
        }
        if (!sg_r_numeric(t, n, i, rv, &resume))
            return 0;
        if (rv->form == SG_RF_BARE) {
            /* "Our score: 8" ends there; "Score: 8 tracks" does not */
            size_t j = sg_r_skip_spaces(t, n, rv->e);
            if (only_num || rv->value > 100 ||
                (j < n &&
                 (sg_is_alnum(t[j]) || t[j] == '\'' || t[j] == '"' || t[j] >= 0x80) &&
                 !(j + 2 < n && t[j] == 0xE2 && t[j + 1] == 0x80 &&
                   (t[j + 2] == 0x93 || t[j + 2] == 0x94))))
                return 0;
        }
        if (rv->form == SG_RF_FRACTION || rv->form == SG_RF_OUTOF)
            if (rv->scale < 2 || rv->value > rv->scale)
                return 0;
        sg_r_finish_num(rv);
        return 1;
    }
    if (sg_is_alpha(t[i]) && sg_r_numword(t, n, i, &(double){0}, &resume)) {
        if (sg_r_numeric(t, n, i, rv, &resume)) {
            sg_r_finish_num(rv);
            return 1;
        }
        return 0;
    }
    if (sg_r_glyphs(t, n, i, rv, &resume)) {
        sg_r_finish_num(rv);
        return 1;
    }
    if (only_num)
        return 0;
    if (sg_r_grade(t, n, i, !bare_grade, rv))
        return 1;
    if (i >= 4 && (sg_r_match(t, n, i - 4, "not ") ||
                   (i >= 6 && sg_r_match(t, n, i - 6, "never "))))
        return 0;
    return sg_r_verdict(t, n, i, 1, rv);
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
        i = sg_r_skip_spaces(t, e, i + 1);
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

int sg_rating_read_value(const char *text, size_t n, sg_rating_read *r)
{
    pthread_once(&sg_r_once, sg_r_init);
    sg_uc *t = (sg_uc *)text;
    sg_rval rv;
    memset(r, 0, sizeof *r);
    if (!n || !sg_r_value_at(t, n, 0, 0, 1, &rv) || !sg_r_alone(t, n, rv.s, rv.e))
        return 0;
    r->s = rv.s;
    r->e = rv.e;
    r->verdict = rv.form == SG_RF_GRADE || rv.form == SG_RF_WORD;
    r->bare = rv.form == SG_RF_BARE;
    r->value = rv.value;
    r->scale = rv.scale;
    r->norm = rv.norm;
    return 1;
}

/* One line of an article block: view bytes [lv, lv+ln). */
/* A line's text for the scan: [*a, *b) without the spaces around it, a
 * leading bullet or opening emphasis ("**Rating: 4/5**" in plain text). */
static void sg_r_line_text(sg_uc *line, size_t ln, size_t *a_out, size_t *b_out)
{
    size_t a = sg_r_skip_spaces(line, ln, 0), b = ln;
    while (b > a && (sg_is_hspace(line[b - 1])))
        b--;
    if (a + 2 < b && line[a] == 0xE2 && line[a + 1] == 0x80 && line[a + 2] == 0xA2)
        a = sg_r_skip_spaces(line, b, a + 3);
    else if (a + 1 < b &&
             (line[a] == '-' || line[a] == '*' || line[a] == '+' || line[a] == '>') &&
             sg_is_hspace(line[a + 1]))
        a = sg_r_skip_spaces(line, b, a + 1);
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
            i = sg_r_skip_spaces(t, n, i);
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
        while (i < n && !sg_r_class[t[i]])
            i++;
        if (i >= n)
            break;
        unsigned char c = t[i];
        unsigned cls = sg_r_class[c];
        size_t resume;
        if (cls & SG_RC_ALPHA) {
            size_t e = i + 1;
            while (e < n && (sg_r_class[t[e]] & SG_RC_ALPHA))
                e++;
            if (e == i + 1 && sg_r_prose_grade(t, n, i, &rv)) {
                /* "I'd give it a B+" */
                if (!sg_r_other_works(t, i))
                    sg_r_offer(sc, block, tv, &rv, sg_r_alone(t, n, rv.s, rv.e) ? 4 : 0);
                i = rv.e;
                continue;
            }
            if (!(cls & SG_RC_START) || !sg_r_word_start(t, i) ||
                !sg_r_is_numword(t, i, e)) {
                /* no number word: passed over whole, with the space after */
                i = e < n && !sg_r_class[t[e]] ? e + 1 : e;
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
            if (sg_r_glyph(t, n, i, &kind) && kind != 1 &&
                !(i >= 3 && sg_r_glyph(t, n, i - 3, &kind)) &&
                !(i >= 4 && sg_r_glyph(t, n, i - 4, &kind))) {
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
    pthread_once(&sg_r_once, sg_r_init);
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
