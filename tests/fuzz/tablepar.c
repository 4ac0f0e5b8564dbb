/*
 * Fuzzes reading in threads: the file (the input after two bytes) is read
 * with one thread, then with several at a tiny chunk size, and the two
 * transcripts (every row's fields with their lines and columns, every
 * message, the end) must be the same, byte for byte; and each row's work
 * done in a worker thread must be the row's.  The first byte picks the
 * threads (2 to 5) and the dialect (no header, names, NA); the second, the
 * chunk size (1 to 256 bytes).  A form feed splits the input into two
 * files read as one table (their columns may differ).
 */
#include "fuzz.h"
#include "toll/table.h"

/* The work a reading thread does for a row: the sum of its fields' lengths and first bytes. */
static void
work(void *ctx, const toll_row *row, void *slot)
{
	uint64_t sum = 0;
	size_t i;

	(void)ctx;
	for (i = 0; i < row->n; i++)
		sum = sum * 31 + row->f[i].len + (row->f[i].len ? (unsigned char)row->f[i].s[0] : 0);
	memcpy(slot, &sum, sizeof sum);
}

/* Everything a reader hands out, written down; NULL when out of memory. */
static char *
transcript(char **paths, size_t npaths, const toll_dialect *dl, int threads, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	toll_table *t = NULL;
	toll_row row;
	toll_diag d;
	int code;

	if (f == NULL)
		return NULL;
	if (toll_table_new(&t, paths, npaths, dl) != TOLL_OK) {
		fclose(f);
		free(out);
		return NULL;
	}
	if (threads > 1)
		toll_table_set_threads(t, threads, work, NULL, sizeof(uint64_t));
	while ((code = toll_table_next(t, &row, &d)) != TOLL_END) {
		size_t i;

		if (code == TOLL_ENOMEM)
			break;
		if (code != TOLL_OK && code != TOLL_HEADER) {
			fprintf(f, "message %d %s:%ld:%ld: %s\n", code, d.file ? d.file : "", d.line, d.col, d.msg);
			continue;
		}
		if (code == TOLL_HEADER && toll_table_header_note(t, &d))
			fprintf(f, "note %s:%ld:%ld: %s\n", d.file ? d.file : "", d.line, d.col, d.msg);
		fprintf(f, "%s %ld %zu:", code == TOLL_HEADER ? "header" : "row", row.line, row.n);
		for (i = 0; i < row.n; i++) {
			fprintf(f, " %ld:%ld:", row.f[i].line, row.f[i].col);
			fwrite(row.f[i].s, 1, row.f[i].len, f);
		}
		fputc('\n', f);
		/* A worker's result belongs to the row it comes with. */
		if (code == TOLL_OK && threads > 1 && toll_table_slot(t) != NULL) {
			uint64_t got, want;

			memcpy(&got, toll_table_slot(t), sizeof got);
			work(NULL, &row, &want);
			if (got != want)
				abort();
		}
	}
	fprintf(f, "end %d\n", code);
	toll_table_free(t);
	fclose(f);
	return out;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], path2[64], chunk[16], *one, *many, *paths[2] = { path, path2 };
	toll_dialect dl = TOLL_DIALECT_INIT;
	size_t n1 = 0, n2 = 0, npaths = 1, cut;
	const uint8_t *ff;
	int fd, fd2 = -1, threads;

	if (size < 2)
		return 0;
	ff = memchr(data + 2, '\f', size - 2);
	cut = ff != NULL ? (size_t)(ff - data) : size;
	if ((fd = fuzz_file(data + 2, cut - 2, path, sizeof path)) < 0)
		return 0;
	if (ff != NULL && (fd2 = fuzz_file(ff + 1, size - cut - 1, path2, sizeof path2)) >= 0)
		npaths = 2;
	threads = 2 + (data[0] & 3);
	dl.fmt = TOLL_FORMAT_TSV;
	dl.no_header = (data[0] & 4) != 0;
	dl.names = (data[0] & 8) ? "a,b,c" : NULL;
	dl.na = (data[0] & 16) ? "NA,,x" : NULL;
	snprintf(chunk, sizeof chunk, "%d", 1 + data[1]);
	setenv("TOLL_READ_CHUNK", chunk, 1);
	one = transcript(paths, npaths, &dl, 1, &n1);
	many = transcript(paths, npaths, &dl, threads, &n2);
	if (one != NULL && many != NULL && (n1 != n2 || memcmp(one, many, n1) != 0)) {
		fprintf(stderr, "one thread:\n%s\n%d threads, chunks of %s bytes:\n%s\n", one, threads, chunk, many);
		abort();
	}
	free(one);
	free(many);
	close(fd);
	if (fd2 >= 0)
		close(fd2);
	return 0;
}
