/*
 * table.c: the streaming TSV/CSV reader.
 *
 * Bytes are read with read(2) into one buffer that holds at least the
 * current record; a record is first delimited (a newline, outside quotes
 * for CSV), then split into fields and decoded in place, since decoding
 * only ever shortens a field.  The buffer grows only for records larger
 * than it, up to TOLL_TABLE_MAX_RECORD.
 */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hashtab.h"
#include "toll/table.h"
#include "toll/utf8.h"
#include "table_int.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#define HAVE_SSE2 1
#endif

const char toll_na_default[] = "NA,N/A,NaN,null";

/* Splits the list of NA spellings; words past MAX_NA are ignored. */
static void
na_list(toll_table *t, const char *s)
{
	while (*s != '\0' && t->nna < MAX_NA) {
		size_t n = strcspn(s, ",");

		if (n > 0) {
			t->na[t->nna] = s;
			t->na_len[t->nna++] = n;
			t->na_first[(unsigned char)s[0]] = 1;
			if (n > t->na_max)
				t->na_max = n;
		}
		s += n;
		if (*s == ',')
			s++;
	}
}

int
toll_table_new(toll_table **out, char *const *paths, size_t npaths, const toll_dialect *dl)
{
	static char *const stdin_path[] = { "-" };
	static const toll_dialect plain = TOLL_DIALECT_INIT;
	toll_table *t = calloc(1, sizeof *t);

	*out = NULL;
	if (t == NULL)
		return TOLL_ENOMEM;
	t->paths = npaths ? paths : stdin_path;
	t->npaths = npaths ? npaths : 1;
	t->dl = dl != NULL ? *dl : plain;
	na_list(t, t->dl.na != NULL ? t->dl.na : toll_na_default);
	t->fd = -1;
	t->threads = 1;
	t->cap = INITIAL_BUFFER;
	if ((t->buf = malloc(t->cap)) == NULL) {
		free(t);
		return TOLL_ENOMEM;
	}
	*out = t;
	return TOLL_OK;
}

void
toll_table_close_file(toll_table *t)
{
	if (t->open && t->fd > 0)
		close(t->fd);
	t->open = 0;
	t->fd = -1;
	if (t->js != NULL && t->dl.json != NULL)
		t->dl.json->free(t);
	t->js = NULL;
	t->json = 0;
}

void
toll_table_free(toll_table *t)
{
	if (t == NULL)
		return;
	toll_par_free(t);
	toll_table_close_file(t);
	if (!t->borrowed) {
		free(t->missing);
		free(t->buf);
		free(t->cols);
		free(t->names_buf);
		free(t->by_name);
		free(t->map);
	}
	free(t->f);
	free(t->out);
	free(t->raw);
	free(t->rec_copy);
	toll_strmap_free(t->origins);
	free(t);
}

const toll_field *
toll_table_columns(const toll_table *t, size_t *n)
{
	*n = t->ncols;
	return t->cols;
}

static int
ends_with_csv(const char *s)
{
	size_t n = strlen(s);

	return n >= 4 && (strcmp(s + n - 4, ".csv") == 0 || strcmp(s + n - 4, ".CSV") == 0);
}

static int
open_next(toll_table *t, toll_diag *d)
{
	const char *p = t->paths[t->next_file];

	t->fileno = t->next_file++;
	t->vfileno = t->fileno;
	t->name = p;
	t->split_i = t->split_k = 0;
	t->line_shift = 0;
	if (t->dl.delim != 0) {
		t->csv = t->dl.delim != '\t';
		t->sep = t->dl.delim;
	} else {
		t->csv = t->dl.fmt == TOLL_FORMAT_CSV ||
		         (t->dl.fmt == TOLL_FORMAT_AUTO && ends_with_csv(p));
		t->sep = ',';
	}
	t->pos = t->end = t->scanned = 0;
	t->off = 0;
	t->par_tried = 0;
	t->scan_state = CSV_FIELD_START;
	t->scan_lines = 0;
	t->eof = 0;
	t->line = 1;
	t->have_header = 0;
	t->at_start = 1;
	if (strcmp(p, "-") == 0) {
		t->fd = 0;
	} else {
		do
			t->fd = open(p, O_RDONLY);
		while (t->fd < 0 && errno == EINTR);
		if (t->fd < 0)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot open '%s': %s", p,
			                     strerror(errno));
	}
	t->open = 1;
	t->limit = UINT64_MAX;
	if (t->fd != 0) {
		struct stat sb;

		if (fstat(t->fd, &sb) == 0 && S_ISREG(sb.st_mode))
			t->limit = (uint64_t)sb.st_size;
	}
	return TOLL_OK;
}

/* Reads more bytes after buf[end], first moving the unread ones to the front. */
static int
fill(toll_table *t, toll_diag *d)
{
	size_t want;
	ssize_t n;

	if (t->pos > 0) {
		memmove(t->buf, t->buf + t->pos, t->end - t->pos);
		t->end -= t->pos;
		t->off += t->pos;
		t->pos = 0;
	}
	/* What is unread is one record without its end: past the limit, it is too long. */
	if (t->end > TOLL_TABLE_MAX_RECORD)
		return toll_diag_set(d, TOLL_EDATA, t->name, t->line, 1,
		                     "record longer than %zu MiB; rest of file skipped",
		                     TOLL_TABLE_MAX_RECORD >> 20);
	if (t->cap - t->end < INITIAL_BUFFER / 4) {
		size_t ncap = t->cap * 2;
		char *nb;

		nb = realloc(t->buf, ncap);
		if (nb == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		t->buf = nb;
		t->cap = ncap;
	}
	/* No more than one byte past the longest record, nor past the size the file had. */
	want = t->cap - t->end;
	if (want > TOLL_TABLE_MAX_RECORD + 1 - t->end)
		want = TOLL_TABLE_MAX_RECORD + 1 - t->end;
	if (t->limit != UINT64_MAX) {
		uint64_t at = t->off + t->end;

		if (at >= t->limit) {
			t->eof = 1;
			return TOLL_OK;
		}
		if (want > t->limit - at)
			want = (size_t)(t->limit - at);
	}
	do
		n = read(t->fd, t->buf + t->end, want);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return toll_diag_set(d, TOLL_EIO, NULL, 0, 0, "cannot read '%s': %s",
		                     t->paths[t->fileno], strerror(errno));
	if (n == 0) {
		struct stat sb;

		if (t->limit != UINT64_MAX)
			return toll_diag_set(d, TOLL_EIO, NULL, 0, 0,
			                     "cannot read '%s': it changed while it was read (%llu bytes when "
			                     "opened, %llu now)", t->paths[t->fileno], (unsigned long long)t->limit,
			                     fstat(t->fd, &sb) == 0 ? (unsigned long long)sb.st_size :
			                     (unsigned long long)(t->off + t->end));
		t->eof = 1;
	}
	t->end += (size_t)n;
	return TOLL_OK;
}

int
toll_table_fill(toll_table *t, toll_diag *d)
{
	return fill(t, d);
}

/* Whether c is JSON's white space. */
static int
json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * At the start of a file: whether it is JSON, an array of objects or an
 * object ('[' then '{' or ']', '{' then '"' or '}'), which no TSV or CSV
 * header starts with.  JSON is read by the dialect's JSON reader, or
 * refused with what reads it.
 */
static int
sniff_json(toll_table *t, toll_diag *d)
{
	size_t i;
	long line = 1, col = 1;
	char first = 0;
	int r;

	while (!t->eof && t->end - t->pos < 512)
		if ((r = fill(t, d)) != TOLL_OK)
			return r;
	i = t->pos;
	if (t->end - i >= 3 && memcmp(t->buf + i, "\xef\xbb\xbf", 3) == 0)
		i += 3;
	for (; i < t->end; i++) {
		char c = t->buf[i];

		if (json_space(c)) {
			if (c == '\n' && first == 0) {
				line++;
				col = 1;
			} else if (first == 0) {
				col++;
			}
			continue;
		}
		if (first == 0 && (c == '[' || c == '{')) {
			first = c;
			continue;
		}
		if (first == 0 || !(first == '[' ? c == '{' || c == ']' : c == '"' || c == '}'))
			return TOLL_OK;
		if (t->dl.json != NULL) {
			t->json = 1;
			return TOLL_OK;
		}
		return toll_diag_set(d, TOLL_EDATA, t->name, line, col, "this is JSON, not a TSV or CSV "
		                     "table: toll-import table reads JSON records (toll-import table "
		                     "--map OUT=KEY ... FILE)");
	}
	return TOLL_OK;
}

/*
 * Finds the end of the record at buf[pos]: sets *len to its length
 * without the newline and *next to the offset after it.  Returns TOLL_OK,
 * TOLL_END at the end of the file, or an error from fill().
 */
static int
find_record(toll_table *t, size_t *len, size_t *next, toll_diag *d)
{
	int r;

	for (;;) {
		char *s = t->buf + t->pos;
		size_t avail = t->end - t->pos, i = t->scanned;

		if (t->csv) {
			int st = t->scan_state;
			long nl = t->scan_lines;
			char sep = t->sep;

			/*
			 * RFC 4180 by state: a quote opens a quoted field only at
			 * its start, and "" inside one is a quote; so a stray quote
			 * in an unquoted field does not swallow the lines after it.
			 */
			for (; i < avail; i++) {
				char c = s[i];

				if (st == CSV_QUOTED) {
					if (c == '"')
						st = CSV_QUOTE_SEEN;
					nl += c == '\n';
				} else if (c == '\n') {
					break;
				} else if (c == sep) {
					st = CSV_FIELD_START;
				} else if (c == '"' && (st == CSV_FIELD_START || st == CSV_QUOTE_SEEN)) {
					st = CSV_QUOTED;
				} else {
					st = CSV_UNQUOTED;
				}
			}
			t->scan_state = st;
			t->scan_lines = nl;
		} else if (i < avail) {
			char *nl = memchr(s + i, '\n', avail - i);

			i = nl ? (size_t)(nl - s) : avail;
		}
		if (i < avail) {
			*len = i;
			*next = t->pos + i + 1;
			return TOLL_OK;
		}
		t->scanned = avail;
		if (t->eof) {
			if (avail == 0)
				return TOLL_END;
			*len = avail;
			*next = t->end;
			t->last_unterminated = 1;
			return TOLL_OK;
		}
		if ((r = fill(t, d)) != TOLL_OK)
			return r;
	}
}

int
toll_table_grow_fields(toll_table *t)
{
	size_t ncap = t->fcap ? t->fcap * 2 : 64;
	toll_field *f = realloc(t->f, ncap * sizeof *f);

	if (f == NULL)
		return TOLL_ENOMEM;
	t->f = f;
	f = realloc(t->out, ncap * sizeof *f);
	if (f == NULL)
		return TOLL_ENOMEM;
	t->out = f;
	{
		size_t *raw = realloc(t->raw, ncap * sizeof *raw);

		if (raw == NULL)
			return TOLL_ENOMEM;
		t->raw = raw;
	}
	t->fcap = ncap;
	return TOLL_OK;
}

static int
add_field(toll_table *t, const char *s, size_t len, long line, long col, size_t raw)
{
	if (t->nf == t->fcap && toll_table_grow_fields(t) != TOLL_OK)
		return TOLL_ENOMEM;
	t->f[t->nf].s = s;
	t->f[t->nf].len = len;
	t->f[t->nf].line = line;
	t->f[t->nf].col = col;
	t->raw[t->nf] = raw;
	t->nf++;
	return TOLL_OK;
}

/* Decodes the TSV escapes of s[0..len) in place; returns the new length. */
static size_t
tsv_unescape(char *s, size_t len)
{
	size_t i, w = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			char c = s[i + 1];

			if (c == 't' || c == 'n' || c == 'r' || c == '\\') {
				s[w++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\\';
				i++;
				continue;
			}
		}
		/* Any other backslash stays as it is. */
		s[w++] = s[i];
	}
	return w;
}

/* Exact mask of the zero bytes of w: the high bit of each zero byte is set. */
static uint64_t
zero_bytes(uint64_t w)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7full;

	return ~(((w & low7) + low7) | w | low7);
}

/*
 * Splits the TSV record at rec into fields: the bytes up to the first
 * newline in rec[0..avail), or, when whole, all of them when there is
 * none.  Sets *end to the newline's offset (avail when none) and *len to
 * the record's length without the newline and a carriage return before
 * it.  Without a newline and not whole, the record goes on past the
 * buffer: *end is avail and nothing is decoded (decoding writes).
 * Tabs and newlines are found sixteen bytes at a time with SSE2, else
 * eight with plain 64-bit words; the same pass notes bytes that are not
 * plain ASCII (high bit set, or NUL), so that only such records get the
 * full UTF-8 check, and backslashes, so that only records with escapes are
 * decoded.  The check comes before decoding, which moves bytes.  Sets
 * *bad to the offset of the first byte that is not valid text (*len when
 * none) and *nul when it is a NUL (2: a carriage return before the end).  The field array is worked on through
 * locals: stores through t would make the compiler reload it for every
 * field.
 * Long (163 lines) for speed: the hot loop keeps its locals in registers.
 */
static int
split_tsv(toll_table *t, char *rec, size_t avail, int whole, size_t *end, size_t *len,
          size_t *bad, int *nul)
{
	const uint64_t tabs = 0x0909090909090909ull, highs = 0x8080808080808080ull,
	               backslashes = 0x5c5c5c5c5c5c5c5cull, newlines = 0x0a0a0a0a0a0a0a0aull,
	               crs = 0x0d0d0d0d0d0d0d0dull;
	uint64_t odd = 0, escapes = 0;
	size_t i = 0, start = 0, nf = 0, cap = t->fcap, stop = avail;
	toll_field *f = t->f;
	long line = t->line;

/* Makes room for k more fields (k <= 64: one doubling gives it). */
#define ROOM(k) do { \
		if (cap - nf < (k)) { \
			t->nf = nf; \
			if (toll_table_grow_fields(t) != TOLL_OK) \
				return TOLL_ENOMEM; \
			f = t->f; \
			cap = t->fcap; \
		} \
	} while (0)
/* The field from start to at, into *fp. */
#define SET(fp, at) do { \
		(fp)->s = rec + start; \
		(fp)->len = (at) - start; \
		(fp)->line = line; \
		(fp)->col = (long)start + 1; \
	} while (0)
#define EMIT(at) do { \
		ROOM(1); \
		SET(&f[nf], at); \
		nf++; \
	} while (0)

#ifdef HAVE_SSE2
	{
		const __m128i vtab = _mm_set1_epi8('\t'), vbs = _mm_set1_epi8('\\'),
		              vnl = _mm_set1_epi8('\n'), vspace = _mm_set1_epi8(' ');
		unsigned oddbits = 0, escbits = 0;

		for (; i + 16 <= avail; i += 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(rec + i));
			/*
			 * One test finds every byte that is not plain text: below
			 * a space (tab, newline, CR, NUL, other controls) or, as
			 * signed bytes are, 0x80 and above; and backslashes.
			 */
			__m128i bs = _mm_cmpeq_epi8(v, vbs);
			unsigned sp = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, vspace), bs));
			unsigned m, nl, keep = 0xffffu, esc;

			if (sp == 0)
				continue;
			m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vtab));
			nl = 0;
			if ((sp & ~m) != 0) {
				nl = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vnl));
				if (nl != 0) {
					/* Only the bytes before the newline are of this record. */
					keep = (1u << __builtin_ctz(nl)) - 1;
					m &= keep;
					stop = i + (size_t)__builtin_ctz(nl);
				}
				esc = (unsigned)_mm_movemask_epi8(bs) & keep;
				escbits |= esc;
				/* Controls other than tabs send the record to the full check, which finds them valid. */
				oddbits |= sp & keep & ~m & ~esc;
			}
			if (m != 0) {
				toll_field *fp;

				ROOM(16);   /* the block's fields at most, tested once */
				fp = f + nf;
				do {
					size_t tab = i + (size_t)__builtin_ctz(m);

					SET(fp, tab);
					fp++;
					start = tab + 1;
					m &= m - 1;
				} while (m != 0);
				nf = (size_t)(fp - f);
			}
			if (nl != 0)
				break;
		}
		odd |= oddbits;
		escapes |= escbits;
	}
#endif
	for (; stop == avail && i + 8 <= avail; i += 8) {
		uint64_t w, m, nl;

		memcpy(&w, rec + i, 8);
		nl = zero_bytes(w ^ newlines);
		if (nl != 0)
			break;   /* the bytes of this word are looked at one by one below */
		odd |= (w & highs) | zero_bytes(w) | zero_bytes(w ^ crs);
		escapes |= zero_bytes(w ^ backslashes);
		m = zero_bytes(w ^ tabs);
		if (m == 0)
			continue;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
		/* On little-endian machines the lowest set bit is the first tab. */
		do {
			size_t tab = i + ((size_t)__builtin_ctzll(m) >> 3);

			EMIT(tab);
			start = tab + 1;
			m &= m - 1;
		} while (m != 0);
#else
		{
			size_t k;

			for (k = i; k < i + 8; k++)
				if (rec[k] == '\t') {
					EMIT(k);
					start = k + 1;
				}
		}
#endif
	}
	for (; stop == avail && i < avail; i++) {
		unsigned char c = (unsigned char)rec[i];

		if (c == '\n') {
			stop = i;
		} else if (c == 0 || c >= 0x80 || c == '\r') {
			odd = 1;
		} else if (c == '\\') {
			escapes = 1;
		} else if (c == '\t') {
			EMIT(i);
			start = i + 1;
		}
	}
	*end = stop;
	if (stop == avail && !whole)
		return TOLL_OK;
	*len = stop > 0 && rec[stop - 1] == '\r' ? stop - 1 : stop;
	EMIT(*len);
#undef EMIT
#undef SET
#undef ROOM
	t->nf = nf;
	*bad = *len;
	if (odd) {
		/* Invalid text, a NUL, or a carriage return not ending the line. */
		const char *cr = memchr(rec, '\r', *len);

		*bad = toll_utf8_check(rec, *len, nul);
		if (cr != NULL && (size_t)(cr - rec) < *bad) {
			*bad = (size_t)(cr - rec);
			*nul = 2;
		}
	}
	if (escapes) {
		for (i = 0; i < nf; i++)
			if (memchr(f[i].s, '\\', f[i].len))
				f[i].len = tsv_unescape((char *)f[i].s, f[i].len);
	}
	return TOLL_OK;
}

/* Splits the CSV record rec[0..len) into fields, decoding quotes in place. */
static int
split_csv(toll_table *t, char *rec, size_t len, toll_diag *d)
{
	char *p = rec, *e = rec + len, *linestart = rec;
	long line = t->line;
	char sep = t->sep;

	t->nf = 0;
	for (;;) {
		char *start = p;
		long col = (long)(p - linestart) + 1, fline = line;
		size_t n;

		if (p < e && *p == '"') {
			char *w = p;

			p++;
			for (;;) {
				if (p >= e)
					return toll_diag_set(d, TOLL_EDATA, t->name, fline, col,
					                     "unterminated quoted field");
				if (*p == '"') {
					if (p + 1 < e && p[1] == '"') {
						*w++ = '"';
						p += 2;
						continue;
					}
					p++;
					break;
				}
				if (*p == '\n') {
					line++;
					linestart = p + 1;
				}
				*w++ = *p++;
			}
			n = (size_t)(w - start);
			if (p < e && *p != sep)
				return toll_diag_set(d, TOLL_EDATA, t->name, line,
				                     (long)(p - linestart) + 1,
				                     "unexpected character after closing quote");
		} else {
			while (p < e && *p != sep) {
				if (*p == '"')
					return toll_diag_set(d, TOLL_EDATA, t->name, line,
					                     (long)(p - linestart) + 1,
					                     "unexpected quote in unquoted field");
				if (*p == '\r')
					return toll_diag_set(d, TOLL_EDATA, t->name, line,
					                     (long)(p - linestart) + 1,
					                     "carriage return (CR) outside quotes: a field "
					                     "holding a line break must be quoted");
				p++;
			}
			n = (size_t)(p - start);
		}
		if (add_field(t, start, n, fline, col, (size_t)(start - rec)) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		if (p >= e)
			return TOLL_OK;
		p++;  /* the separator */
	}
}

static int
cmp_names(const toll_field *a, const toll_field *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->s, b->s, n);

	if (c != 0)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

/* Orders pointers to columns by name, then by position, for qsort(). */
static int
cmp_column(const void *a, const void *b)
{
	const toll_field *x = *(const toll_field *const *)a, *y = *(const toll_field *const *)b;
	int c = cmp_names(x, y);

	return c != 0 ? c : (x > y) - (x < y);
}

/* Index of the column named like f in the first header, or -1. */
static long
find_column(const toll_table *t, const char *s, size_t len)
{
	toll_field key;
	size_t lo = 0, hi = t->ncols;

	key.s = s;
	key.len = len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_names(t->by_name[mid], &key);

		if (c == 0)
			return (long)(t->by_name[mid] - t->cols);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* The lower-case form of an ASCII byte. */
static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

long
toll_table_unread_keys(const toll_table *t, const char **file, long *line, const char **key)
{
	*file = t->unread_file;
	*line = t->unread_line;
	*key = t->unread_key;
	return t->unread;
}

int
toll_table_header_from_file(const toll_table *t, size_t *skip)
{
	*skip = t->index_unnamed ? 1 : 0;
	return t->cols != NULL && !t->dl.no_header && t->dl.names == NULL;
}

long
toll_column_find(const toll_field *cols, size_t n, const char *name, size_t len)
{
	size_t i, k;
	long found = -1;

	for (i = 0; i < n; i++)
		if (cols[i].len == len && memcmp(cols[i].s, name, len) == 0)
			return (long)i;
	/* No exact match: the one column named so but for ASCII case (COUNTRY). */
	for (i = 0; i < n; i++) {
		if (cols[i].len != len)
			continue;
		for (k = 0; k < len && lower((unsigned char)cols[i].s[k]) == lower((unsigned char)name[k]); k++)
			;
		if (k == len) {
			if (found >= 0)
				return -1;
			found = (long)i;
		}
	}
	return found;
}

long
toll_table_column(const toll_table *t, const char *name)
{
	size_t len = strlen(name);
	long c;

	if (t->cols == NULL)
		return -1;
	if ((c = find_column(t, name, len)) >= 0)
		return c;
	return toll_column_find(t->cols, t->ncols, name, len);
}

static int
quoted_name_error(toll_diag *d, toll_table *t, const toll_field *f, const char *fmt)
{
	char q[200];

	toll_diag_quote(q, sizeof q, f->s, f->len);
	return toll_diag_set(d, TOLL_EDATA, t->name, f->line, f->col, fmt, q);
}

/*
 * The names of the columns, into names[0..*n) (fields of the record, of
 * --names, or numbers 1, 2, ... into num): a header of its own, else the
 * names given, else numbers.
 */
static int
header_names(toll_table *t, toll_field **names, size_t *n, char **num, toll_diag *d)
{
	size_t i, k;
	const char *p;

	*names = NULL;
	*num = NULL;
	if (t->dl.names == NULL && !t->dl.no_header) {
		*names = t->f;
		*n = t->nf;
		return TOLL_OK;
	}
	k = 1;
	if (t->dl.names != NULL)
		for (p = t->dl.names; *p; p++)
			k += *p == ',';
	else
		k = t->nf;
	if ((*names = calloc(k, sizeof **names)) == NULL ||
	    (t->dl.names == NULL && (*num = malloc(k * 21)) == NULL)) {
		free(*names);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0, p = t->dl.names; i < k; i++) {
		(*names)[i].line = t->f[0].line;
		(*names)[i].col = 1;
		if (p != NULL) {
			(*names)[i].s = p;
			(*names)[i].len = strcspn(p, ",");
			p += (*names)[i].len + (p[(*names)[i].len] == ',');
		} else {
			(*names)[i].s = *num + i * 21;
			(*names)[i].len = (size_t)snprintf(*num + i * 21, 21, "%zu", i + 1);
		}
	}
	*n = k;
	if (t->dl.names != NULL && !t->dl.no_header && k != t->nf) {
		free(*names);
		*names = NULL;
		return toll_diag_set(d, TOLL_EDATA, t->name, t->f[0].line, 1,
		                     "--names gives %zu names, the header has %zu columns", k, t->nf);
	}
	return TOLL_OK;
}

/*
 * Takes names src[0..n) as the table's columns (copied; the first
 * "index" when t->index_unnamed) and checks them: none empty, none twice.
 */
static int
take_names(toll_table *t, const toll_field *src, size_t n, toll_diag *d)
{
	static const char index_name[] = "index";
	size_t i, total = 0;
	char *p;
	int r;

	for (i = 0; i < n; i++) {
		if (src[i].len == 0 && !(i == 0 && t->index_unnamed))
			return toll_diag_set(d, TOLL_EDATA, t->name, src[i].line, src[i].col,
			                     "empty column name");
		total += src[i].len + sizeof index_name;
	}
	t->cols = malloc((n ? n : 1) * sizeof *t->cols);
	t->names_buf = malloc(total ? total : 1);
	t->by_name = malloc((n ? n : 1) * sizeof *t->by_name);
	if (t->cols == NULL || t->names_buf == NULL || t->by_name == NULL) {
		r = toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		goto fail;
	}
	p = t->names_buf;
	for (i = 0; i < n; i++) {
		const char *name = src[i].s;
		size_t len = src[i].len;

		if (i == 0 && t->index_unnamed) {
			name = index_name;
			len = sizeof index_name - 1;
		}
		memcpy(p, name, len);
		p[len] = '\0';
		t->cols[i] = src[i];
		t->cols[i].s = p;
		t->cols[i].len = len;
		p += len + 1;
		t->by_name[i] = &t->cols[i];
	}
	t->ncols = n;
	t->hdr_nf = n;
	qsort(t->by_name, t->ncols, sizeof *t->by_name, cmp_column);
	for (i = 1; i < t->ncols; i++)
		if (cmp_names(t->by_name[i - 1], t->by_name[i]) == 0) {
			r = quoted_name_error(d, t, t->by_name[i], "duplicate column '%s'");
			goto fail;
		}
	return TOLL_OK;
fail:
	free(t->cols);
	free(t->names_buf);
	free(t->by_name);
	t->cols = NULL;
	t->names_buf = NULL;
	t->by_name = NULL;
	t->ncols = 0;
	return r;
}

/* Takes the first header: copies the names and checks them. */
static int
first_header(toll_table *t, toll_diag *d)
{
	toll_field *src;
	size_t n = 0;
	char *num;
	int r;

	if ((r = header_names(t, &src, &n, &num, d)) != TOLL_OK)
		return r;
	/* A header whose first name alone is empty (as pandas writes): an index column. */
	t->index_unnamed = n > 1 && src[0].len == 0 && t->dl.names == NULL && !t->dl.no_header;
	if ((r = take_names(t, src, n, d)) == TOLL_OK) {
		t->first_name = t->name;
		t->cols_fileno = t->fileno;
	}
	if (src != t->f)
		free(src);
	free(num);
	return r;
}

int
toll_table_of_columns(toll_table **out, const char *name, const char *const *names, size_t n,
                      toll_diag *d)
{
	toll_field *src = calloc(n ? n : 1, sizeof *src);
	size_t i;
	long col = 1;
	int r;

	*out = NULL;
	if (src == NULL || toll_table_new(out, NULL, 0, NULL) != TOLL_OK) {
		free(src);
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (i = 0; i < n; i++) {
		src[i].s = names[i];
		src[i].len = strlen(names[i]);
		src[i].line = 1;
		src[i].col = col;
		col += (long)src[i].len + 1;
	}
	(*out)->name = name;
	(*out)->first_name = name;
	if ((r = take_names(*out, src, n, d)) != TOLL_OK) {
		toll_table_free(*out);
		*out = NULL;
	}
	free(src);
	return r;
}

/*
 * Adds a column that differs to the note of a later file's header: one
 * the file lacks (its fields are empty) or one the first lacks (left out).
 */
static void
note_column(toll_table *t, const char *s, size_t len, int lacking)
{
	toll_diag *n = &t->note;
	size_t at;
	char q[200];

	toll_diag_quote(q, sizeof q, s, len);
	if (!t->has_note) {
		toll_diag_set(n, TOLL_EDATA, t->name, t->f[0].line, 1, "the columns differ from those "
		              "of '%s': ", t->first_name);
		t->has_note = 1;
	} else if ((at = strlen(n->msg)) < sizeof n->msg) {
		snprintf(n->msg + at, sizeof n->msg - at, "; ");
	}
	at = strlen(n->msg);
	if (at < sizeof n->msg)
		snprintf(n->msg + at, sizeof n->msg - at, lacking ? "'%s' (not here) is empty in these "
		         "rows" : "'%s' (not in the first) is left out", q);
}

/* Checks a later file's header against the first and builds the column map. */
static int
later_header(toll_table *t, toll_diag *d)
{
	size_t i;
	char *seen;

	t->has_note = 0;
	if (t->mapcap < t->nf) {
		size_t *m = realloc(t->map, t->nf * sizeof *m);

		if (m == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		t->map = m;
		t->mapcap = t->nf;
	}
	if (t->dl.names != NULL || t->dl.no_header) {
		/* The columns are named by --names (or numbered): only their number counts. */
		if (!t->dl.no_header && t->nf != t->ncols)
			return toll_diag_set(d, TOLL_EDATA, t->name, t->f[0].line, 1,
			                     "--names gives %zu names, the header has %zu columns",
			                     t->ncols, t->nf);
		/* Rows of as many fields as columns are mapped, whatever this first record had. */
		if (t->mapcap < t->ncols) {
			size_t *m = realloc(t->map, t->ncols * sizeof *m);

			if (m == NULL)
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			t->map = m;
			t->mapcap = t->ncols;
		}
		for (i = 0; i < t->ncols; i++)
			t->map[i] = i;
		t->hdr_nf = t->ncols;
		t->nmissing = 0;
		return TOLL_OK;
	}
	seen = calloc(t->ncols ? t->ncols : 1, 1);
	if (seen == NULL)
		return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
	while (t->fcap < t->ncols)
		if (toll_table_grow_fields(t) != TOLL_OK) {
			free(seen);
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		}
	for (i = 0; i < t->nf; i++) {
		long c = i == 0 && t->f[0].len == 0 && t->index_unnamed
		         ? 0 : find_column(t, t->f[i].s, t->f[i].len);
		char q[200];

		if ((t->f[i].len == 0 && c != 0) || (c >= 0 && seen[c])) {
			toll_diag_quote(q, sizeof q, t->f[i].s, t->f[i].len);
			free(seen);
			if (t->f[i].len == 0 && c != 0)
				return toll_diag_set(d, TOLL_EDATA, t->name, t->f[i].line, t->f[i].col,
				                     "empty column name");
			return toll_diag_set(d, TOLL_EDATA, t->name, t->f[i].line, t->f[i].col,
			                     "duplicate column '%s'", q);
		}
		if (c < 0) {
			/* A column the first file lacks: left out, and said. */
			t->map[i] = SIZE_MAX;
			note_column(t, t->f[i].s, t->f[i].len, 0);
			continue;
		}
		seen[c] = 1;
		t->map[i] = (size_t)c;
	}
	t->nmissing = 0;
	for (i = 0; i < t->ncols; i++)
		if (!seen[i]) {
			/* A column of the first file this one lacks: empty in its rows. */
			if (toll_reserve((void **)&t->missing, &t->missingcap, t->nmissing + 1,
			                 sizeof *t->missing) != 0) {
				free(seen);
				return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			}
			t->missing[t->nmissing++] = i;
			note_column(t, t->cols[i].s, t->cols[i].len, 1);
		}
	free(seen);
	t->hdr_nf = t->nf;
	return TOLL_OK;
}

int
toll_table_header_note(toll_table *t, toll_diag *d)
{
	if (!t->has_note)
		return 0;
	t->has_note = 0;
	*d = t->note;
	return 1;
}

int
toll_table_file_has(const toll_table *t, long col)
{
	size_t i;

	if (t->fileno == t->cols_fileno)
		return col >= 0 && (size_t)col < t->ncols;
	for (i = 0; i < t->nmissing; i++)
		if ((long)t->missing[i] == col)
			return 0;
	return col >= 0 && (size_t)col < t->ncols;
}

void
toll_table_skip_file(toll_table *t)
{
	toll_table_close_file(t);
}

/* The offset of field i from the start of its record (in TSV, its column less one). */
static size_t
raw_offset(const toll_table *t, size_t i)
{
	return t->csv ? t->raw[i] : (size_t)t->f[i].col - 1;
}

/*
 * Reports the first field holding invalid UTF-8, a NUL byte (nul 1) or a
 * carriage return not ending the line (nul 2, at the CR itself), given
 * the bad offset.
 */
static int
text_error(toll_table *t, size_t bad, int nul, toll_diag *d)
{
	size_t i = 0;
	char q[200];
	const char *what = nul == 2 ? "carriage return (CR)" : nul ? "NUL byte" : "invalid UTF-8";
	const char *hint = nul == 2 ? " (a TSV field writes one as \\r; CRLF ends a line only once)"
	                            : "";
	long col;

	while (i + 1 < t->nf && raw_offset(t, i + 1) <= bad)
		i++;
	col = nul == 2 ? t->f[i].col + (long)(bad - raw_offset(t, i)) : t->f[i].col;
	if (!t->have_header || t->cols == NULL)
		return toll_diag_set(d, TOLL_EDATA, t->name, t->f[i].line, col, "%s in header%s", what,
		                     hint);
	{
		/* A field past the last column has no name (and no place in the map). */
		size_t c = t->fileno == t->cols_fileno ? i : i < t->hdr_nf ? t->map[i] : SIZE_MAX;

		if (c >= t->ncols)
			return toll_diag_set(d, TOLL_EDATA, t->name, t->f[i].line, col,
			                     "%s in field %zu%s", what, i + 1, hint);
		toll_diag_quote(q, sizeof q, t->cols[c].s, t->cols[c].len);
	}
	return toll_diag_set(d, TOLL_EDATA, t->name, t->f[i].line, col, "%s in column '%s'%s", what,
	                     q, hint);
}

int
toll_row_problem(const toll_row *row, size_t col, const toll_field *cols, const char *what,
                 toll_diag *d)
{
	const toll_field *f = &row->f[col];
	char q[64], c[64];

	toll_diag_quote(q, sizeof q, f->s, f->len);
	toll_diag_quote(c, sizeof c, cols[col].s, cols[col].len);
	return toll_diag_set(d, TOLL_EDATA, row->file, f->line, f->col, "%s '%s' in column '%s'",
	                     what, q, c);
}

/*
 * The optimal string alignment distance of a and b, ignoring ASCII case
 * (insertions, deletions, substitutions, swaps of neighbours), or limit + 1
 * when it is more than limit.
 */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
	size_t prev2[65], prev[65], cur[65], i, j;

	if (na > 64 || nb > 64)
		return limit + 1;
	if ((na > nb ? na - nb : nb - na) > limit)
		return limit + 1;
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	memset(prev2, 0, sizeof prev2);
	for (i = 1; i <= na; i++) {
		size_t best;

		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= nb; j++) {
			size_t sub = prev[j - 1] + (lower(a[i - 1]) != lower(b[j - 1])), v = sub;

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
		memcpy(prev2, prev, sizeof prev);
		memcpy(prev, cur, sizeof cur);
	}
	return prev[nb];
}

void
toll_column_problem(const toll_field *cols, size_t n, const char *what, const char *name,
                    size_t len, const char *where, char *buf, size_t bufsz)
{
	char q[64], c[64];
	size_t i, used, best = SIZE_MAX, bestd = SIZE_MAX, limit = len < 3 ? 1 : len / 3;
	int w;

	toll_diag_quote(q, sizeof q, name, len);
	w = snprintf(buf, bufsz, "%s '%s'%s", what, q, where ? where : "");
	used = w < 0 ? 0 : (size_t)w < bufsz ? (size_t)w : bufsz - 1;
	/* A CSV file read as TSV has one column of commas; a TSV file read as CSV, one of tabs. */
	if (n == 1 && (memchr(cols[0].s, ',', cols[0].len) || memchr(cols[0].s, '\t', cols[0].len))) {
		int csv = memchr(cols[0].s, ',', cols[0].len) != NULL;

		snprintf(buf + used, bufsz - used,
		         ": the header is one column holding %s; is this a %s file? read it with %s",
		         csv ? "commas" : "tabs", csv ? "CSV" : "TSV", csv ? "--csv" : "--tsv");
		return;
	}
	for (i = 0; i < n; i++) {
		size_t d = distance(name, len, cols[i].s, cols[i].len, limit);

		if (d <= limit && d < bestd) {
			best = i;
			bestd = d;
		}
	}
	if (best != SIZE_MAX && used < bufsz) {
		toll_diag_quote(c, sizeof c, cols[best].s, cols[best].len);
		w = snprintf(buf + used, bufsz - used, ": did you mean '%s'?", c);
		used += w < 0 ? 0 : (size_t)w < bufsz - used ? (size_t)w : bufsz - used - 1;
	}
	for (i = 0; i < n && used + 1 < bufsz; i++) {
		/* Room for the closing parenthesis and a cut list's "...". */
		toll_diag_quote(c, sizeof c, cols[i].s, cols[i].len);
		if (used + strlen(c) + 10 >= bufsz) {
			w = snprintf(buf + used, bufsz - used, ", ...");
			used += w < 0 ? 0 : (size_t)w < bufsz - used ? (size_t)w : bufsz - used - 1;
			break;
		}
		w = snprintf(buf + used, bufsz - used, "%s%s", i ? ", " : " (columns: ", c);
		used += w < 0 ? 0 : (size_t)w < bufsz - used ? (size_t)w : bufsz - used - 1;
	}
	if (n > 0 && used + 1 < bufsz)
		snprintf(buf + used, bufsz - used, ")");
}

/* Empties the fields that spell "not stated" (NA, null, ...). */
static void
not_stated(toll_table *t)
{
	size_t i, k, nf = t->nf, na_max = t->na_max;
	toll_field *fs = t->f;
	const unsigned char *first = t->na_first;

	/* Through locals: a store to a field's length could be one to t, for the compiler. */
	for (i = 0; i < nf; i++) {
		toll_field *f = &fs[i];

		if (f->len - 1 >= na_max || !first[(unsigned char)f->s[0]])
			continue;
		for (k = 0; k < t->nna; k++)
			if (t->na_len[k] == f->len && memcmp(t->na[k], f->s, f->len) == 0) {
				f->len = 0;
				break;
			}
	}
}

/* Reads a whole decimal number of rec[*i..len) no larger than max, moving *i past it; -1 if none. */
static long
read_decimal(const char *rec, size_t len, size_t *i, long max)
{
	long v = 0;
	size_t start = *i;

	for (; *i < len && rec[*i] >= '0' && rec[*i] <= '9'; ++*i) {
		if (v > (max - (rec[*i] - '0')) / 10)
			return -1;
		v = v * 10 + (rec[*i] - '0');
	}
	return *i > start && *i - start < 20 ? v : -1;
}

/* The first line of a part of toll split, "#toll split I/K" (rec[0..len) starts "#toll split "). */
static int
split_marker(toll_table *t, const char *rec, size_t len, toll_diag *d)
{
	size_t i = 12;
	long pi = read_decimal(rec, len, &i, TOLL_PART_MAX), pk = -1;

	if (pi >= 1 && i < len && rec[i] == '/') {
		i++;
		pk = read_decimal(rec, len, &i, TOLL_PART_MAX);
	}
	if (pi < 1 || pk < pi || i != len)
		return toll_diag_set(d, TOLL_EDATA, t->name, t->line, 1,
		                     "a part of toll split begins '#toll split I/K', with 1 <= I <= K <= %ld",
		                     (long)TOLL_PART_MAX);
	t->split_i = (unsigned long)pi;
	t->split_k = (unsigned long)pk;
	return TOLL_OK;
}

/*
 * A line "#@LINE" or "#@LINE FILE" of a part of toll split (rec[0..len)):
 * the next line is line LINE of FILE (or of the file named last).
 */
static int
directive(toll_table *t, const char *rec, size_t len, long lines, toll_diag *d)
{
	size_t i = 2, id;
	long line = read_decimal(rec, len, &i, LONG_MAX / 2);
	char name[4097];
	int added;

	if (line < 1 || (i < len && (rec[i] != ' ' || i + 1 == len || len - i - 1 >= sizeof name))) {
		/* Said at the part's own line: the line is none of the file it names. */
		toll_diag_set(d, TOLL_EDATA, t->paths[t->fileno], t->line + t->line_shift, 1,
		              "a line of a part of toll split that begins '#@' is '#@LINE' or "
		              "'#@LINE FILE'");
		t->line += lines;
		return TOLL_EDATA;
	}
	if (i < len) {
		memcpy(name, rec + i + 1, len - i - 1);
		name[len - i - 1] = '\0';
		/* A name with a NUL byte would be cut in messages: said as it reads. */
		if ((t->origins == NULL && (t->origins = toll_strmap_new()) == NULL) ||
		    toll_strmap_intern(t->origins, name, len - i, &id, &added) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		t->name = toll_strmap_key(t->origins, id).s;
		t->vfileno = t->npaths + id;
	}
	t->line_shift += t->line + lines - line;
	t->line = line;
	return TOLL_OK;
}

/* Keeps a copy of the record rec[0..len) about to be split (toll_table_keep_raw()). */
static int
keep_record(toll_table *t, const char *rec, size_t len)
{
	if (len > t->rec_cap) {
		char *p = realloc(t->rec_copy, len);

		if (p == NULL)
			return TOLL_ENOMEM;
		t->rec_copy = p;
		t->rec_cap = len;
	}
	if (len > 0)
		memcpy(t->rec_copy, rec, len);
	t->rec_len = len;
	t->rec_seq++;
	t->rec_line = t->line;
	t->rec_file = t->name;
	return TOLL_OK;
}

void
toll_table_keep_raw(toll_table *t)
{
	t->keep_raw = 1;
}

const char *
toll_table_raw(const toll_table *t, size_t *len, const char **file, long *line)
{
	*len = t->rec_len;
	*file = t->rec_file;
	*line = t->rec_line;
	return t->rec_copy != NULL ? t->rec_copy : "";
}

const char *
toll_table_reading(const toll_table *t)
{
	return t->paths[t->fileno];
}

unsigned long
toll_table_records(const toll_table *t)
{
	return t->rec_seq;
}

int
toll_table_reading_rows(const toll_table *t)
{
	return t->open && t->have_header;
}

int
toll_table_split_part(const toll_table *t, unsigned long *i, unsigned long *k)
{
	*i = t->split_i;
	*k = t->split_k;
	return t->split_k > 0;
}

const char *
toll_table_file_name(const toll_table *t, size_t fileno)
{
	if (fileno < t->npaths)
		return t->paths[fileno];
	if (t->origins != NULL && fileno - t->npaths < toll_strmap_count(t->origins))
		return toll_strmap_key(t->origins, fileno - t->npaths).s;
	return t->paths[t->npaths - 1];
}

/*
 * One function (205 lines): the reader's states (a new file, its header, a
 * record, the threaded reader, the end) in one loop, so that every path hands
 * out one row or one problem.
 */
int
toll_table_next(toll_table *t, toll_row *row, toll_diag *d)
{
	for (;;) {
		size_t len, hlen, next, bad;
		char *rec;
		long lines;
		int r, first, nul = 0;

		if (t->pending) {
			/* No header line: the record read with the header is the first row. */
			t->pending = 0;
			row->line = t->f[0].line;
			len = t->pending_len;
			goto data;
		}
		if (!t->open) {
			if (t->next_file >= t->npaths)
				return TOLL_END;
			if ((r = open_next(t, d)) != TOLL_OK)
				return r;
			if ((r = sniff_json(t, d)) != TOLL_OK) {
				toll_table_close_file(t);
				return r;
			}
		}
		t->slot = NULL;
		if (t->json) {
			long line;

			r = t->dl.json->fields(t, &line, d);
			if (r == TOLL_END) {
				toll_table_close_file(t);
				continue;
			}
			if (r != TOLL_OK) {
				toll_table_close_file(t);
				return r;
			}
			row->file = t->name;
			row->fileno = t->vfileno;
			row->line = line;
			len = 0;
			goto record;
		}
		/* After the header, a large regular TSV file may be read in chunks, in threads. */
		/* (Without the memory for it, in order: as with one thread.) */
		if (t->threads > 1 && t->have_header && !t->csv && !t->json && !t->par_tried && t->split_k == 0)
			toll_par_start(t);
		if (t->par != NULL) {
			if ((r = toll_par_next(t, row, d)) == TOLL_PAR_SERIAL)
				continue;
			return r;
		}
		rec = t->buf + t->pos;
		/*
		 * TSV: the end of the record and its fields in one pass, when
		 * the record is whole in the buffer (not at the start of a
		 * file, which may begin with a byte-order mark).
		 */
		if (!t->csv && !t->at_start && t->pos < t->end && !t->keep_raw) {
			size_t end;

			lines = 1;
			r = split_tsv(t, rec, t->end - t->pos, 0, &end, &len, &bad, &nul);
			if (r == TOLL_OK && end < t->end - t->pos) {
				t->pos += end + 1;
				if (len == 0 || rec[0] == '#') {
					if (len > 1 && rec[1] == '@' && t->split_k > 0)
						r = directive(t, rec, len, lines, d);
					else
						t->line += lines;
					if (r != TOLL_OK)
						return r;
					continue;  /* a blank line or a comment */
				}
				goto split;
			}
			if (r != TOLL_OK)
				goto split;
		}
		r = find_record(t, &len, &next, d);
		if (r == TOLL_END) {
			long line = t->line;

			toll_table_close_file(t);
			if (!t->have_header)
				return toll_diag_set(d, TOLL_EDATA, t->name, line, 1, "no header line");
			continue;
		}
		if (r != TOLL_OK) {
			toll_table_close_file(t);
			return r;
		}
		rec = t->buf + t->pos;
		lines = !t->last_unterminated + t->scan_lines;
		t->last_unterminated = 0;
		first = t->at_start;
		if (t->at_start) {
			t->at_start = 0;
			if (len >= 3 && memcmp(rec, "\xef\xbb\xbf", 3) == 0) {
				rec += 3;
				len -= 3;
			}
		}
		t->pos = next;
		t->scanned = 0;
		t->scan_state = CSV_FIELD_START;
		t->scan_lines = 0;
		/* A part's own lines (toll split), read without a CR before their newline; data keeps its own. */
		hlen = len > 0 && rec[len - 1] == '\r' ? len - 1 : len;
		if (first && hlen >= 12 && memcmp(rec, "#toll split ", 12) == 0) {
			if ((r = split_marker(t, rec, hlen, d)) != TOLL_OK) {
				toll_table_close_file(t);
				return r;
			}
			t->line += lines;
			continue;
		}
		if (t->split_k > 0 && hlen > 1 && rec[0] == '#' && rec[1] == '@') {
			if ((r = directive(t, rec, hlen, lines, d)) != TOLL_OK)
				return r;
			continue;
		}
		if (t->keep_raw && (r = keep_record(t, rec, len)) != TOLL_OK)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		/* Text is checked on the raw bytes: decoding moves them. */
		if (t->csv) {
			if (len > 0 && rec[len - 1] == '\r')
				len--;
			if (len == 0) {
				t->line += lines;
				continue;  /* a blank line */
			}
			bad = toll_utf8_check(rec, len, &nul);
			r = split_csv(t, rec, len, d);
		} else {
			size_t end;

			/* rec[0..len) holds no newline: split_tsv() takes all of it. */
			r = split_tsv(t, rec, len, 1, &end, &len, &bad, &nul);
			if (r == TOLL_OK && (len == 0 || rec[0] == '#')) {
				t->line += lines;
				continue;  /* a blank line or a comment */
			}
		}
split:
		if (r == TOLL_ENOMEM) {
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		} else if (r != TOLL_OK) {
			t->line += lines;
			if (!t->have_header)
				toll_table_close_file(t);
			return r;
		}
		if (bad < len) {
			r = text_error(t, bad, nul, d);
			t->line += lines;
			if (!t->have_header)
				toll_table_close_file(t);
			return r;
		}
		row->file = t->name;
		row->fileno = t->vfileno;
		row->line = t->line;
		t->line += lines;
record:
		if (!t->have_header) {
			r = t->cols == NULL ? first_header(t, d) : later_header(t, d);
			if (r != TOLL_OK) {
				toll_table_close_file(t);
				return r;
			}
			t->have_header = 1;
			row->f = t->f;
			row->n = t->nf;
			if (t->dl.no_header || t->dl.names != NULL) {
				/* The names are given: handed out in the columns' order. */
				row->f = t->cols;
				row->n = t->ncols;
				t->pending = t->dl.no_header;
				t->pending_len = len;
			} else if (t->index_unnamed && t->nf > 0 && t->f[0].len == 0) {
				t->f[0] = t->cols[0];
			}
			return TOLL_HEADER;
		}
data:
		row->file = t->name;
		row->fileno = t->vfileno;
		if (t->nf != t->hdr_nf) {
			/* Point at the first extra field, or just past the last one. */
			const toll_field *at = t->nf > t->hdr_nf ? &t->f[t->hdr_nf] : &t->f[t->nf - 1];
			long col = t->nf > t->hdr_nf ? at->col : at->col + (long)(len - raw_offset(t, t->nf - 1));

			return toll_diag_set(d, TOLL_EDATA, t->name, at->line, col,
			                     "expected %zu fields, found %zu", t->hdr_nf, t->nf);
		}
		if (t->nna > 0)
			not_stated(t);
		if (t->fileno == t->cols_fileno) {
			row->f = t->f;
			row->n = t->nf;
		} else {
			size_t i;

			/* (A chunk reader's fields grow with the file's: the first file's may be more.) */
			while (t->fcap < t->ncols)
				if (toll_table_grow_fields(t) != TOLL_OK)
					return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
			/*
			 * A column this file lacks: empty, at the record's start (a
			 * field of the record's own text, as the threaded reader
			 * keeps fields by their offset in it).
			 */
			for (i = 0; i < t->nmissing; i++) {
				toll_field *e = &t->out[t->missing[i]];

				*e = t->f[0];
				e->len = 0;
			}
			for (i = 0; i < t->nf; i++)
				if (t->map[i] != SIZE_MAX)
					t->out[t->map[i]] = t->f[i];
			row->f = t->out;
			row->n = t->ncols;
		}
		return TOLL_OK;
	}
}
