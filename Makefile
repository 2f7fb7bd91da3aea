# factmap — the two commands: `make demo` and `make test` (each sets everything up).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
DEMO_PORT ?= 8765

.PHONY: install demo test test-fast lint lock bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.lock
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factmap --db $(DEMO_DB) ingest examples/corpus
	$(BIN)/factmap --db $(DEMO_DB) entities --limit 25
	$(BIN)/factmap --db $(DEMO_DB) claims --min-confidence 0.7
	$(BIN)/factmap --db $(DEMO_DB) events
	$(BIN)/factmap --db $(DEMO_DB) export --format json -o demo-export.json
	$(BIN)/factmap --db $(DEMO_DB) serve --port $(DEMO_PORT)

test: install
	$(BIN)/ruff check factmap tests benchmarks
	$(BIN)/pytest -q -n 2

test-fast: install
	$(BIN)/pytest -q -n 2 -m "not slow"

lint: install
	$(BIN)/ruff check factmap tests benchmarks
	$(BIN)/mypy factmap

# Re-pin every dependency after editing pyproject.toml.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install -q -e ".[dev]"
	.lockenv/bin/pip freeze --all --exclude-editable | grep -vE '^(factmap|pip)==' > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) .pytest_cache $(DEMO_DB) demo-export.json
