/* utf8.c: UTF-8 validation with a fast path for ASCII text. */
#include <stdint.h>
#include <string.h>

#include "toll/utf8.h"

size_t
toll_utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c;
	size_t n, i;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4;
	else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if (c == 0xe0 && s[1] < 0xa0)
		return 0;
	if (c == 0xed && s[1] > 0x9f)
		return 0;
	if (c == 0xf0 && s[1] < 0x90)
		return 0;
	if (c == 0xf4 && s[1] > 0x8f)
		return 0;
	return n;
}

/* True when the 8 bytes of w hold a zero byte or one with the high bit set. */
static int
word_needs_look(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;

	return (((w - ones) & ~w) | w) & highs ? 1 : 0;
}

size_t
toll_utf8_check(const char *s, size_t len, int *nul)
{
	size_t i = 0;

	*nul = 0;
	while (i < len) {
		if (i + 8 <= len) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (!word_needs_look(w)) {
				i += 8;
				continue;
			}
		}
		if (s[i] == '\0') {
			*nul = 1;
			return i;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		{
			size_t n = toll_utf8_valid_prefix(s + i, len - i);

			if (n == 0)
				return i;
			i += n;
		}
	}
	return len;
}
