/*
 * lull chart diary|trends: SVG charts of the journal (src/render/svg.c
 * draws them; this file loads, computes and writes).
 * SPDX-License-Identifier: ISC
 */
#include <stdio.h>

#include "cli_int.h"

int
cmd_chart(struct cli *cli)
{
	(void)cli;
	return cli_errx(EXIT_USAGE, "chart: not yet");
}
