/*
 * measure: times commands side by side.
 *
 *   measure RUNS NAME 'COMMAND' [NAME 'COMMAND']...
 *
 * Runs each command (through /bin/sh, output to /dev/null) RUNS times,
 * taking turns so that a busy moment of the machine falls on all of them,
 * and prints one line per command: name, median wall-clock seconds, the
 * largest peak resident memory in KiB, and the exit status of its last run.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
	int runs, ncmd, r, c;
	double *times;
	long *rss;
	int *status;

	if (argc < 4 || (argc - 2) % 2 != 0 || (runs = atoi(argv[1])) < 1) {
		fputs("usage: measure RUNS NAME COMMAND [NAME COMMAND]...\n", stderr);
		return 2;
	}
	ncmd = (argc - 2) / 2;
	times = calloc((size_t)(runs * ncmd), sizeof *times);
	rss = calloc((size_t)ncmd, sizeof *rss);
	status = calloc((size_t)ncmd, sizeof *status);
	if (times == NULL || rss == NULL || status == NULL)
		return 2;
	for (r = 0; r < runs; r++) {
		for (c = 0; c < ncmd; c++) {
			struct timespec t0, t1;
			struct rusage ru;
			int st;
			pid_t pid;

			clock_gettime(CLOCK_MONOTONIC, &t0);
			pid = fork();
			if (pid < 0)
				return 2;
			if (pid == 0) {
				int fd = open("/dev/null", O_WRONLY);

				if (fd >= 0)
					dup2(fd, 1);
				dup2(fd, 2);
				execl("/bin/sh", "sh", "-c", argv[3 + 2 * c], (char *)NULL);
				_exit(127);
			}
			if (wait4(pid, &st, 0, &ru) < 0)
				return 2;
			clock_gettime(CLOCK_MONOTONIC, &t1);
			times[c * runs + r] = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
			if (ru.ru_maxrss > rss[c])
				rss[c] = ru.ru_maxrss;
			status[c] = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
		}
	}
	for (c = 0; c < ncmd; c++) {
		qsort(times + c * runs, (size_t)runs, sizeof *times, cmp_double);
		printf("%s\t%.4f\t%ld\t%d\n", argv[2 + 2 * c], times[c * runs + runs / 2], rss[c], status[c]);
	}
	free(times);
	free(rss);
	free(status);
	return 0;
}
