/*
 * import.c: a C user importing an export as toll-import does, against an
 * installed libtoll (tests/install/run.sh compiles it with pkg-config).
 * Usage: import FILE: the daily losses of tests/data/losses.json, as
 * claims of one event; problems printed by the program's own callback.
 */
#include <stdio.h>
#include <unistd.h>

#include <toll/import.h>

static int
say(void *ctx, const toll_diag *d, int code)
{
	long *problems = ctx;

	fprintf(stderr, "import: %s:%ld: %s%s\n", d->file ? d->file : "-", d->line,
	        code == TOLL_OK ? "warning: " : "", d->msg);
	*problems += code != TOLL_OK;
	return 1;
}

int
main(int argc, char **argv)
{
	toll_dialect dl = TOLL_DIALECT_INIT;
	toll_import *im;
	toll_out *out;
	toll_diag d;
	char line[256];
	long problems = 0;
	int code;

	if (argc != 2 || (im = toll_import_new(say, &problems)) == NULL)
		return 2;
	if (toll_import_option(im, TOLL_IMPORT_SET, "event=invasion,side=Russia,category=killed", &d) ||
	    toll_import_option(im, TOLL_IMPORT_MAP, "reported=date,source=source.name", &d) ||
	    toll_import_option(im, TOLL_IMPORT_MAP, "best=personnel,qualifier=personnel*", &d) ||
	    toll_import_option(im, TOLL_IMPORT_KEEP, "", &d) ||
	    toll_import_set_format(im, "table", &d)) {
		fprintf(stderr, "import: %s\n", d.msg);
		return 2;
	}
	if ((out = toll_out_new(STDOUT_FILENO, 0)) == NULL)
		return 2;
	code = toll_import_run(im, argv + 1, 1, &dl, out);
	if (toll_out_commit(out, "standard output", &d) != TOLL_OK)
		code = TOLL_EIO;
	toll_import_summary(im, line, sizeof line);
	fprintf(stderr, "%s (%ld problems)\n", line, problems);
	toll_out_free(out);
	toll_import_free(im);
	return code == TOLL_OK ? 0 : 1;
}
