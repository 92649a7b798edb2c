/*
 * sg_render_text.c -- the words and markup render inserts, as text: the
 * warning, the rating badge in each of its forms (text, HTML, SVG, an image),
 * schema.org Review JSON-LD, and the label and data attribute that name a
 * mark's kinds.  Where each goes is sg_render_place.c's job.
 */
#include "sg_render.h"

#include <math.h>
#include <strings.h>

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
void sg_put_label(const sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n,
                  int html)
{
    sg_buf_puts(b, SG_LABEL_OPEN);
    sg_put_kinds(r, b, kinds, n, 0, html);
    sg_buf_putc(b, ')');
}

/* The data-spoilerguard value for a mark: its first kind as one token, kept
 * apart from the reserved tokens, then " continued" for later pieces. */
void sg_put_attr_kind(sg_buf *b, const char *kind, int continued)
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

void sg_warning_phrase(const sg_rctx *r, sg_buf *b)
{
    sg_buf_puts(b, "this review reveals plot details (");
    sg_put_kinds(r, b, r->kinds, r->nkinds, 1, 0);
    sg_buf_puts(b, ").");
}

/* Plain text, Discord and Reddit: "Spoiler warning (deaths, twists):", the
 * kinds written as label words (sg_vis_put_word), so that it never holds a
 * mark's syntax. */
void sg_vis_phrase(sg_buf *b, const char *const *kinds, size_t n)
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
void sg_warning_markup(const sg_rctx *r, sg_buf *b, int sign)
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
    }
}

#define SG_STAR_FULL "\xE2\x98\x85"  /* ★ */
#define SG_STAR_HALF "\xC2\xBD"      /* ½ */
#define SG_STAR_EMPTY "\xE2\x98\x86" /* ☆ */

void sg_badge_text_free(sg_badge_text *t)
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
int sg_badge_parts(const sg_analysis *a, sg_badge_text *t)
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
int sg_badge_markup(const sg_rctx *r, sg_buf *b, int sign)
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

int sg_ci_contains(const char *s, size_t n, const char *what)
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
int sg_jsonld_markup(const sg_analysis *a, sg_buf *b)
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
