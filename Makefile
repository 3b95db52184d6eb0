# lull -- gentle sleep coaching.  Plain GNU make with pkg-config.
#
#   make            build liblull.a and the lull command
#   make run        install what is missing, build, start the demo
#   make test       install what is missing, build, run every test
#   make SAN=1 test the same suite under AddressSanitizer + UBSan
#   make WERROR=1   turn warnings into errors (CI does)
#   make layering   check that src/core includes no I/O headers
#
# SPDX-License-Identifier: ISC

PKGS     := sqlite3 jansson libzip libmicrohttpd libsodium
CSTD     := -std=c11 -D_POSIX_C_SOURCE=200809L
WARN     := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	    -Wmissing-prototypes -Wold-style-definition -Wpointer-arith \
	    -Wcast-qual -Wwrite-strings -Wformat=2 -Wvla -Wundef \
	    -Wimplicit-fallthrough -Wno-format-nonliteral
HARDEN   := -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE
OPT      ?= -O2 -g
B        ?= build

ifeq ($(SAN),1)
B        := build-san
OPT      := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	    -fno-sanitize-recover=all
HARDEN   := -fPIE
endif
WARN     += $(if $(filter 1,$(WERROR)),-Werror)

CPPFLAGS += -Iinclude -Isrc
CFLAGS   += $(CSTD) $(WARN) $(HARDEN) $(OPT) -MMD -MP
LDFLAGS  += $(OPT) -pie -Wl,-z,relro,-z,now
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# libcsv ships no pkg-config file.
LDLIBS   += $(PKG_LIBS) -lcsv -lm -lpthread

LIB_SRC  := $(wildcard src/core/*.c src/render/*.c src/io/*.c src/store/*.c \
	    src/web/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)
SQL      := $(sort $(wildcard src/store/sql/*.sql))

LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/migrations.o
# The web app's static files, served from memory (scripts/embed-static.sh).
STATIC   := $(sort $(wildcard src/web/static/*.css src/web/static/*.js))
LIB_OBJ  += $(B)/gen/static.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
# Fuzz targets (fuzz/fuzz_<input>.c), replayed over fuzz/corpus/<input>/
# under gcc by "make test", run under libFuzzer by "make fuzz".
FUZZ_SRC := $(wildcard fuzz/fuzz_*.c)
REPLAYS  := $(FUZZ_SRC:fuzz/fuzz_%.c=$(B)/fuzz/replay_%)
BENCHES  := $(patsubst bench/%.c,$(B)/bench/%,$(wildcard bench/bench_*.c))

.PHONY: all deps run demo test check layering clean fuzz bench bench-web
all: $(B)/lull

deps:
	@./scripts/deps.sh

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

# Migrations are plain .sql files compiled into the library, in order.
$(B)/gen/migrations.c: $(SQL) scripts/embed-sql.sh
	@mkdir -p $(@D)
	./scripts/embed-sql.sh $(SQL) > $@

$(B)/gen/migrations.o: $(B)/gen/migrations.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(B)/gen/static.c: $(STATIC) scripts/embed-static.sh
	@mkdir -p $(@D)
	./scripts/embed-static.sh $(STATIC) > $@

$(B)/gen/static.o: $(B)/gen/static.c
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-overlength-strings \
	    -c -o $@ $<

$(B)/liblull.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

# The web parts' objects go in whole: their route tables are reached by
# no call, and src/web/server.c's weak empty defaults would otherwise
# keep the archive from ever pulling them in.
WEB_OBJ  := $(patsubst %.c,$(B)/%.o,$(wildcard src/web/*.c))
$(B)/lull: $(CLI_OBJ) $(WEB_OBJ) $(B)/liblull.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tests/t.o: tests/unit/t.c tests/unit/t.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/tests/%: tests/unit/%.c $(B)/tests/t.o $(B)/liblull.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Itests/unit $(LDFLAGS) \
	    -o $@ $< $(B)/tests/t.o $(B)/liblull.a $(LDLIBS)

# The quick start: a demo household in ./demo.db, then a look at it.
DEMO_DB ?= demo.db
run: deps
	@$(MAKE) --no-print-directory all
	@./scripts/demo.sh $(B)/lull $(DEMO_DB)

test check: deps
	@$(MAKE) --no-print-directory all $(TESTS) $(REPLAYS)
	@$(MAKE) --no-print-directory layering
	@./tests/run.sh $(B)

# src/core holds the rules and takes time as an argument: no files,
# sockets, databases, clocks or printing.  Its public headers too, and
# src/render (SVG charts), which builds text in memory from core data.
CORE_H := $(addprefix include/lull/,err.h model.h journal.h tz.h cal.h plan.h \
	  stats.h norms.h predict.h svg.h)
layering:
	@bad=$$(grep -nE '#include *(<(sqlite3|libpq-fe|microhttpd|jansson|dirent|fcntl|unistd|time|sys/[a-z]+)\.h>|"lull/(json|store|tzload)\.h")' src/core/*.c src/core/*.h src/render/*.c $(CORE_H) 2>/dev/null); \
	clk=$$(grep -nE '\b(time|gettimeofday|clock_gettime|fopen|popen|opendir|open|read|write|getenv|localtime|localtime_r|gmtime|mktime|tzset|printf|fprintf|puts|fputs|fwrite|fread|perror)\(' src/core/*.c src/render/*.c 2>/dev/null); \
	if [ -n "$$bad$$clk" ]; then echo "layering: src/core and src/render must stay free of I/O and clocks:"; \
	echo "$$bad"; echo "$$clk"; exit 1; fi; echo "layering: src/core and src/render are free of I/O and clocks"

$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz.h $(B)/liblull.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    fuzz/replay.c $(B)/liblull.a $(LDLIBS)

# libFuzzer with ASan and UBSan, each target for FUZZ_SECONDS on a scratch
# copy of its corpus (new inputs stay in build-fuzz/, the seeds are ours).
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: deps
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang HARDEN=-fPIE \
	    OPT="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    build-fuzz/liblull.a
	@set -e; for f in $(FUZZ_SRC); do \
	    t=$$(basename $$f .c); n=$${t#fuzz_}; \
	    clang $(CPPFLAGS) $(PKG_CFLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L \
	        -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -o build-fuzz/$$t $$f \
	        build-fuzz/liblull.a $(LDLIBS); \
	    mkdir -p build-fuzz/corpus/$$n; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	    if ./build-fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	        -rss_limit_mb=2048 -print_final_stats=1 \
	        build-fuzz/corpus/$$n fuzz/corpus/$$n > build-fuzz/$$t.log 2>&1; \
	    then grep -E 'DONE' build-fuzz/$$t.log; \
	    else tail -n 40 build-fuzz/$$t.log; exit 1; fi; \
	done

$(B)/bench/%: bench/%.c $(B)/liblull.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(B)/liblull.a $(LDLIBS)

# Benchmarks print their figures; docs/import.md keeps them.
bench: deps
	@$(MAKE) --no-print-directory $(BENCHES)
	@for b in $(BENCHES); do $$b || exit 1; done

# The web app under load (wrk; docs/web.md keeps the figures): the real
# server on a seeded household.  SECS=, CONNS=, CASES=... as in the script.
bench-web: deps
	@$(MAKE) --no-print-directory $(B)/lull $(B)/bench/seed_web
	@./bench/web.sh $(B)

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
