# Two commands matter: `make serve` and `make test`. Both create .venv and install the project first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test lint install states clean bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/coopgraph serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check --quiet api tests $(wildcard benchmarks/*.py)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check api tests $(wildcard benchmarks/*.py)

# Every performance figure and target in one run, printed as Markdown (benchmarks/run.py); takes a while at 1M
# triples. A short one: make bench BENCH_ARGS="--sizes 100k --quick"
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

# Regenerates data/reference/states.ttl from pycountry (never edit that file by hand).
states: $(STAMP)
	$(BIN)/python -m coopgraph.reference.states

clean:
	rm -rf $(VENV) build dist .pytest_cache
