/*
 * sg_cli.c -- the spoilerguard command: files or standard input in, the
 * annotated article, the JSON report or diagnostics out; JSON Lines batches
 * streamed through worker threads with the input order kept.
 *
 * This file: the workers, one article, whole files and main; the options
 * are read in sg_cli_args.c, batches run in sg_cli_batch.c, and
 * sg_cli_out.c writes diagnostics, explanations and the output file.  Uses
 * the public API (spoilerguard.h) only, plus the Lua rule runner (sg_cli.h)
 * and the batch line reader (sg_json.h).
 */
#include "sg_cli_parts.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

void sg_cli_worker_free(sg_cli_worker *w)
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

int sg_cli_worker_init(sg_cli_worker *w, const sg_cli_config *c)
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

static void sg_cli_oom(sg_error *err)
{
    err->status = SG_ERR_MEMORY;
    snprintf(err->message, sizeof err->message, "out of memory");
}

int sg_cli_article(sg_cli_worker *w, const sg_cli_config *c, const char *name,
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

/* ---- whole files ----------------------------------------------------------------------
 */

int sg_cli_is_stdin(const char *path)
{
    return strcmp(path, "-") == 0;
}

FILE *sg_cli_open_input(const char *path, char *msg, size_t msgsz)
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

void sg_cli_close_input(FILE *f)
{
    if (f && f != stdin)
        fclose(f);
}

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
