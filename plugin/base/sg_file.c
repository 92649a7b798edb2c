/*
 * sg_file.c -- reading a whole file or stream into memory: the one reader
 * behind the command line's inputs, the Lua rule files and the model and
 * training files.
 */
#include "sg_internal.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *sg_read_stream(FILE *f, size_t max, size_t *len, sg_error *err)
{
    struct stat st;
    if (max && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (unsigned long long)st.st_size > (unsigned long long)max) {
        sg_set_error(err, SG_ERR_INPUT,
                     "input of %llu bytes is larger than --max-input (%zu bytes)",
                     (unsigned long long)st.st_size, max);
        return NULL;
    }
    /* cap counts the byte kept for the NUL after the data */
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        sg_set_error(err, SG_ERR_MEMORY, "out of memory");
        return NULL;
    }
    for (;;) {
        if (n == cap - 1) {
            size_t grown = cap > SIZE_MAX / 2 ? SIZE_MAX : cap * 2;
            char *p = grown > cap ? realloc(buf, grown) : NULL;
            if (!p) {
                free(buf);
                sg_set_error(err, SG_ERR_MEMORY, "out of memory");
                return NULL;
            }
            buf = p;
            cap = grown;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (max && n > max) {
            free(buf);
            sg_set_error(err, SG_ERR_INPUT, "input is larger than --max-input (%zu bytes)",
                         max);
            return NULL;
        }
        if (got == 0) {
            if (ferror(f)) {
                sg_set_error(err, SG_ERR_USAGE, "read error: %s", strerror(errno));
                free(buf);
                return NULL;
            }
            break;
        }
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *sg_read_file(const char *path, size_t *len, sg_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        sg_set_error(err, SG_ERR_USAGE, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = sg_read_stream(f, 0, len, err);
    fclose(f);
    if (!buf && err && err->status == SG_ERR_MEMORY)
        sg_set_error(err, SG_ERR_MEMORY, "%s: out of memory", path);
    else if (!buf)
        sg_set_error(err, SG_ERR_USAGE, "%s: read error", path);
    return buf;
}
