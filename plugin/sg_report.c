/*
 * sg_report.c -- the JSON report of one analysis (DESIGN.md, "Report").
 *
 * One compact JSON object on one line: offsets are bytes into the input,
 * null where a value is unknown, NaN and infinities written as null.
 */
#include "sg_internal.h"

#include <math.h>
#include <stdio.h>

static void sg_report_str(sg_buf *b, const char *s)
{
    if (!s) {
        sg_buf_puts(b, "null");
        return;
    }
    sg_buf_putc(b, '"');
    sg_buf_put_json(b, s, strlen(s));
    sg_buf_putc(b, '"');
}

/* A byte offset in decimal, as %zu writes it, without printf. */
static void sg_report_zu(sg_buf *b, size_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sg_buf_put(b, tmp + i, sizeof tmp - i);
}

/* The shortest %g form that reads back as the same double. */
static void sg_report_num(sg_buf *b, double v)
{
    if (!isfinite(v)) {
        sg_buf_puts(b, "null");
        return;
    }
    /* a whole number (most values and scales) is its digits in %.15g */
    if (!signbit(v) && v < 1e9 && v == floor(v)) {
        sg_report_zu(b, (size_t)v);
        return;
    }
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    sg_buf_puts(b, tmp);
}

/* Scores are estimates: three decimals say all they know.  Below 1e6 they
 * are rounded here as printf rounds the exact value: v * 1000 is within
 * 1e-7 of the exact product, so away from a half it rounds the same way;
 * near a half (a tie printf breaks to even) printf decides. */
static void sg_report_score(sg_buf *b, double v)
{
    char tmp[48];
    int k;
    double x = v * 1000, f = floor(x);
    if (!signbit(v) && v < 1e6 && fabs(x - f - 0.5) > 1e-6) {
        size_t r = (size_t)f + (x - f > 0.5);
        sg_report_zu(b, r / 1000);
        tmp[0] = '.';
        tmp[1] = (char)('0' + r / 100 % 10);
        tmp[2] = (char)('0' + r / 10 % 10);
        tmp[3] = (char)('0' + r % 10);
        sg_buf_put(b, tmp, 4);
    } else if (!isfinite(v))
        sg_buf_puts(b, "null");
    else if ((k = snprintf(tmp, sizeof tmp, "%.3f", v)) >= 0 && (size_t)k < sizeof tmp)
        sg_buf_put(b, tmp, (size_t)k); /* one format, not sg_buf_printf's two */
    else
        sg_buf_printf(b, "%.3f", v);
}

static void sg_report_meta(sg_buf *b, const sg_meta *m)
{
    sg_buf_puts(b, "\"meta\":{\"title\":");
    sg_report_str(b, m->title);
    sg_buf_puts(b, ",\"work\":");
    sg_report_str(b, m->work);
    sg_buf_puts(b, ",\"year\":");
    sg_report_str(b, m->year);
    sg_buf_puts(b, ",\"genres\":[");
    for (size_t i = 0; i < m->ngenres; i++) {
        if (i)
            sg_buf_putc(b, ',');
        sg_report_str(b, m->genres[i]);
    }
    sg_buf_puts(b, "],\"author\":");
    sg_report_str(b, m->author);
    sg_buf_puts(b, ",\"date\":");
    sg_report_str(b, m->date);
    sg_buf_puts(b, ",\"excerpt\":");
    sg_report_str(b, m->excerpt);
    sg_buf_putc(b, '}');
}

static void sg_report_rating(sg_buf *b, const sg_rating_out *r)
{
    sg_buf_puts(b, "\"rating\":");
    if (!r->found) {
        sg_buf_puts(b, "null");
        return;
    }
    sg_buf_puts(b, "{\"text\":");
    sg_report_str(b, r->text);
    sg_buf_puts(b, ",\"value\":");
    sg_report_num(b, r->value);
    sg_buf_puts(b, ",\"scale\":");
    sg_report_num(b, r->scale);
    sg_buf_puts(b, ",\"normalized\":");
    sg_report_num(b, r->normalized);
    sg_buf_puts(b, ",\"verdict\":");
    sg_report_str(b, r->verdict);
    sg_buf_puts(b, ",\"start\":");
    sg_report_zu(b, r->start);
    sg_buf_puts(b, ",\"end\":");
    sg_report_zu(b, r->end);
    sg_buf_putc(b, '}');
}

static void sg_report_characters(sg_buf *b, const sg_cast *cast)
{
    sg_buf_puts(b, "\"characters\":[");
    for (size_t i = 0; i < cast->n; i++) {
        if (i)
            sg_buf_putc(b, ',');
        sg_buf_puts(b, "{\"name\":");
        sg_report_str(b, cast->people[i].name);
        sg_buf_puts(b, ",\"actor\":");
        sg_report_str(b, cast->people[i].actor);
        sg_buf_putc(b, '}');
    }
    sg_buf_putc(b, ']');
}

/* ---- skipped spans --------------------------------------------------------- */

typedef struct sg_report_skip {
    size_t start, end;
    sg_why why;
    size_t order; /* ties keep document order, so the output is stable */
} sg_report_skip;

static int sg_report_skip_cmp(const void *pa, const void *pb)
{
    const sg_report_skip *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Article blocks sorted by start, with the running maximum of their ends,
 * answer "does article text lie in [from, to)?" in O(log n). */
typedef struct sg_report_article {
    sg_span *span;
    size_t *max_end;
    size_t n;
} sg_report_article;

static int sg_report_article_between(const sg_report_article *art, size_t from, size_t to)
{
    if (from >= to || art->n == 0)
        return 0;
    size_t lo = 0, hi = art->n; /* first block starting at or after `to` */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (art->span[mid].start < to)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && art->max_end[lo - 1] > from;
}

static int sg_report_span_cmp(const void *pa, const void *pb)
{
    const sg_span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Blocks that are not article text and the inline spans skipped inside
 * blocks, merged where neighbours share a reason and no article text
 * separates them (a menu of twenty links is one "navigation" span). */
static int sg_report_skipped(sg_buf *b, const sg_doc *doc)
{
    size_t nskip = doc->nskipped, nart = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].why != SG_WHY_ARTICLE)
            nskip++;
        else
            nart++;
    }

    sg_report_skip *items = nskip ? calloc(nskip, sizeof *items) : NULL;
    sg_report_article art = {NULL, NULL, nart};
    if (nart) {
        art.span = calloc(nart, sizeof *art.span);
        art.max_end = calloc(nart, sizeof *art.max_end);
    }
    if ((nskip && !items) || (nart && (!art.span || !art.max_end))) {
        free(items);
        free(art.span);
        free(art.max_end);
        return 0;
    }

    size_t k = 0, a = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *blk = &doc->blocks[i];
        if (blk->why != SG_WHY_ARTICLE) {
            items[k] = (sg_report_skip){blk->start, blk->end, blk->why, k};
            k++;
        } else {
            art.span[a++] = (sg_span){blk->start, blk->end};
        }
    }
    for (size_t i = 0; i < doc->nskipped; i++) {
        items[k] = (sg_report_skip){doc->skipped[i].start, doc->skipped[i].end,
                                    doc->skipped[i].why, k};
        k++;
    }
    if (nskip > 1)
        qsort(items, nskip, sizeof *items, sg_report_skip_cmp);
    if (nart > 1)
        qsort(art.span, nart, sizeof *art.span, sg_report_span_cmp);
    for (size_t i = 0; i < nart; i++) {
        size_t e = art.span[i].end;
        art.max_end[i] = (i && art.max_end[i - 1] > e) ? art.max_end[i - 1] : e;
    }

    sg_buf_puts(b, "\"skipped\":[");
    int first = 1;
    for (size_t i = 0; i < nskip;) {
        size_t start = items[i].start, end = items[i].end;
        sg_why why = items[i].why;
        size_t j = i + 1;
        while (j < nskip && items[j].why == why &&
               !sg_report_article_between(&art, end, items[j].start)) {
            if (items[j].end > end)
                end = items[j].end;
            j++;
        }
        if (end > start) {
            sg_buf_puts(b, first ? "{\"start\":" : ",{\"start\":");
            sg_report_zu(b, start);
            sg_buf_puts(b, ",\"end\":");
            sg_report_zu(b, end);
            sg_buf_puts(b, ",\"why\":");
            sg_report_str(b, sg_why_name(why));
            sg_buf_putc(b, '}');
            first = 0;
        }
        i = j;
    }
    sg_buf_putc(b, ']');
    free(items);
    free(art.span);
    free(art.max_end);
    return 1;
}

/* ---- spoilers -------------------------------------------------------------- */

static void sg_report_flag(sg_buf *b, const sg_doc *doc, const sg_flag *f)
{
    size_t start = f->start < doc->len ? f->start : doc->len;
    size_t end = f->end < doc->len ? f->end : doc->len;
    if (end < start)
        end = start;
    sg_buf_puts(b, "{\"start\":");
    sg_report_zu(b, f->start);
    sg_buf_puts(b, ",\"end\":");
    sg_report_zu(b, f->end);
    sg_buf_puts(b, ",\"text\":\"");
    sg_buf_put_json(b, doc->src + start, end - start);
    sg_buf_puts(b, "\",\"kind\":");
    sg_report_str(b, f->kind);
    sg_buf_puts(b, f->severity == SG_MAJOR ? ",\"severity\":\"major\",\"rule\":"
                                           : ",\"severity\":\"minor\",\"rule\":");
    sg_report_str(b, f->rule);
    sg_buf_puts(b, ",\"confidence\":");
    sg_report_score(b, f->confidence);
    sg_buf_puts(b, ",\"evidence\":{\"start\":");
    sg_report_zu(b, f->evidence_start);
    sg_buf_puts(b, ",\"end\":");
    sg_report_zu(b, f->evidence_end);
    sg_buf_puts(b, f->marked ? "},\"marked\":true,\"cue\":" : "},\"marked\":false,\"cue\":");
    sg_report_str(b, f->cue);
    sg_buf_puts(b, ",\"character\":");
    sg_report_str(b, f->character);
    sg_buf_puts(b, ",\"model\":");
    sg_report_score(b, f->model_score);
    sg_buf_putc(b, '}');
}

char *sg_report_json(const sg_analysis *a, const char *id, size_t id_len, size_t *out_len)
{
    if (!a)
        return NULL;
    sg_buf b;
    sg_buf_init(&b);
    sg_buf_putc(&b, '{');
    if (id) {
        sg_buf_puts(&b, "\"id\":\"");
        sg_buf_put_json(&b, id, id_len);
        sg_buf_puts(&b, "\",");
    }
    sg_buf_puts(&b, "\"format\":");
    sg_report_str(&b, sg_format_name(a->doc.format));
    sg_buf_puts(&b, ",\"style\":");
    sg_report_str(&b, sg_style_name(sg_analysis_style(a, NULL)));
    sg_buf_putc(&b, ',');
    sg_report_meta(&b, &a->meta);
    sg_buf_putc(&b, ',');
    sg_report_rating(&b, &a->rating);
    sg_buf_putc(&b, ',');
    sg_report_characters(&b, &a->cast);
    sg_buf_putc(&b, ',');
    if (!sg_report_skipped(&b, &a->doc)) {
        sg_buf_free(&b);
        return NULL;
    }
    sg_buf_puts(&b, ",\"spoilers\":[");
    for (size_t i = 0; i < a->nflags; i++) {
        if (i)
            sg_buf_putc(&b, ',');
        sg_report_flag(&b, &a->doc, &a->flags[i]);
    }
    sg_buf_puts(&b, "]}");
    return sg_buf_take(&b, out_len);
}
