/* suites.h: the Check suites of the unit tests, one per library module. */
#ifndef TOLL_TEST_SUITES_H
#define TOLL_TEST_SUITES_H

#include <check.h>
#include <stddef.h>

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

/* Writes bytes to a new temporary file; returns its path (static buffer, one at a time). */
const char *unit_tmpfile(const char *bytes, size_t n, const char *suffix);

#endif
