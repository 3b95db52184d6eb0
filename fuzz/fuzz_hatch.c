/*
 * libFuzzer target: the hatch parser (src/io/import_hatch.c) and the
 * import rules after it.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(&imp_fmt_hatch, "fuzz.csv", NULL, data, size);
}
