/*
 * sg_train_fit.c -- fitting the learned scorer: dense float weights, AdaGrad
 * with L2 over shuffled examples, and pruning and quantizing the weights into
 * a stored model written as a model file or as the C source of the built-in
 * model (plugin/detect/sg_model.c).  Part of sg-train, not of the library.
 */
#include "sg_train.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- dense models ------------------------------------------------------------ */

sg_status sg_dense_init(sg_dense *d, unsigned buckets_log2, unsigned flags,
                        sg_error *err)
{
    memset(d, 0, sizeof *d);
    if (buckets_log2 < SG_MODEL_MIN_LOG2 || buckets_log2 > SG_MODEL_MAX_LOG2)
        return sg_train_fail(err, SG_ERR_USAGE,
                             "bucket bits must be %d..%d, not %u",
                             SG_MODEL_MIN_LOG2, SG_MODEL_MAX_LOG2, buckets_log2);
    if (flags & ~SG_FEAT_KNOWN)
        return sg_train_fail(err, SG_ERR_USAGE, "unknown feature flags 0x%x",
                             flags & ~SG_FEAT_KNOWN);
    d->w = calloc((size_t)1 << buckets_log2, sizeof *d->w);
    if (!d->w)
        return sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
    d->buckets_log2 = buckets_log2;
    d->flags = flags;
    return SG_OK;
}

void sg_dense_free(sg_dense *d)
{
    free(d->w);
    memset(d, 0, sizeof *d);
}

typedef struct sg_fsum {
    const float *w;
    uint32_t mask;
    double acc;
} sg_fsum;

static void sg_fsum_add(void *ctx, uint32_t h)
{
    sg_fsum *f = ctx;
    f->acc += f->w[h & f->mask];
}

double sg_dense_score(const sg_dense *d, const char *text, size_t n)
{
    sg_fsum f = {d->w, (uint32_t)((1ull << d->buckets_log2) - 1), 0.0};
    size_t count = sg_features(text, n, d->flags, sg_fsum_add, &f);
    return sg_score_of_sum(d->flags, d->bias, f.acc, count);
}

/* ---- stored models ------------------------------------------------------------ */

static int sg_cmp_float_desc(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

sg_status sg_model_from_dense(const sg_dense *d, size_t keep, double threshold,
                              sg_model *m, sg_error *err)
{
    memset(m, 0, sizeof *m);
    if (!d || !d->w)
        return sg_train_fail(err, SG_ERR_USAGE, "no weights");
    size_t nb = (size_t)1 << d->buckets_log2, nz = 0;
    float maxabs = 0.0f;
    for (size_t i = 0; i < nb; i++) {
        float a = fabsf(d->w[i]);
        if (a > 0.0f) {
            nz++;
            if (a > maxabs)
                maxabs = a;
        }
    }
    /* The smallest magnitude kept, and how many of exactly that size fit. */
    float cut = 0.0f;
    size_t ties = nb;
    if (keep && nz > keep) {
        float *mag = malloc(nz * sizeof *mag);
        if (!mag)
            return sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
        size_t k = 0;
        for (size_t i = 0; i < nb; i++)
            if (d->w[i] != 0.0f)
                mag[k++] = fabsf(d->w[i]);
        qsort(mag, nz, sizeof *mag, sg_cmp_float_desc);
        cut = mag[keep - 1];
        ties = 0;
        for (size_t i = 0; i < keep; i++)
            if (mag[i] == cut)
                ties++;
        free(mag);
    }
    double scale = maxabs > 0.0f ? maxabs / 127.0 : 1.0;
    /* First pass counts what survives quantization. */
    size_t nnz = 0, t = ties;
    for (size_t i = 0; i < nb; i++) {
        float a = fabsf(d->w[i]);
        if (a == 0.0f || a < cut || (a == cut && t == 0))
            continue;
        if (a == cut)
            t--;
        if (lrint(d->w[i] / scale) != 0)
            nnz++;
    }
    uint32_t *group;
    uint8_t *low;
    int8_t *q;
    sg_status st = sg_model_alloc(m, d->buckets_log2, nnz, &group, &low, &q, err);
    if (st != SG_OK)
        return st;
    size_t k = 0;
    t = ties;
    uint32_t g = 0;
    group[0] = 0;
    for (size_t i = 0; i < nb; i++) {
        while (g < (i >> m->low_bits)) /* close the groups before this one */
            group[++g] = (uint32_t)k;
        float a = fabsf(d->w[i]);
        if (a == 0.0f || a < cut || (a == cut && t == 0))
            continue;
        if (a == cut)
            t--;
        long v = lrint(d->w[i] / scale);
        if (v == 0)
            continue;
        low[k] = (uint8_t)(i & ((1u << m->low_bits) - 1));
        q[k] = (int8_t)(v > 127 ? 127 : v < -127 ? -127 : v);
        k++;
    }
    size_t ng = sg_model_ngroups(m);
    while (g < ng)
        group[++g] = (uint32_t)k;
    sg_model_flatten(m);
    m->flags = d->flags;
    m->bias = d->bias;
    m->scale = scale;
    m->threshold = threshold;
    return SG_OK;
}

sg_status sg_model_save(const sg_model *m, const char *path, sg_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return sg_train_fail(err, SG_ERR_USAGE, "%s: %s", path, strerror(errno));
    fprintf(f, "%s\nbuckets_log2 %u\nflags %u\nbias %.17g\nscale %.17g\n"
               "threshold %.17g\nnnz %zu\n",
            SG_MODEL_MAGIC, m->buckets_log2, m->flags, m->bias, m->scale,
            m->threshold, m->nnz);
    size_t ng = m->group ? sg_model_ngroups(m) : 0;
    for (size_t g = 0; g < ng; g++)
        for (uint32_t i = m->group[g]; i < m->group[g + 1]; i++)
            fprintf(f, "%zu %d\n", (g << m->low_bits) | m->low[i], m->q[i]);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return sg_train_fail(err, SG_ERR_USAGE, "%s: write failed", path);
    return SG_OK;
}


/* Numbers as C initialisers, wrapped before 80 columns. */
static void sg_c_numbers(FILE *out, const char *decl, size_t count,
                         long (*at)(const sg_model *, size_t),
                         const sg_model *m)
{
    fprintf(out, "%s = {\n", decl);
    int col = 0;
    for (size_t i = 0; i < count; i++) {
        char num[24];
        int w = snprintf(num, sizeof num, "%ld,", at(m, i));
        if (col + w > 79) {
            fputc('\n', out);
            col = 0;
        }
        fputs(num, out);
        col += w;
    }
    if (count == 0)
        fputs("0", out); /* C has no empty arrays */
    fputs("\n};\n\n", out);
}

static long sg_at_group(const sg_model *m, size_t i) { return (long)m->group[i]; }
static long sg_at_low(const sg_model *m, size_t i) { return (long)m->low[i]; }
static long sg_at_q(const sg_model *m, size_t i) { return (long)m->q[i]; }

sg_status sg_model_write_c(const sg_model *m, FILE *out, const char *provenance,
                           sg_error *err)
{
    if (!m || !m->group)
        return sg_train_fail(err, SG_ERR_USAGE, "no model to write");
    fputs("/*\n * sg_model.c -- the default weights of the learned scorer.\n"
          " * GENERATED by sg-train (tools/sg_train.c); do not edit.  See\n"
          " * tools/README-model.md to regenerate or to train your own.\n"
          " * The weights derive from the labelled data named below; when that\n"
          " * is the TV Tropes corpus (Boyd-Graber, Glasgow and Zajac, 2013), its\n"
          " * text is licensed CC BY-NC-SA 3.0.  To use other terms, retrain on\n"
          " * data you hold (tools/README-model.md).\n *\n",
          out);
    for (const char *p = provenance ? provenance : ""; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p), cut = len;
        if (len > 76) { /* wrap long lines at a space */
            cut = 76;
            while (cut > 20 && p[cut] != ' ')
                cut--;
            if (p[cut] != ' ')
                cut = 76;
        }
        fputs(cut ? " * " : " *", out);
        for (size_t i = 0; i < cut; i++) { /* no comment tokens inside it */
            int star = (i > 0 && p[i - 1] == '*') ||
                       (i + 1 < len && p[i + 1] == '*');
            fputc(p[i] == '/' && star ? ' ' : p[i], out);
        }
        fputc('\n', out);
        if (cut < len) {
            p += cut + (p[cut] == ' ');
            continue;
        }
        p += len + (nl ? 1 : 0);
    }
    fputs(" */\n#include \"sg_score.h\"\n\n", out);
    size_t ng = sg_model_ngroups(m) + 1;
    sg_c_numbers(out, "static const uint32_t sg_model_group[]", ng, sg_at_group,
                 m);
    sg_c_numbers(out, "static const uint8_t sg_model_low[]", m->nnz, sg_at_low, m);
    sg_c_numbers(out, "static const int8_t sg_model_q[]", m->nnz, sg_at_q, m);
    fprintf(out,
            "const sg_model sg_default_model = {\n"
            "    .buckets_log2 = %u,\n    .low_bits = %u,\n    .flags = 0x%02x,\n"
            "    .bias = %.17g,\n    .scale = %.17g,\n    .threshold = %.17g,\n"
            "    .nnz = %zu,\n    .group = sg_model_group,\n"
            "    .low = sg_model_low,\n    .q = sg_model_q,\n"
            "    .owned = NULL,\n};\n",
            m->buckets_log2, m->low_bits, m->flags, m->bias, m->scale,
            m->threshold, m->nnz);
    if (ferror(out))
        return sg_train_fail(err, SG_ERR_USAGE, "write failed");
    return SG_OK;
}


/* ---- training -------------------------------------------------------------------- */

void sg_train_opts_init(sg_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->buckets_log2 = 18;
    o->flags = SG_FEAT_DEFAULT;
    o->epochs = 15;
    o->lr = 0.1;
    o->l2 = 1e-3;
    o->g0 = 0.1;
    o->seed = 1;
    o->average = 1;
}

static uint64_t sg_splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Features of every example, computed once: buckets in one flat array. */
typedef struct sg_featbuf {
    uint32_t *b;
    size_t n, cap;
    uint32_t mask;
    int failed;
} sg_featbuf;

static void sg_featbuf_add(void *ctx, uint32_t h)
{
    sg_featbuf *f = ctx;
    if (f->failed)
        return;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 1 << 16;
        uint32_t *nb = cap > SIZE_MAX / sizeof *nb ? NULL
                                                     : realloc(f->b, cap * sizeof *nb);
        if (!nb) {
            f->failed = 1;
            return;
        }
        f->b = nb;
        f->cap = cap;
    }
    f->b[f->n++] = h & f->mask;
}

/* The running average of the weights over every step, kept lazily: a bucket
 * adds its weight times the steps it held it when it changes. */
typedef struct sg_avg {
    double *sum;
    uint64_t *since;
    double bias_sum;
} sg_avg;

static void sg_avg_touch(sg_avg *a, const float *w, uint32_t b, uint64_t step)
{
    a->sum[b] += (double)w[b] * (double)(step - a->since[b]);
    a->since[b] = step;
}

static void sg_avg_write(const sg_avg *a, const sg_dense *cur, uint64_t step,
                         double bias_sum, sg_dense *out)
{
    size_t nb = (size_t)1 << cur->buckets_log2;
    for (size_t i = 0; i < nb; i++) {
        double s = a->sum[i] + (double)cur->w[i] * (double)(step - a->since[i]);
        out->w[i] = step ? (float)(s / (double)step) : cur->w[i];
    }
    out->bias = step ? bias_sum / (double)step : cur->bias;
}

sg_status sg_train(const sg_dataset *train, const sg_train_opts *o,
                   sg_dense *out, sg_error *err)
{
    sg_train_opts def;
    memset(out, 0, sizeof *out);
    if (!o) {
        sg_train_opts_init(&def);
        o = &def;
    }
    if (o->epochs < 0 || !(o->lr > 0) || !(o->l2 >= 0))
        return sg_train_fail(err, SG_ERR_USAGE,
                             "epochs must be >= 0, lr > 0 and l2 >= 0");
    sg_status st = sg_dense_init(out, o->buckets_log2, o->flags, err);
    if (st != SG_OK)
        return st;
    size_t n = train ? train->n : 0, nb = (size_t)1 << o->buckets_log2;
    sg_featbuf fb = {NULL, 0, 0, (uint32_t)(nb - 1), 0};
    size_t *off = malloc((n + 1) * sizeof *off);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    float *g2 = calloc(nb, sizeof *g2);
    sg_avg avg = {NULL, NULL, 0.0};
    sg_dense snap = {0, 0, 0.0, NULL};
    if (o->average) {
        avg.sum = calloc(nb, sizeof *avg.sum);
        avg.since = calloc(nb, sizeof *avg.since);
        snap = *out;
        snap.w = malloc(nb * sizeof *snap.w);
    }
    if (!off || !order || !g2 ||
        (o->average && (!avg.sum || !avg.since || !snap.w))) {
        st = sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        off[i] = fb.n;
        sg_features(train->ex[i].text, train->ex[i].len, o->flags,
                    sg_featbuf_add, &fb);
        order[i] = i;
    }
    off[n] = fb.n;
    if (fb.failed) {
        st = sg_train_fail(err, SG_ERR_MEMORY, "out of memory");
        goto done;
    }

    uint64_t rng = o->seed, step = 0;
    double gb2 = 0.0, bias_sum = 0.0;
    float *w = out->w;
    const int norm = (o->flags & SG_FEAT_NORM) != 0;
    for (int ep = 1; ep <= o->epochs; ep++) {
        for (size_t i = n; i > 1; i--) { /* Fisher-Yates */
            size_t j = (size_t)(sg_splitmix(&rng) % i);
            size_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        for (size_t k = 0; k < n; k++) {
            size_t e = order[k];
            const uint32_t *f = fb.b + off[e];
            size_t nf = off[e + 1] - off[e];
            double v = norm && nf ? 1.0 / sqrt((double)nf) : 1.0, z = 0.0;
            for (size_t j = 0; j < nf; j++)
                z += w[f[j]];
            z = out->bias + z * v;
            double g = sg_score_logistic(z) - (train->ex[e].label ? 1.0 : 0.0);
            for (size_t j = 0; j < nf; j++) {
                uint32_t b = f[j];
                if (o->average)
                    sg_avg_touch(&avg, w, b, step);
                double gr = g * v + o->l2 * w[b];
                g2[b] += (float)(gr * gr);
                w[b] -= (float)(o->lr * gr / sqrt((double)g2[b] + o->g0 + 1e-12));
            }
            bias_sum += out->bias;
            gb2 += g * g;
            out->bias -= o->lr * g / sqrt(gb2 + o->g0 + 1e-12);
            step++;
        }
        if (o->on_epoch) {
            if (o->average) {
                sg_avg_write(&avg, out, step, bias_sum, &snap);
                o->on_epoch(o->ctx, ep, &snap);
            } else {
                o->on_epoch(o->ctx, ep, out);
            }
        }
    }
    if (o->average && step) {
        sg_avg_write(&avg, out, step, bias_sum, &snap);
        memcpy(out->w, snap.w, nb * sizeof *out->w);
        out->bias = snap.bias;
    }
done:
    free(fb.b);
    free(off);
    free(order);
    free(g2);
    free(avg.sum);
    free(avg.since);
    free(snap.w);
    if (st != SG_OK)
        sg_dense_free(out);
    return st;
}
