/* sg_html.c -- the HTML reader.
 *
 * It walks the tokens of sg_html_tok.c and builds no tree:
 * it keeps a stack of open elements (bounded by the document's max_depth),
 * applies the usual implied end tags so ordinary pages stay shallow, and turns
 * the text into blocks with exact source spans.  Every decision is O(1) per
 * token (the "nearest element of kind X" questions are answered by indices
 * kept on each stack entry), so the reader runs in linear time.  What it
 * knows of each element is in sg_html_tags.c. */
#include "sg_html.h"
#include "sg_html_tags.h"
#include "sg_text.h"

#include <stdint.h>

/* ---- state --------------------------------------------------------------------- */

#define SG_HR_BUCKETS 1024
#define SG_HR_CHAIN 64 /* longest walk along a hash chain */

/* An open element. The int fields are stack indices of the nearest element
 * of a kind at or below this one (-1: none), so scope checks are O(1). */
typedef struct sg_hel {
    char name[SG_HTML_NAME_MAX];
    size_t name_len;
    int tag; /* SG_TAG_*, or -1 */
    unsigned flags;
    sg_block_kind kind;
    size_t start, open_end; /* its start tag */
    size_t serial;          /* unique per push: owner of a doc block */
    size_t first_blk;       /* blocks begun before it opened */
    int prev_same;          /* the next open element in its hash bucket */
    unsigned bucket;
    int scope_b, button_b, list_b, table_b; /* scope boundaries */
    int special, spec_nadp, heading, foreign, container;
    int lists, quotes;
    sg_why eff;      /* why its text is not article, from it or an ancestor */
    sg_why skip_why; /* why an inline skip starts here */
    unsigned char in_root, skip, skip_root, mark, sectioning;
} sg_hel;

typedef struct sg_hr {
    sg_doc *doc;
    const char *s;
    size_t len;
    sg_error *err;
    sg_status status;
    sg_html_tokenizer tz;
    sg_html_token tok;
    int tag; /* the current token's SG_TAG_*, or -1 */
    sg_hel *st;
    size_t n, cap, max;
    int top_of[SG_HR_BUCKETS];
    size_t serial;
    size_t chunk_k;
    int scan;     /* first pass: measure only, add nothing to the doc */
    int has_root; /* second pass: text outside an article root is chrome */
    /* first-pass measurements: the longest block inside and outside roots */
    size_t longest_in, longest_out;
    int any_in;
    /* the doc block being filled */
    int cur_open, cur_explicit, cur_in, cur_art;
    size_t cur_owner, cur_len, nbegun;
    size_t run_start; /* first inline content since the last block boundary */
    int run_set;
    int br_last; /* the last thing in the block was a <br> */
    /* a raw-text element (script, style, title ...) being read */
    int raw;
    const sg_html_tag_info *raw_info;
    size_t raw_start, raw_cs, raw_ce;
    int raw_skip; /* inside an inline skip: record nothing */
    int raw_ld;   /* a script of JSON-LD the author wrote */
    int title_done;
    int filled_run; /* a row of star icons says which stars are filled */
    sg_buf tmp;
} sg_hr;

static unsigned sg_hr_hash(const char *name, size_t name_len)
{
    uint32_t h = 2166136261u;
    for (const char *p = name; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h ^= (uint32_t)name_len;
    return h % SG_HR_BUCKETS;
}

/* The topmost open element called like the token, or -1. */
static int sg_hr_topmost(const sg_hr *r, const char *name, size_t name_len)
{
    int i = r->top_of[sg_hr_hash(name, name_len)];
    for (int steps = 0; i >= 0 && steps < SG_HR_CHAIN; steps++) {
        const sg_hel *e = &r->st[i];
        if (e->name_len == name_len && !strcmp(e->name, name))
            return i;
        i = e->prev_same;
    }
    return -1;
}

/* The topmost open element named by a string literal. */
#define sg_hr_top_named(r, lit) sg_hr_topmost((r), (lit), sizeof(lit) - 1)

static const sg_hel *sg_hr_top(const sg_hr *r)
{
    return r->n ? &r->st[r->n - 1] : NULL;
}

static int sg_hr_top_is(const sg_hr *r, int tag)
{
    return r->n && r->st[r->n - 1].tag == tag;
}

/* Why the text of element e (NULL: the document level) is not article. */
static sg_why sg_hr_why(const sg_hr *r, const sg_hel *e)
{
    if (e && e->eff)
        return e->eff;
    if (r->has_root && !(e && e->in_root))
        return SG_WHY_BOILERPLATE;
    return SG_WHY_ARTICLE;
}

static void sg_hr_oom(sg_hr *r, int ok)
{
    if (!ok && r->status == SG_OK) {
        r->status = SG_ERR_MEMORY;
        sg_set_error(r->err, SG_ERR_MEMORY, "out of memory reading HTML");
    }
}

/* Is input offset pos inside something an earlier run inserted?  Tokens come
 * in input order, so a cursor over the sorted chunks answers in O(1). */
static int sg_hr_in_chunk(sg_hr *r, size_t pos)
{
    const sg_doc *d = r->doc;
    while (r->chunk_k < d->nchunks && d->chunks[r->chunk_k].end <= pos)
        r->chunk_k++;
    return r->chunk_k < d->nchunks && d->chunks[r->chunk_k].start <= pos;
}

/* ---- blocks --------------------------------------------------------------
 */

static void sg_hr_end_block(sg_hr *r, size_t end)
{
    if (!r->cur_open)
        return;
    r->cur_open = 0;
    if (r->scan) {
        if (r->cur_art) {
            if (r->cur_in) {
                r->any_in = 1;
                if (r->cur_len > r->longest_in)
                    r->longest_in = r->cur_len;
            } else if (r->cur_len > r->longest_out)
                r->longest_out = r->cur_len;
        }
        return;
    }
    sg_hr_oom(r, sg_doc_end_block(r->doc, end));
}

/* A block-level tag at pos: the text before it is a block of its own. */
static void sg_hr_boundary(sg_hr *r, size_t pos)
{
    sg_hr_end_block(r, pos);
    r->run_set = 0;
    r->br_last = 0;
}

/* Open the doc block for text whose first visible byte is at `vis`, in the
 * innermost block-level element (or the document level). */
static void sg_hr_begin_block(sg_hr *r, size_t vis)
{
    const sg_hel *top = sg_hr_top(r);
    const sg_hel *c = top && top->container >= 0 ? &r->st[top->container] : NULL;
    sg_block_kind kind = SG_BLOCK_PARAGRAPH;
    int level = 0;
    size_t start = r->run_set ? r->run_start : vis;
    if (c && (c->flags & SG_HT_B)) {
        kind = c->kind;
        if (kind == SG_BLOCK_HEADING)
            level = c->name[1] - '0';
        else if (kind == SG_BLOCK_LIST_ITEM)
            level = c->lists;
        if (c->first_blk == r->nbegun) /* its first block starts at its tag */
            start = c->start;
    }
    if (c && kind == SG_BLOCK_PARAGRAPH && c->quotes)
        kind = SG_BLOCK_QUOTE;
    if (kind == SG_BLOCK_QUOTE)
        level = c ? c->quotes : 0;
    sg_why why = sg_hr_why(r, c);
    r->cur_open = 1;
    r->cur_owner = c ? c->serial : 0;
    r->cur_explicit = c && (c->flags & SG_HT_B);
    r->cur_art = !(c && c->eff);
    r->cur_in = c && c->in_root;
    r->cur_len = 0;
    r->nbegun++;
    if (!r->scan)
        sg_hr_oom(r, sg_doc_begin_block(r->doc, kind, level, why, start, start));
}

/* Offset of the first byte that is not white space (or &nbsp;), or n. */
static size_t sg_hr_visible(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (sg_is_ws((unsigned char)s[i]))
            i++;
        else if (n - i >= 6 && !memcmp(s + i, "&nbsp;", 6))
            i += 6;
        else
            break;
    }
    return i;
}

/* Make [*a, b) part of the block being filled, opening one where needed;
 * `vis`: the bytes of white space it starts with (*a moves past them when
 * a block opens).  Returns 0 when nothing is to be added: inside a skip,
 * white space between blocks, or the measuring pass. */
static int sg_hr_run(sg_hr *r, size_t *a, size_t b, size_t vis)
{
    const sg_hel *top = sg_hr_top(r);
    if (top && top->skip)
        return 0;
    if (vis < b - *a)
        r->br_last = 0;
    const sg_hel *c = top && top->container >= 0 ? &r->st[top->container] : NULL;
    size_t owner = c ? c->serial : 0;
    if (!r->cur_open || r->cur_owner != owner) {
        if (vis == b - *a)
            return 0; /* white space between blocks */
        sg_hr_end_block(r, *a);
        *a += vis; /* a block starts at its first visible byte or its tag */
        vis = 0;
        sg_hr_begin_block(r, *a);
    }
    if (!r->run_set && vis < b - *a) {
        r->run_start = *a + vis;
        r->run_set = 1;
    }
    r->cur_len += b - *a;
    return !r->scan;
}

/* A picture drawing a rating (sg_html_pics.c): the text it stands for,
 * mapped to its whole element. */
static void sg_hr_picture(sg_hr *r)
{
    size_t end;
    int got = sg_html_pic_text(&r->tz, &r->tok, r->tag, &r->filled_run, &r->tmp, &end);
    if (got < 0)
        sg_hr_oom(r, 0);
    size_t a = r->tok.start;
    if (got > 0 && sg_hr_run(r, &a, end, 0))
        sg_hr_oom(r, sg_doc_add_text(r->doc, r->tmp.data, r->tmp.len, r->tok.start,
                                     end - r->tok.start, 0));
}

/* Text [a, b) from the data state: references decoded into the view, each
 * mapped to its whole source span. */
static void sg_hr_text(sg_hr *r, size_t a, size_t b)
{
    size_t vis = sg_hr_visible(r->s + a, b - a);
    if (vis < b - a)
        r->filled_run = 0; /* text ends a row of star icons */
    if (!sg_hr_run(r, &a, b, vis))
        return;
    sg_doc *d = r->doc;
    size_t i = a, run = a;
    while (i < b) {
        const char *amp = memchr(r->s + i, '&', b - i);
        if (!amp)
            break;
        size_t j = (size_t)(amp - r->s);
        char out[8];
        size_t ol;
        size_t used = sg_html_charref(r->s + j, b - j, 0, out, &ol);
        if (!used) {
            i = j + 1;
            continue;
        }
        if (j > run)
            sg_hr_oom(r, sg_doc_add_text(d, r->s + run, j - run, run, j - run, 1));
        sg_hr_oom(r, sg_doc_add_text(d, out, ol, j, used, 0));
        i = run = j + used;
    }
    if (b > run)
        sg_hr_oom(r, sg_doc_add_text(d, r->s + run, b - run, run, b - run, 1));
}

/* <br>: a soft line break inside a block; two in a row end a paragraph made
 * of loose text (text<br><br>text). */
static void sg_hr_br(sg_hr *r)
{
    const sg_hel *top = sg_hr_top(r);
    if ((top && top->skip) || !r->cur_open)
        return;
    if (r->br_last && !r->cur_explicit) {
        sg_hr_boundary(r, r->tok.start);
        return;
    }
    r->br_last = 1;
    r->cur_len++;
    if (!r->scan)
        sg_hr_oom(r, sg_doc_add_text(r->doc, "\n", 1, r->tok.start,
                                     r->tok.end - r->tok.start, 0));
}

/* ---- the stack -----------------------------------------------------------
 */

/* Pop the top element; it closes at `close_at` (its end tag's end, or where
 * it was implicitly closed) and its text ends at `text_end`. */
static void sg_hr_pop(sg_hr *r, size_t close_at, size_t text_end)
{
    sg_hel *e = &r->st[r->n - 1];
    if (!r->scan) {
        if (e->flags & SG_HT_I)
            sg_hr_oom(r, sg_doc_inline(r->doc, close_at, -1));
        if (e->mark)
            sg_hr_oom(r, sg_doc_mark(r->doc, e->open_end, text_end));
        if (e->skip_root)
            sg_hr_oom(r, sg_doc_skip(r->doc, e->start, close_at, e->skip_why));
    }
    if (!(e->flags & SG_HT_I)) {
        int own = r->cur_open && r->cur_owner == e->serial && r->cur_explicit;
        sg_hr_boundary(r, own ? close_at : text_end);
    }
    r->top_of[e->bucket] = e->prev_same;
    r->n--;
}

/* Pop down to and including index idx.  With `own`, the current token is
 * idx's own end tag; the others close where the token starts. */
static void sg_hr_pop_to(sg_hr *r, int idx, size_t pos, int own)
{
    if (idx < 0)
        return;
    while (r->n > (size_t)idx) {
        int target = r->n - 1 == (size_t)idx;
        if (target && own)
            sg_hr_pop(r, r->tok.end, r->tok.start);
        else
            sg_hr_pop(r, pos, pos);
    }
}

static void sg_hr_close_p(sg_hr *r)
{
    int p = sg_hr_top_named(r, "p");
    if (p >= 0 && p > r->st[r->n - 1].button_b)
        sg_hr_pop_to(r, p, r->tok.start, 0);
}

static int sg_hr_max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Implied end tags before a start tag (WHATWG "in body" rules, the common
 * ones): <p>, <li>, <dd>/<dt>, headings, table cells and rows, options, <a>. */
static void sg_hr_implied(sg_hr *r, const sg_html_token *tok, unsigned fl)
{
    if (!r->n)
        return;
    int tag = r->tag, x;
    if (tag == SG_TAG_LI) {
        x = sg_hr_top_named(r, "li");
        if (x >= 0 && r->st[r->n - 1].spec_nadp == x)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_DD || tag == SG_TAG_DT) {
        x = sg_hr_max_int(sg_hr_top_named(r, "dd"), sg_hr_top_named(r, "dt"));
        if (x >= 0 && r->st[r->n - 1].spec_nadp == x)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_TD || tag == SG_TAG_TH) {
        x = sg_hr_max_int(sg_hr_top_named(r, "td"), sg_hr_top_named(r, "th"));
        if (x >= 0 && x > r->st[r->n - 1].table_b)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_TR || tag == SG_TAG_TBODY || tag == SG_TAG_THEAD ||
               tag == SG_TAG_TFOOT) {
        static const char *const inner[] = {"tbody", "thead", "tfoot", "tr", "td", "th"};
        int tb = r->st[r->n - 1].table_b, low = -1;
        /* rows close rows and cells; sections close sections too */
        for (size_t k = tag == SG_TAG_TR ? 3 : 0; k < 6; k++) {
            x = sg_hr_top_named(r, inner[k]);
            if (x > tb && (low < 0 || x < low))
                low = x;
        }
        if (low >= 0)
            sg_hr_pop_to(r, low, tok->start, 0);
    } else if (tag == SG_TAG_OPTION || tag == SG_TAG_OPTGROUP) {
        if (sg_hr_top_is(r, SG_TAG_OPTION))
            sg_hr_pop_to(r, r->n - 1, tok->start, 0);
    } else if (tag == SG_TAG_RT || tag == SG_TAG_RP || tag == SG_TAG_RB) {
        if (sg_hr_top_is(r, SG_TAG_RT) || sg_hr_top_is(r, SG_TAG_RP) ||
            sg_hr_top_is(r, SG_TAG_RB))
            sg_hr_pop_to(r, r->n - 1, tok->start, 0);
    } else if (tag == SG_TAG_A) {
        x = sg_hr_top_named(r, "a");
        if (x >= 0 && x > r->st[r->n - 1].special)
            sg_hr_pop_to(r, x, tok->start, 0);
    } else if (tag == SG_TAG_BUTTON) {
        x = sg_hr_top_named(r, "button");
        if (x >= 0 && x >= r->st[r->n - 1].scope_b)
            sg_hr_pop_to(r, x, tok->start, 0);
    }
    if ((fl & SG_HT_P) && r->n)
        sg_hr_close_p(r);
    if ((fl & SG_HT_H) && r->n && (r->st[r->n - 1].flags & SG_HT_H))
        sg_hr_pop_to(r, r->n - 1, tok->start, 0);
}

static void sg_hr_depth_error(sg_hr *r)
{
    size_t line, col;
    sg_line_col(r->s, r->len, r->tok.start, &line, &col);
    r->status = SG_ERR_INPUT;
    sg_set_error(r->err, SG_ERR_INPUT, "line %zu: HTML nested deeper than %zu elements",
                 line, r->max);
}

/* Push the current start tag.  `foreign_child`: an element inside <svg> or
 * <math>, which takes its context from its parent. */
static void sg_hr_push(sg_hr *r, const sg_html_tag_info *ti, unsigned fl,
                       int foreign_child)
{
    if (r->n >= r->max) {
        sg_hr_depth_error(r);
        return;
    }
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 64;
        if (cap > r->max)
            cap = r->max;
        sg_hel *p = realloc(r->st, cap * sizeof *p);
        if (!p) {
            sg_hr_oom(r, 0);
            return;
        }
        r->st = p;
        r->cap = cap;
    }
    const sg_html_token *tok = &r->tok;
    const sg_hel *p = sg_hr_top(r);
    int idx = (int)r->n;
    int tag = foreign_child ? -1 : r->tag;
    sg_hel *e = &r->st[r->n];
    memset(e, 0, sizeof *e);
    memcpy(e->name, tok->name, sizeof e->name);
    e->name_len = tok->name_len;
    e->tag = tag;
    e->flags = fl;
    e->kind = ti ? ti->kind : SG_BLOCK_PARAGRAPH;
    e->start = tok->start;
    e->open_end = tok->end;
    e->serial = ++r->serial;
    e->first_blk = r->nbegun;
    int is_button = tag == SG_TAG_BUTTON;
    int is_list = fl & SG_HT_L;
    int is_table = tag == SG_TAG_TABLE || tag == SG_TAG_TEMPLATE;
    int is_adp = tag == SG_TAG_ADDRESS || tag == SG_TAG_DIV || tag == SG_TAG_P;
#define SG_HR_INH(f) (p ? p->f : -1)
    e->scope_b = (fl & SG_HT_C) ? idx : SG_HR_INH(scope_b);
    e->button_b = ((fl & SG_HT_C) || is_button) ? idx : SG_HR_INH(button_b);
    e->list_b = ((fl & SG_HT_C) || is_list) ? idx : SG_HR_INH(list_b);
    e->table_b = is_table ? idx : SG_HR_INH(table_b);
    e->special = (fl & SG_HT_S) ? idx : SG_HR_INH(special);
    e->spec_nadp = ((fl & SG_HT_S) && !is_adp) ? idx : SG_HR_INH(spec_nadp);
    e->heading = (fl & SG_HT_H) ? idx : SG_HR_INH(heading);
    e->foreign = (p && p->foreign >= 0) ? p->foreign : ((fl & SG_HT_F) ? idx : -1);
    e->container = (fl & SG_HT_I) ? SG_HR_INH(container) : idx;
#undef SG_HR_INH
    e->lists = (p ? p->lists : 0) + (is_list ? 1 : 0);
    e->quotes = (p ? p->quotes : 0) + ((fl & SG_HT_Q) ? 1 : 0);
    e->sectioning = (p && p->sectioning) || (fl & SG_HT_T);

    /* why its text is not article: tag, then role, then class or id */
    sg_why why = ti ? ti->why : SG_WHY_ARTICLE;
    int root = (fl & SG_HT_N) != 0;
    if (tag == SG_TAG_HEADER && !(p && (p->in_root || p->sectioning)))
        why = SG_WHY_BOILERPLATE; /* the site's header, not an article's */
    if (!foreign_child) {
        sg_html_class cls = {SG_WHY_ARTICLE, 0, 0};
        int role_root = 0, hidden = 0, ours = 0;
        sg_why role_why = SG_WHY_ARTICLE;
        size_t cur = 0;
        sg_html_attr a;
        while (sg_html_attr_next(&r->tz, tok, &cur, &a)) {
            const char *v = r->s + a.value;
            if (sg_html_attr_name_is(r->s, &a, "class")) {
                for (size_t i = 0; i < a.value_len;) {
                    while (i < a.value_len && sg_is_ws((unsigned char)v[i]))
                        i++;
                    size_t j = i;
                    while (j < a.value_len && !sg_is_ws((unsigned char)v[j]))
                        j++;
                    if (j > i)
                        sg_html_class_token(v + i, j - i, &cls);
                    i = j;
                }
            } else if (sg_html_attr_name_is(r->s, &a, "id")) {
                sg_html_class_token(v, a.value_len, &cls);
            } else if (sg_html_attr_name_is(r->s, &a, "role")) {
                if (!role_why)
                    role_why = sg_html_role(v, a.value_len, &role_root);
            } else if (sg_html_attr_name_is(r->s, &a, "hidden")) {
                hidden = 1;
            } else if (sg_html_attr_name_is(r->s, &a, "data-spoiler")) {
                e->mark = 1;
            } else if (sg_html_attr_name_is(r->s, &a, SG_ATTR)) {
                /* an earlier run's warning or badge the chunk finder missed */
                if (sg_html_word_at(v, a.value_len, "warning") ||
                    sg_html_word_at(v, a.value_len, "badge") ||
                    sg_html_word_at(v, a.value_len, "jsonld") ||
                    sg_html_word_at(v, a.value_len, "summary"))
                    ours = 1;
            } else if (sg_html_attr_name_is(r->s, &a, "itemprop")) {
                if (sg_ieq(v, a.value_len, "articlebody") ||
                    sg_ieq(v, a.value_len, "reviewbody"))
                    cls.root = 1;
            }
        }
        if (cls.spoiler)
            e->mark = 1;
        int hard = why == SG_WHY_CODE || why == SG_WHY_SCRIPT || why == SG_WHY_STYLE;
        if (!hard) {
            if (role_why)
                why = role_why;
            if (cls.why && !cls.root)
                why = cls.why;
            if (hidden || ours)
                why = SG_WHY_BOILERPLATE;
        }
        root = (root || role_root || cls.root) && why == SG_WHY_ARTICLE;
    } else
        root = 0;
    int in_chrome = p && (p->eff || p->skip);
    root = root && !in_chrome;
    e->eff = why ? why : (p ? p->eff : SG_WHY_ARTICLE);
    e->in_root = (p && p->in_root) || root;
    if (p && p->skip)
        e->skip = 1;
    else if (why && (fl & SG_HT_I) && sg_hr_why(r, p) == SG_WHY_ARTICLE) {
        /* chrome inside article text (a share link, inline code): its text
         * is left out of the view and listed as skipped */
        e->skip = 1;
        e->skip_root = 1;
        e->skip_why = why;
    }
    e->bucket = sg_hr_hash(e->name, e->name_len);
    e->prev_same = r->top_of[e->bucket];
    r->top_of[e->bucket] = idx;
    r->n++;
    if ((fl & SG_HT_I) && !r->scan)
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start, +1));
}

/* ---- tokens -------------------------------------------------------------
 */

static void sg_hr_meta(sg_hr *r)
{
    sg_html_attr a, key, content;
    memset(&key, 0, sizeof key);
    memset(&content, 0, sizeof content);
    int have_key = 0, have_content = 0;
    size_t cur = 0;
    int key_rank = 0; /* name beats property beats itemprop */
    while (sg_html_attr_next(&r->tz, &r->tok, &cur, &a)) {
        int rank = sg_html_attr_name_is(r->s, &a, "name")       ? 3
                   : sg_html_attr_name_is(r->s, &a, "property") ? 2
                   : sg_html_attr_name_is(r->s, &a, "itemprop") ? 1
                                                                : 0;
        if (rank > key_rank && a.value_len) {
            key = a;
            key_rank = rank;
            have_key = 1;
        } else if (!have_content && sg_html_attr_name_is(r->s, &a, "content")) {
            content = a;
            have_content = 1;
        }
    }
    if (!have_key || !have_content)
        return;
    char k[64];
    size_t kl = key.value_len < sizeof k - 1 ? key.value_len : sizeof k - 1;
    memcpy(k, r->s + key.value, kl);
    k[kl] = '\0';
    if (memchr(k, '\0', kl))
        return;
    r->tmp.len = 0;
    sg_html_attr_value(r->s, &content, &r->tmp);
    sg_hr_oom(r, !r->tmp.failed);
    if (!r->tmp.failed)
        sg_hr_oom(r, sg_doc_field(r->doc, k, r->tmp.data ? r->tmp.data : "", r->tmp.len,
                                  SIZE_MAX));
}

/* Is this <script> JSON-LD, and the author's (not a badge's of an earlier
 * run)? */
static int sg_hr_author_ld(sg_hr *r, const sg_html_token *tok)
{
    sg_html_attr a;
    if (sg_html_attr_get(&r->tz, tok, SG_ATTR, &a) ||
        !sg_html_attr_get(&r->tz, tok, "type", &a))
        return 0;
    const char *v = r->s + a.value;
    for (size_t i = 0; i + 7 <= a.value_len; i++)
        if (sg_ieq(v + i, 7, "ld+json"))
            return 1;
    return 0;
}

/* The end of a raw-text element: its content was [raw_cs, raw_ce). */
static void sg_hr_raw_end(sg_hr *r, size_t close_at)
{
    r->raw = 0;
    if (r->scan)
        return;
    if (r->raw_ld)
        sg_hr_oom(r, sg_html_ld_read(r->doc, r->raw_cs, r->raw_ce));
    if (r->raw_skip)
        return;
    const sg_html_tag_info *ti = r->raw_info;
    if (ti == &sg_html_tags[SG_TAG_TITLE]) {
        if (r->title_done)
            return;
        r->title_done = 1;
        r->tmp.len = 0;
        sg_html_decode(&r->tmp, r->s + r->raw_cs, r->raw_ce - r->raw_cs, 0);
        sg_hr_oom(r, !r->tmp.failed);
        if (r->tmp.failed)
            return;
        /* document.title: white space collapsed and trimmed */
        char *t = sg_strndup(r->tmp.data ? r->tmp.data : "", r->tmp.len);
        if (!t) {
            sg_hr_oom(r, 0);
            return;
        }
        size_t w = 0;
        for (size_t i = 0; i < r->tmp.len; i++) {
            if (sg_is_ws((unsigned char)t[i])) {
                if (w && t[w - 1] != ' ')
                    t[w++] = ' ';
            } else
                t[w++] = t[i];
        }
        if (w && t[w - 1] == ' ')
            w--;
        t[w] = '\0';
        free(r->doc->html_title);
        r->doc->html_title = t;
        return;
    }
    if (ti->why)
        sg_hr_oom(r, sg_doc_skip(r->doc, r->raw_start, close_at, ti->why));
}

static void sg_hr_start(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    const sg_html_tag_info *ti = r->tag >= 0 ? &sg_html_tags[r->tag] : NULL;
    unsigned fl = ti ? ti->flags : SG_HT_I;
    int tag = r->tag;
    if (tag == SG_TAG_HTML || tag == SG_TAG_HEAD || tag == SG_TAG_BODY)
        return; /* one each; their attributes say nothing about the article */
    const sg_hel *top = sg_hr_top(r);
    if (top && top->foreign >= 0) {
        int breakout = (fl & SG_HT_X) != 0;
        if (tag == SG_TAG_FONT) {
            sg_html_attr a;
            breakout = sg_html_attr_get(&r->tz, tok, "color", &a) ||
                       sg_html_attr_get(&r->tz, tok, "face", &a) ||
                       sg_html_attr_get(&r->tz, tok, "size", &a);
        }
        if (!breakout) {
            if (!tok->self_closing)
                sg_hr_push(r, NULL, SG_HT_I, 1);
            return;
        }
        sg_hr_pop_to(r, top->foreign, tok->start, 0);
    }
    if (fl & SG_HT_R) {
        sg_hr_implied(r, tok, fl);
        if (!(fl & SG_HT_I))
            sg_hr_boundary(r, tok->start);
        top = sg_hr_top(r);
        r->raw = 1;
        r->raw_info = ti;
        r->raw_start = tok->start;
        r->raw_cs = r->raw_ce = tok->end;
        r->raw_skip = top && top->skip;
        r->raw_ld = tag == SG_TAG_SCRIPT && sg_hr_author_ld(r, tok);
        return;
    }
    if (fl & SG_HT_V) {
        if (tag == SG_TAG_BR)
            sg_hr_br(r);
        else if (tag == SG_TAG_HR) {
            sg_hr_implied(r, tok, fl);
            sg_hr_boundary(r, tok->start);
        } else if (tag == SG_TAG_META && !r->scan)
            sg_hr_meta(r);
        else if (tag == SG_TAG_IMG)
            sg_hr_picture(r);
        return;
    }
    sg_hr_implied(r, tok, fl);
    if (!(fl & SG_HT_I))
        sg_hr_boundary(r, tok->start);
    else if (!r->run_set) {
        r->run_start = tok->start;
        r->run_set = 1;
    }
    /* Browsers ignore "/>" on HTML elements, but markup written as XML
     * (<div/>, <my-icon/>) means an empty element: taking it so keeps such
     * pages from nesting one level deeper at every tag. */
    if (tok->self_closing)
        return;
    if (tag == SG_TAG_I || tag == SG_TAG_SPAN)
        sg_hr_picture(r);
    sg_hr_push(r, ti, fl, 0);
}

/* An end tag that closes nothing: browsers drop it (</p> makes an empty
 * paragraph).  A mark wrapped across it would close early, so the inline
 * depth dips there. */
static void sg_hr_stray(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    if (r->tag == SG_TAG_P)
        sg_hr_boundary(r, tok->start);
    else if (r->cur_open && !r->scan) {
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start, -1));
        sg_hr_oom(r, sg_doc_inline(r->doc, tok->start + 1, +1));
    }
}

static void sg_hr_end(sg_hr *r)
{
    const sg_html_token *tok = &r->tok;
    int tag = r->tag;
    if (tag == SG_TAG_HTML || tag == SG_TAG_HEAD || tag == SG_TAG_BODY)
        return;
    if (tag == SG_TAG_BR) {
        sg_hr_br(r); /* </br> is read as <br> */
        return;
    }
    const sg_hel *top = sg_hr_top(r);
    if (!top) {
        sg_hr_stray(r);
        return;
    }
    int x = sg_hr_topmost(r, tok->name, tok->name_len);
    if (top->foreign >= 0 && x >= top->foreign) {
        sg_hr_pop_to(r, x, tok->start, 1);
        return;
    }
    const sg_html_tag_info *ti = tag >= 0 ? &sg_html_tags[tag] : NULL;
    int ok;
    if (tag == SG_TAG_P)
        ok = x >= 0 && x > top->button_b;
    else if (tag == SG_TAG_LI)
        ok = x >= 0 && x > top->list_b;
    else if (tag == SG_TAG_TABLE || tag == SG_TAG_TBODY || tag == SG_TAG_THEAD ||
             tag == SG_TAG_TFOOT || tag == SG_TAG_TR)
        ok = x >= 0 && x >= top->table_b; /* table scope: open cells close too */
    else if (ti && (ti->flags & SG_HT_H)) {
        x = top->heading; /* any heading closes the open one */
        ok = x >= 0 && x > top->scope_b;
    } else if (ti && (ti->flags & SG_HT_S))
        ok = x >= 0 && x >= top->scope_b;
    else
        ok = x >= 0 && x > top->special;
    if (ok)
        sg_hr_pop_to(r, x, tok->start, 1);
    else
        sg_hr_stray(r);
}

static void sg_hr_pass(sg_hr *r)
{
    sg_html_init(&r->tz, r->s, r->len);
    r->n = 0;
    for (size_t i = 0; i < SG_HR_BUCKETS; i++)
        r->top_of[i] = -1;
    r->chunk_k = 0;
    r->cur_open = r->run_set = r->br_last = r->raw = 0;
    r->nbegun = 0;
    r->title_done = 0;
    while (r->status == SG_OK) {
        r->tz.foreign = r->n && r->st[r->n - 1].foreign >= 0;
        if (!sg_html_next(&r->tz, &r->tok))
            break;
        const sg_html_token *tok = &r->tok;
        if (r->doc->nchunks && sg_hr_in_chunk(r, tok->start))
            continue; /* what an earlier run inserted is read as absent */
        r->tag = -1;
        if (tok->type == SG_HTML_START_TAG || tok->type == SG_HTML_END_TAG) {
            const sg_html_tag_info *ti = sg_html_tag_find(tok);
            r->tag = ti ? (int)(ti - sg_html_tags) : -1;
        }
        if (r->raw) {
            if (tok->type == SG_HTML_RAWTEXT) {
                r->raw_cs = tok->start;
                r->raw_ce = tok->end;
                continue;
            }
            if (tok->type == SG_HTML_END_TAG && r->tag >= 0 &&
                &sg_html_tags[r->tag] == r->raw_info) {
                sg_hr_raw_end(r, tok->end);
                continue;
            }
            sg_hr_raw_end(r, tok->start);
        }
        switch (tok->type) {
        case SG_HTML_TEXT:
            sg_hr_text(r, tok->start, tok->end);
            break;
        case SG_HTML_START_TAG:
            sg_hr_start(r);
            break;
        case SG_HTML_END_TAG:
            sg_hr_end(r);
            break;
        case SG_HTML_RAWTEXT: /* raw text whose start tag was inserted earlier */
        case SG_HTML_COMMENT:
        case SG_HTML_DOCTYPE:
        case SG_HTML_EOF:
            break;
        }
    }
    if (r->status != SG_OK)
        return;
    if (r->raw)
        sg_hr_raw_end(r, r->len);
    r->tok.start = r->tok.end = r->len;
    sg_hr_pop_to(r, 0, r->len, 0);
    sg_hr_end_block(r, r->len);
}

sg_status sg_read_html(sg_doc *doc, sg_error *err)
{
    sg_hr *r = calloc(1, sizeof *r);
    if (!r) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading HTML");
        return SG_ERR_MEMORY;
    }
    r->doc = doc;
    r->s = doc->src ? doc->src : "";
    r->len = doc->src ? doc->len : 0;
    r->err = err;
    r->status = SG_OK;
    r->max = doc->max_depth > 0 ? (size_t)doc->max_depth : 1024;
    sg_buf_init(&r->tmp);
    /* First pass: is there an article root (<article>, <main>, an
     * "entry-content" element) that holds the page's main text? */
    r->scan = 1;
    sg_hr_pass(r);
    if (r->status == SG_OK) {
        r->has_root = r->any_in && r->longest_in * 2 >= r->longest_out;
        r->scan = 0;
        size_t first = doc->nblocks;
        sg_hr_pass(r);
        /* without a root, loose chrome is told apart like plain text */
        if (r->status == SG_OK && !r->has_root)
            sg_classify_boilerplate(doc, first);
    }
    sg_status st = r->status;
    free(r->st);
    sg_buf_free(&r->tmp);
    free(r);
    return st;
}
