/*
 * sg_rating_fields.c -- the review's own rating as its front matter gives it.
 *
 * Static site generators keep the reviewer's score in a field: "rating: 3",
 * rating = "⭐⭐⭐⭐", "ratingStars: 3.5", "OverallScore: 68", "grade: B+",
 * rating = [ "Awesome" ].  Such a field is the rating: it beats anything in
 * the text (sg_rating_value.c reads the value's forms, sg_rating.c makes
 * the choice).
 *
 * A key names the rating when it is a head, a core and a tail run together
 * (separators and case ignored): heads "", my, our, overall, final, total,
 * review, personal, author, or the work's medium (book, movie, film, show,
 * series, game, anime, manga, album); cores rating, score, stars, star, grade,
 * verdict; tails "", stars, value, rating, score.  So "imdb", "metacritic",
 * "rotten_tomatoes", "imdb_rating" (another site's score) and sub-scores
 * ("StoryDevelopment", "acting_score") are never read, nor counts such as
 * "rating_count".  An "overall", "final" or "total" key beats the others;
 * else the first one wins.
 *
 * A bare number's scale only the site knows: a "max"/"out of" field gives
 * it, else it is a guess: 5 up to 5, 10 up to 10, 100 up to 100.  A 0 is a
 * placeholder ("not rated yet"), never a rating.  A "rating" field may hold
 * a content rating instead ("PG-13", "R", "15", "13+", "A", "U"): there a
 * bare number from 11 to 21 (an age) or a letter without a sign is not
 * read.
 */
#include "sg_internal.h"

#include <string.h>

static const char *const sg_rf_heads[] = {
    "",         "my",     "our",   "overall", "final", "total", "review",
    "personal", "author", "book",  "movie",   "film",  "show",  "series",
    "game",     "anime",  "manga", "album",   NULL};
static const char *const sg_rf_cores[] = {"rating", "score",   "stars", "star",
                                          "grade",  "verdict", NULL};
static const char *const sg_rf_tails[] = {"", "stars", "value", "rating", "score", NULL};
/* Keys that give a bare number's scale. */
static const char *const sg_rf_scales[] = {"outof",     "ratingoutof", "scale",
                                           "ratingscale", "bestrating", "maxrating",
                                           "ratingmax", "maxscore",    "scoremax",
                                           NULL};

/* The key's letters and digits, lower case (keys are stored lower case);
 * 0 when it does not fit. */
static size_t sg_rf_squeeze(const char *key, char *out, size_t cap)
{
    size_t n = 0;
    for (; *key; key++) {
        if (*key == '_' || *key == '-' || *key == ' ' || *key == '.')
            continue;
        if (n + 1 >= cap)
            return 0;
        out[n++] = *key;
    }
    out[n] = '\0';
    return n;
}

/* Does `k` start with `w`?  Returns the rest, or NULL. */
static const char *sg_rf_prefix(const char *k, const char *w)
{
    size_t l = strlen(w);
    return strncmp(k, w, l) ? NULL : k + l;
}

static int sg_rf_in(const char *k, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (!strcmp(k, list[i]))
            return 1;
    return 0;
}

/* 0: not a rating key; 1: a rating key; 2: the overall one.  *stars: the
 * key counts stars; *grade: it is a grade or a score, not a "rating" (which
 * may hold a content rating: "PG-13", "15", "A"). */
static int sg_rf_key(const char *key, int *stars, int *grade)
{
    char k[64];
    if (!sg_rf_squeeze(key, k, sizeof k))
        return 0;
    for (size_t h = 0; sg_rf_heads[h]; h++) {
        const char *a = sg_rf_prefix(k, sg_rf_heads[h]);
        if (!a)
            continue;
        for (size_t c = 0; sg_rf_cores[c]; c++) {
            const char *b = sg_rf_prefix(a, sg_rf_cores[c]);
            if (!b || !sg_rf_in(b, sg_rf_tails))
                continue;
            *stars = strstr(k, "star") != NULL;
            *grade = c == 1 || c == 4 || c == 5; /* score, grade, verdict */
            return h >= 3 && h <= 5 ? 2 : 1;     /* overall, final, total */
        }
    }
    return 0;
}

/* A field's value as the input holds it, without list brackets and
 * quotes: [*s, *e) of the value.  0 when the value is not the input's own. */
static int sg_rf_span(const sg_doc *doc, const sg_field *f, size_t *s, size_t *e)
{
    size_t n = strlen(f->value);
    if (f->src == SIZE_MAX || f->src > doc->len || n > doc->len - f->src ||
        memcmp(doc->src + f->src, f->value, n))
        return 0;
    const char *v = f->value;
    size_t a = 0, b = n;
    if (a < b && v[a] == '[' && v[b - 1] == ']') {
        a++;
        b--;
    }
    while (a < b && (v[a] == ' ' || v[a] == '\t'))
        a++;
    while (b > a && (v[b - 1] == ' ' || v[b - 1] == '\t'))
        b--;
    if (b > a + 1 && (v[a] == '"' || v[a] == '\'') && v[b - 1] == v[a]) {
        a++;
        b--;
    }
    *s = a;
    *e = b;
    return b > a;
}

/* A scale from a "max"/"out of" field, else 0. */
static double sg_rf_given_scale(const sg_doc *doc)
{
    char k[64];
    for (size_t i = 0; i < doc->nfields; i++) {
        const sg_field *f = &doc->fields[i];
        if (!f->key || !f->value || !sg_rf_squeeze(f->key, k, sizeof k) ||
            !sg_rf_in(k, sg_rf_scales))
            continue;
        sg_rating_read r;
        if (sg_rating_read_value(f->value, strlen(f->value), &r) && r.bare &&
            r.value >= 2 && r.value <= 100 && r.value == (double)(long)r.value)
            return r.value;
    }
    return 0;
}

int sg_rating_from_fields(const sg_doc *doc, sg_rating_read *r, size_t *at)
{
    int best = 0;
    for (size_t i = 0; i < doc->nfields; i++) {
        const sg_field *f = &doc->fields[i];
        int stars = 0, grade = 0, rank;
        size_t s, e;
        if (!f->key || !f->value || !(rank = sg_rf_key(f->key, &stars, &grade)) ||
            rank <= best || !sg_rf_span(doc, f, &s, &e))
            continue;
        /* the whole value, nothing after it ("13+" is an age) */
        sg_rating_read got;
        if (!sg_rating_read_value(f->value + s, e - s, &got) || got.e != e - s)
            continue;
        /* a letter alone in a "rating" field is a content rating ("A", "B") */
        if (got.verdict && !grade && got.e - got.s == 1)
            continue;
        if (got.bare) {
            double v = got.value, sc = sg_rf_given_scale(doc);
            if (v <= 0)
                continue;
            if (sc && v <= sc)
                got.scale = sc;
            else if (v > 10 && v <= 21 && !grade)
                continue; /* "rating: 15" is an age; "rating: 85" a score out of 100 */
            else if (v <= 5)
                got.scale = 5;
            else if (v <= 10)
                got.scale = 10;
            else if (v <= 100 && !stars)
                got.scale = 100;
            else
                continue;
            got.norm = v / got.scale;
        }
        got.s += s;
        got.e += s;
        *r = got;
        *at = f->src;
        best = rank;
    }
    return best > 0;
}
