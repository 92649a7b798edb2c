/*
 * sg_segment.c -- sentence segmentation.
 *
 * One forward pass over a block's text.  A sentence ends at terminal
 * punctuation ('.', '!', '?', an ellipsis, CJK full stops) followed by any
 * closing quotes or brackets and then whitespace, when what follows does not
 * continue the sentence: a lowercase word, or a word after an abbreviation,
 * an initial or a number label ("Dr. Kim", "J. R. R. Tolkien", "No. 5").
 * A blank line, or a line break before a list bullet, always ends one.  A
 * sentence with no end in sight is cut at a line break or "; " past 1000
 * bytes, at ", " or a dash past 2000, at any space past 4000, so flags stay
 * small; cuts are always at whitespace, never inside a word.
 *
 * Every look-ahead is either bounded by a small constant or covers bytes the
 * main loop passes at most once more, so the pass is linear in the input.
 * Invalid UTF-8 and NUL bytes are ordinary non-space bytes.  Whitespace is
 * ASCII space, tab and line breaks, NEL, NBSP, the Unicode spaces
 * U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and the BOM.
 */
#include "sg_internal.h"
#include "sg_text.h"
#include "sg_utf8.h"

#include <stdint.h>

/* Past these lengths a sentence without an end is cut, see above. */
#define SG_SEG_LONG 1000
#define SG_SEG_LONGER 2000
#define SG_SEG_LONGEST 4000

/* Words longer than this are never abbreviations, so nothing longer is read. */
#define SG_SEG_WORD_MAX 12

#define SG_SEG_BAD 0xFFFFFFFFu

enum { SG_TERM_DOT = 1, SG_TERM_ELLIPSIS, SG_TERM_STRONG, SG_TERM_CJK };
enum { SG_NEXT_LOWER, SG_NEXT_UPPER, SG_NEXT_DIGIT, SG_NEXT_OTHER };

/* The bytes a scanner passes over: ASCII letters and digits, and the plain
 * bytes, the space and printable ASCII but for the terminals, what an open
 * sentence short of SG_SEG_LONG passes over doing nothing but note where
 * words start and end (sg_byte_class, one look-up where two range tests
 * would do).  Abbreviations and the words that usually open a sentence are
 * the word table's (SG_WORD_ABBR_*, SG_WORD_OPENER). */
#define SG_SEG_ALNUM(c) (sg_byte_class[c] & (SG_BYTE_ALPHA | SG_BYTE_DIGIT))
#define SG_SEG_PLAIN(c) (sg_byte_class[c] & SG_BYTE_PLAIN)

typedef struct sg_seg {
    const unsigned char *t;
    size_t n;
    sg_sentence_fn emit;
    void *ctx;
    int open;        /* a sentence has started */
    size_t start;    /* its first byte */
    size_t last_end; /* end of its last non-space character */
    int in_word;
    size_t word; /* start of the current run of non-space characters */
} sg_seg;

/* Decode one UTF-8 character at t[i] (i < n); SG_SEG_BAD and length 1 for a
 * byte that does not start a well-formed sequence. */
static size_t sg_seg_decode(const unsigned char *t, size_t n, size_t i, uint32_t *cp)
{
    size_t len = sg_utf8_decode(t + i, n - i, cp);
    if (len)
        return len;
    *cp = SG_SEG_BAD;
    return 1;
}

static int sg_seg_is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return cp == 0x85 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static int sg_seg_is_break(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static int sg_seg_term_kind(uint32_t cp)
{
    switch (cp) {
    case '.':
        return SG_TERM_DOT;
    case 0x2026: /* … */
        return SG_TERM_ELLIPSIS;
    case '!':
    case '?':
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
        return SG_TERM_STRONG;
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF61: /* ｡ */
        return SG_TERM_CJK;
    default:
        return 0;
    }
}

static int sg_seg_is_closer(uint32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case ')':
    case ']':
    case '}':
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x00BB: /* » */
    case 0x203A: /* › */
    case 0x3009:
    case 0x300B:
    case 0x300D:
    case 0x300F:
    case 0x3011:
    case 0xFF09: /* ） */
        return 1;
    default:
        return 0;
    }
}

static int sg_seg_is_opener(uint32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case '(':
    case '[':
    case '{':
    case 0x2018: /* ‘ */
    case 0x201A: /* ‚ */
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
    case 0x2039: /* ‹ */
    case 0x00BF: /* ¿ */
    case 0x00A1: /* ¡ */
    case 0x3008:
    case 0x300A:
    case 0x300C:
    case 0x300E:
    case 0x3010:
    case 0xFF08: /* （ */
        return 1;
    default:
        return 0;
    }
}

/* +1 upper case, -1 lower case, 0 neither (caseless scripts, symbols). */
static int sg_seg_case(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return 1;
    if (cp >= 'a' && cp <= 'z')
        return -1;
    if (cp < 0xC0)
        return 0;
    if (cp <= 0xDE)
        return cp == 0xD7 ? 0 : 1;
    if (cp <= 0xFF)
        return cp == 0xF7 ? 0 : -1;
    if (cp <= 0x137)
        return (cp & 1) ? -1 : 1;
    if (cp == 0x138)
        return -1;
    if (cp <= 0x148)
        return (cp & 1) ? 1 : -1;
    if (cp == 0x149)
        return -1;
    if (cp <= 0x177)
        return (cp & 1) ? -1 : 1;
    if (cp == 0x178)
        return 1;
    if (cp <= 0x17E)
        return (cp & 1) ? 1 : -1;
    if (cp == 0x17F)
        return -1;
    if (cp == 0x386 || (cp >= 0x388 && cp <= 0x38F) || (cp >= 0x391 && cp <= 0x3AB))
        return 1;
    if (cp >= 0x3AC && cp <= 0x3CE)
        return -1;
    if (cp >= 0x400 && cp <= 0x42F)
        return 1;
    if (cp >= 0x430 && cp <= 0x45F)
        return -1;
    return 0;
}

static int sg_seg_class(const unsigned char *t, size_t n, size_t p)
{
    uint32_t cp;
    int c;

    if (p >= n)
        return SG_NEXT_OTHER;
    sg_seg_decode(t, n, p, &cp);
    if (cp >= '0' && cp <= '9')
        return SG_NEXT_DIGIT;
    c = sg_seg_case(cp);
    if (c > 0)
        return SG_NEXT_UPPER;
    if (c < 0)
        return SG_NEXT_LOWER;
    return SG_NEXT_OTHER;
}

/* Is the word at t[p] one of the usual sentence openers, capitalised as
 * they are written ("The", not "THE")? */
static int sg_seg_starter(const unsigned char *t, size_t n, size_t p)
{
    size_t len = 0;

    while (p + len < n && len <= SG_SEG_WORD_MAX && sg_is_alpha(t[p + len]))
        len++;
    if (len == 0 || len > SG_SEG_WORD_MAX || !sg_is_upper(t[p]))
        return 0;
    for (size_t k = 1; k < len; k++)
        if (!sg_is_lower(t[p + k]))
            return 0;
    return (sg_word_bits((const char *)t + p, len) & SG_WORD_OPENER) != 0;
}

/* Is t[p] a capital letter followed by '.', the next of a run of initials? */
static int sg_seg_next_initial(const unsigned char *t, size_t n, size_t p)
{
    uint32_t cp;
    size_t l;

    if (p >= n)
        return 0;
    l = sg_seg_decode(t, n, p, &cp);
    return sg_seg_case(cp) > 0 && p + l < n && t[p + l] == '.';
}

/* A Roman numeral at t[p] ("Vol. II"), not the pronoun "I". */
static int sg_seg_roman(const unsigned char *t, size_t n, size_t p)
{
    size_t len = 0;

    while (p + len < n && len <= SG_SEG_WORD_MAX && t[p + len] != '\0' &&
           strchr("IVXLCDM", t[p + len]))
        len++;
    if (len == 0 || len > SG_SEG_WORD_MAX)
        return 0;
    if (p + len < n && sg_is_alpha(t[p + len]))
        return 0;
    return len >= 2 || t[p] == 'V' || t[p] == 'X';
}

/* Single letters joined by dots ("u.s", "f.b.i"). */
static int sg_seg_initialism(const char *w, size_t len)
{
    size_t k;

    if (len < 3 || len % 2 == 0)
        return 0;
    for (k = 0; k < len; k++) {
        if (k % 2 == 0 ? !sg_is_alpha((unsigned char)w[k]) : w[k] != '.')
            return 0;
    }
    return 1;
}

/* Does the '.' at t0 end the sentence, when the next word starts at p? */
static int sg_seg_dot_ends(const sg_seg *s, size_t t0, size_t p, int next)
{
    const unsigned char *t = s->t;
    size_t n = s->n, w0 = s->word, w1 = t0, len, k;
    char low[SG_SEG_WORD_MAX + 1];
    uint32_t cp;
    size_t l;

    while (w0 < w1) {
        l = sg_seg_decode(t, n, w0, &cp);
        if (!sg_seg_is_opener(cp))
            break;
        w0 += l;
    }
    len = w1 - w0;
    if (len == 0 || len > SG_SEG_WORD_MAX)
        return 1;

    /* "1. Oldboy" at the start of a line is a list number, not an end */
    if (len <= 2 && s->word == s->start && t[w0] >= '0' && t[w0] <= '9' &&
        t[w1 - 1] >= '0' && t[w1 - 1] <= '9')
        return 0;

    /* one capital letter: an initial unless a new sentence plainly starts */
    l = sg_seg_decode(t, n, w0, &cp);
    if (l == len && sg_seg_case(cp) > 0) {
        if (sg_seg_next_initial(t, n, p))
            return 0;
        if (sg_seg_starter(t, n, p))
            return 1;
        return next != SG_NEXT_UPPER;
    }

    for (k = 0; k < len; k++) {
        unsigned char c = t[w0 + k];
        if (c >= 0x80 || c == '\0')
            return 1;
        low[k] = (char)sg_to_lower(c);
    }
    low[len] = '\0';

    /* an abbreviation, in the case it asks for */
    uint64_t ab = sg_word_bits(low, len);
    if ((ab & (SG_WORD_ABBR_NEVER | SG_WORD_ABBR_NUM | SG_WORD_ABBR_MAYBE)) &&
        !((ab & SG_WORD_ABBR_CAP) && !(t[w0] >= 'A' && t[w0] <= 'Z')) &&
        !((ab & SG_WORD_ABBR_EXACT) && memcmp(low, t + w0, len) != 0)) {
        if (ab & SG_WORD_ABBR_NEVER)
            return 0;
        if (ab & SG_WORD_ABBR_NUM)
            return !(next == SG_NEXT_DIGIT || (p < n && t[p] == '#') ||
                     sg_seg_roman(t, n, p));
        return sg_seg_starter(t, n, p);
    }
    if (sg_seg_initialism(low, len))
        return sg_seg_starter(t, n, p);
    return 1;
}

static void sg_seg_close(sg_seg *s, size_t end)
{
    if (s->open && end > s->start)
        s->emit(s->ctx, s->start, end);
    s->open = 0;
    s->in_word = 0;
}

/* A list bullet at t[j] on a new line: "•", or "-", "*", "+" or "12." / "3)"
 * followed by a space. */
static int sg_seg_bullet(const unsigned char *t, size_t n, size_t j)
{
    uint32_t cp;
    size_t l = sg_seg_decode(t, n, j, &cp), d = 0;

    if (cp == 0x2022 || cp == 0x2023 || cp == 0x25AA || cp == 0x25CF || cp == 0x25E6 ||
        cp == 0x2043)
        return 1;
    if (cp == '-' || cp == '*' || cp == '+')
        return j + l < n && (t[j + l] == ' ' || t[j + l] == '\t');
    while (j + d < n && d < 3 && t[j + d] >= '0' && t[j + d] <= '9')
        d++;
    if (d == 0 || d > 2 || j + d + 1 >= n)
        return 0;
    return (t[j + d] == '.' || t[j + d] == ')') &&
           (t[j + d + 1] == ' ' || t[j + d + 1] == '\t');
}

/* At a line break t[i] inside an open sentence: does the sentence end here?
 * Yes at a blank line, a paragraph separator, a bullet on the next line, or
 * when the sentence is already long. */
static int sg_seg_break_ends(const sg_seg *s, size_t i, size_t l, uint32_t cp)
{
    const unsigned char *t = s->t;
    size_t n = s->n, j = i + l;
    uint32_t c2;

    if (cp == 0x2029)
        return 1;
    if (cp == '\r' && j < n && t[j] == '\n')
        j++;
    while (j < n) {
        size_t l2 = sg_seg_decode(t, n, j, &c2);
        if (sg_seg_is_break(c2))
            return 1;
        if (!sg_seg_is_space(c2))
            break;
        j += l2;
    }
    if (j >= n)
        return 0;
    if (sg_seg_bullet(t, n, j))
        return 1;
    return i - s->start > SG_SEG_LONG;
}

/* Terminal punctuation starts at t[i]: read the run, any closing quotes and
 * brackets, decide, and return where the main loop goes on. */
static size_t sg_seg_at_term(sg_seg *s, size_t i)
{
    const unsigned char *t = s->t;
    size_t n = s->n, j = i, e, p, dots = 0;
    int ellipsis = 0, strong = 0, cjk = 0, closed = 0, spaced = 0, openers;
    int next, ends;
    uint32_t cp;
    size_t l;

    while (j < n) {
        int k;
        l = sg_seg_decode(t, n, j, &cp);
        k = sg_seg_term_kind(cp);
        if (k) {
            if (k == SG_TERM_DOT && ++dots >= 2)
                ellipsis = 1;
            if (k == SG_TERM_ELLIPSIS)
                ellipsis = 1;
            if (k == SG_TERM_STRONG)
                strong = 1;
            cjk = k == SG_TERM_CJK;
            j += l;
            continue;
        }
        /* ". . ." spelt with spaces */
        if (cp == ' ' && t[j - 1] == '.' && j + 1 < n && t[j + 1] == '.' &&
            (spaced || (j + 3 < n && t[j + 2] == ' ' && t[j + 3] == '.'))) {
            spaced = 1;
            ellipsis = 1;
            j++;
            continue;
        }
        break;
    }

    e = j;
    while (e < n) {
        l = sg_seg_decode(t, n, e, &cp);
        if (!sg_seg_is_closer(cp))
            break;
        closed = 1;
        e += l;
    }
    s->last_end = e;

    /* CJK full stops need no space after them */
    if (cjk) {
        sg_seg_close(s, e);
        return e;
    }
    if (e >= n)
        return e;
    sg_seg_decode(t, n, e, &cp);
    if (!sg_seg_is_space(cp))
        return e;

    p = e;
    while (p < n) {
        l = sg_seg_decode(t, n, p, &cp);
        if (!sg_seg_is_space(cp))
            break;
        p += l;
    }
    if (p >= n)
        return e;
    for (openers = 0; p < n && openers < 8; openers++) {
        l = sg_seg_decode(t, n, p, &cp);
        if (!sg_seg_is_opener(cp))
            break;
        p += l;
    }

    next = sg_seg_class(t, n, p);
    if (next == SG_NEXT_LOWER)
        ends = 0;
    else if (strong || closed || ellipsis)
        ends = 1;
    else
        ends = sg_seg_dot_ends(s, i, p, next);
    if (ends)
        sg_seg_close(s, e);
    return e;
}

/* A run of plain bytes from t[i] in an open sentence: passed over at once
 * (four bytes a time) up to where the sentence turns long, then the word
 * state is set as the byte loop would have left it.  Returns the run's end. */
static size_t sg_seg_plain_run(sg_seg *s, size_t i)
{
    const unsigned char *t = s->t;
    size_t lim = s->n - s->start > SG_SEG_LONG ? s->start + SG_SEG_LONG : s->n, j = i;
    while (lim - j >= 4 &&
           (sg_byte_class[t[j]] & sg_byte_class[t[j + 1]] & sg_byte_class[t[j + 2]] &
            sg_byte_class[t[j + 3]] & SG_BYTE_PLAIN))
        j += 4;
    while (j < lim && SG_SEG_PLAIN(t[j]))
        j++;
    /* the run's last word: [w, k) */
    size_t k = j, w;
    while (k > i && t[k - 1] == ' ')
        k--;
    if (k > i) {
        for (w = k; w > i && t[w - 1] != ' '; w--)
            ;
        if (w > i || !s->in_word)
            s->word = w;
        s->last_end = k;
    }
    s->in_word = k == j;
    return j;
}

void sg_segment(const char *text, size_t n, sg_sentence_fn emit, void *ctx)
{
    sg_seg s;
    size_t i = 0;

    if (!text || !emit)
        return;
    sg_words_init();
    memset(&s, 0, sizeof s);
    s.t = (const unsigned char *)text;
    s.n = n;
    s.emit = emit;
    s.ctx = ctx;

    while (i < n) {
        uint32_t cp;
        unsigned char c0 = s.t[i];
        if (SG_SEG_PLAIN(c0) && s.open && i - s.start < SG_SEG_LONG) {
            i = sg_seg_plain_run(&s, i);
            continue;
        }
        if (SG_SEG_ALNUM(c0)) {
            /* a run of ASCII letters and digits, the common case: no space,
             * no terminal, no place for a long sentence to give way */
            if (!s.open) {
                s.open = 1;
                s.start = i;
            }
            if (!s.in_word) {
                s.in_word = 1;
                s.word = i;
            }
            do
                i++;
            while (i < n && SG_SEG_ALNUM(s.t[i]));
            s.last_end = i;
            continue;
        }
        if (c0 == ' ') {
            /* a plain space, the next most common: as below, without the
             * decoding and the line-break tests */
            if (s.open && i - s.start > SG_SEG_LONGEST)
                sg_seg_close(&s, s.last_end);
            s.in_word = 0;
            i++;
            continue;
        }
        size_t l = sg_seg_decode(s.t, n, i, &cp);

        if (sg_seg_is_space(cp)) {
            if (s.open) {
                if (sg_seg_is_break(cp)) {
                    if (sg_seg_break_ends(&s, i, l, cp))
                        sg_seg_close(&s, s.last_end);
                } else if (i - s.start > SG_SEG_LONGEST) {
                    sg_seg_close(&s, s.last_end);
                }
            }
            s.in_word = 0;
            i += l;
            continue;
        }
        if (!s.open) {
            s.open = 1;
            s.start = i;
        }
        if (!s.in_word) {
            s.in_word = 1;
            s.word = i;
        }
        if (sg_seg_term_kind(cp)) {
            i = sg_seg_at_term(&s, i);
            continue;
        }
        i += l;
        s.last_end = i;
        /* a long sentence gives way at "; ", then at ", " or a dash */
        if (i - s.start > SG_SEG_LONG && i < n &&
            (s.t[i] == ' ' || s.t[i] == '\t' || s.t[i] == '\n')) {
            if (cp == ';' || (i - s.start > SG_SEG_LONGER &&
                              (cp == ',' || cp == ':' || cp == 0x2013 || cp == 0x2014)))
                sg_seg_close(&s, i);
        }
    }
    if (s.open)
        sg_seg_close(&s, s.last_end);
}
