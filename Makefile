PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean browser fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=23.3"
	$(BIN)/python -m pip install -q -e ".[test,bench]"
	touch $(STAMP)

# Exit code 1 means "findings", which the seed pair has: the demo succeeds then.
demo: $(STAMP)
	@$(BIN)/discrepancy check seeds/000_49d02485ee17d19b.txt --against seeds/004_1f1aacc786a3892f.txt; \
	  code=$$?; if [ $$code -eq 1 ]; then echo "exit code 1: findings at or above --fail-on (medium)"; exit 0; fi; exit $$code

# The HTML report is tested in a real headless browser; Debian's chromium is
# installed where missing (needs root or sudo; the browser test skips, saying
# why, when it cannot be installed).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  ( (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1) || \
	     sudo -n apt-get install -y -qq chromium >/dev/null 2>&1) && echo "installed chromium" || \
	    echo "chromium could not be installed: the browser test will be skipped" )

test: $(STAMP) browser
	$(BIN)/ruff check discrepancy discrepancy_cli tests benchmarks
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant.py
	$(BIN)/python benchmarks/consistency.py
	$(BIN)/python benchmarks/compare_speed.py
	$(BIN)/python benchmarks/hostile_scaling.py

# Minutes of hypothesis over loaders, numbers, recognizers and renderers; not in `test`.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(BIN)/python -m pytest tests/fuzz_hostile.py -q

lint: $(STAMP)
	$(BIN)/ruff check discrepancy discrepancy_cli tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
