/* test_strip.c -- finding and removing what spoilerguard inserted, on
 * hand-written marked text in every signature (HTML attributes, Markdown
 * comments, plain-text sentinels), and the small HTML scanner strip relies
 * on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spoilerguard.h"
#include "sg_internal.h"

#define B SG_PLAIN_BEGIN
#define E SG_PLAIN_END
#define RO SG_PLAIN_ROLE_OPEN
#define RC SG_PLAIN_ROLE_CLOSE
#define RW SG_PLAIN_ROLE_WARNING
#define RB SG_PLAIN_ROLE_BADGE

/* strip(text) in `fmt` must give `want`. */
static void expect_strip(const char *text, sg_format fmt, const char *want)
{
    size_t n;
    sg_error err;
    char *out = sg_strip(text, strlen(text), fmt, &n, &err);
    assert_non_null(out);
    if (n != strlen(want) || memcmp(out, want, n))
        fail_msg("strip of\n  %s\ngave\n  %.*s\nwant\n  %s", text, (int)n, out, want);
    assert_int_equal(err.status, SG_OK);
    sg_free(out);
}

/* The chunks sg_find_chunks lists for `text`. */
static sg_doc find(const char *text, sg_format fmt)
{
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = text;
    d.len = strlen(text);
    d.format = fmt;
    sg_find_chunks(&d);
    return d;
}

static void html_mark_removed_content_kept(void **state)
{
    (void)state;
    expect_strip(
        "<p>Intro. <span class=\"spoiler\" data-spoilerguard=\"death\" tabindex=\"0\" "
        "role=\"button\" aria-label=\"Spoiler (death): select to reveal\">The boss "
        "<em>dies</em>.</span> After.</p>",
        SG_FORMAT_HTML, "<p>Intro. The boss <em>dies</em>. After.</p>");
}

static void html_nested_same_name_tags_match_the_right_end_tag(void **state)
{
    (void)state;
    expect_strip(
        "<p><span data-spoilerguard=\"death\">a <span class=\"x\">b</span> c</span> "
        "<span>d</span></p>",
        SG_FORMAT_HTML, "<p>a <span class=\"x\">b</span> c <span>d</span></p>");
}

static void html_warning_badge_jsonld_removed_whole(void **state)
{
    (void)state;
    expect_strip(
        "<html><head><title>T</title><script type=\"application/ld+json\" "
        "data-spoilerguard=\"jsonld\">{\"name\":\"<\\/script>\"}</script></head><body>"
        "<h1>Title<span class=\"sg-rating\" data-spoilerguard=\"badge\" role=\"img\" "
        "aria-label=\"Rating: 3 out of 5\"> ★★★☆☆ 3/5</span></h1>"
        "<p class=\"spoiler-warning\" data-spoilerguard=\"warning\" role=\"note\">"
        "<strong>Spoiler warning:</strong> x</p><p>Text.</p></body></html>",
        SG_FORMAT_HTML,
        "<html><head><title>T</title></head><body><h1>Title</h1><p>Text.</p></body>"
        "</html>");
}

static void html_details_with_summary_removed(void **state)
{
    (void)state;
    const char *t =
        "<details class=\"spoiler\" data-spoilerguard=\"death\"><summary "
        "data-spoilerguard=\"summary\">Spoiler (death)</summary><p>He dies.</p>"
        "</details>\n<p>Next.</p>";
    expect_strip(t, SG_FORMAT_HTML, "<p>He dies.</p>\n<p>Next.</p>");
    sg_doc d = find(t, SG_FORMAT_HTML);
    /* the summary belongs to the open chunk */
    assert_int_equal(d.nchunks, 2);
    assert_int_equal(d.chunks[0].role, SG_CHUNK_OPEN);
    assert_int_equal(d.chunks[0].end, (size_t)(strstr(t, "<p>He") - t));
    assert_int_equal(d.chunks[1].role, SG_CHUNK_CLOSE);
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, 0);
    assert_int_equal(d.marked[0].end, (size_t)(strstr(t, "\n<p>Next") - t));
    sg_doc_free(&d);
}

static void html_author_spoiler_markup_is_kept(void **state)
{
    (void)state;
    const char *t =
        "<p><span class=\"spoiler\">He dies.</span> <details class=\"spoiler\">"
        "<summary>Spoiler</summary>x</details> ||y|| >!z!<</p>";
    expect_strip(t, SG_FORMAT_HTML, t);
}

static void html_signature_in_comments_scripts_and_attributes_is_not_ours(void **state)
{
    (void)state;
    const char *t = "<!-- <span data-spoilerguard=\"death\">x</span> -->"
                    "<script>var s = '<span data-spoilerguard=\"death\">';</script>"
                    "<a title='<span data-spoilerguard=\"death\">'>link</a>"
                    "<textarea><p data-spoilerguard=\"warning\">w</p></textarea>";
    expect_strip(t, SG_FORMAT_HTML, t);
}

static void html_quoted_attribute_holding_gt(void **state)
{
    (void)state;
    expect_strip("<p><span data-x=\"a>b\" data-spoilerguard='death' title='c>d'>He dies."
                 "</span></p>",
                 SG_FORMAT_HTML, "<p>He dies.</p>");
}

static void html_continued_pieces_make_one_marked_range(void **state)
{
    (void)state;
    const char *t =
        "<p><span data-spoilerguard=\"death\">In the end,</span> <em><span "
        "data-spoilerguard=\"death continued\">he dies.</span></em> More.</p>";
    sg_doc d = find(t, SG_FORMAT_HTML);
    assert_int_equal(d.nchunks, 4);
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, 3);
    assert_int_equal(d.marked[0].end, (size_t)(strstr(t, "</em>") - t));
    for (size_t i = 1; i < d.nchunks; i++)
        assert_true(d.chunks[i].start >= d.chunks[i - 1].end);
    sg_doc_free(&d);
    expect_strip(t, SG_FORMAT_HTML, "<p>In the end, <em>he dies.</em> More.</p>");
}

static void html_unclosed_inserted_element_loses_only_its_tag(void **state)
{
    (void)state;
    expect_strip("<p><span data-spoilerguard=\"death\">He dies.", SG_FORMAT_HTML,
                 "<p>He dies.");
    expect_strip("<div data-spoilerguard=\"warning\">w<p>text", SG_FORMAT_HTML,
                 "w<p>text");
}

static void html_void_badge_image_removed(void **state)
{
    (void)state;
    expect_strip(
        "<h1>T<img class=\"sg-rating\" data-spoilerguard=\"badge\" alt=\"Rating\" "
        "src=\"data:image/svg+xml;base64,AAAA\"></h1>",
        SG_FORMAT_HTML, "<h1>T</h1>");
}

static void markdown_prefix_form_pieces_removed(void **state)
{
    (void)state;
    expect_strip(
        "Intro. <!--sg:o-->||<!--/sg-->The boss dies.<!--sg:c-->||<!--/sg--> More.\n",
        SG_FORMAT_MARKDOWN, "Intro. The boss dies. More.\n");
    expect_strip("x <!--sg:o-->[<!--/sg-->He dies.<!--sg:c-->]{.spoiler}<!--/sg-->\n",
                 SG_FORMAT_MARKDOWN, "x He dies.\n");
}

static void markdown_suffix_form_at_line_start_removed(void **state)
{
    (void)state;
    const char *t = "> ||<!--sg:o2-->The boss dies.<!--sg:c-->||<!--/sg-->\n";
    expect_strip(t, SG_FORMAT_MARKDOWN, "> The boss dies.\n");
    sg_doc d = find(t, SG_FORMAT_MARKDOWN);
    assert_int_equal(d.nchunks, 2);
    assert_int_equal(d.chunks[0].start, 2);
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, 2);
    sg_doc_free(&d);
    /* a length reaching before the text start is no chunk */
    expect_strip("|<!--sg:o9-->x\n", SG_FORMAT_MARKDOWN, "|<!--sg:o9-->x\n");
}

static void markdown_block_chunk_takes_its_line_break_and_indent(void **state)
{
    (void)state;
    expect_strip(
        "# T\n\n<!--sg:w-->\n> **Spoiler warning:** x.\n\n<!--/sg-->\nThe boss dies.\n",
        SG_FORMAT_MARKDOWN, "# T\n\nThe boss dies.\n");
    expect_strip(
        "- a\n\n  <!--sg:w-->\n  > **Spoiler warning:** x.\n\n  <!--/sg-->\n  He dies.\n",
        SG_FORMAT_MARKDOWN, "- a\n\n  He dies.\n");
    expect_strip("T\r\n\r\n<!--sg:w-->\r\n> w\r\n\r\n<!--/sg-->\r\nHe dies.\r\n",
                 SG_FORMAT_MARKDOWN, "T\r\n\r\nHe dies.\r\n");
    /* inline chunks keep the line break after them */
    expect_strip("Title<!--sg:b--> <span>3/5</span><!--/sg-->\n\nText\n",
                 SG_FORMAT_MARKDOWN, "Title\n\nText\n");
}

static void markdown_roles_and_marked_ranges(void **state)
{
    (void)state;
    const char *t =
        "<!--sg:w-->\n> w\n\n<!--/sg-->\n"
        "A <!--sg:o-->||<!--/sg-->b<!--sg:c-->||<!--/sg--> *<!--sg:n-->||<!--/sg-->"
        "c<!--sg:c-->||<!--/sg-->* d<!--sg:b--> x<!--/sg-->\n";
    sg_doc d = find(t, SG_FORMAT_MARKDOWN);
    assert_int_equal(d.nchunks, 6);
    assert_int_equal(d.chunks[0].role, SG_CHUNK_WARNING);
    assert_int_equal(d.chunks[1].role, SG_CHUNK_OPEN);
    assert_int_equal(d.chunks[2].role, SG_CHUNK_CLOSE);
    assert_int_equal(d.chunks[3].role, SG_CHUNK_OPEN);
    assert_int_equal(d.chunks[4].role, SG_CHUNK_CLOSE);
    assert_int_equal(d.chunks[5].role, SG_CHUNK_BADGE);
    /* the continued piece stretches the first mark */
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, d.chunks[1].start);
    assert_int_equal(d.marked[0].end, d.chunks[4].end);
    sg_doc_free(&d);
}

static void markdown_author_marks_and_stray_sentinels_are_kept(void **state)
{
    (void)state;
    const char *t = "The ||mentor dies|| and >!she lives!<. <!-- a comment -->\n";
    expect_strip(t, SG_FORMAT_MARKDOWN, t);
    /* an opener with no end, or an end before the next opener, stays */
    expect_strip("a <!--sg:o-->|| b\n", SG_FORMAT_MARKDOWN, "a <!--sg:o-->|| b\n");
    expect_strip("a <!--sg:o-->|| <!--sg:c-->||<!--/sg--> b\n", SG_FORMAT_MARKDOWN,
                 "a <!--sg:o-->||  b\n");
    expect_strip("a <!--sg:x-->y<!--/sg--> b\n", SG_FORMAT_MARKDOWN,
                 "a <!--sg:x-->y<!--/sg--> b\n");
}

static void plain_roles_carried_by_the_sentinel(void **state)
{
    (void)state;
    const char *t = "Title" B RB "\nRating: ★★★☆☆ 3/5" E "\n\n" B RW
                    "⚠ Spoiler warning: x.\n\n" E B RO "[SPOILER] " E "He dies." B RC
                    " [/SPOILER]" E " Then ||she|| lives.\n";
    expect_strip(t, SG_FORMAT_PLAIN, "Title\n\nHe dies. Then ||she|| lives.\n");
    sg_doc d = find(t, SG_FORMAT_PLAIN);
    assert_int_equal(d.nchunks, 4);
    assert_int_equal(d.chunks[0].role, SG_CHUNK_BADGE);
    assert_int_equal(d.chunks[1].role, SG_CHUNK_WARNING);
    assert_int_equal(d.chunks[2].role, SG_CHUNK_OPEN);
    assert_int_equal(d.chunks[3].role, SG_CHUNK_CLOSE);
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, d.chunks[2].start);
    assert_int_equal(d.marked[0].end, d.chunks[3].end);
    sg_doc_free(&d);
}

static void plain_unknown_role_or_unclosed_is_kept(void **state)
{
    (void)state;
    const char *t = "a" B "x" E "b " B RO "open only";
    expect_strip(t, SG_FORMAT_PLAIN, t);
    /* an END right before text starting with U+2060 still closes */
    expect_strip("a" B RO "[SPOILER] " E "\xE2\x81\xA0"
                 "b",
                 SG_FORMAT_PLAIN,
                 "a\xE2\x81\xA0"
                 "b");
}

static void auto_format_follows_the_signature(void **state)
{
    (void)state;
    /* Markdown output holding raw HTML spans is still stripped as Markdown */
    expect_strip(
        "<em>x</em> <!--sg:o--><span class=\"spoiler\" data-spoilerguard=\"death\">"
        "<!--/sg-->He dies.<!--sg:c--></span><!--/sg-->\n",
        SG_FORMAT_AUTO, "<em>x</em> He dies.\n");
    expect_strip("a " B RO "[SPOILER] " E "b", SG_FORMAT_AUTO, "a b");
    expect_strip("<p><span data-spoilerguard=\"death\">b</span></p>", SG_FORMAT_AUTO,
                 "<p>b</p>");
    expect_strip("nothing to strip", SG_FORMAT_AUTO, "nothing to strip");
}

static void strip_keeps_nul_bytes_and_invalid_utf8(void **state)
{
    (void)state;
    const char t[] = "a\0\xff <!--sg:o-->||<!--/sg-->b\0<!--sg:c-->||<!--/sg-->\xc3";
    size_t n;
    char *out = sg_strip(t, sizeof t - 1, SG_FORMAT_MARKDOWN, &n, NULL);
    assert_non_null(out);
    assert_int_equal(n, 7);
    assert_memory_equal(out, "a\0\xff b\0\xc3", 7);
    sg_free(out);
    out = sg_strip(NULL, 0, SG_FORMAT_HTML, &n, NULL);
    assert_non_null(out);
    assert_int_equal(n, 0);
    sg_free(out);
}

static void strip_bad_arguments_are_usage_errors(void **state)
{
    (void)state;
    sg_error err;
    size_t n;
    assert_null(sg_strip(NULL, 3, SG_FORMAT_HTML, &n, &err));
    assert_int_equal(err.status, SG_ERR_USAGE);
    assert_null(sg_strip("x", 1, (sg_format)42, &n, &err));
    assert_int_equal(err.status, SG_ERR_USAGE);
}

/* Random bytes and markup fragments: never a crash, never a longer output,
 * chunks sorted and disjoint. */
static void strip_survives_random_input(void **state)
{
    (void)state;
    static const char *const frag[] = {"<!--sg:o-->",
                                       "<!--sg:c-->",
                                       "<!--/sg-->",
                                       "<!--sg:w-->",
                                       "<!--sg:o12-->",
                                       "||",
                                       "<span data-spoilerguard=\"death\">",
                                       "</span>",
                                       "<details data-spoilerguard=\"x\">",
                                       "<summary data-spoilerguard=\"summary\">",
                                       "</details>",
                                       "<!--",
                                       "-->",
                                       "<script>",
                                       "</script>",
                                       "<p data-spoilerguard='warning'>",
                                       "</p>",
                                       "'",
                                       "\"",
                                       ">",
                                       "<",
                                       "\n",
                                       "\r\n",
                                       "  ",
                                       B,
                                       E,
                                       RO,
                                       RC,
                                       RW,
                                       "x",
                                       "\0",
                                       "\xff",
                                       "<a b=\"",
                                       "</",
                                       "<!",
                                       "<?"};
    size_t nfrag = sizeof frag / sizeof *frag;
    uint32_t seed = 12345;
    sg_buf b;
    sg_buf_init(&b);
    for (int iter = 0; iter < 3000; iter++) {
        b.len = 0;
        int parts = 1 + iter % 40;
        for (int k = 0; k < parts; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *f = frag[(seed >> 8) % nfrag];
            sg_buf_put(&b, f, f[0] ? strlen(f) : 1);
        }
        for (int fmt = SG_FORMAT_AUTO; fmt <= SG_FORMAT_HTML; fmt++) {
            size_t n;
            char *out = sg_strip(b.data, b.len, (sg_format)fmt, &n, NULL);
            assert_non_null(out);
            assert_true(n <= b.len);
            sg_free(out);
            if (fmt == SG_FORMAT_AUTO)
                continue;
            sg_doc d;
            memset(&d, 0, sizeof d);
            d.src = b.data;
            d.len = b.len;
            d.format = (sg_format)fmt;
            sg_find_chunks(&d);
            for (size_t i = 0; i < d.nchunks; i++) {
                assert_true(d.chunks[i].start < d.chunks[i].end);
                assert_true(d.chunks[i].end <= b.len);
                if (i)
                    assert_true(d.chunks[i].start >= d.chunks[i - 1].end);
            }
            sg_doc_free(&d);
        }
    }
    sg_buf_free(&b);
}

static void scanner_skips_comments_raw_text_and_quoted_gt(void **state)
{
    (void)state;
    const char *s = "<!-- <b> --><!DOCTYPE html><a href='x>y' title=\"p>q\">t</a>"
                    "<script>if (a<b) x='</p>';</script ><p>";
    size_t pos = 0, len = strlen(s);
    sg_tag t;
    const char *want[] = {"a", "/a", "script", "/script", "p"};
    for (size_t i = 0; i < 5; i++) {
        assert_true(sg_tag_next(s, len, &pos, &t));
        if (want[i][0] == '/') {
            assert_true(t.closing);
            assert_true(sg_tag_is(s, &t, want[i] + 1));
        } else {
            assert_false(t.closing);
            assert_true(sg_tag_is(s, &t, want[i]));
        }
    }
    assert_false(sg_tag_next(s, len, &pos, &t));
    /* a tag cut off by the end of the input is no tag */
    pos = 0;
    assert_false(sg_tag_next("<p class=\"a", 11, &pos, &t));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_mark_removed_content_kept),
        cmocka_unit_test(html_nested_same_name_tags_match_the_right_end_tag),
        cmocka_unit_test(html_warning_badge_jsonld_removed_whole),
        cmocka_unit_test(html_details_with_summary_removed),
        cmocka_unit_test(html_author_spoiler_markup_is_kept),
        cmocka_unit_test(html_signature_in_comments_scripts_and_attributes_is_not_ours),
        cmocka_unit_test(html_quoted_attribute_holding_gt),
        cmocka_unit_test(html_continued_pieces_make_one_marked_range),
        cmocka_unit_test(html_unclosed_inserted_element_loses_only_its_tag),
        cmocka_unit_test(html_void_badge_image_removed),
        cmocka_unit_test(markdown_prefix_form_pieces_removed),
        cmocka_unit_test(markdown_suffix_form_at_line_start_removed),
        cmocka_unit_test(markdown_block_chunk_takes_its_line_break_and_indent),
        cmocka_unit_test(markdown_roles_and_marked_ranges),
        cmocka_unit_test(markdown_author_marks_and_stray_sentinels_are_kept),
        cmocka_unit_test(plain_roles_carried_by_the_sentinel),
        cmocka_unit_test(plain_unknown_role_or_unclosed_is_kept),
        cmocka_unit_test(auto_format_follows_the_signature),
        cmocka_unit_test(strip_keeps_nul_bytes_and_invalid_utf8),
        cmocka_unit_test(strip_bad_arguments_are_usage_errors),
        cmocka_unit_test(strip_survives_random_input),
        cmocka_unit_test(scanner_skips_comments_raw_text_and_quoted_gt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
