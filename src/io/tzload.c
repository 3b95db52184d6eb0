/*
 * Loading zones from the system's zoneinfo directory, and finding out
 * which zone the system is set to.  This is the only place that touches
 * files for time zones; parsing is left to core (tz.c), which sees bytes.
 * SPDX-License-Identifier: ISC
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lull/tz.h"
#include "lull/tzload.h"

#define ZONEINFO "/usr/share/zoneinfo"

/*
 * Real TZif files are a few kilobytes; anything this big is not a zone,
 * and the cap keeps a hostile $TZDIR from making us read a disk image.
 */
#define TZIF_MAX (1024 * 1024)

/* IANA names are short; the longest today is under 32 bytes. */
#define NAME_MAX_LEN 255

static const char *
zonedir(void)
{
	const char *d = getenv("TZDIR");

	return d != NULL && *d != '\0' ? d : ZONEINFO;
}

/*
 * A name we are willing to put into a path: the IANA character set
 * only, which rules out "." and so "..", no leading "/" and no empty
 * components, so it can only ever name something below the zone dir.
 */
static int
name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > NAME_MAX_LEN || name[0] == '/' || name[n - 1] == '/')
		return 0;
	if (strstr(name, "..") != NULL || strstr(name, "//") != NULL)
		return 0;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			(c >= '0' && c <= '9') || c == '/' || c == '_' ||
			c == '+' || c == '-'))
			return 0;
	}
	return 1;
}

/*
 * Read a whole regular file of at most TZIF_MAX bytes.  Returns 0 with
 * errno set on failure; ENOENT also covers "not a regular file".
 */
static int
slurp(const char *path, unsigned char **out, size_t *outlen)
{
	struct stat st;
	unsigned char *buf = NULL;
	size_t len = 0;
	ssize_t n;
	int fd, saved;

	*out = NULL;
	*outlen = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return 0;
	if (fstat(fd, &st) == -1)
		goto fail;
	if (!S_ISREG(st.st_mode)) {
		errno = ENOENT;
		goto fail;
	}
	if (st.st_size > TZIF_MAX) {
		errno = EFBIG;
		goto fail;
	}
	/* One byte spare, to notice a file that grew while we read it. */
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		goto fail;
	while (len <= (size_t)st.st_size) {
		n = read(fd, buf + len, (size_t)st.st_size + 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto fail;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > (size_t)st.st_size) {
		errno = EFBIG;
		goto fail;
	}
	close(fd);
	*out = buf;
	*outlen = len;
	return 1;
fail:
	saved = errno;
	free(buf);
	close(fd);
	errno = saved;
	return 0;
}

enum lull_err
lull_tz_load(struct lull_tz **out, const char *name, struct lull_errinfo *ei)
{
	char path[PATH_MAX];
	unsigned char *data;
	size_t len;
	enum lull_err e;
	int n;

	*out = NULL;
	if (name == NULL || !name_ok(name))
		return lull_errinfo_set(ei, LULL_EINVAL, "tz",
		    "tz: \"%.64s\" is not a time zone name "
		    "(use an IANA name such as Europe/Berlin)",
		    name != NULL ? name : "");
	n = snprintf(path, sizeof(path), "%s/%s", zonedir(), name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "tz",
		    "tz: no time zone \"%s\" (path too long)", name);
	if (!slurp(path, &data, &len)) {
		int err = errno;

		/* Systems without tzdata still know UTC. */
		if (strcmp(name, "UTC") == 0 && lull_tz_utc(out) == LULL_OK)
			return LULL_OK;
		if (err == ENOMEM)
			return lull_errinfo_set(ei, LULL_ENOMEM, "tz",
			    "out of memory loading time zone \"%s\"", name);
		if (err == ENOENT || err == ENOTDIR || err == EISDIR ||
		    err == ELOOP)
			return lull_errinfo_set(ei, LULL_ENOTFOUND, "tz",
			    "tz: no time zone \"%s\" in %s", name, zonedir());
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "tz",
		    "tz: cannot read time zone \"%s\": %s", name,
		    strerror(err));
	}
	/* Files in the zone dir that are not zones (leapseconds) are unknown.
	 */
	if (len < 4 || memcmp(data, "TZif", 4) != 0) {
		free(data);
		return lull_errinfo_set(ei, LULL_ENOTFOUND, "tz",
		    "tz: no time zone \"%s\" in %s", name, zonedir());
	}
	e = lull_tz_parse(out, name, data, len, ei);
	free(data);
	return e;
}

/* Does "name" name a zone we can load? */
static int
loads(const char *name)
{
	struct lull_tz *tz;

	if (!name_ok(name) || lull_tz_load(&tz, name, NULL) != LULL_OK)
		return 0;
	lull_tz_free(tz);
	return 1;
}

/*
 * The zone name in a path into a zoneinfo tree: what follows the zone
 * dir or the last "zoneinfo/", minus a "posix/" prefix (Debian keeps a
 * copy of every zone there).  NULL if the path is not such a path.
 */
static const char *
from_path(const char *p)
{
	const char *dir = zonedir(), *z, *hit = NULL;
	size_t n = strlen(dir);

	if (strncmp(p, dir, n) == 0 && p[n] == '/')
		hit = p + n + 1;
	for (z = strstr(p, "zoneinfo/"); hit == NULL && z != NULL;
	     z = strstr(z + 1, "zoneinfo/"))
		if (strstr(z + 1, "zoneinfo/") == NULL)
			hit = z + strlen("zoneinfo/");
	if (hit != NULL && strncmp(hit, "posix/", 6) == 0)
		hit += 6;
	return hit;
}

/* Copy "name" into buf if it names a zone and fits. */
static int
take(const char *name, char *buf, size_t bufsz)
{
	if (name == NULL || strlen(name) >= bufsz || !loads(name))
		return 0;
	memcpy(buf, name, strlen(name) + 1);
	return 1;
}

void
lull_tz_system_name(char *buf, size_t bufsz)
{
	char link[PATH_MAX], line[NAME_MAX_LEN + 2];
	const char *tz;
	ssize_t n;
	FILE *f;

	if (buf == NULL || bufsz == 0)
		return;
	if ((tz = getenv("TZ")) != NULL && *tz != '\0') {
		if (*tz == ':')
			tz++;
		if (*tz == '/' ? take(from_path(tz), buf, bufsz)
			       : take(tz, buf, bufsz))
			return;
	}
	n = readlink("/etc/localtime", link, sizeof(link) - 1);
	if (n > 0) {
		link[n] = '\0';
		if (take(from_path(link), buf, bufsz))
			return;
	}
	if ((f = fopen("/etc/timezone", "r")) != NULL) {
		if (fgets(line, sizeof(line), f) != NULL) {
			line[strcspn(line, " \t\r\n")] = '\0';
			if (take(line, buf, bufsz)) {
				fclose(f);
				return;
			}
		}
		fclose(f);
	}
	snprintf(buf, bufsz, "%s", "UTC");
}
