/* sg_tfeat.h -- what the plain-text reader and the boilerplate classifier
 * read off a run of text in one pass: words, English stop words, capitals,
 * names of social networks and share actions, how it ends. */
#ifndef SG_TFEAT_H
#define SG_TFEAT_H

#include "sg_internal.h"

/* Headings and Title Case lines have at most this many words. */
#define SG_HEADING_MAX_WORDS 12
/* Title Case: at least this share (percent) of the significant words start
 * with a capital. */
#define SG_TITLE_PCT 75

/* What the classifiers read off a run of text in one pass. */
typedef struct sg_tfeat {
    size_t words;       /* words: letters and digits, inner ' and - kept */
    size_t stops;       /* of them English stop words */
    size_t caps;        /* significant words with a capital first letter */
    size_t lowers;      /* significant words with a small first letter */
    size_t networks;    /* names of social networks */
    size_t shares;      /* share actions ("share", "email", ...) */
    size_t uppers;      /* upper-case ASCII letters, counted until a lower-case
                           one is seen (only then does the count matter) */
    int has_lower;      /* any lower-case ASCII letter */
    int first_cap;      /* the first word with a letter starts with a capital */
    int end_punct;      /* the text ends a sentence (. ! ? or an ellipsis) */
    int inner_stop;     /* a sentence ends inside it ("... a still. Photo: ...") */
    unsigned char last; /* its last byte before closing quotes and blanks */
} sg_tfeat;

/* Scan text[0, len) (at most its first SG_SCAN_BYTES) into *out. */
void sg_tfeat_scan(const char *text, size_t len, sg_tfeat *out);
/* Title Case or ALL CAPS, and short. */
int sg_title_like(const sg_tfeat *f);
/* Horizontal blank at s[i]: space, tab, CR, FF, VT, NBSP, BOM, U+3000;
 * returns its length in bytes, else 0. */
size_t sg_blank_len(const unsigned char *s, size_t n, size_t i);

#endif
