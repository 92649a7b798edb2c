/* sg_gate_parse.c -- the pattern parser of the literal-prefilter compiler:
 * reads the common PCRE2 syntax of a rule pattern and derives, piece by
 * piece, the literals every match holds and the formula over them
 * (sg_gates.c has the sets, formulas and gates it builds with).  Anything it
 * does not know makes it give up, and the pattern then runs on every
 * sentence. */
#include "sg_rules.h"

#include <ctype.h>

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

/* \w without UCP, as PCRE2 sees it here */
int sg_pf_isword(unsigned char c)
{
    return sg_pf_isalnum(c) || c == '_';
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
        } else if (c == SG_PF_BOUND) {
            simple = 0; /* the byte that marks \b in a literal */
            P->p++;
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
    P->p++;
    if (c == SG_PF_BOUND)
        return 1; /* the byte that marks \b in a literal: taken as unknown */
    unsigned char f = sg_pf_fold(c);
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
void sg_pf_alt(sg_pf_parser *P, sg_pf_info *out)
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
