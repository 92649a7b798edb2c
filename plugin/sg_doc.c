/* sg_doc.c -- the document model: formats, blocks with byte spans, the view
 * of each block's text, and what every reader shares (earlier insertions,
 * author controls, author-marked spoilers). */
#include "sg_internal.h"

#include <ctype.h>
#include <strings.h>

/* ---- names ---------------------------------------------------------------- */

int sg_format_parse(const char *name)
{
    if (!name)
        return -1;
    if (!strcmp(name, "plain") || !strcmp(name, "text") || !strcmp(name, "txt"))
        return SG_FORMAT_PLAIN;
    if (!strcmp(name, "markdown") || !strcmp(name, "md"))
        return SG_FORMAT_MARKDOWN;
    if (!strcmp(name, "html") || !strcmp(name, "htm"))
        return SG_FORMAT_HTML;
    if (!strcmp(name, "auto"))
        return SG_FORMAT_AUTO;
    return -1;
}

const char *sg_format_name(sg_format format)
{
    switch (format) {
    case SG_FORMAT_MARKDOWN: return "markdown";
    case SG_FORMAT_HTML: return "html";
    case SG_FORMAT_PLAIN: return "plain";
    case SG_FORMAT_AUTO: break;
    }
    return "auto";
}

sg_format sg_format_from_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return SG_FORMAT_AUTO;
    static const struct {
        const char *ext;
        sg_format f;
    } exts[] = {{".md", SG_FORMAT_MARKDOWN},   {".markdown", SG_FORMAT_MARKDOWN},
                {".mkd", SG_FORMAT_MARKDOWN},  {".mdown", SG_FORMAT_MARKDOWN},
                {".html", SG_FORMAT_HTML},     {".htm", SG_FORMAT_HTML},
                {".xhtml", SG_FORMAT_HTML},    {".txt", SG_FORMAT_PLAIN},
                {".text", SG_FORMAT_PLAIN}};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (!strcasecmp(dot, exts[i].ext))
            return exts[i].f;
    return SG_FORMAT_AUTO;
}

static const char *const sg_block_tags[] = {
    "<p>", "<p ", "<div", "<br", "<html", "<body", "<article", "<h1", "<h2",
    "<h3", "<span", "<section", "<!doctype", "<ul", "<li", "<table", "<a href",
    "<em>", "<strong>", "<head", "<meta", "<img", NULL};

/* Does byte `a` followed by byte `b` occur in t[0, n)?  memchr skips the
 * long stretches between the rare first bytes. */
static int sg_has_pair(const char *t, size_t n, char a, char b)
{
    for (const char *p = n ? memchr(t, a, n) : NULL; p;
         p = memchr(p + 1, a, n - (size_t)(p + 1 - t)))
        if ((size_t)(p + 1 - t) < n && p[1] == b)
            return 1;
    return 0;
}

sg_format sg_detect_format(const char *text, size_t len)
{
    size_t scan = len < 65536 ? len : 65536;
    size_t i = 0;
    while (i < scan && isspace((unsigned char)text[i]))
        i++;
    if (i + 1 < scan && text[i] == '<' &&
        (isalpha((unsigned char)text[i + 1]) || text[i + 1] == '!' ||
         text[i + 1] == '?')) {
        /* "<!--sg:" alone is Markdown's signature, not HTML */
        if (!(scan - i >= 7 && !memcmp(text + i, "<!--sg:", 7)))
            return SG_FORMAT_HTML;
    }
    /* Markdown output of an earlier run carries <!--sg: signatures, and may
     * hold raw HTML spans that would otherwise count as tags */
    for (const char *p = memchr(text, '<', scan); p;
         p = memchr(p + 1, '<', scan - (size_t)(p + 1 - text)))
        if ((size_t)(p - text) + 7 <= scan && !memcmp(p, "<!--sg:", 7))
            return SG_FORMAT_MARKDOWN;
    /* distinct block tags, in one pass over the '<' bytes */
    int tags = 0;
    unsigned char seen[sizeof sg_block_tags / sizeof *sg_block_tags] = {0};
    for (const char *p = memchr(text, '<', scan); p;
         p = (size_t)(p + 1 - text) < scan ? memchr(p + 1, '<', scan - (size_t)(p + 1 - text))
                                           : NULL) {
        size_t at = (size_t)(p - text);
        for (size_t k = 0; sg_block_tags[k]; k++) {
            size_t tl = strlen(sg_block_tags[k]);
            if (!seen[k] && at + tl <= scan && !strncasecmp(p, sg_block_tags[k], tl)) {
                seen[k] = 1;
                tags++;
            }
        }
    }
    if (tags >= 2)
        return SG_FORMAT_HTML;
    /* Markdown block syntax at the start of lines, inline syntax anywhere */
    int heading = 0, fence = 0, list = 0, quote = 0, link = 0, emph = 0,
        front = 0;
    if (scan >= 4 && (!memcmp(text, "---\n", 4) || !memcmp(text, "+++\n", 4)))
        front = 1;
    /* line starts, found by memchr rather than byte by byte */
    for (size_t j = 0; j < scan;) {
        char c = text[j];
        if (c == '#') {
            size_t k = j;
            while (k < scan && text[k] == '#' && k - j < 7)
                k++;
            if (k < scan && text[k] == ' ')
                heading++;
        } else if ((c == '`' || c == '~') && j + 2 < scan &&
                   text[j + 1] == c && text[j + 2] == c)
            fence++;
        else if ((c == '-' || c == '*' || c == '+') && j + 1 < scan &&
                 text[j + 1] == ' ')
            list++;
        else if (c == '>' && j + 1 < scan && text[j + 1] == ' ')
            quote++;
        const char *nl = memchr(text + j, '\n', scan - j);
        if (!nl)
            break;
        j = (size_t)(nl - text) + 1;
    }
    /* inline syntax: only whether there is any counts */
    link = sg_has_pair(text, scan, ']', '(');
    emph = sg_has_pair(text, scan, '*', '*') || sg_has_pair(text, scan, '_', '_');
    int signals = (heading > 0) + (fence > 0) + (list > 1) + (quote > 0) +
                  (link > 0) + (emph > 0) + front;
    if (heading || fence || front || signals >= 2)
        return SG_FORMAT_MARKDOWN;
    return SG_FORMAT_PLAIN;
}

const char *sg_why_name(sg_why why)
{
    static const char *const names[SG_WHY__COUNT] = {
        "article",    "code",     "script",     "style",  "front-matter",
        "navigation", "related",  "newsletter", "share",  "comments",
        "footer",     "byline",   "off",        "boilerplate"};
    return why < SG_WHY__COUNT ? names[why] : "boilerplate";
}

/* ---- builders -------------------------------------------------------------- */

int sg_doc_begin_block(sg_doc *doc, sg_block_kind kind, int level, sg_why why,
                       size_t start, size_t text_start)
{
    sg_block b;
    memset(&b, 0, sizeof b);
    b.kind = kind;
    b.level = level;
    b.why = why;
    b.start = start;
    b.end = start;
    b.text_start = text_start;
    b.outer_start = text_start;
    b.top_start = start;
    b.piece_first = doc->npieces;
    b.view_start = doc->view.len;
    return SG_VEC_PUSH(doc->blocks, doc->nblocks, doc->cap_blocks, b);
}

/* First chunk whose end is after `pos` (chunks are sorted, disjoint). */
static size_t sg_chunk_after(const sg_doc *doc, size_t pos)
{
    size_t lo;
    SG_COUNT_BELOW(doc->chunks, doc->nchunks, end, pos + 1, lo);
    return lo;
}

int sg_doc_in_chunk(const sg_doc *doc, size_t pos)
{
    size_t k = doc->nchunks ? sg_chunk_after(doc, pos) : 0;
    return k < doc->nchunks && doc->chunks[k].start <= pos;
}

static int sg_doc_piece(sg_doc *doc, const char *text, size_t n, size_t src,
                        size_t src_len, int exact)
{
    if (!n)
        return 1;
    sg_block *b = &doc->blocks[doc->nblocks - 1];
    /* join with the previous piece when both are exact and contiguous */
    if (exact && b->piece_count) {
        sg_piece *last = &doc->pieces[doc->npieces - 1];
        if (last->exact && last->src + last->src_len == src &&
            last->view + last->len == doc->view.len) {
            if (!sg_buf_put(&doc->view, text, n))
                return 0;
            last->len += n;
            last->src_len += n;
            b->view_len += n;
            return 1;
        }
    }
    sg_piece p = {doc->view.len, n, src, src_len, exact};
    if (!sg_buf_put(&doc->view, text, n) ||
        !SG_VEC_PUSH(doc->pieces, doc->npieces, doc->cap_pieces, p))
        return 0;
    b->piece_count++;
    b->view_len += n;
    return 1;
}

int sg_doc_add_text(sg_doc *doc, const char *text, size_t n, size_t src,
                    size_t src_len, int exact)
{
    if (!doc->nblocks || !n)
        return 1;
    if (!doc->nchunks)
        return sg_doc_piece(doc, text, n, src, src_len, exact);
    size_t k = sg_chunk_after(doc, src);
    if (!exact) {
        /* a decoded entity or soft break inside an earlier insertion is dropped */
        if (k < doc->nchunks && doc->chunks[k].start <= src)
            return 1;
        return sg_doc_piece(doc, text, n, src, src_len, exact);
    }
    /* cut the inserted chunks out of exact text */
    size_t pos = src, end = src + src_len;
    while (pos < end) {
        if (k < doc->nchunks && doc->chunks[k].start <= pos) {
            pos = doc->chunks[k].end;
            k++;
            continue;
        }
        size_t stop = end;
        if (k < doc->nchunks && doc->chunks[k].start < stop)
            stop = doc->chunks[k].start;
        if (!sg_doc_piece(doc, text + (pos - src), stop - pos, pos, stop - pos, 1))
            return 0;
        pos = stop;
    }
    return 1;
}

int sg_doc_end_block(sg_doc *doc, size_t end)
{
    if (!doc->nblocks)
        return 1;
    sg_block *b = &doc->blocks[doc->nblocks - 1];
    b->end = end < b->start ? b->start : end;
    return sg_buf_put(&doc->view, "\n\n", 2);
}

int sg_doc_inline(sg_doc *doc, size_t pos, int delta)
{
    sg_inline_ev ev = {pos, delta};
    return SG_VEC_PUSH(doc->inl, doc->ninl, doc->cap_inl, ev);
}

int sg_doc_skip(sg_doc *doc, size_t start, size_t end, sg_why why)
{
    sg_skip s = {start, end, why};
    return end > start ? SG_VEC_PUSH(doc->skipped, doc->nskipped, doc->cap_skipped, s)
                       : 1;
}

size_t sg_spans_before(const sg_span *v, size_t n, size_t pos)
{
    size_t lo;
    SG_COUNT_BELOW(v, n, start, pos, lo);
    return lo;
}

int sg_doc_mark(sg_doc *doc, size_t start, size_t end)
{
    sg_span s = {start, end};
    return end > start ? SG_VEC_PUSH(doc->marked, doc->nmarked, doc->cap_marked, s)
                       : 1;
}

int sg_doc_field(sg_doc *doc, const char *key, const char *value, size_t vlen, size_t at)
{
    while (vlen && isspace((unsigned char)*value)) {
        value++;
        vlen--;
        if (at != SIZE_MAX)
            at++;
    }
    while (vlen && isspace((unsigned char)value[vlen - 1]))
        vlen--;
    if (!vlen)
        return 1;
    sg_field f = {sg_strndup(key, strlen(key)), sg_strndup(value, vlen), at};
    if (!f.key || !f.value) {
        free(f.key);
        free(f.value);
        return 0;
    }
    for (char *k = f.key; *k; k++)
        *k = (char)tolower((unsigned char)*k);
    if (!SG_VEC_PUSH(doc->fields, doc->nfields, doc->cap_fields, f)) {
        free(f.key);
        free(f.value);
        return 0;
    }
    return 1;
}

/* ---- mapping ---------------------------------------------------------------- */

size_t sg_doc_to_src(const sg_doc *doc, const sg_block *b, size_t view,
                     int is_end)
{
    if (!b->piece_count)
        return b->start;
    const sg_piece *p = doc->pieces + b->piece_first;
    size_t lo = 0, hi = b->piece_count;
    /* the last piece whose start is < view (end side) or <= view (start side) */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (is_end ? p[mid].view < view : p[mid].view <= view)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return p[0].src;
    const sg_piece *q = &p[lo - 1];
    size_t off = view - q->view;
    if (off > q->len)
        off = q->len;
    if (q->exact)
        return q->src + off;
    if (is_end)
        return off == 0 ? q->src : q->src + q->src_len;
    return off >= q->len ? q->src + q->src_len : q->src;
}

/* ---- front matter ------------------------------------------------------------ */

size_t sg_front_matter(sg_doc *doc, const char *src, size_t len)
{
    if (len < 4)
        return 0;
    const char *fence = NULL;
    if (!memcmp(src, "---", 3))
        fence = "---";
    else if (!memcmp(src, "+++", 3))
        fence = "+++";
    if (!fence)
        return 0;
    size_t i = 3;
    while (i < len && (src[i] == ' ' || src[i] == '\t'))
        i++;
    if (i < len && src[i] == '\r')
        i++;
    if (i >= len || src[i] != '\n')
        return 0;
    i++;
    size_t body = i;
    int own = doc && src == doc->src; /* offsets in src are input offsets */
    while (i < len) {
        size_t eol = i;
        while (eol < len && src[eol] != '\n')
            eol++;
        size_t l = eol - i;
        while (l && (src[i + l - 1] == '\r' || src[i + l - 1] == ' '))
            l--;
        if (l == 3 && (!memcmp(src + i, fence, 3) ||
                       (fence[0] == '-' && !memcmp(src + i, "...", 3)))) {
            /* fields: key: value (YAML) or key = value (TOML), one level */
            for (size_t j = body; j < i;) {
                size_t e = j;
                while (e < i && src[e] != '\n')
                    e++;
                size_t k = j;
                while (k < e && (isalnum((unsigned char)src[k]) || src[k] == '_' ||
                                 src[k] == '-'))
                    k++;
                size_t sep = k;
                while (sep < e && src[sep] == ' ')
                    sep++;
                if (k > j && sep < e && (src[sep] == ':' || src[sep] == '=') &&
                    src[j] != ' ') {
                    char key[64];
                    size_t kl = k - j < sizeof key - 1 ? k - j : sizeof key - 1;
                    memcpy(key, src + j, kl);
                    key[kl] = '\0';
                    size_t v = sep + 1, ve = e;
                    while (v < ve && (src[v] == ' ' || src[v] == '\t'))
                        v++;
                    while (ve > v && (src[ve - 1] == '\r' || src[ve - 1] == ' '))
                        ve--;
                    if (ve > v + 1 && (src[v] == '"' || src[v] == '\'') &&
                        src[ve - 1] == src[v]) {
                        v++;
                        ve--;
                    }
                    if (doc && ve > v)
                        sg_doc_field(doc, key, src + v, ve - v, own ? v : SIZE_MAX);
                    /* a YAML list under the key: "- item" lines */
                    if (doc && ve == v) {
                        size_t n = e + 1;
                        while (n < i) {
                            size_t ne = n;
                            while (ne < i && src[ne] != '\n')
                                ne++;
                            size_t t = n;
                            while (t < ne && src[t] == ' ')
                                t++;
                            if (t + 1 < ne && src[t] == '-' && src[t + 1] == ' ') {
                                size_t vs = t + 2, vend = ne;
                                while (vend > vs && (src[vend - 1] == '\r' || src[vend - 1] == ' '))
                                    vend--;
                                if (vend > vs + 1 && (src[vs] == '"' || src[vs] == '\'') &&
                                    src[vend - 1] == src[vs]) {
                                    vs++;
                                    vend--;
                                }
                                sg_doc_field(doc, key, src + vs, vend - vs,
                                             own ? vs : SIZE_MAX);
                                n = ne + 1;
                            } else
                                break;
                        }
                    }
                }
                j = e + 1;
            }
            return eol < len ? eol + 1 : eol;
        }
        i = eol + 1;
    }
    return 0; /* unclosed: not front matter */
}

/* ---- author controls ---------------------------------------------------------- */

/* Is src[i..) an HTML comment whose words are `want` (whitespace runs
 * match its spaces)?  Returns its length, or 0.  It compares as it reads,
 * so a comment that is no control costs a few bytes, never a scan to its
 * end (unclosed "<!--" repeated would otherwise cost quadratic time). */
static size_t sg_control_comment(const char *s, size_t len, size_t i,
                                 const char *want)
{
    if (len - i < 7 || memcmp(s + i, "<!--", 4))
        return 0;
    size_t k = i + 4;
    while (k < len && isspace((unsigned char)s[k]))
        k++;
    for (size_t w = 0; want[w]; w++) {
        if (want[w] == ' ') {
            if (k >= len || !isspace((unsigned char)s[k]))
                return 0;
            while (k < len && isspace((unsigned char)s[k]))
                k++;
        } else if (k < len && tolower((unsigned char)s[k]) == want[w]) {
            k++;
        } else {
            return 0;
        }
    }
    while (k < len && isspace((unsigned char)s[k]))
        k++;
    return len - k >= 3 && !memcmp(s + k, "-->", 3) ? k + 3 - i : 0;
}

/* The first place at or after i that may start a control: a '<', or in
 * plain text an 's' that starts a line (found line by line, not at every
 * 's' of the text). */
static const char *sg_control_next(const sg_doc *doc, size_t i)
{
    const char *s = doc->src;
    size_t len = doc->len;
    if (doc->format != SG_FORMAT_PLAIN)
        return memchr(s + i, '<', len - i);
    while (i < len) {
        if (s[i] == 's' && (i == 0 || s[i - 1] == '\n'))
            return s + i;
        const char *nl = memchr(s + i, '\n', len - i);
        if (!nl)
            break;
        i = (size_t)(nl - s) + 1;
    }
    return NULL;
}

/* <!-- spoilerguard off --> ... <!-- spoilerguard on --> turns flagging off;
 * <!-- spoilerguard skip --> (or "no-spoiler") turns it off for the next
 * block.  Plain text has no comments: a line "spoilerguard: off" / "on" does
 * the same there. */
static void sg_apply_controls(sg_doc *doc)
{
    const char *s = doc->src;
    size_t len = doc->len;
    size_t off_at = (size_t)-1;
    size_t bi = 0;
    for (size_t i = 0; i < len; i++) {
        const char *hit = sg_control_next(doc, i);
        if (!hit)
            break;
        i = (size_t)(hit - s);
        size_t n;
        int what = 0; /* 1 off, 2 on, 3 skip */
        if (doc->format == SG_FORMAT_PLAIN) {
            if (len - i >= 17 && !strncasecmp(s + i, "spoilerguard: off", 17))
                what = 1, n = 17;
            else if (len - i >= 16 && !strncasecmp(s + i, "spoilerguard: on", 16))
                what = 2, n = 16;
            else
                continue;
        } else if ((n = sg_control_comment(s, len, i, "spoilerguard off")))
            what = 1;
        else if ((n = sg_control_comment(s, len, i, "spoilerguard on")))
            what = 2;
        else if ((n = sg_control_comment(s, len, i, "spoilerguard skip")) ||
                 (n = sg_control_comment(s, len, i, "no-spoiler")) ||
                 (n = sg_control_comment(s, len, i, "no spoiler")))
            what = 3;
        else
            continue;
        if (what == 1 && off_at == (size_t)-1)
            off_at = i;
        else if (what == 2 && off_at != (size_t)-1) {
            for (size_t k = 0; k < doc->nblocks; k++)
                if (doc->blocks[k].start >= off_at && doc->blocks[k].start < i &&
                    doc->blocks[k].why == SG_WHY_ARTICLE)
                    doc->blocks[k].why = SG_WHY_OFF;
            off_at = (size_t)-1;
        } else if (what == 3) {
            while (bi < doc->nblocks && doc->blocks[bi].start < i + n)
                bi++;
            size_t k = bi;
            while (k < doc->nblocks && !doc->blocks[k].view_len)
                k++;
            if (k < doc->nblocks && doc->blocks[k].why == SG_WHY_ARTICLE)
                doc->blocks[k].why = SG_WHY_OFF;
        }
        i += n - 1;
    }
    if (off_at != (size_t)-1) /* off to the end */
        for (size_t k = 0; k < doc->nblocks; k++)
            if (doc->blocks[k].start >= off_at && doc->blocks[k].why == SG_WHY_ARTICLE)
                doc->blocks[k].why = SG_WHY_OFF;
}

/* Pandoc's [..]{.spoiler}: an opener counts when its matching ']' (brackets
 * nested inside counted) comes within this many bytes and reads "]{.spoiler". */
#define SG_PANDOC_REACH 4000
#define SG_PANDOC_RING 4096 /* > SG_PANDOC_REACH: a full ring's oldest entry is out of reach */

static int sg_pandoc_cmp(const void *a, const void *b)
{
    const sg_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Every [..]{.spoiler} of `v` as (opening '[', closing ']') view offsets,
 * sorted by opener, from one pass with a bounded stack of open brackets, so
 * a long run of '[' costs linear time.  Returns the count; *out is NULL
 * when there are none (or memory ran out: then none are found). */
static size_t sg_pandoc_pairs(const char *v, size_t n, sg_span **out)
{
    *out = NULL;
    /* most blocks hold no "]{.spoiler" at all: memchr to each ']' */
    const char *any = n >= 10 ? memchr(v, ']', n - 9) : NULL;
    while (any && memcmp(any, "]{.spoiler", 10))
        any = memchr(any + 1, ']', n - 9 - (size_t)(any + 1 - v));
    if (!any)
        return 0;
    size_t *ring = malloc(SG_PANDOC_RING * sizeof *ring);
    if (!ring)
        return 0;
    size_t bottom = 0, top = 0, np = 0, cap = 0;
    sg_span *pairs = NULL;
    for (size_t j = 0; j < n; j++) {
        if (v[j] == '[') {
            if (top - bottom == SG_PANDOC_RING)
                bottom++;
            ring[top++ % SG_PANDOC_RING] = j;
        } else if (v[j] == ']' && top > bottom) {
            size_t o = ring[--top % SG_PANDOC_RING];
            sg_span pr = {o, j};
            if (j - o < SG_PANDOC_REACH && n - j >= 10 && !memcmp(v + j, "]{.spoiler", 10) &&
                !SG_VEC_PUSH(pairs, np, cap, pr)) {
                free(pairs);
                free(ring);
                return 0;
            }
        }
    }
    free(ring);
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, sg_pandoc_cmp);
    *out = pairs;
    return np;
}

/* Where byte c first occurs in v[from, lim), or lim. */
static size_t sg_next_byte(const char *v, size_t from, size_t lim, char c)
{
    const char *p = from < lim ? memchr(v + from, c, lim - from) : NULL;
    return p ? (size_t)(p - v) : lim;
}

/* Author-marked spoilers in a block's text: ||..||, >!..!<,
 * [spoiler]..[/spoiler] and pandoc's [..]{.spoiler}.  A closer searched for
 * and not found is not found for any later opener either, so unclosed
 * openers cost one scan in all, not one each. */
void sg_doc_find_author_marks(sg_doc *doc, const sg_block *b)
{
    const char *v = doc->view.data + b->view_start;
    size_t n = b->view_len;
    int no_reddit = 0, no_tag = 0;
    if (n < 2)
        return; /* an opener needs a byte after it */
    sg_span *pandoc = NULL;
    size_t npandoc = sg_pandoc_pairs(v, n, &pandoc), k = 0;
    /* most bytes open nothing: memchr finds the next of each byte that may,
     * and a search is made again only once the scan has passed its find */
    static const char opens[3] = {'|', '>', '['};
    size_t lim = n - 1, next[3] = {0, 0, 0};
    for (int o = 0; o < 3; o++)
        next[o] = sg_next_byte(v, 0, lim, opens[o]);
    for (size_t i = 0;;) {
        size_t close = 0, cl = 0;
        for (int o = 0; o < 3; o++)
            if (next[o] < i)
                next[o] = sg_next_byte(v, i, lim, opens[o]);
        i = next[0] < next[1] ? next[0] : next[1];
        if (next[2] < i)
            i = next[2];
        if (i >= lim)
            break;
        if (v[i] == '|' && v[i + 1] == '|') {
            const char *e = NULL;
            for (size_t j = i + 2; j + 1 < n; j++)
                if (v[j] == '|' && v[j + 1] == '|') {
                    e = v + j;
                    break;
                }
            if (e)
                close = (size_t)(e - v), cl = 2;
        } else if (v[i] == '>' && v[i + 1] == '!') {
            for (size_t j = i + 2; !no_reddit && j + 1 < n; j++)
                if (v[j] == '!' && v[j + 1] == '<') {
                    close = j, cl = 2;
                    break;
                }
            no_reddit = !cl;
        } else if (v[i] == '[' && n - i >= 9 && !strncasecmp(v + i, "[spoiler]", 9)) {
            for (size_t j = i + 9; !no_tag && j + 10 <= n; j++)
                if (v[j] == '[' && !strncasecmp(v + j, "[/spoiler]", 10)) {
                    close = j, cl = 10;
                    break;
                }
            no_tag = !cl;
        } else if (v[i] == '[') {
            while (k < npandoc && pandoc[k].start < i)
                k++;
            if (k < npandoc && pandoc[k].start == i)
                close = pandoc[k].end, cl = 1;
        }
        if (cl) {
            size_t s = sg_doc_to_src(doc, b, b->view_start + i, 0);
            size_t e = sg_doc_to_src(doc, b, b->view_start + close + cl, 1);
            sg_doc_mark(doc, s, e);
            i = close + cl;
        } else
            i++;
    }
    free(pandoc);
}

static int sg_span_cmp(const void *a, const void *b)
{
    const sg_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

sg_status sg_doc_read(sg_doc *doc, const char *src, size_t len, sg_format fmt,
                      int max_depth, sg_error *err)
{
    memset(doc, 0, sizeof *doc);
    doc->src = src;
    doc->len = len;
    doc->format = fmt;
    doc->max_depth = max_depth;
    sg_find_chunks(doc);
    sg_status st;
    switch (fmt) {
    case SG_FORMAT_HTML: st = sg_read_html(doc, err); break;
    case SG_FORMAT_MARKDOWN: st = sg_read_markdown(doc, err); break;
    default: st = sg_read_plain(doc, err); break;
    }
    if (st != SG_OK)
        return st;
    if (doc->view.failed) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading the document");
        return SG_ERR_MEMORY;
    }
    sg_apply_controls(doc);
    for (size_t i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i].why == SG_WHY_ARTICLE)
            sg_doc_find_author_marks(doc, &doc->blocks[i]);
    if (doc->nmarked > 1)
        qsort(doc->marked, doc->nmarked, sizeof *doc->marked, sg_span_cmp);
    if (doc->nmarked) {
        /* whether a span lies inside any mark is then one search, however
         * many marks start inside the one that holds it */
        doc->marked_reach = malloc(doc->nmarked * sizeof *doc->marked_reach);
        if (!doc->marked_reach) {
            sg_set_error(err, SG_ERR_MEMORY, "out of memory reading the document");
            return SG_ERR_MEMORY;
        }
        size_t reach = 0;
        for (size_t k = 0; k < doc->nmarked; k++) {
            if (doc->marked[k].end > reach)
                reach = doc->marked[k].end;
            doc->marked_reach[k] = reach;
        }
    }
    return SG_OK;
}

void sg_doc_free(sg_doc *doc)
{
    free(doc->blocks);
    free(doc->pieces);
    sg_buf_free(&doc->view);
    free(doc->inl);
    free(doc->marked);
    free(doc->marked_reach);
    free(doc->atomic);
    free(doc->chunks);
    free(doc->labels);
    free(doc->skipped);
    for (size_t i = 0; i < doc->nfields; i++) {
        free(doc->fields[i].key);
        free(doc->fields[i].value);
    }
    free(doc->fields);
    free(doc->html_title);
    memset(doc, 0, sizeof *doc);
}

/* Some mark lies over part of [s, e): a sentence is marked whole, or as
 * much of it as its format lets a mark go around (its runs of text outside
 * an autolink or a run of emphasis). */
int sg_doc_is_marked(const sg_doc *doc, size_t s, size_t e)
{
    size_t to = e > s ? e : s + 1;
    size_t k = doc->marked_reach ? sg_spans_before(doc->marked, doc->nmarked, to) : 0;
    return k && doc->marked_reach[k - 1] > s;
}
