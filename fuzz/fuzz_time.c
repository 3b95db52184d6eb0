/*
 * libFuzzer target: dates, times, durations and amounts as apps write
 * them (src/io/import_time.c), and the day-first/month-first evidence.
 * SPDX-License-Identifier: ISC
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "io/import_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct imp_dates ev;
	struct imp_time t;
	struct imp_dt dt;
	const char *why;
	char buf[256];
	int64_t sec;
	int32_t ml;
	int o;

	if (size >= sizeof(buf))
		size = sizeof(buf) - 1;
	memcpy(buf, data, size);
	buf[size] = '\0';
	memset(&ev, 0, sizeof(ev));
	if (imp_dt_scan(buf, &dt, &why) == 0) {
		imp_dates_add(&ev, &dt, 1, 1, buf);
		imp_dates_add(&ev, &dt, 2, 1, buf);
		for (o = LULL_DATES_AUTO; o <= LULL_DATES_YMD; o++)
			(void)imp_dt_time(&dt, (enum lull_date_order)o, &t,
			    &why);
	}
	(void)imp_dur_parse(buf, 60, &sec);
	(void)imp_dur_parse(buf, 0, &sec);
	(void)imp_amount_ml(buf, 29.5735, &ml);
	(void)imp_amount_ml(buf, 0, &ml);
	return 0;
}
