/* sg_rules.h -- what the rule files share (detect stage, private): the
 * rules and their patterns (sg_rules.c), the gates the literal-prefilter
 * compiler derives from each pattern (sg_gates.c, with its pattern parser
 * sg_gate_parse.c), and the automaton that tells a sentence's literal sets
 * in one pass (sg_prefilter.c). */
#ifndef SG_RULES_H
#define SG_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include "sg_internal.h"

#include <pcre2.h>

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

/* The members of a set being built, by hash, for sets of a few hundred
 * strings: each one added through it (sg_strset_addix) is found without a
 * look at the others. */
typedef struct sg_strix {
    uint16_t slot[512]; /* a member's index + 1, 0 empty */
    size_t mask;        /* slots in use - 1, a power of two */
} sg_strix;

/* What the parser knows about a piece of pattern.  exact: `set` holds every
 * string it can match.  req: every match contains a string of `set`.
 * Neither: nothing is known. */
typedef struct sg_pf_info {
    int exact, req;
    sg_strset set;
    size_t f; /* not exact: a formula every match satisfies (a node id, 0 true) */
} sg_pf_info;

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

/* The index of the lowest set bit of m (not 0). */
static inline size_t sg_ctz64(uint64_t m)
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

/* ---- the literal-prefilter compiler (sg_gates.c, sg_gate_parse.c) ---- */
void sg_strset_free(sg_strset *s);
int sg_strset_add(sg_strset *s, const char *x, size_t n);
void sg_strix_init(sg_strix *ix, size_t most);
int sg_strset_addix(sg_strset *s, sg_strix *ix, const char *x, size_t n);
void sg_pf_none(sg_pf_info *x);
int sg_pf_exact1(sg_pf_info *x, const char *s, size_t n);
void sg_pf_to_req(sg_pf_info *x);
void sg_pf_consider(sg_pf_info *best, sg_pf_info *cand);
size_t sg_pf_join(sg_pf_parser *P, int op, size_t a, size_t b);
size_t sg_pf_formula(sg_pf_parser *P, const sg_pf_info *x);
int sg_gate_make(sg_pf_parser *P, size_t f, sg_gate *g, int copy);
void sg_gate_free(sg_gate *g);
int sg_pf_literals(const char *pattern, sg_strset *out, sg_gate *gate,
                          sg_pf_branches *br);
int sg_rule_literals(const sg_ruleset *rs, const sg_pat_list *pats, sg_strset *out);

void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out);
int sg_pf_isword(unsigned char c);

/* ---- the automaton (sg_prefilter.c) ---- */
void sg_prefilter_free(sg_prefilter *pf);
sg_prefilter *sg_prefilter_build(const sg_ruleset *rs);
int sg_prefilter_scan(const sg_prefilter *pf, const char *text, size_t n,
                             uint64_t *mask, uint64_t *cand, uint64_t *rlive);

#endif
