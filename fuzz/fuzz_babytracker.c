/*
 * libFuzzer target: the babytracker parser (src/io/import_babytracker.c) and
 * the import rules after it.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(&imp_fmt_babytracker, "fuzz.csv", NULL, data, size);
}
