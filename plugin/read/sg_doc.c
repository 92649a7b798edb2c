/* sg_doc.c -- the document model the readers build: blocks with byte
 * spans, the view of each block's text and its map back to the input,
 * skipped and marked spans, fields, front matter.  Reading a document
 * (running a reader over it, then what every format shares) is sg_read.c. */
#include "sg_internal.h"
#include "sg_text.h"

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
    while (vlen && sg_is_space((unsigned char)*value)) {
        value++;
        vlen--;
        if (at != SIZE_MAX)
            at++;
    }
    while (vlen && sg_is_space((unsigned char)value[vlen - 1]))
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
        *k = (char)sg_to_lower((unsigned char)*k);
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
                while (k < e && (sg_is_alnum((unsigned char)src[k]) || src[k] == '_' ||
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
