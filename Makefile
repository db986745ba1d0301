# newsutils -- GNU make.  See README.md.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=

CC ?= cc
CFLAGS ?= -O2 -g
PKGS = libbsd-overlay libpcre2-8 libutf8proc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
override CFLAGS += -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
	-Ilib -Ibuild $(PKG_CFLAGS)
ifeq ($(SANITIZE),1)
override CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer
override LDFLAGS += -fsanitize=address,undefined
# a report fails the test that caused it; leaks are reports too
export ASAN_OPTIONS ?= detect_leaks=1
export UBSAN_OPTIONS ?= halt_on_error=1:print_stacktrace=1:$\
suppressions=$(CURDIR)/tests/ubsan.supp
endif
LDLIBS = $(PKG_LIBS) -lstemmer -lm

PROGS = $(sort $(basename $(notdir $(wildcard cmd/*.c))))
LIBSRC = $(wildcard lib/*.c)
DATA = $(filter-out %.md,$(wildcard data/*.*))
LIBOBJ = $(LIBSRC:lib/%.c=build/%.o) \
	$(patsubst %,build/data_%.o,$(basename $(notdir $(DATA))))
MAN = $(wildcard man/*.[157])

all: $(PROGS:%=bin/%)

bin/%: build/%.o build/libnews.a build/flags
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $< build/libnews.a $(LDLIBS)

build/%.o: cmd/%.c lib/*.h build/flags | build
	$(CC) $(CFLAGS) -c -o $@ $<

build/%.o: lib/%.c lib/*.h build/flags | build
	$(CC) $(CFLAGS) -c -o $@ $<

# rewritten only when the flags change, so SANITIZE=1 and back rebuild all
build/flags: FORCE | build
	@f='$(CC) $(CFLAGS) $(LDFLAGS)'; \
	    [ "$$(cat $@ 2>/dev/null)" = "$$f" ] || printf '%s\n' "$$f" > $@

# each data file is its own object, so a program links only what it uses
build/data_%.o: data/%.* scripts/embed.sh | build
	sh scripts/embed.sh $< > build/data_$*.S
	$(CC) -c -o $@ build/data_$*.S

build/libnews.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

build/unit: tests/unit.c build/libnews.a build/flags
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< build/libnews.a $(LDLIBS)

# tests/faults.bats preloads it; plain flags, as it goes into any build
build/fault.so: tests/fault/fault.c | build
	$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -fPIC -shared -o $@ $< -ldl

build:
	@mkdir -p build

deps:
	@sh scripts/deps.sh

check:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory all build/unit build/fault.so
	prove -f --exec tests/run build/unit tests/*.bats

demo:
	@sh scripts/deps.sh
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh

lint:
	mandoc -T lint -W warning $(MAN)
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	    --inline-suppr -Ilib $(LIBSRC) cmd/*.c

bench: all
	@sh scripts/bench.sh

eval: all
	@sh scripts/eval.sh

# memory on a long stream, time on adversarial text: by hand, minutes
stress: all
	@sh scripts/membound.sh $(STRESS_MB)
	@sh scripts/adversarial.sh

model: bin/nentities
	@sh scripts/nermodel.sh

# libFuzzer harnesses (clang): make fuzz FUZZTIME=seconds per harness.
# The library is built once for them (build/fuzz/lib); each harness
# first runs its regression inputs (tests/fuzz/harness/), then fuzzes.
FUZZTIME ?= 60
FUZZ = $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/fuzz_*.c))
FUZZLIB = $(LIBSRC:lib/%.c=build/fuzz/lib/%.o)
FUZZCFLAGS = -g -O1 -std=gnu11 -Ilib -Ibuild $(PKG_CFLAGS) \
	-fsanitize=address,undefined -fno-omit-frame-pointer \
	-fsanitize-coverage-ignorelist=fuzz/nocov.txt
FUZZENV = UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:$\
suppressions=$(CURDIR)/tests/ubsan.supp

build/fuzz/lib/%.o: lib/%.c lib/*.h fuzz/nocov.txt
	@mkdir -p build/fuzz/lib
	clang $(FUZZCFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/libnews.a: $(FUZZLIB) $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(FUZZLIB) $(filter build/data_%,$(LIBOBJ))

build/fuzz/%: fuzz/%.c fuzz/stream.h cmd/*.c build/fuzz/libnews.a
	clang $(FUZZCFLAGS) -fsanitize=fuzzer -o $@ $< \
	    build/fuzz/libnews.a $(LDLIBS)

fuzz: all $(FUZZ)
	@for f in $(FUZZ); do \
	    h=$${f##*/}; c=build/fuzz/corpus/$$h; \
	    if [ -d tests/fuzz/$$h ]; then \
	        $(FUZZENV) $$f tests/fuzz/$$h/* > $$f.log 2>&1 || \
	        { tail -n 40 $$f.log; echo "fuzz: $$h: a regression"; \
	        exit 1; }; \
	    fi; \
	    sh scripts/fuzzseed.sh $$h $$c || exit 1; \
	    echo "fuzz: $$f for $(FUZZTIME) s"; \
	    $(FUZZENV) $$f -max_total_time=$(FUZZTIME) -max_len=8192 \
	        -timeout=10 -print_final_stats=1 \
	        -artifact_prefix=build/fuzz/ $$c > $$f.log 2>&1 || \
	        { tail -n 40 $$f.log; exit 1; }; \
	    grep '^stat::number_of_executed_units' $$f.log; \
	done

# The long run: each harness to FUZZRUNS (10 million) executions.
fuzz-long: all $(FUZZ)
	@sh scripts/fuzzlong.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do install -m 755 bin/$$p $(DESTDIR)$(BINDIR)/; done
	for m in $(MAN); do s=$${m##*.}; \
	    install -m 644 $$m $(DESTDIR)$(MANDIR)/man$$s/; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MAN); do s=$${m##*.}; b=$${m##*/}; \
	    rm -f $(DESTDIR)$(MANDIR)/man$$s/$$b; done

clean:
	rm -rf bin build

.PHONY: FORCE all bench check clean deps demo eval fuzz fuzz-long install lint model stress \
	uninstall
.SECONDARY:
