/* The HTML tokenizer on its own: attributes in every quote style,
 * self-closing tags, comments and bogus comments, doctypes, script, raw text
 * and RCDATA elements that end only at their end tag, plaintext, a "<" that
 * is text, truncated tags; and character references, named and numeric,
 * invalid code points, and the legacy names an attribute value keeps as
 * written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sg_html.h"
#include "sg_test_util.h"

/* ---- utilities ----------------------------------------------------------- */

typedef struct sg_t_toks {
    sg_html_tokenizer tz;
    sg_html_token tok[64];
    size_t n;
} sg_t_toks;

/* Tokenize all of `s` (at most 64 tokens kept). */
static void sg_t_tokenize(sg_t_toks *t, const char *s, size_t n)
{
    sg_html_init(&t->tz, s, n);
    t->n = 0;
    sg_html_token tok;
    while (sg_html_next(&t->tz, &tok)) {
        assert_true(tok.start < tok.end);
        assert_true(tok.end <= n);
        if (t->n < 64)
            t->tok[t->n++] = tok;
    }
    assert_int_equal(tok.type, SG_HTML_EOF);
}

/* ---- tokenizer ------------------------------------------------------------ */

static void test_tokenizer_reads_attributes_in_every_quote_style(void **state)
{
    (void)state;
    const char *s = "<DIV A=\"d q\" b='s \"q' c=unq d e = \"sp\" f=x&amp;y g=>";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 1);
    sg_html_token *tok = &t.tok[0];
    assert_int_equal(tok->type, SG_HTML_START_TAG);
    assert_string_equal(tok->name, "div");
    assert_int_equal(tok->end, strlen(s));
    const char *names[] = {"A", "b", "c", "d", "e", "f", "g"};
    const char *values[] = {"d q", "s \"q", "unq", "", "sp", "x&amp;y", ""};
    int has[] = {1, 1, 1, 0, 1, 1, 1};
    size_t cur = 0, k = 0;
    sg_html_attr a;
    while (sg_html_attr_next(&t.tz, tok, &cur, &a)) {
        assert_true(k < 7);
        assert_span(s, a.name, a.name + a.name_len, names[k]);
        assert_span(s, a.value, a.value + a.value_len, values[k]);
        assert_int_equal(a.has_value, has[k]);
        k++;
    }
    assert_int_equal(k, 7);
    assert_true(sg_html_attr_get(&t.tz, tok, "a", &a)); /* case-insensitive */
    assert_true(sg_html_attr_get(&t.tz, tok, "f", &a));
    sg_buf b;
    sg_buf_init(&b);
    assert_true(sg_html_attr_value(s, &a, &b));
    assert_string_equal(b.data, "x&y");
    sg_buf_free(&b);
    assert_false(sg_html_attr_get(&t.tz, tok, "zz", &a));
}

static void test_tokenizer_self_closing_and_unquoted_slash(void **state)
{
    (void)state;
    const char *s = "<br/><img src=a/><x-y / ><p/ class=c>";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 4);
    assert_true(t.tok[0].self_closing);
    /* an unquoted value keeps its slash: <img src=a/> is not self-closing */
    assert_false(t.tok[1].self_closing);
    sg_html_attr a;
    assert_true(sg_html_attr_get(&t.tz, &t.tok[1], "src", &a));
    assert_span(s, a.value, a.value + a.value_len, "a/");
    assert_string_equal(t.tok[2].name, "x-y");
    assert_false(t.tok[2].self_closing);
    assert_true(sg_html_attr_get(&t.tz, &t.tok[3], "class", &a));
}

static void test_tokenizer_long_tag_names_are_cut_but_measured(void **state)
{
    (void)state;
    char s[200];
    memset(s, 'q', sizeof s);
    s[0] = '<';
    s[150] = '>';
    sg_t_toks t;
    sg_t_tokenize(&t, s, 151);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.tok[0].name_len, 149);
    assert_int_equal(strlen(t.tok[0].name), SG_HTML_NAME_MAX - 1);
}

static void test_tokenizer_comments_and_bogus_comments(void **state)
{
    (void)state;
    const char *s = "<!-- a -- b -->1<!---->2<!-->3<!--->4<!-- x --!>5"
                    "<?xml v?>6<!ELEMENT br>7</ x>8<![CDATA[ y ]]>9<!-- open";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    const char *bodies[] = {" a -- b ",     "",        "",           "",
                            " x ",          "?xml v?", "ELEMENT br", " x",
                            "[CDATA[ y ]]", " open"};
    size_t c = 0, texts = 0;
    for (size_t i = 0; i < t.n; i++) {
        if (t.tok[i].type == SG_HTML_TEXT) {
            assert_int_equal(t.tok[i].end - t.tok[i].start, 1);
            assert_int_equal(s[t.tok[i].start], '1' + (char)texts);
            texts++;
            continue;
        }
        assert_int_equal(t.tok[i].type, SG_HTML_COMMENT);
        assert_true(c < 10);
        assert_span(s, t.tok[i].text_start, t.tok[i].text_end, bodies[c]);
        assert_int_equal(t.tok[i].cut, c == 9);
        c++;
    }
    assert_int_equal(c, 10);
    assert_int_equal(texts, 9);
}

static void test_tokenizer_doctype(void **state)
{
    (void)state;
    const char *s = "<!DOCTYPE html PUBLIC \"x\"><!doctype>";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 2);
    assert_int_equal(t.tok[0].type, SG_HTML_DOCTYPE);
    assert_string_equal(t.tok[0].name, "html");
    assert_int_equal(t.tok[1].type, SG_HTML_DOCTYPE);
    assert_int_equal(t.tok[1].name_len, 0);
}

static void test_tokenizer_script_ends_only_at_its_end_tag(void **state)
{
    (void)state;
    const char *s = "<script>var s = \"</scr\" + \"ipt>\"; t = \"</script\"; a<b;"
                    "</SCRIPT >after";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 4);
    assert_int_equal(t.tok[1].type, SG_HTML_RAWTEXT);
    assert_false(t.tok[1].rcdata);
    assert_span(s, t.tok[1].start, t.tok[1].end,
                "var s = \"</scr\" + \"ipt>\"; t = \"</script\"; a<b;");
    assert_int_equal(t.tok[2].type, SG_HTML_END_TAG);
    assert_string_equal(t.tok[2].name, "script");
    assert_span(s, t.tok[3].start, t.tok[3].end, "after");
}

static void test_tokenizer_script_double_escape(void **state)
{
    (void)state;
    /* inside <!-- <script> ... --> a </script> does not end the script */
    const char *s = "<script><!-- <script> </script> --></script>x";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 4);
    assert_span(s, t.tok[1].start, t.tok[1].end, "<!-- <script> </script> -->");
    /* a single escape ends at the end tag */
    const char *s2 = "<script><!-- x </script>y";
    sg_t_tokenize(&t, s2, strlen(s2));
    assert_int_equal(t.n, 4);
    assert_span(s2, t.tok[1].start, t.tok[1].end, "<!-- x ");
}

static void test_tokenizer_rawtext_and_rcdata(void **state)
{
    (void)state;
    const char *s = "<style>a<b>c</styled></style><title>A &amp; <b>B</b></title>"
                    "<xmp><p>x</p></xmp><textarea></textarea><p>";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 12);
    assert_span(s, t.tok[1].start, t.tok[1].end, "a<b>c</styled>");
    assert_false(t.tok[1].rcdata);
    assert_span(s, t.tok[4].start, t.tok[4].end, "A &amp; <b>B</b>");
    assert_true(t.tok[4].rcdata);
    assert_span(s, t.tok[7].start, t.tok[7].end, "<p>x</p>");
    /* an empty textarea yields no raw text token */
    assert_int_equal(t.tok[9].type, SG_HTML_START_TAG);
    assert_int_equal(t.tok[10].type, SG_HTML_END_TAG);
    assert_string_equal(t.tok[10].name, "textarea");
    assert_string_equal(t.tok[11].name, "p");
}

static void test_tokenizer_plaintext_runs_to_the_end(void **state)
{
    (void)state;
    const char *s = "<plaintext></plaintext><p>x";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 2);
    assert_int_equal(t.tok[1].type, SG_HTML_RAWTEXT);
    assert_span(s, t.tok[1].start, t.tok[1].end, "</plaintext><p>x");
    assert_true(t.tok[1].cut);
}

static void test_tokenizer_less_than_that_is_text(void **state)
{
    (void)state;
    const char *s = "a < b <3 c</>d<";
    sg_t_toks t;
    sg_t_tokenize(&t, s, strlen(s));
    assert_int_equal(t.n, 2); /* "</>" is dropped */
    assert_span(s, t.tok[0].start, t.tok[0].end, "a < b <3 c");
    assert_span(s, t.tok[1].start, t.tok[1].end, "d<");
}

static void test_tokenizer_truncated_tag_is_dropped(void **state)
{
    (void)state;
    const char *cuts[] = {"Hello <b cla", "Hello <a href='x", "Hello <a href=x",
                          "Hello </b",    "Hello <p/",        "Hello <x a="};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        sg_t_toks t;
        sg_t_tokenize(&t, cuts[i], strlen(cuts[i]));
        assert_int_equal(t.n, 1);
        assert_span(cuts[i], t.tok[0].start, t.tok[0].end, "Hello ");
    }
}

static void test_tokenizer_foreign_cdata_is_a_section(void **state)
{
    (void)state;
    const char *s = "<![CDATA[ a > b ]]>x";
    sg_html_tokenizer tz;
    sg_html_token tok;
    sg_html_init(&tz, s, strlen(s));
    tz.foreign = 1;
    assert_true(sg_html_next(&tz, &tok));
    assert_int_equal(tok.type, SG_HTML_COMMENT);
    assert_span(s, tok.text_start, tok.text_end, " a > b ");
}

/* ---- character references --------------------------------------------------- */

static void sg_t_ref(const char *in, int in_attr, size_t used, const char *out)
{
    char buf[8];
    size_t ol;
    size_t u = sg_html_charref(in, strlen(in), in_attr, buf, &ol);
    if (u != used || (used && (ol != strlen(out) || memcmp(buf, out, ol)))) {
        print_error("%s: used %zu (want %zu), out \"%.*s\" (want \"%s\")\n", in, u, used,
                    (int)ol, buf, out);
        fail();
    }
}

static void test_references_named_and_numeric(void **state)
{
    (void)state;
    sg_t_ref("&amp;", 0, 5, "&");
    sg_t_ref("&lt;x", 0, 4, "<");
    sg_t_ref("&gt", 0, 3, ">");
    sg_t_ref("&quot;", 0, 6, "\"");
    sg_t_ref("&apos;", 0, 6, "'");
    sg_t_ref("&nbsp;", 0, 6, "\xC2\xA0");
    sg_t_ref("&mdash;", 0, 7, "\xE2\x80\x94");
    sg_t_ref("&ndash;", 0, 7, "\xE2\x80\x93");
    sg_t_ref("&hellip;", 0, 8, "\xE2\x80\xA6");
    sg_t_ref("&rsquo;", 0, 7, "\xE2\x80\x99");
    sg_t_ref("&ldquo;", 0, 7, "\xE2\x80\x9C");
    sg_t_ref("&copy;", 0, 6, "\xC2\xA9");
    sg_t_ref("&eacute;", 0, 8, "\xC3\xA9");
    sg_t_ref("&Eacute;", 0, 8, "\xC3\x89");
    sg_t_ref("&#123;", 0, 6, "{");
    sg_t_ref("&#x1F600;", 0, 9, "\xF0\x9F\x98\x80");
    sg_t_ref("&#X41", 0, 5, "A");
    sg_t_ref("&#65x", 0, 4, "A");
    /* the longest legacy name without ';' */
    sg_t_ref("&ampfoo", 0, 4, "&");
    sg_t_ref("&notit;", 0, 4, "\xC2\xAC");
    sg_t_ref("&notin;", 0, 7, "\xE2\x88\x89");
    /* not references: kept as written */
    sg_t_ref("&", 0, 0, "");
    sg_t_ref("& b", 0, 0, "");
    sg_t_ref("&#;", 0, 0, "");
    sg_t_ref("&#x;", 0, 0, "");
    sg_t_ref("&nosuch;", 0, 0, "");
    sg_t_ref("&mdash", 0, 0, ""); /* not a legacy name: needs its ';' */
}

static void test_references_invalid_code_points_are_replaced(void **state)
{
    (void)state;
    sg_t_ref("&#0;", 0, 4, "\xEF\xBF\xBD");
    sg_t_ref("&#xD800;", 0, 8, "\xEF\xBF\xBD");
    sg_t_ref("&#x110000;", 0, 10, "\xEF\xBF\xBD");
    sg_t_ref("&#99999999999999999999;", 0, 23, "\xEF\xBF\xBD");
    sg_t_ref("&#128;", 0, 6, "\xE2\x82\xAC"); /* Windows-1252 euro */
    sg_t_ref("&#x97;", 0, 6, "\xE2\x80\x94"); /* Windows-1252 em dash */
    sg_t_ref("&#x81;", 0, 6, "\xC2\x81");     /* unmapped C1 kept */
    sg_t_ref("&#x10FFFF;", 0, 10, "\xF4\x8F\xBF\xBF");
}

static void test_references_cover_upper_and_lower_case_names(void **state)
{
    (void)state;
    /* names from both ends of the sorted table, mixed case */
    static const struct {
        const char *in, *out;
    } refs[] = {{"&AElig;", "\xC3\x86"},
                {"&Dagger;", "\xE2\x80\xA1"},
                {"&Omega;", "\xCE\xA9"},
                {"&THORN;", "\xC3\x9E"},
                {"&Yuml;", "\xC5\xB8"},
                {"&aelig;", "\xC3\xA6"},
                {"&bull;", "\xE2\x80\xA2"},
                {"&euro;", "\xE2\x82\xAC"},
                {"&frac12;", "\xC2\xBD"},
                {"&laquo;", "\xC2\xAB"},
                {"&lsquo;", "\xE2\x80\x98"},
                {"&ntilde;", "\xC3\xB1"},
                {"&raquo;", "\xC2\xBB"},
                {"&rdquo;", "\xE2\x80\x9D"},
                {"&szlig;", "\xC3\x9F"},
                {"&trade;", "\xE2\x84\xA2"},
                {"&uuml;", "\xC3\xBC"},
                {"&yuml;", "\xC3\xBF"},
                {"&zwnj;", "\xE2\x80\x8C"},
                {"&starf;", "\xE2\x98\x85"},
                {"&AMP;", "&"},
                {"&COPY;", "\xC2\xA9"}};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
        sg_t_ref(refs[i].in, 0, strlen(refs[i].in), refs[i].out);
    sg_t_ref("&Amp;", 0, 0, "");
}

static void test_references_in_attributes_keep_url_queries(void **state)
{
    (void)state;
    sg_t_ref("&copy=2", 1, 0, "");
    sg_t_ref("&copyx", 1, 0, "");
    sg_t_ref("&copy;", 1, 6, "\xC2\xA9");
    sg_t_ref("&copy ", 1, 5, "\xC2\xA9");
    sg_buf b;
    sg_buf_init(&b);
    const char *v = "a.php?x=1&amp;lang=fr&copy=2";
    sg_html_decode(&b, v, strlen(v), 1);
    assert_string_equal(b.data, "a.php?x=1&lang=fr&copy=2");
    sg_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenizer_reads_attributes_in_every_quote_style),
        cmocka_unit_test(test_tokenizer_self_closing_and_unquoted_slash),
        cmocka_unit_test(test_tokenizer_long_tag_names_are_cut_but_measured),
        cmocka_unit_test(test_tokenizer_comments_and_bogus_comments),
        cmocka_unit_test(test_tokenizer_doctype),
        cmocka_unit_test(test_tokenizer_script_ends_only_at_its_end_tag),
        cmocka_unit_test(test_tokenizer_script_double_escape),
        cmocka_unit_test(test_tokenizer_rawtext_and_rcdata),
        cmocka_unit_test(test_tokenizer_plaintext_runs_to_the_end),
        cmocka_unit_test(test_tokenizer_less_than_that_is_text),
        cmocka_unit_test(test_tokenizer_truncated_tag_is_dropped),
        cmocka_unit_test(test_tokenizer_foreign_cdata_is_a_section),
        cmocka_unit_test(test_references_named_and_numeric),
        cmocka_unit_test(test_references_invalid_code_points_are_replaced),
        cmocka_unit_test(test_references_cover_upper_and_lower_case_names),
        cmocka_unit_test(test_references_in_attributes_keep_url_queries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
