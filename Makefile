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

PKGS     := sqlite3 jansson libzip
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
LDLIBS   += $(PKG_LIBS) -lcsv -lm

LIB_SRC  := $(wildcard src/core/*.c src/io/*.c src/store/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/unit/test_*.c)
SQL      := $(sort $(wildcard src/store/sql/*.sql))

LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o) $(B)/gen/migrations.o
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

.PHONY: all deps run demo test check layering clean fuzz
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

$(B)/liblull.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(B)/lull: $(CLI_OBJ) $(B)/liblull.a
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
	@$(MAKE) --no-print-directory all $(TESTS)
	@$(MAKE) --no-print-directory layering
	@./tests/run.sh $(B)

# src/core holds the rules and takes time as an argument: no files,
# sockets, databases, clocks or printing.  Its public headers too.
CORE_H := $(addprefix include/lull/,err.h model.h journal.h tz.h cal.h plan.h)
layering:
	@bad=$$(grep -nE '#include *(<(sqlite3|libpq-fe|microhttpd|jansson|dirent|fcntl|unistd|time|sys/[a-z]+)\.h>|"lull/(json|store|tzload)\.h")' src/core/*.c src/core/*.h $(CORE_H) 2>/dev/null); \
	clk=$$(grep -nE '\b(time|gettimeofday|clock_gettime|fopen|popen|opendir|open|read|write|getenv|localtime|localtime_r|gmtime|mktime|tzset|printf|fprintf|puts|fputs|fwrite|fread|perror)\(' src/core/*.c 2>/dev/null); \
	if [ -n "$$bad$$clk" ]; then echo "layering: src/core must stay free of I/O and clocks:"; \
	echo "$$bad"; echo "$$clk"; exit 1; fi; echo "layering: src/core is free of I/O and clocks"

clean:
	rm -rf build build-san

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
