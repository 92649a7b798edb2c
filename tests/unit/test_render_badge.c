/* test_render_badge.c -- the rating badge in every form: the text badge
 * of plain text, Markdown and HTML, the inline SVG and the SVG image in a
 * data: URI, each where it belongs (after the title, before the first
 * article text, never inside front matter), with stripping giving the input
 * back.  Half stars are drawn as halves and never rounded up, grades and
 * verdicts are shown as words, and the SVG is as wide as what it says. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spoilerguard.h"
#include "sg_internal.h"
#include "sg_test_util.h"

/* ---- the badge -------------------------------------------------------------- */

static char *render_with_rating(const char *text, size_t len, sg_format fmt,
                                sg_badge badge, size_t *ol)
{
    sg_analysis *a = sg_t_analysis_of(text, len, fmt, SG_STYLE_AUTO, badge);
    sg_rating r;
    memset(&r, 0, sizeof r);
    r.text = "3/5";
    r.value = 3;
    r.scale = 5;
    r.normalized = 0.6;
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.badge = badge;
    char *out = sg_t_check_render(a, text, len, fmt, &o, ol);
    sg_analysis_free(a);
    return out;
}

static void badge_forms(void **state)
{
    (void)state;
    size_t ol;
    char *out = render_with_rating(sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                   SG_FORMAT_HTML, SG_BADGE_AUTO, &ol);
    assert_int_equal(
        sg_t_count(out, ol,
                   "<h1>Blade Falls review<span class=\"sg-rating\" "
                   "data-spoilerguard=\"badge\" role=\"img\" aria-label=\"Rating: "
                   "3 out of 5\"> ★★★☆☆ 3/5</span></h1>"),
        1);
    sg_free(out);
    out = render_with_rating(sg_t_html_doc, sizeof sg_t_html_doc - 1, SG_FORMAT_HTML,
                             SG_BADGE_SVG, &ol);
    assert_int_equal(
        sg_t_count(out, ol, "<svg class=\"sg-rating\" data-spoilerguard=\"badge\""), 1);
    assert_int_equal(sg_t_count(out, ol, "<title>Rating: 3 out of 5</title>"), 1);
    sg_free(out);
    out = render_with_rating(sg_t_html_doc, sizeof sg_t_html_doc - 1, SG_FORMAT_HTML,
                             SG_BADGE_IMAGE, &ol);
    assert_int_equal(
        sg_t_count(out, ol,
                   "<img class=\"sg-rating\" data-spoilerguard=\"badge\" "
                   "alt=\"Rating: 3 out of 5\" style=\"vertical-align:middle;"
                   "margin-left:.3em\" src=\"data:image/svg+xml;base64,"),
        1);
    sg_free(out);
    out = render_with_rating(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                             SG_BADGE_AUTO, &ol);
    assert_int_equal(
        sg_t_count(out, ol, "# Blade Falls review<!--sg:b--> <span class=\"sg-rating\""),
        1);
    sg_free(out);
    out = render_with_rating(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                             SG_BADGE_IMAGE, &ol);
    assert_int_equal(sg_t_count(out, ol,
                                "<!--sg:b--> ![Rating: 3 out of 5](data:image/svg+xml;"
                                "base64,"),
                     1);
    sg_free(out);
    out = render_with_rating(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                             SG_BADGE_NONE, &ol);
    assert_int_equal(sg_t_count(out, ol, "<!--sg:b-->"), 0);
    sg_free(out);
    out = render_with_rating(sg_t_plain_doc, sizeof sg_t_plain_doc - 1, SG_FORMAT_PLAIN,
                             SG_BADGE_AUTO, &ol);
    assert_int_equal(sg_t_count(out, ol, "Blade Falls Review\n[Rating · ★★★☆☆ 3/5]\n\n"),
                     1);
    sg_free(out);
}

/* A rating the front matter gives: the front matter is left as it is, the
 * badge goes before the first article text. */
static void badge_of_a_front_matter_rating_stays_out_of_it(void **state)
{
    (void)state;
    static const char md[] = "---\nrating: 4\n---\n\nA ferry pilot finds a map.\n";
    static const char plain[] = "---\nrating: 4\n---\n\nA ferry pilot finds a map.\n";
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_MARKDOWN;
    sg_analysis *a = sg_t_analysis_of(md, sizeof md - 1, SG_FORMAT_MARKDOWN,
                                      SG_STYLE_AUTO, SG_BADGE_AUTO);
    size_t ol;
    char *out = sg_t_check_render(a, md, sizeof md - 1, SG_FORMAT_MARKDOWN, &o, &ol);
    assert_int_equal(
        sg_t_count(out, ol, "---\nrating: 4\n---\n\n<span class=\"sg-rating\""), 1);
    sg_free(out);
    sg_analysis_free(a);
    o.format = SG_FORMAT_PLAIN;
    a = sg_t_analysis_of(plain, sizeof plain - 1, SG_FORMAT_PLAIN, SG_STYLE_AUTO,
                         SG_BADGE_AUTO);
    out = sg_t_check_render(a, plain, sizeof plain - 1, SG_FORMAT_PLAIN, &o, &ol);
    assert_int_equal(
        sg_t_count(out, ol, "---\nrating: 4\n---\n\n[Rating · ★★★★☆ 4/5] A ferry"), 1);
    sg_free(out);
    sg_analysis_free(a);
}

/* The SVG document inside a badge image's data: URI (decoded, NUL-terminated;
 * the caller frees it). */
static char *badge_image_svg(const char *markup)
{
    const char *p = strstr(markup, "base64,");
    assert_non_null(p);
    p += 7;
    sg_buf svg;
    sg_buf_init(&svg);
    unsigned v = 0;
    int bits = 0;
    static const char tab[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (; *p && *p != ')' && *p != '"' && *p != '='; p++) {
        const char *k = strchr(tab, *p);
        assert_non_null(k);
        v = (v << 6) | (unsigned)(k - tab);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            sg_buf_putc(&svg, (int)((v >> bits) & 0xFF));
        }
    }
    sg_buf_putc(&svg, 0);
    assert_false(svg.failed);
    return svg.data;
}

/* The badge spoilerguard would insert for a rating given by hand, in the
 * format's sample document (unsigned markup; the caller frees it).  A
 * verdict is given when `verdict` is set; NAN leaves a number out. */
static char *badge_for(sg_format fmt, sg_badge badge, const char *text, double value,
                       double scale, const char *verdict)
{
    const char *doc = fmt == SG_FORMAT_HTML       ? sg_t_html_doc
                      : fmt == SG_FORMAT_MARKDOWN ? sg_t_md_doc
                                                  : sg_t_plain_doc;
    sg_analysis *a = sg_t_analysis_of(doc, strlen(doc), fmt, SG_STYLE_AUTO, badge);
    sg_rating r;
    memset(&r, 0, sizeof r);
    r.text = text;
    r.value = value;
    r.scale = scale;
    r.normalized = isfinite(value) ? value / scale : 0.8;
    r.verdict = verdict;
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    size_t n;
    char *m = sg_analysis_markup(a, "badge", &n);
    assert_non_null(m);
    assert_int_equal(n, strlen(m));
    sg_analysis_free(a);
    return m;
}

/* The number after `attr="` in s (0 when absent). */
static double attr_num(const char *s, const char *attr)
{
    char key[32];
    snprintf(key, sizeof key, "%s=\"", attr);
    const char *p = strstr(s, key);
    return p ? strtod(p + strlen(key), NULL) : 0;
}

/* The badge's data: URI holds an SVG with the spoken label, the stars
 * drawn and the score written. */
static void badge_image_decodes_to_svg(void **state)
{
    (void)state;
    size_t ol;
    char *out = render_with_rating(sg_t_md_doc, sizeof sg_t_md_doc - 1,
                                   SG_FORMAT_MARKDOWN, SG_BADGE_IMAGE, &ol);
    char *svg = badge_image_svg(out);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "<title>Rating: 3 out of 5</title>"));
    assert_non_null(strstr(svg, ">3/5</text>"));
    assert_int_equal(sg_t_count(svg, strlen(svg), "<path "), 5); /* 3 full, 2 outlined */
    assert_null(strstr(svg, "★"));
    free(svg);
    sg_free(out);
}

/* What readers reported: 4.5/5 and 9/10 showed five full stars, 3.5/5 four.
 * A half is drawn as a half, a rating is never rounded up, and the number
 * stands beside the stars. */
static void badge_half_stars_are_halves_never_rounded_up(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value, scale;
        const char *badge;
    } cases[] = {
        {"4.5/5", 4.5, 5, "Rating: ★★★★½ 4.5/5"},
        {"9/10", 9, 10, "Rating: ★★★★½ 9/10"},
        {"3.5/5", 3.5, 5, "Rating: ★★★½☆ 3.5/5"},
        {"7/10", 7, 10, "Rating: ★★★½☆ 7/10"},
        {"7.5/10", 7.5, 10, "Rating: ★★★½☆ 7.5/10"},
        {"9.9/10", 9.9, 10, "Rating: ★★★★½ 9.9/10"},
        {"62/100", 62, 100, "Rating: ★★★☆☆ 62/100"},
        {"85%", 85, 100, "Rating: ★★★★☆ 85%"},
        {"2.5 stars (out of 4)", 2.5, 4, "Rating: ★★½☆ 2.5/4"},
        {"3.5 out of 5", 3.5, 5, "Rating: ★★★½☆ 3.5/5"},
        {"four out of five stars", 4, 5, "Rating: ★★★★☆ 4/5"},
        {"3½ stars", 3.5, 5, "Rating: ★★★½☆ 3.5/5"},
        {"★★★½", 3.5, 5, "Rating: ★★★½☆ 3.5/5"},
        {"10/10", 10, 10, "Rating: ★★★★★ 10/10"},
        {"0/5", 0, 5, "Rating: ☆☆☆☆☆ 0/5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *m = badge_for(SG_FORMAT_MARKDOWN, SG_BADGE_TEXT, cases[i].text,
                            cases[i].value, cases[i].scale, NULL);
        if (strcmp(m, cases[i].badge))
            fail_msg("%s: badge '%s', want '%s'", cases[i].text, m, cases[i].badge);
        sg_free(m);
        /* plain text's badge value, which it writes as "[Rating · VALUE]" */
        m = badge_for(SG_FORMAT_PLAIN, SG_BADGE_TEXT, cases[i].text, cases[i].value,
                      cases[i].scale, NULL);
        if (strcmp(m, cases[i].badge + strlen("Rating: ")))
            fail_msg("%s: plain badge value '%s'", cases[i].text, m);
        sg_free(m);
        /* the HTML form draws the same stars and says the number */
        char want[256];
        snprintf(want, sizeof want, "\">%s</span>", cases[i].badge + strlen("Rating: "));
        m = badge_for(SG_FORMAT_HTML, SG_BADGE_HTML, cases[i].text, cases[i].value,
                      cases[i].scale, NULL);
        if (!strstr(m, want) || !strstr(m, "role=\"img\" aria-label=\"Rating: "))
            fail_msg("%s: HTML badge '%s'", cases[i].text, m);
        sg_free(m);
    }
}

/* A letter grade or a verdict is shown as the review gave it, in every
 * form: never as stars. */
static void badge_grades_and_verdicts_show_as_words(void **state)
{
    (void)state;
    static const struct {
        const char *words, *name, *left;
    } cases[] = {{"B+", "Grade", "grade"},
                 {"A-", "Grade", "grade"},
                 {"F", "Grade", "grade"},
                 {"Recommended", "Verdict", "verdict"},
                 {"Skip it", "Verdict", "verdict"},
                 {"Yes", "Recommended", "recommended"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const char *w = cases[i].words;
        char want[128];
        snprintf(want, sizeof want, "%s: %s", cases[i].name, w);
        char *m = badge_for(SG_FORMAT_PLAIN, SG_BADGE_TEXT, w, NAN, NAN, w);
        assert_string_equal(m, want);
        sg_free(m);
        m = badge_for(SG_FORMAT_HTML, SG_BADGE_HTML, w, NAN, NAN, w);
        char span[160];
        snprintf(span, sizeof span, "<span class=\"sg-rating\">%s</span>", want);
        assert_string_equal(m, span);
        sg_free(m);
        m = badge_for(SG_FORMAT_HTML, SG_BADGE_SVG, w, NAN, NAN, w);
        char text[160];
        snprintf(text, sizeof text, ">%s</text>", want);
        if (!strstr(m, text) || strstr(m, "<path") || !strstr(m, "aria-label=\"") ||
            !strstr(m, want))
            fail_msg("%s: SVG badge '%s'", w, m);
        sg_free(m);
        m = badge_for(SG_FORMAT_HTML, SG_BADGE_IMAGE, w, NAN, NAN, w);
        char *svg = badge_image_svg(m);
        snprintf(text, sizeof text, ">%s</text>", w);
        char left[64];
        snprintf(left, sizeof left, ">%s</text>", cases[i].left);
        if (!strstr(svg, text) || !strstr(svg, left) || strstr(svg, "<path"))
            fail_msg("%s: image badge '%s'", w, svg);
        free(svg);
        assert_non_null(strstr(m, want)); /* the alt text */
        sg_free(m);
    }
}

/* The SVG badge draws the stars (a half star outlined with its left half
 * filled) and writes the number beside them, inside its box. */
static void badge_svg_draws_a_half_star_and_the_number(void **state)
{
    (void)state;
    char *m = badge_for(SG_FORMAT_HTML, SG_BADGE_SVG, "3.5/5", 3.5, 5, NULL);
    size_t n = strlen(m);
    /* three full stars and one left half, filled; the half and one empty
     * star outlined */
    assert_int_equal(sg_t_count(m, n, "fill=\"#f5b301\"/>"), 4);
    assert_int_equal(sg_t_count(m, n, "fill=\"none\" stroke=\"#f5b301\"/>"), 2);
    assert_int_equal(sg_t_count(m, n, "d=\"M8 1L5.9 5.6"), 1);
    assert_int_equal(sg_t_count(m, n, "translate(48 0)"),
                     2); /* the half: outline and fill */
    const char *t = strstr(m, "<text ");
    assert_non_null(t);
    assert_non_null(strstr(t, ">3.5/5</text>"));
    const char *vb = strstr(m, "viewBox=\"0 0 ");
    assert_non_null(vb);
    double w = strtod(vb + 13, NULL), x = attr_num(t, "x"),
           len = attr_num(t, "textLength");
    /* as tall as the text around it, as wide as its view box says */
    assert_non_null(strstr(m, "height=\"1em\""));
    if (fabs(attr_num(m, "width") - w / 16) > 0.005)
        fail_msg("width %gem for a view box %g wide", attr_num(m, "width"), w);
    assert_true(x >= 5 * 16);
    assert_true(len > 20);
    if (x + len > w)
        fail_msg("the number ends at %g, past the badge's width %g", x + len, w);
    assert_non_null(strstr(m, "<title>Rating: 3.5 out of 5</title>"));
    sg_free(m);
}

/* The image badge is as wide as what it says: "7/10" was clipped.  Every
 * text is pinned to a width inside its part, and the stars end before the
 * number starts. */
static void badge_image_fits_what_it_says(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value, scale;
        const char *verdict;
    } cases[] = {{"7/10", 7, 10, NULL},
                 {"62/100", 62, 100, NULL},
                 {"2.5 stars (out of 4)", 2.5, 4, NULL},
                 {"Highly recommended, with a few reservations", NAN, NAN,
                  "Highly recommended, with a few reservations"},
                 {"WWWWWWWW", NAN, NAN, "WWWWWWWW"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *m = badge_for(SG_FORMAT_MARKDOWN, SG_BADGE_IMAGE, cases[i].text,
                            cases[i].value, cases[i].scale, cases[i].verdict);
        char *svg = badge_image_svg(m);
        double w = attr_num(svg, "width");
        const char *rect2 = strstr(strstr(svg, "<rect ") + 1, "<rect ");
        assert_non_null(rect2);
        double split = attr_num(rect2, "x");
        assert_true(split > 0 && split < w);
        double stars_end = split;
        for (const char *p = strstr(svg, "translate("); p;
             p = strstr(p + 1, "translate("))
            if (strtod(p + 10, NULL) + 16 > stars_end)
                stars_end = strtod(p + 10, NULL) + 16;
        int k = 0;
        for (const char *p = strstr(svg, "<text "); p; p = strstr(p + 1, "<text "), k++) {
            double x = attr_num(p, "x"), len = attr_num(p, "textLength");
            assert_true(len > 0);
            double lo = k == 0 ? 0 : stars_end, hi = k == 0 ? split : w;
            if (x < lo || x + len > hi - 2)
                fail_msg("%s: text %d spans %g..%g, outside %g..%g: %s", cases[i].text, k,
                         x, x + len, lo, hi, svg);
        }
        assert_int_equal(k, 2);
        free(svg);
        sg_free(m);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(badge_forms),
        cmocka_unit_test(badge_of_a_front_matter_rating_stays_out_of_it),
        cmocka_unit_test(badge_image_decodes_to_svg),
        cmocka_unit_test(badge_half_stars_are_halves_never_rounded_up),
        cmocka_unit_test(badge_grades_and_verdicts_show_as_words),
        cmocka_unit_test(badge_svg_draws_a_half_star_and_the_number),
        cmocka_unit_test(badge_image_fits_what_it_says),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_render_engine, sg_t_teardown_engine);
}
