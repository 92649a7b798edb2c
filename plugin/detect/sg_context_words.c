/* sg_context_words.c -- the words that tell the story.
 *
 * A sentence that gives the story away names its events: deaths, escapes,
 * returns, discoveries, betrayals, and their finality ("finally",
 * "ultimately").  A heading says what its section holds: the plot or the
 * ending, or the verdict.  This file reads both for the context stage
 * (sg_context.c); the words themselves are in the word table (sg_words.c,
 * SG_WORD_EVENT and the heading bits). */
#include "sg_internal.h"
#include "sg_text.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bytes of a word: ASCII letters and digits, the apostrophe, and every byte
 * of a multi-byte UTF-8 character. */
static int sg_cw_wordbyte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '\'' || c >= 0x80;
}

/* One word: the word table's key of its letters before any apostrophe
 * (lower-cased, zero-padded; set only when it fits, len <= SG_WORD_MAXLEN),
 * their count, and whether they are all ASCII letters. */
typedef struct sg_cw_word {
    uint64_t key[2];
    size_t len;
    int ascii;
} sg_cw_word;

/* Is t[i] the start of a punctuation mark of U+2000..U+203F (quotes,
 * dashes, the ellipsis)? */
static int sg_cw_punct(const char *t, size_t n, size_t i)
{
    return i + 2 < n && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80;
}

static size_t sg_cw_next(const char *t, size_t n, size_t i, sg_cw_word *w)
{
    while (i < n && (!sg_cw_wordbyte((unsigned char)t[i]) || sg_cw_punct(t, n, i)))
        i += sg_cw_punct(t, n, i) ? 3 : 1;
    unsigned char b[SG_WORD_MAXLEN + 1] = {0};
    size_t k = 0;
    w->ascii = 1;
    int cut = 0; /* "he's", "Nell’s": the word is what stands before the apostrophe */
    while (i < n && sg_cw_wordbyte((unsigned char)t[i])) {
        if ((unsigned char)t[i] == 0xE2 && sg_cw_punct(t, n, i)) {
            if ((unsigned char)t[i + 2] != 0x99) /* only ’ stays inside a word */
                break;
            cut = 1;
            i += 3;
            continue;
        }
        unsigned char c = (unsigned char)t[i++];
        if (c == '\'')
            cut = 1;
        if (cut)
            continue;
        if (c >= 0x80 || (c >= '0' && c <= '9'))
            w->ascii = 0;
        if (k < sizeof b)
            b[k] = (unsigned char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        k++;
    }
    w->len = k;
    if (k <= SG_WORD_MAXLEN)
        memcpy(w->key, b, sizeof b);
    return i;
}

/* The word table's bits of w, 0 for a word not in it. */
static uint64_t sg_cw_bits(const sg_cw_word *w)
{
    if (!w->len || w->len > SG_WORD_MAXLEN)
        return 0;
    const sg_word_slot *e = sg_word_key_find(w->key);
    return e ? e->bits : 0;
}

/* The word table's bits of the word of n ASCII letters at p, `room` bytes
 * of text from its start: its key is its bytes lower-cased, read whole and
 * masked where there is room for 16 bytes. */
static uint64_t sg_cw_letters_bits(const unsigned char *p, size_t n, size_t room)
{
    if (n > SG_WORD_MAXLEN)
        return 0;
    unsigned char b[16] = {0};
    memcpy(b, p, room >= sizeof b ? sizeof b : n);
    uint64_t key[2];
    memcpy(key, b, sizeof key);
    /* n <= 15: the second word keeps n - 8 bytes, or none */
    uint64_t m0 = n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
    uint64_t m1 = n <= 8 ? 0 : (1ull << (8 * (n - 8))) - 1;
    key[0] = (key[0] | 0x2020202020202020ull) & m0;
    key[1] = (key[1] | 0x2020202020202020ull) & m1;
    const sg_word_slot *e = sg_word_key_find(key);
    return e ? e->bits : 0;
}

#ifdef __SSE2__
/* Bytes [16 - n, 32 - n) keep a key's first n bytes. */
static const unsigned char sg_cw_mask[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                             0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
#endif

void sg_context_read_sentence(const char *t, size_t n, sg_plot_words *pw)
{
    memset(pw, 0, sizeof *pw);
    sg_words_init();
    const unsigned char *p = (const unsigned char *)t;
    unsigned events = 0;
    size_t i = 0;
    while (i < n) {
        if (!sg_cw_wordbyte(p[i])) {
            i++; /* a space or an ASCII mark: no word starts here */
            continue;
        }
#ifdef __SSE2__
        if (sg_is_alpha(p[i]) && n - i >= 16) {
            /* sixteen bytes at once: the letters that start them (lower-cased
             * by | 0x20, 'a'..'z' moved to the bottom of the signed bytes)
             * and, when a byte of no word ends them, their key */
            __m128i x = _mm_or_si128(_mm_loadu_si128((const __m128i *)(const void *)(p + i)),
                                     _mm_set1_epi8(0x20));
            __m128i az = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'a'))),
                                        _mm_set1_epi8((char)(0x80 + 26)));
            unsigned len = (unsigned)__builtin_ctz(~(unsigned)_mm_movemask_epi8(az));
            if (len <= SG_WORD_MAXLEN && !sg_cw_wordbyte(p[i + len])) {
                uint64_t key[2];
                _mm_storeu_si128((__m128i *)(void *)key,
                                 _mm_and_si128(x, _mm_loadu_si128((const __m128i *)(const void *)(
                                                      sg_cw_mask + 16 - len))));
                const sg_word_slot *e = sg_word_key_find(key);
                events += e && (e->bits & SG_WORD_EVENT);
                i += len;
                continue;
            }
        }
#endif
        if (sg_is_alpha(p[i])) {
            /* a run of ASCII letters that a byte of no word ends (or the
             * end): a whole word of letters, its key read off the text */
            size_t a = i;
            while (++i < n && sg_is_alpha(p[i]))
                ;
            if (i >= n || !sg_cw_wordbyte(p[i])) {
                events += (sg_cw_letters_bits(p + a, i - a, n - a) & SG_WORD_EVENT) != 0;
                continue;
            }
            i = a;
        }
        sg_cw_word w;
        i = sg_cw_next(t, n, i, &w);
        events += w.ascii && (sg_cw_bits(&w) & SG_WORD_EVENT);
    }
    pw->events = (uint8_t)(events < 255 ? events : 255);
}

int sg_context_heading_class(const char *t, size_t n)
{
    sg_words_init();
    sg_cw_word w;
    size_t i = 0;
    int cls = 0;
    while (i < n) {
        i = sg_cw_next(t, n, i, &w);
        uint64_t bits = sg_cw_bits(&w);
        if (bits & SG_WORD_HEAD_PLOT)
            return 1;
        if (bits & SG_WORD_HEAD_VERDICT)
            cls = -1;
    }
    return cls;
}
