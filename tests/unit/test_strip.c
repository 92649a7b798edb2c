/* test_strip.c -- finding and removing what spoilerguard inserted, on
 * hand-written marked text in every signature (HTML attributes, Markdown
 * comments, the visible forms of plain text, Discord and Reddit), edited
 * copies of it, and the small HTML scanner strip relies on. */
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

#define WARN SG_VIS_WARNING "Spoiler warning (deaths, twists): "

/* strip(text) in `fmt` must give `want`, and note each of the NULL-ended
 * `notes` (substrings of the notes, in order; none when the first is NULL). */
static void expect_strip_noting(const char *text, sg_format fmt, const char *want,
                                const char *const *notes)
{
    size_t n;
    sg_error err;
    char *left = NULL;
    char *out = sg_strip_with_notes(text, strlen(text), fmt, &n, &left, &err);
    assert_non_null(out);
    if (n != strlen(want) || memcmp(out, want, n))
        fail_msg("strip of\n  %s\ngave\n  %.*s\nwant\n  %s", text, (int)n, out, want);
    assert_int_equal(err.status, SG_OK);
    const char *at = left;
    for (size_t i = 0; notes && notes[i]; i++) {
        const char *hit = at ? strstr(at, notes[i]) : NULL;
        if (!hit)
            fail_msg("strip of\n  %s\nnoted\n  %s\nwithout \"%s\"", text,
                     left ? left : "(nothing)", notes[i]);
        at = hit + strlen(notes[i]);
    }
    if ((!notes || !notes[0]) && left)
        fail_msg("strip of\n  %s\nnoted\n  %s\nwhere nothing was left", text, left);
    sg_free(left);
    sg_free(out);
}

/* strip(text) in `fmt` must give `want`, leaving nothing of its form. */
static void expect_strip(const char *text, sg_format fmt, const char *want)
{
    expect_strip_noting(text, fmt, want, NULL);
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

/* Strip reads tags as the HTML reader does (one tokenizer): a comment ends
 * at "--!>" as well as "-->", and a script's "<!--<script>" escape keeps the
 * "</script>" inside it from ending the script. */
static void html_comments_and_script_read_as_the_reader_reads_them(void **state)
{
    (void)state;
    expect_strip("<!-- a --!><p><span data-spoilerguard=\"death\">He dies.</span></p>",
                 SG_FORMAT_HTML, "<!-- a --!><p>He dies.</p>");
    const char *t = "<script><!--<script>x</script><span data-spoilerguard=\"death\">"
                    "--></script><p>He lives.</p>";
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

static void plain_visible_pieces_removed_and_marked(void **state)
{
    (void)state;
    const char *t =
        "Title\n[Rating · ★★★☆☆ 3/5]\n\n" WARN "1 passage is marked below.\n\n"
        "[spoiler: death, twist] He dies. [/spoiler] Then ||she|| lives.\n";
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
    /* the label is kept for a later warning to count */
    assert_int_equal(d.nlabels, 1);
    assert_memory_equal(t + d.labels[0].start, "death, twist", 12);
    sg_doc_free(&d);
    /* the badge before the first article text, the other forms of a mark,
     * an indented paragraph after the warning, CRLF */
    expect_strip(
        "[Rating · 7/10] A film.\n\n  " WARN "4 passages are marked below.\n\n  "
        "||death: He dies.|| >!twist: It was a dream.!< [ending: Fin.]{.spoiler} "
        "\\|\\|death: x\\|\\|\n",
        SG_FORMAT_PLAIN, "A film.\n\n  He dies. It was a dream. Fin. x\n");
    expect_strip("T\r\n[Rating · 2/5]\r\n\r\n" WARN "1 passage is marked below.\r\n\r\n"
                 "[spoiler: death] He dies. [/spoiler]\r\n",
                 SG_FORMAT_PLAIN, "T\r\n\r\nHe dies.\r\n");
}

/* The finder passes over text eight bytes at a time: a mark is found
 * wherever in those eight bytes it starts. */
static void visible_marks_found_at_every_offset(void **state)
{
    (void)state;
    for (int pad = 0; pad < 17; pad++) {
        char text[128], want[128];
        snprintf(text, sizeof text,
                 "%.*s||death: He dies.|| [spoiler: twist] x. [/spoiler]\n", pad,
                 "abcdefghijklmnopq");
        snprintf(want, sizeof want, "%.*sHe dies. x.\n", pad, "abcdefghijklmnopq");
        expect_strip(text, SG_FORMAT_PLAIN, want);
    }
}

static void markdown_visible_pieces_removed(void **state)
{
    (void)state;
    expect_strip(
        "# Title \\[Rating · ★★★☆☆ 3/5\\]\n\n" WARN "3 passages are marked below.\n\n"
        ">!death: He dies.!< ||twist: She lives.||\n\n"
        "| a |\n|---|\n| \\|\\|death: x\\|\\| |\n",
        SG_FORMAT_MARKDOWN, "# Title\n\nHe dies. She lives.\n\n| a |\n|---|\n| x |\n");
    /* at the head of a line the badge's space comes after it */
    expect_strip("\\[Rating · 4/5\\] A ferry pilot.\n", SG_FORMAT_MARKDOWN,
                 "A ferry pilot.\n");
    /* inside a list item the warning keeps the item's indentation */
    expect_strip("- a\n\n  " WARN "1 passage is marked below.\n\n  ||death: b||\n",
                 SG_FORMAT_MARKDOWN, "- a\n\n  b\n");
}

/* A published copy someone edited: what is proven ours goes, the rest stays
 * and is noted. */
static void edited_copies_strip_what_is_proven_and_note_the_rest(void **state)
{
    (void)state;
    /* the warning deleted: marks in their exact form are still ours */
    expect_strip("[spoiler: death] He dies. [/spoiler] More.\n", SG_FORMAT_PLAIN,
                 "He dies. More.\n");
    /* one mark's closing piece deleted */
    static const char *const half[] = {
        "line 1: the spoiler warning counts 2 marked passages "
        "but 1 is whole",
        "line 3: \"[spoiler: twist]\" opens a marked passage "
        "that does not close",
        NULL};
    expect_strip_noting(
        WARN "2 passages are marked below.\n\n"
             "[spoiler: death] He dies. [/spoiler] [spoiler: twist] It was a "
             "dream.\n",
        SG_FORMAT_PLAIN, "He dies. [spoiler: twist] It was a dream.\n", half);
    /* one mark's opening piece deleted: its close cannot be told from text */
    static const char *const open[] = {"counts 2 marked passages but 1 is whole", NULL};
    expect_strip_noting(WARN
                        "2 passages are marked below.\n\n||death: He dies.|| It was a "
                        "dream.||\n",
                        SG_FORMAT_MARKDOWN, "He dies. It was a dream.||\n", open);
    /* more marks than the warning counts: none can be told apart */
    static const char *const more[] = {"counts 1 marked passage but 2 are marked", NULL};
    expect_strip_noting(WARN "1 passage is marked below.\n\n>!death: a!< >!death: b!<\n",
                        SG_FORMAT_MARKDOWN, ">!death: a!< >!death: b!<\n", more);
    /* the warning retyped: left and noted; the marks are still whole */
    static const char *const typed[] = {"line 1: a spoiler warning line not in "
                                        "spoilerguard's exact form",
                                        NULL};
    expect_strip_noting(WARN "1 passages are marked below.\n\n[spoiler: death] x "
                             "[/spoiler]\n",
                        SG_FORMAT_PLAIN, WARN "1 passages are marked below.\n\nx\n",
                        typed);
    /* a badge moved into a sentence, beside a mark of ours */
    static const char *const badge[] = {"a rating badge not in spoilerguard's form",
                                        NULL};
    expect_strip_noting("So [Rating · 3/5], I think. [spoiler: death] x [/spoiler]\n",
                        SG_FORMAT_PLAIN, "So [Rating · 3/5], I think. x\n", badge);
    /* an edited mark still marks its paragraph for a second run */
    sg_doc d = find("A [spoiler: death] He dies.\n\nLater.\n", SG_FORMAT_PLAIN);
    assert_int_equal(d.nchunks, 0);
    assert_int_equal(d.nmarked, 1);
    assert_int_equal(d.marked[0].start, 2);
    assert_int_equal(d.marked[0].end, strlen("A [spoiler: death] He dies."));
    sg_doc_free(&d);
}

/* Marks an author typed (without spoilerguard's label) are the author's. */
static void authors_look_alike_marks_are_kept(void **state)
{
    (void)state;
    const char *t = "Title\n[Rating: 4/5]\n\n"
                    "[SPOILER] He dies. [/SPOILER] [spoiler]x[/spoiler] ||she lives|| "
                    ">!y!< ||Note: z|| [a: b] [c: d]{.spoiler2} Rating: 7/10\n\n"
                    "\xE2\x9A\xA0 Careful: the end is spoiled below.\n";
    expect_strip(t, SG_FORMAT_PLAIN, t);
    expect_strip(t, SG_FORMAT_MARKDOWN, t);
    expect_strip(t, SG_FORMAT_AUTO, t);
    sg_doc d = find(t, SG_FORMAT_PLAIN);
    assert_int_equal(d.nchunks, 0);
    assert_int_equal(d.nmarked, 0);
    sg_doc_free(&d);
}

static void auto_format_follows_the_signature(void **state)
{
    (void)state;
    /* Markdown output holding raw HTML spans is still stripped as Markdown */
    expect_strip(
        "<em>x</em> <!--sg:o--><span class=\"spoiler\" data-spoilerguard=\"death\">"
        "<!--/sg-->He dies.<!--sg:c--></span><!--/sg-->\n",
        SG_FORMAT_AUTO, "<em>x</em> He dies.\n");
    expect_strip("a [spoiler: death] b [/spoiler]", SG_FORMAT_AUTO, "a b");
    expect_strip("Title\n[Rating · 3/5]\n", SG_FORMAT_AUTO, "Title\n");
    /* Discord's Markdown with nothing else of Markdown in it */
    expect_strip("Title \\[Rating · 3/5\\]\n\nHe ||death: dies.||\n", SG_FORMAT_AUTO,
                 "Title\n\nHe dies.\n");
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
                                       "[spoiler: death] ",
                                       " [/spoiler]",
                                       "||death: ",
                                       ">!twist, x: ",
                                       "!<",
                                       "\\|\\|",
                                       "]{.spoiler}",
                                       "[a: ",
                                       WARN "1 passage is marked below.\n\n",
                                       WARN,
                                       " 2 passages are marked below.",
                                       "[Rating · 3/5]",
                                       "\\[Rating · 3/5\\]",
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
            for (size_t i = 0; i < d.nlabels; i++)
                assert_true(d.labels[i].start < d.labels[i].end &&
                            d.labels[i].end <= b.len);
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
        cmocka_unit_test(html_comments_and_script_read_as_the_reader_reads_them),
        cmocka_unit_test(html_quoted_attribute_holding_gt),
        cmocka_unit_test(html_continued_pieces_make_one_marked_range),
        cmocka_unit_test(html_unclosed_inserted_element_loses_only_its_tag),
        cmocka_unit_test(html_void_badge_image_removed),
        cmocka_unit_test(markdown_prefix_form_pieces_removed),
        cmocka_unit_test(markdown_suffix_form_at_line_start_removed),
        cmocka_unit_test(markdown_block_chunk_takes_its_line_break_and_indent),
        cmocka_unit_test(markdown_roles_and_marked_ranges),
        cmocka_unit_test(markdown_author_marks_and_stray_sentinels_are_kept),
        cmocka_unit_test(plain_visible_pieces_removed_and_marked),
        cmocka_unit_test(visible_marks_found_at_every_offset),
        cmocka_unit_test(markdown_visible_pieces_removed),
        cmocka_unit_test(edited_copies_strip_what_is_proven_and_note_the_rest),
        cmocka_unit_test(authors_look_alike_marks_are_kept),
        cmocka_unit_test(auto_format_follows_the_signature),
        cmocka_unit_test(strip_keeps_nul_bytes_and_invalid_utf8),
        cmocka_unit_test(strip_bad_arguments_are_usage_errors),
        cmocka_unit_test(strip_survives_random_input),
        cmocka_unit_test(scanner_skips_comments_raw_text_and_quoted_gt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
