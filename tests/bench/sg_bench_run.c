/* sg_bench_run.c -- run one command and print its wall time, CPU time and
 * peak resident memory (the child's own, from wait4), so the benchmark needs
 * no /usr/bin/time.
 *
 * usage: sg-bench-run [-i IN] [-o OUT] -- COMMAND [ARGS...]
 * prints: "wall=SECONDS cpu=SECONDS maxrss_kib=KIB status=N" on stderr.
 * Standard input comes from IN (default /dev/null), standard output goes to
 * OUT (default /dev/null); the exit status is the command's.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double sg_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *in = "/dev/null", *out = "/dev/null";
    int i = 1;
    for (; i < argc; i++) {
        if (!strcmp(argv[i], "-i") && i + 1 < argc)
            in = argv[++i];
        else if (!strcmp(argv[i], "-o") && i + 1 < argc)
            out = argv[++i];
        else if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else
            break;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: sg-bench-run [-i IN] [-o OUT] -- COMMAND [ARGS...]\n");
        return 2;
    }
    double t0 = sg_now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("sg-bench-run: fork");
        return 2;
    }
    if (pid == 0) {
        int fi = open(in, O_RDONLY);
        int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fi < 0 || fo < 0) {
            perror("sg-bench-run: open");
            _exit(127);
        }
        dup2(fi, 0);
        dup2(fo, 1);
        close(fi);
        close(fo);
        execvp(argv[i], argv + i);
        perror("sg-bench-run: exec");
        _exit(127);
    }
    int st = 0;
    struct rusage ru;
    if (wait4(pid, &st, 0, &ru) < 0) {
        perror("sg-bench-run: wait4");
        return 2;
    }
    double wall = sg_now() - t0;
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    fprintf(stderr, "wall=%.3f cpu=%.3f maxrss_kib=%ld status=%d\n", wall, cpu,
            ru.ru_maxrss, code);
    return code;
}
