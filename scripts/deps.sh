#!/bin/sh
# Install the Debian packages lull needs, but only those that are missing.
# Safe to run again and again: when everything is present it does nothing
# and touches no network.  Used by `make run`, `make test` and .ci/run.
# SPDX-License-Identifier: ISC
set -eu

# Build and runtime packages, one per line; keep in step with the README.
PKGS="
gcc
make
pkg-config
libc6-dev
libsqlite3-dev
libjansson-dev
libcsv-dev
libzip-dev
libmicrohttpd-dev
libsodium-dev
tzdata
jq
libxml2-utils
curl
chromium
"

# node and npm drive the browser tests (tests/browser); Debian's own
# when the machine has none.
command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs"
command -v npm >/dev/null 2>&1 || PKGS="$PKGS npm"

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ -n "$missing" ]; then
	echo "lull: installing missing Debian packages:$missing" >&2
	SUDO=""
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			SUDO=sudo
		else
			echo "lull: need root (or sudo) to install:$missing" >&2
			exit 1
		fi
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# playwright-core, pinned by tests/browser/package-lock.json; it drives
# /usr/bin/chromium and downloads no browser of its own.
top=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$top/tests/browser/node_modules/playwright-core" ]; then
	echo "lull: installing the browser tests' npm packages" >&2
	(cd "$top/tests/browser" &&
	    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund \
	    --loglevel=error)
fi
