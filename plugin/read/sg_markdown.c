/* sg_markdown.c -- the Markdown reader, on md4c.
 *
 * md4c hands text callbacks pointers into the source, so offsets come from
 * pointer arithmetic; soft breaks, hard breaks and NUL replacements point at
 * static strings, so their source position is found from the last known
 * offset.  Front matter is not CommonMark: it is read before md4c runs. */
#include "sg_html.h"
#include "sg_internal.h"

#include <md4c.h>
#include <strings.h>

typedef struct sg_md {
    sg_doc *doc;
    const char *src;
    size_t len;
    int leaf;          /* a text block is open */
    sg_block_kind kind;/* kind of the next leaf */
    int level;
    sg_why why;
    size_t last;       /* source offset just past the last text seen */
    int in_code_span;
    size_t code_start; /* first source byte of a code span or block */
    int pending_leave; /* inline spans left since the last text */
    int pending_enter; /* inline spans opened before their block's text */
    size_t pending_enter_pos;
    int li_depth;
    int quote_depth;
    size_t block_end;
    size_t autolink; /* where the open autolink's '<' is, or (size_t)-1 */
    size_t floor;    /* where the line after the last text block starts */
    int span_first;  /* an inline span opened before the block's text */
    int containers;    /* open lists, quotes and tables */
    size_t top_line;   /* the outermost open container's first line, or
                          (size_t)-1 until its first block is seen */
    int lists;         /* open lists (bulleted or ordered) */
    size_t list_line;  /* the outermost open list's first line, or
                          (size_t)-1 until its first text is seen */
    int in_img;        /* inside an image: its alt text is not article text */
    size_t img_start;  /* where the outermost image's "![" is */
    sg_buf img_alt;    /* the outermost image's alt text (its first bytes) */
    sg_buf img_src;    /* ... and its destination */
    sg_buf img_text;   /* what an image that draws a rating stands for */
    size_t code_first; /* where code or raw HTML before the block's first text began, or
                          (size_t)-1: the block starts on that code's line */
    size_t code_ticks; /* the opening backticks of a code span md4c ended at
                          a line break; 0 after any other text */
    int html_block;    /* inside a raw HTML block outside containers */
    size_t html_s, html_e; /* its source, as far as seen ((size_t)-1: none) */
} sg_md;

static int sg_md_in_src(const sg_md *m, const char *p)
{
    return p >= m->src && p <= m->src + m->len;
}

/* Does a line end at src[off]: LF, or a CR not followed by LF (a lone CR
 * ends a line as LF and CRLF do)? */
static int sg_md_breaks_at(const sg_md *m, size_t off)
{
    char c = m->src[off];
    return c == '\n' || (c == '\r' && (off + 1 >= m->len || m->src[off + 1] != '\n'));
}

static size_t sg_md_line_start(const sg_md *m, size_t off)
{
    while (off > 0 && !sg_md_breaks_at(m, off - 1))
        off--;
    return off;
}

static size_t sg_md_line_end(const sg_md *m, size_t off)
{
    while (off < m->len && !sg_md_breaks_at(m, off))
        off++;
    return off;
}

static void sg_md_close_leaf(sg_md *m)
{
    m->pending_enter = 0;
    if (!m->leaf)
        return;
    if (m->pending_leave) {
        /* closing markup runs to the end of the line at most */
        size_t q = m->last;
        while (q < m->len && m->src[q] != '\n' && m->src[q] != '\r' && m->src[q] != ' ')
            q++;
        for (; m->pending_leave > 0; m->pending_leave--)
            sg_doc_inline(m->doc, q, -1);
    }
    size_t end = m->block_end > m->last ? m->block_end : m->last;
    size_t le = sg_md_line_end(m, end);
    sg_doc_end_block(m->doc, le);
    m->floor = le + 1;
    m->leaf = 0;
}

/* Does the line [ls, le) hold nothing but the opening of inline markup: a
 * code span's backticks or a link's '[' after any container markers ("> ",
 * "- ", "1. ")?  Such a line begins the paragraph whose text comes later
 * ("`\n`text").  Three backticks at its start make a fence, not a span. */
static int sg_md_opener_line(const sg_md *m, size_t ls, size_t le)
{
    const char *s = m->src;
    size_t i = ls;
    for (;;) {
        while (i < le && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
            i++;
        size_t d = i;
        while (d < le && s[d] >= '0' && s[d] <= '9')
            d++;
        if (d < le && ((d > i && (s[d] == '.' || s[d] == ')')) ||
                       (d == i && (s[d] == '-' || s[d] == '+' || s[d] == '*'))) &&
            (d + 1 == le || s[d + 1] == ' ' || s[d + 1] == '\t')) {
            i = d + 1; /* a list marker */
            continue;
        }
        break;
    }
    if (i + 2 < le && s[i] == '`' && s[i + 1] == '`' && s[i + 2] == '`')
        return 0;
    int opener = 0;
    for (; i < le; i++) {
        if (s[i] == '`' || s[i] == '[')
            opener = 1;
        else if (s[i] != '!' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    }
    return opener;
}

static void sg_md_open_leaf(sg_md *m, size_t at)
{
    size_t ls = sg_md_line_start(m, at);
    /* markup before the block's first text may begin on an earlier line: the
     * block starts there, or a warning put before it would split it */
    while (m->span_first && ls > m->floor) {
        size_t pls = sg_md_line_start(m, ls - 1);
        if (pls < m->floor || !sg_md_opener_line(m, pls, ls - 1))
            break;
        ls = pls;
    }
    /* a paragraph that opens with a code span ("`Foo\nbar` text") or a raw
     * HTML tag ("<a href=\"x\ny\">") starts on its line, though its first
     * text comes after it */
    if (m->code_first != (size_t)-1 && m->code_first >= m->floor && m->code_first < ls) {
        size_t cls = sg_md_line_start(m, m->code_first);
        if (cls < ls)
            ls = cls;
    }
    m->span_first = 0;
    m->code_first = (size_t)-1;
    sg_doc_begin_block(m->doc, m->kind, m->level, m->why, ls, ls);
    if (m->containers && m->doc->nblocks) {
        if (m->top_line == (size_t)-1 || ls < m->top_line)
            m->top_line = ls;
        m->doc->blocks[m->doc->nblocks - 1].top_start = m->top_line;
    }
    if (m->lists) {
        if (m->list_line == (size_t)-1)
            m->list_line = ls;
        if (m->doc->nblocks && m->list_line < ls)
            m->doc->blocks[m->doc->nblocks - 1].outer_start = m->list_line;
    }
    m->leaf = 1;
    for (; m->pending_enter > 0; m->pending_enter--)
        sg_doc_inline(m->doc, m->pending_enter_pos, +1);
    m->block_end = at;
}

static void sg_md_enter_container(sg_md *m)
{
    if (m->containers++ == 0)
        m->top_line = (size_t)-1; /* learnt from its first block */
}

static int sg_md_is_container(MD_BLOCKTYPE type)
{
    return type == MD_BLOCK_UL || type == MD_BLOCK_OL || type == MD_BLOCK_QUOTE ||
           type == MD_BLOCK_TABLE;
}

static int sg_md_enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    sg_md *m = ud;
    m->span_first = 0; /* spans of a block that held no text */
    m->code_first = (size_t)-1;
    switch (type) {
    case MD_BLOCK_P:
    case MD_BLOCK_H:
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    case MD_BLOCK_CODE:
    case MD_BLOCK_HTML:
        m->html_block = type == MD_BLOCK_HTML && !m->quote_depth && !m->li_depth;
        m->html_s = (size_t)-1;
        sg_md_close_leaf(m); /* text of a tight list item before a nested block */
        m->kind = type == MD_BLOCK_H      ? SG_BLOCK_HEADING
                  : type == MD_BLOCK_P    ? (m->li_depth     ? SG_BLOCK_LIST_ITEM
                                             : m->quote_depth ? SG_BLOCK_QUOTE
                                                              : SG_BLOCK_PARAGRAPH)
                  : type == MD_BLOCK_CODE ? SG_BLOCK_CODE
                  : type == MD_BLOCK_HTML ? SG_BLOCK_OTHER
                                          : SG_BLOCK_TABLE_CELL;
        m->level = type == MD_BLOCK_H ? (int)((MD_BLOCK_H_DETAIL *)detail)->level : 0;
        m->why = type == MD_BLOCK_CODE   ? SG_WHY_CODE
                 : type == MD_BLOCK_HTML ? SG_WHY_BOILERPLATE
                                         : SG_WHY_ARTICLE;
        break;
    case MD_BLOCK_LI:
        sg_md_close_leaf(m);
        m->li_depth++;
        m->kind = SG_BLOCK_LIST_ITEM;
        m->level = m->li_depth;
        m->why = SG_WHY_ARTICLE;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        sg_md_close_leaf(m);
        sg_md_enter_container(m);
        if (m->lists++ == 0)
            m->list_line = (size_t)-1; /* learnt from its first text */
        break;
    case MD_BLOCK_TABLE:
        sg_md_close_leaf(m);
        sg_md_enter_container(m);
        break;
    case MD_BLOCK_QUOTE:
        sg_md_close_leaf(m);
        sg_md_enter_container(m);
        m->quote_depth++;
        m->kind = SG_BLOCK_QUOTE;
        m->why = SG_WHY_ARTICLE;
        break;
    default:
        sg_md_close_leaf(m);
        break;
    }
    return 0;
}

/* Is the raw HTML block at s one whose content is no prose: script, pre,
 * style or textarea, a comment, a processing instruction, a declaration or
 * CDATA (CommonMark's HTML blocks of kinds 1 to 5)? */
static int sg_md_html_raw(const sg_md *m, size_t s, size_t e)
{
    static const char *const raw[] = {"script", "pre", "style", "textarea"};
    while (s < e && (m->src[s] == ' ' || m->src[s] == '\t'))
        s++;
    if (s + 1 >= e || m->src[s] != '<' || m->src[s + 1] == '!' || m->src[s + 1] == '?')
        return 1;
    for (size_t k = 0; k < sizeof raw / sizeof *raw; k++) {
        size_t n = strlen(raw[k]);
        if (s + 1 + n <= e && !strncasecmp(m->src + s + 1, raw[k], n) &&
            (s + 1 + n == e || strchr(" \t\r\n>", m->src[s + 1 + n])))
            return 1;
    }
    return 0;
}

/* A raw HTML block's prose ("<div>\nThe hero dies.\n</div>", "<p>..</p>"):
 * read with the HTML tokenizer as one block whose text is the text between
 * tags, outside elements that hold no article text (the HTML reader's
 * classes); a tag that breaks a block of text ends a sentence (a blank
 * line in the view), phrasing tags are inline markup a mark must not cut.
 * The block starts on the HTML block's first line, so a warning goes before
 * the HTML block, never inside it. */
static void sg_md_html_prose(sg_md *m, size_t s, size_t e)
{
    enum { SG_SKIP_MAX = 32 };
    /* an earlier run's block chunk may open the HTML block (md4c runs a
     * comment line on into the lines after it): the block is what follows */
    for (;;) {
        size_t q = s;
        while (q < e && sg_doc_in_chunk(m->doc, q))
            q++;
        while (q < e && strchr(" \t\r\n", m->src[q]))
            q++;
        if (q == s)
            break;
        s = q;
    }
    if (sg_md_html_raw(m, s, e))
        return;
    /* only plain markup: raw text (script, style, textarea, title ...),
     * comments, declarations or a lone CR read differently once marks are
     * in them; such a block is left to the browser, as a whole */
    for (size_t i = s; i < e; i++)
        if (m->src[i] == '\r' && (i + 1 >= e || m->src[i + 1] != '\n'))
            return;
    sg_html_tokenizer t;
    sg_html_token tok;
    sg_html_init(&t, m->src + s, e - s);
    while (sg_html_next(&t, &tok))
        if (sg_doc_in_chunk(m->doc, s + tok.start))
            continue; /* an earlier run's marks: cut from the text */
        else if (tok.type == SG_HTML_RAWTEXT || tok.type == SG_HTML_COMMENT ||
            tok.type == SG_HTML_DOCTYPE || tok.cut ||
            (tok.type == SG_HTML_START_TAG && (sg_html_is(&tok, "script") ||
                                               sg_html_is(&tok, "style"))))
            return;
    sg_html_init(&t, m->src + s, e - s);
    char skip[SG_SKIP_MAX][SG_HTML_NAME_MAX];
    size_t nskip = 0, brk = (size_t)-1, brk_len = 0;
    int open = 0;
    while (sg_html_next(&t, &tok)) {
        sg_block_kind kind;
        int block, is_void;
        if (tok.type != SG_HTML_TEXT && sg_doc_in_chunk(m->doc, s + tok.start))
            continue; /* an earlier run's marks (their text is cut below) */
        if (tok.type == SG_HTML_START_TAG || tok.type == SG_HTML_END_TAG) {
            sg_why why = sg_html_tag_class(&tok, &kind, &block, &is_void);
            if (is_void && !block)
                continue;
            if (tok.type == SG_HTML_START_TAG && why != SG_WHY_ARTICLE && !is_void &&
                !tok.self_closing) {
                if (nskip == SG_SKIP_MAX)
                    break; /* too deep to follow: the rest is not read */
                memcpy(skip[nskip++], tok.name, SG_HTML_NAME_MAX);
                continue;
            }
            if (tok.type == SG_HTML_END_TAG && nskip &&
                !strcmp(skip[nskip - 1], tok.name)) {
                nskip--;
                continue;
            }
            if (nskip || !open)
                continue;
            if (block) {
                brk = s + tok.start; /* a break before the next text */
                brk_len = tok.end - tok.start;
            } else if (!is_void && !tok.self_closing)
                sg_doc_inline(m->doc, s + (tok.type == SG_HTML_START_TAG ? tok.start : tok.end),
                              tok.type == SG_HTML_START_TAG ? +1 : -1);
            continue;
        }
        if (tok.type != SG_HTML_TEXT || nskip)
            continue;
        size_t a = s + tok.text_start, b = s + tok.text_end;
        if (!open) {
            size_t q = a;
            while (q < b && strchr(" \t\r\n", m->src[q]))
                q++;
            if (q == b)
                continue; /* white space between tags */
            size_t ls = sg_md_line_start(m, s);
            sg_doc_begin_block(m->doc, SG_BLOCK_PARAGRAPH, 0, SG_WHY_ARTICLE, ls, ls);
            m->doc->blocks[m->doc->nblocks - 1].raw_html = 1;
            open = 1;
        } else if (brk != (size_t)-1)
            sg_doc_add_text(m->doc, "\n\n", 2, brk, brk_len, 0);
        brk = (size_t)-1;
        /* the text, its character references decoded */
        size_t run = a;
        for (size_t i = a; i < b; i++) {
            char dec[8];
            size_t dl = 0, rl;
            if (m->src[i] != '&' || !(rl = sg_html_charref(m->src + i, b - i, 0, dec, &dl)))
                continue;
            sg_doc_add_text(m->doc, m->src + run, i - run, run, i - run, 1);
            sg_doc_add_text(m->doc, dec, dl, i, rl, 0);
            i += rl - 1;
            run = i + 1;
        }
        sg_doc_add_text(m->doc, m->src + run, b - run, run, b - run, 1);
    }
    if (open) {
        size_t le = sg_md_line_end(m, e > s && sg_md_breaks_at(m, e - 1) ? e - 1 : e);
        sg_doc_end_block(m->doc, le);
        m->floor = le + 1;
    }
}

static int sg_md_leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
    sg_md *m = ud;
    (void)detail;
    sg_md_close_leaf(m);
    if (type == MD_BLOCK_HTML && m->html_block) {
        m->html_block = 0;
        if (m->html_s != (size_t)-1)
            sg_md_html_prose(m, m->html_s, m->html_e);
    }
    if (type == MD_BLOCK_LI && m->li_depth > 0)
        m->li_depth--;
    if (type == MD_BLOCK_QUOTE && m->quote_depth > 0)
        m->quote_depth--;
    if ((type == MD_BLOCK_UL || type == MD_BLOCK_OL) && m->lists > 0 && --m->lists == 0)
        m->list_line = (size_t)-1;
    if (sg_md_is_container(type) && m->containers > 0)
        m->containers--;
    if (type == MD_BLOCK_LI || type == MD_BLOCK_QUOTE) {
        m->kind = m->li_depth ? SG_BLOCK_LIST_ITEM
                  : m->quote_depth ? SG_BLOCK_QUOTE
                                   : SG_BLOCK_PARAGRAPH;
        m->level = m->li_depth;
        m->why = SG_WHY_ARTICLE;
    }
    return 0;
}

/* Closing markup lies between the last text and text at `off`: the inline
 * spans it closes end there. */
static void sg_md_close_spans(sg_md *m, size_t off, int in_src)
{
    if (m->pending_leave > 0) {
        size_t q = in_src ? off : m->last;
        while (q > m->last &&
               (m->src[q - 1] == ' ' || m->src[q - 1] == '\n' || m->src[q - 1] == '\r'))
            q--;
        for (; m->pending_leave > 0; m->pending_leave--)
            sg_doc_inline(m->doc, q, -1);
    }
    m->pending_leave = 0;
}

/* An image that draws a rating (stars, "4 out of 5 stars"; see
 * sg_pic_image_text) is read as the text it stands for, over the whole
 * image `sp`: "Rating: ![4 stars](4.png)" reads as a written rating.  Other
 * images stay out of the text. */
static void sg_md_picture(sg_md *m, sg_span sp)
{
    if (m->why != SG_WHY_ARTICLE || m->in_code_span)
        return;
    int got = sg_pic_image_text(m->img_alt.data ? m->img_alt.data : "", m->img_alt.len,
                                m->img_src.data ? m->img_src.data : "", m->img_src.len,
                                &m->img_text);
    if (got < 0)
        m->doc->view.failed = 1;
    if (got <= 0)
        return;
    if (!m->leaf)
        sg_md_open_leaf(m, sp.start);
    sg_md_close_spans(m, sp.start, 1);
    sg_doc_add_text(m->doc, m->img_text.data, m->img_text.len, sp.start, sp.end - sp.start, 0);
    m->last = sp.end;
    m->block_end = m->last;
}

/* The most of an image's alt text and destination read for a rating. */
#define SG_MD_ALT_MAX 256

static int sg_md_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
    sg_md *m = ud;
    if (!m->leaf)
        m->span_first = 1;
    if (type == MD_SPAN_CODE) {
        m->in_code_span = 1;
        m->code_start = (size_t)-1;
        return 0;
    }
    /* markup opens after the last text and any spaces */
    size_t p = m->last;
    while (p < m->len && (m->src[p] == ' ' || m->src[p] == '\t' || m->src[p] == '\n' ||
                          m->src[p] == '\r'))
        p++;
    if (type == MD_SPAN_A && p < m->len && m->src[p] == '<')
        m->autolink = p; /* "<scheme:...>": a link written in one piece */
    if (type == MD_SPAN_IMG && m->in_img++ == 0) {
        const MD_SPAN_IMG_DETAIL *d = detail;
        m->img_start = p;
        m->img_alt.len = m->img_src.len = 0;
        if (d && d->src.size < SG_MD_ALT_MAX)
            sg_buf_put(&m->img_src, d->src.text, d->src.size);
    }
    if (m->leaf)
        sg_doc_inline(m->doc, p, +1);
    else if (m->pending_enter++ == 0)
        m->pending_enter_pos = p; /* emitted when the block's text starts */
    return 0;
}

static int sg_md_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
    sg_md *m = ud;
    (void)detail;
    if (type == MD_SPAN_CODE) {
        m->in_code_span = 0;
        /* the closing backticks are the span's too (after the space the
         * span's text may end before them): a sentence after the span starts
         * past them, or a mark there would go inside the span */
        size_t e = m->last;
        while (e < m->len && (m->src[e] == ' ' || m->src[e] == '\t'))
            e++;
        size_t ticks = e;
        while (e < m->len && m->src[e] == '`')
            e++;
        if (e > ticks && m->code_start != (size_t)-1)
            m->last = e;
        else if (m->code_start != (size_t)-1) {
            /* md4c ends a span whose closing backticks start a line at the
             * line break, and gives those backticks as text: count the
             * opening run, so that text is taken for the closing one */
            size_t o = m->code_start;
            while (o > 0 && (m->src[o - 1] == ' ' || m->src[o - 1] == '\n' ||
                             m->src[o - 1] == '\r' || m->src[o - 1] == '\t'))
                o--;
            size_t open = o;
            while (o > 0 && m->src[o - 1] == '`')
                o--;
            m->code_ticks = open - o;
        }
        if (m->code_start != (size_t)-1 && m->last > m->code_start)
            sg_doc_skip(m->doc, m->code_start, m->last, SG_WHY_CODE);
        return 0;
    }
    if (type == MD_SPAN_IMG && m->in_img > 0 && --m->in_img == 0) {
        /* the image ends at its ')' (or the ']' of a reference): its alt
         * text is no sentence of the article, and nothing may be inserted
         * inside it (a mark there would break the image) */
        size_t e = m->last;
        while (e < m->len && m->src[e] != ')' && m->src[e] != ']' && m->src[e] != '\n')
            e++;
        if (e < m->len && m->src[e] == ']' && e + 1 < m->len && m->src[e + 1] == '(') {
            const char *rp = memchr(m->src + e, ')', m->len - e);
            e = rp ? (size_t)(rp - m->src) : e;
        } else if (e < m->len && m->src[e] == ']' && e + 1 < m->len && m->src[e + 1] == '[') {
            const char *rb = memchr(m->src + e + 1, ']', m->len - e - 1);
            e = rb ? (size_t)(rb - m->src) : e;
        }
        sg_span sp = {m->img_start, e < m->len ? e + 1 : m->len};
        if (!SG_VEC_PUSH(m->doc->atomic, m->doc->natomic, m->doc->cap_atomic, sp))
            m->doc->view.failed = 1;
        sg_md_picture(m, sp);
    }
    if (type == MD_SPAN_A && m->autolink != (size_t)-1) {
        /* the autolink ends at its '>': nothing may be inserted inside */
        const char *gt = m->last < m->len ? memchr(m->src + m->last, '>', m->len - m->last)
                                          : NULL;
        size_t end = gt ? (size_t)(gt - m->src) + 1 : m->last;
        sg_span sp = {m->autolink, end};
        /* inside an image, the image's own span covers it (and keeps the
         * spans in order of their starts) */
        if (!m->in_img &&
            !SG_VEC_PUSH(m->doc->atomic, m->doc->natomic, m->doc->cap_atomic, sp))
            m->doc->view.failed = 1;
        m->autolink = (size_t)-1;
    }
    m->pending_leave++;
    return 0;
}

/* An entity md4c found ("&name;", "&#N;", "&#xN;") decoded by the HTML
 * reader's reference table; 0 when the whole entity is not one it knows, so
 * it stays as written. */
static size_t sg_md_entity(const char *e, size_t n, char out[8])
{
    size_t len;
    return sg_html_charref(e, n, 0, out, &len) == n ? len : 0;
}

static int sg_md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size,
                      void *ud)
{
    sg_md *m = ud;
    int in_src = sg_md_in_src(m, text) && text + size <= m->src + m->len;
    size_t off = in_src ? (size_t)(text - m->src) : m->last;
    if (m->lists && m->list_line == (size_t)-1 && in_src)
        m->list_line = sg_md_line_start(m, off); /* the list's first item's line */
    if (m->containers && m->top_line == (size_t)-1 && in_src)
        m->top_line = sg_md_line_start(m, off); /* raw HTML first in it opens no block */

    if (type == MD_TEXT_HTML) {
        if (in_src && m->html_block) {
            if (m->html_s == (size_t)-1)
                m->html_s = off;
            m->html_e = off + size;
            return 0;
        }
        if (in_src) {
            m->last = off + size; /* raw inline HTML is markup, not text */
            if (!m->leaf && m->code_first == (size_t)-1)
                m->code_first = off; /* a tag over lines before the text */
        }
        return 0;
    }
    if (m->in_img) {
        if (in_src)
            m->last = off + size; /* an image's alt text: not read as prose */
        if (m->in_img == 1 && m->img_alt.len + size <= SG_MD_ALT_MAX)
            sg_buf_put(&m->img_alt, text, size);
        return 0;
    }
    if (m->why != SG_WHY_ARTICLE || m->in_code_span || type == MD_TEXT_CODE) {
        if (!in_src)
            return 0;
        if (m->in_code_span) {
            if (m->code_start == (size_t)-1)
                m->code_start = off;
            if (!m->leaf && m->code_first == (size_t)-1)
                m->code_first = off;
            m->last = off + size;
            return 0;
        }
        if (!m->leaf)
            sg_md_open_leaf(m, off);
        m->last = off + size;
        m->block_end = m->last;
        return 0;
    }
    if (!m->leaf) {
        if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR)
            return 0;
        if (type == MD_TEXT_NULLCHAR) {
            /* the replacement points elsewhere: the block starts at the NUL */
            const char *z = memchr(m->src + m->last, '\0', m->len - m->last);
            off = z ? (size_t)(z - m->src) : m->last;
        }
        sg_md_open_leaf(m, off);
    }
    sg_md_close_spans(m, off, in_src);
    switch (type) {
    case MD_TEXT_SOFTBR:
    case MD_TEXT_BR: {
        /* a lone CR ends a line too (CommonMark): a later LF is not this break */
        size_t nl = m->last;
        while (nl < m->len && m->src[nl] != '\n' && m->src[nl] != '\r')
            nl++;
        if (nl + 1 < m->len && m->src[nl] == '\r' && m->src[nl + 1] == '\n')
            nl++;
        if (nl < m->len)
            sg_doc_add_text(m->doc, "\n", 1, nl, 1, m->src[nl] == '\n');
        m->last = nl < m->len ? nl + 1 : nl;
        break;
    }
    case MD_TEXT_NULLCHAR: {
        const char *z = memchr(m->src + m->last, '\0', m->len - m->last);
        if (z) {
            size_t zo = (size_t)(z - m->src);
            sg_doc_add_text(m->doc, z, 1, zo, 1, 1);
            m->last = zo + 1;
        }
        break;
    }
    case MD_TEXT_ENTITY: {
        char dec[8];
        size_t n = in_src ? sg_md_entity(text, size, dec) : 0;
        if (n)
            sg_doc_add_text(m->doc, dec, n, off, size, 0);
        else if (in_src)
            sg_doc_add_text(m->doc, text, size, off, size, 1);
        if (in_src)
            m->last = off + size;
        break;
    }
    default:
        if (in_src && m->code_ticks && size > m->code_ticks &&
            !memcmp(text, "``````````", m->code_ticks < 10 ? m->code_ticks : 10) &&
            m->code_ticks <= 10 && text[m->code_ticks] != '`') {
            /* a code span's closing backticks (see sg_md_leave_span) */
            sg_doc_skip(m->doc, off, off + m->code_ticks, SG_WHY_CODE);
            text += m->code_ticks;
            off += m->code_ticks;
            size -= m->code_ticks;
        }
        if (in_src) {
            sg_doc_add_text(m->doc, text, size, off, size, 1);
            m->last = off + size;
        }
        break;
    }
    if (type != MD_TEXT_SOFTBR && type != MD_TEXT_BR)
        m->code_ticks = 0;
    m->block_end = m->last;
    return 0;
}

sg_status sg_read_markdown(sg_doc *doc, sg_error *err)
{
    size_t fm = sg_front_matter(doc, doc->src, doc->len);
    if (fm)
        sg_doc_skip(doc, 0, fm, SG_WHY_FRONT_MATTER);
    if (doc->len - fm > 0xFFFFFFF0u) {
        sg_set_error(err, SG_ERR_INPUT, "Markdown input over 4 GiB");
        return SG_ERR_INPUT;
    }
    sg_md m;
    memset(&m, 0, sizeof m);
    m.autolink = (size_t)-1;
    m.code_first = (size_t)-1;
    m.list_line = (size_t)-1;
    m.doc = doc;
    /* md4c 0.4.8 reads the byte after a text that ends in digits (it looks
     * for the '.' of an ordered list mark there): it gets a copy with a NUL
     * after it, so that it never reads past memory the caller gave */
    char *copy = malloc(doc->len + 1);
    if (!copy) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory");
        return SG_ERR_MEMORY;
    }
    memcpy(copy, doc->src, doc->len);
    copy[doc->len] = '\0';
    /* an earlier run's Reddit mark ">!kind: " opening a line is no block
     * quote: the parser sees a letter there (the chunk is no text anyway),
     * so the blocks are those the first run read */
    for (size_t i = 0; i < doc->nchunks; i++)
        if (doc->src[doc->chunks[i].start] == '>' &&
            sg_md_line_head(doc->src, doc->chunks[i].start))
            copy[doc->chunks[i].start] = 'x';
    m.src = copy;
    m.len = doc->len;
    m.last = fm;
    m.floor = fm;
    m.kind = SG_BLOCK_PARAGRAPH;
    MD_PARSER parser;
    memset(&parser, 0, sizeof parser);
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
    parser.enter_block = sg_md_enter_block;
    parser.leave_block = sg_md_leave_block;
    parser.enter_span = sg_md_enter_span;
    parser.leave_span = sg_md_leave_span;
    parser.text = sg_md_text;
    int failed = md_parse(copy + fm, (MD_SIZE)(doc->len - fm), &parser, &m) != 0;
    if (!failed)
        sg_md_close_leaf(&m);
    free(copy);
    sg_buf_free(&m.img_alt);
    sg_buf_free(&m.img_src);
    sg_buf_free(&m.img_text);
    if (failed) {
        sg_set_error(err, SG_ERR_MEMORY, "the Markdown parser ran out of memory");
        return SG_ERR_MEMORY;
    }
    /* code and raw HTML blocks are listed as skipped by their block spans;
     * page chrome pasted into Markdown is told apart like plain text */
    sg_classify_boilerplate(doc, 0);
    return SG_OK;
}
