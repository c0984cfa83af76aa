# Everything a contributor runs. `make serve` and `make test` set themselves up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates in the built site (sitemap, zip entries) are the last commit's: the same commit builds the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)

.PHONY: serve build offline test check bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.docs: requirements/docs.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt
	touch $@

$(VENV)/.test: requirements/docs.txt requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt -r requirements/test.txt
	touch $@

# The checkers the suite runs (Nu Html Checker, Lighthouse), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

serve: $(VENV)/.docs
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Builds into a fresh folder and swaps it in, so a failed build leaves the last good site/.
# The offline copy is zipped into it as downloads/lumbar-handbook-offline.zip.
build: $(VENV)/.docs
	rm -rf site.new
	$(BIN)/mkdocs build --quiet --site-dir site.new
	$(BIN)/python scripts/offline_zip.py site.new
	rm -rf site && mv site.new site

# Only the offline zip, into the last built site/.
offline: $(VENV)/.docs
	$(BIN)/python scripts/offline_zip.py site

check: $(VENV)/.docs
	$(BIN)/python -m lumbar check

test: $(VENV)/.test node_modules/.installed
	scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node --test tests/js/
	$(BIN)/python -m pytest

bench: $(VENV)/.test
	$(BIN)/python scripts/bench.py

schema: $(VENV)/.docs
	$(BIN)/python -m lumbar schema

# The picture of a printed sheet in the README and the how-to page: run after changing the sheet.
pictures: $(VENV)/.test
	$(BIN)/python scripts/sheet_png.py back-pain -o docs/assets/images/

clean:
	rm -rf site site.new .pytest_cache
