/* cli.c: messages and exit statuses shared by the programs. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/date.h"


const char *cli_prog = "toll";

void
cli_init(const char *prog)
{
	cli_prog = prog;
	/*
	 * A reader that closes the pipe early (`toll check -n big.tsv | head`)
	 * ends the program silently by SIGPIPE, as GNU tools end: status 141
	 * under bash, no message, nothing for `set -o pipefail` to trip on but
	 * the status.  A parent that ignored the signal does not pass that on.
	 * A full disk is still an error (exit 2).
	 */
	signal(SIGPIPE, SIG_DFL);
}

void
cli_diag(const toll_diag *d, int warning)
{
	const char *w = warning ? "warning: " : "";

	if (d->file != NULL && d->line > 0 && d->col > 0)
		fprintf(stderr, "%s: %s:%ld:%ld: %s%s\n", cli_prog, d->file, d->line, d->col, w,
		        d->msg);
	else if (d->file != NULL && d->line > 0)
		fprintf(stderr, "%s: %s:%ld: %s%s\n", cli_prog, d->file, d->line, w, d->msg);
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
	/* The release (src/VERSION), and the commit built when known (git describe). */
	if (strcmp(cli_prog, "toll") == 0)
		printf("toll %s", TOLL_VERSION);
	else
		printf("%s (toll) %s", cli_prog, TOLL_VERSION);
	if (TOLL_COMMIT[0] != '\0')
		printf(" (git %s)", TOLL_COMMIT);
	putchar('\n');
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

int
cli_reader_open(cli_reader *cr, char *const *files, size_t n, const toll_dialect *dl,
                enum toll_reports_mode mode, long max_errors, int threads)
{
	memset(cr, 0, sizeof *cr);
	cr->max_errors = max_errors;
	if (toll_reports_new(&cr->rd, files, n, dl, mode) != TOLL_OK ||
	    toll_reports_set_threads(cr->rd, threads > 0 ? threads : 1) != TOLL_OK) {
		cli_error("out of memory");
		cr->status = EXIT_TROUBLE;
		return -1;
	}
	return 0;
}

void
cli_reader_part(cli_reader *cr, const cli_options *o)
{
	if (o->part_k > 0)
		toll_reports_set_part(cr->rd, o->part_i, o->part_k);
}

int
cli_threads(const cli_options *o)
{
	return o->threads > 0 ? o->threads : toll_threads_default();
}

int
cli_reader_problem(cli_reader *cr, const toll_diag *d, int code)
{
	int s = cli_exit_status(code);

	cli_diag(d, 0);
	if (s > cr->status)
		cr->status = s;
	if (code == TOLL_ENOMEM) {
		cr->stopped = 1;
		return 0;
	}
	if (code != TOLL_EDATA)
		return 1;
	cr->errors++;
	if (cr->max_errors == 0 || cr->errors < cr->max_errors)
		return 1;
	cr->stopped = 1;
	return 0;
}

int
cli_reader_next(cli_reader *cr, toll_entry *e)
{
	toll_diag d;
	int code;

	while (!cr->stopped) {
		code = toll_reports_next(cr->rd, e, &d);
		switch (code) {
		case TOLL_OK:
		case TOLL_HEADER:
			return code;
		case TOLL_END:
			return TOLL_END;
		case TOLL_WARNING:
			cli_diag(&d, 1);
			cr->warnings++;
			if (cr->observe != NULL)
				cr->observe(cr->observe_ctx, &d, 0);
			if (cr->duplicates)
				return TOLL_WARNING;
			break;
		case TOLL_NOTE:
			cli_diag(&d, 1);
			cr->warnings++;
			if (cr->observe != NULL)
				cr->observe(cr->observe_ctx, &d, 0);
			break;
		case TOLL_KNOWN:
			/* Known (a note tag): not said again on every command; a report lists it. */
			if (cr->observe != NULL)
				cr->observe(cr->observe_ctx, &d, 1);
			break;
		default:
			cli_reader_problem(cr, &d, code);
			break;
		}
	}
	return TOLL_END;
}

void
cli_reader_close(cli_reader *cr)
{
	if (cr->max_errors > 0 && cr->errors >= cr->max_errors)
		cli_error("stopped after %ld errors", cr->errors);
	toll_reports_free(cr->rd);
	cr->rd = NULL;
}

void
cli_header_check(const toll_table *t, const toll_row *header, cli_reader *cr)
{
	toll_diag d;

	if (!toll_table_header_looks_like_data(t))
		return;
	toll_diag_set(&d, TOLL_OK, header->file, header->line, 0,
	              "the header looks like a record (its names are numbers or dates): "
	              "if the file has no header line, give --no-header (and --names)");
	cli_diag(&d, 1);
	if (cr != NULL)
		cr->warnings++;
}

int
cli_table_next(cli_reader *cr, toll_table *t, toll_row *r)
{
	toll_diag d;
	int code;

	while (!cr->stopped) {
		switch (code = toll_table_next(t, r, &d)) {
		case TOLL_END:
			return TOLL_END;
		case TOLL_OK:
			return TOLL_OK;
		case TOLL_HEADER:
			/* A later file whose columns differ: said, and read. */
			if (cr->have_header) {
				if (toll_table_header_note(t, &d))
					cli_reader_warn(cr, &d);
				break;
			}
			cli_header_check(t, r, cr);
			cr->have_header = 1;
			return TOLL_HEADER;
		default:
			cli_reader_problem(cr, &d, code);
			break;
		}
	}
	return TOLL_END;
}

int
cli_header_refused(int code, const toll_diag *d)
{
	if (code == TOLL_ENOMEM) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	return cli_usage_error("%s", d->msg);
}

int
cli_output_done(toll_out *out, int code, toll_diag *d)
{
	if (code == TOLL_OK)
		code = toll_out_commit(out, "standard output", d);
	if (code != TOLL_OK) {
		cli_diag(d, 0);
		return cli_exit_status(code);
	}
	return EXIT_OK;
}

int
cli_parse_as_of(const char *s, toll_as_of *a)
{
	if (toll_as_of_parse(s, strlen(s), a) != 0) {
		char why[TOLL_DIAG_MSG / 2];

		toll_date_why(s, strlen(s), why, sizeof why);
		cli_usage_error("invalid --as-of '%s': %s", s, why);
		return -1;
	}
	return 0;
}

static const char combine_rules[] =
	"Only a claim stated exactly makes another vaguer: not\n"
	"'about N', nor a vague word.  A best is whole: of an\n"
	"even number of claims the median is the lower of the\n"
	"two middle ones, a mean is rounded (half to even).";

char *
cli_combine_help(void)
{
	size_t n = toll_policies(), i, len = 64 + sizeof combine_rules;
	char *u, *o;

	/* Its label two columns in, its help from the tenth. */
	for (i = 0; i < n; i++)
		if (toll_policy_label(i) != NULL)
			len += 40 + strlen(toll_policy_label(i)) + strlen(toll_policy_help(i)) * 2;
	if ((u = malloc(len)) == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	o = u + sprintf(u, "how to combine the sources of one claim:\n");
	for (i = 0; i < n; i++) {
		const char *label = toll_policy_label(i), *h = toll_policy_help(i);

		if (label == NULL)
			continue;
		o += sprintf(o, "  %-*s", strlen(label) < 8 ? 8 : (int)strlen(label) + 2, label);
		for (; *h != '\0'; h++) {
			*o++ = *h;
			if (*h == '\n')
				o += sprintf(o, "%10s", "");
		}
		*o++ = '\n';
	}
	strcpy(o, combine_rules);
	return u;
}

int
cli_agg_option(int c, const char *arg, cli_agg *g)
{
	toll_diag ud;

	switch (c) {
	case 'g':
		g->grouped = 1;
		if (toll_keys_parse(&g->keys, arg, &ud) != 0)
			return cli_usage_error("%s", ud.msg);
		return CLI_CONTINUE;
	case 'c':
		g->combine = arg;
		toll_policy_free(&g->policy);
		if (toll_policy_parse(&g->policy, arg, &ud) != 0)
			return cli_usage_error("%s", ud.msg);
		return CLI_CONTINUE;
	case CLI_OPT_ADVERSARY:
		g->include_adversary = 1;
		return CLI_CONTINUE;
	default:
		return 0;
	}
}

void
cli_read_agg(cli_reader *cr, toll_agg *agg)
{
	toll_entry e;
	toll_diag d, ud;
	int code;

	while ((code = cli_reader_next(cr, &e)) != TOLL_END) {
		if (code == TOLL_HEADER) {
			if (toll_agg_header(agg, cr->rd, &ud) != 0) {
				cr->status = cli_usage_error("%s", ud.msg);
				break;
			}
			continue;
		}
		code = toll_agg_add(agg, cr->rd, &e, &d);
		if (code != TOLL_OK && !cli_reader_problem(cr, &d, code))
			break;
	}
}

int
cli_agg_keys(cli_agg *g)
{
	toll_diag ud;

	if (!g->grouped && toll_keys_parse(&g->keys, "side,status,category", &ud) != 0) {
		cli_error("%s", ud.msg);
		return EXIT_TROUBLE;
	}
	return 0;
}

void
cli_agg_free(cli_agg *g)
{
	toll_keys_free(&g->keys);
	toll_policy_free(&g->policy);
}

/* An option's left column: "-g, --group=KEYS", "    --csv", "-x ARG". */
static int
opt_left(char *buf, size_t sz, const cli_opt *o)
{
	if (o->shown != NULL)
		return snprintf(buf, sz, "%s", o->shown);
	if (o->name == NULL)
		return snprintf(buf, sz, "-%c%s%s", o->key, o->arg ? " " : "", o->arg ? o->arg : "");
	if (o->key < 256)
		return snprintf(buf, sz, "-%c, --%s%s%s", o->key, o->name, o->arg ? "=" : "",
		                o->arg ? o->arg : "");
	return snprintf(buf, sz, "    --%s%s%s", o->name, o->arg ? "=" : "", o->arg ? o->arg : "");
}

/* Writes s[0..n) at *at in buf (when buf is not NULL); adds n to *at. */
static void
put(char *buf, size_t *at, const char *s, size_t n)
{
	if (buf != NULL)
		memcpy(buf + *at, s, n);
	*at += n;
}

size_t
cli_opts_text(char *buf, const cli_opt *opts, int col)
{
	static const char spaces[] = "                                ";
	size_t at = 0;
	const cli_opt *o;

	for (o = opts; o->key != 0; o++) {
		char left[128];
		const char *h, *nl;
		int n;

		if (o->help == NULL)
			continue;
		/* A name longer than left is cut (none is: they are the programs' own). */
		n = opt_left(left, sizeof left, o);
		n = (n < 0 ? 0 : n >= (int)sizeof left ? (int)sizeof left - 1 : n) + 2;
		put(buf, &at, spaces, 2);
		put(buf, &at, left, (size_t)n - 2);
		/* The help from column col, or two spaces after a longer name, or on the next line. */
		if (o->help[0] != '\n')
			put(buf, &at, spaces, n < col ? (size_t)(col - n) : 2);
		for (h = o->help; (nl = strchr(h, '\n')) != NULL; h = nl + 1) {
			put(buf, &at, h, (size_t)(nl - h) + 1);
			put(buf, &at, spaces, (size_t)col);
		}
		put(buf, &at, h, strlen(h));
		put(buf, &at, "\n", 1);
	}
	return at;
}

int
cli_program_init(cli_program *p, const char *head, const cli_opt *opts, const char *tail)
{
	size_t n = 0, nh = strlen(head), nt = strlen(tail), len = cli_opts_text(NULL, opts, 23), k = 0;
	const cli_opt *o;
	char *s;

	memset(p, 0, sizeof *p);
	for (o = opts; o->key != 0; o++)
		n++;
	p->longopts = calloc(n + 1, sizeof *p->longopts);
	p->shortopts = malloc(2 * n + 2);
	p->usage = malloc(nh + len + nt + 1);
	if (p->longopts == NULL || p->shortopts == NULL || p->usage == NULL) {
		cli_program_free(p);
		cli_error("out of memory");
		return -1;
	}
	s = p->shortopts;
	*s++ = ':';
	for (o = opts; o->key != 0; o++) {
		if (o->name != NULL) {
			p->longopts[k].name = o->name;
			p->longopts[k].has_arg = o->arg ? required_argument : no_argument;
			p->longopts[k].val = o->key;
			k++;
		}
		if (o->key < 256) {
			*s++ = (char)o->key;
			if (o->arg != NULL)
				*s++ = ':';
		}
	}
	*s = '\0';
	memcpy(p->usage, head, nh);
	cli_opts_text(p->usage + nh, opts, 23);
	memcpy(p->usage + nh + len, tail, nt + 1);
	return 0;
}

void
cli_program_free(cli_program *p)
{
	free(p->longopts);
	free(p->shortopts);
	free(p->usage);
	memset(p, 0, sizeof *p);
}

int
cli_option(int c, char **argv, const char *usage, cli_options *o)
{
	switch (c) {
	case CLI_OPT_CSV:
		o->dl.fmt = TOLL_FORMAT_CSV;
		return CLI_CONTINUE;
	case CLI_OPT_TSV:
		o->dl.fmt = TOLL_FORMAT_TSV;
		return CLI_CONTINUE;
	case CLI_OPT_NA:
		o->dl.na = optarg;
		return CLI_CONTINUE;
	case CLI_OPT_DELIMITER:
		if (strcmp(optarg, "\\t") == 0 || strcmp(optarg, "tab") == 0)
			o->dl.delim = '\t';
		else if (strlen(optarg) == 1 && optarg[0] != '"' && optarg[0] != '\n' &&
		         optarg[0] != '\r' && (unsigned char)optarg[0] < 0x80)
			o->dl.delim = optarg[0];
		else
			return cli_usage_error("invalid --delimiter '%s': expected one ASCII character "
			                       "(or '\\t'), not a quote or a line break", optarg);
		return CLI_CONTINUE;
	case CLI_OPT_NO_HEADER:
		o->dl.no_header = 1;
		return CLI_CONTINUE;
	case CLI_OPT_NAMES:
		if (optarg[0] == '\0')
			return cli_usage_error("invalid --names '': expected names, comma-separated");
		o->dl.names = optarg;
		return CLI_CONTINUE;
	case CLI_OPT_DATE_FORMAT:
		if (o->ndate_formats == CLI_MAX_DATE_FORMATS)
			return cli_usage_error("at most %d --date-format patterns",
			                       CLI_MAX_DATE_FORMATS);
		if (strchr(optarg, '%') == NULL)
			return cli_usage_error("invalid --date-format '%s': expected a strptime pattern "
			                       "such as %%m/%%d/%%Y", optarg);
		o->date_formats[o->ndate_formats++] = optarg;
		toll_date_formats_set(o->date_formats, o->ndate_formats);
		return CLI_CONTINUE;
	case CLI_OPT_PART: {
		char *slash = strchr(optarg, '/'), *end = NULL;
		unsigned long i, k;

		errno = 0;
		i = slash && optarg[0] >= '0' && optarg[0] <= '9' ? strtoul(optarg, &end, 10) : 0;
		if (slash == NULL || end != slash || !(slash[1] >= '0' && slash[1] <= '9') ||
		    (k = strtoul(slash + 1, &end, 10), *end != '\0') || errno != 0 || k < 1 ||
		    k > 1000000 || i < 1 || i > k)
			return cli_usage_error("invalid --part '%s': expected I/K, whole numbers with 1 <= I "
			                       "<= K <= 1000000 (part I of K)", optarg);
		o->part_i = i;
		o->part_k = k;
		return CLI_CONTINUE;
	}
	case CLI_OPT_THREADS: {
		long n;

		if (cli_parse_count(optarg, 1024, &n) != 0 || n < 1)
			return cli_usage_error("invalid --threads '%s': expected a whole number from 1 "
			                       "to 1024", optarg);
		o->threads = (int)n;
		return CLI_CONTINUE;
	}
	case 'm':
		if (cli_parse_count(optarg, LONG_MAX, &o->max_errors) != 0)
			return cli_usage_error("invalid --max-errors '%s': expected a whole number",
			                       optarg);
		return CLI_CONTINUE;
	case 'h': {
		/*
		 * In one write: `--help | head -n 2` then reads it all before it
		 * closes the pipe, which two writes could find closed.
		 */
		static char buf[16384];
		setvbuf(stdout, buf, _IOFBF, sizeof buf);
		fputs(usage, stdout);
		return cli_close_stdout(EXIT_OK);
	}
	case 'V':
		return cli_version();
	case ':':
		return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
	default:
		if (optopt)
			return cli_usage_error("unknown option '-%c'", optopt);
		return cli_usage_error("unknown option '%s'", argv[optind - 1]);
	}
}

static void
output_signal(int sig)
{
	toll_atomic_signal_cleanup();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
cli_cleanup_on_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = output_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int
cli_output_open(cli_output *out, const char *path)
{
	toll_diag d;

	memset(out, 0, sizeof *out);
	if (path == NULL || strcmp(path, "-") == 0) {
		out->name = "standard output";
		if ((out->o = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
			cli_error("out of memory");
			return EXIT_TROUBLE;
		}
		return EXIT_OK;
	}
	cli_cleanup_on_signals();
	if (toll_atomic_open(&out->a, path, &d) != TOLL_OK) {
		cli_diag(&d, 0);
		return EXIT_TROUBLE;
	}
	snprintf(out->quoted, sizeof out->quoted, "'%s'", path);
	out->name = out->quoted;
	if ((out->o = toll_out_new(toll_atomic_fd(out->a), 0)) == NULL) {
		toll_atomic_abort(out->a);
		out->a = NULL;
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int
cli_output_write(void *closure, const unsigned char *data, size_t len)
{
	cli_output *out = closure;

	toll_out_write(out->o, (const char *)data, len);
	return toll_out_failed(out->o) ? -1 : 0;
}

int
cli_output_close(cli_output *out, int status)
{
	toll_diag d;

	if (status == EXIT_OK && toll_out_commit(out->o, out->name, &d) != TOLL_OK) {
		cli_diag(&d, 0);
		status = EXIT_TROUBLE;
	}
	toll_out_free(out->o);
	out->o = NULL;
	if (out->a != NULL) {
		if (status == EXIT_OK && toll_atomic_commit(out->a, &d) != TOLL_OK) {
			cli_diag(&d, 0);
			status = EXIT_TROUBLE;
		} else if (status != EXIT_OK) {
			toll_atomic_abort(out->a);
		}
		out->a = NULL;
	}
	return status;
}

int
cli_source_date(int64_t *t, int *has)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	long v;

	*has = 0;
	if (env == NULL || *env == '\0')
		return EXIT_OK;
	if (cli_parse_count(env, 253402300799L, &v) != 0)
		return cli_usage_error("SOURCE_DATE_EPOCH '%s' is not a whole number of seconds", env);
	*t = v;
	*has = 1;
	return EXIT_OK;
}

void
cli_reader_warn(void *ctx, const toll_diag *d)
{
	cli_reader *in = ctx;

	cli_diag(d, 1);
	in->warnings++;
	if (in->observe != NULL)
		in->observe(in->observe_ctx, d, 0);
}

void
cli_reader_known(void *ctx, const toll_diag *d)
{
	cli_reader *in = ctx;

	if (in->observe != NULL)
		in->observe(in->observe_ctx, d, 1);
}
