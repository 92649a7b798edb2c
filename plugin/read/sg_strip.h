/*
 * sg_strip.h -- what the finders of inserted chunks share: sg_strip.c
 * (Markdown, callouts, the visible forms, and the public calls),
 * sg_strip_html.c (HTML) and sg_strip_found.c (what both collect).
 */
#ifndef SG_STRIP_H
#define SG_STRIP_H

#include "sg_internal.h"

/* sg_found.summary: a close that the close after it joins */
#define SG_JOINS_NEXT 2

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
    sg_span *labels; /* visible marks' labels */
    size_t nlabels, cap_labels;
    sg_buf *notes; /* what was left, when asked */
    int failed;
} sg_finder;

/* A chunk found, and a mark from an open's start to a close's end (a
 * continued mark stretches the one before it) (sg_strip_found.c). */
void sg_found_add(sg_finder *fd, size_t s, size_t e, sg_chunk_role role, int summary);
void sg_mark_add(sg_finder *fd, size_t s, size_t e, int continued);

/* The chunks of HTML text `s` (sg_strip_html.c). */
void sg_find_html(sg_finder *fd, const char *s, size_t len);

#endif
