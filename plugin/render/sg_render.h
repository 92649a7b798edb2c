/*
 * sg_render.h -- what the render stage's files share: the plan being built
 * (sg_rctx: its insertions, marks and fallbacks) and the calls between them.
 * Only the render files include it; the stage's public calls are declared in
 * sg_internal.h and include/spoilerguard.h.
 */
#ifndef SG_RENDER_H
#define SG_RENDER_H

#include "sg_internal.h"
#include "sg_text.h"

/* ---- insertions ------------------------------------------------------------- */

/* Order of insertions at one position. */
enum { SG_RANK_CLOSE = 0, SG_RANK_JSONLD, SG_RANK_WARNING, SG_RANK_BADGE, SG_RANK_OPEN };

/* Groups: insertions that stand or fall together. */
enum { SG_G_JSONLD = 0, SG_G_WARNING = 1, SG_G_BADGE = 2, SG_G_ASSETS = 3, SG_G_MARKS = 4 };
#define SG_G_DETAILS(i) (SG_G_MARKS + 2 * (i))    /* a <details> from mark i's block */
#define SG_G_INLINE(i) (SG_G_MARKS + 2 * (i) + 1) /* mark i as spans */
#define SG_MAX_ATTEMPTS 6
/* A span-like mark's fallbacks (sg_mark_inline). */
enum { SG_LEVEL_SENTENCE = 0, SG_LEVEL_RUNS, SG_LEVEL_CAREFUL, SG_LEVEL_NONE };

typedef struct sg_ins {
    size_t pos;
    int rank;
    size_t seq;
    size_t group;    /* insertions that stand or fall together */
    size_t off, len; /* the text, in sg_rctx.txt */
    size_t out;      /* where it landed in the output */
} sg_ins;

#define SG_MAX_KINDS 8

/* One marked sentence (or block, for html-details). */
typedef struct sg_mark {
    size_t start, end;
    size_t ev_start, ev_end; /* what its flags found (the cue, or the sentence) */
    size_t block;
    const char *kinds[SG_MAX_KINDS];
    size_t nkinds;
} sg_mark;

typedef struct sg_rctx {
    const sg_analysis *a;
    const sg_doc *doc;
    const char *src;
    size_t len;
    sg_format fmt;
    sg_style style;
    sg_badge badge;
    const char *nl; /* "\n", or "\r\n" when the input uses CRLF */
    sg_buf txt;
    sg_ins *ins;
    size_t nins, cap_ins;
    size_t group;
    sg_inline_ev *ev; /* doc->inl sorted by position */
    size_t nev;
    sg_mark *marks;
    size_t nmarks, cap_marks;
    const char *kinds[SG_MAX_KINDS]; /* every kind marked, for the warning */
    size_t nkinds;
    /* Plain text, Discord and Reddit: what is inserted is visible text
     * (sg_strip.c); the warning counts the passages marked, and replaces
     * an earlier run's warning (in `drop`) when it counts more */
    int visible;
    sg_span *drop; /* input left out of the output */
    size_t ndrop, cap_drop;
    /* Fallbacks after a failed check, by group: the warning, badge and
     * JSON-LD are left out; a block's <details> becomes spans; a span over
     * a sentence becomes spans over its runs of text, then nothing. */
    int off[SG_G_MARKS];
    size_t disclosures;        /* marks written as disclosures (html-span) */
    unsigned char *no_details; /* by the block's first mark */
    unsigned char *level;      /* by mark: its SG_LEVEL_* fallback */
    unsigned char *demoted;    /* by group: fallen back in this check already */
    int all_off;               /* insert nothing */
    /* Markdown: where no insertion may go, (start, end] by start.  Author
     * text that opens raw HTML ("<!DOCTYPE", "<!--") and is not closed
     * before its paragraph ends: the first '>' (or "-->") an insertion
     * brought would close it and turn the text between into HTML.  And
     * autolinks, which markup inside would break. */
    sg_span *no_insert;
    size_t nno_insert, cap_no_insert;
    /* Markdown, found when first needed: the runs of '*', '_' and '~', in
     * order.  Markup next to a run can change whether it opens or closes
     * emphasis (sg_md_flank_changed). */
    sg_span *runs[3];
    size_t nruns[3], cap_runs[3];
    int runs_found;
    sg_status st;
    sg_error *err;
    int oom;
} sg_rctx;

/* What the badge shows, worked out once from the rating for every form: a
 * number as stars (halves drawn as halves, never rounded up) and the number
 * itself; a letter grade or a verdict as the words the review gave. */
typedef enum sg_badge_kind { SG_BK_STARS, SG_BK_GRADE, SG_BK_VERDICT } sg_badge_kind;

typedef struct sg_badge_text {
    sg_badge_kind kind;
    int slots;        /* stars drawn, filled or not (0: none) */
    int halves;       /* half stars filled: 7 is ★★★½☆ */
    const char *name; /* "Rating", "Grade", "Verdict" or "Recommended" */
    const char *tag;  /* the same in lower case, the image's left part */
    sg_buf stars;     /* the stars as text: "★★★½☆" */
    sg_buf score;     /* "3.5/5", "85%", "B+", "Recommended" */
    sg_buf label;     /* what a screen reader says: "Rating: 3.5 out of 5" */
} sg_badge_text;

#define SG_WARNING_LEAD "Spoiler warning:"

/* Markdown ends a line at LF, CRLF or a lone CR: is c the last byte of a
 * line break? */
static inline int sg_md_eol(char c)
{
    return c == '\n' || c == '\r';
}

/* ---- sg_render.c: the plan ------------------------------------------------- */

void sg_add_kind(const char **kinds, size_t *n, const char *k);
int sg_balanced(const sg_rctx *r, size_t s, size_t e);
void sg_ins_add(sg_rctx *r, size_t pos, int rank, size_t off);

/* ---- sg_render_text.c: what is inserted, as text --------------------------- */

int sg_badge_markup(const sg_rctx *r, sg_buf *b, int sign);
int sg_badge_parts(const sg_analysis *a, sg_badge_text *t);
void sg_badge_text_free(sg_badge_text *t);
int sg_ci_contains(const char *s, size_t n, const char *what);
int sg_jsonld_markup(const sg_analysis *a, sg_buf *b);
void sg_put_attr_kind(sg_buf *b, const char *kind, int continued);
void sg_put_label(const sg_rctx *r, sg_buf *b, const char *const *kinds, size_t n,
                  int html);
void sg_vis_phrase(sg_buf *b, const char *const *kinds, size_t n);
void sg_warning_markup(const sg_rctx *r, sg_buf *b, int sign);
void sg_warning_phrase(const sg_rctx *r, sg_buf *b);

/* ---- sg_render_marks.c: chunks and marks ----------------------------------- */

void sg_details_html(sg_rctx *r);
void sg_details_markdown(sg_rctx *r);
int sg_html_block_span(const sg_rctx *r, const sg_block *b, size_t *s, size_t *e);
void sg_inline_chunk(sg_rctx *r, size_t pos, int rank, char role, const char *piece,
                     size_t n);
void sg_mark_inline(sg_rctx *r, size_t i);
void sg_md_block_chunk(sg_rctx *r, size_t at, int rank, char role, const char *head,
                       size_t head_len, int body, const char *lines, size_t lines_len);
size_t sg_md_block_pos(const sg_rctx *r, size_t at, size_t *ind);

/* ---- sg_render_place.c: the warning, badge, JSON-LD and assets placed ------ */

void sg_add_assets(sg_rctx *r);
void sg_add_badge(sg_rctx *r);
void sg_add_jsonld(sg_rctx *r);
void sg_add_warning(sg_rctx *r);

/* ---- sg_render_md.c: Markdown's rules -------------------------------------- */

int sg_blank_line(const sg_rctx *r, size_t p);
void sg_callout_whole(sg_rctx *r, size_t at, int rank, const char *type, char role,
                      const char *text, size_t len);
void sg_callouts(sg_rctx *r);
/* Is input offset `pos` inside a range skipped for `why` (the front matter,
 * a script)? */
int sg_in_skipped(const sg_doc *doc, size_t pos, sg_why why);
/* Reddit: the start of the paragraph (as snudown reads it) that holds `at`:
 * back over the lines before it up to a blank line, a heading, a fence or
 * the front matter (sg_render_place.c). */
size_t sg_md_para_start(const sg_rctx *r, size_t at);
size_t sg_md_after_block(const sg_rctx *r, const sg_block *b);
void sg_md_find_no_insert(sg_rctx *r);
int sg_md_flank_changed(sg_rctx *r, size_t pos, const char *t, size_t n);
size_t sg_md_line_after(const sg_rctx *r, size_t p);
size_t sg_md_next_line(const sg_rctx *r, const sg_block *b);
size_t sg_md_out_of_run(const sg_rctx *r, size_t pos, int forward);
int sg_md_no_insert_at(const sg_rctx *r, size_t pos);
int sg_md_refused(sg_rctx *r, const sg_ins *in);

#endif
