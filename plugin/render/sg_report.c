/*
 * sg_report.c -- the report of one analysis (DESIGN.md, "Report"): a walk
 * over it (sg_report_walk, for the Lua binding and any caller that wants its
 * own values), and the JSON text written from that same walk.
 *
 * One compact JSON object on one line: offsets are bytes into the input,
 * null where a value is unknown, NaN and infinities written as null.
 */
#include "sg_internal.h"

#include <math.h>
#include <stdio.h>

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

/* ---- the walk ------------------------------------------------------------ */

/* Tell the visitor one value, or open or close an object or list.  Each
 * returns the callback's result; the walk stops at the first non-zero. */
static int sg_walk_enter(const sg_report_visitor *v, void *ud, const char *key,
                         sg_report_type type)
{
    sg_report_value x = {.type = type, .key = key};
    return v->enter(&x, ud);
}

static int sg_walk_leave(const sg_report_visitor *v, void *ud, const char *key,
                         sg_report_type type)
{
    sg_report_value x = {.type = type, .key = key};
    return v->leave(&x, ud);
}

static int sg_walk_bytes(const sg_report_visitor *v, void *ud, const char *key,
                         const char *s, size_t n)
{
    sg_report_value x = {
        .type = s ? SG_REPORT_STRING : SG_REPORT_NULL, .key = key, .string = s, .len = n};
    return v->value(&x, ud);
}

/* A NUL-terminated string, or null for NULL. */
static int sg_walk_str(const sg_report_visitor *v, void *ud, const char *key,
                       const char *s)
{
    return sg_walk_bytes(v, ud, key, s, s ? strlen(s) : 0);
}

static int sg_walk_offset(const sg_report_visitor *v, void *ud, const char *key,
                          size_t off)
{
    sg_report_value x = {.type = SG_REPORT_OFFSET, .key = key, .offset = off};
    return v->value(&x, ud);
}

/* A number (SG_REPORT_NUMBER or SG_REPORT_SCORE); null when not finite. */
static int sg_walk_num(const sg_report_visitor *v, void *ud, const char *key, double num,
                       sg_report_type type)
{
    sg_report_value x = {
        .type = isfinite(num) ? type : SG_REPORT_NULL, .key = key, .number = num};
    return v->value(&x, ud);
}

static int sg_walk_bool(const sg_report_visitor *v, void *ud, const char *key, int on)
{
    sg_report_value x = {.type = SG_REPORT_BOOL, .key = key, .boolean = on != 0};
    return v->value(&x, ud);
}

/* Each step of a walk is `SG_WALK(call)`: the first non-zero result ends it. */
#define SG_WALK(call)                                                                    \
    do {                                                                                 \
        int rc_ = (call);                                                                \
        if (rc_)                                                                         \
            return rc_;                                                                  \
    } while (0)

static int sg_walk_meta(const sg_report_visitor *v, void *ud, const char *key,
                        const sg_meta *m)
{
    SG_WALK(sg_walk_enter(v, ud, key, SG_REPORT_OBJECT));
    SG_WALK(sg_walk_str(v, ud, "title", m->title));
    SG_WALK(sg_walk_str(v, ud, "work", m->work));
    SG_WALK(sg_walk_str(v, ud, "year", m->year));
    SG_WALK(sg_walk_enter(v, ud, "genres", SG_REPORT_LIST));
    for (size_t i = 0; i < m->ngenres; i++)
        SG_WALK(sg_walk_str(v, ud, NULL, m->genres[i]));
    SG_WALK(sg_walk_leave(v, ud, "genres", SG_REPORT_LIST));
    SG_WALK(sg_walk_str(v, ud, "author", m->author));
    SG_WALK(sg_walk_str(v, ud, "date", m->date));
    SG_WALK(sg_walk_str(v, ud, "excerpt", m->excerpt));
    return sg_walk_leave(v, ud, key, SG_REPORT_OBJECT);
}

static int sg_walk_rating(const sg_report_visitor *v, void *ud, const char *key,
                          const sg_rating *r)
{
    if (!r)
        return sg_walk_str(v, ud, key, NULL);
    SG_WALK(sg_walk_enter(v, ud, key, SG_REPORT_OBJECT));
    SG_WALK(sg_walk_str(v, ud, "text", r->text));
    SG_WALK(sg_walk_num(v, ud, "value", r->value, SG_REPORT_NUMBER));
    SG_WALK(sg_walk_num(v, ud, "scale", r->scale, SG_REPORT_NUMBER));
    SG_WALK(sg_walk_num(v, ud, "normalized", r->normalized, SG_REPORT_NUMBER));
    SG_WALK(sg_walk_str(v, ud, "verdict", r->verdict));
    SG_WALK(sg_walk_offset(v, ud, "start", r->start));
    SG_WALK(sg_walk_offset(v, ud, "end", r->end));
    return sg_walk_leave(v, ud, key, SG_REPORT_OBJECT);
}

static int sg_walk_characters(const sg_report_visitor *v, void *ud, const sg_cast *cast)
{
    SG_WALK(sg_walk_enter(v, ud, "characters", SG_REPORT_LIST));
    for (size_t i = 0; i < cast->n; i++) {
        SG_WALK(sg_walk_enter(v, ud, NULL, SG_REPORT_OBJECT));
        SG_WALK(sg_walk_str(v, ud, "name", cast->people[i].name));
        SG_WALK(sg_walk_str(v, ud, "actor", cast->people[i].actor));
        SG_WALK(sg_walk_leave(v, ud, NULL, SG_REPORT_OBJECT));
    }
    return sg_walk_leave(v, ud, "characters", SG_REPORT_LIST);
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
static int sg_walk_skipped(const sg_report_visitor *v, void *ud, const sg_doc *doc)
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
        return -1;
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

    int rc = sg_walk_enter(v, ud, "skipped", SG_REPORT_LIST);
    for (size_t i = 0; i < nskip && !rc;) {
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
            rc = sg_walk_enter(v, ud, NULL, SG_REPORT_OBJECT);
            if (!rc)
                rc = sg_walk_offset(v, ud, "start", start);
            if (!rc)
                rc = sg_walk_offset(v, ud, "end", end);
            if (!rc)
                rc = sg_walk_str(v, ud, "why", sg_why_name(why));
            if (!rc)
                rc = sg_walk_leave(v, ud, NULL, SG_REPORT_OBJECT);
        }
        i = j;
    }
    free(items);
    free(art.span);
    free(art.max_end);
    return rc ? rc : sg_walk_leave(v, ud, "skipped", SG_REPORT_LIST);
}

/* ---- spoilers -------------------------------------------------------------- */

static int sg_walk_flag(const sg_report_visitor *v, void *ud, const sg_doc *doc,
                        const sg_flag *f)
{
    size_t start = f->start < doc->len ? f->start : doc->len;
    size_t end = f->end < doc->len ? f->end : doc->len;
    if (end < start)
        end = start;
    SG_WALK(sg_walk_enter(v, ud, NULL, SG_REPORT_OBJECT));
    SG_WALK(sg_walk_offset(v, ud, "start", f->start));
    SG_WALK(sg_walk_offset(v, ud, "end", f->end));
    SG_WALK(sg_walk_bytes(v, ud, "text", doc->src + start, end - start));
    SG_WALK(sg_walk_str(v, ud, "kind", f->kind));
    SG_WALK(sg_walk_str(v, ud, "severity", f->severity == SG_MAJOR ? "major" : "minor"));
    SG_WALK(sg_walk_str(v, ud, "rule", f->rule));
    SG_WALK(sg_walk_num(v, ud, "confidence", f->confidence, SG_REPORT_SCORE));
    SG_WALK(sg_walk_enter(v, ud, "evidence", SG_REPORT_OBJECT));
    SG_WALK(sg_walk_offset(v, ud, "start", f->evidence_start));
    SG_WALK(sg_walk_offset(v, ud, "end", f->evidence_end));
    SG_WALK(sg_walk_leave(v, ud, "evidence", SG_REPORT_OBJECT));
    SG_WALK(sg_walk_bool(v, ud, "marked", f->marked));
    SG_WALK(sg_walk_str(v, ud, "cue", f->cue));
    SG_WALK(sg_walk_str(v, ud, "character", f->character));
    SG_WALK(sg_walk_num(v, ud, "model", f->model_score, SG_REPORT_SCORE));
    return sg_walk_leave(v, ud, NULL, SG_REPORT_OBJECT);
}

/* The analysis' rating as the public struct (sg_analysis_rating's, without
 * writing to the analysis). */
static const sg_rating *sg_walk_rating_of(const sg_analysis *a, sg_rating *r)
{
    if (!a->rating.found)
        return NULL;
    *r = (sg_rating){a->rating.start,  a->rating.end,   a->rating.text,
                     a->rating.value,  a->rating.scale, a->rating.normalized,
                     a->rating.verdict};
    return r;
}

int sg_report_walk(const sg_analysis *a, const sg_report_visitor *v, void *ud)
{
    sg_rating r;
    SG_WALK(sg_walk_enter(v, ud, NULL, SG_REPORT_OBJECT));
    SG_WALK(sg_walk_str(v, ud, "format", sg_format_name(a->doc.format)));
    SG_WALK(sg_walk_str(v, ud, "style", sg_style_name(sg_analysis_style(a, NULL))));
    SG_WALK(sg_walk_meta(v, ud, "meta", &a->meta));
    SG_WALK(sg_walk_rating(v, ud, "rating", sg_walk_rating_of(a, &r)));
    SG_WALK(sg_walk_characters(v, ud, &a->cast));
    SG_WALK(sg_walk_skipped(v, ud, &a->doc));
    SG_WALK(sg_walk_enter(v, ud, "spoilers", SG_REPORT_LIST));
    for (size_t i = 0; i < a->nflags; i++)
        SG_WALK(sg_walk_flag(v, ud, &a->doc, &a->flags[i]));
    SG_WALK(sg_walk_leave(v, ud, "spoilers", SG_REPORT_LIST));
    return sg_walk_leave(v, ud, NULL, SG_REPORT_OBJECT);
}

int sg_report_walk_flag(const sg_analysis *a, const sg_flag *f,
                        const sg_report_visitor *v, void *ud)
{
    return sg_walk_flag(v, ud, &a->doc, f);
}

int sg_report_walk_rating(const sg_rating *r, const sg_report_visitor *v, void *ud)
{
    return sg_walk_rating(v, ud, NULL, r);
}

int sg_report_walk_meta(const sg_analysis *a, const sg_report_visitor *v, void *ud)
{
    return sg_walk_meta(v, ud, NULL, &a->meta);
}

/* ---- the JSON text ------------------------------------------------------- */

/* Objects and lists nest this deep in the report (the report, a flag, its
 * evidence); deeper would be a walk of another shape. */
#define SG_JSON_WRITER_DEPTH 8

typedef struct sg_json_writer {
    sg_buf b;
    const char *id; /* the batch id, first member of the report */
    size_t id_len;
    int depth;
    unsigned char first[SG_JSON_WRITER_DEPTH]; /* nothing written yet at that depth */
} sg_json_writer;

/* The comma before a member or element and the member's name. */
static int sg_json_writer_lead(sg_json_writer *w, const sg_report_value *x)
{
    if (w->depth > 0) {
        if (!w->first[w->depth - 1])
            sg_buf_putc(&w->b, ',');
        w->first[w->depth - 1] = 0;
    }
    if (x->key) {
        sg_buf_putc(&w->b, '"');
        sg_buf_puts(&w->b, x->key); /* the report's own names need no escaping */
        sg_buf_puts(&w->b, "\":");
    }
    return w->b.failed ? -1 : 0;
}

static int sg_json_writer_enter(const sg_report_value *x, void *ud)
{
    sg_json_writer *w = ud;
    if (w->depth >= SG_JSON_WRITER_DEPTH || sg_json_writer_lead(w, x))
        return -1;
    sg_buf_putc(&w->b, x->type == SG_REPORT_LIST ? '[' : '{');
    w->first[w->depth++] = 1;
    if (w->depth == 1 && w->id) {
        sg_buf_puts(&w->b, "\"id\":\"");
        sg_buf_put_json(&w->b, w->id, w->id_len);
        sg_buf_puts(&w->b, "\",");
    }
    return 0;
}

static int sg_json_writer_leave(const sg_report_value *x, void *ud)
{
    sg_json_writer *w = ud;
    w->depth--;
    return sg_buf_putc(&w->b, x->type == SG_REPORT_LIST ? ']' : '}') ? 0 : -1;
}

static int sg_json_writer_value(const sg_report_value *x, void *ud)
{
    sg_json_writer *w = ud;
    if (sg_json_writer_lead(w, x))
        return -1;
    switch (x->type) {
    case SG_REPORT_STRING:
        sg_buf_putc(&w->b, '"');
        sg_buf_put_json(&w->b, x->string, x->len);
        sg_buf_putc(&w->b, '"');
        break;
    case SG_REPORT_OFFSET:
        sg_report_zu(&w->b, x->offset);
        break;
    case SG_REPORT_NUMBER:
        sg_report_num(&w->b, x->number);
        break;
    case SG_REPORT_SCORE:
        sg_report_score(&w->b, x->number);
        break;
    case SG_REPORT_BOOL:
        sg_buf_puts(&w->b, x->boolean ? "true" : "false");
        break;
    default:
        sg_buf_puts(&w->b, "null");
        break;
    }
    return w->b.failed ? -1 : 0;
}

char *sg_report_json(const sg_analysis *a, const char *id, size_t id_len, size_t *out_len)
{
    static const sg_report_visitor writer = {sg_json_writer_enter, sg_json_writer_leave,
                                             sg_json_writer_value};
    if (!a)
        return NULL;
    sg_json_writer w;
    memset(&w, 0, sizeof w);
    sg_buf_init(&w.b);
    w.id = id;
    w.id_len = id_len;
    if (sg_report_walk(a, &writer, &w) != 0) {
        sg_buf_free(&w.b);
        return NULL;
    }
    return sg_buf_take(&w.b, out_len);
}
