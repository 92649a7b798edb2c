/*
 * spoilerguard.h -- find the sentences of a review that give the story away,
 * mark them, and badge the review's own rating.
 *
 * The path of one article: bytes -> document (blocks with byte spans) ->
 * sentences -> rules and scorer -> flags -> render.  Everything here is plain
 * C11; Lua enters only through the binding module spoilerguard.core.
 *
 * Conventions
 *   - Every function takes explicit lengths; input need not be NUL-terminated
 *     and may hold NUL bytes and invalid UTF-8, which are kept as they are.
 *   - Errors are values: functions return SG_OK or an sg_status, and fill an
 *     sg_error (when given) with a message naming what was at fault.
 *   - Handles are opaque.  What a function returns through an out-pointer is
 *     owned by the caller and freed with the matching sg_*_free function, unless
 *     the declaration says the pointer is borrowed.
 *   - An engine is not shared state: two engines never touch each other.  One
 *     engine may be used by one thread at a time; analyses it produced may be
 *     read from any thread.
 */
#ifndef SPOILERGUARD_H
#define SPOILERGUARD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SG_VERSION "0.1.0"

#if defined(__GNUC__)
#define SG_API __attribute__((visibility("default")))
#else
#define SG_API
#endif

/* ---- errors ------------------------------------------------------------ */

typedef enum sg_status {
    SG_OK = 0,
    SG_ERR_USAGE,   /* a bad argument or option value */
    SG_ERR_INPUT,   /* input that cannot be processed: too large, too deep */
    SG_ERR_RULE,    /* a rule that does not compile or exceeds its limits */
    SG_ERR_HOOK,    /* a hook or Lua rule failed (set by a binding) */
    SG_ERR_MEMORY   /* out of memory */
} sg_status;

/* An error value.  `message` is always NUL-terminated (empty on success). */
typedef struct sg_error {
    sg_status status;
    char message[512];
} sg_error;

/* A static English name for a status ("usage", "input", ...). */
SG_API const char *sg_status_name(sg_status status);

/* ---- formats, dialects, kinds ------------------------------------------- */

typedef enum sg_format {
    SG_FORMAT_AUTO = 0, /* by content (sg_detect_format) */
    SG_FORMAT_PLAIN,
    SG_FORMAT_MARKDOWN,
    SG_FORMAT_HTML
} sg_format;

/* Parse "plain", "markdown" ("md"), "html"; returns SG_FORMAT_AUTO for
 * "auto" and -1 for anything else. */
SG_API int sg_format_parse(const char *name);
/* "plain", "markdown", "html" (a static string). */
SG_API const char *sg_format_name(sg_format format);
/* Guess the format of `len` bytes by their content: HTML when the text starts
 * with a tag or holds common block tags, Markdown when it has Markdown block
 * syntax (headings, fences, lists, links, emphasis), plain otherwise. */
SG_API sg_format sg_detect_format(const char *text, size_t len);
/* The format a file name implies (.md .markdown .html .htm .txt ...), or
 * SG_FORMAT_AUTO when the extension says nothing. `path` is NUL-terminated. */
SG_API sg_format sg_format_from_path(const char *path);

/* How spoilers are marked.  SG_STYLE_AUTO picks by format: html-span for HTML,
 * md-html for Markdown, plain for plain text. */
typedef enum sg_style {
    SG_STYLE_AUTO = 0,
    SG_STYLE_HTML_SPAN,    /* <span class="spoiler"> inside the paragraph */
    SG_STYLE_HTML_DETAILS, /* <details class="spoiler"> around whole blocks */
    SG_STYLE_MD_DISCORD,   /* ||...|| */
    SG_STYLE_MD_REDDIT,    /* >!...!< */
    SG_STYLE_MD_PANDOC,    /* [...]{.spoiler} */
    SG_STYLE_MD_HTML,      /* raw HTML spans inside Markdown */
    SG_STYLE_PLAIN         /* a warning line and [SPOILER] ... [/SPOILER] */
} sg_style;

/* Parse a dialect name ("html-span", ..., "plain", "auto"); -1 if unknown. */
SG_API int sg_style_parse(const char *name);
SG_API const char *sg_style_name(sg_style style);

/* How the rating badge is inserted. */
typedef enum sg_badge {
    SG_BADGE_AUTO = 0, /* the format's usual form: html for HTML and Markdown,
                          text for plain */
    SG_BADGE_NONE,     /* no badge */
    SG_BADGE_TEXT,     /* "Rating: ★★★☆☆ 3/5" */
    SG_BADGE_HTML,     /* an accessible <span class="sg-rating"> */
    SG_BADGE_SVG,      /* an inline SVG with a <title> */
    SG_BADGE_IMAGE     /* Markdown: a badge image with alt text */
} sg_badge;

SG_API int sg_badge_parse(const char *name);
SG_API const char *sg_badge_name(sg_badge badge);

typedef enum sg_severity { SG_MINOR = 0, SG_MAJOR = 1 } sg_severity;

/* ---- options ------------------------------------------------------------ */

/* The default confidence a flag needs to be reported and marked. */
#define SG_DEFAULT_MIN_CONFIDENCE 0.5

typedef struct sg_options {
    sg_format format;        /* SG_FORMAT_AUTO: by content */
    sg_style style;          /* SG_STYLE_AUTO: by format */
    sg_badge badge;          /* SG_BADGE_AUTO: by format */
    sg_severity min_severity;/* default SG_MINOR */
    double min_confidence;   /* default SG_DEFAULT_MIN_CONFIDENCE */
    int jsonld;              /* HTML: insert schema.org Review JSON-LD (default 1) */
    int warning;             /* insert the spoiler warning (default 1: before the
                                first flagged block; 2: at the top, after the title) */
    size_t max_input;        /* refuse larger inputs (default 256 MiB) */
    int max_depth;           /* refuse HTML nested deeper (default 1024) */
} sg_options;

/* Fill `opts` with the defaults above. */
SG_API void sg_options_init(sg_options *opts);

/* ---- the engine ---------------------------------------------------------- */

typedef struct sg_engine sg_engine;

/* A new engine holding the default rule pack, compiled once (PCRE2, JIT where
 * available).  Returns NULL and fills `err` when the rules fail to compile or
 * memory runs out.  Free with sg_engine_free. */
SG_API sg_engine *sg_engine_new(sg_error *err);
/* A new engine with no rules and no learned scorer (for callers that bring
 * their own rules). */
SG_API sg_engine *sg_engine_new_empty(sg_error *err);
/* Turn the learned sentence scorer on or off (on in sg_engine_new, off in
 * sg_engine_new_empty).  With it off, only rules raise flags. */
SG_API void sg_engine_use_model(sg_engine *engine, int on);
SG_API void sg_engine_free(sg_engine *engine);

/* A rule given as data.  Pattern strings are PCRE2 syntax, compiled with
 * PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF unless `case_sensitive`.
 * Every array is NULL-terminated.  The engine copies what it needs: the caller
 * keeps ownership of the struct and its strings. */
typedef struct sg_rule_def {
    const char *id;          /* "death.kills"; unique within the engine */
    const char *kind;        /* death, ending, twist, identity, plot, or a user kind */
    sg_severity severity;    /* severity when no condition changes it */
    double confidence;       /* base confidence in [0,1]; 0 means 0.7 */
    const char *const *patterns;   /* at least one; any may match */
    const char *const *requires;   /* each must also match in the sentence */
    const char *const *unless;     /* any match vetoes the rule for the sentence */
    const char *const *lower_if;   /* any match halves the confidence */
    const char *const *major_if;   /* any match raises severity to major */
    const char *const *minor_if;   /* any match lowers severity to minor */
    int character;           /* 0 ignore, 1 a character near the evidence raises
                                confidence, 2 a character is required for major */
    int case_sensitive;
    const char *source;      /* "file:line" where the rule was defined, or NULL */
} sg_rule_def;

/* Add one rule.  Returns SG_OK, or SG_ERR_RULE with a message naming the rule
 * id, its source and the pattern at fault. */
SG_API sg_status sg_engine_add_rule(sg_engine *engine, const sg_rule_def *rule,
                                    sg_error *err);
/* Add characters of the work being reviewed (NULL-terminated names), learnt as
 * if the article had named them. */
SG_API sg_status sg_engine_add_characters(sg_engine *engine,
                                          const char *const *names,
                                          sg_error *err);
/* Number of rules the engine holds. */
SG_API size_t sg_engine_rule_count(const sg_engine *engine);

/* ---- analysis ------------------------------------------------------------ */

typedef struct sg_analysis sg_analysis;

/* A flag on one sentence.  Offsets are bytes into the analysed input.
 * Strings are borrowed from the analysis and live as long as it does. */
typedef struct sg_flag {
    size_t start, end;            /* the sentence */
    size_t evidence_start, evidence_end; /* what the rule matched */
    const char *kind;
    sg_severity severity;
    const char *rule;             /* rule id, or "model.plot" for the scorer */
    double confidence;
    double model_score;           /* the learned scorer's probability */
    const char *cue;              /* the matched text, NUL-terminated */
    const char *character;        /* a known character near the evidence, or NULL */
    int marked;                   /* already marked in the input (by the author
                                     or by an earlier run) */
} sg_flag;

typedef struct sg_rating {
    size_t start, end;  /* the text taken, in the input */
    const char *text;   /* as written, e.g. "Rating - 7/10" -> "7/10" */
    double value;       /* as written; NAN for a bare verdict */
    double scale;       /* NAN when the form has no scale */
    double normalized;  /* in [0,1]; NAN when unknown */
    const char *verdict;/* "Average", "B-", ... or NULL */
} sg_rating;

/* Analyse `len` bytes.  On success returns SG_OK and stores a new analysis in
 * *out (free with sg_analysis_free); the analysis keeps a pointer to `text`,
 * which must outlive it.  `opts` may be NULL for the defaults.  On failure
 * *out is NULL and `err` says why (SG_ERR_INPUT for input that cannot be
 * processed, SG_ERR_RULE for a rule that hit its match limit). */
SG_API sg_status sg_analyze(sg_engine *engine, const char *text, size_t len,
                            const sg_options *opts, sg_analysis **out,
                            sg_error *err);
SG_API void sg_analysis_free(sg_analysis *analysis);

SG_API sg_format sg_analysis_format(const sg_analysis *a);
/* Reported flags (those passing the thresholds), in input order.  The
 * pointer is borrowed.  `count` receives their number. */
SG_API const sg_flag *sg_analysis_flags(const sg_analysis *a, size_t *count);
/* The review's own rating, or NULL when it gives none (borrowed). */
SG_API const sg_rating *sg_analysis_rating(const sg_analysis *a);
/* A metadata field: "title", "work", "year", "author", "date", "excerpt";
 * NULL when unknown (borrowed, NUL-terminated). */
SG_API const char *sg_analysis_meta(const sg_analysis *a, const char *field);
/* Genres: `count` receives their number; borrowed array of borrowed strings. */
SG_API const char *const *sg_analysis_genres(const sg_analysis *a, size_t *count);
/* Characters learnt from the article.  name[i] and actor[i] (actor may be NULL). */
SG_API size_t sg_analysis_characters(const sg_analysis *a, const char *const **names,
                                     const char *const **actors);
/* Number of unmarked flags of at least `severity` (what --check counts). */
SG_API size_t sg_analysis_unmarked(const sg_analysis *a, sg_severity severity);

/* The JSON report (DESIGN.md, "Report") as a new NUL-terminated string; the
 * caller frees it with sg_free.  `id`, when not NULL, is added as "id" (a JSON
 * string of `id_len` bytes, escaped).  Returns NULL when memory runs out. */
SG_API char *sg_analysis_report(const sg_analysis *a, const char *id, size_t id_len,
                                size_t *out_len);

/* The annotated article: the input with the warning, spoiler marks, badge and
 * (HTML) JSON-LD inserted in the style the options chose.  Returns a new
 * buffer of *out_len bytes (NUL-terminated for convenience) that the caller
 * frees with sg_free, or NULL when memory runs out. */
SG_API char *sg_render(const sg_analysis *a, size_t *out_len, sg_error *err);

/* Replaceable inserted markup, for bindings that run warning/badge hooks:
 * `text` (of `len` bytes) replaces what spoilerguard would insert; the
 * renderer wraps it in the dialect's signature so --strip still finds it.
 * The analysis copies it.  Pass NULL to restore the default. */
SG_API sg_status sg_analysis_set_markup(sg_analysis *a, const char *what,
                                        const char *text, size_t len);
/* The markup spoilerguard would insert for `what` ("warning", "badge" or
 * "jsonld") before any replacement and without its signature, as a new
 * string freed with sg_free; NULL when there is none (no rating, no flag). */
SG_API char *sg_analysis_markup(const sg_analysis *a, const char *what,
                                size_t *len);
/* Replace the rating (for the `rating` hook); NULL removes it.  Copies. */
SG_API sg_status sg_analysis_set_rating(sg_analysis *a, const sg_rating *rating);
/* Replace a metadata field (for the `document` hook); NULL clears it. */
SG_API sg_status sg_analysis_set_meta(sg_analysis *a, const char *field,
                                      const char *value);
/* Drop flag `index` (for the `flag` hook's veto) or replace its kind,
 * severity and confidence.  Indices are those of sg_analysis_all_flags. */
SG_API const sg_flag *sg_analysis_all_flags(const sg_analysis *a, size_t *count);
SG_API sg_status sg_analysis_edit_flag(sg_analysis *a, size_t index, int keep,
                                       const char *kind, int severity,
                                       double confidence);
/* Add a flag on the sentence holding byte `at` (for `sentence` hooks and Lua
 * rules).  Evidence defaults to the sentence. */
SG_API sg_status sg_analysis_add_flag(sg_analysis *a, size_t sentence_index,
                                      const char *kind, sg_severity severity,
                                      const char *rule, double confidence,
                                      sg_error *err);
/* Sentences: the count, and the span of sentence i (input offsets), with
 * whether it is article text (not skipped). */
SG_API size_t sg_analysis_sentence_count(const sg_analysis *a);
SG_API int sg_analysis_sentence(const sg_analysis *a, size_t i, size_t *start,
                                size_t *end, int *block);
/* Re-apply thresholds and ordering after edits (the binding calls this once
 * hooks have run; sg_analyze already did it for the rules). */
SG_API void sg_analysis_finish(sg_analysis *a);

/* ---- strip --------------------------------------------------------------- */

/* Remove exactly what spoilerguard inserted (in any style), leaving the
 * author's own markup alone: strip(render(x)) == x byte for byte.  `format`
 * SG_FORMAT_AUTO detects it.  Returns a new buffer freed with sg_free. */
SG_API char *sg_strip(const char *text, size_t len, sg_format format,
                      size_t *out_len, sg_error *err);

/* Free memory returned by this library. */
SG_API void sg_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
