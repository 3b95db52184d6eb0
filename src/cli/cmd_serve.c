/*
 * lull serve: the web app on the journal given by --db.
 * SPDX-License-Identifier: ISC
 */
#include <sys/socket.h>
#include <sys/types.h>

#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "web/web.h"

static void
ready(const char *url)
{
	printf("lull: serving %s (Ctrl-C stops)\n", url);
	fflush(stdout);
}

/* "ADDR:PORT", "[v6]:PORT" or ":PORT" (loopback) into addr and port. */
static int
listen_arg(const char *text, char *addr, size_t addrsz, unsigned *port)
{
	const char *colon, *host = text, *end;
	int32_t p;
	size_t n;

	if (text[0] == '[') {
		if ((end = strchr(text, ']')) == NULL || end[1] != ':')
			goto bad;
		host = text + 1;
		n = (size_t)(end - host);
		colon = end + 1;
	} else {
		if ((colon = strrchr(text, ':')) == NULL)
			goto bad;
		n = (size_t)(colon - text);
	}
	if (n >= addrsz)
		goto bad;
	memcpy(addr, host, n);
	addr[n] = '\0';
	if (n == 0)
		snprintf(addr, addrsz, "127.0.0.1");
	if (cli_int("listen", colon + 1, 0, 65535, &p) != EXIT_OK)
		return EXIT_USAGE;
	*port = (unsigned)p;
	return EXIT_OK;
bad:
	return cli_errx(EXIT_USAGE,
	    "--listen: \"%s\" is not ADDR:PORT (such as 127.0.0.1:8080)", text);
}

/*
 * Is every address "host" names on the loopback (127.0.0.0/8, ::1, or
 * 127.x mapped into IPv6)?  Then only this machine, such as a reverse
 * proxy on it, can reach the server, and its X-Real-IP can be believed.
 */
static int
loopback_only(const char *host)
{
	struct addrinfo hints, *res = NULL, *ai;
	int ok = 1;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, NULL, &hints, &res) != 0 || res == NULL)
		return 0;
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		if (ai->ai_family == AF_INET) {
			const struct sockaddr_in *a =
			    (const struct sockaddr_in *)(const void *)
				ai->ai_addr;
			const unsigned char *b =
			    (const unsigned char *)&a->sin_addr;

			ok &= b[0] == 127;
		} else if (ai->ai_family == AF_INET6) {
			const struct sockaddr_in6 *a =
			    (const struct sockaddr_in6 *)(const void *)
				ai->ai_addr;
			const unsigned char *b = a->sin6_addr.s6_addr;
			static const unsigned char one[16] = { [15] = 1 };
			static const unsigned char v4[12] = { [10] = 0xff,
				[11] = 0xff };

			ok &= memcmp(b, one, 16) == 0 ||
			    (memcmp(b, v4, 12) == 0 && b[12] == 127);
		} else {
			ok = 0;
		}
	}
	freeaddrinfo(res);
	return ok;
}

int
cmd_serve(struct cli *cli)
{
	static const char *const levels[] = { "error", "warn", "info",
		"debug" };
	struct web_opts o;
	const char *v;
	char addr[256], spec[4200];
	int32_t n;
	int i, rc;

	memset(&o, 0, sizeof(o));
	snprintf(addr, sizeof(addr), "127.0.0.1");
	o.port = 8080;
	o.log = WEB_LOG_INFO;
	if ((v = cli_opt(cli, "listen")) != NULL &&
	    (rc = listen_arg(v, addr, sizeof(addr), &o.port)) != EXIT_OK)
		return rc;
	if ((v = cli_opt(cli, "log")) != NULL) {
		for (i = 0; i < 4 && strcmp(v, levels[i]) != 0; i++)
			;
		if (i == 4)
			return cli_errx(EXIT_USAGE,
			    "--log: \"%s\" is not one of error, warn, info, "
			    "debug",
			    v);
		o.log = (enum web_log)i;
	}
	if ((v = cli_opt(cli, "threads")) != NULL) {
		if ((rc = cli_int("threads", v, 1, 256, &n)) != EXIT_OK)
			return rc;
		o.threads = (unsigned)n;
	}
	o.per_ip = 64;
	if ((v = cli_opt(cli, "per-ip")) != NULL) {
		if ((rc = cli_int("per-ip", v, 0, 65535, &n)) != EXIT_OK)
			return rc;
		o.per_ip = (unsigned)n;
	}
	if ((v = cli_opt(cli, "deadline")) != NULL) {
		if ((rc = cli_int("deadline", v, 1, 3600, &n)) != EXIT_OK)
			return rc;
		o.deadline_sec = (unsigned)n;
	}
	o.addr = addr;
	o.secure_cookies = cli_flag(cli, "secure-cookies");
	o.trust_proxy = cli_flag(cli, "trust-proxy");
	/* Anyone who can reach the server could send X-Real-IP: it is
	 * believed only when the proxy is the only one who can. */
	if (o.trust_proxy && !loopback_only(addr))
		return cli_errx(EXIT_USAGE,
		    "--trust-proxy: only with --listen on the loopback "
		    "(127.0.0.1 or [::1]), where nothing but a proxy on this "
		    "machine reaches lull; \"%s\" is not",
		    addr);
	o.ready = ready;
	/* main.c opened the file (creating its folder and schema); the
	 * server opens one handle per worker on the same file. */
	snprintf(spec, sizeof(spec), "sqlite:%s", cli->db);
	o.db = spec;
	lull_store_close(cli->st);
	cli->st = NULL;
	return web_serve(&o) == 0 ? EXIT_OK : EXIT_FAIL;
}
