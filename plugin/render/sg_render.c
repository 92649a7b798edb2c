/*
 * sg_render.c -- the annotated article: the input with spoiler marks, a
 * warning, a rating badge and (HTML) schema.org JSON-LD inserted, and nothing
 * else changed.
 *
 * Every insertion is a (position, text) pair; they are sorted by position
 * (closes before opens at one position) and written with the input in one
 * pass.  Each text is a chunk in its format's signature (see sg_strip.c), so
 * stripping gives the input back byte for byte.  The output is checked
 * before it is returned: its chunks are found again and removing them must
 * give the input.  Insertions the finder would not see exactly as written
 * (an odd spot in broken markup: a stray </details>, an unclosed comment)
 * fall back to a simpler form and are tried again: a <details> becomes
 * spans, a span over a sentence becomes spans over its runs of text, and
 * what still does not fit is left out rather than risk the round trip.
 *
 * A second run inserts nothing: earlier chunks are cut out of the document's
 * text, so the same sentences are flagged again, they lie inside marked
 * ranges (flag.marked) and are skipped, and a warning, badge or JSON-LD chunk
 * already present is not inserted again.
 *
 * This file makes the plan and runs it: the insertions, the options
 * resolved, the marks collected from the flags, the output written and
 * checked, the fallbacks, and the public calls.  The rest of the stage:
 * sg_render_text.c (the words and markup of what is inserted),
 * sg_render_marks.c (chunks, span-like marks, <details>), sg_render_place.c
 * (where the warning, badge, JSON-LD and assets go) and sg_render_md.c
 * (Markdown's rules); sg_render.h holds what they share.
 */
#include "sg_render.h"

#include <math.h>
#include <strings.h>

/* ---- insertions ------------------------------------------------------------- */

void sg_ins_add(sg_rctx *r, size_t pos, int rank, size_t off)
{
    if (r->txt.failed) {
        r->oom = 1;
        return;
    }
    if (pos > r->len)
        pos = r->len;
    sg_ins in;
    memset(&in, 0, sizeof in);
    in.pos = pos;
    in.rank = rank;
    in.seq = r->nins;
    in.group = r->group;
    in.off = off;
    in.len = r->txt.len - off;
    if (in.len && !SG_VEC_PUSH(r->ins, r->nins, r->cap_ins, in))
        r->oom = 1;
}

/* ---- options -------------------------------------------------------------- */

static sg_status sg_resolve(const sg_options *o, sg_format fmt, sg_style *style,
                            sg_badge *badge, sg_error *err)
{
    sg_style s = o->style;
    const char *fname = sg_format_name(fmt);
    if ((int)s < SG_STYLE_AUTO || s > SG_STYLE_MD_OBSIDIAN) {
        sg_set_error(err, SG_ERR_USAGE, "unknown style %d", (int)s);
        return SG_ERR_USAGE;
    }
    if (s == SG_STYLE_AUTO)
        s = fmt == SG_FORMAT_HTML       ? SG_STYLE_HTML_SPAN
            : fmt == SG_FORMAT_MARKDOWN ? SG_STYLE_MD_HTML
                                        : SG_STYLE_PLAIN;
    if (fmt == SG_FORMAT_HTML) {
        if (s == SG_STYLE_MD_HTML)
            s = SG_STYLE_HTML_SPAN; /* raw HTML spans are html-span in HTML */
        else if (s != SG_STYLE_HTML_SPAN && s != SG_STYLE_HTML_DETAILS) {
            /* md-hugo and md-obsidian included: Markdown for one site */
            sg_set_error(err, SG_ERR_USAGE,
                         "style %s does not fit HTML input: use html-span, html-details "
                         "or md-html",
                         sg_style_name(s));
            return SG_ERR_USAGE;
        }
    } else if (fmt == SG_FORMAT_MARKDOWN) {
        if (s == SG_STYLE_HTML_SPAN)
            s = SG_STYLE_MD_HTML; /* the same span, as raw HTML in Markdown */
    } else if (s == SG_STYLE_HTML_SPAN || s == SG_STYLE_HTML_DETAILS ||
               s == SG_STYLE_MD_HTML || s == SG_STYLE_MD_HUGO || s == SG_STYLE_MD_OBSIDIAN) {
        sg_set_error(err, SG_ERR_USAGE,
                     "style %s inserts HTML or Markdown for one site, which does not fit "
                     "%s input: use plain, md-discord, md-reddit or md-pandoc",
                     sg_style_name(s), fname);
        return SG_ERR_USAGE;
    }
    sg_badge b = o->badge;
    if ((int)b < SG_BADGE_AUTO || b > SG_BADGE_IMAGE) {
        sg_set_error(err, SG_ERR_USAGE, "unknown badge form %d", (int)b);
        return SG_ERR_USAGE;
    }
    /* Hugo's Markdown drops raw HTML, Discord and Reddit show it as text:
     * a text badge there */
    int text_only = fmt == SG_FORMAT_PLAIN || s == SG_STYLE_MD_DISCORD ||
                    s == SG_STYLE_MD_REDDIT || s == SG_STYLE_PLAIN;
    if (b == SG_BADGE_AUTO)
        b = text_only || s == SG_STYLE_MD_HUGO || s == SG_STYLE_MD_OBSIDIAN ? SG_BADGE_TEXT
                                                                        : SG_BADGE_HTML;
    if (text_only && b != SG_BADGE_TEXT && b != SG_BADGE_NONE) {
        if (fmt == SG_FORMAT_PLAIN)
            sg_set_error(err, SG_ERR_USAGE,
                         "badge %s does not fit plain input: use text or none",
                         sg_badge_name(b));
        else
            sg_set_error(err, SG_ERR_USAGE,
                         "badge %s does not fit style %s, which shows HTML as text: use "
                         "text or none",
                         sg_badge_name(b), sg_style_name(s));
        return SG_ERR_USAGE;
    }
    *style = s;
    *badge = b;
    return SG_OK;
}

/* ---- finding marks ------------------------------------------------------------- */

static int sg_ev_cmp(const void *x, const void *y)
{
    const sg_inline_ev *a = x, *b = y;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return b->delta - a->delta; /* opens first */
}

/* The block a flag's sentence lies in: the innermost article block holding
 * its start. */
static size_t sg_block_of(const sg_doc *doc, size_t start, size_t end)
{
    size_t best = (size_t)-1, best_len = (size_t)-1;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        if (b->start <= start && end <= b->end && b->end - b->start < best_len) {
            best = i;
            best_len = b->end - b->start;
        }
    }
    return best;
}

static int sg_size_cmp(const void *x, const void *y, void *ctx)
{
    const sg_sentence *s = ctx;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    if (s[a].start != s[b].start)
        return s[a].start < s[b].start ? -1 : 1;
    return a < b ? -1 : a > b;
}

void sg_add_kind(const char **kinds, size_t *n, const char *k)
{
    for (size_t i = 0; i < *n; i++)
        if (!strcmp(kinds[i], k))
            return;
    if (*n < SG_MAX_KINDS)
        kinds[(*n)++] = k;
}

/* The unmarked flags as marks: one per sentence, kinds merged. */
static void sg_collect_marks(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (!a->opts.marks)
        return; /* the report keeps the flags; the article gets only the badge */
    size_t ns = a->nsentences;
    size_t *idx = ns ? malloc(ns * sizeof *idx) : NULL;
    if (ns && !idx) {
        r->oom = 1;
        return;
    }
    /* sentences mostly come in input order already: then that is the
     * order sg_size_cmp sorts them into, and there is nothing to sort */
    int in_order = 1;
    for (size_t i = 0; i < ns; i++) {
        idx[i] = i;
        in_order &= !i || a->sentences[i - 1].start <= a->sentences[i].start;
    }
    if (ns > 1 && !in_order)
        qsort_r(idx, ns, sizeof *idx, sg_size_cmp, a->sentences);
    for (size_t i = 0; i < a->nflags; i++) {
        const sg_flag *f = &a->flags[i];
        if (f->marked || f->end <= f->start || f->end > r->len || !f->kind)
            continue;
        sg_mark *prev = r->nmarks ? &r->marks[r->nmarks - 1] : NULL;
        if (prev && prev->start == f->start && prev->end == f->end) {
            if (f->evidence_start < prev->ev_start)
                prev->ev_start = f->evidence_start;
            if (f->evidence_end > prev->ev_end)
                prev->ev_end = f->evidence_end;
            sg_add_kind(prev->kinds, &prev->nkinds, f->kind);
            sg_add_kind(r->kinds, &r->nkinds, f->kind);
            continue;
        }
        if (prev && f->start < prev->end)
            continue; /* overlaps a sentence already marked */
        /* its sentence, for the block */
        size_t blk = (size_t)-1, lo = 0, hi = ns;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (a->sentences[idx[mid]].start < f->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < ns && a->sentences[idx[k]].start == f->start; k++)
            if (a->sentences[idx[k]].end == f->end &&
                a->sentences[idx[k]].block < r->doc->nblocks) {
                blk = a->sentences[idx[k]].block;
                break;
            }
        if (blk == (size_t)-1)
            blk = sg_block_of(r->doc, f->start, f->end);
        if (blk == (size_t)-1)
            continue;
        sg_mark m;
        memset(&m, 0, sizeof m);
        m.start = f->start;
        m.end = f->end;
        m.ev_start = f->evidence_start;
        m.ev_end = f->evidence_end;
        m.block = blk;
        sg_add_kind(m.kinds, &m.nkinds, f->kind);
        sg_add_kind(r->kinds, &r->nkinds, f->kind);
        if (!SG_VEC_PUSH(r->marks, r->nmarks, r->cap_marks, m)) {
            r->oom = 1;
            break;
        }
    }
    free(idx);
}

/* Is inline markup balanced inside [s, e)? */
int sg_balanced(const sg_rctx *r, size_t s, size_t e)
{
    size_t lo;
    SG_COUNT_BELOW(r->ev, r->nev, pos, s, lo);
    long sum = 0;
    for (size_t k = lo; k < r->nev && r->ev[k].pos < e; k++) {
        sum += r->ev[k].delta;
        if (sum < 0)
            return 0;
    }
    return sum == 0;
}

/* ---- output ------------------------------------------------------------------- */

static int sg_ins_cmp(const void *x, const void *y)
{
    const sg_ins *a = x, *b = y;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Kept runs of a text with its chunks left out, one after another. */
typedef struct sg_kept {
    const char *s;
    size_t len, pos, ci;
    const sg_chunk *c;
    size_t nc;
} sg_kept;

static int sg_kept_next(sg_kept *k, const char **p, size_t *n)
{
    while (k->pos < k->len) {
        while (k->ci < k->nc && k->c[k->ci].end <= k->pos)
            k->ci++;
        if (k->ci < k->nc && k->c[k->ci].start <= k->pos) {
            k->pos = k->c[k->ci].end;
            continue;
        }
        size_t stop = k->ci < k->nc ? k->c[k->ci].start : k->len;
        *p = k->s + k->pos;
        *n = stop - k->pos;
        k->pos = stop;
        return 1;
    }
    return 0;
}

/* Does `out` with its chunks removed equal the input with its own removed? */
static int sg_same_stripped(const sg_rctx *r, const char *out, size_t out_len,
                            const sg_doc *found)
{
    sg_kept a = {r->src, r->len, 0, 0, r->doc->chunks, r->doc->nchunks};
    sg_kept b = {out, out_len, 0, 0, found->chunks, found->nchunks};
    const char *pa = NULL, *pb = NULL;
    size_t na = 0, nb = 0;
    for (;;) {
        if (!na && !sg_kept_next(&a, &pa, &na))
            na = 0;
        if (!nb && !sg_kept_next(&b, &pb, &nb))
            nb = 0;
        if (!na || !nb)
            return !na && !nb;
        size_t m = na < nb ? na : nb;
        if (memcmp(pa, pb, m))
            return 0;
        pa += m;
        pb += m;
        na -= m;
        nb -= m;
    }
}

/* Take a failed check out on group `g`: its next fallback, one step for
 * each check however many of its insertions failed it (a sentence's runs
 * refused at one level are tried again at the next, not skipped past it). */
static void sg_demote(sg_rctx *r, size_t g)
{
    if (r->demoted[g])
        return;
    r->demoted[g] = 1;
    if (g < SG_G_MARKS)
        r->off[g] = 1;
    else if ((g - SG_G_MARKS) % 2 == 0)
        r->no_details[(g - SG_G_MARKS) / 2] = 1;
    else {
        unsigned char *l = &r->level[(g - SG_G_MARKS) / 2];
        if (*l < SG_LEVEL_NONE)
            (*l)++;
        if (*l == SG_LEVEL_CAREFUL && r->fmt != SG_FORMAT_MARKDOWN)
            (*l)++; /* refusals are Markdown's alone */
    }
}

static void sg_put_input(const sg_rctx *r, sg_buf *out, size_t from, size_t to)
{
    for (size_t i = 0; i < r->ndrop && from < to; i++) {
        const sg_span *d = &r->drop[i];
        if (d->end <= from || d->start >= to)
            continue;
        if (d->start > from)
            sg_buf_put(out, r->src + from, d->start - from);
        from = d->end;
    }
    if (from < to)
        sg_buf_put(out, r->src + from, to - from);
}

/* Write the input with the insertions, then find the chunks again: they must
 * be exactly what was inserted.  NULL with *retry set when some group must
 * fall back (done here), NULL alone when memory ran out. */
static char *sg_emit(sg_rctx *r, size_t *out_len, int *retry)
{
    *retry = 0;
    if (r->nins > 1)
        qsort(r->ins, r->nins, sizeof *r->ins, sg_ins_cmp);
    sg_buf out;
    sg_buf_init(&out);
    size_t extra = 0;
    for (size_t i = 0; i < r->nins; i++)
        extra += r->ins[i].len;
    sg_buf_reserve(&out, r->len + extra);
    size_t pos = 0;
    for (size_t i = 0; i < r->nins; i++) {
        sg_ins *in = &r->ins[i];
        sg_put_input(r, &out, pos, in->pos);
        pos = in->pos;
        in->out = out.len;
        sg_buf_put(&out, r->txt.data + in->off, in->len);
    }
    sg_put_input(r, &out, pos, r->len);
    if (out.failed || !r->nins)
        return sg_buf_take(&out, out_len);
    sg_doc found;
    memset(&found, 0, sizeof found);
    found.src = out.data;
    found.len = out.len;
    found.format = r->fmt;
    sg_find_chunks(&found);
    size_t inside = 0;
    for (size_t i = 0; i < r->nins && r->fmt == SG_FORMAT_MARKDOWN; i++)
        inside += sg_md_refused(r, &r->ins[i]);
    if (!inside && sg_same_stripped(r, out.data, out.len, &found)) {
        sg_doc_free(&found);
        return sg_buf_take(&out, out_len);
    }
    /* groups whose insertions were not found exactly as written, or that
     * Markdown refuses (sg_md_refused), fall back */
    memset(r->demoted, 0, SG_G_INLINE(r->nmarks) + 1);
    size_t c = 0, bad = 0;
    for (size_t i = 0; i < r->nins; i++) {
        const sg_ins *in = &r->ins[i];
        while (c < found.nchunks && found.chunks[c].start < in->out)
            c++;
        if (inside && sg_md_refused(r, in)) {
            sg_demote(r, in->group);
            bad++;
            continue;
        }
        if (c < found.nchunks && found.chunks[c].start == in->out &&
            found.chunks[c].end == in->out + in->len)
            continue;
        sg_demote(r, in->group);
        bad++;
    }
    if (!bad)
        r->all_off = 1;
    sg_doc_free(&found);
    sg_buf_free(&out);
    *retry = 1;
    return NULL;
}

static void sg_rctx_free(sg_rctx *r)
{
    sg_buf_free(&r->txt);
    free(r->ins);
    free(r->ev);
    free(r->marks);
    free(r->no_details);
    free(r->level);
    free(r->demoted);
    free(r->no_insert);
    free(r->drop);
    for (int k = 0; k < 3; k++)
        free(r->runs[k]);
}

static sg_status sg_rctx_init(sg_rctx *r, const sg_analysis *a, sg_error *err)
{
    memset(r, 0, sizeof *r);
    r->a = a;
    r->doc = &a->doc;
    r->src = a->doc.src ? a->doc.src : "";
    r->len = a->doc.src ? a->doc.len : 0;
    r->fmt = a->doc.format == SG_FORMAT_AUTO ? SG_FORMAT_PLAIN : a->doc.format;
    r->err = err;
    const char *nl = memchr(r->src, '\n', r->len);
    r->nl = nl && nl > r->src && nl[-1] == '\r' ? "\r\n" : "\n";
    sg_options o = a->opts;
    if (o.style == SG_STYLE_AUTO)
        o.style = a->style; /* what sg_analyze picked */
    sg_status st = sg_resolve(&o, r->fmt, &r->style, &r->badge, err);
    if (st != SG_OK)
        return st;
    r->visible = r->fmt == SG_FORMAT_PLAIN ||
                 (r->fmt == SG_FORMAT_MARKDOWN &&
                  (r->style == SG_STYLE_MD_DISCORD || r->style == SG_STYLE_MD_REDDIT ||
                   r->style == SG_STYLE_PLAIN));
    if (r->doc->ninl) {
        r->ev = malloc(r->doc->ninl * sizeof *r->ev);
        if (!r->ev)
            return SG_ERR_MEMORY;
        memcpy(r->ev, r->doc->inl, r->doc->ninl * sizeof *r->ev);
        r->nev = r->doc->ninl;
        qsort(r->ev, r->nev, sizeof *r->ev, sg_ev_cmp);
    }
    sg_collect_marks(r);
    if (r->fmt == SG_FORMAT_MARKDOWN)
        sg_md_find_no_insert(r);
    if (r->oom)
        return SG_ERR_MEMORY;
    r->no_details = calloc(r->nmarks + 1, 1);
    r->level = calloc(r->nmarks + 1, 1);
    r->demoted = calloc(SG_G_INLINE(r->nmarks) + 1, 1);
    return r->no_details && r->level && r->demoted ? SG_OK : SG_ERR_MEMORY;
}

/* Every insertion, from the fallbacks chosen so far. */
static void sg_build(sg_rctx *r)
{
    r->txt.len = 0;
    r->nins = 0;
    r->disclosures = 0;
    r->ndrop = 0;
    if (r->all_off)
        return;
    sg_add_jsonld(r);
    sg_add_badge(r);
    if (r->style == SG_STYLE_HTML_DETAILS && r->fmt == SG_FORMAT_HTML)
        sg_details_html(r);
    else if (r->style == SG_STYLE_HTML_DETAILS)
        sg_details_markdown(r);
    else if (r->style == SG_STYLE_MD_OBSIDIAN)
        sg_callouts(r);
    else
        for (size_t i = 0; i < r->nmarks; i++)
            sg_mark_inline(r, i);
    /* after the marks: a visible warning counts them */
    sg_add_warning(r);
    sg_add_assets(r);
}

char *sg_render_doc(const sg_analysis *a, size_t *out_len, sg_error *err)
{
    if (out_len)
        *out_len = 0;
    if (!a) {
        sg_set_error(err, SG_ERR_USAGE, "sg_render: no analysis given");
        return NULL;
    }
    sg_rctx r;
    sg_status st = sg_rctx_init(&r, a, err);
    if (st != SG_OK) {
        if (st == SG_ERR_MEMORY)
            sg_set_error(err, SG_ERR_MEMORY, "out of memory rendering");
        sg_rctx_free(&r);
        return NULL;
    }
    char *out = NULL;
    for (int attempt = 0; attempt <= SG_MAX_ATTEMPTS; attempt++) {
        if (attempt == SG_MAX_ATTEMPTS)
            r.all_off = 1; /* the input as it is: always safe */
        sg_build(&r);
        if (r.st != SG_OK) {
            sg_rctx_free(&r);
            return NULL;
        }
        if (r.oom || r.txt.failed)
            break;
        int retry;
        out = sg_emit(&r, out_len, &retry);
        if (out || !retry)
            break;
    }
    if (!out)
        sg_set_error(err, SG_ERR_MEMORY, "out of memory rendering");
    else if (err) {
        err->status = SG_OK;
        err->message[0] = '\0';
    }
    sg_rctx_free(&r);
    return out;
}

/* ---- the default markup, for hooks, and the words, for hosts ----------------------- */

/* What `what` inserts, as the format writes it (`words` 0: the markup a hook
 * may replace) or as words with no markup and nothing escaped (`words` 1:
 * for a host that writes its own markup, sg_analysis_words). */
static int sg_default_text(sg_rctx *r, const char *what, int words, sg_buf *b)
{
    const sg_analysis *a = r->a;
    if (!words) {
        if (!strcmp(what, "warning"))
            return a->opts.warning && r->nmarks && (sg_warning_markup(r, b, 0), 1);
        if (!strcmp(what, "badge"))
            return sg_badge_markup(r, b, 0);
        if (!strcmp(what, "jsonld"))
            return r->fmt == SG_FORMAT_HTML && a->opts.jsonld && sg_jsonld_markup(a, b);
        return 0;
    }
    r->fmt = SG_FORMAT_PLAIN; /* nothing escaped */
    if (!strcmp(what, "warning-lead"))
        return r->nmarks && (sg_buf_puts(b, SG_WARNING_LEAD), 1);
    if (!strcmp(what, "warning"))
        return r->nmarks && (sg_warning_phrase(r, b), 1);
    if (!strcmp(what, "badge")) {
        r->badge = SG_BADGE_TEXT;
        return sg_badge_markup(r, b, 0);
    }
    if (!strcmp(what, "badge-label")) {
        sg_badge_text t;
        if (!sg_badge_parts(a, &t))
            return 0;
        sg_buf_put(b, t.label.data, t.label.len);
        sg_badge_text_free(&t);
        return 1;
    }
    return 0;
}

static char *sg_default_text_take(const sg_analysis *a, const char *what, int words,
                                  size_t *len)
{
    if (len)
        *len = 0;
    if (!a || !what)
        return NULL;
    sg_rctx r;
    if (sg_rctx_init(&r, a, NULL) != SG_OK) {
        sg_rctx_free(&r);
        return NULL;
    }
    sg_buf b;
    sg_buf_init(&b);
    int have = sg_default_text(&r, what, words, &b);
    sg_rctx_free(&r);
    if (!have) {
        sg_buf_free(&b);
        return NULL;
    }
    return sg_buf_take(&b, len);
}

char *sg_analysis_markup(const sg_analysis *a, const char *what, size_t *len)
{
    return sg_default_text_take(a, what, 0, len);
}

char *sg_analysis_words(const sg_analysis *a, const char *what, size_t *len)
{
    return sg_default_text_take(a, what, 1, len);
}

char *sg_spoiler_label(const char *const *kinds, size_t n, size_t *len)
{
    if (len)
        *len = 0;
    sg_rctx r;
    memset(&r, 0, sizeof r);
    r.fmt = SG_FORMAT_PLAIN;
    sg_buf b;
    sg_buf_init(&b);
    size_t k = 0;
    const char *kept[SG_MAX_KINDS];
    for (size_t i = 0; kinds && i < n && k < SG_MAX_KINDS; i++)
        if (kinds[i] && *kinds[i])
            sg_add_kind(kept, &k, kinds[i]);
    sg_put_label(&r, &b, kept, k, 0);
    return sg_buf_take(&b, len);
}

sg_style sg_analysis_style(const sg_analysis *a, const char **why)
{
    if (why)
        *why = a ? a->style_why : NULL;
    if (!a)
        return SG_STYLE_AUTO;
    sg_options o = a->opts;
    if (o.style == SG_STYLE_AUTO)
        o.style = a->style;
    sg_format fmt = a->doc.format == SG_FORMAT_AUTO ? SG_FORMAT_PLAIN : a->doc.format;
    sg_style s;
    sg_badge b;
    return sg_resolve(&o, fmt, &s, &b, NULL) == SG_OK ? s : o.style;
}
