/*
 * sg_train.c -- sg-train: train the learned sentence scorer of spoilerguard.
 *
 * Reads labelled sentences (CSV with sentence,spoiler columns, or JSON Lines
 * with text and label), trains the hashed-feature logistic regression of
 * plugin/detect/sg_score.c with the very same feature code, reports figures on
 * development files (used only to choose settings, never trained on), and
 * writes a model file (for sg_model_load) and/or the C source of the built-in
 * model (plugin/detect/sg_model.c).  See tools/README-model.md.
 */
#include "sg_train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SG_MAX_FILES 16

typedef struct sg_metrics {
    size_t n, tp, fp, tn, fn;
    double acc, prec, rec;
} sg_metrics;

typedef struct sg_eval {
    double threshold;  /* the one asked for */
    sg_metrics at;     /* at that threshold */
    double best_t;     /* the threshold with the best accuracy */
    sg_metrics best;
    double auc;
} sg_eval;

typedef struct sg_scored {
    double p;
    int label;
} sg_scored;

static void sg_metrics_at(const sg_scored *s, size_t n, double t, sg_metrics *m)
{
    memset(m, 0, sizeof *m);
    m->n = n;
    for (size_t i = 0; i < n; i++) {
        int yes = s[i].p >= t;
        if (yes && s[i].label)
            m->tp++;
        else if (yes)
            m->fp++;
        else if (s[i].label)
            m->fn++;
        else
            m->tn++;
    }
    m->acc = n ? (double)(m->tp + m->tn) / (double)n : 0.0;
    m->prec = m->tp + m->fp ? (double)m->tp / (double)(m->tp + m->fp) : 0.0;
    m->rec = m->tp + m->fn ? (double)m->tp / (double)(m->tp + m->fn) : 0.0;
}

static int sg_cmp_scored(const void *a, const void *b)
{
    double x = ((const sg_scored *)a)->p, y = ((const sg_scored *)b)->p;
    return x < y ? -1 : x > y ? 1 : 0;
}

/* Figures at `t`, the accuracy-maximising threshold, and ROC AUC.  Sorts s. */
static void sg_evaluate(sg_scored *s, size_t n, double t, sg_eval *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->threshold = t;
    sg_metrics_at(s, n, t, &ev->at);
    if (n == 0)
        return;
    qsort(s, n, sizeof *s, sg_cmp_scored);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++)
        pos += s[i].label != 0;
    /* Threshold between s[i-1] and s[i]: everything from i up is "spoiler". */
    size_t neg_below = 0, pos_below = 0, best_correct = pos;
    double best_t = s[0].p, rank_sum = 0.0;
    for (size_t i = 0; i < n;) {
        size_t j = i, pj = 0;
        while (j < n && s[j].p == s[i].p) {
            pj += s[j].label != 0;
            j++;
        }
        /* Tied scores share their average rank (for the AUC). */
        rank_sum += (double)pj * ((double)(i + 1 + j) / 2.0);
        pos_below += pj;
        neg_below += (j - i) - pj;
        size_t correct = neg_below + (pos - pos_below);
        if (correct > best_correct) {
            best_correct = correct;
            best_t = j < n ? (s[j - 1].p + s[j].p) / 2.0 : s[n - 1].p + 1e-9;
        }
        i = j;
    }
    size_t neg = n - pos;
    ev->auc = pos && neg ? (rank_sum - (double)pos * (double)(pos + 1) / 2.0) /
                               ((double)pos * (double)neg)
                         : 0.5;
    if (best_t > 1.0)
        best_t = 1.0;
    ev->best_t = best_t;
    sg_metrics_at(s, n, best_t, &ev->best);
}

typedef struct sg_trainer {
    sg_dataset dev;
    sg_scored *scored;
    int verbose;
    int best_epoch;
    double best_acc;
} sg_trainer;

static void sg_eval_dense(const sg_dense *d, const sg_dataset *dev,
                          sg_scored *s, sg_eval *ev)
{
    for (size_t i = 0; i < dev->n; i++) {
        s[i].p = sg_dense_score(d, dev->ex[i].text, dev->ex[i].len);
        s[i].label = dev->ex[i].label;
    }
    sg_evaluate(s, dev->n, 0.5, ev);
}

static void sg_eval_model(const sg_model *m, const sg_dataset *dev,
                          sg_scored *s, sg_eval *ev)
{
    for (size_t i = 0; i < dev->n; i++) {
        s[i].p = sg_score_with(m, dev->ex[i].text, dev->ex[i].len);
        s[i].label = dev->ex[i].label;
    }
    sg_evaluate(s, dev->n, 0.5, ev);
}

static void sg_print_eval(const char *what, const sg_eval *ev)
{
    printf("%s: acc %.4f prec %.4f rec %.4f @0.5 | best acc %.4f prec %.4f "
           "rec %.4f @%.3f | auc %.4f\n",
           what, ev->at.acc, ev->at.prec, ev->at.rec, ev->best.acc,
           ev->best.prec, ev->best.rec, ev->best_t, ev->auc);
}

static void sg_on_epoch(void *ctx, int epoch, const sg_dense *d)
{
    sg_trainer *t = ctx;
    if (!t->dev.n)
        return;
    sg_eval ev;
    sg_eval_dense(d, &t->dev, t->scored, &ev);
    if (ev.at.acc > t->best_acc) {
        t->best_acc = ev.at.acc;
        t->best_epoch = epoch;
    }
    if (t->verbose) {
        char what[32];
        snprintf(what, sizeof what, "  epoch %2d dev", epoch);
        sg_print_eval(what, &ev);
    }
}

static const struct {
    const char *name;
    unsigned flag;
} sg_feature_names[] = {
    {"uni", SG_FEAT_UNIGRAM}, {"bi", SG_FEAT_BIGRAM}, {"cues", SG_FEAT_CUES},
    {"shape", SG_FEAT_SHAPE}, {"stem", SG_FEAT_STEM}, {"norm", SG_FEAT_NORM},
    {"names", SG_FEAT_NAMES},
};
#define SG_NFEATURES (sizeof sg_feature_names / sizeof sg_feature_names[0])

static int sg_parse_features(const char *s, unsigned *out)
{
    unsigned f = 0;
    while (*s) {
        size_t n = strcspn(s, ",+");
        size_t k = 0;
        for (; k < SG_NFEATURES; k++)
            if (strlen(sg_feature_names[k].name) == n &&
                memcmp(sg_feature_names[k].name, s, n) == 0)
                break;
        if (k == SG_NFEATURES)
            return 0;
        f |= sg_feature_names[k].flag;
        s += n;
        if (*s)
            s++;
    }
    *out = f;
    return f != 0;
}

static void sg_features_text(unsigned f, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < SG_NFEATURES; k++)
        if (f & sg_feature_names[k].flag)
            n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "%s%s",
                                  n ? "," : "", sg_feature_names[k].name);
}

/* FNV-1a 64 of a file, for the provenance note. */
static int sg_file_digest(const char *path, unsigned long long *h,
                          unsigned long long *size)
{
    size_t n;
    char *buf = sg_read_file(path, &n, NULL);
    if (!buf)
        return 0;
    *h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        *h = (*h ^ (unsigned char)buf[i]) * 0x100000001b3ULL;
    *size = n;
    free(buf);
    return 1;
}

static const char *sg_basename(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static double sg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void sg_usage(FILE *f)
{
    fputs(
        "usage: sg-train --train FILE [--train FILE ...] [--dev FILE ...]\n"
        "                [--out-c plugin/detect/sg_model.c] [--out FILE.model]\n"
        "                [--epochs N] [--l2 X] [--lr X] [--g0 X] [--buckets LOG2]\n"
        "                [--seed N] [--features LIST] [--keep N] [--no-average]\n"
        "                [--threshold X|auto] [--note TEXT] [--grid] [--quiet]\n"
        "\n"
        "FILE: CSV with a header naming \"sentence\" (or \"text\") and \"spoiler\"\n"
        "(or \"label\") columns, or JSON Lines {\"text\": ..., \"label\": true}.\n"
        "--dev files are only evaluated (figures per epoch and at the end) and\n"
        "pick the threshold with --threshold auto; they are never trained on.\n"
        "--features: comma list of uni,bi,cues,shape,stem,norm,names (default:\n"
        "all); defaults: --epochs 15 --lr 0.1 --g0 0.1 --l2 0.001 --buckets 18\n"
        "--seed 1 --keep 40000.\n"
        "--keep N: keep the N largest weights (0 = all); --grid: try settings\n"
        "on the dev files and print one line each.\n",
        f);
}

typedef struct sg_args {
    const char *train[SG_MAX_FILES], *dev[SG_MAX_FILES];
    int ntrain, ndev;
    const char *out_c, *out, *note;
    sg_train_opts o;
    size_t keep;
    double threshold; /* < 0: auto */
    int grid, quiet;
} sg_args;

static int sg_grid(sg_args *a, sg_dataset *train, sg_trainer *t)
{
    static const double l2s[] = {1e-4, 1e-3, 1e-2};
    static const double lrs[] = {0.1, 0.3};
    static const double g0s[] = {0.0, 0.1, 1.0};
    const unsigned fsets[] = {
        SG_FEAT_DEFAULT,
        SG_FEAT_DEFAULT & ~SG_FEAT_CUES,
        SG_FEAT_DEFAULT & ~SG_FEAT_SHAPE,
        SG_FEAT_DEFAULT & ~SG_FEAT_NAMES,
        SG_FEAT_UNIGRAM | SG_FEAT_BIGRAM | SG_FEAT_NORM,
    };
    double best = 0.0;
    int verbose = t->verbose;
    t->verbose = 0;
    for (size_t fi = 0; fi < sizeof fsets / sizeof fsets[0]; fi++)
        for (size_t gi = 0; gi < sizeof g0s / sizeof g0s[0]; gi++)
            for (size_t li = 0; li < sizeof l2s / sizeof l2s[0]; li++)
                for (size_t ri = 0; ri < sizeof lrs / sizeof lrs[0]; ri++) {
                    sg_train_opts o = a->o;
                    o.flags = fsets[fi];
                    o.g0 = g0s[gi];
                    o.l2 = l2s[li];
                    o.lr = lrs[ri];
                    o.on_epoch = sg_on_epoch;
                    o.ctx = t;
                    t->best_acc = 0.0;
                    t->best_epoch = 0;
                    sg_dense d;
                    sg_error err = {SG_OK, ""};
                    if (sg_train(train, &o, &d, &err) != SG_OK) {
                        fprintf(stderr, "sg-train: %s\n", err.message);
                        return 0;
                    }
                    sg_dense_free(&d);
                    char fs[64];
                    sg_features_text(o.flags, fs, sizeof fs);
                    printf("grid features=%-28s g0=%-4g l2=%-6g lr=%-4g "
                           "best epoch %2d acc@0.5 %.4f%s\n",
                           fs, o.g0, o.l2, o.lr, t->best_epoch,
                           t->best_acc, t->best_acc > best ? "  *" : "");
                    fflush(stdout);
                    if (t->best_acc > best)
                        best = t->best_acc;
                }
    t->verbose = verbose;
    return 1;
}

/* Sentences per second and MB/s of sg_score_with over a dataset. */
static void sg_bench(const sg_model *m, const sg_dataset *d)
{
    size_t bytes = 0, rounds = 0;
    double sink = 0.0, t0 = sg_now(), el;
    for (size_t i = 0; i < d->n; i++)
        bytes += d->ex[i].len;
    if (!d->n)
        return;
    do {
        for (size_t i = 0; i < d->n; i++)
            sink += sg_score_with(m, d->ex[i].text, d->ex[i].len);
        rounds++;
        el = sg_now() - t0;
    } while (el < 0.5);
    printf("speed: %.0f sentences/s, %.1f MB/s (%zu sentences x %zu rounds, "
           "checksum %.3f)\n",
           (double)(d->n * rounds) / el, (double)(bytes * rounds) / el / 1e6,
           d->n, rounds, sink / (double)rounds);
}

static int sg_takes_value(const char *opt)
{
    static const char *const opts[] = {
        "--train", "--dev",  "--out-c",    "--out",      "--note",
        "--epochs", "--l2",  "--g0",       "--lr",       "--buckets",
        "--seed",  "--keep", "--features", "--threshold"};
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (strcmp(opt, opts[i]) == 0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    sg_args a;
    memset(&a, 0, sizeof a);
    sg_train_opts_init(&a.o);
    a.keep = 40000;
    a.threshold = -1.0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        int takes = 1;
        if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            sg_usage(stdout);
            return 0;
        } else if (strcmp(s, "--grid") == 0) {
            a.grid = 1;
            takes = 0;
        } else if (strcmp(s, "--quiet") == 0) {
            a.quiet = 1;
            takes = 0;
        } else if (strcmp(s, "--no-average") == 0) {
            a.o.average = 0;
            takes = 0;
        } else if (!sg_takes_value(s)) {
            fprintf(stderr, "sg-train: unknown option %s\n", s);
            sg_usage(stderr);
            return 2;
        } else if (!v) {
            fprintf(stderr, "sg-train: %s needs a value\n", s);
            return 2;
        } else if (strcmp(s, "--train") == 0 || strcmp(s, "--dev") == 0) {
            int dev = s[2] == 'd';
            int *n = dev ? &a.ndev : &a.ntrain;
            if (*n == SG_MAX_FILES) {
                fprintf(stderr, "sg-train: at most %d %s files\n", SG_MAX_FILES,
                        s + 2);
                return 2;
            }
            (dev ? a.dev : a.train)[(*n)++] = v;
        } else if (strcmp(s, "--out-c") == 0) {
            a.out_c = v;
        } else if (strcmp(s, "--out") == 0) {
            a.out = v;
        } else if (strcmp(s, "--note") == 0) {
            a.note = v;
        } else if (strcmp(s, "--epochs") == 0) {
            long e = strtol(v, &end, 10);
            if (*end || e < 1 || e > 1000)
                goto bad;
            a.o.epochs = (int)e;
        } else if (strcmp(s, "--l2") == 0) {
            a.o.l2 = strtod(v, &end);
            if (*end || !(a.o.l2 >= 0 && a.o.l2 < 1))
                goto bad;
        } else if (strcmp(s, "--g0") == 0) {
            a.o.g0 = strtod(v, &end);
            if (*end || !(a.o.g0 >= 0 && a.o.g0 < 1e6))
                goto bad;
        } else if (strcmp(s, "--lr") == 0) {
            a.o.lr = strtod(v, &end);
            if (*end || !(a.o.lr > 0 && a.o.lr < 100))
                goto bad;
        } else if (strcmp(s, "--buckets") == 0) {
            long b = strtol(v, &end, 10);
            if (*end || b < SG_MODEL_MIN_LOG2 || b > SG_MODEL_MAX_LOG2)
                goto bad;
            a.o.buckets_log2 = (unsigned)b;
        } else if (strcmp(s, "--seed") == 0) {
            a.o.seed = strtoull(v, &end, 10);
            if (*end)
                goto bad;
        } else if (strcmp(s, "--keep") == 0) {
            a.keep = (size_t)strtoull(v, &end, 10);
            if (*end)
                goto bad;
        } else if (strcmp(s, "--features") == 0) {
            if (!sg_parse_features(v, &a.o.flags))
                goto bad;
        } else if (strcmp(s, "--threshold") == 0) {
            if (strcmp(v, "auto") == 0) {
                a.threshold = -1.0;
            } else {
                a.threshold = strtod(v, &end);
                if (*end || !(a.threshold >= 0 && a.threshold <= 1))
                    goto bad;
            }
        }
        i += takes;
        continue;
    bad:
        fprintf(stderr, "sg-train: bad value for %s: %s\n", s, v);
        return 2;
    }
    if (!a.ntrain) {
        sg_usage(stderr);
        return 2;
    }

    sg_dataset train = {0};
    sg_trainer t;
    memset(&t, 0, sizeof t);
    t.verbose = !a.quiet;
    sg_error err = {SG_OK, ""};
    for (int i = 0; i < a.ntrain; i++)
        if (sg_dataset_load(&train, a.train[i], &err) != SG_OK)
            goto fail;
    for (int i = 0; i < a.ndev; i++)
        if (sg_dataset_load(&t.dev, a.dev[i], &err) != SG_OK)
            goto fail;
    size_t pos = 0, dpos = 0;
    for (size_t i = 0; i < train.n; i++)
        pos += train.ex[i].label != 0;
    for (size_t i = 0; i < t.dev.n; i++)
        dpos += t.dev.ex[i].label != 0;
    printf("train: %zu sentences, %zu spoilers; dev: %zu sentences, %zu "
           "spoilers\n",
           train.n, pos, t.dev.n, dpos);
    t.scored = malloc((t.dev.n ? t.dev.n : 1) * sizeof *t.scored);
    if (!t.scored) {
        snprintf(err.message, sizeof err.message, "out of memory");
        goto fail;
    }
    if (a.grid) {
        if (!t.dev.n) {
            fprintf(stderr, "sg-train: --grid needs --dev files\n");
            return 2;
        }
        int ok = sg_grid(&a, &train, &t);
        free(t.scored);
        sg_dataset_free(&train);
        sg_dataset_free(&t.dev);
        return ok ? 0 : 2;
    }

    char fs[64];
    sg_features_text(a.o.flags, fs, sizeof fs);
    printf("training: features %s, 2^%u buckets, %d epochs, lr %g, g0 %g, l2 "
           "%g, seed %llu, %s\n",
           fs, a.o.buckets_log2, a.o.epochs, a.o.lr, a.o.g0, a.o.l2,
           (unsigned long long)a.o.seed, a.o.average ? "averaged" : "last");
    a.o.on_epoch = sg_on_epoch;
    a.o.ctx = &t;
    sg_dense d;
    double t0 = sg_now();
    if (sg_train(&train, &a.o, &d, &err) != SG_OK)
        goto fail;
    printf("trained in %.2f s\n", sg_now() - t0);

    size_t nz = 0, nb = (size_t)1 << d.buckets_log2;
    for (size_t i = 0; i < nb; i++)
        nz += d.w[i] != 0.0f;
    sg_eval full, quant;
    if (t.dev.n) {
        sg_eval_dense(&d, &t.dev, t.scored, &full);
        sg_print_eval("dev (float weights)", &full);
    }
    sg_model m;
    if (sg_model_from_dense(&d, a.keep, 0.5, &m, &err) != SG_OK)
        goto fail;
    printf("model: %zu of %zu nonzero weights kept, int8, scale %.6g\n", m.nnz,
           nz, m.scale);
    double threshold = a.threshold >= 0 ? a.threshold : 0.5;
    if (t.dev.n) {
        sg_eval_model(&m, &t.dev, t.scored, &quant);
        sg_print_eval("dev (stored model)", &quant);
        if (a.threshold < 0)
            threshold = quant.best_t;
        sg_metrics chosen;
        for (size_t i = 0; i < t.dev.n; i++) {
            t.scored[i].p = sg_score_with(&m, t.dev.ex[i].text, t.dev.ex[i].len);
            t.scored[i].label = t.dev.ex[i].label;
        }
        sg_metrics_at(t.scored, t.dev.n, threshold, &chosen);
        printf("threshold %.3f: acc %.4f prec %.4f rec %.4f\n", threshold,
               chosen.acc, chosen.prec, chosen.rec);
    }
    m.threshold = threshold;
    sg_bench(&m, &train);

    if (a.out && sg_model_save(&m, a.out, &err) != SG_OK)
        goto fail;
    if (a.out_c) {
        char prov[4096];
        size_t n = 0;
#define SG_P(...)                                                              \
    (n += (size_t)snprintf(prov + n, n < sizeof prov ? sizeof prov - n : 0,   \
                           __VA_ARGS__))
        SG_P("Command: sg-train");
        for (int i = 1; i < argc; i++)
            SG_P(" %s", argv[i]);
        SG_P("\n\n");
        for (int i = 0; i < a.ntrain + a.ndev; i++) {
            const char *p = i < a.ntrain ? a.train[i] : a.dev[i - a.ntrain];
            unsigned long long h, size;
            if (sg_file_digest(p, &h, &size))
                SG_P("%s %s: %llu bytes, FNV-1a-64 %016llx\n",
                     i < a.ntrain ? "Trained on" : "Dev (evaluated only)",
                     sg_basename(p), size, h);
        }
        SG_P("Training: %zu sentences (%zu spoilers); features %s; 2^%u "
             "buckets;\n%d epochs of AdaGrad, lr %g, g0 %g, L2 %g, seed %llu, "
             "%s weights.\n",
             train.n, pos, fs, a.o.buckets_log2, a.o.epochs, a.o.lr, a.o.g0,
             a.o.l2,
             (unsigned long long)a.o.seed, a.o.average ? "averaged" : "last");
        SG_P("Stored: %zu of %zu nonzero weights, int8 with scale %.6g.\n",
             m.nnz, nz, m.scale);
        if (t.dev.n)
            SG_P("Dev (%zu sentences): at 0.5 acc %.4f prec %.4f rec %.4f; "
                 "at %.3f\nacc %.4f prec %.4f rec %.4f; ROC AUC %.4f.\n",
                 t.dev.n, quant.at.acc, quant.at.prec, quant.at.rec,
                 quant.best_t, quant.best.acc, quant.best.prec, quant.best.rec,
                 quant.auc);
        if (a.note)
            SG_P("%s\n", a.note);
#undef SG_P
        FILE *f = fopen(a.out_c, "w");
        if (!f) {
            snprintf(err.message, sizeof err.message, "%s: cannot write",
                     a.out_c);
            goto fail;
        }
        sg_status st = sg_model_write_c(&m, f, prov, &err);
        if (fclose(f) != 0 && st == SG_OK) {
            snprintf(err.message, sizeof err.message, "%s: write failed",
                     a.out_c);
            goto fail;
        }
        if (st != SG_OK)
            goto fail;
        printf("wrote %s\n", a.out_c);
    }
    sg_model_free(&m);
    sg_dense_free(&d);
    free(t.scored);
    sg_dataset_free(&train);
    sg_dataset_free(&t.dev);
    return 0;
fail:
    fprintf(stderr, "sg-train: %s\n", err.message);
    return 2;
}
