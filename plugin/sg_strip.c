/*
 * sg_strip.c -- finding and removing what spoilerguard inserted.
 *
 * Everything spoilerguard inserts is a "chunk": a run of bytes that holds
 * nothing of the author's.  Each format has its own signature, so a chunk is
 * found again without any state kept between runs, and the author's own
 * markup (||..||, >!..!<, [spoiler]..[/spoiler], <details class="spoiler">,
 * <span class="spoiler"> without the attribute below) is never taken for one.
 *
 * HTML (styles html-span, html-details, and any style asked of HTML input)
 *   Every inserted element carries the attribute data-spoilerguard="VALUE".
 *   VALUE's first token says what the element is:
 *     warning, badge, jsonld, summary,  the whole element is a chunk (start
 *     toggle, style, script             tag through the matching end tag;
 *                                       a void or self-closed tag alone)
 *     anything else (the flag's kind:   the start tag is an "open" chunk and
 *     death, ending, ...)               the matching end tag a "close" chunk;
 *                                       the content between is the author's
 *   A mark's VALUE may end with the token "continued": it carries on the mark
 *   before it (one sentence wrapped piece by piece around inline markup).
 *   A <summary data-spoilerguard="summary"> right after an inserted
 *   <details> start tag belongs to that open chunk; so do a mark's
 *   <button data-spoilerguard="toggle"> and the start tag of the
 *   <span data-spoilerguard="content"> after it, whose end tag is a close
 *   chunk like the mark's.  Matching end tags are
 *   found by counting tags of the same name; comments and raw text (script,
 *   style, textarea, title, ...) are skipped.  Kinds named like the reserved
 *   tokens are written "kind-NAME".
 *     <span class="spoiler" data-spoilerguard="death"><button type="button"
 *      data-spoilerguard="toggle" aria-expanded="false">Spoiler (death)</button
 *      ><span data-spoilerguard="content" hidden>..</span></span>
 *     <style data-spoilerguard="style">..</style>, <script
 *      data-spoilerguard="script">..</script>: the CSS and script that make
 *      the button work, once per page
 *     <details class="spoiler" data-spoilerguard="death"><summary
 *      data-spoilerguard="summary">Spoiler (death)</summary>..</details>
 *     <p class="spoiler-warning" data-spoilerguard="warning" role="note">..</p>
 *     <span class="sg-rating" data-spoilerguard="badge" role="img" ..>..</span>
 *     <script type="application/ld+json" data-spoilerguard="jsonld">..</script>
 *
 * Markdown (md-discord, md-reddit, md-pandoc, md-html, plain and html styles
 * asked of Markdown input)
 *   Each inserted piece is wrapped in HTML comments:
 *     <!--sg:R-->PIECE<!--/sg-->
 *   R is o (opens a mark), n (opens a mark that carries on the one before),
 *   c (closes a mark), w (warning), b (badge), a (the CSS and script that
 *   show a spoiler, as two raw HTML blocks).  PIECE never holds "<!--sg:"
 *   nor "<!--/sg-->".  Where a piece starts a line's content (only spaces,
 *   tabs, ">" and list markers before it on its line) a comment there would
 *   open a CommonMark HTML block and swallow the line, so such a piece is
 *   written with its length after it instead:
 *     PIECE<!--sg:RN-->        (N: PIECE's length in bytes, decimal)
 *   A block chunk (the warning, html-details' <details> lines) stands on its
 *   own lines: it starts a line after indentation IND (spaces and tabs, at
 *   most 64) and its line break and IND after <!--/sg--> are part of it:
 *     IND<!--sg:w-->\n IND> **Spoiler warning:** ...\n IND<!--/sg-->\n IND
 *   ("\r\n" in place of "\n" when the input uses CRLF).  Any chunk in
 *   comment form that starts a line after nothing but IND is a block chunk.
 *   e.g. <!--sg:o-->||<!--/sg-->The boss dies.<!--sg:c-->||<!--/sg-->
 *        ||<!--sg:o2-->The boss dies.<!--sg:c-->||<!--/sg-->
 *
 * Markdown for Obsidian (md-obsidian)
 *   Obsidian has no inline spoiler, so md-obsidian inserts whole lines
 *   only, in callouts (quotes whose first line is "[!TYPE]").  No comment
 *   signs them: "<!--" opening a line's content makes the line an HTML
 *   block, and Obsidian's own "%%...%%" shows as text everywhere else.  The
 *   signature is the callout's metadata, what follows "|" in the brackets,
 *   which Obsidian keeps out of sight (it becomes the data-callout-metadata
 *   attribute) and CommonMark renderers show as the quote's first words.
 *   The first line of each is
 *     > [!TYPE|sg-RN]TITLE NL          TYPE a word, N a count of lines
 *   R is o (a mark), w (warning) or b (badge).  "g" after N says an empty
 *   line was inserted just before it (so that a line of text above does not
 *   run on into the callout); that line is part of the chunk.
 *     o: "> [!warning|sg-oN]- Spoiler (KINDS)" NL ">" NL is a chunk, then
 *        each of the next N lines (the author's) starts with an inserted
 *        "> ", or ">" where the rest of the line is blank, each a chunk;
 *        from the first line to the end of the N-th is a marked range.
 *     w, b: the first line, the N lines after it (each starting with ">")
 *        and the empty line after them are one chunk.
 *   e.g. > [!warning|sg-w0] Spoiler warning: this review reveals ... NL NL
 *        > [!warning|sg-o2]- Spoiler (death) NL > NL
 *        > In the final act, NL > Okju dies. NL
 *   ("\r\n" in place of NL when the input uses CRLF).  A line that looks so
 *   but is not followed by what its N says is the author's.
 *
 * Plain text (style plain, and Markdown styles asked of plain input)
 *   Each chunk is U+2063 U+2060, a role character, the piece, U+2060 U+2063
 *   (all invisible).  The role character is U+2061 (open), U+2062 (close),
 *   U+2064 (warning) or U+200C (badge).  Pieces: "[SPOILER] " and
 *   " [/SPOILER]" around a sentence; the warning line
 *   "⚠ Spoiler warning: ... Marked [SPOILER] … [/SPOILER].\n\n" before the
 *   first flagged paragraph; the badge "\nRating: ★★★☆☆ 3/5" at the end of
 *   the title line.
 *
 * sg_find_chunks lists a document's chunks (sorted, disjoint) and records
 * each open..close pair as a marked range; sg_strip removes every chunk.
 * With SG_FORMAT_AUTO, sg_strip goes by the signature the text carries
 * (Markdown comments, then plain sentinels, then Obsidian callouts, then the
 * HTML attribute), since
 * Markdown output with raw HTML spans may look like HTML to sg_detect_format.
 */
#include "sg_internal.h"

#include <ctype.h>
#include <strings.h>

/* ---- a minimal HTML tag scanner --------------------------------------------- */

static int sg_html_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int sg_ascii_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int sg_tag_is(const char *s, const sg_tag *t, const char *name)
{
    size_t n = strlen(name);
    return t->name_len == n && !strncasecmp(s + t->name, name, n);
}

/* Parse the tag whose name starts at s[i] (after "<" or "</"); fills the end
 * and name fields.  0 when the input ends inside the tag. */
static int sg_tag_body(const char *s, size_t len, size_t i, sg_tag *t)
{
    const unsigned char *u = (const unsigned char *)s;
    t->name = i;
    while (i < len && !sg_html_space(u[i]) && u[i] != '/' && u[i] != '>')
        i++;
    t->name_len = i - t->name;
    t->attrs = i;
    t->self_closing = 0;
    for (;;) {
        while (i < len && (sg_html_space(u[i]) || u[i] == '/')) {
            t->self_closing = u[i] == '/';
            i++;
        }
        if (i >= len)
            return 0;
        if (u[i] == '>') {
            t->end = i + 1;
            return 1;
        }
        t->self_closing = 0;
        /* attribute name; a leading '=' belongs to it */
        i++;
        while (i < len && !sg_html_space(u[i]) && u[i] != '/' && u[i] != '>' &&
               u[i] != '=')
            i++;
        while (i < len && sg_html_space(u[i]))
            i++;
        if (i < len && u[i] == '=') {
            i++;
            while (i < len && sg_html_space(u[i]))
                i++;
            if (i >= len)
                return 0;
            if (u[i] == '"' || u[i] == '\'') {
                const char *q = memchr(s + i + 1, s[i], len - i - 1);
                if (!q)
                    return 0;
                i = (size_t)(q - s) + 1;
            } else {
                while (i < len && !sg_html_space(u[i]) && u[i] != '>')
                    i++;
            }
        }
    }
}

int sg_tag_at(const char *s, size_t len, size_t at, sg_tag *t)
{
    memset(t, 0, sizeof *t);
    if (at + 1 >= len || s[at] != '<')
        return 0;
    t->start = at;
    if (sg_ascii_alpha((unsigned char)s[at + 1]))
        return sg_tag_body(s, len, at + 1, t);
    if (s[at + 1] == '/' && at + 2 < len && sg_ascii_alpha((unsigned char)s[at + 2])) {
        t->closing = 1;
        return sg_tag_body(s, len, at + 2, t);
    }
    return 0;
}

/* Elements whose content is text up to their own end tag. */
static int sg_tag_raw(const char *s, const sg_tag *t)
{
    static const char *const raw[] = {"script",   "style",     "textarea", "title",
                                      "xmp",      "iframe",    "noembed",  "noframes",
                                      "noscript", "plaintext", NULL};
    for (size_t k = 0; raw[k]; k++)
        if (sg_tag_is(s, t, raw[k]))
            return 1;
    return 0;
}

/* Where the raw text opened by start tag `t` ends: the start of "</name"
 * followed by a space, '/' or '>', or the end of the input. */
static size_t sg_raw_end(const char *s, size_t len, const sg_tag *t)
{
    if (sg_tag_is(s, t, "plaintext"))
        return len;
    size_t i = t->end;
    while (i + 2 + t->name_len <= len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 2 + t->name_len <= len && s[i + 1] == '/' &&
            !strncasecmp(s + i + 2, s + t->name, t->name_len)) {
            size_t k = i + 2 + t->name_len;
            if (k >= len || sg_html_space((unsigned char)s[k]) || s[k] == '/' ||
                s[k] == '>')
                return i;
        }
        i++;
    }
    return len;
}

int sg_tag_next(const char *s, size_t len, size_t *pos, sg_tag *t)
{
    size_t i = *pos;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 1 >= len)
            break;
        unsigned char c = (unsigned char)s[i + 1];
        if (c == '!' && len - i >= 4 && !memcmp(s + i, "<!--", 4)) {
            size_t j = i + 4;
            /* "<!-->" and "<!--->" are whole (empty) comments */
            if (j < len && s[j] == '>') {
                i = j + 1;
                continue;
            }
            if (j + 1 < len && s[j] == '-' && s[j + 1] == '>') {
                i = j + 2;
                continue;
            }
            const char *e = memmem(s + j, len - j, "-->", 3);
            if (!e)
                break; /* the comment runs to the end */
            i = (size_t)(e - s) + 3;
            continue;
        }
        if (c == '/' && i + 2 < len && s[i + 2] == '>') {
            i += 3; /* "</>" is dropped */
            continue;
        }
        if (c == '!' || c == '?' ||
            (c == '/' && !(i + 2 < len && sg_ascii_alpha((unsigned char)s[i + 2])))) {
            /* doctype, processing instruction, bogus comment: up to '>' */
            const char *gt = i + 2 < len ? memchr(s + i + 2, '>', len - i - 2) : NULL;
            if (!gt)
                break;
            i = (size_t)(gt - s) + 1;
            continue;
        }
        if (sg_tag_at(s, len, i, t)) {
            *pos = t->end;
            if (!t->closing && sg_tag_raw(s, t))
                *pos = sg_raw_end(s, len, t);
            return 1;
        }
        if (c == '/' || sg_ascii_alpha(c))
            break; /* a tag cut off by the end of the input */
        i++;
    }
    *pos = len;
    return 0;
}

/* The value of attribute `name` (lower-case) of tag `t`; 0 when absent. */
static int sg_tag_attr(const char *s, const sg_tag *t, const char *name, size_t *vs,
                       size_t *vl)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t nl = strlen(name);
    size_t i = t->attrs, end = t->end - 1;
    while (i < end) {
        while (i < end && (sg_html_space(u[i]) || u[i] == '/'))
            i++;
        if (i >= end)
            break;
        size_t ns = i++;
        while (i < end && !sg_html_space(u[i]) && u[i] != '/' && u[i] != '=')
            i++;
        size_t an = i - ns;
        while (i < end && sg_html_space(u[i]))
            i++;
        size_t v = i, l = 0;
        if (i < end && u[i] == '=') {
            i++;
            while (i < end && sg_html_space(u[i]))
                i++;
            if (i < end && (u[i] == '"' || u[i] == '\'')) {
                const char *q = memchr(s + i + 1, s[i], end - i - 1);
                v = i + 1;
                i = q ? (size_t)(q - s) : end;
                l = i - v;
                if (i < end)
                    i++;
            } else {
                v = i;
                while (i < end && !sg_html_space(u[i]))
                    i++;
                l = i - v;
            }
        }
        if (an == nl && !strncasecmp(s + ns, name, nl)) {
            *vs = v;
            *vl = l;
            return 1;
        }
    }
    return 0;
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

/* ---- collecting chunks ------------------------------------------------------ */

typedef struct sg_found {
    sg_chunk c;
    int summary; /* an inserted <summary>, merged into the open before it;
                    SG_JOINS_NEXT: a close that the close after it joins */
} sg_found;

typedef struct sg_finder {
    sg_found *f;
    size_t n, cap;
    sg_span *marks;
    size_t nmarks, cap_marks;
    int failed;
} sg_finder;

static void sg_found_add(sg_finder *fd, size_t s, size_t e, sg_chunk_role role,
                         int summary)
{
    sg_found x = {{s, e, role}, summary};
    if (e > s && !SG_VEC_PUSH(fd->f, fd->n, fd->cap, x))
        fd->failed = 1;
}

/* Record a mark from an open's start to a close's end; a continued mark
 * stretches the one before it. */
static void sg_mark_add(sg_finder *fd, size_t s, size_t e, int continued)
{
    if (continued && fd->nmarks && fd->marks[fd->nmarks - 1].end <= s) {
        fd->marks[fd->nmarks - 1].end = e;
        return;
    }
    sg_span m = {s, e};
    if (e > s && !SG_VEC_PUSH(fd->marks, fd->nmarks, fd->cap_marks, m))
        fd->failed = 1;
}

/* ---- HTML ------------------------------------------------------------------- */

#define SG_JOINS_NEXT 2

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

/* Does the space-separated value hold `tok` as its first (or last) token? */
static int sg_value_first(const char *v, size_t n, const char *tok)
{
    size_t i = 0;
    while (i < n && sg_html_space((unsigned char)v[i]))
        i++;
    size_t j = i;
    while (j < n && !sg_html_space((unsigned char)v[j]))
        j++;
    size_t tl = strlen(tok);
    return j - i == tl && !strncasecmp(v + i, tok, tl);
}

static int sg_value_continued(const char *v, size_t n)
{
    while (n && sg_html_space((unsigned char)v[n - 1]))
        n--;
    size_t j = n;
    while (j && !sg_html_space((unsigned char)v[j - 1]))
        j--;
    if (n - j != 9 || strncasecmp(v + j, "continued", 9))
        return 0;
    /* "continued" alone is no continuation: a mark names its kind first */
    while (j && sg_html_space((unsigned char)v[j - 1]))
        j--;
    return j > 0;
}

static void sg_find_html(sg_finder *fd, const char *s, size_t len)
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
        if (sg_value_first(s + vs, vl, "warning"))
            whole = SG_CHUNK_WARNING + 1;
        else if (sg_value_first(s + vs, vl, "badge"))
            whole = SG_CHUNK_BADGE + 1;
        else if (sg_value_first(s + vs, vl, "jsonld"))
            whole = SG_CHUNK_JSONLD + 1;
        else if (sg_value_first(s + vs, vl, "summary") || sg_value_first(s + vs, vl, "toggle"))
            whole = SG_CHUNK_OPEN + 1, summary = 1;
        else if (sg_value_first(s + vs, vl, "style") || sg_value_first(s + vs, vl, "script"))
            whole = SG_CHUNK_ASSETS + 1;
        else if (sg_value_first(s + vs, vl, "content"))
            summary = 1; /* a mark's hidden text: its tags join the mark's */
        if (sg_tag_void(s, &t) || t.self_closing) {
            sg_found_add(fd, t.start, t.end,
                         whole ? (sg_chunk_role)(whole - 1) : SG_CHUNK_OPEN, summary);
            continue;
        }
        if (sg_tag_raw(s, &t)) {
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

#define SG_MD_OPEN_LEN 7 /* "<!--sg:" */
#define SG_MD_END_LEN 10 /* "<!--/sg-->" */

int sg_md_indent_before(const char *s, size_t at, size_t *line_start)
{
    size_t i = at;
    while (i > 0 && at - i <= SG_MD_MAX_INDENT && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    /* a line starts after LF, CRLF or a lone CR */
    if (at - i > SG_MD_MAX_INDENT || (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r'))
        return 0;
    *line_start = i;
    return 1;
}

static sg_chunk_role sg_md_role(char r, int *ok, int *opens, int *continued)
{
    *ok = 1;
    *opens = 0;
    *continued = 0;
    switch (r) {
    case 'o':
        *opens = 1;
        return SG_CHUNK_OPEN;
    case 'n':
        *opens = 1;
        *continued = 1;
        return SG_CHUNK_OPEN;
    case 'c':
        return SG_CHUNK_CLOSE;
    case 'w':
        return SG_CHUNK_WARNING;
    case 'b':
        return SG_CHUNK_BADGE;
    case 'j':
        return SG_CHUNK_JSONLD;
    case 'a':
        return SG_CHUNK_ASSETS;
    default:
        *ok = 0;
        return SG_CHUNK_OPEN;
    }
}

static void sg_find_markdown(sg_finder *fd, const char *s, size_t len)
{
    size_t last_end = 0;
    size_t open_start = (size_t)-1;
    int open_cont = 0;
    const char *nx = memmem(s, len, "<!--sg:", SG_MD_OPEN_LEN);
    while (nx) {
        size_t q = (size_t)(nx - s);
        /* the next opener bounds this chunk's search: linear overall */
        const char *after =
            q + 1 < len ? memmem(s + q + 1, len - q - 1, "<!--sg:", SG_MD_OPEN_LEN)
                        : NULL;
        size_t limit = after ? (size_t)(after - s) : len;
        size_t i = q + SG_MD_OPEN_LEN;
        int ok, opens, cont;
        sg_chunk_role role = sg_md_role(i < len ? s[i] : 0, &ok, &opens, &cont);
        size_t cs = 0, ce = 0;
        if (ok) {
            i++;
            size_t digits = i, num = 0;
            while (i < len && i - digits < 7 && isdigit((unsigned char)s[i]))
                num = num * 10 + (size_t)(s[i++] - '0');
            if (len - i < 3 || memcmp(s + i, "-->", 3))
                ok = 0;
            else if (i > digits) {
                /* PIECE<!--sg:RN--> */
                if (num == 0 || num > q || q - num < last_end)
                    ok = 0;
                else
                    cs = q - num, ce = i + 3;
            } else {
                /* <!--sg:R-->PIECE<!--/sg--> */
                i += 3;
                const char *e =
                    limit > i ? memmem(s + i, limit - i, SG_MD_END, SG_MD_END_LEN) : NULL;
                if (!e || q < last_end)
                    ok = 0;
                else {
                    cs = q;
                    ce = (size_t)(e - s) + SG_MD_END_LEN;
                    size_t ind;
                    if (sg_md_indent_before(s, q, &ind)) {
                        /* a block chunk owns its line break and indentation */
                        size_t nl = 0;
                        if (ce < len && s[ce] == '\n')
                            nl = 1;
                        else if (ce + 1 < len && s[ce] == '\r' && s[ce + 1] == '\n')
                            nl = 2;
                        if (nl) {
                            ce += nl;
                            size_t il = q - ind;
                            if (il && len - ce >= il && !memcmp(s + ce, s + ind, il))
                                ce += il;
                        }
                    }
                }
            }
        }
        if (ok) {
            sg_found_add(fd, cs, ce, role, 0);
            last_end = ce;
            if (opens) {
                open_start = cs;
                open_cont = cont;
            } else if (role == SG_CHUNK_CLOSE && open_start != (size_t)-1) {
                sg_mark_add(fd, open_start, ce, open_cont);
                open_start = (size_t)-1;
            }
            while (after && (size_t)(after - s) < ce)
                after = (size_t)(after - s) + 1 < len
                            ? memmem(after + 1, len - (size_t)(after - s) - 1,
                                     "<!--sg:", SG_MD_OPEN_LEN)
                            : NULL;
        }
        nx = after;
    }
}

/* ---- Markdown for Obsidian: signed callouts ------------------------------------ */

/* The start of the line after the one holding s[p] (past LF, CRLF or a lone
 * CR), or len. */
static size_t sg_next_line(const char *s, size_t len, size_t p)
{
    while (p < len && s[p] != '\n' && s[p] != '\r')
        p++;
    if (p < len && s[p] == '\r' && p + 1 < len && s[p + 1] == '\n')
        p++;
    return p < len ? p + 1 : len;
}

/* Is the line starting at p empty (its line break at once)? */
static int sg_empty_line(const char *s, size_t len, size_t p)
{
    return p < len && (s[p] == '\n' || s[p] == '\r');
}

/* The callout whose first line holds the signature at s[sig] ("|sg-"):
 * "> [!TYPE|sg-RN[g]]..." from line start ls.  Adds its chunks (and, for a
 * mark, its marked range) and returns where it ends, or 0 when it is not
 * one spoilerguard wrote. */
static size_t sg_find_callout(sg_finder *fd, const char *s, size_t len, size_t ls,
                              size_t sig)
{
    size_t i = ls;
    if (len - i < 5 || memcmp(s + i, "> [!", 4))
        return 0;
    for (i += 4; i < sig; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return 0;
    i = sig + 4;
    char role = i < len ? s[i] : 0;
    if (role != 'o' && role != 'w' && role != 'b')
        return 0;
    size_t n = 0, digits = ++i;
    while (i < len && i - digits < 7 && isdigit((unsigned char)s[i]))
        n = n * 10 + (size_t)(s[i++] - '0');
    int gap = i < len && s[i] == 'g';
    i += gap;
    if (i == digits || i >= len || s[i] != ']')
        return 0;
    size_t start = ls;
    if (gap) {
        /* the empty line before it is inserted too */
        size_t pl = ls >= 2 && s[ls - 1] == '\n' && s[ls - 2] == '\r' ? ls - 2 : ls - 1;
        if (!ls || (pl > 0 && s[pl - 1] != '\n' && s[pl - 1] != '\r'))
            return 0;
        start = pl;
    }
    size_t p = sg_next_line(s, len, i), last = p;
    if (p == len && (n || role != 'o'))
        return 0;
    if (role == 'o') {
        /* a mark's title stands apart: an empty line of the quote follows */
        if (p >= len || s[p] != '>' || !sg_empty_line(s, len, p + 1))
            return 0;
        p = sg_next_line(s, len, p);
    }
    size_t nfound = fd->n;
    sg_found_add(fd, start, p, role == 'w'   ? SG_CHUNK_WARNING
                               : role == 'b' ? SG_CHUNK_BADGE
                                             : SG_CHUNK_OPEN, 0);
    for (size_t k = 0; k < n; k++) {
        if (p >= len || s[p] != '>') {
            fd->n = nfound; /* not ours after all */
            return 0;
        }
        size_t q = p + 1;
        while (q < len && (s[q] == ' ' || s[q] == '\t'))
            q++;
        int blank = q >= len || s[q] == '\n' || s[q] == '\r';
        if (role == 'o' && !blank && (p + 1 >= len || s[p + 1] != ' ')) {
            fd->n = nfound;
            return 0;
        }
        if (role == 'o')
            sg_found_add(fd, p, p + (blank ? 1 : 2), SG_CHUNK_CLOSE, 0);
        last = p;
        p = sg_next_line(s, len, p);
    }
    if (role != 'o') {
        /* a warning or badge ends with an empty line, inserted too */
        if (!sg_empty_line(s, len, p)) {
            fd->n = nfound;
            return 0;
        }
        p = sg_next_line(s, len, p);
        fd->f[nfound].c.end = p;
        return p;
    }
    size_t le = last;
    while (le < len && s[le] != '\n' && s[le] != '\r')
        le++;
    sg_mark_add(fd, start, n ? le : p, 0);
    return p;
}

static void sg_find_callouts(sg_finder *fd, const char *s, size_t len)
{
    size_t from = 0;
    const char *nx;
    while (from < len && (nx = memmem(s + from, len - from, SG_CALLOUT_SIG,
                                      sizeof SG_CALLOUT_SIG - 1))) {
        size_t sig = (size_t)(nx - s), ls = sig;
        /* "> [!TYPE" before it on its line, TYPE a word of at most 32 bytes */
        while (ls > 0 && sig - ls < 40 && s[ls - 1] != '\n' && s[ls - 1] != '\r')
            ls--;
        size_t end = (ls == 0 || s[ls - 1] == '\n' || s[ls - 1] == '\r')
                         ? sg_find_callout(fd, s, len, ls, sig)
                         : 0;
        from = end ? end : sig + 1;
    }
}

/* ---- plain text -------------------------------------------------------------- */

#define SG_PLAIN_MARK_LEN 6
#define SG_ROLE_LEN 3

static int sg_plain_role(const char *p, sg_chunk_role *role)
{
    if (!memcmp(p, SG_PLAIN_ROLE_OPEN, SG_ROLE_LEN))
        *role = SG_CHUNK_OPEN;
    else if (!memcmp(p, SG_PLAIN_ROLE_CLOSE, SG_ROLE_LEN))
        *role = SG_CHUNK_CLOSE;
    else if (!memcmp(p, SG_PLAIN_ROLE_WARNING, SG_ROLE_LEN))
        *role = SG_CHUNK_WARNING;
    else if (!memcmp(p, SG_PLAIN_ROLE_BADGE, SG_ROLE_LEN))
        *role = SG_CHUNK_BADGE;
    else
        return 0;
    return 1;
}

/* Where the sentinel `mark` (SG_PLAIN_BEGIN or SG_PLAIN_END) first occurs in
 * s[0, len), or NULL.  Both hold U+2063, whose last byte, 0xA3, is rare in
 * any text: memchr goes to it, where memmem would hash every byte. */
static const char *sg_find_mark(const char *s, size_t len, const char *mark)
{
    const char *a = memchr(mark, 0xA3, SG_PLAIN_MARK_LEN);
    if (!a)
        return memmem(s, len, mark, SG_PLAIN_MARK_LEN);
    size_t k = (size_t)(a - mark);
    if (len < SG_PLAIN_MARK_LEN)
        return NULL;
    const char *end = s + len - (SG_PLAIN_MARK_LEN - 1 - k); /* the last place for 0xA3 */
    for (const char *p = s + k; p < end && (p = memchr(p, 0xA3, (size_t)(end - p))); p++)
        if (!memcmp(p - k, mark, SG_PLAIN_MARK_LEN))
            return p - k;
    return NULL;
}

static void sg_find_plain(sg_finder *fd, const char *s, size_t len)
{
    size_t open_start = (size_t)-1;
    const char *nx = sg_find_mark(s, len, SG_PLAIN_BEGIN);
    while (nx) {
        size_t q = (size_t)(nx - s);
        size_t from = q + SG_PLAIN_MARK_LEN;
        const char *after =
            sg_find_mark(s + from, len - from, SG_PLAIN_BEGIN);
        size_t limit = after ? (size_t)(after - s) : len;
        sg_chunk_role role;
        if (limit - from >= SG_ROLE_LEN && sg_plain_role(s + from, &role)) {
            size_t c = from + SG_ROLE_LEN;
            /* an END followed by U+2060 looks like it holds a BEGIN: look a
             * few bytes past the next BEGIN */
            size_t lim =
                limit + SG_PLAIN_MARK_LEN < len ? limit + SG_PLAIN_MARK_LEN : len;
            const char *e = sg_find_mark(s + c, lim - c, SG_PLAIN_END);
            if (e) {
                size_t ce = (size_t)(e - s) + SG_PLAIN_MARK_LEN;
                sg_found_add(fd, q, ce, role, 0);
                if (role == SG_CHUNK_OPEN)
                    open_start = q;
                else if (role == SG_CHUNK_CLOSE && open_start != (size_t)-1) {
                    sg_mark_add(fd, open_start, ce, 0);
                    open_start = (size_t)-1;
                }
                nx = ce < len
                         ? sg_find_mark(s + ce, len - ce, SG_PLAIN_BEGIN)
                         : NULL;
                continue;
            }
        }
        nx = after;
    }
}

/* ---- the public side ----------------------------------------------------------- */

static int sg_found_cmp(const void *x, const void *y)
{
    const sg_found *a = x, *b = y;
    if (a->c.start != b->c.start)
        return a->c.start < b->c.start ? -1 : 1;
    return a->c.end < b->c.end ? 1 : a->c.end > b->c.end ? -1 : 0;
}

void sg_find_chunks(sg_doc *doc)
{
    sg_finder fd;
    memset(&fd, 0, sizeof fd);
    if (!doc->src || !doc->len)
        return;
    switch (doc->format) {
    case SG_FORMAT_HTML:
        sg_find_html(&fd, doc->src, doc->len);
        break;
    case SG_FORMAT_MARKDOWN:
        sg_find_markdown(&fd, doc->src, doc->len);
        sg_find_callouts(&fd, doc->src, doc->len);
        break;
    default:
        sg_find_plain(&fd, doc->src, doc->len);
        break;
    }
    if (fd.n > 1)
        qsort(fd.f, fd.n, sizeof *fd.f, sg_found_cmp);
    /* keep chunks disjoint; an inserted <summary> joins the open before it */
    size_t kept = 0;
    for (size_t i = 0; i < fd.n; i++) {
        sg_found *c = &fd.f[i];
        if (kept) {
            sg_found *prev = &fd.f[kept - 1];
            if (c->c.start < prev->c.end)
                continue;
            if (c->summary && c->c.start == prev->c.end &&
                prev->c.role == SG_CHUNK_OPEN && !prev->summary) {
                prev->c.end = c->c.end;
                continue;
            }
            if (prev->summary == SG_JOINS_NEXT && c->c.role == SG_CHUNK_CLOSE &&
                c->c.start == prev->c.end) {
                prev->c.end = c->c.end;
                prev->summary = c->summary;
                continue;
            }
        }
        fd.f[kept++] = *c;
    }
    for (size_t i = 0; i < kept && !fd.failed; i++)
        if (!SG_VEC_PUSH(doc->chunks, doc->nchunks, doc->cap_chunks, fd.f[i].c))
            fd.failed = 1;
    for (size_t i = 0; i < fd.nmarks; i++)
        sg_doc_mark(doc, fd.marks[i].start, fd.marks[i].end);
    free(fd.f);
    free(fd.marks);
}

/* The format whose signature `text` carries: Markdown comments, plain
 * sentinels, signed callouts, else HTML attributes; by content when it
 * carries none. */
static sg_format sg_strip_format(const char *text, size_t len)
{
    if (memmem(text, len, "<!--sg:", SG_MD_OPEN_LEN))
        return SG_FORMAT_MARKDOWN;
    if (memmem(text, len, SG_PLAIN_BEGIN, SG_PLAIN_MARK_LEN))
        return SG_FORMAT_PLAIN;
    if (memmem(text, len, "> [!", 4) && memmem(text, len, SG_CALLOUT_SIG, sizeof SG_CALLOUT_SIG - 1))
        return SG_FORMAT_MARKDOWN; /* md-obsidian's callouts */
    if (memmem(text, len, SG_ATTR, strlen(SG_ATTR)))
        return SG_FORMAT_HTML;
    return sg_detect_format(text, len);
}

char *sg_strip(const char *text, size_t len, sg_format format, size_t *out_len,
               sg_error *err)
{
    if (out_len)
        *out_len = 0;
    if (!text && len) {
        sg_set_error(err, SG_ERR_USAGE, "sg_strip: no text given");
        return NULL;
    }
    if (format != SG_FORMAT_AUTO && format != SG_FORMAT_PLAIN &&
        format != SG_FORMAT_MARKDOWN && format != SG_FORMAT_HTML) {
        sg_set_error(err, SG_ERR_USAGE, "sg_strip: unknown format %d", (int)format);
        return NULL;
    }
    sg_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.src = text;
    doc.len = len;
    doc.format = format == SG_FORMAT_AUTO ? sg_strip_format(text, len) : format;
    sg_find_chunks(&doc);
    sg_buf out;
    sg_buf_init(&out);
    sg_buf_reserve(&out, len);
    size_t pos = 0;
    for (size_t i = 0; i < doc.nchunks; i++) {
        sg_buf_put(&out, text + pos, doc.chunks[i].start - pos);
        pos = doc.chunks[i].end;
    }
    sg_buf_put(&out, text + pos, len - pos);
    sg_doc_free(&doc);
    char *r = sg_buf_take(&out, out_len);
    if (!r)
        sg_set_error(err, SG_ERR_MEMORY, "out of memory stripping");
    else if (err) {
        err->status = SG_OK;
        err->message[0] = '\0';
    }
    return r;
}
