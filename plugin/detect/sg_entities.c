/* sg_entities.c -- characters learnt from the article itself.
 *
 * "Jang Ok-ju (Jeon Jong-seo)" names a character and her actor, and so do
 * "Jeon Jong-seo as Ok-ju", "Jeon stars as Ok-ju", "Jeon plays Ok-ju" and
 * "Ok-ju (played by Jeon Jong-seo)"; a capitalised name that recurs as the
 * subject of a clause or in a possessive ("Min-hee's death") is a character.
 * The work's own title recurs the same way ("Ballerina is the story of",
 * "Ballerina's third act"), so a name used as a title is left out.  Role
 * words ("her friend", "the villain", "Choi's boss") count as characters
 * near a death. */
#include "sg_internal.h"
#include "sg_text.h"

#include <pthread.h>
#include <strings.h>


/* Role words that point at a character without naming one. */
static const char *const sg_roles[] = {
    "best friend", "friend", "boss", "villain", "hero", "heroine", "protagonist",
    "antagonist", "mentor", "wife", "husband", "mother", "father", "mom", "dad",
    "mum", "sister", "brother", "daughter", "son", "lover", "girlfriend",
    "boyfriend", "partner", "fiance", "fiancee", "fianc\xC3\xA9", "fianc\xC3\xA9" "e",
    "killer", "detective", "captain", "king", "queen", "prince", "princess",
    "leader", "big bad", "bad guy", "sidekick", "rival", "nemesis", "uncle",
    "aunt", "grandmother", "grandfather", "child", "baby", "teacher", "student",
    "kid", "twin", "crime lord", "crime boss", "main character", "title character",
    "ex-wife", "ex-husband", "stepmother", "stepfather", "roommate",
    "neighbour", "neighbor", "colleague", "assassin", "hitman", "bodyguard",
    "henchman", "partner in crime", "ally", "protege", "prot\xC3\xA9g\xC3\xA9",
    "apprentice", "dog", "victim", "witness", "suspect", "cop",
    "mother-in-law", "father-in-law", "family", "parents", NULL};

/* Nouns that follow a title's possessive, not a character's: "Ballerina's
 * third act", "Ballerina's director". */
static const char *const sg_work_parts[] = {
    "third act", "first act", "second act", "final act", "ending", "plot",
    "script", "screenplay", "cast", "director", "runtime", "story", "narrative",
    "premise", "soundtrack", "score", "cinematography", "climax", "action",
    "world", "pacing", "tone", "trailer", "release", "budget", "sequel",
    "finale", "production", "camera", "fight", "fights", "violence",
    "choreography", "editing", "visuals", "opening", "success", "box office",
    "strengths", "weaknesses", "biggest", "greatest", "best", "worst",
    "problem", "problems", "lead", "star", "performance", "portrayal", "acting",
    "role", "career", "filmography", "debut", "latest", "film", "movie", "work",
    "direction", "camerawork", "vision", "style", "take", "version", NULL};

/* After a name, a title rather than a character: "Ballerina Review",
 * "Ballerina (2023)", "Ballerina is a lean ... film". */
static const char *const sg_work_nouns[] = {
    "film", "movie", "thriller", "drama", "comedy", "story", "tale", "picture",
    "flick", "feature", "sequel", "series", "show", "entry", "spin-off",
    "adaptation", "remake", "release", "one of", "exercise", "production",
    "effort", NULL};

/* Before a name: a credit, not a character ("director Lee Chung-hyun",
 * "starring Jeon Jong-seo", "the action thriller, Ballerina"). */
static const char *const sg_creator_words[] = {
    "director", "directed", "filmmaker", "writer", "writer-director", "written",
    "screenwriter", "helmer", "starring", "stars", "star", "actor", "actress",
    "co-star", "co-stars", "producer", "film", "movie", "thriller", "drama",
    "comedy", "feature", "flick", "watch", "watched", "review", "reviewing", NULL};


/* Clause openers after which a capitalised name is a subject. */
static const char *const sg_openers[] = {
    "and", "but", "when", "while", "as", "after", "before", "until", "where",
    "because", "so", "then", "once", "since", "though", "although", "if",
    "whereas", "meanwhile", "later", "soon", "eventually", "finally", "that", NULL};

/* Words that end the phrase after "is a" without naming what the work is. */
static const char *const sg_stops[] = {"of", "who", "that", "which", "in",
                                       "with", "for", "to", "from", "at", "on",
                                       "by", "whose", "whom", "but", NULL};

/* Bytes of a UTF-8 punctuation or space character at t[i] (NBSP, curly
 * quotes, dashes, ellipsis, guillemets, ideographic space), else 0. */
static size_t sg_punct_len(const char *t, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i + 1 < n && u[i] == 0xC2 &&
        (u[i + 1] == 0xA0 || u[i + 1] == 0xAB || u[i + 1] == 0xBB || u[i + 1] == 0xB7))
        return 2;
    /* U+2000-U+206F: general punctuation (spaces, dashes, quotes, bullets) */
    if (i + 2 < n && u[i] == 0xE2 && (u[i + 1] == 0x80 || u[i + 1] == 0x81))
        return 3;
    if (i + 2 < n && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] <= 0x3F)
        return 3;
    return 0;
}

/* Is the ASCII byte c part of a word (a letter, a digit, '-')?  One bit each. */
static const unsigned char sg_asc_words[128] = {
    ['-'] = 1, ['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1};

static int sg_asc_word(unsigned char c)
{
    return sg_asc_words[c & 0x7F];
}

/* sg_word_at_pos for a non-ASCII byte. */
static int sg_word_at_utf8(const char *t, size_t n, size_t i)
{
    if (((unsigned char)t[i] & 0xC0) == 0x80) /* a continuation byte: inside a character */
        return 1;
    return sg_punct_len(t, n, i) == 0;
}

/* Is the character starting at t[i] part of a word (letters, digits, '-',
 * non-ASCII letters)? */
static inline int sg_word_at_pos(const char *t, size_t n, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    return c < 0x80 ? sg_asc_word(c) : sg_word_at_utf8(t, n, i);
}

/* sg_word_before past a non-ASCII byte: back to the start of its character. */
static int sg_word_before_utf8(const char *t, size_t n, size_t i)
{
    size_t k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80)
        k--;
    return sg_word_at_pos(t, n, k);
}

/* Does a word character end just before t[i]? */
static inline int sg_word_before(const char *t, size_t n, size_t i)
{
    if (i == 0)
        return 0;
    unsigned char c = (unsigned char)t[i - 1];
    return c < 0x80 ? sg_asc_word(c) : sg_word_before_utf8(t, n, i);
}

/* Bytes of an apostrophe at t[i]: ' or ’ (U+2019) or ‘ (U+2018, often typed
 * for one), else 0. */
static size_t sg_apos_len(const char *t, size_t n, size_t i)
{
    if (i < n && t[i] == '\'')
        return 1;
    if (i + 2 < n && !memcmp(t + i, "\xE2\x80", 2) &&
        ((unsigned char)t[i + 2] == 0x99 || (unsigned char)t[i + 2] == 0x98))
        return 3;
    return 0;
}

/* Does no word go on at t[e]?  A hyphen may follow a name ("Ok" of "Ok-ju"). */
static int sg_word_ends(const char *t, size_t to, size_t e)
{
    return e >= to || t[e] == '-' || !sg_word_at_pos(t, to, e);
}

/* ---- tables of words and names, looked up in any case -------------------- */

#define SG_NONE UINT32_MAX
#define SG_FNV_BASIS 1469598103934665603ull
#define SG_FNV_PRIME 1099511628211ull

/* ASCII case folding: what strncasecmp does to a byte in the C and UTF-8
 * locales. */
static unsigned char sg_fold(char c)
{
    return sg_to_lower((unsigned char)c);
}

static uint64_t sg_fold_step(uint64_t h, char c)
{
    return (h ^ sg_fold(c)) * SG_FNV_PRIME;
}

static uint32_t sg_fold_final(uint64_t h)
{
    return (uint32_t)(h ^ (h >> 29));
}

static uint32_t sg_fold_hash(const char *s, size_t n)
{
    uint64_t h = SG_FNV_BASIS;
    for (size_t i = 0; i < n; i++)
        h = sg_fold_step(h, s[i]);
    return sg_fold_final(h);
}

static int sg_fold_eq(const char *a, const char *b, size_t n)
{
    if (!memcmp(a, b, n)) /* a name met again is mostly written the same way */
        return 1;
    for (size_t i = 0; i < n; i++)
        if (sg_fold(a[i]) != sg_fold(b[i]))
            return 0;
    return 1;
}

/* A key of a table: a string borrowed from a name or a word list. */
typedef struct sg_key {
    const char *s; /* NULL: a free slot */
    uint32_t hash, len;
    uint32_t val;   /* a person, a list index or flags, as the table's user says */
    uint32_t exact; /* equal to text in the same case only (a part of a name) */
} sg_key;

/* Open addressing, at most half full so that probes stay short. */
typedef struct sg_keys {
    sg_key *slot;
    size_t n, mask; /* mask + 1 slots, a power of two */
} sg_keys;

/* Room for `more` keys besides those held; 0 when memory runs out. */
static int sg_keys_reserve(sg_keys *k, size_t more)
{
    size_t ns = k->slot ? k->mask + 1 : 0;
    if (2 * (k->n + more) <= ns)
        return 1;
    size_t nn = 16;
    while (nn < 2 * (k->n + more))
        nn *= 2;
    sg_key *slot = calloc(nn, sizeof *slot);
    if (!slot)
        return 0;
    for (size_t i = 0; i < ns; i++) {
        if (!k->slot[i].s)
            continue;
        size_t j = k->slot[i].hash & (nn - 1);
        while (slot[j].s)
            j = (j + 1) & (nn - 1);
        slot[j] = k->slot[i];
    }
    free(k->slot);
    k->slot = slot;
    k->mask = nn - 1;
    return 1;
}

/* Adds a key to a table with room for it; its slot. */
static sg_key *sg_keys_put(sg_keys *k, const char *s, size_t len, uint32_t hash,
                           uint32_t val, int exact)
{
    size_t j = hash & k->mask;
    while (k->slot[j].s)
        j = (j + 1) & k->mask;
    k->slot[j] = (sg_key){s, hash, (uint32_t)len, val, (uint32_t)exact};
    k->n++;
    return &k->slot[j];
}

/* The keys equal to s[0, len), one per call from *pos on (hash & mask at
 * first); NULL after the last. */
static sg_key *sg_keys_next(const sg_keys *k, const char *s, size_t len, uint32_t hash,
                            size_t *pos)
{
    if (!k->slot)
        return NULL;
    while (k->slot[*pos].s) {
        sg_key *e = &k->slot[*pos];
        *pos = (*pos + 1) & k->mask;
        if (e->hash == hash && e->len == len &&
            (e->exact ? !memcmp(e->s, s, len) : sg_fold_eq(e->s, s, len)))
            return e;
    }
    return NULL;
}

/* Does some key of k have hash `hash`? */
static int sg_keys_has_hash(const sg_keys *k, uint32_t hash)
{
    if (!k->slot)
        return 0;
    for (size_t pos = hash & k->mask; k->slot[pos].s; pos = (pos + 1) & k->mask)
        if (k->slot[pos].hash == hash)
            return 1;
    return 0;
}

static sg_key *sg_keys_find(const sg_keys *k, const char *s, size_t len, uint32_t hash)
{
    size_t pos = hash & k->mask;
    return sg_keys_next(k, s, len, hash, &pos);
}

/* Keys looked up at a place in a text: the words of a list, or the names of
 * a cast with their parts. */
typedef struct sg_phrases {
    sg_keys keys;
    /* with has_stems: the beginnings of keys where a word of a text could end
     * and the key go on ("Jang" of "Jang Ok-ju", "Ok" of "Ok-ju"), so that a
     * lookup stops at the first word no key goes on from */
    sg_keys stems;
    int has_stems;
    size_t longest;          /* bytes in the longest key */
    /* the pairs of bytes (folded) keys start with, by their low six bits:
     * word c0 % 64, bit c1 % 64, all of a word for a key of one byte.  Most
     * places of a text start no key. */
    uint64_t first[64];
} sg_phrases;

static void sg_phrases_put(sg_phrases *p, const char *s, size_t len, uint32_t hash,
                           uint32_t val, int exact)
{
    sg_keys_put(&p->keys, s, len, hash, val, exact);
    if (len > p->longest)
        p->longest = len;
    if (len == 1)
        p->first[sg_fold(s[0]) % 64] = ~(uint64_t)0;
    else if (len)
        p->first[sg_fold(s[0]) % 64] |= (uint64_t)1 << (sg_fold(s[1]) % 64);
}

/* Could a word of a text end just before the byte c?  ('-', a space,
 * punctuation, the first byte of a non-ASCII character) */
static int sg_may_end_before(unsigned char c)
{
    return c < 0x80 ? c == '-' || !sg_asc_word(c) : c >= 0xC0;
}

/* Adds the stems of key s[0, len); 0 when memory runs out. */
static int sg_phrases_stems(sg_phrases *p, const char *s, size_t len)
{
    uint64_t h = SG_FNV_BASIS;
    for (size_t e = 1; e < len; e++) {
        h = sg_fold_step(h, s[e - 1]);
        if (!sg_may_end_before((unsigned char)s[e]))
            continue;
        uint32_t fh = sg_fold_final(h);
        if (sg_keys_find(&p->stems, s, e, fh))
            continue;
        if (!sg_keys_reserve(&p->stems, 1))
            return 0;
        sg_keys_put(&p->stems, s, e, fh, 0, 0);
    }
    return 1;
}

static void sg_phrases_clear(sg_phrases *p)
{
    free(p->keys.slot);
    free(p->stems.slot);
    memset(p, 0, sizeof *p);
}

/* Does no word go on at t[e] (sg_word_ends), for e < to: ASCII by one bit
 * test, the rest as sg_word_at_pos says. */
static inline int sg_ends_at(const char *t, size_t to, size_t e)
{
    unsigned char c = (unsigned char)t[e];
    return c < 0x80 ? c == '-' || !sg_asc_word(c) : !sg_word_at_utf8(t, to, e);
}

/* The least value among the keys equal to s[0, len) with hash `hash`, or
 * `best` if it is less (sg_keys_next over the whole chain). */
static inline uint32_t sg_keys_least(const sg_keys *k, const char *s, size_t len,
                                     uint32_t hash, uint32_t best)
{
    for (size_t pos = hash & k->mask; k->slot[pos].s; pos = (pos + 1) & k->mask) {
        const sg_key *e = &k->slot[pos];
        if (e->hash == hash && e->len == len && e->val < best &&
            (e->exact ? !memcmp(e->s, s, len) : sg_fold_eq(e->s, s, len)))
            best = e->val;
    }
    return best;
}

/* The least value among the keys that t[i..) starts with, each ending where
 * a word does; SG_NONE if none.  One pass over the bytes hashes every
 * length at once, so the cost does not grow with the number of keys. */
static uint32_t sg_phrases_at(const sg_phrases *p, const char *t, size_t to, size_t i)
{
    uint32_t best = SG_NONE;
    if (i >= to)
        return best;
    unsigned c1 = i + 1 < to ? sg_fold(t[i + 1]) : 0u;
    if (!((p->first[sg_fold(t[i]) % 64] >> (c1 % 64)) & 1) || !p->keys.slot)
        return best;
    size_t lim = to - i < p->longest ? to : i + p->longest;
    uint64_t h = SG_FNV_BASIS;
    for (size_t e = i; e < lim;) {
        h = sg_fold_step(h, t[e++]);
        if (e < to && !sg_ends_at(t, to, e))
            continue;
        uint32_t fh = sg_fold_final(h);
        best = sg_keys_least(&p->keys, t + i, e - i, fh, best);
        if (p->has_stems && !sg_keys_find(&p->stems, t + i, e - i, fh))
            break; /* no key goes on */
    }
    return best;
}

/* A fixed word list, hashed once: "the villain", "Ballerina's third act". */
#define SG_LIST_SLOTS 256
typedef struct sg_list {
    const char *const *words;
    sg_phrases p; /* word -> its first index in the list */
    sg_key slot[SG_LIST_SLOTS];
} sg_list;

#define SG_LIST_FITS(w)                                                        \
    _Static_assert(sizeof w / sizeof *w <= SG_LIST_SLOTS / 2, #w " fits a list")
SG_LIST_FITS(sg_roles);
SG_LIST_FITS(sg_work_parts);
SG_LIST_FITS(sg_work_nouns);
SG_LIST_FITS(sg_creator_words);
SG_LIST_FITS(sg_openers);
SG_LIST_FITS(sg_stops);

static sg_list sg_role_list = {.words = sg_roles},
               sg_work_part_list = {.words = sg_work_parts},
               sg_work_noun_list = {.words = sg_work_nouns},
               sg_creator_list = {.words = sg_creator_words},
               sg_opener_list = {.words = sg_openers}, sg_stop_list = {.words = sg_stops};

static void sg_list_build(sg_list *l)
{
    l->p.keys.slot = l->slot;
    l->p.keys.mask = SG_LIST_SLOTS - 1;
    int stems = 1; /* the table of stems, kept for the process's life */
    for (size_t i = 0; l->words[i]; i++) {
        size_t len = strlen(l->words[i]);
        uint32_t h = sg_fold_hash(l->words[i], len);
        if (!sg_keys_find(&l->p.keys, l->words[i], len, h))
            sg_phrases_put(&l->p, l->words[i], len, h, (uint32_t)i, 0);
        stems = stems && sg_phrases_stems(&l->p, l->words[i], len);
    }
    /* a lookup then stops at the first word no entry goes on from, rather
     * than at the longest entry's length (out of memory: it does) */
    l->p.has_stems = stems;
}

/* The earliest word of the list that t[i..) starts with as whole words, or
 * -1. */
static long sg_list_at(const char *t, size_t n, size_t i, const sg_list *l)
{
    uint32_t k = sg_phrases_at(&l->p, t, n, i);
    return k != SG_NONE && !sg_word_before(t, n, i) ? (long)k : -1;
}

/* Is w[0, n) a word of the list? */
static int sg_list_has(const sg_list *l, const char *w, size_t n)
{
    return sg_keys_find(&l->p.keys, w, n, sg_fold_hash(w, n)) != NULL;
}

static pthread_once_t sg_tables_once = PTHREAD_ONCE_INIT;

static void sg_tables_build(void)
{
    sg_words_init();
    sg_list_build(&sg_role_list);
    sg_list_build(&sg_work_part_list);
    sg_list_build(&sg_work_noun_list);
    sg_list_build(&sg_creator_list);
    sg_list_build(&sg_opener_list);
    sg_list_build(&sg_stop_list);
}

/* Build the word tables once; the entry points call it before any lookup. */
static void sg_tables_init(void)
{
    pthread_once(&sg_tables_once, sg_tables_build);
}

static int sg_not_name(const char *w, size_t n)
{
    return sg_word_not_name(w, n);
}

/* A capitalised word at t[i] (ASCII capital first; hyphenated parts and
 * non-ASCII letters allowed); returns its length. */
static size_t sg_cap_word(const char *t, size_t n, size_t i)
{
    if (i >= n || !sg_is_upper(t[i]))
        return 0;
    size_t j = i + 1;
    while (j < n && sg_word_at_pos(t, n, j))
        j++;
    while (j > i && t[j - 1] == '-')
        j--;
    return j - i;
}

#define SG_NAME_WORDS 3 /* in a name learnt from the text, at most */

/* A run of 1 to SG_NAME_WORDS capitalised words starting at i; returns its
 * length. */
static size_t sg_name_run(const char *t, size_t n, size_t i, int *words)
{
    size_t end = i, k = i;
    *words = 0;
    while (*words < SG_NAME_WORDS) {
        size_t l = sg_cap_word(t, n, k);
        if (!l || sg_not_name(t + k, l))
            break;
        end = k + l;
        (*words)++;
        if (end < n && t[end] == ' ')
            k = end + 1;
        else
            break;
    }
    return end - i;
}

/* ---- the cast and its lookups --------------------------------------------- */

#define SG_PART_NAME 1u  /* some words of a longer name */
#define SG_PART_ACTOR 2u /* an actor's name or some words of it */
#define SG_PART_WHOLE 4u /* a whole name */

/* A cast's lookups.  Keys borrow the people's strings, which stay put as the
 * people array grows. */
typedef struct sg_cast_ix {
    sg_keys names; /* each name, in any case -> person */
    /* for sg_part_of: runs of words of names and actors -> SG_PART_* */
    sg_keys parts;
    int has_parts;
    /* for sg_cast_find: names and parts of them -> person */
    sg_phrases mentions;
    int has_mentions;
    uint32_t empty; /* the first person with an empty name, or SG_NONE */
} sg_cast_ix;

/* The cast's index, made with every name in it when there is none; NULL when
 * memory runs out. */
static sg_cast_ix *sg_cast_ix_of(sg_cast *cast)
{
    if (cast->ix)
        return cast->ix;
    sg_cast_ix *ix = cast->n < SG_NONE ? calloc(1, sizeof *ix) : NULL;
    if (!ix || !sg_keys_reserve(&ix->names, cast->n)) {
        free(ix);
        return NULL;
    }
    for (size_t i = 0; i < cast->n; i++) {
        const char *name = cast->people[i].name;
        size_t n = strlen(name);
        sg_keys_put(&ix->names, name, n, sg_fold_hash(name, n), (uint32_t)i, 0);
    }
    cast->ix = ix;
    return ix;
}

static sg_character *sg_cast_get(sg_cast *cast, const char *name, size_t n)
{
    sg_cast_ix *ix = cast->n ? sg_cast_ix_of(cast) : NULL;
    sg_key *k = ix ? sg_keys_find(&ix->names, name, n, sg_fold_hash(name, n)) : NULL;
    return k ? &cast->people[k->val] : NULL;
}

static void sg_parts_clear(sg_cast_ix *ix)
{
    free(ix->parts.slot);
    memset(&ix->parts, 0, sizeof ix->parts);
    ix->has_parts = 0;
}

/* Marks s[0, len) in the parts table with `flag`. */
static int sg_parts_mark(sg_keys *parts, const char *s, size_t len, uint32_t flag)
{
    uint32_t h = sg_fold_hash(s, len);
    sg_key *k = sg_keys_find(parts, s, len, h);
    if (k) {
        k->val |= flag;
        return 1;
    }
    if (!sg_keys_reserve(parts, 1))
        return 0;
    sg_keys_put(parts, s, len, h, flag, 0);
    return 1;
}

/* Marks each run of up to SG_NAME_WORDS space-separated words of `full`:
 * with `whole` when it is all of it, else with `part`.  The names looked up
 * come from sg_name_run, so no longer run could equal one. */
static int sg_parts_add(sg_keys *parts, const char *full, size_t fl, uint32_t whole,
                        uint32_t part)
{
    for (size_t a = 0; a <= fl; a++) {
        if (a && full[a - 1] != ' ')
            continue;
        size_t e = a;
        for (int w = 0; w < SG_NAME_WORDS; w++, e++) {
            while (e < fl && full[e] != ' ')
                e++;
            uint32_t flag = a == 0 && e == fl ? whole : part;
            if (flag && !sg_parts_mark(parts, full + a, e - a, flag))
                return 0;
            if (e == fl)
                break;
        }
    }
    return 1;
}

static int sg_parts_of_person(sg_keys *parts, const sg_character *c)
{
    return sg_parts_add(parts, c->name, strlen(c->name), 0, SG_PART_NAME) &&
           (!c->actor ||
            sg_parts_add(parts, c->actor, strlen(c->actor), SG_PART_ACTOR, SG_PART_ACTOR));
}

/* A title or a credit: the name, and runs of its words, are not characters. */
static void sg_work_add(sg_keys *work, const char *s, size_t n)
{
    if (sg_parts_mark(work, s, n, SG_PART_WHOLE))
        sg_parts_add(work, s, n, 0, SG_PART_NAME);
}

/* Is `name` one word (or a few) of a longer name in c (of an actor's name, or
 * all of it, when `actors`)?  "Jeon" of "Jeon Jong-seo", "Lee" of "Lee
 * Chung-hyun".  The table is made at the first question and kept up to date
 * by sg_cast_add. */
static int sg_part_of(sg_cast *c, const char *name, size_t nl, int actors)
{
    if (!c->n)
        return 0;
    sg_cast_ix *ix = sg_cast_ix_of(c);
    if (ix && !ix->has_parts) {
        size_t k = 0;
        while (k < c->n && sg_parts_of_person(&ix->parts, &c->people[k]))
            k++;
        if (k < c->n)
            sg_parts_clear(ix);
        else
            ix->has_parts = 1;
    }
    if (!ix || !ix->has_parts) /* out of memory: learn no name rather than a wrong one */
        return 1;
    sg_key *k = sg_keys_find(&ix->parts, name, nl, sg_fold_hash(name, nl));
    return k && (k->val & (actors ? SG_PART_ACTOR : SG_PART_NAME));
}

/* Keeps the tables that exist true to a person added or given an actor. */
static void sg_cast_changed(sg_cast_ix *ix, const sg_character *c, int is_new)
{
    if (ix->has_parts &&
        !(is_new ? sg_parts_of_person(&ix->parts, c)
                 : sg_parts_add(&ix->parts, c->actor, strlen(c->actor), SG_PART_ACTOR,
                                SG_PART_ACTOR)))
        sg_parts_clear(ix); /* made again when next needed */
    if (is_new && ix->has_mentions) {
        sg_phrases_clear(&ix->mentions);
        ix->has_mentions = 0;
    }
}

int sg_cast_add(sg_cast *cast, const char *name, size_t n, const char *actor,
                size_t an)
{
    sg_cast_ix *ix = sg_cast_ix_of(cast);
    if (!ix || n >= SG_NONE)
        return 0;
    uint32_t h = sg_fold_hash(name, n);
    sg_key *k = sg_keys_find(&ix->names, name, n, h);
    if (k) {
        sg_character *c = &cast->people[k->val];
        c->mentions++;
        if (actor && !c->actor && (c->actor = sg_strndup(actor, an)))
            sg_cast_changed(ix, c, 0);
        return 1;
    }
    sg_character nc = {sg_strndup(name, n), actor ? sg_strndup(actor, an) : NULL, 1};
    if (!nc.name || (actor && !nc.actor) || cast->n >= SG_NONE - 1 ||
        !sg_keys_reserve(&ix->names, 1) ||
        !SG_VEC_PUSH(cast->people, cast->n, cast->cap, nc)) {
        free(nc.name);
        free(nc.actor);
        return 0;
    }
    sg_keys_put(&ix->names, nc.name, n, h, (uint32_t)(cast->n - 1), 0);
    sg_cast_changed(ix, &nc, 1);
    return 1;
}

/* ---- names met while learning, borrowed from the article's text ---------- */

/* The value of s[0, n) in k, 0 when it is not there. */
static uint32_t sg_keys_val(const sg_keys *k, const char *s, size_t n)
{
    const sg_key *e = sg_keys_find(k, s, n, sg_fold_hash(s, n));
    return e ? e->val : 0;
}

/* Names in the order first met. */
typedef struct sg_met_name {
    const char *s;
    size_t n;
} sg_met_name;

/* Every mention of a name, wherever it stands, and the candidates among
 * the names: one table counts them and tells them apart. */
#define SG_MET_CAND 0x80000000u          /* in a key's value: a candidate */
#define SG_MET_TIMES (SG_MET_CAND - 1u) /* the times met */
typedef struct sg_met {
    sg_keys keys; /* name -> times met | SG_MET_CAND */
    sg_met_name *v; /* the candidates, in the order first met as one */
    size_t n, cap;
} sg_met;

/* A mention of s[0, n), a candidate's when `cand`. */
static void sg_met_add(sg_met *m, const char *s, size_t n, int cand)
{
    uint32_t h = sg_fold_hash(s, n);
    sg_key *e = sg_keys_find(&m->keys, s, n, h);
    if (!e) {
        if (n >= SG_NONE || !sg_keys_reserve(&m->keys, 1))
            return;
        e = sg_keys_put(&m->keys, s, n, h, 0, 0);
    }
    if ((e->val & SG_MET_TIMES) < SG_MET_TIMES)
        e->val++;
    sg_met_name x = {s, n};
    if (cand && !(e->val & SG_MET_CAND) && SG_VEC_PUSH(m->v, m->n, m->cap, x))
        e->val |= SG_MET_CAND;
}

/* Does t[i..) start with word `w` (case-insensitive, whole word)? */
static int sg_word_at(const char *t, size_t to, size_t i, const char *w, size_t n)
{
    if (i + n > to)
        return 0;
    /* the first byte settles most: no call to compare the rest */
    if (n && sg_fold(t[i]) != sg_fold(w[0]))
        return 0;
    return sg_fold_eq(t + i, w, n) && !sg_word_before(t, to, i) && sg_word_ends(t, to, i + n);
}

/* Skip spaces (ASCII and NBSP) from i. */
static size_t sg_skip_space(const char *t, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (t[i] == ' ' || t[i] == '\t'))
            i++;
        else if (i + 1 < n && (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xA0)
            i += 2;
        else
            return i;
    }
}

/* Does the text after a name (at e) say the name is the work's title? */
static int sg_title_after(const char *t, size_t n, size_t e)
{
    size_t j = sg_skip_space(t, n, e);
    if (j + 6 <= n && sg_fold(t[j]) == 'r' && sg_fold_eq(t + j, "review", 6))
        return 1;
    /* "Ballerina (2023)" */
    if (j + 6 <= n && t[j] == '(' && sg_is_digit(t[j + 1]) && sg_is_digit(t[j + 2]) &&
        sg_is_digit(t[j + 3]) && sg_is_digit(t[j + 4]) && t[j + 5] == ')')
        return 1;
    /* "Ballerina's third act" */
    size_t al = sg_apos_len(t, n, e);
    if (al && e + al < n && (t[e + al] == 's' || t[e + al] == 'S')) {
        size_t k = sg_skip_space(t, n, e + al + 1);
        if (sg_list_at(t, n, k, &sg_work_part_list) >= 0)
            return 1;
    }
    /* "Ballerina is a lean and unflinching exercise", "Ballerina is one of":
     * the noun of the phrase right after "is a", before any "of", "who" */
    if (j + 3 <= n && (t[j] == 'i' || t[j] == 'w') &&
        (!strncmp(t + j, "is ", 3) || !strncmp(t + j, "was ", 4))) {
        size_t k = j + (t[j + 1] == 's' ? 3 : 4);
        if (sg_word_at(t, n, k, "one of", 6))
            return 1;
        size_t dl = sg_word_at(t, n, k, "a", 1) ? 1 : sg_word_at(t, n, k, "an", 2) ? 2
                    : sg_word_at(t, n, k, "the", 3) ? 3 : 0;
        if (!dl)
            return 0;
        k += dl;
        for (int w = 0; w < 7 && k < n; w++) {
            k = sg_skip_space(t, n, k);
            if (sg_list_at(t, n, k, &sg_work_noun_list) >= 0)
                return 1;
            if (sg_list_at(t, n, k, &sg_stop_list) >= 0)
                return 0;
            size_t q = k;
            while (q < n && sg_word_at_pos(t, n, q))
                q++;
            if (q == k)
                return 0;
            k = q;
        }
    }
    return 0;
}

/* Is the word before t[i] (past spaces and one comma) one of the list? */
static int sg_word_before_in(const char *t, size_t n, size_t i, const sg_list *list)
{
    size_t k = i;
    while (k > 0 && t[k - 1] == ' ')
        k--;
    if (k > 0 && t[k - 1] == ',')
        k--;
    size_t w = k;
    while (w > 0 && (sg_is_alpha(t[w - 1]) || t[w - 1] == '-'))
        w--;
    return w < k && !sg_word_before(t, n, w) && sg_list_has(list, t + w, k - w);
}

/* Is the name at t[i, e) in quotes, as titles are ("‘Ballerina’")? */
static int sg_quoted(const char *t, size_t n, size_t i, size_t e)
{
    int before = (i >= 1 && (t[i - 1] == '"' || t[i - 1] == '\'')) ||
                 (i >= 3 && !memcmp(t + i - 3, "\xE2\x80", 2) &&
                  ((unsigned char)t[i - 1] == 0x98 || (unsigned char)t[i - 1] == 0x9C));
    int after = (e < n && (t[e] == '"' || t[e] == '\'')) ||
                (e + 2 < n && !memcmp(t + e, "\xE2\x80", 2) &&
                 ((unsigned char)t[e + 2] == 0x99 || (unsigned char)t[e + 2] == 0x9D));
    /* "Ok-ju’s" is a possessive, not a closing quote */
    size_t al = sg_apos_len(t, n, e);
    if (al && e + al < n && (t[e + al] == 's' || t[e + al] == 'S'))
        after = 0;
    return before && after;
}

/* Is the name at t[i] the subject of a clause: at the start, after
 * punctuation, or after a clause opener? */
static int sg_subject_at(const char *t, size_t n, size_t i)
{
    if (i == 0)
        return 1;
    size_t k = i;
    while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == 0)
        return 1;
    char c = t[k - 1];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == '"')
        return 1;
    if (k >= 3 && ((unsigned char)t[k - 3] == 0xE2 && (unsigned char)t[k - 2] == 0x80))
        return 1; /* a dash or an opening quote */
    size_t w = k;
    while (w > 0 && sg_is_alpha(t[w - 1]))
        w--;
    return w < k && (w == 0 || !sg_word_before(t, n, w)) &&
           sg_list_has(&sg_opener_list, t + w, k - w);
}

/* Is the word after the name (at e) a lower-case word, as a verb would be? */
static int sg_verb_after(const char *t, size_t n, size_t e)
{
    size_t j = sg_skip_space(t, n, e);
    return j > e && j < n && sg_is_lower(t[j]);
}

/* After a name: a verb that introduces the character an actor plays. */
static size_t sg_plays_at(const char *t, size_t n, size_t i)
{
    static const struct {
        const char *s;
        size_t n;
    } verbs[] = {{" stars as ", 10},  {" co-stars as ", 13}, {" plays ", 7},
                 {" portrays ", 10},  {" is cast as ", 12},  {" appears as ", 12},
                 {" returns as ", 12}, {" as ", 4}};
    if (i + 1 >= n || t[i] != ' ') /* each starts with a space */
        return 0;
    /* the letter after the space rules out most before a call compares */
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (verbs[k].s[1] == t[i + 1] && i + verbs[k].n <= n &&
            !memcmp(t + i, verbs[k].s, verbs[k].n))
            return verbs[k].n;
    return 0;
}

/* The first ASCII capital in t[i, n), or n.  Most bytes are none: eight
 * at a time are tested in a word, each byte's low seven bits apart so that
 * no byte carries into the next. */
static size_t sg_next_upper(const char *t, size_t n, size_t i)
{
    const uint64_t ones = 0x0101010101010101ull, low7 = ones * 0x7F;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, y;
        memcpy(&x, t + i, 8);
        y = x & low7;
        /* a byte's high bit: it is under 0x80, over 'A' - 1, under 'Z' + 1 */
        if ((ones * (127 + 'Z' + 1) - y) & ~x & (y + ones * (127 - ('A' - 1))) & ones * 0x80)
            break;
    }
    while (i < n && !sg_is_upper(t[i]))
        i++;
    return i;
}

void sg_cast_learn(sg_cast *cast, const sg_doc *doc, const sg_sentence *s,
                   size_t ns)
{
    sg_tables_init();
    /* names seen as a subject or in a possessive at least once are
     * candidates, kept when mentioned twice or tied to an actor, and never
     * when used as the title or a credit */
    sg_met met = {0};
    sg_keys work = {0}; /* titles and credits: SG_PART_WHOLE and SG_PART_NAME */
    for (size_t si = 0; si < ns; si++) {
        const char *t = doc->view.data + s[si].view_start;
        size_t n = s[si].view_end - s[si].view_start;
        int heading = doc->blocks[s[si].block].kind == SG_BLOCK_HEADING;
        for (size_t i = 0; (i = sg_next_upper(t, n, i)) < n; i++) {
            /* no name run starts but at a capital */
            if (sg_word_before(t, n, i))
                continue;
            int words;
            size_t l = sg_name_run(t, n, i, &words);
            if (!l)
                continue;
            size_t e = i + l;
            if (sg_title_after(t, n, e) || sg_quoted(t, n, i, e) ||
                sg_word_before_in(t, n, i, &sg_creator_list)) {
                sg_work_add(&work, t + i, l);
                i = e;
                continue;
            }
            /* "Lee Chung-hyun's Ballerina": a creator and a title */
            size_t ap = sg_apos_len(t, n, e);
            if (ap && e + ap + 1 < n && t[e + ap] == 's') {
                size_t k = sg_skip_space(t, n, e + ap + 1);
                int tw;
                size_t tl = k > e + ap + 1 ? sg_name_run(t, n, k, &tw) : 0;
                if (tl) {
                    sg_work_add(&work, t + i, l);
                    sg_work_add(&work, t + k, tl);
                    i = k + tl;
                    continue;
                }
            }
            /* "Name (Actor Name)", "Name (played by Actor Name)" */
            size_t p = sg_skip_space(t, n, e);
            if (p > e && p + 1 < n && t[p] == '(') {
                size_t a = sg_skip_space(t, n, p + 1);
                if (a + 10 <= n && !strncasecmp(t + a, "played by ", 10))
                    a += 10;
                int aw;
                size_t al = sg_name_run(t, n, a, &aw);
                size_t close = sg_skip_space(t, n, a + al);
                if (al && close < n && t[close] == ')' && aw >= 2) {
                    sg_cast_add(cast, t + i, l, t + a, al);
                    i = close;
                    continue;
                }
            }
            /* "Actor Name as Name", "Actor stars as Name", "Actor plays Name" */
            size_t vl = sg_plays_at(t, n, e);
            if (vl && (words >= 2 || memcmp(t + e, " as ", 4))) {
                int cw;
                size_t cl = sg_name_run(t, n, e + vl, &cw);
                if (cl && !sg_title_after(t, n, e + vl + cl)) {
                    sg_cast_add(cast, t + e + vl, cl, t + i, l);
                    i = e + vl + cl;
                    continue;
                }
            }
            /* a possessive, or the subject of a clause followed by a verb */
            int possessive = sg_apos_len(t, n, e) != 0;
            int subject = sg_subject_at(t, n, i) && sg_verb_after(t, n, e);
            if (!heading)
                sg_met_add(&met, t + i, l, subject || possessive);
            i = e;
        }
    }
    for (size_t i = 0; i < met.n; i++) {
        const char *name = met.v[i].s;
        size_t nl = met.v[i].n;
        if (sg_cast_get(cast, name, nl) ||
            ((sg_keys_val(&met.keys, name, nl) & SG_MET_TIMES) >= 2 &&
             !(sg_keys_val(&work, name, nl) & (SG_PART_WHOLE | SG_PART_NAME)) &&
             !sg_part_of(cast, name, nl, 1) && !sg_part_of(cast, name, nl, 0)))
            sg_cast_add(cast, name, nl, NULL, 0);
    }
    free(met.keys.slot);
    free(met.v);
    free(work.slot);
}

/* Adds a part of person k's name to the mentions, unless an earlier person's
 * name has the same part (in the same case): that one would win. */
static int sg_mentions_part(sg_phrases *m, const char *p, size_t pl, uint32_t k)
{
    uint32_t h = sg_fold_hash(p, pl);
    size_t pos = h & m->keys.mask;
    for (const sg_key *e; (e = sg_keys_next(&m->keys, p, pl, h, &pos));)
        if (e->exact)
            return 1;
    if (!sg_keys_reserve(&m->keys, 1))
        return 0;
    sg_phrases_put(m, p, pl, h, k, 1);
    return sg_phrases_stems(m, p, pl);
}

/* sg_cast_find's table, made when first needed: each name, in any case, and
 * each part of a longer name written as a name -- in the same case, of 3
 * bytes or more, and for a part before the last, not a word such as "The" --
 * to its person.  NULL when memory runs out. */
static const sg_cast_ix *sg_cast_mentions(sg_cast *cast)
{
    sg_cast_ix *ix = sg_cast_ix_of(cast);
    if (!ix || ix->has_mentions)
        return ix;
    sg_phrases *m = &ix->mentions;
    m->has_stems = 1;
    ix->empty = SG_NONE;
    for (size_t k = 0; k < cast->n; k++) {
        const char *name = cast->people[k].name;
        size_t nl = strlen(name);
        if (!nl) {
            if (ix->empty == SG_NONE)
                ix->empty = (uint32_t)k;
            continue;
        }
        if (!sg_keys_reserve(&m->keys, 1))
            goto fail;
        sg_phrases_put(m, name, nl, sg_fold_hash(name, nl), (uint32_t)k, 0);
        if (!sg_phrases_stems(m, name, nl))
            goto fail;
        if (!memchr(name, ' ', nl))
            continue;
        for (size_t a = 0; a <= nl;) {
            size_t e = a;
            while (e < nl && name[e] != ' ')
                e++;
            if (e - a >= 3 && (e == nl || !sg_not_name(name + a, e - a)) &&
                !sg_mentions_part(m, name + a, e - a, (uint32_t)k))
                goto fail;
            a = e + 1;
        }
    }
    ix->has_mentions = 1;
    return ix;
fail:
    sg_phrases_clear(m);
    return NULL;
}

/* The role word ("her best friend", "Choi's boss") after a determiner or a
 * possessive that starts at text[i]: its index in sg_roles, *at where it
 * is; -1 when there is none. */
static long sg_role_at(const char *text, size_t to, size_t i, size_t *at)
{
    /* the determiners, by their first letter */
    static const char *const dets[26][2] = {
        ['a' - 'a'] = {"a "},   ['h' - 'a'] = {"her ", "his "}, ['i' - 'a'] = {"its "},
        ['o' - 'a'] = {"our "}, ['t' - 'a'] = {"the ", "their "}, ['w' - 'a'] = {"whose "},
        ['y' - 'a'] = {"your "}};
    unsigned char c = sg_fold(text[i]);
    size_t d = 0;
    for (size_t k = 0; (unsigned)(c - 'a') < 26u && k < 2 && dets[c - 'a'][k] && !d; k++) {
        const char *s = dets[c - 'a'][k];
        size_t m = 1;
        while (s[m] && i + m < to && sg_fold(text[i + m]) == (unsigned char)s[m])
            m++;
        if (!s[m])
            d = m;
    }
    if (!d) {
        /* a name's possessive: a capitalised word, an apostrophe, s */
        size_t cw = sg_cap_word(text, to, i);
        size_t al = cw ? sg_apos_len(text, to, i + cw) : 0;
        if (al && i + cw + al + 1 < to && text[i + cw + al] == 's' &&
            text[i + cw + al + 1] == ' ')
            d = cw + al + 2;
    }
    if (!d)
        return -1;
    size_t j = i + d;
    /* an adjective may sit between: "her best friend", "his crime lord boss" */
    for (int hop = 0; hop < 3 && j < to; hop++) {
        long r = sg_list_at(text, to, j, &sg_role_list);
        if (r >= 0) {
            *at = j;
            return r;
        }
        while (j < to && sg_word_at_pos(text, to, j))
            j++;
        if (j < to && text[j] == ' ')
            j++;
        else
            break;
    }
    return -1;
}

const char *sg_cast_find(const sg_cast *cast, const char *text, size_t from,
                         size_t to, size_t *at, int *is_role)
{
    sg_tables_init();
    *is_role = 0;
    /* a cache on a cast that one thread at a time uses; sg_cast_add drops it */
    const sg_cast_ix *ix = cast && cast->n ? sg_cast_mentions((sg_cast *)cast) : NULL;
    /* the earliest mention, at one place the person added first; else the
     * earliest role word after a determiner or a possessive.  One pass
     * looks for both, and for mentions only once a role word is found. */
    long role = -1;
    size_t role_at = 0;
    for (size_t i = from; i < to && (ix || role < 0);) {
        size_t next = i; /* the next start is past this, at least */
        if (ix && !sg_word_before(text, to, i)) {
            uint32_t k = SG_NONE;
            unsigned char c = (unsigned char)text[i];
            if (c < 0x80 && c != '-' && sg_asc_word(c)) {
                /* the word's first part, hashed on the way to the next
                 * word: a key starts with it only if some key or stem has
                 * its hash, which most words' is not */
                size_t e = i;
                uint64_t h = SG_FNV_BASIS;
                do
                    h = sg_fold_step(h, text[e++]);
                while (e < to && !sg_ends_at(text, to, e));
                uint32_t fh = sg_fold_final(h);
                next = e - 1; /* every byte of the part is a word's */
                if (e - i <= ix->mentions.longest &&
                    (sg_keys_has_hash(&ix->mentions.keys, fh) ||
                     sg_keys_has_hash(&ix->mentions.stems, fh)))
                    k = sg_phrases_at(&ix->mentions, text, to, i);
            } else {
                k = sg_phrases_at(&ix->mentions, text, to, i);
            }
            if (ix->empty < k && sg_word_ends(text, to, i))
                k = ix->empty;
            if (k != SG_NONE) {
                *at = i;
                return cast->people[k].name;
            }
        }
        if (role < 0)
            role = sg_role_at(text, to, i, &role_at);
        /* on to where the next word starts: past ASCII word bytes by one
         * bit test each */
        for (i = next + 1; i < to; i++) {
            unsigned char b = (unsigned char)text[i - 1];
            if (b < 0x80 ? !sg_asc_word(b) : !sg_word_before_utf8(text, to, i))
                break;
        }
    }
    if (role < 0)
        return NULL;
    *at = role_at;
    *is_role = 1;
    return sg_roles[role];
}

void sg_cast_free(sg_cast *cast)
{
    for (size_t i = 0; i < cast->n; i++) {
        free(cast->people[i].name);
        free(cast->people[i].actor);
    }
    free(cast->people);
    if (cast->ix) {
        free(cast->ix->names.slot);
        free(cast->ix->parts.slot);
        sg_phrases_clear(&cast->ix->mentions);
        free(cast->ix);
    }
    memset(cast, 0, sizeof *cast);
}

void sg_cast_prepare(const sg_cast *cast)
{
    sg_tables_init();
    if (cast->n)
        (void)sg_cast_mentions((sg_cast *)cast);
}
