/*
 * A small test harness: a table of cases, checks that report file and
 * line, and a last line "N passed, N failed" that tests/run.sh adds up.
 * SPDX-License-Identifier: ISC
 */
#ifndef T_H
#define T_H

#include <stdio.h>
#include <string.h>

extern int t_failed_checks;

#define T_CHECK(c)                                                          \
	do {                                                                \
		if (!(c)) {                                                 \
			fprintf(stderr, "%s:%d: check failed: %s\n",        \
			    __FILE__, __LINE__, #c);                        \
			t_failed_checks++;                                  \
		}                                                           \
	} while (0)

#define T_EQ_INT(a, b)                                                      \
	do {                                                                \
		long long t_a_ = (long long)(a), t_b_ = (long long)(b);     \
		if (t_a_ != t_b_) {                                         \
			fprintf(stderr, "%s:%d: %s == %s: %lld != %lld\n",  \
			    __FILE__, __LINE__, #a, #b, t_a_, t_b_);        \
			t_failed_checks++;                                  \
		}                                                           \
	} while (0)

#define T_EQ_STR(a, b)                                                      \
	do {                                                                \
		const char *t_a_ = (a), *t_b_ = (b);                        \
		if (t_a_ == NULL || t_b_ == NULL || strcmp(t_a_, t_b_)) {   \
			fprintf(stderr, "%s:%d: %s == %s: \"%s\" != \"%s\"\n", \
			    __FILE__, __LINE__, #a, #b,                     \
			    t_a_ ? t_a_ : "(null)", t_b_ ? t_b_ : "(null)"); \
			t_failed_checks++;                                  \
		}                                                           \
	} while (0)

struct t_case {
	const char *name;
	void (*fn)(void);
};

int t_run(const struct t_case *, size_t);

#define T_MAIN(cases)                                                       \
	int main(void)                                                      \
	{                                                                   \
		return t_run(cases, sizeof(cases) / sizeof(cases[0]));      \
	}

#endif
