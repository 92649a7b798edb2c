/*
 * sg_internal.h -- the types the stages share.
 *
 * One file per job, in the folder of its stage (plugin/base, read, detect,
 * render, api, host; README, "How an article is read"), among them:
 *   sg_buf.c      growable buffers, small string helpers
 *   sg_file.c     reading a whole file or stream (the one reader of files)
 *   sg_words.c    the word table the stages look words up in
 *   sg_phrases.c  the phrase lists they look for (indexed with the table)
 *   sg_doc.c      format detection, the document model, inline "already
 *                 marked" detection shared by the readers
 *   sg_plain.c    plain-text reader (paragraphs, lines, boilerplate)
 *   sg_markdown.c Markdown reader (md4c)
 *   sg_html.c     HTML tokenizer and reader
 *   sg_segment.c  sentence segmentation
 *   sg_rules.c    rule compilation and matching (PCRE2, JIT)
 *   sg_branches.c which patterns may run branch by branch
 *   sg_entities.c characters learnt from the article
 *   sg_score.c    the learned scorer (hashed features, linear model)
 *   sg_context.c  where a sentence stands in the post: sections, paragraphs
 *   sg_rating.c   the review's own rating: the scan of the article's lines
 *   sg_rating_value.c   ... a value as written (numbers, scales, glyphs, grades)
 *   sg_rating_prose.c   ... whether labels and prose make it the review's own
 *   sg_rating_fields.c  ... as its front matter gives it
 *   sg_meta.c     title, work, year, genres, author, date, excerpt
 *   sg_render.c   inserting marks, warning, badge, JSON-LD
 *   sg_strip.c    finding and removing what spoilerguard inserted
 *   sg_report.c   the report: a walk over it, and its JSON text
 *   sg_engine.c   the public API: the pipeline end to end
 *   sg_hooks.c    custom rules and hooks: user code at fixed points
 */
#ifndef SG_INTERNAL_H
#define SG_INTERNAL_H

#include "spoilerguard.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- buffers (sg_buf.c) -------------------------------------------------- */

typedef struct sg_buf {
    char *data;
    size_t len, cap;
    int failed; /* set when an allocation failed; later writes are ignored */
} sg_buf;

void sg_buf_init(sg_buf *b);
void sg_buf_free(sg_buf *b);
int sg_buf_reserve(sg_buf *b, size_t extra);
int sg_buf_put(sg_buf *b, const void *p, size_t n);
int sg_buf_puts(sg_buf *b, const char *s);
int sg_buf_putc(sg_buf *b, int c);
int sg_buf_printf(sg_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Append `s` escaped for HTML text and attribute values (& < > " '). */
int sg_buf_put_html(sg_buf *b, const char *s, size_t n);
/* Append `s` as the inside of a JSON string (no quotes).  Invalid UTF-8 bytes
 * are written as \u00XX of the byte so the output is always valid JSON;
 * "</" is written "<\/" so the JSON is safe inside a <script> element, and
 * U+2028 and U+2029 as \u2028 and \u2029, which end a JavaScript string
 * literal (sg_json_escape, the one JSON escaper). */
int sg_buf_put_json(sg_buf *b, const char *s, size_t n);
/* Take the data (NUL-terminated) out of the buffer; NULL if it failed. */
char *sg_buf_take(sg_buf *b, size_t *len);

/* Growable arrays: `SG_VEC_PUSH(ptr, len, cap, value)` returns 0 on OOM. */
int sg_vec_grow(void **ptr, size_t *cap, size_t need, size_t elem);
#define SG_VEC_PUSH(p, n, c, v)                                                \
    (((n) < (c) || sg_vec_grow((void **)&(p), &(c), (n) + 1, sizeof *(p)))     \
         ? ((p)[(n)++] = (v), 1)                                               \
         : 0)

/* Set `out` to how many elements of the array `v` (n of them, sorted by
 * `field`) have `field` below `key`: a binary search. */
#define SG_COUNT_BELOW(v, n, field, key, out)                                  \
    do {                                                                       \
        size_t lo_ = 0, hi_ = (n);                                             \
        while (lo_ < hi_) {                                                    \
            size_t mid_ = lo_ + (hi_ - lo_) / 2;                               \
            if ((v)[mid_].field < (key))                                       \
                lo_ = mid_ + 1;                                                \
            else                                                               \
                hi_ = mid_;                                                    \
        }                                                                      \
        (out) = lo_;                                                           \
    } while (0)

char *sg_strndup(const char *s, size_t n);
void sg_set_error(sg_error *err, sg_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* 1-based line and column of byte `off` in `text`. */
void sg_line_col(const char *text, size_t len, size_t off, size_t *line,
                 size_t *col);
/* Read the whole file at `path` into a new buffer (free it; NUL after the
 * data) of *len bytes, by sg_read_stream (sg_file.c); NULL, with `err`
 * naming the file and what went wrong, on failure. */
char *sg_read_file(const char *path, size_t *len, sg_error *err);

/* ---- the word table (sg_words.c) ------------------------------------------- */

/* What the stages know of a word, one bit each. */
enum {
    SG_WORD_STOP = 1u << 0,          /* an English stop word: prose is full of them,
                                        page chrome is not (sg_plain.c) */
    SG_WORD_SMALL = 1u << 1,         /* left in lower case by Title Case */
    SG_WORD_NETWORK = 1u << 2,       /* a social network: a line of them is a share bar */
    SG_WORD_SHARE = 1u << 3,         /* a share action, standing with the networks */
    SG_WORD_NOT_NAME = 1u << 4,      /* capitalised ("The"), it is no character's name
                                        (sg_entities.c) */
    SG_WORD_NOT_NAME_CAPS = 1u << 5  /* in capitals ("OK"), the same */
};
/* The detect stage's bits, from the top bit down, apart from the ones
 * above (sg_words.c, the detect block). */
#define SG_WORD_EVENT (1u << 31)        /* names a story's event ("dies", "finally"):
                                           sg_context_words.c */
#define SG_WORD_HEAD_PLOT (1u << 30)    /* a heading over the story ("Plot") */
#define SG_WORD_HEAD_VERDICT (1u << 29) /* a heading over the verdict ("Verdict") */
#define SG_WORD_CUE (1u << 28)          /* a cue word of the scorer: its bits are
                                           `cue` (sg_cue_words.h) */
#define SG_WORD_MAXLEN 15 /* no word in the table is longer */

/* An entry: the word's key (its bytes, ASCII capitals lowered, zero-padded)
 * and its bits; bits 0 marks an empty slot. */
typedef struct sg_word_slot {
    uint64_t k[2];
    uint64_t bits;
    uint32_t cue; /* with SG_WORD_CUE: the scorer's SG_CUE_* and SG_W_* bits */
} sg_word_slot;

#define SG_WORD_BITS 12
#define SG_WORD_SLOTS (1u << SG_WORD_BITS)
extern sg_word_slot sg_word_tab[SG_WORD_SLOTS];

/* Builds the table once; call before any lookup. */
void sg_words_init(void);

static inline size_t sg_word_slot_of(const uint64_t k[2])
{
    uint64_t h = (k[0] ^ (k[1] * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> (64 - SG_WORD_BITS));
}

/* The entry of the word whose key is `key`, or NULL: a multiply and a probe
 * or two, inline in the scanners that read a word's key as they go. */
static inline const sg_word_slot *sg_word_key_find(const uint64_t key[2])
{
    for (size_t k = sg_word_slot_of(key); sg_word_tab[k].bits; k = (k + 1) & (SG_WORD_SLOTS - 1))
        if (sg_word_tab[k].k[0] == key[0] && sg_word_tab[k].k[1] == key[1])
            return &sg_word_tab[k];
    return NULL;
}
/* The entry of the word w[0, n) in any case, or NULL. */
const sg_word_slot *sg_word_find(const char *w, size_t n);
/* Is w[0, n), in the case it is written, a word that is no name? */
int sg_word_not_name(const char *w, size_t n);

/* ---- the word table: the words of the readers' and detectors' lists ------- */

/* Bits 32 and up of an entry: the words that sentence, rating and metadata
 * reading and the boilerplate classifier look up (sg_words.c, its second
 * block of words). */
#define SG_WORD_NUMBER (1ull << 32)      /* a number word, "zero" to "ten"; its
                                            value is SG_WORD_VALUE (sg_rating_value.c) */
#define SG_WORD_UNIT (1ull << 33)        /* what a count after a slash is of ("3/4
                                            miles"): no rating's scale */
#define SG_WORD_ABBR_NEVER (1ull << 34)  /* an abbreviation whose full stop ends no
                                            sentence ("Dr.", "vs.") (sg_segment.c) */
#define SG_WORD_ABBR_NUM (1ull << 35)    /* one whose full stop ends none before a
                                            number ("No. 5", "Vol. II") */
#define SG_WORD_ABBR_MAYBE (1ull << 36)  /* one whose full stop ends a sentence only
                                            before a usual opener ("etc.") */
#define SG_WORD_ABBR_CAP (1ull << 37)    /* ... only with a leading capital ("Dr.") */
#define SG_WORD_ABBR_EXACT (1ull << 38)  /* ... only as written ("v." not "V.") */
#define SG_WORD_OPENER (1ull << 39)      /* capitalised ("The"), it usually opens a
                                            sentence */
#define SG_WORD_DATE (1ull << 40)        /* a month or weekday name, or its short
                                            form (sg_boiler.c) */
#define SG_WORD_DATE_GLUE (1ull << 41)   /* a word a date line may hold besides
                                            names and numbers ("at", "utc") */
#define SG_WORD_PARTICLE (1ull << 42)    /* a particle inside a person's name ("van",
                                            "de") (sg_meta.c) */
#define SG_WORD_MEDIUM (1ull << 43)      /* what a genre tag may add after its genre
                                            ("movies", "books") */
#define SG_WORD_STAR (1ull << 44)        /* "star", in a picture's name or alt text
                                            (sg_html_pics.c) */
#define SG_WORD_STAR_HALF (1ull << 45)   /* ... a half star's ("fa-star-half-o") */
#define SG_WORD_STAR_EMPTY (1ull << 46)  /* ... an empty one's ("fa-star-o", "off") */
#define SG_WORD_STAR_FILLED (1ull << 47) /* ... a filled one's ("star filled") */
#define SG_WORD_PICTURE (1ull << 48)     /* a word any picture's name may hold
                                            ("png", "icon") */
#define SG_WORD_SCORE (1ull << 49)       /* an alt text's word of a score ("rating") */
#define SG_WORD_VALUE_SHIFT 56           /* bits 56-59: a number word's value */
#define SG_WORD_VALUE(bits) ((unsigned)((bits) >> SG_WORD_VALUE_SHIFT) & 15u)

/* The bits of w[0, n) in any case, 0 for a word not in the table.  Inline
 * for the scanners' short words: a key of up to 8 bytes is made here, as
 * sg_word_find makes it (ASCII capitals lowered, zero-padded). */
static inline uint64_t sg_word_bits(const char *w, size_t n)
{
    const sg_word_slot *e;
    if (n - 1 < 8) {
        uint64_t key[2] = {0, 0};
        unsigned char b[8] = {0};
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)w[i];
            b[i] = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
        }
        memcpy(key, b, sizeof b);
        e = sg_word_key_find(key);
    } else
        e = sg_word_find(w, n);
    return e ? e->bits : 0;
}

/* What a byte is to the scanners that pass over text a byte at a time: one
 * look-up where they would test ranges.  Built with the word table. */
#define SG_BYTE_ALPHA 0x01  /* an ASCII letter */
#define SG_BYTE_DIGIT 0x02  /* an ASCII digit */
#define SG_BYTE_NUMBER 0x04 /* the first letter, in either case, of a number word */
#define SG_BYTE_GLYPH 0x08  /* the first byte of a rating's glyph: ★ ☆ ⭐ (0xE2),
                               ½ (0xC2), 🌟 (0xF0), ":star:" (':') */
#define SG_BYTE_PLAIN 0x10  /* printable ASCII that ends no sentence: the space
                               and all but '.', '!' and '?' */
extern unsigned char sg_byte_class[256];

/* ---- the document model (sg_doc.c and the readers) ------------------------ */

/* ---- the document: formats (sg_format.c), the model the readers build
 * (sg_doc.c), the readers, and reading (sg_read.c) ------------------------ */

/* Why a block is not article text.  SG_WHY_ARTICLE (0) means it is. */
typedef enum sg_why {
    SG_WHY_ARTICLE = 0,
    SG_WHY_CODE,         /* code blocks and inline code */
    SG_WHY_SCRIPT,       /* <script> */
    SG_WHY_STYLE,        /* <style> */
    SG_WHY_FRONT_MATTER, /* YAML/TOML front matter */
    SG_WHY_NAVIGATION,   /* menus, nav bars, breadcrumbs */
    SG_WHY_RELATED,      /* "Related posts", trending lists */
    SG_WHY_NEWSLETTER,   /* sign-up boxes */
    SG_WHY_SHARE,        /* share bars */
    SG_WHY_COMMENTS,     /* comment sections */
    SG_WHY_FOOTER,       /* page footers, copyright lines */
    SG_WHY_BYLINE,       /* author boxes, dates, read-time lines */
    SG_WHY_OFF,          /* <!-- spoilerguard off --> ... on */
    SG_WHY_BOILERPLATE,  /* other page chrome */
    SG_WHY__COUNT
} sg_why;

/* The report's name for a reason ("code", "navigation", ...). */
const char *sg_why_name(sg_why why);

typedef enum sg_block_kind {
    SG_BLOCK_PARAGRAPH = 0,
    SG_BLOCK_HEADING,
    SG_BLOCK_LIST_ITEM,
    SG_BLOCK_QUOTE,
    SG_BLOCK_TABLE_CELL,
    SG_BLOCK_CODE,
    SG_BLOCK_OTHER
} sg_block_kind;

/* A run of a block's text.  view bytes [view, view+len) of doc->view came from
 * input bytes [src, src+src_len).  When `exact` the bytes are the same (the
 * common case); otherwise the view holds a decoded entity or a space standing
 * for a soft line break, and the whole source range maps to it. */
typedef struct sg_piece {
    size_t view, len;
    size_t src, src_len;
    int exact;
} sg_piece;

typedef struct sg_block {
    sg_block_kind kind;
    int level;             /* heading level 1-6, list depth, 0 otherwise */
    sg_why why;            /* SG_WHY_ARTICLE or why it is skipped */
    size_t start, end;     /* the block's source span, markup included */
    size_t text_start;     /* where block-level insertions go before it
                              (start of its line, or its start tag) */
    size_t outer_start;    /* Markdown list items: where a block inserted
                              before it goes, the first line of its
                              outermost list (a block between two items
                              would split the list); else text_start */
    size_t top_start;      /* Markdown: the first line of the outermost
                              container holding it (list, quote, table),
                              its own first line outside one; else start */
    size_t piece_first, piece_count; /* its text, in doc->pieces */
    size_t view_start, view_len;     /* its text, in doc->view */
    int raw_html;          /* Markdown: the text of a raw HTML block */
} sg_block;

/* Inline markup around text, to tell whether a span can be wrapped whole:
 * +1 where an inline element's markup opens, -1 where it closes. */
typedef struct sg_inline_ev {
    size_t pos;
    int delta;
} sg_inline_ev;

/* Something spoilerguard inserted earlier, found in the input. */
typedef enum sg_chunk_role {
    SG_CHUNK_OPEN,    /* opens a spoiler mark */
    SG_CHUNK_CLOSE,   /* closes it */
    SG_CHUNK_WARNING, /* a warning, whole */
    SG_CHUNK_BADGE,   /* a rating badge, whole */
    SG_CHUNK_JSONLD,  /* schema.org JSON-LD, whole */
    SG_CHUNK_ASSETS   /* the inlined CSS or script, whole */
} sg_chunk_role;

typedef struct sg_chunk {
    size_t start, end;
    sg_chunk_role role;
} sg_chunk;

typedef struct sg_span {
    size_t start, end;
} sg_span;

/* How many of the n spans of v, sorted by start, start before pos. */
size_t sg_spans_before(const sg_span *v, size_t n, size_t pos);

typedef struct sg_skip {
    size_t start, end;
    sg_why why;
} sg_skip;

/* An HTML <meta> or front-matter field the metadata stage may read. */
typedef struct sg_field {
    char *key;   /* lower-case: "title", "author", "og:title", "genre" ... */
    char *value; /* decoded text */
    size_t src;  /* where the value stands in the input, verbatim (front
                    matter); SIZE_MAX when it was decoded (<meta>) */
} sg_field;

typedef struct sg_doc {
    const char *src;
    size_t len;
    sg_format format;

    sg_block *blocks;
    size_t nblocks, cap_blocks;
    sg_piece *pieces;
    size_t npieces, cap_pieces;
    sg_buf view; /* all blocks' text, each block's followed by "\n\n" */

    sg_inline_ev *inl;
    size_t ninl, cap_inl;
    sg_span *marked; /* input ranges already marked as spoilers, by start
                        once read */
    size_t nmarked, cap_marked;
    size_t *marked_reach; /* [k]: the furthest end of marked[0..k], once read */
    sg_span *atomic; /* Markdown autolinks "<...>": nothing may be inserted
                        inside one; by start */
    size_t natomic, cap_atomic;
    sg_chunk *chunks; /* what an earlier run inserted, input order */
    size_t nchunks, cap_chunks;
    sg_span *labels; /* the labels of the visible marks (plain text, Discord,
                        Reddit) among them: a new warning counts them */
    size_t nlabels, cap_labels;
    sg_skip *skipped; /* input ranges skipped that are not whole blocks
                         (inline code, comments, front matter ...) */
    size_t nskipped, cap_skipped;

    sg_field *fields;
    size_t nfields, cap_fields;
    char *html_title; /* <title> text, decoded */

    int max_depth;
} sg_doc;

/* Read `len` bytes into `doc` (format already decided, never AUTO): find
 * what an earlier run inserted, run the format's reader, apply author
 * controls and marks (sg_read.c).  Returns SG_OK or an error (SG_ERR_INPUT
 * for nesting past max_depth). */
sg_status sg_doc_read(sg_doc *doc, const char *src, size_t len, sg_format fmt,
                      int max_depth, sg_error *err);
void sg_doc_free(sg_doc *doc);

/* Builders for the readers.  sg_doc_begin_block opens a block at source
 * offset `start`; pieces added until sg_doc_end_block belong to it. */
int sg_doc_begin_block(sg_doc *doc, sg_block_kind kind, int level, sg_why why,
                       size_t start, size_t text_start);
/* Add text: view gets `n` bytes of `text`, mapped to input [src, src+src_len).
 * exact=1 when text == doc->src + src and n == src_len. */
int sg_doc_add_text(sg_doc *doc, const char *text, size_t n, size_t src,
                    size_t src_len, int exact);
int sg_doc_end_block(sg_doc *doc, size_t end);
int sg_doc_inline(sg_doc *doc, size_t pos, int delta);
int sg_doc_skip(sg_doc *doc, size_t start, size_t end, sg_why why);
int sg_doc_mark(sg_doc *doc, size_t start, size_t end);
/* `at`: the input offset of `value` when it is the input's own bytes, else
 * SIZE_MAX. */
int sg_doc_field(sg_doc *doc, const char *key, const char *value, size_t vlen, size_t at);

/* The readers; each fills `doc` from doc->src. */
sg_status sg_read_plain(sg_doc *doc, sg_error *err);
sg_status sg_read_markdown(sg_doc *doc, sg_error *err);
sg_status sg_read_html(sg_doc *doc, sg_error *err);

/* Front matter: when `src` starts with a YAML ("---") or TOML ("+++") block,
 * returns its length (through the closing line) and adds its key: value
 * fields to `doc`; else 0. */
size_t sg_front_matter(sg_doc *doc, const char *src, size_t len);

/* Is input byte `pos` inside something an earlier run inserted? */
int sg_doc_in_chunk(const sg_doc *doc, size_t pos);

/* Is input span [s, e) inside text the author or an earlier run marked? */
int sg_doc_is_marked(const sg_doc *doc, size_t s, size_t e);

/* Author-marked spoilers inside a block's view text (||..||, >!..!<,
 * [spoiler]..[/spoiler]); adds them to doc->marked as input ranges. */
void sg_doc_find_author_marks(sg_doc *doc, const sg_block *b);

/* Map a view offset to an input offset (start side or end side). */
size_t sg_doc_to_src(const sg_doc *doc, const sg_block *b, size_t view,
                     int is_end);

/* Plain-text boilerplate classification over the doc's blocks (also used
 * after the HTML reader for text outside any marked container;
 * sg_boiler.c). */
void sg_classify_boilerplate(sg_doc *doc, size_t first_block);

/* ---- sentences (sg_segment.c) -------------------------------------------- */

typedef struct sg_sentence {
    size_t block;               /* index into doc->blocks */
    size_t view_start, view_end;/* into doc->view, whitespace trimmed */
    size_t start, end;          /* input span */
} sg_sentence;

/* Split `text` (n bytes) into sentences; calls `emit(ctx, start, end)` with
 * offsets into text, whitespace trimmed, in order, covering every
 * non-space byte exactly once.  Never allocates. */
typedef void (*sg_sentence_fn)(void *ctx, size_t start, size_t end);
void sg_segment(const char *text, size_t n, sg_sentence_fn emit, void *ctx);

/* ---- characters (sg_entities.c) ------------------------------------------ */

typedef struct sg_character {
    char *name;  /* as first written */
    char *actor; /* or NULL */
    int mentions;
} sg_character;

typedef struct sg_cast {
    sg_character *people;
    size_t n, cap;
    struct sg_cast_ix *ix; /* lookup tables (sg_entities.c), built when needed */
} sg_cast;

/* Learn characters from the article sentences. */
void sg_cast_learn(sg_cast *cast, const sg_doc *doc, const sg_sentence *s,
                   size_t ns);
int sg_cast_add(sg_cast *cast, const char *name, size_t n, const char *actor,
                size_t an);
/* Find a known character (or a role word such as "her friend", "the villain")
 * in text[from, to).  Returns the name (borrowed) or NULL; *at gets offset. */
const char *sg_cast_find(const sg_cast *cast, const char *text, size_t from,
                         size_t to, size_t *at, int *is_role);
/* Build the lookup tables sg_cast_find would build on first use, so that
 * several threads can then call it on the same cast. */
void sg_cast_prepare(const sg_cast *cast);
void sg_cast_free(sg_cast *cast);

/* ---- rules (sg_rules.c) --------------------------------------------------- */

typedef struct sg_ruleset sg_ruleset;

/* A candidate flag found by a rule on one sentence. */
typedef struct sg_hit {
    size_t sentence;
    size_t ev_start, ev_end; /* view offsets of the evidence */
    const char *kind;        /* borrowed from the rule */
    const char *rule;
    sg_severity severity;
    double confidence;
    const char *character;
} sg_hit;

/* A rule of this kind is evidence against a sentence ("a killer performance",
 * "the ending feels rushed"): it raises no flag and discounts the model's
 * score by its confidence, since the model cannot tell a figure of speech or
 * an opinion about the ending from the event itself. */
#define SG_COUNTER_KIND "counter"

sg_ruleset *sg_rules_new(void);
void sg_rules_free(sg_ruleset *rs);
sg_status sg_rules_add(sg_ruleset *rs, const sg_rule_def *def, sg_error *err);
size_t sg_rules_count(const sg_ruleset *rs);
/* Whether a rule of the set has this id. */
int sg_rules_has(const sg_ruleset *rs, const char *id);
/* Add the built-in pack (generated from lua/spoilerguard/rules/). */
sg_status sg_rules_add_defaults(sg_ruleset *rs, sg_error *err);
/* Match every rule against sentence `si` (its text is view[s->view_start,
 * s->view_end)); append hits.  Returns SG_OK or SG_ERR_RULE when a pattern
 * exceeds its match limit (message names the rule). */
typedef struct sg_match_ctx sg_match_ctx; /* per-thread match data */
sg_match_ctx *sg_match_ctx_new(const sg_ruleset *rs);
void sg_match_ctx_free(sg_match_ctx *mc);
sg_status sg_rules_match(const sg_ruleset *rs, sg_match_ctx *mc,
                         const char *view, const sg_sentence *s, size_t si,
                         const sg_cast *cast, sg_hit **hits, size_t *nhits,
                         size_t *cap, sg_error *err);
/* The literal prefilter (on by default): a rule runs on a sentence only when
 * the sentence holds one of the literals every match of its patterns
 * contains.  Off: every rule runs on every sentence (same results, slower).
 * sg_rules_literals gives a rule's literals, or (size_t)-1 when the rule runs
 * on every sentence because they could not be derived. */
void sg_rules_set_prefilter(sg_ruleset *rs, int on);
size_t sg_rules_literals(const sg_ruleset *rs, size_t rule, const char *const **lits);
/* A pattern of the form \b(?:X1|X2|...|Xn)\b (either \b may be missing)
 * whose branches run alone find what it finds (sg_branches.c): returns n,
 * 2 to max; *pre gets the length of the leading \b (0 or 2), *post where
 * the group's ')' is, and at[i] where branch i starts (it ends at the next
 * one's '|' or at that ')').  0 otherwise. */
size_t sg_pattern_branches(const char *pat, size_t *pre, size_t *post, size_t *at,
                           size_t max);

/* ---- the learned scorer (sg_score.c) -------------------------------------- */

/* Probability in [0,1] that a sentence tells the story, from hashed word and
 * word-pair features and cue features.  `n` bytes of text. */
double sg_score_sentence(const char *text, size_t n);
/* What the scorer's one pass over a sentence's words saw, for the context
 * stage: cue families (SG_CUE_* of sg_score.h), words, the reviewer's
 * first person ("I", "me", "we"), the reader's "you", words that judge
 * ("great", "rushed") and words of the review's own vocabulary. */
typedef struct sg_sentence_words {
    unsigned cues;
    unsigned words, first, second, judging, review;
} sg_sentence_words;
/* sg_score_sentence, filling w from the same pass. */
double sg_score_sentence_words(const char *text, size_t n, sg_sentence_words *w);

/* ---- context: where a sentence stands in the post (sg_context.c) -------- */

struct sg_analysis;

/* What the stages before context said of one sentence. */
#define SG_EV_DEATH 0x1u
#define SG_EV_ENDING 0x2u
#define SG_EV_TWIST 0x4u
#define SG_EV_OTHER 0x8u
typedef struct sg_evidence {
    /* kept for every sentence of a post, so kept small: floats and narrow
     * counts (a count past its type's maximum stays at the maximum) */
    float model;   /* the scorer's probability */
    float rule;    /* the best non-counter rule hit's confidence, 0 if none */
    float counter; /* the best counter hit's confidence, 0 if none */
    uint32_t flag_first; /* its flags in analysis->all ... */
    uint16_t flag_count; /* ... this many */
    /* its words, from the scorer's pass (sg_sentence_words): SG_CUE_*
     * families, how many words, how many of the review's vocabulary and of
     * judging words, and the voice */
    uint16_t cues, words, review, judging;
    uint8_t kinds; /* SG_EV_* of the rule hits */
    uint8_t major, first_person, second_person;
} sg_evidence;

/* Record hits[0..nhits), the model's probability and what the scorer's
 * pass saw of the words for one sentence; flag_first and flag_count are
 * left 0 for the caller. */
void sg_evidence_note(sg_evidence *e, const sg_hit *hits, size_t nhits, double model,
                      const sg_sentence_words *w);

/* The words of a sentence that tell the story (sg_context_words.c): how
 * many name its events ("escapes", "dies", "reveals", "finally"; the count
 * stops at 255). */
typedef struct sg_plot_words {
    uint8_t events;
    uint8_t read; /* events is known (left 0 by sg_context_read_sentence: the
                     context stage reads a sentence's words when it needs them) */
} sg_plot_words;
void sg_context_read_sentence(const char *t, size_t n, sg_plot_words *pw);
/* What a heading's words say its section holds: 1 the story ("Plot",
 * "Synopsis", "The ending"), -1 the verdict ("Verdict", "Final thoughts"),
 * 0 neither. */
int sg_context_heading_class(const char *t, size_t n);

/* A post's context: the sections it declares and its paragraphs' scores.
 * Arrays are owned; sg_context_free releases them. */
typedef struct sg_context {
    unsigned char *section; /* per block: inside a declared spoiler section */
    double *block_model;    /* per block: the sum of its sentences' scores */
    size_t *block_first;    /* per block: its first sentence */
    size_t *block_sents;    /* per block: its number of sentences */
    size_t *block_names;    /* per block: sentences naming a character */
    size_t *block_voice;    /* per block: sentences in the first person */
    size_t *block_rules;    /* per block: sentences a rule matched */
    unsigned char *block_named; /* per block: names looked up yet */
    unsigned char *names;   /* per sentence: 2 names a character, 1 a role
                               (once its block is looked up) */
    sg_plot_words *plot;    /* per sentence: its words of the story */
    signed char *head;      /* per block: the class of the heading it stands
                               under (sg_context_heading_class) */
    int declared;           /* the post declares a spoiler section */
    int spoiler_free;       /* the post declares itself spoiler-free */
} sg_context;

/* The features of one sentence, in this order (sg_context_feature_names). */
enum {
    SG_CTX_BIAS, SG_CTX_MODEL, SG_CTX_RULE, SG_CTX_RULE_MAJOR, SG_CTX_COUNTER,
    SG_CTX_KIND_DEATH, SG_CTX_KIND_ENDING, SG_CTX_KIND_TWIST, SG_CTX_KIND_OTHER,
    SG_CTX_CHARACTER, SG_CTX_ROLE, SG_CTX_SECTION, SG_CTX_DECLARED,
    SG_CTX_SPOILER_FREE, SG_CTX_POSITION, SG_CTX_LAST_QUARTER, SG_CTX_FIRST_TENTH,
    SG_CTX_HEADING, SG_CTX_LIST_ITEM, SG_CTX_QUOTE, SG_CTX_FIRST_PERSON,
    SG_CTX_SECOND_PERSON, SG_CTX_QUESTION, SG_CTX_EXCLAIM, SG_CTX_WORDS,
    SG_CTX_PARA_MODEL, SG_CTX_NEAR_MODEL, SG_CTX_PARA_VOICE, SG_CTX_PARA_NAMES,
    SG_CTX_CUE_DEATH, SG_CTX_CUE_END, SG_CTX_CUE_REVEAL, SG_CTX_CUE_CHANGE,
    SG_CTX_CUE_HYPO, SG_CTX_REVIEW_WORDS, SG_CTX_SAYS_SPOILER, SG_CTX_PARA_RULES,
    SG_CTX_SHORT_POST, SG_CTX_JUDGING, SG_CTX_EVENTS, SG_CTX_NAME_EVENT,
    SG_CTX_HEAD_PLOT, SG_CTX_HEAD_VERDICT,
    SG_CTX_NFEAT
};
extern const char *const sg_context_feature_names[SG_CTX_NFEAT];
/* The fitted model (plugin/detect/sg_context_model.c, by tools/sg_train_context.py):
 * one weight per feature; the probability at which a sentence is flagged
 * (and major), and the lower one at which a sentence a rule matched keeps
 * its rule's flag and severity. */
extern const double sg_context_weights[SG_CTX_NFEAT];
extern const double sg_context_threshold, sg_context_rule_threshold;
/* A rule hit at least this confident (one its rule did not lower as a
 * hypothetical or the reviewer's voice) takes the lower bar. */
#define SG_CONTEXT_RULE_SURE 0.5
/* Posts of fewer sentences keep the flags their words raised. */
#define SG_CONTEXT_MIN 4

/* Read the post's sections and paragraphs; 0 on OOM. */
int sg_context_prepare(const struct sg_analysis *a, const sg_evidence *ev, sg_context *cx);
void sg_context_free(sg_context *cx);
/* The SG_CTX_NFEAT features of sentence si into x (looks up who its
 * paragraph names, once, into cx). */
void sg_context_row(const struct sg_analysis *a, const sg_evidence *ev, sg_context *cx,
                    size_t si, double *x);
/* The model's probability for a feature row. */
double sg_context_score(const double *x);
/* Rescore every flag of the analysis by its context and add the flags the
 * context raises on sentences the words left unflagged. */
sg_status sg_context_apply(struct sg_analysis *a, const sg_evidence *ev, sg_error *err);

/* ---- rating and metadata (sg_rating.c, sg_meta.c) ------------------------- */

typedef struct sg_rating_out {
    int found;
    size_t start, end;
    char *text;
    double value, scale, normalized;
    char *verdict;
} sg_rating_out;

void sg_rating_find(const sg_doc *doc, const sg_sentence *s, size_t ns,
                    sg_rating_out *out);
void sg_rating_clear(sg_rating_out *r);

/* One rating read from a whole value (a front-matter field's). */
typedef struct sg_rating_read {
    size_t s, e;  /* the rating's bytes in the value */
    int verdict;  /* a letter grade or a verdict word: no value or scale */
    int bare;     /* a number alone: its scale is a guess */
    double value, scale, norm;
} sg_rating_read;

/* Read `t` (n bytes) as one rating and nothing else ("3.5", "7/10",
 * "⭐⭐⭐⭐", "B+", "Recommended"); 0 when it is none (sg_rating_value.c). */
int sg_rating_read_value(const char *t, size_t n, sg_rating_read *r);

/* Is `text` (NUL-terminated) a letter grade and nothing else ("B+", "A-",
 * "F"), as opposed to a verdict in words (sg_rating.c)? */
int sg_rating_is_grade(const char *text);

/* The rating a front-matter field gives, its span the value's own bytes in
 * the input; 0 when no field gives one (sg_rating_fields.c). */
int sg_rating_from_fields(const sg_doc *doc, sg_rating_read *r, size_t *at);

/* Read the review's own rating from the JSON-LD in doc->src[start, end) (a
 * script element's content): a Review's reviewRating becomes the fields
 * "ratingvalue" and "bestrating", verbatim, for sg_rating_from_fields.
 * Text that is not JSON, or reviews that disagree, add nothing.  Returns 0
 * when out of memory, else 1 (sg_html_ld.c). */
int sg_html_ld_read(sg_doc *doc, size_t start, size_t end);

typedef struct sg_meta {
    char *title, *work, *year, *author, *date, *excerpt;
    char **genres;
    size_t ngenres;
} sg_meta;

void sg_meta_find(const sg_doc *doc, const sg_sentence *s, size_t ns,
                  sg_meta *out);
/* The excerpt: up to ~160 bytes from unflagged article sentences. */
char *sg_meta_excerpt(const sg_doc *doc, const sg_sentence *s, size_t ns,
                      const unsigned char *flagged);
void sg_meta_clear(sg_meta *m);

/* ---- the analysis (sg_engine.c) ------------------------------------------- */

/* A custom rule: a function in place of patterns (sg_hooks.c). */
typedef struct sg_custom_rule {
    char *id, *kind, *source;
    sg_severity severity;
    double confidence;
    int (*match)(const struct sg_analysis *a, const sg_sentence_info *s,
                 sg_flag_edit *flag, sg_error *err, void *userdata);
    void *userdata;
} sg_custom_rule;

struct sg_engine {
    sg_ruleset *rules;
    sg_cast extra_cast; /* characters the user added */
    int use_model;      /* the learned scorer takes part */
    sg_custom_rule *custom; /* custom rules, in the order added */
    size_t ncustom, cap_custom;
    sg_hooks *hooks; /* hook sets, in the order added (source owned) */
    size_t nhooks, cap_hooks;
};

struct sg_analysis {
    const sg_engine *engine;
    sg_options opts;
    sg_doc doc;
    sg_sentence *sentences;
    size_t nsentences, cap_sentences;
    sg_cast cast;
    sg_evidence *evidence; /* per sentence: what the rules and scorer said */
    sg_flag *all;       /* every candidate flag (after conditions) */
    size_t nall, cap_all;
    sg_flag *flags;     /* those passing the thresholds */
    size_t nflags, cap_flags;
    char **strings;     /* owned strings the flags point into */
    size_t nstrings, cap_strings;
    sg_rating_out rating;
    sg_rating rating_pub;
    sg_meta meta;
    char *markup[3];    /* replacements: warning, badge, jsonld */
    size_t markup_len[3];
    int excerpt_set;    /* a hook set the excerpt: finish keeps it */
    sg_style style;     /* the style asked for, or SG_STYLE_AUTO's pick */
    const char *style_why; /* why (static) */
    /* sg_analysis_characters' arrays, built on the first call */
    const char **char_names, **char_actors;
};

/* A sentence holds one flag per kind: f joins a->all[from, nall) unless a
 * flag of its kind on its sentence (same start) is there.  Then the more
 * confident of the two is kept whole, and the other can only raise its
 * severity.  0 on OOM. */
int sg_analysis_put_flag(sg_analysis *a, size_t from, const sg_flag *f);
/* Add a flag covering sentence s whole (no cue), for a verdict on the
 * sentence rather than on a rule's match; `kind` and `rule` must outlive
 * the analysis (literals or interned).  0 on OOM. */
int sg_analysis_flag_sentence(sg_analysis *a, const sg_sentence *s, const char *kind,
                              const char *rule, sg_severity severity, double confidence,
                              double model);
/* Keep a copy of a string for the analysis' lifetime; NULL on OOM. */
const char *sg_analysis_intern(sg_analysis *a, const char *s, size_t n);

/* ---- custom rules and hooks (sg_hooks.c) ---------------------------------- */

/* Add a custom rule (def->match set), checked as sg_engine_add_rule says. */
sg_status sg_hooks_add_rule(sg_engine *e, const sg_rule_def *def, sg_error *err);
/* Whether a custom rule has this id. */
int sg_hooks_has_rule(const sg_engine *e, const char *id);
/* Run the custom rules and the document, sentence, flag and rating hooks on
 * a finished analysis, then sg_analysis_finish; nothing when the engine has
 * none. */
sg_status sg_hooks_analysis(sg_analysis *a, sg_error *err);
void sg_hooks_free(sg_engine *e);

/* ---- render, strip, report ----------------------------------------------- */

char *sg_render_doc(const sg_analysis *a, size_t *out_len, sg_error *err);
/* Find the chunks an earlier run inserted (see sg_strip.c for each dialect's
 * signature) and add them to doc->chunks. */
void sg_find_chunks(sg_doc *doc);
/* sg_find_chunks, adding to `notes` (when not NULL) a line "line N: ..." for
 * each piece in spoilerguard's visible form that it could not prove its own
 * and left in the text. */
void sg_find_chunks_noting(sg_doc *doc, sg_buf *notes);
char *sg_report_json(const sg_analysis *a, const char *id, size_t id_len,
                     size_t *out_len);

/* Signatures (documented in README.md, "What spoilerguard inserts", and at
 * the top of sg_strip.c). */
#define SG_ATTR "data-spoilerguard"
#define SG_MD_OPEN_FMT "<!--sg:%c-->" /* o n c w b */
#define SG_MD_END "<!--/sg-->"
/* Markdown for Obsidian: the callout metadata that signs an inserted callout,
 * "> [!TYPE|sg-RN]" (see sg_strip.c). */
#define SG_CALLOUT_SIG "|sg-"
/* Plain text (and Markdown asked for plain marks), Discord and Reddit: what
 * is inserted is visible text in an exact form (the specification is at the top of sg_strip.c).  A mark is
 * OPEN LABEL SEP ... CLOSE, LABEL its kinds ("death, twist"). */
typedef enum sg_vis_form_id {
    SG_VIS_PLAIN = 0,    /* [spoiler: death] ... [/spoiler] */
    SG_VIS_DISCORD,      /* ||death: ...|| */
    SG_VIS_DISCORD_CELL, /* \|\|death: ...\|\| (a Markdown table cell) */
    SG_VIS_REDDIT,       /* >!death: ...!< */
    SG_VIS_PANDOC,       /* [death: ...]{.spoiler} (plain input) */
    SG_VIS_MD_PLAIN,     /* \[spoiler: death\] ... \[/spoiler\] (Markdown) */
    SG_VIS__COUNT
} sg_vis_form_id;
typedef struct sg_vis_form {
    const char *open, *sep, *close;
} sg_vis_form;
extern const sg_vis_form sg_vis_forms[SG_VIS__COUNT];
/* The warning line: SG_VIS_WARNING, the phrase, then " N passage is marked
 * below." or " N passages are marked below.", a blank line after it. */
#define SG_VIS_WARNING "\xE2\x9A\xA0 " /* "⚠ " */
#define SG_VIS_TALLY_ONE " passage is marked below."
#define SG_VIS_TALLY_MANY " passages are marked below."
/* The badge: "[Rating · VALUE]" (Markdown: "\[Rating · VALUE\]"). */
#define SG_VIS_BADGE "[Rating \xC2\xB7 "
#define SG_VIS_MD_BADGE "\\[Rating \xC2\xB7 "
/* A label's and a badge value's most bytes. */
#define SG_VIS_LABEL_MAX 96
#define SG_VIS_VALUE_MAX 256
/* Write the label of a mark of these kinds: each kind in lower case, a byte
 * that is not a letter, digit or '-' (and an invisible or control code
 * point) as '-', an empty kind as "spoiler", kinds joined by ", ", at most
 * SG_VIS_LABEL_MAX bytes. */
void sg_vis_put_label(sg_buf *b, const char *const *kinds, size_t n);
/* One word of a label or warning, written the same way. */
void sg_vis_put_word(sg_buf *b, const char *w, size_t n);
/* Markdown: is `pos` at the start of a line's content (only spaces, tabs,
 * container and list markers before it), where a comment would open an HTML
 * block and '>' a block quote? */
int sg_md_line_head(const char *s, size_t pos);
/* Markdown block chunks follow at most this much indentation. */
#define SG_MD_MAX_INDENT 64
/* Is s[at] preceded on its line by spaces and tabs only (at most
 * SG_MD_MAX_INDENT)?  *line_start gets where the line starts. */
int sg_md_indent_before(const char *s, size_t at, size_t *line_start);

/* A start or end tag as the HTML tokenizer (sg_html.c) reads it, by offsets
 * into the input: the view of tags strip and render take (sg_strip_html.c).
 * Comments, doctypes, raw text and quoted '>' are read as the reader reads
 * them. */
typedef struct sg_tag {
    size_t start, end;     /* '<' .. just past '>' */
    size_t name, name_len; /* the tag name in the input */
    size_t attrs;          /* where the attributes begin */
    int closing, self_closing;
    int raw; /* sg_tag_next: raw text (script, style, ...) followed and was skipped */
} sg_tag;
/* The next start or end tag at or after *pos; moves *pos past it (and past
 * the content of a raw-text element).  0 when there is none. */
int sg_tag_next(const char *s, size_t len, size_t *pos, sg_tag *t);
/* The tag starting at s[at], if one does. */
int sg_tag_at(const char *s, size_t len, size_t at, sg_tag *t);
int sg_tag_is(const char *s, const sg_tag *t, const char *lower_name);
/* 1 when t is a void element (br, img, ...), which has no end tag. */
int sg_tag_void(const char *s, const sg_tag *t);

#endif
