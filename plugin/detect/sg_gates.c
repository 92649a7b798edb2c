/* sg_gates.c -- the literal-prefilter compiler: from each rule pattern, the
 * gate a sentence must pass for the pattern to be able to match.
 *
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
 * only skips work whose result is known to be "no match".
 *
 * Sets of literals and formulas over them are here; the parser that reads a
 * pattern is sg_gate_parse.c, and the automaton that finds the literals in a
 * sentence sg_prefilter.c. */
#include "sg_rules.h"

#include <ctype.h>

void sg_strset_free(sg_strset *s)
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
int sg_strset_add(sg_strset *s, const char *x, size_t n)
{
    for (size_t i = 0; i < s->n; i++)
        if (sg_strset_is(s->v[i], x, n))
            return 1;
    return sg_strset_push(s, x, n);
}


/* An index for an empty set that will get about `most` members. */
void sg_strix_init(sg_strix *ix, size_t most)
{
    size_t c = 16;
    while (c < 2 * most && c < sizeof ix->slot / sizeof *ix->slot)
        c *= 2;
    ix->mask = c - 1;
    memset(ix->slot, 0, c * sizeof *ix->slot);
}

/* sg_strset_add for a set whose every member came through index ix; past
 * half the slots, members are compared one by one. */
int sg_strset_addix(sg_strset *s, sg_strix *ix, const char *x, size_t n)
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


void sg_pf_none(sg_pf_info *x)
{
    sg_strset_free(&x->set);
    x->exact = x->req = 0;
    x->f = 0;
}

int sg_pf_exact1(sg_pf_info *x, const char *s, size_t n)
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
void sg_pf_to_req(sg_pf_info *x)
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
        if (!isalnum((unsigned char)*p)) {
            p++;
            continue;
        }
        const char *q = p;
        while (*q && isalnum((unsigned char)*q))
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
    if (w && n >= 3 && lit[0] == SG_PF_BOUND && isalnum((unsigned char)lit[1]) &&
        lit[n - 1] == SG_PF_BOUND && isalnum((unsigned char)lit[n - 2]))
        w += 2;
    return w;
}

/* The better of two required sets is the one whose least rare literal is
 * rarer, then the smaller one.  Takes `cand`. */
void sg_pf_consider(sg_pf_info *best, sg_pf_info *cand)
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
size_t sg_pf_join(sg_pf_parser *P, int op, size_t a, size_t b)
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


/* The formula of what the parser knows about a piece: for an exact set, that
 * one of its strings occurs (dropping those that hold another). */
size_t sg_pf_formula(sg_pf_parser *P, const sg_pf_info *x)
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

void sg_gate_free(sg_gate *g)
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
int sg_gate_make(sg_pf_parser *P, size_t f, sg_gate *g, int copy)
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
int sg_pf_literals(const char *pattern, sg_strset *out, sg_gate *gate,
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
int sg_rule_literals(const sg_ruleset *rs, const sg_pat_list *pats, sg_strset *out)
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
