/*
 * sg_phrases.h -- the phrase lists: lists of lower-case phrases of one or
 * more words (too long, or too many words, for the word table's keys) that
 * the readers and detectors look for in text, each indexed by its first
 * byte so that a byte where no phrase starts costs one look-up.  The lists
 * are in sg_phrases.c; their indexes are built with the word table, once,
 * by sg_words_init (sg_words.c), which must be called before any look-up.
 */
#ifndef SG_PHRASES_H
#define SG_PHRASES_H

#include <stddef.h>
#include <stdint.h>

/* How a phrase is matched against a text. */
enum {
    SG_PHRASE_WHOLE,   /* the whole text */
    SG_PHRASE_START,   /* at a given byte (the start of the text, or any one) */
    SG_PHRASE_ANYWHERE /* anywhere in the text: tried whatever its first byte */
};

/* Chrome phrases' flags: the block opens a chrome region; it is chrome only
 * when it ends no sentence; weak (chrome only with chrome around it, and
 * never on its own). */
#define SG_CHROME_REGION 1
#define SG_CHROME_NOPUNCT 2
#define SG_CHROME_WEAK 4
/* A verdict's flag: a verdict on a line of its own. */
#define SG_VERDICT_ALONE 1

typedef struct sg_phrase {
    const char *text;        /* lower case */
    unsigned char mode;      /* SG_PHRASE_* */
    unsigned char why;       /* chrome: what a block it marks is (an sg_why) */
    unsigned char flags;     /* chrome: SG_CHROME_*; verdicts: SG_VERDICT_ALONE */
    unsigned char max_words; /* chrome: the block has at most this many words (0: any) */
    unsigned char value;     /* verdicts: the verdict on [0,1], in hundredths */
} sg_phrase;

/* The lists. */
typedef enum sg_phrase_list_id {
    SG_PHRASES_LEADS,         /* "posted by": what opens a byline (sg_meta.c) */
    SG_PHRASES_CREDITS,       /* "image credit", "min read": bylines and credits */
    SG_PHRASES_GENRES,        /* "science fiction": genres as tags name them */
    SG_PHRASES_VERDICTS,      /* "must see": verdicts in words (sg_rating_value.c) */
    SG_PHRASES_SCORE_LABELS,  /* "final score": labels of the review's own score
                                 (sg_boiler.c) */
    SG_PHRASES_VERDICT_HEADS, /* "tl;dr": whole lines that head the verdict */
    SG_PHRASES_BIO,           /* "writer": job words of an author box */
    SG_PHRASES_CHROME,        /* "related posts": page chrome by what it says */
    SG_PHRASES__COUNT
} sg_phrase_list_id;

#define SG_PHRASE_SETS 3 /* sets of 64 phrases: a list holds 192 at most */

typedef struct sg_phrase_list {
    const sg_phrase *p; /* in the list's order, which is the order they are tried in */
    size_t n;
    unsigned char len[64 * SG_PHRASE_SETS];
    /* for a byte, the phrases worth trying at a text or position starting
     * with it: the START and WHOLE ones that begin with it and every
     * ANYWHERE one; bit k of set s is p[64 * s + k] */
    uint64_t at[256][SG_PHRASE_SETS];
    unsigned char some[256]; /* at[c] has a bit set */
} sg_phrase_list;

extern sg_phrase_list sg_phrase_lists[SG_PHRASES__COUNT];

/* Builds the lists' indexes; called once, by sg_words_init. */
void sg_phrases_build(void);

/* The first phrase of `list` (in its order) that t[i, n) starts with,
 * ignoring ASCII case; its length, else 0. */
size_t sg_phrase_at(sg_phrase_list_id list, const unsigned char *t, size_t n, size_t i);

/* Is s[0, n) exactly (case and all) a phrase of `list`? */
int sg_phrase_is(sg_phrase_list_id list, const char *s, size_t n);

#endif
