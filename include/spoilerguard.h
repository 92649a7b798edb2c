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
 *     the declaration says the pointer is borrowed.  Strings and buffers the
 *     library allocates are freed with sg_free.
 *   - `sg_error *err` may always be NULL.  Handles passed in must be valid
 *     unless the declaration says NULL is allowed (every *_free ignores NULL).
 *   - An engine is not shared state: two engines never touch each other.  One
 *     engine may be used by one thread at a time; analyses it produced may be
 *     read from any thread.
 */
#ifndef SPOILERGUARD_H
#define SPOILERGUARD_H

#include <stddef.h>
#include <stdio.h>

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
    SG_ERR_HOOK,    /* a hook or custom rule failed */
    SG_ERR_MEMORY   /* out of memory */
} sg_status;

/* An error value.  `message` is always NUL-terminated (empty on success). */
typedef struct sg_error {
    sg_status status;
    char message[512];
} sg_error;

/* A static English name for a status: "ok", "usage", "input", "rule",
 * "hook", "memory" ("unknown" for any other value). */
SG_API const char *sg_status_name(sg_status status);

/* ---- formats, dialects, kinds ------------------------------------------- */

typedef enum sg_format {
    SG_FORMAT_AUTO = 0, /* by content (sg_detect_format) */
    SG_FORMAT_PLAIN,
    SG_FORMAT_MARKDOWN,
    SG_FORMAT_HTML
} sg_format;

/* Parse a NUL-terminated format name: "plain" ("text", "txt"), "markdown"
 * ("md"), "html" ("htm"); returns SG_FORMAT_AUTO for "auto" and -1 for
 * anything else, NULL included. */
SG_API int sg_format_parse(const char *name);
/* "plain", "markdown", "html", or "auto" for any other value (a static
 * string). */
SG_API const char *sg_format_name(sg_format format);
/* Guess the format of `len` bytes by their content: HTML when the text starts
 * with a tag or holds common block tags, Markdown when it has Markdown block
 * syntax (headings, fences, lists, links, emphasis), plain otherwise.  Never
 * returns SG_FORMAT_AUTO. */
SG_API sg_format sg_detect_format(const char *text, size_t len);
/* The format a file name implies (.md .markdown .html .htm .txt ...), or
 * SG_FORMAT_AUTO when the extension says nothing. `path` is NUL-terminated. */
SG_API sg_format sg_format_from_path(const char *path);

/* How spoilers are marked.  SG_STYLE_AUTO picks by what the input shows
 * (sg_style_detect): html-span for HTML, plain for plain text, and for
 * Markdown the dialect of the site it is written for (md-hugo, md-obsidian),
 * else md-html.  A style is fitted to the
 * format where one reads as the other (html-span in Markdown is md-html,
 * md-html in HTML is html-span); one that cannot fit (a Markdown dialect in
 * HTML, an HTML style in plain text) makes sg_render fail with
 * SG_ERR_USAGE. */
typedef enum sg_style {
    SG_STYLE_AUTO = 0,
    SG_STYLE_HTML_SPAN,    /* <span class="spoiler"> inside the paragraph */
    SG_STYLE_HTML_DETAILS, /* <details class="spoiler"> around whole blocks */
    SG_STYLE_MD_DISCORD,   /* ||death: ...||, no HTML and no comment */
    SG_STYLE_MD_REDDIT,    /* >!death: ...!<, no HTML and no comment */
    SG_STYLE_MD_PANDOC,    /* [...]{.spoiler} */
    SG_STYLE_MD_HTML,      /* raw HTML spans inside Markdown */
    SG_STYLE_PLAIN,        /* a warning line and [spoiler: death] ... [/spoiler] */
    SG_STYLE_MD_HUGO,      /* Markdown for Hugo: the spoiler shortcode that
                              spoilerguard ships (share/spoilerguard/hugo) */
    SG_STYLE_MD_OBSIDIAN   /* Markdown for Obsidian: each block holding a
                              flagged sentence in a collapsed callout
                              ("> [!warning]- Spoiler (death)") */
} sg_style;

/* Parse a NUL-terminated dialect name ("html-span", ..., "plain", "auto") or
 * a short name for one: "html" and "span" (html-span), "details"
 * (html-details), "discord", "reddit", "pandoc", "hugo", "obsidian"
 * (md-discord ...), "markdown" and "md" (md-html), "text" (plain); -1 if
 * unknown or NULL. */
SG_API int sg_style_parse(const char *name);
/* The dialect's name, or "auto" for any other value (a static string). */
SG_API const char *sg_style_name(sg_style style);
/* The dialect SG_STYLE_AUTO picks for `len` bytes of `text` in `format`
 * (SG_FORMAT_AUTO: detected): html-span for HTML, plain for plain text; for
 * Markdown, by the site it is written for, first by its front matter (TOML
 * "+++" or a "draft" key: md-hugo; "layout" or "permalink", Jekyll's:
 * md-html; "cssclasses", or "aliases" that name the note rather than old
 * URLs: md-obsidian), then, when `path` (the file's path, NUL-terminated;
 * NULL for none) is given, by the folder it stands in (a folder above it
 * holding .obsidian/: md-obsidian; in content/ beside hugo.toml or
 * config.toml: md-hugo; in _posts/ or _drafts/ beside _config.yml: md-html),
 * then by its [[wikilinks]] (md-obsidian), else md-html.  *why, when `why`
 * is not NULL, gets a static English reason.  Never returns
 * SG_STYLE_AUTO. */
SG_API sg_style sg_style_detect(const char *text, size_t len, sg_format format,
                                const char *path, const char **why);

/* How the rating badge is inserted.  Plain text, md-discord and md-reddit
 * take only text or none; another form there makes sg_render fail with
 * SG_ERR_USAGE.  Every form shows a number as stars and the number: five
 * stars (or as many as the scale when it is 3, 4 or 5), a half drawn as a
 * half and never rounded up (7/10 is three and a half); a letter grade or a
 * verdict in words shows as the review wrote it, without stars. */
typedef enum sg_badge {
    SG_BADGE_AUTO = 0, /* the format's usual form: html for HTML and Markdown,
                          text for plain, md-discord, md-reddit and md-hugo */
    SG_BADGE_NONE,     /* no badge */
    SG_BADGE_TEXT,     /* "Rating: ★★★½☆ 3.5/5", "Grade: B+", "Verdict: Skip it";
                          in brackets ("[Rating · ★★★½☆ 3.5/5]") in plain
                          text, Discord and Reddit */
    SG_BADGE_HTML,     /* an accessible <span class="sg-rating">: the stars and
                          number as role="img" with the label "Rating: 3.5 out
                          of 5"; a grade or verdict as its words */
    SG_BADGE_SVG,      /* an inline SVG with a <title>: the stars drawn (a half
                          star half filled) and the number beside them */
    SG_BADGE_IMAGE     /* a two-part badge image ("rating | ★★★½☆ 3.5/5") as a
                          data: URI, its label the alt text */
} sg_badge;

/* Parse a NUL-terminated badge form ("auto", "none", "text", "html", "svg",
 * "image"); -1 if unknown or NULL. */
SG_API int sg_badge_parse(const char *name);
/* The form's name, or "auto" for any other value (a static string). */
SG_API const char *sg_badge_name(sg_badge badge);

/* How much a flag gives away: minor for premise events every synopsis gives
 * (the inciting death), major for third-act deaths, fates and endings. */
typedef enum sg_severity { SG_MINOR = 0, SG_MAJOR = 1 } sg_severity;

/* ---- options ------------------------------------------------------------ */

/* The default confidence a flag needs to be reported and marked. */
#define SG_DEFAULT_MIN_CONFIDENCE 0.5

/* What sg_analyze reads and sg_render writes.  Start from sg_options_init:
 * a zeroed struct is not the defaults (it has no warning, no JSON-LD and a
 * minimum confidence of 0). */
typedef struct sg_options {
    sg_format format;        /* SG_FORMAT_AUTO: by content */
    sg_style style;          /* SG_STYLE_AUTO: by format */
    sg_badge badge;          /* SG_BADGE_AUTO: by format */
    sg_severity min_severity;/* default SG_MINOR */
    double min_confidence;   /* default SG_DEFAULT_MIN_CONFIDENCE */
    int jsonld;              /* HTML: insert schema.org Review JSON-LD (default 1);
                                its reviewRating gives a number as ratingValue,
                                bestRating and worstRating, a letter grade as
                                text on the scale A+ to F, a verdict in words
                                as the Rating's alternateName */
    int warning;             /* the spoiler warning: 0 none, 1 (default) before
                                the first flagged block, 2 at the top, after the
                                title */
    size_t max_input;        /* refuse larger inputs (default, and when 0:
                                256 MiB) */
    int max_depth;           /* refuse HTML nested deeper (default, and when
                                0 or less: 1024) */
    int threads;             /* threads for the rules and the scorer of one
                                large article (default 1; at most 64); the
                                result is the same whatever the number */
    int marks;               /* 1 (default): sg_render marks the flagged
                                sentences (and adds the warning); 0: it adds
                                only the badge and JSON-LD, and the report
                                still lists every flag */
    int assets;              /* HTML marked as html-span: inline spoilerguard's
                                CSS and script (which hide each spoiler behind
                                a button until the reader shows it) once per
                                page (default 1); 0 when the site links the
                                installed spoilerguard.css and .js itself */
    const char *path;        /* the article's file (NUL-terminated), whose
                                folders SG_STYLE_AUTO looks at; NULL (the
                                default) for none.  Read by sg_analyze only:
                                it need not outlive the call */
} sg_options;

/* Fill `opts` with the defaults above. */
SG_API void sg_options_init(sg_options *opts);

/* ---- the engine ---------------------------------------------------------- */

typedef struct sg_engine sg_engine;

/* A new engine holding the default rule pack, compiled once (PCRE2, JIT where
 * available), with the learned scorer on.  Returns NULL and fills `err` (when
 * given) when the rules fail to compile or memory runs out.  Free with
 * sg_engine_free. */
SG_API sg_engine *sg_engine_new(sg_error *err);
/* A new engine with no rules and no learned scorer (for callers that bring
 * their own rules); NULL when memory runs out.  Free with sg_engine_free. */
SG_API sg_engine *sg_engine_new_empty(sg_error *err);
/* Turn the learned sentence scorer on or off (on in sg_engine_new, off in
 * sg_engine_new_empty).  With it off, only rules raise flags. */
SG_API void sg_engine_use_model(sg_engine *engine, int on);
/* Free an engine and everything it holds; NULL is ignored. */
SG_API void sg_engine_free(sg_engine *engine);

struct sg_analysis;
struct sg_sentence_info;
struct sg_flag_edit;

/* A rule given as data.  Pattern strings are PCRE2 syntax, compiled with
 * PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, and PCRE2_CASELESS unless
 * `case_sensitive`.  Every array is NULL-terminated; all but `patterns` may be
 * NULL.  The engine copies what it needs: the caller keeps ownership of the
 * struct and its strings.  Zero the struct before filling it (a field left
 * unset must be 0 or NULL).
 *
 * A custom rule gives `match`, a function, instead of patterns (and none of
 * requires ... case_sensitive): it is called on every article sentence in
 * the sentence stage (see "hooks" below), with *flag filled with the rule's
 * kind, severity, confidence and id, and returns SG_HOOK_KEEP (no flag),
 * SG_HOOK_SET (raise *flag, whose kind, severity and confidence it may
 * change), SG_HOOK_MORE (raise it and be called again on the sentence) or
 * SG_HOOK_FAIL with `err->message` saying why (the article stops).
 * `userdata` is passed back and must outlive the engine. */
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
                                confidence, 2 a character is required for major
                                (without one: minor, lower confidence) */
    int case_sensitive;
    const char *source;      /* "file:line" where the rule was defined, or NULL */
    int (*match)(const struct sg_analysis *a, const struct sg_sentence_info *s,
                 struct sg_flag_edit *flag, sg_error *err, void *userdata);
    void *userdata;          /* for `match` */
} sg_rule_def;

/* Add one rule.  Returns SG_OK; SG_ERR_RULE with a message naming the rule
 * id, its source and what is at fault (no id, kind or pattern, a confidence
 * outside [0,1], an id already taken, a pattern that does not compile, both
 * patterns and `match`); SG_ERR_USAGE when `engine` or `rule` is NULL. */
SG_API sg_status sg_engine_add_rule(sg_engine *engine, const sg_rule_def *rule,
                                    sg_error *err);
/* Add characters of the work being reviewed (a NULL-terminated array of
 * NUL-terminated names; empty names are skipped), learnt in every later
 * analysis as if the article had named them.  The engine copies them.
 * Returns SG_OK, SG_ERR_USAGE without an engine, or SG_ERR_MEMORY. */
SG_API sg_status sg_engine_add_characters(sg_engine *engine,
                                          const char *const *names,
                                          sg_error *err);
/* Number of rules the engine holds, custom rules included (0 for NULL). */
SG_API size_t sg_engine_rule_count(const sg_engine *engine);

/* ---- analysis ------------------------------------------------------------ */

typedef struct sg_analysis sg_analysis;

/* A flag on one sentence.  Offsets are bytes into the analysed input.
 * Strings are borrowed from the analysis and live as long as it does.
 * Flags added through sg_analysis_add_flag have their sentence as evidence,
 * an empty cue, no character and a model_score of NAN. */
typedef struct sg_flag {
    size_t start, end;            /* the sentence */
    size_t evidence_start, evidence_end; /* what the rule matched */
    const char *kind;
    sg_severity severity;
    const char *rule;             /* rule id, "model.plot" for the scorer, or the
                                     id given to sg_analysis_add_flag */
    double confidence;
    double model_score;           /* the learned scorer's probability; NAN when
                                     the engine's scorer is off */
    const char *cue;              /* the matched text, NUL-terminated */
    const char *character;        /* a known character near the evidence, or NULL */
    int marked;                   /* already marked in the input (by the author
                                     or by an earlier run) */
} sg_flag;

/* The review's own rating.  Strings are borrowed from the analysis. */
typedef struct sg_rating {
    size_t start, end;  /* the text taken, in the input */
    const char *text;   /* as written, e.g. "Rating - 7/10" -> "7/10" */
    double value;       /* as written; NAN for a bare verdict */
    double scale;       /* NAN when the form has no scale */
    double normalized;  /* in [0,1]; NAN when unknown */
    const char *verdict;/* "Average", "B-", ... or NULL */
} sg_rating;

/* Analyse `len` bytes of `text` (NULL is allowed when `len` is 0).  On success
 * returns SG_OK and stores a new analysis in *out (free with
 * sg_analysis_free); the analysis keeps a pointer to `text`, which must
 * outlive it.  `opts` may be NULL for the defaults; the analysis keeps a copy.
 * On failure *out is NULL and `err` says why: SG_ERR_USAGE without an engine,
 * SG_ERR_INPUT for input that cannot be processed (over max_input, HTML
 * nested past max_depth), SG_ERR_RULE for a rule that hit its match limit,
 * SG_ERR_HOOK for a custom rule or hook that failed (the message names it,
 * see "hooks" below), SG_ERR_MEMORY.  The engine's custom rules and its
 * document, sentence, flag and rating hooks run here, in that order. */
SG_API sg_status sg_analyze(sg_engine *engine, const char *text, size_t len,
                            const sg_options *opts, sg_analysis **out,
                            sg_error *err);
/* Free an analysis and every string it lent out; NULL is ignored. */
SG_API void sg_analysis_free(sg_analysis *analysis);

/* The format the analysis read: the one asked for, or the one detected
 * (never SG_FORMAT_AUTO). */
SG_API sg_format sg_analysis_format(const sg_analysis *a);
/* The dialect sg_render writes for the analysis: the one asked for, fitted
 * to the format (html-span in Markdown is md-html), or the one SG_STYLE_AUTO
 * picked (sg_style_detect); a style that does not fit the format is given
 * as asked.  *why, when `why` is not NULL, gets a static English reason
 * ("asked for" for a style the options named). */
SG_API sg_style sg_analysis_style(const sg_analysis *a, const char **why);
/* The analysed input: the `text` given to sg_analyze (borrowed; not
 * NUL-terminated), its length in *len when `len` is not NULL. */
SG_API const char *sg_analysis_text(const sg_analysis *a, size_t *len);
/* Reported flags (those passing the thresholds), in input order.  The
 * array is borrowed and stays valid until the next sg_analysis_finish.
 * `count` receives their number. */
SG_API const sg_flag *sg_analysis_flags(const sg_analysis *a, size_t *count);
/* The review's own rating, or NULL when it gives none (borrowed, valid
 * until sg_analysis_set_rating). */
SG_API const sg_rating *sg_analysis_rating(const sg_analysis *a);
/* A metadata field: "title", "work", "year", "author", "date", "excerpt";
 * NULL when unknown or for any other field name (borrowed, NUL-terminated,
 * valid until the field is set again).  Genres have their own accessor. */
SG_API const char *sg_analysis_meta(const sg_analysis *a, const char *field);
/* Genres: `count` receives their number; a borrowed array of borrowed
 * strings (NULL when there are none), valid until genres are set again. */
SG_API const char *const *sg_analysis_genres(const sg_analysis *a, size_t *count);
/* Characters learnt from the article (and given by sg_engine_add_characters):
 * returns their number n and points *names and *actors at borrowed arrays of
 * n strings, where actors[i] plays names[i] and may be NULL.  The arrays live
 * as long as the analysis. */
SG_API size_t sg_analysis_characters(const sg_analysis *a, const char *const **names,
                                     const char *const **actors);
/* Number of reported flags of at least `severity` that the input does not
 * already mark (what --check counts). */
SG_API size_t sg_analysis_unmarked(const sg_analysis *a, sg_severity severity);

/* The JSON report (DESIGN.md, "Report") as a new NUL-terminated string of
 * *out_len bytes (when `out_len` is not NULL), one line; the caller frees it
 * with sg_free.  `id`, when not NULL, is added as "id" (a JSON string of
 * `id_len` bytes, escaped).  Returns NULL when memory runs out. */
SG_API char *sg_analysis_report(const sg_analysis *a, const char *id, size_t id_len,
                                size_t *out_len);

/* ---- walking the report ---------------------------------------------------- */

/* The report as a walk, for callers that want it as their own values rather
 * than as JSON text (the Lua binding builds its tables this way, and the JSON
 * report is written by the same walk).  A visitor is told every object, list
 * and value in the order the JSON report writes them. */
typedef enum sg_report_type {
    SG_REPORT_OBJECT, /* enter and leave: an object */
    SG_REPORT_LIST,   /* enter and leave: a list */
    SG_REPORT_NULL,   /* unknown (JSON null) */
    SG_REPORT_BOOL,   /* `boolean` */
    SG_REPORT_OFFSET, /* `offset`: a byte offset into the input */
    SG_REPORT_NUMBER, /* `number`, finite (a rating's value, scale ...) */
    SG_REPORT_SCORE,  /* `number`, finite: an estimate (a flag's confidence,
                         the model's score) that the JSON report rounds to
                         three decimals; the walk gives it exact */
    SG_REPORT_STRING  /* `string`: `len` bytes, not NUL-terminated */
} sg_report_type;

/* One object, list or value of the walk.  Borrowed: valid during the
 * callback only. */
typedef struct sg_report_value {
    sg_report_type type;
    const char *key;    /* its name in the object holding it; NULL for a list
                           element and for the object the walk starts at */
    const char *string; /* SG_REPORT_STRING */
    size_t len;         /* SG_REPORT_STRING */
    size_t offset;      /* SG_REPORT_OFFSET */
    double number;      /* SG_REPORT_NUMBER, SG_REPORT_SCORE */
    int boolean;        /* SG_REPORT_BOOL */
} sg_report_value;

/* What is called during a walk, in the manner of md4c's parser callbacks.
 * `enter` opens an object or list (of v->type), `leave` closes it, `value`
 * is any other value.  Each returns 0 to go on; any other value stops the
 * walk, which returns it.  Every pointer must be set.  A callback that does
 * not return (longjmp) leaks what the walk allocated. */
typedef struct sg_report_visitor {
    int (*enter)(const sg_report_value *v, void *userdata);
    int (*leave)(const sg_report_value *v, void *userdata);
    int (*value)(const sg_report_value *v, void *userdata);
} sg_report_visitor;

/* Walk the whole report of `a` (DESIGN.md, "Report"; sg_analysis_report
 * writes this walk as JSON).  Returns 0 when the walk is done, the non-zero
 * value a callback returned, or -1 when memory runs out. */
SG_API int sg_report_walk(const sg_analysis *a, const sg_report_visitor *visitor,
                          void *userdata);
/* Walk one object of the report: flag `f` of `a` (one of the report's
 * "spoilers" entries, or any candidate of sg_analysis_all_flags), a rating
 * (as the report's "rating"), or the metadata of `a` (the report's "meta").
 * Returns as sg_report_walk. */
SG_API int sg_report_walk_flag(const sg_analysis *a, const sg_flag *f,
                               const sg_report_visitor *visitor, void *userdata);
SG_API int sg_report_walk_rating(const sg_rating *r, const sg_report_visitor *visitor,
                                 void *userdata);
SG_API int sg_report_walk_meta(const sg_analysis *a, const sg_report_visitor *visitor,
                               void *userdata);

/* The annotated article: the input with the warning, spoiler marks, badge and
 * (HTML) JSON-LD inserted in the style the options chose; what an earlier run
 * inserted is kept, not inserted twice.  Returns a new buffer of *out_len
 * bytes (when `out_len` is not NULL; NUL-terminated for convenience) that the
 * caller frees with sg_free.  On failure returns NULL and `err` says why:
 * SG_ERR_USAGE for a style or badge that does not fit the format,
 * SG_ERR_HOOK for replacement markup (sg_analysis_set_markup) that cannot be
 * inserted whole, SG_ERR_MEMORY.  No hook runs here: sg_annotate runs the
 * warning, badge and publish hooks around it. */
SG_API char *sg_render(const sg_analysis *a, size_t *out_len, sg_error *err);

/* ---- editing an analysis -------------------------------------------------- */

/* Replace inserted markup (sg_annotate does it with what the warning and
 * badge hooks return): `text` (of `len` bytes) replaces what spoilerguard
 * would insert for `what` ("warning", "badge" or "jsonld"); the renderer
 * wraps it in the dialect's signature so --strip still finds it.  In plain
 * text, md-discord and md-reddit the signature is visible text: a warning's
 * text goes between "⚠ " and the count of marked passages on one line (so it
 * must be one line, and in Discord and Reddit hold no "||", ">!" or "!<"), a
 * badge's inside "[Rating · ...]" (one line, no bracket, at most 256 bytes).
 * The analysis copies it.  Pass NULL to restore the default.  Returns SG_OK,
 * SG_ERR_USAGE for another `what`, or SG_ERR_MEMORY. */
SG_API sg_status sg_analysis_set_markup(sg_analysis *a, const char *what,
                                        const char *text, size_t len);
/* The markup spoilerguard would insert for `what` ("warning", "badge" or
 * "jsonld") before any replacement and without its signature (in plain text,
 * Discord and Reddit the warning's phrase, "Spoiler warning (deaths):", and
 * the badge's value, "★★★☆☆ 3/5", which the frame goes around), as a new
 * NUL-terminated string of *len bytes (when `len` is not NULL) freed with
 * sg_free; NULL when there is none (no rating, no flag, not HTML, turned off
 * in the options) or `what` is another word. */
SG_API char *sg_analysis_markup(const sg_analysis *a, const char *what,
                                size_t *len);
/* The words spoilerguard writes, as plain UTF-8 text with no markup and
 * nothing escaped, for a host that builds its own markup from them (the
 * pandoc filter) and so says what the command line says.  `what`:
 *   "warning-lead"  "Spoiler warning:"
 *   "warning"       what follows it: "this review reveals plot details
 *                   (deaths, ending)."
 *   "badge"         the text badge: "Rating: ★★★☆☆ 3/5"
 *   "badge-label"   what the badge says to a screen reader: "Rating: 3 out
 *                   of 5"
 * The warning words come whatever the `warning` option says, and only while
 * a flag is left to mark; the badge words only when there is a rating.
 * Returns a new NUL-terminated string of *len bytes (when `len` is not NULL)
 * freed with sg_free, or NULL when there are no such words (or `what` is
 * another word, or memory runs out). */
SG_API char *sg_analysis_words(const sg_analysis *a, const char *what, size_t *len);
/* The label of a mark over a sentence flagged with the `n` kinds given, as
 * the button (html-span), the summary (html-details) and the callout
 * (md-obsidian) say it: "Spoiler (death, ending)"; kinds repeated or empty
 * are left out, and at most 8 are named.  A new NUL-terminated string of
 * *len bytes (when `len` is not NULL) freed with sg_free; NULL when memory
 * runs out. */
SG_API char *sg_spoiler_label(const char *const *kinds, size_t n, size_t *len);
/* Replace the rating (as a `rating` hook may): the analysis copies every
 * field and the strings; NULL removes it.  Returns SG_OK or SG_ERR_MEMORY. */
SG_API sg_status sg_analysis_set_rating(sg_analysis *a, const sg_rating *rating);
/* Replace a metadata field (as a `document` hook may) with a copy of the
 * NUL-terminated `value`; NULL clears it.  `field` is one sg_analysis_meta
 * reads, or "genres": then `value` is a comma-separated list (each genre
 * trimmed of spaces, empty ones dropped), so a genre cannot hold a comma.
 * An excerpt set here is kept by sg_analysis_finish; cleared, it is rebuilt
 * there.  Returns SG_OK, SG_ERR_USAGE for an unknown field, or
 * SG_ERR_MEMORY. */
SG_API sg_status sg_analysis_set_meta(sg_analysis *a, const char *field,
                                      const char *value);
/* Every candidate flag, those under the thresholds included, in input order
 * as of the last sg_analysis_finish (borrowed; valid until the next edit).
 * `count` receives their number.  Their indices are those the edits take. */
SG_API const sg_flag *sg_analysis_all_flags(const sg_analysis *a, size_t *count);
/* Edit candidate flag `index` (as a `flag` hook may): with `keep` 0 drop it
 * (the indices after it move down by one); otherwise replace its kind (when
 * not NULL; copied), its severity (when SG_MINOR or SG_MAJOR; other values
 * keep it) and its confidence (when in [0,1]; other values keep it).
 * Returns SG_OK, SG_ERR_USAGE for an index out of range, or SG_ERR_MEMORY.
 * Call sg_analysis_finish after the edits. */
SG_API sg_status sg_analysis_edit_flag(sg_analysis *a, size_t index, int keep,
                                       const char *kind, int severity,
                                       double confidence);
/* Add a flag of `kind` on sentence `sentence_index` (of
 * sg_analysis_sentence; as a `sentence` hook may), its evidence the
 * whole sentence, `rule` its id ("lua" when NULL), `confidence` clamped to
 * [0,1] (NaN as 0).  A sentence carries one flag per kind, as for the
 * rules' own flags: when it already has one of `kind`, the more confident
 * of the two is kept whole, and the other can only raise its severity.  The
 * strings are copied.  Returns SG_OK, SG_ERR_USAGE for no such sentence or
 * an empty kind, or SG_ERR_MEMORY.  Call sg_analysis_finish after. */
SG_API sg_status sg_analysis_add_flag(sg_analysis *a, size_t sentence_index,
                                      const char *kind, sg_severity severity,
                                      const char *rule, double confidence,
                                      sg_error *err);
/* The number of sentences of article text (skipped blocks have none). */
SG_API size_t sg_analysis_sentence_count(const sg_analysis *a);
/* Sentence `i`: its input span [*start, *end) and, when `block` is not NULL,
 * the index of the document block holding it.  Returns 1, or 0 when there is
 * no sentence `i`. */
SG_API int sg_analysis_sentence(const sg_analysis *a, size_t i, size_t *start,
                                size_t *end, int *block);
/* Re-apply the thresholds, input order and the excerpt (unless one was set)
 * after edits (sg_analyze already did it, after its hooks). */
SG_API void sg_analysis_finish(sg_analysis *a);

/* The CSS and script that make html-span's (and md-html's) spoilers hidden
 * until the reader shows them, as sg_render inlines them (and as installed in
 * share/spoilerguard/spoilerguard.css and .js).  Static, NUL-terminated
 * strings owned by the library; either pointer may be NULL. */
SG_API void sg_assets(const char **css, const char **js);

/* ---- hooks: your code at fixed points of the path -------------------------- */

/* Hooks are callbacks an engine runs on every article, in the manner of md4c's
 * parser callbacks: a struct of function pointers and user data, each called
 * at its stage.  In sg_analyze, after the engine's own stages:
 *   document  may change the metadata,
 *   sentence  a custom rule's `match` (sg_rule_def), then each sentence hook,
 *             on every article sentence: may raise flags,
 *   flag      on every candidate flag: may change its kind, severity and
 *             confidence, or veto it,
 *   rating    may replace or remove the rating,
 * then the thresholds are applied again (sg_analysis_finish).  In
 * sg_annotate:
 *   warning, badge  may replace the markup inserted,
 *   publish         the last look at the output: may replace it.
 * Hooks of one stage run in the order they were added, each seeing what the
 * one before it left.  A callback returns one of sg_hook_result; a callback
 * that fails (SG_HOOK_FAIL, with `err->message` saying why, or a value the
 * stage does not take) stops the article: sg_analyze or sg_annotate fail
 * with SG_ERR_HOOK and "hook 'flag' failed: MESSAGE" ("rule 'ID' (SOURCE)
 * failed: MESSAGE" for a custom rule).  `err` is never NULL and its message
 * starts empty.  Strings a callback writes to its out-parameter must stay
 * valid until the next callback of the engine runs: the engine copies what
 * it keeps. */
typedef enum sg_hook_result {
    SG_HOOK_FAIL = -1, /* failed: the article stops */
    SG_HOOK_KEEP = 0,  /* nothing to change (a rule or sentence hook: no flag) */
    SG_HOOK_SET = 1,   /* take what the callback wrote to its out-parameter */
    SG_HOOK_DROP = 2,  /* flag: veto it; rating: remove it; warning and badge:
                          empty markup (plain text, Discord and Reddit keep
                          their visible frame, and refuse an empty badge) */
    SG_HOOK_MORE = 3   /* rule and sentence: raise the flag written and be
                          called again on the same sentence for another */
} sg_hook_result;

/* The confidence of a flag a sentence hook raises, or a custom rule's, when
 * it gives none. */
#define SG_HOOK_DEFAULT_CONFIDENCE 0.7

/* A sentence, as the sentence stage shows it. */
typedef struct sg_sentence_info {
    size_t index;      /* as sg_analysis_sentence counts */
    size_t start, end; /* its bytes in the input */
    int block;         /* the document block holding it */
    const char *text;  /* the input's bytes [start, end) (borrowed; not
                          NUL-terminated) */
    unsigned repeat;   /* calls of this callback on this sentence before this
                          one (after SG_HOOK_MORE) */
} sg_sentence_info;

/* A flag a custom rule or a sentence hook raises, or a flag hook's edit:
 * filled with the current values (a sentence hook's: no kind, SG_MINOR,
 * SG_HOOK_DEFAULT_CONFIDENCE, rule "hook.sentence").  The engine checks what
 * comes back: a non-empty kind, SG_MINOR or SG_MAJOR, a confidence in
 * [0, 1]. */
typedef struct sg_flag_edit {
    const char *kind;
    int severity;
    double confidence;
    const char *rule; /* the rule id reported; only a sentence hook sets it */
} sg_flag_edit;

/* The metadata a document hook may change: filled with the analysis' own
 * (sg_analysis_meta, the genres comma-separated); each field the hook sets to
 * another value replaces the analysis' as sg_analysis_set_meta would (NULL
 * clears it). */
typedef struct sg_document {
    sg_format format;  /* the format read */
    const char *text;  /* the input (not NUL-terminated) */
    size_t len;
    const char *title, *work, *year, *author, *date, *excerpt;
    const char *genres; /* comma-separated */
} sg_document;

/* Markup a warning or badge hook may replace, or the output a publish hook
 * may replace: `len` bytes at `text`. */
typedef struct sg_markup {
    const char *text;
    size_t len;
} sg_markup;

/* One set of hooks; any pointer may be NULL.  What each may return besides
 * SG_HOOK_FAIL:
 *   document(a, doc)            KEEP, SET (apply the fields of *doc)
 *   sentence(a, s, flag)        KEEP, SET, MORE (as a custom rule's match)
 *   flag(a, f, index, edit)     KEEP, SET (apply *edit), DROP (veto);
 *                               `f` is candidate `index` of
 *                               sg_analysis_all_flags as the stage began
 *   rating(a, current, rating)  KEEP, SET (*rating replaces it), DROP;
 *                               `current` is NULL when there is none, and
 *                               *rating starts as a copy of it
 *   warning(a, markup), badge   KEEP, SET, DROP; called only when there is
 *                               markup to insert
 *   publish(a, out)             KEEP, SET */
typedef struct sg_hooks {
    int (*document)(const sg_analysis *a, sg_document *doc, sg_error *err,
                    void *userdata);
    int (*sentence)(const sg_analysis *a, const sg_sentence_info *s, sg_flag_edit *flag,
                    sg_error *err, void *userdata);
    int (*flag)(const sg_analysis *a, const sg_flag *f, size_t index, sg_flag_edit *edit,
                sg_error *err, void *userdata);
    int (*rating)(const sg_analysis *a, const sg_rating *current, sg_rating *rating,
                  sg_error *err, void *userdata);
    int (*warning)(const sg_analysis *a, sg_markup *markup, sg_error *err,
                   void *userdata);
    int (*badge)(const sg_analysis *a, sg_markup *markup, sg_error *err,
                 void *userdata);
    int (*publish)(const sg_analysis *a, sg_markup *out, sg_error *err, void *userdata);
    void *userdata;     /* passed to each; must outlive the engine */
    const char *source; /* "file:line" where the hooks were written, named in
                           errors the engine finds in what they return; may be
                           NULL; copied */
} sg_hooks;

/* Add a set of hooks to `engine` (the struct is copied).  Returns SG_OK,
 * SG_ERR_USAGE without an engine or hooks, or SG_ERR_MEMORY. */
SG_API sg_status sg_engine_add_hooks(sg_engine *engine, const sg_hooks *hooks,
                                     sg_error *err);

/* The annotated article as sg_render makes it, with the engine's warning and
 * badge hooks run before (their markup replaces spoilerguard's) and its
 * publish hooks after.  Returns a new buffer of *out_len bytes (when
 * `out_len` is not NULL; NUL-terminated) that the caller frees with sg_free,
 * or NULL with `err` filled: as sg_render, and SG_ERR_HOOK for a hook that
 * failed. */
SG_API char *sg_annotate(sg_analysis *a, size_t *out_len, sg_error *err);

/* ---- strip --------------------------------------------------------------- */

/* Remove exactly what spoilerguard inserted (in any style), leaving the
 * author's own markup alone: strip(render(x)) == x byte for byte.  `format`
 * SG_FORMAT_AUTO detects it (by spoilerguard's signature first).  Returns a
 * new NUL-terminated buffer of *out_len bytes (when `out_len` is not NULL)
 * freed with sg_free; NULL with `err` filled for a NULL `text` of non-zero
 * length or an unknown format (SG_ERR_USAGE) or when memory runs out. */
SG_API char *sg_strip(const char *text, size_t len, sg_format format,
                      size_t *out_len, sg_error *err);
/* sg_strip, saying what it left.  In plain text, Discord and Reddit what
 * spoilerguard inserts is visible text in an exact form, which an edit of the
 * published copy may break: strip removes only what it can prove its own
 * and leaves the rest.  When `notes` is not NULL, *notes receives NULL when
 * nothing in spoilerguard's form was left, else a new NUL-terminated text
 * (freed with sg_free) with one line per thing left, "line N: why", e.g. a
 * mark whose closing piece was deleted, a warning line that was edited, or
 * marks that the warning does not account for.  Returns and fails as
 * sg_strip does (on failure *notes stays NULL). */
SG_API char *sg_strip_with_notes(const char *text, size_t len, sg_format format,
                                 size_t *out_len, char **notes, sg_error *err);

/* Free memory returned by this library (NULL is ignored). */
SG_API void sg_free(void *p);

/* ---- reading files ---------------------------------------------------------- */

/* Read `f` from where it stands to its end into a new buffer of *len bytes
 * (with a NUL after them) freed with sg_free; `f` stays open.  With `max`
 * above 0, an input of more than `max` bytes is refused without reading it
 * all (a regular file's size is checked first): NULL and SG_ERR_INPUT,
 * "input of N bytes is larger than --max-input (M bytes)" or "input is
 * larger than --max-input (M bytes)".  NULL and SG_ERR_MEMORY, "out of
 * memory", when memory runs out; NULL and SG_ERR_USAGE, "read error: "
 * and the system's reason, on a read error. */
SG_API char *sg_read_stream(FILE *f, size_t max, size_t *len, sg_error *err);

#ifdef __cplusplus
}
#endif
#endif
