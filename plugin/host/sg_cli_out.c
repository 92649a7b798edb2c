/*
 * sg_cli_out.c -- what the spoilerguard command writes besides the article
 * itself: diagnostics and explanations of flags with their line and column,
 * a batch line's id, and the output file (a temporary renamed over the
 * target, removed when a signal ends the run).
 */
#include "sg_cli_parts.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of a cue or sentence a message quotes. */
#define SG_CLI_QUOTE_BYTES 120

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

void sg_cli_locate(sg_cli_pos *p, const char *text, size_t len, size_t off,
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

/* ---- flags, for a human ------------------------------------------------------------ */

void sg_cli_diagnostics(FILE *out, const char *name, const char *text, size_t len,
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

void sg_cli_explain(FILE *out, const char *name, const char *text, size_t len,
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

void sg_cli_put_id(FILE *f, const sg_json_line *line)
{
    if (!line || line->id_type == SG_JSON_ID_NONE)
        fputs("null", f);
    else if (line->id_type == SG_JSON_ID_NUMBER)
        fwrite(line->id, 1, line->id_len, f);
    else
        sg_json_write_string(f, line->id, line->id_len);
}

/* ---- output: standard output, or a temporary renamed over FILE -------------------- */

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

int sg_cli_sink_open(sg_cli_sink *s, const char *path)
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

int sg_cli_sink_close(sg_cli_sink *s, int keep)
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
