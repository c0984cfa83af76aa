# Everything a contributor runs. `make serve` and `make test` set themselves up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# Dates in the built site (sitemap, zip entries) are the last commit's: the same commit builds the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
# pip installs the hashed pins from PyPI only: a machine's own pip configuration (extra local indexes) would
# print a warning for every package they lack. To use your mirror, set PIP_CONFIG_FILE to your pip.conf.
export PIP_CONFIG_FILE ?= /dev/null

.PHONY: serve build offline test check check-fast bench bench-full schema zensical pictures clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The pinned requirements (with hashes), then this project itself, editable: `import lumbar` and `import macros`
# find the working tree, with no sys.path edit anywhere. --no-deps: the requirements are already there.
PROJECT := $(BIN)/pip install --quiet --no-deps --no-build-isolation -e .

$(VENV)/.docs: requirements/docs.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt
	$(PROJECT)
	touch $@

$(VENV)/.test: requirements/docs.txt requirements/test.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/docs.txt -r requirements/test.txt
	$(PROJECT)
	touch $@

# The checkers the suite runs (Nu Html Checker, Lighthouse), pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Stages the site source into build/stage, serves it, and stages again on every edit under data/ or docs/.
# Zensical (the successor of MkDocs + Material) in its own venv: `make zensical` proves the staged source
# builds without MkDocs, into site-zensical/.
.venv-zensical/.installed: requirements/zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/pip install --quiet --require-hashes -r requirements/zensical.txt
	touch $@

zensical: $(VENV)/.docs .venv-zensical/.installed
	$(BIN)/python -m lumbar zensical --zensical .venv-zensical/bin/zensical

serve: $(VENV)/.docs
	$(BIN)/python -m lumbar serve --dev-addr 127.0.0.1:8000

# Stage, build into a fresh folder, post-process, zip the offline copy of each language into it
# (downloads/lumbar-handbook-offline.zip, -es.zip, -ru.zip), then swap it in: a failed build leaves the last good site/.
build: $(VENV)/.docs
	$(BIN)/python -m lumbar build --site-dir site

# Only the offline zips (one per language), into the last built site/.
offline: $(VENV)/.docs
	$(BIN)/python -m lumbar offline site

check: $(VENV)/.docs
	$(BIN)/python -m lumbar check

test: $(VENV)/.test node_modules/.installed .venv-zensical/.installed
	scripts/ensure-chromium.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	node --test tests/js/
	$(BIN)/python -m pytest

# The fast tier, under two minutes: everything that builds no site and drives no browser (tests/conftest.py marks
# the rest `slow`). `make test` runs the whole suite.
check-fast: $(VENV)/.test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not slow" -n 2 -q

# The ratios a change can break (build against plain, 1,000 against 5,000 exercises, peak memory, page weights),
# within ten minutes, one table at the end. bench-full adds Lighthouse, search, serve and the per-language builds
# (25 minutes and more).
bench: $(VENV)/.test
	$(BIN)/python -m lumbar bench --ratios --budget 540

bench-full: $(VENV)/.test node_modules/.installed
	$(BIN)/python -m lumbar bench --budget 1800

schema: $(VENV)/.docs
	$(BIN)/python -m lumbar schema

# The picture of a printed sheet in the README and the how-to page: run after changing the sheet.
pictures: $(VENV)/.test
	$(BIN)/python -m lumbar pictures

clean:
	rm -rf site site.new build site-zensical zensical.yml .pytest_cache
