/*
 * sg_rating.h -- what the files that find the review's own rating share:
 * sg_rating.c scans the article's lines and keeps the best rating;
 * sg_rating_value.c reads a value as it is written (numbers, number words,
 * scales, star glyphs, letter grades, verdict words), and a whole value
 * (after a label, or alone in a front-matter field); sg_rating_prose.c
 * reads labels, sections and the prose around a value, which say whether
 * it is the review's own.  Internal to those files: the rest of the library
 * calls the sg_rating_* functions of sg_internal.h.
 */
#ifndef SG_RATING_H
#define SG_RATING_H

#include "sg_internal.h"
#include "sg_phrases.h"
#include "sg_text.h"

#include <stddef.h>

/* A word and its place on the [0,1] scale (a "Recommend:" label's yes or
 * no, sg_rating.c; the verdict phrases are a phrase list, sg_phrases.c). */
typedef struct sg_verdict_word {
    const char *phrase; /* lower case; a space matches any run of spaces */
    double norm;
    int alone;
} sg_verdict_word;

/* The bytes of a line. */
typedef const unsigned char sg_uc;

/* The bytes (sg_byte_class) where the line scan may find something, and
 * those of them that may start a value: a digit, a number word's first
 * letter, the first byte of a star glyph or of "½". */
#define SG_R_ANY (SG_BYTE_ALPHA | SG_BYTE_DIGIT | SG_BYTE_GLYPH)
#define SG_R_START (SG_BYTE_DIGIT | SG_BYTE_NUMBER | SG_BYTE_GLYPH)

/* How a value is written. */
enum {
    SG_RF_FRACTION = 1,
    SG_RF_OUTOF,
    SG_RF_STARS,
    SG_RF_BARE,
    SG_RF_GLYPHS,
    SG_RF_GRADE,
    SG_RF_WORD,
    SG_RF_PERCENT
};

/* One rating found in a line: offsets relative to the line. */
typedef struct sg_rval {
    size_t s, e;
    int form;
    double value, scale, norm;
    int scale_given; /* the scale is written, not inferred */
    int unit;        /* "stars" written after a fraction; a rated thing after
                        "N-star" ("a four-star film") */
    int half;        /* the value has a half (3.5, ½) */
    size_t slots;    /* glyphs: number of star glyphs drawn */
} sg_rval;

/* What a label says about the value after it. */
typedef struct sg_rlabel {
    int sep;      /* a separator was written */
    int only_num; /* numbers only ("rated") */
    int strong;   /* it names the overall score */
    int at_end;   /* nothing follows it on the line */
    int free;     /* "Recommend:": a yes, a no or free words; "Recommended:",
                     "Recommendation:" a yes, a no or a verdict word only (2) */
    int stars;    /* "Stars:": a bare number counts stars, out of 5 */
    size_t end;   /* where the label word ends */
} sg_rlabel;

/* Cue words near candidates, found by two cursors that only move forward
 * (candidates come in order), so a line full of numbers stays linear. */
#define SG_R_NEAR 80
typedef struct sg_rcues {
    size_t back_pos;  /* cues before back_pos are known ... */
    size_t back_last; /* ... the last of them starts here (or SIZE_MAX) */
    size_t fwd_pos;   /* no cue starts in [fwd_from, fwd_pos) but fwd_hit */
    size_t fwd_hit;   /* the first cue found at or after fwd_from (or SIZE_MAX) */
} sg_rcues;

/* ---- reading a value (sg_rating_value.c) -------------------------------------- */

int sg_r_any_word(sg_uc *t, size_t n, size_t from, size_t to,
                  const char *const *words);
int sg_r_alone(sg_uc *t, size_t n, size_t s, size_t e);
int sg_r_common_scale(double s);
void sg_r_finish_num(sg_rval *rv);
size_t sg_r_glyph(sg_uc *t, size_t n, size_t i, int *kind);
int sg_r_glyphs(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume);
int sg_r_grade(sg_uc *t, size_t n, size_t i, int need_sign, sg_rval *rv);
int sg_r_is_numword(sg_uc *t, size_t i, size_t e);
size_t sg_r_match(sg_uc *t, size_t n, size_t i, const char *w);
int sg_r_next_word_in(sg_uc *t, size_t n, size_t e, const char *const *words);
int sg_r_number(sg_uc *t, size_t n, size_t i, double *v, size_t *end, size_t *skip,
                int *lead0);
int sg_r_numeric(sg_uc *t, size_t n, size_t i, sg_rval *rv, size_t *resume);
int sg_r_numword(sg_uc *t, size_t n, size_t i, double *v, size_t *end);
int sg_r_prev_word_in(sg_uc *t, size_t i, const char *const *words);
int sg_r_scale_at(sg_uc *t, size_t n, size_t i, double *v, size_t *end);
int sg_r_value_at(sg_uc *t, size_t n, size_t i, int only_num, int bare_grade,
                  sg_rval *rv);
int sg_r_verdict(sg_uc *t, size_t n, size_t i, int weak_ok, sg_rval *rv);
size_t sg_r_word(sg_uc *t, size_t n, size_t i, const char *w);
int sg_r_word_start(sg_uc *t, size_t i);
void sg_r_words_value(sg_rval *rv, size_t s, size_t e, double norm);

/* ---- labels, sections and prose (sg_rating_prose.c) ---------------------------- */

int sg_r_aggregate(sg_uc *t, size_t n, size_t e);
extern const char *const sg_r_chrome[];
size_t sg_r_label(sg_uc *t, size_t n, sg_rlabel *lb);
int sg_r_label_before(sg_uc *t, size_t s, int *strong);
int sg_r_line_is(sg_uc *t, size_t n, const char *const *list, int whole);
int sg_r_other_works(sg_uc *t, size_t s);
int sg_r_prose_bare(sg_uc *t, size_t n, const sg_rval *rv);
int sg_r_prose_grade(sg_uc *t, size_t n, size_t i, sg_rval *rv);
int sg_r_prose_ok(sg_rcues *cues, sg_uc *t, size_t n, const sg_rval *rv, int alone,
                  int late);
double sg_r_scale_phrase(sg_uc *t, size_t n, size_t *ps, size_t *pe);
extern const char *const sg_r_sections[];

#endif
