/* sg_html.h -- a streaming HTML tokenizer following the WHATWG tokenizer
 * states (data, tags and attributes, comments, doctype, RCDATA, RAWTEXT,
 * script data with its escape states, PLAINTEXT).  No tree is built: the
 * caller walks tokens and keeps whatever context it needs.
 *
 * Offsets are bytes into the input, which need not be NUL-terminated and may
 * hold NUL bytes and invalid UTF-8.  Every token is found in time linear in
 * its length; a tag or comment cut off by the end of the input is dropped
 * (tags) or runs to the end (comments, raw text), as browsers do. */
#ifndef SG_HTML_H
#define SG_HTML_H

#include "sg_charref.h"
#include "sg_internal.h"

typedef enum sg_html_type {
    SG_HTML_EOF = 0,
    SG_HTML_TEXT, /* character data; references not yet decoded */
    SG_HTML_START_TAG,
    SG_HTML_END_TAG,
    SG_HTML_COMMENT, /* comment, bogus comment ("<?..>", "<!x>"), CDATA */
    SG_HTML_DOCTYPE,
    SG_HTML_RAWTEXT /* the content of script, style, title, textarea,
                       xmp, iframe, noembed, noframes, noscript,
                       plaintext; `rcdata` when references decode */
} sg_html_type;

#define SG_HTML_NAME_MAX 32

typedef struct sg_html_token {
    sg_html_type type;
    size_t start, end;           /* the whole token */
    size_t text_start, text_end; /* comment body; text and raw text: content */
    char name[SG_HTML_NAME_MAX]; /* tag or doctype name, lower-case, cut to fit */
    size_t name_len;             /* the name's full length */
    int self_closing;            /* "<x ... />" */
    int rcdata;                  /* raw text whose references decode */
    int cut;                     /* comment, doctype or raw text ended by EOF */
    size_t attr_start, attr_end; /* tags: where the attributes are */
} sg_html_token;

typedef struct sg_html_attr {
    size_t name, name_len;   /* raw name (compare case-insensitively) */
    size_t value, value_len; /* raw value without quotes, undecoded */
    int has_value;
} sg_html_attr;

typedef struct sg_html_tokenizer {
    const char *src;
    size_t len, pos;
    int state;                       /* data, rcdata, rawtext, script, plaintext */
    char raw_name[SG_HTML_NAME_MAX]; /* the element whose end tag ends raw text */
    size_t raw_len;
    /* Set by the caller while inside <svg> or <math>: start tags there do not
     * switch to raw text and "<![CDATA[" opens a CDATA section. */
    int foreign;
} sg_html_tokenizer;

void sg_html_init(sg_html_tokenizer *t, const char *src, size_t len);
/* The next token into *tok; returns 0 (and type SG_HTML_EOF) at the end. */
int sg_html_next(sg_html_tokenizer *t, sg_html_token *tok);
/* Is the token's tag name `name` (lower-case)? */
int sg_html_is(const sg_html_token *tok, const char *name);

/* How the HTML reader takes a tag: returns why its content is article text
 * or not (SG_WHY_ARTICLE for a tag it does not know), and sets *kind (the
 * block kind its text gets), *block (its tags break a block of text: not a
 * phrasing element) and *is_void (it has no end tag). */
sg_why sg_html_tag_class(const sg_html_token *tok, sg_block_kind *kind, int *block,
                         int *is_void);

/* Iterate a tag's attributes: start with *cursor = 0; returns 0 when done.
 * Duplicates are returned too (browsers keep the first). */
int sg_html_attr_next(const sg_html_tokenizer *t, const sg_html_token *tok,
                      size_t *cursor, sg_html_attr *a);
/* The first attribute called `name` (lower-case); 0 when absent. */
int sg_html_attr_get(const sg_html_tokenizer *t, const sg_html_token *tok,
                     const char *name, sg_html_attr *a);
int sg_html_attr_name_is(const char *src, const sg_html_attr *a, const char *name);
/* Append the attribute's value, references decoded, to `out`. */
int sg_html_attr_value(const char *src, const sg_html_attr *a, sg_buf *out);

/* The text an image that draws a rating stands for (sg_html_pics.c), from
 * its alt text and, without one, its file's name: a star's glyph (★, ½ or
 * ☆), or the alt text when it gives a score ("4 out of 5 stars").  Written
 * to `out` (emptied first); returns 1 when there is such text, 0 when the
 * image draws no rating, -1 out of memory.  Markdown's images too. */
int sg_pic_image_text(const char *alt, size_t alt_len, const char *src, size_t src_len,
                      sg_buf *out);
/* The text a picture that draws a rating stands for (sg_html_pics.c): for
 * an <img> (tag SG_TAG_IMG) or an empty icon element (<i>, <span>) drawing a
 * star, its glyph (★, ½ or ☆); for an image whose alt text gives a score, that
 * text.  *filled_run (0 at the start of a row of icons) is set once an icon
 * says its star is filled in; the icons after it that do not are empty.
 * Written to `out` (emptied first), with *end the end of what the text
 * stands for (the tag; an icon's end tag); returns 1 when there is such
 * text, 0 when the picture draws no rating (an icon that is not empty
 * draws none), -1 out of memory. */
int sg_html_pic_text(const sg_html_tokenizer *tz, const sg_html_token *tok, int tag,
                     int *filled_run, sg_buf *out, size_t *end);

#endif
