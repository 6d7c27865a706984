PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=23.3"
	$(BIN)/python -m pip install -q -e ".[test,bench]"
	touch $(STAMP)

demo: $(STAMP)
	-$(BIN)/discrepancy check seeds/000_49d02485ee17d19b.txt --against seeds/004_1f1aacc786a3892f.txt

test: $(STAMP)
	$(BIN)/ruff check discrepancy tests benchmarks
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant.py
	$(BIN)/python benchmarks/consistency.py

lint: $(STAMP)
	$(BIN)/ruff check discrepancy tests benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
