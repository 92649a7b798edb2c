/* sg_rules.c -- rules as data: PCRE2 patterns compiled once (JIT; a pattern
 * several rules share is compiled and run once), matched per sentence with
 * declarative conditions, under match and depth limits. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "sg_internal.h"
#include "sg_text.h"
#include "sg_utf8.h"

#include <pcre2.h>
#include <stdio.h>

#define SG_MATCH_LIMIT 200000u    /* backtracking steps per match */
#define SG_DEPTH_LIMIT 2000u      /* nested backtracking frames */
#define SG_JIT_STACK (512 * 1024) /* per match context */
#define SG_DEFAULT_RULE_CONFIDENCE 0.7

/* A set of NUL-terminated strings (literals a match must contain). */
typedef struct sg_strset {
    char **v;
    size_t n, cap;
} sg_strset;

/* A node of a gate: a leaf holds when a literal of set `a` occurs in the
 * sentence; AND and OR combine the leaves of sets 0 to 63 that are its kids,
 * as bits of `leaves`, and the nodes kids[a .. a + n), the other kids. */
typedef struct sg_gnode {
    uint32_t op, a, n;
    uint64_t leaves;
} sg_gnode;

/* What a pattern needs to be able to match: a formula over sets of literals,
 * each set with one bit in the prefilter's verdict (bit0, bit0 + 1 ...).
 * No sets: nothing is known and the pattern always runs. */
typedef struct sg_gate {
    sg_strset *sets;
    size_t nsets;
    sg_gnode *nodes; /* nodes[0] is the root */
    uint32_t *kids;
    size_t nnodes, nkids;
    uint32_t bit0;
} sg_gate;

/* A compiled pattern, shared by every rule list with the same source and
 * options: compiled once, and run at most once per sentence. */
typedef struct sg_upat {
    char *src;
    uint32_t opts;
    pcre2_code *code;
    sg_strset lits; /* every match holds one (none: not known) */
    sg_gate gate;
    /* Its top-level branches as patterns of their own, in order, when it is
     * split (sg_branches.c): where the prefilter's verdict is known, only
     * those whose gate holds run, and the leftmost match is its match. */
    uint32_t *br;
    size_t nbr;
    int branch; /* a branch of another: `code` is made on its first run */
    uint32_t hash; /* of src and opts (sg_pat_hash) */
} sg_upat;

typedef struct sg_pat_list {
    uint32_t *u; /* indices into the ruleset's patterns */
    size_t n;
} sg_pat_list;

typedef struct sg_rule {
    char *id, *kind, *source;
    sg_severity severity;
    double confidence;
    int character;
    sg_pat_list patterns, requires, unless, lower_if, major_if, minor_if;
    int gated;        /* 1: a match of any of `patterns` contains one of `lits` */
    sg_strset lits;   /* ASCII letters folded to lower case */
} sg_rule;

typedef struct sg_prefilter sg_prefilter;

struct sg_ruleset {
    sg_rule *rules;
    size_t n, cap;
    uint32_t max_ovec;
    sg_upat *pats;    /* the distinct patterns of all rules */
    size_t npats, patcap;
    uint32_t *ptab;   /* open addressing by hash: pattern index + 1, 0 empty */
    size_t ptcap;     /* slots, a power of two; 0: no table, searches are linear */
    int ptab_failed;  /* the table could not grow: searches stay linear */
    uint32_t nbits;   /* literal sets of their gates so far: one verdict bit each */
    sg_prefilter *pf; /* built lazily for rules [0, pf->nrules) */
    int pf_dirty;     /* rules were added since pf was built */
    int pf_off;       /* every rule runs on every sentence (tests) */
    uint32_t version; /* changes with the rules and the prefilter */
    sg_match_ctx *spare; /* a freed match context of this version, kept */
};

struct sg_match_ctx {
    sg_ruleset *rs;   /* freed back to rs->spare while of its version */
    uint32_t version;
    /* per pattern: the sentence (gen) whose result is kept, and the result */
    uint32_t gen, *seen;
    int8_t *res;
    size_t *rs_start, *rs_end;
    size_t npats;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
    uint64_t *mask;   /* the prefilter's verdict for one sentence, per literal set;
                       * one spare zero word past its end */
    uint64_t *cand;   /* the patterns that may match it: one of their sets is there */
    uint64_t *rlive;  /* the rules one of whose patterns may match it */
    int tables;       /* mask, cand and rlive are there, of the prefilter's sizes */
};

/* ---- the literal prefilter ------------------------------------------------
 * Most sentences of a review tell no story, and running every rule's
 * patterns on each of them is most of an analysis.  From each pattern a small
 * parser derives a gate: a formula over sets of literal strings that every
 * match satisfies (ASCII letters folded to lower case), an AND over the
 * pieces of a sequence and an OR over the branches of an alternation, so
 * "in the end, X dies" needs both "in the end" and "dies".  Literals keep
 * the word boundaries (\b) at their ends, so "\bdies\b" is not found in
 * "studies".  One Aho-Corasick pass over a sentence tells which sets occur,
 * and only the patterns whose gate holds run; conditions are gated the same
 * way.  The parser knows the common PCRE2 syntax and gives up on anything
 * else, and a pattern it gave up on runs on every sentence: the prefilter
 * only skips work whose result is known to be "no match". */

#define SG_PF_MAX_SET 64     /* strings in a set of every possible match */
#define SG_PF_MAX_REQ 256    /* strings in a set of required literals */
#define SG_PF_MAX_LIT 20     /* characters (bytes but word boundaries) in one literal */
#define SG_PF_MAX_LIT_BYTES (2 * SG_PF_MAX_LIT) /* and bytes, word boundaries too */
#define SG_PF_MAX_DEPTH 64   /* group nesting the parser follows */
#define SG_PF_MAX_STATES 32768 /* ids fit 15 bits, and so are under 0xFFFF, the no-edge mark */
#define SG_PF_HIT 0x8000u    /* on an edge: its target state has outputs */
#define SG_PF_MAX_NODES 4096 /* formula nodes per pattern; past it: less known */
#define SG_PF_MIN_WEIGHT 2   /* rarity (sg_pf_weight) of a literal worth a bit */
#define SG_PF_BOUND '\x01'   /* in a literal: \b, a word boundary */
#define SG_PF_SEP 1          /* the automaton's class of bytes of no word character */

enum { SG_PF_LEAF, SG_PF_AND, SG_PF_OR };

static void sg_strset_free(sg_strset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

/* Whether member m is x (n bytes). */
static int sg_strset_is(const char *m, const char *x, size_t n)
{
    size_t k = 0; /* most members differ from x within a byte or two */
    while (k < n && m[k] == x[k])
        k++;
    return k == n && !m[n];
}

/* Add a copy of `x` (n bytes), known not to be there.  0 on OOM. */
static int sg_strset_push(sg_strset *s, const char *x, size_t n)
{
    char *c = sg_strndup(x, n);
    if (!c)
        return 0;
    if (!SG_VEC_PUSH(s->v, s->n, s->cap, c)) {
        free(c);
        return 0;
    }
    return 1;
}

/* Add a copy of `x` (n bytes) unless present.  0 on OOM. */
static int sg_strset_add(sg_strset *s, const char *x, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (sg_strset_is(s->v[i], x, n))
            return 1;
    return sg_strset_push(s, x, n);
}

/* The members of a set being built, by hash, for sets of a few hundred
 * strings: each one added through it (sg_strset_addix) is found without a
 * look at the others. */
typedef struct sg_strix {
    uint16_t slot[512]; /* a member's index + 1, 0 empty */
    size_t mask;        /* slots in use - 1, a power of two */
} sg_strix;

/* An index for an empty set that will get about `most` members. */
static void sg_strix_init(sg_strix *ix, size_t most)
{
    size_t c = 16;
    while (c < 2 * most && c < sizeof ix->slot / sizeof *ix->slot)
        c *= 2;
    ix->mask = c - 1;
    memset(ix->slot, 0, c * sizeof *ix->slot);
}

/* sg_strset_add for a set whose every member came through index ix; past
 * half the slots, members are compared one by one. */
static int sg_strset_addix(sg_strset *s, sg_strix *ix, const char *x, size_t n)
{
    if (2 * s->n >= ix->mask)
        return sg_strset_add(s, x, n);
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)x[k]) * 16777619u;
    size_t i = h & ix->mask;
    for (; ix->slot[i]; i = (i + 1) & ix->mask)
        if (sg_strset_is(s->v[ix->slot[i] - 1], x, n))
            return 1;
    if (!sg_strset_push(s, x, n))
        return 0;
    ix->slot[i] = (uint16_t)s->n;
    return 1;
}

/* What the parser knows about a piece of pattern.  exact: `set` holds every
 * string it can match.  req: every match contains a string of `set`.
 * Neither: nothing is known. */
typedef struct sg_pf_info {
    int exact, req;
    sg_strset set;
    size_t f; /* not exact: a formula every match satisfies (a node id, 0 true) */
} sg_pf_info;

static void sg_pf_none(sg_pf_info *x)
{
    sg_strset_free(&x->set);
    x->exact = x->req = 0;
    x->f = 0;
}

static int sg_pf_exact1(sg_pf_info *x, const char *s, size_t n)
{
    memset(x, 0, sizeof *x);
    x->exact = 1;
    return sg_strset_add(&x->set, s, n);
}

static int sg_len_cmp(const void *a, const void *b)
{
    size_t x = strlen(*(char *const *)a), y = strlen(*(char *const *)b);
    return x < y ? -1 : x > y;
}

/* Whether h (hn bytes) holds nd (nn bytes, 0 < nn <= hn). */
static int sg_holds(const char *h, size_t hn, const char *nd, size_t nn)
{
    for (size_t i = 0; i + nn <= hn; i++) {
        size_t k = 0;
        while (k < nn && h[i + k] == nd[k])
            k++;
        if (k == nn)
            return 1;
    }
    return 0;
}

/* The bytes of s as bits (byte % 64): a string can only hold another whose
 * bits it has all. */
static uint64_t sg_bytebits(const char *s, size_t n)
{
    uint64_t b = 0;
    for (size_t i = 0; i < n; i++)
        b |= (uint64_t)1 << ((unsigned char)s[i] % 64);
    return b;
}

/* Whether literal s holds no character, only word boundaries (or nothing). */
static int sg_pf_blank(const char *s)
{
    while (*s == SG_PF_BOUND)
        s++;
    return !*s;
}

/* Turn an exact set into a required one: drop strings that hold another
 * member (finding the shorter one is enough); none when a member holds no
 * character. */
static void sg_pf_to_req(sg_pf_info *x)
{
    if (!x->exact)
        return;
    x->exact = 0;
    x->req = 1;
    sg_strset *s = &x->set;
    int blank = !s->n;
    for (size_t i = 0; i < s->n && !blank; i++)
        blank = sg_pf_blank(s->v[i]);
    if (blank) {
        sg_pf_none(x);
        return;
    }
    /* shorter first, in the order they came at one length */
    size_t lbuf[SG_PF_MAX_REQ];
    uint64_t bbuf[SG_PF_MAX_REQ];
    char *vbuf[SG_PF_MAX_REQ];
    int small = s->n <= SG_PF_MAX_REQ;
    size_t *len = small ? lbuf : malloc(s->n * sizeof *len);
    uint64_t *bits = small ? bbuf : malloc(s->n * sizeof *bits);
    char **v = small ? vbuf : malloc(s->n * sizeof *v);
    if (!len || !bits || !v) {
        if (!small) {
            free(len);
            free(bits);
            free(v);
        }
        sg_pf_none(x);
        return;
    }
    size_t most = 0;
    for (size_t i = 0; i < s->n; i++) {
        len[i] = strlen(s->v[i]);
        if (len[i] > most)
            most = len[i];
    }
    if (most < SG_PF_MAX_REQ) {
        size_t start[SG_PF_MAX_REQ + 1]; /* where each length's run starts */
        memset(start, 0, (most + 2) * sizeof *start);
        for (size_t i = 0; i < s->n; i++)
            start[len[i] + 1]++;
        for (size_t l = 1; l <= most; l++)
            start[l] += start[l - 1];
        for (size_t i = 0; i < s->n; i++)
            v[start[len[i]]++] = s->v[i];
        memcpy(s->v, v, s->n * sizeof *v);
    } else {
        qsort(s->v, s->n, sizeof *s->v, sg_len_cmp);
    }
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++) {
        size_t n = strlen(s->v[i]);
        uint64_t b = sg_bytebits(s->v[i], n);
        int covered = 0;
        for (size_t j = 0; j < w && !covered; j++)
            covered = len[j] < n && !(bits[j] & ~b) && sg_holds(s->v[i], n, s->v[j], len[j]);
        if (covered) {
            free(s->v[i]);
        } else {
            len[w] = n;
            bits[w] = b;
            s->v[w++] = s->v[i];
        }
    }
    s->n = w;
    if (!small) {
        free(len);
        free(bits);
        free(v);
    }
}

/* How rare a literal is in English text, roughly: its letters, less those
 * of the words found in nearly every sentence ("the", "is", "his" ...). */
static size_t sg_pf_weight(const char *lit)
{
    static const char *const common[] = {
        "a", "an", "the", "is", "was", "are", "were", "be", "been", "his", "her",
        "their", "he", "she", "they", "it", "in", "at", "by", "of", "to", "on",
        "and", "or", "for", "with", "from", "this", "that", "up", "out", "off",
        "as", "has", "had", "have", "not", "but", "who", "all", "one", "into"};
    size_t w = 0;
    const char *p = lit;
    while (*p) {
        if (!sg_is_alnum((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (*q && sg_is_alnum((unsigned char)*q))
            q++;
        size_t n = (size_t)(q - p);
        int is_common = 0;
        for (size_t i = 0; n <= 5 && i < sizeof common / sizeof *common && !is_common; i++)
            is_common = common[i][0] == *p && strlen(common[i]) == n &&
                        !memcmp(common[i], p, n);
        if (!is_common)
            w += n;
        p = q;
    }
    return w;
}

/* How rare the least rare literal of a set is. */
static size_t sg_pf_minweight(const sg_strset *s)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < s->n && m; i++) {
        size_t w = sg_pf_weight(s->v[i]);
        if (w < m)
            m = w;
    }
    return m;
}

/* How rare a literal is as a gate's: a whole word is rarer than its letters
 * inside other words ("I" against every "i"), so a literal with a word
 * boundary at both ends counts them, unless it is all common words. */
static size_t sg_pf_gate_weight(const char *lit)
{
    size_t w = sg_pf_weight(lit), n = strlen(lit);
    if (w && n >= 3 && lit[0] == SG_PF_BOUND && sg_is_alnum((unsigned char)lit[1]) &&
        lit[n - 1] == SG_PF_BOUND && sg_is_alnum((unsigned char)lit[n - 2]))
        w += 2;
    return w;
}

/* The better of two required sets is the one whose least rare literal is
 * rarer, then the smaller one.  Takes `cand`. */
static void sg_pf_consider(sg_pf_info *best, sg_pf_info *cand)
{
    sg_pf_to_req(cand);
    if (!cand->req) {
        sg_pf_none(cand);
        return;
    }
    size_t cmin = sg_pf_minweight(&cand->set), bmin = sg_pf_minweight(&best->set);
    if (!best->req || cmin > bmin || (cmin == bmin && cand->set.n < best->set.n)) {
        sg_pf_none(best);
        *best = *cand;
        best->f = 0; /* `best` is the one set; formulas are kept apart */
        memset(cand, 0, sizeof *cand);
    } else {
        sg_pf_none(cand);
    }
}

/* A formula node while parsing; ids are index + 1, 0 is "true". */
typedef struct sg_pf_node {
    int op;
    sg_strset set;  /* a leaf's literals */
    size_t *kids;   /* AND, OR: node ids */
    size_t nkids;
} sg_pf_node;

typedef struct sg_pf_parser {
    const unsigned char *p;
    int fail;  /* syntax the parser does not know, or out of memory */
    int depth;
    int ctx;   /* the group being parsed always follows a word boundary */
    int rctx;  /* and is always followed by one */
    sg_pf_node *nodes; /* formulas: all freed once the pattern is done */
    size_t nn, ncap;
    struct sg_pf_branches *br; /* the first group's branches' gates, or NULL */
} sg_pf_parser;

/* The gates of the branches of the group a pattern opens with (after a \b
 * at most), as sg_pf_literals would derive them from each branch alone, in
 * the group's place (\b(?:Xi)\b): taken while the whole pattern is parsed,
 * from the formula each branch gets there.  Branch k's is known for k < n;
 * at[k] is where it starts, and ctx and rctx tell whether a word boundary
 * was known to hold before and after each. */
typedef struct sg_pf_branches {
    const unsigned char *src; /* the pattern */
    sg_gate *gate;
    size_t *at;
    size_t n, max;
    int ctx, rctx;
    int done; /* the group was met */
} sg_pf_branches;

/* A new formula node; 0 ("true", which every match satisfies) when the
 * pattern has too many or memory runs out. */
static size_t sg_pf_node_new(sg_pf_parser *P, int op)
{
    if (P->nn >= SG_PF_MAX_NODES)
        return 0;
    if (P->nn == P->ncap) {
        size_t nc = P->ncap ? P->ncap * 2 : 32;
        sg_pf_node *v = realloc(P->nodes, nc * sizeof *v);
        if (!v)
            return 0;
        P->nodes = v;
        P->ncap = nc;
    }
    memset(&P->nodes[P->nn], 0, sizeof P->nodes[P->nn]);
    P->nodes[P->nn].op = op;
    return ++P->nn;
}

static void sg_pf_nodes_free(sg_pf_parser *P)
{
    for (size_t i = 0; i < P->nn; i++) {
        sg_strset_free(&P->nodes[i].set);
        free(P->nodes[i].kids);
    }
    free(P->nodes);
    P->nodes = NULL;
    P->nn = P->ncap = 0;
}

static int sg_pf_kid_add(sg_pf_parser *P, size_t node, size_t kid)
{
    sg_pf_node *x = &P->nodes[node - 1];
    size_t *k = realloc(x->kids, (x->nkids + 1) * sizeof *k);
    if (!k)
        return 0;
    x->kids = k;
    x->kids[x->nkids++] = kid;
    return 1;
}

/* a AND b, a OR b, flattened.  A formula is used once: a and b are taken. */
static size_t sg_pf_join(sg_pf_parser *P, int op, size_t a, size_t b)
{
    if (op == SG_PF_AND && (!a || !b))
        return a ? a : b;
    if (op == SG_PF_OR && (!a || !b))
        return 0;
    size_t r = a;
    if (P->nodes[a - 1].op != op) {
        r = sg_pf_node_new(P, op);
        if (!r || !sg_pf_kid_add(P, r, a))
            return op == SG_PF_AND ? a : 0;
    }
    if (P->nodes[b - 1].op == op) {
        for (size_t i = 0; i < P->nodes[b - 1].nkids; i++)
            if (!sg_pf_kid_add(P, r, P->nodes[b - 1].kids[i]))
                return op == SG_PF_AND ? r : 0;
    } else if (!sg_pf_kid_add(P, r, b)) {
        return op == SG_PF_AND ? r : 0;
    }
    return r;
}

static void sg_pf_to_req(sg_pf_info *x);

/* The formula of what the parser knows about a piece: for an exact set, that
 * one of its strings occurs (dropping those that hold another). */
static size_t sg_pf_formula(sg_pf_parser *P, const sg_pf_info *x)
{
    if (!x->exact && x->f)
        return x->f;
    if (!x->exact && !x->req)
        return 0;
    sg_pf_info c;
    memset(&c, 0, sizeof c);
    c.exact = x->exact;
    c.req = x->req;
    sg_strix ix;
    sg_strix_init(&ix, x->set.n);
    for (size_t i = 0; i < x->set.n; i++)
        if (!sg_strset_addix(&c.set, &ix, x->set.v[i], strlen(x->set.v[i]))) {
            sg_pf_none(&c);
            return 0;
        }
    sg_pf_to_req(&c);
    /* a literal found in nearly every sentence tells nothing and costs a
     * verdict bit on each of them: such a set is left out ("true") */
    int common = 0;
    for (size_t i = 0; c.req && i < c.set.n && !common; i++)
        common = sg_pf_gate_weight(c.set.v[i]) < SG_PF_MIN_WEIGHT;
    if (common)
        c.req = 0;
    size_t id = c.req ? sg_pf_node_new(P, SG_PF_LEAF) : 0;
    if (id) {
        P->nodes[id - 1].set = c.set;
        memset(&c.set, 0, sizeof c.set);
    }
    sg_pf_none(&c);
    return id;
}

static void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out);
static int sg_gate_make(sg_pf_parser *P, size_t f, sg_gate *g, int copy);

static int sg_pf_is_punct_cp(uint32_t cp)
{
    /* General Punctuation has no case: matched byte for byte even caseless */
    return cp >= 0x2010 && cp <= 0x205E;
}

/* \w without UCP, as PCRE2 sees it here */
static int sg_pf_isword(unsigned char c)
{
    return sg_is_alnum(c) || c == '_';
}

/* Skip "{...}" at P->p if there; 0 when a brace does not close. */
static int sg_pf_skip_braces(sg_pf_parser *P)
{
    if (*P->p != '{')
        return 1;
    while (*P->p && *P->p != '}')
        P->p++;
    if (!*P->p)
        return 0;
    P->p++;
    return 1;
}

/* A character class; P->p is just past '['.  Exact when it lists at most 8
 * plain characters; anything else is one unknown character. */
static void sg_pf_class(sg_pf_parser *P, sg_pf_info *out)
{
    memset(out, 0, sizeof *out);
    int simple = 1, first = 1;
    sg_strset members = {0};
    if (*P->p == '^') {
        simple = 0;
        P->p++;
    }
    for (;;) {
        unsigned char c = *P->p;
        if (!c) {
            P->fail = 1;
            break;
        }
        if (c == ']' && !first) {
            P->p++;
            break;
        }
        first = 0;
        if (c == '[' && (P->p[1] == ':' || P->p[1] == '.' || P->p[1] == '=')) {
            P->fail = 1; /* POSIX classes: not worth knowing */
            break;
        }
        if (c == '\\') {
            unsigned char e = P->p[1];
            P->p += 2;
            if (!e) {
                P->fail = 1;
                break;
            }
            if (!sg_is_alnum(e) && e < 0x80) {
                if (!sg_strset_add(&members, (const char *)&e, 1))
                    P->fail = 1;
            } else if (strchr("dDwWsShHvVtnrfeab", e)) {
                simple = 0;
            } else if (e == 'p' || e == 'P' || e == 'x') {
                simple = 0;
                if (*P->p == '{') {
                    if (!sg_pf_skip_braces(P))
                        P->fail = 1;
                } else if (e != 'x' && *P->p) {
                    P->p++;
                }
            } else {
                P->fail = 1;
                break;
            }
        } else if (c >= 0x80) {
            uint32_t cp;
            size_t n = sg_utf8_decode(P->p, 4, &cp);
            if (!n) {
                P->fail = 1;
                break;
            }
            if (sg_pf_is_punct_cp(cp)) {
                if (!sg_strset_add(&members, (const char *)P->p, n))
                    P->fail = 1;
            } else {
                simple = 0;
            }
            P->p += n;
        } else if (c == SG_PF_BOUND) {
            simple = 0; /* the byte that marks \b in a literal */
            P->p++;
        } else {
            unsigned char f = sg_to_lower(c);
            if (!sg_strset_add(&members, (const char *)&f, 1))
                P->fail = 1;
            P->p++;
        }
        if (P->fail)
            break;
        /* a range: its members are not listed */
        if (*P->p == '-' && P->p[1] && P->p[1] != ']') {
            simple = 0;
            P->p++;
            if (*P->p == '\\') {
                P->p++;
                if (*P->p == 'x' || *P->p == 'p' || *P->p == 'P') {
                    P->p++;
                    if (*P->p == '{' && !sg_pf_skip_braces(P)) {
                        P->fail = 1;
                        break;
                    }
                } else if (*P->p) {
                    P->p++;
                }
            } else if (*P->p >= 0x80) {
                uint32_t cp;
                size_t n = sg_utf8_decode(P->p, 4, &cp);
                if (!n) {
                    P->fail = 1;
                    break;
                }
                P->p += n;
            } else {
                P->p++;
            }
        }
    }
    if (!P->fail && simple && members.n && members.n <= 8) {
        out->exact = 1;
        out->set = members;
    } else {
        sg_strset_free(&members);
    }
}

/* The quantifier after an atom, if any: min and max (-1 for none). 0 when
 * there is none, 1 when one was read, -1 on syntax the parser refuses. */
static int sg_pf_quant(sg_pf_parser *P, long *min, long *max)
{
    const unsigned char *p = P->p;
    if (*p == '?' || *p == '*' || *p == '+') {
        *min = *p == '+' ? 1 : 0;
        *max = *p == '?' ? 1 : -1;
        p++;
    } else if (*p == '{') {
        const unsigned char *q = p + 1;
        long a = 0, b;
        if (!(*q >= '0' && *q <= '9'))
            return -1; /* "{,n}" and friends differ between PCRE2 versions */
        while (*q >= '0' && *q <= '9') {
            a = a * 10 + (*q++ - '0');
            if (a > 65535)
                return -1;
        }
        b = a;
        if (*q == ',') {
            q++;
            if (*q >= '0' && *q <= '9') {
                b = 0;
                while (*q >= '0' && *q <= '9') {
                    b = b * 10 + (*q++ - '0');
                    if (b > 65535)
                        return -1;
                }
            } else {
                b = -1;
            }
        }
        if (*q != '}')
            return -1;
        *min = a;
        *max = b;
        p = q + 1;
    } else {
        return 0;
    }
    if (*p == '?' || *p == '+') /* lazy, possessive: the same strings */
        p++;
    P->p = p;
    return 1;
}

/* One atom into `out`; 0 at the end of a sequence ('|', ')' or the end). */
static int sg_pf_atom(sg_pf_parser *P, sg_pf_info *out)
{
    memset(out, 0, sizeof *out);
    unsigned char c = *P->p;
    if (!c || c == '|' || c == ')')
        return 0;
    if (c == '(') {
        const unsigned char *p = P->p + 1;
        int lookaround = 0;
        if (*p == '*') {
            P->fail = 1; /* verbs */
            return 1;
        }
        if (*p == '?') {
            p++;
            if (*p == ':' || *p == '>' || *p == '|') {
                if (*p == '|') { /* branch reset: groups are numbered apart */
                    P->fail = 1;
                    return 1;
                }
                p++;
            } else if (*p == '=' || *p == '!') {
                lookaround = 1;
                p++;
            } else if (*p == '<' && (p[1] == '=' || p[1] == '!')) {
                lookaround = 1;
                p += 2;
            } else if ((*p == '<' || *p == '\'' || (*p == 'P' && p[1] == '<')) &&
                       !(*p == '<' && p[1] == '*')) {
                unsigned char close = *p == '\'' ? '\'' : '>';
                p += *p == 'P' ? 2 : 1;
                while (*p && (sg_is_alnum(*p) || *p == '_'))
                    p++;
                if (*p != close) {
                    P->fail = 1;
                    return 1;
                }
                p++;
            } else if (*p == '#') {
                while (*p && *p != ')')
                    p++;
                if (!*p) {
                    P->fail = 1;
                    return 1;
                }
                P->p = p + 1;
                return sg_pf_exact1(out, "", 0) ? 1 : (P->fail = 1);
            } else {
                /* option settings: only those that keep the matched strings */
                while (*p && strchr("imsUJ-", *p))
                    p++;
                if (*p == ')') {
                    P->p = p + 1;
                    return sg_pf_exact1(out, "", 0) ? 1 : (P->fail = 1);
                }
                if (*p != ':') {
                    P->fail = 1;
                    return 1;
                }
                p++;
            }
        }
        if (++P->depth > SG_PF_MAX_DEPTH) {
            P->fail = 1;
            return 1;
        }
        P->p = p;
        if (lookaround)
            P->ctx = P->rctx = 0; /* it looks elsewhere than where it stands */
        sg_pf_alt(P, out);
        P->depth--;
        if (P->fail)
            return 1;
        if (*P->p != ')') {
            P->fail = 1;
            return 1;
        }
        P->p++;
        if (lookaround) {
            /* an assertion consumes nothing */
            sg_pf_none(out);
            if (!sg_pf_exact1(out, "", 0))
                P->fail = 1;
        }
        return 1;
    }
    if (c == '[') {
        P->p++;
        sg_pf_class(P, out);
        return 1;
    }
    if (c == '.') {
        P->p++;
        return 1; /* any character: nothing known */
    }
    if (c == '^' || c == '$') {
        P->p++;
        return sg_pf_exact1(out, "", 0) ? 1 : (P->fail = 1);
    }
    if (c == '*' || c == '+' || c == '?' || c == '{') {
        P->fail = 1;
        return 1;
    }
    if (c == '\\') {
        unsigned char e = P->p[1];
        P->p += 2;
        if (!e) {
            P->fail = 1;
            return 1;
        }
        if (e == 'b') {
            char b = SG_PF_BOUND;
            return sg_pf_exact1(out, &b, 1) ? 1 : (P->fail = 1);
        }
        if (strchr("BAzZGKE", e))
            return sg_pf_exact1(out, "", 0) ? 1 : (P->fail = 1);
        if (strchr("dDwWsShHvVRXCtnrfea", e))
            return 1;
        if (e == 'N' && *P->p != '{')
            return 1;
        if (e == 'p' || e == 'P' || e == 'x') {
            if (*P->p == '{') {
                if (!sg_pf_skip_braces(P))
                    P->fail = 1;
            } else if (e != 'x' && *P->p) {
                P->p++;
            } else if (e == 'x') {
                for (int k = 0; k < 2 && sg_is_xdigit(*P->p); k++)
                    P->p++;
            }
            return 1;
        }
        if (!sg_is_alnum(e) && e < 0x80)
            return sg_pf_exact1(out, (const char *)&e, 1) ? 1 : (P->fail = 1);
        P->fail = 1; /* back references, \Q, \g, \k, octal ... */
        return 1;
    }
    if (c >= 0x80) {
        uint32_t cp;
        size_t n = sg_utf8_decode(P->p, 4, &cp);
        if (!n) {
            P->fail = 1;
            return 1;
        }
        const char *at = (const char *)P->p;
        P->p += n;
        if (sg_pf_is_punct_cp(cp))
            return sg_pf_exact1(out, at, n) ? 1 : (P->fail = 1);
        return 1; /* a letter with case variants: nothing known */
    }
    P->p++;
    if (c == SG_PF_BOUND)
        return 1; /* the byte that marks \b in a literal: taken as unknown */
    unsigned char f = sg_to_lower(c);
    return sg_pf_exact1(out, (const char *)&f, 1) ? 1 : (P->fail = 1);
}

/* Apply a quantifier to what its atom gave. */
static void sg_pf_repeat(sg_pf_parser *P, sg_pf_info *x, long min, long max)
{
    if (max == 0) {
        sg_pf_none(x);
        if (!sg_pf_exact1(x, "", 0))
            P->fail = 1;
    } else if (min == 0 && max == 1 && x->exact && x->set.n < SG_PF_MAX_SET) {
        if (!sg_strset_add(&x->set, "", 0))
            P->fail = 1;
    } else if (min == 0) {
        sg_pf_none(x);
    } else if (!(min == 1 && max == 1)) {
        sg_pf_to_req(x); /* at least one copy is there */
    }
}

/* a then b into buf (2 * SG_PF_MAX_LIT_BYTES + 1 bytes; a and b are no
 * longer than SG_PF_MAX_LIT_BYTES), without the word boundaries at b's
 * start when a ends with one or with a byte of no word character: there
 * they say no more.  Its length. */
static size_t sg_pf_cat(const char *a, const char *b, char *buf)
{
    size_t n = strlen(a);
    memcpy(buf, a, n);
    if (n && (a[n - 1] == SG_PF_BOUND || !sg_pf_isword((unsigned char)a[n - 1])))
        while (*b == SG_PF_BOUND)
            b++;
    size_t m = strlen(b);
    memcpy(buf + n, b, m);
    return n + m;
}

/* The product of a and b (each string of a followed by each of b) into
 * out, an exact set; 0 when one of its strings is too long for a literal,
 * or memory ran out (P->fail), and then out holds nothing. */
static int sg_pf_product(sg_pf_parser *P, const sg_strset *a, const sg_strset *b,
                         sg_pf_info *out)
{
    memset(out, 0, sizeof *out);
    out->exact = 1;
    sg_strix ix;
    sg_strix_init(&ix, a->n * b->n);
    for (size_t i = 0; i < a->n; i++)
        for (size_t j = 0; j < b->n; j++) {
            char buf[2 * SG_PF_MAX_LIT_BYTES + 1];
            size_t n = sg_pf_cat(a->v[i], b->v[j], buf), chars = 0;
            for (size_t k = 0; k < n; k++)
                chars += buf[k] != SG_PF_BOUND;
            int fits = n <= SG_PF_MAX_LIT_BYTES && chars <= SG_PF_MAX_LIT;
            if (!fits || !sg_strset_addix(&out->set, &ix, buf, n)) {
                P->fail |= fits;
                sg_pf_none(out);
                return 0;
            }
        }
    return 1;
}

/* Just past the group that opens at p, or NULL when the parser would not
 * know its syntax. */
static const unsigned char *sg_pf_group_end(const unsigned char *p)
{
    int depth = 0;
    while (*p) {
        if (*p == '\\') {
            if (!p[1] || p[1] == 'Q')
                return NULL;
            p += 2;
        } else if (*p == '[') {
            p++;
            if (*p == '^')
                p++;
            if (*p == ']')
                p++;
            while (*p && *p != ']')
                p += *p == '\\' && p[1] ? 2 : 1;
            if (!*p)
                return NULL;
            p++;
        } else if (p[0] == '(' && p[1] == '?' && p[2] == '#') {
            while (*p && *p != ')') /* a comment: up to the first ')' */
                p++;
            if (!*p)
                return NULL;
            p++;
            if (!depth)
                return p;
        } else if (*p == '(') {
            depth++;
            p++;
        } else if (*p == ')') {
            p++;
            if (!--depth)
                return p;
        } else {
            p++;
        }
    }
    return NULL;
}

/* Whether a word boundary always holds at p, where a group ends (NULL: not
 * known): the group matches at most once, and \b follows it, or the end of
 * a sequence that a boundary follows (rctx). */
static int sg_pf_bound_after(const unsigned char *p, int rctx)
{
    if (!p)
        return 0;
    if (*p == '?')
        p += p[1] == '?' || p[1] == '+' ? 2 : 1;
    else if (*p == '*' || *p == '+' || *p == '{')
        return 0;
    if (p[0] == '\\' && p[1] == 'b')
        return 1;
    return rctx && (!*p || *p == '|' || *p == ')');
}

/* Whether every string of s ends with a word boundary or a byte of no word
 * character. */
static int sg_pf_ends_bound(const sg_strset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        size_t n = strlen(s->v[i]);
        if (!n || (s->v[i][n - 1] != SG_PF_BOUND && sg_pf_isword((unsigned char)s->v[i][n - 1])))
            return 0;
    }
    return s->n > 0;
}

/* A sequence of atoms up to '|', ')' or the end.  P->ctx: a word boundary
 * holds before it. */
static void sg_pf_seq(sg_pf_parser *P, sg_pf_info *out)
{
    sg_pf_info run, best;
    memset(out, 0, sizeof *out);
    memset(&best, 0, sizeof best);
    int exact = 1, rctx = P->rctx;
    size_t all = 0; /* every piece's formula: a match holds them all */
    char bound = SG_PF_BOUND;
    if (!sg_pf_exact1(&run, &bound, P->ctx ? 1 : 0)) {
        P->fail = 1;
        return;
    }
    for (;;) {
        sg_pf_info x;
        /* a group right after a boundary (or a byte of no word character)
         * has one before each branch, where it matches once; one right
         * before a boundary has one after each */
        const unsigned char *at = P->p;
        P->ctx = sg_pf_ends_bound(&run.set);
        P->rctx = *at == '(' && sg_pf_bound_after(sg_pf_group_end(at), rctx);
        int ctx = P->ctx;
        int more = sg_pf_atom(P, &x);
        P->ctx = P->rctx = 0;
        if (!more || P->fail) {
            sg_pf_none(&x);
            break;
        }
        long min, max;
        int q = sg_pf_quant(P, &min, &max);
        if (q > 0 && ctx && *at == '(' && (max < 0 || max > 1)) {
            sg_pf_none(&x);
            P->p = at;
            if (!sg_pf_atom(P, &x) || P->fail) {
                sg_pf_none(&x);
                break;
            }
            q = sg_pf_quant(P, &min, &max);
        }
        if (q < 0) {
            P->fail = 1;
            sg_pf_none(&x);
            break;
        }
        if (q)
            sg_pf_repeat(P, &x, min, max);
        if (P->fail) {
            sg_pf_none(&x);
            break;
        }
        sg_pf_info prod;
        if (x.exact && run.set.n * x.set.n <= SG_PF_MAX_SET &&
            sg_pf_product(P, &run.set, &x.set, &prod)) {
            sg_pf_none(&run);
            sg_pf_none(&x);
            run = prod;
        } else if (x.exact) {
            exact = 0;
            all = sg_pf_join(P, SG_PF_AND, all, sg_pf_formula(P, &run));
            sg_pf_consider(&best, &run);
            run = x;
        } else {
            exact = 0;
            all = sg_pf_join(P, SG_PF_AND, all, sg_pf_formula(P, &run));
            all = sg_pf_join(P, SG_PF_AND, all, sg_pf_formula(P, &x));
            sg_pf_consider(&best, &run);
            if (x.req)
                sg_pf_consider(&best, &x);
            sg_pf_none(&x);
            if (!sg_pf_exact1(&run, "", 0))
                P->fail = 1;
        }
        if (P->fail)
            break;
    }
    if (P->fail) {
        sg_pf_none(&run);
        sg_pf_none(&best);
        memset(out, 0, sizeof *out);
        return;
    }
    if (rctx) {
        /* the boundary after the sequence ends its last literals */
        char mark[] = {SG_PF_BOUND, 0};
        sg_strset b = {(char *[]){mark}, 1, 1};
        sg_pf_info tail;
        if (sg_pf_product(P, &run.set, &b, &tail)) {
            sg_pf_none(&run);
            run = tail;
        }
    }
    if (exact) {
        sg_pf_none(&best);
        *out = run;
        return;
    }
    all = sg_pf_join(P, SG_PF_AND, all, sg_pf_formula(P, &run));
    sg_pf_consider(&best, &run);
    *out = best;
    out->f = all;
}

/* Alternatives up to ')' or the end. */
static void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out)
{
    sg_strset ex = {0}, rq = {0};
    sg_strix exix, rqix;
    sg_strix_init(&exix, SG_PF_MAX_SET);
    sg_strix_init(&rqix, SG_PF_MAX_REQ);
    int all_exact = 1, all_req = 1, some_true = 0, first = 1;
    int ctx = P->ctx, rctx = P->rctx;
    size_t any = 0; /* a match satisfies one branch's formula */
    /* the first group's branches: their gates are taken as they come */
    sg_pf_branches *br = P->br && !P->br->done && P->depth == 1 ? P->br : NULL;
    if (br) {
        br->done = 1;
        br->ctx = ctx;
        br->rctx = rctx;
    }
    for (;;) {
        sg_pf_info b = {0};
        const unsigned char *at = P->p;
        P->ctx = ctx;
        P->rctx = rctx;
        sg_pf_seq(P, &b);
        if (P->fail) {
            sg_pf_none(&b);
            break;
        }
        size_t fb = sg_pf_formula(P, &b);
        /* as the branch alone would have it: unless the pattern's nodes ran
         * short (or may have, for the branch alone with a few more) */
        if (br && (br->n == br->max || P->nn + 4 >= SG_PF_MAX_NODES ||
                   !sg_gate_make(P, fb, &br->gate[br->n], 1)))
            br = NULL;
        if (br)
            br->at[br->n++] = (size_t)(at - br->src);
        if (!fb)
            some_true = 1;
        else
            any = first ? fb : sg_pf_join(P, SG_PF_OR, any, fb);
        first = 0;
        if (b.exact) {
            for (size_t i = 0; i < b.set.n && all_exact; i++)
                if (ex.n >= SG_PF_MAX_SET)
                    all_exact = 0;
                else if (!sg_strset_addix(&ex, &exix, b.set.v[i], strlen(b.set.v[i])))
                    P->fail = 1;
            sg_pf_to_req(&b);
        } else {
            all_exact = 0;
        }
        if (b.req) {
            for (size_t i = 0; i < b.set.n && all_req; i++)
                if (rq.n >= SG_PF_MAX_REQ)
                    all_req = 0;
                else if (!sg_strset_addix(&rq, &rqix, b.set.v[i], strlen(b.set.v[i])))
                    P->fail = 1;
        } else {
            all_req = 0;
        }
        sg_pf_none(&b);
        if (P->fail || *P->p != '|')
            break;
        P->p++;
    }
    memset(out, 0, sizeof *out);
    if (!P->fail && all_exact) {
        out->exact = 1;
        out->set = ex;
        sg_strset_free(&rq);
    } else if (!P->fail && all_req) {
        out->exact = 1; /* to drop members that hold others */
        out->set = rq;
        sg_pf_to_req(out);
        sg_strset_free(&ex);
    } else {
        sg_strset_free(&ex);
        sg_strset_free(&rq);
    }
    out->f = P->fail || some_true ? 0 : any;
}

static void sg_gate_free(sg_gate *g)
{
    for (size_t i = 0; i < g->nsets; i++)
        sg_strset_free(&g->sets[i]);
    free(g->sets);
    free(g->nodes);
    free(g->kids);
    memset(g, 0, sizeof *g);
}

/* Literal s as the automaton looks for it, in place: a word boundary before
 * a word character at the start, or after one at the end, becomes ' ' (the
 * automaton takes every byte that is no word character for a space, and a
 * sentence as having one before and after it); any other boundary either
 * always holds there or is let go.  Never longer; never empty unless s holds
 * no character. */
static void sg_pf_symbols(char *s)
{
    size_t w = 0, i = 0, n = strlen(s);
    while (i < n) {
        if (s[i] != SG_PF_BOUND) {
            s[w++] = s[i++];
            continue;
        }
        size_t j = i;
        while (j < n && s[j] == SG_PF_BOUND)
            j++;
        if ((!i && j < n && sg_pf_isword((unsigned char)s[j])) ||
            (i && j == n && sg_pf_isword((unsigned char)s[i - 1])))
            s[w++] = ' ';
        i = j;
    }
    s[w] = 0;
}

/* Copy formula `id` into g at node `at` (reserved by the caller), moving
 * the leaves' sets (with `copy`, copying them), their literals as the
 * automaton looks for them.  0 on OOM. */
static int sg_gate_put(sg_pf_parser *P, size_t id, sg_gate *g, size_t at, int copy)
{
    sg_pf_node *x = &P->nodes[id - 1];
    if (x->op == SG_PF_LEAF) {
        g->nodes[at] = (sg_gnode){SG_PF_LEAF, (uint32_t)g->nsets, 0, 0};
        sg_strset *set = &g->sets[g->nsets++];
        if (copy) {
            set->v = malloc(x->set.n * sizeof *set->v);
            if (!set->v)
                return 0;
            set->cap = x->set.n;
            for (; set->n < x->set.n; set->n++) {
                const char *m = x->set.v[set->n];
                if (!(set->v[set->n] = sg_strndup(m, strlen(m))))
                    return 0;
            }
        } else {
            *set = x->set;
            memset(&x->set, 0, sizeof x->set);
        }
        for (size_t i = 0; i < set->n; i++)
            sg_pf_symbols(set->v[i]);
        return 1;
    }
    size_t k0 = g->nkids;
    g->nodes[at] = (sg_gnode){(uint32_t)x->op, (uint32_t)k0, (uint32_t)x->nkids, 0};
    g->nkids += x->nkids;
    for (size_t i = 0; i < x->nkids; i++)
        g->kids[k0 + i] = (uint32_t)g->nnodes++;
    for (size_t i = 0; i < x->nkids; i++)
        if (!sg_gate_put(P, x->kids[i], g, g->kids[k0 + i], copy))
            return 0;
    return 1;
}

/* Fold the leaf kids of sets 0 to 63 into their parents' `leaves`: a gate
 * then mostly holds or fails on one test of a word of the verdict. */
static void sg_gate_fold(sg_gate *g)
{
    for (size_t i = 0; i < g->nnodes; i++) {
        sg_gnode *x = &g->nodes[i];
        if (x->op == SG_PF_LEAF)
            continue;
        uint32_t w = x->a;
        for (uint32_t k = 0; k < x->n; k++) {
            const sg_gnode *y = &g->nodes[g->kids[x->a + k]];
            if (y->op == SG_PF_LEAF && y->a < 64)
                x->leaves |= (uint64_t)1 << y->a;
            else
                g->kids[w++] = g->kids[x->a + k];
        }
        x->n = w - x->a;
    }
}

/* The nodes of formula `id`. */
static size_t sg_pf_size(const sg_pf_parser *P, size_t id)
{
    const sg_pf_node *x = &P->nodes[id - 1];
    size_t n = 1;
    for (size_t i = 0; x->op != SG_PF_LEAF && i < x->nkids; i++)
        n += sg_pf_size(P, x->kids[i]);
    return n;
}

/* Gate g of formula f (0: no sets), the leaves' sets moved out of the
 * formula, or with `copy` copied.  0 on OOM, and then g has no sets. */
static int sg_gate_make(sg_pf_parser *P, size_t f, sg_gate *g, int copy)
{
    memset(g, 0, sizeof *g);
    if (!f)
        return 1;
    /* a tree of n nodes, and as many kids and leaves at most */
    size_t n = copy ? sg_pf_size(P, f) : P->nn;
    g->sets = calloc(n, sizeof *g->sets);
    g->nodes = calloc(n, sizeof *g->nodes);
    g->kids = calloc(n, sizeof *g->kids);
    g->nnodes = 1;
    if (!g->sets || !g->nodes || !g->kids || !sg_gate_put(P, f, g, 0, copy)) {
        sg_gate_free(g);
        return 0;
    }
    sg_gate_fold(g);
    return 1;
}

/* Literals one of which every match of `pattern` contains: 1 and `out`
 * filled, or 0 when they cannot be known (or memory ran out).  `gate` gets
 * the fuller formula: every piece of a sequence, every branch of an
 * alternation (no sets when nothing is known).  With `br`, the gates of
 * the branches of the group the pattern opens with (sg_pf_branches). */
static int sg_pf_literals(const char *pattern, sg_strset *out, sg_gate *gate,
                          sg_pf_branches *br)
{
    sg_pf_parser P;
    memset(&P, 0, sizeof P);
    P.p = (const unsigned char *)pattern;
    P.br = br;
    memset(gate, 0, sizeof *gate);
    sg_pf_info x;
    sg_pf_alt(&P, &x);
    if (P.fail || *P.p) {
        sg_pf_none(&x);
        sg_pf_nodes_free(&P);
        return 0;
    }
    sg_gate_make(&P, sg_pf_formula(&P, &x), gate, 0);
    sg_pf_nodes_free(&P);
    sg_pf_to_req(&x);
    if (!x.req) {
        sg_pf_none(&x);
        return 0;
    }
    /* the word boundaries are the automaton's business: the literals a
     * match holds are their characters */
    sg_pf_info y;
    memset(&y, 0, sizeof y);
    y.exact = 1;
    sg_strix ix;
    sg_strix_init(&ix, x.set.n);
    for (size_t i = 0; i < x.set.n && y.exact; i++) {
        char buf[SG_PF_MAX_LIT_BYTES + 1];
        size_t n = 0;
        for (const char *c = x.set.v[i]; *c && n < sizeof buf; c++)
            if (*c != SG_PF_BOUND)
                buf[n++] = *c;
        if (!sg_strset_addix(&y.set, &ix, buf, n))
            y.exact = 0;
    }
    sg_pf_none(&x);
    sg_pf_to_req(&y);
    if (!y.req) {
        sg_pf_none(&y);
        return 0;
    }
    *out = y.set;
    return 1;
}

/* Literals for a rule: the union over its patterns, or 0 (always runs). */
static int sg_rule_literals(const sg_ruleset *rs, const sg_pat_list *pats, sg_strset *out)
{
    sg_pf_info all;
    memset(&all, 0, sizeof all);
    sg_strix ix;
    sg_strix_init(&ix, SG_PF_MAX_REQ);
    for (size_t i = 0; i < pats->n; i++) {
        const sg_strset *s = &rs->pats[pats->u[i]].lits;
        if (!s->n) {
            sg_strset_free(&all.set);
            return 0;
        }
        for (size_t k = 0; k < s->n; k++)
            if (all.set.n >= SG_PF_MAX_REQ ||
                !sg_strset_addix(&all.set, &ix, s->v[k], strlen(s->v[k]))) {
                sg_strset_free(&all.set);
                return 0;
            }
    }
    all.exact = 1;
    sg_pf_to_req(&all);
    if (!all.req)
        return 0;
    *out = all.set;
    return 1;
}

/* The automaton: one pass over a sentence sets the bit of every literal set
 * (of every pattern's gate) one of whose literals occurs in it. */
struct sg_prefilter {
    size_t nrules;        /* rules [0, nrules) were considered */
    size_t words;         /* uint64_t per verdict: one bit per literal set */
    uint8_t cls[256];     /* byte -> symbol class (0: in no literal) */
    size_t ncls;
    uint16_t *go;         /* [state * ncls + class] -> state, | SG_PF_HIT */
    uint32_t *out;        /* per state: index into outs, or 0 */
    uint32_t *outs;       /* at an index: a count, then that many bits to set */
    uint8_t *depth;       /* per state: the bytes of the literal prefix it stands for */
    uint64_t *always;     /* patterns that run whatever the sentence holds */
    uint32_t *owner;      /* per verdict bit: the pattern whose gate has it */
    uint32_t nbits;       /* verdict bits of the gates */
    size_t pwords;        /* uint64_t per set of patterns */
    size_t maxlen;        /* bytes in the longest literal */
    uint64_t *prules;     /* per pattern, rwords words: the rules it is a pattern of */
    uint64_t *arules;     /* rwords words: the rules of the patterns in `always` */
    size_t rwords;        /* uint64_t per set of rules [0, nrules) */
};

static void sg_prefilter_free(sg_prefilter *pf)
{
    if (!pf)
        return;
    free(pf->go);
    free(pf->out);
    free(pf->outs);
    free(pf->depth);
    free(pf->always);
    free(pf->owner);
    free(pf->prules);
    free(pf->arules);
    free(pf);
}

/* The pattern lists of a rule: its patterns first, then its conditions. */
static const sg_pat_list *sg_rule_list(const sg_rule *r, size_t k)
{
    const sg_pat_list *l[] = {&r->patterns, &r->requires, &r->unless,
                              &r->lower_if, &r->major_if, &r->minor_if};
    return k < sizeof l / sizeof *l ? l[k] : NULL;
}

/* A growable list of verdict bits, one per automaton state. */
typedef struct sg_pf_bits {
    uint32_t *v;
    size_t n, cap;
} sg_pf_bits;

static int sg_pf_bits_add(sg_pf_bits *b, uint32_t bit)
{
    for (size_t i = 0; i < b->n; i++)
        if (b->v[i] == bit)
            return 1;
    return SG_VEC_PUSH(b->v, b->n, b->cap, bit);
}

/* The index of the lowest set bit of m (not 0). */
static size_t sg_ctz64(uint64_t m)
{
#if defined(__GNUC__)
    return (size_t)__builtin_ctzll(m);
#else
    size_t i = 0;
    while (!(m & 1)) {
        m >>= 1;
        i++;
    }
    return i;
#endif
}

static sg_prefilter *sg_prefilter_build(const sg_ruleset *rs)
{
    sg_prefilter *pf = calloc(1, sizeof *pf);
    if (!pf)
        return NULL;
    pf->nrules = rs->n;
    pf->nbits = rs->nbits;
    pf->words = rs->nbits / 64 + 1;
    pf->pwords = (rs->npats + 63) / 64 + 1;
    pf->always = calloc(pf->pwords, sizeof *pf->always);
    pf->owner = calloc(rs->nbits + 1, sizeof *pf->owner);
    pf->rwords = rs->n / 64 + 1;
    pf->prules = calloc(rs->npats * pf->rwords + 1, sizeof *pf->prules);
    if (!pf->always || !pf->owner || !pf->prules) {
        sg_prefilter_free(pf);
        return NULL;
    }
    for (size_t r = 0; r < rs->n; r++)
        for (size_t i = 0; i < rs->rules[r].patterns.n; i++) {
            uint32_t u = rs->rules[r].patterns.u[i];
            pf->prules[u * pf->rwords + r / 64] |= (uint64_t)1 << (r % 64);
        }
    /* the patterns in the order their literals go in: the rules' own
     * patterns first (conditions run only after one matched), each followed
     * by its branches */
    size_t norder = 0, ocap = 0;
    uint32_t *order = NULL;
    int oom = 0;
    for (size_t k = 0; k < 6 && !oom; k++)
        for (size_t r = 0; r < rs->n && !oom; r++) {
            const sg_pat_list *l = sg_rule_list(&rs->rules[r], k);
            for (size_t i = 0; i < l->n && !oom; i++) {
                const sg_upat *x = &rs->pats[l->u[i]];
                oom = !SG_VEC_PUSH(order, norder, ocap, l->u[i]);
                for (size_t b = 0; b < x->nbr && !oom; b++)
                    oom = !SG_VEC_PUSH(order, norder, ocap, x->br[b]);
            }
        }
    if (oom) {
        free(order);
        sg_prefilter_free(pf);
        return NULL;
    }
    /* symbol classes: one for the bytes of no word character (a word
     * boundary in a literal is one of them), one per word character that
     * occurs in a literal, and class 0 for the other word characters */
    pf->ncls = SG_PF_SEP + 1;
    for (size_t c = 0; c < 256; c++)
        if (!sg_pf_isword((unsigned char)c))
            pf->cls[c] = SG_PF_SEP;
    for (size_t o = 0; o < norder; o++)
        for (size_t j = 0; j < rs->pats[order[o]].gate.nsets; j++) {
            const sg_strset *set = &rs->pats[order[o]].gate.sets[j];
            for (size_t m = 0; m < set->n; m++)
                for (const unsigned char *p = (const unsigned char *)set->v[m]; *p; p++)
                    if (!pf->cls[*p]) {
                        pf->cls[*p] = (uint8_t)pf->ncls;
                        if (*p >= 'a' && *p <= 'z')
                            pf->cls[*p - 32] = (uint8_t)pf->ncls;
                        pf->ncls++;
                    }
        }
    /* the trie, 0xFFFF where there is no edge yet; a pattern whose literals
     * would take it past SG_PF_MAX_STATES runs on every sentence */
    size_t cap = 256, n = 1;
    pf->go = malloc(cap * pf->ncls * sizeof *pf->go);
    sg_pf_bits *acc = calloc(cap, sizeof *acc);
    oom = !pf->go || !acc;
    if (!oom)
        memset(pf->go, 0xFF, cap * pf->ncls * sizeof *pf->go);
    uint8_t *done = calloc(rs->npats + 1, 1); /* patterns already in */
    oom |= !done;
    for (size_t o = 0; o < norder && !oom; o++) {
        uint32_t u = order[o];
        const sg_gate *g = &rs->pats[u].gate;
        if (done[u])
            continue;
        done[u] = 1;
        size_t need = 0;
        for (size_t j = 0; j < g->nsets; j++)
            for (size_t m = 0; m < g->sets[j].n; m++) {
                size_t st = 0;
                const unsigned char *p = (const unsigned char *)g->sets[j].v[m];
                for (; *p && pf->go[st * pf->ncls + pf->cls[*p]] != 0xFFFF; p++)
                    st = pf->go[st * pf->ncls + pf->cls[*p]];
                need += strlen((const char *)p);
            }
        if (!g->nsets || n + need > SG_PF_MAX_STATES) {
            pf->always[u / 64] |= (uint64_t)1 << (u % 64);
            continue;
        }
        if (n + need > cap) {
            size_t ncap = cap;
            while (n + need > ncap)
                ncap *= 2;
            uint16_t *go = realloc(pf->go, ncap * pf->ncls * sizeof *go);
            if (go)
                pf->go = go;
            sg_pf_bits *acc2 = go ? realloc(acc, ncap * sizeof *acc2) : NULL;
            if (!acc2) {
                oom = 1;
                break;
            }
            acc = acc2;
            memset(pf->go + cap * pf->ncls, 0xFF,
                   (ncap - cap) * pf->ncls * sizeof *go);
            memset(acc + cap, 0, (ncap - cap) * sizeof *acc);
            cap = ncap;
        }
        for (size_t j = 0; j < g->nsets; j++)
            pf->owner[g->bit0 + j] = u;
        for (size_t j = 0; j < g->nsets && !oom; j++)
            for (size_t m = 0; m < g->sets[j].n && !oom; m++) {
                size_t st = 0;
                for (const unsigned char *p = (const unsigned char *)g->sets[j].v[m];
                     *p; p++) {
                    uint16_t *e = &pf->go[st * pf->ncls + pf->cls[*p]];
                    if (*e == 0xFFFF)
                        *e = (uint16_t)n++;
                    st = *e;
                }
                if (strlen(g->sets[j].v[m]) > pf->maxlen)
                    pf->maxlen = strlen(g->sets[j].v[m]);
                oom = !sg_pf_bits_add(&acc[st], g->bit0 + (uint32_t)j);
            }
    }
    free(done);
    free(order);
    /* breadth first: fail links, complete transitions, inherited outputs */
    uint32_t *fail = oom ? NULL : calloc(n, sizeof *fail);
    uint32_t *queue = oom ? NULL : malloc(n * sizeof *queue);
    uint32_t *depth = oom ? NULL : calloc(n, sizeof *depth); /* not bytes: they alias go */
    pf->depth = oom ? NULL : malloc(n * sizeof *pf->depth);
    oom |= !fail || !queue || !depth || !pf->depth;
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < pf->ncls && !oom; c++) {
        uint16_t *e = &pf->go[c];
        if (*e == 0xFFFF) {
            *e = 0;
        } else {
            fail[*e] = 0;
            depth[*e] = 1;
            queue[qt++] = *e;
        }
    }
    while (qh < qt && !oom) {
        uint32_t st = queue[qh++];
        for (size_t i = 0; i < acc[fail[st]].n && !oom; i++)
            oom = !sg_pf_bits_add(&acc[st], acc[fail[st]].v[i]);
        for (size_t c = 0; c < pf->ncls; c++) {
            uint16_t *e = &pf->go[st * pf->ncls + c];
            uint16_t via_fail = pf->go[fail[st] * pf->ncls + c];
            if (*e == 0xFFFF) {
                *e = via_fail;
            } else {
                fail[*e] = via_fail;
                depth[*e] = depth[st] + 1;
                queue[qt++] = *e;
            }
        }
    }
    for (size_t st = 0; st < n && !oom; st++)
        pf->depth[st] = depth[st] > UINT8_MAX ? UINT8_MAX : (uint8_t)depth[st];
    free(fail);
    free(queue);
    free(depth);
    /* each edge says whether its target has outputs: a scan reads only `go` */
    uint16_t *hit = oom ? NULL : malloc(n * sizeof *hit);
    oom |= !hit;
    for (size_t st = 0; st < n && !oom; st++)
        hit[st] = acc[st].n ? SG_PF_HIT : 0;
    for (size_t e = 0; e < n * pf->ncls && !oom; e++)
        pf->go[e] |= hit[pf->go[e]];
    free(hit);
    /* the output lists, packed; index 0 means none */
    size_t total = 1;
    for (size_t st = 0; st < n && !oom; st++)
        total += acc[st].n ? acc[st].n + 1 : 0;
    if (!oom) {
        pf->out = calloc(n, sizeof *pf->out);
        pf->outs = malloc(total * sizeof *pf->outs);
        oom = !pf->out || !pf->outs;
    }
    size_t at = 1;
    for (size_t st = 0; st < n && !oom; st++) {
        if (!acc[st].n)
            continue;
        pf->out[st] = (uint32_t)at;
        pf->outs[at++] = (uint32_t)acc[st].n;
        memcpy(&pf->outs[at], acc[st].v, acc[st].n * sizeof *pf->outs);
        at += acc[st].n;
    }
    for (size_t st = 0; acc && st < n; st++)
        free(acc[st].v);
    free(acc);
    pf->arules = oom ? NULL : calloc(pf->rwords, sizeof *pf->arules);
    oom |= !pf->arules;
    for (size_t w = 0; w < pf->pwords && !oom; w++)
        for (uint64_t m = pf->always[w]; m; m &= m - 1) {
            const uint64_t *pr = &pf->prules[(w * 64 + sg_ctz64(m)) * pf->rwords];
            for (size_t r = 0; r < pf->rwords; r++)
                pf->arules[r] |= pr[r];
        }
    if (oom) {
        sg_prefilter_free(pf);
        return NULL;
    }
    return pf;
}

/* Set the verdict bits of the states in hits[0, n). */
static void sg_pf_flush(const sg_prefilter *pf, const uint16_t *hits, size_t n, uint64_t *mask)
{
    for (size_t h = 0; h < n; h++) {
        const uint32_t *l = &pf->outs[pf->out[hits[h]]];
        for (uint32_t k = 1; k <= l[0]; k++)
            mask[l[k] / 64] |= (uint64_t)1 << (l[k] % 64);
    }
}

#define SG_PF_STREAMS 4 /* pieces of a sentence scanned side by side */
#define SG_PF_HITBUF 256

/* One step of the automaton on stream k: the next state, and that state put
 * in the hit buffer, which keeps it only when it has outputs. */
#define SG_PF_STEP(k, c)                                                         \
    do {                                                                         \
        unsigned e_ = go[st[k] * ncls + cls[c]];                                 \
        st[k] = e_ & ~SG_PF_HIT;                                                 \
        hits[nh] = (uint16_t)st[k];                                              \
        nh += e_ >> 15;                                                          \
    } while (0)

/* A step on the space the automaton takes a sentence to have before and
 * after it (a word boundary there holds): the next state. */
static size_t sg_pf_edge(const sg_prefilter *pf, size_t st, uint64_t *mask)
{
    unsigned e = pf->go[st * pf->ncls + SG_PF_SEP];
    uint16_t t = (uint16_t)(e & ~SG_PF_HIT);
    if (e & SG_PF_HIT)
        sg_pf_flush(pf, &t, 1, mask);
    return t;
}

/* Run the automaton over text[0, n) cut into `k` pieces of one length, one
 * step of each in turn: a sentence's transitions are mostly cache misses,
 * and the pieces' misses overlap where one stream's would wait in line.
 * Hits are buffered, not branched on: whether a state has outputs is not
 * predictable.  An occurrence that starts in a piece and ends past it is
 * found by that piece's stream going on alone, for as long as the literal
 * prefix its state stands for began before the next piece: past that, any
 * occurrence starts in the next piece, whose stream finds it.  That is a
 * byte or two at most places, where neighbours overlapping by the longest
 * literal took every stream that many bytes further. */
static void sg_pf_streams(const sg_prefilter *pf, const unsigned char *text, size_t n,
                          size_t k, uint64_t *mask)
{
    const uint16_t *go = pf->go;
    const uint8_t *cls = pf->cls;
    size_t ncls = pf->ncls;
    size_t len = (n + k - 1) / k;
    const unsigned char *p[SG_PF_STREAMS];
    size_t st[SG_PF_STREAMS] = {0};
    for (size_t j = 0; j < k; j++) /* the last one ends at n, none past it */
        p[j] = text + (j + 1 == k || j * len > n - len ? n - len : j * len);
    st[0] = sg_pf_edge(pf, 0, mask);
    uint16_t hits[SG_PF_HITBUF];
    for (size_t i = 0; i < len;) {
        size_t nh = 0, stop = i + SG_PF_HITBUF / SG_PF_STREAMS;
        if (stop > len)
            stop = len;
        if (k == 4) {
            for (; i < stop; i++) {
                SG_PF_STEP(0, p[0][i]);
                SG_PF_STEP(1, p[1][i]);
                SG_PF_STEP(2, p[2][i]);
                SG_PF_STEP(3, p[3][i]);
            }
        } else if (k == 2) {
            for (; i < stop; i++) {
                SG_PF_STEP(0, p[0][i]);
                SG_PF_STEP(1, p[1][i]);
            }
        } else {
            for (; i < stop; i++)
                SG_PF_STEP(0, p[0][i]);
        }
        sg_pf_flush(pf, hits, nh, mask);
    }
    for (size_t j = 0; j + 1 < k; j++) {
        /* the prefix that ends at byte `at` - 1 began `depth` bytes before */
        const unsigned char *at = p[j] + len, *next = p[j + 1], *end = text + n;
        for (; at < end && pf->depth[st[j]] > (size_t)(at - next); at++) {
            unsigned e = go[st[j] * ncls + cls[*at]];
            uint16_t t = (uint16_t)(e & ~SG_PF_HIT);
            st[j] = t;
            if (e & SG_PF_HIT)
                sg_pf_flush(pf, &t, 1, mask);
        }
        if (at == end) /* not reached: a literal is no longer than a piece */
            sg_pf_edge(pf, st[j], mask);
    }
    sg_pf_edge(pf, st[k - 1], mask);
}

/* Whether text holds KELVIN SIGN or LATIN SMALL LETTER LONG S, which
 * caseless matching equates with k and s although their bytes differ. */
static int sg_pf_bail(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text, *end = s + n;
    for (const unsigned char *p = s; (p = memchr(p, 0xC5, (size_t)(end - p))); p++)
        if (p + 1 < end && p[1] == 0xBF)
            return 1;
    for (const unsigned char *p = s; (p = memchr(p, 0x84, (size_t)(end - p))); p++)
        if (p > s && p[-1] == 0xE2 && p + 1 < end && p[1] == 0xAA)
            return 1;
    return 0;
}

/* Which literal sets occur in `text`: fills mask (pf->words words), cand
 * (pf->pwords words) with the patterns whose gate has one of them, and
 * rlive (pf->rwords words) with the rules one of whose patterns is in cand
 * or runs always, both from the sets found, in one pass.  0 when the text holds a character that caseless matching
 * equates with an ASCII letter although its bytes differ (KELVIN SIGN,
 * LATIN SMALL LETTER LONG S): then every pattern runs. */
static int sg_prefilter_scan(const sg_prefilter *pf, const char *text, size_t n,
                             uint64_t *mask, uint64_t *cand, uint64_t *rlive)
{
    if (sg_pf_bail(text, n))
        return 0;
    memset(mask, 0, pf->words * sizeof *mask);
    /* a piece shorter than a few overlaps is mostly overlap */
    size_t k = pf->maxlen >= UINT8_MAX ? 1 : n >= 4 * pf->maxlen ? 4 : n >= 2 * pf->maxlen ? 2 : 1;
    sg_pf_streams(pf, (const unsigned char *)text, n, k, mask);
    memset(cand, 0, pf->pwords * sizeof *cand);
    memcpy(rlive, pf->arules, pf->rwords * sizeof *rlive);
    for (size_t w = 0; w < pf->words; w++)
        for (uint64_t m = mask[w]; m; m &= m - 1) {
            size_t bit = w * 64 + sg_ctz64(m);
            if (bit >= pf->nbits)
                continue;
            uint32_t u = pf->owner[bit];
            cand[u / 64] |= (uint64_t)1 << (u % 64);
            const uint64_t *pr = &pf->prules[u * pf->rwords];
            rlive[0] |= pr[0]; /* up to 64 rules, as the default pack has */
            for (size_t r = 1; r < pf->rwords; r++)
                rlive[r] |= pr[r];
        }
    return 1;
}

static void sg_match_ctx_destroy(sg_match_ctx *mc)
{
    if (!mc)
        return;
    pcre2_match_data_free(mc->md);
    pcre2_match_context_free(mc->mctx);
    if (mc->stack)
        pcre2_jit_stack_free(mc->stack);
    free(mc->mask);
    free(mc->cand);
    free(mc->rlive);
    free(mc->seen);
    free(mc->res);
    free(mc->rs_start);
    free(mc->rs_end);
    free(mc);
}

/* The rules or the prefilter changed: match contexts made before are let go
 * when freed. */
static void sg_rules_changed(sg_ruleset *rs)
{
    rs->version++;
    sg_match_ctx_destroy(rs->spare);
    rs->spare = NULL;
}

void sg_rules_set_prefilter(sg_ruleset *rs, int on)
{
    if (rs) {
        rs->pf_off = !on;
        sg_rules_changed(rs);
    }
}

size_t sg_rules_literals(const sg_ruleset *rs, size_t rule, const char *const **lits)
{
    if (!rs || rule >= rs->n || !rs->rules[rule].gated) {
        *lits = NULL;
        return (size_t)-1;
    }
    *lits = (const char *const *)rs->rules[rule].lits.v;
    return rs->rules[rule].lits.n;
}

sg_ruleset *sg_rules_new(void)
{
    sg_ruleset *rs = calloc(1, sizeof *rs);
    if (rs)
        rs->max_ovec = 1;
    return rs;
}

static void sg_pat_list_free(sg_pat_list *l)
{
    free(l->u);
    memset(l, 0, sizeof *l);
}

static void sg_rule_free(sg_rule *r)
{
    free(r->id);
    free(r->kind);
    free(r->source);
    sg_pat_list_free(&r->patterns);
    sg_pat_list_free(&r->requires);
    sg_pat_list_free(&r->unless);
    sg_pat_list_free(&r->lower_if);
    sg_pat_list_free(&r->major_if);
    sg_pat_list_free(&r->minor_if);
    sg_strset_free(&r->lits);
}

void sg_rules_free(sg_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++)
        sg_rule_free(&rs->rules[i]);
    free(rs->rules);
    for (size_t i = 0; i < rs->npats; i++) {
        free(rs->pats[i].src);
        pcre2_code_free(rs->pats[i].code);
        sg_strset_free(&rs->pats[i].lits);
        sg_gate_free(&rs->pats[i].gate);
        free(rs->pats[i].br);
    }
    free(rs->pats);
    free(rs->ptab);
    sg_prefilter_free(rs->pf);
    sg_match_ctx_destroy(rs->spare);
    free(rs);
}

size_t sg_rules_count(const sg_ruleset *rs) { return rs ? rs->n : 0; }

int sg_rules_has(const sg_ruleset *rs, const char *id)
{
    for (size_t i = 0; rs && id && i < rs->n; i++)
        if (!strcmp(rs->rules[i].id, id))
            return 1;
    return 0;
}

static char *sg_dup(const char *s) { return s ? sg_strndup(s, strlen(s)) : NULL; }

static uint32_t sg_pat_hash(const char *src, uint32_t opts)
{
    uint32_t h = 2166136261u ^ opts;
    for (const unsigned char *p = (const unsigned char *)src; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

/* The first of the patterns with source src and options opts (hash h), of
 * those that are not a branch unless `branch`; -1 when there is none.  In
 * the table, the patterns of one source come in the order they were added. */
static long sg_pat_find(const sg_ruleset *rs, const char *src, uint32_t opts, uint32_t h,
                        int branch)
{
    if (!rs->ptcap) {
        for (size_t k = 0; k < rs->npats; k++)
            if ((branch || !rs->pats[k].branch) && rs->pats[k].opts == opts &&
                !strcmp(rs->pats[k].src, src))
                return (long)k;
        return -1;
    }
    size_t mask = rs->ptcap - 1;
    for (size_t i = h & mask; rs->ptab[i]; i = (i + 1) & mask) {
        const sg_upat *x = &rs->pats[rs->ptab[i] - 1];
        if (x->hash == h && (branch || !x->branch) && x->opts == opts && !strcmp(x->src, src))
            return (long)rs->ptab[i] - 1;
    }
    return -1;
}

/* Enter the pattern added last into the table, which is kept at most half
 * full; when it cannot grow, it goes and searches are linear. */
static void sg_pat_index(sg_ruleset *rs)
{
    if (rs->ptab_failed)
        return;
    if (2 * rs->npats > rs->ptcap) {
        size_t cap = rs->ptcap ? 2 * rs->ptcap : 256;
        uint32_t *t = calloc(cap, sizeof *t);
        if (!t) {
            free(rs->ptab);
            rs->ptab = NULL;
            rs->ptcap = 0;
            rs->ptab_failed = 1;
            return;
        }
        free(rs->ptab);
        rs->ptab = t;
        rs->ptcap = cap;
        for (size_t k = 0; k + 1 < rs->npats; k++) {
            size_t i = rs->pats[k].hash & (cap - 1);
            while (t[i])
                i = (i + 1) & (cap - 1);
            t[i] = (uint32_t)k + 1;
        }
    }
    size_t i = rs->pats[rs->npats - 1].hash & (rs->ptcap - 1);
    while (rs->ptab[i])
        i = (i + 1) & (rs->ptcap - 1);
    rs->ptab[i] = (uint32_t)rs->npats;
}

static void sg_pattern_split(sg_ruleset *rs, uint32_t u, size_t pre, size_t post,
                             const size_t *at, size_t n, sg_pf_branches *known);

#define SG_MAX_BRANCHES 256

/* The index (*at) of `src` compiled with `opts` among rs->pats, compiled (and
 * its literals derived, and with `split` its branches) the first time it is
 * seen. */
static sg_status sg_pattern(sg_ruleset *rs, const sg_rule_def *def, const char *field,
                            size_t i, const char *src, uint32_t opts, int split,
                            uint32_t *at, sg_error *err)
{
    uint32_t h = sg_pat_hash(src, opts);
    long known = sg_pat_find(rs, src, opts, h, 0);
    if (known >= 0) {
        *at = (uint32_t)known;
        return SG_OK;
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED, opts, &ec, &eo,
                                  NULL);
    if (!c) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        sg_set_error(err, SG_ERR_RULE,
                     "%s%srule '%s': %s[%zu] is not a valid pattern: %s at "
                     "offset %zu",
                     def->source ? def->source : "", def->source ? ": " : "", def->id,
                     field, i + 1, (const char *)msg, (size_t)eo);
        return SG_ERR_RULE;
    }
    /* JIT where the platform has it; the interpreter otherwise */
    (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    sg_upat u;
    memset(&u, 0, sizeof u);
    u.src = sg_dup(src);
    u.opts = opts;
    u.code = c;
    u.hash = h;
    if (!u.src || !SG_VEC_PUSH(rs->pats, rs->npats, rs->patcap, u)) {
        free(u.src);
        pcre2_code_free(c);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory compiling rule '%s'", def->id);
        return SG_ERR_MEMORY;
    }
    sg_pat_index(rs);
    sg_upat *x = &rs->pats[rs->npats - 1];
    uint32_t cap = 0;
    pcre2_pattern_info(c, PCRE2_INFO_CAPTURECOUNT, &cap);
    if (cap + 1 > rs->max_ovec)
        rs->max_ovec = cap + 1;
    /* the branches' gates come with the pattern's when it may be split */
    size_t bat[SG_MAX_BRANCHES + 1], pre = 0, post = 0;
    size_t nb = split ? sg_pattern_branches(src, &pre, &post, bat, SG_MAX_BRANCHES) : 0;
    sg_pf_branches br;
    memset(&br, 0, sizeof br);
    br.src = (const unsigned char *)src;
    br.gate = nb ? calloc(nb, sizeof *br.gate) : NULL;
    br.at = nb ? calloc(nb, sizeof *br.at) : NULL;
    br.max = br.gate && br.at ? nb : 0;
    /* no literals (unknown syntax, or out of memory): always runs */
    if (!sg_pf_literals(src, &x->lits, &x->gate, br.max ? &br : NULL))
        memset(&x->lits, 0, sizeof x->lits);
    x->gate.bit0 = rs->nbits;
    rs->nbits += (uint32_t)x->gate.nsets;
    *at = (uint32_t)(rs->npats - 1);
    if (nb) {
        bat[nb] = post + 1; /* branch k is src[bat[k], bat[k + 1] - 1) */
        sg_pattern_split(rs, *at, pre, post, bat, nb, &br);
    }
    for (size_t k = 0; k < br.n; k++)
        sg_gate_free(&br.gate[k]);
    free(br.gate);
    free(br.at);
    return SG_OK;
}

/* Branches [k, j) of pattern src, split as sg_pattern_branches says, as one
 * pattern: the group's head, their text, the group's end. */
static char *sg_branch_src(const char *src, size_t pre, size_t post, const size_t *at,
                           size_t k, size_t j)
{
    size_t head = pre + 3, body = at[j] - 1 - at[k], tail = strlen(src + post);
    char *b = malloc(head + body + tail + 1);
    if (b) {
        memcpy(b, src, head);
        memcpy(b + head, src + at[k], body);
        memcpy(b + head + body, src + post, tail + 1);
    }
    return b;
}

/* The index (*at) of branch pattern `src` among rs->pats (taking `g`, its
 * gate): compiled on its first run (sg_branch_code), since most branches
 * never run in a short article.  0 on OOM. */
static int sg_branch_add(sg_ruleset *rs, char *src, uint32_t opts, sg_gate *g, uint32_t *at)
{
    uint32_t h = sg_pat_hash(src, opts);
    long k = sg_pat_find(rs, src, opts, h, 1);
    if (k >= 0) {
        free(src);
        sg_gate_free(g);
        *at = (uint32_t)k;
        return 1;
    }
    sg_upat u;
    memset(&u, 0, sizeof u);
    u.src = src;
    u.opts = opts;
    u.branch = 1;
    u.hash = h;
    u.gate = *g;
    u.gate.bit0 = rs->nbits;
    if (!SG_VEC_PUSH(rs->pats, rs->npats, rs->patcap, u)) {
        free(src);
        sg_gate_free(g);
        return 0;
    }
    memset(g, 0, sizeof *g); /* moved */
    sg_pat_index(rs);
    rs->nbits += (uint32_t)u.gate.nsets;
    *at = (uint32_t)(rs->npats - 1);
    return 1;
}

/* Split pattern u into its n top-level branches, which sg_pattern_branches
 * found (pre, post and at as it gives them, at[n] past the group's ')'),
 * their matches making its match.  Each branch's gate is the one `known`
 * took while the pattern was parsed, where it did, or else derived from the
 * branch alone.  A branch with no gate would run on every sentence the
 * pattern's gate lets through: a run of them is one pattern, with no gate.
 * When memory runs out, the pattern stays whole. */
static void sg_pattern_split(sg_ruleset *rs, uint32_t u, size_t pre, size_t post,
                             const size_t *at, size_t n, sg_pf_branches *known)
{
    char *src = sg_dup(rs->pats[u].src);
    uint32_t *br = calloc(n, sizeof *br);
    sg_gate *gate = calloc(n, sizeof *gate);
    size_t nbr = 0;
    int ok = src && br && gate;
    int same = known->ctx == (pre != 0) && known->rctx == (src && src[post + 1] != 0);
    for (size_t k = 0; k < n && ok; k++) {
        if (same && k < known->n && known->at[k] == at[k]) {
            gate[k] = known->gate[k];
            memset(&known->gate[k], 0, sizeof known->gate[k]); /* moved */
            continue;
        }
        char *b = sg_branch_src(src, pre, post, at, k, k + 1);
        sg_strset lits;
        memset(&lits, 0, sizeof lits);
        if (b)
            sg_pf_literals(b, &lits, &gate[k], NULL);
        sg_strset_free(&lits);
        free(b);
        ok = b != NULL;
    }
    uint32_t opts = rs->pats[u].opts;
    for (size_t k = 0, j; k < n && ok; k = j) {
        j = k + 1;
        while (!gate[k].nsets && j < n && !gate[j].nsets)
            j++;
        if (!k && j == n) {
            ok = 0; /* no branch has a gate: the pattern is one run */
            break;
        }
        char *b = sg_branch_src(src, pre, post, at, k, j);
        ok = b && sg_branch_add(rs, b, opts, &gate[k], &br[nbr++]);
    }
    if (ok) {
        rs->pats[u].br = br;
        rs->pats[u].nbr = nbr;
    } else {
        free(br);
    }
    for (size_t k = 0; gate && k < n; k++)
        sg_gate_free(&gate[k]);
    free(gate);
    free(src);
}

static sg_status sg_compile_list(sg_ruleset *rs, const sg_rule_def *def,
                                 const char *field, const char *const *pats,
                                 sg_pat_list *out, sg_error *err)
{
    size_t n = 0;
    while (pats && pats[n])
        n++;
    if (!n)
        return SG_OK;
    out->u = calloc(n, sizeof *out->u);
    if (!out->u) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory compiling rule '%s'", def->id);
        return SG_ERR_MEMORY;
    }
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!def->case_sensitive)
        opts |= PCRE2_CASELESS;
    for (size_t i = 0; i < n; i++) {
        sg_status st = sg_pattern(rs, def, field, i, pats[i], opts, 1, &out->u[i], err);
        if (st != SG_OK)
            return st;
        out->n++;
    }
    return SG_OK;
}

sg_status sg_rules_add(sg_ruleset *rs, const sg_rule_def *def, sg_error *err)
{
    if (!def || !def->id || !*def->id) {
        sg_set_error(err, SG_ERR_RULE, "%s%sa rule needs an id",
                     def && def->source ? def->source : "",
                     def && def->source ? ": " : "");
        return SG_ERR_RULE;
    }
    if (!def->kind || !*def->kind) {
        sg_set_error(err, SG_ERR_RULE, "%s%srule '%s' needs a kind",
                     def->source ? def->source : "", def->source ? ": " : "", def->id);
        return SG_ERR_RULE;
    }
    if (!def->patterns || !def->patterns[0]) {
        sg_set_error(err, SG_ERR_RULE, "%s%srule '%s' needs at least one pattern",
                     def->source ? def->source : "", def->source ? ": " : "", def->id);
        return SG_ERR_RULE;
    }
    if (def->confidence < 0 || def->confidence > 1) {
        sg_set_error(err, SG_ERR_RULE, "%s%srule '%s': confidence must be in [0,1]",
                     def->source ? def->source : "", def->source ? ": " : "", def->id);
        return SG_ERR_RULE;
    }
    for (size_t i = 0; i < rs->n; i++)
        if (!strcmp(rs->rules[i].id, def->id)) {
            sg_set_error(err, SG_ERR_RULE, "%s%srule '%s' is defined twice",
                         def->source ? def->source : "", def->source ? ": " : "",
                         def->id);
            return SG_ERR_RULE;
        }
    sg_rule r;
    memset(&r, 0, sizeof r);
    r.id = sg_dup(def->id);
    r.kind = sg_dup(def->kind);
    r.source = sg_dup(def->source);
    r.severity = def->severity == SG_MAJOR ? SG_MAJOR : SG_MINOR;
    r.confidence = def->confidence > 0 ? def->confidence : SG_DEFAULT_RULE_CONFIDENCE;
    r.character = def->character;
    sg_status st = SG_OK;
    if (!r.id || !r.kind || (def->source && !r.source)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding rule '%s'", def->id);
        st = SG_ERR_MEMORY;
    }
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "patterns", def->patterns, &r.patterns, err);
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "requires", def->requires, &r.requires, err);
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "unless", def->unless, &r.unless, err);
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "lower_if", def->lower_if, &r.lower_if, err);
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "major_if", def->major_if, &r.major_if, err);
    if (st == SG_OK)
        st = sg_compile_list(rs, def, "minor_if", def->minor_if, &r.minor_if, err);
    if (st == SG_OK)
        r.gated = sg_rule_literals(rs, &r.patterns, &r.lits);
    if (st == SG_OK && !SG_VEC_PUSH(rs->rules, rs->n, rs->cap, r)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding rule '%s'", def->id);
        st = SG_ERR_MEMORY;
    }
    if (st != SG_OK) {
        sg_rule_free(&r);
    } else {
        rs->pf_dirty = 1;
        sg_rules_changed(rs);
    }
    return st;
}

/* An analysis takes a match context and frees it: the one freed last is
 * kept for the next (its JIT stack, match data and tables), since an
 * engine, and so its ruleset, is used by one thread at a time.  A context
 * is freed before its ruleset. */
sg_match_ctx *sg_match_ctx_new(const sg_ruleset *rs)
{
    sg_ruleset *w = (sg_ruleset *)rs;
    if (rs && (rs->pf_dirty || !rs->pf) && !rs->pf_off) {
        /* Built here, once the rules are all in.  Without it (out of
         * memory) every rule runs. */
        sg_prefilter_free(w->pf);
        w->pf = sg_prefilter_build(rs);
        w->pf_dirty = 0;
        sg_rules_changed(w);
    }
    if (rs && rs->spare) {
        sg_match_ctx *mc = rs->spare;
        w->spare = NULL;
        return mc;
    }
    sg_match_ctx *mc = calloc(1, sizeof *mc);
    if (!mc)
        return NULL;
    mc->rs = w;
    mc->version = rs ? rs->version : 0;
    if (rs && rs->pf) {
        mc->mask = calloc(rs->pf->words + 1, sizeof *mc->mask);
        mc->cand = calloc(rs->pf->pwords, sizeof *mc->cand);
        mc->rlive = calloc(rs->pf->rwords, sizeof *mc->rlive);
        if (mc->mask && mc->cand && mc->rlive) {
            mc->tables = 1;
        }
    }
    if (rs && rs->npats) {
        /* without these (out of memory) every pattern runs each time */
        mc->seen = calloc(rs->npats, sizeof *mc->seen);
        mc->res = calloc(rs->npats, sizeof *mc->res);
        mc->rs_start = calloc(rs->npats, sizeof *mc->rs_start);
        mc->rs_end = calloc(rs->npats, sizeof *mc->rs_end);
        if (mc->seen && mc->res && mc->rs_start && mc->rs_end)
            mc->npats = rs->npats;
    }
    mc->md = pcre2_match_data_create(rs ? rs->max_ovec + 1 : 2, NULL);
    mc->mctx = pcre2_match_context_create(NULL);
    mc->stack = pcre2_jit_stack_create(32 * 1024, SG_JIT_STACK, NULL);
    if (!mc->md || !mc->mctx) {
        sg_match_ctx_destroy(mc);
        return NULL;
    }
    pcre2_set_match_limit(mc->mctx, SG_MATCH_LIMIT);
    pcre2_set_depth_limit(mc->mctx, SG_DEPTH_LIMIT);
    if (mc->stack)
        pcre2_jit_stack_assign(mc->mctx, NULL, mc->stack);
    return mc;
}

void sg_match_ctx_free(sg_match_ctx *mc)
{
    if (!mc)
        return;
    if (mc->rs && !mc->rs->spare && mc->version == mc->rs->version) {
        mc->rs->spare = mc;
        return;
    }
    sg_match_ctx_destroy(mc);
}

/* 1 matched (ovector in mc->md), 0 no match, -1 limit hit (err filled). */
static int sg_run(const sg_rule *r, pcre2_code *code, sg_match_ctx *mc,
                  const char *text, size_t n, sg_error *err)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)text, n, 0, 0, mc->md, mc->mctx);
    if (rc >= 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_JIT_STACKLIMIT || rc == PCRE2_ERROR_HEAPLIMIT) {
        sg_set_error(err, SG_ERR_RULE,
                     "%s%srule '%s' is too slow: a pattern hit the match limit on a "
                     "sentence of %zu bytes",
                     r->source ? r->source : "", r->source ? ": " : "", r->id, n);
        return -1;
    }
    /* invalid UTF-8 is matched as bytes (PCRE2_MATCH_INVALID_UTF); any other
     * error means no match for this sentence */
    return 0;
}

/* Whether node `node` of gate g holds: v holds the verdict bits of the
 * gate's sets 0 to 63, mask the whole verdict. */
static int sg_gate_eval(const sg_gate *g, uint32_t node, uint64_t v, const uint64_t *mask)
{
    const sg_gnode *x = &g->nodes[node];
    if (x->op == SG_PF_LEAF) {
        uint32_t bit = g->bit0 + x->a;
        return (mask[bit / 64] >> (bit % 64)) & 1;
    }
    int and = x->op == SG_PF_AND;
    if (and ? (v & x->leaves) != x->leaves : (v & x->leaves) != 0)
        return !and;
    for (uint32_t k = 0; k < x->n; k++)
        if (sg_gate_eval(g, g->kids[x->a + k], v, mask) != and)
            return !and;
    return and;
}

/* 0 when the prefilter's verdict (mask NULL: none) says pattern u cannot
 * match: its gate does not hold. */
static int sg_may(const sg_ruleset *rs, const sg_prefilter *pf, const sg_match_ctx *mc,
                  const uint64_t *mask, uint32_t u)
{
    if (!mask || ((pf->always[u / 64] >> (u % 64)) & 1))
        return 1;
    /* most sentences hold no literal of a pattern at all */
    if (!((mc->cand[u / 64] >> (u % 64)) & 1))
        return 0;
    const sg_gate *g = &rs->pats[u].gate;
    /* the verdict has a spare zero word past its end */
    size_t w = g->bit0 / 64, o = g->bit0 % 64;
    uint64_t v = mask[w] >> o;
    if (o)
        v |= mask[w + 1] << (64 - o);
    return sg_gate_eval(g, 0, v, mask);
}

/* The code of branch pattern x, compiled on its first run.  Threads on
 * one analysis may compile it at once: the first to publish it keeps it.
 * NULL when it does not compile (out of memory). */
static pcre2_code *sg_branch_code(sg_upat *x)
{
    pcre2_code *c = __atomic_load_n(&x->code, __ATOMIC_ACQUIRE);
    if (c)
        return c;
    int ec;
    PCRE2_SIZE eo;
    c = pcre2_compile((PCRE2_SPTR)x->src, PCRE2_ZERO_TERMINATED, x->opts, &ec, &eo, NULL);
    if (!c)
        return NULL;
    (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
    pcre2_code *none = NULL;
    if (!__atomic_compare_exchange_n(&x->code, &none, c, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        pcre2_code_free(c);
        c = none;
    }
    return c;
}

/* Split pattern x on the sentence, as the leftmost of the matches of those
 * of its branches whose gate holds, the first branch's at a tie (PCRE2's
 * own order: sg_branches.c).  Like sg_try, or -2 when a branch would not
 * compile: then the whole pattern runs. */
static int sg_run_branches(const sg_ruleset *rs, const sg_rule *r, const sg_upat *x,
                           sg_match_ctx *mc, const sg_prefilter *pf, const uint64_t *mask,
                           const char *text, size_t n, size_t *ms, size_t *me,
                           sg_error *err)
{
    int m = 0;
    for (size_t b = 0; b < x->nbr; b++) {
        uint32_t v = x->br[b];
        if (!sg_may(rs, pf, mc, mask, v))
            continue;
        pcre2_code *c = sg_branch_code(&rs->pats[v]);
        if (!c)
            return -2;
        int k = sg_run(r, c, mc, text, n, err);
        if (k < 0)
            return -1;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mc->md);
        if (k && (!m || ov[0] < *ms)) {
            m = 1;
            *ms = ov[0];
            *me = ov[1];
        }
    }
    return m;
}

/* Pattern u on the sentence: 1 matched (the match's span in *ms, *me), 0 no
 * match, -1 limit hit (err filled).  A pattern several rules share runs once
 * per sentence: mc->gen names the sentence. */
static int sg_try(const sg_ruleset *rs, const sg_rule *r, uint32_t u, sg_match_ctx *mc,
                  const sg_prefilter *pf, const uint64_t *mask, const char *text, size_t n,
                  size_t *ms, size_t *me, sg_error *err)
{
    if (u < mc->npats && mc->seen[u] == mc->gen) {
        *ms = mc->rs_start[u];
        *me = mc->rs_end[u];
        return mc->res[u];
    }
    const sg_upat *x = &rs->pats[u];
    int m = sg_may(rs, pf, mc, mask, u) ? -2 : 0;
    /* split: its branches, where the verdict tells which may match */
    if (m == -2 && mask && x->nbr)
        m = sg_run_branches(rs, r, x, mc, pf, mask, text, n, ms, me, err);
    if (m == -2 && (m = sg_run(r, x->code, mc, text, n, err)) > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mc->md);
        *ms = ov[0];
        *me = ov[1];
    }
    if (m >= 0 && u < mc->npats) {
        mc->seen[u] = mc->gen;
        mc->res[u] = (int8_t)m;
        mc->rs_start[u] = m ? *ms : 0;
        mc->rs_end[u] = m ? *me : 0;
    }
    return m;
}

static int sg_any(const sg_ruleset *rs, const sg_rule *r, const sg_pat_list *l,
                  sg_match_ctx *mc, const sg_prefilter *pf, const uint64_t *mask,
                  const char *text, size_t n, sg_error *err)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t ms, me;
        int m = sg_try(rs, r, l->u[i], mc, pf, mask, text, n, &ms, &me, err);
        if (m)
            return m;
    }
    return 0;
}

/* The first rule from i on that may match the sentence: of rules [0, live),
 * those rlive holds (it has no bits past live); past them, every rule.  Most
 * sentences leave most rules out, a word of rlive at a time. */
static size_t sg_next_live(const uint64_t *rlive, size_t live, size_t i)
{
    while (i < live) {
        uint64_t m = rlive[i / 64] >> (i % 64);
        if (m)
            return i + sg_ctz64(m);
        i = (i / 64 + 1) * 64;
        if (i > live)
            i = live;
    }
    return i;
}

sg_status sg_rules_match(const sg_ruleset *rs, sg_match_ctx *mc, const char *view,
                         const sg_sentence *s, size_t si, const sg_cast *cast,
                         sg_hit **hits, size_t *nhits, size_t *cap, sg_error *err)
{
    const char *text = view + s->view_start;
    size_t n = s->view_end - s->view_start;
    const sg_prefilter *pf = rs->pf_off || rs->pf_dirty ? NULL : rs->pf;
    const uint64_t *mask = NULL;
    /* the context's tables are the prefilter's size while of the version */
    if (pf && mc->version == rs->version && mc->tables &&
        sg_prefilter_scan(pf, text, n, mc->mask, mc->cand, mc->rlive))
        mask = mc->mask;
    if (++mc->gen == 0) { /* wrapped: forget every kept result */
        if (mc->npats)
            memset(mc->seen, 0, mc->npats * sizeof *mc->seen);
        mc->gen = 1;
    }
    int have_char = 0; /* the character named in the sentence, found once */
    const char *character = NULL;
    /* rules added since the prefilter was built have no bits in it */
    size_t live = mask ? pf->nrules : 0;
    for (size_t i = sg_next_live(mc->rlive, live, 0); i < rs->n;
         i = sg_next_live(mc->rlive, live, i + 1)) {
        const sg_rule *r = &rs->rules[i];
        const uint64_t *rm = i < live ? mask : NULL;
        size_t es = 0, ee = 0;
        int hit = 0;
        for (size_t p = 0; p < r->patterns.n && !hit; p++) {
            int m = sg_try(rs, r, r->patterns.u[p], mc, pf, rm, text, n, &es, &ee, err);
            if (m < 0)
                return SG_ERR_RULE;
            hit = m;
        }
        if (!hit)
            continue;
        int ok = 1;
        for (size_t q = 0; q < r->requires.n && ok; q++) {
            size_t ms, me;
            int m = sg_try(rs, r, r->requires.u[q], mc, pf, rm, text, n, &ms, &me, err);
            if (m < 0)
                return SG_ERR_RULE;
            ok = m;
        }
        if (!ok)
            continue;
        int m = sg_any(rs, r, &r->unless, mc, pf, rm, text, n, err);
        if (m < 0)
            return SG_ERR_RULE;
        if (m)
            continue;
        sg_hit h;
        memset(&h, 0, sizeof h);
        h.sentence = si;
        h.ev_start = s->view_start + es;
        h.ev_end = s->view_start + ee;
        h.kind = r->kind;
        h.rule = r->id;
        h.severity = r->severity;
        h.confidence = r->confidence;
        if ((m = sg_any(rs, r, &r->lower_if, mc, pf, rm, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.confidence *= 0.5;
        if ((m = sg_any(rs, r, &r->major_if, mc, pf, rm, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.severity = SG_MAJOR;
        if ((m = sg_any(rs, r, &r->minor_if, mc, pf, rm, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.severity = SG_MINOR;
        if (cast && !have_char) {
            size_t at = 0;
            int role = 0;
            character = sg_cast_find(cast, text, 0, n, &at, &role);
            have_char = 1;
        }
        h.character = character;
        if (r->character == 1 && h.character)
            h.confidence = h.confidence + (1 - h.confidence) * 0.3;
        if (r->character == 2 && !h.character) {
            h.severity = SG_MINOR;
            h.confidence *= 0.8;
        }
        if (!SG_VEC_PUSH(*hits, *nhits, *cap, h)) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory matching rules");
            return SG_ERR_MEMORY;
        }
    }
    return SG_OK;
}

/* The default pack, generated at build time from lua/spoilerguard/rules. */
#include "sg_default_rules.inc"

sg_status sg_rules_add_defaults(sg_ruleset *rs, sg_error *err)
{
    for (size_t i = 0; i < sizeof sg_default_rules / sizeof sg_default_rules[0]; i++) {
        sg_status st = sg_rules_add(rs, &sg_default_rules[i], err);
        if (st != SG_OK)
            return st;
    }
    return SG_OK;
}
