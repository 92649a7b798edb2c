/*
 * sg_train_data.c -- the trainer's labelled data: one sentence and its label
 * a row, read from CSV (RFC 4180) or JSON Lines.  Part of sg-train, not of
 * the library.
 */
#include "sg_train.h"
#include "sg_utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- labelled data ------------------------------------------------------------- */

typedef struct sg_sbuf {
    char *p;
    size_t n, cap;
} sg_sbuf;

static int sg_sbuf_put(sg_sbuf *b, const char *s, size_t n)
{
    if (n > SIZE_MAX - b->n - 1)
        return 0;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1)
            cap = cap > SIZE_MAX / 2 ? b->n + n + 1 : cap * 2;
        char *np = realloc(b->p, cap);
        if (!np)
            return 0;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 1;
}

sg_status sg_dataset_add(sg_dataset *d, const char *text, size_t n, int label,
                         sg_error *err)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        sg_example *ne = cap > SIZE_MAX / sizeof *ne
                             ? NULL
                             : realloc(d->ex, cap * sizeof *ne);
        if (!ne)
            return sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
        d->ex = ne;
        d->cap = cap;
    }
    char *copy = malloc(n + 1);
    if (!copy)
        return sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
    memcpy(copy, text, n);
    copy[n] = '\0';
    d->ex[d->n].text = copy;
    d->ex[d->n].len = n;
    d->ex[d->n].label = label != 0;
    d->n++;
    return SG_OK;
}

void sg_dataset_free(sg_dataset *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->ex[i].text);
    free(d->ex);
    memset(d, 0, sizeof *d);
}

/* Case-insensitive equality of s[0..n) (spaces trimmed) with `word`. */
static int sg_word_is(const char *s, size_t n, const char *word)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    size_t wn = strlen(word);
    if (n != wn)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)word[i])
            return 0;
    }
    return 1;
}

/* 1, 0, or -1 when the text is not a label. */
static int sg_parse_label(const char *s, size_t n)
{
    static const char *const yes[] = {"true", "1", "yes", "y", "t", "1.0", "spoiler"};
    static const char *const no[] = {"false", "0", "no", "n", "f", "0.0", "-1"};
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (sg_word_is(s, n, yes[i]))
            return 1;
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (sg_word_is(s, n, no[i]))
            return 0;
    return -1;
}

static int sg_is_text_key(const char *s, size_t n)
{
    return sg_word_is(s, n, "sentence") || sg_word_is(s, n, "text");
}

static int sg_is_label_key(const char *s, size_t n)
{
    return sg_word_is(s, n, "spoiler") || sg_word_is(s, n, "label") ||
           sg_word_is(s, n, "is_spoiler");
}

sg_status sg_dataset_read_csv(sg_dataset *d, const char *buf, size_t n,
                              const char *name, sg_error *err)
{
    size_t i = 0, line = 1;
    long text_col = -1, label_col = -1;
    int header = 1;
    sg_sbuf f = {0}, text = {0};
    sg_status st = SG_OK;
    if (!name)
        name = "csv";
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < n && st == SG_OK) {
        /* One record: fields up to an unquoted newline. */
        size_t rec_line = line;
        long col = 0;
        int label = -1, have_text = 0, blank = 1;
        for (;;) {
            f.n = 0;
            if (f.p)
                f.p[0] = '\0';
            if (i < n && buf[i] == '"') {
                size_t qline = line;
                i++;
                for (;;) {
                    if (i >= n) {
                        st = sg_train_fail(err, SG_ERR_USAGE,
                                           "%s:%zu: quoted field never closed",
                                           name, qline);
                        break;
                    }
                    if (buf[i] == '"') {
                        if (i + 1 < n && buf[i + 1] == '"') {
                            if (!sg_sbuf_put(&f, "\"", 1))
                                goto oom;
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    size_t j = i;
                    while (j < n && buf[j] != '"') {
                        if (buf[j] == '\n')
                            line++;
                        j++;
                    }
                    if (!sg_sbuf_put(&f, buf + i, j - i))
                        goto oom;
                    i = j;
                }
                if (st != SG_OK)
                    break;
                blank = 0;
            }
            /* Unquoted text (or text after a closing quote, kept leniently). */
            size_t j = i;
            while (j < n && buf[j] != ',' && buf[j] != '\n' && buf[j] != '\r')
                j++;
            if (j > i) {
                if (!sg_sbuf_put(&f, buf + i, j - i))
                    goto oom;
                blank = 0;
            }
            i = j;
            const char *fp = f.p ? f.p : "";
            if (header) {
                if (text_col < 0 && sg_is_text_key(fp, f.n))
                    text_col = col;
                else if (label_col < 0 && sg_is_label_key(fp, f.n))
                    label_col = col;
            } else if (col == text_col) {
                text.n = 0;
                if (!sg_sbuf_put(&text, fp, f.n))
                    goto oom;
                have_text = 1;
            } else if (col == label_col) {
                label = sg_parse_label(fp, f.n);
                if (label < 0) {
                    st = sg_train_fail(err, SG_ERR_USAGE,
                                       "%s:%zu: label \"%.40s\" is not "
                                       "true/false, 1/0 or yes/no",
                                       name, rec_line, fp);
                    break;
                }
            }
            col++;
            if (i < n && buf[i] == ',') {
                i++;
                blank = 0;
                continue;
            }
            if (i < n && buf[i] == '\r')
                i++;
            if (i < n && buf[i] == '\n')
                i++;
            line++;
            break;
        }
        if (st != SG_OK)
            break;
        if (header) {
            header = 0;
            if (text_col < 0 || label_col < 0) {
                st = sg_train_fail(err, SG_ERR_USAGE,
                                   "%s:1: the header needs a \"sentence\" (or "
                                   "\"text\") and a \"spoiler\" (or \"label\") "
                                   "column",
                                   name);
            }
            continue;
        }
        if (blank)
            continue;
        if (!have_text || label < 0) {
            st = sg_train_fail(err, SG_ERR_USAGE,
                               "%s:%zu: the record has no %s field", name,
                               rec_line, have_text ? "label" : "text");
            break;
        }
        st = sg_dataset_add(d, text.p ? text.p : "", text.n, label, err);
    }
    if (st == SG_OK && header)
        st = sg_train_fail(err, SG_ERR_USAGE, "%s: empty file", name);
    free(f.p);
    free(text.p);
    return st;
oom:
    free(f.p);
    free(text.p);
    return sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
}

/* ---- JSON Lines ---- */

static const char *sg_jl_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    return p;
}

/* A JSON string at *pp (at its opening quote), decoded into `out` when not
 * NULL.  Returns 1, 0 on bad syntax, -1 on OOM. */
static int sg_jl_string(const char **pp, const char *e, sg_sbuf *out)
{
    const char *p = *pp + 1;
    if (out)
        out->n = 0;
    while (p < e && *p != '"') {
        const char *s = p;
        while (p < e && *p != '"' && *p != '\\')
            p++;
        if (out && p > s && !sg_sbuf_put(out, s, (size_t)(p - s)))
            return -1;
        if (p >= e || *p == '"')
            break;
        if (++p >= e)
            return 0;
        char c = *p++;
        const char *lit = NULL;
        switch (c) {
        case '"': lit = "\""; break;
        case '\\': lit = "\\"; break;
        case '/': lit = "/"; break;
        case 'b': lit = "\b"; break;
        case 'f': lit = "\f"; break;
        case 'n': lit = "\n"; break;
        case 'r': lit = "\r"; break;
        case 't': lit = "\t"; break;
        case 'u': {
            unsigned cp, lo;
            char u8[4];
            if (e - p < 4 || !sg_hex4(p, &cp))
                return 0;
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' &&
                p[1] == 'u' && sg_hex4(p + 2, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD; /* a lone surrogate */
            }
            if (out && !sg_sbuf_put(out, u8, sg_utf8_encode(cp, u8)))
                return -1;
            continue;
        }
        default: return 0;
        }
        if (out && !sg_sbuf_put(out, lit, 1))
            return -1;
    }
    if (p >= e)
        return 0;
    *pp = p + 1;
    return 1;
}

/* Skip one JSON value of any shape (nesting counted, not recursed). */
static int sg_jl_skip(const char **pp, const char *e)
{
    const char *p = *pp;
    size_t depth = 0;
    do {
        p = sg_jl_ws(p, e);
        if (p >= e)
            return 0;
        if (*p == '"') {
            if (sg_jl_string(&p, e, NULL) != 1)
                return 0;
        } else if (*p == '{' || *p == '[') {
            depth++;
            p++;
        } else if (*p == '}' || *p == ']') {
            if (depth == 0)
                return 0;
            depth--;
            p++;
        } else if (*p == ',' || *p == ':') {
            if (depth == 0)
                return 0;
            p++;
        } else {
            const char *s = p;
            while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' &&
                   *p != '\t' && *p != '\r' && *p != '\n' && *p != ':' &&
                   *p != '"' && *p != '{' && *p != '[')
                p++;
            if (p == s)
                return 0;
        }
    } while (depth > 0);
    *pp = p;
    return 1;
}

sg_status sg_dataset_read_jsonl(sg_dataset *d, const char *buf, size_t n,
                                const char *name, sg_error *err)
{
    const char *p = buf, *lim = buf + n;
    size_t line = 0;
    sg_sbuf key = {0}, text = {0}, sval = {0};
    sg_status st = SG_OK;
    if (!name)
        name = "jsonl";
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < lim && st == SG_OK) {
        const char *nl = memchr(p, '\n', (size_t)(lim - p));
        const char *e = nl ? nl : lim, *q = sg_jl_ws(p, e);
        line++;
        p = nl ? nl + 1 : lim;
        if (q >= e)
            continue;
        int label = -1, have_text = 0, r = 1;
        const char *why = NULL;
        if (*q != '{') {
            why = "expected a JSON object";
            goto bad;
        }
        q = sg_jl_ws(q + 1, e);
        while (q < e && *q != '}') {
            if (*q != '"') {
                why = "expected a key";
                goto bad;
            }
            if ((r = sg_jl_string(&q, e, &key)) != 1)
                goto str_fail;
            q = sg_jl_ws(q, e);
            if (q >= e || *q != ':') {
                why = "expected ':'";
                goto bad;
            }
            q = sg_jl_ws(q + 1, e);
            const char *kp = key.p ? key.p : "";
            if (sg_is_text_key(kp, key.n) && q < e && *q == '"') {
                if ((r = sg_jl_string(&q, e, &text)) != 1)
                    goto str_fail;
                have_text = 1;
            } else if (sg_is_label_key(kp, key.n) && q < e) {
                const char *s = q;
                if (*q == '"') {
                    if ((r = sg_jl_string(&q, e, &sval)) != 1)
                        goto str_fail;
                    label = sg_parse_label(sval.p ? sval.p : "", sval.n);
                } else {
                    if (!sg_jl_skip(&q, e)) {
                        why = "bad value";
                        goto bad;
                    }
                    label = sg_parse_label(s, (size_t)(q - s));
                }
                if (label < 0) {
                    why = "the label is not true/false or 1/0";
                    goto bad;
                }
            } else if (!sg_jl_skip(&q, e)) {
                why = "bad value";
                goto bad;
            }
            q = sg_jl_ws(q, e);
            if (q < e && *q == ',')
                q = sg_jl_ws(q + 1, e);
            else if (q < e && *q != '}') {
                why = "expected ',' or '}'";
                goto bad;
            }
        }
        if (q >= e) {
            why = "the object is not closed on its line";
            goto bad;
        }
        if (!have_text || label < 0) {
            why = have_text ? "no \"label\" (or \"spoiler\")"
                            : "no \"text\" (or \"sentence\") string";
            goto bad;
        }
        st = sg_dataset_add(d, text.p ? text.p : "", text.n, label, err);
        continue;
    str_fail:
        if (r < 0) {
            st = sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
            break;
        }
        why = "bad string";
    bad:
        st = sg_train_fail(err, SG_ERR_USAGE, "%s:%zu: %s", name, line, why);
    }
    free(key.p);
    free(text.p);
    free(sval.p);
    return st;
}

sg_status sg_dataset_load(sg_dataset *d, const char *path, sg_error *err)
{
    size_t n;
    char *buf = sg_read_file(path, &n, err);
    if (!buf)
        return err ? err->status : SG_ERR_USAGE;
    size_t i = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
                     buf[i] == '\n'))
        i++;
    sg_status st = i < n && buf[i] == '{'
                       ? sg_dataset_read_jsonl(d, buf, n, path, err)
                       : sg_dataset_read_csv(d, buf, n, path, err);
    free(buf);
    return st;
}
