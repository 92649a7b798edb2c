/* sg_charref.h -- HTML character references ("&amp;", "&#233;", "&eacute"):
 * one reference, or a run of text with its references decoded.  Used by
 * the HTML tokenizer's callers and the Markdown reader. */
#ifndef SG_CHARREF_H
#define SG_CHARREF_H

#include "sg_internal.h"

/* One character reference at s[0] == '&' (n bytes available): returns how
 * many input bytes it spans and writes its UTF-8 (at most 8 bytes) to `out`,
 * or returns 0 when the bytes are not a reference and stay as written.
 * `in_attr` applies the attribute-value rule for legacy names without ';'. */
size_t sg_html_charref(const char *s, size_t n, int in_attr, char out[8],
                       size_t *out_len);
/* Append `n` bytes of text to `out` with references decoded. */
int sg_html_decode(sg_buf *out, const char *s, size_t n, int in_attr);

#endif
