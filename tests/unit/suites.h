/* suites.h: the Check suites of the unit tests, one per library module. */
#ifndef TOLL_TEST_SUITES_H
#define TOLL_TEST_SUITES_H

#include <check.h>
#include <stddef.h>

#include "toll/out.h"
#include "toll/table.h"

Suite *date_suite(void);
Suite *figure_suite(void);
Suite *table_suite(void);
Suite *misc_suite(void);
Suite *nest_suite(void);
Suite *keys_suite(void);
Suite *stats_suite(void);
Suite *ticks_suite(void);
Suite *extract_suite(void);
Suite *chart_suite(void);
Suite *import_suite(void);
Suite *results_suite(void);

/*
 * A toll_out on a new temporary file, and what was written to it once
 * committed (the file removed; a static buffer, one at a time).
 */
toll_out *unit_out_open(void);
const char *unit_out_text(toll_out *o);

/* Writes bytes to a new temporary file; returns its path (static buffer, one at a time). */
const char *unit_tmpfile(const char *bytes, size_t n, const char *suffix);

#endif
