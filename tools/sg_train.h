/*
 * sg_train.h -- training the learned scorer of plugin/detect/sg_score.c: labelled
 * data, dense float weights, AdaGrad, and pruning them into a stored model
 * written as a model file or as the C source of the built-in model.
 *
 * Built into sg-train (tools/sg_train.c) and the unit tests, never into the
 * library.  Features come from the library's sg_features and probabilities
 * from its sg_score_logistic, so training fits exactly what scores at run
 * time.
 */
#ifndef SG_TRAIN_H
#define SG_TRAIN_H

#include "sg_internal.h"
#include "sg_score.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Fill `err` (when not NULL) and give `st`. */
#define sg_train_fail(err, st, ...) (sg_set_error((err), (st), __VA_ARGS__), (st))

/* ---- dense models ---------------------------------------------------------- */

/* Unpruned float weights, one per bucket. */
typedef struct sg_dense {
    unsigned buckets_log2;
    unsigned flags;
    double bias;
    float *w; /* 2^buckets_log2 */
} sg_dense;

sg_status sg_dense_init(sg_dense *d, unsigned buckets_log2, unsigned flags,
                        sg_error *err);
void sg_dense_free(sg_dense *d);
double sg_dense_score(const sg_dense *d, const char *text, size_t n);

/* ---- stored models --------------------------------------------------------- */

/* Keep the `keep` largest weights by magnitude (all nonzero when keep is 0)
 * and quantize them to int8; fills `m` (free with sg_model_free). */
sg_status sg_model_from_dense(const sg_dense *d, size_t keep, double threshold,
                              sg_model *m, sg_error *err);
/* Write `m` as a text file ("spoilerguard-model 1", a header, then one
 * "bucket q" line per stored weight). */
sg_status sg_model_save(const sg_model *m, const char *path, sg_error *err);
/* Write `m` as C source defining `const sg_model sg_default_model`, with
 * `provenance` as its header comment (newlines kept, long lines wrapped,
 * comment markers in it defused). */
sg_status sg_model_write_c(const sg_model *m, FILE *out, const char *provenance,
                           sg_error *err);

/* ---- labelled data -------------------------------------------------------- */

typedef struct sg_example {
    char *text;
    size_t len;
    int label; /* 1 spoiler, 0 not */
} sg_example;

typedef struct sg_dataset {
    sg_example *ex;
    size_t n, cap;
} sg_dataset;

/* Append the rows of a CSV file (RFC 4180: quoted fields, "" escapes, commas
 * and newlines inside quotes, CRLF).  The header names the columns: the text
 * is "sentence" or "text", the label "spoiler" or "label"; labels are
 * true/false, 1/0, yes/no in any case.  `name` is used in messages. */
sg_status sg_dataset_read_csv(sg_dataset *d, const char *buf, size_t n,
                              const char *name, sg_error *err);
/* Append JSON Lines: one object per line with "text" (or "sentence") and
 * "label" (or "spoiler"): true/false, 1/0 or those as strings. */
sg_status sg_dataset_read_jsonl(sg_dataset *d, const char *buf, size_t n,
                                const char *name, sg_error *err);
/* Append one example (the text is copied). */
sg_status sg_dataset_add(sg_dataset *d, const char *text, size_t n, int label,
                         sg_error *err);
/* Read a file: JSON Lines when its first non-blank byte is '{', else CSV. */
sg_status sg_dataset_load(sg_dataset *d, const char *path, sg_error *err);
void sg_dataset_free(sg_dataset *d);

/* ---- training ------------------------------------------------------------ */

typedef struct sg_train_opts {
    unsigned buckets_log2; /* default 18 */
    unsigned flags;        /* default SG_FEAT_DEFAULT */
    int epochs;            /* default 15 */
    double lr;             /* AdaGrad step, default 0.1 */
    double l2;             /* L2 strength on each update, default 1e-3 */
    double g0;             /* AdaGrad's starting squared-gradient sum, default
                              0.1: damps the first steps of rare features */
    uint64_t seed;         /* shuffle seed, default 1 */
    int average;           /* 1 (default): return the weights averaged over
                              every step, steadier than the last ones */
    /* Called after each epoch with the weights so far (averaged when
     * `average`); may be NULL. */
    void (*on_epoch)(void *ctx, int epoch, const sg_dense *d);
    void *ctx;
} sg_train_opts;

void sg_train_opts_init(sg_train_opts *o);
/* Logistic regression by AdaGrad with L2, examples shuffled each epoch with a
 * fixed-seed generator: the same data and options give the same weights. */
sg_status sg_train(const sg_dataset *train, const sg_train_opts *o,
                   sg_dense *out, sg_error *err);

#endif
