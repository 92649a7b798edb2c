/* sg_rules.c -- rules as data: PCRE2 patterns compiled once (JIT; a pattern
 * several rules share is compiled and run once), matched per sentence with
 * declarative conditions, under match and depth limits. */
#include "sg_rules.h"

#include <ctype.h>
#include <stdio.h>

#define SG_MATCH_LIMIT 200000u    /* backtracking steps per match */
#define SG_DEPTH_LIMIT 2000u      /* nested backtracking frames */
#define SG_JIT_STACK (512 * 1024) /* per match context */
#define SG_DEFAULT_RULE_CONFIDENCE 0.7

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
