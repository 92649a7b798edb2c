/*
 * sg_cli_parts.h -- what the files of the spoilerguard command share: its
 * configuration, its workers, and the calls between them.  sg_cli.c holds
 * whole files and main; sg_cli_args.c reads the options; sg_cli_article.c
 * holds the workers and one article; sg_cli_input.c opens the inputs;
 * sg_cli_out.c writes diagnostics, explanations and the output file;
 * sg_cli_batch.c runs JSON Lines batches.
 */
#ifndef SG_CLI_PARTS_H
#define SG_CLI_PARTS_H

#include "spoilerguard.h"
#include "sg_cli.h"
#include "sg_json.h"

#include <stddef.h>
#include <stdio.h>

#define SG_CLI_NAME "spoilerguard"

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

/* ---- options (sg_cli_args.c) --------------------------------------------------------- */

/* Reads the options into `c` (free c->rules).  Returns -1 to go on, else the
 * exit status (help, version, bad usage). */
int sg_cli_parse_args(int argc, char **argv, sg_cli_config *c);

/* ---- workers and one article (sg_cli_article.c) -------------------------------------- */

/* A fresh engine with the user's rule files loaded.  Returns 0 or 2. */
int sg_cli_worker_init(sg_cli_worker *w, const sg_cli_config *c);
void sg_cli_worker_free(sg_cli_worker *w);
/* Analyses one article and writes what the mode asks for to `out` (only
 * once everything succeeded, so a failure leaves nothing half-written) and
 * the explanation to `expl`.  `batch` is its batch line (NULL for a file).
 * Returns 0, or 2 with `err` filled. */
int sg_cli_article(sg_cli_worker *w, const sg_cli_config *c, const char *name,
                   const char *text, size_t len, sg_format fmt,
                   const sg_json_line *batch, FILE *out, FILE *expl,
                   sg_cli_found *found, sg_error *err);

/* ---- inputs (sg_cli_input.c) --------------------------------------------------------- */

/* Whether `path` names standard input ("-"). */
int sg_cli_is_stdin(const char *path);
/* Opens an input (standard input for "-"); NULL with `msg` filled. */
FILE *sg_cli_open_input(const char *path, char *msg, size_t msgsz);
void sg_cli_close_input(FILE *f);

/* ---- whole files (sg_cli.c) ---------------------------------------------------------- */

/* Each file (standard input when none) as one article.  Returns the exit
 * status. */
int sg_cli_files(sg_cli_worker *w, const sg_cli_config *c, char **files, int nfiles,
                 FILE *out);

/* ---- output (sg_cli_out.c) ----------------------------------------------------------- */

/* 1-based line and byte column of `off`, scanning on from a previous answer
 * when offsets come in order (flags do), so a whole article costs one pass. */
typedef struct sg_cli_pos {
    size_t off, line, bol;
} sg_cli_pos;

void sg_cli_locate(sg_cli_pos *p, const char *text, size_t len, size_t off, size_t *line,
                   size_t *col);
/* Unmarked flags as compiler-style lines "name:line:col: warning: ...". */
void sg_cli_diagnostics(FILE *out, const char *name, const char *text, size_t len,
                        const sg_analysis *a);
/* The style chosen and every flag with its rule, cue, character, model score
 * and sentence. */
void sg_cli_explain(FILE *out, const char *name, const char *text, size_t len,
                    const sg_analysis *a);
/* Writes the id of a batch line as JSON: a string escaped, a number as it
 * was written, else null. */
void sg_cli_put_id(FILE *f, const sg_json_line *line);

/* Standard output, or a temporary renamed over FILE. */
typedef struct sg_cli_sink {
    FILE *f;
    char *tmp; /* the temporary's path, NULL for standard output */
    const char *path;
} sg_cli_sink;

/* Opens `path` (NULL: standard output).  Returns 0, or 2 with a message
 * printed. */
int sg_cli_sink_open(sg_cli_sink *s, const char *path);
/* Finishes the output: renames the temporary over the target when `keep`,
 * else removes it.  Returns 0, or 2 when writing failed. */
int sg_cli_sink_close(sg_cli_sink *s, int keep);

/* ---- JSON Lines batches (sg_cli_batch.c) -------------------------------------------- */

/* Runs the batch over `files` (standard input when none) with `nworkers`
 * workers, writing reports to `out` in input order.  Returns the exit
 * status. */
int sg_cli_batch_run(const sg_cli_config *c, sg_cli_worker *workers, int nworkers,
                     char **files, int nfiles, FILE *out);

#endif
