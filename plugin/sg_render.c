/*
 * sg_render.c -- the annotated article: the input with spoiler marks, a
 * warning, a rating badge and (HTML) schema.org JSON-LD inserted, and nothing
 * else changed.
 *
 * Every insertion is a (position, text) pair; they are sorted by position
 * (closes before opens at one position) and written with the input in one
 * pass.  Each text is a chunk in its format's signature (see sg_strip.c), so
 * stripping gives the input back byte for byte.  The output is checked
 * before it is returned: its chunks are found again and removing them must
 * give the input.  Insertions the finder would not see exactly as written
 * (an odd spot in broken markup: a stray </details>, an unclosed comment)
 * fall back to a simpler form and are tried again: a <details> becomes
 * spans, a span over a sentence becomes spans over its runs of text, and
 * what still does not fit is left out rather than risk the round trip.
 *
 * A second run inserts nothing: earlier chunks are cut out of the document's
 * text, so the same sentences are flagged again, they lie inside marked
 * ranges (flag.marked) and are skipped, and a warning, badge or JSON-LD chunk
 * already present is not inserted again.
 */
#include "sg_internal.h"

#include <math.h>
#include <strings.h>

/* ---- insertions ------------------------------------------------------------- */

/* Order of insertions at one position. */
enum { SG_RANK_CLOSE = 0, SG_RANK_JSONLD, SG_RANK_WARNING, SG_RANK_BADGE, SG_RANK_OPEN };

/* Groups: insertions that stand or fall together. */
enum { SG_G_JSONLD = 0, SG_G_WARNING = 1, SG_G_BADGE = 2, SG_G_ASSETS = 3, SG_G_MARKS = 4 };
#define SG_G_DETAILS(i) (SG_G_MARKS + 2 * (i))    /* a <details> from mark i's block */
#define SG_G_INLINE(i) (SG_G_MARKS + 2 * (i) + 1) /* mark i as spans */
#define SG_MAX_ATTEMPTS 6
/* A span-like mark's fallbacks (sg_mark_inline). */
enum { SG_LEVEL_SENTENCE = 0, SG_LEVEL_RUNS, SG_LEVEL_CAREFUL, SG_LEVEL_NONE };

typedef struct sg_ins {
    size_t pos;
    int rank;
    size_t seq;
    size_t group;    /* insertions that stand or fall together */
    size_t off, len; /* the text, in sg_rctx.txt */
    size_t out;      /* where it landed in the output */
} sg_ins;

#define SG_MAX_KINDS 8

/* One marked sentence (or block, for html-details). */
typedef struct sg_mark {
    size_t start, end;
    size_t ev_start, ev_end; /* what its flags found (the cue, or the sentence) */
    size_t block;
    const char *kinds[SG_MAX_KINDS];
    size_t nkinds;
} sg_mark;

typedef struct sg_rctx {
    const sg_analysis *a;
    const sg_doc *doc;
    const char *src;
    size_t len;
    sg_format fmt;
    sg_style style;
    sg_badge badge;
    const char *nl; /* "\n", or "\r\n" when the input uses CRLF */
    sg_buf txt;
    sg_ins *ins;
    size_t nins, cap_ins;
    size_t group;
    sg_inline_ev *ev; /* doc->inl sorted by position */
    size_t nev;
    sg_mark *marks;
    size_t nmarks, cap_marks;
    const char *kinds[SG_MAX_KINDS]; /* every kind marked, for the warning */
    size_t nkinds;
    /* Plain text, Discord and Reddit: what is inserted is visible text
     * (sg_strip.c); the warning counts the passages marked, and replaces
     * an earlier run's warning (in `drop`) when it counts more */
    int visible;
    sg_span *drop; /* input left out of the output */
    size_t ndrop, cap_drop;
    /* Fallbacks after a failed check, by group: the warning, badge and
     * JSON-LD are left out; a block's <details> becomes spans; a span over
     * a sentence becomes spans over its runs of text, then nothing. */
    int off[SG_G_MARKS];
    size_t disclosures;        /* marks written as disclosures (html-span) */
    unsigned char *no_details; /* by the block's first mark */
    unsigned char *level;      /* by mark: its SG_LEVEL_* fallback */
    int all_off;               /* insert nothing */
    /* Markdown: where no insertion may go, (start, end] by start.  Author
     * text that opens raw HTML ("<!DOCTYPE", "<!--") and is not closed
     * before its paragraph ends: the first '>' (or "-->") an insertion
     * brought would close it and turn the text between into HTML.  And
     * autolinks, which markup inside would break. */
    sg_span *no_insert;
    size_t nno_insert, cap_no_insert;
    /* Markdown, found when first needed: the runs of '*', '_' and '~', in
     * order.  Markup next to a run can change whether it opens or closes
     * emphasis (sg_md_flank_changed). */
    sg_span *runs[3];
    size_t nruns[3], cap_runs[3];
    int runs_found;
    sg_status st;
    sg_error *err;
    int oom;
} sg_rctx;

static void sg_ins_add(sg_rctx *r, size_t pos, int rank, size_t off)
{
    if (r->txt.failed) {
        r->oom = 1;
        return;
    }
    if (pos > r->len)
        pos = r->len;
    sg_ins in;
    memset(&in, 0, sizeof in);
    in.pos = pos;
    in.rank = rank;
    in.seq = r->nins;
    in.group = r->group;
    in.off = off;
    in.len = r->txt.len - off;
    if (in.len && !SG_VEC_PUSH(r->ins, r->nins, r->cap_ins, in))
        r->oom = 1;
}

/* ---- options -------------------------------------------------------------- */

static sg_status sg_resolve(const sg_options *o, sg_format fmt, sg_style *style,
                            sg_badge *badge, sg_error *err)
{
    sg_style s = o->style;
    const char *fname = sg_format_name(fmt);
    if ((int)s < SG_STYLE_AUTO || s > SG_STYLE_MD_OBSIDIAN) {
        sg_set_error(err, SG_ERR_USAGE, "unknown style %d", (int)s);
        return SG_ERR_USAGE;
    }
    if (s == SG_STYLE_AUTO)
        s = fmt == SG_FORMAT_HTML       ? SG_STYLE_HTML_SPAN
            : fmt == SG_FORMAT_MARKDOWN ? SG_STYLE_MD_HTML
                                        : SG_STYLE_PLAIN;
    if (fmt == SG_FORMAT_HTML) {
        if (s == SG_STYLE_MD_HTML)
            s = SG_STYLE_HTML_SPAN; /* raw HTML spans are html-span in HTML */
        else if (s != SG_STYLE_HTML_SPAN && s != SG_STYLE_HTML_DETAILS) {
            /* md-hugo and md-obsidian included: Markdown for one site */
            sg_set_error(err, SG_ERR_USAGE,
                         "style %s does not fit HTML input: use html-span, html-details "
                         "or md-html",
                         sg_style_name(s));
            return SG_ERR_USAGE;
        }
    } else if (fmt == SG_FORMAT_MARKDOWN) {
        if (s == SG_STYLE_HTML_SPAN)
            s = SG_STYLE_MD_HTML; /* the same span, as raw HTML in Markdown */
    } else if (s == SG_STYLE_HTML_SPAN || s == SG_STYLE_HTML_DETAILS ||
               s == SG_STYLE_MD_HTML || s == SG_STYLE_MD_HUGO || s == SG_STYLE_MD_OBSIDIAN) {
        sg_set_error(err, SG_ERR_USAGE,
                     "style %s inserts HTML or Markdown for one site, which does not fit "
                     "%s input: use plain, md-discord, md-reddit or md-pandoc",
                     sg_style_name(s), fname);
        return SG_ERR_USAGE;
    }
    sg_badge b = o->badge;
    if ((int)b < SG_BADGE_AUTO || b > SG_BADGE_IMAGE) {
        sg_set_error(err, SG_ERR_USAGE, "unknown badge form %d", (int)b);
        return SG_ERR_USAGE;
    }
    /* Hugo's Markdown drops raw HTML, Discord and Reddit show it as text:
     * a text badge there */
    int text_only =
        fmt == SG_FORMAT_PLAIN || s == SG_STYLE_MD_DISCORD || s == SG_STYLE_MD_REDDIT;
    if (b == SG_BADGE_AUTO)
        b = text_only || s == SG_STYLE_MD_HUGO || s == SG_STYLE_MD_OBSIDIAN ? SG_BADGE_TEXT
                                                                        : SG_BADGE_HTML;
    if (text_only && b != SG_BADGE_TEXT && b != SG_BADGE_NONE) {
        if (fmt == SG_FORMAT_PLAIN)
            sg_set_error(err, SG_ERR_USAGE,
                         "badge %s does not fit plain input: use text or none",
                         sg_badge_name(b));
        else
            sg_set_error(err, SG_ERR_USAGE,
                         "badge %s does not fit style %s, which shows HTML as text: use "
                         "text or none",
                         sg_badge_name(b), sg_style_name(s));
        return SG_ERR_USAGE;
    }
    *style = s;
    *badge = b;
    return SG_OK;
}

/* ---- small writers ---------------------------------------------------------- */

/* A number as a rating shows it: at most two decimals, no locale. */
static void sg_put_num(sg_buf *b, double v)
{
    if (!isfinite(v))
        return;
    if (fabs(v) >= 1e12) {
        sg_buf_printf(b, "%.0f", v);
        return;
    }
    long long c = llround(fabs(v) * 100);
    if (v < 0 && c)
        sg_buf_putc(b, '-');
    sg_buf_printf(b, "%lld", c / 100);
    int f = (int)(c % 100);
    if (f) {
        sg_buf_putc(b, '.');
        sg_buf_putc(b, '0' + f / 10);
        if (f % 10)
            sg_buf_putc(b, '0' + f % 10);
    }
}

/* Markdown inline text: punctuation that could open syntax is escaped;
 * line breaks become spaces. */
static void sg_put_md(sg_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r')
            c = ' ';
        else if (c && strchr("\\`*_[]<>|~&#!{}$^", c))
            sg_buf_putc(b, '\\');
        sg_buf_putc(b, c);
    }
}

/* Text escaped for the format it lands in. */
static void sg_put_text(const sg_rctx *r, sg_buf *b, const char *s, size_t n)
{
    if (r->fmt == SG_FORMAT_HTML)
        sg_buf_put_html(b, s, n);
    else if (r->fmt == SG_FORMAT_MARKDOWN)
        sg_put_md(b, s, n);
    else
        sg_buf_put(b, s, n);
}

static const char *sg_kind_words(const char *k)
{
    static const struct {
        const char *kind, *words;
    } w[] = {{"death", "deaths"},
             {"ending", "ending"},
             {"twist", "twists"},
             {"identity", "identities"},
             {"plot", "plot"}};
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        if (!strcmp(k, w[i].kind))
            return w[i].words;
    return k;
}

/* "death, ending" (raw kinds) or "deaths, ending" (words), escaped. */
static void sg_put_kinds(const sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n,
                         int words, int html)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            sg_buf_puts(b, ", ");
        const char *k = words ? sg_kind_words(kinds[i]) : kinds[i];
        if (html)
            sg_buf_put_html(b, k, strlen(k));
        else
            sg_put_text(r, b, k, strlen(k));
    }
}

/* The words that name a mark: "Spoiler (death, ending)", the kinds escaped
 * as sg_put_kinds writes them. */
#define SG_LABEL_OPEN "Spoiler ("
static void sg_put_label(const sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n,
                         int html)
{
    sg_buf_puts(b, SG_LABEL_OPEN);
    sg_put_kinds(r, b, kinds, n, 0, html);
    sg_buf_putc(b, ')');
}

/* The data-spoilerguard value for a mark: its first kind as one token, kept
 * apart from the reserved tokens, then " continued" for later pieces. */
static void sg_put_attr_kind(sg_buf *b, const char *kind, int continued)
{
    static const char *const reserved[] = {"warning", "badge",  "jsonld",  "summary",
                                           "toggle",  "content", "style",  "script",
                                           "continued", NULL};
    size_t n = strlen(kind);
    if (!n)
        sg_buf_puts(b, "spoiler");
    for (size_t k = 0; n && reserved[k]; k++)
        if (!strcasecmp(kind, reserved[k]))
            sg_buf_puts(b, "kind-");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)kind[i];
        if (c <= ' ' || c == 0x7F)
            sg_buf_putc(b, '-');
        else
            sg_buf_put_html(b, kind + i, 1);
    }
    if (continued)
        sg_buf_puts(b, " continued");
}

static void sg_base64(sg_buf *b, const unsigned char *p, size_t n)
{
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < n)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < n)
            v |= p[i + 2];
        char o[4] = {tab[(v >> 18) & 63], tab[(v >> 12) & 63],
                     i + 1 < n ? tab[(v >> 6) & 63] : '=', i + 2 < n ? tab[v & 63] : '='};
        sg_buf_put(b, o, 4);
    }
}

/* ---- the warning, the badge, JSON-LD (unsigned) ------------------------------- */

#define SG_WARNING_LEAD "Spoiler warning:"

static void sg_warning_phrase(const sg_rctx *r, sg_buf *b)
{
    sg_buf_puts(b, "this review reveals plot details (");
    sg_put_kinds(r, b, r->kinds, r->nkinds, 1, 0);
    sg_buf_puts(b, ").");
}

/* Plain text, Discord and Reddit: "Spoiler warning (deaths, twists):", the
 * kinds written as label words (sg_vis_put_word), so that it never holds a
 * mark's syntax. */
static void sg_vis_phrase(sg_buf *b, const char *const *kinds, size_t n)
{
    sg_buf_puts(b, "Spoiler warning (");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sg_buf_puts(b, ", ");
        const char *w = sg_kind_words(kinds[i]);
        sg_vis_put_word(b, w, strlen(w));
    }
    sg_buf_puts(b, "):");
}

/* The warning's markup; `sign` adds the HTML signature attribute. */
static void sg_warning_markup(const sg_rctx *r, sg_buf *b, int sign)
{
    if (r->visible) {
        sg_vis_phrase(b, r->kinds, r->nkinds);
    } else if (r->fmt == SG_FORMAT_HTML) {
        sg_buf_puts(b, "<p class=\"spoiler-warning\"");
        if (sign)
            sg_buf_puts(b, " " SG_ATTR "=\"warning\"");
        sg_buf_puts(b, " role=\"note\"><strong>" SG_WARNING_LEAD "</strong> ");
        sg_warning_phrase(r, b);
        sg_buf_puts(b, "</p>");
    } else if (r->fmt == SG_FORMAT_MARKDOWN) {
        sg_buf_puts(b, "> **" SG_WARNING_LEAD "** ");
        sg_warning_phrase(r, b);
        if (r->style == SG_STYLE_PLAIN)
            sg_buf_puts(b, " Marked \\[SPOILER\\] … \\[/SPOILER\\].");
    }
}

/* What the badge shows, worked out once from the rating for every form: a
 * number as stars (halves drawn as halves, never rounded up) and the number
 * itself; a letter grade or a verdict as the words the review gave. */
typedef enum sg_badge_kind { SG_BK_STARS, SG_BK_GRADE, SG_BK_VERDICT } sg_badge_kind;

typedef struct sg_badge_text {
    sg_badge_kind kind;
    int slots;        /* stars drawn, filled or not (0: none) */
    int halves;       /* half stars filled: 7 is ★★★½☆ */
    const char *name; /* "Rating", "Grade", "Verdict" or "Recommended" */
    const char *tag;  /* the same in lower case, the image's left part */
    sg_buf stars;     /* the stars as text: "★★★½☆" */
    sg_buf score;     /* "3.5/5", "85%", "B+", "Recommended" */
    sg_buf label;     /* what a screen reader says: "Rating: 3.5 out of 5" */
} sg_badge_text;

#define SG_STAR_FULL "\xE2\x98\x85"  /* ★ */
#define SG_STAR_HALF "\xC2\xBD"      /* ½ */
#define SG_STAR_EMPTY "\xE2\x98\x86" /* ☆ */

static void sg_badge_text_free(sg_badge_text *t)
{
    sg_buf_free(&t->stars);
    sg_buf_free(&t->score);
    sg_buf_free(&t->label);
}

/* Stars for `filled` of `slots` (in slots), floored to a half. */
static void sg_badge_fill(sg_badge_text *t, int slots, double filled)
{
    t->slots = slots;
    double h = floor(filled * 2 + 1e-9);
    t->halves = h < 0 ? 0 : h > 2 * slots ? 2 * slots : (int)h;
    for (int i = 0; i < slots; i++)
        sg_buf_puts(&t->stars, 2 * i + 2 <= t->halves   ? SG_STAR_FULL
                               : 2 * i + 1 == t->halves ? SG_STAR_HALF
                                                        : SG_STAR_EMPTY);
}

/* The badge's content for `a`'s rating; 0 when there is none to show. */
static int sg_badge_parts(const sg_analysis *a, sg_badge_text *t)
{
    memset(t, 0, sizeof *t);
    const sg_rating_out *rt = &a->rating;
    if (!rt->found)
        return 0;
    const char *words = rt->verdict && *rt->verdict ? rt->verdict : NULL;
    t->name = "Rating";
    t->tag = "rating";
    if (isfinite(rt->value) && isfinite(rt->scale) && rt->scale > 0) {
        /* out of 3, 4 or 5: that many stars; any other scale on five */
        double sc = rt->scale;
        int slots = sc == 3 || sc == 4 || sc == 5 ? (int)sc : 5;
        sg_badge_fill(t, slots, rt->value / sc * slots);
        size_t tl = rt->text ? strlen(rt->text) : 0;
        if (sc == 100 && tl && rt->text[tl - 1] == '%') {
            sg_put_num(&t->score, rt->value);
            sg_buf_putc(&t->score, '%');
        } else {
            sg_put_num(&t->score, rt->value);
            sg_buf_putc(&t->score, '/');
            sg_put_num(&t->score, sc);
        }
        sg_buf_puts(&t->label, "Rating: ");
        sg_put_num(&t->label, rt->value);
        sg_buf_puts(&t->label, " out of ");
        sg_put_num(&t->label, sc);
    } else if (words || !isfinite(rt->normalized)) {
        /* a grade or a verdict is shown as the review wrote it */
        const char *w = words ? words : rt->text;
        if (!w || !*w)
            return 0;
        /* the answer to "Recommend?" is said with its question */
        static const char *const answers[] = {"yes", "yep",        "yup",        "no",
                                              "nope", "absolutely", "definitely", "not really",
                                              NULL};
        t->kind = sg_rating_is_grade(w) ? SG_BK_GRADE : SG_BK_VERDICT;
        t->name = t->kind == SG_BK_GRADE ? "Grade" : "Verdict";
        t->tag = t->kind == SG_BK_GRADE ? "grade" : "verdict";
        for (size_t k = 0; answers[k]; k++)
            if (!strcasecmp(w, answers[k])) {
                t->name = "Recommended";
                t->tag = "recommended";
            }
        sg_buf_puts(&t->score, w);
        sg_buf_printf(&t->label, "%s: %s", t->name, w);
    } else {
        /* only a normalized value (a hook's): on five stars, with its text */
        double nv = rt->normalized < 0 ? 0 : rt->normalized > 1 ? 1 : rt->normalized;
        sg_badge_fill(t, 5, nv * 5);
        if (rt->text && *rt->text) {
            sg_buf_puts(&t->score, rt->text);
            sg_buf_printf(&t->label, "Rating: %s", rt->text);
        } else {
            sg_buf_puts(&t->label, "Rating: ");
            sg_put_num(&t->label, t->halves / 2.0);
            sg_buf_puts(&t->label, " out of 5");
        }
    }
    sg_buf_put(&t->score, "", 0);
    sg_buf_put(&t->stars, "", 0);
    sg_buf_put(&t->label, "", 0);
    if (t->stars.failed || t->score.failed || t->label.failed) {
        sg_badge_text_free(t);
        return 0;
    }
    return 1;
}

/* The width of `s` in px at 11px Verdana (or DejaVu Sans, which has the
 * same advances), as badge makers measure it: the SVG forms size their
 * boxes by it and pin the text to it (textLength), so no font clips it. */
static double sg_badge_text_px(const char *s, size_t n, double size)
{
    /* advance widths of ' ' .. '~' at 11px, in tenths of a px */
    static const unsigned char w[95] = {
        35, 44,  51, 92, 70, 105, 86, 30, 43, 43, 55, 92, 35, 40,  35, 37, 70, 70,  70,
        70, 70,  70, 70, 70, 70,  70, 37, 37, 92, 92, 92, 58, 110, 75, 76, 77, 85,  70,
        63, 85,  83, 32, 32, 72,  61, 95, 82, 87, 66, 87, 76, 70,  67, 81, 75, 109, 75,
        67, 75,  43, 37, 43, 92,  55, 55, 67, 70, 61, 70, 68, 39,  70, 70, 31, 31,  64,
        31, 107, 70, 67, 70, 70,  45, 57, 43, 70, 65, 90, 65, 65,  58, 70, 37, 70,  92};
    double px = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 32 && c < 127)
            px += w[c - 32] / 10.0;
        else if ((c & 0xC0) != 0x80)
            px += 9.0; /* a letter or symbol beyond ASCII */
    }
    return px * size / 11.0;
}

/* One star of a row at x (16 px a slot): filled, outlined, or outlined with
 * its left half filled.  `fill` is the colour. */
static void sg_badge_svg_star(sg_buf *b, int x, int y, int state, const char *fill)
{
    static const char full[] =
        "M8 1l2.1 4.6 5 .5-3.8 3.3 1.1 4.9L8 11.8l-4.4 2.5 1.1-4.9L.9 6.1l5-.5z";
    static const char left[] = "M8 1L5.9 5.6 .9 6.1 4.7 9.4 3.6 14.3 8 11.8z";
    if (state == 2) {
        sg_buf_printf(b, "<path transform=\"translate(%d %d)\" d=\"%s\" fill=\"%s\"/>", x,
                      y, full, fill);
        return;
    }
    sg_buf_printf(b,
                  "<path transform=\"translate(%d %d)\" d=\"%s\" fill=\"none\" "
                  "stroke=\"%s\"/>",
                  x, y, full, fill);
    if (state == 1)
        sg_buf_printf(b, "<path transform=\"translate(%d %d)\" d=\"%s\" fill=\"%s\"/>", x,
                      y, left, fill);
}

static void sg_badge_svg_stars(sg_buf *b, const sg_badge_text *t, int x, int y,
                               const char *fill)
{
    for (int i = 0; i < t->slots; i++)
        sg_badge_svg_star(b, x + 16 * i, y,
                          2 * i + 2 <= t->halves ? 2 : 2 * i + 1 == t->halves, fill);
}

/* `text` in an SVG <text> of `px` width at x, pinned to that width. */
static void sg_badge_svg_text(sg_buf *b, const char *text, size_t n, double x, double y,
                              double px, const char *more)
{
    sg_buf_puts(b, "<text x=\"");
    sg_put_num(b, x);
    sg_buf_puts(b, "\" y=\"");
    sg_put_num(b, y);
    sg_buf_puts(b, "\" textLength=\"");
    sg_put_num(b, px);
    sg_buf_printf(b, "\" lengthAdjust=\"spacingAndGlyphs\"%s>", more);
    sg_buf_put_html(b, text, n);
    sg_buf_puts(b, "</text>");
}

/* The text form: "Rating: ★★★½☆ 3.5/5", "Grade: B+", "Verdict: Skip it". */
/* The stars and the score ("★★★½☆ 3.5/5", "B+"), escaped for the format. */
static void sg_badge_score(const sg_rctx *r, sg_buf *b, const sg_badge_text *t)
{
    sg_put_text(r, b, t->stars.data, t->stars.len);
    if (t->stars.len && t->score.len)
        sg_buf_putc(b, ' ');
    sg_put_text(r, b, t->score.data, t->score.len);
}

static void sg_badge_value(const sg_rctx *r, sg_buf *b, const sg_badge_text *t);

static void sg_badge_text_form(const sg_rctx *r, sg_buf *b, const sg_badge_text *t,
                               int sign)
{
    if (r->visible) { /* the caller puts it in its visible form */
        sg_badge_value(r, b, t);
        return;
    }
    if (r->fmt == SG_FORMAT_HTML) {
        sg_buf_puts(b, "<span class=\"sg-rating\"");
        if (sign)
            sg_buf_puts(b, " " SG_ATTR "=\"badge\"");
        sg_buf_puts(b, ">");
    }
    sg_buf_puts(b, t->name);
    sg_buf_puts(b, ": ");
    sg_badge_score(r, b, t);
    if (r->fmt == SG_FORMAT_HTML)
        sg_buf_puts(b, "</span>");
}

/* The HTML form: stars and the number as one image for screen readers
 * ("Rating: 3.5 out of 5"); a grade or verdict as plain words. */
static void sg_badge_html_form(const sg_rctx *r, sg_buf *b, const sg_badge_text *t,
                               int sign)
{
    sg_buf_puts(b, "<span class=\"sg-rating\"");
    if (sign)
        sg_buf_puts(b, " " SG_ATTR "=\"badge\"");
    if (t->kind == SG_BK_STARS) {
        sg_buf_puts(b, " role=\"img\" aria-label=\"");
        sg_buf_put_html(b, t->label.data, t->label.len);
        sg_buf_puts(b, "\">");
        sg_buf_put_html(b, t->stars.data, t->stars.len);
        if (t->score.len)
            sg_buf_putc(b, ' ');
    } else {
        sg_buf_puts(b, ">");
        sg_buf_put_html(b, t->name, strlen(t->name));
        sg_buf_puts(b, ": ");
    }
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        /* the span's content is Markdown text */
        sg_buf tmp;
        sg_buf_init(&tmp);
        sg_buf_put_html(&tmp, t->score.data, t->score.len);
        sg_put_md(b, tmp.data ? tmp.data : "", tmp.len);
        b->failed |= tmp.failed;
        sg_buf_free(&tmp);
    } else
        sg_buf_put_html(b, t->score.data, t->score.len);
    sg_buf_puts(b, "</span>");
}

/* The SVG form: the stars drawn (a half star half filled), the number
 * beside them in the text's own colour; a grade or verdict as words. */
static void sg_badge_svg_form(sg_buf *b, const sg_badge_text *t, int sign)
{
    /* beside stars the number; else the label, which says the words */
    const sg_buf *said = t->kind == SG_BK_STARS ? &t->score : &t->label;
    const char *words = said->data;
    size_t nwords = said->len;
    double px = sg_badge_text_px(words, nwords, 14);
    int stars = 16 * t->slots;
    double tx = stars ? stars + 4 : 1;
    int w = (int)ceil(tx + px + (nwords ? 2 : 0));
    w += w % 4 ? 4 - w % 4 : 0; /* a width in em with two decimals */
    sg_buf_puts(b, "<svg class=\"sg-rating\"");
    if (sign)
        sg_buf_puts(b, " " SG_ATTR "=\"badge\"");
    sg_buf_puts(b, " xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"");
    sg_buf_put_html(b, t->label.data, t->label.len);
    /* sized in em: as tall as the text around it, in a heading too */
    sg_buf_puts(b, "\" width=\"");
    sg_put_num(b, w / 16.0);
    sg_buf_printf(b,
                  "em\" height=\"1em\" viewBox=\"0 0 %d 16\" "
                  "style=\"vertical-align:-.15em;margin-left:.3em\"><title>",
                  w);
    sg_buf_put_html(b, t->label.data, t->label.len);
    sg_buf_puts(b, "</title>");
    sg_badge_svg_stars(b, t, 0, 0, "#f5b301");
    if (nwords)
        sg_badge_svg_text(b, words, nwords, tx, 13, px,
                          " font-family=\"Verdana,DejaVu Sans,sans-serif\" "
                          "font-size=\"14\" fill=\"currentColor\"");
    sg_buf_puts(b, "</svg>");
}

/* A flat two-part badge ("rating | ★★★½☆ 3.5/5", "grade | B+") as an SVG
 * document in a data: URI, sized to what it says. */
static void sg_badge_image_uri(sg_buf *b, const sg_badge_text *t)
{
    const char *left = t->tag;
    double lpx = sg_badge_text_px(left, strlen(left), 11);
    double spx = sg_badge_text_px(t->score.data, t->score.len, 11);
    int lw = (int)ceil(lpx + 12), stars = 16 * t->slots;
    int rw = (int)ceil(6 + stars + (stars && t->score.len ? 4 : 0) + spx + 6);
    sg_buf svg;
    sg_buf_init(&svg);
    sg_buf_printf(&svg,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"20\" "
                  "role=\"img\" aria-label=\"",
                  lw + rw);
    sg_buf_put_html(&svg, t->label.data, t->label.len);
    sg_buf_puts(&svg, "\"><title>");
    sg_buf_put_html(&svg, t->label.data, t->label.len);
    /* white on #555 and on #9a6700: both above 4.5:1 */
    sg_buf_printf(
        &svg,
        "</title><rect width=\"%d\" height=\"20\" fill=\"#555\"/><rect x=\"%d\" "
        "width=\"%d\" height=\"20\" fill=\"#9a6700\"/>",
        lw, lw, rw);
    sg_badge_svg_stars(&svg, t, lw + 6, 2, "#fff");
    sg_buf_puts(&svg, "<g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" "
                      "font-size=\"11\">");
    sg_badge_svg_text(&svg, left, strlen(left), 6, 14, lpx, "");
    if (t->score.len)
        sg_badge_svg_text(&svg, t->score.data, t->score.len,
                          lw + 6 + stars + (stars ? 4 : 0), 14, spx, "");
    sg_buf_puts(&svg, "</g></svg>");
    sg_buf_puts(b, "data:image/svg+xml;base64,");
    if (svg.failed)
        b->failed = 1;
    else
        sg_base64(b, (const unsigned char *)svg.data, svg.len);
    sg_buf_free(&svg);
}

/* The image form: the badge image with the spoken label as its alt text. */
static void sg_badge_image_form(const sg_rctx *r, sg_buf *b, const sg_badge_text *t,
                                int sign)
{
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        sg_buf_puts(b, "![");
        sg_put_md(b, t->label.data, t->label.len);
        sg_buf_puts(b, "](");
        sg_badge_image_uri(b, t);
        sg_buf_puts(b, ")");
        return;
    }
    sg_buf_puts(b, "<img class=\"sg-rating\"");
    if (sign)
        sg_buf_puts(b, " " SG_ATTR "=\"badge\"");
    sg_buf_puts(b, " alt=\"");
    sg_buf_put_html(b, t->label.data, t->label.len);
    sg_buf_puts(b, "\" style=\"vertical-align:middle;margin-left:.3em\" src=\"");
    sg_badge_image_uri(b, t);
    sg_buf_puts(b, "\">");
}

/* The badge's value as visible text marks carry it ("★★★½☆ 3.5/5", "Grade:
 * B+"), escaped for the format: a rating's stars and score; any other kind
 * of badge after its name. */
static void sg_badge_value(const sg_rctx *r, sg_buf *b, const sg_badge_text *t)
{
    if (strcmp(t->name, "Rating")) {
        sg_buf_puts(b, t->name);
        sg_buf_puts(b, ": ");
    }
    sg_badge_score(r, b, t);
}

/* The badge's markup for the resolved form; `sign` adds the HTML signature
 * attribute.  In plain text, Discord and Reddit it is the value alone, which
 * sg_add_badge frames as "[Rating · VALUE]".  0 when there is no rating to
 * show. */
static int sg_badge_markup(const sg_rctx *r, sg_buf *b, int sign)
{
    sg_badge_text t;
    if (r->badge == SG_BADGE_NONE || !sg_badge_parts(r->a, &t))
        return 0;
    switch (r->badge) {
    case SG_BADGE_TEXT:
        sg_badge_text_form(r, b, &t, sign);
        break;
    case SG_BADGE_SVG:
        sg_badge_svg_form(b, &t, sign);
        break;
    case SG_BADGE_IMAGE:
        sg_badge_image_form(r, b, &t, sign);
        break;
    default: /* SG_BADGE_HTML */
        sg_badge_html_form(r, b, &t, sign);
        break;
    }
    sg_badge_text_free(&t);
    return 1;
}

static int sg_ci_contains(const char *s, size_t n, const char *what)
{
    size_t w = strlen(what);
    for (size_t i = 0; i + w <= n; i++)
        if (!strncasecmp(s + i, what, w))
            return 1;
    return 0;
}

/* A JSON string for a <script> element: '<', '>' and '&' as \u escapes, so
 * neither "</script" nor "<!--" can appear in it. */
static void sg_json_str(sg_buf *b, const char *key, const char *v)
{
    sg_buf_printf(b, ",\"%s\":\"", key);
    size_t n = strlen(v), run = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] != '<' && v[i] != '>' && v[i] != '&')
            continue;
        sg_buf_put_json(b, v + run, i - run);
        sg_buf_printf(b, "\\u%04x", (unsigned)(unsigned char)v[i]);
        run = i + 1;
    }
    sg_buf_put_json(b, v + run, n - run);
    sg_buf_putc(b, '"');
}

/* schema.org Review JSON-LD; 0 when nothing about the review is known. */
static int sg_jsonld_markup(const sg_analysis *a, sg_buf *b)
{
    const sg_meta *m = &a->meta;
    const sg_rating_out *rt = &a->rating;
    int numeric =
        rt->found && isfinite(rt->value) && isfinite(rt->scale) && rt->scale > 0;
    const char *words = rt->verdict && *rt->verdict ? rt->verdict : NULL;
    int rating = numeric || (rt->found && (words || isfinite(rt->normalized)));
    if (!rating && !(m->title && *m->title) && !(m->work && *m->work))
        return 0;
    sg_buf_puts(b, "{\"@context\":\"https://schema.org\",\"@type\":\"Review\"");
    if (m->title && *m->title)
        sg_json_str(b, "name", m->title);
    if ((m->work && *m->work) || (m->year && *m->year)) {
        /* a series when the metadata says so, else a film */
        int tv = 0;
        const char *probe[] = {m->work, m->title};
        for (size_t i = 0; i < 2; i++)
            if (probe[i] && (sg_ci_contains(probe[i], strlen(probe[i]), "season") ||
                             sg_ci_contains(probe[i], strlen(probe[i]), "episode") ||
                             sg_ci_contains(probe[i], strlen(probe[i]), "series")))
                tv = 1;
        for (size_t i = 0; i < m->ngenres; i++)
            if (m->genres[i] &&
                (sg_ci_contains(m->genres[i], strlen(m->genres[i]), "tv") ||
                 sg_ci_contains(m->genres[i], strlen(m->genres[i]), "series")))
                tv = 1;
        sg_buf_printf(b, ",\"itemReviewed\":{\"@type\":\"%s\"",
                      tv ? "TVSeries" : "Movie");
        if (m->work && *m->work)
            sg_json_str(b, "name", m->work);
        if (m->year && *m->year)
            sg_json_str(b, "dateCreated", m->year);
        sg_buf_putc(b, '}');
    }
    if (m->author && *m->author) {
        sg_buf_puts(b, ",\"author\":{\"@type\":\"Person\"");
        sg_json_str(b, "name", m->author);
        sg_buf_putc(b, '}');
    }
    if (m->date && *m->date)
        sg_json_str(b, "datePublished", m->date);
    if (rating) {
        /* schema.org's Rating: a number on its scale (bestRating and
         * worstRating, which default to 5 and 1 when left out); a letter
         * grade as text on the scale of grades; a verdict in words as the
         * rating's name, the way fact checks give theirs ("alternateName"),
         * with no number it never had */
        sg_buf_puts(b, ",\"reviewRating\":{\"@type\":\"Rating\"");
        if (numeric) {
            sg_buf_puts(b, ",\"ratingValue\":");
            sg_put_num(b, rt->value);
            sg_buf_puts(b, ",\"bestRating\":");
            sg_put_num(b, rt->scale);
            sg_buf_puts(b, ",\"worstRating\":");
            sg_buf_puts(b, rt->scale == 5 && rt->value >= 1 ? "1" : "0");
        } else if (words && sg_rating_is_grade(words)) {
            sg_json_str(b, "ratingValue", words);
            sg_buf_puts(b, ",\"bestRating\":\"A+\",\"worstRating\":\"F\"");
        } else if (words) {
            sg_json_str(b, "alternateName", words);
        } else {
            /* only a normalized value (a hook's) */
            sg_buf_puts(b, ",\"ratingValue\":");
            sg_put_num(b, rt->normalized);
            sg_buf_puts(b, ",\"bestRating\":1,\"worstRating\":0");
        }
        sg_buf_putc(b, '}');
    }
    sg_buf_putc(b, '}');
    return 1;
}

/* ---- finding marks ------------------------------------------------------------- */

static int sg_ev_cmp(const void *x, const void *y)
{
    const sg_inline_ev *a = x, *b = y;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return b->delta - a->delta; /* opens first */
}

/* The block a flag's sentence lies in: the innermost article block holding
 * its start. */
static size_t sg_block_of(const sg_doc *doc, size_t start, size_t end)
{
    size_t best = (size_t)-1, best_len = (size_t)-1;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        if (b->start <= start && end <= b->end && b->end - b->start < best_len) {
            best = i;
            best_len = b->end - b->start;
        }
    }
    return best;
}

static int sg_size_cmp(const void *x, const void *y, void *ctx)
{
    const sg_sentence *s = ctx;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (s[a].start != s[b].start)
        return s[a].start < s[b].start ? -1 : 1;
    return a < b ? -1 : a > b;
}

static void sg_add_kind(const char **kinds, size_t *n, const char *k)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(kinds[i], k))
            return;
    if (*n < SG_MAX_KINDS)
        kinds[(*n)++] = k;
}

/* The unmarked flags as marks: one per sentence, kinds merged. */
static void sg_collect_marks(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (!a->opts.marks)
        return; /* the report keeps the flags; the article gets only the badge */
    size_t ns = a->nsentences;
    size_t *idx = ns ? malloc(ns * sizeof *idx) : NULL;
    if (ns && !idx) {
        r->oom = 1;
        return;
    }
    /* sentences mostly come in input order already: then that is the
     * order sg_size_cmp sorts them into, and there is nothing to sort */
    int in_order = 1;
    for (size_t i = 0; i < ns; i++) {
        idx[i] = i;
        in_order &= !i || a->sentences[i - 1].start <= a->sentences[i].start;
    }
    if (ns > 1 && !in_order)
        qsort_r(idx, ns, sizeof *idx, sg_size_cmp, a->sentences);
    for (size_t i = 0; i < a->nflags; i++) {
        const sg_flag *f = &a->flags[i];
        if (f->marked || f->end <= f->start || f->end > r->len || !f->kind)
            continue;
        sg_mark *prev = r->nmarks ? &r->marks[r->nmarks - 1] : NULL;
        if (prev && prev->start == f->start && prev->end == f->end) {
            if (f->evidence_start < prev->ev_start)
                prev->ev_start = f->evidence_start;
            if (f->evidence_end > prev->ev_end)
                prev->ev_end = f->evidence_end;
            sg_add_kind(prev->kinds, &prev->nkinds, f->kind);
            sg_add_kind(r->kinds, &r->nkinds, f->kind);
            continue;
        }
        if (prev && f->start < prev->end)
            continue; /* overlaps a sentence already marked */
        /* its sentence, for the block */
        size_t blk = (size_t)-1, lo = 0, hi = ns;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (a->sentences[idx[mid]].start < f->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < ns && a->sentences[idx[k]].start == f->start; k++)
            if (a->sentences[idx[k]].end == f->end &&
                a->sentences[idx[k]].block < r->doc->nblocks) {
                blk = a->sentences[idx[k]].block;
                break;
            }
        if (blk == (size_t)-1)
            blk = sg_block_of(r->doc, f->start, f->end);
        if (blk == (size_t)-1)
            continue;
        sg_mark m;
        memset(&m, 0, sizeof m);
        m.start = f->start;
        m.end = f->end;
        m.ev_start = f->evidence_start;
        m.ev_end = f->evidence_end;
        m.block = blk;
        sg_add_kind(m.kinds, &m.nkinds, f->kind);
        sg_add_kind(r->kinds, &r->nkinds, f->kind);
        if (!SG_VEC_PUSH(r->marks, r->nmarks, r->cap_marks, m)) {
            r->oom = 1;
            break;
        }
    }
    free(idx);
}

/* Is inline markup balanced inside [s, e)? */
static int sg_balanced(const sg_rctx *r, size_t s, size_t e)
{
    size_t lo;
    SG_COUNT_BELOW(r->ev, r->nev, pos, s, lo);
    long sum = 0;
    for (size_t k = lo; k < r->nev && r->ev[k].pos < e; k++) {
        sum += r->ev[k].delta;
        if (sum < 0)
            return 0;
    }
    return sum == 0;
}

/* ---- writing chunks ------------------------------------------------------------- */

/* Markdown ends a line at LF, CRLF or a lone CR: is c the last byte of a
 * line break? */
static inline int sg_md_eol(char c) { return c == '\n' || c == '\r'; }

/* An inline chunk: `piece` in the format's signature, at `pos`.  HTML pieces
 * carry their own signature; visible pieces are their own. */
static void sg_inline_chunk(sg_rctx *r, size_t pos, int rank, char role,
                            const char *piece, size_t n)
{
    size_t off = r->txt.len;
    if (r->fmt == SG_FORMAT_HTML || r->visible)
        sg_buf_put(&r->txt, piece, n);
    else if (sg_md_line_head(r->src, pos)) {
        size_t esc = 0;
        if (n && piece[0] == '>') {
            /* ">" opening a line would open a block quote: escaped, it
             * shows as itself */
            sg_buf_putc(&r->txt, '\\');
            esc = 1;
        }
        sg_buf_put(&r->txt, piece, n);
        sg_buf_printf(&r->txt, "<!--sg:%c%zu-->", role, n + esc);
    } else {
        sg_buf_printf(&r->txt, SG_MD_OPEN_FMT, role);
        sg_buf_put(&r->txt, piece, n);
        sg_buf_puts(&r->txt, SG_MD_END);
    }
    sg_ins_add(r, pos, rank, off);
}

/* Markdown: where a block chunk goes for the line holding `at` (after the
 * line's indentation), and that indentation's length. */
static size_t sg_md_block_pos(const sg_rctx *r, size_t at, size_t *ind)
{
    size_t ls = at > r->len ? r->len : at;
    while (ls > 0 && !sg_md_eol(r->src[ls - 1]))
        ls--;
    size_t p = ls;
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t') &&
           p - ls <= SG_MD_MAX_INDENT)
        p++;
    if (p - ls > SG_MD_MAX_INDENT) {
        *ind = 0;
        return ls;
    }
    *ind = p - ls;
    return p;
}

/* Markdown block chunk at the line holding `at`, after its indentation IND:
 *   <!--sg:R-->HEAD<!--/sg--> NL IND                      (no body)
 *   <!--sg:R-->HEAD NL {IND LINE NL} NL IND<!--/sg--> NL IND
 * The blank line before <!--/sg--> ends a quote or HTML block for
 * CommonMark and pandoc alike. */
static void sg_md_block_chunk(sg_rctx *r, size_t at, int rank, char role,
                              const char *head, size_t head_len, int body,
                              const char *lines, size_t lines_len)
{
    size_t il, pos = sg_md_block_pos(r, at, &il);
    const char *ind = r->src + pos - il;
    size_t off = r->txt.len;
    sg_buf_printf(&r->txt, SG_MD_OPEN_FMT, role);
    sg_buf_put(&r->txt, head, head_len);
    if (body) {
        sg_buf_puts(&r->txt, r->nl);
        for (size_t i = 0; i < lines_len;) {
            const char *e = memchr(lines + i, '\n', lines_len - i);
            size_t le = e ? (size_t)(e - lines) : lines_len;
            size_t ce = le > i && lines[le - 1] == '\r' ? le - 1 : le;
            sg_buf_put(&r->txt, ind, il);
            sg_buf_put(&r->txt, lines + i, ce - i);
            sg_buf_puts(&r->txt, r->nl);
            i = le + 1;
        }
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_put(&r->txt, ind, il);
    }
    sg_buf_puts(&r->txt, SG_MD_END);
    sg_buf_puts(&r->txt, r->nl);
    sg_buf_put(&r->txt, ind, il);
    sg_ins_add(r, pos, rank, off);
}

/* A Hugo shortcode argument's text: no quote, backslash, brace or control
 * byte, which would end the argument or the shortcode. */
static void sg_put_shortcode_arg(sg_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        sg_buf_putc(b, c < ' ' || c == '"' || c == '\\' || c == '{' || c == '}' || c == 0x7F
                           ? '-'
                           : (char)c);
    }
}

/* The open and close pieces of a span-like mark. */
static void sg_mark_pieces(sg_rctx *r, const sg_mark *m, int continued, sg_buf *open,
                           sg_buf *close)
{
    switch (r->style) {
    case SG_STYLE_HTML_SPAN:
    case SG_STYLE_MD_HTML:
    case SG_STYLE_HTML_DETAILS: /* Markdown blocks that cannot take <details> */
        /* a disclosure (WAI-ARIA): a button that says what is hidden and
         * whether it is shown, then the hidden text; the inlined script
         * (sg_add_assets) shows and hides it.  A later piece of the same
         * sentence has no button of its own: the first one shows it too. */
        sg_buf_puts(open, "<span class=\"spoiler\" " SG_ATTR "=\"");
        sg_put_attr_kind(open, m->kinds[0], continued);
        sg_buf_puts(open, "\">");
        if (!continued) {
            sg_buf_puts(open, "<button type=\"button\" " SG_ATTR
                              "=\"toggle\" aria-expanded=\"false\">");
            sg_put_label(r, open, m->kinds, m->nkinds, 1);
            sg_buf_puts(open, "</button>");
        }
        sg_buf_puts(open, "<span " SG_ATTR "=\"content\" hidden>");
        sg_buf_puts(close, "</span></span>");
        r->disclosures++;
        break;
    case SG_STYLE_MD_HUGO:
        /* the shipped shortcode writes the same disclosure as html-span,
         * and the CSS and script once per page */
        sg_buf_puts(open, "{{< spoiler kind=\"");
        sg_put_shortcode_arg(open, m->kinds[0]);
        sg_buf_puts(open, "\" label=\"");
        for (size_t k = 0; k < m->nkinds; k++) {
            if (k)
                sg_buf_puts(open, ", ");
            sg_put_shortcode_arg(open, m->kinds[k]);
        }
        sg_buf_puts(open, continued ? "\" continued=\"true\" >}}" : "\" >}}");
        sg_buf_puts(close, "{{< /spoiler >}}");
        break;
    case SG_STYLE_PLAIN:
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            sg_buf_puts(open, "\\[SPOILER\\] ");
            sg_buf_puts(close, " \\[/SPOILER\\]");
            break;
        }
        /* fall through */
    case SG_STYLE_MD_PANDOC:
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            sg_buf_puts(open, "[");
            sg_buf_puts(close, "]{.spoiler}");
            break;
        }
        /* fall through */
    default: {
        /* visible: OPEN LABEL SEP ... CLOSE, the label its kinds */
        sg_vis_form_id id = r->style == SG_STYLE_MD_DISCORD  ? SG_VIS_DISCORD
                            : r->style == SG_STYLE_MD_REDDIT ? SG_VIS_REDDIT
                            : r->style == SG_STYLE_MD_PANDOC ? SG_VIS_PANDOC
                                                             : SG_VIS_PLAIN;
        if (id == SG_VIS_DISCORD && r->fmt == SG_FORMAT_MARKDOWN &&
            r->doc->blocks[m->block].kind == SG_BLOCK_TABLE_CELL)
            id = SG_VIS_DISCORD_CELL; /* a bare '|' would end the table cell */
        const sg_vis_form *f = &sg_vis_forms[id];
        sg_buf_puts(open, f->open);
        sg_vis_put_label(open, m->kinds, m->nkinds);
        sg_buf_puts(open, f->sep);
        sg_buf_puts(close, f->close);
        break;
    }
    }
}

static int sg_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Is src[at] a character a backslash before it escapes (an odd run of
 * backslashes, then ASCII punctuation)? */
static int sg_md_escaped_at(const char *src, size_t at)
{
    unsigned char c = (unsigned char)src[at];
    if (!at || src[at - 1] != '\\' || !((c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
                                          (c >= '[' && c <= '`') || (c >= '{' && c <= '~')))
        return 0;
    size_t k = at;
    while (k > 0 && src[k - 1] == '\\')
        k--;
    return (at - k) % 2 == 1;
}

static int sg_md_no_insert_at(const sg_rctx *r, size_t pos);
static int sg_md_flank_changed(sg_rctx *r, size_t pos, const char *t, size_t n);

/* Wrap src[s, e) (less its outer white space) in mark m's pieces; with
 * `careful`, only when Markdown takes both pieces where they go (see
 * sg_md_refused).  1 when wrapped, 0 for white space alone, -1 when
 * refused. */
static int sg_wrap(sg_rctx *r, const sg_mark *m, size_t s, size_t e, int continued,
                   int careful)
{
    while (s < e && sg_is_space(r->src[s]))
        s++;
    while (e > s && sg_is_space(r->src[e - 1]))
        e--;
    if (e <= s)
        return 0;
    /* Markdown: a sentence that starts with an escaped character ("\#",
     * "\[") starts at its backslash, or the author's backslash would escape
     * the first byte inserted ("\<!--sg:o-->" reads as text) */
    if (r->fmt == SG_FORMAT_MARKDOWN && sg_md_escaped_at(r->src, s))
        s--;
    sg_buf open, close;
    sg_buf_init(&open);
    sg_buf_init(&close);
    sg_mark_pieces(r, m, continued, &open, &close);
    int wrapped = -1;
    if (open.failed || close.failed)
        r->oom = 1;
    else if (!careful ||
             !(sg_md_no_insert_at(r, s) || sg_md_no_insert_at(r, e) ||
               sg_md_flank_changed(r, s, open.data, open.len) ||
               sg_md_flank_changed(r, e, close.data, close.len))) {
        sg_inline_chunk(r, s, SG_RANK_OPEN, continued ? 'n' : 'o', open.data, open.len);
        sg_inline_chunk(r, e, SG_RANK_CLOSE, 'c', close.data, close.len);
        wrapped = 1;
    }
    sg_buf_free(&open);
    sg_buf_free(&close);
    return wrapped;
}

/* Raw HTML spans close at the first stray </span>: is [s, e) free of one? */
static int sg_spans_balanced(const sg_rctx *r, size_t s, size_t e)
{
    if (r->style != SG_STYLE_HTML_SPAN && r->style != SG_STYLE_MD_HTML &&
        r->style != SG_STYLE_HTML_DETAILS)
        return 1;
    size_t pos = 0;
    long depth = 0;
    sg_tag t;
    while (sg_tag_next(r->src + s, e - s, &pos, &t))
        if (sg_tag_is(r->src + s, &t, "span") && !t.self_closing &&
            (depth += t.closing ? -1 : 1) < 0)
            return 0;
    return depth == 0;
}

/* A span-like mark, by its fallback level (sg_rctx.level): 0, the whole
 * sentence when inline markup is balanced in it (always in plain text); 1,
 * each run of contiguous text on its own; 2 (Markdown), the runs Markdown
 * takes marks around, so that a sentence that starts inside an autolink or
 * a run of emphasis still has the rest marked, as long as every run that
 * holds what the flag found is marked; 3, none. */
static void sg_mark_inline(sg_rctx *r, size_t i)
{
    const sg_mark *m = &r->marks[i];
    if (r->level[i] >= SG_LEVEL_NONE)
        return;
    r->group = SG_G_INLINE(i);
    if (r->fmt == SG_FORMAT_PLAIN || (!r->level[i] && sg_balanced(r, m->start, m->end) &&
                                      sg_spans_balanced(r, m->start, m->end))) {
        sg_wrap(r, m, m->start, m->end, 0, 0);
        return;
    }
    int careful = r->level[i] == SG_LEVEL_CAREFUL;
    size_t nins0 = r->nins, txt0 = r->txt.len, disclosures0 = r->disclosures;
    const sg_doc *doc = r->doc;
    const sg_block *b = &doc->blocks[m->block];
    const sg_piece *p = doc->pieces + b->piece_first;
    size_t n = b->piece_count, lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid].src + p[mid].src_len <= m->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t rs = (size_t)-1, re = 0;
    int runs = 0;
    for (size_t k = lo; k < n && p[k].src < m->end; k++) {
        size_t ps = p[k].src < m->start ? m->start : p[k].src;
        size_t pe = p[k].src + p[k].src_len > m->end ? m->end : p[k].src + p[k].src_len;
        if (pe <= ps)
            continue;
        if (rs != (size_t)-1 && ps == re) {
            re = pe;
            continue;
        }
        if (rs != (size_t)-1 && ps < re) {
            /* pieces out of order: give up on this sentence */
            return;
        }
        if (rs != (size_t)-1) {
            int w = sg_wrap(r, m, rs, re, runs > 0, careful);
            if (w < 0 && rs < m->ev_end && re > m->ev_start)
                goto unmarked;
            runs += w > 0;
        }
        rs = ps;
        re = pe;
    }
    if (rs != (size_t)-1 && sg_wrap(r, m, rs, re, runs > 0, careful) < 0 && rs < m->ev_end &&
        re > m->ev_start)
        goto unmarked;
    return;
unmarked: /* the words that make it a spoiler would show: none of it */
    r->nins = nins0;
    r->txt.len = txt0;
    r->disclosures = disclosures0;
}

/* ---- html-details ------------------------------------------------------------- */

static int sg_cell_tag(const char *s, const sg_tag *t)
{
    return sg_tag_is(s, t, "li") || sg_tag_is(s, t, "td") || sg_tag_is(s, t, "th") ||
           sg_tag_is(s, t, "dd") || sg_tag_is(s, t, "dt");
}

/* A block's span for block-level insertions: inside <li>, <td> ... (where a
 * <p> or <details> may stand), around anything else.  Returns 1 when inside. */
static int sg_html_block_span(const sg_rctx *r, const sg_block *b, size_t *s, size_t *e)
{
    *s = b->text_start;
    *e = b->end > r->len ? r->len : b->end;
    sg_tag t;
    if (!sg_tag_at(r->src, r->len, *s, &t) || t.closing || !sg_cell_tag(r->src, &t))
        return 0;
    *s = t.end;
    /* the end tag when the block ends with it */
    size_t q = *e;
    while (q > *s && sg_is_space(r->src[q - 1]))
        q--;
    if (q > *s && r->src[q - 1] == '>') {
        size_t lt = q - 1;
        while (lt > *s && r->src[lt] != '<' && q - lt < 64)
            lt--;
        sg_tag et;
        if (r->src[lt] == '<' && sg_tag_at(r->src, r->len, lt, &et) && et.closing &&
            et.end == q && et.name_len == t.name_len &&
            !strncasecmp(r->src + et.name, r->src + t.name, t.name_len))
            *e = lt;
    }
    if (*e < *s)
        *e = *s;
    return 1;
}

/* 1 when the markup in src[s, e) nests on its own: every end tag closes an
 * element started in the span and every element started there ends there
 * (void elements and self-closed tags aside).  A <details> around anything
 * else would move the author's elements in the browser's tree. */
static int sg_html_balanced(const sg_rctx *r, size_t s, size_t e)
{
    enum { SG_NEST_MAX = 32 };
    sg_tag open[SG_NEST_MAX];
    size_t depth = 0;
    for (size_t p = s; p < e; p++) {
        if (r->src[p] != '<')
            continue;
        if (e - p >= 4 && !memcmp(r->src + p, "<!--", 4)) {
            const char *c = memmem(r->src + p + 4, e - p - 4, "-->", 3);
            if (!c)
                return 0;
            p = (size_t)(c - r->src) + 2;
            continue;
        }
        sg_tag t;
        if (!sg_tag_at(r->src, r->len, p, &t))
            continue; /* a '<' that starts no tag is text */
        if (t.end > e)
            return 0;
        if (t.closing) {
            if (!depth || t.name_len != open[depth - 1].name_len ||
                strncasecmp(r->src + t.name, r->src + open[depth - 1].name, t.name_len))
                return 0;
            depth--;
        } else if (!t.self_closing && !sg_tag_void(r->src, &t)) {
            if (depth == SG_NEST_MAX || sg_tag_is(r->src, &t, "template") ||
                sg_tag_is(r->src, &t, "script") || sg_tag_is(r->src, &t, "style"))
                return 0;
            open[depth++] = t;
        }
        p = t.end - 1;
    }
    return depth == 0;
}

static void sg_details_open(sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n)
{
    sg_buf_puts(b, "<details class=\"spoiler\" " SG_ATTR "=\"");
    sg_put_attr_kind(b, kinds[0], 0);
    sg_buf_puts(b, "\"><summary " SG_ATTR "=\"summary\">");
    sg_put_label(r, b, kinds, n, 1);
    sg_buf_puts(b, "</summary>");
}

/* html-details in HTML: <details> around whole flagged blocks; neighbouring
 * blocks with only white space between them share one. */
static void sg_details_html(sg_rctx *r)
{
    size_t i = 0;
    size_t covered = 0; /* end of the last wrapped span */
    while (i < r->nmarks) {
        size_t first = i;
        size_t blk = r->marks[i].block;
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        size_t s, e;
        int inner = sg_html_block_span(r, &r->doc->blocks[blk], &s, &e);
        while (i < r->nmarks && r->marks[i].block == blk) {
            for (size_t k = 0; k < r->marks[i].nkinds; k++)
                sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
            i++;
        }
        /* join the next flagged blocks when only white space lies between */
        while (!inner && i < r->nmarks && !r->no_details[first]) {
            size_t nb = r->marks[i].block;
            size_t ns, ne;
            if (sg_html_block_span(r, &r->doc->blocks[nb], &ns, &ne) || ns < e)
                break;
            size_t q = e;
            while (q < ns && sg_is_space(r->src[q]))
                q++;
            if (q != ns)
                break;
            e = ne;
            while (i < r->nmarks && r->marks[i].block == nb) {
                for (size_t k = 0; k < r->marks[i].nkinds; k++)
                    sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
                i++;
            }
        }
        if (s < covered && r->marks[i - 1].end <= covered)
            continue; /* inside a block already wrapped */
        if (r->no_details[first] || e <= s || s < covered || s > r->marks[first].start ||
            e < r->marks[i - 1].end || !sg_html_balanced(r, s, e)) {
            /* spans when the block's span does not hold its marks whole */
            for (size_t k = first; k < i; k++)
                sg_mark_inline(r, k);
            continue;
        }
        r->group = SG_G_DETAILS(first);
        size_t off = r->txt.len;
        sg_details_open(r, &r->txt, kinds, nk);
        sg_ins_add(r, s, SG_RANK_OPEN, off);
        off = r->txt.len;
        sg_buf_puts(&r->txt, "</details>");
        sg_ins_add(r, e, SG_RANK_CLOSE, off);
        covered = e;
    }
}

static size_t sg_md_next_line(const sg_rctx *r, const sg_block *b);

static int sg_blank_line(const sg_rctx *r, size_t p)
{
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t'))
        p++;
    return p >= r->len || sg_md_eol(r->src[p]);
}

/* Markdown: the start of the line after the line break at or after p (LF,
 * CRLF or a lone CR), or (size_t)-1 when no line break follows. */
static size_t sg_md_line_after(const sg_rctx *r, size_t p)
{
    while (p < r->len && !sg_md_eol(r->src[p]))
        p++;
    if (p >= r->len)
        return (size_t)-1;
    return r->src[p] == '\r' && p + 1 < r->len && r->src[p + 1] == '\n' ? p + 2 : p + 1;
}

/* Markdown: the start of the line after the blank line that follows a block
 * (past a setext underline), or (size_t)-1 when no blank line follows. */
static size_t sg_md_after_block(const sg_rctx *r, const sg_block *b)
{
    size_t p = sg_md_next_line(r, b);
    if (p == (size_t)-1 || p >= r->len || !sg_blank_line(r, p))
        return (size_t)-1;
    size_t q = sg_md_line_after(r, p);
    return q == (size_t)-1 ? r->len : q;
}

/* Markdown: the start of the line after a block (past a setext underline),
 * or (size_t)-1 when the block ends the input without a line break. */
static size_t sg_md_next_line(const sg_rctx *r, const sg_block *b)
{
    size_t e = b->end > r->len ? r->len : b->end;
    size_t p = sg_md_line_after(r, e);
    if (p == (size_t)-1)
        return (size_t)-1;
    if (b->kind == SG_BLOCK_HEADING && p < r->len) {
        /* a setext underline belongs to the heading */
        size_t q = p;
        while (q < r->len && q - p < 4 && r->src[q] == ' ')
            q++;
        char u = q < r->len ? r->src[q] : 0;
        if (u == '=' || u == '-') {
            while (q < r->len && (r->src[q] == u || r->src[q] == ' ' || r->src[q] == '\t'))
                q++;
            if (q >= r->len)
                return (size_t)-1;
            if (sg_md_eol(r->src[q]))
                return sg_md_line_after(r, q);
        }
    }
    return p;
}

/* html-details in Markdown: top-level paragraphs and headings get
 * <details> lines of their own (CommonMark HTML blocks); other blocks
 * (list items, quotes, table cells) get inline spans. */
static void sg_details_markdown(sg_rctx *r)
{
    size_t i = 0, covered = 0;
    while (i < r->nmarks) {
        size_t blk = r->marks[i].block;
        const sg_block *b = &r->doc->blocks[blk];
        size_t first = i;
        while (i < r->nmarks && r->marks[i].block == blk)
            i++;
        size_t after = sg_md_after_block(r, b);
        size_t il, pos = sg_md_block_pos(r, b->text_start, &il);
        /* the block's text must start on the line the <details> goes above */
        size_t ts = b->piece_count ? r->doc->pieces[b->piece_first].src : pos, q = pos;
        while (q < ts && !sg_md_eol(r->src[q]))
            q++;
        int ok = (b->kind == SG_BLOCK_PARAGRAPH || b->kind == SG_BLOCK_HEADING) &&
                 after != (size_t)-1 && il < 4 && !r->no_details[first] &&
                 pos >= covered && q == ts && r->marks[first].start >= pos &&
                 after >= r->marks[i - 1].end;
        if (!ok) {
            for (size_t k = first; k < i; k++)
                sg_mark_inline(r, k);
            continue;
        }
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        for (size_t k = first; k < i; k++)
            for (size_t j = 0; j < r->marks[k].nkinds; j++)
                sg_add_kind(kinds, &nk, r->marks[k].kinds[j]);
        r->group = SG_G_DETAILS(first);
        sg_buf head;
        sg_buf_init(&head);
        sg_details_open(r, &head, kinds, nk);
        if (head.failed)
            r->oom = 1;
        else
            sg_md_block_chunk(r, b->text_start, SG_RANK_OPEN, 'o', head.data, head.len, 1,
                              "", 0);
        sg_buf_free(&head);
        sg_md_block_chunk(r, after, SG_RANK_CLOSE, 'c', "</details>", 10, 0, NULL, 0);
        covered = after;
    }
}

static int sg_in_skipped(const sg_doc *doc, size_t pos, sg_why why);

/* ---- md-obsidian: callouts ------------------------------------------------------ */

/* Obsidian has no inline spoiler: what it hides is a collapsed callout, a
 * quote whose first line is "[!TYPE]-".  So each top-level block holding a
 * flagged sentence (a paragraph or a heading, or the whole list, quote or
 * table it stands in) goes inside one, every line of it after an inserted
 * "> "; flagged blocks with only blank lines between share one.  Everything
 * inserted is whole lines, signed in the callout's metadata ("|sg-RN", which
 * Obsidian keeps out of sight; see sg_strip.c). */

/* The start of the line before the one starting at `ls`, or (size_t)-1 at
 * the first line. */
static size_t sg_md_line_before(const sg_rctx *r, size_t ls)
{
    if (!ls)
        return (size_t)-1;
    size_t p = ls - 1;
    if (p > 0 && r->src[p] == '\n' && r->src[p - 1] == '\r')
        p--;
    while (p > 0 && !sg_md_eol(r->src[p - 1]))
        p--;
    return p;
}

/* Does the line starting at `p` hold only white space and '>'? */
static int sg_md_quote_only(const sg_rctx *r, size_t p)
{
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t' || r->src[p] == '>'))
        p++;
    return p >= r->len || sg_md_eol(r->src[p]);
}

/* Does the line starting at `p` open with '>' after at most 3 spaces? */
static int sg_md_quote_line(const sg_rctx *r, size_t p)
{
    for (size_t k = 0; k < 4 && p + k < r->len; k++)
        if (r->src[p + k] != ' ')
            return r->src[p + k] == '>';
    return 0;
}

/* Would "> " before the line starting at `p` change how its indentation
 * reads?  A tab among its leading markers: tab stops do not move with it. */
static int sg_md_tab_led(const sg_rctx *r, size_t p)
{
    for (; p < r->len && strchr(" \t>-+*.)0123456789", r->src[p]) && r->src[p]; p++)
        if (r->src[p] == '\t')
            return 1;
    return 0;
}

/* Does the callout to insert at `at` (a line start) need an empty line
 * before it?  Yes after a line of text: the line would go on or the quote
 * before it would take the callout in.  Not at the start, after the front
 * matter, after an empty line or where a warning or badge (which end with
 * one) is inserted first. */
static int sg_callout_gap(const sg_rctx *r, size_t at)
{
    size_t pl = sg_md_line_before(r, at);
    if (pl == (size_t)-1 || sg_blank_line(r, pl) || sg_in_skipped(r->doc, pl, SG_WHY_FRONT_MATTER))
        return 0;
    for (size_t i = 0; i < r->nins; i++)
        if (r->ins[i].pos == at &&
            (r->ins[i].rank == SG_RANK_WARNING || r->ins[i].rank == SG_RANK_BADGE))
            return 0;
    return 1;
}

/* A callout's first line, into r->txt: an empty line first when `gap`,
 * then "> [!TYPE|sg-RN]" (g after N with the empty line), "-" when folded,
 * a space and the title. */
static void sg_callout_head(sg_rctx *r, const char *type, char role, size_t n, int gap,
                            int folded)
{
    if (gap)
        sg_buf_puts(&r->txt, r->nl);
    sg_buf_printf(&r->txt, "> [!%s" SG_CALLOUT_SIG "%c%zu%s]%s ", type, role, n,
                  gap ? "g" : "", folded ? "-" : "");
}

/* A warning or badge callout, inserted whole at line start `at`: its first
 * line of `text` the title, the other lines its body, then an empty line. */
static void sg_callout_whole(sg_rctx *r, size_t at, int rank, const char *type, char role,
                             const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    size_t title = nl ? (size_t)(nl - text) : len, lines = 0;
    for (size_t i = title; i < len; i++)
        lines += text[i] == '\n' && i + 1 < len;
    size_t off = r->txt.len;
    sg_callout_head(r, type, role, lines, sg_callout_gap(r, at), 0);
    sg_buf_put(&r->txt, text, title > 0 && text[title - 1] == '\r' ? title - 1 : title);
    sg_buf_puts(&r->txt, r->nl);
    for (size_t i = title + 1; i < len;) {
        const char *e = memchr(text + i, '\n', len - i);
        size_t le = e ? (size_t)(e - text) : len;
        sg_buf_puts(&r->txt, le > i && !(le == i + 1 && text[i] == '\r') ? "> " : ">");
        sg_buf_put(&r->txt, text + i, le > i && text[le - 1] == '\r' ? le - 1 - i : le - i);
        sg_buf_puts(&r->txt, r->nl);
        i = le + 1;
    }
    sg_buf_puts(&r->txt, r->nl);
    sg_ins_add(r, at, rank, off);
}

/* The lines a callout over mark i's block takes, [*s, *e) (e at a line
 * start or the input's end); 0 when none can be made: the block's container
 * holds code (a fence's lines read differently inside a quote), a tab leads
 * a line, or something inserted earlier is in the way. */
static int sg_callout_lines(const sg_rctx *r, size_t i, size_t *s, size_t *e)
{
    const sg_doc *doc = r->doc;
    size_t top = doc->blocks[r->marks[i].block].top_start, last = (size_t)-1;
    for (size_t k = 0; k < doc->nblocks; k++) {
        const sg_block *b = &doc->blocks[k];
        if (b->top_start != top)
            continue;
        if (b->kind == SG_BLOCK_CODE || b->raw_html)
            return 0; /* raw HTML in a quote is not read again: it stays out */
        last = k;
    }
    if (last == (size_t)-1 || top > r->len)
        return 0;
    size_t p = sg_md_next_line(r, &doc->blocks[last]);
    if (p == (size_t)-1)
        p = r->len;
    /* a quote that follows at once would go on inside the callout: it goes
     * in too, and so do lines of nothing but '>' closing the block's own */
    while (p < r->len && (sg_md_quote_line(r, p) || sg_md_quote_only(r, p)) &&
           !sg_blank_line(r, p)) {
        size_t q = sg_md_line_after(r, p);
        p = q == (size_t)-1 ? r->len : q;
    }
    for (size_t q = top; q < p;) {
        if (sg_md_tab_led(r, q))
            return 0;
        size_t n = sg_md_line_after(r, q);
        q = n == (size_t)-1 ? p : n;
    }
    for (size_t c = 0; c < doc->nchunks; c++)
        if (doc->chunks[c].start < p && doc->chunks[c].end > top)
            return 0;
    *s = top;
    *e = p;
    return 1;
}

/* md-obsidian: a collapsed callout over each flagged top-level block. */
static void sg_callouts(sg_rctx *r)
{
    size_t i = 0;
    while (i < r->nmarks) {
        size_t first = i, s, e;
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        if (r->no_details[first] || !sg_callout_lines(r, i, &s, &e)) {
            i++; /* no callout: the sentence stays unmarked (and reported) */
            continue;
        }
        /* the marks inside, and flagged blocks after it across blank lines */
        for (;;) {
            while (i < r->nmarks && r->marks[i].start < e) {
                for (size_t k = 0; k < r->marks[i].nkinds; k++)
                    sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
                i++;
            }
            size_t q = e, ns, ne;
            while (q < r->len && sg_blank_line(r, q)) {
                size_t n = sg_md_line_after(r, q);
                q = n == (size_t)-1 ? r->len : n;
            }
            if (i >= r->nmarks || r->no_details[i] || !sg_callout_lines(r, i, &ns, &ne) ||
                ns != q)
                break;
            e = ne;
        }
        size_t lines = 0;
        for (size_t q = s; q < e;) {
            lines++;
            size_t n = sg_md_line_after(r, q);
            q = n == (size_t)-1 ? e : n;
        }
        r->group = SG_G_DETAILS(first);
        size_t off = r->txt.len;
        sg_callout_head(r, "warning", 'o', lines, sg_callout_gap(r, s), 1);
        sg_put_label(r, &r->txt, kinds, nk, 0);
        /* an empty line of the quote: the block's first line starts a block
         * of its own (else a paragraph or a setext heading takes the title
         * in, for CommonMark) */
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_puts(&r->txt, ">");
        sg_buf_puts(&r->txt, r->nl);
        sg_ins_add(r, s, SG_RANK_OPEN, off);
        for (size_t q = s; q < e;) {
            off = r->txt.len;
            sg_buf_puts(&r->txt, sg_blank_line(r, q) ? ">" : "> ");
            sg_ins_add(r, q, SG_RANK_OPEN, off);
            size_t n = sg_md_line_after(r, q);
            q = n == (size_t)-1 ? e : n;
        }
    }
}

/* ---- the warning --------------------------------------------------------------- */

static int sg_has_chunk(const sg_doc *doc, sg_chunk_role role)
{
    for (size_t i = 0; i < doc->nchunks; i++)
        if (doc->chunks[i].role == role)
            return 1;
    return 0;
}

/* The title: the first article heading, when no article text comes before
 * it; else (size_t)-1. */
static size_t sg_title_block(const sg_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        if (b->why != SG_WHY_ARTICLE || !b->view_len)
            continue;
        return b->kind == SG_BLOCK_HEADING ? i : (size_t)-1;
    }
    return (size_t)-1;
}

/* Does a hook's markup, wrapped, stand as exactly one chunk? */
static int sg_chunk_whole(sg_format fmt, const char *s, size_t n, size_t from)
{
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = s;
    d.len = n;
    d.format = fmt;
    sg_find_chunks(&d);
    int ok = d.nchunks == 1 && d.chunks[0].start == from && d.chunks[0].end == n;
    sg_doc_free(&d);
    return ok;
}

static void sg_hook_error(sg_rctx *r, const char *what)
{
    if (r->st != SG_OK)
        return;
    r->st = SG_ERR_HOOK;
    sg_set_error(
        r->err, SG_ERR_HOOK,
        "the %s markup cannot be inserted in %s: it must not hold spoilerguard's "
        "signature and must be balanced (unclosed elements, comments or script)",
        what, sg_format_name(r->fmt));
}

/* Where a block chunk goes before block b in Markdown: its text; for a list
 * item the line that starts its outermost list, for a table cell the line
 * that starts its table. */
static size_t sg_md_before_block(const sg_rctx *r, const sg_block *b)
{
    size_t at = b->text_start;
    if (b->outer_start < at)
        return b->outer_start; /* a list item: before its list */
    if (b->kind != SG_BLOCK_TABLE_CELL)
        return at;
    /* back over the lines with cells */
    size_t ls = at;
    while (ls > 0 && !sg_md_eol(r->src[ls - 1]))
        ls--;
    while (ls > 0) {
        size_t ps = ls - 1;
        if (ps > 0 && r->src[ps] == '\n' && r->src[ps - 1] == '\r')
            ps--; /* CRLF */
        size_t le = ps;
        while (ps > 0 && !sg_md_eol(r->src[ps - 1]))
            ps--;
        if (!memchr(r->src + ps, '|', le - ps))
            break;
        ls = ps;
    }
    return ls;
}

/* Check the last insertion (a hook's markup) finds back as one chunk. */
static void sg_check_hook(sg_rctx *r, const char *what, size_t pos)
{
    if (!r->nins || r->oom)
        return;
    const sg_ins *in = &r->ins[r->nins - 1];
    /* Markdown block chunks are judged after the indentation they follow */
    size_t il = 0;
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        size_t ls;
        if (sg_md_indent_before(r->src, pos, &ls))
            il = pos - ls;
    }
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_put(&t, r->src + pos - il, il);
    sg_buf_put(&t, r->txt.data + in->off, in->len);
    if (t.failed)
        r->oom = 1;
    else if (!sg_chunk_whole(r->fmt, t.data, t.len, il))
        sg_hook_error(r, what);
    sg_buf_free(&t);
}

/* The block the warning goes before: the first flagged one, or (warning
 * 2) the first article block after the title when that comes earlier. */
static const sg_block *sg_warning_block(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    size_t blk = r->marks[0].block;
    if (r->a->opts.warning == 2) {
        /* at the top: the first article block after the title */
        size_t t = sg_title_block(doc);
        size_t k = t == (size_t)-1 ? 0 : t + 1;
        while (k < doc->nblocks &&
               (doc->blocks[k].why != SG_WHY_ARTICLE || !doc->blocks[k].view_len))
            k++;
        if (k < doc->nblocks && doc->blocks[k].text_start <= doc->blocks[blk].text_start)
            blk = k;
    }
    return &doc->blocks[blk];
}

/* A hook's markup that cannot go into a visible form: the render fails with
 * a message that says why. */
static void sg_vis_hook_error(sg_rctx *r, const char *what, const char *why)
{
    if (r->st != SG_OK)
        return;
    r->st = SG_ERR_HOOK;
    sg_set_error(r->err, SG_ERR_HOOK,
                 "the %s markup cannot be inserted in %s with style %s: %s", what,
                 sg_format_name(r->fmt), sg_style_name(r->style), why);
}

/* Is chunk c a warning line in the visible form? */
static int sg_vis_warning_chunk(const sg_doc *doc, const sg_chunk *c)
{
    return c->role == SG_CHUNK_WARNING && c->end - c->start > sizeof SG_VIS_WARNING - 1 &&
           !memcmp(doc->src + c->start, SG_VIS_WARNING, sizeof SG_VIS_WARNING - 1);
}

/* Add word w[0..n) to `set` (NUL-separated words, *count of them) unless it
 * holds it already. */
static void sg_word_set_add(sg_buf *set, size_t *count, const char *w, size_t n)
{
    for (size_t i = 0; i < set->len;) {
        size_t l = strlen(set->data + i);
        if (l == n && !memcmp(set->data + i, w, n))
            return;
        i += l + 1;
    }
    if (*count >= SG_MAX_KINDS)
        return;
    sg_buf_put(set, w, n);
    sg_buf_putc(set, '\0');
    (*count)++;
}

/* Plain text, Discord and Reddit: one line that counts every passage marked,
 * an earlier run's (their labels) and this run's, on a line of its own with
 * a blank line after it:
 *   ⚠ Spoiler warning (deaths, twists): 3 passages are marked below.
 * An earlier run's line is replaced (left out of the output) when this run
 * marks more, so the count always accounts for every mark. */
static void sg_add_vis_warning(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    const sg_doc *doc = r->doc;
    /* the passages this run marks: its open pieces (each piece of a sentence
     * wrapped piece by piece is a passage of its own), and their kinds */
    size_t passages = 0, nwk = 0;
    const char *wkinds[SG_MAX_KINDS];
    for (size_t i = 0; i < r->nins; i++) {
        const sg_ins *in = &r->ins[i];
        if (in->rank != SG_RANK_OPEN || in->group < SG_G_MARKS)
            continue;
        const sg_mark *m = &r->marks[(in->group - SG_G_MARKS) / 2];
        passages++;
        for (size_t k = 0; k < m->nkinds; k++)
            sg_add_kind(wkinds, &nwk, m->kinds[k]);
    }
    if (!passages || r->off[SG_G_WARNING])
        return;
    size_t old = (size_t)-1;
    int other = 0;
    r->ndrop = 0;
    for (size_t i = 0; i < doc->nchunks; i++) {
        const sg_chunk *c = &doc->chunks[i];
        if (c->role != SG_CHUNK_WARNING)
            continue;
        if (!sg_vis_warning_chunk(doc, c)) {
            other = 1;
            continue;
        }
        if (old == (size_t)-1)
            old = c->start;
        sg_span d = {c->start, c->end};
        if (!SG_VEC_PUSH(r->drop, r->ndrop, r->cap_drop, d))
            r->oom = 1;
    }
    if (old == (size_t)-1 && (other || !a->opts.warning))
        return;
    const char *hook = a->markup[0];
    size_t hook_len = a->markup_len[0];
    if (hook && (memchr(hook, '\n', hook_len) || memchr(hook, '\r', hook_len))) {
        sg_vis_hook_error(r, "warning", "it must be one line");
        return;
    }
    if (hook && r->style != SG_STYLE_PLAIN && r->style != SG_STYLE_MD_PANDOC &&
        (memmem(hook, hook_len, "||", 2) || memmem(hook, hook_len, ">!", 2) ||
         memmem(hook, hook_len, "!<", 2))) {
        sg_vis_hook_error(r, "warning",
                          "it must not hold a spoiler mark's syntax (||, >!, !<)");
        return;
    }
    size_t at = old;
    if (a->opts.warning) {
        const sg_block *b = sg_warning_block(r);
        size_t here =
            r->fmt == SG_FORMAT_MARKDOWN ? sg_md_before_block(r, b) : b->text_start;
        if (here < at)
            at = here;
    }
    /* the kinds: the earlier marks' labels, then this run's */
    sg_buf set, line;
    sg_buf_init(&set);
    sg_buf_init(&line);
    size_t nk = 0;
    for (size_t i = 0; i < doc->nlabels; i++) {
        const char *l = doc->src + doc->labels[i].start;
        size_t n = doc->labels[i].end - doc->labels[i].start;
        for (size_t w = 0; w < n;) {
            const char *comma = memchr(l + w, ',', n - w);
            size_t e = comma ? (size_t)(comma - l) : n;
            sg_word_set_add(&set, &nk, l + w, e - w);
            w = e + 2;
        }
    }
    for (size_t i = 0; i < nwk; i++) {
        sg_buf w;
        sg_buf_init(&w);
        sg_vis_put_word(&w, wkinds[i], strlen(wkinds[i]));
        if (w.failed)
            r->oom = 1;
        else
            sg_word_set_add(&set, &nk, w.data, w.len);
        sg_buf_free(&w);
    }
    const char *kinds[SG_MAX_KINDS];
    for (size_t i = 0, k = 0; k < nk && !set.failed; k++) {
        kinds[k] = set.data + i;
        i += strlen(set.data + i) + 1;
    }
    size_t count = doc->nlabels + passages;
    sg_buf_puts(&line, SG_VIS_WARNING);
    if (hook)
        sg_buf_put(&line, hook, hook_len);
    else if (!set.failed)
        sg_vis_phrase(&line, kinds, nk);
    sg_buf_printf(&line, " %zu%s", count,
                  count == 1 ? SG_VIS_TALLY_ONE : SG_VIS_TALLY_MANY);
    r->group = SG_G_WARNING;
    if (line.failed || set.failed)
        r->oom = 1;
    else {
        size_t il, pos = sg_md_block_pos(r, at, &il);
        size_t off = r->txt.len;
        sg_buf_put(&r->txt, line.data, line.len);
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_put(&r->txt, r->src + pos - il, il);
        sg_ins_add(r, pos, SG_RANK_WARNING, off);
    }
    sg_buf_free(&set);
    sg_buf_free(&line);
}

static void sg_add_warning(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    const sg_doc *doc = r->doc;
    if (r->visible) {
        sg_add_vis_warning(r);
        return;
    }
    if (!a->opts.warning || !r->nmarks || r->off[SG_G_WARNING] ||
        sg_has_chunk(doc, SG_CHUNK_WARNING))
        return;
    const sg_block *b = sg_warning_block(r);
    const char *hook = a->markup[0];
    size_t hook_len = a->markup_len[0];
    r->group = SG_G_WARNING;
    sg_buf m;
    sg_buf_init(&m);
    if (r->fmt == SG_FORMAT_HTML) {
        size_t s, e;
        sg_html_block_span(r, b, &s, &e);
        size_t off = r->txt.len;
        if (hook) {
            sg_buf_puts(&r->txt, "<div " SG_ATTR "=\"warning\">");
            sg_buf_put(&r->txt, hook, hook_len);
            sg_buf_puts(&r->txt, "</div>");
        } else
            sg_warning_markup(r, &r->txt, 1);
        sg_ins_add(r, s, SG_RANK_WARNING, off);
        if (hook)
            sg_check_hook(r, "warning", s);
    } else if (r->style == SG_STYLE_MD_OBSIDIAN) {
        /* a callout of its own before the first flagged block's */
        if (!hook) {
            sg_buf_puts(&m, SG_WARNING_LEAD " ");
            sg_warning_phrase(r, &m);
        }
        sg_callout_whole(r, b->top_start, SG_RANK_WARNING, "warning", 'w',
                         hook ? hook : m.data, hook ? hook_len : m.len);
        if (hook)
            sg_check_hook(r, "warning", b->top_start);
    } else {
        size_t at = sg_md_before_block(r, b);
        if (!hook)
            sg_warning_markup(r, &m, 0);
        size_t il, pos = sg_md_block_pos(r, at, &il);
        sg_md_block_chunk(r, at, SG_RANK_WARNING, 'w', "", 0, 1, hook ? hook : m.data,
                          hook ? hook_len : m.len);
        if (hook)
            sg_check_hook(r, "warning", pos);
    }
    if (m.failed)
        r->oom = 1;
    sg_buf_free(&m);
}

/* ---- the badge ----------------------------------------------------------------- */

/* Is input offset `pos` inside a range skipped for `why` (the front matter,
 * a script)? */
static int sg_in_skipped(const sg_doc *doc, size_t pos, sg_why why)
{
    for (size_t i = 0; i < doc->nskipped; i++)
        if (doc->skipped[i].why == why && doc->skipped[i].start <= pos &&
            pos < doc->skipped[i].end)
            return 1;
    return 0;
}

/* Where the badge goes: after the title's text, else after the rating's
 * text (unless the front matter or a script holds it), else before the first article
 * text.  `line` receives whether it ends a line (plain: the badge goes on a
 * line of its own). */
static size_t sg_badge_pos(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    const sg_rating_out *rt = &r->a->rating;
    size_t t = sg_title_block(doc);
    if (t != (size_t)-1) {
        const sg_block *b = &doc->blocks[t];
        const sg_piece *last = &doc->pieces[b->piece_first + b->piece_count - 1];
        size_t e = last->src + last->src_len;
        if (r->fmt == SG_FORMAT_HTML) {
            /* before </hN> when the heading ends with it (outside any link) */
            size_t q = b->end > r->len ? r->len : b->end;
            while (q > e && sg_is_space(r->src[q - 1]))
                q--;
            if (q > e && r->src[q - 1] == '>') {
                size_t lt = q - 1;
                while (lt > e && r->src[lt] != '<' && q - lt < 16)
                    lt--;
                sg_tag et;
                if (r->src[lt] == '<' && sg_tag_at(r->src, r->len, lt, &et) &&
                    et.closing && et.end == q && et.name_len == 2 &&
                    (r->src[et.name] == 'h' || r->src[et.name] == 'H'))
                    return lt;
            }
            return e;
        }
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            /* the end of the heading's line, before a closing "###" */
            size_t q = e;
            while (q < r->len && r->src[q] != '\n')
                q++;
            size_t x = q;
            while (x > e && sg_is_space(r->src[x - 1]))
                x--;
            size_t h = x;
            while (h > e && r->src[h - 1] == '#')
                h--;
            if (h < x && h > e && (r->src[h - 1] == ' ' || r->src[h - 1] == '\t')) {
                x = h;
                while (x > e && sg_is_space(r->src[x - 1]))
                    x--;
            }
            return x;
        }
        return e;
    }
    if (rt->end > rt->start && rt->end <= r->len && !sg_in_skipped(doc, rt->start, SG_WHY_FRONT_MATTER) &&
        !sg_in_skipped(doc, rt->start, SG_WHY_SCRIPT)) {
        if (r->fmt != SG_FORMAT_PLAIN)
            return rt->end;
        size_t q = rt->end;
        while (q < r->len && r->src[q] != '\n')
            q++;
        if (q > rt->end && r->src[q - 1] == '\r')
            q--;
        return q;
    }
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].why == SG_WHY_ARTICLE && doc->blocks[i].piece_count)
            return doc->pieces[doc->blocks[i].piece_first].src;
    return (size_t)-1;
}

/* md-obsidian: where the badge's callout goes, a line start: after the
 * title heading (and the empty line after it), else before the first
 * article block; (size_t)-1 for nowhere. */
static size_t sg_callout_badge_pos(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    size_t t = sg_title_block(doc);
    if (t != (size_t)-1 && doc->blocks[t].top_start == doc->blocks[t].start) {
        size_t p = sg_md_next_line(r, &doc->blocks[t]);
        if (p == (size_t)-1)
            return (size_t)-1;
        if (p < r->len && sg_blank_line(r, p)) {
            size_t q = sg_md_line_after(r, p);
            p = q == (size_t)-1 ? r->len : q;
        }
        return p;
    }
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].why == SG_WHY_ARTICLE && doc->blocks[i].piece_count)
            return doc->blocks[i].top_start;
    return (size_t)-1;
}

static void sg_add_badge(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (!a->rating.found || r->badge == SG_BADGE_NONE || r->off[SG_G_BADGE] ||
        sg_has_chunk(r->doc, SG_CHUNK_BADGE))
        return;
    size_t pos = sg_badge_pos(r);
    if (pos == (size_t)-1)
        return;
    const char *hook = a->markup[1];
    size_t hook_len = a->markup_len[1];
    sg_buf m;
    sg_buf_init(&m);
    int have = 1;
    if (!hook)
        have = sg_badge_markup(r, &m, r->fmt != SG_FORMAT_PLAIN);
    if (have && r->visible) {
        const char *v = hook ? hook : m.data;
        size_t vl = hook ? hook_len : m.len;
        if (!vl || vl > SG_VIS_VALUE_MAX || memchr(v, '[', vl) || memchr(v, ']', vl) ||
            memchr(v, '\n', vl) || memchr(v, '\r', vl)) {
            if (hook)
                sg_vis_hook_error(r, "badge",
                                  "it must be one line of at most 256 bytes without "
                                  "brackets, which goes inside [Rating · ...]");
            have = 0; /* a rating written with brackets gets no badge */
        }
    }
    if (!have || m.failed) {
        r->oom |= m.failed;
        sg_buf_free(&m);
        return;
    }
    r->group = SG_G_BADGE;
    size_t off = r->txt.len;
    if (r->style == SG_STYLE_MD_OBSIDIAN) {
        /* a callout of its own, under the title */
        pos = sg_callout_badge_pos(r);
        if (pos != (size_t)-1)
            sg_callout_whole(r, pos, SG_RANK_BADGE, "info", 'b', hook ? hook : m.data,
                             hook ? hook_len : m.len);
        else
            hook = NULL;
    } else if (r->fmt == SG_FORMAT_HTML) {
        if (hook) {
            sg_buf_puts(&r->txt, "<span " SG_ATTR "=\"badge\">");
            sg_buf_put(&r->txt, hook, hook_len);
            sg_buf_puts(&r->txt, "</span>");
        } else if (r->badge == SG_BADGE_HTML || r->badge == SG_BADGE_TEXT) {
            /* the space before the badge goes inside it */
            const char *gt = memchr(m.data, '>', m.len);
            size_t k = gt ? (size_t)(gt - m.data) + 1 : 0;
            sg_buf_put(&r->txt, m.data, k);
            sg_buf_putc(&r->txt, ' ');
            sg_buf_put(&r->txt, m.data + k, m.len - k);
        } else
            sg_buf_put(&r->txt, m.data, m.len);
        sg_ins_add(r, pos, SG_RANK_BADGE, off);
    } else if (r->visible) {
        /* "[Rating · VALUE]": in plain text on a line of its own after the
         * title or rating line, else before the first article text; in
         * Markdown escaped, where the HTML badge would go */
        const char *v = hook ? hook : m.data;
        size_t vl = hook ? hook_len : m.len;
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            int head = sg_md_line_head(r->src, pos);
            if (!head)
                sg_buf_putc(&r->txt, ' ');
            sg_buf_puts(&r->txt, SG_VIS_MD_BADGE);
            sg_buf_put(&r->txt, v, vl);
            sg_buf_puts(&r->txt, "\\]");
            if (head)
                sg_buf_putc(&r->txt, ' ');
        } else {
            size_t q = pos;
            while (q < r->len && (r->src[q] == ' ' || r->src[q] == '\t'))
                q++;
            int eol = q == r->len || r->src[q] == '\n' || r->src[q] == '\r';
            if (eol) {
                pos = q;
                sg_buf_puts(&r->txt, r->nl);
            }
            sg_buf_puts(&r->txt, SG_VIS_BADGE);
            sg_buf_put(&r->txt, v, vl);
            sg_buf_puts(&r->txt, eol ? "]" : "] ");
        }
        sg_ins_add(r, pos, SG_RANK_BADGE, off);
    } else if (r->fmt == SG_FORMAT_MARKDOWN) {
        sg_buf piece;
        sg_buf_init(&piece);
        int head = sg_md_line_head(r->src, pos);
        if (!head)
            sg_buf_putc(&piece, ' ');
        if (hook)
            sg_buf_put(&piece, hook, hook_len);
        else
            sg_buf_put(&piece, m.data, m.len);
        if (head)
            sg_buf_putc(&piece, ' ');
        if (piece.failed)
            r->oom = 1;
        else
            sg_inline_chunk(r, pos, SG_RANK_BADGE, 'b', piece.data, piece.len);
        sg_buf_free(&piece);
    }
    if (hook && !r->visible)
        sg_check_hook(r, "badge", pos);
    sg_buf_free(&m);
}

/* ---- JSON-LD ------------------------------------------------------------------- */

/* Where what a page's <head> holds goes: before </head>, else before the
 * first block; (size_t)-1 when there is neither. */
static size_t sg_head_end(const sg_rctx *r)
{
    size_t p = 0;
    sg_tag t;
    while (sg_tag_next(r->src, r->len, &p, &t))
        if (t.closing && sg_tag_is(r->src, &t, "head"))
            return t.start;
        else if (!t.closing && sg_tag_is(r->src, &t, "body"))
            break;
    return r->doc->nblocks ? r->doc->blocks[0].text_start : (size_t)-1;
}

static void sg_add_jsonld(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (r->fmt != SG_FORMAT_HTML || !a->opts.jsonld || r->off[SG_G_JSONLD] ||
        sg_has_chunk(r->doc, SG_CHUNK_JSONLD))
        return;
    const char *hook = a->markup[2];
    size_t hook_len = a->markup_len[2];
    sg_buf m;
    sg_buf_init(&m);
    if (!hook && !sg_jsonld_markup(a, &m)) {
        sg_buf_free(&m);
        return;
    }
    size_t pos = sg_head_end(r);
    if (pos == (size_t)-1) {
        sg_buf_free(&m);
        return;
    }
    r->group = SG_G_JSONLD;
    size_t off = r->txt.len;
    sg_buf_puts(&r->txt, "<script type=\"application/ld+json\" " SG_ATTR "=\"jsonld\">");
    if (hook)
        sg_buf_put(&r->txt, hook, hook_len);
    else
        sg_buf_put(&r->txt, m.data, m.len);
    sg_buf_puts(&r->txt, "</script>");
    sg_ins_add(r, pos, SG_RANK_JSONLD, off);
    if (hook && (sg_ci_contains(hook, hook_len, "</script") ||
                 sg_ci_contains(hook, hook_len, "<!--")))
        sg_hook_error(r, "jsonld");
    else if (hook)
        sg_check_hook(r, "jsonld", pos);
    r->oom |= m.failed;
    sg_buf_free(&m);
}

/* ---- the CSS and script that make a disclosure work ---------------------------- */

#include "sg_assets.inc"

void sg_assets(const char **css, const char **js)
{
    if (css)
        *css = sg_asset_css;
    if (js)
        *js = sg_asset_js;
}

/* Once per page, only where a mark is a disclosure, never twice.  HTML:
 * where JSON-LD goes, before </head>, else before the first block.
 * Markdown: a block chunk of two raw HTML blocks (which CommonMark ends at
 * </style> and </script>) before the first flagged block, where the
 * warning goes. */
static void sg_add_assets(sg_rctx *r)
{
    if (!r->disclosures || !r->a->opts.assets || r->off[SG_G_ASSETS] ||
        sg_has_chunk(r->doc, SG_CHUNK_ASSETS))
        return;
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        r->group = SG_G_ASSETS;
        sg_buf m;
        sg_buf_init(&m);
        sg_buf_puts(&m, "<style " SG_ATTR "=\"style\">");
        sg_buf_puts(&m, sg_asset_css);
        sg_buf_puts(&m, "</style>\n<script " SG_ATTR "=\"script\">");
        sg_buf_puts(&m, sg_asset_js);
        sg_buf_puts(&m, "</script>");
        if (m.failed)
            r->oom = 1;
        else
            sg_md_block_chunk(r, sg_md_before_block(r, &r->doc->blocks[r->marks[0].block]),
                              SG_RANK_JSONLD, 'a', "", 0, 1, m.data, m.len);
        sg_buf_free(&m);
        return;
    }
    size_t pos = sg_head_end(r);
    if (pos == (size_t)-1)
        return;
    r->group = SG_G_ASSETS;
    size_t off = r->txt.len;
    sg_buf_puts(&r->txt, "<style " SG_ATTR "=\"style\">");
    sg_buf_puts(&r->txt, sg_asset_css);
    sg_buf_puts(&r->txt, "</style><script " SG_ATTR "=\"script\">");
    sg_buf_puts(&r->txt, sg_asset_js);
    sg_buf_puts(&r->txt, "</script>");
    sg_ins_add(r, pos, SG_RANK_JSONLD, off);
}

/* ---- output ------------------------------------------------------------------- */

static int sg_ins_cmp(const void *x, const void *y)
{
    const sg_ins *a = x, *b = y;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Kept runs of a text with its chunks left out, one after another. */
typedef struct sg_kept {
    const char *s;
    size_t len, pos, ci;
    const sg_chunk *c;
    size_t nc;
} sg_kept;

static int sg_kept_next(sg_kept *k, const char **p, size_t *n)
{
    while (k->pos < k->len) {
        while (k->ci < k->nc && k->c[k->ci].end <= k->pos)
            k->ci++;
        if (k->ci < k->nc && k->c[k->ci].start <= k->pos) {
            k->pos = k->c[k->ci].end;
            continue;
        }
        size_t stop = k->ci < k->nc ? k->c[k->ci].start : k->len;
        *p = k->s + k->pos;
        *n = stop - k->pos;
        k->pos = stop;
        return 1;
    }
    return 0;
}

/* Does `out` with its chunks removed equal the input with its own removed? */
static int sg_same_stripped(const sg_rctx *r, const char *out, size_t out_len,
                            const sg_doc *found)
{
    sg_kept a = {r->src, r->len, 0, 0, r->doc->chunks, r->doc->nchunks};
    sg_kept b = {out, out_len, 0, 0, found->chunks, found->nchunks};
    const char *pa = NULL, *pb = NULL;
    size_t na = 0, nb = 0;
    for (;;) {
        if (!na && !sg_kept_next(&a, &pa, &na))
            na = 0;
        if (!nb && !sg_kept_next(&b, &pb, &nb))
            nb = 0;
        if (!na || !nb)
            return !na && !nb;
        size_t m = na < nb ? na : nb;
        if (memcmp(pa, pb, m))
            return 0;
        pa += m;
        pb += m;
        na -= m;
        nb -= m;
    }
}

/* Take a failed check out on group `g`: its next fallback. */
static void sg_demote(sg_rctx *r, size_t g)
{
    if (g < SG_G_MARKS)
        r->off[g] = 1;
    else if ((g - SG_G_MARKS) % 2 == 0)
        r->no_details[(g - SG_G_MARKS) / 2] = 1;
    else {
        unsigned char *l = &r->level[(g - SG_G_MARKS) / 2];
        if (*l < SG_LEVEL_NONE)
            (*l)++;
        if (*l == SG_LEVEL_CAREFUL && r->fmt != SG_FORMAT_MARKDOWN)
            (*l)++; /* refusals are Markdown's alone */
    }
}

static int sg_span_start_cmp(const void *x, const void *y)
{
    const sg_span *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Markdown: the spans where nothing may be inserted (sg_rctx.no_insert):
 * raw HTML openers left open to the end of their paragraph, and the
 * reader's autolinks. */
static void sg_md_find_no_insert(sg_rctx *r)
{
    const char *s = r->src;
    size_t n = r->len, i = 0;
    while (i + 2 < n) {
        const char *lt = memchr(s + i, '<', n - 2 - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        int decl = s[i + 1] == '!' && ((s[i + 2] | 0x20) >= 'a' && (s[i + 2] | 0x20) <= 'z');
        int comment = s[i + 1] == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-';
        if (!decl && !comment) {
            i++;
            continue;
        }
        /* to its closing '>' ("-->"), or to the line break before a blank
         * line (or the end of the input): then it is left open */
        size_t j = i + (comment ? 4 : 2), end = n;
        int closed = 0;
        while (j < n) {
            if (s[j] == '>' && (!comment || (j >= i + 6 && s[j - 1] == '-' && s[j - 2] == '-'))) {
                closed = 1;
                break;
            }
            if (!sg_md_eol(s[j])) {
                j++;
                continue;
            }
            size_t q = sg_md_line_after(r, j);
            if (q == (size_t)-1 || sg_blank_line(r, q)) {
                end = j;
                break;
            }
            j = q;
        }
        if (!closed) {
            sg_span sp = {i, end};
            if (!SG_VEC_PUSH(r->no_insert, r->nno_insert, r->cap_no_insert, sp))
                r->oom = 1;
            j = end;
        }
        i = j + 1;
    }
    for (size_t k = 0; k < r->doc->natomic; k++) {
        const sg_span *al = &r->doc->atomic[k];
        sg_span sp = {al->start, al->end - 1}; /* inside: before its '>' */
        if (al->end > al->start + 1 &&
            !SG_VEC_PUSH(r->no_insert, r->nno_insert, r->cap_no_insert, sp))
            r->oom = 1;
    }
    if (r->doc->natomic && r->nno_insert > 1)
        qsort(r->no_insert, r->nno_insert, sizeof *r->no_insert, sg_span_start_cmp);
}

/* Markdown: may nothing be inserted at `pos`?  Inside a span of
 * sg_rctx.no_insert, or inside a run of one delimiter ("__", "**", "~~",
 * "``"), which an insertion would cut in two and so change the emphasis. */
static int sg_md_no_insert_at(const sg_rctx *r, size_t pos)
{
    if (pos > 0 && pos < r->len && r->src[pos] && r->src[pos - 1] == r->src[pos] &&
        strchr("*_~`", r->src[pos]))
        return 1;
    size_t k = sg_spans_before(r->no_insert, r->nno_insert, pos);
    return k && pos <= r->no_insert[k - 1].end;
}

/* ---- Markdown emphasis next to an insertion -------------------------------- */

static const char sg_md_delims[] = "*_~";

/* Classes of a character next to a delimiter run, as bits: CommonMark's
 * flanking rules see whitespace, punctuation or anything else. */
enum { SG_FL_SPACE = 1, SG_FL_PUNCT = 2, SG_FL_OTHER = 4 };

/* The class of byte `c` (-1: the start or end of the input).  A non-ASCII
 * byte may be any class (Unicode spaces and punctuation), so it is all. */
static unsigned sg_md_flank_class(int c)
{
    if (c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return SG_FL_SPACE;
    if (c >= 0x80)
        return SG_FL_SPACE | SG_FL_PUNCT | SG_FL_OTHER;
    if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
        (c >= '{' && c <= '~'))
        return SG_FL_PUNCT;
    return SG_FL_OTHER;
}

/* May a run of `d` between a character of class `b` and one of class `a`
 * (one bit each) open (1) and close (2) emphasis? */
static unsigned sg_md_flanks(char d, unsigned b, unsigned a)
{
    int left = a != SG_FL_SPACE && (a != SG_FL_PUNCT || b != SG_FL_OTHER);
    int right = b != SG_FL_SPACE && (b != SG_FL_PUNCT || a != SG_FL_OTHER);
    if (d == '_')
        return (unsigned)(left && (!right || b == SG_FL_PUNCT)) |
               (unsigned)(right && (!left || a == SG_FL_PUNCT)) << 1;
    return (unsigned)left | (unsigned)right << 1;
}

/* What sg_md_flanks may give for a character of any class in `b` before
 * and any in `a` after (sets of bits): bit v set for each value v. */
static unsigned sg_md_flanks_may(char d, unsigned b, unsigned a)
{
    unsigned v = 0;
    for (unsigned x = 1; x <= SG_FL_OTHER; x <<= 1)
        for (unsigned y = 1; y <= SG_FL_OTHER; y <<= 1)
            if ((b & x) && (a & y))
                v |= 1u << sg_md_flanks(d, x, y);
    return v;
}

/* Which of opening (1) and closing (2) may differ between two such sets? */
static unsigned sg_md_flanks_diff(unsigned v, unsigned w)
{
    unsigned diff = 0;
    for (unsigned x = 0; x < 4; x++)
        for (unsigned y = 0; y < 4; y++)
            if ((v >> x & 1) && (w >> y & 1))
                diff |= x ^ y;
    return diff;
}

/* Every run of '*', '_' and '~', once. */
static void sg_md_find_runs(sg_rctx *r)
{
    const char *s = r->src;
    r->runs_found = 1;
    for (size_t i = 0; i < r->len;) {
        const char *d = s[i] ? strchr(sg_md_delims, s[i]) : NULL;
        if (!d) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < r->len && s[j] == s[i])
            j++;
        size_t k = (size_t)(d - sg_md_delims);
        sg_span sp = {i, j};
        if (!SG_VEC_PUSH(r->runs[k], r->nruns[k], r->cap_runs[k], sp))
            r->oom = 1;
        i = j;
    }
}

/* The bounds of the block that holds `pos`: from its start to the next
 * block's (the markup between blocks counts with the one before). */
static void sg_md_block_bounds(const sg_rctx *r, size_t pos, size_t *lo, size_t *hi)
{
    const sg_block *b = r->doc->blocks;
    size_t l;
    SG_COUNT_BELOW(b, r->doc->nblocks, start, pos + 1, l);
    *lo = l ? b[l - 1].start : 0;
    *hi = l < r->doc->nblocks ? b[l].start : r->len;
}

/* Is anything inserted at `pos`?  (sg_rctx.ins is sorted by position.) */
static int sg_md_ins_at(const sg_rctx *r, size_t pos)
{
    size_t l;
    SG_COUNT_BELOW(r->ins, r->nins, pos, pos, l);
    return l < r->nins && r->ins[l].pos == pos;
}

/* The classes of the characters around `run`, as read and (`inserted`)
 * with whatever an insertion next to it may put there. */
static void sg_md_run_sides(const sg_rctx *r, const sg_span *run, int inserted,
                            unsigned *b, unsigned *a)
{
    const char *s = r->src;
    *b = sg_md_flank_class(run->start ? (unsigned char)s[run->start - 1] : -1);
    *a = sg_md_flank_class(run->end < r->len ? (unsigned char)s[run->end] : -1);
    if (inserted && sg_md_ins_at(r, run->start))
        *b |= SG_FL_SPACE | SG_FL_PUNCT;
    if (inserted && sg_md_ins_at(r, run->end))
        *a |= SG_FL_SPACE | SG_FL_PUNCT;
}

/* May `run` (of `d`) open (want 1) or close (want 2), as read or with
 * anything inserted next to it? */
static int sg_md_run_may(const sg_rctx *r, const sg_span *run, char d, unsigned want)
{
    unsigned b, a;
    sg_md_run_sides(r, run, 1, &b, &a);
    unsigned may = sg_md_flanks_may(d, b, a);
    for (unsigned v = 0; v < 4; v++)
        if ((may >> v & 1) && (v & want))
            return 1;
    return 0;
}

/* How many runs of one block sg_md_flank_changed looks at before it takes
 * a partner as found. */
#define SG_MD_MAX_PARTNERS 64

/* Would an insertion of `t` (n bytes) at `pos` change whether the run of '*',
 * '_' or '~' right before or after it opens or closes emphasis, in a block
 * with another run of the same character that it could then pair with
 * otherwise?  ("*a,*B c*": markup between the second '*' and "B" lets that
 * '*' close, and the first two pair on the next reading.) */
static int sg_md_flank_changed(sg_rctx *r, size_t pos, const char *t, size_t n)
{
    const char *s = r->src;
    for (int side = 0; side < 2; side++) {
        /* side 0: the run that ends at pos; side 1: the run that starts there */
        if ((!side && pos == 0) || (side && pos >= r->len))
            continue;
        size_t at = side ? pos : pos - 1;
        const char *d = s[at] ? strchr(sg_md_delims, s[at]) : NULL;
        if (!d)
            continue;
        size_t k = (size_t)(d - sg_md_delims);
        if (!r->runs_found)
            sg_md_find_runs(r);
        const sg_span *runs = r->runs[k];
        size_t i = sg_spans_before(runs, r->nruns[k], at + 1);
        if (i == 0 || runs[i - 1].end <= at)
            continue;
        const sg_span *run = &runs[i - 1];
        if (side ? run->start != pos : run->end != pos)
            continue; /* inside a run: refused elsewhere */
        unsigned b, a;
        sg_md_run_sides(r, run, 0, &b, &a);
        unsigned b2 = side ? sg_md_flank_class((unsigned char)t[n - 1]) : b;
        unsigned a2 = side ? a : sg_md_flank_class((unsigned char)t[0]);
        unsigned changed =
            sg_md_flanks_diff(sg_md_flanks_may(*d, b, a), sg_md_flanks_may(*d, b2, a2));
        if (!changed)
            continue;
        /* a change to opening matters with a run after it that may close,
         * one to closing with a run before it that may open */
        size_t lo, hi, seen = 0;
        sg_md_block_bounds(r, run->start, &lo, &hi);
        if (changed & 1)
            for (size_t j = i; j < r->nruns[k] && runs[j].start < hi; j++)
                if (++seen > SG_MD_MAX_PARTNERS || sg_md_run_may(r, &runs[j], *d, 2))
                    return 1;
        if (changed & 2)
            for (size_t j = i - 1; j-- > 0 && runs[j].start >= lo;)
                if (++seen > SG_MD_MAX_PARTNERS || sg_md_run_may(r, &runs[j], *d, 1))
                    return 1;
    }
    return 0;
}

/* Markdown: must insertion `in` not be made as it is? */
static int sg_md_refused(sg_rctx *r, const sg_ins *in)
{
    return r->fmt == SG_FORMAT_MARKDOWN &&
           (sg_md_no_insert_at(r, in->pos) ||
            sg_md_flank_changed(r, in->pos, r->txt.data + in->off, in->len));
}

/* Copy input [from, to) to `out`, less what is dropped (an earlier run's
 * warning that a new one replaces). */
static void sg_put_input(const sg_rctx *r, sg_buf *out, size_t from, size_t to)
{
    for (size_t i = 0; i < r->ndrop && from < to; i++) {
        const sg_span *d = &r->drop[i];
        if (d->end <= from || d->start >= to)
            continue;
        if (d->start > from)
            sg_buf_put(out, r->src + from, d->start - from);
        from = d->end;
    }
    if (from < to)
        sg_buf_put(out, r->src + from, to - from);
}

/* Write the input with the insertions, then find the chunks again: they must
 * be exactly what was inserted.  NULL with *retry set when some group must
 * fall back (done here), NULL alone when memory ran out. */
static char *sg_emit(sg_rctx *r, size_t *out_len, int *retry)
{
    *retry = 0;
    if (r->nins > 1)
        qsort(r->ins, r->nins, sizeof *r->ins, sg_ins_cmp);
    sg_buf out;
    sg_buf_init(&out);
    size_t extra = 0;
    for (size_t i = 0; i < r->nins; i++)
        extra += r->ins[i].len;
    sg_buf_reserve(&out, r->len + extra);
    size_t pos = 0;
    for (size_t i = 0; i < r->nins; i++) {
        sg_ins *in = &r->ins[i];
        sg_put_input(r, &out, pos, in->pos);
        pos = in->pos;
        in->out = out.len;
        sg_buf_put(&out, r->txt.data + in->off, in->len);
    }
    sg_put_input(r, &out, pos, r->len);
    if (out.failed || !r->nins)
        return sg_buf_take(&out, out_len);
    sg_doc found;
    memset(&found, 0, sizeof found);
    found.src = out.data;
    found.len = out.len;
    found.format = r->fmt;
    sg_find_chunks(&found);
    size_t inside = 0;
    for (size_t i = 0; i < r->nins && r->fmt == SG_FORMAT_MARKDOWN; i++)
        inside += sg_md_refused(r, &r->ins[i]);
    if (!inside && sg_same_stripped(r, out.data, out.len, &found)) {
        sg_doc_free(&found);
        return sg_buf_take(&out, out_len);
    }
    /* groups whose insertions were not found exactly as written, or that
     * Markdown refuses (sg_md_refused), fall back */
    size_t c = 0, bad = 0;
    for (size_t i = 0; i < r->nins; i++) {
        const sg_ins *in = &r->ins[i];
        while (c < found.nchunks && found.chunks[c].start < in->out)
            c++;
        if (inside && sg_md_refused(r, in)) {
            sg_demote(r, in->group);
            bad++;
            continue;
        }
        if (c < found.nchunks && found.chunks[c].start == in->out &&
            found.chunks[c].end == in->out + in->len)
            continue;
        sg_demote(r, in->group);
        bad++;
    }
    if (!bad)
        r->all_off = 1;
    sg_doc_free(&found);
    sg_buf_free(&out);
    *retry = 1;
    return NULL;
}

static void sg_rctx_free(sg_rctx *r)
{
    sg_buf_free(&r->txt);
    free(r->ins);
    free(r->ev);
    free(r->marks);
    free(r->no_details);
    free(r->level);
    free(r->no_insert);
    free(r->drop);
    for (int k = 0; k < 3; k++)
        free(r->runs[k]);
}

static sg_status sg_rctx_init(sg_rctx *r, const sg_analysis *a, sg_error *err)
{
    memset(r, 0, sizeof *r);
    r->a = a;
    r->doc = &a->doc;
    r->src = a->doc.src ? a->doc.src : "";
    r->len = a->doc.src ? a->doc.len : 0;
    r->fmt = a->doc.format == SG_FORMAT_AUTO ? SG_FORMAT_PLAIN : a->doc.format;
    r->err = err;
    const char *nl = memchr(r->src, '\n', r->len);
    r->nl = nl && nl > r->src && nl[-1] == '\r' ? "\r\n" : "\n";
    sg_options o = a->opts;
    if (o.style == SG_STYLE_AUTO)
        o.style = a->style; /* what sg_analyze picked */
    sg_status st = sg_resolve(&o, r->fmt, &r->style, &r->badge, err);
    if (st != SG_OK)
        return st;
    r->visible = r->fmt == SG_FORMAT_PLAIN ||
                 (r->fmt == SG_FORMAT_MARKDOWN &&
                  (r->style == SG_STYLE_MD_DISCORD || r->style == SG_STYLE_MD_REDDIT));
    if (r->doc->ninl) {
        r->ev = malloc(r->doc->ninl * sizeof *r->ev);
        if (!r->ev)
            return SG_ERR_MEMORY;
        memcpy(r->ev, r->doc->inl, r->doc->ninl * sizeof *r->ev);
        r->nev = r->doc->ninl;
        qsort(r->ev, r->nev, sizeof *r->ev, sg_ev_cmp);
    }
    sg_collect_marks(r);
    if (r->fmt == SG_FORMAT_MARKDOWN)
        sg_md_find_no_insert(r);
    if (r->oom)
        return SG_ERR_MEMORY;
    r->no_details = calloc(r->nmarks + 1, 1);
    r->level = calloc(r->nmarks + 1, 1);
    return r->no_details && r->level ? SG_OK : SG_ERR_MEMORY;
}

/* Every insertion, from the fallbacks chosen so far. */
static void sg_build(sg_rctx *r)
{
    r->txt.len = 0;
    r->nins = 0;
    r->disclosures = 0;
    r->ndrop = 0;
    if (r->all_off)
        return;
    sg_add_jsonld(r);
    sg_add_badge(r);
    if (r->style == SG_STYLE_HTML_DETAILS && r->fmt == SG_FORMAT_HTML)
        sg_details_html(r);
    else if (r->style == SG_STYLE_HTML_DETAILS)
        sg_details_markdown(r);
    else if (r->style == SG_STYLE_MD_OBSIDIAN)
        sg_callouts(r);
    else
        for (size_t i = 0; i < r->nmarks; i++)
            sg_mark_inline(r, i);
    /* after the marks: a visible warning counts them */
    sg_add_warning(r);
    sg_add_assets(r);
}

char *sg_render_doc(const sg_analysis *a, size_t *out_len, sg_error *err)
{
    if (out_len)
        *out_len = 0;
    if (!a) {
        sg_set_error(err, SG_ERR_USAGE, "sg_render: no analysis given");
        return NULL;
    }
    sg_rctx r;
    sg_status st = sg_rctx_init(&r, a, err);
    if (st != SG_OK) {
        if (st == SG_ERR_MEMORY)
            sg_set_error(err, SG_ERR_MEMORY, "out of memory rendering");
        sg_rctx_free(&r);
        return NULL;
    }
    char *out = NULL;
    for (int attempt = 0; attempt <= SG_MAX_ATTEMPTS; attempt++) {
        if (attempt == SG_MAX_ATTEMPTS)
            r.all_off = 1; /* the input as it is: always safe */
        sg_build(&r);
        if (r.st != SG_OK) {
            sg_rctx_free(&r);
            return NULL;
        }
        if (r.oom || r.txt.failed)
            break;
        int retry;
        out = sg_emit(&r, out_len, &retry);
        if (out || !retry)
            break;
    }
    if (!out)
        sg_set_error(err, SG_ERR_MEMORY, "out of memory rendering");
    else if (err) {
        err->status = SG_OK;
        err->message[0] = '\0';
    }
    sg_rctx_free(&r);
    return out;
}

/* ---- the default markup, for hooks, and the words, for hosts ----------------------- */

/* What `what` inserts, as the format writes it (`words` 0: the markup a hook
 * may replace) or as words with no markup and nothing escaped (`words` 1:
 * for a host that writes its own markup, sg_analysis_words). */
static int sg_default_text(sg_rctx *r, const char *what, int words, sg_buf *b)
{
    const sg_analysis *a = r->a;
    if (!words) {
        if (!strcmp(what, "warning"))
            return a->opts.warning && r->nmarks && (sg_warning_markup(r, b, 0), 1);
        if (!strcmp(what, "badge"))
            return sg_badge_markup(r, b, 0);
        if (!strcmp(what, "jsonld"))
            return r->fmt == SG_FORMAT_HTML && a->opts.jsonld && sg_jsonld_markup(a, b);
        return 0;
    }
    r->fmt = SG_FORMAT_PLAIN; /* nothing escaped */
    if (!strcmp(what, "warning-lead"))
        return r->nmarks && (sg_buf_puts(b, SG_WARNING_LEAD), 1);
    if (!strcmp(what, "warning"))
        return r->nmarks && (sg_warning_phrase(r, b), 1);
    if (!strcmp(what, "badge")) {
        r->badge = SG_BADGE_TEXT;
        return sg_badge_markup(r, b, 0);
    }
    if (!strcmp(what, "badge-label")) {
        sg_badge_text t;
        if (!sg_badge_parts(a, &t))
            return 0;
        sg_buf_put(b, t.label.data, t.label.len);
        sg_badge_text_free(&t);
        return 1;
    }
    return 0;
}

static char *sg_default_text_take(const sg_analysis *a, const char *what, int words,
                                  size_t *len)
{
    if (len)
        *len = 0;
    if (!a || !what)
        return NULL;
    sg_rctx r;
    if (sg_rctx_init(&r, a, NULL) != SG_OK) {
        sg_rctx_free(&r);
        return NULL;
    }
    sg_buf b;
    sg_buf_init(&b);
    int have = sg_default_text(&r, what, words, &b);
    sg_rctx_free(&r);
    if (!have) {
        sg_buf_free(&b);
        return NULL;
    }
    return sg_buf_take(&b, len);
}

char *sg_analysis_markup(const sg_analysis *a, const char *what, size_t *len)
{
    return sg_default_text_take(a, what, 0, len);
}

char *sg_analysis_words(const sg_analysis *a, const char *what, size_t *len)
{
    return sg_default_text_take(a, what, 1, len);
}

char *sg_spoiler_label(const char *const *kinds, size_t n, size_t *len)
{
    if (len)
        *len = 0;
    sg_rctx r;
    memset(&r, 0, sizeof r);
    r.fmt = SG_FORMAT_PLAIN;
    sg_buf b;
    sg_buf_init(&b);
    size_t k = 0;
    const char *kept[SG_MAX_KINDS];
    for (size_t i = 0; kinds && i < n && k < SG_MAX_KINDS; i++)
        if (kinds[i] && *kinds[i])
            sg_add_kind(kept, &k, kinds[i]);
    sg_put_label(&r, &b, kept, k, 0);
    return sg_buf_take(&b, len);
}

sg_style sg_analysis_style(const sg_analysis *a, const char **why)
{
    if (why)
        *why = a ? a->style_why : NULL;
    if (!a)
        return SG_STYLE_AUTO;
    sg_options o = a->opts;
    if (o.style == SG_STYLE_AUTO)
        o.style = a->style;
    sg_format fmt = a->doc.format == SG_FORMAT_AUTO ? SG_FORMAT_PLAIN : a->doc.format;
    sg_style s;
    sg_badge b;
    return sg_resolve(&o, fmt, &s, &b, NULL) == SG_OK ? s : o.style;
}
