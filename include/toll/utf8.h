/* utf8.h: UTF-8 validation (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). */
#ifndef TOLL_UTF8_H
#define TOLL_UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 character that starts s (1..4), 0 if invalid or cut off. */
size_t toll_utf8_valid_prefix(const char *s, size_t len);

/*
 * Checks s[0..len) for text: valid UTF-8 without NUL bytes.  Returns len
 * when it is, else the offset of the first bad byte and sets *nul to 1 when
 * that byte is a NUL.
 */
size_t toll_utf8_check(const char *s, size_t len, int *nul);

/*
 * Whether the character at str (len bytes) belongs to the character before
 * it, as a reader counts characters: a combining mark, a joiner, a
 * variation selector, a skin tone, a tag; or anything after a zero-width
 * joiner (after_zwj).  The common cases of Unicode's grapheme clusters,
 * for cutting a quoted value in a message without splitting a letter from
 * its accent; the charts use pango's full rules.
 */
int toll_utf8_extends(const char *str, size_t len, int after_zwj);
/* Whether str starts with U+200D ZERO WIDTH JOINER. */
int toll_utf8_is_zwj(const char *str, size_t len);

#endif
