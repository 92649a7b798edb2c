/*
 * sg_cli_args.c -- the spoilerguard command's options: --help, the values
 * options take, and the configuration they make (sg_cli_config).
 */
#include "sg_cli_parts.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SG_CLI_MAX_JOBS 256
#define SG_CLI_MAX_DEPTH 1000000000 /* HTML nesting the reader may be asked to keep */
/* Room for a line's JSON syntax around its text, and for escapes (a \uXXXX
 * escape is six bytes for one to three bytes of text). */
#define SG_CLI_LINE_SLACK 65536
#define SG_CLI_ESCAPE_GROWTH 6

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

int sg_cli_parse_args(int argc, char **argv, sg_cli_config *c)
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
