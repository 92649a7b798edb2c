/* Ratings drawn as pictures in HTML and Markdown: rows of star images and
 * icon-font stars, images whose alt text gives the score; the badge lands
 * after the picture, never inside an icon; pictures of no rating add no
 * text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_test_util.h"

#define SG_T_PAGE(rating)                                                              \
    "<html><body><article><h1>Night Train</h1><p>A slow, handsome film about a "       \
    "conductor and the passengers he meets.</p><p>The score is lovely and the cast is " \
    "strong.</p><p>" rating "</p></article></body></html>"

static sg_analysis *sg_t_read_as(const char *text, sg_format fmt)
{
    sg_analysis *a = NULL;
    sg_error err;
    assert_int_equal(sg_t_analyze_as(text, strlen(text), fmt,
                                     fmt == SG_FORMAT_HTML ? SG_STYLE_AUTO : SG_STYLE_MD_HTML, &a,
                                     &err),
                     SG_OK);
    return a;
}

static sg_analysis *sg_t_read(const char *html) { return sg_t_read_as(html, SG_FORMAT_HTML); }

/* The rating read from `text` (HTML or Markdown) is value/scale, its text
 * `want`; the annotated text holds the picture `pic` whole (no badge or
 * mark inside an icon or an image), and --strip gives the text back. */
static void sg_t_expect_as(sg_format fmt, const char *text, const char *want, double value,
                           double scale, const char *pic)
{
    sg_analysis *a = sg_t_read_as(text, fmt);
    const sg_rating *r = sg_analysis_rating(a);
    if (!r)
        fail_msg("no rating in: %s", text);
    assert_string_equal(r->text, want);
    assert_true(fabs(r->value - value) < 1e-9);
    assert_true(fabs(r->scale - scale) < 1e-9);
    size_t n = 0;
    sg_error err;
    char *out = sg_render(a, &n, &err);
    assert_non_null(out);
    if (!strstr(out, pic))
        fail_msg("the picture is broken in: %s", out);
    assert_non_null(strstr(out, "data-spoilerguard=\"badge\""));
    size_t sn = 0;
    char *back = sg_strip(out, n, fmt, &sn, &err);
    assert_non_null(back);
    assert_int_equal(sn, strlen(text));
    assert_memory_equal(back, text, sn);
    sg_free(back);
    sg_free(out);
    sg_analysis_free(a);
}

static void sg_t_expect(const char *html, const char *text, double value, double scale,
                        const char *pic)
{
    sg_t_expect_as(SG_FORMAT_HTML, html, text, value, scale, pic);
}

static void test_icon_font_stars_with_a_half(void **state)
{
    (void)state;
#define SG_T_ICONS                                                                     \
    "<i class=\"fa fa-star\"></i><i class=\"fa fa-star\"></i><i class=\"fa fa-star\"></i>" \
    "<i class=\"fa fa-star-half-o\"></i><i class=\"fa fa-star-o\"></i>"
    sg_t_expect(SG_T_PAGE("Rating: " SG_T_ICONS),
                "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xC2\xBD\xE2\x98\x86", 3.5, 5,
                SG_T_ICONS);
}

static void test_filled_and_plain_star_spans(void **state)
{
    (void)state;
    /* "star filled" four times, then a plain "star": that one is empty */
#define SG_T_SPANS                                                                     \
    "<span class=\"star filled\"></span><span class=\"star filled\"></span>"                \
    "<span class=\"star filled\"></span><span class=\"star filled\"></span>"                \
    "<span class=\"star\"></span>"
    sg_t_expect(SG_T_PAGE("My rating: " SG_T_SPANS),
                "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x86", 4, 5,
                SG_T_SPANS);
}

static void test_row_of_star_images(void **state)
{
    (void)state;
#define SG_T_IMGS                                                                      \
    "<img src=\"/img/star.png\" alt=\"star\"> <img src=\"/img/star.png\" alt=\"star\"> "     \
    "<img src=\"/img/star.png\" alt=\"star\"> <img src=\"/img/star-half.png\" alt=\"half star\">"
    sg_t_expect(SG_T_PAGE("Rating: " SG_T_IMGS),
                "\xE2\x98\x85 \xE2\x98\x85 \xE2\x98\x85 \xC2\xBD", 3.5, 5, SG_T_IMGS);
    /* no alt text: the file's name says which star */
#define SG_T_FILES                                                                     \
    "<img src=\"/i/star_full.gif\"><img src=\"/i/star_full.gif\"><img src=\"/i/star_empty.gif\">"
    sg_t_expect(SG_T_PAGE("Rating: " SG_T_FILES), "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x86", 2, 3,
                SG_T_FILES);
}

static void test_alt_text_that_gives_the_score(void **state)
{
    (void)state;
    sg_t_expect(SG_T_PAGE("My verdict: <img src=\"/ratings/4.png\" alt=\"4 out of 5 stars\">"),
                "4 out of 5 stars", 4, 5, "<img src=\"/ratings/4.png\" alt=\"4 out of 5 stars\">");
    sg_t_expect(SG_T_PAGE("<img src=\"/r.png\" alt=\"Rating: 8.5/10\">"), "8.5/10",
                8.5, 10, "<img src=\"/r.png\" alt=\"Rating: 8.5/10\">");
}

static void test_pictures_of_no_rating_add_nothing(void **state)
{
    (void)state;
    static const char *const pages[] = {
        SG_T_PAGE("<img src=\"/stills/train.jpg\" alt=\"The train at night, 1952\">"),
        SG_T_PAGE("<img src=\"/stills/4.jpg\" alt=\"Scene 4\"> <i class=\"fa fa-twitter\"></i>"),
        /* an icon with text of its own is no empty icon */
        SG_T_PAGE("<span class=\"star\">Starring</span> Ana Torrent"),
        /* the star of a film, in a caption */
        SG_T_PAGE("<img src=\"/cast/lead.jpg\" alt=\"The film's star\">"),
        /* names that hold the word and draw no star */
        SG_T_PAGE("<img src=\"/posters/star-wars.jpg\" alt=\"Star Wars\">"),
        SG_T_PAGE("<img src=\"/posters/star-wars-poster.jpg\" alt=\"\">"),
        SG_T_PAGE("<img src=\"/p.jpg\" alt=\"Top 10 films of 2020, out now\">"),
    };
    for (size_t i = 0; i < sizeof pages / sizeof *pages; i++) {
        sg_analysis *a = sg_t_read(pages[i]);
        if (sg_analysis_rating(a))
            fail_msg("a rating '%s' in page %zu", sg_analysis_rating(a)->text, i);
        /* no picture became a sentence */
        for (size_t s = 0; s < sg_analysis_sentence_count(a); s++) {
            size_t st, en;
            sg_analysis_sentence(a, s, &st, &en, NULL);
            const char *text = pages[i] + st;
            assert_true(strncmp(text, "<img", 4) != 0);
        }
        sg_analysis_free(a);
    }
}

#define SG_T_MD(rating)                                                                \
    "# Night Train\n\nA slow, handsome film about a conductor and the passengers he "    \
    "meets.\n\nThe score is lovely and the cast is strong.\n\n" rating "\n"

static void test_markdown_images(void **state)
{
    (void)state;
    sg_t_expect_as(SG_FORMAT_MARKDOWN, SG_T_MD("My rating: ![4 out of 5 stars](/img/4-stars.png)"),
                   "4 out of 5 stars", 4, 5, "![4 out of 5 stars](/img/4-stars.png)");
#define SG_T_MD_STARS "![star](/i/s.png)![star](/i/s.png)![half star](/i/h.png)![empty star](/i/e.png)"
    sg_t_expect_as(SG_FORMAT_MARKDOWN, SG_T_MD("Rating: " SG_T_MD_STARS),
                   "\xE2\x98\x85\xE2\x98\x85\xC2\xBD\xE2\x98\x86", 2.5, 4, SG_T_MD_STARS);
    /* an image of no rating is no text */
    sg_analysis *a =
        sg_t_read_as(SG_T_MD("![The train at night, 1952](/stills/train.jpg)"), SG_FORMAT_MARKDOWN);
    assert_null(sg_analysis_rating(a));
    sg_analysis_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_icon_font_stars_with_a_half),
        cmocka_unit_test(test_filled_and_plain_star_spans),
        cmocka_unit_test(test_row_of_star_images),
        cmocka_unit_test(test_alt_text_that_gives_the_score),
        cmocka_unit_test(test_pictures_of_no_rating_add_nothing),
        cmocka_unit_test(test_markdown_images),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
