/*
 * sg_render_marks.c -- the marks themselves: a chunk written in its format's
 * signature (inline, or a Markdown block chunk), a span-like mark's pieces in
 * each style wrapped around a sentence or its runs of text, and html-details'
 * <details> around whole blocks in HTML and in Markdown.
 */
#include "sg_render.h"

#include <strings.h>

/* ---- writing chunks ------------------------------------------------------------- */

/* An inline chunk: `piece` in the format's signature, at `pos`.  HTML pieces
 * carry their own signature; visible pieces are their own. */
void sg_inline_chunk(sg_rctx *r, size_t pos, int rank, char role,
                     const char *piece, size_t n)
{
    size_t off = r->txt.len;
    if (r->fmt == SG_FORMAT_HTML || r->visible)
        sg_buf_put(&r->txt, piece, n);
    else if (sg_md_line_head(r->src, pos)) {
        size_t esc = 0;
        if (n && piece[0] == '>') {
            /* ">" opening a line would open a block quote: escaped, it
             * shows as itself */
            sg_buf_putc(&r->txt, '\\');
            esc = 1;
        }
        sg_buf_put(&r->txt, piece, n);
        sg_buf_printf(&r->txt, "<!--sg:%c%zu-->", role, n + esc);
    } else {
        sg_buf_printf(&r->txt, SG_MD_OPEN_FMT, role);
        sg_buf_put(&r->txt, piece, n);
        sg_buf_puts(&r->txt, SG_MD_END);
    }
    sg_ins_add(r, pos, rank, off);
}

/* Markdown: where a block chunk goes for the line holding `at` (after the
 * line's indentation), and that indentation's length. */
size_t sg_md_block_pos(const sg_rctx *r, size_t at, size_t *ind)
{
    size_t ls = at > r->len ? r->len : at;
    while (ls > 0 && !sg_md_eol(r->src[ls - 1]))
        ls--;
    size_t p = ls;
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t') &&
           p - ls <= SG_MD_MAX_INDENT)
        p++;
    if (p - ls > SG_MD_MAX_INDENT) {
        *ind = 0;
        return ls;
    }
    *ind = p - ls;
    return p;
}

/* Markdown block chunk at the line holding `at`, after its indentation IND:
 *   <!--sg:R-->HEAD<!--/sg--> NL IND                      (no body)
 *   <!--sg:R-->HEAD NL {IND LINE NL} NL IND<!--/sg--> NL IND
 * The blank line before <!--/sg--> ends a quote or HTML block for
 * CommonMark and pandoc alike. */
void sg_md_block_chunk(sg_rctx *r, size_t at, int rank, char role,
                       const char *head, size_t head_len, int body,
                       const char *lines, size_t lines_len)
{
    size_t il, pos = sg_md_block_pos(r, at, &il);
    const char *ind = r->src + pos - il;
    size_t off = r->txt.len;
    sg_buf_printf(&r->txt, SG_MD_OPEN_FMT, role);
    sg_buf_put(&r->txt, head, head_len);
    if (body) {
        sg_buf_puts(&r->txt, r->nl);
        for (size_t i = 0; i < lines_len;) {
            const char *e = memchr(lines + i, '\n', lines_len - i);
            size_t le = e ? (size_t)(e - lines) : lines_len;
            size_t ce = le > i && lines[le - 1] == '\r' ? le - 1 : le;
            sg_buf_put(&r->txt, ind, il);
            sg_buf_put(&r->txt, lines + i, ce - i);
            sg_buf_puts(&r->txt, r->nl);
            i = le + 1;
        }
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_put(&r->txt, ind, il);
    }
    sg_buf_puts(&r->txt, SG_MD_END);
    sg_buf_puts(&r->txt, r->nl);
    sg_buf_put(&r->txt, ind, il);
    sg_ins_add(r, pos, rank, off);
}

/* A Hugo shortcode argument's text: no quote, backslash, brace or control
 * byte, which would end the argument or the shortcode. */
static void sg_put_shortcode_arg(sg_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        sg_buf_putc(b, c < ' ' || c == '"' || c == '\\' || c == '{' || c == '}' || c == 0x7F
                           ? '-'
                           : (char)c);
    }
}

/* The open and close pieces of a span-like mark. */
static void sg_mark_pieces(sg_rctx *r, const sg_mark *m, int continued, sg_buf *open,
                           sg_buf *close)
{
    switch (r->style) {
    case SG_STYLE_HTML_SPAN:
    case SG_STYLE_MD_HTML:
    case SG_STYLE_HTML_DETAILS: /* Markdown blocks that cannot take <details> */
        /* a disclosure (WAI-ARIA): a button that says what is hidden and
         * whether it is shown, then the hidden text; the inlined script
         * (sg_add_assets) shows and hides it.  A later piece of the same
         * sentence has no button of its own: the first one shows it too. */
        sg_buf_puts(open, "<span class=\"spoiler\" " SG_ATTR "=\"");
        sg_put_attr_kind(open, m->kinds[0], continued);
        sg_buf_puts(open, "\">");
        if (!continued) {
            sg_buf_puts(open, "<button type=\"button\" " SG_ATTR
                              "=\"toggle\" aria-expanded=\"false\">");
            sg_put_label(r, open, m->kinds, m->nkinds, 1);
            sg_buf_puts(open, "</button>");
        }
        sg_buf_puts(open, "<span " SG_ATTR "=\"content\" hidden>");
        sg_buf_puts(close, "</span></span>");
        r->disclosures++;
        break;
    case SG_STYLE_MD_HUGO:
        /* the shipped shortcode writes the same disclosure as html-span,
         * and the CSS and script once per page */
        sg_buf_puts(open, "{{< spoiler kind=\"");
        sg_put_shortcode_arg(open, m->kinds[0]);
        sg_buf_puts(open, "\" label=\"");
        for (size_t k = 0; k < m->nkinds; k++) {
            if (k)
                sg_buf_puts(open, ", ");
            sg_put_shortcode_arg(open, m->kinds[k]);
        }
        sg_buf_puts(open, continued ? "\" continued=\"true\" >}}" : "\" >}}");
        sg_buf_puts(close, "{{< /spoiler >}}");
        break;
    case SG_STYLE_MD_PANDOC:
        if (r->fmt == SG_FORMAT_MARKDOWN) {
            sg_buf_puts(open, "[");
            sg_buf_puts(close, "]{.spoiler}");
            break;
        }
        /* fall through */
    default: {
        /* visible: OPEN LABEL SEP ... CLOSE, the label its kinds */
        sg_vis_form_id id = r->style == SG_STYLE_MD_DISCORD  ? SG_VIS_DISCORD
                            : r->style == SG_STYLE_MD_REDDIT ? SG_VIS_REDDIT
                            : r->style == SG_STYLE_MD_PANDOC ? SG_VIS_PANDOC
                            : r->fmt == SG_FORMAT_MARKDOWN   ? SG_VIS_MD_PLAIN
                                                             : SG_VIS_PLAIN;
        if (id == SG_VIS_DISCORD && r->fmt == SG_FORMAT_MARKDOWN &&
            r->doc->blocks[m->block].kind == SG_BLOCK_TABLE_CELL)
            id = SG_VIS_DISCORD_CELL; /* a bare '|' would end the table cell */
        if (id == SG_VIS_MD_PLAIN && r->doc->blocks[m->block].raw_html)
            id = SG_VIS_PLAIN; /* raw HTML keeps Markdown's escapes as text */
        const sg_vis_form *f = &sg_vis_forms[id];
        sg_buf_puts(open, f->open);
        sg_vis_put_label(open, m->kinds, m->nkinds);
        sg_buf_puts(open, f->sep);
        sg_buf_puts(close, f->close);
        break;
    }
    }
}

/* Is src[at] a character a backslash before it escapes (an odd run of
 * backslashes, then ASCII punctuation)? */
static int sg_md_escaped_at(const char *src, size_t at)
{
    unsigned char c = (unsigned char)src[at];
    if (!at || src[at - 1] != '\\' || !((c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
                                          (c >= '[' && c <= '`') || (c >= '{' && c <= '~')))
        return 0;
    size_t k = at;
    while (k > 0 && src[k - 1] == '\\')
        k--;
    return (at - k) % 2 == 1;
}

/* Reddit's renderer (snudown) takes an underscore inside a word
 * ("this_book") for emphasis, which CommonMark never does: in a paragraph
 * holding one, where its emphasis runs (and whether a mark would cross it
 * and show its ">!") is not known, so nothing there is marked.  The
 * paragraph: the lines around `at` up to blank lines. */
static int sg_reddit_inner_underscore(const sg_rctx *r, size_t at)
{
    size_t a = sg_md_para_start(r, at), b = at;
    while (b < r->len && !sg_blank_line(r, b)) {
        b = sg_md_line_after(r, b);
        if (b == (size_t)-1) {
            b = r->len;
            break;
        }
    }
    for (size_t i = a + 1; i + 1 < b; i++)
        if (r->src[i] == '_' && sg_is_alnum((unsigned char)r->src[i - 1]) &&
            sg_is_alnum((unsigned char)r->src[i + 1]))
            return 1;
    return 0;
}

/* Reddit's renderer (snudown) reads ">!" opening a line as a spoiler block
 * quote, unless it finds the "!<" that closes it inline before any other
 * "<": a mark that opens a line (after its indentation and quote markers)
 * around text holding a "<" would hide the whole paragraph and show its
 * "!<".  Such a sentence stays unmarked (it is still reported). */
static int sg_reddit_block_spoiler(const sg_rctx *r, size_t s, size_t e)
{
    if (r->style != SG_STYLE_MD_REDDIT || r->fmt != SG_FORMAT_MARKDOWN)
        return 0;
    if (sg_reddit_inner_underscore(r, s))
        return 1;
    if (!memchr(r->src + s, '<', e - s))
        return 0;
    size_t q = s;
    while (q > 0 && !sg_md_eol(r->src[q - 1])) {
        char c = r->src[q - 1];
        if (c != ' ' && c != '\t' && c != '>')
            return 0;
        q--;
    }
    return 1;
}

/* Wrap src[s, e) (less its outer white space) in mark m's pieces; with
 * `careful`, only when Markdown takes both pieces where they go (see
 * sg_md_refused).  1 when wrapped, 0 for white space alone, -1 when
 * refused. */
static int sg_wrap_run(sg_rctx *r, const sg_mark *m, size_t s, size_t e, int continued,
                       int careful)
{
    if (careful) {
        /* a run that starts or ends inside a run of '*', '_' or '~' (text
         * to the reader: "*foo**", the second '*'): the mark starts after
         * that run and ends before it, which cuts none in two */
        s = sg_md_out_of_run(r, s, 1);
        e = sg_md_out_of_run(r, e, 0);
    }
    while (s < e && sg_is_ws(r->src[s]))
        s++;
    while (e > s && sg_is_ws(r->src[e - 1]))
        e--;
    if (e <= s)
        return 0;
    /* Markdown: a sentence that starts with an escaped character ("\#",
     * "\[") starts at its backslash, or the author's backslash would escape
     * the first byte inserted ("\<!--sg:o-->" reads as text) */
    if (r->fmt == SG_FORMAT_MARKDOWN && sg_md_escaped_at(r->src, s))
        s--;
    if (sg_reddit_block_spoiler(r, s, e))
        return -1;
    sg_buf open, close;
    sg_buf_init(&open);
    sg_buf_init(&close);
    sg_mark_pieces(r, m, continued, &open, &close);
    int wrapped = -1;
    if (open.failed || close.failed)
        r->oom = 1;
    else if (!careful ||
             !(sg_md_no_insert_at(r, s) || sg_md_no_insert_at(r, e) ||
               sg_md_flank_changed(r, s, open.data, open.len) ||
               sg_md_flank_changed(r, e, close.data, close.len))) {
        sg_inline_chunk(r, s, SG_RANK_OPEN, continued ? 'n' : 'o', open.data, open.len);
        sg_inline_chunk(r, e, SG_RANK_CLOSE, 'c', close.data, close.len);
        wrapped = 1;
    }
    sg_buf_free(&open);
    sg_buf_free(&close);
    return wrapped;
}

/* sg_wrap_run, but Reddit's spoilers end at a line's end (snudown shows
 * ">!" and "!<" as text around a line break): there, each line of a
 * hard-wrapped sentence is a mark of its own, and none when one line is
 * refused. */
static int sg_wrap(sg_rctx *r, const sg_mark *m, size_t s, size_t e, int continued,
                   int careful)
{
    if (r->style != SG_STYLE_MD_REDDIT || r->fmt != SG_FORMAT_MARKDOWN ||
        !memchr(r->src + s, '\n', e - s))
        return sg_wrap_run(r, m, s, e, continued, careful);
    for (size_t a = s; a < e;) {
        const char *nl = memchr(r->src + a, '\n', e - a);
        size_t b = nl ? (size_t)(nl - r->src) : e;
        if (sg_reddit_block_spoiler(r, a, b))
            return -1;
        a = b + 1;
    }
    int wrapped = 0;
    for (size_t a = s; a < e;) {
        if (a > s) /* a quote's markers and a list's indentation stay outside */
            while (a < e && (r->src[a] == ' ' || r->src[a] == '\t' || r->src[a] == '>'))
                a++;
        const char *nl = memchr(r->src + a, '\n', e - a);
        size_t b = nl ? (size_t)(nl - r->src) : e;
        int w = sg_wrap_run(r, m, a, b, continued || wrapped > 0, careful);
        if (w < 0)
            return -1;
        wrapped += w > 0;
        a = b + 1;
    }
    return wrapped > 0;
}

/* Raw HTML spans close at the first stray </span>: is [s, e) free of one? */
static int sg_spans_balanced(const sg_rctx *r, size_t s, size_t e)
{
    if (r->style != SG_STYLE_HTML_SPAN && r->style != SG_STYLE_MD_HTML &&
        r->style != SG_STYLE_HTML_DETAILS)
        return 1;
    size_t pos = 0;
    long depth = 0;
    sg_tag t;
    while (sg_tag_next(r->src + s, e - s, &pos, &t))
        if (sg_tag_is(r->src + s, &t, "span") && !t.self_closing &&
            (depth += t.closing ? -1 : 1) < 0)
            return 0;
    return depth == 0;
}

/* A span-like mark, by its fallback level (sg_rctx.level): 0, the whole
 * sentence when inline markup is balanced in it (always in plain text); 1,
 * each run of contiguous text on its own; 2 (Markdown), the runs Markdown
 * takes marks around, so that a sentence that starts inside an autolink or
 * a run of emphasis still has the rest marked, as long as every run that
 * holds what the flag found is marked; 3, none. */
void sg_mark_inline(sg_rctx *r, size_t i)
{
    const sg_mark *m = &r->marks[i];
    if (r->level[i] >= SG_LEVEL_NONE)
        return;
    r->group = SG_G_INLINE(i);
    if (r->fmt == SG_FORMAT_PLAIN || (!r->level[i] && sg_balanced(r, m->start, m->end) &&
                                      sg_spans_balanced(r, m->start, m->end))) {
        sg_wrap(r, m, m->start, m->end, 0, 0);
        return;
    }
    int careful = r->level[i] == SG_LEVEL_CAREFUL;
    size_t nins0 = r->nins, txt0 = r->txt.len, disclosures0 = r->disclosures;
    const sg_doc *doc = r->doc;
    const sg_block *b = &doc->blocks[m->block];
    const sg_piece *p = doc->pieces + b->piece_first;
    size_t n = b->piece_count, lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p[mid].src + p[mid].src_len <= m->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t rs = (size_t)-1, re = 0;
    int runs = 0;
    for (size_t k = lo; k < n && p[k].src < m->end; k++) {
        size_t ps = p[k].src < m->start ? m->start : p[k].src;
        size_t pe = p[k].src + p[k].src_len > m->end ? m->end : p[k].src + p[k].src_len;
        if (pe <= ps)
            continue;
        if (rs != (size_t)-1 && ps == re) {
            re = pe;
            continue;
        }
        if (rs != (size_t)-1 && ps < re) {
            /* pieces out of order: give up on this sentence */
            return;
        }
        if (rs != (size_t)-1) {
            int w = sg_wrap(r, m, rs, re, runs > 0, careful);
            if (w < 0 && rs < m->ev_end && re > m->ev_start)
                goto unmarked;
            runs += w > 0;
        }
        rs = ps;
        re = pe;
    }
    if (rs != (size_t)-1 && sg_wrap(r, m, rs, re, runs > 0, careful) < 0 && rs < m->ev_end &&
        re > m->ev_start)
        goto unmarked;
    return;
unmarked: /* the words that make it a spoiler would show: none of it */
    r->nins = nins0;
    r->txt.len = txt0;
    r->disclosures = disclosures0;
}

/* ---- html-details ------------------------------------------------------------- */

static int sg_cell_tag(const char *s, const sg_tag *t)
{
    return sg_tag_is(s, t, "li") || sg_tag_is(s, t, "td") || sg_tag_is(s, t, "th") ||
           sg_tag_is(s, t, "dd") || sg_tag_is(s, t, "dt");
}

/* A block's span for block-level insertions: inside <li>, <td> ... (where a
 * <p> or <details> may stand), around anything else.  Returns 1 when inside. */
int sg_html_block_span(const sg_rctx *r, const sg_block *b, size_t *s, size_t *e)
{
    *s = b->text_start;
    *e = b->end > r->len ? r->len : b->end;
    sg_tag t;
    if (!sg_tag_at(r->src, r->len, *s, &t) || t.closing || !sg_cell_tag(r->src, &t))
        return 0;
    *s = t.end;
    /* the end tag when the block ends with it */
    size_t q = *e;
    while (q > *s && sg_is_ws(r->src[q - 1]))
        q--;
    if (q > *s && r->src[q - 1] == '>') {
        size_t lt = q - 1;
        while (lt > *s && r->src[lt] != '<' && q - lt < 64)
            lt--;
        sg_tag et;
        if (r->src[lt] == '<' && sg_tag_at(r->src, r->len, lt, &et) && et.closing &&
            et.end == q && et.name_len == t.name_len &&
            !strncasecmp(r->src + et.name, r->src + t.name, t.name_len))
            *e = lt;
    }
    if (*e < *s)
        *e = *s;
    return 1;
}

/* 1 when the markup in src[s, e) nests on its own: every end tag closes an
 * element started in the span and every element started there ends there
 * (void elements and self-closed tags aside).  A <details> around anything
 * else would move the author's elements in the browser's tree. */
static int sg_html_balanced(const sg_rctx *r, size_t s, size_t e)
{
    enum { SG_NEST_MAX = 32 };
    sg_tag open[SG_NEST_MAX];
    size_t depth = 0;
    for (size_t p = s; p < e; p++) {
        if (r->src[p] != '<')
            continue;
        if (e - p >= 4 && !memcmp(r->src + p, "<!--", 4)) {
            const char *c = memmem(r->src + p + 4, e - p - 4, "-->", 3);
            if (!c)
                return 0;
            p = (size_t)(c - r->src) + 2;
            continue;
        }
        sg_tag t;
        if (!sg_tag_at(r->src, r->len, p, &t))
            continue; /* a '<' that starts no tag is text */
        if (t.end > e)
            return 0;
        if (t.closing) {
            if (!depth || t.name_len != open[depth - 1].name_len ||
                strncasecmp(r->src + t.name, r->src + open[depth - 1].name, t.name_len))
                return 0;
            depth--;
        } else if (!t.self_closing && !sg_tag_void(r->src, &t)) {
            if (depth == SG_NEST_MAX || sg_tag_is(r->src, &t, "template") ||
                sg_tag_is(r->src, &t, "script") || sg_tag_is(r->src, &t, "style"))
                return 0;
            open[depth++] = t;
        }
        p = t.end - 1;
    }
    return depth == 0;
}

static void sg_details_open(sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n)
{
    sg_buf_puts(b, "<details class=\"spoiler\" " SG_ATTR "=\"");
    sg_put_attr_kind(b, kinds[0], 0);
    sg_buf_puts(b, "\"><summary " SG_ATTR "=\"summary\">");
    sg_put_label(r, b, kinds, n, 1);
    sg_buf_puts(b, "</summary>");
}

/* html-details in HTML: <details> around whole flagged blocks; neighbouring
 * blocks with only white space between them share one. */
void sg_details_html(sg_rctx *r)
{
    size_t i = 0;
    size_t covered = 0; /* end of the last wrapped span */
    while (i < r->nmarks) {
        size_t first = i;
        size_t blk = r->marks[i].block;
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        size_t s, e;
        int inner = sg_html_block_span(r, &r->doc->blocks[blk], &s, &e);
        while (i < r->nmarks && r->marks[i].block == blk) {
            for (size_t k = 0; k < r->marks[i].nkinds; k++)
                sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
            i++;
        }
        /* join the next flagged blocks when only white space lies between */
        while (!inner && i < r->nmarks && !r->no_details[first]) {
            size_t nb = r->marks[i].block;
            size_t ns, ne;
            if (sg_html_block_span(r, &r->doc->blocks[nb], &ns, &ne) || ns < e)
                break;
            size_t q = e;
            while (q < ns && sg_is_ws(r->src[q]))
                q++;
            if (q != ns)
                break;
            e = ne;
            while (i < r->nmarks && r->marks[i].block == nb) {
                for (size_t k = 0; k < r->marks[i].nkinds; k++)
                    sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
                i++;
            }
        }
        if (s < covered && r->marks[i - 1].end <= covered)
            continue; /* inside a block already wrapped */
        if (r->no_details[first] || e <= s || s < covered || s > r->marks[first].start ||
            e < r->marks[i - 1].end || !sg_html_balanced(r, s, e)) {
            /* spans when the block's span does not hold its marks whole */
            for (size_t k = first; k < i; k++)
                sg_mark_inline(r, k);
            continue;
        }
        r->group = SG_G_DETAILS(first);
        size_t off = r->txt.len;
        sg_details_open(r, &r->txt, kinds, nk);
        sg_ins_add(r, s, SG_RANK_OPEN, off);
        off = r->txt.len;
        sg_buf_puts(&r->txt, "</details>");
        sg_ins_add(r, e, SG_RANK_CLOSE, off);
        covered = e;
    }
}

/* html-details in Markdown: top-level paragraphs and headings get
 * <details> lines of their own (CommonMark HTML blocks); other blocks
 * (list items, quotes, table cells) get inline spans. */
void sg_details_markdown(sg_rctx *r)
{
    size_t i = 0, covered = 0;
    while (i < r->nmarks) {
        size_t blk = r->marks[i].block;
        const sg_block *b = &r->doc->blocks[blk];
        size_t first = i;
        while (i < r->nmarks && r->marks[i].block == blk)
            i++;
        size_t after = sg_md_after_block(r, b);
        size_t il, pos = sg_md_block_pos(r, b->text_start, &il);
        /* the block's text must start on the line the <details> goes above */
        size_t ts = b->piece_count ? r->doc->pieces[b->piece_first].src : pos, q = pos;
        while (q < ts && !sg_md_eol(r->src[q]))
            q++;
        int ok = (b->kind == SG_BLOCK_PARAGRAPH || b->kind == SG_BLOCK_HEADING) &&
                 after != (size_t)-1 && il < 4 && !r->no_details[first] &&
                 pos >= covered && q == ts && r->marks[first].start >= pos &&
                 after >= r->marks[i - 1].end;
        if (!ok) {
            for (size_t k = first; k < i; k++)
                sg_mark_inline(r, k);
            continue;
        }
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        for (size_t k = first; k < i; k++)
            for (size_t j = 0; j < r->marks[k].nkinds; j++)
                sg_add_kind(kinds, &nk, r->marks[k].kinds[j]);
        r->group = SG_G_DETAILS(first);
        sg_buf head;
        sg_buf_init(&head);
        sg_details_open(r, &head, kinds, nk);
        if (head.failed)
            r->oom = 1;
        else
            sg_md_block_chunk(r, b->text_start, SG_RANK_OPEN, 'o', head.data, head.len, 1,
                              "", 0);
        sg_buf_free(&head);
        sg_md_block_chunk(r, after, SG_RANK_CLOSE, 'c', "</details>", 10, 0, NULL, 0);
        covered = after;
    }
}
