/*
 * libFuzzer target: the generic CSV parser with a column mapping
 * (src/io/import_generic.c) and the import rules after it.
 * SPDX-License-Identifier: ISC
 */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_import(&imp_fmt_generic, "fuzz.csv",
	    "start=start,end=end,duration=minutes,type=type,kind=kind,"
	    "note=note,child=child,ml=ml,side=side",
	    data, size);
}
