/*
 * sg_cli_article.c -- the spoilerguard command's workers and one article: a
 * worker's engine with the user's rule files loaded, and one article
 * analysed (or stripped) and written as the mode asks.  Whole files
 * (sg_cli.c) and batches (sg_cli_batch.c) hand their articles here.
 */
#include "sg_cli_parts.h"

#include <stdio.h>
#include <string.h>

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
