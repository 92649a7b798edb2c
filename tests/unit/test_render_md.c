/* test_render_md.c -- Markdown marks next to runs of emphasis: a sentence
 * that starts inside emphasis, after a run of '*' or '_' the reader takes as
 * text, or next to letters beyond ASCII is still marked, and stripping gives
 * the input back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spoilerguard.h"
#include "sg_test_util.h"

#define SENT " In the end, the hero dies and the villain turns out to be her father.\n"

/* `md` annotated in `style`: a mark opens in it, and stripping gives `md`
 * back. */
static void expect_marked(const char *md, sg_style style)
{
    size_t len = strlen(md), ol, sl;
    sg_error err;
    sg_analysis *a;
    assert_int_equal(sg_t_analyze_as(md, len, SG_FORMAT_MARKDOWN, style, &a, &err), SG_OK);
    char *out = sg_render(a, &ol, &err);
    assert_non_null(out);
    if (!sg_t_count(out, ol, "<!--sg:o") && !sg_t_count(out, ol, "<!--sg:n"))
        fail_msg("no mark in: %.*s", (int)ol, out);
    char *back = sg_strip(out, ol, SG_FORMAT_MARKDOWN, &sl, &err);
    assert_non_null(back);
    assert_int_equal(sl, len);
    assert_memory_equal(back, md, len);
    sg_free(back);
    sg_free(out);
    sg_analysis_free(a);
}

/* The sentence starts inside "*foo**bar**baz*": its first runs cannot be
 * marked without changing the emphasis, and after the first of them is
 * refused the others are still tried one by one. */
static void sentence_starting_inside_emphasis_is_marked(void **state)
{
    (void)state;
    expect_marked("*foo**bar**baz*" SENT, SG_STYLE_MD_PANDOC);
    expect_marked("**foo*bar*baz**" SENT, SG_STYLE_MD_HTML);
}

/* "*foo**": the last '*' is text; the mark starts after it rather than
 * cutting the run "**" in two. */
static void sentence_after_a_run_read_as_text_is_marked(void **state)
{
    (void)state;
    static const char *const md[] = {"*foo**" SENT,  "**foo***" SENT, "*foo****" SENT,
                                     "_foo__" SENT,  "__foo___" SENT, "_foo____" SENT};
    for (size_t i = 0; i < sizeof md / sizeof *md; i++) {
        expect_marked(md[i], SG_STYLE_MD_PANDOC);
        expect_marked(md[i], SG_STYLE_MD_HTML);
    }
}

/* Letters beyond ASCII are letters, and a no-break space is a space, to the
 * emphasis rules: a '_' between Cyrillic letters opens nothing. */
static void runs_next_to_letters_beyond_ascii_are_read_as_such(void **state)
{
    (void)state;
    expect_marked("_\xD0\xBF\xD1\x80\xD0\xB8_\xD1\x81\xD1\x82" SENT, SG_STYLE_MD_PANDOC);
    expect_marked("__\xD0\xBF\xD1\x80\xD0\xB8__\xD1\x81\xD1\x82" SENT, SG_STYLE_MD_HTML);
    expect_marked("*\xC2\xA0" "a\xC2\xA0*" SENT, SG_STYLE_MD_HTML);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentence_starting_inside_emphasis_is_marked),
        cmocka_unit_test(sentence_after_a_run_read_as_text_is_marked),
        cmocka_unit_test(runs_next_to_letters_beyond_ascii_are_read_as_such),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
