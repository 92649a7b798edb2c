/* test_render.c -- the annotated article in every style: something is
 * inserted, stripping gives the input back byte for byte, a second pass
 * inserts nothing, the author's own marks are left alone, inserted text is
 * escaped, JSON-LD is valid and inert, hooks' markup is signed.  The rating
 * badge's forms are tested in test_render_badge.c. */
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

static size_t count(const char *hay, size_t n, const char *needle)
{
    return sg_t_count(hay, n, needle);
}

/* sg_t_check_render of Markdown in `style` with `badge`. */
static char *check_markdown_render(sg_analysis *a, const char *text, size_t len, sg_style style,
                                   sg_badge badge, size_t *out_len)
{
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_MARKDOWN;
    o.style = style;
    o.badge = badge;
    return sg_t_check_render(a, text, len, SG_FORMAT_MARKDOWN, &o, out_len);
}

static char *roundtrip(const char *text, size_t len, sg_format fmt, sg_style style,
                       sg_badge badge, size_t *out_len)
{
    sg_analysis *a = sg_t_analysis_of(text, len, fmt, style, badge);
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    o.badge = badge;
    char *out = sg_t_check_render(a, text, len, fmt, &o, out_len);
    sg_analysis_free(a);
    return out;
}

static void plain_style_round_trips(void **state)
{
    (void)state;
    size_t ol;
    char *out = roundtrip(sg_t_plain_doc, sizeof sg_t_plain_doc - 1, SG_FORMAT_PLAIN,
                          SG_STYLE_PLAIN, SG_BADGE_AUTO, &ol);
    assert_int_equal(count(out, ol,
                           "[spoiler: death, ending] In the final act the hero "
                           "dies in the fire. [/spoiler]"),
                     1);
    assert_int_equal(
        count(out, ol,
              "\n\n\xE2\x9A\xA0 Spoiler warning (deaths, ending): 1 passage is "
              "marked below.\n\n"),
        1);
    sg_free(out);
}

static void markdown_styles_round_trip(void **state)
{
    (void)state;
    const sg_style styles[] = {
        SG_STYLE_AUTO,    SG_STYLE_MD_DISCORD, SG_STYLE_MD_REDDIT,    SG_STYLE_MD_PANDOC,
        SG_STYLE_MD_HTML, SG_STYLE_HTML_SPAN,  SG_STYLE_HTML_DETAILS, SG_STYLE_PLAIN,
        SG_STYLE_MD_HUGO};
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        size_t ol;
        char *out = roundtrip(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                              styles[i], SG_BADGE_AUTO, &ol);
        if (styles[i] == SG_STYLE_MD_DISCORD || styles[i] == SG_STYLE_MD_REDDIT ||
            styles[i] == SG_STYLE_PLAIN) {
            /* what Discord and Reddit show as it is, and plain marks: no
             * comment, no HTML */
            assert_int_equal(count(out, ol, "<!--"), 0);
            assert_int_equal(count(out, ol, "<span"), 0);
            assert_int_equal(count(out, ol,
                                   "\xE2\x9A\xA0 Spoiler warning (deaths, "
                                   "ending): "),
                             1);
            assert_true(count(out, ol,
                              styles[i] == SG_STYLE_MD_DISCORD  ? "||death"
                              : styles[i] == SG_STYLE_MD_REDDIT ? ">!death"
                                                                : "\\[spoiler: death") >= 3);
            sg_free(out);
            continue;
        }
        assert_int_equal(count(out, ol,
                               "<!--sg:w-->\n> **Spoiler warning:** this review "
                               "reveals plot details (deaths, ending)."),
                         1);
        assert_true(count(out, ol, "<!--sg:c-->") >= 3);
        if (styles[i] == SG_STYLE_MD_HUGO) {
            /* Hugo's shortcode around each sentence, a text badge (Hugo's
             * Markdown drops raw HTML), nothing of HTML */
            assert_true(count(out, ol, "{{< spoiler kind=\"death\" label=\"") >= 2);
            assert_int_equal(count(out, ol, "{{< spoiler "),
                             count(out, ol, "{{< /spoiler >}}"));
            assert_int_equal(count(out, ol, "<span"), 0);
            assert_int_equal(count(out, ol, "<style"), 0);
        }
        sg_free(out);
    }
}

/* A kind a user names with quotes or braces cannot end the shortcode. */
static void hugo_shortcode_arguments_are_sanitised(void **state)
{
    (void)state;
    sg_analysis *a =
        sg_t_analysis_of(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                         SG_STYLE_MD_HUGO, SG_BADGE_NONE);
    size_t n = 0;
    sg_analysis_flags(a, &n);
    assert_true(n > 0);
    assert_int_equal(sg_analysis_edit_flag(a, 0, 1, "x\"}}{{<y", -1, -1), SG_OK);
    sg_analysis_finish(a);
    size_t ol;
    char *out = check_markdown_render(a, sg_t_md_doc, sizeof sg_t_md_doc - 1,
                                      SG_STYLE_MD_HUGO, SG_BADGE_NONE, &ol);
    if (count(out, ol, "x-----<y\"") < 1 || count(out, ol, "}}{{<y"))
        fail_msg("the kind is not sanitised: %.*s", (int)ol, out);
    assert_int_equal(count(out, ol, "{{< spoiler "), count(out, ol, "{{< /spoiler >}}"));
    sg_free(out);
    sg_analysis_free(a);
}

static void html_styles_round_trip(void **state)
{
    (void)state;
    const sg_style styles[] = {SG_STYLE_AUTO, SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS,
                               SG_STYLE_MD_HTML};
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        size_t ol;
        char *out = roundtrip(sg_t_html_doc, sizeof sg_t_html_doc - 1, SG_FORMAT_HTML,
                              styles[i], SG_BADGE_AUTO, &ol);
        assert_int_equal(count(out, ol,
                               "<p class=\"spoiler-warning\" data-spoilerguard="
                               "\"warning\" role=\"note\">"),
                         1);
        if (styles[i] == SG_STYLE_HTML_DETAILS) {
            assert_true(count(out, ol,
                              "<details class=\"spoiler\" data-spoilerguard=\"death\">"
                              "<summary data-spoilerguard=\"summary\">") >= 2);
            /* never inside a paragraph: the list item's content is wrapped */
            assert_int_equal(count(out, ol, "<p><details"), 0);
            assert_int_equal(count(out, ol, "<li><details"), 1);
        } else {
            /* a disclosure: a button that says what it hides, then the text */
            assert_true(count(out, ol,
                              "<span class=\"spoiler\" data-spoilerguard=\"death\">"
                              "<button type=\"button\" data-spoilerguard=\"toggle\" "
                              "aria-expanded=\"false\">Spoiler (") >= 2);
            assert_int_equal(
                count(out, ol, "<span data-spoilerguard=\"content\" hidden>"),
                count(out, ol, "<span class=\"spoiler\""));
            /* the CSS and script that work it, once, in the head */
            assert_int_equal(count(out, ol, "<style data-spoilerguard=\"style\">"), 1);
            assert_int_equal(count(out, ol, "<script data-spoilerguard=\"script\">"), 1);
            assert_true(strstr(out, "<script data-spoilerguard=\"script\">") <
                        strstr(out, "</head>"));
        }
        sg_free(out);
    }
}

/* A sentence cut by <em> is wrapped piece by piece; the pieces after the
 * first say they continue it, and the second pass sees it all marked. */
static void html_unbalanced_sentence_wrapped_in_pieces(void **state)
{
    (void)state;
    size_t ol;
    char *out = roundtrip(sg_t_html_doc, sizeof sg_t_html_doc - 1, SG_FORMAT_HTML,
                          SG_STYLE_HTML_SPAN, SG_BADGE_AUTO, &ol);
    assert_true(count(out, ol,
                      "<em><span class=\"spoiler\" data-spoilerguard=\"death "
                      "continued\"") == 1);
    /* each piece: the mark and its hidden text; one button for the sentence */
    assert_int_equal(2 * count(out, ol, "<span class=\"spoiler\""),
                     count(out, ol, "</span>") - 1);
    assert_int_equal(count(out, ol, "data-spoilerguard=\"toggle\""),
                     count(out, ol, "<span class=\"spoiler\"") -
                         count(out, ol, " continued\""));
    sg_free(out);
}

/* In Markdown a comment opening a line would start an HTML block: pieces
 * there carry their length after them instead. */
static void markdown_line_start_pieces_use_the_suffix_form(void **state)
{
    (void)state;
    size_t ol;
    char *out = roundtrip(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                          SG_STYLE_MD_PANDOC, SG_BADGE_AUTO, &ol);
    for (size_t i = 0; i < ol; i++) {
        if (i && out[i - 1] != '\n')
            continue;
        size_t j = i;
        while (j < ol && (out[j] == ' ' || out[j] == '>' || out[j] == '-'))
            j++;
        if (ol - j >= 8 && !memcmp(out + j, "<!--sg:", 7))
            assert_true(out[j + 7] == 'w');
    }
    assert_true(count(out, ol, "- [<!--sg:o1-->In the end the queen dies.") == 1);
    sg_free(out);
}

/* Discord and Reddit show comments and HTML as text: each mark carries its
 * kinds as a visible label instead, and nothing else is inserted in it.
 * ">!" opening a line is Reddit's spoiler; the second pass (in roundtrip)
 * reads the same blocks, not a block quote. */
static void discord_and_reddit_marks_are_labelled_text(void **state)
{
    (void)state;
    static const struct {
        sg_style style;
        const char *item, *cell, *warning;
    } want[] = {{SG_STYLE_MD_DISCORD, "- ||death, ending: In the end the queen dies.||",
                 /* a bare | would split the table cell */
                 "| \\|\\|death, ending: At the end the king dies.\\|\\| |",
                 "\n\xE2\x9A\xA0 Spoiler warning (deaths, ending): 7 passages are marked "
                 "below.\n\n"},
                /* Reddit's spoilers end at a line's end: the quote's sentence
                 * over two lines is two marks */
                {SG_STYLE_MD_REDDIT, "- >!death, ending: In the end the queen dies.!<",
                 "| >!death, ending: At the end the king dies.!< |",
                 "\n\xE2\x9A\xA0 Spoiler warning (deaths, ending): 8 passages are marked "
                 "below.\n\n"}};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        size_t ol;
        char *out = roundtrip(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                              want[i].style, SG_BADGE_AUTO, &ol);
        /* the warning holds no mark's syntax, the badge is text */
        const char *const each[] = {
            want[i].item, want[i].cell, want[i].warning,
            "# Blade Falls review \\[Rating · "
            "\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85\xE2\x98\x85"
            "\xE2\x98\x86 4/5\\]\n"};
        for (size_t k = 0; k < sizeof each / sizeof *each; k++)
            if (count(out, ol, each[k]) != 1)
                fail_msg("not once: \"%s\" in:\n%.*s", each[k], (int)ol, out);
        assert_int_equal(count(out, ol, "<!--"), 0);
        sg_free(out);
    }
}

/* Markup that would swallow a <details> (a stray end tag, a comment left
 * open) makes that block fall back to spans; the round trip holds. */
static void broken_markup_falls_back_to_spans(void **state)
{
    (void)state;
    static const char html[] = "<p>Intro text here.</p>\n<div>The hero dies. </details> "
                               "More.</div>\n<p>Later the villain dies. <!-- open";
    size_t ol;
    char *out = roundtrip(html, sizeof html - 1, SG_FORMAT_HTML, SG_STYLE_HTML_DETAILS,
                          SG_BADGE_AUTO, &ol);
    assert_int_equal(
        count(out, ol, "<span class=\"spoiler\" data-spoilerguard=\"death\""), 2);
    assert_int_equal(count(out, ol, "<details class=\"spoiler\""), 0);
    sg_free(out);
}

/* A block whose span would cut an element in two (here a paragraph break
 * made of <br><b><br></b>) gets spans: a </details> inside <b> would move
 * the author's elements in the browser. */
static void misnested_block_falls_back_to_spans(void **state)
{
    (void)state;
    static const char html[] = "<p>Intro text here, a calm opening.</p>\n<div>In the end the "
                               "hero dies in the fire.<br /><b><br /></b><b>Next part</b><br "
                               "/><b><br /></b>After that, more.</div>\n";
    size_t ol;
    char *out = roundtrip(html, sizeof html - 1, SG_FORMAT_HTML, SG_STYLE_HTML_DETAILS,
                          SG_BADGE_NONE, &ol);
    assert_int_equal(count(out, ol, "<details class=\"spoiler\""), 0);
    assert_int_equal(count(out, ol, "</details>"), 0);
    assert_int_equal(
        count(out, ol, "<span data-spoilerguard=\"content\" hidden>In the end the hero dies "
                       "in the fire.</span></span><br /><b><br /></b>"),
        1);
    sg_free(out);
}

static void authors_own_marks_survive_and_are_not_marked_twice(void **state)
{
    (void)state;
    static const char md[] =
        "Intro line here.\n\nThe ||mentor dies at the end||. Later the "
        "hero dies.\n";
    size_t ol;
    char *out = roundtrip(md, sizeof md - 1, SG_FORMAT_MARKDOWN, SG_STYLE_MD_DISCORD,
                          SG_BADGE_NONE, &ol);
    assert_int_equal(count(out, ol, "The ||mentor dies at the end||. "), 1);
    assert_int_equal(count(out, ol, "||death"), 1);
    assert_int_equal(count(out, ol, "||death: Later the hero dies.||"), 1);
    sg_free(out);

    static const char pl[] = "The ||mentor dies at the end||.\n\nLater the hero dies.\n";
    out = roundtrip(pl, sizeof pl - 1, SG_FORMAT_PLAIN, SG_STYLE_MD_DISCORD,
                    SG_BADGE_NONE, &ol);
    assert_int_equal(count(out, ol, "The ||mentor dies at the end||."), 1);
    assert_int_equal(count(out, ol, "||death: Later the hero dies.||"), 1);
    size_t sl;
    char *back = sg_strip(out, ol, SG_FORMAT_AUTO, &sl, NULL);
    assert_int_equal(sl, sizeof pl - 1);
    assert_memory_equal(back, pl, sl);
    sg_free(back);
    sg_free(out);

    static const char html[] = "<p>The <span class=\"spoiler\">mentor dies</span>.</p>"
                               "<p>Later the hero dies.</p>";
    out = roundtrip(html, sizeof html - 1, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN,
                    SG_BADGE_NONE, &ol);
    assert_int_equal(count(out, ol, "<span class=\"spoiler\" data-spoilerguard"), 1);
    assert_int_equal(count(out, ol, "<span class=\"spoiler\">mentor dies</span>"), 1);
    sg_free(out);
}

/* ---- JSON ------------------------------------------------------------------ */

static void jsonld_is_valid_json_and_injection_stays_inert(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analysis_of(sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                      SG_FORMAT_HTML, SG_STYLE_AUTO, SG_BADGE_AUTO);
    assert_int_equal(
        sg_analysis_set_meta(a, "title", "</script><script>alert(1)</script>"), SG_OK);
    assert_int_equal(sg_analysis_set_meta(a, "work", "Blade \"Falls\"\n\\"), SG_OK);
    assert_int_equal(sg_analysis_set_meta(a, "author", "Ann <!-- Reviewer"), SG_OK);
    sg_rating r;
    memset(&r, 0, sizeof r);
    r.text = "7/10";
    r.value = 7;
    r.scale = 10;
    r.normalized = 0.7;
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    size_t ol;
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    char *out = sg_t_check_render(a, sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                  SG_FORMAT_HTML, &o, &ol);
    const char *open =
        "<script type=\"application/ld+json\" data-spoilerguard=\"jsonld\">";
    char *s = strstr(out, open);
    assert_non_null(s);
    assert_true(s < strstr(out, "</head>"));
    s += strlen(open);
    char *e = strstr(s, "</script>");
    assert_non_null(e);
    /* the script ends where it should: no "</" and no "<!--" inside */
    for (char *q = s; q < e; q++)
        assert_false(q[0] == '<' && (q[1] == '/' || q[1] == '!'));
    if (!sg_t_json_valid(s, (size_t)(e - s)))
        fail_msg("JSON-LD is not valid JSON: %.*s", (int)(e - s), s);
    assert_non_null(strstr(s, "\"@type\":\"Review\""));
    assert_non_null(strstr(s, "\"ratingValue\":7,\"bestRating\":10,\"worstRating\":0"));
    assert_non_null(strstr(s, "\"name\":\"Blade \\\"Falls\\\"\\n\\\\\""));
    sg_free(out);

    size_t ml;
    char *m = sg_analysis_markup(a, "jsonld", &ml);
    assert_non_null(m);
    assert_true(sg_t_json_valid(m, ml));
    sg_free(m);
    sg_analysis_free(a);
}

/* schema.org's Rating for each kind: a number on its scale; a letter grade
 * as text on the scale of grades; a verdict as the rating's name only. */
static void jsonld_rating_follows_schema_org_for_each_kind(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        double value, scale;
        const char *verdict, *want;
    } cases[] = {
        {"3.5/5", 3.5, 5, NULL,
         "\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":3.5,\"bestRating\":5,"
         "\"worstRating\":1}"},
        {"7.5/10", 7.5, 10, NULL,
         "\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":7.5,\"bestRating\":10,"
         "\"worstRating\":0}"},
        {"B+", NAN, NAN, "B+",
         "\"reviewRating\":{\"@type\":\"Rating\",\"ratingValue\":\"B+\",\"bestRating\":"
         "\"A+\",\"worstRating\":\"F\"}"},
        {"Recommended", NAN, NAN, "Recommended",
         "\"reviewRating\":{\"@type\":\"Rating\",\"alternateName\":\"Recommended\"}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sg_analysis *a = sg_t_analysis_of(sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                          SG_FORMAT_HTML, SG_STYLE_AUTO, SG_BADGE_AUTO);
        sg_rating r;
        memset(&r, 0, sizeof r);
        r.text = cases[i].text;
        r.value = cases[i].value;
        r.scale = cases[i].scale;
        r.normalized = 0.8;
        r.verdict = cases[i].verdict;
        assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
        size_t ml;
        char *m = sg_analysis_markup(a, "jsonld", &ml);
        assert_non_null(m);
        assert_true(sg_t_json_valid(m, ml));
        if (!strstr(m, cases[i].want))
            fail_msg("%s: JSON-LD %s, want %s", cases[i].text, m, cases[i].want);
        sg_free(m);
        sg_analysis_free(a);
    }
}

/* ---- escaping ------------------------------------------------------------- */

static void warning_badge_and_labels_are_escaped(void **state)
{
    (void)state;
    static const char md[] = "Intro text for the review.\n\nThe zorblax appears here.\n";
    sg_analysis *a = sg_t_analysis_of(md, sizeof md - 1, SG_FORMAT_MARKDOWN,
                                      SG_STYLE_MD_HTML, SG_BADGE_TEXT);
    sg_rating r;
    memset(&r, 0, sizeof r);
    r.text = "*A*";
    r.verdict = "<b>A*</b>";
    r.value = NAN;
    r.scale = NAN;
    r.normalized = 0.8;
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    size_t ol;
    char *out = check_markdown_render(a, md, sizeof md - 1, SG_STYLE_MD_HTML, SG_BADGE_TEXT, &ol);
    assert_int_equal(count(out, ol, "plot details (x\\<y\\>\\*\\_\\|z)."), 1);
    assert_int_equal(count(out, ol, "Verdict: \\<b\\>A\\*\\</b\\>"), 1);
    /* the attribute value is one token, escaped */
    assert_int_equal(count(out, ol, "data-spoilerguard=\"x&lt;y&gt;*_|z\""), 1);
    assert_int_equal(
        count(out, ol, "aria-expanded=\"false\">Spoiler (x&lt;y&gt;*_|z)</button>"), 1);
    sg_free(out);
    sg_analysis_free(a);

    static const char html[] = "<p>Intro text.</p><p>The zorblax appears here.</p>";
    a = sg_t_analysis_of(html, sizeof html - 1, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN,
                         SG_BADGE_HTML);
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    o.style = SG_STYLE_HTML_SPAN;
    o.badge = SG_BADGE_HTML;
    out = sg_t_check_render(a, html, sizeof html - 1, SG_FORMAT_HTML, &o, &ol);
    assert_int_equal(count(out, ol, "plot details (x&lt;y&gt;*_|z).</p>"), 1);
    assert_int_equal(count(out, ol,
                           "<span class=\"sg-rating\" data-spoilerguard=\"badge\"> "
                           "Verdict: &lt;b&gt;A*&lt;/b&gt;</span>"),
                     1);
    assert_int_equal(count(out, ol, "<b>"), 0);
    sg_free(out);
    sg_analysis_free(a);
}

/* ---- options -------------------------------------------------------------- */

static void style_and_badge_that_do_not_fit_are_usage_errors(void **state)
{
    (void)state;
    static const struct {
        sg_format fmt;
        sg_style style;
        sg_badge badge;
    } bad[] = {
        {SG_FORMAT_HTML, SG_STYLE_MD_DISCORD, SG_BADGE_AUTO},
        {SG_FORMAT_HTML, SG_STYLE_MD_REDDIT, SG_BADGE_AUTO},
        {SG_FORMAT_HTML, SG_STYLE_PLAIN, SG_BADGE_AUTO},
        {SG_FORMAT_PLAIN, SG_STYLE_HTML_SPAN, SG_BADGE_AUTO},
        {SG_FORMAT_PLAIN, SG_STYLE_HTML_DETAILS, SG_BADGE_AUTO},
        {SG_FORMAT_PLAIN, SG_STYLE_MD_HTML, SG_BADGE_AUTO},
        {SG_FORMAT_PLAIN, SG_STYLE_PLAIN, SG_BADGE_HTML},
        {SG_FORMAT_PLAIN, SG_STYLE_PLAIN, SG_BADGE_SVG},
        {SG_FORMAT_PLAIN, SG_STYLE_PLAIN, SG_BADGE_IMAGE},
    };
    static const char text[] = "<p>The hero dies.</p>";
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        sg_analysis *a = sg_t_analysis_of(text, sizeof text - 1, bad[i].fmt, bad[i].style,
                                          bad[i].badge);
        sg_error err;
        size_t ol;
        assert_null(sg_render(a, &ol, &err));
        assert_int_equal(err.status, SG_ERR_USAGE);
        assert_true(strlen(err.message) > 10);
        sg_analysis_free(a);
    }
}

static void warning_can_be_left_out_or_put_after_the_title(void **state)
{
    (void)state;
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    o.warning = 0;
    sg_analysis *a;
    sg_error err;
    assert_int_equal(
        sg_analyze(sg_t_engine(), sg_t_html_doc, sizeof sg_t_html_doc - 1, &o, &a, &err),
        SG_OK);
    size_t ol;
    char *out = sg_render(a, &ol, &err);
    assert_int_equal(count(out, ol, "spoiler-warning"), 0);
    assert_null(sg_analysis_markup(a, "warning", NULL));
    sg_free(out);
    sg_analysis_free(a);

    o.warning = 2;
    assert_int_equal(
        sg_analyze(sg_t_engine(), sg_t_html_doc, sizeof sg_t_html_doc - 1, &o, &a, &err),
        SG_OK);
    out = sg_t_check_render(a, sg_t_html_doc, sizeof sg_t_html_doc - 1, SG_FORMAT_HTML,
                            &o, &ol);
    assert_int_equal(count(out, ol, "</h1>\n<p class=\"spoiler-warning\""), 1);
    sg_free(out);
    sg_analysis_free(a);
}

/* ---- hooks ------------------------------------------------------------------ */

static void hook_markup_is_wrapped_in_the_signature(void **state)
{
    (void)state;
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    sg_analysis *a = sg_t_analysis_of(sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                      SG_FORMAT_HTML, SG_STYLE_AUTO, SG_BADGE_AUTO);
    const char *w = "<aside><div>Careful!</div></aside>";
    assert_int_equal(sg_analysis_set_markup(a, "warning", w, strlen(w)), SG_OK);
    size_t ol;
    char *out = sg_t_check_render(a, sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                  SG_FORMAT_HTML, &o, &ol);
    assert_int_equal(count(out, ol,
                           "<div data-spoilerguard=\"warning\"><aside><div>Careful!"
                           "</div></aside></div>"),
                     1);
    sg_free(out);
    /* markup that would break the signature is refused, not inserted */
    const char *bad = "<div>unclosed";
    assert_int_equal(sg_analysis_set_markup(a, "warning", bad, strlen(bad)), SG_OK);
    sg_error err;
    assert_null(sg_render(a, &ol, &err));
    assert_int_equal(err.status, SG_ERR_HOOK);
    assert_non_null(strstr(err.message, "warning"));
    assert_int_equal(sg_analysis_set_markup(a, "warning", NULL, 0), SG_OK);
    const char *js = "{\"a\":\"</script>\"}";
    assert_int_equal(sg_analysis_set_markup(a, "jsonld", js, strlen(js)), SG_OK);
    assert_null(sg_render(a, &ol, &err));
    assert_int_equal(err.status, SG_ERR_HOOK);
    sg_analysis_free(a);

    o.format = SG_FORMAT_MARKDOWN;
    a = sg_t_analysis_of(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                         SG_STYLE_AUTO, SG_BADGE_AUTO);
    const char *mw = "> **Heads up!**\n> Spoilers below.\n";
    assert_int_equal(sg_analysis_set_markup(a, "warning", mw, strlen(mw)), SG_OK);
    out = sg_t_check_render(a, sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                            &o, &ol);
    assert_int_equal(count(out, ol,
                           "<!--sg:w-->\n> **Heads up!**\n> Spoilers below.\n\n"
                           "<!--/sg-->\n"),
                     1);
    sg_free(out);
    const char *mb = "x<!--/sg-->y";
    assert_int_equal(sg_analysis_set_markup(a, "warning", mb, strlen(mb)), SG_OK);
    assert_null(sg_render(a, &ol, &err));
    assert_int_equal(err.status, SG_ERR_HOOK);
    sg_analysis_free(a);

    o.format = SG_FORMAT_PLAIN;
    a = sg_t_analysis_of(sg_t_plain_doc, sizeof sg_t_plain_doc - 1, SG_FORMAT_PLAIN,
                         SG_STYLE_AUTO, SG_BADGE_AUTO);
    const char *pw = "!! Spoilers ahead !!";
    assert_int_equal(sg_analysis_set_markup(a, "warning", pw, strlen(pw)), SG_OK);
    out = sg_t_check_render(a, sg_t_plain_doc, sizeof sg_t_plain_doc - 1, SG_FORMAT_PLAIN,
                            &o, &ol);
    assert_int_equal(count(out, ol,
                           "\n\xE2\x9A\xA0 !! Spoilers ahead !! 1 passage is marked "
                           "below.\n\n"),
                     1);
    sg_free(out);
    /* a badge hook's text goes inside [Rating · ...] */
    const char *pb = "two of five";
    assert_int_equal(sg_analysis_set_markup(a, "badge", pb, strlen(pb)), SG_OK);
    out = sg_t_check_render(a, sg_t_plain_doc, sizeof sg_t_plain_doc - 1, SG_FORMAT_PLAIN,
                            &o, &ol);
    assert_int_equal(count(out, ol, "Blade Falls Review\n[Rating · two of five]\n"), 1);
    sg_free(out);
    /* what would break the visible form is refused, saying why */
    static const struct {
        const char *what, *text, *why;
    } broken[] = {{"warning", "Spoilers\nahead", "one line"},
                  {"badge", "[3/5]", "brackets"},
                  {"badge", "3/5\n", "one line"}};
    for (size_t i = 0; i < sizeof broken / sizeof *broken; i++) {
        assert_int_equal(sg_analysis_set_markup(a, broken[i].what, broken[i].text,
                                                strlen(broken[i].text)),
                         SG_OK);
        assert_null(sg_render(a, &ol, &err));
        assert_int_equal(err.status, SG_ERR_HOOK);
        if (!strstr(err.message, broken[i].what) || !strstr(err.message, broken[i].why))
            fail_msg("%s hook \"%s\": %s", broken[i].what, broken[i].text, err.message);
        assert_int_equal(sg_analysis_set_markup(a, broken[i].what, NULL, 0), SG_OK);
    }
    sg_analysis_free(a);

    /* Discord's warning never holds its mark's syntax, a hook's neither */
    o.format = SG_FORMAT_MARKDOWN;
    o.style = SG_STYLE_MD_DISCORD;
    a = sg_t_analysis_of(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                         SG_STYLE_MD_DISCORD, SG_BADGE_AUTO);
    const char *dw = "Careful || here";
    assert_int_equal(sg_analysis_set_markup(a, "warning", dw, strlen(dw)), SG_OK);
    assert_null(sg_render(a, &ol, &err));
    assert_int_equal(err.status, SG_ERR_HOOK);
    assert_non_null(strstr(err.message, "syntax"));
    sg_analysis_free(a);
}

static void default_markup_is_unsigned(void **state)
{
    (void)state;
    sg_analysis *a = sg_t_analysis_of(sg_t_html_doc, sizeof sg_t_html_doc - 1,
                                      SG_FORMAT_HTML, SG_STYLE_AUTO, SG_BADGE_AUTO);
    size_t n;
    char *w = sg_analysis_markup(a, "warning", &n);
    assert_non_null(w);
    assert_int_equal(n, strlen(w));
    assert_non_null(strstr(w, "<p class=\"spoiler-warning\" role=\"note\">"));
    assert_null(strstr(w, SG_ATTR));
    sg_free(w);
    sg_analysis_set_rating(a, NULL);
    assert_null(sg_analysis_markup(a, "badge", &n));
    assert_null(sg_analysis_markup(a, "nonsense", &n));
    sg_analysis_free(a);

    a = sg_t_analysis_of(sg_t_md_doc, sizeof sg_t_md_doc - 1, SG_FORMAT_MARKDOWN,
                         SG_STYLE_AUTO, SG_BADGE_AUTO);
    w = sg_analysis_markup(a, "warning", &n);
    assert_non_null(w);
    assert_string_equal(
        w, "> **Spoiler warning:** this review reveals plot details (deaths, "
           "ending).");
    sg_free(w);
    assert_null(sg_analysis_markup(a, "jsonld", &n));
    sg_analysis_free(a);
}

/* ---- odd input ------------------------------------------------------------- */

static void crlf_input_gets_crlf_line_breaks(void **state)
{
    (void)state;
    static const char md[] = "# T\r\n\r\nIntro text.\r\n\r\nThe hero dies.\r\n";
    size_t ol;
    char *out = roundtrip(md, sizeof md - 1, SG_FORMAT_MARKDOWN, SG_STYLE_MD_DISCORD,
                          SG_BADGE_AUTO, &ol);
    assert_int_equal(count(out, ol,
                           "\r\n\xE2\x9A\xA0 Spoiler warning (deaths): 1 passage is "
                           "marked below.\r\n\r\n||death: The hero dies.||"),
                     1);
    assert_int_equal(count(out, ol, "\n"), count(out, ol, "\r\n"));
    sg_free(out);
}

static void nul_bytes_and_invalid_utf8_round_trip(void **state)
{
    (void)state;
    static const char t[] = "He\0 dies \xff\xfe at the end.\n\nThe villain \xc3 dies.\n";
    size_t ol;
    for (int s = 0; s < 2; s++) {
        char *out =
            roundtrip(t, sizeof t - 1, SG_FORMAT_PLAIN,
                      s ? SG_STYLE_MD_REDDIT : SG_STYLE_PLAIN, SG_BADGE_AUTO, &ol);
        assert_true(ol > sizeof t - 1);
        sg_free(out);
    }
    static const char h[] =
        "<p>He\0 dies \xff at <b>the end</p><p a='>'>Then she <i>dies.";
    char *out = roundtrip(h, sizeof h - 1, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN,
                          SG_BADGE_AUTO, &ol);
    sg_free(out);
    out = roundtrip(h, sizeof h - 1, SG_FORMAT_HTML, SG_STYLE_HTML_DETAILS, SG_BADGE_AUTO,
                    &ol);
    sg_free(out);
}

/* Documents stitched from fragments of every format's syntax: each style
 * that fits round-trips and is idempotent. */
static void random_documents_round_trip_and_stay_idempotent(void **state)
{
    (void)state;
    static const char *const words[] = {"The hero dies",
                                        "in the end",
                                        "at the end",
                                        "he kills her",
                                        "nice score",
                                        "Rating: 3/5",
                                        "the zorblax",
                                        "film",
                                        "and",
                                        "mood",
                                        ".",
                                        ". ",
                                        ", ",
                                        "!",
                                        "?"};
    static const char *const md_syn[] = {"\n\n",   "\n",
                                         "\n> ",   "\n- ",
                                         "\n1. ",  "*",
                                         "**",     "_",
                                         "`",      "||",
                                         ">!",     "!<",
                                         "[",      "](u)",
                                         "\n# ",   "\n---\n",
                                         "\r\n",   "  ",
                                         "\n    ", "<em>",
                                         "</em>",  "\n| a | b |\n|---|---|\n| ",
                                         " | "};
    static const char *const html_syn[] = {"<p>",        "</p>",
                                           "<em>",       "</em>",
                                           "<b>",        "<br>",
                                           "<li>",       "<ul>",
                                           "</ul>",      "<h2>",
                                           "</h2>",      "&amp;",
                                           "<!-- c -->", "<span class=\"spoiler\">",
                                           "</span>",    "\n",
                                           "<div>",      "</div>",
                                           "<td>",       "<table><tr>"};
    static const char *const plain_syn[] = {"\n\n", "\n", "\r\n", "  ", "- ",
                                            "\t",   "\0", "\xff", "||", "\n\n\n"};
    uint32_t seed = 2024;
    sg_buf b;
    sg_buf_init(&b);
    for (int iter = 0; iter < 150; iter++) {
        for (int fmt = SG_FORMAT_PLAIN; fmt <= SG_FORMAT_HTML; fmt++) {
            const char *const *syn = fmt == SG_FORMAT_PLAIN      ? plain_syn
                                     : fmt == SG_FORMAT_MARKDOWN ? md_syn
                                                                 : html_syn;
            size_t nsyn = fmt == SG_FORMAT_PLAIN ? sizeof plain_syn / sizeof *plain_syn
                          : fmt == SG_FORMAT_MARKDOWN
                              ? sizeof md_syn / sizeof *md_syn
                              : sizeof html_syn / sizeof *html_syn;
            b.len = 0;
            int parts = 4 + iter % 30;
            for (int k = 0; k < parts; k++) {
                seed = seed * 1103515245u + 12345u;
                const char *f;
                if ((seed >> 16) % 3)
                    f = words[(seed >> 4) % (sizeof words / sizeof *words)];
                else
                    f = syn[(seed >> 4) % nsyn];
                sg_buf_put(&b, f, f[0] ? strlen(f) : 1);
                sg_buf_putc(&b, ' ');
            }
            const sg_style *styles;
            size_t nst;
            static const sg_style ps[] = {SG_STYLE_PLAIN, SG_STYLE_MD_DISCORD,
                                          SG_STYLE_MD_PANDOC};
            static const sg_style ms[] = {SG_STYLE_MD_DISCORD,   SG_STYLE_MD_REDDIT,
                                          SG_STYLE_MD_PANDOC,    SG_STYLE_MD_HTML,
                                          SG_STYLE_HTML_DETAILS, SG_STYLE_PLAIN};
            static const sg_style hs[] = {SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS};
            if (fmt == SG_FORMAT_PLAIN)
                styles = ps, nst = 3;
            else if (fmt == SG_FORMAT_MARKDOWN)
                styles = ms, nst = 6;
            else
                styles = hs, nst = 2;
            for (size_t s = 0; s < nst; s++) {
                size_t ol;
                char *out = roundtrip(b.data, b.len, (sg_format)fmt, styles[s],
                                      SG_BADGE_AUTO, &ol);
                sg_free(out);
            }
        }
    }
    sg_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_style_round_trips),
        cmocka_unit_test(discord_and_reddit_marks_are_labelled_text),
        cmocka_unit_test(markdown_styles_round_trip),
        cmocka_unit_test(hugo_shortcode_arguments_are_sanitised),
        cmocka_unit_test(html_styles_round_trip),
        cmocka_unit_test(html_unbalanced_sentence_wrapped_in_pieces),
        cmocka_unit_test(markdown_line_start_pieces_use_the_suffix_form),
        cmocka_unit_test(broken_markup_falls_back_to_spans),
        cmocka_unit_test(misnested_block_falls_back_to_spans),
        cmocka_unit_test(authors_own_marks_survive_and_are_not_marked_twice),
        cmocka_unit_test(jsonld_is_valid_json_and_injection_stays_inert),
        cmocka_unit_test(jsonld_rating_follows_schema_org_for_each_kind),
        cmocka_unit_test(warning_badge_and_labels_are_escaped),
        cmocka_unit_test(style_and_badge_that_do_not_fit_are_usage_errors),
        cmocka_unit_test(warning_can_be_left_out_or_put_after_the_title),
        cmocka_unit_test(hook_markup_is_wrapped_in_the_signature),
        cmocka_unit_test(default_markup_is_unsigned),
        cmocka_unit_test(crlf_input_gets_crlf_line_breaks),
        cmocka_unit_test(nul_bytes_and_invalid_utf8_round_trip),
        cmocka_unit_test(random_documents_round_trip_and_stay_idempotent),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_render_engine, sg_t_teardown_engine);
}
