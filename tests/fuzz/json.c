/*
 * Fuzzes the JSON reader (toll/json.h) through the table reader: the
 * first byte picks whether JSON is read or refused, the "not stated"
 * spellings, and one file or the same one twice; the rest is the file.
 */
#include "fuzz.h"
#include "toll/json.h"
#include "toll/table.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64], *paths[2];
	toll_table *t = NULL;
	toll_row row;
	toll_diag d;
	toll_dialect dl = TOLL_DIALECT_INIT;
	size_t total = 0, i;
	int fd, code;

	if (size < 1)
		return 0;
	if ((fd = fuzz_file(data + 1, size - 1, path, sizeof path)) < 0)
		return 0;
	paths[0] = path;
	paths[1] = path;   /* the same file twice: a second header to match */
	dl.json = (data[0] & 1) ? NULL : &toll_json_table;
	dl.na = (data[0] & 2) ? "NA,,x" : NULL;
	dl.fmt = (data[0] & 4) ? TOLL_FORMAT_CSV : TOLL_FORMAT_AUTO;
	if (toll_table_new(&t, paths, 1 + ((data[0] >> 7) & 1), &dl) == TOLL_OK) {
		while ((code = toll_table_next(t, &row, &d)) != TOLL_END && code != TOLL_ENOMEM) {
			if (code != TOLL_OK && code != TOLL_HEADER) {
				/* Every message is whole text with a place in the file. */
				total += strlen(d.msg) == 0;
				continue;
			}
			/* Every field is read: the sanitizers see any byte out of bounds. */
			for (i = 0; i < row.n; i++)
				if (row.f[i].len > 0)
					total += (unsigned char)row.f[i].s[0] +
					         (unsigned char)row.f[i].s[row.f[i].len - 1];
		}
		total += (size_t)toll_table_column(t, "a.b");
	}
	toll_table_free(t);
	close(fd);
	return total == 1 ? 1 : 0;
}
