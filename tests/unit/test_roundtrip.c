/* test_roundtrip.c -- every seed review, as plain text and turned into
 * Markdown and HTML (with navigation, a script and a related-posts box around
 * the article), and every real post of the corpus, as the Markdown or HTML it
 * is and read as plain text, gives a valid report, an annotated article with
 * something inserted and no invisible character the input did not hold, a
 * byte-exact strip and an unchanged second pass, in every style that fits
 * its format. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "spoilerguard.h"
#include "sg_internal.h"
#include "sg_test_util.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

static const char *const seeds[] = {"ballerina-411mania.txt", "ballerina-butwhytho.txt",
                                    "ballerina-scmp.txt", "ballerina-user-review.txt"};

/* The seed as Markdown: a heading, paragraphs, bullets as list items. */
static char *to_markdown(const char *src, size_t len, size_t *out_len)
{
    sg_buf b;
    sg_buf_init(&b);
    int first = 1;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && src[e] != '\n')
            e++;
        size_t s = i;
        while (s < e && (src[s] == ' ' || src[s] == '\t'))
            s++;
        if (e > s) {
            if (first)
                sg_buf_puts(&b, "# ");
            else if (e - s > 3 && !memcmp(src + s, "\xE2\x80\xA2", 3)) {
                sg_buf_puts(&b, "- ");
                s += 3;
                while (s < e && src[s] == ' ')
                    s++;
            }
            for (size_t k = s; k < e; k++) {
                /* keep Markdown syntax out of the seed's own text */
                if (strchr("*_`[]<>#|\\", src[k]))
                    sg_buf_putc(&b, '\\');
                sg_buf_putc(&b, src[k]);
            }
            sg_buf_puts(&b, "\n\n");
            first = 0;
        }
        i = e + 1;
    }
    return sg_buf_take(&b, out_len);
}

/* The seed as an HTML page: navigation, a script, the article, related posts. */
static char *to_html(const char *src, size_t len, size_t *out_len)
{
    sg_buf b;
    sg_buf_init(&b);
    sg_buf_puts(&b, "<!doctype html>\n<html><head><meta charset=\"utf-8\">"
                    "<title>Review</title>\n<script>var msg = \"<p>Everyone dies "
                    "in the end.</p>\"; if (a < b) { kill(); }</script>\n</head>\n<body>\n"
                    "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li>"
                    "<li><a href=\"/reviews\">Reviews</a></li><li><a href=\"/news\">"
                    "Killer deals</a></li></ul></nav>\n<article>\n");
    int first = 1;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && src[e] != '\n')
            e++;
        size_t s = i;
        while (s < e && (src[s] == ' ' || src[s] == '\t'))
            s++;
        if (e > s) {
            sg_buf_puts(&b, first ? "<h1>" : "<p>");
            sg_buf_put_html(&b, src + s, e - s);
            sg_buf_puts(&b, first ? "</h1>\n" : "</p>\n");
            first = 0;
        }
        i = e + 1;
    }
    sg_buf_puts(&b, "</article>\n<aside class=\"related-posts\"><h2>Related Posts</h2><ul>"
                    "<li><span>6.0</span> <a href=\"/x\">REVIEW: In 'Other Film' the hero "
                    "dies in the final scene</a></li><li><span>9.5</span> <a href=\"/y\">"
                    "REVIEW: 'Weapons' Is Unsettling</a></li></ul></aside>\n"
                    "<footer>Copyright 2025</footer>\n</body></html>\n");
    return sg_buf_take(&b, out_len);
}

static void check_one(const char *name, const char *text, size_t len, sg_format fmt,
                      sg_style style)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    sg_error err;
    sg_analysis *a = NULL;
    if (sg_analyze(sg_t_engine(), text, len, &o, &a, &err) != SG_OK)
        fail_msg("%s (%s): analyze failed: %s", name, sg_format_name(fmt), err.message);

    size_t rl;
    char *rep = sg_analysis_report(a, NULL, 0, &rl);
    assert_non_null(rep);
    if (!sg_t_json_valid(rep, rl))
        fail_msg("%s (%s): report is not valid JSON: %.300s", name, sg_format_name(fmt), rep);
    sg_free(rep);

    size_t ol;
    char *out = sg_render(a, &ol, &err);
    if (!out)
        fail_msg("%s (%s, %s): render failed: %s", name, sg_format_name(fmt),
                 sg_style_name(style), err.message);
    size_t markable = sg_t_markable_unmarked(a, text, &o);
    if (markable && ol <= len)
        fail_msg("%s (%s, %s): %zu flags but nothing inserted", name, sg_format_name(fmt),
                 sg_style_name(style), markable);
    /* what is inserted is visible: it holds no invisible character */
    if (sg_t_invisible_count(out, ol) != sg_t_invisible_count(text, len))
        fail_msg("%s (%s, %s): the output holds %zu invisible characters, the input %zu",
                 name, sg_format_name(fmt), sg_style_name(style),
                 sg_t_invisible_count(out, ol), sg_t_invisible_count(text, len));

    size_t sl;
    char *back = sg_strip(out, ol, fmt, &sl, &err);
    assert_non_null(back);
    if (sl != len || memcmp(back, text, len)) {
        size_t k = sg_t_first_diff(back, sl, text, len);
        fail_msg("%s (%s, %s): strip differs from the input at byte %zu: got \"%.60s\" "
                 "want \"%.60s\"",
                 name, sg_format_name(fmt), sg_style_name(style), k, back + k, text + k);
    }
    sg_free(back);

    /* a second pass inserts nothing */
    sg_analysis *a2 = NULL;
    if (sg_analyze(sg_t_engine(), out, ol, &o, &a2, &err) != SG_OK)
        fail_msg("%s: second analyze failed: %s", name, err.message);
    size_t ol2;
    char *out2 = sg_render(a2, &ol2, &err);
    assert_non_null(out2);
    if (ol2 != ol || memcmp(out2, out, ol)) {
        size_t k = 0;
        while (k < ol && k < ol2 && out[k] == out2[k])
            k++;
        fail_msg("%s (%s, %s): the second pass changed byte %zu: \"%.80s\" vs \"%.80s\"",
                 name, sg_format_name(fmt), sg_style_name(style), k, out2 + k, out + k);
    }
    /* md-obsidian leaves a block out by design (a line led by a tab, code in
     * its list or quote, raw HTML): it reports those flags unmarked */
    if (style != SG_STYLE_MD_OBSIDIAN && sg_t_markable_unmarked(a2, out, &o) != 0)
        fail_msg("%s (%s, %s): %zu flags still unmarked after marking", name,
                 sg_format_name(fmt), sg_style_name(style),
                 sg_t_markable_unmarked(a2, out, &o));
    sg_free(out2);
    sg_analysis_free(a2);
    sg_free(out);
    sg_analysis_free(a);
}

static void for_each_seed(void (*fn)(const char *name, const char *text, size_t len))
{
    int found = 0;
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/seeds/%s", SG_CORPUS_DIR, seeds[i]);
        size_t len;
        char *text = sg_t_slurp(path, &len);
        if (!text)
            continue;
        found++;
        fn(seeds[i], text, len);
        free(text);
    }
    if (!found)
        skip(); /* the corpus is not beside the project */
}

/* check_one in every style that fits format `fmt` (those --help lists). */
static void every_style(const char *name, const char *text, size_t len, sg_format fmt)
{
    static const sg_style plain[] = {SG_STYLE_AUTO, SG_STYLE_PLAIN, SG_STYLE_MD_DISCORD,
                                     SG_STYLE_MD_REDDIT, SG_STYLE_MD_PANDOC};
    static const sg_style md[] = {
        SG_STYLE_AUTO,       SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS,
        SG_STYLE_MD_DISCORD, SG_STYLE_MD_REDDIT, SG_STYLE_MD_PANDOC,
        SG_STYLE_MD_HTML,    SG_STYLE_MD_HUGO,   SG_STYLE_PLAIN,
        SG_STYLE_MD_OBSIDIAN};
    static const sg_style html[] = {SG_STYLE_AUTO, SG_STYLE_HTML_SPAN,
                                    SG_STYLE_HTML_DETAILS, SG_STYLE_MD_HTML};
    const sg_style *styles = fmt == SG_FORMAT_PLAIN      ? plain
                             : fmt == SG_FORMAT_MARKDOWN ? md
                                                         : html;
    size_t n = fmt == SG_FORMAT_PLAIN      ? sizeof plain / sizeof *plain
               : fmt == SG_FORMAT_MARKDOWN ? sizeof md / sizeof *md
                                           : sizeof html / sizeof *html;
    for (size_t i = 0; i < n; i++)
        check_one(name, text, len, fmt, styles[i]);
}

static void plain_styles(const char *name, const char *text, size_t len)
{
    every_style(name, text, len, SG_FORMAT_PLAIN);
}

static void markdown_styles(const char *name, const char *text, size_t len)
{
    size_t ml;
    char *md = to_markdown(text, len, &ml);
    assert_non_null(md);
    every_style(name, md, ml, SG_FORMAT_MARKDOWN);
    free(md);
}

static void html_styles(const char *name, const char *text, size_t len)
{
    size_t hl;
    char *html = to_html(text, len, &hl);
    assert_non_null(html);
    every_style(name, html, hl, SG_FORMAT_HTML);
    free(html);
}

/* Nothing outside <article> is flagged: not the script, the menu or the
 * related posts, and they are listed as skipped. */
static void html_chrome(const char *name, const char *text, size_t len)
{
    size_t hl;
    char *html = to_html(text, len, &hl);
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_HTML;
    sg_analysis *a;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), html, hl, &o, &a, &err), SG_OK);
    const char *art = strstr(html, "<article>");
    const char *art_end = strstr(html, "</article>");
    size_t n;
    const sg_flag *f = sg_analysis_flags(a, &n);
    for (size_t i = 0; i < n; i++)
        if (f[i].start < (size_t)(art - html) || f[i].end > (size_t)(art_end - html))
            fail_msg("%s: a flag outside the article at %zu: %.80s", name, f[i].start,
                     html + f[i].start);
    const sg_rating *r = sg_analysis_rating(a);
    if (r && (strstr(r->text, "6.0") || strstr(r->text, "9.5")))
        fail_msg("%s: took a related post's score %s", name, r->text);
    size_t rl;
    char *rep = sg_analysis_report(a, NULL, 0, &rl);
    if (!strstr(rep, "\"navigation\"") || !strstr(rep, "\"script\""))
        fail_msg("%s: navigation or script not listed as skipped: %.400s", name,
                 strstr(rep, "\"skipped\""));
    sg_free(rep);
    sg_analysis_free(a);
    free(html);
}

static void seeds_plain_round_trip_and_idempotent(void **state)
{
    (void)state;
    for_each_seed(plain_styles);
}

static void seeds_markdown_round_trip_and_idempotent(void **state)
{
    (void)state;
    for_each_seed(markdown_styles);
}

static void seeds_html_round_trip_and_idempotent(void **state)
{
    (void)state;
    for_each_seed(html_styles);
}

static void seeds_html_chrome_never_flagged(void **state)
{
    (void)state;
    for_each_seed(html_chrome);
}

/* Every real post, as the Markdown or HTML it is and read as plain text. */
static void realposts_every_style_round_trip_with_nothing_invisible(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/realposts/files", SG_CORPUS_DIR);
    DIR *d = opendir(dir);
    if (!d)
        skip(); /* the corpus is not beside the project */
    size_t posts = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t nl = strlen(e->d_name);
        int md = nl > 3 && !strcmp(e->d_name + nl - 3, ".md");
        int html = nl > 5 && !strcmp(e->d_name + nl - 5, ".html");
        if (!md && !html)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *text = sg_t_slurp(path, &len);
        assert_non_null(text);
        every_style(e->d_name, text, len, md ? SG_FORMAT_MARKDOWN : SG_FORMAT_HTML);
        every_style(e->d_name, text, len, SG_FORMAT_PLAIN);
        free(text);
        posts++;
    }
    closedir(d);
    assert_true(posts > 0);
}

/* Odd input: NUL bytes, invalid UTF-8, CRLF, empty: processed as is. */
static void odd_input_round_trips(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len;
        sg_format fmt;
    } cases[] = {
        {"", 0, SG_FORMAT_PLAIN},
        {"He dies\0 at the end. Then she kills him.", 41, SG_FORMAT_PLAIN},
        {"Bad \xff\xfe bytes. The hero dies in the final scene.\r\n", 50, SG_FORMAT_PLAIN},
        {"# T\r\n\r\nThe villain \xc3 dies in the end.\r\n", 39, SG_FORMAT_MARKDOWN},
        {"<p>Cut off: the hero dies in the fin", 36, SG_FORMAT_HTML},
        {"<p a=\"", 6, SG_FORMAT_HTML},
        {"```\nunclosed fence: he dies\n", 28, SG_FORMAT_MARKDOWN},
    };
    const sg_style styles[][2] = {{SG_STYLE_PLAIN, SG_STYLE_PLAIN},
                                  {SG_STYLE_MD_DISCORD, SG_STYLE_MD_HTML},
                                  {SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int k = cases[i].fmt == SG_FORMAT_PLAIN ? 0 : cases[i].fmt == SG_FORMAT_MARKDOWN ? 1 : 2;
        for (int s = 0; s < 2; s++)
            check_one("odd input", cases[i].text, cases[i].len, cases[i].fmt, styles[k][s]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seeds_plain_round_trip_and_idempotent),
        cmocka_unit_test(seeds_markdown_round_trip_and_idempotent),
        cmocka_unit_test(seeds_html_round_trip_and_idempotent),
        cmocka_unit_test(seeds_html_chrome_never_flagged),
        cmocka_unit_test(realposts_every_style_round_trip_with_nothing_invisible),
        cmocka_unit_test(odd_input_round_trips),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
