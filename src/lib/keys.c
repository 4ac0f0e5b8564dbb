/* keys.c: grouping keys; see keys.h.  Date bins are date.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "toll/date.h"
#include "toll/keys.h"

int
toll_keys_parse(toll_keys *keys, const char *spec, toll_diag *d)
{
	const char *p = spec;

	if (*spec == '\0')
		return TOLL_OK;
	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		toll_key *nk, *k;

		if (len == 0)
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "empty column name in key list "
			                     "'%s'", spec);
		nk = realloc(keys->k, (keys->n + 1) * sizeof *nk);
		if (nk == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		keys->k = nk;
		k = &keys->k[keys->n];
		memset(k, 0, sizeof *k);
		k->col = -1;
		if ((k->spec = strndup(p, len)) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		keys->n++;
		if (end == NULL)
			return TOLL_OK;
		p = end + 1;
	}
}

int
toll_keys_resolve(toll_keys *keys, const toll_field *cols, size_t n, toll_diag *d)
{
	size_t i, j;

	for (i = 0; i < keys->n; i++) {
		toll_key *k = &keys->k[i];
		const char *colon = strrchr(k->spec, ':');
		size_t len = strlen(k->spec);

		free(k->name);
		k->bin = TOLL_BIN_NONE;
		k->col = toll_column_find(cols, n, k->spec, len);
		if (k->col < 0 && colon != NULL) {
			size_t nlen = (size_t)(colon - k->spec);

			k->bin = toll_bin_parse(colon + 1, len - nlen - 1);
			if (k->bin == TOLL_BIN_NONE)
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "unknown date unit '%s' in key "
				                     "'%s' (expected day, week, month, quarter or year)",
				                     colon + 1, k->spec);
			k->col = toll_column_find(cols, n, k->spec, nlen);
			len = nlen;
		}
		if (k->col < 0) {
			char where[TOLL_DIAG_MSG / 4], msg[TOLL_DIAG_MSG];

			snprintf(where, sizeof where, " in key '%s'", k->spec);
			toll_column_problem(cols, n, "unknown column", k->spec, len,
			                    k->bin == TOLL_BIN_NONE ? NULL : where, msg, sizeof msg);
			return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "%s", msg);
		}
		if ((k->name = strndup(k->spec, len)) == NULL)
			return toll_diag_set(d, TOLL_ENOMEM, NULL, 0, 0, "out of memory");
		for (j = 0; j < i; j++)
			if (keys->k[j].col == k->col && keys->k[j].bin == k->bin)
				return toll_diag_set(d, TOLL_EUSAGE, NULL, 0, 0, "key '%s' is given twice",
				                     k->spec);
	}
	return TOLL_OK;
}

void
toll_keys_free(toll_keys *keys)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		free(keys->k[i].spec);
		free(keys->k[i].name);
	}
	free(keys->k);
	keys->k = NULL;
	keys->n = 0;
}

int
toll_key_value(const toll_key *k, const toll_field *f, const char *file,
               char buf[TOLL_BIN_LABEL], const char **val, size_t *len, toll_diag *d)
{
	toll_time t;

	if (k->bin == TOLL_BIN_NONE || f->len == 0) {
		*val = f->s;
		*len = f->len;
		return TOLL_OK;
	}
	if (toll_date_parse(f->s, f->len, &t) != 0) {
		char q[64];

		toll_diag_quote(q, sizeof q, f->s, f->len);
		return toll_diag_set(d, TOLL_EDATA, file, f->line, f->col,
		                     "invalid date '%s' in column '%s', grouped by %s", q, k->name,
		                     k->spec);
	}
	*len = toll_bin_label(k->bin, t.t, buf);
	*val = buf;
	return TOLL_OK;
}

void
toll_keys_write_header(const toll_keys *keys, toll_out *o)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		toll_out_str(o, keys->k[i].spec);
		toll_out_tab(o);
	}
}

void
toll_keys_write_values(const toll_keys *keys, const char *values, toll_out *o)
{
	size_t i;

	for (i = 0; i < keys->n; i++) {
		size_t n = strlen(values);

		toll_out_field(o, values, n);
		toll_out_tab(o);
		values += n + 1;
	}
}
