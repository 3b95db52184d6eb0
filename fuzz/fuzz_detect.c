/*
 * libFuzzer target: format detection and zips (src/io/import.c): any
 * bytes, as "lull import FILE" would read them.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(NULL, "fuzz", NULL, data, size);
}
