/*
 * sg_test_util.h -- what several unit tests share: reading a file whole,
 * checking a span of the source, rendering that must strip back to its input,
 * a strict JSON syntax check, decoding one JSON string, and a document built
 * by hand from a small block notation.  Each test_*.c is its own executable,
 * so everything here is static inline (or a static const sample); include it
 * after <cmocka.h>.
 */
#ifndef SG_TEST_UTIL_H
#define SG_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_internal.h"
#include "sg_text.h"
#include "sg_utf8.h"

#ifndef SG_CORPUS_DIR
#define SG_CORPUS_DIR "../shared/corpus"
#endif

/* ---- engines ---------------------------------------------------------------- */

static inline sg_engine **sg_t_engine_slot(void)
{
    static sg_engine *e;
    return &e;
}

/* The engine with the default pack that a test file's tests share, made by
 * the group setup sg_t_setup_engine and freed by sg_t_teardown_engine. */
static inline sg_engine *sg_t_engine(void) { return *sg_t_engine_slot(); }

static inline int sg_t_setup_engine(void **state)
{
    (void)state;
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    if (!e)
        fprintf(stderr, "no engine: %s\n", err.message);
    *sg_t_engine_slot() = e;
    return e ? 0 : -1;
}

static inline int sg_t_teardown_engine(void **state)
{
    (void)state;
    sg_engine_free(sg_t_engine());
    *sg_t_engine_slot() = NULL;
    return 0;
}

/* sg_analyze of `text` by the shared engine as `fmt` in `style`, the other
 * options at their defaults. */
static inline sg_status sg_t_analyze_as(const char *text, size_t len, sg_format fmt,
                                        sg_style style, sg_analysis **a, sg_error *err)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    *a = NULL;
    return sg_analyze(sg_t_engine(), text, len, &o, a, err);
}

/* A new engine (free it) whose one rule, "bad" from bad.lua:1, is the
 * catastrophic pattern (a+)+$: it fails on a long run of a's that does not
 * end the text.  NULL when memory runs out. */
static inline sg_engine *sg_t_engine_with_bad_rule(void)
{
    sg_error err;
    sg_engine *e = sg_engine_new_empty(&err);
    const char *pats[] = {"(a+)+$", NULL};
    sg_rule_def r;
    memset(&r, 0, sizeof r);
    r.id = "bad";
    r.kind = "plot";
    r.severity = SG_MINOR;
    r.patterns = pats;
    r.source = "bad.lua:1";
    if (e && sg_engine_add_rule(e, &r, &err) != SG_OK) {
        fprintf(stderr, "rule 'bad': %s\n", err.message);
        sg_engine_free(e);
        return NULL;
    }
    return e;
}

/* ---- files ---------------------------------------------------------------- */

/* The whole file at `path` as a new NUL-terminated buffer (free it) of *len
 * bytes; NULL when it cannot be opened or memory runs out. */
static inline char *sg_t_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL;
    size_t cap = 0, n = 0;
    if (len)
        *len = 0;
    if (!f)
        return NULL;
    for (;;) {
        if (n + 4096 > cap) {
            cap = cap ? cap * 2 : 65536;
            char *d = realloc(data, cap + 1);
            if (!d) {
                free(data);
                fclose(f);
                return NULL;
            }
            data = d;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (!got)
            break;
    }
    fclose(f);
    data[n] = '\0';
    if (len)
        *len = n;
    return data;
}

/* ---- what the output holds --------------------------------------------------- */

/* How many code points of n bytes at s are invisible ones spoilerguard must
 * never insert: U+200B-U+200F, U+2060-U+2064, U+FEFF. */
static inline size_t sg_t_invisible_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t l = sg_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        c += (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
             cp == 0xFEFF;
        i += l;
    }
    return c;
}

static inline size_t sg_t_count(const char *hay, size_t n, const char *needle)
{
    size_t c = 0, l = strlen(needle);
    for (size_t i = 0; i + l <= n; i++)
        if (!memcmp(hay + i, needle, l))
            c++;
    return c;
}

/* The unmarked flags of `a` (over `text`) that a mark could hold: in plain
 * text, Discord and Reddit (options `o`) not a sentence that holds a mark's
 * syntax itself ("||", "!<", ">!", "[/spoiler]", "]{.spoiler}"), which would
 * end the mark early on the platform and in the finder alike. */
static inline size_t sg_t_markable_unmarked(const sg_analysis *a, const char *text,
                                            const sg_options *o)
{
    size_t nf, n = 0;
    const sg_flag *f = sg_analysis_flags(a, &nf);
    int visible = sg_analysis_format(a) == SG_FORMAT_PLAIN ||
                  o->style == SG_STYLE_MD_DISCORD || o->style == SG_STYLE_MD_REDDIT;
    static const char *const syntax[] = {"||", "!<", ">!", "[/spoiler]", "]{.spoiler}"};
    for (size_t i = 0; i < nf; i++) {
        if (f[i].marked)
            continue;
        int held = 0;
        for (size_t k = 0; visible && k < sizeof syntax / sizeof *syntax; k++)
            held |= sg_t_count(text + f[i].start, f[i].end - f[i].start, syntax[k]) > 0;
        /* Reddit: a sentence in a paragraph with an underscore inside a word
         * stays unmarked (snudown's emphasis there is not CommonMark's) */
        if (o->style == SG_STYLE_MD_REDDIT) {
            size_t pa = f[i].start, pb = f[i].start;
            while (pa > 0 && !(text[pa - 1] == '\n' && pa >= 2 && text[pa - 2] == '\n'))
                pa--;
            while (text[pb] && !(text[pb] == '\n' && text[pb + 1] == '\n'))
                pb++;
            for (size_t k = pa + 1; k + 1 < pb; k++)
                held |= text[k] == '_' && sg_is_alnum((unsigned char)text[k - 1]) &&
                        sg_is_alnum((unsigned char)text[k + 1]);
        }
        /* Reddit: a sentence with a line that it opens holding a "<" stays
         * unmarked (each line is a mark of its own there) */
        for (size_t ls = f[i].start; o->style == SG_STYLE_MD_REDDIT && ls < f[i].end;) {
            const char *nl = memchr(text + ls, '\n', f[i].end - ls);
            size_t le = nl ? (size_t)(nl - text) : f[i].end, q = ls;
            while (q > 0 && (text[q - 1] == ' ' || text[q - 1] == '\t' || text[q - 1] == '>'))
                q--;
            held |= memchr(text + ls, '<', le - ls) &&
                    (q == 0 || text[q - 1] == '\n' || text[q - 1] == '\r');
            ls = le + 1;
        }
        n += !held;
    }
    return n;
}

/* A seed review (or labels.json) of the corpus, as sg_t_slurp reads it. */
static inline char *sg_t_slurp_seed(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/seeds/%s", SG_CORPUS_DIR, name);
    return sg_t_slurp(path, len);
}

/* ---- spans ------------------------------------------------------------------- */

/* Is src[start, end) exactly `want`? */
static inline int sg_t_span_is(const char *src, size_t start, size_t end,
                               const char *want)
{
    return end - start == strlen(want) && !memcmp(src + start, want, end - start);
}

/* Fail, saying what the span holds, unless src[start, end) is `want`. */
#define assert_span(src, start, end, want)                                               \
    do {                                                                                 \
        if (!sg_t_span_is((src), (start), (end), (want))) {                              \
            print_error("span [%zu,%zu) is \"%.*s\", want \"%s\"\n", (size_t)(start),    \
                        (size_t)(end), (int)((end) - (start)), (src) + (start), (want)); \
            fail();                                                                      \
        }                                                                                \
    } while (0)

/* ---- rendering ---------------------------------------------------------------- */

/* The group setup of the render tests: the shared engine (sg_t_engine, freed
 * by sg_t_teardown_engine) holds a small rule set of its own, so which
 * sentences are flagged does not follow the default packs.  "t.death" and
 * "t.ending" find deaths and endings; "t.odd" finds "zorblax" and has a kind
 * that needs escaping in every format. */
static inline int sg_t_setup_render_engine(void **state)
{
    (void)state;
    sg_error err;
    sg_engine *e = sg_engine_new_empty(&err);
    *sg_t_engine_slot() = e;
    if (!e)
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
    if (sg_engine_add_rule(e, &d, &err) != SG_OK)
        return -1;
    d.id = "t.ending";
    d.kind = "ending";
    d.patterns = ending;
    if (sg_engine_add_rule(e, &d, &err) != SG_OK)
        return -1;
    d.id = "t.odd";
    d.kind = "x<y>*_|z";
    d.patterns = odd;
    if (sg_engine_add_rule(e, &d, &err) != SG_OK)
        return -1;
    return 0;
}

/* sg_analyze of `text` by the shared engine as `fmt` in `style` with
 * `badge`, the other options at their defaults; the test fails when it
 * cannot.  Free the analysis. */
static inline sg_analysis *sg_t_analysis_of(const char *text, size_t len, sg_format fmt,
                                            sg_style style, sg_badge badge)
{
    sg_options o;
    sg_options_init(&o);
    o.format = fmt;
    o.style = style;
    o.badge = badge;
    sg_analysis *a = NULL;
    sg_error err;
    if (sg_analyze(sg_t_engine(), text, len, &o, &a, &err) != SG_OK)
        fail_msg("analyze failed: %s", err.message);
    return a;
}

/* The first byte where a[0, an) and b[0, bn) differ (the shorter length when
 * one is the other's start). */
static inline size_t sg_t_first_diff(const char *a, size_t an, const char *b, size_t bn)
{
    size_t k = 0;
    while (k < an && k < bn && a[k] == b[k])
        k++;
    return k;
}

/* Render `a` (over `text`, read as `fmt` with options `opts2`) and check
 * what every render must do: insert something when a flag can be marked,
 * strip back to `text` byte for byte, and render the same again when read
 * a second time, with every markable flag marked.  Returns the output
 * (sg_free it) and its length in *out_len. */
static inline char *sg_t_check_render(sg_analysis *a, const char *text, size_t len,
                                      sg_format fmt, const sg_options *opts2,
                                      size_t *out_len)
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
        size_t k = sg_t_first_diff(back, sl, text, len);
        fail_msg("strip differs at byte %zu: got \"%.40s\" want \"%.40s\"\noutput: %.*s",
                 k, back + k, text + k, (int)ol, out);
    }
    sg_free(back);

    sg_analysis *a2 = NULL;
    if (sg_analyze(sg_t_engine(), out, ol, opts2, &a2, &err) != SG_OK)
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

/* A short review in each format for the render tests: a title, a calm
 * opening, deaths and an ending the small rule set flags, and a rating. */
static const char sg_t_plain_doc[] =
    "Blade Falls Review\n\n"
    "The film opens slowly and builds a strange, lovely mood over its first hour.\n\n"
    "In the final act the hero dies in the fire. His brother walks away.\n\n"
    "Rating: 3/5\n";

static const char sg_t_md_doc[] =
    "# Blade Falls review\n\n"
    "The film opens slowly and builds a lovely mood.\n\n"
    "In the final act, *the hero dies. Then* his brother kills the villain.\n\n"
    "> In the end, the villain\n> dies in the fire. A quote.\n\n"
    "- In the end the queen dies.\n- Nice score.\n\n"
    "| a | b |\n|---|---|\n| At the end the king dies. | x |\n\n"
    "Rating: 4/5\n";

static const char sg_t_html_doc[] =
    "<!DOCTYPE html><html><head><title>Blade Falls review</title></head><body>\n"
    "<h1>Blade Falls review</h1>\n"
    "<p>The film opens slowly and builds a lovely mood.</p>\n"
    "<p>In the final act, <em>the hero dies. Then</em> his brother kills the "
    "villain.</p>\n"
    "<ul><li>In the end the queen dies.</li><li>Nice score.</li></ul>\n"
    "<p>Rating: 4/5</p>\n</body></html>\n";

/* ---- JSON ------------------------------------------------------------------- */

static inline const char *sg_t_json_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
        p++;
    return p;
}

/* Past the JSON string at p (its opening quote), or NULL when it is not one:
 * raw control characters and unknown escapes are refused. */
static inline const char *sg_t_json_scan_string(const char *p, const char *end)
{
    if (p >= end || *p != '"')
        return NULL;
    for (p++; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"')
            return p + 1;
        if (c < 0x20)
            return NULL;
        if (c == '\\') {
            p++;
            if (p >= end || !strchr("\"\\/bfnrtu", *p))
                return NULL;
        }
    }
    return NULL;
}

/* Past the JSON value at p (after white space), or NULL when it is not one. */
static inline const char *sg_t_json_scan_value(const char *p, const char *end, int depth)
{
    p = sg_t_json_ws(p, end);
    if (p >= end || depth > 64)
        return NULL;
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        int obj = *p == '{';
        p = sg_t_json_ws(p + 1, end);
        if (p < end && *p == close)
            return p + 1;
        for (;;) {
            if (obj) {
                p = sg_t_json_scan_string(sg_t_json_ws(p, end), end);
                if (!p)
                    return NULL;
                p = sg_t_json_ws(p, end);
                if (p >= end || *p != ':')
                    return NULL;
                p++;
            }
            p = sg_t_json_scan_value(p, end, depth + 1);
            if (!p)
                return NULL;
            p = sg_t_json_ws(p, end);
            if (p < end && *p == ',') {
                p++;
                continue;
            }
            return p < end && *p == close ? p + 1 : NULL;
        }
    }
    if (*p == '"')
        return sg_t_json_scan_string(p, end);
    if (end - p >= 4 && (!memcmp(p, "true", 4) || !memcmp(p, "null", 4)))
        return p + 4;
    if (end - p >= 5 && !memcmp(p, "false", 5))
        return p + 5;
    const char *s = p;
    while (p < end && *p && strchr("-+.eE0123456789", *p))
        p++;
    return p > s ? p : NULL;
}

/* Is s[0..n) exactly one JSON value (white space around it allowed)? */
static inline int sg_t_json_valid(const char *s, size_t n)
{
    const char *e = sg_t_json_scan_value(s, s + n, 0);
    return e && sg_t_json_ws(e, s + n) == s + n;
}

/* Decode the JSON string whose opening quote is at s[*i] into a new
 * NUL-terminated string (free it; *len gets its length when not NULL);
 * *i moves past the closing quote.  Lenient: meant for the corpus labels. */
static inline char *sg_t_json_string(const char *s, size_t n, size_t *i, size_t *len)
{
    sg_buf b;
    size_t k = *i + 1;
    sg_buf_init(&b);
    while (k < n && s[k] != '"') {
        if (s[k] != '\\' || k + 1 >= n) {
            sg_buf_putc(&b, s[k++]);
            continue;
        }
        char e = s[++k];
        unsigned cp, lo;
        char u8[4];
        k++;
        switch (e) {
        case 'n':
            sg_buf_putc(&b, '\n');
            break;
        case 't':
            sg_buf_putc(&b, '\t');
            break;
        case 'r':
            sg_buf_putc(&b, '\r');
            break;
        case 'b':
            sg_buf_putc(&b, '\b');
            break;
        case 'f':
            sg_buf_putc(&b, '\f');
            break;
        case 'u':
            if (n - k < 4 || !sg_hex4(s + k, &cp))
                break;
            k += 4;
            if (cp >= 0xD800 && cp < 0xDC00 && n - k >= 6 && s[k] == '\\' &&
                s[k + 1] == 'u' && sg_hex4(s + k + 2, &lo) && lo >= 0xDC00 &&
                lo < 0xE000) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                k += 6;
            }
            sg_buf_put(&b, u8, sg_utf8_encode(cp, u8));
            break;
        default:
            sg_buf_putc(&b, e);
            break;
        }
    }
    *i = k < n ? k + 1 : n;
    return sg_buf_take(&b, len);
}

/* ---- documents built by hand -------------------------------------------------- */

/* `d` holds all `len` bytes of `src` (NUL bytes and invalid UTF-8 as they
 * are) as one article paragraph, mapped exactly; free with sg_doc_free. */
static inline void sg_t_doc_whole(sg_doc *d, const char *src, size_t len)
{
    memset(d, 0, sizeof *d);
    d->src = src;
    d->len = len;
    assert_true(sg_doc_begin_block(d, SG_BLOCK_PARAGRAPH, 0, SG_WHY_ARTICLE, 0, 0));
    assert_true(sg_doc_add_text(d, src, len, 0, len, 1));
    assert_true(sg_doc_end_block(d, len));
}

/* A document written in a small notation (sg_t_doc_build): blocks are
 * separated by a blank line.  A block may start with a marker that is not
 * part of its text: "@r " related posts, "@n " navigation, "@b " byline,
 * "@f " footer, "@c " code, "# " a heading, "- " a list item.  Everything
 * else is an article paragraph.  Sentences come from the real segmenter,
 * spans mapped to the input as the engine maps them. */

typedef struct sg_t_doc {
    char *src;
    sg_doc doc;
    sg_sentence *s;
    size_t ns, cap;
} sg_t_doc;

typedef struct sg_t_doc_seg {
    sg_t_doc *d;
    size_t block;
} sg_t_doc_seg;

static inline void sg_t_doc_emit(void *ctx, size_t a, size_t e)
{
    sg_t_doc_seg *c = ctx;
    sg_doc *d = &c->d->doc;
    const sg_block *b = &d->blocks[c->block];
    sg_sentence s;
    s.block = c->block;
    s.view_start = b->view_start + a;
    s.view_end = b->view_start + e;
    s.start = sg_doc_to_src(d, b, s.view_start, 0);
    s.end = sg_doc_to_src(d, b, s.view_end, 1);
    assert_true(SG_VEC_PUSH(c->d->s, c->d->ns, c->d->cap, s));
}

/* Split every block of d->doc into sentences (d->s). */
static inline void sg_t_doc_sentences(sg_t_doc *d)
{
    for (size_t i = 0; i < d->doc.nblocks; i++) {
        sg_t_doc_seg c = {d, i};
        const sg_block *b = &d->doc.blocks[i];
        sg_segment(d->doc.view.data + b->view_start, b->view_len, sg_t_doc_emit, &c);
    }
}

static inline void sg_t_doc_build(sg_t_doc *d, const char *spec)
{
    memset(d, 0, sizeof *d);
    d->src = strdup(spec);
    assert_non_null(d->src);
    size_t len = strlen(spec);
    d->doc.src = d->src;
    d->doc.len = len;
    d->doc.format = SG_FORMAT_PLAIN;
    size_t i = 0;
    while (i < len) {
        const char *sep = strstr(d->src + i, "\n\n");
        size_t e = sep ? (size_t)(sep - d->src) : len;
        size_t t = i;
        sg_why why = SG_WHY_ARTICLE;
        sg_block_kind kind = SG_BLOCK_PARAGRAPH;
        if (e - i > 3 && d->src[i] == '@') {
            switch (d->src[i + 1]) {
            case 'r':
                why = SG_WHY_RELATED;
                break;
            case 'n':
                why = SG_WHY_NAVIGATION;
                break;
            case 'b':
                why = SG_WHY_BYLINE;
                break;
            case 'f':
                why = SG_WHY_FOOTER;
                break;
            case 'c':
                why = SG_WHY_CODE;
                kind = SG_BLOCK_CODE;
                break;
            default:
                break;
            }
            t = i + 3;
        } else if (e - i > 2 && d->src[i] == '#' && d->src[i + 1] == ' ') {
            kind = SG_BLOCK_HEADING;
            t = i + 2;
        } else if (e - i > 2 && d->src[i] == '-' && d->src[i + 1] == ' ') {
            kind = SG_BLOCK_LIST_ITEM;
            t = i + 2;
        }
        assert_true(
            sg_doc_begin_block(&d->doc, kind, kind == SG_BLOCK_HEADING, why, i, i));
        assert_true(sg_doc_add_text(&d->doc, d->src + t, e - t, t, e - t, 1));
        assert_true(sg_doc_end_block(&d->doc, e));
        i = sep ? e + 2 : len;
    }
    sg_t_doc_sentences(d);
}

/* Read seed review `name` with the real plain reader into `d`; 0 (and a
 * message) when the corpus is absent. */
static inline int sg_t_doc_seed(sg_t_doc *d, const char *name)
{
    size_t len = 0;
    sg_error err;
    memset(d, 0, sizeof *d);
    d->src = sg_t_slurp_seed(name, &len);
    if (!d->src) {
        print_message("corpus absent (%s/seeds/%s): skipping\n", SG_CORPUS_DIR, name);
        return 0;
    }
    assert_int_equal(sg_doc_read(&d->doc, d->src, len, SG_FORMAT_PLAIN, 64, &err), SG_OK);
    sg_t_doc_sentences(d);
    return 1;
}

static inline void sg_t_doc_free(sg_t_doc *d)
{
    free(d->s);
    sg_doc_free(&d->doc);
    free(d->src);
}

#endif
