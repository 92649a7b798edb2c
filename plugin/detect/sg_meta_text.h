/* sg_meta_text.h -- reading metadata off a short line of text (a headline,
 * a byline): spaces and words, quotes, the work under review and its year,
 * dates.  Offsets are bytes into t; nothing here allocates but the _dup
 * calls. */
#ifndef SG_META_TEXT_H
#define SG_META_TEXT_H

#include "sg_internal.h"

/* Lines longer than this are prose, not headlines or bylines. */
#define SG_M_LINE_MAX 300

typedef const unsigned char sg_muc;

/* Narrow [*s, *e) to leave out spaces at both ends. */
void sg_m_trim(sg_muc *t, size_t *s, size_t *e);
/* Case-insensitive match of lower-case `w` at t[i], ending at a word
 * boundary; returns the end or 0. */
size_t sg_m_word(sg_muc *t, size_t n, size_t i, const char *w);
/* A copy of t[s, e) (the caller frees it), NULL when empty. */
char *sg_m_dup(sg_muc *t, size_t s, size_t e);
/* A title line t[s, e), or NULL when it is not readable. */
char *sg_m_title_dup(sg_muc *t, size_t s, size_t e);
/* Strip quotes, spaces and trailing punctuation from both ends. */
void sg_m_clean(sg_muc *t, size_t *s, size_t *e);
/* The quote ending at t[e) (looking back), length or 0. */
size_t sg_m_quote_before(sg_muc *t, size_t s, size_t e);
/* Parse a headline for the work under review.  On success sets [*ws,*we)
 * to the work and *ys to the year's digits (or SIZE_MAX). */
int sg_m_parse_work(sg_muc *t, size_t n, size_t *ws, size_t *we, size_t *ys);
/* The first date in t[0,n), written to iso as YYYY-MM-DD. */
int sg_m_find_date(sg_muc *t, size_t n, char iso[11]);
/* A month name (full, 3-letter, or "sept", with an optional dot) at t[i]. */
int sg_m_month(sg_muc *t, size_t n, size_t i, size_t *end);
/* A 4-digit year at t[i]; a digit glued after it is allowed (bylines run
 * "10/06/20234 Mins Read" together). */
int sg_m_year(sg_muc *t, size_t n, size_t i, int *y);

#endif
