/*
 * sg_render_place.c -- where the warning, the badge, the JSON-LD and the
 * disclosure's CSS and script go in an article, each once, and a hook's
 * markup for them checked to stand as one chunk.
 */
#include "sg_render.h"

#include <strings.h>

/* ---- the warning --------------------------------------------------------------- */

static int sg_has_chunk(const sg_doc *doc, sg_chunk_role role)
{
    for (size_t i = 0; i < doc->nchunks; i++)
        if (doc->chunks[i].role == role)
            return 1;
    return 0;
}

/* The title: the first article heading, when no article text comes before
 * it; else (size_t)-1. */
static size_t sg_title_block(const sg_doc *doc)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const sg_block *b = &doc->blocks[i];
        if (b->why != SG_WHY_ARTICLE || !b->view_len)
            continue;
        return b->kind == SG_BLOCK_HEADING ? i : (size_t)-1;
    }
    return (size_t)-1;
}

/* Does a hook's markup, wrapped, stand as exactly one chunk? */
static int sg_chunk_whole(sg_format fmt, const char *s, size_t n, size_t from)
{
    sg_doc d;
    memset(&d, 0, sizeof d);
    d.src = s;
    d.len = n;
    d.format = fmt;
    sg_find_chunks(&d);
    int ok = d.nchunks == 1 && d.chunks[0].start == from && d.chunks[0].end == n;
    sg_doc_free(&d);
    return ok;
}

static void sg_hook_error(sg_rctx *r, const char *what)
{
    if (r->st != SG_OK)
        return;
    r->st = SG_ERR_HOOK;
    sg_set_error(
        r->err, SG_ERR_HOOK,
        "the %s markup cannot be inserted in %s: it must not hold spoilerguard's "
        "signature and must be balanced (unclosed elements, comments or script)",
        what, sg_format_name(r->fmt));
}

/* Where a block chunk goes before block b in Markdown: its text; for a list
 * item the line that starts its outermost list, for a table cell the line
 * that starts its table. */
static size_t sg_md_before_block(const sg_rctx *r, const sg_block *b)
{
    size_t at = b->text_start;
    if (b->outer_start < at)
        return b->outer_start; /* a list item: before its list */
    if (b->kind != SG_BLOCK_TABLE_CELL)
        return at;
    /* back over the lines with cells */
    size_t ls = at;
    while (ls > 0 && !sg_md_eol(r->src[ls - 1]))
        ls--;
    while (ls > 0) {
        size_t ps = ls - 1;
        if (ps > 0 && r->src[ps] == '\n' && r->src[ps - 1] == '\r')
            ps--; /* CRLF */
        size_t le = ps;
        while (ps > 0 && !sg_md_eol(r->src[ps - 1]))
            ps--;
        if (!memchr(r->src + ps, '|', le - ps))
            break;
        ls = ps;
    }
    return ls;
}

/* Check the last insertion (a hook's markup) finds back as one chunk. */
static void sg_check_hook(sg_rctx *r, const char *what, size_t pos)
{
    if (!r->nins || r->oom)
        return;
    const sg_ins *in = &r->ins[r->nins - 1];
    /* Markdown block chunks are judged after the indentation they follow */
    size_t il = 0;
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        size_t ls;
        if (sg_md_indent_before(r->src, pos, &ls))
            il = pos - ls;
    }
    sg_buf t;
    sg_buf_init(&t);
    sg_buf_put(&t, r->src + pos - il, il);
    sg_buf_put(&t, r->txt.data + in->off, in->len);
    if (t.failed)
        r->oom = 1;
    else if (!sg_chunk_whole(r->fmt, t.data, t.len, il))
        sg_hook_error(r, what);
    sg_buf_free(&t);
}

/* The block the warning goes before: the first flagged one, or (warning
 * 2) the first article block after the title when that comes earlier. */
static const sg_block *sg_warning_block(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    size_t blk = r->marks[0].block;
    if (r->a->opts.warning == 2) {
        /* at the top: the first article block after the title */
        size_t t = sg_title_block(doc);
        size_t k = t == (size_t)-1 ? 0 : t + 1;
        while (k < doc->nblocks &&
               (doc->blocks[k].why != SG_WHY_ARTICLE || !doc->blocks[k].view_len))
            k++;
        if (k < doc->nblocks && doc->blocks[k].text_start <= doc->blocks[blk].text_start)
            blk = k;
    }
    return &doc->blocks[blk];
}

/* A hook's markup that cannot go into a visible form: the render fails with
 * a message that says why. */
static void sg_vis_hook_error(sg_rctx *r, const char *what, const char *why)
{
    if (r->st != SG_OK)
        return;
    r->st = SG_ERR_HOOK;
    sg_set_error(r->err, SG_ERR_HOOK,
                 "the %s markup cannot be inserted in %s with style %s: %s", what,
                 sg_format_name(r->fmt), sg_style_name(r->style), why);
}

/* The block holding pos, or NULL.  The blocks are in input order: the last
 * one starting at or before pos is found by halving. */
static const sg_block *sg_block_at(const sg_doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->nblocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->blocks[mid].start <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo && pos < doc->blocks[lo - 1].end ? &doc->blocks[lo - 1] : NULL;
}

/* Is pos in a paragraph of the article (not code, raw HTML, a heading or
 * the front matter)? */
static int sg_in_paragraph(const sg_doc *doc, size_t pos)
{
    const sg_block *b = sg_block_at(doc, pos);
    return b && b->why == SG_WHY_ARTICLE && b->kind == SG_BLOCK_PARAGRAPH && !b->raw_html;
}

/* Line by line back from line start ls while keep(r, ps, q) holds for the
 * line before (ps its start, q its first byte after up to three spaces); a
 * blank line or the front matter always stops.  Returns the line start
 * reached. */
static size_t sg_md_lines_back(const sg_rctx *r, size_t ls,
                               int (*keep)(const sg_rctx *, size_t, size_t, size_t))
{
    while (ls > 0) {
        size_t ps = ls - 1;
        if (ps > 0 && r->src[ps] == '\n' && r->src[ps - 1] == '\r')
            ps--;
        while (ps > 0 && !sg_md_eol(r->src[ps - 1]))
            ps--;
        size_t q = ps;
        while (q < ls && q - ps < 3 && r->src[q] == ' ')
            q++;
        if (sg_blank_line(r, ps) || sg_in_skipped(r->doc, ps, SG_WHY_FRONT_MATTER) ||
            !keep(r, ps, q, ls))
            break;
        ls = ps;
    }
    return ls;
}

/* A line the Markdown reader gave no block that opens with '[': a link
 * reference definition as md4c reads it. */
static int sg_md_def_line(const sg_rctx *r, size_t ps, size_t q, size_t ls)
{
    (void)ps;
    return q < ls && r->src[q] == '[' && !sg_block_at(r->doc, q);
}

/* A line of an article paragraph (no heading, no fence). */
static int sg_md_para_line(const sg_rctx *r, size_t ps, size_t q, size_t ls)
{
    (void)ps;
    return sg_in_paragraph(r->doc, q) && !(q < ls && r->src[q] == '#') &&
           !(ls - q >= 3 && (!memcmp(r->src + q, "```", 3) || !memcmp(r->src + q, "~~~", 3)));
}

/* Where a block chunk (the warning, the assets) goes before block b in
 * Markdown: before the block, and before the link reference definitions
 * right above it.  cmark reads some of them ("[foo]: /url 'title" whose
 * title runs over lines and is no title after all) as the start of the
 * paragraph after them, so a chunk goes before them, never between. */
static size_t sg_md_chunk_at(const sg_rctx *r, const sg_block *b)
{
    size_t at = sg_md_before_block(r, b), ls = at;
    while (ls > 0 && r->src[ls - 1] == ' ')
        ls--;
    if (!ls || sg_md_eol(r->src[ls - 1])) {
        size_t d = sg_md_lines_back(r, ls, sg_md_def_line);
        if (d < ls)
            at = d;
    }
    return at;
}

/* A warning line put before a list, quote or table that interrupts a
 * paragraph would join that paragraph (CommonMark reads it as the
 * paragraph's last line), and Reddit's renderer (snudown), where nothing
 * interrupts a paragraph, would end the paragraph there and turn the
 * author's "* ..." lines into a list.  The warning goes before the paragraph
 * instead: back from `at`'s line over the lines before it that belong to
 * an article paragraph, up to a blank line, a heading, a fence or the front
 * matter. */
size_t sg_md_para_start(const sg_rctx *r, size_t at)
{
    size_t ls = at > r->len ? r->len : at;
    while (ls > 0 && !sg_md_eol(r->src[ls - 1]))
        ls--;
    return sg_md_lines_back(r, ls, sg_md_para_line);
}

/* Is chunk c a warning line in the visible form? */
static int sg_vis_warning_chunk(const sg_doc *doc, const sg_chunk *c)
{
    return c->role == SG_CHUNK_WARNING && c->end - c->start > sizeof SG_VIS_WARNING - 1 &&
           !memcmp(doc->src + c->start, SG_VIS_WARNING, sizeof SG_VIS_WARNING - 1);
}

/* Add word w[0..n) to `set` (NUL-separated words, *count of them) unless it
 * holds it already. */
static void sg_word_set_add(sg_buf *set, size_t *count, const char *w, size_t n)
{
    for (size_t i = 0; i < set->len;) {
        size_t l = strlen(set->data + i);
        if (l == n && !memcmp(set->data + i, w, n))
            return;
        i += l + 1;
    }
    if (*count >= SG_MAX_KINDS)
        return;
    sg_buf_put(set, w, n);
    sg_buf_putc(set, '\0');
    (*count)++;
}

/* Plain text, Discord and Reddit: one line that counts every passage marked,
 * an earlier run's (their labels) and this run's, on a line of its own with
 * a blank line after it:
 *   ⚠ Spoiler warning (deaths, twists): 3 passages are marked below.
 * An earlier run's line is replaced (left out of the output) when this run
 * marks more, so the count always accounts for every mark. */
static void sg_add_vis_warning(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    const sg_doc *doc = r->doc;
    /* the passages this run marks: its open pieces (each piece of a sentence
     * wrapped piece by piece is a passage of its own), and their kinds */
    size_t passages = 0, nwk = 0;
    const char *wkinds[SG_MAX_KINDS];
    for (size_t i = 0; i < r->nins; i++) {
        const sg_ins *in = &r->ins[i];
        if (in->rank != SG_RANK_OPEN || in->group < SG_G_MARKS)
            continue;
        const sg_mark *m = &r->marks[(in->group - SG_G_MARKS) / 2];
        passages++;
        for (size_t k = 0; k < m->nkinds; k++)
            sg_add_kind(wkinds, &nwk, m->kinds[k]);
    }
    if (!passages || r->off[SG_G_WARNING])
        return;
    size_t old = (size_t)-1;
    int other = 0;
    r->ndrop = 0;
    for (size_t i = 0; i < doc->nchunks; i++) {
        const sg_chunk *c = &doc->chunks[i];
        if (c->role != SG_CHUNK_WARNING)
            continue;
        if (!sg_vis_warning_chunk(doc, c)) {
            other = 1;
            continue;
        }
        if (old == (size_t)-1)
            old = c->start;
        sg_span d = {c->start, c->end};
        if (!SG_VEC_PUSH(r->drop, r->ndrop, r->cap_drop, d))
            r->oom = 1;
    }
    if (old == (size_t)-1 && (other || !a->opts.warning))
        return;
    const char *hook = a->markup[0];
    size_t hook_len = a->markup_len[0];
    if (hook && (memchr(hook, '\n', hook_len) || memchr(hook, '\r', hook_len))) {
        sg_vis_hook_error(r, "warning", "it must be one line");
        return;
    }
    if (hook && r->style != SG_STYLE_PLAIN && r->style != SG_STYLE_MD_PANDOC &&
        (memmem(hook, hook_len, "||", 2) || memmem(hook, hook_len, ">!", 2) ||
         memmem(hook, hook_len, "!<", 2))) {
        sg_vis_hook_error(r, "warning",
                          "it must not hold a spoiler mark's syntax (||, >!, !<)");
        return;
    }
    size_t at = old;
    if (a->opts.warning) {
        const sg_block *b = sg_warning_block(r);
        size_t here =
            r->fmt == SG_FORMAT_MARKDOWN ? sg_md_before_block(r, b) : b->text_start;
        if (r->fmt == SG_FORMAT_MARKDOWN)
            here = sg_md_lines_back(r, sg_md_para_start(r, here), sg_md_def_line);
        if (here < at)
            at = here;
    }
    /* the kinds: the earlier marks' labels, then this run's */
    sg_buf set, line;
    sg_buf_init(&set);
    sg_buf_init(&line);
    size_t nk = 0;
    for (size_t i = 0; i < doc->nlabels; i++) {
        const char *l = doc->src + doc->labels[i].start;
        size_t n = doc->labels[i].end - doc->labels[i].start;
        for (size_t w = 0; w < n;) {
            const char *comma = memchr(l + w, ',', n - w);
            size_t e = comma ? (size_t)(comma - l) : n;
            sg_word_set_add(&set, &nk, l + w, e - w);
            w = e + 2;
        }
    }
    for (size_t i = 0; i < nwk; i++) {
        sg_buf w;
        sg_buf_init(&w);
        sg_vis_put_word(&w, wkinds[i], strlen(wkinds[i]));
        if (w.failed)
            r->oom = 1;
        else
            sg_word_set_add(&set, &nk, w.data, w.len);
        sg_buf_free(&w);
    }
    const char *kinds[SG_MAX_KINDS];
    for (size_t i = 0, k = 0; k < nk && !set.failed; k++) {
        kinds[k] = set.data + i;
        i += strlen(set.data + i) + 1;
    }
    size_t count = doc->nlabels + passages;
    sg_buf_puts(&line, SG_VIS_WARNING);
    if (hook)
        sg_buf_put(&line, hook, hook_len);
    else if (!set.failed)
        sg_vis_phrase(&line, kinds, nk);
    sg_buf_printf(&line, " %zu%s", count,
                  count == 1 ? SG_VIS_TALLY_ONE : SG_VIS_TALLY_MANY);
    r->group = SG_G_WARNING;
    if (line.failed || set.failed)
        r->oom = 1;
    else {
        size_t il, pos = sg_md_block_pos(r, at, &il);
        size_t off = r->txt.len;
        sg_buf_put(&r->txt, line.data, line.len);
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_put(&r->txt, r->src + pos - il, il);
        sg_ins_add(r, pos, SG_RANK_WARNING, off);
    }
    sg_buf_free(&set);
    sg_buf_free(&line);
}

void sg_add_warning(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    const sg_doc *doc = r->doc;
    if (r->visible) {
        sg_add_vis_warning(r);
        return;
    }
    if (!a->opts.warning || !r->nmarks || r->off[SG_G_WARNING] ||
        sg_has_chunk(doc, SG_CHUNK_WARNING))
        return;
    const sg_block *b = sg_warning_block(r);
    const char *hook = a->markup[0];
    size_t hook_len = a->markup_len[0];
    r->group = SG_G_WARNING;
    sg_buf m;
    sg_buf_init(&m);
    if (r->fmt == SG_FORMAT_HTML) {
        size_t s, e;
        sg_html_block_span(r, b, &s, &e);
        size_t off = r->txt.len;
        if (hook) {
            sg_buf_puts(&r->txt, "<div " SG_ATTR "=\"warning\">");
            sg_buf_put(&r->txt, hook, hook_len);
            sg_buf_puts(&r->txt, "</div>");
        } else
            sg_warning_markup(r, &r->txt, 1);
        sg_ins_add(r, s, SG_RANK_WARNING, off);
        if (hook)
            sg_check_hook(r, "warning", s);
    } else if (r->style == SG_STYLE_MD_OBSIDIAN) {
        /* a callout of its own before the first flagged block's */
        if (!hook) {
            sg_buf_puts(&m, SG_WARNING_LEAD " ");
            sg_warning_phrase(r, &m);
        }
        sg_callout_whole(r, b->top_start, SG_RANK_WARNING, "warning", 'w',
                         hook ? hook : m.data, hook ? hook_len : m.len);
        if (hook)
            sg_check_hook(r, "warning", b->top_start);
    } else {
        size_t at = sg_md_chunk_at(r, b);
        if (!hook)
            sg_warning_markup(r, &m, 0);
        size_t il, pos = sg_md_block_pos(r, at, &il);
        sg_md_block_chunk(r, at, SG_RANK_WARNING, 'w', "", 0, 1, hook ? hook : m.data,
                          hook ? hook_len : m.len);
        if (hook)
            sg_check_hook(r, "warning", pos);
    }
    if (m.failed)
        r->oom = 1;
    sg_buf_free(&m);
}

/* ---- the badge ----------------------------------------------------------------- */

/* Is input offset `pos` inside the front matter? */

/* Where the badge goes: after the title's text, else after the rating's
 * text (unless the front matter or a script holds it), else before the first article
 * text.  `line` receives whether it ends a line (plain: the badge goes on a
 * line of its own). */
static size_t sg_badge_pos(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    const sg_rating_out *rt = &r->a->rating;
    size_t t = sg_title_block(doc);
    if (t != (size_t)-1) {
        const sg_block *b = &doc->blocks[t];
        const sg_piece *last = &doc->pieces[b->piece_first + b->piece_count - 1];
        size_t e = last->src + last->src_len;
        if (r->fmt == SG_FORMAT_HTML) {
            /* before </hN> when the heading ends with it (outside any link) */
            size_t q = b->end > r->len ? r->len : b->end;
            while (q > e && sg_is_ws(r->src[q - 1]))
                q--;
            if (q > e && r->src[q - 1] == '>') {
                size_t lt = q - 1;
                while (lt > e && r->src[lt] != '<' && q - lt < 16)
                    lt--;
                sg_tag et;
                if (r->src[lt] == '<' && sg_tag_at(r->src, r->len, lt, &et) &&
                    et.closing && et.end == q && et.name_len == 2 &&
                    (r->src[et.name] == 'h' || r->src[et.name] == 'H'))
                    return lt;
            }
            return e;
        }
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            /* the end of the heading's line, before a closing "###" */
            size_t q = e;
            while (q < r->len && r->src[q] != '\n')
                q++;
            size_t x = q;
            while (x > e && sg_is_ws(r->src[x - 1]))
                x--;
            size_t h = x;
            while (h > e && r->src[h - 1] == '#')
                h--;
            if (h < x && h > e && (r->src[h - 1] == ' ' || r->src[h - 1] == '\t')) {
                x = h;
                while (x > e && sg_is_ws(r->src[x - 1]))
                    x--;
            }
            return x;
        }
        return e;
    }
    if (rt->end > rt->start && rt->end <= r->len &&
        !sg_in_skipped(doc, rt->start, SG_WHY_FRONT_MATTER) &&
        !sg_in_skipped(doc, rt->start, SG_WHY_SCRIPT)) {
        if (r->fmt != SG_FORMAT_PLAIN)
            return rt->end;
        size_t q = rt->end;
        while (q < r->len && r->src[q] != '\n')
            q++;
        if (q > rt->end && r->src[q - 1] == '\r')
            q--;
        return q;
    }
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].why == SG_WHY_ARTICLE && doc->blocks[i].piece_count)
            return doc->pieces[doc->blocks[i].piece_first].src;
    return (size_t)-1;
}

/* md-obsidian: where the badge's callout goes, a line start: after the
 * title heading (and the empty line after it), else before the first
 * article block; (size_t)-1 for nowhere. */
static size_t sg_callout_badge_pos(const sg_rctx *r)
{
    const sg_doc *doc = r->doc;
    size_t t = sg_title_block(doc);
    if (t != (size_t)-1 && doc->blocks[t].top_start == doc->blocks[t].start) {
        size_t p = sg_md_next_line(r, &doc->blocks[t]);
        if (p == (size_t)-1)
            return (size_t)-1;
        if (p < r->len && sg_blank_line(r, p)) {
            size_t q = sg_md_line_after(r, p);
            p = q == (size_t)-1 ? r->len : q;
        }
        return p;
    }
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].why == SG_WHY_ARTICLE && doc->blocks[i].piece_count)
            return doc->blocks[i].top_start;
    return (size_t)-1;
}

void sg_add_badge(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (!a->rating.found || r->badge == SG_BADGE_NONE || r->off[SG_G_BADGE] ||
        sg_has_chunk(r->doc, SG_CHUNK_BADGE))
        return;
    size_t pos = sg_badge_pos(r);
    if (pos == (size_t)-1)
        return;
    const char *hook = a->markup[1];
    size_t hook_len = a->markup_len[1];
    sg_buf m;
    sg_buf_init(&m);
    int have = 1;
    if (!hook)
        have = sg_badge_markup(r, &m, r->fmt != SG_FORMAT_PLAIN);
    if (have && r->visible) {
        const char *v = hook ? hook : m.data;
        size_t vl = hook ? hook_len : m.len;
        if (!vl || vl > SG_VIS_VALUE_MAX || memchr(v, '[', vl) || memchr(v, ']', vl) ||
            memchr(v, '\n', vl) || memchr(v, '\r', vl)) {
            if (hook)
                sg_vis_hook_error(r, "badge",
                                  "it must be one line of at most 256 bytes without "
                                  "brackets, which goes inside [Rating · ...]");
            have = 0; /* a rating written with brackets gets no badge */
        }
    }
    if (!have || m.failed) {
        r->oom |= m.failed;
        sg_buf_free(&m);
        return;
    }
    r->group = SG_G_BADGE;
    size_t off = r->txt.len;
    if (r->style == SG_STYLE_MD_OBSIDIAN) {
        /* a callout of its own, under the title */
        pos = sg_callout_badge_pos(r);
        if (pos != (size_t)-1)
            sg_callout_whole(r, pos, SG_RANK_BADGE, "info", 'b', hook ? hook : m.data,
                             hook ? hook_len : m.len);
        else
            hook = NULL;
    } else if (r->fmt == SG_FORMAT_HTML) {
        if (hook) {
            sg_buf_puts(&r->txt, "<span " SG_ATTR "=\"badge\">");
            sg_buf_put(&r->txt, hook, hook_len);
            sg_buf_puts(&r->txt, "</span>");
        } else if (r->badge == SG_BADGE_HTML || r->badge == SG_BADGE_TEXT) {
            /* the space before the badge goes inside it */
            const char *gt = memchr(m.data, '>', m.len);
            size_t k = gt ? (size_t)(gt - m.data) + 1 : 0;
            sg_buf_put(&r->txt, m.data, k);
            sg_buf_putc(&r->txt, ' ');
            sg_buf_put(&r->txt, m.data + k, m.len - k);
        } else
            sg_buf_put(&r->txt, m.data, m.len);
        sg_ins_add(r, pos, SG_RANK_BADGE, off);
    } else if (r->visible) {
        /* "[Rating · VALUE]": in plain text on a line of its own after the
         * title or rating line, else before the first article text; in
         * Markdown escaped, where the HTML badge would go */
        const char *v = hook ? hook : m.data;
        size_t vl = hook ? hook_len : m.len;
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            int head = sg_md_line_head(r->src, pos);
            if (!head)
                sg_buf_putc(&r->txt, ' ');
            sg_buf_puts(&r->txt, SG_VIS_MD_BADGE);
            sg_buf_put(&r->txt, v, vl);
            sg_buf_puts(&r->txt, "\\]");
            if (head)
                sg_buf_putc(&r->txt, ' ');
        } else {
            size_t q = pos;
            while (q < r->len && (r->src[q] == ' ' || r->src[q] == '\t'))
                q++;
            int eol = q == r->len || r->src[q] == '\n' || r->src[q] == '\r';
            if (eol) {
                pos = q;
                sg_buf_puts(&r->txt, r->nl);
            }
            sg_buf_puts(&r->txt, SG_VIS_BADGE);
            sg_buf_put(&r->txt, v, vl);
            sg_buf_puts(&r->txt, eol ? "]" : "] ");
        }
        sg_ins_add(r, pos, SG_RANK_BADGE, off);
    } else if (r->fmt == SG_FORMAT_MARKDOWN) {
        sg_buf piece;
        sg_buf_init(&piece);
        int head = sg_md_line_head(r->src, pos);
        if (!head)
            sg_buf_putc(&piece, ' ');
        if (hook)
            sg_buf_put(&piece, hook, hook_len);
        else
            sg_buf_put(&piece, m.data, m.len);
        if (head)
            sg_buf_putc(&piece, ' ');
        if (piece.failed)
            r->oom = 1;
        else
            sg_inline_chunk(r, pos, SG_RANK_BADGE, 'b', piece.data, piece.len);
        sg_buf_free(&piece);
    }
    if (hook && !r->visible)
        sg_check_hook(r, "badge", pos);
    sg_buf_free(&m);
}

/* ---- JSON-LD ------------------------------------------------------------------- */

/* Where what a page's <head> holds goes: before </head>, else before the
 * first block; (size_t)-1 when there is neither. */
static size_t sg_head_end(const sg_rctx *r)
{
    size_t p = 0;
    sg_tag t;
    while (sg_tag_next(r->src, r->len, &p, &t))
        if (t.closing && sg_tag_is(r->src, &t, "head"))
            return t.start;
        else if (!t.closing && sg_tag_is(r->src, &t, "body"))
            break;
    return r->doc->nblocks ? r->doc->blocks[0].text_start : (size_t)-1;
}

void sg_add_jsonld(sg_rctx *r)
{
    const sg_analysis *a = r->a;
    if (r->fmt != SG_FORMAT_HTML || !a->opts.jsonld || r->off[SG_G_JSONLD] ||
        sg_has_chunk(r->doc, SG_CHUNK_JSONLD))
        return;
    const char *hook = a->markup[2];
    size_t hook_len = a->markup_len[2];
    sg_buf m;
    sg_buf_init(&m);
    if (!hook && !sg_jsonld_markup(a, &m)) {
        sg_buf_free(&m);
        return;
    }
    size_t pos = sg_head_end(r);
    if (pos == (size_t)-1) {
        sg_buf_free(&m);
        return;
    }
    r->group = SG_G_JSONLD;
    size_t off = r->txt.len;
    sg_buf_puts(&r->txt, "<script type=\"application/ld+json\" " SG_ATTR "=\"jsonld\">");
    if (hook)
        sg_buf_put(&r->txt, hook, hook_len);
    else
        sg_buf_put(&r->txt, m.data, m.len);
    sg_buf_puts(&r->txt, "</script>");
    sg_ins_add(r, pos, SG_RANK_JSONLD, off);
    if (hook && (sg_ci_contains(hook, hook_len, "</script") ||
                 sg_ci_contains(hook, hook_len, "<!--")))
        sg_hook_error(r, "jsonld");
    else if (hook)
        sg_check_hook(r, "jsonld", pos);
    r->oom |= m.failed;
    sg_buf_free(&m);
}

/* ---- the CSS and script that make a disclosure work ---------------------------- */

#include "sg_assets.inc"

void sg_assets(const char **css, const char **js)
{
    if (css)
        *css = sg_asset_css;
    if (js)
        *js = sg_asset_js;
}

/* Once per page, only where a mark is a disclosure, never twice.  HTML:
 * where JSON-LD goes, before </head>, else before the first block.
 * Markdown: a block chunk of two raw HTML blocks (which CommonMark ends at
 * </style> and </script>) before the first flagged block, where the
 * warning goes. */
void sg_add_assets(sg_rctx *r)
{
    if (!r->disclosures || !r->a->opts.assets || r->off[SG_G_ASSETS] ||
        sg_has_chunk(r->doc, SG_CHUNK_ASSETS))
        return;
    if (r->fmt == SG_FORMAT_MARKDOWN) {
        r->group = SG_G_ASSETS;
        sg_buf m;
        sg_buf_init(&m);
        sg_buf_puts(&m, "<style " SG_ATTR "=\"style\">");
        sg_buf_puts(&m, sg_asset_css);
        sg_buf_puts(&m, "</style>\n<script " SG_ATTR "=\"script\">");
        sg_buf_puts(&m, sg_asset_js);
        sg_buf_puts(&m, "</script>");
        if (m.failed)
            r->oom = 1;
        else
            sg_md_block_chunk(r, sg_md_chunk_at(r, &r->doc->blocks[r->marks[0].block]),
                              SG_RANK_JSONLD, 'a', "", 0, 1, m.data, m.len);
        sg_buf_free(&m);
        return;
    }
    size_t pos = sg_head_end(r);
    if (pos == (size_t)-1)
        return;
    r->group = SG_G_ASSETS;
    size_t off = r->txt.len;
    sg_buf_puts(&r->txt, "<style " SG_ATTR "=\"style\">");
    sg_buf_puts(&r->txt, sg_asset_css);
    sg_buf_puts(&r->txt, "</style><script " SG_ATTR "=\"script\">");
    sg_buf_puts(&r->txt, sg_asset_js);
    sg_buf_puts(&r->txt, "</script>");
    sg_ins_add(r, pos, SG_RANK_JSONLD, off);
}
