/*
 * Fuzzes the figure extractor on any bytes: every figure's sentence lies
 * within the text and holds its number's place, every figure is one the
 * figure reader accepts (low <= best <= high), and nothing is read out of
 * bounds (the sanitizers watch).
 */
#include "fuzz.h"
#include "toll/extract.h"
#include "toll/report.h"

static const char *base_text;
static size_t base_len;

static void
found(void *ctx, const toll_extracted *x)
{
	(void)ctx;
	if (x->quote < base_text || x->quote + x->quote_len > base_text + base_len ||
	    x->offset != (size_t)(x->quote - base_text) + 7)
		abort();
	if (x->fig.low > x->fig.best || (!x->fig.open && x->fig.best > x->fig.high))
		abort();
	if (x->category < 0 || x->category >= TOLL_NCATEGORIES || strlen(x->explain) == 0)
		abort();
}

static void
rejected(void *ctx, const toll_rejected *r)
{
	(void)ctx;
	if (r->number < base_text || r->number + r->number_len > base_text + base_len ||
	    r->why == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_string(data, size);

	if (text == NULL)
		return 0;
	base_text = text;
	base_len = size;
	if (toll_extract(text, size, 7, found, rejected, NULL) != TOLL_OK)
		abort();
	free(text);
	return 0;
}
