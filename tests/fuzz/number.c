/*
 * Fuzzes the writing of numbers (toll_out_double, what toll-stats and
 * toll-agg print): eight bytes as a double, and the input as text read by
 * the number reader.  Whatever the value: no exponent, no "-0", read back
 * within 15 significant digits, whole numbers to 2^53 exactly, nothing for
 * a value that is not finite.
 */
#include "fuzz.h"

#include <math.h>

#include "toll/figure.h"
#include "toll/out.h"

/* v as toll_out_double() writes it, into buf (NUL-terminated); its length. */
static size_t
written(double v, char *buf, size_t bufsz)
{
	int fd = memfd_create("out", 0);
	toll_out *o;
	toll_diag d;
	ssize_t n;

	if (fd < 0 || (o = toll_out_new(fd, 0)) == NULL)
		abort();
	toll_out_double(o, v);
	if (toll_out_commit(o, "out", &d) != TOLL_OK)
		abort();
	toll_out_free(o);
	if (lseek(fd, 0, SEEK_SET) != 0 || (n = read(fd, buf, bufsz - 1)) < 0)
		abort();
	close(fd);
	buf[n] = '\0';
	return (size_t)n;
}

static void
check(double v)
{
	char buf[512];
	size_t n = written(v, buf, sizeof buf);
	double w;

	if (!isfinite(v)) {
		if (n != 0)
			abort();
		return;
	}
	if (n == 0 || strchr(buf, 'e') != NULL || strchr(buf, 'E') != NULL || strcmp(buf, "-0") == 0)
		abort();
	if (toll_decimal_parse(buf, n, &w) != TOLL_FIG_OK)
		abort();
	if (v == floor(v) && fabs(v) <= 9007199254740992.0) {
		if (w != v)
			abort();   /* whole numbers exactly */
	} else if (fabs(w - v) > 1e-14 * fabs(v)) {
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	double v;

	if (size >= sizeof v) {
		memcpy(&v, data, sizeof v);
		check(v);
	}
	if (toll_decimal_parse((const char *)data, size, &v) == TOLL_FIG_OK)
		check(v);
	return 0;
}
