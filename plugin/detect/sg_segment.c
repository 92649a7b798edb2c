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

#include <pthread.h>
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
enum { SG_ABBR_NEVER = 1, SG_ABBR_NUM, SG_ABBR_MAYBE };

/* Abbreviation entries: lower case, with their inner dots. */
#define SG_ABBR_F_ANY 0   /* any case */
#define SG_ABBR_F_CAP 1   /* only with a leading capital ("Dr." not "dr.") */
#define SG_ABBR_F_EXACT 2 /* exactly as written ("v." but not "V.") */

typedef struct sg_abbr {
    const char *word;
    unsigned char len;
    unsigned char cls;
    unsigned char flags;
} sg_abbr;

/* clang-format off */
#define SG_A(w, cls, flags) {w, sizeof(w) - 1, SG_ABBR_##cls, SG_ABBR_F_##flags}

static const sg_abbr sg_abbrs[] = {
    /* titles before a name: the name always follows */
    SG_A("mr", NEVER, CAP), SG_A("mrs", NEVER, CAP), SG_A("ms", NEVER, CAP),
    SG_A("mx", NEVER, CAP), SG_A("messrs", NEVER, CAP),
    SG_A("mme", NEVER, CAP), SG_A("mlle", NEVER, CAP), SG_A("dr", NEVER, CAP),
    SG_A("drs", NEVER, CAP), SG_A("prof", NEVER, CAP), SG_A("st", NEVER, CAP),
    SG_A("mt", NEVER, CAP), SG_A("ft", NEVER, CAP), SG_A("fr", NEVER, CAP),
    SG_A("rev", NEVER, CAP), SG_A("hon", NEVER, CAP), SG_A("gov", NEVER, CAP),
    SG_A("sen", NEVER, CAP), SG_A("rep", NEVER, CAP), SG_A("pres", NEVER, CAP),
    SG_A("gen", NEVER, CAP), SG_A("col", NEVER, CAP), SG_A("lt", NEVER, CAP),
    SG_A("maj", NEVER, CAP), SG_A("capt", NEVER, CAP), SG_A("cpt", NEVER, CAP),
    SG_A("sgt", NEVER, CAP), SG_A("cmdr", NEVER, CAP), SG_A("adm", NEVER, CAP),
    SG_A("det", NEVER, CAP), SG_A("insp", NEVER, CAP),
    SG_A("supt", NEVER, CAP),
    /* words that introduce what follows */
    SG_A("vs", NEVER, ANY), SG_A("v", NEVER, EXACT), SG_A("e.g", NEVER, ANY),
    SG_A("eg", NEVER, EXACT), SG_A("i.e", NEVER, ANY),
    SG_A("ie", NEVER, EXACT), SG_A("cf", NEVER, ANY), SG_A("viz", NEVER, ANY),
    SG_A("approx", NEVER, ANY), SG_A("appr", NEVER, ANY),
    SG_A("esp", NEVER, ANY), SG_A("incl", NEVER, ANY), SG_A("aka", NEVER, ANY),
    SG_A("a.k.a", NEVER, ANY), SG_A("resp", NEVER, ANY),
    SG_A("w", NEVER, EXACT),
    /* labels before a number: "No. 5", "Vol. 2", "Oct. 6" */
    SG_A("no", NUM, CAP), SG_A("nos", NUM, ANY), SG_A("nr", NUM, ANY),
    SG_A("vol", NUM, ANY), SG_A("vols", NUM, ANY), SG_A("fig", NUM, ANY),
    SG_A("figs", NUM, ANY), SG_A("p", NUM, EXACT), SG_A("pp", NUM, ANY),
    SG_A("ch", NUM, ANY), SG_A("chap", NUM, ANY), SG_A("ep", NUM, ANY),
    SG_A("eps", NUM, ANY), SG_A("pt", NUM, ANY), SG_A("pts", NUM, ANY),
    SG_A("sec", NUM, CAP), SG_A("sect", NUM, ANY), SG_A("art", NUM, CAP),
    SG_A("op", NUM, CAP), SG_A("para", NUM, ANY), SG_A("ca", NUM, ANY),
    SG_A("c", NUM, EXACT), SG_A("ex", NUM, ANY), SG_A("ed", NUM, ANY),
    SG_A("jan", NUM, CAP), SG_A("feb", NUM, CAP), SG_A("mar", NUM, CAP),
    SG_A("apr", NUM, CAP), SG_A("jun", NUM, CAP), SG_A("jul", NUM, CAP),
    SG_A("aug", NUM, CAP), SG_A("sep", NUM, CAP), SG_A("sept", NUM, CAP),
    SG_A("oct", NUM, CAP), SG_A("nov", NUM, CAP), SG_A("dec", NUM, CAP),
    /* may end a sentence: only a usual sentence opener after them ends it */
    SG_A("etc", MAYBE, ANY), SG_A("inc", MAYBE, ANY), SG_A("ltd", MAYBE, ANY),
    SG_A("co", MAYBE, ANY), SG_A("corp", MAYBE, ANY), SG_A("bros", MAYBE, ANY),
    SG_A("llc", MAYBE, ANY), SG_A("plc", MAYBE, ANY), SG_A("jr", MAYBE, ANY),
    SG_A("sr", MAYBE, ANY), SG_A("esq", MAYBE, ANY), SG_A("ph.d", MAYBE, ANY),
    SG_A("m.d", MAYBE, ANY), SG_A("al", MAYBE, ANY), SG_A("dept", MAYBE, ANY),
    SG_A("univ", MAYBE, ANY), SG_A("a.m", MAYBE, ANY), SG_A("p.m", MAYBE, ANY),
    SG_A("u.s", MAYBE, ANY), SG_A("u.k", MAYBE, ANY),
};
/* clang-format on */

#define SG_NABBRS (sizeof sg_abbrs / sizeof sg_abbrs[0])

/* Tables built once.  The abbreviations by first letter (every entry
 * starts with one): a word is compared with the few that share its first
 * letter.  ASCII letters and digits: a look-up is cheaper than two range
 * tests in the main loop's fast path.  Plain bytes: the space and printable
 * ASCII but for the terminals, what an open sentence short of SG_SEG_LONG
 * passes over doing nothing but note where words start and end. */
static unsigned char sg_abbr_by_letter[SG_NABBRS]; /* indices, in table order */
static unsigned char sg_abbr_from[27];             /* letter c: [from[c], from[c + 1]) */
static unsigned char sg_seg_alnum[256];
static unsigned char sg_seg_plain[256];
static pthread_once_t sg_seg_once = PTHREAD_ONCE_INIT;

static int sg_seg_term_kind(uint32_t cp);

static void sg_seg_init(void)
{
    size_t k = 0;
    for (int c = 0; c < 26; c++) {
        sg_abbr_from[c] = (unsigned char)k;
        for (size_t i = 0; i < SG_NABBRS; i++)
            if (sg_abbrs[i].word[0] == 'a' + c)
                sg_abbr_by_letter[k++] = (unsigned char)i;
    }
    sg_abbr_from[26] = (unsigned char)k;
    for (int c = 0; c < 256; c++) {
        sg_seg_alnum[c] = (unsigned)((c | 32) - 'a') < 26u || (unsigned)(c - '0') < 10u;
        sg_seg_plain[c] = c >= ' ' && c <= '~' && !sg_seg_term_kind((uint32_t)c);
    }
}

/* Capitalised words that usually open a sentence: after "etc." or "U.S."
 * one of these means the sentence ended there.  Keep them sorted (strcmp). */
typedef struct sg_word {
    const char *word;
    size_t len;
} sg_word;

/* clang-format off */
#define SG_W(w) {w, sizeof(w) - 1}

static const sg_word sg_starters[] = {
    SG_W("A"), SG_W("After"), SG_W("Again"), SG_W("All"), SG_W("Also"),
    SG_W("Although"), SG_W("An"), SG_W("And"), SG_W("Another"), SG_W("Are"),
    SG_W("As"), SG_W("At"), SG_W("Because"), SG_W("Before"), SG_W("Both"),
    SG_W("But"), SG_W("By"), SG_W("Can"), SG_W("Could"), SG_W("Despite"),
    SG_W("Did"), SG_W("Do"), SG_W("During"), SG_W("Each"), SG_W("Even"),
    SG_W("Every"), SG_W("Finally"), SG_W("For"), SG_W("From"), SG_W("He"),
    SG_W("Her"), SG_W("Here"), SG_W("His"), SG_W("How"), SG_W("However"),
    SG_W("I"), SG_W("If"), SG_W("In"), SG_W("Instead"), SG_W("Is"),
    SG_W("It"), SG_W("Its"), SG_W("Just"), SG_W("Later"), SG_W("Let"),
    SG_W("Many"), SG_W("Meanwhile"), SG_W("Most"), SG_W("My"),
    SG_W("Nevertheless"), SG_W("No"), SG_W("Not"), SG_W("Now"), SG_W("Of"),
    SG_W("On"), SG_W("Once"), SG_W("One"), SG_W("Only"), SG_W("Or"),
    SG_W("Other"), SG_W("Our"), SG_W("Overall"), SG_W("Perhaps"),
    SG_W("Since"), SG_W("So"), SG_W("Some"), SG_W("Still"), SG_W("Such"),
    SG_W("That"), SG_W("The"), SG_W("Their"), SG_W("Then"), SG_W("There"),
    SG_W("These"), SG_W("They"), SG_W("This"), SG_W("Those"), SG_W("Though"),
    SG_W("To"), SG_W("Ultimately"), SG_W("Unfortunately"), SG_W("Was"),
    SG_W("We"), SG_W("Were"), SG_W("What"), SG_W("When"), SG_W("Where"),
    SG_W("Which"), SG_W("While"), SG_W("Who"), SG_W("Why"), SG_W("Will"),
    SG_W("With"), SG_W("Without"), SG_W("Would"), SG_W("Yet"), SG_W("You"),
    SG_W("Your"),
};
/* clang-format on */

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

/* Is the word at t[p] one of the usual sentence openers?  (The list is
 * sorted, so a binary search keeps runs of "U.S. U.S." cheap.) */
static int sg_seg_starter(const unsigned char *t, size_t n, size_t p)
{
    size_t len = 0, lo = 0, hi = sizeof sg_starters / sizeof sg_starters[0];

    while (p + len < n && len <= SG_SEG_WORD_MAX && sg_is_alpha(t[p + len]))
        len++;
    if (len == 0 || len > SG_SEG_WORD_MAX)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, wl = sg_starters[mid].len;
        int c = memcmp(sg_starters[mid].word, t + p, wl < len ? wl : len);
        if (c == 0)
            c = wl < len ? -1 : wl > len ? 1 : 0;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
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

    /* only the abbreviations with the word's first letter can be it */
    unsigned letter = (unsigned)(low[0] - 'a');
    size_t from = 0, to = 0;
    if (letter < 26) {
        from = sg_abbr_from[letter];
        to = sg_abbr_from[letter + 1];
    }
    for (k = from; k < to; k++) {
        const sg_abbr *a = &sg_abbrs[sg_abbr_by_letter[k]];
        if (a->len != len || memcmp(a->word, low, len) != 0)
            continue;
        if ((a->flags & SG_ABBR_F_CAP) && !(t[w0] >= 'A' && t[w0] <= 'Z'))
            continue;
        if ((a->flags & SG_ABBR_F_EXACT) && memcmp(a->word, t + w0, len) != 0)
            continue;
        switch (a->cls) {
        case SG_ABBR_NEVER:
            return 0;
        case SG_ABBR_NUM:
            return !(next == SG_NEXT_DIGIT || (p < n && t[p] == '#') ||
                     sg_seg_roman(t, n, p));
        default:
            return sg_seg_starter(t, n, p);
        }
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
    while (lim - j >= 4 && (sg_seg_plain[t[j]] & sg_seg_plain[t[j + 1]] &
                            sg_seg_plain[t[j + 2]] & sg_seg_plain[t[j + 3]]))
        j += 4;
    while (j < lim && sg_seg_plain[t[j]])
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
    pthread_once(&sg_seg_once, sg_seg_init);
    memset(&s, 0, sizeof s);
    s.t = (const unsigned char *)text;
    s.n = n;
    s.emit = emit;
    s.ctx = ctx;

    while (i < n) {
        uint32_t cp;
        unsigned char c0 = s.t[i];
        if (sg_seg_plain[c0] && s.open && i - s.start < SG_SEG_LONG) {
            i = sg_seg_plain_run(&s, i);
            continue;
        }
        if (sg_seg_alnum[c0]) {
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
            while (i < n && sg_seg_alnum[s.t[i]]);
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
