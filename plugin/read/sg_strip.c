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
 * Markdown (md-pandoc, md-html, md-hugo, plain and html styles asked of
 * Markdown input)
 *   Each inserted piece is wrapped in HTML comments:
 *     <!--sg:R-->PIECE<!--/sg-->
 *   R is o (opens a mark), n (opens a mark that carries on the one before),
 *   c (closes a mark), w (warning), b (badge), a (the CSS and script that
 *   show a spoiler, as two raw HTML blocks).  PIECE never holds "<!--sg:"
 *   nor "<!--/sg-->".  Where a piece starts a line's content (only spaces,
 *   tabs, ">" and list markers before it on its line) a comment there would
 *   open a CommonMark HTML block and swallow the line, so such a piece is
 *   written with its length after it instead (a piece that would start with
 *   '>' there, a block quote, is written with a backslash before it):
 *     PIECE<!--sg:RN-->        (N: PIECE's length in bytes, decimal)
 *   A block chunk (the warning, html-details' <details> lines) stands on its
 *   own lines: it starts a line after indentation IND (spaces and tabs, at
 *   most 64) and its line break and IND after <!--/sg--> are part of it:
 *     IND<!--sg:w-->\n IND> **Spoiler warning:** ...\n IND<!--/sg-->\n IND
 *   ("\r\n" in place of "\n" when the input uses CRLF).  Any chunk in
 *   comment form that starts a line after nothing but IND is a block chunk.
 *   e.g. <!--sg:o-->[<!--/sg-->The boss dies.<!--sg:c-->]{.spoiler}<!--/sg-->
 *        [<!--sg:o1-->The boss dies.<!--sg:c-->]{.spoiler}<!--/sg-->
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
 * Visible forms: plain text (every style asked of plain input) and Markdown
 * asked for Discord (md-discord) or Reddit (md-reddit), whose platforms show
 * comments and HTML as text, or for plain marks (plain).  What is inserted is visible text in an exact
 * form, never an invisible character; the marks carry a label, the kinds
 * they hide, which the marks authors type (||..||, >!..!<, [spoiler]..
 * [/spoiler], [SPOILER]..[/SPOILER]) do not:
 *     [spoiler: death] The boss dies. [/spoiler]        style plain
 *     \[spoiler: death\] The boss dies. \[/spoiler\]    ... in Markdown
 *     ||death: The boss dies.||                         md-discord
 *     \|\|death: The boss dies.\|\|                     ... in a Markdown table cell
 *     >!death: The boss dies.!<                         md-reddit
 *     [death: The boss dies.]{.spoiler}                 md-pandoc of plain input
 *   A label is kinds joined by ", ", each of lower-case letters, digits, '-'
 *   and non-ASCII bytes (sg_vis_put_label), at most 96 bytes.  An open piece
 *   pairs with the first close of its form after it, in its paragraph (no
 *   blank line between) and before the next open piece ("|||": the close is
 *   the last two).
 *   The warning is a line of its own, "⚠ " at its start after indentation
 *   IND, then the phrase (the default, or a warning hook's text, one line),
 *   then the count of the passages marked, a blank line after it, and IND
 *   again (part of the chunk, as in Markdown's block chunks):
 *     IND⚠ Spoiler warning (deaths, twists): 3 passages are marked below.\n\n IND
 *   (" 1 passage is marked below." for one).  It holds no mark's syntax.
 *   The badge is "[Rating · VALUE]" (VALUE: the stars and score, or a badge
 *   hook's text; one line, no bracket, at most 256 bytes).  In plain text it
 *   stands on a line of its own after the title or rating line, its line
 *   break before it part of it ("\n[Rating · ★★★★☆ 7/10]" before a line
 *   break or the end), or before the first article text with a space after
 *   it ("[Rating · 7/10] " before a character that is no line break).  In
 *   Markdown it is "\[Rating · VALUE\]", with a space before it ("Title
 *   \[Rating · ...\]"), or after it at the start of a line's content.
 *   Proof: a whole mark in its exact form is spoilerguard's when the text
 *   holds no warning of its form (warnings off, or deleted), or when the
 *   warnings there count at least as many passages as there are whole
 *   marks.  More marks than counted means some were typed in the same form,
 *   and none can be told apart: they are left, as the author's.  A second
 *   run that marks more replaces the warning with one that counts them all.
 *   What is left is noted (sg_find_chunks_noting): an open piece whose
 *   close is gone (its paragraph then counts as marked, so a second run
 *   does not mark it again), marks the warning does not account for, a
 *   warning line or a badge edited out of its exact form.
 *
 * sg_find_chunks lists a document's chunks (sorted, disjoint) and records
 * each open..close pair as a marked range; sg_strip removes every chunk.
 * With SG_FORMAT_AUTO, sg_strip goes by the signature the text carries
 * (Markdown comments, then the HTML attribute, then Obsidian's signed
 * callouts, then Markdown's badge, then plain text's marks and badge), since
 * Markdown output with raw HTML spans may look like HTML to
 * sg_detect_format.  Markdown's finder looks for the comments, the callouts
 * and the visible forms, since runs in different styles may mark one text.
 */
#include "sg_strip.h"

#include "sg_utf8.h"

#include <ctype.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <strings.h>

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

int sg_md_line_head(const char *s, size_t pos)
{
    size_t n = 0;
    for (size_t i = pos; i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r'; i--) {
        char c = s[i - 1];
        if (!c || !strchr(" \t>-+*#.)0123456789", c))
            return 0;
        if (++n > SG_MD_MAX_INDENT)
            return 1;
    }
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

/* ---- visible forms: plain text, Discord, Reddit ---------------------------------- */

const sg_vis_form sg_vis_forms[SG_VIS__COUNT] = {
    [SG_VIS_PLAIN] = {"[spoiler: ", "] ", " [/spoiler]"},
    [SG_VIS_DISCORD] = {"||", ": ", "||"},
    [SG_VIS_DISCORD_CELL] = {"\\|\\|", ": ", "\\|\\|"},
    [SG_VIS_REDDIT] = {">!", ": ", "!<"},
    [SG_VIS_PANDOC] = {"[", ": ", "]{.spoiler}"},
    [SG_VIS_MD_PLAIN] = {"\\[spoiler: ", "\\] ", " \\[/spoiler\\]"},
};

/* Code points that show nothing (controls, format characters, fillers and
 * variation selectors): never written into a label. */
static int sg_vis_hidden_cp(uint32_t c)
{
    return c <= 0xA0 || c == 0xAD || c == 0x34F || c == 0x61C || c == 0x115F ||
           c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x180E ||
           (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
           (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0x3164 ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || c == 0xFFA0 ||
           (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* w[0..n) as a label word, at most `room` bytes; returns how many it wrote. */
static size_t sg_vis_word(sg_buf *b, const char *w, size_t n, size_t room)
{
    size_t out = 0;
    for (size_t i = 0; i < n && out < room;) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) {
            int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            sg_buf_putc(b, c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : keep ? c : '-');
            out++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = sg_utf8_decode((const unsigned char *)w + i, n - i, &cp);
        if (!l || sg_vis_hidden_cp(cp)) {
            sg_buf_putc(b, '-');
            out++;
            i += l ? l : 1;
            continue;
        }
        if (out + l > room)
            break;
        sg_buf_put(b, w + i, l);
        out += l;
        i += l;
    }
    return out;
}

void sg_vis_put_word(sg_buf *b, const char *w, size_t n)
{
    if (!sg_vis_word(b, w, n, SG_VIS_LABEL_MAX))
        sg_buf_puts(b, "spoiler");
}

void sg_vis_put_label(sg_buf *b, const char *const *kinds, size_t n)
{
    size_t used = 0;
    for (size_t i = 0; i == 0 || i < n; i++) {
        const char *k = i < n && kinds[i] ? kinds[i] : "";
        if (i) {
            if (used + 2 + 7 > SG_VIS_LABEL_MAX)
                break;
            sg_buf_puts(b, ", ");
            used += 2;
        }
        size_t w = sg_vis_word(b, k, strlen(k), SG_VIS_LABEL_MAX - used);
        if (!w) {
            sg_buf_puts(b, "spoiler");
            w = 7;
        }
        used += w;
    }
}

/* The label at s[i..) that `sep` ends: its length, or 0 when the bytes there
 * are no label followed by sep. */
static size_t sg_vis_label(const char *s, size_t len, size_t i, const char *sep)
{
    size_t sl = strlen(sep);
    int word = 0;
    for (size_t j = i; j < len && j - i <= SG_VIS_LABEL_MAX;) {
        unsigned char c = (unsigned char)s[j];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80) {
            word = 1;
            j++;
            continue;
        }
        if (!word)
            return 0;
        if (len - j >= sl && !memcmp(s + j, sep, sl))
            return j - i;
        if (c != ',' || j + 1 >= len || s[j + 1] != ' ')
            return 0;
        word = 0;
        j += 2;
    }
    return 0;
}

typedef struct sg_vis_open {
    size_t start, end; /* the open piece */
    size_t label, label_len;
    sg_vis_form_id form;
} sg_vis_open;

/* Forms whose open piece alone is distinct enough to tell a mark whose close
 * was edited away; "[word: " (pandoc's) is ordinary prose without its close. */
static int sg_vis_distinct(sg_vis_form_id f)
{
    return f != SG_VIS_PANDOC;
}

/* The open piece of some form at s[i], if one is there. */
static int sg_vis_open_at(const char *s, size_t len, size_t i, sg_vis_open *o)
{
    static const sg_vis_form_id by_byte[][2] = {{SG_VIS_PLAIN, SG_VIS_PANDOC},
                                                {SG_VIS_DISCORD, SG_VIS__COUNT},
                                                {SG_VIS_DISCORD_CELL, SG_VIS_MD_PLAIN},
                                                {SG_VIS_REDDIT, SG_VIS__COUNT}};
    int k = s[i] == '[' ? 0 : s[i] == '|' ? 1 : s[i] == '\\' ? 2 : s[i] == '>' ? 3 : -1;
    for (int t = 0; k >= 0 && t < 2 && by_byte[k][t] != SG_VIS__COUNT; t++) {
        const sg_vis_form *f = &sg_vis_forms[by_byte[k][t]];
        size_t ol = strlen(f->open);
        if (len - i < ol || memcmp(s + i, f->open, ol))
            continue;
        size_t l = sg_vis_label(s, len, i + ol, f->sep);
        if (!l)
            continue;
        o->start = i;
        o->label = i + ol;
        o->label_len = l;
        o->end = i + ol + l + strlen(f->sep);
        o->form = by_byte[k][t];
        return 1;
    }
    return 0;
}

/* A byte that may begin an open piece. */
static int sg_vis_lead(unsigned char c)
{
    return c == '[' || c == '|' || c == '\\' || c == '>';
}

/* Does any of the 8 bytes of x begin an open piece?  (Each test is the
 * classic "has a zero byte" on x xor the byte repeated.) */
static int sg_vis_lead8(uint64_t x)
{
    static const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t a = x ^ (ones * '['), b = x ^ (ones * '|'), c = x ^ (ones * '\\'),
             d = x ^ (ones * '>');
    return ((((a - ones) & ~a) | ((b - ones) & ~b) | ((c - ones) & ~c) |
             ((d - ones) & ~d)) &
            highs) != 0;
}

/* The next open piece at or after `from`, outside the spans skip[*k..]
 * (sorted; *k moves on).  Text mostly holds none of the bytes that begin
 * one: sixteen bytes at a time (SSE2) or eight pass over it. */
static int sg_vis_next_open(const char *s, size_t len, size_t from, const sg_span *skip,
                            size_t nskip, size_t *k, sg_vis_open *o)
{
    for (size_t i = from; i < len; i++) {
        uint64_t x;
#ifdef __SSE2__
        {
            const __m128i a = _mm_set1_epi8('['), b = _mm_set1_epi8('|'),
                          c = _mm_set1_epi8('\\'), d = _mm_set1_epi8('>');
            while (i + 16 <= len) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
                __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, a), _mm_cmpeq_epi8(v, b)),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, c), _mm_cmpeq_epi8(v, d)));
                unsigned m = (unsigned)_mm_movemask_epi8(hit);
                if (m) {
                    i += (size_t)__builtin_ctz(m);
                    break;
                }
                i += 16;
            }
        }
#endif
        while (i + 8 <= len && (memcpy(&x, s + i, 8), !sg_vis_lead8(x)))
            i += 8;
        if (i >= len)
            break;
        if (!sg_vis_lead((unsigned char)s[i]))
            continue;
        while (*k < nskip && skip[*k].end <= i)
            (*k)++;
        if (*k < nskip && skip[*k].start <= i) {
            i = skip[*k].end - 1;
            continue;
        }
        if (sg_vis_open_at(s, len, i, o))
            return 1;
    }
    return 0;
}

/* Where the paragraph holding `from` ends before `limit`: the first line
 * break that a blank line follows, or limit. */
static size_t sg_vis_para_end(const char *s, size_t from, size_t limit)
{
    for (size_t p = from; p < limit;) {
        const char *nl = memchr(s + p, '\n', limit - p);
        if (!nl)
            break;
        size_t q = (size_t)(nl - s) + 1;
        while (q < limit && (s[q] == ' ' || s[q] == '\t' || s[q] == '\r'))
            q++;
        if (q < limit && s[q] == '\n')
            return (size_t)(nl - s);
        p = (size_t)(nl - s) + 1;
    }
    return limit;
}

static void sg_vis_note(sg_finder *fd, const char *s, size_t len, size_t at,
                        const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void sg_vis_note(sg_finder *fd, const char *s, size_t len, size_t at,
                        const char *fmt, ...)
{
    if (!fd->notes)
        return;
    size_t line, col;
    sg_line_col(s, len, at, &line, &col);
    sg_buf_printf(fd->notes, "line %zu: ", line);
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    sg_buf_puts(fd->notes, msg);
    sg_buf_putc(fd->notes, '\n');
}

/* The length of the line break at s[p] written as the renderer writes them
 * (LF or CRLF), or 0. */
static size_t sg_vis_nl(const char *s, size_t len, size_t p)
{
    if (p < len && s[p] == '\n')
        return 1;
    return p + 1 < len && s[p] == '\r' && s[p + 1] == '\n' ? 2 : 0;
}

/* A warning line whose "⚠ " is at s[q]: 1 with its chunk's end and count;
 * 0, with *near set when the line ends as one does but is not exact. */
static int sg_vis_warning_at(const char *s, size_t len, size_t q, size_t *end,
                             size_t *count, int *near)
{
    static const size_t sign = sizeof SG_VIS_WARNING - 1;
    static const size_t one = sizeof SG_VIS_TALLY_ONE - 1,
                        many = sizeof SG_VIS_TALLY_MANY - 1;
    size_t ls, le = q;
    *near = 0;
    if (!sg_md_indent_before(s, q, &ls))
        return 0;
    while (le < len && s[le] != '\n' && s[le] != '\r')
        le++;
    size_t t;
    int single;
    if (le - q >= sign + one && !memcmp(s + le - one, SG_VIS_TALLY_ONE, one))
        t = le - one, single = 1;
    else if (le - q >= sign + many && !memcmp(s + le - many, SG_VIS_TALLY_MANY, many))
        t = le - many, single = 0;
    else {
        *near = memmem(s + q, le - q, "marked below", 12) != NULL;
        return 0;
    }
    *near = 1;
    size_t d = t, n = 0;
    while (d > q + sign && s[d - 1] >= '0' && s[d - 1] <= '9')
        d--;
    if (d == t || t - d > 9 || d < q + sign + 1 || s[d - 1] != ' ')
        return 0;
    for (size_t i = d; i < t; i++)
        n = n * 10 + (size_t)(s[i] - '0');
    if (!n || (n == 1) != single)
        return 0;
    size_t a = sg_vis_nl(s, len, le), b = a ? sg_vis_nl(s, len, le + a) : 0;
    if (!b)
        return 0;
    size_t p = le + a + b, il = q - ls;
    if (il && len - p >= il && !memcmp(s + p, s + ls, il))
        p += il;
    *end = p;
    *count = n;
    *near = 0;
    return 1;
}

/* A badge whose "[Rating · " (Markdown: "\[Rating · ") is at s[q]: 1 with its
 * chunk; 0, with *near set when it is not at one of its places. */
static int sg_vis_badge_at(const char *s, size_t len, size_t q, int md, size_t *cs,
                           size_t *ce, int *near)
{
    const char *open = md ? SG_VIS_MD_BADGE : SG_VIS_BADGE;
    const char *close = md ? "\\]" : "]";
    size_t v = q + strlen(open), cl = strlen(close), e = v;
    *near = 1;
    while (e < len && e - v <= SG_VIS_VALUE_MAX && s[e] != '\n' && s[e] != '\r' &&
           s[e] != '[' && memcmp(s + e, close, len - e < cl ? len - e : cl))
        e++;
    if (e == v || e - v > SG_VIS_VALUE_MAX || len - e < cl || memcmp(s + e, close, cl))
        return 0;
    e += cl;
    if (md) {
        if (sg_md_line_head(s, q)) {
            if (e >= len || s[e] != ' ')
                return 0;
            *cs = q, *ce = e + 1;
        } else {
            if (!q || s[q - 1] != ' ')
                return 0;
            *cs = q - 1, *ce = e;
        }
    } else if (e < len && s[e] == ' ') {
        *cs = q, *ce = e + 1; /* before the first article text */
    } else if (q && s[q - 1] == '\n' &&
               (e == len || sg_vis_nl(s, len, e) || s[e] == '\r')) {
        *cs = q - 1 - (q >= 2 && s[q - 2] == '\r'), *ce = e; /* a line of its own */
    } else
        return 0;
    *near = 0;
    return 1;
}

static int sg_span_start_cmp(const void *x, const void *y)
{
    const sg_span *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* The first n-byte needle nd in s[0, len), like memmem.  The needles here
 * hold a byte that text rarely has (the second byte of a two- or three-byte
 * UTF-8 character other than the quotes' 0x80): memchr runs to it, and only
 * there is the rest compared. */
static const char *sg_vis_find(const char *s, size_t len, const char *nd, size_t n)
{
    size_t r = 0;
    for (size_t i = 1; i < n && !r; i++)
        if ((unsigned char)nd[i] > 0x80 && (unsigned char)nd[i] < 0xC0)
            r = i;
    if (!r)
        return memmem(s, len, nd, n);
    for (size_t at = r; at < len;) {
        const char *p = memchr(s + at, nd[r], len - at);
        if (!p)
            return NULL;
        size_t q = (size_t)(p - s) - r;
        if (q + n <= len && !memcmp(s + q, nd, n))
            return s + q;
        at = (size_t)(p - s) + 1;
    }
    return NULL;
}

/* Warnings, badges and marks in their visible forms (plain text; Markdown
 * asked for Discord or Reddit).  A whole mark in its exact form is ours when
 * no warning of ours is in the text, or the warnings count at least as many
 * marks as there are: more means some were typed in our form and none can
 * be told apart. */
static void sg_find_visible(sg_finder *fd, const char *s, size_t len, int md)
{
    sg_span *skip = NULL;
    size_t nskip = 0, cap_skip = 0, counted = 0, warnings = 0, first_warning = 0;
    /* warnings */
    for (const char *p = sg_vis_find(s, len, SG_VIS_WARNING, sizeof SG_VIS_WARNING - 1); p;) {
        size_t q = (size_t)(p - s), end, n;
        int near;
        if (sg_vis_warning_at(s, len, q, &end, &n, &near)) {
            sg_span sp = {q, end};
            if (!SG_VEC_PUSH(skip, nskip, cap_skip, sp))
                fd->failed = 1;
            sg_found_add(fd, q, end, SG_CHUNK_WARNING, 0);
            if (!warnings++)
                first_warning = q;
            counted += n;
        } else {
            end = q + 1;
            if (near)
                sg_vis_note(fd, s, len, q,
                            "a spoiler warning line not in spoilerguard's exact form "
                            "(edited?): left as it is");
        }
        p = end < len
                ? sg_vis_find(s + end, len - end, SG_VIS_WARNING, sizeof SG_VIS_WARNING - 1)
                : NULL;
    }
    /* badges */
    const char *bopen = md ? SG_VIS_MD_BADGE : SG_VIS_BADGE;
    size_t bl = strlen(bopen);
    size_t stray_badge = 0; /* 1 + the first "[Rating · " that is no badge */
    for (const char *p = sg_vis_find(s, len, bopen, bl); p;) {
        size_t q = (size_t)(p - s), cs, ce;
        int near;
        if (!md && q && s[q - 1] == '\\') {
            /* Markdown's escaped form in plain text: not ours */
        } else if (sg_vis_badge_at(s, len, q, md, &cs, &ce, &near)) {
            sg_span sp = {cs, ce};
            if (!SG_VEC_PUSH(skip, nskip, cap_skip, sp))
                fd->failed = 1;
            sg_found_add(fd, cs, ce, SG_CHUNK_BADGE, 0);
        } else if (near && !stray_badge)
            stray_badge = q + 1;
        p = q + 1 < len ? sg_vis_find(s + q + 1, len - q - 1, bopen, bl) : NULL;
    }
    if (nskip > 1)
        qsort(skip, nskip, sizeof *skip, sg_span_start_cmp);
    /* marks: an open piece pairs with the first close of its form after it,
     * in its paragraph and before the next open piece */
    typedef struct sg_vis_pair {
        sg_vis_open o;
        size_t close; /* where its close piece starts, or (size_t)-1 */
    } sg_vis_pair;
    sg_vis_pair *pairs = NULL;
    size_t npairs = 0, cap_pairs = 0, whole = 0, k = 0, k2;
    sg_vis_open o, nx;
    int have = sg_vis_next_open(s, len, 0, skip, nskip, &k, &o);
    while (have && !fd->failed) {
        const char *cl = sg_vis_forms[o.form].close;
        size_t cll = strlen(cl);
        k2 = k;
        int have_nx = sg_vis_next_open(s, len, o.end, skip, nskip, &k2, &nx);
        size_t limit = have_nx && nx.start + cll < len ? nx.start + cll : len;
        size_t pe = sg_vis_para_end(s, o.end, limit);
        const char *c = pe > o.end ? memmem(s + o.end, pe - o.end, cl, cll) : NULL;
        size_t cp = c ? (size_t)(c - s) : (size_t)-1;
        /* "|||": the passage ended with a '|' of its own, the close is the
         * last two */
        while (c && cl[0] == '|' && cp + cll < pe && s[cp + cll] == '|')
            cp++;
        if (c && have_nx && nx.start < cp)
            cp = (size_t)-1; /* another mark opens first */
        if (cp != (size_t)-1 || sg_vis_distinct(o.form)) {
            sg_vis_pair pr = {o, cp};
            if (!SG_VEC_PUSH(pairs, npairs, cap_pairs, pr))
                fd->failed = 1;
            whole += cp != (size_t)-1;
        }
        if (cp != (size_t)-1 && have_nx && nx.start >= cp + cll) {
            /* the next open piece from o.end on starts past the close: it
             * is the next one from the close on too */
            o = nx;
            k = k2;
        } else if (cp != (size_t)-1) {
            have = sg_vis_next_open(s, len, cp + cll, skip, nskip, &k, &o);
        } else {
            have = have_nx;
            o = nx;
            k = k2;
        }
    }
    int ours = !warnings || whole <= counted;
    if (warnings && whole > counted)
        sg_vis_note(fd, s, len, first_warning,
                    "the spoiler warning counts %zu marked passage%s but %zu are marked "
                    "in spoilerguard's form: left them all, as it cannot tell its own "
                    "from ones typed in its form",
                    counted, counted == 1 ? "" : "s", whole);
    else if (warnings && whole < counted)
        sg_vis_note(fd, s, len, first_warning,
                    "the spoiler warning counts %zu marked passage%s but %zu %s whole: "
                    "what is left of the other%s stays in the text",
                    counted, counted == 1 ? "" : "s", whole, whole == 1 ? "is" : "are",
                    counted - whole == 1 ? "" : "s");
    for (size_t i = 0; i < npairs; i++) {
        const sg_vis_pair *pr = &pairs[i];
        size_t cll = strlen(sg_vis_forms[pr->o.form].close);
        if (pr->close == (size_t)-1) {
            /* its close was edited away: the rest of its paragraph counts as
             * marked, so a second run does not mark it again */
            size_t lim = i + 1 < npairs ? pairs[i + 1].o.start : len;
            sg_mark_add(fd, pr->o.start, sg_vis_para_end(s, pr->o.end, lim), 0);
            size_t shown = pr->o.end - pr->o.start;
            while (shown && s[pr->o.start + shown - 1] == ' ')
                shown--;
            sg_vis_note(fd, s, len, pr->o.start,
                        "\"%.*s\" opens a marked passage that does not close (edited?): "
                        "left as it is",
                        (int)shown, s + pr->o.start);
            continue;
        }
        sg_mark_add(fd, pr->o.start, pr->close + cll, 0);
        if (!ours)
            continue;
        sg_found_add(fd, pr->o.start, pr->o.end, SG_CHUNK_OPEN, 0);
        sg_found_add(fd, pr->close, pr->close + cll, SG_CHUNK_CLOSE, 0);
        sg_span lab = {pr->o.label, pr->o.label + pr->o.label_len};
        if (!SG_VEC_PUSH(fd->labels, fd->nlabels, fd->cap_labels, lab))
            fd->failed = 1;
    }
    /* a bracket of the author's is noted only beside chunks of ours */
    if (stray_badge && fd->n)
        sg_vis_note(fd, s, len, stray_badge - 1,
                    "a rating badge not in spoilerguard's form or not where it puts one "
                    "(edited?): left as it is");
    free(pairs);
    free(skip);
}

/* ---- the public side ----------------------------------------------------------- */

static int sg_found_cmp(const void *x, const void *y)
{
    const sg_found *a = x, *b = y;
    if (a->c.start != b->c.start)
        return a->c.start < b->c.start ? -1 : 1;
    return a->c.end < b->c.end ? 1 : a->c.end > b->c.end ? -1 : 0;
}

void sg_find_chunks_noting(sg_doc *doc, sg_buf *notes)
{
    sg_finder fd;
    memset(&fd, 0, sizeof fd);
    fd.notes = notes;
    if (!doc->src || !doc->len)
        return;
    switch (doc->format) {
    case SG_FORMAT_HTML:
        sg_find_html(&fd, doc->src, doc->len);
        break;
    case SG_FORMAT_MARKDOWN:
        sg_find_markdown(&fd, doc->src, doc->len);
        sg_find_callouts(&fd, doc->src, doc->len);
        sg_find_visible(&fd, doc->src, doc->len, 1);
        break;
    default:
        sg_find_visible(&fd, doc->src, doc->len, 0);
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
    free(doc->labels);
    doc->labels = fd.labels;
    doc->nlabels = fd.nlabels;
    doc->cap_labels = fd.cap_labels;
    free(fd.f);
    free(fd.marks);
}

void sg_find_chunks(sg_doc *doc)
{
    sg_find_chunks_noting(doc, NULL);
}

/* The format whose signature `text` carries: Markdown comments, HTML
 * attributes, Obsidian's signed callouts, Markdown's escaped badge, then the
 * plain-text badge or marks; by content when it carries none of these. */
static sg_format sg_strip_format(const char *text, size_t len)
{
    if (memmem(text, len, "<!--sg:", SG_MD_OPEN_LEN))
        return SG_FORMAT_MARKDOWN;
    if (memmem(text, len, "> [!", 4) &&
        memmem(text, len, SG_CALLOUT_SIG, sizeof SG_CALLOUT_SIG - 1))
        return SG_FORMAT_MARKDOWN; /* md-obsidian's callouts */
    if (memmem(text, len, SG_ATTR, strlen(SG_ATTR)))
        return SG_FORMAT_HTML;
    if (memmem(text, len, SG_VIS_MD_BADGE, sizeof SG_VIS_MD_BADGE - 1))
        return SG_FORMAT_MARKDOWN;
    const char *plain_open = sg_vis_forms[SG_VIS_PLAIN].open;
    if (memmem(text, len, plain_open, strlen(plain_open)))
        return SG_FORMAT_PLAIN;
    for (const char *p = memmem(text, len, SG_VIS_BADGE, sizeof SG_VIS_BADGE - 1); p;
         p = (size_t)(p + 1 - text) < len ? memmem(p + 1, len - (size_t)(p + 1 - text),
                                                   SG_VIS_BADGE, sizeof SG_VIS_BADGE - 1)
                                          : NULL)
        if (p == text || p[-1] != '\\')
            return SG_FORMAT_PLAIN;
    return sg_detect_format(text, len);
}

char *sg_strip_with_notes(const char *text, size_t len, sg_format format, size_t *out_len,
                          char **notes, sg_error *err)
{
    if (out_len)
        *out_len = 0;
    if (notes)
        *notes = NULL;
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
    sg_buf left;
    sg_buf_init(&left);
    sg_find_chunks_noting(&doc, notes ? &left : NULL);
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
    if (r && notes && left.len) {
        *notes = sg_buf_take(&left, NULL);
        if (!*notes) {
            free(r);
            r = NULL;
        }
    }
    sg_buf_free(&left);
    if (!r)
        sg_set_error(err, SG_ERR_MEMORY, "out of memory stripping");
    else if (err) {
        err->status = SG_OK;
        err->message[0] = '\0';
    }
    return r;
}

char *sg_strip(const char *text, size_t len, sg_format format, size_t *out_len,
               sg_error *err)
{
    return sg_strip_with_notes(text, len, format, out_len, NULL, err);
}
