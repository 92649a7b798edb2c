/*
 * sg_cli_batch.c -- the spoilerguard command's JSON Lines batches: lines read
 * from every input, processed by worker threads, their reports written in the
 * input order.
 */
#include "sg_cli_parts.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines in flight per worker: enough to keep workers busy while one slow
 * article holds the head of the output, small enough to bound memory. */
#define SG_CLI_WINDOW_PER_JOB 64

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

int sg_cli_batch_run(const sg_cli_config *c, sg_cli_worker *workers, int nworkers,
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
