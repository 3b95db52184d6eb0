/*
 * Helpers shared by the files of src/core.  Never installed.
 * SPDX-License-Identifier: ISC
 */
#ifndef CORE_INT_H
#define CORE_INT_H

#include <stddef.h>

#include "lull/err.h"

/* Make room for item n of *v (doubling); 0 when memory ran out. */
int lull_vec_grow(void **v, size_t n, size_t *cap, size_t size);

/*
 * fn(vec, take): append *take, owning its contents, and re-initialise
 * *take with init() so the caller's free() of it is harmless.
 */
#define VEC_PUSH(fn, vtype, itype, init)                                    \
	enum lull_err fn(struct vtype *vec, struct itype *take)             \
	{                                                                   \
		if (!lull_vec_grow((void **)&vec->v, vec->n, &vec->cap,     \
			sizeof(*vec->v)))                                   \
			return LULL_ENOMEM;                                 \
		vec->v[vec->n++] = *take;                                   \
		init(take);                                                 \
		return LULL_OK;                                             \
	}

#endif
