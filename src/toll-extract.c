/*
 * toll-extract: casualty figures out of English news text, one reports row
 * each, with the sentence it came from, for a person to review.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "toll/date.h"
#include "toll/docs.h"
#include "toll/extract.h"
#include "toll/out.h"
#include "toll/report.h"
#include "toll/utf8.h"

static const char usage_head[] =
	"Usage: toll-extract [OPTION]... [FILE]...\n"
	"       toll-extract --docs [OPTION]... [FILE|FOLDER]...\n"
	"       toll-extract --files-from=LIST [OPTION]...\n"
	"Find the casualty figures in English news text (plain UTF-8, as from\n"
	"html2text; UTF-16 and UTF-32 are read as the UTF-8 made of them) and\n"
	"write one reports row each: a draft for a person to review.  With no\n"
	"FILE, or when FILE is -, read standard input.\n"
	"\n";

enum { OPT_EXPLAIN = CLI_OPT_PROGRAM, OPT_DOCS, OPT_FILES_FROM, OPT_MAP };

#define MAX_MAP 6

static const cli_opt options[] = {
	{ 'e', "event", "E", "the event column of every row", NULL },
	{ 's', "source", "S", "the source column (who reported the figures)", NULL },
	{ 'r', "reported", "T", "the reported column: when the text was published", NULL },
	{ OPT_EXPLAIN, "explain", NULL, "say on standard error, for every number, which\n"
		"rules made it a figure or why it is not one", NULL },
	{ OPT_DOCS, "docs", NULL, "a batch: each FILE holds documents, one a record\n"
		"(JSON Lines, a JSON array, TSV or CSV) with the\n"
		"keys text and id, source, reported, url, event\n"
		"(a document's own, else -e, -s, -r); each file of a\n"
		"FOLDER is a document, its name its id", NULL },
	{ OPT_MAP, "map", "KEY=COLUMN,...", "with --docs: read a document's KEY (text, id,\n"
		"source, reported, url, event) from COLUMN", NULL },
	{ OPT_FILES_FROM, "files-from", "LIST", "a batch: the documents are the files LIST names,\n"
		"one a line (- for standard input)", NULL },
	{ CLI_OPT_THREADS, "threads", "N", "read text with N threads, a part of it each\n"
		"(default: the processors, at most 8); the output\n"
		"is the same whatever N", NULL },
	CLI_OPTS_HELP,
	CLI_OPT_END
};

static const char usage_tail[] =
	"\n"
	"Output columns: event reported source side category status low best high\n"
	"qualifier (~ for about, vague for tens, dozens, hundreds) claimant (the\n"
	"party whose figure it is: a side named in who said it, as \"Armenia's\n"
	"defence ministry said\"; empty when none is named, an independent source)\n"
	"kind (total, increment, previous, part, other) quote (the sentence) offset\n"
	"(its byte offset in its file).  Rules, not a model: a number is a figure\n"
	"when it counts people (any noun but things, places and times) and its\n"
	"clause says what happened to them; a modal or a threat (\"could kill\")\n"
	"gives none.  The FILEs of a run are one text (one event, source and\n"
	"date): each series (side, status, category, claimant) keeps one total,\n"
	"the one said to be newest (\"rose to\"), else the first; a total before\n"
	"it is previous, another is other.  Only a total is a toll: toll-agg and\n"
	"every other program leave the other kinds out, so the output goes\n"
	"straight into toll-agg.\n"
	"In a batch (--docs, --files-from) each document is a text of its own, and\n"
	"its rows end with two more columns: document (its id: the record's id, or\n"
	"FILE:LINE without one; a file's name) and url.\n"
	"Exit status: 0 success (also when nothing is found), 1 a document left out\n"
	"(a bad reported date; a table of documents without a text column), 2 usage\n"
	"or I/O error.\n"
	"\n"
	"Examples:\n"
	"  html2text page.html | toll-extract -s AFP -r 2022-09-14 -e clashes | toll-check -n\n"
	"  toll-extract --docs -e clashes articles.jsonl > figures.tsv\n";

struct run {
	toll_out *out;
	const char *event, *source, *reported, *file;
	int batch;            /* --docs or --files-from: rows end with document and url */
	const char *map_key[MAX_MAP], *map_col[MAX_MAP];   /* --map, cut in place */
	int nmap;
	const char *doc, *url;
	int explain;
	int threads;
	long found;
	/*
	 * The run's rows wait in a temporary file (tout) until its end, when
	 * each series keeps one total (toll_extract_settle()) and the rows are
	 * copied out, the kinds that changed written over: 32 bytes a figure
	 * stay in memory.
	 */
	FILE *tmp;
	toll_out *tout;
	FILE *err;            /* --explain's lines: standard error, or a thread's part's own stream */
	toll_extract_series *ser;
	uint64_t *at;         /* where each row's kind is in tmp; CHANGED set when settling changed it */
	struct where { size_t offset; int64_t best; const char *file; } *wh;   /* with --explain */
	size_t n, cap;
	int oom;
};

#define CHANGED (UINT64_C(1) << 63)

/* A C string as a field. */
static toll_field
field(const char *s)
{
	toll_field f;

	memset(&f, 0, sizeof f);
	f.s = s;
	f.len = strlen(s);
	return f;
}

/* Room for need figures' series (and places, with --explain); 0, or -1 with r->oom set. */
static int
run_reserve(struct run *r, size_t need)
{
	size_t cap = r->cap ? r->cap : 1024;
	toll_extract_series *ns;
	uint64_t *na = NULL;
	struct where *nw = NULL;

	while (cap < need)
		cap *= 2;
	if (cap == r->cap)
		return 0;
	if ((ns = realloc(r->ser, cap * sizeof *ns)) != NULL)
		r->ser = ns;
	if (ns != NULL && (na = realloc(r->at, cap * sizeof *na)) != NULL)
		r->at = na;
	if (na != NULL && r->explain && (nw = realloc(r->wh, cap * sizeof *nw)) != NULL)
		r->wh = nw;
	if (ns == NULL || na == NULL || (r->explain && nw == NULL)) {
		r->oom = 1;
		return -1;
	}
	r->cap = cap;
	return 0;
}

/* A figure found: explained now, its row spooled, its series kept for the end of the run. */
static void
found(void *ctx, const toll_extracted *x)
{
	struct run *r = ctx;
	toll_out *o = r->tout;
	toll_report rep;

	if (r->explain)
		fprintf(r->err, "%s: %s:%zu: %lld: a figure: %s\n", cli_prog, r->file, x->offset,
		        (long long)x->fig.best, x->explain);
	if (r->oom || run_reserve(r, r->n + 1) != 0)
		return;
	toll_extract_series_of(x, &r->ser[r->n]);
	if (r->explain) {
		r->wh[r->n].offset = x->offset;
		r->wh[r->n].best = x->fig.best;
		r->wh[r->n].file = r->file;
	}
	r->n++;
	r->found++;
	memset(&rep, 0, sizeof rep);
	rep.event = field(r->event);
	rep.reported_text = field(r->reported);
	rep.source = field(r->source);
	rep.side = field(x->side);
	rep.category = x->category;
	rep.status = x->status;
	rep.fig = x->fig;
	/* Status all is left unsaid; a best is the text's, even a range's middle. */
	toll_report_write(o, &rep, TOLL_WRITE_ALL_EMPTY | TOLL_WRITE_SUPPLIED);
	toll_out_tab(o);
	if (x->claimant != NULL)
		toll_out_str(o, x->claimant);
	toll_out_tab(o);
	r->at[r->n - 1] = toll_out_tell(o);
	toll_out_str(o, toll_extract_kind_names[x->kind]);   /* written over when settling changes it */
	toll_out_tab(o);
	toll_out_field(o, x->quote, x->quote_len);
	toll_out_tab(o);
	toll_out_int(o, (int64_t)x->offset);
	if (r->batch) {
		toll_out_tab(o);
		toll_out_str(o, r->doc);
		toll_out_tab(o);
		toll_out_str(o, r->url);
	}
	toll_out_eol(o);
}

/* A figure settle made another kind: said with --explain. */
static void
settled(void *ctx, size_t i, size_t total)
{
	struct run *r = ctx;

	r->at[i] |= CHANGED;
	if (r->explain)
		fprintf(stderr, "%s: %s:%zu: %lld: kind: %s (its series' total is %lld, %s:%zu)\n", cli_prog,
		        r->wh[i].file, r->wh[i].offset, (long long)r->wh[i].best,
		        toll_extract_kind_names[r->ser[i].kind], (long long)r->wh[total].best,
		        r->wh[total].file, r->wh[total].offset);
}

/* Copies r->tmp from *pos up to byte to to r->out; 0, or -1 when it ends before. */
static int
copy_to(struct run *r, uint64_t *pos, uint64_t to)
{
	char buf[65536];

	while (*pos < to) {
		size_t want = to - *pos < sizeof buf ? (size_t)(to - *pos) : sizeof buf;
		size_t got = fread(buf, 1, want, r->tmp);

		if (got == 0)
			return -1;
		toll_out_write(r->out, buf, got);
		*pos += got;
	}
	return 0;
}

/*
 * The run's rows, settled, copied from the temporary file in blocks, the
 * kinds settling changed written over theirs ("total"); 0 or -1 (said).
 */
static int
write_found(struct run *r)
{
	const char *was = toll_extract_kind_names[TOLL_EXTRACT_TOTAL];
	size_t i, wlen = strlen(was);
	uint64_t pos = 0, end = toll_out_tell(r->tout);   /* every byte the rows took */
	toll_diag d;

	if (toll_out_commit(r->tout, "a temporary file", &d) != TOLL_OK) {
		cli_diag(&d, 0);
		return -1;
	}
	if (r->oom || toll_extract_settle(r->ser, r->n, settled, r) != TOLL_OK) {
		cli_error("out of memory");
		return -1;
	}
	if (fseek(r->tmp, 0, SEEK_SET) != 0) {
		cli_error("cannot read a temporary file: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < r->n; i++) {
		char old[16];

		if (!(r->at[i] & CHANGED))
			continue;
		if (copy_to(r, &pos, r->at[i] & ~CHANGED) != 0 || fread(old, 1, wlen, r->tmp) != wlen ||
		    memcmp(old, was, wlen) != 0)
			goto lost;
		pos += wlen;
		toll_out_str(r->out, toll_extract_kind_names[r->ser[i].kind]);
	}
	if (copy_to(r, &pos, end) == 0)
		return 0;
lost:
	if (ferror(r->tmp))
		cli_error("cannot read a temporary file: %s", strerror(errno));
	else
		cli_error("a temporary file lost rows: it ends, or differs, at byte %llu", (unsigned long long)pos);
	return -1;
}

/* Frees the run's figures and its temporary file. */
static void
free_found(struct run *r)
{
	toll_out_free(r->tout);
	if (r->tmp != NULL)
		fclose(r->tmp);
	free(r->ser);
	free(r->at);
	free(r->wh);
}

static void
rejected(void *ctx, const toll_rejected *x)
{
	struct run *r = ctx;
	char q[64];

	toll_diag_quote(q, sizeof q, x->number, x->number_len);
	fprintf(r->err, "%s: %s:%zu: %s: not a figure: %s\n", cli_prog, r->file, x->offset, q, x->why);
}

#define PARAGRAPH_MAX ((size_t)1 << 20)

/* Below this, a piece of text is read by one thread: starting threads would cost more. */
#define THREAD_MIN ((size_t)256 << 10)

/*
 * A part of the text a thread reads: into a run of its own (its rows in a
 * temporary file, its series, its --explain lines in memory), appended to
 * the run's in the text's order when every part is read.
 */
struct part {
	const char *text;
	size_t len, base;
	struct run r;
	char *errbuf;           /* the --explain lines' stream (open_memstream()) */
	size_t errlen;
	int code;
	char pad[128];          /* parts on cache lines of their own */
};

static void *
part_run(void *arg)
{
	struct part *p = arg;

	p->code = toll_extract(p->text, p->len, p->base, found, p->r.explain ? rejected : NULL, &p->r);
	return NULL;
}

/* A part's own run, like r but for where it writes; 0, or -1 when there is no room for one. */
static int
part_open(struct part *p, const struct run *r)
{
	p->r = *r;
	p->r.ser = NULL;
	p->r.at = NULL;
	p->r.wh = NULL;
	p->r.n = p->r.cap = 0;
	p->r.found = 0;
	p->r.oom = 0;
	p->r.err = NULL;
	p->r.tout = NULL;
	p->errbuf = NULL;
	p->errlen = 0;
	if ((p->r.tmp = tmpfile()) == NULL || (p->r.tout = toll_out_new(fileno(p->r.tmp), 0)) == NULL ||
	    (r->explain && (p->r.err = open_memstream(&p->errbuf, &p->errlen)) == NULL))
		return -1;
	return 0;
}

/* Appends part p's run to r (its --explain lines said, its rows copied, its series kept); frees it. */
static void
part_close(struct part *p, struct run *r, int append)
{
	toll_diag d;

	if (p->r.err != NULL)
		fclose(p->r.err);
	if (append && p->errlen > 0)
		fwrite(p->errbuf, 1, p->errlen, stderr);
	free(p->errbuf);
	if (append && p->r.tout != NULL && toll_out_commit(p->r.tout, "a temporary file", &d) != TOLL_OK) {
		cli_diag(&d, 0);
		r->oom = 1;
	} else if (append && p->r.tmp != NULL && fseek(p->r.tmp, 0, SEEK_SET) == 0) {
		char buf[65536];
		size_t got, i;

		/* Its rows' kinds' places, in r's temporary file. */
		for (i = 0; i < p->r.n; i++)
			p->r.at[i] += toll_out_tell(r->tout);
		while ((got = fread(buf, 1, sizeof buf, p->r.tmp)) > 0)
			toll_out_write(r->tout, buf, got);
		if (ferror(p->r.tmp))
			r->oom = 1;
	}
	if (append && (p->r.oom || p->code != TOLL_OK))
		r->oom = 1;
	/* Its series after r's. */
	if (append && !r->oom && p->r.n > 0 && run_reserve(r, r->n + p->r.n) == 0) {
		memcpy(r->ser + r->n, p->r.ser, p->r.n * sizeof *r->ser);
		memcpy(r->at + r->n, p->r.at, p->r.n * sizeof *r->at);
		if (r->explain)
			memcpy(r->wh + r->n, p->r.wh, p->r.n * sizeof *r->wh);
		r->n += p->r.n;
		r->found += p->r.found;
	}
	toll_out_free(p->r.tout);
	if (p->r.tmp != NULL)
		fclose(p->r.tmp);
	free(p->r.ser);
	free(p->r.at);
	free(p->r.wh);
}

/*
 * Reads buf[0..len) (whole paragraphs) with r->threads threads: cut at
 * blank lines into parts, the first read here into r, each other in a
 * thread into a run of its own, appended to r in order; so the output is
 * the same as with one thread.  Returns TOLL_OK or TOLL_ENOMEM.
 */
static int
extract_parts(struct run *r, const char *buf, size_t len, size_t base)
{
	struct part parts[64];
	pthread_t tid[64];
	int started[64];
	size_t n = (size_t)r->threads, i, from = 0;
	int code = TOLL_OK;

	if (n > 64)
		n = 64;
	if (n < 2 || len < THREAD_MIN)
		return toll_extract(buf, len, base, found, r->explain ? rejected : NULL, r);
	memset(parts, 0, sizeof parts);
	for (i = 0; i < n; i++) {
		size_t to = i + 1 == n ? len : len / n * (i + 1);

		/* A part ends after a blank line (a sentence never runs over one), or where the text does. */
		while (to < len && !(to >= 2 && buf[to - 1] == '\n' && buf[to - 2] == '\n'))
			to++;
		if (to < from)
			to = from;
		parts[i].text = buf + from;
		parts[i].len = to - from;
		parts[i].base = base + from;
		from = to;
	}
	/* The others' runs first: without room for one, the text is read by this thread alone. */
	for (i = 1; i < n; i++)
		if (part_open(&parts[i], r) != 0) {
			size_t k;

			for (k = 1; k <= i; k++)
				part_close(&parts[k], r, 0);
			return toll_extract(buf, len, base, found, r->explain ? rejected : NULL, r);
		}
	for (i = 1; i < n; i++)
		started[i] = parts[i].len > 0 && pthread_create(&tid[i], NULL, part_run, &parts[i]) == 0;
	code = toll_extract(parts[0].text, parts[0].len, parts[0].base, found,
	                    r->explain ? rejected : NULL, r);
	for (i = 1; i < n; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else if (parts[i].len > 0)
			part_run(&parts[i]);   /* no thread to be had: read here */
	}
	for (i = 1; i < n; i++)
		part_close(&parts[i], r, 1);
	return code != TOLL_OK || r->oom ? TOLL_ENOMEM : TOLL_OK;
}

/*
 * The encoding of a text from its first bytes b[0..n): a byte-order mark
 * of UTF-32 or UTF-16, or ASCII text in UTF-16 without one (every other
 * byte NUL); NULL for UTF-8 (or anything else, read as UTF-8).  *skip is
 * the mark's length.
 */
static const char *
wide_encoding(const unsigned char *b, size_t n, size_t *skip)
{
	size_t i, even = 0, odd = 0, pairs = n / 2 < 2048 ? n / 2 : 2048;

	*skip = 0;
	if (n >= 4 && b[0] == 0xff && b[1] == 0xfe && b[2] == 0 && b[3] == 0)
		return *skip = 4, "UTF-32LE";
	if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff)
		return *skip = 4, "UTF-32BE";
	if (n >= 2 && b[0] == 0xff && b[1] == 0xfe)
		return *skip = 2, "UTF-16LE";
	if (n >= 2 && b[0] == 0xfe && b[1] == 0xff)
		return *skip = 2, "UTF-16BE";
	for (i = 0; i < pairs; i++) {
		even += b[2 * i] == 0;
		odd += b[2 * i + 1] == 0;
	}
	if (pairs >= 8 && odd * 10 >= pairs * 9 && even * 10 < pairs)
		return "UTF-16LE";
	if (pairs >= 8 && even * 10 >= pairs * 9 && odd * 10 < pairs)
		return "UTF-16BE";
	return NULL;
}

/*
 * Converts what is left of a text in encoding enc (the first bytes are
 * b[skip..n), the rest still in fd) to UTF-8, into an unlinked temporary
 * file; returns its descriptor, at its start, or -1 with a message.
 * Sequences that are not of the encoding become U+FFFD.
 */
static int
to_utf8(const struct run *r, const char *enc, const char *b, size_t n, size_t skip, int fd)
{
	iconv_t cd = iconv_open("UTF-8", enc);
	FILE *tmp = tmpfile();
	char in[65536 + 8], out[4 * 65536 + 64];
	size_t have = n - skip;
	int eof = 0, tfd = -1, ok = 1;

	if (cd == (iconv_t)-1 || tmp == NULL) {
		cli_error("cannot convert '%s' from %s: %s", r->file, enc, strerror(errno));
		goto done;
	}
	/* The first bytes read are at most the reader's buffer: in[] is filled in pieces. */
	while (ok) {
		char *ip = in, *op = out;
		size_t il, ol = sizeof out;

		if (have > 0) {
			size_t k = have < 65536 ? have : 65536;

			memcpy(in, b + skip, k);
			skip += k;
			have -= k;
			il = k;
		} else if (!eof) {
			ssize_t got;

			do
				got = read(fd, in, 65536);
			while (got < 0 && errno == EINTR);
			if (got < 0) {
				cli_error("cannot read '%s': %s", r->file, strerror(errno));
				ok = 0;
				break;
			}
			eof = got == 0;
			il = (size_t)got;
		} else {
			break;
		}
		while (il > 0) {
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
				if (errno == EILSEQ) {
					/* Not of the encoding: U+FFFD, and on past one unit. */
					size_t unit = enc[4] == '3' ? 4 : 2, k = il < unit ? il : unit;

					memcpy(op, "\xef\xbf\xbd", 3);
					op += 3;
					ol -= 3;
					ip += k;
					il -= k;
				} else if (errno == EINVAL) {
					/* A unit cut at the end of this piece: its bytes wait for the next. */
					if (eof || il > 8) {
						memcpy(op, "\xef\xbf\xbd", 3);
						op += 3;
						il = 0;
					} else {
						memmove(in, ip, il);
						/* Read on after them: the next piece starts with these bytes. */
						{
							ssize_t got;

							do
								got = read(fd, in + il, 65536 - il);
							while (got < 0 && errno == EINTR);
							if (got <= 0) {
								memcpy(op, "\xef\xbf\xbd", 3);
								op += 3;
								il = 0;
								eof = 1;
							} else {
								il += (size_t)got;
								ip = in;
							}
						}
					}
				} else {
					break;
				}
			}
			if (fwrite(out, 1, (size_t)(op - out), tmp) != (size_t)(op - out)) {
				cli_error("cannot convert '%s': %s", r->file, strerror(errno));
				ok = 0;
				break;
			}
			op = out;
			ol = sizeof out;
		}
	}
	if (ok && fflush(tmp) == 0 && (tfd = dup(fileno(tmp))) >= 0 && lseek(tfd, 0, SEEK_SET) != 0) {
		close(tfd);
		tfd = -1;
	}
	if (ok && tfd < 0)
		cli_error("cannot convert '%s': %s", r->file, strerror(errno));
done:
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	if (tmp != NULL)
		fclose(tmp);
	return tfd;
}

/*
 * The first bytes read (buf[0..len) of *fd) tell the encoding: UTF-16 or
 * UTF-32 is read as the UTF-8 made of it (*fd and *conv then the
 * converted text; offsets count its bytes: returns 1, read again); other
 * text with NUL bytes is not text, said.  Returns 0, 1, or -1 with a
 * message printed.
 */
static int
look(struct run *r, const char *buf, size_t len, int *fd, int *conv)
{
	const char *enc;
	size_t skip, nul = 0, k;

	if ((enc = wide_encoding((const unsigned char *)buf, len, &skip)) != NULL) {
		if ((*conv = to_utf8(r, enc, buf, len, skip, *fd)) < 0)
			return -1;
		*fd = *conv;
		return 1;
	}
	/* Binary data is read as text all the same (NUL bytes as spaces), but said. */
	for (k = 0; k < len && k < 65536; k++)
		nul += buf[k] == '\0';
	if (len >= 64 && nul * 100 > (len < 65536 ? len : 65536))
		cli_error("warning: '%s' may not be text: %zu NUL bytes in its first %zu", r->file, nul,
		          len < 65536 ? len : 65536);
	return 0;
}

/* Text, not bytes: invalid UTF-8 and NUL bytes in buf[0..n) become spaces, in one pass. */
static void
text_only(char *buf, size_t n)
{
	size_t at = 0, bad;
	int nul;

	while ((bad = toll_utf8_check(buf + at, n - at, &nul)) < n - at) {
		buf[at + bad] = ' ';
		at += bad + 1;
	}
}

/*
 * Reads fd in paragraphs (up to a blank line, or 1 MiB at a line's end)
 * and extracts from each.  Returns 0, or -1 with a message printed.
 */
static int
extract_file(struct run *r, int fd)
{
	size_t cap = 256 << 10, len = 0, done = 0, base = 0;
	char *buf = malloc(cap);
	int eof = 0, looked = 0, conv = -1;

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
				if (conv >= 0)
					close(conv);
				return -1;
			}
			eof = n == 0;
			len += (size_t)n;
			/*
			 * The first bytes tell the encoding: UTF-16 or UTF-32 is read
			 * as UTF-8 made of it (offsets then count its bytes); other
			 * text with NUL bytes is not text.
			 */
			if (!looked && (len >= 4096 || eof)) {
				int k = look(r, buf, len, &fd, &conv);

				looked = 1;
				if (k < 0) {
					free(buf);
					return -1;
				}
				if (k > 0) {
					len = 0;
					eof = 0;
					continue;
				}
			}
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
		/* With threads, a piece of a part each: read on to THREAD_MIN a thread. */
		if (cut != NULL && !eof && r->threads > 1 && len < (size_t)r->threads * THREAD_MIN &&
		    len < PARAGRAPH_MAX * 2) {
			done = take - 2;   /* the next search meets this blank line again at worst */
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
		text_only(buf, take);
		if (extract_parts(r, buf, take, base) != TOLL_OK) {
			cli_error("out of memory");
			free(buf);
			if (conv >= 0)
				close(conv);
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
	if (conv >= 0)
		close(conv);
	return 0;
}

/*
 * The end of a document of a batch: its rows settled and written out, the
 * temporary file emptied for the next.  0, or -1 (said).
 */
static int
end_document(struct run *r)
{
	if (write_found(r) != 0)
		return -1;
	toll_out_free(r->tout);
	r->tout = NULL;
	r->n = 0;
	if (fflush(r->tmp) != 0 || ftruncate(fileno(r->tmp), 0) != 0 || fseek(r->tmp, 0, SEEK_SET) != 0) {
		cli_error("cannot empty a temporary file: %s", strerror(errno));
		return -1;
	}
	if ((r->tout = toll_out_new(fileno(r->tmp), 0)) == NULL) {
		cli_error("out of memory");
		return -1;
	}
	return 0;
}

/* A document that is a file: its path its id.  EXIT_OK, or EXIT_TROUBLE (said). */
static int
extract_document_file(struct run *r, const char *path)
{
	int fd, rc;

	do
		fd = open(path, O_RDONLY);
	while (fd < 0 && errno == EINTR);
	if (fd < 0) {
		cli_error("cannot open '%s': %s", path, strerror(errno));
		return EXIT_TROUBLE;
	}
	r->file = r->doc = path;
	r->url = "";
	rc = extract_file(r, fd);
	close(fd);
	if (rc != 0 || end_document(r) != 0)
		return EXIT_TROUBLE;
	return EXIT_OK;
}

/* The regular files of a folder, sorted by name (not those whose name begins with '.'), each a document. */
static int
not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static int
extract_folder(struct run *r, const char *dir)
{
	struct dirent **names = NULL;
	int n = scandir(dir, &names, not_hidden, alphasort), i, status = EXIT_OK;

	if (n < 0) {
		cli_error("cannot read the folder '%s': %s", dir, strerror(errno));
		return EXIT_TROUBLE;
	}
	for (i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = malloc(len);
		struct stat sb;

		if (path == NULL) {
			cli_error("out of memory");
			status = EXIT_TROUBLE;
		} else {
			snprintf(path, len, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
			         names[i]->d_name);
			if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
				int rc = extract_document_file(r, path);

				if (rc != EXIT_OK)
					status = rc;
			}
		}
		free(path);
		free(names[i]);
		if (status == EXIT_TROUBLE && r->oom)
			break;
	}
	for (; i < n; i++)
		free(names[i]);
	free(names);
	return status;
}

/* The files LIST names, one a line: each a document.  The status. */
static int
extract_list(struct run *r, const char *list)
{
	FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int status = EXIT_OK;

	if (f == NULL) {
		cli_error("cannot open '%s': %s", list, strerror(errno));
		return EXIT_TROUBLE;
	}
	while ((n = getline(&line, &cap, f)) >= 0) {
		int rc;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0)
			continue;
		if ((size_t)n != strlen(line)) {
			cli_error("%s: a name with a NUL byte", list);
			status = EXIT_TROUBLE;
			continue;
		}
		if ((rc = extract_document_file(r, line)) != EXIT_OK)
			status = rc;
	}
	if (ferror(f)) {
		cli_error("cannot read '%s': %s", list, strerror(errno));
		status = EXIT_TROUBLE;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return status;
}

/*
 * The documents of tables (JSON Lines, a JSON array, TSV or CSV: toll/docs.h),
 * each its text extracted as a text of its own, with its id and metadata.
 * The status.
 */
static int
extract_table(struct run *r, char *path)
{
	char place[4200];
	const char *const d_event = r->event, *const d_source = r->source, *const d_reported = r->reported;
	char *paths[1];
	toll_docs *ds;
	toll_doc doc;
	toll_diag d;
	int code, status = EXIT_OK;

	paths[0] = path;
	if (toll_docs_new(&ds, paths, strcmp(path, "-") == 0 ? 0 : 1, r->event, r->source,
	                  r->reported) != TOLL_OK) {
		cli_error("out of memory");
		return EXIT_TROUBLE;
	}
	for (code = 0; code < r->nmap; code++)
		toll_docs_set_column(ds, r->map_key[code], r->map_col[code]);
	while ((code = toll_docs_next(ds, &doc, &d)) != TOLL_END) {
		if (code != TOLL_OK) {
			cli_diag(&d, 0);
			if (status == EXIT_OK || cli_exit_status(code) == EXIT_TROUBLE)
				status = cli_exit_status(code);
			if (code == TOLL_ENOMEM)
				break;
			continue;
		}
		snprintf(place, sizeof place, "%s:%ld", doc.file, doc.line);
		text_only(doc.text, doc.len);
		r->event = doc.event;
		r->source = doc.source;
		r->reported = doc.reported;
		r->doc = doc.id;
		r->url = doc.url;
		r->file = place;
		if (extract_parts(r, doc.text, doc.len, 0) != TOLL_OK) {
			cli_error("out of memory");
			status = EXIT_TROUBLE;
			break;
		}
		if (end_document(r) != 0) {
			status = EXIT_TROUBLE;
			break;
		}
	}
	r->event = d_event;
	r->source = d_source;
	r->reported = d_reported;
	toll_docs_free(ds);
	return status;
}

/* --map KEY=COLUMN,...: each pair kept (the argument cut in place); 0, or -1 after a usage error. */
static int
map_option(struct run *r, char *arg)
{
	static const char *const keys[] = { "text", "id", "source", "reported", "url", "event" };
	char *p = arg;

	while (p != NULL) {
		char *comma = strchr(p, ','), *eq;
		size_t k;

		if (comma != NULL)
			*comma = '\0';
		eq = strchr(p, '=');
		if (eq == NULL || eq == p || eq[1] == '\0') {
			cli_usage_error("invalid --map '%s': expected KEY=COLUMN, KEY one of text, id, "
			                "source, reported, url, event", p);
			return -1;
		}
		*eq = '\0';
		for (k = 0; k < sizeof keys / sizeof keys[0] && strcmp(keys[k], p) != 0; k++)
			;
		if (k == sizeof keys / sizeof keys[0]) {
			cli_usage_error("invalid --map key '%s': one of text, id, source, reported, url, "
			                "event", p);
			return -1;
		}
		if (r->nmap == MAX_MAP) {
			cli_usage_error("--map: at most %d keys", MAX_MAP);
			return -1;
		}
		r->map_key[r->nmap] = p;
		r->map_col[r->nmap++] = eq + 1;
		p = comma != NULL ? comma + 1 : NULL;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	cli_program prog = { NULL, NULL, NULL };
	cli_options shared = CLI_OPTIONS_INIT;   /* --help, --version and option problems */
	struct run r;
	toll_diag d;
	int c, i, status = EXIT_OK, docs = 0;
	const char *files_from = NULL;

	cli_init("toll-extract");
	memset(&r, 0, sizeof r);
	r.event = r.source = r.reported = "";
	if (cli_program_init(&prog, usage_head, options, usage_tail) != 0) {
		status = EXIT_TROUBLE;
		goto done;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, prog.shortopts, prog.longopts, NULL)) != -1) {
		switch (c) {
		case 'e': r.event = optarg; break;
		case 's': r.source = optarg; break;
		case 'r': {
			toll_time t;

			if (toll_date_parse(optarg, strlen(optarg), &t) != 0) {
				char why[200];

				toll_date_why(optarg, strlen(optarg), why, sizeof why);
				status = cli_usage_error("invalid --reported '%s': %s", optarg, why);
				goto done;
			}
			r.reported = optarg;
			break;
		}
		case OPT_EXPLAIN: r.explain = 1; break;
		case OPT_DOCS: docs = 1; break;
		case OPT_FILES_FROM: files_from = optarg; break;
		case OPT_MAP:
			if (map_option(&r, optarg) != 0) {
				status = EXIT_TROUBLE;
				goto done;
			}
			break;
		default:
			if ((status = cli_option(c, argv, prog.usage, &shared)) != CLI_CONTINUE)
				goto done;
			status = EXIT_OK;
			break;
		}
	}
	if (r.nmap > 0 && !docs) {
		status = cli_usage_error("--map names the columns of tables of documents: it needs --docs");
		goto done;
	}
	if (files_from != NULL && (docs || optind < argc)) {
		status = cli_usage_error("--files-from names the documents: no FILE%s", docs ? ", no --docs" : "");
		goto done;
	}
	r.batch = docs || files_from != NULL;
	r.threads = cli_threads(&shared);
	r.err = stderr;
	if ((r.tmp = tmpfile()) == NULL) {
		cli_error("cannot make a temporary file: %s", strerror(errno));
		status = EXIT_TROUBLE;
		goto done;
	}
	/* Read back in large blocks (write_found() reads up to each changed kind); glibc takes a size only with a buffer. */
	{
		static char tmpbuf[256 << 10];

		setvbuf(r.tmp, tmpbuf, _IOFBF, sizeof tmpbuf);
	}
	if ((r.out = toll_out_new(STDOUT_FILENO, 0)) == NULL ||
	    (r.tout = toll_out_new(fileno(r.tmp), 0)) == NULL) {
		cli_error("out of memory");
		status = EXIT_TROUBLE;
		goto done;
	}
	{
		static const int cols[] = { TOLL_CLAIM_COLUMNS, TOLL_COL_CLAIMANT };

		toll_columns_write(r.out, cols, sizeof cols / sizeof cols[0]);
		toll_out_write(r.out, "\tkind\tquote\toffset", 18);
		if (r.batch)
			toll_out_write(r.out, "\tdocument\turl", 13);
		toll_out_eol(r.out);
	}
	if (files_from != NULL) {
		status = extract_list(&r, files_from);
		goto written;
	}
	for (i = optind; docs && (i < argc || i == optind); i++) {
		char *path = i < argc ? argv[i] : "-";
		struct stat sb;
		int rc;

		if (strcmp(path, "-") != 0 && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			rc = extract_folder(&r, path);
		else
			rc = extract_table(&r, path);
		if (rc != EXIT_OK && (status == EXIT_OK || rc == EXIT_TROUBLE))
			status = rc;
	}
	if (docs)
		goto written;
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
	if (write_found(&r) != 0)
		status = EXIT_TROUBLE;
written:
	if (toll_out_commit(r.out, "standard output", &d) != TOLL_OK) {
		cli_diag(&d, 0);
		status = EXIT_TROUBLE;
	}
	status = cli_close_stdout(status);
done:
	cli_program_free(&prog);
	toll_out_free(r.out);
	free_found(&r);
	return status;
}
