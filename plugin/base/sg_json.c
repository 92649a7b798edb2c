/*
 * sg_json.c -- a strict reader for one JSON Lines object of the batch mode.
 *
 * Strict where JSON is (RFC 8259 grammar, escapes, surrogate pairs, no
 * trailing commas, no control characters in strings); raw bytes of 0x80 and
 * above are taken as they are, so an article holding invalid UTF-8 still
 * reaches the engine byte for byte, as it would from a file.
 */
#include "sg_json.h"
#include "sg_utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sg_json_reader {
    const char *s;
    size_t len, pos;
    size_t line_no;
    char *msg;
    size_t msgsz;
    int failed;
} sg_json_reader;

static int sg_json_fail(sg_json_reader *r, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records the first error only: later ones are consequences of it. */
static int sg_json_fail(sg_json_reader *r, size_t at, const char *fmt, ...)
{
    if (r->failed)
        return -1;
    r->failed = 1;
    if (!r->msg || r->msgsz == 0)
        return -1;
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (r->line_no > 0)
        snprintf(r->msg, r->msgsz, "line %zu: %s at column %zu", r->line_no, what,
                 at + 1);
    else
        snprintf(r->msg, r->msgsz, "%s at column %zu", what, at + 1);
    return -1;
}

/* Names the byte at `at` for a message: 'x' when printable, else its code. */
static int sg_json_unexpected(sg_json_reader *r, size_t at)
{
    if (at >= r->len)
        return sg_json_fail(r, at, "unexpected end of line");
    unsigned char c = (unsigned char)r->s[at];
    if (c >= 0x20 && c < 0x7f)
        return sg_json_fail(r, at, "unexpected '%c'", c);
    return sg_json_fail(r, at, "unexpected byte 0x%02X", c);
}

static int sg_json_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void sg_json_skip_space(sg_json_reader *r)
{
    while (r->pos < r->len && sg_json_is_space(r->s[r->pos]))
        r->pos++;
}

int sg_json_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!sg_json_is_space(s[i]))
            return 0;
    return 1;
}

static int sg_json_expect(sg_json_reader *r, char c)
{
    sg_json_skip_space(r);
    if (r->pos < r->len && r->s[r->pos] == c) {
        r->pos++;
        return 0;
    }
    return sg_json_fail(r, r->pos, "expected '%c'", c);
}

/* Reads the \u escape at r->pos (pointing at the backslash), a surrogate
 * pair included; returns the code point or -1. */
static long sg_json_unicode_escape(sg_json_reader *r)
{
    size_t at = r->pos;
    unsigned hi, lo;
    if (r->len - at < 6 || !sg_hex4(r->s + at + 2, &hi))
        return sg_json_fail(r, at, "invalid \\u escape (four hex digits expected)");
    r->pos = at + 6;
    if (hi >= 0xDC00 && hi <= 0xDFFF)
        return sg_json_fail(r, at, "unpaired surrogate \\u%04X", hi);
    if (hi < 0xD800 || hi > 0xDBFF)
        return (long)hi;
    if (r->len - r->pos < 6 || r->s[r->pos] != '\\' || r->s[r->pos + 1] != 'u' ||
        !sg_hex4(r->s + r->pos + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
        return sg_json_fail(r, at, "unpaired surrogate \\u%04X", hi);
    r->pos += 6;
    return 0x10000L + (((long)hi - 0xD800) << 10) + ((long)lo - 0xDC00);
}

/* Bytes that end a run of a string copied as it is: control characters (an
 * error there) and the backslash of an escape. */
/* clang-format off */
static const unsigned char sg_json_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['\\'] = 1,
};
/* clang-format on */

/* The first stop byte in s[i, end), else end.  Four bytes are tested at a
 * time: an article is long runs between escapes. */
static size_t sg_json_run_end(const unsigned char *s, size_t i, size_t end)
{
    while (end - i >= 4 && !(sg_json_stop[s[i]] | sg_json_stop[s[i + 1]] |
                             sg_json_stop[s[i + 2]] | sg_json_stop[s[i + 3]]))
        i += 4;
    while (i < end && !sg_json_stop[s[i]])
        i++;
    return i;
}

/* Reads a string at r->pos (its opening quote).  When `out` is not NULL the
 * decoded bytes go to a new buffer *out of *out_len bytes.  Decoding never
 * grows the text, so the raw span bounds the buffer. */
static int sg_json_string(sg_json_reader *r, char **out, size_t *out_len)
{
    size_t open = r->pos;
    size_t close = open + 1;
    /* the closing quote: the first one after an even run of backslashes */
    for (;;) {
        const char *q = close < r->len ? memchr(r->s + close, '"', r->len - close) : NULL;
        if (!q)
            return sg_json_fail(r, open, "unterminated string starting");
        close = (size_t)(q - r->s);
        size_t bs = close;
        while (bs > open + 1 && r->s[bs - 1] == '\\')
            bs--;
        if ((close - bs) % 2 == 0)
            break;
        close++;
    }

    char *buf = NULL;
    size_t n = 0;
    if (out) {
        buf = malloc(close - open);
        if (!buf)
            return sg_json_fail(r, open, "out of memory reading the string");
    }
    r->pos = open + 1;
    while (r->pos < close) {
        /* a run of bytes that stand for themselves, copied at once */
        size_t run = sg_json_run_end((const unsigned char *)r->s, r->pos, close);
        if (buf) {
            memcpy(buf + n, r->s + r->pos, run - r->pos);
            n += run - r->pos;
        }
        r->pos = run;
        if (run == close)
            break;
        unsigned char c = (unsigned char)r->s[r->pos];
        if (c < 0x20) {
            sg_json_fail(r, r->pos, "unescaped control character 0x%02X in string", c);
            goto fail;
        }
        char e = r->s[r->pos + 1];
        if (e == 'u') {
            long cp = sg_json_unicode_escape(r);
            if (cp < 0)
                goto fail;
            if (buf)
                n += sg_utf8_encode((uint32_t)cp, buf + n);
            continue;
        }
        static const char sg_json_escaped[] = "\"\\/bfnrt";
        static const char sg_json_unescaped[] = "\"\\/\b\f\n\r\t";
        const char *k = e ? strchr(sg_json_escaped, e) : NULL;
        if (!k) {
            if ((unsigned char)e >= 0x20 && (unsigned char)e < 0x7f)
                sg_json_fail(r, r->pos, "invalid escape '\\%c'", e);
            else
                sg_json_fail(r, r->pos, "invalid escape");
            goto fail;
        }
        if (buf)
            buf[n++] = sg_json_unescaped[k - sg_json_escaped];
        r->pos += 2;
    }
    r->pos = close + 1;
    if (out) {
        buf[n] = '\0';
        *out = buf;
        *out_len = n;
    }
    return 0;
fail:
    free(buf);
    return -1;
}

static int sg_json_digits(sg_json_reader *r)
{
    size_t from = r->pos;
    while (r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9')
        r->pos++;
    return r->pos > from ? 0 : -1;
}

static int sg_json_number(sg_json_reader *r)
{
    size_t at = r->pos;
    if (r->s[r->pos] == '-')
        r->pos++;
    if (r->pos < r->len && r->s[r->pos] == '0')
        r->pos++;
    else if (sg_json_digits(r) != 0)
        return sg_json_fail(r, at, "invalid number");
    if (r->pos < r->len && r->s[r->pos] == '.') {
        r->pos++;
        if (sg_json_digits(r) != 0)
            return sg_json_fail(r, at, "invalid number");
    }
    if (r->pos < r->len && (r->s[r->pos] == 'e' || r->s[r->pos] == 'E')) {
        r->pos++;
        if (r->pos < r->len && (r->s[r->pos] == '+' || r->s[r->pos] == '-'))
            r->pos++;
        if (sg_json_digits(r) != 0)
            return sg_json_fail(r, at, "invalid number");
    }
    /* "01" or "1x": a number must end where a value may end. */
    if (r->pos < r->len) {
        char c = r->s[r->pos];
        if (!sg_json_is_space(c) && c != ',' && c != '}' && c != ']')
            return sg_json_fail(r, at, "invalid number");
    }
    return 0;
}

static int sg_json_literal(sg_json_reader *r, const char *word)
{
    size_t n = strlen(word);
    if (r->len - r->pos >= n && memcmp(r->s + r->pos, word, n) == 0) {
        r->pos += n;
        return 0;
    }
    return sg_json_unexpected(r, r->pos);
}

/* After a member: 1 when a ',' says another follows, 0 when `close` ends
 * the container, -1 otherwise. */
static int sg_json_after_member(sg_json_reader *r, char close)
{
    sg_json_skip_space(r);
    if (r->pos < r->len && r->s[r->pos] == ',') {
        r->pos++;
        return 1;
    }
    if (r->pos < r->len && r->s[r->pos] == close) {
        r->pos++;
        return 0;
    }
    return sg_json_fail(r, r->pos, "expected ',' or '%c'", close);
}

typedef struct sg_json_walker sg_json_walker;
static int sg_json_skip_container(sg_json_reader *r, int depth);

/* Any value, checked and skipped. */
static int sg_json_value(sg_json_reader *r, int depth)
{
    sg_json_skip_space(r);
    if (r->pos >= r->len)
        return sg_json_fail(r, r->pos, "expected a value");
    switch (r->s[r->pos]) {
    case '"':
        return sg_json_string(r, NULL, NULL);
    case '{':
    case '[':
        return sg_json_skip_container(r, depth);
    case 't':
        return sg_json_literal(r, "true");
    case 'f':
        return sg_json_literal(r, "false");
    case 'n':
        return sg_json_literal(r, "null");
    default:
        if (r->s[r->pos] == '-' || (r->s[r->pos] >= '0' && r->s[r->pos] <= '9'))
            return sg_json_number(r);
        return sg_json_unexpected(r, r->pos);
    }
}

static int sg_json_key_is(const char *key, size_t n, const char *name)
{
    return n == strlen(name) && memcmp(key, name, n) == 0;
}

/* The value of "id": a string, a number kept as written, or null. */
static int sg_json_id(sg_json_reader *r, sg_json_line *out)
{
    size_t at = r->pos;
    char c = r->s[at];
    if (c == '"') {
        if (sg_json_string(r, &out->id, &out->id_len) != 0)
            return -1;
        out->id_type = SG_JSON_ID_STRING;
        return 0;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        if (sg_json_number(r) != 0)
            return -1;
        out->id = malloc(r->pos - at + 1);
        if (!out->id)
            return sg_json_fail(r, at, "out of memory reading \"id\"");
        memcpy(out->id, r->s + at, r->pos - at);
        out->id[r->pos - at] = '\0';
        out->id_len = r->pos - at;
        out->id_type = SG_JSON_ID_NUMBER;
        return 0;
    }
    if (c == 'n')
        return sg_json_literal(r, "null");
    return sg_json_fail(r, at, "\"id\" must be a string or a number");
}

static int sg_json_members(sg_json_reader *r, sg_json_line *out)
{
    int seen_id = 0;
    if (sg_json_expect(r, '{') != 0)
        return -1;
    sg_json_skip_space(r);
    if (r->pos < r->len && r->s[r->pos] == '}') {
        r->pos++;
        return 0;
    }
    for (;;) {
        sg_json_skip_space(r);
        size_t key_at = r->pos;
        char *key = NULL;
        size_t key_len = 0;
        if (r->pos >= r->len || r->s[r->pos] != '"')
            return sg_json_fail(r, r->pos, "expected a string key");
        if (sg_json_string(r, &key, &key_len) != 0)
            return -1;
        int which = sg_json_key_is(key, key_len, "id")     ? 1
                    : sg_json_key_is(key, key_len, "text") ? 2
                    : sg_json_key_is(key, key_len, "from") ? 3
                                                           : 0;
        free(key);
        if ((which == 1 && seen_id) || (which == 2 && out->text) ||
            (which == 3 && out->from))
            return sg_json_fail(r, key_at, "duplicate key \"%s\"",
                                which == 1   ? "id"
                                : which == 2 ? "text"
                                             : "from");
        if (sg_json_expect(r, ':') != 0)
            return -1;
        sg_json_skip_space(r);
        if (r->pos >= r->len)
            return sg_json_fail(r, r->pos, "expected a value");
        int rc;
        if (which == 1) {
            seen_id = 1;
            rc = sg_json_id(r, out);
        } else if (which == 2 || which == 3) {
            if (r->s[r->pos] != '"')
                return sg_json_fail(r, r->pos, "\"%s\" must be a string",
                                    which == 2 ? "text" : "from");
            rc = which == 2 ? sg_json_string(r, &out->text, &out->text_len)
                            : sg_json_string(r, &out->from, &out->from_len);
        } else {
            rc = sg_json_value(r, 2);
        }
        if (rc != 0)
            return -1;
        if ((rc = sg_json_after_member(r, '}')) <= 0)
            return rc;
    }
}

int sg_json_parse_line(const char *s, size_t len, size_t line_no, sg_json_line *out,
                       char *msg, size_t msgsz)
{
    sg_json_reader r = {s, len, 0, line_no, msg, msgsz, 0};
    memset(out, 0, sizeof *out);
    if (msg && msgsz)
        msg[0] = '\0';
    if (sg_json_members(&r, out) != 0)
        return -1;
    sg_json_skip_space(&r);
    if (r.pos < len) {
        unsigned char c = (unsigned char)s[r.pos];
        if (c >= 0x20 && c < 0x7f)
            return sg_json_fail(&r, r.pos, "unexpected '%c' after the object", c);
        return sg_json_fail(&r, r.pos, "unexpected byte 0x%02X after the object", c);
    }
    return 0;
}

/* ---- walking any JSON text (JSON-LD in pages) ---------------------------- */

struct sg_json_walker {
    sg_json_reader *r;
    sg_json_scalar_fn fn; /* NULL: check and skip only */
    void *ud;
    size_t objects;
};

static int sg_json_walk_value(sg_json_walker *w, int depth, const sg_json_scalar *at);

/* An object or array: an array passes its key and holder on to its values,
 * an object is a new holder reached by that key. */
static int sg_json_walk_container(sg_json_walker *w, int depth, const sg_json_scalar *at)
{
    sg_json_reader *r = w->r;
    char close = r->s[r->pos] == '{' ? '}' : ']';
    if (depth > SG_JSON_MAX_DEPTH)
        return sg_json_fail(r, r->pos, "nesting deeper than %d", SG_JSON_MAX_DEPTH);
    sg_json_scalar in = *at;
    if (close == '}') {
        in.object = ++w->objects;
        in.holder_key = at->key;
        in.holder_key_len = at->key_len;
    }
    r->pos++;
    sg_json_skip_space(r);
    if (r->pos < r->len && r->s[r->pos] == close) {
        r->pos++;
        return 0;
    }
    for (;;) {
        char *key = NULL;
        if (close == '}') {
            sg_json_skip_space(r);
            if (r->pos >= r->len || r->s[r->pos] != '"')
                return sg_json_fail(r, r->pos, "expected a string key");
            if (sg_json_string(r, w->fn ? &key : NULL, &in.key_len) != 0)
                return -1;
            in.key = key;
            if (sg_json_expect(r, ':') != 0) {
                free(key);
                return -1;
            }
        }
        int rc = sg_json_walk_value(w, depth + 1, &in);
        free(key);
        if (rc != 0)
            return -1;
        if ((rc = sg_json_after_member(r, close)) <= 0)
            return rc;
    }
}

static int sg_json_walk_value(sg_json_walker *w, int depth, const sg_json_scalar *at)
{
    sg_json_reader *r = w->r;
    sg_json_skip_space(r);
    if (r->pos >= r->len)
        return sg_json_fail(r, r->pos, "expected a value");
    char c = r->s[r->pos];
    if (c == '{' || c == '[')
        return sg_json_walk_container(w, depth, at);
    sg_json_scalar v = *at;
    v.start = r->pos;
    v.is_string = c == '"';
    if (sg_json_value(r, depth) != 0)
        return -1;
    v.end = r->pos;
    if (v.is_string) {
        v.start++;
        v.end--;
    }
    if (w->fn)
        w->fn(&v, w->ud);
    return 0;
}

/* An object or array inside a batch line: checked and skipped. */
static int sg_json_skip_container(sg_json_reader *r, int depth)
{
    sg_json_walker w = {r, NULL, NULL, 0};
    sg_json_scalar top;
    memset(&top, 0, sizeof top);
    return sg_json_walk_container(&w, depth, &top);
}

int sg_json_walk(const char *s, size_t len, sg_json_scalar_fn fn, void *ud)
{
    sg_json_reader r = {s, len, 0, 0, NULL, 0, 0};
    sg_json_walker w = {&r, fn, ud, 0};
    sg_json_scalar top;
    memset(&top, 0, sizeof top);
    if (sg_json_walk_value(&w, 0, &top) != 0)
        return -1;
    sg_json_skip_space(&r);
    return r.pos == len ? 0 : -1;
}

void sg_json_line_free(sg_json_line *line)
{
    if (!line)
        return;
    free(line->id);
    free(line->text);
    free(line->from);
    memset(line, 0, sizeof *line);
}

/* Bytes a JSON string may not hold as they are, or that need a look:
 * control characters, '"', '\\', '/' (after '<') and all of UTF-8. */
/* clang-format off */
static const unsigned char sg_json_esc_stop[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['/'] = 1, ['\\'] = 1,
    [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};
/* clang-format on */

void sg_json_escape(const char *s, size_t n, sg_json_sink put, void *ctx)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, run = 0;
    while (i < n) {
        /* ASCII that stands for itself, passed four bytes at a time */
        while (n - i >= 4 && !(sg_json_esc_stop[u[i]] | sg_json_esc_stop[u[i + 1]] |
                               sg_json_esc_stop[u[i + 2]] | sg_json_esc_stop[u[i + 3]]))
            i += 4;
        while (i < n && !sg_json_esc_stop[u[i]])
            i++;
        if (i == n)
            break;
        unsigned c = u[i];
        if (c >= 0x80) {
            size_t l = sg_utf8_decode(u + i, n - i, NULL);
            if (l) {
                /* U+2028/2029 break JavaScript string literals */
                if (l == 3 && c == 0xE2 && u[i + 1] == 0x80 &&
                    (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
                    put(ctx, s + run, i - run);
                    put(ctx, u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                    i += 3;
                    run = i;
                    continue;
                }
                i += l;
                continue;
            }
        }
        put(ctx, s + run, i - run);
        switch (c) {
        case '"': put(ctx, "\\\"", 2); break;
        case '\\': put(ctx, "\\\\", 2); break;
        case '/':
            /* only "</" needs it, to keep JSON inert inside <script> */
            if (i > 0 && u[i - 1] == '<')
                put(ctx, "\\/", 2);
            else
                put(ctx, "/", 1);
            break;
        case '\n': put(ctx, "\\n", 2); break;
        case '\r': put(ctx, "\\r", 2); break;
        case '\t': put(ctx, "\\t", 2); break;
        default: {
            static const char hex[] = "0123456789abcdef";
            const char u4[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            put(ctx, u4, 6);
            break;
        }
        }
        i++;
        run = i;
    }
    put(ctx, s + run, n - run);
}

static void sg_file_sink(void *ctx, const char *p, size_t n)
{
    fwrite(p, 1, n, ctx);
}

void sg_json_write_string(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    sg_json_escape(s, len, sg_file_sink, f);
    fputc('"', f);
}
