/* sg_html_tok.c -- the HTML tokenizer (sg_html.h).  It follows the WHATWG
 * tokenizer states closely enough to find the same tags, comments and raw
 * text as a browser, in time linear in the input. */
#include "sg_html.h"
#include "sg_text.h"

/* ---- tokenizer ------------------------------------------------------------------ */

enum { SG_HS_DATA = 0, SG_HS_RCDATA, SG_HS_RAWTEXT, SG_HS_SCRIPT, SG_HS_PLAINTEXT };

void sg_html_init(sg_html_tokenizer *t, const char *src, size_t len)
{
    memset(t, 0, sizeof *t);
    t->src = src;
    t->len = len;
}

int sg_html_is(const sg_html_token *tok, const char *name)
{
    return tok->name_len < SG_HTML_NAME_MAX && strlen(name) == tok->name_len &&
           !memcmp(tok->name, name, tok->name_len);
}

/* One step of the attribute states, from before-attribute-name at *pos.
 * Returns 1 with an attribute, 0 when the tag ended (*pos past its '>') and
 * -1 when the input ended inside the tag. */
static int sg_html_attr_step(const char *s, size_t len, size_t *pos, sg_html_attr *a,
                             int *self_closing)
{
    size_t i = *pos;
    for (;;) {
        while (i < len && sg_is_ws((unsigned char)s[i]))
            i++;
        if (i >= len) {
            *pos = len;
            return -1;
        }
        if (s[i] == '>') {
            *pos = i + 1;
            return 0;
        }
        if (s[i] != '/')
            break;
        /* self-closing start tag state */
        if (i + 1 >= len) {
            *pos = len;
            return -1;
        }
        if (s[i + 1] == '>') {
            *self_closing = 1;
            *pos = i + 2;
            return 0;
        }
        i++; /* a stray '/' is dropped; reconsume in before-attribute-name */
    }
    a->name = i++; /* the first character may be '=' */
    while (i < len && !sg_is_ws((unsigned char)s[i]) && s[i] != '/' && s[i] != '>' &&
           s[i] != '=')
        i++;
    a->name_len = i - a->name;
    a->has_value = 0;
    a->value = i;
    a->value_len = 0;
    size_t j = i;
    while (j < len && sg_is_ws((unsigned char)s[j]))
        j++;
    if (j >= len) {
        *pos = len;
        return -1;
    }
    if (s[j] != '=') {
        *pos = j; /* '/', '>' or the next attribute's name */
        return 1;
    }
    j++;
    while (j < len && sg_is_ws((unsigned char)s[j]))
        j++;
    if (j >= len) {
        *pos = len;
        return -1;
    }
    a->has_value = 1;
    if (s[j] == '"' || s[j] == '\'') {
        const char *q = memchr(s + j + 1, s[j], len - j - 1);
        if (!q) {
            *pos = len;
            return -1;
        }
        a->value = j + 1;
        a->value_len = (size_t)(q - s) - (j + 1);
        *pos = (size_t)(q - s) + 1;
        return 1;
    }
    if (s[j] == '>') { /* "a=>" : an empty value, then the tag ends */
        a->value = j;
        *pos = j;
        return 1;
    }
    size_t k = j;
    while (k < len && !sg_is_ws((unsigned char)s[k]) && s[k] != '>')
        k++;
    if (k >= len) {
        *pos = len;
        return -1;
    }
    a->value = j;
    a->value_len = k - j;
    *pos = k;
    return 1;
}

/* A start or end tag whose name begins at `name_at`; 0 when the input ends
 * inside it (the partial tag is dropped, as browsers do). */
static int sg_html_tag(sg_html_tokenizer *t, size_t p, size_t name_at, sg_html_type type,
                       sg_html_token *tok)
{
    const char *s = t->src;
    size_t len = t->len, i = name_at, nl = 0;
    while (i < len && !sg_is_ws((unsigned char)s[i]) && s[i] != '/' && s[i] != '>') {
        if (nl < SG_HTML_NAME_MAX - 1)
            tok->name[nl] = (char)sg_to_lower((unsigned char)s[i]);
        nl++;
        i++;
    }
    tok->name[nl < SG_HTML_NAME_MAX - 1 ? nl : SG_HTML_NAME_MAX - 1] = '\0';
    tok->name_len = nl;
    tok->attr_start = i;
    int sc = 0;
    sg_html_attr a;
    for (;;) {
        int r = sg_html_attr_step(s, len, &i, &a, &sc);
        if (r < 0) {
            t->pos = len;
            return 0;
        }
        if (r == 0)
            break;
    }
    tok->type = type;
    tok->start = p;
    tok->end = i;
    tok->text_start = tok->text_end = i;
    tok->attr_end = i;
    tok->self_closing = sc;
    t->pos = i;
    return 1;
}

/* Does the '<' at s[i] begin markup in the data state? */
static int sg_html_markup_at(const char *s, size_t len, size_t i)
{
    if (i + 1 >= len)
        return 0;
    unsigned char c = (unsigned char)s[i + 1];
    if (sg_is_alpha(c) || c == '!' || c == '?')
        return 1;
    return c == '/' && i + 2 < len;
}

static void sg_html_comment_tok(sg_html_token *tok, size_t p, size_t body,
                                size_t body_end, size_t end, int cut)
{
    tok->type = SG_HTML_COMMENT;
    tok->start = p;
    tok->end = end;
    tok->text_start = body;
    tok->text_end = body_end;
    tok->cut = cut;
}

/* A bogus comment: from `body` to the next '>' or the end. */
static void sg_html_bogus(sg_html_tokenizer *t, size_t p, size_t body, sg_html_token *tok)
{
    const char *gt = body < t->len ? memchr(t->src + body, '>', t->len - body) : NULL;
    if (gt) {
        size_t g = (size_t)(gt - t->src);
        sg_html_comment_tok(tok, p, body, g, g + 1, 0);
    } else
        sg_html_comment_tok(tok, p, body, t->len, t->len, 1);
    t->pos = tok->end;
}

/* "<!--" at p: the comment states (start, start dash, comment, end dash, end,
 * end bang) come down to: "-->" or "--!>" closes, and so do ">" or "->"
 * right after the opening. */
static void sg_html_comment(sg_html_tokenizer *t, size_t p, sg_html_token *tok)
{
    const char *s = t->src;
    size_t len = t->len, b = p + 4;
    if (b < len && s[b] == '>')
        sg_html_comment_tok(tok, p, b, b, b + 1, 0);
    else if (b + 1 < len && s[b] == '-' && s[b + 1] == '>')
        sg_html_comment_tok(tok, p, b, b, b + 2, 0);
    else {
        size_t i = b;
        for (;;) {
            const char *d = i < len ? memchr(s + i, '-', len - i) : NULL;
            if (!d) {
                sg_html_comment_tok(tok, p, b, len, len, 1);
                break;
            }
            i = (size_t)(d - s);
            if (i + 2 < len && s[i + 1] == '-' && s[i + 2] == '>') {
                sg_html_comment_tok(tok, p, b, i, i + 3, 0);
                break;
            }
            if (i + 3 < len && s[i + 1] == '-' && s[i + 2] == '!' && s[i + 3] == '>') {
                sg_html_comment_tok(tok, p, b, i, i + 4, 0);
                break;
            }
            i++;
        }
    }
    t->pos = tok->end;
}

/* Is "</name" followed by a tag-name delimiter at s[i]? */
static int sg_html_end_tag_at(const char *s, size_t len, size_t i, const char *name,
                              size_t nl)
{
    if (i + 2 + nl >= len || s[i] != '<' || s[i + 1] != '/')
        return 0;
    if (!sg_ieq(s + i + 2, nl, name))
        return 0;
    unsigned char c = (unsigned char)s[i + 2 + nl];
    return sg_is_ws(c) || c == '/' || c == '>';
}

/* RCDATA and RAWTEXT run to the appropriate end tag. */
static size_t sg_html_raw_end(const sg_html_tokenizer *t, size_t p)
{
    const char *s = t->src;
    size_t len = t->len;
    while (p < len) {
        const char *lt = memchr(s + p, '<', len - p);
        if (!lt)
            return len;
        p = (size_t)(lt - s);
        if (sg_html_end_tag_at(s, len, p, t->raw_name, t->raw_len))
            return p;
        p++;
    }
    return len;
}

/* Read an ASCII letter run at s[i]; is it "script" followed by a delimiter?
 * *next gets the index after the letters. */
static int sg_html_script_word(const char *s, size_t len, size_t i, size_t *next)
{
    size_t j = i;
    while (j < len && sg_is_alpha((unsigned char)s[j]))
        j++;
    *next = j;
    if (j >= len || !sg_ieq(s + i, j - i, "script"))
        return 0;
    unsigned char c = (unsigned char)s[j];
    return sg_is_ws(c) || c == '/' || c == '>';
}

/* Script data with its escaped and double-escaped states: "</script" ends it
 * except inside "<!-- <script> ... </script> -->"-style double escapes. */
static size_t sg_html_script_end(const sg_html_tokenizer *t, size_t p)
{
    enum { D, E, ED, EDD, X, XD, XDD } st = D;
    const char *s = t->src;
    size_t len = t->len, i = p;
    while (i < len) {
        char c = s[i];
        switch (st) {
        case D:
            if (c == '<') {
                if (sg_html_end_tag_at(s, len, i, "script", 6))
                    return i;
                if (i + 3 < len && s[i + 1] == '!' && s[i + 2] == '-' &&
                    s[i + 3] == '-') {
                    st = EDD;
                    i += 4;
                    continue;
                }
            }
            i++;
            continue;
        case E:
        case ED:
        case EDD:
            if (c == '-') {
                st = st == E ? ED : EDD;
                i++;
                continue;
            }
            if (c == '>' && st == EDD) {
                st = D;
                i++;
                continue;
            }
            if (c == '<') {
                if (sg_html_end_tag_at(s, len, i, "script", 6))
                    return i;
                size_t next;
                if (i + 1 < len && sg_is_alpha((unsigned char)s[i + 1])) {
                    if (sg_html_script_word(s, len, i + 1, &next)) {
                        st = X;
                        i = next + 1;
                    } else {
                        st = E;
                        i = next;
                    }
                    continue;
                }
            }
            st = E;
            i++;
            continue;
        case X:
        case XD:
        case XDD:
            if (c == '-') {
                st = st == X ? XD : XDD;
                i++;
                continue;
            }
            if (c == '>' && st == XDD) {
                st = D;
                i++;
                continue;
            }
            if (c == '<' && i + 1 < len && s[i + 1] == '/') {
                size_t next;
                if (sg_html_script_word(s, len, i + 2, &next)) {
                    st = E;
                    i = next + 1;
                } else {
                    st = X;
                    i = next > i + 2 ? next : i + 2;
                }
                continue;
            }
            st = X;
            i++;
            continue;
        }
    }
    return len;
}

/* After a start tag: the elements whose content the tokenizer reads raw. */
static void sg_html_switch(sg_html_tokenizer *t, const sg_html_token *tok)
{
    static const struct {
        const char *name;
        int state;
    } raw[] = {{"title", SG_HS_RCDATA},     {"textarea", SG_HS_RCDATA},
               {"style", SG_HS_RAWTEXT},    {"xmp", SG_HS_RAWTEXT},
               {"iframe", SG_HS_RAWTEXT},   {"noembed", SG_HS_RAWTEXT},
               {"noframes", SG_HS_RAWTEXT}, {"noscript", SG_HS_RAWTEXT},
               {"script", SG_HS_SCRIPT},    {"plaintext", SG_HS_PLAINTEXT}};
    if (t->foreign || !strchr("tsxinp", tok->name[0]))
        return;
    for (size_t i = 0; i < sizeof raw / sizeof raw[0]; i++)
        if (sg_html_is(tok, raw[i].name)) {
            t->state = raw[i].state;
            memcpy(t->raw_name, tok->name, tok->name_len + 1);
            t->raw_len = tok->name_len;
            return;
        }
}

int sg_html_next(sg_html_tokenizer *t, sg_html_token *tok)
{
    const char *s = t->src;
    size_t len = t->len;
    memset(tok, 0, sizeof *tok);
    for (;;) {
        size_t p = t->pos;
        if (p >= len) {
            tok->type = SG_HTML_EOF;
            tok->start = tok->end = len;
            return 0;
        }
        if (t->state != SG_HS_DATA) {
            size_t end;
            if (t->state == SG_HS_PLAINTEXT)
                end = len;
            else if (t->state == SG_HS_SCRIPT)
                end = sg_html_script_end(t, p);
            else
                end = sg_html_raw_end(t, p);
            tok->rcdata = t->state == SG_HS_RCDATA;
            if (t->state != SG_HS_PLAINTEXT)
                t->state = SG_HS_DATA;
            t->pos = end;
            if (end == p)
                continue; /* empty: the end tag follows */
            tok->type = SG_HTML_RAWTEXT;
            tok->start = tok->text_start = p;
            tok->end = tok->text_end = end;
            memcpy(tok->name, t->raw_name, t->raw_len + 1);
            tok->name_len = t->raw_len;
            tok->cut = end == len;
            return 1;
        }
        if (s[p] == '<' && sg_html_markup_at(s, len, p)) {
            unsigned char c = (unsigned char)s[p + 1];
            if (sg_is_alpha(c)) {
                if (!sg_html_tag(t, p, p + 1, SG_HTML_START_TAG, tok))
                    continue;
                sg_html_switch(t, tok);
                return 1;
            }
            if (c == '/') {
                unsigned char c2 = (unsigned char)s[p + 2];
                if (sg_is_alpha(c2)) {
                    if (!sg_html_tag(t, p, p + 2, SG_HTML_END_TAG, tok))
                        continue;
                    return 1;
                }
                if (c2 == '>') { /* "</>" is dropped */
                    t->pos = p + 3;
                    continue;
                }
                sg_html_bogus(t, p, p + 2, tok);
                return 1;
            }
            if (c == '?') {
                sg_html_bogus(t, p, p + 1, tok);
                return 1;
            }
            /* markup declaration open */
            if (p + 3 < len && s[p + 2] == '-' && s[p + 3] == '-') {
                sg_html_comment(t, p, tok);
                return 1;
            }
            if (len - p >= 9 && sg_ieq(s + p + 2, 7, "doctype")) {
                const char *gt = memchr(s + p + 9, '>', len - p - 9);
                size_t end = gt ? (size_t)(gt - s) + 1 : len;
                size_t i = p + 9, nl = 0;
                while (i < end && sg_is_ws((unsigned char)s[i]))
                    i++;
                while (i < end && !sg_is_ws((unsigned char)s[i]) && s[i] != '>') {
                    if (nl < SG_HTML_NAME_MAX - 1)
                        tok->name[nl] = (char)sg_to_lower((unsigned char)s[i]);
                    nl++;
                    i++;
                }
                tok->name_len = nl;
                tok->type = SG_HTML_DOCTYPE;
                tok->start = p;
                tok->end = end;
                tok->text_start = p + 9;
                tok->text_end = gt ? end - 1 : end;
                tok->cut = !gt;
                t->pos = end;
                return 1;
            }
            if (t->foreign && len - p >= 9 && !memcmp(s + p + 2, "[CDATA[", 7)) {
                size_t i = p + 9;
                for (;;) {
                    const char *b = i < len ? memchr(s + i, ']', len - i) : NULL;
                    if (!b) {
                        sg_html_comment_tok(tok, p, p + 9, len, len, 1);
                        break;
                    }
                    i = (size_t)(b - s);
                    if (i + 2 < len && s[i + 1] == ']' && s[i + 2] == '>') {
                        sg_html_comment_tok(tok, p, p + 9, i, i + 3, 0);
                        break;
                    }
                    i++;
                }
                t->pos = tok->end;
                return 1;
            }
            sg_html_bogus(t, p, p + 2, tok); /* CDATA in HTML content too */
            return 1;
        }
        /* text up to the next '<' that starts markup */
        size_t i = s[p] == '<' ? p + 1 : p;
        size_t end = len;
        while (i < len) {
            const char *lt = memchr(s + i, '<', len - i);
            if (!lt)
                break;
            size_t q = (size_t)(lt - s);
            if (sg_html_markup_at(s, len, q)) {
                end = q;
                break;
            }
            i = q + 1;
        }
        tok->type = SG_HTML_TEXT;
        tok->start = tok->text_start = p;
        tok->end = tok->text_end = end;
        t->pos = end;
        return 1;
    }
}

int sg_html_attr_next(const sg_html_tokenizer *t, const sg_html_token *tok,
                      size_t *cursor, sg_html_attr *a)
{
    if (tok->type != SG_HTML_START_TAG && tok->type != SG_HTML_END_TAG)
        return 0;
    size_t i = *cursor ? *cursor : tok->attr_start;
    if (i >= tok->end)
        return 0;
    int sc = 0;
    int r = sg_html_attr_step(t->src, tok->end, &i, a, &sc);
    *cursor = r == 1 ? i : tok->end;
    return r == 1;
}

int sg_html_attr_name_is(const char *src, const sg_html_attr *a, const char *name)
{
    return sg_ieq(src + a->name, a->name_len, name);
}

int sg_html_attr_get(const sg_html_tokenizer *t, const sg_html_token *tok,
                     const char *name, sg_html_attr *a)
{
    size_t cur = 0;
    while (sg_html_attr_next(t, tok, &cur, a))
        if (sg_html_attr_name_is(t->src, a, name))
            return 1;
    return 0;
}

int sg_html_attr_value(const char *src, const sg_html_attr *a, sg_buf *out)
{
    return sg_html_decode(out, src + a->value, a->value_len, 1);
}
