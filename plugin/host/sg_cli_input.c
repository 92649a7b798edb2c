/*
 * sg_cli_input.c -- the spoilerguard command's inputs: a file named on the
 * command line, or standard input for "-", opened for whole files
 * (sg_cli.c) and batches (sg_cli_batch.c) alike.
 */
#include "sg_cli_parts.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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
