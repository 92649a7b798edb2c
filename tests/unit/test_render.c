/* test_render.c -- the annotated article in every style: something is
 * inserted, stripping gives the input back byte for byte, a second pass
 * inserts nothing, the author's own marks are left alone, inserted text is
 * escaped, JSON-LD is valid and inert, hooks' markup is signed. */
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

static sg_engine *engine;

/* A small rule set, so which sentences are flagged does not follow the
 * default packs. */
static int setup(void **state)
{
    (void)state;
    sg_error err;
    engine = sg_engine_new_empty(&err);
    if (!engine)
        return -1;
    static const char *const death[] = {"\\b(?:dies|died|kills|killed)\\b", NULL};
    static const char *const ending[] = {"\\b(?:in the end|at the end|final act)\\b",
                                         NULL};
    static const char *const odd[] = {"\\bzorblax\\b", NULL};
    sg_rule_def d;
    memset(&d, 0, sizeof d);
    d.id = "t.death";
    d.kind = "death";
    d.severity = SG_MAJOR;
    d.confidence = 0.95;
    d.patterns = death;
    if (sg_engine_add_rule(engine, &d, &err) != SG_OK)
        return -1;
    d.id = "t.ending";
    d.kind = "ending";
    d.patterns = ending;
    if (sg_engine_add_rule(engine, &d, &err) != SG_OK)
        return -1;
    d.id = "t.odd";
    d.kind = "x<y>*_|z";
    d.patterns = odd;
    if (sg_engine_add_rule(engine, &d, &err) != SG_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sg_engine_free(engine);
    return 0;
}

static sg_analysis *analyze(const char *text, size_t len, sg_format fmt, sg_style style,
                            sg_badge badge)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    o.badge = badge;
    sg_analysis *a = NULL;
    sg_error err;
    if (sg_analyze(engine, text, len, &o, &a, &err) != SG_OK)
        fail_msg("analyze failed: %s", err.message);
    return a;
}

static size_t count(const char *hay, size_t n, const char *needle)
{
    return sg_t_count(hay, n, needle);
}

/* Render `a` (over `text`), check the invariants, return the output. */
static char *check_render(sg_analysis *a, const char *text, size_t len, sg_format fmt,
                          const sg_options *opts2, size_t *out_len)
{
    sg_error err;
    size_t ol;
    char *out = sg_render(a, &ol, &err);
    if (!out)
        fail_msg("render failed: %s", err.message);
    if (sg_t_markable_unmarked(a, text, opts2) && ol <= len)
        fail_msg("flags but nothing inserted in: %.*s", (int)len, text);

    size_t sl;
    char *back = sg_strip(out, ol, fmt, &sl, &err);
    assert_non_null(back);
    if (sl != len || memcmp(back, text, len)) {
        size_t k = 0;
        while (k < sl && k < len && back[k] == text[k])
            k++;
        fail_msg("strip differs at byte %zu: got \"%.40s\" want \"%.40s\"\noutput: %.*s",
                 k, back + k, text + k, (int)ol, out);
    }
    sg_free(back);

    sg_analysis *a2 = NULL;
    if (sg_analyze(engine, out, ol, opts2, &a2, &err) != SG_OK)
        fail_msg("second analyze failed: %s", err.message);
    size_t ol2;
    char *out2 = sg_render(a2, &ol2, &err);
    assert_non_null(out2);
    if (ol2 != ol || memcmp(out2, out, ol)) {
        size_t k = 0;
        while (k < ol && k < ol2 && out[k] == out2[k])
            k++;
        fail_msg("the second pass changed byte %zu: \"%.60s\" vs \"%.60s\"", k, out2 + k,
                 out + k);
    }
    if (sg_t_markable_unmarked(a2, out, opts2))
        fail_msg("%zu flags unmarked after marking: %.*s",
                 sg_t_markable_unmarked(a2, out, opts2), (int)ol, out);
    sg_free(out2);
    sg_analysis_free(a2);
    *out_len = ol;
    return out;
}

/* check_render of Markdown in `style` with `badge`. */
static char *check_markdown_render(sg_analysis *a, const char *text, size_t len, sg_style style,
                                   sg_badge badge, size_t *out_len)
{
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_MARKDOWN;
    o.style = style;
    o.badge = badge;
    return check_render(a, text, len, SG_FORMAT_MARKDOWN, &o, out_len);
}

static char *roundtrip(const char *text, size_t len, sg_format fmt, sg_style style,
                       sg_badge badge, size_t *out_len)
{
    sg_analysis *a = analyze(text, len, fmt, style, badge);
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    o.badge = badge;
    char *out = check_render(a, text, len, fmt, &o, out_len);
    sg_analysis_free(a);
    return out;
}

static const char plain_doc[] =
    "Blade Falls Review\n\n"
    "The film opens slowly and builds a strange, lovely mood over its first hour.\n\n"
    "In the final act the hero dies in the fire. His brother walks away.\n\n"
    "Rating: 3/5\n";

static const char md_doc[] =
    "# Blade Falls review\n\n"
    "The film opens slowly and builds a lovely mood.\n\n"
    "In the final act, *the hero dies. Then* his brother kills the villain.\n\n"
    "> In the end, the villain\n> dies in the fire. A quote.\n\n"
    "- In the end the queen dies.\n- Nice score.\n\n"
    "| a | b |\n|---|---|\n| At the end the king dies. | x |\n\n"
    "Rating: 4/5\n";

static const char html_doc[] =
    "<!DOCTYPE html><html><head><title>Blade Falls review</title></head><body>\n"
    "<h1>Blade Falls review</h1>\n"
    "<p>The film opens slowly and builds a lovely mood.</p>\n"
    "<p>In the final act, <em>the hero dies. Then</em> his brother kills the "
    "villain.</p>\n"
    "<ul><li>In the end the queen dies.</li><li>Nice score.</li></ul>\n"
    "<p>Rating: 4/5</p>\n</body></html>\n";

static void plain_style_round_trips(void **state)
{
    (void)state;
    size_t ol;
    char *out = roundtrip(plain_doc, sizeof plain_doc - 1, SG_FORMAT_PLAIN,
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
        char *out = roundtrip(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, styles[i],
                              SG_BADGE_AUTO, &ol);
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
    sg_analysis *a = analyze(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_STYLE_MD_HUGO,
                             SG_BADGE_NONE);
    size_t n = 0;
    sg_analysis_flags(a, &n);
    assert_true(n > 0);
    assert_int_equal(sg_analysis_edit_flag(a, 0, 1, "x\"}}{{<y", -1, -1), SG_OK);
    sg_analysis_finish(a);
    size_t ol;
    char *out = check_markdown_render(a, md_doc, sizeof md_doc - 1, SG_STYLE_MD_HUGO,
                                      SG_BADGE_NONE, &ol);
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
        char *out = roundtrip(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, styles[i],
                              SG_BADGE_AUTO, &ol);
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
    char *out = roundtrip(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML,
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
    char *out = roundtrip(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN,
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
        char *out = roundtrip(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN,
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
    sg_analysis *a = analyze(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, SG_STYLE_AUTO,
                             SG_BADGE_AUTO);
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
    char *out = check_render(a, html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, &o, &ol);
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
        sg_analysis *a = analyze(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML,
                                 SG_STYLE_AUTO, SG_BADGE_AUTO);
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
    sg_analysis *a =
        analyze(md, sizeof md - 1, SG_FORMAT_MARKDOWN, SG_STYLE_MD_HTML, SG_BADGE_TEXT);
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
    a = analyze(html, sizeof html - 1, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN, SG_BADGE_HTML);
    assert_int_equal(sg_analysis_set_rating(a, &r), SG_OK);
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    o.style = SG_STYLE_HTML_SPAN;
    o.badge = SG_BADGE_HTML;
    out = check_render(a, html, sizeof html - 1, SG_FORMAT_HTML, &o, &ol);
    assert_int_equal(count(out, ol, "plot details (x&lt;y&gt;*_|z).</p>"), 1);
    assert_int_equal(count(out, ol,
                           "<span class=\"sg-rating\" data-spoilerguard=\"badge\"> "
                           "Verdict: &lt;b&gt;A*&lt;/b&gt;</span>"),
                     1);
    assert_int_equal(count(out, ol, "<b>"), 0);
    sg_free(out);
    sg_analysis_free(a);
}

/* ---- the badge -------------------------------------------------------------- */

static char *render_with_rating(const char *text, size_t len, sg_format fmt,
                                sg_badge badge, size_t *ol)
{
    sg_analysis *a = analyze(text, len, fmt, SG_STYLE_AUTO, badge);
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
    char *out = check_render(a, text, len, fmt, &o, ol);
    sg_analysis_free(a);
    return out;
}

static void badge_forms(void **state)
{
    (void)state;
    size_t ol;
    char *out = render_with_rating(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML,
                                   SG_BADGE_AUTO, &ol);
    assert_int_equal(
        count(out, ol,
              "<h1>Blade Falls review<span class=\"sg-rating\" "
              "data-spoilerguard=\"badge\" role=\"img\" aria-label=\"Rating: "
              "3 out of 5\"> ★★★☆☆ 3/5</span></h1>"),
        1);
    sg_free(out);
    out = render_with_rating(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, SG_BADGE_SVG,
                             &ol);
    assert_int_equal(
        count(out, ol, "<svg class=\"sg-rating\" data-spoilerguard=\"badge\""), 1);
    assert_int_equal(count(out, ol, "<title>Rating: 3 out of 5</title>"), 1);
    sg_free(out);
    out = render_with_rating(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML,
                             SG_BADGE_IMAGE, &ol);
    assert_int_equal(count(out, ol,
                           "<img class=\"sg-rating\" data-spoilerguard=\"badge\" "
                           "alt=\"Rating: 3 out of 5\" style=\"vertical-align:middle;"
                           "margin-left:.3em\" src=\"data:image/svg+xml;base64,"),
                     1);
    sg_free(out);
    out = render_with_rating(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_BADGE_AUTO,
                             &ol);
    assert_int_equal(
        count(out, ol, "# Blade Falls review<!--sg:b--> <span class=\"sg-rating\""), 1);
    sg_free(out);
    out = render_with_rating(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN,
                             SG_BADGE_IMAGE, &ol);
    assert_int_equal(count(out, ol,
                           "<!--sg:b--> ![Rating: 3 out of 5](data:image/svg+xml;"
                           "base64,"),
                     1);
    sg_free(out);
    out = render_with_rating(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_BADGE_NONE,
                             &ol);
    assert_int_equal(count(out, ol, "<!--sg:b-->"), 0);
    sg_free(out);
    out = render_with_rating(plain_doc, sizeof plain_doc - 1, SG_FORMAT_PLAIN,
                             SG_BADGE_AUTO, &ol);
    assert_int_equal(count(out, ol, "Blade Falls Review\n[Rating · ★★★☆☆ 3/5]\n\n"), 1);
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
    sg_analysis *a = analyze(md, sizeof md - 1, SG_FORMAT_MARKDOWN, SG_STYLE_AUTO,
                             SG_BADGE_AUTO);
    size_t ol;
    char *out = check_render(a, md, sizeof md - 1, SG_FORMAT_MARKDOWN, &o, &ol);
    assert_int_equal(count(out, ol, "---\nrating: 4\n---\n\n<span class=\"sg-rating\""),
                     1);
    sg_free(out);
    sg_analysis_free(a);
    o.format = SG_FORMAT_PLAIN;
    a = analyze(plain, sizeof plain - 1, SG_FORMAT_PLAIN, SG_STYLE_AUTO, SG_BADGE_AUTO);
    out = check_render(a, plain, sizeof plain - 1, SG_FORMAT_PLAIN, &o, &ol);
    assert_int_equal(
        count(out, ol, "---\nrating: 4\n---\n\n[Rating · ★★★★☆ 4/5] A ferry"), 1);
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
    const char *doc = fmt == SG_FORMAT_HTML       ? html_doc
                      : fmt == SG_FORMAT_MARKDOWN ? md_doc
                                                  : plain_doc;
    sg_analysis *a = analyze(doc, strlen(doc), fmt, SG_STYLE_AUTO, badge);
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
    char *out = render_with_rating(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN,
                                   SG_BADGE_IMAGE, &ol);
    char *svg = badge_image_svg(out);
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "<title>Rating: 3 out of 5</title>"));
    assert_non_null(strstr(svg, ">3/5</text>"));
    assert_int_equal(count(svg, strlen(svg), "<path "), 5); /* 3 full, 2 outlined */
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
        char *m = badge_for(SG_FORMAT_MARKDOWN, SG_BADGE_TEXT, cases[i].text, cases[i].value,
                            cases[i].scale, NULL);
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
    assert_int_equal(count(m, n, "fill=\"#f5b301\"/>"), 4);
    assert_int_equal(count(m, n, "fill=\"none\" stroke=\"#f5b301\"/>"), 2);
    assert_int_equal(count(m, n, "d=\"M8 1L5.9 5.6"), 1);
    assert_int_equal(count(m, n, "translate(48 0)"), 2); /* the half: outline and fill */
    const char *t = strstr(m, "<text ");
    assert_non_null(t);
    assert_non_null(strstr(t, ">3.5/5</text>"));
    const char *vb = strstr(m, "viewBox=\"0 0 ");
    assert_non_null(vb);
    double w = strtod(vb + 13, NULL), x = attr_num(t, "x"), len = attr_num(t, "textLength");
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
        sg_analysis *a =
            analyze(text, sizeof text - 1, bad[i].fmt, bad[i].style, bad[i].badge);
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
    assert_int_equal(sg_analyze(engine, html_doc, sizeof html_doc - 1, &o, &a, &err),
                     SG_OK);
    size_t ol;
    char *out = sg_render(a, &ol, &err);
    assert_int_equal(count(out, ol, "spoiler-warning"), 0);
    assert_null(sg_analysis_markup(a, "warning", NULL));
    sg_free(out);
    sg_analysis_free(a);

    o.warning = 2;
    assert_int_equal(sg_analyze(engine, html_doc, sizeof html_doc - 1, &o, &a, &err),
                     SG_OK);
    out = check_render(a, html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, &o, &ol);
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
    sg_analysis *a = analyze(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, SG_STYLE_AUTO,
                             SG_BADGE_AUTO);
    const char *w = "<aside><div>Careful!</div></aside>";
    assert_int_equal(sg_analysis_set_markup(a, "warning", w, strlen(w)), SG_OK);
    size_t ol;
    char *out = check_render(a, html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, &o, &ol);
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
    a = analyze(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_STYLE_AUTO,
                SG_BADGE_AUTO);
    const char *mw = "> **Heads up!**\n> Spoilers below.\n";
    assert_int_equal(sg_analysis_set_markup(a, "warning", mw, strlen(mw)), SG_OK);
    out = check_render(a, md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, &o, &ol);
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
    a = analyze(plain_doc, sizeof plain_doc - 1, SG_FORMAT_PLAIN, SG_STYLE_AUTO,
                SG_BADGE_AUTO);
    const char *pw = "!! Spoilers ahead !!";
    assert_int_equal(sg_analysis_set_markup(a, "warning", pw, strlen(pw)), SG_OK);
    out = check_render(a, plain_doc, sizeof plain_doc - 1, SG_FORMAT_PLAIN, &o, &ol);
    assert_int_equal(count(out, ol,
                           "\n\xE2\x9A\xA0 !! Spoilers ahead !! 1 passage is marked "
                           "below.\n\n"),
                     1);
    sg_free(out);
    /* a badge hook's text goes inside [Rating · ...] */
    const char *pb = "two of five";
    assert_int_equal(sg_analysis_set_markup(a, "badge", pb, strlen(pb)), SG_OK);
    out = check_render(a, plain_doc, sizeof plain_doc - 1, SG_FORMAT_PLAIN, &o, &ol);
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
    a = analyze(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_STYLE_MD_DISCORD,
                SG_BADGE_AUTO);
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
    sg_analysis *a = analyze(html_doc, sizeof html_doc - 1, SG_FORMAT_HTML, SG_STYLE_AUTO,
                             SG_BADGE_AUTO);
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

    a = analyze(md_doc, sizeof md_doc - 1, SG_FORMAT_MARKDOWN, SG_STYLE_AUTO,
                SG_BADGE_AUTO);
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
        cmocka_unit_test(badge_forms),
        cmocka_unit_test(badge_of_a_front_matter_rating_stays_out_of_it),
        cmocka_unit_test(badge_image_decodes_to_svg),
        cmocka_unit_test(badge_half_stars_are_halves_never_rounded_up),
        cmocka_unit_test(badge_grades_and_verdicts_show_as_words),
        cmocka_unit_test(badge_svg_draws_a_half_star_and_the_number),
        cmocka_unit_test(badge_image_fits_what_it_says),
        cmocka_unit_test(style_and_badge_that_do_not_fit_are_usage_errors),
        cmocka_unit_test(warning_can_be_left_out_or_put_after_the_title),
        cmocka_unit_test(hook_markup_is_wrapped_in_the_signature),
        cmocka_unit_test(default_markup_is_unsigned),
        cmocka_unit_test(crlf_input_gets_crlf_line_breaks),
        cmocka_unit_test(nul_bytes_and_invalid_utf8_round_trip),
        cmocka_unit_test(random_documents_round_trip_and_stay_idempotent),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
