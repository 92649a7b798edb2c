/*
 * sg_json.h -- a small strict JSON reader: for the command line's batch mode,
 * one JSON Lines object {"id": string|number, "text": string, "from": string}
 * per line, other keys checked for syntax and ignored; a walk over any JSON
 * value's scalars, for the JSON-LD in pages; and the JSON string escaper all
 * of spoilerguard's JSON is written with.
 */
#ifndef SG_JSON_H
#define SG_JSON_H

#include <stddef.h>
#include <stdio.h>

/* How deep arrays and objects may nest inside an ignored value. */
#define SG_JSON_MAX_DEPTH 64

typedef enum sg_json_id_type {
    SG_JSON_ID_NONE = 0, /* absent or null */
    SG_JSON_ID_STRING,   /* `id` holds the decoded string */
    SG_JSON_ID_NUMBER    /* `id` holds the number exactly as written */
} sg_json_id_type;

/* One batch line.  Strings are owned (free with sg_json_line_free), hold
 * `*_len` bytes and are NUL-terminated for convenience; decoded strings may
 * hold NUL bytes (from \u0000). */
typedef struct sg_json_line {
    sg_json_id_type id_type;
    char *id;
    size_t id_len;
    char *text; /* NULL when the line has no "text" */
    size_t text_len;
    char *from; /* NULL when the line has no "from" */
    size_t from_len;
} sg_json_line;

/* Parse one line of `len` bytes (a trailing "\n" or "\r\n" is allowed).
 * Returns 0 and fills `out`, or -1 and writes a message to `msg` (of `msgsz`
 * bytes) such as "line 3: expected ':' at column 12" (`line_no` 0 leaves out
 * the "line N: " part).  On failure `out` still holds the id when it was read
 * before the error, so an error report can name it; call sg_json_line_free
 * either way.  Checks the syntax only: a missing "text" is the caller's to
 * judge. */
int sg_json_parse_line(const char *s, size_t len, size_t line_no, sg_json_line *out,
                       char *msg, size_t msgsz);
void sg_json_line_free(sg_json_line *line);

/* A string, number or literal that sg_json_walk found. */
typedef struct sg_json_scalar {
    const char *key;        /* the key it is the value of, decoded (not
                               NUL-terminated); NULL for a top-level value */
    size_t key_len;
    const char *holder_key; /* the key its object was reached by ("reviewRating"
                               for {"reviewRating": {"ratingValue": 4}}); NULL
                               at the top; arrays are passed through */
    size_t holder_key_len;
    size_t object;          /* its object's number, 1 up in input order; 0 for none */
    size_t start, end;      /* the value as written in the text: a string's
                               bytes between its quotes, escapes undecoded */
    int is_string;
} sg_json_scalar;
/* Called for each scalar; `v` and its keys live for the call only. */
typedef void (*sg_json_scalar_fn)(const sg_json_scalar *v, void *ud);

/* Walk one JSON value of `len` bytes (JSON-LD, say), calling `fn` for each
 * scalar in input order.  Returns 0, or -1 when the text is not one JSON
 * value (scalars before the error may have been passed to `fn`).  Allocates
 * nothing that outlives the call. */
int sg_json_walk(const char *s, size_t len, sg_json_scalar_fn fn, void *ud);

/* Whether `len` bytes hold only JSON whitespace (a blank line). */
int sg_json_blank(const char *s, size_t len);

/* Where sg_json_escape hands what it writes: `n` bytes at `p`. */
typedef void (*sg_json_sink)(void *ctx, const char *p, size_t n);

/* The one JSON string escaper (the report's, through sg_buf_put_json, and
 * the batch's): writes `n` bytes as the inside of a JSON string (no quotes)
 * to put(ctx, ...), piece by piece.  '"', '\\' and control characters are
 * escaped; "</" is written "<\/", so the JSON is inert inside a <script>
 * element, and U+2028 and U+2029 as \u2028 and \u2029, which end a
 * JavaScript string literal.  Bytes that are not valid UTF-8 are written as
 * \u00XX of the byte, so the output is always valid JSON (lossy for such
 * bytes). */
void sg_json_escape(const char *s, size_t n, sg_json_sink put, void *ctx);

/* Write `len` bytes to `f` as a JSON string, quotes included, escaped by
 * sg_json_escape. */
void sg_json_write_string(FILE *f, const char *s, size_t len);

#endif
