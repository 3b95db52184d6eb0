/*
 * libFuzzer target: the babybuddy parser (src/io/import_babybuddy.c) and the
 * import rules after it.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(&imp_fmt_babybuddy, "fuzz.csv", NULL, data, size);
}
