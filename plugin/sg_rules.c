/* sg_rules.c -- rules as data: PCRE2 patterns compiled once (JIT), matched
 * per sentence with declarative conditions, under match and depth limits. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "sg_internal.h"

#include <pcre2.h>
#include <ctype.h>
#include <stdio.h>

#define SG_MATCH_LIMIT 200000u    /* backtracking steps per match */
#define SG_DEPTH_LIMIT 2000u      /* nested backtracking frames */
#define SG_JIT_STACK (512 * 1024) /* per match context */
#define SG_DEFAULT_RULE_CONFIDENCE 0.7

typedef struct sg_pat_list {
    pcre2_code **codes;
    size_t n;
} sg_pat_list;

/* A set of NUL-terminated strings (literals a match must contain). */
typedef struct sg_strset {
    char **v;
    size_t n;
} sg_strset;

typedef struct sg_rule {
    char *id, *kind, *source;
    sg_severity severity;
    double confidence;
    int character;
    sg_pat_list patterns, requires, unless, lower_if, major_if, minor_if;
    int gated;        /* 1: a match of `patterns` contains one of `lits` */
    sg_strset lits;   /* ASCII letters folded to lower case */
} sg_rule;

typedef struct sg_prefilter sg_prefilter;

struct sg_ruleset {
    sg_rule *rules;
    size_t n, cap;
    uint32_t max_ovec;
    sg_prefilter *pf; /* built lazily for rules [0, pf->nrules) */
    int pf_dirty;     /* rules were added since pf was built */
    int pf_off;       /* every rule runs on every sentence (tests) */
};

struct sg_match_ctx {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *stack;
    uint64_t *mask;   /* the prefilter's verdict for one sentence */
    size_t mask_words;
};

/* ---- the literal prefilter ------------------------------------------------
 * Most sentences of a review tell no story, and running every rule's
 * patterns on each of them is most of an analysis.  From each pattern a small
 * parser derives a set of literal strings such that every match contains at
 * least one of them (ASCII letters folded to lower case); one Aho-Corasick
 * pass over a sentence then tells which rules can match at all.  The parser
 * knows the common PCRE2 syntax and gives up on anything else, and a rule
 * with a pattern it gave up on runs on every sentence: the prefilter only
 * skips work whose result is known to be "no match". */

#define SG_PF_MAX_SET 16     /* strings in a set of every possible match */
#define SG_PF_MAX_REQ 256    /* strings in a set of required literals */
#define SG_PF_MAX_LIT 20     /* bytes in one literal */
#define SG_PF_MAX_DEPTH 64   /* group nesting the parser follows */
#define SG_PF_MAX_STATES 32768 /* under 0xFFFF, the no-edge mark */

static void sg_strset_free(sg_strset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}

static int sg_strset_has(const sg_strset *s, const char *x)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i], x))
            return 1;
    return 0;
}

/* Add a copy of `x` (n bytes) unless present.  0 on OOM. */
static int sg_strset_add(sg_strset *s, const char *x, size_t n)
{
    char *c = sg_strndup(x, n);
    if (!c)
        return 0;
    if (sg_strset_has(s, c)) {
        free(c);
        return 1;
    }
    char **v = realloc(s->v, (s->n + 1) * sizeof *v);
    if (!v) {
        free(c);
        return 0;
    }
    s->v = v;
    s->v[s->n++] = c;
    return 1;
}

static size_t sg_strset_maxlen(const sg_strset *s)
{
    size_t m = 0;
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->v[i]) > m)
            m = strlen(s->v[i]);
    return m;
}

/* What the parser knows about a piece of pattern.  exact: `set` holds every
 * string it can match.  req: every match contains a string of `set`.
 * Neither: nothing is known. */
typedef struct sg_pf_info {
    int exact, req;
    sg_strset set;
} sg_pf_info;

static void sg_pf_none(sg_pf_info *x)
{
    sg_strset_free(&x->set);
    x->exact = x->req = 0;
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

/* Turn an exact set into a required one: drop strings that hold another
 * member (finding the shorter one is enough); none when "" is a member. */
static void sg_pf_to_req(sg_pf_info *x)
{
    if (!x->exact)
        return;
    x->exact = 0;
    x->req = 1;
    sg_strset *s = &x->set;
    if (!s->n || sg_strset_has(s, "")) {
        sg_pf_none(x);
        return;
    }
    qsort(s->v, s->n, sizeof *s->v, sg_len_cmp);
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++) {
        int covered = 0;
        for (size_t j = 0; j < w && !covered; j++)
            covered = strstr(s->v[i], s->v[j]) != NULL;
        if (covered)
            free(s->v[i]);
        else
            s->v[w++] = s->v[i];
    }
    s->n = w;
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
        for (size_t i = 0; i < sizeof common / sizeof *common && !is_common; i++)
            is_common = strlen(common[i]) == n && !memcmp(common[i], p, n);
        if (!is_common)
            w += n;
        p = q;
    }
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
    size_t cmin = SIZE_MAX, bmin = SIZE_MAX;
    for (size_t i = 0; i < cand->set.n; i++)
        if (sg_pf_weight(cand->set.v[i]) < cmin)
            cmin = sg_pf_weight(cand->set.v[i]);
    for (size_t i = 0; i < best->set.n; i++)
        if (sg_pf_weight(best->set.v[i]) < bmin)
            bmin = sg_pf_weight(best->set.v[i]);
    if (!best->req || cmin > bmin || (cmin == bmin && cand->set.n < best->set.n)) {
        sg_pf_none(best);
        *best = *cand;
        memset(cand, 0, sizeof *cand);
    } else {
        sg_pf_none(cand);
    }
}

typedef struct sg_pf_parser {
    const unsigned char *p;
    int fail;  /* syntax the parser does not know, or out of memory */
    int depth;
} sg_pf_parser;

static void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out);

static int sg_pf_is_punct_cp(uint32_t cp)
{
    /* General Punctuation has no case: matched byte for byte even caseless */
    return cp >= 0x2010 && cp <= 0x205E;
}

/* Decode one UTF-8 sequence at p; its length, or 0 when invalid. */
static size_t sg_pf_utf8(const unsigned char *p, uint32_t *cp)
{
    size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
    if (!n || p[0] > 0xF4)
        return 0;
    uint32_t c = p[0] & (0x3F >> (n - 1));
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    *cp = c;
    return n;
}

static unsigned char sg_pf_fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int sg_pf_isalnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
            if (!sg_pf_isalnum(e) && e < 0x80) {
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
            size_t n = sg_pf_utf8(P->p, &cp);
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
        } else {
            unsigned char f = sg_pf_fold(c);
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
                size_t n = sg_pf_utf8(P->p, &cp);
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
                while (*p && (sg_pf_isalnum(*p) || *p == '_'))
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
        if (strchr("bBAzZGKE", e))
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
                for (int k = 0; k < 2 && isxdigit(*P->p); k++)
                    P->p++;
            }
            return 1;
        }
        if (!sg_pf_isalnum(e) && e < 0x80)
            return sg_pf_exact1(out, (const char *)&e, 1) ? 1 : (P->fail = 1);
        P->fail = 1; /* back references, \Q, \g, \k, octal ... */
        return 1;
    }
    if (c >= 0x80) {
        uint32_t cp;
        size_t n = sg_pf_utf8(P->p, &cp);
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
    unsigned char f = sg_pf_fold(c);
    P->p++;
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

/* A sequence of atoms up to '|', ')' or the end. */
static void sg_pf_seq(sg_pf_parser *P, sg_pf_info *out)
{
    sg_pf_info run, best;
    memset(out, 0, sizeof *out);
    memset(&best, 0, sizeof best);
    int exact = 1;
    if (!sg_pf_exact1(&run, "", 0)) {
        P->fail = 1;
        return;
    }
    for (;;) {
        sg_pf_info x;
        if (!sg_pf_atom(P, &x) || P->fail) {
            sg_pf_none(&x);
            break;
        }
        long min, max;
        int q = sg_pf_quant(P, &min, &max);
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
        if (x.exact && run.set.n * x.set.n <= SG_PF_MAX_SET &&
            sg_strset_maxlen(&run.set) + sg_strset_maxlen(&x.set) <= SG_PF_MAX_LIT) {
            sg_pf_info prod;
            memset(&prod, 0, sizeof prod);
            prod.exact = 1;
            for (size_t i = 0; i < run.set.n && !P->fail; i++)
                for (size_t j = 0; j < x.set.n && !P->fail; j++) {
                    char buf[2 * SG_PF_MAX_LIT + 1];
                    size_t a = strlen(run.set.v[i]), b = strlen(x.set.v[j]);
                    memcpy(buf, run.set.v[i], a);
                    memcpy(buf + a, x.set.v[j], b);
                    if (!sg_strset_add(&prod.set, buf, a + b))
                        P->fail = 1;
                }
            sg_pf_none(&run);
            sg_pf_none(&x);
            run = prod;
        } else if (x.exact) {
            exact = 0;
            sg_pf_consider(&best, &run);
            run = x;
        } else {
            exact = 0;
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
    if (exact) {
        sg_pf_none(&best);
        *out = run;
        return;
    }
    sg_pf_consider(&best, &run);
    *out = best;
}

/* Alternatives up to ')' or the end. */
static void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out)
{
    sg_strset ex = {0}, rq = {0};
    int all_exact = 1, all_req = 1;
    for (;;) {
        sg_pf_info b = {0};
        sg_pf_seq(P, &b);
        if (P->fail) {
            sg_pf_none(&b);
            break;
        }
        if (b.exact) {
            for (size_t i = 0; i < b.set.n && all_exact; i++)
                if (ex.n >= SG_PF_MAX_SET)
                    all_exact = 0;
                else if (!sg_strset_add(&ex, b.set.v[i], strlen(b.set.v[i])))
                    P->fail = 1;
            sg_pf_to_req(&b);
        } else {
            all_exact = 0;
        }
        if (b.req) {
            for (size_t i = 0; i < b.set.n && all_req; i++)
                if (rq.n >= SG_PF_MAX_REQ)
                    all_req = 0;
                else if (!sg_strset_add(&rq, b.set.v[i], strlen(b.set.v[i])))
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
}

/* Literals one of which every match of `pattern` contains: 1 and `out`
 * filled, or 0 when they cannot be known (or memory ran out). */
static int sg_pf_literals(const char *pattern, sg_strset *out)
{
    sg_pf_parser P = {(const unsigned char *)pattern, 0, 0};
    sg_pf_info x;
    sg_pf_alt(&P, &x);
    if (P.fail || *P.p) {
        sg_pf_none(&x);
        return 0;
    }
    sg_pf_to_req(&x);
    if (!x.req) {
        sg_pf_none(&x);
        return 0;
    }
    *out = x.set;
    return 1;
}

/* Literals for a rule: the union over its patterns, or 0 (always runs). */
static int sg_rule_literals(const sg_rule_def *def, sg_strset *out)
{
    sg_pf_info all;
    memset(&all, 0, sizeof all);
    for (size_t i = 0; def->patterns[i]; i++) {
        sg_strset s = {0};
        if (!sg_pf_literals(def->patterns[i], &s)) {
            sg_strset_free(&all.set);
            return 0;
        }
        for (size_t k = 0; k < s.n; k++)
            if (all.set.n >= SG_PF_MAX_REQ ||
                !sg_strset_add(&all.set, s.v[k], strlen(s.v[k]))) {
                sg_strset_free(&s);
                sg_strset_free(&all.set);
                return 0;
            }
        sg_strset_free(&s);
    }
    all.exact = 1;
    sg_pf_to_req(&all);
    if (!all.req)
        return 0;
    *out = all.set;
    return 1;
}

/* The automaton: one pass over a sentence sets the bit of every rule one of
 * whose literals occurs in it. */
struct sg_prefilter {
    size_t nrules;        /* rules [0, nrules) were considered */
    size_t words;         /* uint64_t per rule mask */
    uint8_t cls[256];     /* byte -> symbol class (0: in no literal) */
    size_t ncls;
    uint16_t *go;         /* [state * ncls + class] -> state */
    uint32_t *out;        /* per state: 1 + index into masks, or 0 */
    uint64_t *masks;      /* rule masks of the states that have one */
    uint64_t *always;     /* rules that run whatever the sentence holds */
};

static void sg_prefilter_free(sg_prefilter *pf)
{
    if (!pf)
        return;
    free(pf->go);
    free(pf->out);
    free(pf->masks);
    free(pf->always);
    free(pf);
}

static sg_prefilter *sg_prefilter_build(const sg_ruleset *rs)
{
    sg_prefilter *pf = calloc(1, sizeof *pf);
    if (!pf)
        return NULL;
    pf->nrules = rs->n;
    pf->words = (rs->n + 63) / 64;
    pf->always = calloc(pf->words ? pf->words : 1, sizeof *pf->always);
    if (!pf->always) {
        sg_prefilter_free(pf);
        return NULL;
    }
    /* symbol classes: one per byte that occurs in a literal */
    pf->ncls = 1;
    for (size_t r = 0; r < rs->n; r++)
        for (size_t k = 0; rs->rules[r].gated && k < rs->rules[r].lits.n; k++)
            for (const unsigned char *p = (const unsigned char *)rs->rules[r].lits.v[k];
                 *p; p++)
                if (!pf->cls[*p]) {
                    pf->cls[*p] = (uint8_t)pf->ncls;
                    if (*p >= 'a' && *p <= 'z')
                        pf->cls[*p - 32] = (uint8_t)pf->ncls;
                    pf->ncls++;
                }
    /* the trie, 0xFFFF where there is no edge yet; a rule whose literals
     * would take it past SG_PF_MAX_STATES runs on every sentence */
    size_t cap = 256, n = 1;
    pf->go = malloc(cap * pf->ncls * sizeof *pf->go);
    uint64_t *acc = calloc(cap * pf->words, sizeof *acc);
    if (!pf->go || !acc) {
        free(acc);
        sg_prefilter_free(pf);
        return NULL;
    }
    memset(pf->go, 0xFF, cap * pf->ncls * sizeof *pf->go);
    for (size_t r = 0; r < rs->n; r++) {
        const sg_rule *rule = &rs->rules[r];
        size_t need = 0;
        for (size_t k = 0; rule->gated && k < rule->lits.n; k++) {
            size_t st = 0;
            const unsigned char *p = (const unsigned char *)rule->lits.v[k];
            for (; *p && pf->go[st * pf->ncls + pf->cls[*p]] != 0xFFFF; p++)
                st = pf->go[st * pf->ncls + pf->cls[*p]];
            need += strlen((const char *)p);
        }
        if (!rule->gated || n + need > SG_PF_MAX_STATES) {
            pf->always[r / 64] |= (uint64_t)1 << (r % 64);
            continue;
        }
        if (n + need > cap) {
            size_t ncap = cap;
            while (n + need > ncap)
                ncap *= 2;
            uint16_t *go = realloc(pf->go, ncap * pf->ncls * sizeof *go);
            uint64_t *acc2 = go ? realloc(acc, ncap * pf->words * sizeof *acc2) : NULL;
            if (go)
                pf->go = go;
            if (!acc2) {
                free(acc);
                sg_prefilter_free(pf);
                return NULL;
            }
            acc = acc2;
            memset(pf->go + cap * pf->ncls, 0xFF, (ncap - cap) * pf->ncls * sizeof *go);
            memset(acc + cap * pf->words, 0, (ncap - cap) * pf->words * sizeof *acc);
            cap = ncap;
        }
        for (size_t k = 0; k < rule->lits.n; k++) {
            size_t st = 0;
            for (const unsigned char *p = (const unsigned char *)rule->lits.v[k]; *p; p++) {
                uint16_t *e = &pf->go[st * pf->ncls + pf->cls[*p]];
                if (*e == 0xFFFF)
                    *e = (uint16_t)n++;
                st = *e;
            }
            acc[st * pf->words + r / 64] |= (uint64_t)1 << (r % 64);
        }
    }
    uint32_t *fail = calloc(n, sizeof *fail);
    uint32_t *queue = malloc(n * sizeof *queue);
    if (!fail || !queue) {
        free(acc);
        free(fail);
        free(queue);
        sg_prefilter_free(pf);
        return NULL;
    }
    /* breadth first: fail links, complete transitions, inherited outputs */
    size_t qh = 0, qt = 0;
    for (size_t c = 0; c < pf->ncls; c++) {
        uint16_t *e = &pf->go[c];
        if (*e == 0xFFFF) {
            *e = 0;
        } else {
            fail[*e] = 0;
            queue[qt++] = *e;
        }
    }
    while (qh < qt) {
        uint32_t s = queue[qh++];
        for (size_t w = 0; w < pf->words; w++)
            acc[s * pf->words + w] |= acc[fail[s] * pf->words + w];
        for (size_t c = 0; c < pf->ncls; c++) {
            uint16_t *e = &pf->go[s * pf->ncls + c];
            uint16_t via_fail = pf->go[fail[s] * pf->ncls + c];
            if (*e == 0xFFFF) {
                *e = via_fail;
            } else {
                fail[*e] = via_fail;
                queue[qt++] = *e;
            }
        }
    }
    free(fail);
    free(queue);
    /* keep masks only for states that have one */
    pf->out = calloc(n, sizeof *pf->out);
    size_t with = 0;
    for (size_t s = 0; s < n; s++)
        for (size_t w = 0; w < pf->words; w++)
            if (acc[s * pf->words + w]) {
                with++;
                break;
            }
    pf->masks = malloc((with ? with : 1) * pf->words * sizeof *pf->masks);
    if (!pf->out || !pf->masks) {
        free(acc);
        sg_prefilter_free(pf);
        return NULL;
    }
    size_t m = 0;
    for (size_t s = 0; s < n; s++) {
        int any = 0;
        for (size_t w = 0; w < pf->words; w++)
            any |= acc[s * pf->words + w] != 0;
        if (!any)
            continue;
        memcpy(&pf->masks[m * pf->words], &acc[s * pf->words],
               pf->words * sizeof *pf->masks);
        pf->out[s] = (uint32_t)++m;
    }
    free(acc);
    return pf;
}

/* Which rules can match `text`: fills mask (pf->words words).  0 when the
 * text holds a character that caseless matching equates with an ASCII letter
 * although its bytes differ (KELVIN SIGN, LATIN SMALL LETTER LONG S): then
 * every rule runs. */
static int sg_prefilter_scan(const sg_prefilter *pf, const char *text, size_t n,
                             uint64_t *mask)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t w = 0; w < pf->words; w++)
        mask[w] = pf->always[w];
    size_t st = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = s[i];
        if (b >= 0xC5 && ((b == 0xC5 && i + 1 < n && s[i + 1] == 0xBF) ||
                          (b == 0xE2 && i + 2 < n && s[i + 1] == 0x84 && s[i + 2] == 0xAA)))
            return 0;
        st = pf->go[st * pf->ncls + pf->cls[b]];
        uint32_t o = pf->out[st];
        if (o) {
            const uint64_t *m = &pf->masks[(o - 1) * pf->words];
            for (size_t w = 0; w < pf->words; w++)
                mask[w] |= m[w];
        }
    }
    return 1;
}

void sg_rules_set_prefilter(sg_ruleset *rs, int on)
{
    if (rs)
        rs->pf_off = !on;
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
    sg_strset_free(&r->lits);
}

void sg_rules_free(sg_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n; i++)
        sg_rule_free(&rs->rules[i]);
    free(rs->rules);
    sg_prefilter_free(rs->pf);
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
    if (st == SG_OK)
        r.gated = sg_rule_literals(def, &r.lits);
    if (st == SG_OK && !SG_VEC_PUSH(rs->rules, rs->n, rs->cap, r)) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory adding rule '%s'", def->id);
        st = SG_ERR_MEMORY;
    }
    if (st != SG_OK)
        sg_rule_free(&r);
    else
        rs->pf_dirty = 1;
    return st;
}

sg_match_ctx *sg_match_ctx_new(const sg_ruleset *rs)
{
    sg_match_ctx *mc = calloc(1, sizeof *mc);
    if (!mc)
        return NULL;
    if (rs && (rs->pf_dirty || !rs->pf) && !rs->pf_off) {
        /* Built here, once the rules are all in: an engine, and so its
         * ruleset, is used by one thread at a time.  Without it (out of
         * memory) every rule runs. */
        sg_ruleset *w = (sg_ruleset *)rs;
        sg_prefilter_free(w->pf);
        w->pf = sg_prefilter_build(rs);
        w->pf_dirty = 0;
    }
    if (rs && rs->pf) {
        mc->mask_words = rs->pf->words ? rs->pf->words : 1;
        mc->mask = calloc(mc->mask_words, sizeof *mc->mask);
    }
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
    free(mc->mask);
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
    const sg_prefilter *pf = rs->pf_off || rs->pf_dirty ? NULL : rs->pf;
    const uint64_t *mask = NULL;
    if (pf && mc->mask && mc->mask_words >= pf->words &&
        sg_prefilter_scan(pf, text, n, mc->mask))
        mask = mc->mask;
    for (size_t i = 0; i < rs->n; i++) {
        const sg_rule *r = &rs->rules[i];
        /* no literal of the rule occurs: none of its patterns can match */
        if (mask && i < pf->nrules && !((mask[i / 64] >> (i % 64)) & 1))
            continue;
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
