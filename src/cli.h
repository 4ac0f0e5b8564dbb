/*
 * cli.h: what every toll program shares and the library must not do:
 * print messages, parse option values, choose exit statuses.
 */
#ifndef TOLL_CLI_H
#define TOLL_CLI_H

#include <getopt.h>
#include <stdint.h>

#include "toll/agg.h"
#include "toll/diag.h"
#include "toll/out.h"
#include "toll/reports.h"
#include "toll/table.h"

#include "version.h"   /* TOLL_VERSION, TOLL_COMMIT: made by the Makefile */

/* Exit statuses of toll(7), EXIT STATUS. */
enum { EXIT_OK = 0, EXIT_DATA = 1, EXIT_TROUBLE = 2 };

/* Set once at the start of main: the name messages begin with. */
extern const char *cli_prog;

/* Sets cli_prog, and SIGPIPE to end the program silently when its reader has gone. */
void cli_init(const char *prog);

/*
 * Prints "PROG: FILE:LINE:COL: [warning: ]msg" for d, without COL when it
 * is 0 (a problem of a whole row), or "PROG: msg".
 */
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

/*
 * The date a PDF carries, from SOURCE_DATE_EPOCH (seconds since 1970):
 * *has is set when it is given.  Returns EXIT_OK, or prints a usage error
 * and returns its status.
 */
int cli_source_date(int64_t *t, int *has);

/*
 * A program's one output (a chart, a report): standard output for NULL or
 * "-", else a file that appears whole or not at all (toll_atomic), removed
 * when the program is interrupted.  open and close print what went wrong
 * and return the exit status; cli_output_write is a write callback
 * (toll_chart_write_fn).  close commits when status is EXIT_OK, else
 * leaves nothing behind, and returns the status to end with.
 */
typedef struct cli_output {
	toll_out *o;
	toll_atomic *a;
	const char *name;
	char quoted[4100];
} cli_output;

int cli_output_open(cli_output *out, const char *path);

/*
 * On SIGINT, SIGTERM and SIGHUP, removes the output being written and the
 * library's temporary files (toll_atomic_signal_cleanup()), then dies of
 * the signal.  cli_output_open() calls it for a named output.
 */
void cli_cleanup_on_signals(void);
int cli_output_write(void *closure, const unsigned char *data, size_t len);
int cli_output_close(cli_output *out, int status);

/*
 * Reading a reports table the way every toll program does: each problem
 * printed as it is found and counted, reading stopped after max_errors
 * (0: no limit) errors, the exit status so far kept in status.
 */
typedef struct cli_reader {
	toll_reports *rd;
	long max_errors, errors, warnings;
	int status;
	int stopped;
	int duplicates;   /* set: duplicate revisions are handed out too, as TOLL_WARNING */
	int have_header;  /* cli_table_next() has handed out the header */
	/* Set: told of every warning about the data (known 0) and every known note (known 1). */
	void (*observe)(void *ctx, const toll_diag *d, int known);
	void *observe_ctx;
} cli_reader;

/*
 * Reads with threads threads (see toll_reports_set_threads(); cli_threads()
 * gives --threads).  Returns 0, or prints "out of memory" and returns -1
 * with status set.
 */
int cli_reader_open(cli_reader *cr, char *const *files, size_t n, const toll_dialect *dl,
                    enum toll_reports_mode mode, long max_errors, int threads);


/*
 * The next thing a program needs: TOLL_HEADER, TOLL_OK (a valid row in
 * *e), TOLL_WARNING (a duplicate revision, when duplicates is set), or
 * TOLL_END at the end or when reading stopped (too many errors, out of
 * memory).  Problems are printed, not returned.
 */
int cli_reader_next(cli_reader *cr, toll_entry *e);

/*
 * Prints and counts a problem found by the program itself (code TOLL_EDATA
 * for the data, else trouble); returns 1 to go on, 0 to stop.
 */
int cli_reader_problem(cli_reader *cr, const toll_diag *d, int code);

/* Prints a warning found by the program (toll_agg_set_warn()) and counts it in the cli_reader ctx. */
void cli_reader_warn(void *ctx, const toll_diag *d);
/* A note the data says is known: not printed; told to observe, when set. */
void cli_reader_known(void *ctx, const toll_diag *d);

/* Prints "stopped after N errors" when reading stopped so; frees the reader. */
void cli_reader_close(cli_reader *cr);

/*
 * Reading any table (not a reports table), as toll-stats and toll-plot do,
 * with the reader's error limit (cr needs only max_errors set; close it
 * with cli_reader_close()): TOLL_HEADER at the first header, TOLL_OK for
 * each row in *r, TOLL_END at the end or when reading stopped.  The
 * table's problems are printed and counted in cr, as a later file's
 * columns that differ (a warning); the program's own go to
 * cli_reader_problem().
 */
int cli_table_next(cli_reader *cr, toll_table *t, toll_row *r);

/* A header the program refuses (code: TOLL_EUSAGE with *d, or TOLL_ENOMEM): said; the exit status. */
int cli_header_refused(int code, const toll_diag *d);

/*
 * The end of a program's output to standard output: code is what writing
 * it returned (TOLL_OK, or an error with *d); on TOLL_OK, out is
 * committed.  A problem is said; returns the exit status.
 */
int cli_output_done(toll_out *out, int code, toll_diag *d);

/*
 * Warns (and counts in cr, when not NULL) when the first header looks like
 * a record: a file without a header read with one loses its first record.
 */
void cli_header_check(const toll_table *t, const toll_row *header, cli_reader *cr);

/*
 * Parses the value of --as-of: a date or date and time of toll(7), THE REPORTS TABLE.
 * Returns 0, or prints a usage error and returns -1.
 */
int cli_parse_as_of(const char *s, toll_as_of *a);

/*
 * The keys of the options every program that reads tables shares (--csv,
 * --tsv, --delimiter, ..., with -m/--max-errors, -h/--help, -V/--version:
 * CLI_OPTS_COMMON in the program's table); cli_option() handles every
 * option the program does not handle itself.
 */
enum {
	CLI_OPT_CSV = 256, CLI_OPT_TSV, CLI_OPT_NA, CLI_OPT_DELIMITER, CLI_OPT_NO_HEADER,
	CLI_OPT_NAMES, CLI_OPT_DATE_FORMAT, CLI_OPT_THREADS, CLI_OPT_ADVERSARY, CLI_OPT_PART,
	CLI_OPT_PROGRAM = 300   /* the first key a program's own long-only options may take */
};

/*
 * An option of a program, in one row: its getopt_long() entry and its
 * help.  A program's options are one table, ended by CLI_OPT_END; its
 * getopt tables and the options' lines of its --help are made from it
 * (cli_program_init()), and its man page from the help.  key is the
 * short letter, or a value from 256; name the long name (NULL: short
 * only); arg the argument's name in the help ("KEYS"; NULL: it takes
 * none); help its help (lines ended by '\n' but the last, a first '\n'
 * to start it under the name; NULL: said with the row before, whose shown
 * names it, or not at all, an alias); shown what the help shows instead
 * of "-g, --group=KEYS" (NULL: that).
 */
typedef struct cli_opt {
	int key;
	const char *name;
	const char *arg;
	const char *help;
	const char *shown;
} cli_opt;

#define CLI_OPT_END { 0, NULL, NULL, NULL, NULL }

/* The table reading options, the error limit, --help and --version: the last rows of every reader's table. */
#define CLI_OPTS_COMMON \
	{ CLI_OPT_CSV, "csv", NULL, "read every input as CSV (default: CSV for names\n" \
		"ending in .csv, TSV otherwise)", NULL }, \
	{ CLI_OPT_TSV, "tsv", NULL, "read every input as TSV", NULL }, \
	{ CLI_OPT_DELIMITER, "delimiter", "C", "fields are split at C (one character, or '\\t'),\n" \
		"quoted as in CSV", NULL }, \
	{ CLI_OPT_NO_HEADER, "no-header", NULL, "no header line: the columns are named by --names,\n" \
		"else 1, 2, 3, ...", NULL }, \
	{ CLI_OPT_NAMES, "names", "A,B,...", "the columns' names (with a header: renames them)", NULL }, \
	{ CLI_OPT_NA, "na", "LIST", "spellings of \"not stated\", comma-separated, besides\n" \
		"the empty field (default: NA,N/A,NaN,null; '': none)", NULL }, \
	{ CLI_OPT_DATE_FORMAT, "date-format", "P", "also read dates by the strptime pattern P, e.g.\n" \
		"%m/%d/%Y (may be repeated)", NULL }, \
	{ 'm', "max-errors", "N", "stop after N problems (default 20; 0: no limit)", NULL }, \
	CLI_OPTS_HELP

/* --help and --version, for every program. */
#define CLI_OPTS_HELP \
	{ 'h', "help", NULL, "show this help and exit", NULL }, \
	{ 'V', "version", NULL, "show the version and exit", NULL }

/* --threads, for the programs that read whole tables. */
#define CLI_OPTS_THREADS \
	{ CLI_OPT_THREADS, "threads", "N", "read a large TSV file with N threads (default: the\n" \
		"processors, at most 8); the output is the same\nwhatever N", NULL }

/* --part, for the programs that read reports tables whole. */
#define CLI_OPTS_PART \
	{ CLI_OPT_PART, "part", "I/K", "read only part I of K: the rows of the events whose\n" \
		"hash leaves I - 1 divided by K (toll(7), PARTS);\n" \
		"the K parts hold every row once", NULL }

/* --as-of, for the programs that have it. */
#define CLI_OPTS_AS_OF \
	{ 'a', "as-of", "T", "what was known at T: a day (YYYY-MM-DD, in each\n" \
		"claim's own zone), a period to its last day\n" \
		"(2022-09, 2022-W37, 2022-Q3, 2022), an instant\n" \
		"(YYYY-MM-DDTHH:MM[:SS] with Z or +HH:MM)", NULL }

/*
 * How claims are combined and grouped, for toll-agg and toll-rev series:
 * -g, -c (its help, NULL here, is cli_combine_help()'s) and
 * --include-adversary, handled by cli_agg_option().
 */
#define CLI_OPTS_AGG \
	{ 'g', "group", "KEYS", "group by these columns, comma-separated (default\n" \
		"side,status,category; '' for one total row);\n" \
		"COLUMN:UNIT groups a date column by day, week (ISO),\n" \
		"month, quarter or year; may be repeated", NULL }, \
	{ 'c', "combine", "POLICY", NULL, NULL }, \
	{ CLI_OPT_ADVERSARY, "include-adversary", NULL, "count claims of one party about another's losses\n" \
		"(the claimant column) as any other; by default they\n" \
		"never move a side's figures and are shown apart", NULL }

/* What CLI_OPTS_AGG's options set. */
typedef struct cli_agg {
	toll_keys keys;
	toll_policy policy;
	int grouped;               /* -g was given */
	const char *combine;       /* -c as given, or NULL */
	int include_adversary;
} cli_agg;

/*
 * --combine's help: a policy a line, from the library's table of them,
 * then the rules; NULL out of memory (having said so).  The caller frees it.
 */
char *cli_combine_help(void);

/*
 * Handles c when it is one of CLI_OPTS_AGG's: returns CLI_CONTINUE, or
 * EXIT_TROUBLE after a usage error; 0 when c is none of them.
 */
int cli_agg_option(int c, const char *arg, cli_agg *g);

/* Reads every claim into agg (its header, then each row); problems are counted in cr. */
void cli_read_agg(cli_reader *cr, toll_agg *agg);

/* After the options: the default keys when -g was not given.  0, or EXIT_TROUBLE (said). */
int cli_agg_keys(cli_agg *g);
void cli_agg_free(cli_agg *g);

/* What is made of a program's table of options. */
typedef struct cli_program {
	struct option *longopts;   /* for getopt_long() */
	char *shortopts;           /* ":g:c:a:m:hV" */
	char *usage;               /* its --help: head, a line per option, tail */
} cli_program;

/*
 * Makes p of the table opts (ended by CLI_OPT_END): the help is head, the
 * options' lines (their help from the 24th column), then tail.  Returns
 * 0, or -1 out of memory (having said so).
 */
int cli_program_init(cli_program *p, const char *head, const cli_opt *opts, const char *tail);
void cli_program_free(cli_program *p);

/*
 * The help's lines of the options opts, with their help from column col
 * (23 in every program's list, 25 under toll-import's formats), into buf
 * (NULL: only counted); returns their length.
 */
size_t cli_opts_text(char *buf, const cli_opt *opts, int col);

#define CLI_MAX_DATE_FORMATS 8

typedef struct cli_options {
	toll_dialect dl;        /* --csv, --tsv, --delimiter, --no-header, --names, --na */
	long max_errors;        /* 20 unless -m */
	const char *date_formats[CLI_MAX_DATE_FORMATS];   /* --date-format */
	size_t ndate_formats;
	int threads;            /* --threads; 0: not given */
	unsigned long part_i, part_k;   /* --part I/K; 0: not given */
} cli_options;

#define CLI_OPTIONS_INIT { TOLL_DIALECT_INIT, 20, { NULL }, 0, 0, 0, 0 }

/* Reads only the part --part says (after cli_reader_open(); nothing without --part). */
void cli_reader_part(cli_reader *cr, const cli_options *o);

/* The threads to read with: --threads, else toll_threads_default(). */
int cli_threads(const cli_options *o);

#define CLI_CONTINUE (-1)

/*
 * Handles option c, a shared one or a problem getopt_long() found (a
 * missing value, an unknown option): returns CLI_CONTINUE to read on, or
 * the exit status to end with (after --help, --version or a usage error).
 */
int cli_option(int c, char **argv, const char *usage, cli_options *o);


#endif
