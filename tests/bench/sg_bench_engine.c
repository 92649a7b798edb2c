/* sg_bench_engine.c -- the analysis alone (no CLI, no rendering), with the
 * rules' literal prefilter on and off, over the articles of a plain file
 * built by sg-bench-corpus: what the prefilter saves, and a check that it
 * changes no flag.
 *
 * usage: sg-bench-engine FILE.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sg_internal.h"

static double sg_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Articles end where the next title line ("...: Feature N (YYYY)") starts
 * after a blank line; here, simply every blank line past 3 KB. */
static size_t sg_next_article(const char *s, size_t len, size_t at)
{
    size_t i = at + 3072;
    if (i >= len)
        return len;
    const char *p = strstr(s + i, "\n\n\n");
    return p ? (size_t)(p - s) + 3 : len;
}

static int sg_run(sg_engine *e, const char *s, size_t len, int prefilter, double *secs,
                  size_t *flags, unsigned long long *sum)
{
    sg_rules_set_prefilter(e->rules, prefilter);
    *flags = 0;
    *sum = 0;
    double t0 = sg_cpu();
    for (size_t at = 0; at < len;) {
        size_t end = sg_next_article(s, len, at);
        sg_analysis *a;
        sg_error err;
        if (sg_analyze(e, s + at, end - at, NULL, &a, &err) != SG_OK) {
            fprintf(stderr, "sg-bench-engine: %s\n", err.message);
            return 0;
        }
        size_t n;
        const sg_flag *f = sg_analysis_all_flags(a, &n);
        *flags += n;
        for (size_t i = 0; i < n; i++)
            *sum = *sum * 31 + f[i].start * 7 + f[i].evidence_end + (unsigned)f[i].severity +
                   (unsigned long long)(f[i].confidence * 1e6) + strlen(f[i].rule);
        sg_analysis_free(a);
        at = end;
    }
    *secs = sg_cpu() - t0;
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: sg-bench-engine FILE.txt\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)size + 1);
    if (!s || fread(s, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "sg-bench-engine: cannot read %s\n", argv[1]);
        return 2;
    }
    s[size] = '\0';
    fclose(f);
    sg_error err;
    sg_engine *e = sg_engine_new(&err);
    if (!e) {
        fprintf(stderr, "sg-bench-engine: %s\n", err.message);
        return 2;
    }
    double on, off;
    size_t fon, foff;
    unsigned long long son, soff;
    if (!sg_run(e, s, (size_t)size, 1, &on, &fon, &son) ||
        !sg_run(e, s, (size_t)size, 0, &off, &foff, &soff))
        return 2;
    double mb = size / 1048576.0;
    printf("engine alone (parse, segment, rules, scorer, rating; no render), %.1f MB:\n", mb);
    printf("  prefilter on:  %.2f s CPU, %.1f MB/s, %zu flags\n", on, mb / on, fon);
    printf("  prefilter off: %.2f s CPU, %.1f MB/s, %zu flags\n", off, mb / off, foff);
    printf("  speed-up %.2fx; flags %s\n", off / on,
           fon == foff && son == soff ? "identical" : "DIFFER");
    sg_engine_free(e);
    free(s);
    return fon == foff && son == soff ? 0 : 1;
}
