/* sg_html.c -- the HTML tokenizer and the HTML reader.
 *
 * The tokenizer follows the WHATWG tokenizer states closely enough to find the
 * same tags, comments and raw text as a browser.  The reader builds no tree:
 * it keeps a stack of open elements (bounded by the document's max_depth),
 * applies the usual implied end tags so ordinary pages stay shallow, and turns
 * the text into blocks with exact source spans.  Every decision is O(1) per
 * token (the "nearest element of kind X" questions are answered by indices
 * kept on each stack entry), so the reader runs in linear time. */
#include "sg_html.h"
#include "sg_utf8.h"

#include <stdint.h>

/* ---- characters ------------------------------------------------------------ */

static int sg_html_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int sg_html_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int sg_html_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int sg_html_alnum(unsigned char c)
{
    return sg_html_alpha(c) || sg_html_digit(c);
}

static unsigned char sg_html_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* Do n bytes at s equal the lower-case ASCII word w, ignoring case? */
static int sg_html_ieq(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    for (; i < n && w[i]; i++)
        if (sg_html_lower((unsigned char)s[i]) != (unsigned char)w[i])
            return 0;
    return i == n && w[i] == '\0';
}

/* ---- character references ---------------------------------------------------- */

typedef struct sg_html_entity {
    const char *name;
    const char *utf8;
    int legacy; /* also recognised without the ';' */
} sg_html_entity;

/* The references reviews use, sorted by name (strcmp order).  Legacy ones
 * are the Latin-1 set that browsers accept without a semicolon. */
static const sg_html_entity sg_html_entities[] = {
    {"AElig", "\xC3\x86", 1},
    {"AMP", "&", 1},
    {"Aacute", "\xC3\x81", 1},
    {"Acirc", "\xC3\x82", 1},
    {"Agrave", "\xC3\x80", 1},
    {"Aring", "\xC3\x85", 1},
    {"Atilde", "\xC3\x83", 1},
    {"Auml", "\xC3\x84", 1},
    {"COPY", "\xC2\xA9", 1},
    {"Ccedil", "\xC3\x87", 1},
    {"Dagger", "\xE2\x80\xA1", 0},
    {"Delta", "\xCE\x94", 0},
    {"ETH", "\xC3\x90", 1},
    {"Eacute", "\xC3\x89", 1},
    {"Ecirc", "\xC3\x8A", 1},
    {"Egrave", "\xC3\x88", 1},
    {"Euml", "\xC3\x8B", 1},
    {"GT", ">", 1},
    {"Iacute", "\xC3\x8D", 1},
    {"Icirc", "\xC3\x8E", 1},
    {"Igrave", "\xC3\x8C", 1},
    {"Iuml", "\xC3\x8F", 1},
    {"LT", "<", 1},
    {"NewLine", "\x0A", 0},
    {"Ntilde", "\xC3\x91", 1},
    {"OElig", "\xC5\x92", 0},
    {"Oacute", "\xC3\x93", 1},
    {"Ocirc", "\xC3\x94", 1},
    {"Ograve", "\xC3\x92", 1},
    {"Omega", "\xCE\xA9", 0},
    {"Oslash", "\xC3\x98", 1},
    {"Otilde", "\xC3\x95", 1},
    {"Ouml", "\xC3\x96", 1},
    {"Pi", "\xCE\xA0", 0},
    {"Prime", "\xE2\x80\xB3", 0},
    {"QUOT", "\x22", 1},
    {"REG", "\xC2\xAE", 1},
    {"Scaron", "\xC5\xA0", 0},
    {"Sigma", "\xCE\xA3", 0},
    {"THORN", "\xC3\x9E", 1},
    {"Tab", "\x09", 0},
    {"Uacute", "\xC3\x9A", 1},
    {"Ucirc", "\xC3\x9B", 1},
    {"Ugrave", "\xC3\x99", 1},
    {"Uuml", "\xC3\x9C", 1},
    {"Yacute", "\xC3\x9D", 1},
    {"Yuml", "\xC5\xB8", 0},
    {"aacute", "\xC3\xA1", 1},
    {"acirc", "\xC3\xA2", 1},
    {"acute", "\xC2\xB4", 1},
    {"aelig", "\xC3\xA6", 1},
    {"agrave", "\xC3\xA0", 1},
    {"alpha", "\xCE\xB1", 0},
    {"amp", "&", 1},
    {"apos", "'", 0},
    {"aring", "\xC3\xA5", 1},
    {"ast", "*", 0},
    {"asymp", "\xE2\x89\x88", 0},
    {"atilde", "\xC3\xA3", 1},
    {"auml", "\xC3\xA4", 1},
    {"bdquo", "\xE2\x80\x9E", 0},
    {"beta", "\xCE\xB2", 0},
    {"brvbar", "\xC2\xA6", 1},
    {"bsol", "\x5C", 0},
    {"bull", "\xE2\x80\xA2", 0},
    {"ccedil", "\xC3\xA7", 1},
    {"cedil", "\xC2\xB8", 1},
    {"cent", "\xC2\xA2", 1},
    {"check", "\xE2\x9C\x93", 0},
    {"circ", "\xCB\x86", 0},
    {"clubs", "\xE2\x99\xA3", 0},
    {"colon", ":", 0},
    {"comma", ",", 0},
    {"commat", "@", 0},
    {"copy", "\xC2\xA9", 1},
    {"cross", "\xE2\x9C\x97", 0},
    {"curren", "\xC2\xA4", 1},
    {"dagger", "\xE2\x80\xA0", 0},
    {"darr", "\xE2\x86\x93", 0},
    {"dash", "\xE2\x80\x90", 0},
    {"deg", "\xC2\xB0", 1},
    {"delta", "\xCE\xB4", 0},
    {"diams", "\xE2\x99\xA6", 0},
    {"divide", "\xC3\xB7", 1},
    {"dollar", "$", 0},
    {"eacute", "\xC3\xA9", 1},
    {"ecirc", "\xC3\xAA", 1},
    {"egrave", "\xC3\xA8", 1},
    {"emsp", "\xE2\x80\x83", 0},
    {"ensp", "\xE2\x80\x82", 0},
    {"epsilon", "\xCE\xB5", 0},
    {"equals", "=", 0},
    {"equiv", "\xE2\x89\xA1", 0},
    {"eth", "\xC3\xB0", 1},
    {"euml", "\xC3\xAB", 1},
    {"euro", "\xE2\x82\xAC", 0},
    {"excl", "!", 0},
    {"fnof", "\xC6\x92", 0},
    {"frac12", "\xC2\xBD", 1},
    {"frac14", "\xC2\xBC", 1},
    {"frac34", "\xC2\xBE", 1},
    {"frasl", "\xE2\x81\x84", 0},
    {"gamma", "\xCE\xB3", 0},
    {"ge", "\xE2\x89\xA5", 0},
    {"gt", ">", 1},
    {"hArr", "\xE2\x87\x94", 0},
    {"hairsp", "\xE2\x80\x8A", 0},
    {"half", "\xC2\xBD", 0},
    {"harr", "\xE2\x86\x94", 0},
    {"hearts", "\xE2\x99\xA5", 0},
    {"hellip", "\xE2\x80\xA6", 0},
    {"horbar", "\xE2\x80\x95", 0},
    {"hyphen", "\xE2\x80\x90", 0},
    {"iacute", "\xC3\xAD", 1},
    {"icirc", "\xC3\xAE", 1},
    {"iexcl", "\xC2\xA1", 1},
    {"igrave", "\xC3\xAC", 1},
    {"infin", "\xE2\x88\x9E", 0},
    {"iquest", "\xC2\xBF", 1},
    {"isin", "\xE2\x88\x88", 0},
    {"iuml", "\xC3\xAF", 1},
    {"lArr", "\xE2\x87\x90", 0},
    {"lambda", "\xCE\xBB", 0},
    {"laquo", "\xC2\xAB", 1},
    {"larr", "\xE2\x86\x90", 0},
    {"lbrace", "{", 0},
    {"lcub", "{", 0},
    {"ldquo", "\xE2\x80\x9C", 0},
    {"le", "\xE2\x89\xA4", 0},
    {"lowbar", "_", 0},
    {"lpar", "(", 0},
    {"lrm", "\xE2\x80\x8E", 0},
    {"lsaquo", "\xE2\x80\xB9", 0},
    {"lsqb", "[", 0},
    {"lsquo", "\xE2\x80\x98", 0},
    {"lt", "<", 1},
    {"macr", "\xC2\xAF", 1},
    {"mdash", "\xE2\x80\x94", 0},
    {"micro", "\xC2\xB5", 1},
    {"middot", "\xC2\xB7", 1},
    {"minus", "\xE2\x88\x92", 0},
    {"mu", "\xCE\xBC", 0},
    {"nbsp", "\xC2\xA0", 1},
    {"ndash", "\xE2\x80\x93", 0},
    {"ne", "\xE2\x89\xA0", 0},
    {"not", "\xC2\xAC", 1},
    {"notin", "\xE2\x88\x89", 0},
    {"ntilde", "\xC3\xB1", 1},
    {"num", "#", 0},
    {"oacute", "\xC3\xB3", 1},
    {"ocirc", "\xC3\xB4", 1},
    {"oelig", "\xC5\x93", 0},
    {"ograve", "\xC3\xB2", 1},
    {"oline", "\xE2\x80\xBE", 0},
    {"omega", "\xCF\x89", 0},
    {"ordf", "\xC2\xAA", 1},
    {"ordm", "\xC2\xBA", 1},
    {"oslash", "\xC3\xB8", 1},
    {"otilde", "\xC3\xB5", 1},
    {"ouml", "\xC3\xB6", 1},
    {"para", "\xC2\xB6", 1},
    {"percnt", "%", 0},
    {"period", ".", 0},
    {"permil", "\xE2\x80\xB0", 0},
    {"phi", "\xCF\x86", 0},
    {"pi", "\xCF\x80", 0},
    {"plus", "+", 0},
    {"plusmn", "\xC2\xB1", 1},
    {"pound", "\xC2\xA3", 1},
    {"prime", "\xE2\x80\xB2", 0},
    {"prod", "\xE2\x88\x8F", 0},
    {"quest", "?", 0},
    {"quot", "\x22", 1},
    {"rArr", "\xE2\x87\x92", 0},
    {"radic", "\xE2\x88\x9A", 0},
    {"raquo", "\xC2\xBB", 1},
    {"rarr", "\xE2\x86\x92", 0},
    {"rbrace", "}", 0},
    {"rcub", "}", 0},
    {"rdquo", "\xE2\x80\x9D", 0},
    {"reg", "\xC2\xAE", 1},
    {"rlm", "\xE2\x80\x8F", 0},
    {"rpar", ")", 0},
    {"rsaquo", "\xE2\x80\xBA", 0},
    {"rsqb", "]", 0},
    {"rsquo", "\xE2\x80\x99", 0},
    {"sbquo", "\xE2\x80\x9A", 0},
    {"scaron", "\xC5\xA1", 0},
    {"sect", "\xC2\xA7", 1},
    {"semi", ";", 0},
    {"shy", "\xC2\xAD", 1},
    {"sigma", "\xCF\x83", 0},
    {"sol", "/", 0},
    {"spades", "\xE2\x99\xA0", 0},
    {"star", "\xE2\x98\x86", 0},
    {"starf", "\xE2\x98\x85", 0},
    {"sum", "\xE2\x88\x91", 0},
    {"sup1", "\xC2\xB9", 1},
    {"sup2", "\xC2\xB2", 1},
    {"sup3", "\xC2\xB3", 1},
    {"szlig", "\xC3\x9F", 1},
    {"theta", "\xCE\xB8", 0},
    {"thinsp", "\xE2\x80\x89", 0},
    {"thorn", "\xC3\xBE", 1},
    {"tilde", "\xCB\x9C", 0},
    {"times", "\xC3\x97", 1},
    {"trade", "\xE2\x84\xA2", 0},
    {"uacute", "\xC3\xBA", 1},
    {"uarr", "\xE2\x86\x91", 0},
    {"ucirc", "\xC3\xBB", 1},
    {"ugrave", "\xC3\xB9", 1},
    {"uml", "\xC2\xA8", 1},
    {"uuml", "\xC3\xBC", 1},
    {"verbar", "|", 0},
    {"yacute", "\xC3\xBD", 1},
    {"yen", "\xC2\xA5", 1},
    {"yuml", "\xC3\xBF", 1},
    {"zwj", "\xE2\x80\x8D", 0},
    {"zwnj", "\xE2\x80\x8C", 0},
};

#define SG_HTML_NENT (sizeof sg_html_entities / sizeof sg_html_entities[0])

static const sg_html_entity *sg_html_entity_find(const char *s, size_t n)
{
    size_t lo = 0, hi = SG_HTML_NENT;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *name = sg_html_entities[mid].name;
        size_t nl = strlen(name);
        int c = memcmp(s, name, n < nl ? n : nl);
        if (c == 0)
            c = n < nl ? -1 : n > nl;
        if (c == 0)
            return &sg_html_entities[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* Numeric references to C1 controls mean Windows-1252 (WHATWG table). */
static const uint16_t sg_html_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

size_t sg_html_charref(const char *s, size_t n, int in_attr, char out[8], size_t *out_len)
{
    *out_len = 0;
    if (n < 2 || s[0] != '&')
        return 0;
    if (s[1] == '#') {
        size_t i = 2;
        int hex = 0;
        if (i < n && (s[i] == 'x' || s[i] == 'X')) {
            hex = 1;
            i++;
        }
        size_t first = i;
        uint32_t v = 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            uint32_t d;
            if (sg_html_digit(c))
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                break;
            if (v <= 0x10FFFF) /* past the last code point it stays invalid */
                v = v * (hex ? 16 : 10) + d;
        }
        if (i == first)
            return 0; /* "&#" or "&#x" without digits is text */
        if (i < n && s[i] == ';')
            i++;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        else if (v >= 0x80 && v <= 0x9F && sg_html_c1[v - 0x80])
            v = sg_html_c1[v - 0x80];
        *out_len = sg_utf8_encode(v, out);
        return i;
    }
    size_t run = 0;
    while (1 + run < n && run < 32 && sg_html_alnum((unsigned char)s[1 + run]))
        run++;
    if (!run)
        return 0;
    const sg_html_entity *e;
    if (1 + run < n && s[1 + run] == ';' && (e = sg_html_entity_find(s + 1, run))) {
        *out_len = strlen(e->utf8);
        memcpy(out, e->utf8, *out_len);
        return run + 2;
    }
    /* the longest legacy name that prefixes the run, as browsers do */
    for (size_t k = run; k > 0; k--) {
        e = sg_html_entity_find(s + 1, k);
        if (!e || !e->legacy)
            continue;
        unsigned char next = 1 + k < n ? (unsigned char)s[1 + k] : 0;
        if (in_attr && (next == '=' || sg_html_alnum(next)))
            return 0; /* "?a=1&copy=2" in a URL stays as written */
        *out_len = strlen(e->utf8);
        memcpy(out, e->utf8, *out_len);
        return k + 1;
    }
    return 0;
}

int sg_html_decode(sg_buf *out, const char *s, size_t n, int in_attr)
{
    size_t run = 0, i = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        if (!amp)
            break;
        size_t j = (size_t)(amp - s);
        char tmp[8];
        size_t tl;
        size_t used = sg_html_charref(s + j, n - j, in_attr, tmp, &tl);
        if (!used) {
            i = j + 1;
            continue;
        }
        sg_buf_put(out, s + run, j - run);
        sg_buf_put(out, tmp, tl);
        i = run = j + used;
    }
    return sg_buf_put(out, s + run, n - run);
}

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
        while (i < len && sg_html_ws((unsigned char)s[i]))
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
    while (i < len && !sg_html_ws((unsigned char)s[i]) && s[i] != '/' && s[i] != '>' &&
           s[i] != '=')
        i++;
    a->name_len = i - a->name;
    a->has_value = 0;
    a->value = i;
    a->value_len = 0;
    size_t j = i;
    while (j < len && sg_html_ws((unsigned char)s[j]))
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
    while (j < len && sg_html_ws((unsigned char)s[j]))
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
    while (k < len && !sg_html_ws((unsigned char)s[k]) && s[k] != '>')
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
    while (i < len && !sg_html_ws((unsigned char)s[i]) && s[i] != '/' && s[i] != '>') {
        if (nl < SG_HTML_NAME_MAX - 1)
            tok->name[nl] = (char)sg_html_lower((unsigned char)s[i]);
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
    if (sg_html_alpha(c) || c == '!' || c == '?')
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
    if (!sg_html_ieq(s + i + 2, nl, name))
        return 0;
    unsigned char c = (unsigned char)s[i + 2 + nl];
    return sg_html_ws(c) || c == '/' || c == '>';
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
    while (j < len && sg_html_alpha((unsigned char)s[j]))
        j++;
    *next = j;
    if (j >= len || !sg_html_ieq(s + i, j - i, "script"))
        return 0;
    unsigned char c = (unsigned char)s[j];
    return sg_html_ws(c) || c == '/' || c == '>';
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
                if (i + 1 < len && sg_html_alpha((unsigned char)s[i + 1])) {
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
            if (sg_html_alpha(c)) {
                if (!sg_html_tag(t, p, p + 1, SG_HTML_START_TAG, tok))
                    continue;
                sg_html_switch(t, tok);
                return 1;
            }
            if (c == '/') {
                unsigned char c2 = (unsigned char)s[p + 2];
                if (sg_html_alpha(c2)) {
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
            if (len - p >= 9 && sg_html_ieq(s + p + 2, 7, "doctype")) {
                const char *gt = memchr(s + p + 9, '>', len - p - 9);
                size_t end = gt ? (size_t)(gt - s) + 1 : len;
                size_t i = p + 9, nl = 0;
                while (i < end && sg_html_ws((unsigned char)s[i]))
                    i++;
                while (i < end && !sg_html_ws((unsigned char)s[i]) && s[i] != '>') {
                    if (nl < SG_HTML_NAME_MAX - 1)
                        tok->name[nl] = (char)sg_html_lower((unsigned char)s[i]);
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
    return sg_html_ieq(src + a->name, a->name_len, name);
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

/* ---- the reader: element classes ---------------------------------------------- */

enum {
    SG_HT_V = 1 << 0,  /* void: never pushed */
    SG_HT_I = 1 << 1,  /* phrasing: does not break a paragraph */
    SG_HT_S = 1 << 2,  /* "special" in the tree-construction sense */
    SG_HT_C = 1 << 3,  /* bounds the default scope */
    SG_HT_P = 1 << 4,  /* its start tag closes an open <p> */
    SG_HT_B = 1 << 5,  /* a text block of its own */
    SG_HT_H = 1 << 6,  /* h1-h6 */
    SG_HT_X = 1 << 7,  /* breaks out of <svg>/<math> content */
    SG_HT_L = 1 << 8,  /* a list */
    SG_HT_Q = 1 << 9,  /* a quotation */
    SG_HT_T = 1 << 10, /* sectioning: article aside main nav section search */
    SG_HT_N = 1 << 11, /* an article root by its tag */
    SG_HT_R = 1 << 12, /* content read raw by the tokenizer */
    SG_HT_F = 1 << 13  /* foreign content root */
};

typedef struct sg_html_tag_info {
    const char *name;
    unsigned flags;
    sg_why why;
    sg_block_kind kind;
} sg_html_tag_info;

/* Tag ids: indices into sg_html_tags. */
enum {
    SG_TAG_A,
    SG_TAG_ABBR,
    SG_TAG_ADDRESS,
    SG_TAG_APPLET,
    SG_TAG_AREA,
    SG_TAG_ARTICLE,
    SG_TAG_ASIDE,
    SG_TAG_AUDIO,
    SG_TAG_B,
    SG_TAG_BASE,
    SG_TAG_BASEFONT,
    SG_TAG_BDI,
    SG_TAG_BDO,
    SG_TAG_BGSOUND,
    SG_TAG_BIG,
    SG_TAG_BLOCKQUOTE,
    SG_TAG_BODY,
    SG_TAG_BR,
    SG_TAG_BUTTON,
    SG_TAG_CANVAS,
    SG_TAG_CAPTION,
    SG_TAG_CENTER,
    SG_TAG_CITE,
    SG_TAG_CODE,
    SG_TAG_COL,
    SG_TAG_COLGROUP,
    SG_TAG_DATA,
    SG_TAG_DATALIST,
    SG_TAG_DD,
    SG_TAG_DEL,
    SG_TAG_DETAILS,
    SG_TAG_DFN,
    SG_TAG_DIALOG,
    SG_TAG_DIR,
    SG_TAG_DIV,
    SG_TAG_DL,
    SG_TAG_DT,
    SG_TAG_EM,
    SG_TAG_EMBED,
    SG_TAG_FIELDSET,
    SG_TAG_FIGCAPTION,
    SG_TAG_FIGURE,
    SG_TAG_FONT,
    SG_TAG_FOOTER,
    SG_TAG_FORM,
    SG_TAG_FRAME,
    SG_TAG_FRAMESET,
    SG_TAG_H1,
    SG_TAG_H2,
    SG_TAG_H3,
    SG_TAG_H4,
    SG_TAG_H5,
    SG_TAG_H6,
    SG_TAG_HEAD,
    SG_TAG_HEADER,
    SG_TAG_HGROUP,
    SG_TAG_HR,
    SG_TAG_HTML,
    SG_TAG_I,
    SG_TAG_IFRAME,
    SG_TAG_IMAGE,
    SG_TAG_IMG,
    SG_TAG_INPUT,
    SG_TAG_INS,
    SG_TAG_KBD,
    SG_TAG_KEYGEN,
    SG_TAG_LABEL,
    SG_TAG_LEGEND,
    SG_TAG_LI,
    SG_TAG_LINK,
    SG_TAG_LISTING,
    SG_TAG_MAIN,
    SG_TAG_MAP,
    SG_TAG_MARK,
    SG_TAG_MARQUEE,
    SG_TAG_MATH,
    SG_TAG_MENU,
    SG_TAG_META,
    SG_TAG_METER,
    SG_TAG_NAV,
    SG_TAG_NOBR,
    SG_TAG_NOEMBED,
    SG_TAG_NOFRAMES,
    SG_TAG_NOSCRIPT,
    SG_TAG_OBJECT,
    SG_TAG_OL,
    SG_TAG_OPTGROUP,
    SG_TAG_OPTION,
    SG_TAG_OUTPUT,
    SG_TAG_P,
    SG_TAG_PARAM,
    SG_TAG_PICTURE,
    SG_TAG_PLAINTEXT,
    SG_TAG_PRE,
    SG_TAG_PROGRESS,
    SG_TAG_Q,
    SG_TAG_RB,
    SG_TAG_RP,
    SG_TAG_RT,
    SG_TAG_RTC,
    SG_TAG_RUBY,
    SG_TAG_S,
    SG_TAG_SAMP,
    SG_TAG_SCRIPT,
    SG_TAG_SEARCH,
    SG_TAG_SECTION,
    SG_TAG_SELECT,
    SG_TAG_SLOT,
    SG_TAG_SMALL,
    SG_TAG_SOURCE,
    SG_TAG_SPAN,
    SG_TAG_STRIKE,
    SG_TAG_STRONG,
    SG_TAG_STYLE,
    SG_TAG_SUB,
    SG_TAG_SUMMARY,
    SG_TAG_SUP,
    SG_TAG_SVG,
    SG_TAG_TABLE,
    SG_TAG_TBODY,
    SG_TAG_TD,
    SG_TAG_TEMPLATE,
    SG_TAG_TEXTAREA,
    SG_TAG_TFOOT,
    SG_TAG_TH,
    SG_TAG_THEAD,
    SG_TAG_TIME,
    SG_TAG_TITLE,
    SG_TAG_TR,
    SG_TAG_TRACK,
    SG_TAG_TT,
    SG_TAG_U,
    SG_TAG_UL,
    SG_TAG_VAR,
    SG_TAG_VIDEO,
    SG_TAG_WBR,
    SG_TAG_XMP,
    SG_TAG__COUNT
};

/* Sorted by name (strcmp order) for bsearch. */
static const sg_html_tag_info sg_html_tags[] = {
    {"a", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"abbr", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"address", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"applet", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"area", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"article", SG_HT_S | SG_HT_P | SG_HT_T | SG_HT_N, SG_WHY_ARTICLE,
     SG_BLOCK_PARAGRAPH},
    {"aside", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_RELATED, SG_BLOCK_PARAGRAPH},
    {"audio", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"b", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"base", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"basefont", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bdi", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bdo", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"bgsound", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"big", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"blockquote", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_Q | SG_HT_B, SG_WHY_ARTICLE,
     SG_BLOCK_QUOTE},
    {"body", SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"br", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"button", SG_HT_S | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"canvas", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"caption", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"center", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"cite", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"code", SG_HT_I | SG_HT_X, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
    {"col", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"colgroup", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"data", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"datalist", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"dd", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"del", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"details", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dfn", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dialog", SG_HT_S | SG_HT_P, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"dir", SG_HT_S | SG_HT_P | SG_HT_L, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"div", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dl", SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"dt", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"em", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"embed", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"fieldset", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"figcaption", SG_HT_S | SG_HT_P | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"figure", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"font", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"footer", SG_HT_S | SG_HT_P, SG_WHY_FOOTER, SG_BLOCK_PARAGRAPH},
    {"form", SG_HT_S | SG_HT_P, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"frame", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"frameset", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"h1", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h2", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h3", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h4", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h5", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"h6", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B | SG_HT_H, SG_WHY_ARTICLE,
     SG_BLOCK_HEADING},
    {"head", SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"header", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"hgroup", SG_HT_S | SG_HT_P, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"hr", SG_HT_V | SG_HT_S | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"html", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"i", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"iframe", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"image", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"img", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"input", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ins", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"kbd", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"keygen", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"label", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"legend", SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"li", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_LIST_ITEM},
    {"link", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"listing", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_CODE, SG_BLOCK_CODE},
    {"main", SG_HT_S | SG_HT_P | SG_HT_T | SG_HT_N, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"map", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"mark", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"marquee", SG_HT_S | SG_HT_C, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"math", SG_HT_I | SG_HT_F, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"menu", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"meta", SG_HT_V | SG_HT_I | SG_HT_S | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"meter", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"nav", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_NAVIGATION, SG_BLOCK_PARAGRAPH},
    {"nobr", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"noembed", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"noframes", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"noscript", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"object", SG_HT_S | SG_HT_C | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"ol", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"optgroup", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"option", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"output", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"p", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"param", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"picture", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"plaintext", SG_HT_S | SG_HT_P | SG_HT_R, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
    {"pre", SG_HT_S | SG_HT_P | SG_HT_X | SG_HT_B, SG_WHY_CODE, SG_BLOCK_CODE},
    {"progress", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"q", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rb", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rp", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rt", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"rtc", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ruby", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"s", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"samp", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"script", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_SCRIPT, SG_BLOCK_PARAGRAPH},
    {"search", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_NAVIGATION, SG_BLOCK_PARAGRAPH},
    {"section", SG_HT_S | SG_HT_P | SG_HT_T, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"select", SG_HT_S | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"slot", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"small", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"source", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"span", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"strike", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"strong", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"style", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_STYLE, SG_BLOCK_PARAGRAPH},
    {"sub", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"summary", SG_HT_S | SG_HT_P | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_OTHER},
    {"sup", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"svg", SG_HT_I | SG_HT_F, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"table", SG_HT_S | SG_HT_C | SG_HT_P | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tbody", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"td", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_TABLE_CELL},
    {"template", SG_HT_S | SG_HT_C | SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"textarea", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"tfoot", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"th", SG_HT_S | SG_HT_C | SG_HT_B, SG_WHY_ARTICLE, SG_BLOCK_TABLE_CELL},
    {"thead", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"time", SG_HT_I, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"title", SG_HT_S | SG_HT_I | SG_HT_R, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tr", SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"track", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"tt", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"u", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"ul", SG_HT_S | SG_HT_P | SG_HT_L | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"var", SG_HT_I | SG_HT_X, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"video", SG_HT_I, SG_WHY_BOILERPLATE, SG_BLOCK_PARAGRAPH},
    {"wbr", SG_HT_V | SG_HT_I | SG_HT_S, SG_WHY_ARTICLE, SG_BLOCK_PARAGRAPH},
    {"xmp", SG_HT_S | SG_HT_P | SG_HT_R, SG_WHY_CODE, SG_BLOCK_PARAGRAPH},
};

static const sg_html_tag_info *sg_html_tag_find(const sg_html_token *tok)
{
    /* a NUL in a name makes it another name ("p\0" is not "p") */
    if (tok->name_len >= SG_HTML_NAME_MAX || strlen(tok->name) != tok->name_len)
        return NULL;
    size_t lo = 0, hi = sizeof sg_html_tags / sizeof sg_html_tags[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(tok->name, sg_html_tags[mid].name);
        if (!c)
            return &sg_html_tags[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

sg_why sg_html_tag_class(const sg_html_token *tok, sg_block_kind *kind, int *block,
                         int *is_void)
{
    const sg_html_tag_info *ti = sg_html_tag_find(tok);
    *kind = ti ? ti->kind : SG_BLOCK_PARAGRAPH;
    *block = ti && !(ti->flags & SG_HT_I);
    *is_void = ti && (ti->flags & SG_HT_V);
    return ti ? ti->why : SG_WHY_ARTICLE;
}

/* ---- the reader: class, id and role words --------------------------------------- */

typedef struct sg_html_word {
    const char *word;
    size_t len;
    int prefix; /* also matches words it starts ("nav" -> "navbar") */
    sg_why why;
} sg_html_word;

static const sg_html_word sg_html_chrome_words[] = {
    {"nav", 3, 1, SG_WHY_NAVIGATION},
    {"menu", 4, 1, SG_WHY_NAVIGATION},
    {"breadcrumb", 10, 1, SG_WHY_NAVIGATION},
    {"pagination", 10, 1, SG_WHY_NAVIGATION},
    {"pager", 5, 0, SG_WHY_NAVIGATION},
    {"skip", 4, 0, SG_WHY_NAVIGATION},
    {"related", 7, 1, SG_WHY_RELATED},
    {"trending", 8, 1, SG_WHY_RELATED},
    {"popular", 7, 1, SG_WHY_RELATED},
    {"recommended", 11, 1, SG_WHY_RELATED},
    {"sidebar", 7, 1, SG_WHY_RELATED},
    {"recirc", 6, 1, SG_WHY_RELATED},
    {"outbrain", 8, 1, SG_WHY_RELATED},
    {"taboola", 7, 1, SG_WHY_RELATED},
    {"newsletter", 10, 1, SG_WHY_NEWSLETTER},
    {"subscribe", 9, 1, SG_WHY_NEWSLETTER},
    {"subscription", 12, 1, SG_WHY_NEWSLETTER},
    {"signup", 6, 1, SG_WHY_NEWSLETTER},
    {"optin", 5, 1, SG_WHY_NEWSLETTER},
    {"share", 5, 1, SG_WHY_SHARE},
    {"sharing", 7, 1, SG_WHY_SHARE},
    {"social", 6, 1, SG_WHY_SHARE},
    {"comment", 7, 1, SG_WHY_COMMENTS},
    {"disqus", 6, 1, SG_WHY_COMMENTS},
    {"footer", 6, 1, SG_WHY_FOOTER},
    {"copyright", 9, 1, SG_WHY_FOOTER},
    {"colophon", 8, 1, SG_WHY_FOOTER},
    {"byline", 6, 1, SG_WHY_BYLINE},
    {"author", 6, 1, SG_WHY_BYLINE},
    {"dateline", 8, 1, SG_WHY_BYLINE},
    {"meta", 4, 0, SG_WHY_BYLINE},
    {"tags", 4, 0, SG_WHY_BOILERPLATE},
    {"tag", 3, 0, SG_WHY_BOILERPLATE},
    {"tagcloud", 8, 1, SG_WHY_BOILERPLATE},
    {"widget", 6, 1, SG_WHY_BOILERPLATE},
    {"cookie", 6, 1, SG_WHY_BOILERPLATE},
    {"consent", 7, 1, SG_WHY_BOILERPLATE},
    {"gdpr", 4, 1, SG_WHY_BOILERPLATE},
    {"advert", 6, 1, SG_WHY_BOILERPLATE},
    {"ad", 2, 0, SG_WHY_BOILERPLATE},
    {"ads", 3, 0, SG_WHY_BOILERPLATE},
    {"adsense", 7, 1, SG_WHY_BOILERPLATE},
    {"adslot", 6, 1, SG_WHY_BOILERPLATE},
    {"sponsor", 7, 1, SG_WHY_BOILERPLATE},
    {"promo", 5, 1, SG_WHY_BOILERPLATE},
    {"masthead", 8, 1, SG_WHY_BOILERPLATE},
};

/* Class names that say "this is the article's body". */
static const char *const sg_html_root_classes[] = {
    "entry-content", "post-content", "article-body",  "article-content",  "post-body",
    "story-body",    "entry-body",   "article--body", "article--content", "story-content",
    "articlebody",   "post-entry",   "review-body",   "review-content",   NULL};

typedef struct sg_html_class {
    sg_why why;  /* the first chrome word found */
    int root;    /* names an article body */
    int spoiler; /* marks a spoiler */
} sg_html_class;

/* Look at one class token or id: split camelCase and '-', '_' into words. */
static void sg_html_class_token(const char *t, size_t n, sg_html_class *c)
{
    char w[160];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof w - 2; i++) {
        unsigned char ch = (unsigned char)t[i];
        if (ch >= 'A' && ch <= 'Z' && i > 0 && t[i - 1] >= 'a' && t[i - 1] <= 'z')
            w[k++] = '-';
        w[k++] = ch == '_' ? '-' : (char)sg_html_lower(ch);
    }
    w[k] = '\0';
    if (strstr(w, "body") || strstr(w, "content") || strstr(w, "entry"))
        for (size_t r = 0; sg_html_root_classes[r]; r++)
            if (strstr(w, sg_html_root_classes[r]))
                c->root = 1;
    int no_spoiler = strstr(w, "no-spoiler") || strstr(w, "spoiler-free") ||
                     strstr(w, "spoilerfree") || strstr(w, "nospoiler");
    sg_why tw = strstr(w, "sign-up") ? SG_WHY_NEWSLETTER : SG_WHY_ARTICLE;
    int wrapper = 0;
    for (size_t i = 0; i < k;) {
        while (i < k && !sg_html_alpha((unsigned char)w[i]))
            i++;
        size_t j = i;
        while (j < k && sg_html_alpha((unsigned char)w[j]))
            j++;
        size_t wl = j - i;
        if (!wl)
            break;
        if (!no_spoiler && ((wl == 7 && !memcmp(w + i, "spoiler", 7)) ||
                            (wl == 8 && !memcmp(w + i, "spoilers", 8))))
            c->spoiler = 1;
        /* layout words: "content-sidebar-wrap", "has-sidebar", "no-comments"
         * describe a wrapper of the article or a state, not chrome */
        static const char *const layout[] = {"content", "layout", "has", "with",
                                             "no",      "body",   NULL};
        for (size_t r = 0; layout[r]; r++)
            if (wl == strlen(layout[r]) && !memcmp(w + i, layout[r], wl))
                wrapper = 1;
        if (!tw && !(wl == 10 && !memcmp(w + i, "commentary", 10))) {
            for (size_t r = 0;
                 r < sizeof sg_html_chrome_words / sizeof sg_html_chrome_words[0]; r++) {
                const sg_html_word *cw = &sg_html_chrome_words[r];
                size_t cl = cw->len;
                if (w[i] == cw->word[0] && (wl == cl || (cw->prefix && wl > cl)) &&
                    !memcmp(w + i, cw->word, cl)) {
                    tw = cw->why;
                    break;
                }
            }
        }
        i = j;
    }
    if (!c->why && !wrapper)
        c->why = tw;
}

/* Is the first white-space separated word of v (n bytes) `w`? */
static int sg_html_word_at(const char *v, size_t n, const char *w)
{
    size_t i = 0;
    while (i < n && sg_html_ws((unsigned char)v[i]))
        i++;
    size_t j = i;
    while (j < n && !sg_html_ws((unsigned char)v[j]))
        j++;
    return sg_html_ieq(v + i, j - i, w);
}

/* The why a role names; *root when it names the main content. */
static sg_why sg_html_role(const char *v, size_t n, int *root)
{
    static const struct {
        const char *role;
        sg_why why;
    } roles[] = {{"navigation", SG_WHY_NAVIGATION},  {"search", SG_WHY_NAVIGATION},
                 {"menu", SG_WHY_NAVIGATION},        {"menubar", SG_WHY_NAVIGATION},
                 {"banner", SG_WHY_BOILERPLATE},     {"contentinfo", SG_WHY_FOOTER},
                 {"complementary", SG_WHY_RELATED},  {"dialog", SG_WHY_BOILERPLATE},
                 {"alertdialog", SG_WHY_BOILERPLATE}};
    for (size_t i = 0; i < n;) {
        while (i < n && sg_html_ws((unsigned char)v[i]))
            i++;
        size_t j = i;
        while (j < n && !sg_html_ws((unsigned char)v[j]))
            j++;
        if (j > i) {
            if (sg_html_ieq(v + i, j - i, "main") || sg_html_ieq(v + i, j - i, "article"))
                *root = 1;
            for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
                if (sg_html_ieq(v + i, j - i, roles[r].role))
                    return roles[r].why;
        }
        i = j;
    }
    return SG_WHY_ARTICLE;
}

/* ---- the reader: state --------------------------------------------------------------
 */

#define SG_HR_BUCKETS 1024
#define SG_HR_CHAIN 64 /* longest walk along a hash chain */

/* An open element. The int fields are stack indices of the nearest element
 * of a kind at or below this one (-1: none), so scope checks are O(1). */
typedef struct sg_hel {
    char name[SG_HTML_NAME_MAX];
    size_t name_len;
    int tag; /* SG_TAG_*, or -1 */
    unsigned flags;
    sg_block_kind kind;
    size_t start, open_end; /* its start tag */
    size_t serial;          /* unique per push: owner of a doc block */
    size_t first_blk;       /* blocks begun before it opened */
    int prev_same;          /* the next open element in its hash bucket */
    unsigned bucket;
    int scope_b, button_b, list_b, table_b; /* scope boundaries */
    int special, spec_nadp, heading, foreign, container;
    int lists, quotes;
    sg_why eff;      /* why its text is not article, from it or an ancestor */
    sg_why skip_why; /* why an inline skip starts here */
    unsigned char in_root, skip, skip_root, mark, sectioning;
} sg_hel;

typedef struct sg_hr {
    sg_doc *doc;
    const char *s;
    size_t len;
    sg_error *err;
    sg_status status;
    sg_html_tokenizer tz;
    sg_html_token tok;
    int tag; /* the current token's SG_TAG_*, or -1 */
    sg_hel *st;
    size_t n, cap, max;
    int top_of[SG_HR_BUCKETS];
    size_t serial;
    size_t chunk_k;
    int scan;     /* first pass: measure only, add nothing to the doc */
    int has_root; /* second pass: text outside an article root is chrome */
    /* first-pass measurements: the longest block inside and outside roots */
    size_t longest_in, longest_out;
    int any_in;
    /* the doc block being filled */
    int cur_open, cur_explicit, cur_in, cur_art;
    size_t cur_owner, cur_len, nbegun;
    size_t run_start; /* first inline content since the last block boundary */
    int run_set;
    int br_last; /* the last thing in the block was a <br> */
    /* a raw-text element (script, style, title ...) being read */
    int raw;
    const sg_html_tag_info *raw_info;
    size_t raw_start, raw_cs, raw_ce;
    int raw_skip; /* inside an inline skip: record nothing */
    int raw_ld;   /* a script of JSON-LD the author wrote */
    int title_done;
    sg_buf tmp;
} sg_hr;

static unsigned sg_hr_hash(const char *name, size_t name_len)
{
    uint32_t h = 2166136261u;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h ^= (uint32_t)name_len;
    return h % SG_HR_BUCKETS;
}

/* The topmost open element called like the token, or -1. */
static int sg_hr_topmost(const sg_hr *r, const char *name, size_t name_len)
{
    int i = r->top_of[sg_hr_hash(name, name_len)];
    for (int steps = 0; i >= 0 && steps < SG_HR_CHAIN; steps++) {
        const sg_hel *e = &r->st[i];
        if (e->name_len == name_len && !strcmp(e->name, name))
            return i;
        i = e->prev_same;
    }
    return -1;
}

/* The topmost open element named by a string literal. */
#define sg_hr_top_named(r, lit) sg_hr_topmost((r), (lit), sizeof(lit) - 1)

static const sg_hel *sg_hr_top(const sg_hr *r)
{
    return r->n ? &r->st[r->n - 1] : NULL;
}

static int sg_hr_top_is(const sg_hr *r, int tag)
{
    return r->n && r->st[r->n - 1].tag == tag;
}

/* Why the text of element e (NULL: the document level) is not article. */
static sg_why sg_hr_why(const sg_hr *r, const sg_hel *e)
{
    if (e && e->eff)
        return e->eff;
    if (r->has_root && !(e && e->in_root))
        return SG_WHY_BOILERPLATE;
    return SG_WHY_ARTICLE;
}

static void sg_hr_oom(sg_hr *r, int ok)
{
    if (!ok && r->status == SG_OK) {
        r->status = SG_ERR_MEMORY;
        sg_set_error(r->err, SG_ERR_MEMORY, "out of memory reading HTML");
    }
}

/* Is input offset pos inside something an earlier run inserted?  Tokens come
 * in input order, so a cursor over the sorted chunks answers in O(1). */
static int sg_hr_in_chunk(sg_hr *r, size_t pos)
{
    const sg_doc *d = r->doc;
    while (r->chunk_k < d->nchunks && d->chunks[r->chunk_k].end <= pos)
        r->chunk_k++;
    return r->chunk_k < d->nchunks && d->chunks[r->chunk_k].start <= pos;
}

/* ---- the reader: blocks --------------------------------------------------------------
 */

static void sg_hr_end_block(sg_hr *r, size_t end)
{
    if (!r->cur_open)
        return;
    r->cur_open = 0;
    if (r->scan) {
        if (r->cur_art) {
            if (r->cur_in) {
                r->any_in = 1;
                if (r->cur_len > r->longest_in)
                    r->longest_in = r->cur_len;
            } else if (r->cur_len > r->longest_out)
                r->longest_out = r->cur_len;
        }
        return;
    }
    sg_hr_oom(r, sg_doc_end_block(r->doc, end));
}

/* A block-level tag at pos: the text before it is a block of its own. */
static void sg_hr_boundary(sg_hr *r, size_t pos)
{
    sg_hr_end_block(r, pos);
    r->run_set = 0;
    r->br_last = 0;
}

/* Open the doc block for text whose first visible byte is at `vis`, in the
 * innermost block-level element (or the document level). */
static void sg_hr_begin_block(sg_hr *r, size_t vis)
{
    const sg_hel *top = sg_hr_top(r);
    const sg_hel *c = top && top->container >= 0 ? &r->st[top->container] : NULL;
    sg_block_kind kind = SG_BLOCK_PARAGRAPH;
    int level = 0;
    size_t start = r->run_set ? r->run_start : vis;
    if (c && (c->flags & SG_HT_B)) {
        kind = c->kind;
        if (kind == SG_BLOCK_HEADING)
            level = c->name[1] - '0';
        else if (kind == SG_BLOCK_LIST_ITEM)
            level = c->lists;
        if (c->first_blk == r->nbegun) /* its first block starts at its tag */
            start = c->start;
    }
    if (c && kind == SG_BLOCK_PARAGRAPH && c->quotes)
        kind = SG_BLOCK_QUOTE;
    if (kind == SG_BLOCK_QUOTE)
        level = c ? c->quotes : 0;
    sg_why why = sg_hr_why(r, c);
    r->cur_open = 1;
    r->cur_owner = c ? c->serial : 0;
    r->cur_explicit = c && (c->flags & SG_HT_B);
    r->cur_art = !(c && c->eff);
    r->cur_in = c && c->in_root;
    r->cur_len = 0;
    r->nbegun++;
    if (!r->scan)
        sg_hr_oom(r, sg_doc_begin_block(r->doc, kind, level, why, start, start));
}

/* Offset of the first byte that is not white space (or &nbsp;), or n. */
static size_t sg_hr_visible(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (sg_html_ws((unsigned char)s[i]))
            i++;
        else if (n - i >= 6 && !memcmp(s + i, "&nbsp;", 6))
            i += 6;
        else
            break;
    }
    return i;
}

/* Text [a, b) from the data state: references decoded into the view, each
 * mapped to its whole source span. */
static void sg_hr_text(sg_hr *r, size_t a, size_t b)
{
    const sg_hel *top = sg_hr_top(r);
    if (top && top->skip)
        return;
    size_t vis = sg_hr_visible(r->s + a, b - a);
    if (vis < b - a)
        r->br_last = 0;
    const sg_hel *c = top && top->container >= 0 ? &r->st[top->container] : NULL;
    size_t owner = c ? c->serial : 0;
    if (!r->cur_open || r->cur_owner != owner) {
        if (vis == b - a)
            return; /* white space between blocks */
        sg_hr_end_block(r, a);
        a += vis; /* a block starts at its first visible byte or its tag */
        vis = 0;
        sg_hr_begin_block(r, a);
    }
    if (!r->run_set && vis < b - a) {
        r->run_start = a + vis;
        r->run_set = 1;
    }
    r->cur_len += b - a;
    if (r->scan)
        return;
    sg_doc *d = r->doc;
    size_t i = a, run = a;
    while (i < b) {
        const char *amp = memchr(r->s + i, '&', b - i);
        if (!amp)
            break;
        size_t j = (size_t)(amp - r->s);
        char out[8];
        size_t ol;
        size_t used = sg_html_charref(r->s + j, b - j, 0, out, &ol);
        if (!used) {
            i = j + 1;
            continue;
        }
        if (j > run)
            sg_hr_oom(r, sg_doc_add_text(d, r->s + run, j - run, run, j - run, 1));
        sg_hr_oom(r, sg_doc_add_text(d, out, ol, j, used, 0));
        i = run = j + used;
    }
    if (b > run)
        sg_hr_oom(r, sg_doc_add_text(d, r->s + run, b - run, run, b - run, 1));
}

/* <br>: a soft line break inside a block; two in a row end a paragraph made
 * of loose text (text<br><br>text). */
static void sg_hr_br(sg_hr *r)
{
    const sg_hel *top = sg_hr_top(r);
    if ((top && top->skip) || !r->cur_open)
        return;
    if (r->br_last && !r->cur_explicit) {
        sg_hr_boundary(r, r->tok.start);
        return;
    }
    r->br_last = 1;
    r->cur_len++;
    if (!r->scan)
        sg_hr_oom(r, sg_doc_add_text(r->doc, "\n", 1, r->tok.start,
                                     r->tok.end - r->tok.start, 0));
}

/* ---- the reader: the stack -----------------------------------------------------------
 */

/* Pop the top element; it closes at `close_at` (its end tag's end, or where
 * it was implicitly closed) and its text ends at `text_end`. */
static void sg_hr_pop(sg_hr *r, size_t close_at, size_t text_end)
{
    sg_hel *e = &r->st[r->n - 1];
    if (!r->scan) {
        if (e->flags & SG_HT_I)
            sg_hr_oom(r, sg_doc_inline(r->doc, close_at, -1));
        if (e->mark)
            sg_hr_oom(r, sg_doc_mark(r->doc, e->open_end, text_end));
        if (e->skip_root)
            sg_hr_oom(r, sg_doc_skip(r->doc, e->start, close_at, e->skip_why));
    }
    if (!(e->flags & SG_HT_I)) {
        int own = r->cur_open && r->cur_owner == e->serial && r->cur_explicit;
        sg_hr_boundary(r, own ? close_at : text_end);
    }
    r->top_of[e->bucket] = e->prev_same;
    r->n--;
}

/* Pop down to and including index idx.  With `own`, the current token is
 * idx's own end tag; the others close where the token starts. */
static void sg_hr_pop_to(sg_hr *r, int idx, size_t pos, int own)
{
    if (idx < 0)
        return;
    while (r->n > (size_t)idx) {
        int target = r->n - 1 == (size_t)idx;
        if (target && own)
            sg_hr_pop(r, r->tok.end, r->tok.start);
        else
            sg_hr_pop(r, pos, pos);
    }
}

static void sg_hr_close_p(sg_hr *r)
{
    int p = sg_hr_top_named(r, "p");
    if (p >= 0 && p > r->st[r->n - 1].button_b)
        sg_hr_pop_to(r, p, r->tok.start, 0);
}

static int sg_hr_max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Implied end tags before a start tag (WHATWG "in body" rules, the common
 * ones): <p>, <li>, <dd>/<dt>, headings, table cells and rows, options, <a>. */
static void sg_hr_implied(sg_hr *r, const sg_html_token *tok, unsigned fl)
{
    if (!r->n)
        return;
    int tag = r->tag, x;
    if (tag == SG_TAG_LI) {
        x = sg_hr_top_named(r, "li");
        if (x >= 0 && r->st[r->n - 1].spec_nadp == x)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_DD || tag == SG_TAG_DT) {
        x = sg_hr_max_int(sg_hr_top_named(r, "dd"), sg_hr_top_named(r, "dt"));
        if (x >= 0 && r->st[r->n - 1].spec_nadp == x)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_TD || tag == SG_TAG_TH) {
        x = sg_hr_max_int(sg_hr_top_named(r, "td"), sg_hr_top_named(r, "th"));
        if (x >= 0 && x > r->st[r->n - 1].table_b)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_TR || tag == SG_TAG_TBODY || tag == SG_TAG_THEAD ||
               tag == SG_TAG_TFOOT) {
        static const char *const inner[] = {"tbody", "thead", "tfoot", "tr", "td", "th"};
        int tb = r->st[r->n - 1].table_b, low = -1;
        /* rows close rows and cells; sections close sections too */
        for (size_t k = tag == SG_TAG_TR ? 3 : 0; k < 6; k++) {
            x = sg_hr_top_named(r, inner[k]);
            if (x > tb && (low < 0 || x < low))
                low = x;
        }
        if (low >= 0)
            sg_hr_pop_to(r, low, tok->start, 0);
    } else if (tag == SG_TAG_OPTION || tag == SG_TAG_OPTGROUP) {
        if (sg_hr_top_is(r, SG_TAG_OPTION))
            sg_hr_pop_to(r, r->n - 1, tok->start, 0);
    } else if (tag == SG_TAG_RT || tag == SG_TAG_RP || tag == SG_TAG_RB) {
        if (sg_hr_top_is(r, SG_TAG_RT) || sg_hr_top_is(r, SG_TAG_RP) ||
            sg_hr_top_is(r, SG_TAG_RB))
            sg_hr_pop_to(r, r->n - 1, tok->start, 0);
    } else if (tag == SG_TAG_A) {
        x = sg_hr_top_named(r, "a");
        if (x >= 0 && x > r->st[r->n - 1].special)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_BUTTON) {
        x = sg_hr_top_named(r, "button");
        if (x >= 0 && x >= r->st[r->n - 1].scope_b)
            sg_hr_pop_to(r, x, tok->start, 0);
    }
    if ((fl & SG_HT_P) && r->n)
        sg_hr_close_p(r);
    if ((fl & SG_HT_H) && r->n && (r->st[r->n - 1].flags & SG_HT_H))
        sg_hr_pop_to(r, r->n - 1, tok->start, 0);
}

static void sg_hr_depth_error(sg_hr *r)
{
    size_t line, col;
    sg_line_col(r->s, r->len, r->tok.start, &line, &col);
    r->status = SG_ERR_INPUT;
    sg_set_error(r->err, SG_ERR_INPUT, "line %zu: HTML nested deeper than %zu elements",
                 line, r->max);
}

/* Push the current start tag.  `foreign_child`: an element inside <svg> or
 * <math>, which takes its context from its parent. */
static void sg_hr_push(sg_hr *r, const sg_html_tag_info *ti, unsigned fl,
                       int foreign_child)
{
    if (r->n >= r->max) {
        sg_hr_depth_error(r);
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        if (cap > r->max)
            cap = r->max;
        sg_hel *p = realloc(r->st, cap * sizeof *p);
        if (!p) {
            sg_hr_oom(r, 0);
            return;
        }
        r->st = p;
        r->cap = cap;
    }
    const sg_html_token *tok = &r->tok;
    const sg_hel *p = sg_hr_top(r);
    int idx = (int)r->n;
    int tag = foreign_child ? -1 : r->tag;
    sg_hel *e = &r->st[r->n];
    memset(e, 0, sizeof *e);
    memcpy(e->name, tok->name, sizeof e->name);
    e->name_len = tok->name_len;
    e->tag = tag;
    e->flags = fl;
    e->kind = ti ? ti->kind : SG_BLOCK_PARAGRAPH;
    e->start = tok->start;
    e->open_end = tok->end;
    e->serial = ++r->serial;
    e->first_blk = r->nbegun;
    int is_button = tag == SG_TAG_BUTTON;
    int is_list = fl & SG_HT_L;
    int is_table = tag == SG_TAG_TABLE || tag == SG_TAG_TEMPLATE;
    int is_adp = tag == SG_TAG_ADDRESS || tag == SG_TAG_DIV || tag == SG_TAG_P;
#define SG_HR_INH(f) (p ? p->f : -1)
    e->scope_b = (fl & SG_HT_C) ? idx : SG_HR_INH(scope_b);
    e->button_b = ((fl & SG_HT_C) || is_button) ? idx : SG_HR_INH(button_b);
    e->list_b = ((fl & SG_HT_C) || is_list) ? idx : SG_HR_INH(list_b);
    e->table_b = is_table ? idx : SG_HR_INH(table_b);
    e->special = (fl & SG_HT_S) ? idx : SG_HR_INH(special);
    e->spec_nadp = ((fl & SG_HT_S) && !is_adp) ? idx : SG_HR_INH(spec_nadp);
    e->heading = (fl & SG_HT_H) ? idx : SG_HR_INH(heading);
    e->foreign = (p && p->foreign >= 0) ? p->foreign : ((fl & SG_HT_F) ? idx : -1);
    e->container = (fl & SG_HT_I) ? SG_HR_INH(container) : idx;
#undef SG_HR_INH
    e->lists = (p ? p->lists : 0) + (is_list ? 1 : 0);
    e->quotes = (p ? p->quotes : 0) + ((fl & SG_HT_Q) ? 1 : 0);
    e->sectioning = (p && p->sectioning) || (fl & SG_HT_T);

    /* why its text is not article: tag, then role, then class or id */
    sg_why why = ti ? ti->why : SG_WHY_ARTICLE;
    int root = (fl & SG_HT_N) != 0;
    if (tag == SG_TAG_HEADER && !(p && (p->in_root || p->sectioning)))
        why = SG_WHY_BOILERPLATE; /* the site's header, not an article's */
    if (!foreign_child) {
        sg_html_class cls = {SG_WHY_ARTICLE, 0, 0};
        int role_root = 0, hidden = 0, ours = 0;
        sg_why role_why = SG_WHY_ARTICLE;
        size_t cur = 0;
        sg_html_attr a;
        while (sg_html_attr_next(&r->tz, tok, &cur, &a)) {
            const char *v = r->s + a.value;
            if (sg_html_attr_name_is(r->s, &a, "class")) {
                for (size_t i = 0; i < a.value_len;) {
                    while (i < a.value_len && sg_html_ws((unsigned char)v[i]))
                        i++;
                    size_t j = i;
                    while (j < a.value_len && !sg_html_ws((unsigned char)v[j]))
                        j++;
                    if (j > i)
                        sg_html_class_token(v + i, j - i, &cls);
                    i = j;
                }
            } else if (sg_html_attr_name_is(r->s, &a, "id")) {
                sg_html_class_token(v, a.value_len, &cls);
            } else if (sg_html_attr_name_is(r->s, &a, "role")) {
                if (!role_why)
                    role_why = sg_html_role(v, a.value_len, &role_root);
            } else if (sg_html_attr_name_is(r->s, &a, "hidden")) {
                hidden = 1;
            } else if (sg_html_attr_name_is(r->s, &a, "data-spoiler")) {
                e->mark = 1;
            } else if (sg_html_attr_name_is(r->s, &a, SG_ATTR)) {
                /* an earlier run's warning or badge the chunk finder missed */
                if (sg_html_word_at(v, a.value_len, "warning") ||
                    sg_html_word_at(v, a.value_len, "badge") ||
                    sg_html_word_at(v, a.value_len, "jsonld") ||
                    sg_html_word_at(v, a.value_len, "summary"))
                    ours = 1;
            } else if (sg_html_attr_name_is(r->s, &a, "itemprop")) {
                if (sg_html_ieq(v, a.value_len, "articlebody") ||
                    sg_html_ieq(v, a.value_len, "reviewbody"))
                    cls.root = 1;
            }
        }
        if (cls.spoiler)
            e->mark = 1;
        int hard = why == SG_WHY_CODE || why == SG_WHY_SCRIPT || why == SG_WHY_STYLE;
        if (!hard) {
            if (role_why)
                why = role_why;
            if (cls.why && !cls.root)
                why = cls.why;
            if (hidden || ours)
                why = SG_WHY_BOILERPLATE;
        }
        root = (root || role_root || cls.root) && why == SG_WHY_ARTICLE;
    } else
        root = 0;
    int in_chrome = p && (p->eff || p->skip);
    root = root && !in_chrome;
    e->eff = why ? why : (p ? p->eff : SG_WHY_ARTICLE);
    e->in_root = (p && p->in_root) || root;
    if (p && p->skip)
        e->skip = 1;
    else if (why && (fl & SG_HT_I) && sg_hr_why(r, p) == SG_WHY_ARTICLE) {
        /* chrome inside article text (a share link, inline code): its text
         * is left out of the view and listed as skipped */
        e->skip = 1;
        e->skip_root = 1;
        e->skip_why = why;
    }
    e->bucket = sg_hr_hash(e->name, e->name_len);
    e->prev_same = r->top_of[e->bucket];
    r->top_of[e->bucket] = idx;
    r->n++;
    if ((fl & SG_HT_I) && !r->scan)
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start, +1));
}

/* ---- the reader: tokens -------------------------------------------------------------
 */

static void sg_hr_meta(sg_hr *r)
{
    sg_html_attr a, key, content;
    memset(&key, 0, sizeof key);
    memset(&content, 0, sizeof content);
    int have_key = 0, have_content = 0;
    size_t cur = 0;
    int key_rank = 0; /* name beats property beats itemprop */
    while (sg_html_attr_next(&r->tz, &r->tok, &cur, &a)) {
        int rank = sg_html_attr_name_is(r->s, &a, "name")       ? 3
                   : sg_html_attr_name_is(r->s, &a, "property") ? 2
                   : sg_html_attr_name_is(r->s, &a, "itemprop") ? 1
                                                                : 0;
        if (rank > key_rank && a.value_len) {
            key = a;
            key_rank = rank;
            have_key = 1;
        } else if (!have_content && sg_html_attr_name_is(r->s, &a, "content")) {
            content = a;
            have_content = 1;
        }
    }
    if (!have_key || !have_content)
        return;
    char k[64];
    size_t kl = key.value_len < sizeof k - 1 ? key.value_len : sizeof k - 1;
    memcpy(k, r->s + key.value, kl);
    k[kl] = '\0';
    if (memchr(k, '\0', kl))
        return;
    r->tmp.len = 0;
    sg_html_attr_value(r->s, &content, &r->tmp);
    sg_hr_oom(r, !r->tmp.failed);
    if (!r->tmp.failed)
        sg_hr_oom(r, sg_doc_field(r->doc, k, r->tmp.data ? r->tmp.data : "", r->tmp.len,
                                  SIZE_MAX));
}

/* Is this <script> JSON-LD, and the author's (not a badge's of an earlier
 * run)? */
static int sg_hr_author_ld(sg_hr *r, const sg_html_token *tok)
{
    sg_html_attr a;
    if (sg_html_attr_get(&r->tz, tok, SG_ATTR, &a) ||
        !sg_html_attr_get(&r->tz, tok, "type", &a))
        return 0;
    const char *v = r->s + a.value;
    for (size_t i = 0; i + 7 <= a.value_len; i++)
        if (sg_html_ieq(v + i, 7, "ld+json"))
            return 1;
    return 0;
}

/* The end of a raw-text element: its content was [raw_cs, raw_ce). */
static void sg_hr_raw_end(sg_hr *r, size_t close_at)
{
    r->raw = 0;
    if (r->scan)
        return;
    if (r->raw_ld)
        sg_hr_oom(r, sg_html_ld_read(r->doc, r->raw_cs, r->raw_ce));
    if (r->raw_skip)
        return;
    const sg_html_tag_info *ti = r->raw_info;
    if (ti == &sg_html_tags[SG_TAG_TITLE]) {
        if (r->title_done)
            return;
        r->title_done = 1;
        r->tmp.len = 0;
        sg_html_decode(&r->tmp, r->s + r->raw_cs, r->raw_ce - r->raw_cs, 0);
        sg_hr_oom(r, !r->tmp.failed);
        if (r->tmp.failed)
            return;
        /* document.title: white space collapsed and trimmed */
        char *t = sg_strndup(r->tmp.data ? r->tmp.data : "", r->tmp.len);
        if (!t) {
            sg_hr_oom(r, 0);
            return;
        }
        size_t w = 0;
        for (size_t i = 0; i < r->tmp.len; i++) {
            if (sg_html_ws((unsigned char)t[i])) {
                if (w && t[w - 1] != ' ')
                    t[w++] = ' ';
            } else
                t[w++] = t[i];
        }
        if (w && t[w - 1] == ' ')
            w--;
        t[w] = '\0';
        free(r->doc->html_title);
        r->doc->html_title = t;
        return;
    }
    if (ti->why)
        sg_hr_oom(r, sg_doc_skip(r->doc, r->raw_start, close_at, ti->why));
}

static void sg_hr_start(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    const sg_html_tag_info *ti = r->tag >= 0 ? &sg_html_tags[r->tag] : NULL;
    unsigned fl = ti ? ti->flags : SG_HT_I;
    int tag = r->tag;
    if (tag == SG_TAG_HTML || tag == SG_TAG_HEAD || tag == SG_TAG_BODY)
        return; /* one each; their attributes say nothing about the article */
    const sg_hel *top = sg_hr_top(r);
    if (top && top->foreign >= 0) {
        int breakout = (fl & SG_HT_X) != 0;
        if (tag == SG_TAG_FONT) {
            sg_html_attr a;
            breakout = sg_html_attr_get(&r->tz, tok, "color", &a) ||
                       sg_html_attr_get(&r->tz, tok, "face", &a) ||
                       sg_html_attr_get(&r->tz, tok, "size", &a);
        }
        if (!breakout) {
            if (!tok->self_closing)
                sg_hr_push(r, NULL, SG_HT_I, 1);
            return;
        }
        sg_hr_pop_to(r, top->foreign, tok->start, 0);
    }
    if (fl & SG_HT_R) {
        sg_hr_implied(r, tok, fl);
        if (!(fl & SG_HT_I))
            sg_hr_boundary(r, tok->start);
        top = sg_hr_top(r);
        r->raw = 1;
        r->raw_info = ti;
        r->raw_start = tok->start;
        r->raw_cs = r->raw_ce = tok->end;
        r->raw_skip = top && top->skip;
        r->raw_ld = tag == SG_TAG_SCRIPT && sg_hr_author_ld(r, tok);
        return;
    }
    if (fl & SG_HT_V) {
        if (tag == SG_TAG_BR)
            sg_hr_br(r);
        else if (tag == SG_TAG_HR) {
            sg_hr_implied(r, tok, fl);
            sg_hr_boundary(r, tok->start);
        } else if (tag == SG_TAG_META && !r->scan)
            sg_hr_meta(r);
        return;
    }
    sg_hr_implied(r, tok, fl);
    if (!(fl & SG_HT_I))
        sg_hr_boundary(r, tok->start);
    else if (!r->run_set) {
        r->run_start = tok->start;
        r->run_set = 1;
    }
    /* Browsers ignore "/>" on HTML elements, but markup written as XML
     * (<div/>, <my-icon/>) means an empty element: taking it so keeps such
     * pages from nesting one level deeper at every tag. */
    if (tok->self_closing)
        return;
    sg_hr_push(r, ti, fl, 0);
}

/* An end tag that closes nothing: browsers drop it (</p> makes an empty
 * paragraph).  A mark wrapped across it would close early, so the inline
 * depth dips there. */
static void sg_hr_stray(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    if (r->tag == SG_TAG_P)
        sg_hr_boundary(r, tok->start);
    else if (r->cur_open && !r->scan) {
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start, -1));
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start + 1, +1));
    }
}

static void sg_hr_end(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    int tag = r->tag;
    if (tag == SG_TAG_HTML || tag == SG_TAG_HEAD || tag == SG_TAG_BODY)
        return;
    if (tag == SG_TAG_BR) {
        sg_hr_br(r); /* </br> is read as <br> */
        return;
    }
    const sg_hel *top = sg_hr_top(r);
    if (!top) {
        sg_hr_stray(r);
        return;
    }
    int x = sg_hr_topmost(r, tok->name, tok->name_len);
    if (top->foreign >= 0 && x >= top->foreign) {
        sg_hr_pop_to(r, x, tok->start, 1);
        return;
    }
    const sg_html_tag_info *ti = tag >= 0 ? &sg_html_tags[tag] : NULL;
    int ok;
    if (tag == SG_TAG_P)
        ok = x >= 0 && x > top->button_b;
    else if (tag == SG_TAG_LI)
        ok = x >= 0 && x > top->list_b;
    else if (tag == SG_TAG_TABLE || tag == SG_TAG_TBODY || tag == SG_TAG_THEAD ||
             tag == SG_TAG_TFOOT || tag == SG_TAG_TR)
        ok = x >= 0 && x >= top->table_b; /* table scope: open cells close too */
    else if (ti && (ti->flags & SG_HT_H)) {
        x = top->heading; /* any heading closes the open one */
        ok = x >= 0 && x > top->scope_b;
    } else if (ti && (ti->flags & SG_HT_S))
        ok = x >= 0 && x >= top->scope_b;
    else
        ok = x >= 0 && x > top->special;
    if (ok)
        sg_hr_pop_to(r, x, tok->start, 1);
    else
        sg_hr_stray(r);
}

static void sg_hr_pass(sg_hr *r)
{
    sg_html_init(&r->tz, r->s, r->len);
    r->n = 0;
    for (size_t i = 0; i < SG_HR_BUCKETS; i++)
        r->top_of[i] = -1;
    r->chunk_k = 0;
    r->cur_open = r->run_set = r->br_last = r->raw = 0;
    r->nbegun = 0;
    r->title_done = 0;
    while (r->status == SG_OK) {
        r->tz.foreign = r->n && r->st[r->n - 1].foreign >= 0;
        if (!sg_html_next(&r->tz, &r->tok))
            break;
        const sg_html_token *tok = &r->tok;
        if (r->doc->nchunks && sg_hr_in_chunk(r, tok->start))
            continue; /* what an earlier run inserted is read as absent */
        r->tag = -1;
        if (tok->type == SG_HTML_START_TAG || tok->type == SG_HTML_END_TAG) {
            const sg_html_tag_info *ti = sg_html_tag_find(tok);
            r->tag = ti ? (int)(ti - sg_html_tags) : -1;
        }
        if (r->raw) {
            if (tok->type == SG_HTML_RAWTEXT) {
                r->raw_cs = tok->start;
                r->raw_ce = tok->end;
                continue;
            }
            if (tok->type == SG_HTML_END_TAG && r->tag >= 0 &&
                &sg_html_tags[r->tag] == r->raw_info) {
                sg_hr_raw_end(r, tok->end);
                continue;
            }
            sg_hr_raw_end(r, tok->start);
        }
        switch (tok->type) {
        case SG_HTML_TEXT:
            sg_hr_text(r, tok->start, tok->end);
            break;
        case SG_HTML_START_TAG:
            sg_hr_start(r);
            break;
        case SG_HTML_END_TAG:
            sg_hr_end(r);
            break;
        case SG_HTML_RAWTEXT: /* raw text whose start tag was inserted earlier */
        case SG_HTML_COMMENT:
        case SG_HTML_DOCTYPE:
        case SG_HTML_EOF:
            break;
        }
    }
    if (r->status != SG_OK)
        return;
    if (r->raw)
        sg_hr_raw_end(r, r->len);
    r->tok.start = r->tok.end = r->len;
    sg_hr_pop_to(r, 0, r->len, 0);
    sg_hr_end_block(r, r->len);
}

sg_status sg_read_html(sg_doc *doc, sg_error *err)
{
    sg_hr *r = calloc(1, sizeof *r);
    if (!r) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading HTML");
        return SG_ERR_MEMORY;
    }
    r->doc = doc;
    r->s = doc->src ? doc->src : "";
    r->len = doc->src ? doc->len : 0;
    r->err = err;
    r->status = SG_OK;
    r->max = doc->max_depth > 0 ? (size_t)doc->max_depth : 1024;
    sg_buf_init(&r->tmp);
    /* First pass: is there an article root (<article>, <main>, an
     * "entry-content" element) that holds the page's main text? */
    r->scan = 1;
    sg_hr_pass(r);
    if (r->status == SG_OK) {
        r->has_root = r->any_in && r->longest_in * 2 >= r->longest_out;
        r->scan = 0;
        size_t first = doc->nblocks;
        sg_hr_pass(r);
        /* without a root, loose chrome is told apart like plain text */
        if (r->status == SG_OK && !r->has_root)
            sg_classify_boilerplate(doc, first);
    }
    sg_status st = r->status;
    free(r->st);
    sg_buf_free(&r->tmp);
    free(r);
    return st;
}
