/*
 * sg_tfeat.c -- reading a run of text's features in one pass (sg_tfeat.h):
 * words are split at spaces and punctuation (an inner apostrophe or hyphen
 * joins), looked up in the word table (sg_words.c) for stop words, small
 * words, social networks and share actions, and counted with their
 * capitals.
 */
#include "sg_tfeat.h"
#include "sg_text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Word counts and stop-word shares are read off this much of a long block:
 * enough to tell prose from chrome, and long blocks need no more. */
#define SG_SCAN_BYTES 4096

/* ---- words -------------------------------------------------------------------- */

/* The word classes the classifiers count are the word table's (sg_words.c):
 * SG_WORD_STOP, SG_WORD_SMALL, SG_WORD_NETWORK, SG_WORD_SHARE. */

/* ---- characters and words ------------------------------------------------------ */

/* Horizontal blank at s[i]: space, tab, CR, FF, VT, NBSP, BOM, U+3000;
 * returns its length in bytes, else 0. */
size_t sg_blank_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (sg_is_hspace(c))
        return 1;
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
        return 2;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
        return 3;
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x80)
        return 3;
    return 0;
}

/* Length of the separator (space or punctuation) at s[i], 0 when a word
 * character starts there.  Bytes that are not valid UTF-8 are word bytes. */
static size_t sg_sep_len(const unsigned char *s, size_t n, size_t i)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return sg_is_alnum(c) ? 0 : 1;
    if (c == 0xC2 && i + 1 < n) {
        unsigned char d = s[i + 1];
        /* NBSP « » · © ® ¦ ¡ ¿ */
        if (d == 0xA0 || d == 0xAB || d == 0xBB || d == 0xB7 || d == 0xA9 || d == 0xAE ||
            d == 0xA6 || d == 0xA1 || d == 0xBF)
            return 2;
        return 0;
    }
    if (c == 0xE2 && i + 2 < n) {
        unsigned char d = s[i + 1], e = s[i + 2];
        if ((e & 0xC0) != 0x80)
            return 0;
        if (d == 0x80 || d == 0x81) /* general punctuation: spaces, dashes,
                                       quotes, bullets, ellipsis, joiners */
            return 3;
        if (d >= 0x86 && d <= 0x87) /* arrows */
            return 3;
        if (d >= 0x96 && d <= 0x97) /* geometric shapes used as bullets */
            return 3;
        if (d == 0x98 && (e == 0x85 || e == 0x86)) /* stars */
            return 3;
        return 0;
    }
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 &&
        (s[i + 2] == 0x80 || s[i + 2] == 0x81 || s[i + 2] == 0x82))
        return 3;
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF)
        return 3;
    return 0;
}

/* Does the separator at s[i] (of `sl` bytes) join two parts of one word:
 * an apostrophe (' or U+2019) or a hyphen with word bytes on both sides? */
static int sg_sep_joins(const unsigned char *s, size_t n, size_t i, size_t sl)
{
    int joiner = (sl == 1 && (s[i] == '\'' || s[i] == '-')) ||
                 (sl == 3 && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99);
    return joiner && i + sl < n && !sg_sep_len(s, n, i + sl);
}

/* A word as the scanner reads it: its first 16 bytes, lower-cased and
 * zero-padded, and its length.  Words never hold a NUL byte, so the bytes
 * alone tell words of up to 16 bytes apart. */
typedef struct sg_wkey {
    unsigned char b[16];
    size_t n;
} sg_wkey;
_Static_assert(SG_WORD_MAXLEN < 16, "table words fit a key");

/* Past 16 bytes the key wraps around: such a word is longer than any in
 * the table and is never looked up, so its key does not matter, and the
 * store needs no test. */
static void sg_wkey_add(sg_wkey *w, unsigned char c)
{
    w->b[w->n++ & 15] = c;
}

/* The kind of an ASCII letter or digit (one bit), 0 for every other byte. */
enum { SG_K_UPPER = 1, SG_K_LOWER = 2, SG_K_DIGIT = 4 };
/* clang-format off */
static const unsigned char sg_kind[256] = {
    ['0'] = 4, ['1'] = 4, ['2'] = 4, ['3'] = 4, ['4'] = 4, ['5'] = 4, ['6'] = 4, ['7'] = 4, ['8'] = 4, ['9'] = 4,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 2, ['b'] = 2, ['c'] = 2, ['d'] = 2,
    ['e'] = 2, ['f'] = 2, ['g'] = 2, ['h'] = 2, ['i'] = 2, ['j'] = 2, ['k'] = 2, ['l'] = 2, ['m'] = 2, ['n'] = 2,
    ['o'] = 2, ['p'] = 2, ['q'] = 2, ['r'] = 2, ['s'] = 2, ['t'] = 2, ['u'] = 2, ['v'] = 2, ['w'] = 2, ['x'] = 2,
    ['y'] = 2, ['z'] = 2,
};
/* clang-format on */

/* The classes of the word whose key is `key` (sg_words.c): the scanner keeps
 * each word's bytes as it reads them, so a lookup is one multiply and a
 * probe or two, with no string hashed or compared. */
static inline unsigned sg_key_flags(const uint64_t key[2])
{
    const sg_word_slot *e = sg_word_key_find(key);
    return e ? e->bits : 0;
}

/* The classes of a word. */
static unsigned sg_word_flags(const sg_wkey *w)
{
    if (!w->n || w->n > SG_WORD_MAXLEN)
        return 0;
    uint64_t key[2];
    memcpy(key, w->b, sizeof key);
    return sg_key_flags(key);
}

/* Bytes [16 - n, 32 - n) are a mask of a key's first n bytes. */
static const unsigned char sg_key_mask[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* The classes of the plain ASCII word s[0, n) of letters and
 * digits, `room` bytes of text from its start: its key is its bytes
 * lower-cased (| 0x20 leaves digits alone).  With room for 16 bytes the
 * key is read whole and masked, not built byte by byte. */
static unsigned sg_ascii_word_flags(const unsigned char *s, size_t n, size_t room)
{
    if (n > SG_WORD_MAXLEN)
        return 0;
    uint64_t key[2], mask[2];
    if (room >= sizeof key)
        memcpy(key, s, sizeof key);
    else {
        unsigned char b[16] = {0};
        memcpy(b, s, n);
        memcpy(key, b, sizeof key);
    }
    memcpy(mask, sg_key_mask + 16 - n, sizeof mask);
    key[0] = (key[0] | 0x2020202020202020ull) & mask[0];
    key[1] = (key[1] | 0x2020202020202020ull) & mask[1];
    return sg_key_flags(key);
}

/* Does a sentence end right after the word ending at s[i]: ". " or "? ",
 * closing quotes passed over? */
static int sg_stop_after(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == '"' || s[i] == '\'' || s[i] == ')' ||
                     (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
                      (s[i + 2] == 0x9D || s[i + 2] == 0x99))))
        i += s[i] == 0xE2 ? 3 : 1;
    return i + 1 < n && (s[i] == '.' || s[i] == '!' || s[i] == '?') &&
           (s[i + 1] == ' ' || s[i + 1] == '\t');
}

/* Count the run s[0, n) of ASCII letters and digits, whose bytes are of
 * the SG_K_ kinds `kinds`, into f's letter case. */
static void sg_tfeat_run(sg_tfeat *f, const unsigned char *s, size_t n,
                         unsigned char kinds)
{
    if (kinds & SG_K_LOWER)
        f->has_lower = 1;
    else if ((kinds & SG_K_UPPER) && !f->has_lower)
        for (size_t k = 0; k < n; k++)
            f->uppers += sg_kind[s[k]] & SG_K_UPPER;
}

/* Read the word starting at s[i] into w; returns its end. */
static size_t sg_word_read(const unsigned char *s, size_t n, size_t i, sg_tfeat *f,
                           sg_wkey *w)
{
    for (;;) {
        /* a run of ASCII letters and digits, the common case: their case
         * is counted and they join the key lower-cased */
        size_t a = i;
        unsigned char k, kinds = 0;
        while (i < n && (k = sg_kind[s[i]])) {
            kinds |= k;
            sg_wkey_add(w, s[i] | 0x20);
            i++;
        }
        sg_tfeat_run(f, s + a, i - a, kinds);
        if (i >= n)
            return i;
        unsigned char c = s[i];
        if (c < 0x80) { /* ASCII: what sg_sep_len says, without the call */
            if (!((c == '\'' || c == '-') && i + 1 < n && !sg_sep_len(s, n, i + 1)))
                return i;
            sg_wkey_add(w, c);
            i++;
            continue;
        }
        size_t sl = sg_sep_len(s, n, i);
        if (sl) {
            if (!sg_sep_joins(s, n, i, sl))
                return i;
            sg_wkey_add(w, '\''); /* a joiner past ASCII is U+2019 */
            i += sl;
            continue;
        }
        sg_wkey_add(w, c); /* past ASCII: no case */
        i++;
    }
}

#ifdef __SSE2__
/* The bytes of x in [lo, lo + span), as the bits of a mask. */
static inline unsigned sg_in16(__m128i x, char lo, int span)
{
    __m128i t = _mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - (unsigned char)lo)));
    return (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(t, _mm_set1_epi8((char)(0x80 + span))));
}

/* The run of ASCII letters and digits at s (16 bytes readable), the loop
 * of sg_tfeat_scan sixteen bytes at once: when it ends inside them with a
 * byte that neither goes on with the word nor ends it oddly (not ', - or a
 * byte past ASCII), its letters are counted into f as sg_tfeat_run does,
 * *i moves past it and *cls gets its classes; else 0 and nothing changes. */
static int sg_tfeat_run16(sg_tfeat *f, const unsigned char *s, size_t *i, unsigned *cls)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i x = _mm_or_si128(v, _mm_set1_epi8(0x20));
    unsigned up = sg_in16(v, 'A', 26), low = sg_in16(v, 'a', 26), dig = sg_in16(v, '0', 10);
    unsigned len = (unsigned)__builtin_ctz(~(up | low | dig));
    if (len >= 16)
        return 0;
    unsigned char c = s[len];
    if (c >= 0x80 || c == '\'' || c == '-')
        return 0;
    unsigned run = (1u << len) - 1;
    if (low & run)
        f->has_lower = 1;
    else if ((up & run) && !f->has_lower)
        f->uppers += (size_t)__builtin_popcount(up & run);
    *cls = 0;
    if (len <= SG_WORD_MAXLEN) {
        uint64_t key[2];
        _mm_storeu_si128((__m128i *)(void *)key,
                         _mm_and_si128(x, _mm_loadu_si128((const __m128i *)(const void *)(
                                              sg_key_mask + 16 - len))));
        *cls = sg_key_flags(key);
    }
    *i += len;
    return 1;
}
#endif

void sg_tfeat_scan(const char *text, size_t len, sg_tfeat *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t n = len < SG_SCAN_BYTES ? len : SG_SCAN_BYTES;
    sg_words_init();
    sg_tfeat f; /* a local copy the compiler may keep in registers */
    memset(&f, 0, sizeof f);
    int seen_letter_word = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char first = s[i];
        if (first < 0x80 && !sg_kind[first]) {
            i++; /* an ASCII separator: what sg_sep_len says, without the call */
            continue;
        }
        if (first >= 0x80) {
            size_t sl = sg_sep_len(s, n, i);
            if (sl) {
                i += sl;
                continue;
            }
        }
        /* a run of ASCII letters and digits, most words whole: only the
         * kinds of its bytes are gathered here, its key is made at its end */
        size_t a = i;
        unsigned char c;
        unsigned cls;
#ifdef __SSE2__
        if (n - i >= 16 && sg_tfeat_run16(&f, s + i, &i, &cls)) {
            c = s[i];
            goto counted;
        }
#endif
        unsigned char k, kinds = 0;
        if (f.has_lower) /* the case of letters no longer matters */
            while (i < n && sg_kind[s[i]])
                i++;
        else
            while (i < n && (k = sg_kind[s[i]])) {
                kinds |= k;
                i++;
            }
        sg_tfeat_run(&f, s + a, i - a, kinds);
        /* what follows: a space, the usual case, neither goes on with the
         * word nor ends a sentence there (nor does the end of the text) */
        c = i < n ? s[i] : ' ';
        if (c != ' ' && (c >= 0x80 || c == '\'' || c == '-')) {
            /* it may go on past a joiner or a byte past ASCII: read on */
            sg_wkey w = {{0}, 0};
            for (size_t j = a; j < i; j++)
                sg_wkey_add(&w, s[j] | 0x20);
            i = sg_word_read(s, n, i, &f, &w);
            cls = sg_word_flags(&w);
            c = i < n ? s[i] : ' ';
        } else
            cls = sg_ascii_word_flags(s + a, i - a, n - a);
#ifdef __SSE2__
    counted:
#endif
        f.words++;
        if (c != ' ' && !f.inner_stop && sg_stop_after(s, n, i))
            f.inner_stop = 1;
        else if (i < n && c == ' ')
            i++; /* a separator: passed over here, not by another round */
        f.stops += (cls & SG_WORD_STOP) != 0;
        f.networks += (cls & SG_WORD_NETWORK) != 0;
        f.shares += (cls & (SG_WORD_NETWORK | SG_WORD_SHARE)) == SG_WORD_SHARE;
        if (sg_is_upper(first)) {
            f.caps++;
            if (!seen_letter_word)
                f.first_cap = 1;
            seen_letter_word = 1;
        } else if (sg_is_lower(first)) {
            if (!(cls & SG_WORD_SMALL))
                f.lowers++;
            seen_letter_word = 1;
        }
    }
    /* the last significant byte, closing quotes and brackets passed over */
    n = len;
    size_t e = n;
    while (e > 0) {
        unsigned char c = s[e - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\'' ||
            c == ')' || c == ']' || c == '*' || c == '_') {
            e--;
            continue;
        }
        /* ” ’ */
        if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && (c == 0x9D || c == 0x99)) {
            e -= 3;
            continue;
        }
        if (e >= 2 && s[e - 2] == 0xC2 && (c == 0xBB || c == 0xA0)) {
            e -= 2;
            continue;
        }
        break;
    }
    if (e > 0) {
        unsigned char c = s[e - 1];
        f.last = c;
        if (c == '.' || c == '!' || c == '?')
            f.end_punct = 1;
        else if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && c == 0xA6)
            f.end_punct = 1, f.last = '.'; /* … */
        else if (e >= 3 && s[e - 3] == 0xE3 && s[e - 2] == 0x80 && c == 0x82)
            f.end_punct = 1, f.last = '.'; /* 。 */
    }
    *out = f;
}

/* Title Case or ALL CAPS, and short. */
int sg_title_like(const sg_tfeat *f)
{
    if (!f->words || f->words > SG_HEADING_MAX_WORDS)
        return 0;
    if (f->uppers >= 2 && !f->has_lower)
        return 1;
    return f->first_cap && f->caps &&
           f->caps * 100 >= (size_t)SG_TITLE_PCT * (f->caps + f->lowers);
}
