/*
 * sg_fuzz.h -- what the libFuzzer targets share: a check that reports the
 * broken property with the input and aborts (libFuzzer then saves the input
 * as a crash-* file), and small helpers for the oracles.
 */
#ifndef SG_FUZZ_H
#define SG_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sg_json.h"
#include "spoilerguard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Print up to 400 bytes of `p` with C escapes, so a report shows the input. */
static inline void sg_fuzz_dump(const char *label, const void *p, size_t n)
{
    const unsigned char *u = p;
    fprintf(stderr, "%s (%zu bytes): \"", label, n);
    for (size_t i = 0; i < n && i < 400; i++) {
        if (u[i] == '\\' || u[i] == '"')
            fprintf(stderr, "\\%c", u[i]);
        else if (u[i] >= 0x20 && u[i] < 0x7f)
            fputc(u[i], stderr);
        else
            fprintf(stderr, "\\x%02x", u[i]);
    }
    fprintf(stderr, "%s\"\n", n > 400 ? "..." : "");
}

/* A property that must hold for every input: abort() with a message when it
 * does not, so the fuzzer keeps the input that broke it. */
#define SG_FUZZ_CHECK(cond, ...)                                                \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "sg_fuzz: %s:%d: property failed: %s\n", __FILE__, \
                    __LINE__, #cond);                                          \
            fprintf(stderr, "sg_fuzz: " __VA_ARGS__);                          \
            fputc('\n', stderr);                                               \
            abort();                                                           \
        }                                                                      \
    } while (0)

/* The report of `a`, with id `id` (may be NULL), must be one line of valid
 * JSON with no NUL byte inside. */
static inline void sg_fuzz_check_report(const sg_analysis *a, const char *id, size_t id_len)
{
    size_t rlen = 0;
    char *report = sg_analysis_report(a, id, id_len, &rlen);
    SG_FUZZ_CHECK(report != NULL, "no report");
    SG_FUZZ_CHECK(strlen(report) == rlen, "the report holds a NUL byte");
    sg_json_line line;
    char msg[256];
    int ok = sg_json_parse_line(report, rlen, 0, &line, msg, sizeof msg);
    if (ok != 0)
        sg_fuzz_dump("report", report, rlen);
    SG_FUZZ_CHECK(ok == 0, "the report is not valid JSON: %s", msg);
    sg_json_line_free(&line);
    sg_free(report);
}

/* The first index where a and b differ, for a readable mismatch report. */
static inline size_t sg_fuzz_diff_at(const char *a, size_t an, const char *b,
                                     size_t bn)
{
    size_t i = 0;
    while (i < an && i < bn && a[i] == b[i])
        i++;
    return i;
}

/* Report where two buffers part ways, with some context from each. */
static inline void sg_fuzz_dump_diff(const char *la, const char *a, size_t an,
                                     const char *lb, const char *b, size_t bn)
{
    size_t at = sg_fuzz_diff_at(a, an, b, bn);
    size_t from = at > 40 ? at - 40 : 0;
    fprintf(stderr, "sg_fuzz: first difference at byte %zu\n", at);
    sg_fuzz_dump(la, a + from, an - from < 120 ? an - from : 120);
    sg_fuzz_dump(lb, b + from, bn - from < 120 ? bn - from : 120);
}

/* Is s[0, n) valid UTF-8 (no overlongs, no surrogates, at most U+10FFFF)? */
static inline int sg_fuzz_utf8_valid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        size_t l;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            l = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            l = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            l = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + l > n)
            return 0;
        for (size_t k = 1; k < l; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if ((l == 3 && cp < 0x800) || (l == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += l;
    }
    return 1;
}

#endif
