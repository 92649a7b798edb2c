/* sg_rules.c -- rules as data: PCRE2 patterns compiled once (JIT), matched
 * per sentence with declarative conditions, under match and depth limits. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "sg_internal.h"

#include <pcre2.h>
#include <stdio.h>

#define SG_MATCH_LIMIT 200000u    /* backtracking steps per match */
#define SG_DEPTH_LIMIT 2000u      /* nested backtracking frames */
#define SG_JIT_STACK (512 * 1024) /* per match context */
#define SG_DEFAULT_RULE_CONFIDENCE 0.7

typedef struct sg_pat_list {
    pcre2_code **codes;
    size_t n;
} sg_pat_list;

typedef struct sg_rule {
    char *id, *kind, *source;
    sg_severity severity;
    double confidence;
    int character;
    sg_pat_list patterns, requires, unless, lower_if, major_if, minor_if;
} sg_rule;

struct sg_ruleset {
    sg_rule *rules;
    size_t n, cap;
    uint32_t max_ovec;
};

struct sg_match_ctx {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
};

sg_ruleset *sg_rules_new(void)
{
    sg_ruleset *rs = calloc(1, sizeof *rs);
    if (rs)
        rs->max_ovec = 1;
    return rs;
}

static void sg_pat_list_free(sg_pat_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        pcre2_code_free(l->codes[i]);
    free(l->codes);
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
}

void sg_rules_free(sg_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++)
        sg_rule_free(&rs->rules[i]);
    free(rs->rules);
    free(rs);
}

size_t sg_rules_count(const sg_ruleset *rs) { return rs ? rs->n : 0; }

static sg_status sg_compile_list(sg_ruleset *rs, const sg_rule_def *def,
                                 const char *field, const char *const *pats,
                                 sg_pat_list *out, sg_error *err)
{
    size_t n = 0;
    while (pats && pats[n])
        n++;
    if (!n)
        return SG_OK;
    out->codes = calloc(n, sizeof *out->codes);
    if (!out->codes) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory compiling rule '%s'", def->id);
        return SG_ERR_MEMORY;
    }
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!def->case_sensitive)
        opts |= PCRE2_CASELESS;
    for (size_t i = 0; i < n; i++) {
        int ec;
        PCRE2_SIZE eo;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)pats[i], PCRE2_ZERO_TERMINATED,
                                      opts, &ec, &eo, NULL);
        if (!c) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(ec, msg, sizeof msg);
            sg_set_error(err, SG_ERR_RULE,
                         "%s%srule '%s': %s[%zu] is not a valid pattern: %s at "
                         "offset %zu",
                         def->source ? def->source : "", def->source ? ": " : "",
                         def->id, field, i + 1, (const char *)msg, (size_t)eo);
            return SG_ERR_RULE;
        }
        /* JIT where the platform has it; the interpreter otherwise */
        (void)pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);
        uint32_t cap = 0;
        pcre2_pattern_info(c, PCRE2_INFO_CAPTURECOUNT, &cap);
        if (cap + 1 > rs->max_ovec)
            rs->max_ovec = cap + 1;
        out->codes[out->n++] = c;
    }
    return SG_OK;
}

static char *sg_dup(const char *s) { return s ? sg_strndup(s, strlen(s)) : NULL; }

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
    if (st == SG_OK && !SG_VEC_PUSH(rs->rules, rs->n, rs->cap, r)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding rule '%s'", def->id);
        st = SG_ERR_MEMORY;
    }
    if (st != SG_OK)
        sg_rule_free(&r);
    return st;
}

sg_match_ctx *sg_match_ctx_new(const sg_ruleset *rs)
{
    sg_match_ctx *mc = calloc(1, sizeof *mc);
    if (!mc)
        return NULL;
    mc->md = pcre2_match_data_create(rs ? rs->max_ovec + 1 : 2, NULL);
    mc->mctx = pcre2_match_context_create(NULL);
    mc->stack = pcre2_jit_stack_create(32 * 1024, SG_JIT_STACK, NULL);
    if (!mc->md || !mc->mctx) {
        sg_match_ctx_free(mc);
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
    pcre2_match_data_free(mc->md);
    pcre2_match_context_free(mc->mctx);
    if (mc->stack)
        pcre2_jit_stack_free(mc->stack);
    free(mc);
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

static int sg_any(const sg_rule *r, const sg_pat_list *l, sg_match_ctx *mc,
                  const char *text, size_t n, sg_error *err)
{
    for (size_t i = 0; i < l->n; i++) {
        int m = sg_run(r, l->codes[i], mc, text, n, err);
        if (m)
            return m;
    }
    return 0;
}

sg_status sg_rules_match(const sg_ruleset *rs, sg_match_ctx *mc, const char *view,
                         const sg_sentence *s, size_t si, const sg_cast *cast,
                         sg_hit **hits, size_t *nhits, size_t *cap, sg_error *err)
{
    const char *text = view + s->view_start;
    size_t n = s->view_end - s->view_start;
    for (size_t i = 0; i < rs->n; i++) {
        const sg_rule *r = &rs->rules[i];
        size_t es = 0, ee = 0;
        int hit = 0;
        for (size_t p = 0; p < r->patterns.n && !hit; p++) {
            int m = sg_run(r, r->patterns.codes[p], mc, text, n, err);
            if (m < 0)
                return SG_ERR_RULE;
            if (m) {
                PCRE2_SIZE *ov = pcre2_get_ovector_pointer(mc->md);
                es = ov[0];
                ee = ov[1];
                hit = 1;
            }
        }
        if (!hit)
            continue;
        int ok = 1;
        for (size_t q = 0; q < r->requires.n && ok; q++) {
            int m = sg_run(r, r->requires.codes[q], mc, text, n, err);
            if (m < 0)
                return SG_ERR_RULE;
            ok = m;
        }
        if (!ok)
            continue;
        int m = sg_any(r, &r->unless, mc, text, n, err);
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
        if ((m = sg_any(r, &r->lower_if, mc, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.confidence *= 0.5;
        if ((m = sg_any(r, &r->major_if, mc, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.severity = SG_MAJOR;
        if ((m = sg_any(r, &r->minor_if, mc, text, n, err)) < 0)
            return SG_ERR_RULE;
        if (m)
            h.severity = SG_MINOR;
        if (cast) {
            size_t at = 0;
            int role = 0;
            h.character = sg_cast_find(cast, text, 0, n, &at, &role);
        }
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
