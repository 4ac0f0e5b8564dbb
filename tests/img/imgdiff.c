/*
 * imgdiff: compares two PNG images as cairo's test suite does: the same size,
 * then pixel by pixel, each colour channel within a tolerance.
 *   imgdiff REFERENCE OUTPUT DIFF [TOLERANCE]
 * Exit 0 when they match, 1 when they differ (DIFF is then written: the
 * reference faded, differing pixels in red), 2 when an image cannot be read.
 *   imgdiff --count IMAGE X0 Y0 X1 Y1 RRGGBB [TOLERANCE]
 *   imgdiff --overlaps BOXES     texts of toll-plot --boxes that overlap
 * prints how many pixels of the rectangle [X0, X1) x [Y0, Y1) have the
 * colour RRGGBB (each channel within the tolerance, default 8): the tests
 * of where a colour, a mark or a label must be.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

static cairo_surface_t *
load(const char *path)
{
	cairo_surface_t *s = cairo_image_surface_create_from_png(path);
	cairo_surface_t *img;
	cairo_t *cr;

	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "imgdiff: cannot read '%s': %s\n", path,
		        cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	/* Compared as ARGB32 whatever the PNG's own format. */
	img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width(s),
	                                 cairo_image_surface_get_height(s));
	cr = cairo_create(img);
	cairo_set_source_surface(cr, s, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	cairo_surface_flush(img);
	return img;
}

static int
count(int argc, char **argv)
{
	cairo_surface_t *img;
	int x0, y0, x1, y1, x, y, tol = 8, w, h, stride;
	unsigned long rgb;
	long n = 0;
	const unsigned char *data;

	if (argc < 8 || argc > 9) {
		fprintf(stderr, "usage: imgdiff --count IMAGE X0 Y0 X1 Y1 RRGGBB [TOLERANCE]\n");
		return 2;
	}
	x0 = atoi(argv[3]), y0 = atoi(argv[4]), x1 = atoi(argv[5]), y1 = atoi(argv[6]);
	rgb = strtoul(argv[7], NULL, 16);
	if (argc == 9)
		tol = atoi(argv[8]);
	if ((img = load(argv[2])) == NULL)
		return 2;
	w = cairo_image_surface_get_width(img);
	h = cairo_image_surface_get_height(img);
	stride = cairo_image_surface_get_stride(img);
	data = cairo_image_surface_get_data(img);
	for (y = y0 < 0 ? 0 : y0; y < y1 && y < h; y++)
		for (x = x0 < 0 ? 0 : x0; x < x1 && x < w; x++) {
			unsigned long p = *(const unsigned int *)(const void *)(data + (size_t)y * (size_t)stride + 4 * (size_t)x);
			long dr = (long)((p >> 16) & 255) - (long)((rgb >> 16) & 255);
			long dg = (long)((p >> 8) & 255) - (long)((rgb >> 8) & 255);
			long db = (long)(p & 255) - (long)(rgb & 255);
			if (labs(dr) <= tol && labs(dg) <= tol && labs(db) <= tol)
				n++;
		}
	printf("%ld\n", n);
	cairo_surface_destroy(img);
	return 0;
}

/*
 * --overlaps BOXES: the texts (and shapes) of toll-plot --boxes that overlap, each pair
 * a line; exit 1 when there is one.  Boxes are convex quadrilaterals
 * (turned labels are not upright): two overlap when no edge's normal
 * separates them by more than a quarter of a unit.
 */
struct quad { double q[4][2]; char role[16]; char text[200]; };

static int
separated(const struct quad *a, const struct quad *b)
{
	const struct quad *s[2] = { a, b };
	int i, e, k;

	for (i = 0; i < 2; i++)
		for (e = 0; e < 4; e++) {
			double nx = s[i]->q[(e + 1) % 4][1] - s[i]->q[e][1], ny = s[i]->q[e][0] - s[i]->q[(e + 1) % 4][0];
			double amin = 1e300, amax = -1e300, bmin = 1e300, bmax = -1e300, len = sqrt(nx * nx + ny * ny);

			if (len == 0)
				continue;
			for (k = 0; k < 4; k++) {
				double pa = (a->q[k][0] * nx + a->q[k][1] * ny) / len, pb = (b->q[k][0] * nx + b->q[k][1] * ny) / len;
				amin = pa < amin ? pa : amin, amax = pa > amax ? pa : amax;
				bmin = pb < bmin ? pb : bmin, bmax = pb > bmax ? pb : bmax;
			}
			if (amax <= bmin + 0.25 || bmax <= amin + 0.25)
				return 1;
		}
	return 0;
}

static int
overlaps(const char *path)
{
	FILE *f = fopen(path, "r");
	struct quad *v = NULL;
	size_t n = 0, cap = 0, i, j, bad = 0;
	char line[1024];

	if (f == NULL) {
		fprintf(stderr, "imgdiff: cannot read '%s'\n", path);
		return 2;
	}
	while (fgets(line, sizeof line, f)) {
		struct quad qd;
		char *tab1 = strchr(line, '\t'), *tab2;

		if (tab1 == NULL || strncmp(line, "role\t", 5) == 0 || strncmp(line, "dropped\t", 8) == 0)
			continue;
		if ((tab2 = strchr(tab1 + 1, '\t')) == NULL)
			continue;
		snprintf(qd.role, sizeof qd.role, "%.*s", (int)(tab1 - line), line);
		snprintf(qd.text, sizeof qd.text, "%.*s", (int)(tab2 - tab1 - 1), tab1 + 1);
		if (sscanf(tab2 + 1, "%lf %lf %lf %lf %lf %lf %lf %lf", &qd.q[0][0], &qd.q[0][1], &qd.q[1][0],
		           &qd.q[1][1], &qd.q[2][0], &qd.q[2][1], &qd.q[3][0], &qd.q[3][1]) != 8)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((v = realloc(v, cap * sizeof *v)) == NULL)
				return 2;
		}
		v[n++] = qd;
	}
	fclose(f);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			/* Shapes of the data (dots, diamonds) may touch each other; no text may touch either. */
			if (strcmp(v[i].role, "shape") == 0 && strcmp(v[j].role, "shape") == 0)
				continue;
			if (!separated(&v[i], &v[j])) {
				printf("%s '%s' overlaps %s '%s'\n", v[i].role, v[i].text, v[j].role, v[j].text);
				bad++;
			}
		}
	free(v);
	if (n == 0) {
		fprintf(stderr, "imgdiff: no boxes in '%s'\n", path);
		return 2;
	}
	return bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	cairo_surface_t *a, *b, *d;
	int w, h, x, y, tol = 8, status;
	long bad = 0, maxdiff = 0;

	if (argc > 1 && strcmp(argv[1], "--count") == 0)
		return count(argc, argv);
	if (argc == 3 && strcmp(argv[1], "--overlaps") == 0)
		return overlaps(argv[2]);
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: imgdiff REFERENCE OUTPUT DIFF [TOLERANCE]\n");
		return 2;
	}
	if (argc == 5)
		tol = atoi(argv[4]);
	if ((a = load(argv[1])) == NULL || (b = load(argv[2])) == NULL)
		return 2;
	w = cairo_image_surface_get_width(a);
	h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b)) {
		printf("imgdiff: sizes differ: %dx%d and %dx%d\n", w, h, cairo_image_surface_get_width(b),
		       cairo_image_surface_get_height(b));
		return 1;
	}
	d = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	for (y = 0; y < h; y++) {
		const unsigned char *pa = cairo_image_surface_get_data(a) + y * cairo_image_surface_get_stride(a);
		const unsigned char *pb = cairo_image_surface_get_data(b) + y * cairo_image_surface_get_stride(b);
		unsigned char *pd = cairo_image_surface_get_data(d) + y * cairo_image_surface_get_stride(d);

		for (x = 0; x < w * 4; x += 4) {
			int k, worst = 0;

			for (k = 0; k < 4; k++) {
				int diff = abs(pa[x + k] - pb[x + k]);
				worst = diff > worst ? diff : worst;
			}
			if (worst > maxdiff)
				maxdiff = worst;
			if (worst > tol) {
				bad++;
				pd[x + 0] = 0, pd[x + 1] = 0, pd[x + 2] = 255, pd[x + 3] = 255;
			} else {
				/* The reference, faded, for where the differences are. */
				int g = 255 - (255 - (pa[x] + pa[x + 1] + pa[x + 2]) / 3) / 4;
				pd[x + 0] = pd[x + 1] = pd[x + 2] = (unsigned char)g, pd[x + 3] = 255;
			}
		}
	}
	cairo_surface_mark_dirty(d);
	status = 0;
	if (bad > 0) {
		printf("imgdiff: %ld pixels differ by more than %d (at most %ld)\n", bad, tol, maxdiff);
		if (cairo_surface_write_to_png(d, argv[3]) != CAIRO_STATUS_SUCCESS)
			fprintf(stderr, "imgdiff: cannot write '%s'\n", argv[3]);
		status = 1;
	}
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	cairo_surface_destroy(d);
	return status;
}
