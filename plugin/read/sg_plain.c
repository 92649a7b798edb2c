/*
 * sg_plain.c -- the plain-text reader.
 *
 * Lines are grouped by blank lines.  A group is one hard-wrapped paragraph
 * only when it looks wrapped (lines of similar width between 40 and 100
 * columns, mostly not ending a sentence, not Title Case); otherwise
 * each line is a block of its own, as in reviews pasted one paragraph per
 * line and in page text copied with its menus.  Bullet lines are list
 * items; short Title Case lines followed by prose are headings.  A block's
 * text is mapped byte for byte to the input; bullets and indentation stay
 * out of it, and what an earlier spoilerguard run inserted is left out.
 *
 * Its blocks are then classified as article or page chrome (sg_boiler.c),
 * with the scan of each one-line block's text reused.
 */
#include "sg_boiler.h"
#include "sg_text.h"

/* ---- thresholds ------------------------------------------------------------ */

/* Hard wrapping: editors and mail programs wrap between these widths. */
#define SG_WRAP_MIN_COLS 40
#define SG_WRAP_MAX_COLS 100
/* Wrapped lines are of similar width: the narrowest is at least this share
 * (percent) of the widest. */
#define SG_WRAP_SIMILAR_PCT 60
/* A wrapped line may pass the widest joined line by this much (its words
 * did not fit on the line above). */
#define SG_WRAP_OVERSHOOT 10
/* Two lines are one wrapped paragraph only when the first is this wide: a
 * shorter first line is more likely a caption or title above a line. */
#define SG_WRAP_PAIR_MIN_COLS 60

/* Headings are short lines (and at most SG_HEADING_MAX_WORDS words). */
#define SG_HEADING_MAX_COLS 100
/* A heading is followed by a paragraph: a unit of this many words or one
 * that ends a sentence. */
#define SG_PARA_MIN_WORDS 8

/* ---- the plain-text reader ------------------------------------------------------- */

/* One input line that holds text. */
typedef struct sg_pline {
    size_t start;       /* its first byte not inside an earlier insertion */
    size_t cstart;      /* its text: after indentation and bullet */
    size_t cend;        /* end of its text: trailing blanks and CR dropped */
    size_t cols;        /* code points from its first byte to cend */
    int indent;         /* columns of indentation (a tab is 4) */
    int bullet;         /* starts with a list bullet */
    int title;          /* Title Case or ALL CAPS */
    int inner_stop;     /* a sentence ends inside it */
    int end_punct;      /* ends a sentence */
    unsigned char last; /* its last byte, closing quotes passed over */
    size_t words;
    sg_tfeat f; /* what the scan read off its text */
} sg_pline;

/* A block to be: lines [first, last] of the line array. */
typedef struct sg_punit {
    size_t first, last;
} sg_punit;

/* Length of a list bullet at s[i] ("•", "-", "*", "+", "1.", "1)", "a)"),
 * with the blanks after it; 0 when none.  A bullet needs text after it. */
static size_t sg_bullet_len(const unsigned char *s, size_t end, size_t i)
{
    size_t m = 0;
    if (i < end && (s[i] == '-' || s[i] == '*' || s[i] == '+'))
        m = 1;
    else if (i + 2 < end && s[i] == 0xE2 &&
             ((s[i + 1] == 0x80 && (s[i + 2] == 0xA2 || s[i + 2] == 0xA3)) || /* • ‣ */
              (s[i + 1] == 0x97 && (s[i + 2] == 0xA6 || s[i + 2] == 0x8F || /* ◦ ● */
                                    s[i + 2] == 0x8B)) ||                   /* ○ */
              (s[i + 1] == 0x96 && (s[i + 2] == 0xAA || s[i + 2] == 0xA0 || /* ▪ ■ */
                                    s[i + 2] == 0xB8 || s[i + 2] == 0xBA)) || /* ▸ ► */
              (s[i + 1] == 0x9E && s[i + 2] == 0xA2)))                        /* ➢ */
        m = 3;
    else if (i + 1 < end && s[i] == 0xC2 && s[i + 1] == 0xB7) /* · */
        m = 2;
    else if (i < end && sg_is_digit(s[i])) {
        size_t d = i;
        while (d < end && d - i < 3 && sg_is_digit(s[d]))
            d++;
        if (d < end && (s[d] == '.' || s[d] == ')'))
            m = d + 1 - i;
    } else if (i + 1 < end && sg_is_lower(s[i]) && s[i + 1] == ')')
        m = 2;
    if (!m)
        return 0;
    size_t j = i + m;
    if (j >= end || (s[j] != ' ' && s[j] != '\t'))
        return 0;
    while (j < end && (s[j] == ' ' || s[j] == '\t'))
        j++;
    return j < end ? j - i : 0;
}

/* A line of one repeated mark ("-----", "* * *", "====") separates like a
 * blank line. */
static int sg_rule_line(const unsigned char *s, size_t a, size_t b)
{
    unsigned char mark = 0;
    size_t count = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = s[i];
        if (c == ' ' || c == '\t')
            continue;
        if (!strchr("-=*_~#+.", c) || c == 0 || (mark && c != mark))
            return 0;
        mark = c;
        count++;
    }
    return count >= 3;
}

/* Length of the run of printable ASCII and spaces (0x20 to 0x7F) that
 * starts s[0, n).  Eight bytes are tried at a time: none is below 0x20 or
 * from 0x80 on when neither they nor they less 0x20 each have a top bit set
 * (a byte below 0x20 is the first to borrow, and its top bit then is). */
static size_t sg_ascii_run(const unsigned char *s, size_t n)
{
    size_t q = 0;
    for (; n - q >= 8; q += 8) {
        uint64_t x;
        memcpy(&x, s + q, sizeof x);
        if ((x | (x - 0x2020202020202020ull)) & 0x8080808080808080ull)
            break;
    }
    while (q < n && (unsigned char)(s[q] - ' ') < 0x60)
        q++;
    return q;
}

/* First chunk (earlier insertion) whose end is after `pos`. */
static size_t sg_plain_chunk_after(const sg_doc *doc, size_t pos)
{
    size_t lo = 0, hi = doc->nchunks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->chunks[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Would lines [a, b] be joined as one hard-wrapped paragraph?  Lines that
 * a bullet line follows end their item and are not judged. */
static int sg_wrapped(const sg_pline *L, size_t a, size_t b)
{
    if (b <= a)
        return 0;
    size_t joined = 0, punct = 0, titles = 0, maxc = 0, minc = (size_t)-1;
    for (size_t i = a; i < b; i++) {
        if (L[i + 1].bullet)
            continue;
        size_t c = L[i].cols;
        if (c < SG_WRAP_MIN_COLS || c > SG_WRAP_MAX_COLS)
            return 0;
        joined++;
        if (c > maxc)
            maxc = c;
        if (c < minc)
            minc = c;
        punct += L[i].end_punct;
        titles += L[i].title;
    }
    if (!joined || minc * 100 < maxc * SG_WRAP_SIMILAR_PCT)
        return 0;
    if (joined == 1 && maxc < SG_WRAP_PAIR_MIN_COLS)
        return 0;
    if (punct * 2 > joined || titles * 3 > joined)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!L[i + 1].bullet && L[i + 1].cols > maxc + SG_WRAP_OVERSHOOT)
            return 0;
    return 1;
}

typedef struct sg_plain_state {
    sg_pline *lines;
    size_t nlines, cap_lines;
    sg_punit *units;
    size_t nunits, cap_units;
} sg_plain_state;

/* Cut the group of lines [a, b] into units. */
static int sg_group_units(sg_plain_state *st, size_t a, size_t b)
{
    const sg_pline *L = st->lines;
    size_t from = a;
    int wrapped = sg_wrapped(L, a, b);
    /* a heading line on top of a wrapped paragraph */
    if (!wrapped && b >= a + 2 && !L[a].bullet &&
        (L[a].title || L[a].cols < SG_WRAP_MIN_COLS) && sg_wrapped(L, a + 1, b)) {
        sg_punit u = {a, a};
        if (!SG_VEC_PUSH(st->units, st->nunits, st->cap_units, u))
            return 0;
        from = a + 1;
        wrapped = 1;
    }
    for (size_t i = from; i <= b;) {
        sg_punit u = {i, i};
        i++;
        if (wrapped)
            while (i <= b && !L[i].bullet)
                u.last = i++;
        if (!SG_VEC_PUSH(st->units, st->nunits, st->cap_units, u))
            return 0;
    }
    return 1;
}

/* Split the input into lines and the lines into units. */
static int sg_plain_lines(sg_doc *doc, sg_plain_state *st, size_t pos)
{
    const unsigned char *s = (const unsigned char *)doc->src;
    size_t len = doc->len;
    size_t group = (size_t)-1; /* first line of the open group */
    while (pos < len) {
        /* the line's end: the next newline not inside an earlier insertion */
        size_t eol, from = pos;
        for (;;) {
            const unsigned char *nl = memchr(s + from, '\n', len - from);
            eol = nl ? (size_t)(nl - s) : len;
            if (eol >= len)
                break;
            size_t kk = sg_plain_chunk_after(doc, eol);
            if (kk < doc->nchunks && doc->chunks[kk].start <= eol) {
                from = doc->chunks[kk].end; /* that newline was inserted */
                if (from >= len) {
                    eol = len;
                    break;
                }
                continue;
            }
            break;
        }
        /* one pass over the line: indentation, text span, width */
        sg_pline ln;
        memset(&ln, 0, sizeof ln);
        size_t kc = sg_plain_chunk_after(doc, pos);
        size_t p = pos, first = (size_t)-1, last = pos, cols = 0, cols_at_last = 0;
        ln.start = (size_t)-1;
        int any = 0, in_indent = 1, inserted = 0;
        while (p < eol) {
            while (kc < doc->nchunks && doc->chunks[kc].end <= p)
                kc++;
            if (kc < doc->nchunks && doc->chunks[kc].start <= p) {
                p = doc->chunks[kc].end < eol ? doc->chunks[kc].end : eol;
                inserted = 1;
                continue;
            }
            if (ln.start == (size_t)-1)
                ln.start = p;
            if (s[p] > ' ' && s[p] < 0x80) {
                /* a run of printable ASCII and spaces up to the next
                 * insertion: one column a byte, and the text goes on to
                 * its last byte that is not a space */
                size_t lim = kc < doc->nchunks && doc->chunks[kc].start < eol
                                 ? doc->chunks[kc].start
                                 : eol;
                if (first == (size_t)-1)
                    first = p;
                in_indent = 0;
                any = 1;
                size_t q = p + sg_ascii_run(s + p, lim - p);
                last = q;
                while (s[last - 1] == ' ') /* s[p] is not one */
                    last--;
                cols_at_last = cols + (last - p);
                cols += q - p;
                p = q;
                continue;
            }
            size_t bl = sg_blank_len(s, eol, p);
            if (bl) {
                if (in_indent)
                    ln.indent += s[p] == '\t' ? 4 : 1;
                cols++;
                p += bl;
                continue;
            }
            in_indent = 0;
            if (first == (size_t)-1)
                first = p;
            any = 1;
            if ((s[p] & 0xC0) != 0x80)
                cols++;
            p++;
            /* finish a multi-byte character so `last` ends on its end */
            while (p < eol && (s[p] & 0xC0) == 0x80 &&
                   !(kc < doc->nchunks && doc->chunks[kc].start <= p))
                p++;
            last = p;
            cols_at_last = cols;
        }
        int blank = !any || sg_rule_line(s, first == (size_t)-1 ? pos : first, last);
        if (!any && inserted) {
            /* a line an earlier run inserted (a warning): as if not there */
        } else if (blank) {
            if (group != (size_t)-1) {
                if (!sg_group_units(st, group, st->nlines - 1))
                    return 0;
                group = (size_t)-1;
            }
        } else {
            size_t bl = sg_bullet_len(s, last, first);
            ln.bullet = bl > 0;
            ln.cstart = first + bl;
            ln.cend = last;
            ln.cols = cols_at_last;
            sg_tfeat_scan(doc->src + ln.cstart, ln.cend - ln.cstart, &ln.f);
            ln.title = !ln.bullet && sg_title_like(&ln.f);
            ln.end_punct = ln.f.end_punct;
            ln.inner_stop = ln.f.inner_stop;
            ln.last = ln.f.last;
            ln.words = ln.f.words;
            if (!SG_VEC_PUSH(st->lines, st->nlines, st->cap_lines, ln))
                return 0;
            if (group == (size_t)-1)
                group = st->nlines - 1;
        }
        pos = eol < len ? eol + 1 : len;
    }
    if (group != (size_t)-1 && !sg_group_units(st, group, st->nlines - 1))
        return 0;
    return 1;
}

/* Is unit `u` a heading: one short Title Case line followed by prose? */
static int sg_unit_heading(const sg_plain_state *st, size_t u)
{
    const sg_punit *U = st->units;
    const sg_pline *l = &st->lines[U[u].first];
    if (U[u].first != U[u].last || l->bullet || !l->title || l->inner_stop)
        return 0;
    if (l->cols > SG_HEADING_MAX_COLS || l->words > SG_HEADING_MAX_WORDS)
        return 0;
    if (l->last == '.' || l->last == ',' || l->last == ';' || l->last == ':')
        return 0;
    if (u + 1 >= st->nunits)
        return 0;
    const sg_pline *nf = &st->lines[U[u + 1].first];
    const sg_pline *nl = &st->lines[U[u + 1].last];
    if (nf->bullet)
        return 0;
    return U[u + 1].first != U[u + 1].last || nl->end_punct ||
           nl->words >= SG_PARA_MIN_WORDS;
}

sg_status sg_read_plain(sg_doc *doc, sg_error *err)
{
    sg_plain_state st;
    const sg_tfeat **pre = NULL;
    size_t npre = 0;
    memset(&st, 0, sizeof st);
    size_t first_block = doc->nblocks;
    size_t pos = sg_front_matter(doc, doc->src, doc->len);
    if (pos && !sg_doc_skip(doc, 0, pos, SG_WHY_FRONT_MATTER))
        goto oom;
    if (!sg_plain_lines(doc, &st, pos))
        goto oom;
    /* a one-line block's text is its line's: the classifier can reuse the
     * line's scan (NULL: it scans again, as it would anyway) */
    npre = st.nunits + 1;
    pre = calloc(npre ? npre : 1, sizeof *pre);
    int headings = 0, prose_seen = 0;
    for (size_t u = 0; u < st.nunits; u++) {
        const sg_pline *a = &st.lines[st.units[u].first];
        const sg_pline *z = &st.lines[st.units[u].last];
        sg_block_kind kind = SG_BLOCK_PARAGRAPH;
        int level = 0;
        if (a->bullet) {
            kind = SG_BLOCK_LIST_ITEM;
            level = 1 + (a->indent > 10 ? 10 : a->indent) / 2;
        } else if (sg_unit_heading(&st, u)) {
            kind = SG_BLOCK_HEADING;
            level = headings++ == 0 && !prose_seen ? 1 : 2;
        } else
            prose_seen = 1;
        if (!sg_doc_begin_block(doc, kind, level, SG_WHY_ARTICLE, a->start, a->start) ||
            !sg_doc_add_text(doc, doc->src + a->cstart, z->cend - a->cstart, a->cstart,
                             z->cend - a->cstart, 1))
            goto oom;
        sg_block *b = &doc->blocks[doc->nblocks - 1];
        if (!b->view_len) { /* all of it was inserted earlier: no block */
            doc->npieces = b->piece_first;
            doc->view.len = b->view_start;
            doc->nblocks--;
            continue;
        }
        if (!sg_doc_end_block(doc, z->cend))
            goto oom;
        /* the line's scan is the block's when the block's text is the line's */
        size_t bk = doc->nblocks - 1 - first_block;
        b = &doc->blocks[doc->nblocks - 1];
        if (pre && a == z && bk < npre && !doc->view.failed &&
            b->view_len == a->cend - a->cstart &&
            !memcmp(doc->view.data + b->view_start, doc->src + a->cstart, b->view_len))
            pre[bk] = &a->f;
    }
    if (doc->view.failed) {
        free(pre);
        free(st.lines);
        free(st.units);
        sg_set_error(err, SG_ERR_MEMORY, "out of memory reading plain text");
        return SG_ERR_MEMORY;
    }
    sg_classify_lines(doc, first_block, pre, pre ? npre : 0);
    free(pre);
    free(st.lines);
    free(st.units);
    return SG_OK;
oom:
    free(pre);
    free(st.lines);
    free(st.units);
    sg_set_error(err, SG_ERR_MEMORY, "out of memory reading plain text");
    return SG_ERR_MEMORY;
}
