/* test_hostile.c -- hostile input through the public API: random and
 * mutated bytes, NUL bytes, invalid UTF-8, truncated and absurdly nested
 * HTML, unclosed Markdown constructs, runs of unclosed author marks, a
 * catastrophic user pattern, the input size limit, and markup injection
 * through metadata.  Every processed input must strip back to itself byte for
 * byte and render the same on a second pass; what cannot be processed gets
 * an error value with a message.  The last tests pin inputs the fuzz targets
 * (tests/fuzz/) found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sg_json.h"
#include "spoilerguard.h"
#include "sg_internal.h"
#include "sg_test_util.h"

/* A C-escaped copy of up to 300 bytes, for failure messages. */
static const char *shown(const char *s, size_t n)
{
    static char out[4 * 300 + 8];
    size_t o = 0;
    for (size_t i = 0; i < n && i < 300; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '\\')
            out[o++] = (char)c;
        else
            o += (size_t)snprintf(out + o, sizeof out - o, "\\x%02x", c);
    }
    if (n > 300)
        o += (size_t)snprintf(out + o, sizeof out - o, "...");
    out[o] = '\0';
    return out;
}

/* A small deterministic generator, so a failure can be replayed. */
static uint64_t rng_state;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const sg_style plain_styles[] = {SG_STYLE_PLAIN, SG_STYLE_MD_DISCORD,
                                        SG_STYLE_MD_REDDIT, SG_STYLE_MD_PANDOC};
static const sg_style md_styles[] = {SG_STYLE_MD_HTML,   SG_STYLE_HTML_DETAILS,
                                     SG_STYLE_MD_DISCORD, SG_STYLE_MD_REDDIT,
                                     SG_STYLE_MD_PANDOC,  SG_STYLE_PLAIN,
                                     SG_STYLE_MD_HUGO,    SG_STYLE_MD_OBSIDIAN};
static const sg_style html_styles[] = {SG_STYLE_HTML_SPAN, SG_STYLE_HTML_DETAILS};

/* A style that fits `fmt`, the k-th of its list (wrapping). */
static sg_style style_for(sg_format fmt, size_t k)
{
    if (fmt == SG_FORMAT_HTML)
        return html_styles[k % (sizeof html_styles / sizeof *html_styles)];
    if (fmt == SG_FORMAT_MARKDOWN)
        return md_styles[k % (sizeof md_styles / sizeof *md_styles)];
    return plain_styles[k % (sizeof plain_styles / sizeof *plain_styles)];
}

/* Analyse `text` as `fmt` in `style`: either an input error with a message
 * (returned), or a valid JSON report, a render that strips back to the
 * text byte for byte, and a second pass that changes nothing.  Texts that
 * already carry spoilerguard's signatures strip to what the text strips to. */
static sg_status check_round_trip(const char *what, const char *text, size_t len,
                                  sg_format fmt, sg_style style)
{
    sg_analysis *a;
    sg_error err;
    sg_status st = sg_t_analyze_as(text, len, fmt, style, &a, &err);
    if (st != SG_OK) {
        if (st != SG_ERR_INPUT || !err.message[0])
            fail_msg("%s (%s, %s): analysis failed with %s: '%s' on \"%s\"", what,
                     sg_format_name(fmt), sg_style_name(style), sg_status_name(st),
                     err.message, shown(text, len));
        return st;
    }
    size_t rlen = 0;
    char *report = sg_analysis_report(a, NULL, 0, &rlen);
    assert_non_null(report);
    sg_json_line line;
    char msg[200];
    if (sg_json_parse_line(report, rlen, 0, &line, msg, sizeof msg) != 0)
        fail_msg("%s (%s): the report is not valid JSON (%s) for \"%s\"", what,
                 sg_format_name(fmt), msg, shown(text, len));
    sg_json_line_free(&line);
    sg_free(report);

    size_t olen = 0;
    char *out = sg_render(a, &olen, &err);
    if (!out)
        fail_msg("%s (%s, %s): render failed: %s on \"%s\"", what, sg_format_name(fmt),
                 sg_style_name(style), err.message, shown(text, len));
    size_t wlen = 0, slen = 0;
    char *want = sg_strip(text, len, fmt, &wlen, &err);
    char *back = sg_strip(out, olen, fmt, &slen, &err);
    assert_non_null(want);
    assert_non_null(back);
    if (slen != wlen || memcmp(back, want, wlen)) {
        size_t at = 0;
        while (at < slen && at < wlen && back[at] == want[at])
            at++;
        fail_msg("%s (%s, %s): strip(render(x)) differs from x at byte %zu of %zu; "
                 "x = \"%s\"",
                 what, sg_format_name(fmt), sg_style_name(style), at, wlen,
                 shown(text, len));
    }
    int signed_input = wlen != len || memcmp(want, text, len);
    sg_free(want);
    sg_free(back);
    /* signatures typed by hand (or garbled) may pair up differently with
     * new marks: only an unsigned text promises an unchanged second pass */
    if (signed_input) {
        sg_free(out);
        sg_analysis_free(a);
        return SG_OK;
    }

    sg_analysis *a2;
    st = sg_t_analyze_as(out, olen, fmt, style, &a2, &err);
    if (st != SG_OK)
        fail_msg("%s (%s): the render cannot be analysed again: %s; x = \"%s\"", what,
                 sg_format_name(fmt), err.message, shown(text, len));
    size_t o2len = 0;
    char *out2 = sg_render(a2, &o2len, &err);
    assert_non_null(out2);
    if (o2len != olen || memcmp(out2, out, olen))
        fail_msg("%s (%s, %s): a second pass changed the output (%zu -> %zu bytes); "
                 "x = \"%s\"",
                 what, sg_format_name(fmt), sg_style_name(style), olen, o2len,
                 shown(text, len));
    sg_free(out2);
    sg_analysis_free(a2);
    sg_free(out);
    sg_analysis_free(a);
    return SG_OK;
}

/* Pieces random input is made of: words that fire the rules, markup of
 * every format, signatures, and bytes no text should hold. */
static const char *const atoms[] = {
    "The hero ", "dies", " in the end. ", "She kills him", ". ", "Rating: 7/10", "\n",
    "\n\n", "<p>", "</p>", "<div>", "</div>", "<span class=\"spoiler\">", "</span>",
    "<!--", "-->", "<script>", "</script>", "<details class=\"spoiler\">", "||", ">!",
    "!<", "[spoiler]", "[/spoiler]", "[", "]{.spoiler}", "```", "# ", "- ", "> ", "*",
    "&amp;", "&#", "\0", "\xff", "\xc3", "\xe2\x81\xa3\xe2\x81\xa0", "<!--sg:o-->",
    "<!--/sg-->", " data-spoilerguard=\"death\"", "\r\n", "\r", "\"", "'", "<", ">", "Mr. ",
    "...", "twist: he was the killer all along. ", "In the final scene ", "---\n"};

static size_t random_text(char *buf, size_t cap)
{
    size_t n = 0, want = (size_t)(rng() % cap);
    while (n < want) {
        if (rng() % 4 == 0) {
            buf[n++] = (char)(rng() & 0xff);
            continue;
        }
        const char *a = atoms[rng() % (sizeof atoms / sizeof *atoms)];
        size_t l = a[0] ? strlen(a) : 1; /* the NUL atom is one byte */
        if (n + l > cap)
            break;
        memcpy(buf + n, a, l);
        n += l;
    }
    return n;
}

static void random_bytes_round_trip_in_every_format(void **state)
{
    (void)state;
    static char buf[3000];
    rng_state = 0x5eed5eed12345678ULL;
    for (size_t i = 0; i < 240; i++) {
        size_t n = random_text(buf, sizeof buf);
        sg_format fmt = (sg_format)(SG_FORMAT_PLAIN + i % 3);
        check_round_trip("random bytes", buf, n, fmt, style_for(fmt, i / 3));
    }
}

/* A review in each format that the mutations start from. */
static const char *const base_reviews[3] = {
    "Ballroom Blitz (2024) review\n\n3/5 stars\n\nA dancer avenges her friend. "
    "Mr. Kim directs with flair.\n\nIn the final scene the dancer dies, and it turns "
    "out her mentor was the killer all along.\n\nRelated posts\n- Another film 9/10\n",
    "---\ntitle: Ballroom Blitz\nauthor: Staff\n---\n\n# Ballroom Blitz (2024)\n\n"
    "**Rating: 3/5**\n\nA dancer avenges her friend.\n\n- In the end the dancer dies.\n"
    "- ||Her mentor was the killer.||\n\n```\ncode: he dies\n```\n\n> The twist: the "
    "mentor was behind it all.\n",
    "<!doctype html><html><head><title>Ballroom Blitz review</title>"
    "<meta property=\"og:title\" content=\"Ballroom Blitz\"></head><body><nav><a "
    "href=\"/\">Home</a></nav><article><h1>Ballroom Blitz</h1><p>Rating: 3/5</p><p>A "
    "dancer avenges her friend. In the final scene the dancer <em>dies</em>, and her "
    "mentor was the killer all along.</p><ul><li>The end: she dies.</li></ul>"
    "</article><footer>Copyright</footer></body></html>\n"};

static size_t mutate(char *buf, size_t n, size_t cap)
{
    size_t ops = 1 + rng() % 6;
    for (size_t k = 0; k < ops; k++) {
        size_t at = n ? (size_t)(rng() % n) : 0;
        switch (rng() % 6) {
        case 0: /* flip a byte */
            if (n)
                buf[at] = (char)(rng() & 0xff);
            break;
        case 1: /* a NUL or an invalid UTF-8 byte */
            if (n < cap) {
                memmove(buf + at + 1, buf + at, n - at);
                buf[at] = rng() % 2 ? '\0' : (char)(0x80 + rng() % 0x80);
                n++;
            }
            break;
        case 2: /* drop a range */
            if (n) {
                size_t l = (size_t)(rng() % 40);
                if (l > n - at)
                    l = n - at;
                memmove(buf + at, buf + at + l, n - at - l);
                n -= l;
            }
            break;
        case 3: { /* copy a range elsewhere */
            size_t from = n ? (size_t)(rng() % n) : 0, l = (size_t)(rng() % 60);
            if (l > n - from)
                l = n - from;
            if (n + l <= cap) {
                char tmp[64];
                memcpy(tmp, buf + from, l);
                memmove(buf + at + l, buf + at, n - at);
                memcpy(buf + at, tmp, l);
                n += l;
            }
            break;
        }
        case 4: /* cut the tail off */
            n = at;
            break;
        default: { /* an atom */
            const char *a = atoms[rng() % (sizeof atoms / sizeof *atoms)];
            size_t l = a[0] ? strlen(a) : 1;
            if (n + l <= cap) {
                memmove(buf + at + l, buf + at, n - at);
                memcpy(buf + at, a, l);
                n += l;
            }
            break;
        }
        }
    }
    return n;
}

static void mutated_reviews_round_trip(void **state)
{
    (void)state;
    static char buf[4096];
    rng_state = 0xfeedface0badf00dULL;
    for (size_t i = 0; i < 270; i++) {
        size_t f = i % 3;
        size_t n = strlen(base_reviews[f]);
        memcpy(buf, base_reviews[f], n);
        n = mutate(buf, n, sizeof buf);
        sg_format fmt = (sg_format)(SG_FORMAT_PLAIN + f);
        check_round_trip("mutated review", buf, n, fmt, style_for(fmt, i / 3));
    }
}

/* The flag on the sentence holding `needle`, or NULL. */
static const sg_flag *flag_on(const sg_analysis *a, const char *text, size_t len,
                              const char *needle, size_t nlen)
{
    size_t n;
    const sg_flag *f = sg_analysis_flags(a, &n);
    for (size_t i = 0; i < n; i++)
        for (size_t k = f[i].start; k + nlen <= f[i].end && f[i].end <= len; k++)
            if (!memcmp(text + k, needle, nlen))
                return &f[i];
    return NULL;
}

static void nul_and_invalid_utf8_are_matched_and_kept_as_bytes(void **state)
{
    (void)state;
    static const char text[] = "An opening line.\n\nIn the final scene \xff\xfe the "
                               "villain\0 dies at the end.\n";
    size_t len = sizeof text - 1;
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_PLAIN;
    sg_analysis *a;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), text, len, &o, &a, &err), SG_OK);
    const sg_flag *f = flag_on(a, text, len, "\xff\xfe", 2);
    if (!f)
        fail_msg("no flag on the sentence holding invalid UTF-8 and a NUL: \"%s\"",
                 shown(text, len));
    /* the flagged span holds both odd bytes, as they are */
    assert_non_null(memchr(text + f->start, '\0', f->end - f->start));
    size_t rlen;
    char *report = sg_analysis_report(a, NULL, 0, &rlen);
    /* the report names the bytes (\u00XX of each) and stays valid JSON */
    if (!strstr(report, "\\u00ff\\u00fe") || !strstr(report, "\\u0000"))
        fail_msg("the report does not keep the odd bytes: %s", report);
    sg_json_line line;
    char msg[200];
    assert_int_equal(sg_json_parse_line(report, rlen, 0, &line, msg, sizeof msg), 0);
    sg_json_line_free(&line);
    sg_free(report);
    size_t olen;
    char *out = sg_render(a, &olen, &err);
    assert_non_null(out);
    assert_true(olen > len);
    /* the render holds the bytes unchanged around the inserted marks */
    int kept = 0;
    for (size_t i = 0; i + 2 <= olen; i++)
        if (!memcmp(out + i, "\xff\xfe", 2))
            kept = 1;
    assert_true(kept);
    sg_free(out);
    sg_analysis_free(a);
    for (size_t s = 0; s < 4; s++)
        check_round_trip("NUL and invalid UTF-8", text, len, SG_FORMAT_PLAIN,
                         style_for(SG_FORMAT_PLAIN, s));
    check_round_trip("NUL and invalid UTF-8", text, len, SG_FORMAT_MARKDOWN, SG_STYLE_MD_HTML);
    check_round_trip("NUL and invalid UTF-8", text, len, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN);
}

static void truncated_html_reads_as_far_as_it_goes(void **state)
{
    (void)state;
    const char *page = base_reviews[2];
    size_t len = strlen(page);
    /* every cut, including inside tags, attributes, entities and comments */
    for (size_t cut = 0; cut <= len; cut++) {
        check_round_trip("truncated HTML", page, cut, SG_FORMAT_HTML, SG_STYLE_HTML_SPAN);
        if (cut % 7 == 0)
            check_round_trip("truncated HTML", page, cut, SG_FORMAT_HTML,
                             SG_STYLE_HTML_DETAILS);
    }
    static const char *const odd[] = {
        "<p a=\"", "<p>The hero dies.<!-- never closed", "<script>never closed dies",
        "<p>&#x", "<p>&#99999999999999999999;", "<", "</", "<!", "<!--", "<?xml",
        "<p title='x>The hero dies</p>", "<details class=\"spoiler\"><summary>"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
        check_round_trip("odd HTML", odd[i], strlen(odd[i]), SG_FORMAT_HTML,
                         SG_STYLE_HTML_SPAN);
}

/* The default render of Markdown `text` (the caller frees it with sg_free). */
static char *render_markdown(const char *text)
{
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_MARKDOWN;
    sg_analysis *a = NULL;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), text, strlen(text), &o, &a, &err), SG_OK);
    size_t olen = 0;
    char *out = sg_render(a, &olen, &err);
    assert_non_null(out);
    sg_analysis_free(a);
    return out;
}

static char *repeat(const char *unit, size_t times, const char *tail, size_t *len)
{
    size_t ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(ul * times + tl + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * ul, unit, ul);
    memcpy(s + ul * times, tail, tl + 1);
    *len = ul * times + tl;
    return s;
}

static void html_nested_100000_deep_is_a_clear_input_error(void **state)
{
    (void)state;
    static const char *const units[] = {"<div>", "<b>", "<table><tr><td>", "<ul><li>",
                                        "<span class=\"spoiler\">"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t len;
        char *s = repeat(units[u], 100000, "The hero dies in the end.", &len);
        sg_analysis *a = NULL;
        sg_error err;
        sg_options o;
        sg_options_init(&o);
        o.format = SG_FORMAT_HTML;
        sg_status st = sg_analyze(sg_t_engine(), s, len, &o, &a, &err);
        if (st != SG_ERR_INPUT || !strstr(err.message, "deeper"))
            fail_msg("100000 x %s: want an input error about nesting, got %s '%s'",
                     units[u], sg_status_name(st), err.message);
        assert_null(a);
        free(s);
    }
    /* just under the documented depth is read */
    size_t len;
    char *s = repeat("<div>", 1000, "<p>The hero dies in the end.</p>", &len);
    assert_int_equal(check_round_trip("1000-deep HTML", s, len, SG_FORMAT_HTML,
                                      SG_STYLE_HTML_SPAN),
                     SG_OK);
    free(s);
}

/* Runs of openers that never close (author marks, comments, brackets,
 * Markdown syntax) are read in one pass, not one scan per opener: 200 KB of
 * each is processed (a quadratic reader would take minutes here). */
static void unclosed_openers_repeated_are_processed(void **state)
{
    (void)state;
    static const struct {
        const char *unit;
        sg_format fmt;
    } cases[] = {
        {">!", SG_FORMAT_PLAIN},        {"[spoiler]", SG_FORMAT_PLAIN},
        {"[", SG_FORMAT_MARKDOWN},      {"<!--", SG_FORMAT_MARKDOWN},
        {"<!--", SG_FORMAT_HTML},       {"> ", SG_FORMAT_MARKDOWN},
        {"*", SG_FORMAT_MARKDOWN},      {"`", SG_FORMAT_MARKDOWN},
        {"<!--sg:o-->", SG_FORMAT_MARKDOWN}, {"<", SG_FORMAT_HTML},
        {"&amp", SG_FORMAT_HTML},       {"<p a=\"", SG_FORMAT_HTML},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len;
        char *s = repeat(cases[i].unit, 200000 / strlen(cases[i].unit),
                         " The hero dies in the end.\n", &len);
        check_round_trip(cases[i].unit, s, len, cases[i].fmt,
                         style_for(cases[i].fmt, 0));
        free(s);
    }
}

static void unclosed_code_fence_hides_the_rest(void **state)
{
    (void)state;
    static const char text[] = "# Review\n\nA fine film.\n\n```\nIn the end the hero "
                               "dies.\nThe villain was her father.\n";
    sg_options o;
    sg_options_init(&o);
    o.format = SG_FORMAT_MARKDOWN;
    sg_analysis *a;
    sg_error err;
    assert_int_equal(sg_analyze(sg_t_engine(), text, sizeof text - 1, &o, &a, &err), SG_OK);
    size_t n;
    sg_analysis_flags(a, &n);
    if (n)
        fail_msg("an unclosed fence runs to the end and is code, yet %zu flags", n);
    sg_analysis_free(a);
    for (size_t s = 0; s < 6; s++)
        check_round_trip("unclosed fence", text, sizeof text - 1, SG_FORMAT_MARKDOWN,
                         style_for(SG_FORMAT_MARKDOWN, s));
}

static void empty_input_renders_empty(void **state)
{
    (void)state;
    for (int f = SG_FORMAT_AUTO; f <= SG_FORMAT_HTML; f++) {
        sg_options o;
        sg_options_init(&o);
        o.format = (sg_format)f;
        sg_analysis *a;
        sg_error err;
        assert_int_equal(sg_analyze(sg_t_engine(), NULL, 0, &o, &a, &err), SG_OK);
        size_t n = 99;
        assert_null(sg_analysis_rating(a));
        sg_analysis_flags(a, &n);
        assert_int_equal(n, 0);
        size_t olen = 99;
        char *out = sg_render(a, &olen, &err);
        assert_non_null(out);
        assert_int_equal(olen, 0);
        sg_free(out);
        sg_analysis_free(a);
        size_t slen = 99;
        char *s = sg_strip("", 0, (sg_format)f, &slen, &err);
        assert_non_null(s);
        assert_int_equal(slen, 0);
        sg_free(s);
    }
}

/* A long line in each format: a 2 MB paragraph with no line break. */
static void long_line_round_trips(void **state)
{
    (void)state;
    size_t len;
    char *s = repeat("the hero walks into a room and sees a light. ", 2000000 / 46,
                     "In the end the hero dies.", &len);
    for (int f = SG_FORMAT_PLAIN; f <= SG_FORMAT_HTML; f++)
        check_round_trip("2 MB line", s, len, (sg_format)f, style_for((sg_format)f, 0));
    free(s);
}

static void catastrophic_user_pattern_is_a_rule_error_naming_the_rule(void **state)
{
    (void)state;
    sg_error err;
    sg_engine *e = sg_t_engine_with_bad_rule();
    assert_non_null(e);
    static const char text[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
    sg_analysis *a = NULL;
    sg_status st = sg_analyze(e, text, sizeof text - 1, NULL, &a, &err);
    if (st != SG_ERR_RULE || !strstr(err.message, "'bad'"))
        fail_msg("(a+)+$ on a's and '!': want a rule error naming 'bad', got %s '%s'",
                 sg_status_name(st), err.message);
    assert_null(a);
    sg_engine_free(e);
}

static void input_over_max_input_is_refused(void **state)
{
    (void)state;
    static const char text[] = "The hero dies in the end.";
    sg_options o;
    sg_options_init(&o);
    o.max_input = sizeof text - 2;
    sg_analysis *a = NULL;
    sg_error err;
    sg_status st = sg_analyze(sg_t_engine(), text, sizeof text - 1, &o, &a, &err);
    if (st != SG_ERR_INPUT || !strstr(err.message, "maximum"))
        fail_msg("%zu bytes over a maximum of %zu: got %s '%s'", sizeof text - 1,
                 o.max_input, sg_status_name(st), err.message);
    assert_null(a);
    o.max_input = sizeof text - 1; /* at the limit is fine */
    assert_int_equal(sg_analyze(sg_t_engine(), text, sizeof text - 1, &o, &a, &err), SG_OK);
    sg_analysis_free(a);
}

#define EVIL "</script><script>alert(1)</script>"

/* Is c[0..n) <TAG data-spoilerguard="TAG">FILE</TAG>, FILE being
 * plugin/assets/FILE as shipped? */
static int is_shipped_asset(const char *c, size_t n, const char *tag, const char *file)
{
    char path[1024], head[64], tail[16];
    snprintf(path, sizeof path, "%s/plugin/assets/%s", SG_SOURCE_DIR, file);
    size_t fl = 0;
    char *body = sg_t_slurp(path, &fl);
    assert_non_null(body);
    int hl = snprintf(head, sizeof head, "<%s data-spoilerguard=\"%s\">", tag, tag);
    int tl = snprintf(tail, sizeof tail, "</%s>", tag);
    int ok = n == (size_t)hl + fl + (size_t)tl && !memcmp(c, head, (size_t)hl) &&
             !memcmp(c + hl, body, fl) && !memcmp(c + hl + fl, tail, (size_t)tl);
    free(body);
    return ok;
}

/* Every chunk spoilerguard inserted into `out` (HTML or Markdown) is inert:
 * no script element but the JSON-LD's own, whose content is valid JSON that
 * cannot close its element early, and the shipped script that shows a
 * spoiler, byte for byte. */
static void check_inert(const char *what, const char *out, size_t olen, sg_format fmt)
{
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = out;
    d.len = olen;
    d.format = fmt;
    sg_find_chunks(&d);
    if (!d.nchunks)
        fail_msg("%s: nothing inserted", what);
    for (size_t i = 0; i < d.nchunks; i++) {
        const char *c = out + d.chunks[i].start;
        size_t n = d.chunks[i].end - d.chunks[i].start;
        if (d.chunks[i].role == SG_CHUNK_JSONLD) {
            const char *gt = memchr(c, '>', n);
            assert_non_null(gt);
            size_t body = (size_t)(gt + 1 - c), close = n - strlen("</script>");
            assert_true(close > body);
            assert_int_equal(strncasecmp(c + close, "</script>", 9), 0);
            for (size_t k = body; k + 2 <= close; k++)
                if (c[k] == '<' && (c[k + 1] == '/' || c[k + 1] == '!'))
                    fail_msg("%s: the JSON-LD holds '<%c' at %zu: %.*s", what, c[k + 1], k,
                             (int)n, c);
            sg_json_line line;
            char msg[200];
            if (sg_json_parse_line(c + body, close - body, 0, &line, msg, sizeof msg))
                fail_msg("%s: the JSON-LD is not valid JSON (%s): %.*s", what, msg,
                         (int)(close - body), c + body);
            sg_json_line_free(&line);
            continue;
        }
        if (d.chunks[i].role == SG_CHUNK_ASSETS) {
            /* the shipped CSS or script, byte for byte, and nothing else (in
             * Markdown both, as two HTML blocks inside the chunk's comments) */
            if (fmt == SG_FORMAT_MARKDOWN && n > 24 && !memcmp(c, "<!--sg:a-->\n", 12) &&
                !memcmp(c + n - 12, "\n<!--/sg-->\n", 12)) {
                const char *st = c + 12, *sc = memmem(st, n - 24, "\n<script", 8);
                if (sc && is_shipped_asset(st, (size_t)(sc - st), "style", "spoilerguard.css") &&
                    is_shipped_asset(sc + 1, (size_t)(c + n - 13 - sc - 1), "script",
                                     "spoilerguard.js"))
                    continue;
            }
            if (!is_shipped_asset(c, n, "style", "spoilerguard.css") &&
                !is_shipped_asset(c, n, "script", "spoilerguard.js"))
                fail_msg("%s: an inserted style or script is not the shipped one: %.*s", what,
                         (int)n, c);
            continue;
        }
        for (size_t k = 0; k + 7 <= n; k++)
            if (!strncasecmp(c + k, "<script", 7))
                fail_msg("%s: an inserted chunk holds a script element: %.*s", what, (int)n,
                         c);
    }
    sg_doc_free(&d);
}

static size_t count_ci(const char *s, size_t n, const char *needle)
{
    size_t l = strlen(needle), c = 0;
    for (size_t i = 0; i + l <= n; i++)
        if (!strncasecmp(s + i, needle, l))
            c++;
    return c;
}

static void metadata_holding_script_is_inert_in_html(void **state)
{
    (void)state;
    static const char page[] =
        "<!doctype html><html><head><title>" EVIL " review</title>"
        "<meta property=\"og:title\" content=\"" EVIL "\">"
        "<meta name=\"author\" content=\"" EVIL "\">"
        "<meta property=\"article:published_time\" content=\"" EVIL "\">"
        "</head><body><article><h1>" EVIL "</h1><p>Rating: 3/5</p><p>A dancer avenges her "
        "friend. In the final scene the dancer dies at the hands of her mentor.</p>"
        "</article></body></html>\n";
    static const sg_badge badges[] = {SG_BADGE_HTML, SG_BADGE_SVG, SG_BADGE_TEXT};
    for (size_t b = 0; b < 3; b++)
        for (size_t s = 0; s < 2; s++) {
            sg_options o;
            sg_options_init(&o);
            o.format = SG_FORMAT_HTML;
            o.style = html_styles[s];
            o.badge = badges[b];
            sg_analysis *a;
            sg_error err;
            assert_int_equal(sg_analyze(sg_t_engine(), page, sizeof page - 1, &o, &a, &err), SG_OK);
            const char *title = sg_analysis_meta(a, "title");
            if (!title || !strstr(title, "alert(1)"))
                fail_msg("the title was not read: %s", title ? title : "(null)");
            size_t olen;
            char *out = sg_render(a, &olen, &err);
            assert_non_null(out);
            char what[80];
            snprintf(what, sizeof what, "HTML %s badge %s", sg_style_name(o.style),
                     sg_badge_name(o.badge));
            check_inert(what, out, olen, SG_FORMAT_HTML);
            /* the only new script elements are the JSON-LD and, where a
             * spoiler is a button, the shipped script that works it */
            int ours = 1 + (o.style == SG_STYLE_HTML_SPAN);
            assert_int_equal(count_ci(out, olen, "<script"),
                             count_ci(page, sizeof page - 1, "<script") + ours);
            assert_int_equal(count_ci(out, olen, "</script"),
                             count_ci(page, sizeof page - 1, "</script") + ours);
            sg_free(out);
            size_t rlen;
            char *report = sg_analysis_report(a, NULL, 0, &rlen);
            sg_json_line line;
            char msg[200];
            if (sg_json_parse_line(report, rlen, 0, &line, msg, sizeof msg))
                fail_msg("the report is not valid JSON (%s): %s", msg, report);
            sg_json_line_free(&line);
            sg_free(report);
            sg_analysis_free(a);
            check_round_trip(what, page, sizeof page - 1, SG_FORMAT_HTML, o.style);
        }
}

static void metadata_holding_script_is_inert_in_markdown(void **state)
{
    (void)state;
    static const char text[] = "---\ntitle: \"" EVIL "\"\nauthor: " EVIL "\n---\n\n# " EVIL
                               "\n\n**Rating: 3/5**\n\nIn the final scene the dancer dies "
                               "at the hands of her mentor.\n";
    static const sg_badge badges[] = {SG_BADGE_HTML, SG_BADGE_SVG, SG_BADGE_IMAGE};
    for (size_t b = 0; b < 3; b++) {
        sg_options o;
        sg_options_init(&o);
        o.format = SG_FORMAT_MARKDOWN;
        o.style = SG_STYLE_MD_HTML;
        o.badge = badges[b];
        sg_analysis *a;
        sg_error err;
        assert_int_equal(sg_analyze(sg_t_engine(), text, sizeof text - 1, &o, &a, &err), SG_OK);
        size_t olen;
        char *out = sg_render(a, &olen, &err);
        assert_non_null(out);
        check_inert("Markdown", out, olen, SG_FORMAT_MARKDOWN);
        /* the only new script element is the shipped one that shows a spoiler */
        assert_int_equal(count_ci(out, olen, "<script"),
                         count_ci(text, sizeof text - 1, "<script") + 1);
        assert_int_equal(count_ci(out, olen, "<script data-spoilerguard=\"script\">"), 1);
        sg_free(out);
        sg_analysis_free(a);
    }
}

/* ---- inputs the fuzz targets found ---------------------------------------------- */

/* A lone CR ends a Markdown line: the soft break maps to the CR, not to a
 * later LF, so view offsets map back into the input in order. */
static void fuzz_markdown_lone_cr_soft_break_maps_in_order(void **state)
{
    (void)state;
    static const char *const inputs[] = {"\0\ro\n", "a\rb\nc", "The hero\rdies.\r\nYes\n"};
    static const size_t lens[] = {4, 5, 20};
    for (size_t i = 0; i < 3; i++) {
        sg_doc d;
        sg_error err;
        assert_int_equal(sg_doc_read(&d, inputs[i], lens[i], SG_FORMAT_MARKDOWN, 1024, &err),
                         SG_OK);
        for (size_t bi = 0; bi < d.nblocks; bi++) {
            const sg_block *b = &d.blocks[bi];
            size_t prev = 0;
            for (size_t v = 0; v <= b->view_len; v++) {
                size_t s = sg_doc_to_src(&d, b, b->view_start + v, 0);
                if (v && s < prev)
                    fail_msg("\"%s\": view %zu maps back to %zu, before %zu",
                             shown(inputs[i], lens[i]), v, s, prev);
                prev = s;
            }
        }
        sg_doc_free(&d);
        check_round_trip("lone CR", inputs[i], lens[i], SG_FORMAT_MARKDOWN, SG_STYLE_MD_HTML);
    }
}

/* Markdown that carries a signature of its own ("<!--sg:o12-->" typed by the
 * author) is taken for an earlier run's output: the render strips to what
 * the text strips to, never to less. */
static void fuzz_author_typed_signature_strips_like_the_input(void **state)
{
    (void)state;
    static const char text[] = "# T\n\nHe meets Wick within t<!--sg:o12-->he first ten "
                               "minutes. In the end the dog dies.\n";
    for (size_t s = 0; s < 6; s++)
        check_round_trip("typed signature", text, sizeof text - 1, SG_FORMAT_MARKDOWN,
                         style_for(SG_FORMAT_MARKDOWN, s));
}

/* A marked sentence holding more author marks than a short search looks
 * back over ("||||" is one, and 300 pipes make 75): the second pass still
 * finds the sentence inside the earlier run's mark and adds nothing. */
static void fuzz_many_author_marks_inside_a_marked_sentence(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = repeat("|", 300, " dies.", &len);
    static const sg_format formats[] = {SG_FORMAT_PLAIN, SG_FORMAT_MARKDOWN, SG_FORMAT_HTML};
    for (size_t f = 0; f < 3; f++)
        for (size_t s = 0; s < 8; s++)
            check_round_trip("many author marks", text, len, formats[f],
                             style_for(formats[f], s));
    free(text);
}

/* A mark that starts a Markdown line after a lone CR (a line break too)
 * is written so that its comment opens no HTML block; else the second pass
 * reads the article differently and marks another sentence. */
static void fuzz_markdown_mark_after_lone_cr(void **state)
{
    (void)state;
    static const char *const inputs[] = {"g\n\nn\x18He\r\rkill\r\rf",
                                         "# Title\r\rThe hero lives.\r\rIn the end he dies.\r",
                                         "| a | b |\r|---|---|\r| x | In the end he dies. |\r",
                                         "he\r\rhe\n\n",
                                         /* markup closing before a lone CR closes
                                          * on its line, not in the next paragraph */
                                         "<!-:>\r\rhe ~\xcd~\xcd", "*a*\rIn the end he dies."};
    /* blocks end at a lone CR: the second paragraph is a block of its own */
    sg_doc d;
    sg_error err;
    assert_int_equal(sg_doc_read(&d, inputs[3], 8, SG_FORMAT_MARKDOWN, 1024, &err), SG_OK);
    assert_int_equal(d.nblocks, 2);
    assert_int_equal(d.blocks[0].start, 0);
    assert_int_equal(d.blocks[0].end, 2);
    assert_int_equal(d.blocks[1].start, 4);
    assert_int_equal(d.blocks[1].end, 6);
    sg_doc_free(&d);
    /* a block chunk after a lone CR is found again as the chunk it is */
    char *out = render_markdown("\rThe hero dies in the end.\n");
    assert_non_null(strstr(out, "\r<!--sg:a-->"));
    assert_non_null(strstr(out, "<!--sg:w-->"));
    sg_free(out);
    check_round_trip("lone CR line", "\rdie\n\n<!die", 11, SG_FORMAT_MARKDOWN, SG_STYLE_MD_HTML);
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        for (size_t s = 0; s < 8; s++)
            check_round_trip("lone CR line", inputs[i], strlen(inputs[i]), SG_FORMAT_MARKDOWN,
                             style_for(SG_FORMAT_MARKDOWN, s));
}

/* Markdown text with a raw HTML opener left open ("<!d" with no '>'): a
 * mark inserted after it in its paragraph would close it and change the
 * article, so that sentence is left unmarked (still reported) and the
 * second pass agrees.  The same for a mark that would split an autolink or
 * a run of emphasis delimiters. */
static void fuzz_markdown_mark_after_open_declaration(void **state)
{
    (void)state;
    static const char *const inputs[] = {"f<!d ! U kill", "A <!x\nIn the end he dies.\n\nLater she dies.",
                                         "The hero <!-- note. In the end he dies.",
                                         "In the end <!DOCTYPE x> he dies.",
                                         /* autolinks (md4c takes "< g:>" for one): no
                                          * markup goes inside */
                                         "then< g:>", "He dies at <ab:c. In the end> again.",
                                         "\r<kill:>", /* after a lone CR too */
                                         /* nor inside a delimiter run */
                                         "end[__[_", "In the end[**[* he dies."};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        for (size_t s = 0; s < 8; s++)
            check_round_trip("open raw HTML", inputs[i], strlen(inputs[i]), SG_FORMAT_MARKDOWN,
                             style_for(SG_FORMAT_MARKDOWN, s));
    /* the sentence after the opener is reported, unmarked; the next
     * paragraph's is marked */
    char *out = render_markdown(inputs[1]);
    assert_non_null(strstr(out, "A <!x\nIn the end he dies.\n\n"));
    assert_non_null(strstr(out, ">Later she dies.<"));
    sg_free(out);
}

/* Markup next to a run of '*' or '_' changes what stands beside it, and so
 * whether the run may open or close emphasis: in "*a,*B c*" the second '*'
 * opens "*B c*", but with markup after it, it may also close, and the next
 * pass pairs the first two instead.  No insertion goes there when the run
 * has a partner in its block it could then pair with; the sentence is left
 * unmarked, and reported.  A run with no such partner takes markup as ever. */
static void fuzz_markdown_mark_next_to_emphasis_delimiter(void **state)
{
    (void)state;
    static const char *const inputs[] = {"*\xff,*B another*", "*Wow,*He dies in the end*",
                                         "_Wow,_He dies in the end_",
                                         "Note:*The hero dies in the end.* Or *not*.",
                                         "In the end *he dies*, sadly.",
                                         "_ In the end he dies.\n- _ She kills him. Fine."};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        for (size_t s = 0; s < 8; s++)
            check_round_trip("emphasis run", inputs[i], strlen(inputs[i]), SG_FORMAT_MARKDOWN,
                             style_for(SG_FORMAT_MARKDOWN, s));
    char *out = render_markdown(inputs[1]);
    assert_non_null(strstr(out, "\n*Wow,*He dies in the end*")); /* left as it was */
    sg_free(out);
    out = render_markdown(inputs[3]); /* no partner before: marked */
    assert_non_null(strstr(out, "-->The hero dies in the end.<"));
    sg_free(out);
    out = render_markdown(inputs[4]);
    assert_non_null(strstr(out, "-->In the end *he dies*, sadly.<"));
    sg_free(out);
}

/* check_round_trip of Markdown `text` in each Markdown style. */
static void round_trip_markdown_styles(const char *what, const char *text)
{
    for (size_t st = 0; st < 8; st++)
        check_round_trip(what, text, strlen(text), SG_FORMAT_MARKDOWN,
                         style_for(SG_FORMAT_MARKDOWN, st));
}

/* A sentence that starts with an escaped character ("\\# In the end...")
 * is marked from its backslash: inserted after it, the first byte of the
 * mark would be escaped ("\\<!--sg:o-->" is text) and shown on the page. */
static void markdown_mark_before_a_backslash_escape(void **state)
{
    (void)state;
    static const char *const inputs[] = {"\\# In the end the hero dies.\n",
                                         "\\[In the end] the hero dies.\n",
                                         "\\> In the end the hero dies.\n",
                                         "\\\\ In the end the hero dies.\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        round_trip_markdown_styles("escape", inputs[i]);
        char *out = render_markdown(inputs[i]);
        const char *mark = strstr(out, "<!--sg:o");
        if (!mark)
            fail_msg("not marked: %s", out);
        /* an escaped first character is marked from its backslash; an
         * escaped backslash ("\\\\") is text, and the mark comes after it */
        if (i < 3 && (mark == out || mark[-1] == '\\' || !strstr(out, "-->\\")))
            fail_msg("a mark after the backslash of an escape: %s", out);
        sg_free(out);
    }
}

/* An image's alt text is no sentence of the article, and nothing goes inside
 * an image: a mark there broke the image (its alt text read as text). */
static void markdown_images_are_never_marked_inside(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "![In the end the hero dies](/poster.png) In the end the villain dies.\n",
        "Look: ![the queen dies at the end][poster] and then the king dies.\n\n"
        "[poster]: /p.png\n",
        "[![In the end he dies](/a.png)](/b) In the end she dies.\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        round_trip_markdown_styles("image", inputs[i]);
        char *out = render_markdown(inputs[i]);
        const char *img = strstr(out, "![");
        const char *end = img ? strpbrk(strchr(img, ']'), ")]") : NULL;
        const char *mark = img ? strstr(img, "<!--sg:") : NULL;
        if (!img || !end || (mark && mark < end))
            fail_msg("a mark inside an image: %s", out);
        if (!strstr(out, "<!--sg:o") && !strstr(out, "<!--sg:n"))
            fail_msg("the sentence after the image is not marked: %s", out);
        sg_free(out);
    }
}

/* A warning for a sentence in a list item goes before the whole list: put
 * between two items, it split the list in two. */
static void markdown_warning_goes_before_the_list(void **state)
{
    (void)state;
    static const char *const inputs[] = {"- <div>\n- In the end the hero dies.\n",
                                         "Intro.\n\n1. A calm item.\n2. In the end she dies.\n",
                                         "> - One.\n> - In the end he dies.\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        round_trip_markdown_styles("list", inputs[i]);
        char *out = render_markdown(inputs[i]);
        const char *w = strstr(out, "<!--sg:w-->");
        const char *first = strstr(out, i == 1 ? "1. A calm" : i == 2 ? "> - One" : "- <div>");
        if (!w || !first || w > first)
            fail_msg("the warning is not before the list: %s", out);
        sg_free(out);
    }
}

/* A paragraph that opens with a code span running over lines ("`Foo\nbar`
 * text") starts on the span's first line: a warning put before its first
 * text, on a later line, cut the span and the paragraph in two. */
static void markdown_paragraph_opening_with_a_code_span_keeps_its_warning_outside(void **state)
{
    (void)state;
    static const char *const inputs[] = {"`Foo In the end, the hero dies.\n----` In the end, "
                                         "the hero dies.\n",
                                         "Intro.\n\n``code\nmore`` In the end the queen dies.\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        round_trip_markdown_styles("code span first", inputs[i]);
        char *out = render_markdown(inputs[i]);
        const char *w = strstr(out, "<!--sg:w-->"), *code = strchr(out, '`');
        if (!w || !code || w > code)
            fail_msg("the warning is not before the code span: %s", out);
        sg_free(out);
    }
}

/* A raw HTML tag over lines before a paragraph's first text: the paragraph
 * starts on the tag's line, and the warning goes before it, not between the
 * tag's lines (which would end the paragraph inside the tag). */
static void markdown_tag_over_lines_keeps_its_warning_outside(void **state)
{
    (void)state;
    static const char in[] = "Intro.\n\n<a href=\"foo\nbar\"> In the end, the hero dies.\n";
    round_trip_markdown_styles("tag over lines", in);
    char *out = render_markdown(in);
    const char *w = strstr(out, "<!--sg:w-->"), *tag = strstr(out, "<a href");
    if (!w || !tag || w > tag)
        fail_msg("the warning is not before the tag: %s", out);
    sg_free(out);
}

/* Prose in raw HTML blocks is read and marked, and a second pass reads it
 * the same: the warning's chunk before the block (which md4c runs on into
 * the block) and the marks inside it are cut out first; a block with a
 * comment or a script in it is left to the browser. */
static void markdown_raw_html_prose_is_marked_once(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "Intro line here.\n\n<p>The film is long. In the end, the hero dies.</p>\n"
        "<p>More text.</p>\n\nAfter that.\n",
        "Intro line here.\nMore intro.\n<div>\nIn the end, the <b>hero dies</b> &amp; "
        "more.\n</div>\n",
        "Intro.\n\n<div>\n<!-- note -->\nIn the end, the hero dies.\n</div>\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        round_trip_markdown_styles("raw HTML prose", inputs[i]);
    for (size_t i = 0; i < 2; i++) {
        char *out = render_markdown(inputs[i]);
        if (!strstr(out, "data-spoilerguard=\"content\" hidden>"))
            fail_msg("the HTML block's sentence is not marked: %s", out);
        sg_free(out);
    }
    char *out = render_markdown(inputs[2]);
    if (strstr(out, "data-spoilerguard=\"content\""))
        fail_msg("a block with a comment was marked: %s", out);
    sg_free(out);
}

/* A code span whose closing backticks start a line ("``\nfoo\n`` ...")
 * ends at them: the sentence after it starts past them, and its mark goes
 * there, not before the backticks (inside the span). */
static void markdown_code_span_closing_on_its_own_line(void **state)
{
    (void)state;
    static const char in[] = "Intro.\n\n``\nfoo\n`` In the end, the hero dies.\n";
    round_trip_markdown_styles("closing backticks", in);
    char *out = render_markdown(in);
    if (!strstr(out, "\n`` <!--sg:o-->"))
        fail_msg("the mark does not start after the closing backticks: %s", out);
    sg_free(out);
}

/* A paragraph whose first line holds only the opening of a code span or a
 * link ("`\n`kill") starts on that line, though its text starts on the next:
 * a warning put before the text's line split the span in two, and the next
 * pass read it otherwise. */
static void fuzz_markdown_warning_before_a_span_over_lines(void **state)
{
    (void)state;
    static const char *const inputs[] = {"`\n`kill", "`\n`He dies in the end.",
                                         "Intro.\n\n> `\n> `He dies in the end.",
                                         "[\nHe dies in the end](u)", "`\r\n`He dies in the end.",
                                         "`\r`He dies in the end.", "1. `\n   `He dies in the end."};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
        for (size_t s = 0; s < 8; s++)
            check_round_trip("span over lines", inputs[i], strlen(inputs[i]), SG_FORMAT_MARKDOWN,
                             style_for(SG_FORMAT_MARKDOWN, s));
    char *out = render_markdown(inputs[1]); /* the warning before the span */
    assert_non_null(strstr(out, "<!--/sg-->\n`\n`"));
    sg_free(out);
}

/* Text given as exactly its bytes, with no readable byte after them: the
 * Markdown parser must not look past its end (md4c 0.4.8 reads the byte
 * after a last line of digits, looking for an ordered list's '.'). */
static void markdown_is_read_within_its_buffer(void **state)
{
    (void)state;
    static const char *const texts[] = {"0", "Rating: 8/10", "> 12", "- 3", "1.", "\r\r0"};
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(map != MAP_FAILED);
    assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        size_t n = strlen(texts[i]);
        char *at = map + page - n; /* its last byte is the page's last */
        memcpy(at, texts[i], n);
        sg_doc d;
        sg_error err;
        assert_int_equal(sg_doc_read(&d, at, n, SG_FORMAT_MARKDOWN, 1024, &err), SG_OK);
        sg_doc_free(&d);
    }
    munmap(map, 2 * page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_bytes_round_trip_in_every_format),
        cmocka_unit_test(mutated_reviews_round_trip),
        cmocka_unit_test(nul_and_invalid_utf8_are_matched_and_kept_as_bytes),
        cmocka_unit_test(truncated_html_reads_as_far_as_it_goes),
        cmocka_unit_test(html_nested_100000_deep_is_a_clear_input_error),
        cmocka_unit_test(unclosed_openers_repeated_are_processed),
        cmocka_unit_test(unclosed_code_fence_hides_the_rest),
        cmocka_unit_test(empty_input_renders_empty),
        cmocka_unit_test(long_line_round_trips),
        cmocka_unit_test(catastrophic_user_pattern_is_a_rule_error_naming_the_rule),
        cmocka_unit_test(input_over_max_input_is_refused),
        cmocka_unit_test(metadata_holding_script_is_inert_in_html),
        cmocka_unit_test(metadata_holding_script_is_inert_in_markdown),
        cmocka_unit_test(fuzz_markdown_lone_cr_soft_break_maps_in_order),
        cmocka_unit_test(fuzz_author_typed_signature_strips_like_the_input),
        cmocka_unit_test(fuzz_many_author_marks_inside_a_marked_sentence),
        cmocka_unit_test(fuzz_markdown_mark_after_lone_cr),
        cmocka_unit_test(fuzz_markdown_mark_after_open_declaration),
        cmocka_unit_test(fuzz_markdown_mark_next_to_emphasis_delimiter),
        cmocka_unit_test(markdown_mark_before_a_backslash_escape),
        cmocka_unit_test(markdown_paragraph_opening_with_a_code_span_keeps_its_warning_outside),
        cmocka_unit_test(markdown_images_are_never_marked_inside),
        cmocka_unit_test(markdown_tag_over_lines_keeps_its_warning_outside),
        cmocka_unit_test(markdown_code_span_closing_on_its_own_line),
        cmocka_unit_test(markdown_raw_html_prose_is_marked_once),
        cmocka_unit_test(markdown_warning_goes_before_the_list),
        cmocka_unit_test(fuzz_markdown_warning_before_a_span_over_lines),
        cmocka_unit_test(markdown_is_read_within_its_buffer),
    };
    return cmocka_run_group_tests(tests, sg_t_setup_engine, sg_t_teardown_engine);
}
