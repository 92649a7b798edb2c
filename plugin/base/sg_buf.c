/* sg_buf.c -- growable buffers, escaping, small helpers. */
#include "sg_internal.h"
#include "sg_json.h"
#include "sg_utf8.h"

#include <stdio.h>

void sg_buf_init(sg_buf *b) { memset(b, 0, sizeof *b); }

void sg_buf_free(sg_buf *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int sg_buf_reserve(sg_buf *b, size_t extra)
{
    if (b->failed)
        return 0;
    if (extra > SIZE_MAX - b->len - 1) {
        b->failed = 1;
        return 0;
    }
    size_t need = b->len + extra + 1; /* room for a NUL */
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

int sg_buf_put(sg_buf *b, const void *p, size_t n)
{
    if (!sg_buf_reserve(b, n))
        return 0;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 1;
}

int sg_buf_puts(sg_buf *b, const char *s) { return sg_buf_put(b, s, strlen(s)); }

int sg_buf_putc(sg_buf *b, int c)
{
    char ch = (char)c;
    return sg_buf_put(b, &ch, 1);
}

int sg_buf_printf(sg_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !sg_buf_reserve(b, (size_t)n))
        return 0;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 1;
}

int sg_buf_put_html(sg_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        sg_buf_put(b, s + run, i - run);
        sg_buf_puts(b, rep);
        run = i + 1;
    }
    return sg_buf_put(b, s + run, n - run);
}

static void sg_buf_sink(void *ctx, const char *p, size_t n)
{
    sg_buf_put(ctx, p, n);
}

int sg_buf_put_json(sg_buf *b, const char *s, size_t n)
{
    sg_json_escape(s, n, sg_buf_sink, b);
    return !b->failed;
}

char *sg_buf_take(sg_buf *b, size_t *len)
{
    if (b->failed) {
        sg_buf_free(b);
        return NULL;
    }
    if (!sg_buf_reserve(b, 0))
        return NULL;
    b->data[b->len] = '\0';
    char *p = b->data;
    if (len)
        *len = b->len;
    memset(b, 0, sizeof *b);
    return p;
}

int sg_vec_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t c = *cap ? *cap : 8;
    while (c < need) {
        if (c > SIZE_MAX / 2 / elem)
            return 0;
        c *= 2;
    }
    void *p = realloc(*ptr, c * elem);
    if (!p)
        return 0;
    *ptr = p;
    *cap = c;
    return 1;
}

char *sg_strndup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sg_set_error(sg_error *err, sg_status st, const char *fmt, ...)
{
    if (!err)
        return;
    err->status = st;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

void sg_line_col(const char *text, size_t len, size_t off, size_t *line,
                 size_t *col)
{
    size_t l = 1, bol = 0;
    if (off > len)
        off = len;
    for (const char *p = text; (p = memchr(p, '\n', (size_t)(text + off - p)));) {
        l++;
        p++;
        bol = (size_t)(p - text);
    }
    *line = l;
    *col = off - bol + 1;
}

void sg_free(void *p) { free(p); }

const char *sg_status_name(sg_status status)
{
    switch (status) {
    case SG_OK: return "ok";
    case SG_ERR_USAGE: return "usage";
    case SG_ERR_INPUT: return "input";
    case SG_ERR_RULE: return "rule";
    case SG_ERR_HOOK: return "hook";
    case SG_ERR_MEMORY: return "memory";
    }
    return "unknown";
}
