/* The Markdown reader's character references: decoded by the HTML reader's
 * table into the view, each mapped to its whole source span; what is not a
 * known reference stays as written.  And where each block's outermost
 * container begins. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"

/* Read `s` as Markdown; it must give one block, whose view text goes to
 * `view` (NUL-terminated). */
static void sg_t_read_one(sg_doc *d, const char *s, char *view, size_t cap)
{
    sg_error err;
    memset(&err, 0, sizeof err);
    memset(d, 0, sizeof *d);
    sg_status st = sg_doc_read(d, s, strlen(s), SG_FORMAT_MARKDOWN, 64, &err);
    if (st != SG_OK)
        print_error("sg_doc_read(%s): %s\n", s, err.message);
    assert_int_equal(st, SG_OK);
    if (d->nblocks != 1)
        print_error("%zu blocks from: %s\n", d->nblocks, s);
    assert_int_equal(d->nblocks, 1);
    const sg_block *b = &d->blocks[0];
    assert_true(b->view_len < cap);
    memcpy(view, d->view.data + b->view_start, b->view_len);
    view[b->view_len] = '\0';
}

static void sg_t_expect_view(const char *s, const char *want)
{
    sg_doc d;
    char view[256];
    sg_t_read_one(&d, s, view, sizeof view);
    if (strcmp(view, want))
        print_error("read \"%s\" as \"%s\", want \"%s\"\n", s, view, want);
    assert_string_equal(view, want);
    sg_doc_free(&d);
}

static size_t sg_t_off(const char *s, const char *needle)
{
    const char *p = strstr(s, needle);
    assert_non_null(p);
    return (size_t)(p - s);
}

/* Raw HTML blocks hold prose too: their text between tags is read (with
 * references decoded), a tag that breaks a block of text ends a sentence,
 * elements HTML pages skip are skipped here, and blocks of script, pre,
 * style or comments are not read at all. */
static void test_raw_html_blocks_are_read_as_html(void **state)
{
    (void)state;
    sg_t_expect_view("<div>\nThe hero dies &amp; she <b>mourns</b>.\n</div>\n",
                     "\nThe hero dies & she mourns.\n");
    sg_t_expect_view("<p>First part.</p><p>Second part.</p>\n",
                     "First part.\n\nSecond part.");
    sg_t_expect_view("<div><nav>Home | About</nav>Text here.</div>\n", "Text here.");
    static const char *const raw[] = {"<script>\nvar dies = 1;\n</script>\n",
                                      "<pre>\nThe hero dies.\n</pre>\n",
                                      "<!-- The hero dies. -->\n"};
    for (size_t i = 0; i < sizeof raw / sizeof *raw; i++) {
        sg_doc d;
        sg_error err;
        memset(&err, 0, sizeof err);
        memset(&d, 0, sizeof d);
        assert_int_equal(sg_doc_read(&d, raw[i], strlen(raw[i]), SG_FORMAT_MARKDOWN, 64, &err),
                         SG_OK);
        for (size_t b = 0; b < d.nblocks; b++)
            if (d.blocks[b].view_len)
                fail_msg("read text from %s", raw[i]);
        sg_doc_free(&d);
    }
}

static void test_named_references_beyond_the_common_few_decode(void **state)
{
    (void)state;
    sg_t_expect_view("Caf&eacute; &amp; cr&egrave;me", "Caf\xC3\xA9 & cr\xC3\xA8me");
    sg_t_expect_view("&ldquo;Run&rdquo; &mdash; she said&hellip;",
                     "\xE2\x80\x9CRun\xE2\x80\x9D \xE2\x80\x94 she said\xE2\x80\xA6");
    sg_t_expect_view("Rated &frac12; a star &copy; 2025",
                     "Rated \xC2\xBD a star \xC2\xA9 2025");
}

static void test_numeric_references_decode_as_html_does(void **state)
{
    (void)state;
    sg_t_expect_view("A &#233; and &#x1F600; here",
                     "A \xC3\xA9 and \xF0\x9F\x98\x80 here");
    /* C1 numbers mean Windows-1252, as in the HTML reader */
    sg_t_expect_view("It&#146;s over", "It\xE2\x80\x99s over");
    /* no code point: the replacement character */
    sg_t_expect_view("Bad &#0; one", "Bad \xEF\xBF\xBD one");
}

static void test_unknown_references_stay_as_written(void **state)
{
    (void)state;
    sg_t_expect_view("An &madeup; name", "An &madeup; name");
    /* a legacy name followed by more letters is not that reference */
    sg_t_expect_view("The &copyx; mark", "The &copyx; mark");
    sg_t_expect_view("Fish &amp chips", "Fish &amp chips");
}

static void test_decoded_reference_maps_to_its_whole_source_span(void **state)
{
    (void)state;
    const char *s = "The caf&eacute; burns.";
    sg_doc d;
    char view[64];
    sg_t_read_one(&d, s, view, sizeof view);
    assert_string_equal(view, "The caf\xC3\xA9 burns.");
    const sg_block *b = &d.blocks[0];
    size_t v = b->view_start + strlen("The caf");
    assert_int_equal(sg_doc_to_src(&d, b, v, 0), sg_t_off(s, "&eacute;"));
    assert_int_equal(sg_doc_to_src(&d, b, v + 2, 1), sg_t_off(s, " burns."));
    assert_int_equal(sg_doc_to_src(&d, b, v + 2, 0), sg_t_off(s, " burns."));
    sg_doc_free(&d);
}

/* Every block knows where the outermost list, quote or table it stands in
 * begins (a block inserted before it goes there, not inside): a top-level
 * paragraph its own line, a nested item its outer list's first line, also
 * when that list opens with raw HTML, which is no block of the document. */
static void test_blocks_know_their_outermost_container(void **state)
{
    (void)state;
    const char *s = "Intro line.\n"
                    "\n"
                    "- <div>boxed</div>\n"
                    "- first item\n"
                    "  - nested item\n"
                    "\n"
                    "> quoted one\n"
                    ">\n"
                    "> quoted two\n"
                    "\n"
                    "| a | b |\n"
                    "| - | - |\n"
                    "| c | d |\n"
                    "\n"
                    "Outro line.\n";
    sg_doc d;
    sg_error err;
    assert_int_equal(sg_doc_read(&d, s, strlen(s), SG_FORMAT_MARKDOWN, 64, &err), SG_OK);
    const struct {
        const char *text, *top;
    } want[] = {{"Intro", "Intro"},   {"first", "- <div>"},   {"nested", "- <div>"},
                {"quoted one", "> quoted one"}, {"quoted two", "> quoted one"},
                {"d |", "| a |"},     {"Outro", "Outro"}};
    for (size_t w = 0; w < sizeof want / sizeof *want; w++) {
        size_t at = sg_t_off(s, want[w].text), top = sg_t_off(s, want[w].top);
        int found = 0;
        for (size_t i = 0; i < d.nblocks; i++)
            if (d.blocks[i].start <= at && at < d.blocks[i].end) {
                if (d.blocks[i].top_start != top)
                    print_error("the block of \"%s\" says its container starts at %zu, "
                                "not %zu\n",
                                want[w].text, d.blocks[i].top_start, top);
                assert_int_equal(d.blocks[i].top_start, top);
                found = 1;
            }
        assert_true(found);
    }
    sg_doc_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_raw_html_blocks_are_read_as_html),
        cmocka_unit_test(test_named_references_beyond_the_common_few_decode),
        cmocka_unit_test(test_numeric_references_decode_as_html_does),
        cmocka_unit_test(test_unknown_references_stay_as_written),
        cmocka_unit_test(test_decoded_reference_maps_to_its_whole_source_span),
        cmocka_unit_test(test_blocks_know_their_outermost_container),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
