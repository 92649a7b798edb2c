/*
 * sg_cli.c -- the spoilerguard command: files or standard input in, the
 * annotated article, the JSON report or diagnostics out; JSON Lines batches
 * streamed through worker threads with the input order kept.
 *
 * Uses the public API (spoilerguard.h) only, plus the Lua rule runner
 * (sg_cli.h) and the batch line reader (sg_json.h).
 */
#include "spoilerguard.h"
#include "sg_cli.h"
#include "sg_json.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SG_CLI_NAME "spoilerguard"
/* Lines in flight per worker: enough to keep workers busy while one slow
 * article holds the head of the output, small enough to bound memory. */
#define SG_CLI_WINDOW_PER_JOB 64
#define SG_CLI_MAX_JOBS 256
#define SG_CLI_MAX_DEPTH 1000000000 /* HTML nesting the reader may be asked to keep */
/* Room for a line's JSON syntax around its text, and for escapes (a \uXXXX
 * escape is six bytes for one to three bytes of text). */
#define SG_CLI_LINE_SLACK 65536
#define SG_CLI_ESCAPE_GROWTH 6
/* How much of a cue or sentence a message quotes. */
#define SG_CLI_QUOTE_BYTES 120

typedef enum sg_cli_mode {
    SG_CLI_ARTICLE = 0,
    SG_CLI_REPORT,
    SG_CLI_DIAGNOSTICS,
    SG_CLI_STRIP
} sg_cli_mode;

typedef struct sg_cli_config {
    sg_options opts;
    int from_given; /* --from named a format: it beats extension and content */
    sg_cli_mode mode;
    int report_given, jsonl, check, explain, trust;
    const char **rules;
    size_t nrules;
    int jobs;
    const char *output;    /* -o FILE, or NULL for standard output */
    int emit_main;         /* whether the article/report/diagnostics are written */
    int explain_to_stderr; /* standard output carries the main output */
    size_t line_limit;     /* longest batch line read whole */
} sg_cli_config;

/* What a worker owns: engines and Lua states are never shared by threads. */
typedef struct sg_cli_worker {
    sg_engine *engine;
    sg_cli_lua *lua; /* NULL without --rules */
} sg_cli_worker;

/* What one article found, for --check. */
typedef struct sg_cli_found {
    size_t unmarked; /* unmarked major spoilers */
    size_t first_at; /* input offset of the first of them */
} sg_cli_found;

static void sg_cli_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static void sg_cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs(SG_CLI_NAME ": ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry '" SG_CLI_NAME " --help' for more information.\n", stderr);
}

/* ---- help ---------------------------------------------------------------- */

static void sg_cli_help(FILE *f)
{
    sg_options d;
    sg_options_init(&d);
    /* clang-format off */
    fprintf(f,
"Usage: " SG_CLI_NAME " [options] [FILE...]\n"
"Find the sentences of a film or TV review that give the story away (deaths,\n"
"endings, twists), mark them as spoilers and badge the review's own rating.\n"
"Each FILE is read in turn and the outputs follow one another; no FILE, or -,\n"
"reads standard input.  The output is the input with markup inserted and\n"
"nothing else changed.\n"
"\n"
"Input:\n"
"  --from FORMAT        plain, markdown (or md), html, or auto; default: by the\n"
"                       file's extension, else by content\n"
"                         " SG_CLI_NAME " --from markdown < review.txt\n"
"  --max-input BYTES    refuse a larger input with exit 2 (suffix K, M or G;\n"
"                       default %zuM)\n"
"                         " SG_CLI_NAME " --max-input 2M review.html\n"
"  --max-depth N        refuse HTML nested deeper than N elements with exit 2\n"
"                       (default %d)\n"
"                         " SG_CLI_NAME " --max-depth 4096 page.html\n"
"  --jsonl              batch: each input line is {\"id\": ..., \"text\": ...}\n"
"                       with an optional \"from\"; each output line is that\n"
"                       article's report with its \"id\" (a number id stays a\n"
"                       number), or {\"id\", \"line\", \"error\"} for a line that\n"
"                       failed; blank lines are skipped and the batch goes on\n"
"                         " SG_CLI_NAME " --jsonl < reviews.jsonl > reports.jsonl\n"
"  --jobs N             worker threads (default 1): with --jsonl, articles\n"
"                       in parallel, the output in the input order; else the\n"
"                       sentences of a large article (256 KiB per thread);\n"
"                       the output is the same whatever N\n"
"                         " SG_CLI_NAME " --jsonl --jobs 4 < reviews.jsonl\n"
"\n"
"Output (the annotated article unless one of these is given):\n"
"  --report             the JSON report of each article, one object per line\n"
"                         " SG_CLI_NAME " --report review.md\n"
"  --diagnostics        one line per unmarked spoiler:\n"
"                       path:line:col: warning|note: kind: message (rule, confidence)\n"
"                       (major is a warning, minor a note; col counts bytes)\n"
"                         " SG_CLI_NAME " --diagnostics review.md\n"
"  --strip              remove exactly what " SG_CLI_NAME " inserted; what an edit\n"
"                       left unprovable (a mark half deleted) stays, and a\n"
"                       line on standard error says where\n"
"                         " SG_CLI_NAME " --strip marked.md > review.md\n"
"  --explain            why each flag was raised: rule, cue, character and\n"
"                       model score (on standard output, or on standard error\n"
"                       when standard output carries a report or diagnostics)\n"
"                         " SG_CLI_NAME " --explain review.txt\n"
"  -o FILE, --output FILE\n"
"                       write to FILE, replaced whole once everything is\n"
"                       written (never half-written)\n"
"                         " SG_CLI_NAME " -o review.marked.md review.md\n"
"\n"
"Marking:\n"
"  --style DIALECT      how spoilers are marked: html-span, html-details,\n"
"                       md-discord, md-reddit, md-pandoc, md-html, md-hugo\n"
"                       (Hugo's spoiler shortcode, shipped in\n"
"                       share/spoilerguard/hugo), md-obsidian (collapsed\n"
"                       callouts), plain, or auto (default: by what the\n"
"                       article shows: html-span for HTML, plain for plain\n"
"                       text; for Markdown the site its front matter, its\n"
"                       folder or its [[links]] are written for: md-hugo,\n"
"                       md-obsidian, else md-html; the report's \"style\"\n"
"                       and --explain say which); a platform's name is short\n"
"                       for its dialect: discord, reddit, pandoc, hugo,\n"
"                       obsidian, details, html, markdown, text\n"
"                         " SG_CLI_NAME " --style discord review.md\n"
"  --badge FORM         how the rating badge is inserted: auto, none, text,\n"
"                       html, svg or image (default auto)\n"
"                         " SG_CLI_NAME " --badge none review.html\n"
"  --assets HOW         html-span hides each spoiler behind a button; its CSS\n"
"                       and script are inlined once per page (inline, the\n"
"                       default) or left to the site, which links the\n"
"                       installed spoilerguard.css and spoilerguard.js (none)\n"
"                         " SG_CLI_NAME " --assets none page.html\n"
"  --min-severity LEVEL minor or major (default minor): what is marked and\n"
"                       reported\n"
"                         " SG_CLI_NAME " --min-severity major review.md\n"
"  --min-confidence X   from 0 to 1 (default %g): the confidence a flag needs\n"
"                       to be marked and reported\n"
"                         " SG_CLI_NAME " --min-confidence 0.8 review.md\n"
"  --check              exit 1 while an unmarked major spoiler remains; prints\n"
"                       a summary on standard error and nothing on standard\n"
"                       output unless --report, --diagnostics or -o is given\n"
"                         " SG_CLI_NAME " --check --diagnostics drafts/*.md\n"
"\n"
"Rules:\n"
"  --rules FILE.lua     add a Lua rule file (repeatable)\n"
"                         " SG_CLI_NAME " --rules house.lua --rules names.lua review.md\n"
"  --trust-rules        let rule files use os, io and require\n"
"                         " SG_CLI_NAME " --trust-rules --rules local.lua review.md\n"
"\n"
"  --help               show this help and exit\n"
"                         " SG_CLI_NAME " --help\n"
"  --version            show the version and exit\n"
"                         " SG_CLI_NAME " --version\n"
"\n"
"Exit status: 0 done; 1 --check found an unmarked major spoiler; 2 bad usage,\n"
"input that cannot be processed, or a failing rule or hook (the message on\n"
"standard error names the file, and the line where there is one).\n",
            d.max_input >> 20, d.max_depth, SG_DEFAULT_MIN_CONFIDENCE);
    /* clang-format on */
}

/* ---- option values ---------------------------------------------------------- */

static int sg_cli_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (*s < '0' || *s > '9')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    unsigned shift = 0;
    if (*end) {
        switch (*end) {
        case 'k':
        case 'K':
            shift = 10;
            break;
        case 'm':
        case 'M':
            shift = 20;
            break;
        case 'g':
        case 'G':
            shift = 30;
            break;
        default:
            return -1;
        }
        if (end[1] && strcmp(end + 1, "B") != 0 && strcmp(end + 1, "iB") != 0)
            return -1;
    }
    if (v == 0 || v > (SIZE_MAX >> shift))
        return -1;
    *out = (size_t)v << shift;
    return 0;
}

/* A whole number from 1 to max. */
static int sg_cli_parse_whole(const char *s, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > max)
        return -1;
    *out = (int)v;
    return 0;
}

static int sg_cli_parse_confidence(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0.0 && v <= 1.0))
        return -1;
    *out = v;
    return 0;
}

enum {
    SG_OPT_FROM = 256,
    SG_OPT_REPORT,
    SG_OPT_JSONL,
    SG_OPT_DIAGNOSTICS,
    SG_OPT_STRIP,
    SG_OPT_STYLE,
    SG_OPT_BADGE,
    SG_OPT_ASSETS,
    SG_OPT_RULES,
    SG_OPT_TRUST,
    SG_OPT_CHECK,
    SG_OPT_MIN_SEVERITY,
    SG_OPT_MIN_CONFIDENCE,
    SG_OPT_EXPLAIN,
    SG_OPT_JOBS,
    SG_OPT_MAX_INPUT,
    SG_OPT_MAX_DEPTH,
    SG_OPT_HELP,
    SG_OPT_VERSION
};

static const struct option sg_cli_options[] = {
    {"from", required_argument, NULL, SG_OPT_FROM},
    {"report", no_argument, NULL, SG_OPT_REPORT},
    {"jsonl", no_argument, NULL, SG_OPT_JSONL},
    {"diagnostics", no_argument, NULL, SG_OPT_DIAGNOSTICS},
    {"strip", no_argument, NULL, SG_OPT_STRIP},
    {"style", required_argument, NULL, SG_OPT_STYLE},
    {"badge", required_argument, NULL, SG_OPT_BADGE},
    {"assets", required_argument, NULL, SG_OPT_ASSETS},
    {"rules", required_argument, NULL, SG_OPT_RULES},
    {"trust-rules", no_argument, NULL, SG_OPT_TRUST},
    {"check", no_argument, NULL, SG_OPT_CHECK},
    {"min-severity", required_argument, NULL, SG_OPT_MIN_SEVERITY},
    {"min-confidence", required_argument, NULL, SG_OPT_MIN_CONFIDENCE},
    {"explain", no_argument, NULL, SG_OPT_EXPLAIN},
    {"jobs", required_argument, NULL, SG_OPT_JOBS},
    {"max-input", required_argument, NULL, SG_OPT_MAX_INPUT},
    {"max-depth", required_argument, NULL, SG_OPT_MAX_DEPTH},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, SG_OPT_HELP},
    {"version", no_argument, NULL, SG_OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Whether "--xy" abbreviates more than one long option. */
static int sg_cli_ambiguous(const char *word)
{
    if (strncmp(word, "--", 2) != 0)
        return 0;
    word += 2;
    size_t n = strcspn(word, "=");
    int matches = 0;
    for (const struct option *o = sg_cli_options; o->name; o++)
        matches += n > 0 && strncmp(o->name, word, n) == 0;
    return matches > 1;
}

/* Returns -1 to go on, else the exit status (help, version, bad usage). */
static int sg_cli_parse_args(int argc, char **argv, sg_cli_config *c)
{
    int explicit_modes = 0;
    memset(c, 0, sizeof *c);
    sg_options_init(&c->opts);
    c->jobs = 1;
    opterr = 0;
    for (;;) {
        int opt = getopt_long(argc, argv, ":o:h", sg_cli_options, NULL);
        if (opt == -1)
            break;
        const char *arg = optarg;
        int v;
        switch (opt) {
        case SG_OPT_FROM:
            v = sg_format_parse(arg);
            if (v < 0) {
                sg_cli_usage_error(
                    "unknown format '%s' for --from (plain, markdown, html or auto)",
                    arg);
                return 2;
            }
            c->opts.format = (sg_format)v;
            c->from_given = v != SG_FORMAT_AUTO;
            break;
        case SG_OPT_REPORT:
            c->mode = SG_CLI_REPORT;
            c->report_given = 1;
            explicit_modes |= 1;
            break;
        case SG_OPT_DIAGNOSTICS:
            c->mode = SG_CLI_DIAGNOSTICS;
            explicit_modes |= 2;
            break;
        case SG_OPT_STRIP:
            c->mode = SG_CLI_STRIP;
            explicit_modes |= 4;
            break;
        case SG_OPT_JSONL:
            c->jsonl = 1;
            break;
        case SG_OPT_STYLE:
            v = sg_style_parse(arg);
            if (v < 0) {
                sg_cli_usage_error(
                    "unknown style '%s' for --style (html-span, html-details, "
                    "md-discord, md-reddit, md-pandoc, md-html, md-hugo, md-obsidian, "
                    "plain or auto; or discord, reddit, pandoc, hugo, obsidian, details, "
                    "html, markdown, text)",
                    arg);
                return 2;
            }
            c->opts.style = (sg_style)v;
            break;
        case SG_OPT_BADGE:
            v = sg_badge_parse(arg);
            if (v < 0) {
                sg_cli_usage_error("unknown badge '%s' for --badge (auto, none, text, "
                                   "html, svg or image)",
                                   arg);
                return 2;
            }
            c->opts.badge = (sg_badge)v;
            break;
        case SG_OPT_ASSETS:
            if (strcmp(arg, "inline") && strcmp(arg, "none")) {
                sg_cli_usage_error("unknown way '%s' for --assets (inline or none)", arg);
                return 2;
            }
            c->opts.assets = !strcmp(arg, "inline");
            break;
        case SG_OPT_RULES: {
            const char **grown = realloc(c->rules, (c->nrules + 1) * sizeof *grown);
            if (!grown) {
                fputs(SG_CLI_NAME ": out of memory\n", stderr);
                return 2;
            }
            c->rules = grown;
            c->rules[c->nrules++] = arg;
            break;
        }
        case SG_OPT_TRUST:
            c->trust = 1;
            break;
        case SG_OPT_CHECK:
            c->check = 1;
            break;
        case SG_OPT_MIN_SEVERITY:
            if (strcmp(arg, "minor") == 0)
                c->opts.min_severity = SG_MINOR;
            else if (strcmp(arg, "major") == 0)
                c->opts.min_severity = SG_MAJOR;
            else {
                sg_cli_usage_error(
                    "unknown severity '%s' for --min-severity (minor or major)", arg);
                return 2;
            }
            break;
        case SG_OPT_MIN_CONFIDENCE:
            if (sg_cli_parse_confidence(arg, &c->opts.min_confidence) != 0) {
                sg_cli_usage_error(
                    "--min-confidence wants a number from 0 to 1, not '%s'", arg);
                return 2;
            }
            break;
        case SG_OPT_EXPLAIN:
            c->explain = 1;
            break;
        case SG_OPT_JOBS:
            if (sg_cli_parse_whole(arg, SG_CLI_MAX_JOBS, &c->jobs) != 0) {
                sg_cli_usage_error("--jobs wants a whole number from 1 to %d, not '%s'",
                                   SG_CLI_MAX_JOBS, arg);
                return 2;
            }
            break;
        case SG_OPT_MAX_INPUT:
            if (sg_cli_parse_size(arg, &c->opts.max_input) != 0) {
                sg_cli_usage_error(
                    "--max-input wants a byte count such as 1048576 or 1M, not '%s'",
                    arg);
                return 2;
            }
            break;
        case SG_OPT_MAX_DEPTH:
            if (sg_cli_parse_whole(arg, SG_CLI_MAX_DEPTH, &c->opts.max_depth) != 0) {
                sg_cli_usage_error("--max-depth wants a whole number from 1 to %d, not '%s'",
                                   SG_CLI_MAX_DEPTH, arg);
                return 2;
            }
            break;
        case 'o':
            c->output = strcmp(arg, "-") == 0 ? NULL : arg;
            break;
        case 'h':
        case SG_OPT_HELP:
            sg_cli_help(stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
        case SG_OPT_VERSION:
            printf(SG_CLI_NAME " %s\n", SG_VERSION);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
        case ':':
            sg_cli_usage_error("option '%s' needs a value", argv[optind - 1]);
            return 2;
        default:
            /* A long option's value in optopt means it was given a value it
             * does not take; a short one's is the unknown letter. */
            if (optopt >= SG_OPT_FROM)
                sg_cli_usage_error("option '%s' takes no value", argv[optind - 1]);
            else if (optopt > 0)
                sg_cli_usage_error("unknown option '-%c'", optopt);
            else if (sg_cli_ambiguous(argv[optind - 1]))
                sg_cli_usage_error("option '%s' is ambiguous: spell it out",
                                   argv[optind - 1]);
            else
                sg_cli_usage_error("unknown option '%s'", argv[optind - 1]);
            return 2;
        }
    }
    if (explicit_modes & (explicit_modes - 1)) {
        sg_cli_usage_error("choose one of --report, --diagnostics and --strip");
        return 2;
    }
    if (c->mode == SG_CLI_STRIP && (c->check || c->explain || c->jsonl || c->nrules)) {
        sg_cli_usage_error("--strip removes markup only; it does not go with --check, "
                           "--explain, --jsonl or --rules");
        return 2;
    }
    if (c->jsonl && c->mode == SG_CLI_DIAGNOSTICS) {
        sg_cli_usage_error("--jsonl writes reports; it does not go with --diagnostics");
        return 2;
    }
    if (c->trust && !c->nrules) {
        sg_cli_usage_error("--trust-rules applies to rule files: add --rules FILE.lua");
        return 2;
    }
    if (c->jsonl)
        c->mode = SG_CLI_REPORT;
    else /* one article at a time: the threads share its sentences */
        c->opts.threads = c->jobs;

    /* --check keeps standard output quiet unless output was asked for. */
    if (c->output || c->report_given || c->mode == SG_CLI_DIAGNOSTICS ||
        c->mode == SG_CLI_STRIP)
        c->emit_main = 1;
    else if (c->mode == SG_CLI_REPORT) /* --jsonl alone */
        c->emit_main = !c->check;
    else /* the article: --explain takes its place on standard output */
        c->emit_main = !c->check && !c->explain;
    c->explain_to_stderr = c->emit_main && !c->output;

    size_t max = c->opts.max_input;
    c->line_limit = max > (SIZE_MAX - SG_CLI_LINE_SLACK) / SG_CLI_ESCAPE_GROWTH
                        ? SIZE_MAX
                        : max * SG_CLI_ESCAPE_GROWTH + SG_CLI_LINE_SLACK;
    return -1;
}

/* ---- small text helpers ------------------------------------------------------ */

/* Quotes up to SG_CLI_QUOTE_BYTES of `s` for a human: control bytes become
 * spaces and a cut never splits a UTF-8 sequence. */
static void sg_cli_quote(FILE *f, const char *s, size_t n)
{
    int cut = 0;
    if (n > SG_CLI_QUOTE_BYTES) {
        n = SG_CLI_QUOTE_BYTES;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        cut = 1;
    }
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        fputc(c < 0x20 || c == 0x7f ? ' ' : c, f);
    }
    fputs(cut ? "...\"" : "\"", f);
}

/* 1-based line and byte column of `off`, scanning on from a previous answer
 * when offsets come in order (flags do), so a whole article costs one pass. */
typedef struct sg_cli_pos {
    size_t off, line, bol;
} sg_cli_pos;

static void sg_cli_locate(sg_cli_pos *p, const char *text, size_t len, size_t off,
                          size_t *line, size_t *col)
{
    if (off > len)
        off = len;
    if (off < p->off)
        *p = (sg_cli_pos){0, 1, 0};
    for (const char *nl; (nl = memchr(text + p->off, '\n', off - p->off));) {
        p->line++;
        p->off = (size_t)(nl - text) + 1;
        p->bol = p->off;
    }
    p->off = off;
    *line = p->line;
    *col = off - p->bol + 1;
}

/* ---- workers --------------------------------------------------------------------- */

/* The Lua side runs only in builds that have Lua 5.4 (SG_HAVE_LUA); a
 * build without it refuses --rules when the workers start.  The engine runs
 * the rule files' rules and hooks; an article's Lua values live between
 * these two calls. */
static sg_status sg_cli_hooks_begin(sg_cli_worker *w, sg_error *err)
{
#ifdef SG_HAVE_LUA
    if (w->lua)
        return sg_cli_lua_begin(w->lua, err);
#else
    (void)w, (void)err;
#endif
    return SG_OK;
}

static void sg_cli_hooks_end(sg_cli_worker *w, sg_error *err)
{
#ifdef SG_HAVE_LUA
    if (w->lua)
        sg_cli_lua_end(w->lua, err);
#else
    (void)w, (void)err;
#endif
}

static void sg_cli_worker_free(sg_cli_worker *w)
{
#ifdef SG_HAVE_LUA
    if (w->lua)
        sg_cli_lua_free(w->lua);
#endif
    if (w->engine)
        sg_engine_free(w->engine);
    memset(w, 0, sizeof *w);
}

/* Loads the user's rule files into the worker's own Lua state. */
static int sg_cli_worker_rules(sg_cli_worker *w, const sg_cli_config *c)
{
#ifdef SG_HAVE_LUA
    sg_error err;
    memset(&err, 0, sizeof err);
    w->lua = sg_cli_lua_new(w->engine, c->trust, &err);
    if (!w->lua) {
        fprintf(stderr, SG_CLI_NAME ": %s\n",
                err.message[0] ? err.message : "out of memory");
        return 2;
    }
    for (size_t i = 0; i < c->nrules; i++) {
        memset(&err, 0, sizeof err);
        if (sg_cli_lua_load(w->lua, c->rules[i], &err) != SG_OK) {
            /* The loader's message names file and line; say which file
             * when it does not. */
            if (strstr(err.message, c->rules[i]))
                fprintf(stderr, SG_CLI_NAME ": %s\n", err.message);
            else
                fprintf(stderr, SG_CLI_NAME ": %s: %s\n", c->rules[i], err.message);
            return 2;
        }
    }
    return 0;
#else
    (void)w;
    fprintf(stderr, SG_CLI_NAME ": %s: --rules needs Lua 5.4, and this build has none\n",
            c->rules[0]);
    return 2;
#endif
}

/* A fresh engine with the user's rule files loaded.  Returns 0 or 2. */
static int sg_cli_worker_init(sg_cli_worker *w, const sg_cli_config *c)
{
    sg_error err;
    memset(w, 0, sizeof *w);
    memset(&err, 0, sizeof err);
    w->engine = sg_engine_new(&err);
    if (!w->engine) {
        fprintf(stderr, SG_CLI_NAME ": %s\n",
                err.message[0] ? err.message : "out of memory");
        return 2;
    }
    if (c->nrules && sg_cli_worker_rules(w, c) != 0) {
        sg_cli_worker_free(w);
        return 2;
    }
    return 0;
}

/* ---- one article ---------------------------------------------------------------- */

static void sg_cli_diagnostics(FILE *out, const char *name, const char *text, size_t len,
                               const sg_analysis *a)
{
    size_t n = 0;
    const sg_flag *flags = sg_analysis_flags(a, &n);
    sg_cli_pos pos = {0, 1, 0};
    for (size_t i = 0; i < n; i++) {
        const sg_flag *f = &flags[i];
        if (f->marked)
            continue;
        size_t line, col;
        sg_cli_locate(&pos, text, len, f->start, &line, &col);
        fprintf(out, "%s:%zu:%zu: %s: %s: unmarked spoiler ", name, line, col,
                f->severity == SG_MAJOR ? "warning" : "note", f->kind ? f->kind : "plot");
        const char *cue = f->cue;
        if (cue && *cue)
            sg_cli_quote(out, cue, strlen(cue));
        else if (f->end > f->start && f->end <= len)
            sg_cli_quote(out, text + f->start, f->end - f->start);
        fprintf(out, " (%s, %.3f)\n", f->rule ? f->rule : "?", f->confidence);
    }
}

static void sg_cli_explain(FILE *out, const char *name, const char *text, size_t len,
                           const sg_analysis *a)
{
    size_t n = 0;
    const sg_flag *flags = sg_analysis_flags(a, &n);
    sg_cli_pos pos = {0, 1, 0};
    const char *why;
    sg_style style = sg_analysis_style(a, &why);
    fprintf(out, "%s: style %s: %s\n", name, sg_style_name(style), why);
    if (n == 0) {
        fprintf(out, "%s: no spoiler found\n", name);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const sg_flag *f = &flags[i];
        size_t line, col;
        sg_cli_locate(&pos, text, len, f->start, &line, &col);
        fprintf(out, "%s:%zu:%zu: %s %s spoiler%s\n", name, line, col,
                f->severity == SG_MAJOR ? "major" : "minor", f->kind ? f->kind : "plot",
                f->marked ? " (already marked)" : "");
        fprintf(out, "    rule:       %s, confidence %.3f\n", f->rule ? f->rule : "?",
                f->confidence);
        fputs("    cue:        ", out);
        if (f->cue && *f->cue)
            sg_cli_quote(out, f->cue, strlen(f->cue));
        else if (f->evidence_end > f->evidence_start && f->evidence_end <= len)
            sg_cli_quote(out, text + f->evidence_start,
                         f->evidence_end - f->evidence_start);
        else
            fputs("(none)", out);
        fprintf(out, "\n    character:  %s\n", f->character ? f->character : "(none)");
        if (isfinite(f->model_score))
            fprintf(out, "    model:      %.3f\n", f->model_score);
        else
            fputs("    model:      (not scored)\n", out);
        fputs("    sentence:   ", out);
        if (f->end > f->start && f->end <= len)
            sg_cli_quote(out, text + f->start, f->end - f->start);
        fputc('\n', out);
    }
}

/* Writes the id of a batch line as JSON: a string escaped, a number as it
 * was written, else null. */
static void sg_cli_put_id(FILE *f, const sg_json_line *line)
{
    if (!line || line->id_type == SG_JSON_ID_NONE)
        fputs("null", f);
    else if (line->id_type == SG_JSON_ID_NUMBER)
        fwrite(line->id, 1, line->id_len, f);
    else
        sg_json_write_string(f, line->id, line->id_len);
}

static void sg_cli_oom(sg_error *err)
{
    err->status = SG_ERR_MEMORY;
    snprintf(err->message, sizeof err->message, "out of memory");
}

/* Analyses one article and writes what the mode asks for to `out` (only
 * once everything succeeded, so a failure leaves nothing half-written) and
 * the explanation to `expl`.  Returns 0, or 2 with `err` filled. */
static int sg_cli_article(sg_cli_worker *w, const sg_cli_config *c, const char *name,
                          const char *text, size_t len, sg_format fmt,
                          const sg_json_line *batch, FILE *out, FILE *expl,
                          sg_cli_found *found, sg_error *err)
{
    memset(found, 0, sizeof *found);
    memset(err, 0, sizeof *err);
    if (c->mode == SG_CLI_STRIP) {
        size_t n = 0;
        char *notes = NULL;
        char *s = sg_strip_with_notes(text, len, fmt, &n, &notes, err);
        if (!s) {
            if (err->status == SG_OK)
                sg_cli_oom(err);
            return 2;
        }
        fwrite(s, 1, n, out);
        sg_free(s);
        /* what an edit of the published copy left unprovable stays in the
         * text: say where, a line each */
        for (const char *line = notes, *nl; line && (nl = strchr(line, '\n'));
             line = nl + 1)
            fprintf(stderr, SG_CLI_NAME ": %s: %.*s\n", name, (int)(nl - line), line);
        sg_free(notes);
        return 0;
    }

    sg_options opts = c->opts;
    opts.format = fmt;
    if (!batch && strcmp(name, "<stdin>") != 0)
        opts.path = name; /* --style auto looks at the folders it stands in */
    sg_analysis *a = NULL;
    if (sg_cli_hooks_begin(w, err) != SG_OK)
        return 2;
    if (sg_analyze(w->engine, text, len, &opts, &a, err) != SG_OK || !a) {
        if (err->status == SG_OK)
            sg_cli_oom(err);
        sg_cli_hooks_end(w, err);
        return 2;
    }
    int rc = 2;
    char *buf = NULL;
    size_t n = 0;

    size_t nflags = 0;
    const sg_flag *flags = sg_analysis_flags(a, &nflags);
    found->unmarked = sg_analysis_unmarked(a, SG_MAJOR);
    for (size_t i = 0; i < nflags; i++) {
        if (!flags[i].marked && flags[i].severity == SG_MAJOR) {
            found->first_at = flags[i].start;
            break;
        }
    }

    if (c->emit_main) {
        switch (c->mode) {
        case SG_CLI_REPORT:
            buf = sg_analysis_report(a, NULL, 0, &n);
            if (!buf) {
                sg_cli_oom(err);
                goto done;
            }
            if (batch && n >= 2 && buf[0] == '{') {
                /* The batch's id goes first, keeping its JSON type. */
                fputs("{\"id\":", out);
                sg_cli_put_id(out, batch);
                if (buf[1] != '}')
                    fputc(',', out);
                fwrite(buf + 1, 1, n - 1, out);
            } else {
                fwrite(buf, 1, n, out);
            }
            fputc('\n', out);
            break;
        case SG_CLI_DIAGNOSTICS:
            sg_cli_diagnostics(out, name, text, len, a);
            break;
        default:
            buf = sg_annotate(a, &n, err);
            if (!buf) {
                if (err->status == SG_OK)
                    sg_cli_oom(err);
                goto done;
            }
            fwrite(buf, 1, n, out);
            break;
        }
    }
    if (c->explain && expl)
        sg_cli_explain(expl, name, text, len, a);
    rc = 0;
done:
    sg_cli_hooks_end(w, rc ? err : NULL);
    sg_free(buf);
    sg_analysis_free(a);
    return rc;
}

/* ---- output: standard output, or a temporary renamed over FILE -------------------- */

typedef struct sg_cli_sink {
    FILE *f;
    char *tmp; /* the temporary's path, NULL for standard output */
    const char *path;
} sg_cli_sink;

/* The temporary being written, removed when a signal ends the run so an
 * interrupted -o leaves neither a half-written target nor a stray file. */
static char sg_cli_tmp_path[4096];
static volatile sig_atomic_t sg_cli_tmp_live;

static void sg_cli_on_signal(int sig)
{
    if (sg_cli_tmp_live)
        unlink(sg_cli_tmp_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void sg_cli_guard_tmp(const char *tmp)
{
    if (!tmp || strlen(tmp) >= sizeof sg_cli_tmp_path) {
        sg_cli_tmp_live = 0;
        return;
    }
    memcpy(sg_cli_tmp_path, tmp, strlen(tmp) + 1);
    sg_cli_tmp_live = 1;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = sg_cli_on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static int sg_cli_sink_open(sg_cli_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    if (!path) {
        s->f = stdout;
        return 0;
    }
    s->path = path;
    /* Same directory as the target, so rename() is atomic. */
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = slash ? slash + 1 : path;
    size_t need = dirlen + strlen(base) + sizeof ".sg-XXXXXX" + 1;
    s->tmp = malloc(need);
    if (!s->tmp) {
        fputs(SG_CLI_NAME ": out of memory\n", stderr);
        return 2;
    }
    snprintf(s->tmp, need, "%.*s.%s.sg-XXXXXX", (int)dirlen, path, base);
    int fd = mkstemp(s->tmp);
    if (fd < 0) {
        fprintf(stderr,
                SG_CLI_NAME ": %s: cannot create a temporary file beside it: %s\n", path,
                strerror(errno));
        free(s->tmp);
        s->tmp = NULL;
        return 2;
    }
    /* The result gets the target's permissions, or the usual ones for a
     * new file, not mkstemp's 0600. */
    struct stat st;
    mode_t mode;
    if (stat(path, &st) == 0) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0) {
        /* Not fatal: the content matters more than the mode bits. */
    }
    sg_cli_guard_tmp(s->tmp);
    s->f = fdopen(fd, "wb");
    if (!s->f) {
        fprintf(stderr, SG_CLI_NAME ": %s: %s\n", path, strerror(errno));
        close(fd);
        unlink(s->tmp);
        free(s->tmp);
        s->tmp = NULL;
        return 2;
    }
    return 0;
}

/* Finishes the output: renames the temporary over the target when `keep`,
 * else removes it.  Returns 0, or 2 when writing failed. */
static int sg_cli_sink_close(sg_cli_sink *s, int keep)
{
    if (!s->tmp) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, SG_CLI_NAME ": error writing standard output: %s\n",
                    strerror(errno));
            return 2;
        }
        return 0;
    }
    int rc = 0;
    int failed = fflush(s->f) != 0 || ferror(s->f);
    if (!failed && keep && fsync(fileno(s->f)) != 0 && errno != EINVAL)
        failed = 1;
    int saved = errno;
    if (fclose(s->f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (keep && failed) {
        fprintf(stderr, SG_CLI_NAME ": %s: error writing: %s\n", s->path,
                strerror(saved));
        rc = 2;
    }
    if (keep && !failed && rename(s->tmp, s->path) != 0) {
        fprintf(stderr, SG_CLI_NAME ": %s: cannot replace it: %s\n", s->path,
                strerror(errno));
        rc = 2;
        failed = 1;
    }
    if (!keep || failed)
        unlink(s->tmp);
    sg_cli_tmp_live = 0;
    free(s->tmp);
    memset(s, 0, sizeof *s);
    return rc;
}

/* ---- whole files ----------------------------------------------------------------------
 */

/* Reads all of `f`, refusing more than `max` bytes without reading them
 * all.  Returns 0, or -1 with `msg` filled. */
static int sg_cli_slurp(FILE *f, size_t max, char **out, size_t *len, char *msg,
                        size_t msgsz)
{
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size > (unsigned long long)max) {
        snprintf(msg, msgsz, "input of %llu bytes is larger than --max-input (%zu bytes)",
                 (unsigned long long)st.st_size, max);
        return -1;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        snprintf(msg, msgsz, "out of memory");
        return -1;
    }
    for (;;) {
        if (n == cap) {
            size_t grown = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
            char *p = grown > cap ? realloc(buf, grown) : NULL;
            if (!p) {
                free(buf);
                snprintf(msg, msgsz, "out of memory");
                return -1;
            }
            buf = p;
            cap = grown;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n > max) {
            free(buf);
            snprintf(msg, msgsz, "input is larger than --max-input (%zu bytes)", max);
            return -1;
        }
        if (got == 0) {
            if (ferror(f)) {
                snprintf(msg, msgsz, "read error: %s", strerror(errno));
                free(buf);
                return -1;
            }
            break;
        }
    }
    *out = buf;
    *len = n;
    return 0;
}

static int sg_cli_is_stdin(const char *path)
{
    return strcmp(path, "-") == 0;
}

static FILE *sg_cli_open_input(const char *path, char *msg, size_t msgsz)
{
    if (sg_cli_is_stdin(path))
        return stdin;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msgsz, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(msg, msgsz, "is a directory");
        fclose(f);
        return NULL;
    }
    return f;
}

static void sg_cli_close_input(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

static int sg_cli_files(sg_cli_worker *w, const sg_cli_config *c, char **files,
                        int nfiles, FILE *out)
{
    static char *const stdin_only[] = {"-"};
    int status = 0;
    if (nfiles == 0) {
        files = (char **)stdin_only;
        nfiles = 1;
    }
    FILE *expl = c->explain_to_stderr ? stderr : stdout;
    for (int i = 0; i < nfiles; i++) {
        const char *path = files[i];
        const char *name = sg_cli_is_stdin(path) ? "<stdin>" : path;
        char msg[600];
        char *text = NULL;
        size_t len = 0;
        FILE *in = sg_cli_open_input(path, msg, sizeof msg);
        int ok =
            in && sg_cli_slurp(in, c->opts.max_input, &text, &len, msg, sizeof msg) == 0;
        sg_cli_close_input(in);
        if (!ok) {
            fprintf(stderr, SG_CLI_NAME ": %s: %s\n", name, msg);
            status = 2;
            if (c->output)
                break; /* the output file is not replaced: stop here */
            continue;
        }
        sg_format fmt = c->opts.format;
        if (!c->from_given && !sg_cli_is_stdin(path))
            fmt = sg_format_from_path(path);
        sg_cli_found found;
        sg_error err;
        int rc =
            sg_cli_article(w, c, name, text, len, fmt, NULL, out, expl, &found, &err);
        if (rc == 2) {
            fprintf(stderr, SG_CLI_NAME ": %s: %s\n", name,
                    err.message[0] ? err.message : sg_status_name(err.status));
            status = 2;
        } else if (c->check && found.unmarked) {
            if (c->mode != SG_CLI_DIAGNOSTICS) {
                sg_cli_pos pos = {0, 1, 0};
                size_t line, col;
                sg_cli_locate(&pos, text, len, found.first_at, &line, &col);
                fprintf(
                    stderr,
                    "%s: %zu unmarked major spoiler%s (first at line %zu, column %zu)\n",
                    name, found.unmarked, found.unmarked == 1 ? "" : "s", line, col);
            }
            if (status < 1)
                status = 1;
        }
        free(text);
        if (rc == 2 && c->output)
            break;
    }
    return status;
}

/* ---- JSON Lines batches
 * ------------------------------------------------------------------ */

/* One batch line and, once processed, what it produced. */
typedef struct sg_cli_slot {
    const char *name; /* the input it came from */
    size_t lineno;
    char *line;
    size_t len;
    int overlong;
    char *out, *expl, *err; /* standard output, explanation, standard error */
    size_t out_len, expl_len;
    int status; /* 0, 1 (check found a spoiler) or 2 (the line failed) */
    int done;
} sg_cli_slot;

static void sg_cli_slot_free(sg_cli_slot *s)
{
    free(s->line);
    free(s->out);
    free(s->expl);
    free(s->err);
    memset(s, 0, sizeof *s);
}

/* A buffered line reader that holds at most `limit` bytes of a line: a
 * longer line is read through and reported as overlong. */
typedef struct sg_cli_lines {
    FILE *f;
    char buf[65536];
    size_t pos, fill;
} sg_cli_lines;

/* Returns 1 with a line (without its "\n"), 0 at the end, -1 on a read
 * error or when memory runs out. */
static int sg_cli_next_line(sg_cli_lines *r, size_t limit, char **line, size_t *len,
                            int *overlong)
{
    char *s = NULL;
    size_t n = 0, cap = 0;
    int any = 0;
    *overlong = 0;
    for (;;) {
        if (r->pos == r->fill) {
            r->pos = 0;
            r->fill = fread(r->buf, 1, sizeof r->buf, r->f);
            if (r->fill == 0) {
                if (ferror(r->f)) {
                    free(s);
                    return -1;
                }
                if (!any) {
                    free(s);
                    return 0;
                }
                break;
            }
        }
        any = 1;
        char *nl = memchr(r->buf + r->pos, '\n', r->fill - r->pos);
        size_t take = (nl ? (size_t)(nl - r->buf) : r->fill) - r->pos;
        if (!*overlong && take > limit - n) {
            *overlong = 1;
            free(s);
            s = NULL;
            n = cap = 0;
        }
        if (!*overlong && take) {
            if (n + take + 1 > cap) {
                size_t want = cap ? cap : 256;
                while (want < n + take + 1)
                    want = want > SIZE_MAX / 2 ? n + take + 1 : want * 2;
                char *p = realloc(s, want);
                if (!p) {
                    free(s);
                    return -1;
                }
                s = p;
                cap = want;
            }
            memcpy(s + n, r->buf + r->pos, take);
            n += take;
        }
        r->pos += take;
        if (nl) {
            r->pos++;
            break;
        }
    }
    if (!s) {
        s = malloc(1);
        if (!s)
            return -1;
    }
    s[n] = '\0';
    *line = s;
    *len = n;
    return 1;
}

static char *sg_cli_strdupf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *sg_cli_strdupf(const char *fmt, ...)
{
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0)
        s = NULL;
    va_end(ap);
    return s;
}

/* Processes one batch line into its slot.  Runs on a worker thread. */
static void sg_cli_batch_line(sg_cli_worker *w, const sg_cli_config *c, sg_cli_slot *s)
{
    char *out_buf = NULL, *expl_buf = NULL;
    size_t out_len = 0, expl_len = 0;
    FILE *out = open_memstream(&out_buf, &out_len);
    FILE *expl = c->explain ? open_memstream(&expl_buf, &expl_len) : NULL;
    sg_json_line jl;
    memset(&jl, 0, sizeof jl);
    char msg[600];
    const char *fail = NULL;
    sg_error err;
    memset(&err, 0, sizeof err);

    if (!out || (c->explain && !expl)) {
        fail = "out of memory";
    } else if (s->overlong) {
        snprintf(msg, sizeof msg, "line longer than %zu bytes (see --max-input)",
                 c->line_limit);
        fail = msg;
    } else if (sg_json_parse_line(s->line, s->len, 0, &jl, msg, sizeof msg) != 0) {
        fail = msg;
    } else if (!jl.text) {
        fail = "missing \"text\"";
    } else {
        sg_format fmt = c->opts.format;
        int f = jl.from && strlen(jl.from) == jl.from_len ? sg_format_parse(jl.from) : -1;
        if (jl.from && f < 0) {
            fail = "unknown \"from\" (plain, markdown, html or auto)";
        } else if (jl.text_len > c->opts.max_input) {
            snprintf(msg, sizeof msg,
                     "text of %zu bytes is larger than --max-input (%zu bytes)",
                     jl.text_len, c->opts.max_input);
            fail = msg;
        } else {
            if (jl.from) /* the line's own "from" beats --from */
                fmt = (sg_format)f;
            /* Explanations name the article by its id, else its line. */
            char label[160];
            if (jl.id_type != SG_JSON_ID_NONE)
                snprintf(label, sizeof label, "%s:%zu (id %.*s)", s->name, s->lineno,
                         (int)(jl.id_len > 100 ? 100 : jl.id_len), jl.id);
            else
                snprintf(label, sizeof label, "%s:%zu", s->name, s->lineno);
            sg_cli_found found;
            if (sg_cli_article(w, c, label, jl.text, jl.text_len, fmt, &jl, out, expl,
                               &found, &err) != 0) {
                fail = err.message[0] ? err.message : sg_status_name(err.status);
                /* "line 3: ..." from inside the article is a line of its
                 * text, not of the batch */
                if (strncmp(fail, "line ", 5) == 0 && fail[5] >= '0' && fail[5] <= '9') {
                    snprintf(msg, sizeof msg, "text %s", fail);
                    fail = msg;
                }
            } else if (c->check && found.unmarked)
                s->status = 1;
        }
    }
    if (fail) {
        s->status = 2;
        if (out && c->emit_main) {
            fputs("{\"id\":", out);
            sg_cli_put_id(out, &jl);
            fprintf(out, ",\"line\":%zu,\"error\":", s->lineno);
            sg_json_write_string(out, fail, strlen(fail));
            fputs("}\n", out);
        }
        s->err = sg_cli_strdupf("%s: line %zu: %s", s->name, s->lineno, fail);
    }
    if (out && fclose(out) == 0) {
        s->out = out_buf;
        s->out_len = out_len;
    } else {
        free(out_buf);
    }
    if (expl && fclose(expl) == 0) {
        s->expl = expl_buf;
        s->expl_len = expl_len;
    } else {
        free(expl_buf);
    }
    sg_json_line_free(&jl);
    free(s->line);
    s->line = NULL;
}

typedef struct sg_cli_tally {
    int status;
    size_t articles, failed, spoiled;
} sg_cli_tally;

/* Writes a processed slot out, in input order.  Runs on the main thread. */
static void sg_cli_emit(const sg_cli_config *c, sg_cli_slot *s, FILE *out,
                        sg_cli_tally *t)
{
    if (s->out_len)
        fwrite(s->out, 1, s->out_len, out);
    if (s->expl_len) {
        FILE *expl = c->explain_to_stderr ? stderr : stdout;
        fwrite(s->expl, 1, s->expl_len, expl);
    }
    if (s->err)
        fprintf(stderr, SG_CLI_NAME ": %s\n", s->err);
    if (s->lineno)
        t->articles++;
    if (s->status == 2 && s->lineno)
        t->failed++;
    if (s->status == 1)
        t->spoiled++;
    if (s->status > t->status)
        t->status = s->status;
    sg_cli_slot_free(s);
}

/* The batch's moving parts: a ring of slots filled by the reader, taken by
 * workers in input order, and written by the main thread in input order. */
typedef struct sg_cli_batch {
    const sg_cli_config *c;
    char **files;
    int nfiles;
    sg_cli_worker *workers;
    FILE *out;
    sg_cli_tally tally;

    pthread_mutex_t mu;
    pthread_cond_t can_read, can_work, can_write;
    sg_cli_slot *ring;
    size_t cap;
    size_t head, next, tail; /* written < taken < filled, as sequence numbers */
    int eof;
} sg_cli_batch;

typedef void (*sg_cli_push_fn)(sg_cli_batch *b, sg_cli_slot *s);

/* Reads every input, handing each non-blank line (and each input that
 * cannot be read, as a failed slot) to `push`. */
static void sg_cli_read_inputs(sg_cli_batch *b, sg_cli_push_fn push)
{
    static char *const stdin_only[] = {"-"};
    char **files = b->nfiles ? b->files : (char **)stdin_only;
    int nfiles = b->nfiles ? b->nfiles : 1;
    sg_cli_lines *r = malloc(sizeof *r);
    for (int i = 0; i < nfiles; i++) {
        const char *name = sg_cli_is_stdin(files[i]) ? "<stdin>" : files[i];
        char msg[600];
        FILE *in = r ? sg_cli_open_input(files[i], msg, sizeof msg) : NULL;
        if (!r)
            snprintf(msg, sizeof msg, "out of memory");
        if (!in) {
            sg_cli_slot s = {.name = name, .status = 2, .done = 1};
            s.err = sg_cli_strdupf("%s: %s", name, msg);
            push(b, &s);
            continue;
        }
        r->f = in;
        r->pos = r->fill = 0;
        size_t lineno = 0;
        for (;;) {
            sg_cli_slot s = {.name = name};
            int got = sg_cli_next_line(r, b->c->line_limit, &s.line, &s.len, &s.overlong);
            if (got == 0)
                break;
            lineno++;
            if (got < 0) {
                s.status = 2;
                s.done = 1;
                s.err = sg_cli_strdupf("%s: line %zu: %s", name, lineno,
                                       ferror(in) ? strerror(errno) : "out of memory");
                push(b, &s);
                break;
            }
            if (!s.overlong && sg_json_blank(s.line, s.len)) {
                free(s.line);
                continue;
            }
            s.lineno = lineno;
            push(b, &s);
        }
        sg_cli_close_input(in);
    }
    free(r);
}

/* One worker: lines are processed and written as they come. */
static void sg_cli_push_inline(sg_cli_batch *b, sg_cli_slot *s)
{
    if (!s->done)
        sg_cli_batch_line(&b->workers[0], b->c, s);
    s->done = 1;
    sg_cli_emit(b->c, s, b->out, &b->tally);
}

static void sg_cli_push_ring(sg_cli_batch *b, sg_cli_slot *s)
{
    pthread_mutex_lock(&b->mu);
    while (b->tail - b->head == b->cap)
        pthread_cond_wait(&b->can_read, &b->mu);
    b->ring[b->tail % b->cap] = *s;
    b->tail++;
    pthread_cond_signal(&b->can_work);
    pthread_cond_signal(&b->can_write);
    pthread_mutex_unlock(&b->mu);
}

static void *sg_cli_reader_main(void *arg)
{
    sg_cli_batch *b = arg;
    sg_cli_read_inputs(b, sg_cli_push_ring);
    pthread_mutex_lock(&b->mu);
    b->eof = 1;
    pthread_cond_broadcast(&b->can_work);
    pthread_cond_broadcast(&b->can_write);
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

typedef struct sg_cli_worker_arg {
    sg_cli_batch *batch;
    sg_cli_worker *worker;
} sg_cli_worker_arg;

static void *sg_cli_worker_main(void *arg)
{
    sg_cli_worker_arg *wa = arg;
    sg_cli_batch *b = wa->batch;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next == b->tail && !b->eof)
            pthread_cond_wait(&b->can_work, &b->mu);
        if (b->next == b->tail)
            break;
        sg_cli_slot *s = &b->ring[b->next % b->cap];
        b->next++;
        if (s->done)
            continue;
        /* The slot stays put until the writer passes it, which waits for done. */
        pthread_mutex_unlock(&b->mu);
        sg_cli_batch_line(wa->worker, b->c, s);
        pthread_mutex_lock(&b->mu);
        s->done = 1;
        pthread_cond_signal(&b->can_write);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* Returns 0, or -1 when threads could not be started (nothing was read). */
static int sg_cli_batch_threads(sg_cli_batch *b, int nworkers)
{
    b->cap = (size_t)nworkers * SG_CLI_WINDOW_PER_JOB;
    b->ring = calloc(b->cap, sizeof *b->ring);
    sg_cli_worker_arg *args = calloc((size_t)nworkers, sizeof *args);
    pthread_t *tids = calloc((size_t)nworkers, sizeof *tids);
    if (!b->ring || !args || !tids) {
        free(b->ring);
        free(args);
        free(tids);
        return -1;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->can_read, NULL);
    pthread_cond_init(&b->can_work, NULL);
    pthread_cond_init(&b->can_write, NULL);

    int started = 0;
    pthread_t reader;
    for (; started < nworkers; started++) {
        args[started] = (sg_cli_worker_arg){b, &b->workers[started]};
        if (pthread_create(&tids[started], NULL, sg_cli_worker_main, &args[started]) != 0)
            break;
    }
    int ok =
        started == nworkers && pthread_create(&reader, NULL, sg_cli_reader_main, b) == 0;
    if (!ok) {
        pthread_mutex_lock(&b->mu);
        b->eof = 1;
        pthread_cond_broadcast(&b->can_work);
        pthread_mutex_unlock(&b->mu);
    } else {
        /* The main thread writes slots in input order as they complete. */
        pthread_mutex_lock(&b->mu);
        for (;;) {
            while (b->head == b->tail ? !b->eof : !b->ring[b->head % b->cap].done)
                pthread_cond_wait(&b->can_write, &b->mu);
            if (b->head == b->tail)
                break;
            sg_cli_slot *s = &b->ring[b->head % b->cap];
            pthread_mutex_unlock(&b->mu);
            sg_cli_emit(b->c, s, b->out, &b->tally);
            pthread_mutex_lock(&b->mu);
            b->head++;
            pthread_cond_signal(&b->can_read);
        }
        pthread_mutex_unlock(&b->mu);
        pthread_join(reader, NULL);
    }
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    pthread_cond_destroy(&b->can_read);
    pthread_cond_destroy(&b->can_work);
    pthread_cond_destroy(&b->can_write);
    pthread_mutex_destroy(&b->mu);
    free(b->ring);
    free(args);
    free(tids);
    return ok ? 0 : -1;
}

static int sg_cli_batch_run(const sg_cli_config *c, sg_cli_worker *workers, int nworkers,
                            char **files, int nfiles, FILE *out)
{
    sg_cli_batch b;
    memset(&b, 0, sizeof b);
    b.c = c;
    b.files = files;
    b.nfiles = nfiles;
    b.workers = workers;
    b.out = out;
    /* Without threads (one job, or none could start) one worker does all. */
    if (nworkers <= 1 || sg_cli_batch_threads(&b, nworkers) != 0)
        sg_cli_read_inputs(&b, sg_cli_push_inline);
    if (c->check && b.tally.spoiled)
        fprintf(stderr,
                SG_CLI_NAME ": check: %zu of %zu articles have unmarked major spoilers\n",
                b.tally.spoiled, b.tally.articles);
    if (b.tally.failed)
        fprintf(stderr, SG_CLI_NAME ": %zu of %zu lines failed\n", b.tally.failed,
                b.tally.articles);
    return b.tally.status;
}

/* ---- main
 * --------------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    sg_cli_config c;
    int status = sg_cli_parse_args(argc, argv, &c);
    if (status >= 0) {
        free(c.rules);
        return status;
    }
    char **files = argv + optind;
    int nfiles = argc - optind;

    int nworkers = c.jsonl ? c.jobs : 1;
    sg_cli_worker *workers = calloc((size_t)nworkers, sizeof *workers);
    if (!workers) {
        fputs(SG_CLI_NAME ": out of memory\n", stderr);
        free(c.rules);
        return 2;
    }
    status = 0;
    int ready = 0;
    /* Stripping needs no engine. */
    while (c.mode != SG_CLI_STRIP && ready < nworkers && status == 0) {
        if (sg_cli_worker_init(&workers[ready], &c) != 0)
            status = 2;
        else
            ready++;
    }

    sg_cli_sink sink;
    if (status == 0 && sg_cli_sink_open(&sink, c.output) != 0)
        status = 2;
    if (status == 0) {
        if (c.jsonl)
            status = sg_cli_batch_run(&c, workers, nworkers, files, nfiles, sink.f);
        else
            status = sg_cli_files(&workers[0], &c, files, nfiles, sink.f);
        /* A batch's output is complete even with failed lines (they carry
         * error objects); whole files are only replaced when all went well. */
        int keep = c.jsonl || status != 2;
        int rc = sg_cli_sink_close(&sink, keep);
        if (rc > status)
            status = rc;
    }
    if (c.explain && !c.explain_to_stderr && fflush(stdout) != 0 && status < 2)
        status = 2;

    for (int i = 0; i < ready; i++)
        sg_cli_worker_free(&workers[i]);
    free(workers);
    free(c.rules);
    return status;
}
