/*
 * cli.h: what every toll program shares and the library must not do:
 * print messages, parse option values, choose exit statuses.
 */
#ifndef TOLL_CLI_H
#define TOLL_CLI_H

#include "toll/diag.h"

#define TOLL_VERSION "0.1.0"

/* Exit statuses of SPEC section 3. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_TROUBLE = 2 };

/* Set once at the start of main: the name messages begin with. */
extern const char *cli_prog;

/* Ignores SIGPIPE (a closed pipe becomes a write error) and sets cli_prog. */
void cli_init(const char *prog);

/* Prints "PROG: FILE:LINE:COL: [warning: ]msg" or "PROG: msg" for d. */
void cli_diag(const toll_diag *d, int warning);

/* Prints "PROG: msg" to standard error. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Prints a usage error and the --help hint; returns EXIT_TROUBLE. */
int cli_usage_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* The exit status for a library code: 0, 1 for TOLL_EDATA, 2 otherwise. */
int cli_exit_status(int code);

/*
 * Parses a whole non-negative decimal number no larger than max into *out;
 * returns 0, or -1 when s is anything else.
 */
int cli_parse_count(const char *s, long max, long *out);

/* Prints "PROG (toll) VERSION" and returns 0. */
int cli_version(void);

/*
 * Flushes and closes standard output, reporting a failure (a full disk, a
 * closed pipe); returns the exit status to use given the one so far.
 */
int cli_close_stdout(int status);

#endif
