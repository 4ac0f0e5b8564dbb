/*
 * toll-extract: casualty figures out of English news text, one reports row
 * each, with the sentence it came from, for a person to review.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "toll/date.h"
#include "toll/extract.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/utf8.h"

static const char usage_text[] =
	"Usage: toll-extract [OPTION]... [FILE]...\n"
	"Find the casualty figures in English news text (plain UTF-8, as from\n"
	"html2text) and write one reports row each: a draft for a person to\n"
	"review.  With no FILE, or when FILE is -, read standard input.\n"
	"\n"
	"  -e, --event=E        the event column of every row\n"
	"  -s, --source=S       the source column (who reported the figures)\n"
	"  -r, --reported=T     the reported column: when the text was published\n"
	"      --explain        say on standard error, for every number, which\n"
	"                       rules made it a figure or why it is not one\n"
	"  -h, --help           show this help and exit\n"
	"  -V, --version        show the version and exit\n"
	"\n"
	"Output columns: event reported source side category status low best high\n"
	"qualifier (~ for about, vague for tens, dozens, hundreds) kind (total,\n"
	"increment, previous, part) quote (the sentence) offset (its byte offset\n"
	"in its file).  Rules, not a model: a number is a figure when it counts\n"
	"people (its head noun) and the sentence says what happened to them.\n"
	"Exit status: 0 success (also when nothing is found), 2 usage or I/O error.\n"
	"\n"
	"Example:\n"
	"  html2text page.html | toll-extract -s AFP -r 2022-09-14 -e clashes | toll-check -n\n";

struct run {
	toll_out *out;
	const char *event, *source, *reported, *file;
	int explain;
	long found;
};

static void
found(void *ctx, const toll_extracted *x)
{
	struct run *r = ctx;
	toll_out *o = r->out;

	toll_out_str(o, r->event);
	toll_out_tab(o);
	toll_out_str(o, r->reported);
	toll_out_tab(o);
	toll_out_str(o, r->source);
	toll_out_tab(o);
	toll_out_str(o, x->side);
	toll_out_tab(o);
	toll_out_str(o, toll_category_names[x->category]);
	toll_out_tab(o);
	if (x->status != TOLL_STATUS_ALL)
		toll_out_str(o, toll_status_names[x->status]);
	toll_out_tab(o);
	toll_out_int(o, x->fig.low);
	toll_out_tab(o);
	toll_out_int(o, x->fig.best);
	toll_out_tab(o);
	if (!x->fig.open)
		toll_out_int(o, x->fig.high);
	toll_out_tab(o);
	toll_out_str(o, x->fig.qualifier == '~' ? "~" : x->fig.qualifier == 'v' ? "vague" : "");
	toll_out_tab(o);
	toll_out_str(o, toll_extract_kind_names[x->kind]);
	toll_out_tab(o);
	toll_out_field(o, x->quote, x->quote_len);
	toll_out_tab(o);
	toll_out_int(o, (int64_t)x->offset);
	toll_out_eol(o);
	r->found++;
	if (r->explain)
		fprintf(stderr, "%s: %s:%zu: %lld: a figure: %s\n", cli_prog, r->file, x->offset,
		        (long long)x->fig.best, x->explain);
}

static void
rejected(void *ctx, const toll_rejected *x)
{
	struct run *r = ctx;
	char q[64];

	toll_diag_quote(q, sizeof q, x->number, x->number_len);
	fprintf(stderr, "%s: %s:%zu: %s: not a figure: %s\n", cli_prog, r->file, x->offset, q, x->why);
}

#define PARAGRAPH_MAX ((size_t)1 << 20)

/*
 * Reads fd in paragraphs (up to a blank line, or 1 MiB at a line's end)
 * and extracts from each.  Returns 0, or -1 with a message printed.
 */
static int
extract_file(struct run *r, int fd)
{
	size_t cap = 256 << 10, len = 0, done = 0, base = 0;
	char *buf = malloc(cap);
	int eof = 0;

	if (buf == NULL) {
		cli_error("out of memory");
		return -1;
	}
	while (!eof || len > 0) {
		char *cut = NULL;
		size_t take;

		if (!eof) {
			ssize_t n;

			if (cap - len < 64 << 10) {
				char *nb = cap >= PARAGRAPH_MAX * 4 ? NULL : realloc(buf, cap * 2);

				if (nb == NULL) {
					/* A paragraph past the limit: read as it stands. */
					goto take_all;
				}
				buf = nb;
				cap *= 2;
			}
			do
				n = read(fd, buf + len, cap - len);
			while (n < 0 && errno == EINTR);
			if (n < 0) {
				cli_error("cannot read '%s': %s", r->file, strerror(errno));
				free(buf);
				return -1;
			}
			eof = n == 0;
			len += (size_t)n;
		}
		/* The last blank line read ends the paragraphs taken now. */
		for (take = len; take > done + 1; take--)
			if (buf[take - 1] == '\n' && buf[take - 2] == '\n') {
				cut = buf + take;
				break;
			}
		if (cut == NULL && !eof && len < PARAGRAPH_MAX) {
			done = len > 0 ? len - 1 : 0;
			continue;
		}
		if (cut == NULL) {
take_all:
			take = len;
			if (!eof)
				while (take > 0 && buf[take - 1] != '\n')
					take--;
			if (take == 0)
				take = len;
		}
		{
			size_t bad;
			int nul;

			/* Text, not bytes: invalid UTF-8 and NUL bytes become spaces. */
			while ((bad = toll_utf8_check(buf, take, &nul)) < take)
				buf[bad] = ' ';
		}
		if (toll_extract(buf, take, base, found, r->explain ? rejected : NULL, r) != TOLL_OK) {
			cli_error("out of memory");
			free(buf);
			return -1;
		}
		base += take;
		memmove(buf, buf + take, len - take);
		len -= take;
		done = 0;
		if (eof && len == 0)
			break;
	}
	free(buf);
	return 0;
}

int
main(int argc, char **argv)
{
	enum { OPT_EXPLAIN = 256 };
	static const struct option longopts[] = {
		{ "event", required_argument, NULL, 'e' },
		{ "source", required_argument, NULL, 's' },
		{ "reported", required_argument, NULL, 'r' },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct run r;
	toll_diag d;
	int c, i, status = EXIT_OK;

	cli_init("toll-extract");
	memset(&r, 0, sizeof r);
	r.event = r.source = r.reported = "";
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":e:s:r:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'e': r.event = optarg; break;
		case 's': r.source = optarg; break;
		case 'r': {
			toll_time t;

			if (toll_date_parse(optarg, strlen(optarg), &t) != 0) {
				char why[200];

				toll_date_why(optarg, strlen(optarg), why, sizeof why);
				return cli_usage_error("invalid --reported '%s': %s", optarg, why);
			}
			r.reported = optarg;
			break;
		}
		case OPT_EXPLAIN: r.explain = 1; break;
		default: {
			/* --help, --version and option problems, as every program says them. */
			cli_options shared = CLI_OPTIONS_INIT;
			int status = cli_option(c, argv, usage_text, &shared);

			if (status != CLI_CONTINUE)
				return status;
			break;
		}
		}
	}
	if ((r.out = toll_out_new(STDOUT_FILENO, 0)) == NULL) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	{
		static const char header[] = "event\treported\tsource\tside\tcategory\tstatus\tlow\t"
		                             "best\thigh\tqualifier\tkind\tquote\toffset\n";

		toll_out_write(r.out, header, sizeof header - 1);
	}
	for (i = optind; i < argc || i == optind; i++) {
		const char *path = i < argc ? argv[i] : "-";
		int fd = 0;

		r.file = path;
		if (strcmp(path, "-") != 0) {
			do
				fd = open(path, O_RDONLY);
			while (fd < 0 && errno == EINTR);
			if (fd < 0) {
				cli_error("cannot open '%s': %s", path, strerror(errno));
				status = EXIT_TROUBLE;
				continue;
			}
		}
		if (extract_file(&r, fd) != 0)
			status = EXIT_TROUBLE;
		if (fd > 0)
			close(fd);
		if (i >= argc)
			break;
	}
	if (toll_out_commit(r.out, "standard output", &d) != TOLL_OK) {
		cli_diag(&d, 0);
		status = EXIT_TROUBLE;
	}
	toll_out_free(r.out);
	return cli_close_stdout(status);
}
