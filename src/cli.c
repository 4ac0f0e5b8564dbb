/* cli.c: messages and exit statuses shared by the programs. */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_prog = "toll";

void
cli_init(const char *prog)
{
	cli_prog = prog;
	signal(SIGPIPE, SIG_IGN);
}

void
cli_diag(const toll_diag *d, int warning)
{
	const char *w = warning ? "warning: " : "";

	if (d->file != NULL && d->line > 0)
		fprintf(stderr, "%s: %s:%ld:%ld: %s%s\n", cli_prog, d->file, d->line, d->col, w,
		        d->msg);
	else if (d->file != NULL)
		fprintf(stderr, "%s: %s: %s%s\n", cli_prog, d->file, w, d->msg);
	else
		fprintf(stderr, "%s: %s%s\n", cli_prog, w, d->msg);
}

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", cli_prog);
	return EXIT_TROUBLE;
}

int
cli_exit_status(int code)
{
	switch (code) {
	case TOLL_OK:
	case TOLL_END:
	case TOLL_HEADER:
		return EXIT_OK;
	case TOLL_EDATA:
		return EXIT_DATA;
	default:
		return EXIT_TROUBLE;
	}
}

int
cli_parse_count(const char *s, long max, long *out)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (max - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = v;
	return 0;
}

int
cli_version(void)
{
	if (strcmp(cli_prog, "toll") == 0)
		printf("toll %s\n", TOLL_VERSION);
	else
		printf("%s (toll) %s\n", cli_prog, TOLL_VERSION);
	return cli_close_stdout(EXIT_OK);
}

int
cli_close_stdout(int status)
{
	int bad = ferror(stdout);

	if (fclose(stdout) != 0 || bad) {
		cli_error("cannot write standard output: %s", strerror(errno ? errno : EIO));
		return EXIT_TROUBLE;
	}
	return status;
}
