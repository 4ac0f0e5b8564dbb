/*
 * toll: the front door.  "toll NAME ARGS..." runs toll-NAME with ARGS,
 * found beside this program first and then on PATH.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const struct command {
	const char *name, *what;
} commands[] = {
	{ "check", "validate report tables; --normalize writes canonical TSV" },
	{ "agg", "combine revised, conflicting claims into low/best/high totals" },
	{ "rev", "revision history, summaries and diffs of report tables" },
	{ "stats", "grouped statistics of numeric columns, with GSL" },
	{ "plot", "charts to PNG, PDF or SVG, with cairo and pango" },
	{ "import", "ACLED, UCDP GED and any table as a reports table" },
	{ "extract", "casualty figures out of news text, each with its sentence" },
	{ "report", "a dataset's whole story as one PDF: totals, revisions, claims" },
	{ "split", "a reports table in K parts by event, for runs on several hosts" },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *f)
{
	size_t i;

	fputs("Usage: toll COMMAND [ARG]...\n"
	      "       toll help [COMMAND]\n"
	      "toll is a casualty statistics toolkit: 'toll COMMAND' runs the program\n"
	      "toll-COMMAND with the arguments given.\n"
	      "\n"
	      "Commands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].what);
	fputs("\n"
	      "  -h, --help     show this help and exit\n"
	      "  -V, --version  show the version and exit\n"
	      "\n"
	      "'toll help COMMAND' shows the help of toll-COMMAND.\n", f);
}

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Runs toll-NAME from this program's folder, else from PATH; returns only on failure. */
static int
run(const char *self, const char *name, char **args)
{
	char prog[64], path[PATH_MAX + 64];
	ssize_t n;

	snprintf(prog, sizeof prog, "toll-%s", name);
	args[0] = prog;
	n = readlink("/proc/self/exe", path, PATH_MAX);
	if (n > 0) {
		path[n] = '\0';
	} else if (strchr(self, '/') != NULL && strlen(self) < PATH_MAX) {
		strcpy(path, self);
	} else {
		path[0] = '\0';
	}
	if (path[0] != '\0') {
		char *slash = strrchr(path, '/');

		if (slash != NULL) {
			strcpy(slash + 1, prog);
			if (access(path, X_OK) == 0) {
				execv(path, args);
				cli_error("cannot run '%s': %s", path, strerror(errno));
				return EXIT_TROUBLE;
			}
		}
	}
	execvp(prog, args);
	cli_error("cannot run '%s': %s", prog, strerror(errno));
	return EXIT_TROUBLE;
}

int
main(int argc, char **argv)
{
	const char *self = argv[0];

	cli_init("toll");
	if (argc < 2) {
		usage(stderr);
		return EXIT_TROUBLE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    (strcmp(argv[1], "help") == 0 && argc == 2)) {
		usage(stdout);
		return cli_close_stdout(EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return cli_version();
	if (strcmp(argv[1], "help") == 0) {
		static char help[] = "--help";
		char *args[3];

		if (argc > 3)
			return cli_usage_error("'help' takes one command name");
		if (find_command(argv[2]) == NULL) {
			cli_error("'%s' is not a toll command; see 'toll help'", argv[2]);
			return EXIT_TROUBLE;
		}
		args[1] = help;
		args[2] = NULL;
		return run(self, argv[2], args);
	}
	if (argv[1][0] == '-')
		return cli_usage_error("unknown option '%s'", argv[1]);
	if (find_command(argv[1]) == NULL) {
		cli_error("'%s' is not a toll command; see 'toll help'", argv[1]);
		return EXIT_TROUBLE;
	}
	return run(self, argv[1], argv + 1);
}
