/*
 * sg_html_ld.c -- the review's own rating as a page's JSON-LD gives it.
 *
 * Blog engines and review plugins describe a review for search engines in
 * <script type="application/ld+json">: a schema.org Review whose
 * "reviewRating" holds the reviewer's "ratingValue" and its "bestRating".
 * That is the review's own rating, and the page's text may never show the
 * number.  An "aggregateRating" (other people's average) is never read.
 * Pages with several reviews that disagree say nothing certain: none is
 * read.
 *
 * What is found becomes two fields of the document, "ratingvalue" and
 * "bestrating", whose values stand verbatim in the input, so the rating
 * stage reads them as it reads a front-matter field (sg_rating_fields.c).
 */
#include "sg_internal.h"
#include "sg_json.h"

#include <string.h>

#define SG_LD_BESTS 8

typedef struct sg_ld_found {
    size_t value_s, value_e, value_obj; /* the first ratingValue */
    struct {
        size_t s, e, obj;
    } best[SG_LD_BESTS]; /* the first bestRatings, with their objects */
    size_t nbest;
    int have_value, disagree;
    const char *src;
} sg_ld_found;

static int sg_ld_is(const char *k, size_t n, const char *name)
{
    return k && n == strlen(name) && !memcmp(k, name, n);
}

static void sg_ld_scalar(const sg_json_scalar *v, void *ud)
{
    sg_ld_found *f = ud;
    if (!sg_ld_is(v->holder_key, v->holder_key_len, "reviewRating"))
        return;
    if (sg_ld_is(v->key, v->key_len, "ratingValue")) {
        if (!f->have_value) {
            f->have_value = 1;
            f->value_s = v->start;
            f->value_e = v->end;
            f->value_obj = v->object;
        } else if (v->end - v->start != f->value_e - f->value_s ||
                   memcmp(f->src + v->start, f->src + f->value_s, v->end - v->start)) {
            f->disagree = 1;
        }
    } else if (sg_ld_is(v->key, v->key_len, "bestRating") && f->nbest < SG_LD_BESTS) {
        /* it may come before its object's ratingValue */
        f->best[f->nbest].s = v->start;
        f->best[f->nbest].e = v->end;
        f->best[f->nbest++].obj = v->object;
    }
}

int sg_html_ld_read(sg_doc *doc, size_t start, size_t end)
{
    if (end <= start || end > doc->len)
        return 1;
    sg_ld_found f;
    memset(&f, 0, sizeof f);
    f.src = doc->src + start;
    /* a page whose JSON-LD does not parse gives nothing, not an error */
    if (sg_json_walk(doc->src + start, end - start, sg_ld_scalar, &f) != 0 ||
        !f.have_value || f.disagree)
        return 1;
    for (size_t i = 0; i < f.nbest; i++)
        if (f.best[i].obj == f.value_obj) {
            if (!sg_doc_field(doc, "bestrating", f.src + f.best[i].s,
                              f.best[i].e - f.best[i].s, start + f.best[i].s))
                return 0;
            break;
        }
    return sg_doc_field(doc, "ratingvalue", f.src + f.value_s, f.value_e - f.value_s,
                        start + f.value_s);
}
