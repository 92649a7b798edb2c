/* sg_prefilter.c -- the rules' literal prefilter at run time: an
 * Aho-Corasick automaton over the literal sets of every pattern's gate
 * (sg_gates.c), built once the rules are all in, and its scan of a sentence,
 * which tells which sets occur and so which patterns and rules may match. */
#include "sg_rules.h"

void sg_prefilter_free(sg_prefilter *pf)
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

/* Renumber the automaton's n states (go, depth, acc) in the order `bfs`
 * lists them after the root (0), which stays 0.  0 when memory runs out
 * (nothing changed then). */
static int sg_pf_renumber(sg_prefilter *pf, const uint32_t *bfs, size_t n, uint32_t *depth,
                          sg_pf_bits *acc)
{
    size_t ncls = pf->ncls;
    uint32_t *id = malloc(n * sizeof *id); /* old state -> new */
    uint16_t *go = malloc(n * ncls * sizeof *go);
    uint32_t *dep = malloc(n * sizeof *dep);
    sg_pf_bits *ac = malloc(n * sizeof *ac);
    if (!id || !go || !dep || !ac) {
        free(id);
        free(go);
        free(dep);
        free(ac);
        return 0;
    }
    id[0] = 0;
    for (size_t i = 0; i + 1 < n; i++)
        id[bfs[i]] = (uint32_t)(i + 1);
    for (size_t st = 0; st < n; st++) {
        uint32_t to = id[st];
        for (size_t c = 0; c < ncls; c++)
            go[to * ncls + c] = (uint16_t)id[pf->go[st * ncls + c]];
        dep[to] = depth[st];
        ac[to] = acc[st];
    }
    memcpy(pf->go, go, n * ncls * sizeof *go);
    memcpy(depth, dep, n * sizeof *dep);
    memcpy(acc, ac, n * sizeof *ac);
    free(id);
    free(go);
    free(dep);
    free(ac);
    return 1;
}

sg_prefilter *sg_prefilter_build(const sg_ruleset *rs)
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
    /* states renumbered breadth first: the few near the root, where a scan
     * mostly is, share cache lines, and the rest follow */
    if (!oom && qt + 1 == n)
        oom = !sg_pf_renumber(pf, queue, n, depth, acc);
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
int sg_prefilter_scan(const sg_prefilter *pf, const char *text, size_t n,
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
