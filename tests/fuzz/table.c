/*
 * Fuzzes the table reader: the first byte picks TSV or CSV, the rest is
 * the file; or, with the first byte's high bit, two files: the same one
 * twice, or the parts before and after a form feed (their columns may
 * differ).
 */
#include "fuzz.h"
#include "toll/table.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], path2[64], *paths[2];
	toll_table *t = NULL;
	const uint8_t *ff = NULL;
	size_t cut;
	int fd2 = -1;
	toll_row row;
	toll_diag d;
	toll_dialect dl = TOLL_DIALECT_INIT;
	size_t total = 0, i, ncol;
	int fd, code;

	if (size < 1)
		return 0;
	if (data[0] & 0x80)
		ff = memchr(data + 1, 12, size - 1);   /* a form feed */
	cut = ff != NULL ? (size_t)(ff - data) : size;
	if ((fd = fuzz_file(data + 1, cut - 1, path, sizeof path)) < 0)
		return 0;
	paths[0] = path;
	paths[1] = path;   /* the same file twice: a second header to match */
	/* The first byte picks the dialect: CSV, ';' between fields, no header, names given. */
	dl.fmt = (data[0] & 1) ? TOLL_FORMAT_CSV : TOLL_FORMAT_TSV;
	dl.delim = (data[0] & 2) ? ';' : 0;
	dl.no_header = (data[0] & 4) != 0;
	dl.names = (data[0] & 8) ? "a,b,c" : NULL;
	dl.na = (data[0] & 16) ? "NA,,x" : NULL;
	if (ff != NULL && (fd2 = fuzz_file(ff + 1, size - cut - 1, path2, sizeof path2)) >= 0)
		paths[1] = path2;
	if (toll_table_new(&t, paths, 1 + (data[0] >> 7), &dl) == TOLL_OK) {
		while ((code = toll_table_next(t, &row, &d)) != TOLL_END && code != TOLL_ENOMEM) {
			if (code == TOLL_HEADER && toll_table_header_note(t, &d))
				total += strlen(d.msg) == 0;
			if (code != TOLL_OK && code != TOLL_HEADER)
				continue;
			/* Every field is read: the sanitizers see any byte out of bounds. */
			for (i = 0; i < row.n; i++)
				if (row.f[i].len > 0)
					total += (unsigned char)row.f[i].s[0] + (unsigned char)row.f[i].s[row.f[i].len - 1];
		}
		if (toll_table_columns(t, &ncol) != NULL) {
			char msg[512];
			const toll_field *cols = toll_table_columns(t, &ncol);

			total += (size_t)toll_table_column(t, "best");
			/* The message of an unknown column, whatever the header holds. */
			toll_column_problem(cols, ncol, "unknown column", (const char *)data, size > 80 ? 80 : size,
			                    NULL, msg, sizeof msg);
			total += strlen(msg) == 0;
		}
	}
	toll_table_free(t);
	close(fd);
	if (fd2 >= 0)
		close(fd2);
	return total == 1 ? 1 : 0;
}
