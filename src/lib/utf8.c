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

/* The code point of the valid UTF-8 character of n bytes at s. */
static uint32_t
code_point(const unsigned char *s, size_t n)
{
	static const unsigned char lead[5] = { 0, 0x7f, 0x1f, 0x0f, 0x07 };
	uint32_t c = s[0] & lead[n];
	size_t i;

	for (i = 1; i < n; i++)
		c = c << 6 | (s[i] & 0x3f);
	return c;
}

int
toll_utf8_extends(const char *str, size_t len, int after_zwj)
{
	size_t n = toll_utf8_valid_prefix(str, len);
	uint32_t c;

	if (n < 2)
		return 0;
	if (after_zwj)
		return 1;
	c = code_point((const unsigned char *)str, n);
	return (c >= 0x300 && c <= 0x36f) ||      /* combining diacritical marks */
	       (c >= 0x483 && c <= 0x489) ||      /* Cyrillic */
	       (c >= 0x591 && c <= 0x5bd) ||      /* Hebrew points */
	       (c >= 0x610 && c <= 0x61a) || (c >= 0x64b && c <= 0x65f) || c == 0x670 ||   /* Arabic */
	       (c >= 0x900 && c <= 0x903) || (c >= 0x93a && c <= 0x94f) ||   /* Devanagari signs */
	       (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
	       c == 0x200c || c == 0x200d ||        /* joiners */
	       (c >= 0x20d0 && c <= 0x20ff) ||      /* marks for symbols */
	       (c >= 0xfe00 && c <= 0xfe0f) ||      /* variation selectors */
	       (c >= 0xfe20 && c <= 0xfe2f) ||
	       (c >= 0x1f3fb && c <= 0x1f3ff) ||    /* skin tones */
	       (c >= 0xe0020 && c <= 0xe007f) ||    /* tags (flags of regions) */
	       (c >= 0xe0100 && c <= 0xe01ef);      /* more variation selectors */
}

int
toll_utf8_is_zwj(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xe2\x80\x8d", 3) == 0;
}
