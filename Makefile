# factmap — the two commands: `make demo` and `make test` (each sets everything up).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
DEMO_PORT ?= 8765

.PHONY: install chromium demo test test-fast lint lock bench screenshots clean

# Debian's Chromium for the browser tests (Playwright drives it; `playwright install` is never run).
SUDO := $(shell [ "$$(id -u)" = 0 ] || ! command -v sudo >/dev/null 2>&1 || echo sudo)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.lock
	$(BIN)/pip install --disable-pip-version-check -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factmap --db $(DEMO_DB) ingest examples/corpus
	$(BIN)/factmap --db $(DEMO_DB) entities --limit 25
	$(BIN)/factmap --db $(DEMO_DB) claims --min-confidence 0.7
	$(BIN)/factmap --db $(DEMO_DB) events
	$(BIN)/factmap --db $(DEMO_DB) export --format json -o demo-export.json
	$(BIN)/factmap --db $(DEMO_DB) serve --port $(DEMO_PORT)

test: install chromium
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

# The README's screenshots (docs/screenshots/*.png, 1280x800) from the sample corpus.
screenshots: install chromium
	rm -f screenshots.db screenshots.db-wal screenshots.db-shm
	$(BIN)/factmap --db screenshots.db ingest examples/corpus
	$(BIN)/python -m tests.test_web_browser screenshots.db docs/screenshots
	rm -f screenshots.db screenshots.db-wal screenshots.db-shm

clean:
	rm -rf $(VENV) .pytest_cache $(DEMO_DB) demo-export.json test-artifacts
