/*
 * sg_model_io.c -- the scorer's stored models: the grouped int8 weights a
 * model holds, reading a model file (sg_model_load) and freeing it.
 */
#include "sg_score.h"
#include "sg_internal.h"
#include "sg_text.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---------------------------------------------------------------- */

/* Local so the scorer links with nothing but libc and libm. */
static sg_status sg_score_fail(sg_error *err, sg_status st, const char *fmt,
                               ...) __attribute__((format(printf, 3, 4)));

static sg_status sg_score_fail(sg_error *err, sg_status st, const char *fmt,
                               ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->status = st;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return st;
}


/* ---- stored models ------------------------------------------------------------ */

size_t sg_model_ngroups(const sg_model *m)
{
    return (size_t)1 << (m->buckets_log2 - m->low_bits);
}

/* Low bits per stored bucket so that a group holds about four weights: a
 * lookup then scans a handful of bytes. */
static unsigned sg_pick_low_bits(unsigned buckets_log2, size_t nnz)
{
    unsigned lb = 8;
    while (lb > 1 && ((size_t)1 << lb) * nnz > ((size_t)4 << buckets_log2))
        lb--;
    return lb;
}

static size_t sg_flat_size(unsigned buckets_log2)
{
    return buckets_log2 <= SG_FLAT_MAX_LOG2 ? (size_t)1 << buckets_log2 : 0;
}

/* One block for group offsets, low bytes, weights and the flat table, which
 * sg_model_flatten fills once the groups are. */
sg_status sg_model_alloc(sg_model *m, unsigned buckets_log2, size_t nnz,
                         uint32_t **group, uint8_t **low, int8_t **q,
                         sg_error *err)
{
    if (nnz > ((size_t)1 << buckets_log2))
        return sg_score_fail(err, SG_ERR_USAGE, "more weights than buckets");
    m->buckets_log2 = buckets_log2;
    m->low_bits = sg_pick_low_bits(buckets_log2, nnz);
    size_t ng = sg_model_ngroups(m) + 1;
    char *block = malloc(ng * sizeof(uint32_t) + 2 * nnz +
                         sg_flat_size(buckets_log2) + 1);
    if (!block)
        return sg_score_fail(err, SG_ERR_MEMORY, "out of memory");
    *group = (uint32_t *)(void *)block;
    *low = (uint8_t *)(block + ng * sizeof(uint32_t));
    *q = (int8_t *)(block + ng * sizeof(uint32_t) + nnz);
    m->nnz = nnz;
    m->group = *group;
    m->low = *low;
    m->q = *q;
    m->owned = block;
    return SG_OK;
}

void sg_model_flatten(sg_model *m)
{
    if (!sg_flat_size(m->buckets_log2))
        return;
    int8_t *flat = (int8_t *)m->owned +
                   (sg_model_ngroups(m) + 1) * sizeof(uint32_t) + 2 * m->nnz;
    sg_model_expand(m, flat);
    m->flat = flat;
}

void sg_model_free(sg_model *m)
{
    if (!m)
        return;
    free(m->owned);
    memset(m, 0, sizeof *m);
}

/* One line of a model file: [p, *end) without the newline. */
static const char *sg_next_line(const char *p, const char *lim,
                                const char **end)
{
    const char *nl = memchr(p, '\n', (size_t)(lim - p));
    *end = nl ? nl : lim;
    if (*end > p && (*end)[-1] == '\r')
        (*end)--;
    return nl ? nl + 1 : lim;
}

/* Parse "key value" into a copy small enough to hand to strto*. */
static int sg_line_kv(const char *p, const char *e, char *key, size_t kcap,
                      char *val, size_t vcap)
{
    size_t kn = 0, vn = 0;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (p < e && *p != ' ' && *p != '\t' && kn + 1 < kcap)
        key[kn++] = *p++;
    while (p < e && (*p == ' ' || *p == '\t'))
        p++;
    while (p < e && vn + 1 < vcap)
        val[vn++] = *p++;
    while (vn > 0 && (val[vn - 1] == ' ' || val[vn - 1] == '\t'))
        vn--;
    key[kn] = '\0';
    val[vn] = '\0';
    return p == e && kn > 0;
}

static int sg_parse_ull(const char *s, unsigned long long max,
                        unsigned long long *out)
{
    char *end;
    if (!*s || *s == '-' || *s == '+')
        return 0;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v > max)
        return 0;
    *out = v;
    return 1;
}

static int sg_parse_double(const char *s, double *out)
{
    char *end;
    if (!*s)
        return 0;
    errno = 0;
    double v = strtod(s, &end);
    if (errno == ERANGE || *end || v != v || v > 1e300 || v < -1e300)
        return 0;
    *out = v;
    return 1;
}

static sg_status sg_model_parse(const char *text, size_t n, const char *name,
                                sg_model *m, sg_error *err)
{
    const char *p = text, *lim = text + n, *e;
    char key[32], val[64];
    size_t line = 1;
    unsigned long long b2 = 0, flags = 0, nnz = 0, u;
    double bias = 0, scale = 0, threshold = 0.5;
    int have = 0; /* bits: buckets, flags, bias, scale, nnz */
    memset(m, 0, sizeof *m);
    p = sg_next_line(p, lim, &e);
    if ((size_t)(e - text) != strlen(SG_MODEL_MAGIC) ||
        memcmp(text, SG_MODEL_MAGIC, strlen(SG_MODEL_MAGIC)) != 0)
        return sg_score_fail(err, SG_ERR_USAGE,
                             "%s:1: not a spoilerguard model (expected \"%s\")",
                             name, SG_MODEL_MAGIC);
    /* The header: key value lines up to nnz. */
    while (!(have & 16)) {
        const char *s = p;
        line++;
        if (p >= lim)
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: missing nnz",
                                 name, line);
        p = sg_next_line(p, lim, &e);
        if (e == s || *s == '#')
            continue;
        if (!sg_line_kv(s, e, key, sizeof key, val, sizeof val))
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: bad header line",
                                 name, line);
        int ok = 1;
        if (strcmp(key, "buckets_log2") == 0) {
            ok = sg_parse_ull(val, SG_MODEL_MAX_LOG2, &b2) &&
                 b2 >= SG_MODEL_MIN_LOG2;
            have |= 1;
        } else if (strcmp(key, "flags") == 0) {
            ok = sg_parse_ull(val, SG_FEAT_KNOWN, &flags);
            have |= 2;
        } else if (strcmp(key, "bias") == 0) {
            ok = sg_parse_double(val, &bias);
            have |= 4;
        } else if (strcmp(key, "scale") == 0) {
            ok = sg_parse_double(val, &scale) && scale > 0;
            have |= 8;
        } else if (strcmp(key, "threshold") == 0) {
            ok = sg_parse_double(val, &threshold) && threshold >= 0 &&
                 threshold <= 1;
        } else if (strcmp(key, "nnz") == 0) {
            ok = (have & 1) && sg_parse_ull(val, 1ull << b2, &nnz);
            have |= 16;
        } else {
            return sg_score_fail(err, SG_ERR_USAGE, "%s:%zu: unknown key \"%s\"",
                                 name, line, key);
        }
        if (!ok)
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: bad value for %s: \"%s\"", name, line, key,
                                 val);
    }
    if ((have & 15) != 15)
        return sg_score_fail(err, SG_ERR_USAGE,
                             "%s:%zu: buckets_log2, flags, bias and scale must "
                             "come before nnz", name, line);
    uint32_t *group;
    uint8_t *low;
    int8_t *q;
    sg_status st = sg_model_alloc(m, (unsigned)b2, (size_t)nnz, &group, &low, &q,
                                  err);
    if (st != SG_OK)
        return st;
    size_t ng = sg_model_ngroups(m), k = 0;
    uint32_t g = 0;
    unsigned long long last = 0;
    group[0] = 0;
    while (k < nnz) {
        const char *s = p;
        line++;
        if (p >= lim) {
            sg_model_free(m);
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: %zu weights, %llu announced", name, line, k,
                                 nnz);
        }
        p = sg_next_line(p, lim, &e);
        if (e == s || *s == '#')
            continue;
        double qv;
        if (!sg_line_kv(s, e, key, sizeof key, val, sizeof val) ||
            !sg_parse_ull(key, (1ull << b2) - 1, &u) ||
            !sg_parse_double(val, &qv) || qv != (double)(long)qv || qv < -127 ||
            qv > 127 || qv == 0 || (k > 0 && u <= last)) {
            sg_model_free(m);
            return sg_score_fail(err, SG_ERR_USAGE,
                                 "%s:%zu: expected \"bucket weight\" with "
                                 "increasing buckets and weights -127..127",
                                 name, line);
        }
        while (g < (u >> m->low_bits))
            group[++g] = (uint32_t)k;
        low[k] = (uint8_t)(u & ((1u << m->low_bits) - 1));
        q[k] = (int8_t)qv;
        last = u;
        k++;
    }
    while (g < ng)
        group[++g] = (uint32_t)k;
    sg_model_flatten(m);
    m->flags = (unsigned)flags;
    m->bias = bias;
    m->scale = scale;
    m->threshold = threshold;
    return SG_OK;
}

sg_status sg_model_load_mem(const char *text, size_t n, sg_model *m,
                            sg_error *err)
{
    return sg_model_parse(text, n, "model", m, err);
}

sg_status sg_model_load(const char *path, sg_model *m, sg_error *err)
{
    size_t n;
    memset(m, 0, sizeof *m);
    char *buf = sg_read_file(path, &n, err);
    if (!buf)
        return err ? err->status : SG_ERR_USAGE;
    sg_status st = sg_model_parse(buf, n, path, m, err);
    free(buf);
    return st;
}
