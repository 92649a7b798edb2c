/* sg_boiler.h -- the boilerplate classifier's call for a reader that has
 * already scanned its blocks' text (sg_classify_boilerplate, in
 * sg_internal.h, scans it itself). */
#ifndef SG_BOILER_H
#define SG_BOILER_H

#include "sg_tfeat.h"

/* Classify blocks first_block.. as sg_classify_boilerplate does.  pre[i]
 * (i < npre), when not NULL, is the scan of block first_block + i's text
 * exactly, which then is not scanned again. */
void sg_classify_lines(sg_doc *doc, size_t first_block, const sg_tfeat *const *pre,
                       size_t npre);

#endif
