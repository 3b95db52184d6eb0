/*
 * Runs a table of test cases.  A case fails when any of its checks
 * fails; the summary line is what tests/run.sh reads.
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>

#include "t.h"

int t_failed_checks;

int
t_run(const struct t_case *cases, size_t n)
{
	size_t i, passed = 0, failed = 0;

	for (i = 0; i < n; i++) {
		int before = t_failed_checks;

		cases[i].fn();
		if (t_failed_checks == before) {
			passed++;
			printf("ok %zu - %s\n", i + 1, cases[i].name);
		} else {
			failed++;
			printf("not ok %zu - %s\n", i + 1, cases[i].name);
		}
	}
	printf("%zu passed, %zu failed\n", passed, failed);
	return failed ? 1 : 0;
}
