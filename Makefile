# lsdb-swift: the two commands are `make demo` (the walkthrough) and `make test` (the test suite).
# Both install what they need on a fresh Debian 12 machine that has Swift, python3 and pip.

SHELL := /bin/bash
APT_PACKAGES := libzstd-dev libsnappy-dev liblz4-dev zlib1g-dev libbrotli1 libcairo2-dev fonts-dejavu-core
VENV := .venv
PYTHON := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: test demo deps system-deps venv build fuzz bench-healpix bench-parquet fixtures clean

test: deps
	@Scripts/timed.sh "swift build (debug, tests)" swift build --build-tests
	@LSDB_PYTHON=$(CURDIR)/$(PYTHON) Scripts/timed.sh "swift test" swift test --skip-build
	@Scripts/timed.sh "fuzz (Parquet reader, bounded)" Scripts/fuzz-parquet.sh 45

demo: system-deps
	@Scripts/timed.sh "swift build (release, lsdb)" swift build -c release --product lsdb
	@Scripts/timed.sh "walkthrough" .build/release/lsdb demo --samples Samples

deps: system-deps venv

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: Scripts/requirements.txt
	@python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' 2>/dev/null || \
	  { echo "installing python3-venv"; $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; }
	@Scripts/timed.sh "python venv" bash -c 'rm -rf $(VENV) && python3 -m venv $(VENV) && $(PYTHON) -m pip install -q --upgrade pip && $(PYTHON) -m pip install -q -r Scripts/requirements.txt'
	@touch $@

build: system-deps
	swift build -c release

fixtures: venv
	$(PYTHON) Scripts/make_healpix_fixtures.py
	$(PYTHON) Scripts/make_coverage_fixtures.py
	$(PYTHON) Scripts/make_reader_fixtures.py
	$(PYTHON) Scripts/make_parquet_fixtures.py
	$(PYTHON) Scripts/make_hats_fixtures.py
	$(PYTHON) Scripts/make_sample_digests.py

bench-healpix: deps
	Scripts/bench-healpix.sh

bench-parquet: deps
	Scripts/bench-parquet.sh

clean:
	rm -rf .build .build-* $(VENV)
