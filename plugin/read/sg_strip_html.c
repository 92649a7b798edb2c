/*
 * sg_strip_html.c -- finding what spoilerguard inserted in HTML again (the
 * signature is described in sg_strip.c), and the view of tags that strip and
 * render take: a start or end tag as the HTML tokenizer (sg_html.c) reads
 * it, by offsets into the input, so that comments, raw text, quoted '>' and
 * cut-off tags are read the one way the reader reads them.
 */
#include "sg_strip.h"

#include "sg_html_tags.h"
#include "sg_text.h"

#include <strings.h>

/* ---- tags, as the tokenizer reads them ---------------------------------------- */

static void sg_tag_of(const sg_html_token *tok, sg_tag *t)
{
    memset(t, 0, sizeof *t);
    t->start = tok->start;
    t->end = tok->end;
    t->closing = tok->type == SG_HTML_END_TAG;
    t->name = tok->start + (t->closing ? 2 : 1);
    t->name_len = tok->name_len;
    t->attrs = tok->attr_start;
    t->self_closing = tok->self_closing;
}

int sg_tag_is(const char *s, const sg_tag *t, const char *name)
{
    size_t n = strlen(name);
    return t->name_len == n && !strncasecmp(s + t->name, name, n);
}

int sg_tag_next(const char *s, size_t len, size_t *pos, sg_tag *t)
{
    sg_html_tokenizer tz;
    sg_html_token tok;
    sg_html_init(&tz, s, len);
    tz.pos = *pos;
    while (sg_html_next(&tz, &tok)) {
        if (tok.type != SG_HTML_START_TAG && tok.type != SG_HTML_END_TAG)
            continue;
        sg_tag_of(&tok, t);
        *pos = tok.end;
        if (tok.type == SG_HTML_START_TAG) {
            /* raw text after it (script, style, title, ...) is skipped; an
             * empty one leaves its end tag next, as any element would */
            sg_html_token raw;
            if (sg_html_next(&tz, &raw) && raw.type == SG_HTML_RAWTEXT) {
                t->raw = 1;
                *pos = raw.end;
            }
        }
        return 1;
    }
    *pos = len;
    return 0;
}

int sg_tag_at(const char *s, size_t len, size_t at, sg_tag *t)
{
    memset(t, 0, sizeof *t);
    if (at + 1 >= len || s[at] != '<')
        return 0;
    sg_html_tokenizer tz;
    sg_html_token tok;
    sg_html_init(&tz, s, len);
    tz.pos = at;
    if (!sg_html_next(&tz, &tok) || tok.start != at ||
        (tok.type != SG_HTML_START_TAG && tok.type != SG_HTML_END_TAG))
        return 0;
    sg_tag_of(&tok, t);
    return 1;
}

/* The value of attribute `name` (lower-case) of tag `t`; 0 when absent. */
static int sg_tag_attr(const char *s, const sg_tag *t, const char *name, size_t *vs,
                       size_t *vl)
{
    sg_html_tokenizer tz;
    sg_html_token tok;
    sg_html_attr a;
    sg_html_init(&tz, s, t->end);
    memset(&tok, 0, sizeof tok);
    tok.type = t->closing ? SG_HTML_END_TAG : SG_HTML_START_TAG;
    tok.start = t->start;
    tok.end = t->end;
    tok.attr_start = t->attrs;
    if (!sg_html_attr_get(&tz, &tok, name, &a))
        return 0;
    *vs = a.value;
    *vl = a.value_len;
    return 1;
}

int sg_tag_void(const char *s, const sg_tag *t)
{
    static const char *const v[] = {"area",  "base",  "br",     "col",  "embed", "hr",
                                    "img",   "input", "link",   "meta", "param", "source",
                                    "track", "wbr",   "keygen", NULL};
    for (size_t k = 0; v[k]; k++)
        if (sg_tag_is(s, t, v[k]))
            return 1;
    return 0;
}

/* ---- HTML ------------------------------------------------------------------- */

#define SG_TRACK_NAMES 16
#define SG_TRACK_NAME_MAX 32

typedef struct sg_pending {
    size_t start, tag_end; /* the start tag */
    long level;            /* depth of its name when it opened */
    int whole;             /* 0: a mark; else the chunk role + 1 */
    int summary, continued;
    size_t below; /* index of the next pending of the same name, or -1 */
} sg_pending;

typedef struct sg_track {
    char name[SG_TRACK_NAME_MAX];
    size_t len;
    long depth;
    size_t top; /* topmost pending index, or (size_t)-1 */
} sg_track;

static int sg_track_find(sg_track *tr, size_t ntr, const char *s, const sg_tag *t)
{
    for (size_t k = 0; k < ntr; k++)
        if (tr[k].len == t->name_len &&
            !strncasecmp(tr[k].name, s + t->name, t->name_len))
            return (int)k;
    return -1;
}

/* Does the space-separated value end with the token "continued" after a
 * kind? */
static int sg_value_continued(const char *v, size_t n)
{
    while (n && sg_is_ws((unsigned char)v[n - 1]))
        n--;
    size_t j = n;
    while (j && !sg_is_ws((unsigned char)v[j - 1]))
        j--;
    if (n - j != 9 || strncasecmp(v + j, "continued", 9))
        return 0;
    /* "continued" alone is no continuation: a mark names its kind first */
    while (j && sg_is_ws((unsigned char)v[j - 1]))
        j--;
    return j > 0;
}

void sg_find_html(sg_finder *fd, const char *s, size_t len)
{
    sg_track tr[SG_TRACK_NAMES];
    size_t ntr = 0;
    sg_pending *pend = NULL;
    size_t npend = 0, cap_pend = 0;
    size_t whole_open = 0; /* pending whole elements: marks inside are theirs */
    size_t pos = 0;
    sg_tag t;
    while (sg_tag_next(s, len, &pos, &t)) {
        int k = sg_track_find(tr, ntr, s, &t);
        if (t.closing) {
            if (k < 0 || tr[k].depth <= 0)
                continue;
            size_t top = tr[k].top;
            if (top != (size_t)-1 && pend[top].level == tr[k].depth) {
                sg_pending *p = &pend[top];
                if (p->whole) {
                    sg_found_add(fd, p->start, t.end, (sg_chunk_role)(p->whole - 1),
                                 p->summary);
                    whole_open--;
                } else {
                    /* a mark's hidden text is its mark's: its end tag joins
                     * the mark's end tag after it */
                    sg_found_add(fd, t.start, t.end, SG_CHUNK_CLOSE,
                                 p->summary ? SG_JOINS_NEXT : 0);
                    if (!p->summary)
                        sg_mark_add(fd, p->start, t.end, p->continued);
                }
                tr[k].top = p->below;
                p->start = (size_t)-1; /* done */
            }
            tr[k].depth--;
            continue;
        }
        size_t vs, vl;
        int ours = !whole_open && sg_tag_attr(s, &t, SG_ATTR, &vs, &vl);
        if (!ours) {
            if (k >= 0 && !sg_tag_void(s, &t) && !t.self_closing)
                tr[k].depth++;
            continue;
        }
        int whole = 0, summary = 0;
        if (sg_html_word_at(s + vs, vl, "warning"))
            whole = SG_CHUNK_WARNING + 1;
        else if (sg_html_word_at(s + vs, vl, "badge"))
            whole = SG_CHUNK_BADGE + 1;
        else if (sg_html_word_at(s + vs, vl, "jsonld"))
            whole = SG_CHUNK_JSONLD + 1;
        else if (sg_html_word_at(s + vs, vl, "summary") || sg_html_word_at(s + vs, vl, "toggle"))
            whole = SG_CHUNK_OPEN + 1, summary = 1;
        else if (sg_html_word_at(s + vs, vl, "style") || sg_html_word_at(s + vs, vl, "script"))
            whole = SG_CHUNK_ASSETS + 1;
        else if (sg_html_word_at(s + vs, vl, "content"))
            summary = 1; /* a mark's hidden text: its tags join the mark's */
        if (sg_tag_void(s, &t) || t.self_closing) {
            sg_found_add(fd, t.start, t.end,
                         whole ? (sg_chunk_role)(whole - 1) : SG_CHUNK_OPEN, summary);
            continue;
        }
        if (t.raw) {
            /* a raw-text element ends at its first end tag */
            size_t e = pos;
            sg_tag et;
            if (e < len && sg_tag_at(s, len, e, &et) && et.closing) {
                pos = et.end;
                if (whole)
                    sg_found_add(fd, t.start, et.end, (sg_chunk_role)(whole - 1),
                                 summary);
                else {
                    sg_found_add(fd, t.start, t.end, SG_CHUNK_OPEN, 0);
                    sg_found_add(fd, et.start, et.end, SG_CHUNK_CLOSE, 0);
                    sg_mark_add(fd, t.start, et.end, sg_value_continued(s + vs, vl));
                }
            } else
                sg_found_add(fd, t.start, t.end,
                             whole ? (sg_chunk_role)(whole - 1) : SG_CHUNK_OPEN, summary);
            continue;
        }
        if (k < 0) {
            if (ntr == SG_TRACK_NAMES || t.name_len >= SG_TRACK_NAME_MAX) {
                /* too many names to follow: the tag alone */
                sg_found_add(fd, t.start, t.end,
                             whole ? (sg_chunk_role)(whole - 1) : SG_CHUNK_OPEN, summary);
                continue;
            }
            k = (int)ntr++;
            memcpy(tr[k].name, s + t.name, t.name_len);
            tr[k].len = t.name_len;
            tr[k].depth = 0;
            tr[k].top = (size_t)-1;
        }
        tr[k].depth++;
        sg_pending p = {t.start,  t.end,   tr[k].depth,
                        whole,    summary, sg_value_continued(s + vs, vl),
                        tr[k].top};
        if (!SG_VEC_PUSH(pend, npend, cap_pend, p)) {
            fd->failed = 1;
            break;
        }
        tr[k].top = npend - 1;
        if (whole)
            whole_open++;
        else
            sg_found_add(fd, t.start, t.end, SG_CHUNK_OPEN, summary);
    }
    /* elements never closed: their start tag alone */
    for (size_t i = 0; i < npend; i++)
        if (pend[i].start != (size_t)-1 && pend[i].whole)
            sg_found_add(fd, pend[i].start, pend[i].tag_end,
                         (sg_chunk_role)(pend[i].whole - 1), pend[i].summary);
    free(pend);
}

/* ---- Markdown ---------------------------------------------------------------- */
