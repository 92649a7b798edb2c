/*
 * sg_render_md.c -- Markdown's rules for what render inserts: its lines and
 * the blocks they make, Obsidian's collapsed callouts, the spots where
 * nothing may be inserted (raw HTML left open, autolinks, delimiter runs),
 * and whether markup next to a run of '*', '_' or '~' would change the
 * emphasis it makes.
 */
#include "sg_render.h"

#include "sg_utf8.h"

/* ---- lines ------------------------------------------------------------------ */

/* Does the line starting at `p` hold only white space? */
int sg_blank_line(const sg_rctx *r, size_t p)
{
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t'))
        p++;
    return p >= r->len || sg_md_eol(r->src[p]);
}

/* Markdown: the start of the line after the line break at or after p (LF,
 * CRLF or a lone CR), or (size_t)-1 when no line break follows. */
size_t sg_md_line_after(const sg_rctx *r, size_t p)
{
    while (p < r->len && !sg_md_eol(r->src[p]))
        p++;
    if (p >= r->len)
        return (size_t)-1;
    return r->src[p] == '\r' && p + 1 < r->len && r->src[p + 1] == '\n' ? p + 2 : p + 1;
}

/* Markdown: the start of the line after the blank line that follows a block
 * (past a setext underline), or (size_t)-1 when no blank line follows. */
size_t sg_md_after_block(const sg_rctx *r, const sg_block *b)
{
    size_t p = sg_md_next_line(r, b);
    if (p == (size_t)-1 || p >= r->len || !sg_blank_line(r, p))
        return (size_t)-1;
    size_t q = sg_md_line_after(r, p);
    return q == (size_t)-1 ? r->len : q;
}

/* Markdown: the start of the line after a block (past a setext underline),
 * or (size_t)-1 when the block ends the input without a line break. */
size_t sg_md_next_line(const sg_rctx *r, const sg_block *b)
{
    size_t e = b->end > r->len ? r->len : b->end;
    size_t p = sg_md_line_after(r, e);
    if (p == (size_t)-1)
        return (size_t)-1;
    if (b->kind == SG_BLOCK_HEADING && p < r->len) {
        /* a setext underline belongs to the heading */
        size_t q = p;
        while (q < r->len && q - p < 4 && r->src[q] == ' ')
            q++;
        char u = q < r->len ? r->src[q] : 0;
        if (u == '=' || u == '-') {
            while (q < r->len && (r->src[q] == u || r->src[q] == ' ' || r->src[q] == '\t'))
                q++;
            if (q >= r->len)
                return (size_t)-1;
            if (sg_md_eol(r->src[q]))
                return sg_md_line_after(r, q);
        }
    }
    return p;
}

int sg_in_skipped(const sg_doc *doc, size_t pos, sg_why why)
{
    for (size_t i = 0; i < doc->nskipped; i++)
        if (doc->skipped[i].why == why && doc->skipped[i].start <= pos &&
            pos < doc->skipped[i].end)
            return 1;
    return 0;
}

/* ---- md-obsidian: callouts ------------------------------------------------------ */

/* Obsidian has no inline spoiler: what it hides is a collapsed callout, a
 * quote whose first line is "[!TYPE]-".  So each top-level block holding a
 * flagged sentence (a paragraph or a heading, or the whole list, quote or
 * table it stands in) goes inside one, every line of it after an inserted
 * "> "; flagged blocks with only blank lines between share one.  Everything
 * inserted is whole lines, signed in the callout's metadata ("|sg-RN", which
 * Obsidian keeps out of sight; see sg_strip.c). */

/* The start of the line before the one starting at `ls`, or (size_t)-1 at
 * the first line. */
static size_t sg_md_line_before(const sg_rctx *r, size_t ls)
{
    if (!ls)
        return (size_t)-1;
    size_t p = ls - 1;
    if (p > 0 && r->src[p] == '\n' && r->src[p - 1] == '\r')
        p--;
    while (p > 0 && !sg_md_eol(r->src[p - 1]))
        p--;
    return p;
}

/* Does the line starting at `p` hold only white space and '>'? */
static int sg_md_quote_only(const sg_rctx *r, size_t p)
{
    while (p < r->len && (r->src[p] == ' ' || r->src[p] == '\t' || r->src[p] == '>'))
        p++;
    return p >= r->len || sg_md_eol(r->src[p]);
}

/* Does the line starting at `p` open with '>' after at most 3 spaces? */
static int sg_md_quote_line(const sg_rctx *r, size_t p)
{
    for (size_t k = 0; k < 4 && p + k < r->len; k++)
        if (r->src[p + k] != ' ')
            return r->src[p + k] == '>';
    return 0;
}

/* Would "> " before the line starting at `p` change how its indentation
 * reads?  A tab among its leading markers: tab stops do not move with it. */
static int sg_md_tab_led(const sg_rctx *r, size_t p)
{
    for (; p < r->len && strchr(" \t>-+*.)0123456789", r->src[p]) && r->src[p]; p++)
        if (r->src[p] == '\t')
            return 1;
    return 0;
}

/* Does the callout to insert at `at` (a line start) need an empty line
 * before it?  Yes after a line of text: the line would go on or the quote
 * before it would take the callout in.  Not at the start, after the front
 * matter, after an empty line or where a warning or badge (which end with
 * one) is inserted first. */
static int sg_callout_gap(const sg_rctx *r, size_t at)
{
    size_t pl = sg_md_line_before(r, at);
    if (pl == (size_t)-1 || sg_blank_line(r, pl) || sg_in_skipped(r->doc, pl, SG_WHY_FRONT_MATTER))
        return 0;
    for (size_t i = 0; i < r->nins; i++)
        if (r->ins[i].pos == at &&
            (r->ins[i].rank == SG_RANK_WARNING || r->ins[i].rank == SG_RANK_BADGE))
            return 0;
    return 1;
}

/* A callout's first line, into r->txt: an empty line first when `gap`,
 * then "> [!TYPE|sg-RN]" (g after N with the empty line), "-" when folded,
 * a space and the title. */
static void sg_callout_head(sg_rctx *r, const char *type, char role, size_t n, int gap,
                            int folded)
{
    if (gap)
        sg_buf_puts(&r->txt, r->nl);
    sg_buf_printf(&r->txt, "> [!%s" SG_CALLOUT_SIG "%c%zu%s]%s ", type, role, n,
                  gap ? "g" : "", folded ? "-" : "");
}

/* A warning or badge callout, inserted whole at line start `at`: its first
 * line of `text` the title, the other lines its body, then an empty line. */
void sg_callout_whole(sg_rctx *r, size_t at, int rank, const char *type, char role,
                      const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    size_t title = nl ? (size_t)(nl - text) : len, lines = 0;
    for (size_t i = title; i < len; i++)
        lines += text[i] == '\n' && i + 1 < len;
    size_t off = r->txt.len;
    sg_callout_head(r, type, role, lines, sg_callout_gap(r, at), 0);
    sg_buf_put(&r->txt, text, title > 0 && text[title - 1] == '\r' ? title - 1 : title);
    sg_buf_puts(&r->txt, r->nl);
    for (size_t i = title + 1; i < len;) {
        const char *e = memchr(text + i, '\n', len - i);
        size_t le = e ? (size_t)(e - text) : len;
        sg_buf_puts(&r->txt, le > i && !(le == i + 1 && text[i] == '\r') ? "> " : ">");
        sg_buf_put(&r->txt, text + i, le > i && text[le - 1] == '\r' ? le - 1 - i : le - i);
        sg_buf_puts(&r->txt, r->nl);
        i = le + 1;
    }
    sg_buf_puts(&r->txt, r->nl);
    sg_ins_add(r, at, rank, off);
}

/* The lines a callout over mark i's block takes, [*s, *e) (e at a line
 * start or the input's end); 0 when none can be made: the block's container
 * holds code (a fence's lines read differently inside a quote), a tab leads
 * a line, or something inserted earlier is in the way. */
static int sg_callout_lines(const sg_rctx *r, size_t i, size_t *s, size_t *e)
{
    const sg_doc *doc = r->doc;
    size_t top = doc->blocks[r->marks[i].block].top_start, last = (size_t)-1;
    for (size_t k = 0; k < doc->nblocks; k++) {
        const sg_block *b = &doc->blocks[k];
        if (b->top_start != top)
            continue;
        if (b->kind == SG_BLOCK_CODE || b->raw_html)
            return 0; /* raw HTML in a quote is not read again: it stays out */
        last = k;
    }
    if (last == (size_t)-1 || top > r->len)
        return 0;
    size_t p = sg_md_next_line(r, &doc->blocks[last]);
    if (p == (size_t)-1)
        p = r->len;
    /* a quote that follows at once would go on inside the callout: it goes
     * in too, and so do lines of nothing but '>' closing the block's own */
    while (p < r->len && (sg_md_quote_line(r, p) || sg_md_quote_only(r, p)) &&
           !sg_blank_line(r, p)) {
        size_t q = sg_md_line_after(r, p);
        p = q == (size_t)-1 ? r->len : q;
    }
    for (size_t q = top; q < p;) {
        if (sg_md_tab_led(r, q))
            return 0;
        size_t n = sg_md_line_after(r, q);
        q = n == (size_t)-1 ? p : n;
    }
    for (size_t c = 0; c < doc->nchunks; c++)
        if (doc->chunks[c].start < p && doc->chunks[c].end > top)
            return 0;
    *s = top;
    *e = p;
    return 1;
}

/* md-obsidian: a collapsed callout over each flagged top-level block. */
void sg_callouts(sg_rctx *r)
{
    size_t i = 0;
    while (i < r->nmarks) {
        size_t first = i, s, e;
        const char *kinds[SG_MAX_KINDS] = {0};
        size_t nk = 0;
        if (r->no_details[first] || !sg_callout_lines(r, i, &s, &e)) {
            i++; /* no callout: the sentence stays unmarked (and reported) */
            continue;
        }
        /* the marks inside, and flagged blocks after it across blank lines */
        for (;;) {
            while (i < r->nmarks && r->marks[i].start < e) {
                for (size_t k = 0; k < r->marks[i].nkinds; k++)
                    sg_add_kind(kinds, &nk, r->marks[i].kinds[k]);
                i++;
            }
            size_t q = e, ns, ne;
            while (q < r->len && sg_blank_line(r, q)) {
                size_t n = sg_md_line_after(r, q);
                q = n == (size_t)-1 ? r->len : n;
            }
            if (i >= r->nmarks || r->no_details[i] || !sg_callout_lines(r, i, &ns, &ne) ||
                ns != q)
                break;
            e = ne;
        }
        size_t lines = 0;
        for (size_t q = s; q < e;) {
            lines++;
            size_t n = sg_md_line_after(r, q);
            q = n == (size_t)-1 ? e : n;
        }
        r->group = SG_G_DETAILS(first);
        size_t off = r->txt.len;
        sg_callout_head(r, "warning", 'o', lines, sg_callout_gap(r, s), 1);
        sg_put_label(r, &r->txt, kinds, nk, 0);
        /* an empty line of the quote: the block's first line starts a block
         * of its own (else a paragraph or a setext heading takes the title
         * in, for CommonMark) */
        sg_buf_puts(&r->txt, r->nl);
        sg_buf_puts(&r->txt, ">");
        sg_buf_puts(&r->txt, r->nl);
        sg_ins_add(r, s, SG_RANK_OPEN, off);
        for (size_t q = s; q < e;) {
            off = r->txt.len;
            sg_buf_puts(&r->txt, sg_blank_line(r, q) ? ">" : "> ");
            sg_ins_add(r, q, SG_RANK_OPEN, off);
            size_t n = sg_md_line_after(r, q);
            q = n == (size_t)-1 ? e : n;
        }
    }
}

static int sg_span_start_cmp(const void *x, const void *y)
{
    const sg_span *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Markdown: the spans where nothing may be inserted (sg_rctx.no_insert):
 * raw HTML openers left open to the end of their paragraph, and the
 * reader's autolinks. */
void sg_md_find_no_insert(sg_rctx *r)
{
    const char *s = r->src;
    size_t n = r->len, i = 0;
    while (i + 2 < n) {
        const char *lt = memchr(s + i, '<', n - 2 - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        int decl = s[i + 1] == '!' && ((s[i + 2] | 0x20) >= 'a' && (s[i + 2] | 0x20) <= 'z');
        int comment = s[i + 1] == '!' && i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-';
        if (!decl && !comment) {
            i++;
            continue;
        }
        /* to its closing '>' ("-->"), or to the line break before a blank
         * line (or the end of the input): then it is left open */
        size_t j = i + (comment ? 4 : 2), end = n;
        int closed = 0;
        while (j < n) {
            if (s[j] == '>' && (!comment || (j >= i + 6 && s[j - 1] == '-' && s[j - 2] == '-'))) {
                closed = 1;
                break;
            }
            if (!sg_md_eol(s[j])) {
                j++;
                continue;
            }
            size_t q = sg_md_line_after(r, j);
            if (q == (size_t)-1 || sg_blank_line(r, q)) {
                end = j;
                break;
            }
            j = q;
        }
        if (!closed) {
            sg_span sp = {i, end};
            if (!SG_VEC_PUSH(r->no_insert, r->nno_insert, r->cap_no_insert, sp))
                r->oom = 1;
            j = end;
        }
        i = j + 1;
    }
    for (size_t k = 0; k < r->doc->natomic; k++) {
        const sg_span *al = &r->doc->atomic[k];
        sg_span sp = {al->start, al->end - 1}; /* inside: before its '>' */
        if (al->end > al->start + 1 &&
            !SG_VEC_PUSH(r->no_insert, r->nno_insert, r->cap_no_insert, sp))
            r->oom = 1;
    }
    if (r->doc->natomic && r->nno_insert > 1)
        qsort(r->no_insert, r->nno_insert, sizeof *r->no_insert, sg_span_start_cmp);
}

/* Markdown: may nothing be inserted at `pos`?  Inside a span of
 * sg_rctx.no_insert, or inside a run of one delimiter ("__", "**", "~~",
 * "``"), which an insertion would cut in two and so change the emphasis. */
int sg_md_no_insert_at(const sg_rctx *r, size_t pos)
{
    if (pos > 0 && pos < r->len && r->src[pos] && r->src[pos - 1] == r->src[pos] &&
        strchr("*_~`", r->src[pos]))
        return 1;
    size_t k = sg_spans_before(r->no_insert, r->nno_insert, pos);
    return k && pos <= r->no_insert[k - 1].end;
}

/* ---- Markdown emphasis next to an insertion -------------------------------- */

static const char sg_md_delims[] = "*_~";

/* Classes of a character next to a delimiter run, as bits: CommonMark's
 * flanking rules see whitespace, punctuation or anything else. */
enum { SG_FL_SPACE = 1, SG_FL_PUNCT = 2, SG_FL_OTHER = 4 };

/* The class of byte `c` (-1: the start or end of the input).  A non-ASCII
 * byte may be any class (Unicode spaces and punctuation), so it is all. */
static unsigned sg_md_flank_class(int c)
{
    if (c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f')
        return SG_FL_SPACE;
    if (c >= 0x80)
        return SG_FL_SPACE | SG_FL_PUNCT | SG_FL_OTHER;
    if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
        (c >= '{' && c <= '~'))
        return SG_FL_PUNCT;
    return SG_FL_OTHER;
}

/* The class of the character that ends just before `pos` (`before`) or
 * starts at it, decoded from UTF-8: Unicode spaces are white space, and
 * letters of the common scripts (Latin, Greek, Cyrillic, Hebrew, Arabic, the
 * CJK ideographs, kana, Hangul) neither space nor punctuation.  Any other
 * character beyond ASCII may be any class. */
static unsigned sg_md_class_near(const sg_rctx *r, size_t pos, int before)
{
    const unsigned char *u = (const unsigned char *)r->src;
    if (before ? pos == 0 : pos >= r->len)
        return sg_md_flank_class(-1);
    size_t at = before ? pos - 1 : pos;
    if (u[at] < 0x80)
        return sg_md_flank_class(u[at]);
    if (before)
        while (at > 0 && pos - at < 4 && (u[at] & 0xC0) == 0x80)
            at--;
    uint32_t c;
    size_t l = sg_utf8_decode(u + at, r->len - at, &c);
    if (!l || (before && at + l != pos))
        return sg_md_flank_class(0x80);
    if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
        c == 0x205F || c == 0x3000)
        return SG_FL_SPACE;
    static const uint32_t letters[][2] = {
        {0xC0, 0xD6},     {0xD8, 0xF6},     {0xF8, 0x24F},    {0x391, 0x3A9},
        {0x3B1, 0x3C9},   {0x400, 0x481},   {0x48A, 0x52F},   {0x5D0, 0x5EA},
        {0x621, 0x64A},   {0x3041, 0x3096}, {0x30A1, 0x30FA}, {0x4E00, 0x9FFF},
        {0xAC00, 0xD7A3}};
    for (size_t k = 0; k < sizeof letters / sizeof *letters; k++)
        if (c >= letters[k][0] && c <= letters[k][1])
            return SG_FL_OTHER;
    return sg_md_flank_class(0x80);
}

/* May a run of `d` between a character of class `b` and one of class `a`
 * (one bit each) open (1) and close (2) emphasis? */
static unsigned sg_md_flanks(char d, unsigned b, unsigned a)
{
    int left = a != SG_FL_SPACE && (a != SG_FL_PUNCT || b != SG_FL_OTHER);
    int right = b != SG_FL_SPACE && (b != SG_FL_PUNCT || a != SG_FL_OTHER);
    if (d == '_')
        return (unsigned)(left && (!right || b == SG_FL_PUNCT)) |
               (unsigned)(right && (!left || a == SG_FL_PUNCT)) << 1;
    return (unsigned)left | (unsigned)right << 1;
}

/* What sg_md_flanks may give for a character of any class in `b` before
 * and any in `a` after (sets of bits): bit v set for each value v. */
static unsigned sg_md_flanks_may(char d, unsigned b, unsigned a)
{
    unsigned v = 0;
    for (unsigned x = 1; x <= SG_FL_OTHER; x <<= 1)
        for (unsigned y = 1; y <= SG_FL_OTHER; y <<= 1)
            if ((b & x) && (a & y))
                v |= 1u << sg_md_flanks(d, x, y);
    return v;
}

/* Which of opening (1) and closing (2) may differ between two such sets? */
static unsigned sg_md_flanks_diff(unsigned v, unsigned w)
{
    unsigned diff = 0;
    for (unsigned x = 0; x < 4; x++)
        for (unsigned y = 0; y < 4; y++)
            if ((v >> x & 1) && (w >> y & 1))
                diff |= x ^ y;
    return diff;
}

/* `pos` moved out of the run of '*', '_' or '~' it would cut in two:
 * forward past its end (`forward`) or back to its start; `pos` itself when
 * it cuts none. */
size_t sg_md_out_of_run(const sg_rctx *r, size_t pos, int forward)
{
    const char *s = r->src;
    char d = pos > 0 && pos < r->len ? s[pos] : 0;
    if (!d || s[pos - 1] != d || !strchr(sg_md_delims, d))
        return pos;
    if (forward)
        while (pos < r->len && s[pos] == d)
            pos++;
    else
        while (pos > 0 && s[pos - 1] == d)
            pos--;
    return pos;
}

/* Every run of '*', '_' and '~', once. */
static void sg_md_find_runs(sg_rctx *r)
{
    const char *s = r->src;
    r->runs_found = 1;
    for (size_t i = 0; i < r->len;) {
        const char *d = s[i] ? strchr(sg_md_delims, s[i]) : NULL;
        if (!d) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < r->len && s[j] == s[i])
            j++;
        size_t k = (size_t)(d - sg_md_delims);
        sg_span sp = {i, j};
        if (!SG_VEC_PUSH(r->runs[k], r->nruns[k], r->cap_runs[k], sp))
            r->oom = 1;
        i = j;
    }
}

/* The bounds of the block that holds `pos`: from its start to the next
 * block's (the markup between blocks counts with the one before). */
static void sg_md_block_bounds(const sg_rctx *r, size_t pos, size_t *lo, size_t *hi)
{
    const sg_block *b = r->doc->blocks;
    size_t l;
    SG_COUNT_BELOW(b, r->doc->nblocks, start, pos + 1, l);
    *lo = l ? b[l - 1].start : 0;
    *hi = l < r->doc->nblocks ? b[l].start : r->len;
}

/* Is anything inserted at `pos`?  (sg_rctx.ins is sorted by position.) */
static int sg_md_ins_at(const sg_rctx *r, size_t pos)
{
    size_t l;
    SG_COUNT_BELOW(r->ins, r->nins, pos, pos, l);
    return l < r->nins && r->ins[l].pos == pos;
}

/* The classes of the characters around `run`, as read and (`inserted`)
 * with whatever an insertion next to it may put there. */
static void sg_md_run_sides(const sg_rctx *r, const sg_span *run, int inserted,
                            unsigned *b, unsigned *a)
{
    *b = sg_md_class_near(r, run->start, 1);
    *a = sg_md_class_near(r, run->end, 0);
    if (inserted && sg_md_ins_at(r, run->start))
        *b |= SG_FL_SPACE | SG_FL_PUNCT;
    if (inserted && sg_md_ins_at(r, run->end))
        *a |= SG_FL_SPACE | SG_FL_PUNCT;
}

/* May `run` (of `d`) open (want 1) or close (want 2), as read or with
 * anything inserted next to it? */
static int sg_md_run_may(const sg_rctx *r, const sg_span *run, char d, unsigned want)
{
    unsigned b, a;
    sg_md_run_sides(r, run, 1, &b, &a);
    unsigned may = sg_md_flanks_may(d, b, a);
    for (unsigned v = 0; v < 4; v++)
        if ((may >> v & 1) && (v & want))
            return 1;
    return 0;
}

/* How many runs of one block sg_md_flank_changed looks at before it takes
 * a partner as found. */
#define SG_MD_MAX_PARTNERS 64

/* Would an insertion of `t` (n bytes) at `pos` change whether the run of '*',
 * '_' or '~' right before or after it opens or closes emphasis, in a block
 * with another run of the same character that it could then pair with
 * otherwise?  ("*a,*B c*": markup between the second '*' and "B" lets that
 * '*' close, and the first two pair on the next reading.) */
int sg_md_flank_changed(sg_rctx *r, size_t pos, const char *t, size_t n)
{
    const char *s = r->src;
    for (int side = 0; side < 2; side++) {
        /* side 0: the run that ends at pos; side 1: the run that starts there */
        if ((!side && pos == 0) || (side && pos >= r->len))
            continue;
        size_t at = side ? pos : pos - 1;
        const char *d = s[at] ? strchr(sg_md_delims, s[at]) : NULL;
        if (!d)
            continue;
        size_t k = (size_t)(d - sg_md_delims);
        if (!r->runs_found)
            sg_md_find_runs(r);
        const sg_span *runs = r->runs[k];
        size_t i = sg_spans_before(runs, r->nruns[k], at + 1);
        if (i == 0 || runs[i - 1].end <= at)
            continue;
        const sg_span *run = &runs[i - 1];
        if (side ? run->start != pos : run->end != pos)
            continue; /* inside a run: refused elsewhere */
        unsigned b, a;
        sg_md_run_sides(r, run, 0, &b, &a);
        unsigned b2 = side ? sg_md_flank_class((unsigned char)t[n - 1]) : b;
        unsigned a2 = side ? a : sg_md_flank_class((unsigned char)t[0]);
        unsigned changed =
            sg_md_flanks_diff(sg_md_flanks_may(*d, b, a), sg_md_flanks_may(*d, b2, a2));
        if (!changed)
            continue;
        /* a change to opening matters with a run after it that may close,
         * one to closing with a run before it that may open */
        size_t lo, hi, seen = 0;
        sg_md_block_bounds(r, run->start, &lo, &hi);
        if (changed & 1)
            for (size_t j = i; j < r->nruns[k] && runs[j].start < hi; j++)
                if (++seen > SG_MD_MAX_PARTNERS || sg_md_run_may(r, &runs[j], *d, 2))
                    return 1;
        if (changed & 2)
            for (size_t j = i - 1; j-- > 0 && runs[j].start >= lo;)
                if (++seen > SG_MD_MAX_PARTNERS || sg_md_run_may(r, &runs[j], *d, 1))
                    return 1;
    }
    return 0;
}

/* Markdown: must insertion `in` not be made as it is? */
int sg_md_refused(sg_rctx *r, const sg_ins *in)
{
    return r->fmt == SG_FORMAT_MARKDOWN &&
           (sg_md_no_insert_at(r, in->pos) ||
            sg_md_flank_changed(r, in->pos, r->txt.data + in->off, in->len));
}

/* Copy input [from, to) to `out`, less what is dropped (an earlier run's
 * warning that a new one replaces). */
