/*
 * sg_strip_found.c -- what the finders of inserted chunks collect
 * (sg_strip.c, sg_strip_html.c): the chunks found, and the marked ranges
 * from an open's start to its close's end.
 */
#include "sg_strip.h"

/* Record a chunk [s, e) in role `role` (`summary`: sg_found.summary); an
 * empty one is left out. */
void sg_found_add(sg_finder *fd, size_t s, size_t e, sg_chunk_role role, int summary)
{
    sg_found x = {{s, e, role}, summary};
    if (e > s && !SG_VEC_PUSH(fd->f, fd->n, fd->cap, x))
        fd->failed = 1;
}

/* Record a mark from an open's start to a close's end; a continued mark
 * stretches the one before it. */
void sg_mark_add(sg_finder *fd, size_t s, size_t e, int continued)
{
    if (continued && fd->nmarks && fd->marks[fd->nmarks - 1].end <= s) {
        fd->marks[fd->nmarks - 1].end = e;
        return;
    }
    sg_span m = {s, e};
    if (e > s && !SG_VEC_PUSH(fd->marks, fd->nmarks, fd->cap_marks, m))
        fd->failed = 1;
}
