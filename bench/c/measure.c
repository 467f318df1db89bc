/* Runs a program and reports its wall time and peak resident set size (ru_maxrss of the child,
 * the high-water mark of the whole process), the same way for every reader in the report.
 * Usage: measure [-q] PROGRAM ARGS...   (-q: the program's stdout goes to /dev/null)
 * After the program's own output it prints "measure wall_ms=W rss_kb=R" and exits with its status.
 * Build: gcc -O2 -o measure measure.c */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
    char **program = argv + 1 + quiet;
    if (!*program) { fprintf(stderr, "usage: measure [-q] PROGRAM ARGS...\n"); return 2; }
    fflush(stdout);
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 1; }
    if (pid == 0) {
        if (quiet) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, STDOUT_FILENO);
        }
        execvp(program[0], program);
        perror(program[0]);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("wait4"); return 1; }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;
    printf("measure wall_ms=%.3f rss_kb=%ld\n", ms, usage.ru_maxrss);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
