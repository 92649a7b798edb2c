/* sg_charref.c -- HTML character references: the named references reviews
 * use (with the legacy ones browsers also take without ';'), numeric
 * references with the WHATWG fix-ups (C1 controls as Windows-1252, nothing
 * past U+10FFFF, no surrogates), and decoding a run of text. */
#include "sg_charref.h"
#include "sg_text.h"
#include "sg_utf8.h"

#include <stdint.h>

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
            if (sg_is_digit(c))
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
    while (1 + run < n && run < 32 && sg_is_alnum((unsigned char)s[1 + run]))
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
        if (in_attr && (next == '=' || sg_is_alnum(next)))
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
