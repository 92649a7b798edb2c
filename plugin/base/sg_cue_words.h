/*
 * sg_cue_words.h -- the scorer's cue words (sg_cue_words.c) and their bits:
 * the cue families (SG_CUE_*, public to the scorer's users through
 * sg_score.h) and the bits the feature scanner's patterns read (SG_W_*).
 * The words are in the word table (sg_words.c): an entry with SG_WORD_CUE
 * holds them in its `cue`.
 */
#ifndef SG_CUE_WORDS_H
#define SG_CUE_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* Cue families. */
#define SG_CUE_DEATH 0x001u
#define SG_CUE_END 0x002u
#define SG_CUE_REVEAL 0x004u
#define SG_CUE_RELATION 0x008u
#define SG_CUE_NEGATION 0x010u
#define SG_CUE_HYPOTHETICAL 0x020u
#define SG_CUE_REVIEW 0x040u
#define SG_CUE_PRONOUN 0x080u
#define SG_CUE_CHANGE 0x100u

/* Bits past the public SG_CUE_* ones: words the phrase and subject patterns
 * look for. */
#define SG_CUE_MASK 0x1FFu
#define SG_W_TURN (1u << 12)
#define SG_W_OUT (1u << 13)
#define SG_W_REALISH (1u << 14)
#define SG_W_IDENTITY (1u << 15)
#define SG_W_BE (1u << 16)
#define SG_W_REALLY (1u << 17)
#define SG_W_FALL (1u << 18)
#define SG_W_IN (1u << 19)
#define SG_W_LOVE (1u << 20)
#define SG_W_BREAK (1u << 21)
#define SG_W_UP (1u << 22)
#define SG_W_HAD (1u << 23)
#define SG_W_THE (1u << 24)
#define SG_W_BEEN (1u << 25)
#define SG_W_FUNC (1u << 26) /* function words: never a name, never a verb */
#define SG_W_VERB (1u << 27) /* irregular narrative verbs */
#define SG_W_END_WORD (1u << 28) /* "end", as in "in the end" */
/* Bits the scorer's features never read: what the context stage counts in
 * the same pass (sg_sentence_words): the reviewer's "I", the reader's "you", and
 * words that judge ("great", "rushed") rather than tell. */
#define SG_W_FIRST (1u << 29)
#define SG_W_SECOND (1u << 30)
#define SG_W_JUDGE (1u << 31)
#define SG_W_COUNTED (SG_W_FIRST | SG_W_SECOND | SG_W_JUDGE)
/* The last words of the phrases sg_phrases() looks for. */
#define SG_W_PHRASE_LAST \
    (SG_W_OUT | SG_W_IDENTITY | SG_W_REALLY | SG_W_LOVE | SG_W_UP | \
     SG_W_END_WORD)

typedef struct sg_cue_entry {
    const char *word;
    uint32_t bits;
} sg_cue_entry;

/* The cue words, sorted by bytes, lower case, none longer than
 * SG_WORD_MAXLEN bytes. */
extern const sg_cue_entry sg_cue_words[];
extern const size_t sg_cue_nwords;

#endif
