/*
 * Other apps' words for how a child fell asleep and where, mapped onto
 * ours (model.h).  Only structured fields go through here (Huckleberry's
 * "Start Location", the place in Baby Connect's generated sentence), never
 * free-text notes, where "fed before the nap" would read as "fell asleep
 * feeding".  The original text always stays in the note.
 * SPDX-License-Identifier: ISC
 */
#include <ctype.h>
#include <string.h>

#include "import_int.h"

struct word {
	const char *pat; /* lower case; a trailing '*' matches a prefix */
	int onset;       /* enum lull_onset, or -1 */
	enum lull_place place;
};

/* Longer phrases first: a match blanks its text, so "worn or held" is
 * held (Huckleberry's one option for both) and not worn as well. */
static const struct word words[] = {
	{ "worn or held", LULL_ONSET_HELD, LULL_PLACE_UNKNOWN },
	{ "on own in bed", LULL_ONSET_ON_OWN, LULL_PLACE_UNKNOWN },
	{ "next to carer", LULL_ONSET_BESIDE_PARENT, LULL_PLACE_UNKNOWN },
	{ "co sleep*", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "co-sleep*", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "cosleep*", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "our bed", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "parents bed", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "parents' bed", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "mom's bed", LULL_ONSET_BED_WITH_PARENT, LULL_PLACE_PARENTS_BED },
	{ "car seat", LULL_ONSET_CAR, LULL_PLACE_CAR_SEAT },
	{ "side car", -1, LULL_PLACE_SIDECAR },
	{ "sidecar", -1, LULL_PLACE_SIDECAR },
	{ "co-sleeper", -1, LULL_PLACE_SIDECAR },
	{ "next2me", -1, LULL_PLACE_SIDECAR },
	{ "bassinet*", -1, LULL_PLACE_PARENTS_ROOM_COT },
	{ "moses basket", -1, LULL_PLACE_PARENTS_ROOM_COT },
	{ "nurs*", LULL_ONSET_FED, LULL_PLACE_UNKNOWN },
	{ "breast*", LULL_ONSET_FED, LULL_PLACE_UNKNOWN },
	{ "bottle", LULL_ONSET_FED, LULL_PLACE_UNKNOWN },
	{ "feeding", LULL_ONSET_FED, LULL_PLACE_UNKNOWN },
	{ "rock*", LULL_ONSET_ROCKED, LULL_PLACE_UNKNOWN },
	{ "held", LULL_ONSET_HELD, LULL_PLACE_UNKNOWN },
	{ "holding", LULL_ONSET_HELD, LULL_PLACE_UNKNOWN },
	{ "arms", LULL_ONSET_HELD, LULL_PLACE_ARMS },
	{ "contact", LULL_ONSET_HELD, LULL_PLACE_ARMS },
	{ "worn", LULL_ONSET_WORN, LULL_PLACE_CARRIER },
	{ "carrier", LULL_ONSET_WORN, LULL_PLACE_CARRIER },
	{ "sling", LULL_ONSET_WORN, LULL_PLACE_CARRIER },
	{ "wrap", LULL_ONSET_WORN, LULL_PLACE_CARRIER },
	{ "pacifier", LULL_ONSET_PACIFIER, LULL_PLACE_UNKNOWN },
	{ "dummy", LULL_ONSET_PACIFIER, LULL_PLACE_UNKNOWN },
	{ "soother", LULL_ONSET_PACIFIER, LULL_PLACE_UNKNOWN },
	{ "patting", LULL_ONSET_PATTED, LULL_PLACE_UNKNOWN },
	{ "patted", LULL_ONSET_PATTED, LULL_PLACE_UNKNOWN },
	{ "on own", LULL_ONSET_ON_OWN, LULL_PLACE_UNKNOWN },
	{ "independent*", LULL_ONSET_ON_OWN, LULL_PLACE_UNKNOWN },
	{ "car", LULL_ONSET_CAR, LULL_PLACE_CAR_SEAT },
	{ "stroller", LULL_ONSET_STROLLER, LULL_PLACE_PRAM },
	{ "pram", LULL_ONSET_STROLLER, LULL_PLACE_PRAM },
	{ "buggy", LULL_ONSET_STROLLER, LULL_PLACE_PRAM },
	{ "pushchair", LULL_ONSET_STROLLER, LULL_PLACE_PRAM },
	{ "sofa", -1, LULL_PLACE_SOFA },
	{ "couch", -1, LULL_PLACE_SOFA },
	/* Known, but saying nothing we can store: which room a crib is in. */
	{ "crib", -1, LULL_PLACE_UNKNOWN },
	{ "cot", -1, LULL_PLACE_UNKNOWN },
	{ "bed", -1, LULL_PLACE_UNKNOWN },
	{ "swing", LULL_ONSET_OTHER, LULL_PLACE_OTHER },
};

/* Where "pat" matches whole words in "buf" (already lower case). */
static char *
find(char *buf, const char *pat)
{
	char key[32];
	size_t n = strlen(pat);
	int prefix = n > 0 && pat[n - 1] == '*';
	char *p;

	if (prefix)
		n--;
	if (n == 0 || n >= sizeof(key))
		return NULL;
	memcpy(key, pat, n);
	key[n] = '\0';
	for (p = buf; (p = strstr(p, key)) != NULL; p++) {
		if (p > buf && isalpha((unsigned char)p[-1]))
			continue;
		if (!prefix && isalpha((unsigned char)p[n]))
			continue;
		return p;
	}
	return NULL;
}

/*
 * Map "text", a list of comma-separated phrases, onto onset bits and a
 * place.  Returns the number of phrases that meant nothing to us.
 */
int
imp_vocab(const char *text, uint32_t *onset, enum lull_place *place)
{
	char buf[256], *item, *p, *save = NULL;
	size_t i, n, len;
	int unknown = 0, hit;

	if (text[0] == '\0')
		return 0;
	len = strlen(text);
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	for (i = 0; i < len; i++)
		buf[i] = (char)tolower((unsigned char)text[i]);
	buf[len] = '\0';
	for (item = strtok_r(buf, ",;/", &save); item != NULL;
	     item = strtok_r(NULL, ",;/", &save)) {
		hit = 0;
		if (item[strspn(item, " \t")] == '\0')
			continue;
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			while ((p = find(item, words[i].pat)) != NULL) {
				hit = 1;
				if (words[i].onset >= 0)
					*onset |= 1u << words[i].onset;
				if (words[i].place != LULL_PLACE_UNKNOWN &&
				    *place == LULL_PLACE_UNKNOWN)
					*place = words[i].place;
				n = strlen(words[i].pat);
				if (words[i].pat[n - 1] == '*') {
					n--;
					while (isalpha((unsigned char)p[n]))
						n++;
				}
				memset(p, ' ', n);
			}
		}
		if (!hit)
			unknown++;
	}
	return unknown;
}
