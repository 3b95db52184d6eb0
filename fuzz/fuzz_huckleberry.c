/*
 * libFuzzer target: the huckleberry parser (src/io/import_huckleberry.c) and
 * the import rules after it.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(&imp_fmt_huckleberry, "fuzz.csv", NULL, data, size);
}
