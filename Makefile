# Two commands do everything on a fresh machine (see README):
#   make example   set up, then read and check the bundled example release
#   make test      set up, then run the whole test suite (browser tests included)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: example test setup browser bench bench-edgartools clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

setup: $(BIN)/.installed

# Debian's Chromium for the browser tests, and w3m, the text browser that renders the answer-key
# filings of ../shared/corpus-html as plain text (the tests skip with a reason without them).
browser:
	@{ command -v chromium >/dev/null 2>&1 && command -v w3m >/dev/null 2>&1; } || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver w3m >/dev/null; \
	  else echo "chromium or w3m missing: run 'sudo apt-get install chromium w3m' for the browser and answer-key tests"; fi; }

example: setup
	$(BIN)/tieout show examples/northwind-1997-q2-release.txt
	$(BIN)/tieout check examples/northwind-1997-q2-release.txt || [ $$? -eq 1 ]  # exit 1 = a check failed

test: setup browser
	$(BIN)/python -m pytest

bench: setup browser
	$(BIN)/python benchmarks/extract_corpus.py
	$(BIN)/python benchmarks/synth_releases.py
	$(BIN)/python benchmarks/ixbrl_text.py

# Speed and memory against edgartools (issue 12). edgartools is only compared against: it lives in
# its own venv, benchmarks/.venv-edgartools, never in tieout's dependencies (make test does not need it).
# Options go through ARGS, e.g. make bench-edgartools ARGS='--sample 12 --repeat 5'.
ET_VENV := benchmarks/.venv-edgartools
ARGS    ?= --json artifacts/edgartools-speed/figures.json

$(ET_VENV)/.installed: benchmarks/requirements-edgartools.txt
	$(PYTHON) -m venv $(ET_VENV)
	$(ET_VENV)/bin/python -m pip install -q --upgrade pip
	$(ET_VENV)/bin/python -m pip install -q -r benchmarks/requirements-edgartools.txt
	touch $@

bench-edgartools: setup $(ET_VENV)/.installed
	mkdir -p artifacts/edgartools-speed
	$(BIN)/python benchmarks/edgartools_speed.py --edgartools-python $(ET_VENV)/bin/python $(ARGS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
