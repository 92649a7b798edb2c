/*
 * sg_cli.c -- the spoilerguard command: files or standard input in, the
 * annotated article, the JSON report or diagnostics out; JSON Lines batches
 * streamed through worker threads with the input order kept.
 *
 * This file: whole files and main; the options are read in sg_cli_args.c,
 * the workers and one article are in sg_cli_article.c, inputs are opened in
 * sg_cli_input.c, batches run in sg_cli_batch.c, and sg_cli_out.c writes
 * diagnostics, explanations and the output file.  Uses
 * the public API (spoilerguard.h) only, plus the Lua rule runner (sg_cli.h)
 * and the batch line reader (sg_json.h).
 */
#include "sg_cli_parts.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- whole files ----------------------------------------------------------------------
 */

int sg_cli_files(sg_cli_worker *w, const sg_cli_config *c, char **files,
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
        size_t len = 0;
        sg_error read_err;
        FILE *in = sg_cli_open_input(path, msg, sizeof msg);
        char *text = in ? sg_read_stream(in, c->opts.max_input, &len, &read_err) : NULL;
        sg_cli_close_input(in);
        if (!text) {
            fprintf(stderr, SG_CLI_NAME ": %s: %s\n", name, in ? read_err.message : msg);
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
        sg_free(text);
        if (rc == 2 && c->output)
            break;
    }
    return status;
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
