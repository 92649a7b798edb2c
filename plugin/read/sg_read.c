/* sg_read.c -- reading a document: what an earlier run inserted is found
 * first (sg_strip.c), then the format's reader builds the blocks (sg_doc.c),
 * then what every format shares is applied: author controls and
 * author-marked spoilers. */
#include "sg_internal.h"
#include "sg_text.h"

#include <strings.h>

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
    while (k < len && sg_is_space((unsigned char)s[k]))
        k++;
    for (size_t w = 0; want[w]; w++) {
        if (want[w] == ' ') {
            if (k >= len || !sg_is_space((unsigned char)s[k]))
                return 0;
            while (k < len && sg_is_space((unsigned char)s[k]))
                k++;
        } else if (k < len && sg_to_lower((unsigned char)s[k]) == want[w]) {
            k++;
        } else {
            return 0;
        }
    }
    while (k < len && sg_is_space((unsigned char)s[k]))
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
