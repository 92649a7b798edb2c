/*
 * sg_score.c -- the learned scorer: hashed word, word-pair and cue features
 * and a pruned int8 logistic-regression model.  The trainer (tools/sg_train*)
 * computes its features with sg_features from here, so training and scoring
 * share one feature extractor.  The cue words are sg_cue_words.c's, looked
 * up in the word table (sg_words.c); models are stored and read by sg_model_io.c.
 */
#include "sg_score.h"
#include "sg_internal.h"
#include "sg_text.h"
#include "sg_utf8.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- cue words -------------------------------------------------------------
 * The cue words (sg_cue_words.c) are in the word table (sg_words.c): the key
 * of a word is its folded bytes, zero-padded to 16, and its entry's `cue`
 * holds its families and pattern bits (SG_WORD_CUE says it has them).  A
 * lookup is a multiply and a probe or two. */

#define SG_CUE_MAXLEN 16  /* bytes of a word the scanner keeps to look it up */
#define SG_STEM_MAXLEN 24 /* longer words have no stem feature */

#define SG_FNV_OFFSET 0xcbf29ce484222325ULL
#define SG_FNV_PRIME 0x100000001b3ULL
#define SG_FNV_PRIME_INV 0xce965057aff6957bULL /* its inverse mod 2^64 */

/* ASCII letters and digits as the scanner keeps them (lower case; every
 * digit '0', so "season 2" and "season 3" are one word pair); 0 for other
 * bytes. */
/* clang-format off */
static const unsigned char sg_fold[256] = {
    ['0'] = '0', ['1'] = '0', ['2'] = '0', ['3'] = '0', ['4'] = '0', ['5'] = '0', ['6'] = '0',
    ['7'] = '0', ['8'] = '0', ['9'] = '0',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};
/* clang-format on */

/* Families and pattern bits of the word w (n bytes), lower-case or, with
 * `fold`, ASCII letters and digits as they stand in a text. */
static inline uint32_t sg_cue_lookup(const unsigned char *w, size_t n, int fold)
{
    if (n - 1 >= SG_WORD_MAXLEN)
        return 0;
    unsigned char b[16] = {0};
    for (size_t i = 0; i < n; i++)
        b[i] = fold ? sg_fold[w[i]] : w[i];
    uint64_t key[2];
    memcpy(key, b, sizeof key);
    const sg_word_slot *e = sg_word_key_find(key);
    return e && (e->bits & SG_WORD_CUE) ? e->cue : 0;
}

unsigned sg_cue_families(const char *word, size_t n)
{
    char lc[SG_CUE_MAXLEN];
    if (!word || n == 0 || n > SG_CUE_MAXLEN)
        return 0;
    for (size_t i = 0; i < n; i++)
        lc[i] = (char)sg_to_lower((unsigned char)word[i]);
    sg_words_init();
    return sg_cue_lookup((const unsigned char *)lc, n, 0) & SG_CUE_MASK;
}

const char *sg_cue_word(size_t i, unsigned *families)
{
    if (i >= sg_cue_nwords)
        return NULL;
    if (families)
        *families = sg_cue_words[i].bits & SG_CUE_MASK;
    return sg_cue_words[i].word;
}

/* ---- hashing ---------------------------------------------------------------- */

/* Feature namespaces keep a word, a pair and a cue from sharing a hash. */
enum {
    SG_NS_UNI = 1,
    SG_NS_BI,
    SG_NS_STEM,
    SG_NS_CUE,    /* a cue family, per occurrence */
    SG_NS_NARR,   /* a narrative pattern, per occurrence */
    SG_NS_HAS,    /* a signal present in the sentence */
    SG_NS_PAIR,   /* two signals present together */
    SG_NS_SUBJ,   /* a cue family right after a subject */
    SG_NS_LEN,
    SG_NS_CAPS,
    SG_NS_MARK,
    SG_NS_NAMEBI /* a word pair with names abstracted */
};

/* A namespace and two 64-bit parts mixed into one well-spread 32-bit hash
 * (the MurmurHash3 finaliser). */
static inline uint32_t sg_fh(uint64_t ns, uint64_t a, uint64_t b)
{
    uint64_t k = a ^ (b * 0x9E3779B97F4A7C15ULL) ^ (ns * 0xC2B2AE3D27D4EB4FULL);
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    k *= 0xc4ceb9fe1a85ec53ULL;
    k ^= k >> 33;
    return (uint32_t)k;
}

/* ---- the feature scanner ----------------------------------------------------- */

/* Narrative patterns (bit numbers in sg_scan.signals above the families). */
enum {
    SG_N_PRON_PRES = 0, /* "he kills" */
    SG_N_PRON_PAST,     /* "she found" */
    SG_N_NAME_PRES,     /* "Sydney kills" */
    SG_N_NAME_PAST,     /* "Sydney killed" */
    SG_N_PAST_PERFECT,  /* "had killed", "had been" */
    SG_N_TURNS_OUT,
    SG_N_REAL_IDENTITY,
    SG_N_WAS_REALLY,
    SG_N_FALLS_IN_LOVE,
    SG_N_BREAKS_UP,
    SG_N_IN_THE_END,
    SG_N__COUNT
};
#define SG_SIG_FAMILIES 9 /* signals 0..8 are cue families, then patterns */
#define SG_SIG_COUNT (SG_SIG_FAMILIES + SG_N__COUNT)
_Static_assert(SG_SIG_COUNT <= 32, "signals are bits of a uint32_t");

/* What a word is besides its cue bits, as one bit set. */
enum {
    SG_IS_CAP = 1,  /* starts with a capital letter */
    SG_IS_NAME = 2, /* stands for a name in the name pairs */
    SG_IS_POSS = 4, /* ends in 's */
    SG_IS_PRES = 8, /* looks like a present-tense verb */
    SG_IS_PAST = 16 /* looks like a past-tense verb */
};

typedef struct sg_word {
    uint64_t h;
    uint32_t bits; /* cue families and pattern bits */
    uint32_t is;   /* SG_IS_* */
} sg_word;

/* Features go out in batches: the consumer's loop over a batch runs without
 * a call per feature.  Scoring with a flat table needs no batch: a feature
 * is one load added to a sum. */
#define SG_BATCH 64
typedef void (*sg_batch_fn)(void *ctx, const uint32_t *h, size_t n);

typedef struct sg_scan {
    unsigned flags;
    /* Where features go: with `qtab` (scoring with a flat table) their q are
     * added to `acc` one by one; else they go to `flush` in batches. */
    const int8_t *qtab;
    uint32_t mask;
    int64_t acc;
    sg_batch_fn flush;
    void *ctx;
    size_t count; /* features emitted and flushed */
    size_t nbatch;
    size_t ntok, ncaps, ndigit;
    uint32_t signals; /* families and patterns seen */
    /* what the context stage reads of the words (sg_sentence_words) */
    unsigned nfirst, nsecond, njudge, nreview;
    unsigned marks;   /* ? ! ( " : ; seen */
    /* The words before: all zero until a sentence has them, so a test of
     * their bits or flags fails at its start. */
    sg_word prev, prev2;
    /* the word being read */
    uint64_t h;
    size_t len;
    /* Its bytes, for cue words: while it is one run of ASCII letters and
     * digits, `run` points at them in the text; else lc holds the first
     * (folded) ones. */
    const unsigned char *run;
    char lc[SG_CUE_MAXLEN];
    uint64_t tail;          /* its last 8 bytes, newest lowest, 0 first */
    unsigned char cap, digit;
    struct sg_word_cache *wc; /* words already scored, or NULL */
    uint32_t batch[SG_BATCH]; /* last: not cleared per sentence */
} sg_scan;

static void sg_flush(sg_scan *s)
{
    s->flush(s->ctx, s->batch, s->nbatch);
    s->count += s->nbatch;
    s->nbatch = 0;
}

static inline void sg_emit(sg_scan *s, uint32_t h)
{
    if (s->qtab) {
        s->acc += s->qtab[h & s->mask];
        s->count++;
        return;
    }
    s->batch[s->nbatch++] = h;
    if (s->nbatch == SG_BATCH)
        sg_flush(s);
}

static inline void sg_word_byte(sg_scan *s, unsigned char c)
{
    if (s->len == 0) {
        s->h = SG_FNV_OFFSET;
        s->tail = 0;
        s->cap = (unsigned char)(c >= 'A' && c <= 'Z');
        s->digit = 0;
    } else if (s->run) {
        /* the word is no longer one run: its bytes so far go to lc */
        for (size_t i = 0; i < s->len && i < SG_CUE_MAXLEN; i++)
            s->lc[i] = (char)sg_fold[s->run[i]];
    }
    s->run = NULL;
    if (c >= 'A' && c <= 'Z')
        c = (unsigned char)(c + 32);
    else if (c >= '0' && c <= '9') {
        c = '0'; /* "season 2" and "season 3" are one word pair */
        s->digit = 1;
    }
    s->h = (s->h ^ c) * SG_FNV_PRIME;
    if (s->len < SG_CUE_MAXLEN)
        s->lc[s->len] = (char)c;
    s->len++;
    s->tail = s->tail << 8 | c;
}

/* Crude suffix stripping: "kills", "killed", "killing" -> "kill".  How many
 * bytes to strip from a word of n bytes ending in `tail`. */
static inline unsigned sg_stem_cut(uint64_t tail, size_t n)
{
    switch (tail & 0xFFFFu) {
    case '\'' << 8 | 's': /* "Tom's" */
        return n >= 4 ? 2 : 0;
    case 'n' << 8 | 'g':
        return n >= 6 && ((tail >> 16) & 0xFFu) == 'i' ? 3 : 0;
    case 'e' << 8 | 'd':
    case 'l' << 8 | 'y':
        return n >= 5 ? 2 : 0;
    case 's' << 8 | 's': /* "boss", "virus", "this" keep their s */
    case 'u' << 8 | 's':
    case 'i' << 8 | 's':
        return 0;
    default:
        return n >= 4 && (tail & 0xFFu) == 's' ? 1 : 0;
    }
}

/* The hash of a word without its last `cut` bytes: FNV-1a steps undone one
 * by one, the prime being invertible mod 2^64. */
static inline uint64_t sg_hash_unwind(uint64_t h, uint64_t tail, unsigned cut)
{
    for (unsigned i = 0; i < cut; i++, tail >>= 8)
        h = (h * SG_FNV_PRIME_INV) ^ (tail & 0xFFu);
    return h;
}

static inline void sg_pattern(sg_scan *s, unsigned pat)
{
    s->signals |= 1u << (SG_SIG_FAMILIES + pat);
    if (s->flags & SG_FEAT_CUES)
        sg_emit(s, sg_fh(SG_NS_NARR, pat, 0));
}

/* The phrases a word with `bits` ends ("turns out", "in the end"), rare
 * enough to be looked for only when its bits say it can end one.  Returns
 * the cue families the phrases add. */
static uint32_t sg_phrases(sg_scan *s, uint32_t bits)
{
    uint32_t p1 = s->prev.bits, p2 = s->prev2.bits, fam = 0;
    if ((bits & SG_W_OUT) && (p1 & SG_W_TURN)) {
        fam |= SG_CUE_REVEAL;
        sg_pattern(s, SG_N_TURNS_OUT);
    }
    if ((bits & SG_W_IDENTITY) && (p1 & SG_W_REALISH))
        sg_pattern(s, SG_N_REAL_IDENTITY);
    if ((bits & SG_W_REALLY) && (p1 & SG_W_BE)) {
        fam |= SG_CUE_REVEAL;
        sg_pattern(s, SG_N_WAS_REALLY);
    }
    if ((bits & SG_W_LOVE) && (p1 & SG_W_IN) && (p2 & SG_W_FALL)) {
        fam |= SG_CUE_RELATION;
        sg_pattern(s, SG_N_FALLS_IN_LOVE);
    }
    if ((bits & SG_W_UP) && (p1 & SG_W_BREAK)) {
        fam |= SG_CUE_RELATION;
        sg_pattern(s, SG_N_BREAKS_UP);
    }
    if ((bits & SG_W_END_WORD) && (p1 & SG_W_THE) && (p2 & SG_W_IN))
        sg_pattern(s, SG_N_IN_THE_END);
    return fam;
}

/* The shape flags a word has by its bytes alone (n of them, the last ones
 * `tail`, cue bits `bits`): SG_IS_POSS, SG_IS_PRES and SG_IS_PAST; *ends_ed_en
 * gets whether it ends in "ed" or "en". */
static inline uint32_t sg_word_shape(uint64_t tail, size_t n, uint32_t bits,
                                     int *ends_ed_en)
{
    unsigned t1 = (tail >> 8) & 0xFFu, t2 = tail & 0xFFu;
    int poss = n >= 3 && t1 == '\'' && t2 == 's';
    int ends_ed = n >= 4 && t1 == 'e' && t2 == 'd';
    int ends_en = n >= 4 && t1 == 'e' && t2 == 'n';
    /* present: "kills", "finds", "is", "has"; not "boss", "his", "Tom's" */
    int pres = ((n >= 3 && t2 == 's' && t1 != 's' && t1 != 'u' &&
                 !(bits & SG_W_FUNC)) ||
                ((bits & SG_W_VERB) && t2 == 's')) &&
               !poss;
    int past = !pres && (ends_ed || (bits & SG_W_VERB));
    *ends_ed_en = ends_ed || ends_en;
    return (poss ? SG_IS_POSS : 0u) | (pres ? SG_IS_PRES : 0u) |
           (past ? SG_IS_PAST : 0u);
}

/* The rest of a word's features, those that depend on where it stands: its
 * hash h, n bytes, cue lookup `all`, shape `shape` (sg_word_shape). */
static inline __attribute__((always_inline)) void
sg_word_rest(sg_scan *s, uint64_t h, size_t n, uint32_t all, uint32_t shape,
             int ends_ed_en)
{
    uint32_t bits = all & ~SG_W_COUNTED;
    if (all & (SG_W_COUNTED | SG_CUE_REVIEW)) {
        s->nfirst += (all & SG_W_FIRST) && (n > 1 || s->cap); /* "I", not "i" */
        s->nsecond += (all & SG_W_SECOND) != 0;
        s->njudge += (all & SG_W_JUDGE) != 0;
        s->nreview += (all & SG_CUE_REVIEW) != 0;
    }
    /* A capitalised word that is no function or cue word stands for a name:
     * "<Name> dies" carries over to shows the model never saw. */
    int cname = s->cap && !(bits & SG_W_FUNC) && (s->ntok > 0 || bits == 0);
    uint32_t is = shape | (s->cap ? SG_IS_CAP : 0u) | (cname ? SG_IS_NAME : 0u);
    const sg_word *p = &s->prev;
    s->len = 0;

    unsigned flags = s->flags;
    if (flags & SG_FEAT_BIGRAM)
        sg_emit(s, sg_fh(SG_NS_BI, s->ntok ? p->h : 1, h));
    if ((flags & SG_FEAT_NAMES) && ((is | p->is) & SG_IS_NAME))
        sg_emit(s, sg_fh(SG_NS_NAMEBI,
                         !s->ntok ? 1 : (p->is & SG_IS_NAME) ? 3 : p->h,
                         (is & SG_IS_NAME) ? 3 : h));

    uint32_t fam = bits & SG_CUE_MASK;
    if (bits & SG_W_PHRASE_LAST)
        fam |= sg_phrases(s, bits);
    if ((p->bits & SG_W_HAD) &&
        (ends_ed_en || (bits & (SG_W_VERB | SG_W_BEEN))))
        sg_pattern(s, SG_N_PAST_PERFECT);

    /* A subject right before: a pronoun, or a capitalised word that is not a
     * function word or a possessive ("Sydney kills", not "The kills"). */
    int pron = (p->bits & SG_CUE_PRONOUN) != 0;
    int name = (p->is & (SG_IS_CAP | SG_IS_POSS)) == SG_IS_CAP &&
               !(p->bits & SG_W_FUNC);
    if (pron || name) {
        if (pron && (is & SG_IS_PRES))
            sg_pattern(s, SG_N_PRON_PRES);
        if (pron && (is & SG_IS_PAST))
            sg_pattern(s, SG_N_PRON_PAST);
        if (name && (is & SG_IS_PRES))
            sg_pattern(s, SG_N_NAME_PRES);
        if (name && (is & SG_IS_PAST))
            sg_pattern(s, SG_N_NAME_PAST);
    }

    if (fam) {
        s->signals |= fam;
        if (flags & SG_FEAT_CUES) {
            for (; fam; fam &= fam - 1) {
                unsigned b = (unsigned)__builtin_ctz(fam);
                sg_emit(s, sg_fh(SG_NS_CUE, b, 0));
                if (pron || name)
                    sg_emit(s, sg_fh(SG_NS_SUBJ, b, (uint64_t)pron));
            }
        }
    }

    if (s->ntok > 0 && (is & SG_IS_CAP))
        s->ncaps++;
    s->ndigit += s->digit;
    s->prev2 = s->prev;
    s->prev.h = h;
    s->prev.bits = bits;
    s->prev.is = is;
    s->ntok++;
}

static void sg_word_end(sg_scan *s)
{
    size_t n = s->len;
    uint64_t h = s->h;
    uint32_t all = sg_cue_lookup(s->run ? s->run : (const unsigned char *)s->lc, n,
                                 s->run != NULL);
    int ends_ed_en;
    uint32_t shape = sg_word_shape(s->tail, n, all & ~SG_W_COUNTED, &ends_ed_en);
    unsigned flags = s->flags;
    if (flags & SG_FEAT_UNIGRAM)
        sg_emit(s, sg_fh(SG_NS_UNI, h, 0));
    if ((flags & SG_FEAT_STEM) && n <= SG_STEM_MAXLEN) {
        unsigned cut = sg_stem_cut(s->tail, n);
        if (cut)
            sg_emit(s, sg_fh(SG_NS_STEM, sg_hash_unwind(h, s->tail, cut), 0));
    }
    sg_word_rest(s, h, n, all, shape, ends_ed_en);
}

/* ---- words already scored --------------------------------------------------
 * What a word of up to 8 bytes brings by its bytes alone -- its hash, its cue
 * bits, its shape, the weights of its word and stem features -- is the same
 * wherever it stands, and a review uses a few thousand words again and again.
 * Each thread keeps them in a table of its own (direct-mapped by the word's
 * bytes, which are its key: a word holds no NUL byte), for one flat table of
 * weights and one set of feature flags at a time. */
#define SG_WC_BITS 14
#define SG_WC_DIGIT 0x80u /* in an entry's shape: the word holds a digit */
#define SG_WC_ED_EN 0x40u /* ... it ends in "ed" or "en" */
typedef struct sg_wc_entry {
    uint64_t tail; /* the word's bytes, last lowest; 0: empty */
    uint64_t h;
    uint32_t all;  /* sg_cue_lookup */
    int16_t q;     /* the weights of its word and stem features */
    uint8_t nfeat; /* how many those are */
    uint8_t shape; /* sg_word_shape, SG_WC_ED_EN, SG_WC_DIGIT */
} sg_wc_entry;

typedef struct sg_word_cache {
    const int8_t *qtab;
    uint32_t mask;
    unsigned flags;
    sg_wc_entry e[1u << SG_WC_BITS];
} sg_word_cache;

static pthread_key_t sg_wc_key;
static int sg_wc_ok;
static pthread_once_t sg_wc_once = PTHREAD_ONCE_INIT;

static void sg_wc_init(void)
{
    sg_wc_ok = pthread_key_create(&sg_wc_key, free) == 0;
}

/* The calling thread's table, for weights qtab (mask) and feature flags;
 * NULL when there is none to be had. */
static sg_word_cache *sg_wc_get(const int8_t *qtab, uint32_t mask, unsigned flags)
{
    pthread_once(&sg_wc_once, sg_wc_init);
    if (!sg_wc_ok)
        return NULL;
    sg_word_cache *wc = pthread_getspecific(sg_wc_key);
    if (!wc) {
        wc = calloc(1, sizeof *wc);
        if (!wc || pthread_setspecific(sg_wc_key, wc) != 0) {
            free(wc);
            return NULL;
        }
    }
    if (wc->qtab != qtab || wc->mask != mask || wc->flags != flags) {
        memset(wc->e, 0, sizeof wc->e);
        wc->qtab = qtab;
        wc->mask = mask;
        wc->flags = flags;
    }
    return wc;
}

/* The main thread's table is not freed by the key: freed at exit. */
static void __attribute__((destructor)) sg_wc_fini(void)
{
    if (sg_wc_ok) {
        free(pthread_getspecific(sg_wc_key));
        pthread_setspecific(sg_wc_key, NULL);
    }
}

/* Fill e for the word of n (1..8) bytes `tail`, as sg_word_end computes it. */
static void sg_wc_fill(const sg_scan *s, sg_wc_entry *e, uint64_t tail, size_t n)
{
    uint64_t h = SG_FNV_OFFSET;
    unsigned digit = 0;
    unsigned char w[8];
    for (size_t k = 0; k < n; k++) {
        unsigned b = (unsigned)(tail >> (8 * (n - 1 - k))) & 0xFFu;
        w[k] = (unsigned char)b;
        digit |= b == '0';
        h = (h ^ b) * SG_FNV_PRIME;
    }
    uint32_t all = sg_cue_lookup(w, n, 0);
    int ends_ed_en;
    uint32_t shape = sg_word_shape(tail, n, all & ~SG_W_COUNTED, &ends_ed_en);
    int q = 0;
    unsigned nfeat = 0;
    if (s->flags & SG_FEAT_UNIGRAM) {
        q += s->qtab[sg_fh(SG_NS_UNI, h, 0) & s->mask];
        nfeat++;
    }
    if ((s->flags & SG_FEAT_STEM) && n <= SG_STEM_MAXLEN) {
        unsigned cut = sg_stem_cut(tail, n);
        if (cut) {
            q += s->qtab[sg_fh(SG_NS_STEM, sg_hash_unwind(h, tail, cut), 0) & s->mask];
            nfeat++;
        }
    }
    e->tail = tail;
    e->h = h;
    e->all = all;
    e->q = (int16_t)q;
    e->nfeat = (uint8_t)nfeat;
    e->shape = (uint8_t)(shape | (ends_ed_en ? SG_WC_ED_EN : 0u) | (digit ? SG_WC_DIGIT : 0u));
}

/* The end of a word of n (1..8) bytes `tail` read whole, by the table. */
static inline void sg_word_cached(sg_scan *s, uint64_t tail, size_t n)
{
    sg_wc_entry *e = &s->wc->e[(tail * 0x9E3779B97F4A7C15ULL) >> (64 - SG_WC_BITS)];
    if (e->tail != tail)
        sg_wc_fill(s, e, tail, n);
    s->acc += e->q;
    s->count += e->nfeat;
    s->digit = (e->shape & SG_WC_DIGIT) != 0;
    sg_word_rest(s, e->h, n, e->all, e->shape & (SG_IS_POSS | SG_IS_PRES | SG_IS_PAST),
                 (e->shape & SG_WC_ED_EN) != 0);
}

/* Byte classes. */
enum { SG_C_SEP = 0, SG_C_WORD, SG_C_APOS, SG_C_HYPHEN };
enum { SG_M_QUESTION = 1, SG_M_BANG = 2, SG_M_PAREN = 4, SG_M_QUOTE = 8,
       SG_M_COLON = 16, SG_M_SEMI = 32 };

/* Class of the character at p[i] and its length in bytes; `mark` gets the
 * punctuation mark it is, if any.  Non-ASCII bytes are word bytes except the
 * common punctuation blocks; invalid UTF-8 is simply word bytes. */
static int sg_char_class(const unsigned char *p, size_t i, size_t n,
                         size_t *adv, unsigned *mark)
{
    unsigned c = p[i];
    *adv = 1;
    *mark = 0;
    if (c < 0x80) {
        if (sg_is_alnum((unsigned char)c))
            return SG_C_WORD;
        switch (c) {
        case '\'': return SG_C_APOS;
        case '-': return SG_C_HYPHEN;
        case '?': *mark = SG_M_QUESTION; break;
        case '!': *mark = SG_M_BANG; break;
        case '(': *mark = SG_M_PAREN; break;
        case '"': *mark = SG_M_QUOTE; break;
        case ':': *mark = SG_M_COLON; break;
        case ';': *mark = SG_M_SEMI; break;
        default: break;
        }
        return SG_C_SEP;
    }
    if (i + 1 >= n)
        return SG_C_WORD;
    unsigned c1 = p[i + 1];
    if (c == 0xC2 && c1 >= 0x80 && c1 <= 0xBF) { /* U+0080..U+00BF: nbsp, << >> */
        *adv = 2;
        return SG_C_SEP;
    }
    if (c == 0xC3 && (c1 == 0x97 || c1 == 0xB7)) { /* times, divide */
        *adv = 2;
        return SG_C_SEP;
    }
    if (i + 2 >= n)
        return SG_C_WORD;
    unsigned c2 = p[i + 2];
    if (c2 < 0x80 || c2 > 0xBF)
        return SG_C_WORD;
    if (c == 0xE2 && c1 == 0x80) { /* General Punctuation U+2000..U+203F */
        *adv = 3;
        if (c2 == 0x98 || c2 == 0x99)
            return SG_C_APOS;
        if (c2 == 0x90 || c2 == 0x91)
            return SG_C_HYPHEN;
        if (c2 == 0x9C || c2 == 0x9D)
            *mark = SG_M_QUOTE;
        return SG_C_SEP;
    }
    if ((c == 0xE2 && c1 == 0x81) || (c == 0xE3 && c1 == 0x80) ||
        (c == 0xEF && c1 == 0xBB && c2 == 0xBF)) {
        *adv = 3; /* U+2040.., CJK punctuation, BOM */
        return SG_C_SEP;
    }
    return SG_C_WORD;
}

static void sg_scan_finish(sg_scan *s)
{
    unsigned flags = s->flags;
    if ((flags & SG_FEAT_BIGRAM) && s->ntok)
        sg_emit(s, sg_fh(SG_NS_BI, s->prev.h, 2));
    if (flags & SG_FEAT_CUES) {
        uint32_t sig = s->signals;
        if (!(sig & SG_CUE_MASK & ~(SG_CUE_REVIEW | SG_CUE_PRONOUN |
                                    SG_CUE_NEGATION | SG_CUE_HYPOTHETICAL)))
            sg_emit(s, sg_fh(SG_NS_HAS, 31, 0)); /* no story cue at all */
        for (uint32_t rest = sig; rest; rest &= rest - 1) {
            unsigned a = (unsigned)__builtin_ctz(rest);
            sg_emit(s, sg_fh(SG_NS_HAS, a, 0));
            for (uint32_t more = rest & (rest - 1); more; more &= more - 1)
                sg_emit(s, sg_fh(SG_NS_PAIR, a, (unsigned)__builtin_ctz(more)));
        }
    }
    if (flags & SG_FEAT_SHAPE) {
        size_t t = s->ntok;
        unsigned lb = t <= 4 ? 0 : t <= 8 ? 1 : t <= 12 ? 2 : t <= 18 ? 3
                    : t <= 25 ? 4 : t <= 35 ? 5 : t <= 50 ? 6 : 7;
        size_t c = s->ncaps;
        unsigned cb = c <= 3 ? (unsigned)c : c <= 5 ? 4 : c <= 8 ? 5 : 6;
        sg_emit(s, sg_fh(SG_NS_LEN, lb, 0));
        sg_emit(s, sg_fh(SG_NS_CAPS, cb, 0));
        if (s->ndigit)
            sg_emit(s, sg_fh(SG_NS_MARK, 64, 0));
        for (unsigned m = 1; m <= SG_M_SEMI; m <<= 1)
            if (s->marks & m)
                sg_emit(s, sg_fh(SG_NS_MARK, m, 0));
    }
}

/* A scan with nothing read yet whose features go to `flush` (unless the
 * caller then sets `qtab` to sum them). */
static void sg_scan_init(sg_scan *s, unsigned flags, sg_batch_fn flush,
                         void *ctx)
{
    sg_words_init();
    memset(s, 0, offsetof(sg_scan, batch));
    s->flags = flags;
    s->flush = flush;
    s->ctx = ctx;
}

/* Reads the run of ASCII letters and digits at p[i] (n bytes in all; f is
 * p[i] folded) into the word, with its state in registers; copies its bytes
 * to lc only with `keep` (a word that is not one run).  Returns where the run
 * ends. */
static inline __attribute__((always_inline)) size_t
sg_word_run(sg_scan *s, const unsigned char *p, size_t i, size_t n,
            unsigned f, int keep)
{
    uint64_t h = s->h;
    uint64_t tail = s->tail;
    size_t len = s->len;
    /* Folded letters have bit 0x40 set and '0' has not: the AND of the run's
     * bytes tells whether it held a digit. */
    unsigned all = 0xFF;
    do {
        all &= f;
        h = (h ^ f) * SG_FNV_PRIME;
        if (keep && len < SG_CUE_MAXLEN)
            s->lc[len] = (char)f;
        len++;
        tail = tail << 8 | f;
        f = ++i < n ? sg_fold[p[i]] : 0;
    } while (f);
    s->h = h;
    s->tail = tail;
    s->len = len;
    s->digit = (unsigned char)(s->digit | !(all & 0x40u));
    return i;
}

/* Every feature of `text`; returns how many. */
static size_t sg_scan_text(sg_scan *s, const char *text, size_t n)
{
    const unsigned char *p = (const unsigned char *)text;
    if (!p)
        n = 0;
    /* A space after the last byte ends the last word, so that words end in
     * one place (and sg_word_end is inlined there). */
    for (size_t i = 0; i <= n;) {
        unsigned c = i < n ? p[i] : ' ', f = sg_fold[c];
        if (f) {
            /* A run of ASCII letters and digits, the common case. */
            if (s->len == 0 && s->wc) {
                /* a word that is one run, followed by a byte that ends it,
                 * is looked up in the table whole */
                size_t a = i;
                uint64_t tail = 0;
                do {
                    tail = tail << 8 | f;
                    f = ++i < n ? sg_fold[p[i]] : 0;
                } while (f);
                unsigned next = i < n ? p[i] : ' ';
                s->cap = (unsigned char)(c - 'A' < 26u);
                if (i - a <= 8 && next < 0x80 && next != '\'' && next != '-') {
                    sg_word_cached(s, tail, i - a);
                    i += next == ' ' && i < n; /* a space marks nothing */
                    continue;
                }
                uint64_t h = SG_FNV_OFFSET;
                unsigned all = 0xFF;
                for (size_t k = a; k < i; k++) {
                    all &= sg_fold[p[k]];
                    h = (h ^ sg_fold[p[k]]) * SG_FNV_PRIME;
                }
                s->h = h;
                s->tail = tail;
                s->len = i - a;
                s->digit = !(all & 0x40u);
                s->run = p + a;
            } else if (s->len == 0) {
                s->h = SG_FNV_OFFSET;
                s->tail = 0;
                s->cap = (unsigned char)(c - 'A' < 26u);
                s->digit = 0;
                s->run = p + i;
                i = sg_word_run(s, p, i, n, f, 0);
            } else {
                i = sg_word_run(s, p, i, n, f, 1);
            }
            continue;
        }
        size_t adv = 1;
        int ends = 1; /* this character ends the word being read */
        if (c != ' ') {
            unsigned mark;
            int k = sg_char_class(p, i, n, &adv, &mark);
            if (k == SG_C_WORD) {
                for (size_t j = 0; j < adv; j++)
                    sg_word_byte(s, p[i + j]);
                ends = 0;
            } else if (k == SG_C_SEP) {
                s->marks |= mark;
            } else {
                /* ' and - join only inside a word: "don't", "Ok-ju" */
                size_t a2;
                unsigned m2;
                if (s->len && i + adv < n &&
                    sg_char_class(p, i + adv, n, &a2, &m2) == SG_C_WORD) {
                    sg_word_byte(s, k == SG_C_APOS ? '\'' : '-');
                    ends = 0;
                }
            }
        }
        if (ends && s->len)
            sg_word_end(s);
        i += adv;
    }
    sg_scan_finish(s);
    if (s->nbatch)
        sg_flush(s);
    return s->count;
}

typedef struct sg_each {
    sg_feature_fn fn;
    void *ctx;
} sg_each;

static void sg_each_flush(void *ctx, const uint32_t *h, size_t n)
{
    const sg_each *e = ctx;
    for (size_t i = 0; i < n; i++)
        e->fn(e->ctx, h[i]);
}

size_t sg_features(const char *text, size_t n, unsigned flags, sg_feature_fn fn,
                   void *ctx)
{
    sg_each e = {fn, ctx};
    sg_scan s;
    sg_scan_init(&s, flags, sg_each_flush, &e);
    return sg_scan_text(&s, text, n);
}

/* ---- scoring ---------------------------------------------------------------- */

static inline int sg_model_q(const sg_model *m, uint32_t b)
{
    uint32_t g = b >> m->low_bits;
    unsigned lo = b & ((1u << m->low_bits) - 1);
    uint32_t a = m->group[g], e = m->group[g + 1];
    for (; a < e; a++) {
        unsigned x = m->low[a];
        if (x >= lo)
            return x == lo ? m->q[a] : 0;
    }
    return 0;
}


/* Write every bucket's q into `flat` (2^buckets_log2 bytes), 0 where none is
 * stored. */
void sg_model_expand(const sg_model *m, int8_t *flat)
{
    size_t ng = (size_t)1 << (m->buckets_log2 - m->low_bits);
    memset(flat, 0, (size_t)1 << m->buckets_log2);
    for (size_t g = 0; g < ng; g++)
        for (uint32_t i = m->group[g]; i < m->group[g + 1]; i++)
            flat[(g << m->low_bits) | m->low[i]] = m->q[i];
}

/* The built-in model is const; its flat table is made on first use. */
static int8_t *sg_default_flat;
static pthread_once_t sg_default_once = PTHREAD_ONCE_INIT;

static void sg_default_expand(void)
{
    const sg_model *m = &sg_default_model;
    if (m->buckets_log2 > SG_FLAT_MAX_LOG2)
        return;
    sg_default_flat = malloc((size_t)1 << m->buckets_log2);
    if (sg_default_flat)
        sg_model_expand(m, sg_default_flat);
}

/* The flat table of a model that passed sg_model_usable, or NULL. */
static const int8_t *sg_model_table(const sg_model *m)
{
    if (m->flat)
        return m->flat;
    if (m == &sg_default_model) {
        pthread_once(&sg_default_once, sg_default_expand);
        return sg_default_flat;
    }
    return NULL;
}

static int sg_model_usable(const sg_model *m)
{
    return m->group && m->low_bits >= 1 && m->low_bits <= 8 &&
           m->low_bits <= m->buckets_log2 &&
           m->buckets_log2 <= SG_MODEL_MAX_LOG2;
}

double sg_model_weight(const sg_model *m, uint32_t bucket)
{
    if (!m || !sg_model_usable(m) || bucket >> m->buckets_log2)
        return 0.0;
    const int8_t *flat = sg_model_table(m);
    return m->scale * (flat ? flat[bucket] : sg_model_q(m, bucket));
}

typedef struct sg_qsum {
    const sg_model *m;
    uint32_t mask;
    int64_t acc;
} sg_qsum;

/* Without a flat table: the group scan per feature. */
static void sg_qsum_add(void *ctx, const uint32_t *h, size_t n)
{
    sg_qsum *q = ctx;
    int64_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += sg_model_q(q->m, h[i] & q->mask);
    q->acc += acc;
}

static double sg_sigmoid(double z)
{
    if (z > 40.0)
        return 1.0;
    if (z < -40.0)
        return 0.0;
    return 1.0 / (1.0 + exp(-z));
}

/* The margin from a weight sum over `count` features. */
static double sg_margin(unsigned flags, double bias, double sum, size_t count)
{
    if ((flags & SG_FEAT_NORM) && count > 0)
        sum /= sqrt((double)count);
    return bias + sum;
}

/* P(spoiler) of text under m; with w, what the words were too. */
static double sg_score_scan(const sg_model *m, const char *text, size_t n, sg_sentence_words *w)
{
    if (!m)
        m = &sg_default_model;
    sg_qsum q = {m, (uint32_t)((1ull << m->buckets_log2) - 1), 0};
    sg_scan s;
    int usable = sg_model_usable(m);
    /* no usable weights: no features, but the words are still read */
    sg_scan_init(&s, usable ? m->flags : 0u, sg_qsum_add, &q);
    if (usable) {
        s.qtab = sg_model_table(m);
        s.mask = q.mask;
        if (s.qtab)
            s.wc = sg_wc_get(s.qtab, s.mask, s.flags);
    }
    size_t count = usable || w ? sg_scan_text(&s, text, n) : 0;
    if (w) {
        w->cues = s.signals & SG_CUE_MASK;
        w->words = (unsigned)s.ntok;
        w->first = s.nfirst;
        w->second = s.nsecond;
        w->judging = s.njudge;
        w->review = s.nreview;
    }
    if (!usable)
        return sg_sigmoid(m->bias);
    double z = sg_margin(m->flags, m->bias, m->scale * (double)(q.acc + s.acc),
                         count);
    double p = sg_sigmoid(z);
    return p != p ? 0.5 : p; /* a NaN from a hand-edited model file */
}

double sg_score_with(const sg_model *m, const char *text, size_t n)
{
    return sg_score_scan(m, text, n, NULL);
}

double sg_score_sentence(const char *text, size_t n)
{
    return sg_score_scan(&sg_default_model, text, n, NULL);
}

double sg_score_sentence_words(const char *text, size_t n, sg_sentence_words *w)
{
    return sg_score_scan(&sg_default_model, text, n, w);
}

double sg_score_threshold(void) { return sg_default_model.threshold; }

/* ---- the link from a weight sum to a probability ---------------------------- */

/* For the trainer (tools/), so it fits the very function that scores. */
double sg_score_logistic(double z)
{
    return sg_sigmoid(z);
}

double sg_score_of_sum(unsigned flags, double bias, double sum, size_t count)
{
    return sg_sigmoid(sg_margin(flags, bias, sum, count));
}
