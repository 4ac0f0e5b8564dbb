/* diag.c: filling diagnostics and quoting untrusted bytes for messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "toll/diag.h"
#include "toll/utf8.h"

int
toll_diag_set(toll_diag *d, int code, const char *file, long line, long col,
              const char *fmt, ...)
{
	va_list ap;

	if (d == NULL)
		return code;
	d->file = file;
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof d->msg, fmt, ap);
	va_end(ap);
	return code;
}

void
toll_diag_quote(char *out, size_t outsz, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const size_t shown = 48;
	size_t i = 0, o = 0, last = 0;
	int zwj = 0;

	if (outsz == 0)
		return;
	/* Past shown bytes, only what belongs to the last character (its accents). */
	while (i < len && (i < shown || toll_utf8_extends(s + i, len - i, zwj))) {
		unsigned char c = (unsigned char)s[i];
		size_t n = 1;

		if (c >= 0x80)
			n = toll_utf8_valid_prefix(s + i, len - i);
		if (c >= 0x20 && c != 0x7f && n > 0) {
			if (o + n >= outsz) {
				if (toll_utf8_extends(s + i, len - i, zwj))
					o = last;   /* the whole character, or none of it */
				break;
			}
			if (!toll_utf8_extends(s + i, len - i, zwj))
				last = o;
			zwj = toll_utf8_is_zwj(s + i, len - i);
			memcpy(out + o, s + i, n);
			o += n;
			i += n;
		} else {
			if (o + 4 >= outsz)
				break;
			last = o;
			zwj = 0;
			out[o++] = '\\';
			out[o++] = 'x';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
			i++;
		}
	}
	if (i < len && o + 3 < outsz) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

size_t
toll_list_add(char *buf, size_t sz, size_t len, const char *item, size_t k, size_t n,
              const char *conj)
{
	if (len >= sz)
		return len;   /* cut already */
	return len + (size_t)snprintf(buf + len, sz - len, "%s%s",
	                              k == 0 ? "" : k + 1 == n ? conj : ", ", item);
}
