# Two commands do everything on a fresh machine (see README):
#   make example   set up, then read and check the bundled example release
#   make test      set up, then run the whole test suite (browser tests included)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: example test setup browser bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

setup: $(BIN)/.installed

# Debian's Chromium for the browser tests (the tests skip with a reason without it).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "chromium missing: run 'sudo apt-get install chromium' for the browser tests"; fi; }

example: setup
	$(BIN)/tieout show examples/northwind-1997-q2-release.txt
	$(BIN)/tieout check examples/northwind-1997-q2-release.txt || [ $$? -eq 1 ]  # exit 1 = a check failed

test: setup browser
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/extract_corpus.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
