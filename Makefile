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
	  code=$$?; if [ $$code -eq 1 ]; then echo "exit code 1: findings at or above --fail-on (medium)"; \
	  echo "In a browser: $(BIN)/discrepancy serve, then open http://127.0.0.1:8765/"; exit 0; fi; exit $$code

# The HTML report and the serve page are tested in a real headless browser;
# Debian's chromium and chromium-driver (for Selenium) are installed where
# missing (needs root or sudo; the browser tests skip, saying why, when they
# cannot be installed). Nothing is downloaded at test time.
BROWSER_PKGS := chromium chromium-driver
browser:
	@(command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1) && \
	  command -v chromedriver >/dev/null 2>&1 || \
	  ( (apt-get install -y -qq $(BROWSER_PKGS) >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq $(BROWSER_PKGS) >/dev/null 2>&1) || \
	     sudo -n apt-get install -y -qq $(BROWSER_PKGS) >/dev/null 2>&1) && \
	    echo "installed $(BROWSER_PKGS)" || \
	    echo "chromium could not be installed: the browser tests will be skipped" )

test: $(STAMP) browser
	$(BIN)/ruff check discrepancy discrepancy_cli tests benchmarks
	$(BIN)/python -m pytest

# Bytecode is written as on any user's machine (pip compiles it at install; the
# repository's is written at first import): an environment that forbids it makes
# every benchmark process, and the CLI runs timed beside the server, start ~0.2 s slower.
bench: export PYTHONDONTWRITEBYTECODE :=
bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant.py --repeat 3
	$(BIN)/python benchmarks/quantity_sets.py
	$(BIN)/python benchmarks/consistency.py
	$(BIN)/python benchmarks/llm_summaries.py
	$(BIN)/python benchmarks/perturbed.py
	$(BIN)/python benchmarks/compare_speed.py
	$(BIN)/python benchmarks/hostile_scaling.py --size 120
	$(BIN)/python benchmarks/serve_load.py --checks 6 --cli-runs 1
	$(BIN)/python benchmarks/batch_scale.py --rows 400

# Minutes of hypothesis over loaders, numbers, recognizers and renderers; not in `test`.
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-2000} $(BIN)/python -m pytest tests/fuzz_hostile.py -q

lint: $(STAMP)
	$(BIN)/ruff check discrepancy discrepancy_cli tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
