# Two commands for a fresh machine: `make book` builds the HTML book, `make test` runs every check.
# Both create the virtual environment from the pinned lock first. `make check` is the quick loop: the
# unit, data and loader tests, nothing that needs the built book, a browser, the PDF or an install.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BOOK := _build/html/index.html
# Everything a notebook may read or import. When any of it changes, the executor re-executes only the
# notebooks whose recorded inputs (code cells, files read, modules imported, the lock) changed; Sphinx
# then re-renders only the pages whose notebook changed.
BOOK_INPUTS := $(shell find chapters data article_analysis -type f ! -path '*/__pycache__/*' \
                 ! -path '*/.ipynb_checkpoints/*' 2>/dev/null) _config.yml _toc.yml intro.ipynb
# Browser libraries the book serves (vega, vega-embed) and the HTML checker (vnu-jar), pinned in
# package-lock.json; Lighthouse, a dev dependency, is installed only by `make lighthouse`.
# --ignore-scripts: vnu-jar's install script would fetch a Java runtime; Debian's is used instead.
NODE_INSTALLED := node_modules/.installed
NPM_CI := npm ci --no-audit --no-fund --ignore-scripts
PDF := _build/html/book.pdf
# What turns a notebook into a page: when it changes, every page is rendered again from clean.
RENDERER := $(shell find article_analysis/book -type f ! -path '*/__pycache__/*' 2>/dev/null) _config.yml _toc.yml
RENDERED_WITH := _build/renderer.stamp
# Strict nbval runs each notebook in Binder's environment (tests/binder_environment.py): one execution
# checks both the committed outputs and that the notebook runs where Binder's readers run it.
NBVAL := --nbval --nbval-kernel-name binder-environment --nbval-sanitize-with tests/nbval_sanitize.cfg
JOBS := $(shell nproc)
# The markers of tests/conftest.py (MARKERS) that `make check` leaves out: what needs more than the
# virtual environment. --strict-markers: a misspelt marker is an error, not a test silently left in.
NEEDS_MORE := book or pdf or browser or build or lab or nbval or install
# What the targets need from the system, checked before any work. It runs with the system's Python:
# the virtual environment may not exist yet.
PREREQUISITES := $(PYTHON) article_analysis/book/prerequisites.py

NOTEBOOKS := intro.ipynb $(sort $(wildcard chapters/*.ipynb))
# CI fails on a stale notebook instead of re-executing it, so a commit whose outputs do not match its
# inputs cannot pass; locally, `make book` brings them up to date (commit the result).
CHECK_ONLY := $(if $(filter true,$(CI)),--check)

.PHONY: book pdf check test prerequisites-pdf prerequisites-test notebooks lab serve benchmark lighthouse mutation identical-builds lock binder-lock clean

book: $(BOOK)

pdf: prerequisites-pdf $(PDF)

# The tests that need nothing but the virtual environment. On every core, like `make test`: each test
# is a unit of work and each notebook one (the scheduler is tests/conftest.py's).
check: $(INSTALLED)
	$(BIN)/pytest -n $(JOBS) --strict-markers -m "not ($(NEEDS_MORE))" tests

# Everything, in one pytest run on every core.
test: prerequisites-test $(BOOK) $(PDF)
	$(BIN)/pytest -n $(JOBS) --strict-markers $(NBVAL) tests intro.ipynb chapters

prerequisites-pdf:
	@$(PREREQUISITES) chromium npm

prerequisites-test:
	@$(PREREQUISITES) chromium java pdftotext npm

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(NODE_INSTALLED): package.json package-lock.json
	@$(PREREQUISITES) npm
	$(NPM_CI) --omit=dev
	touch $@

# Executes the stale notebooks (a cell that raises or writes to stderr fails), then renders with
# `jupyter-book build -W -n --keep-going`: every warning (stderr in an output, a broken reference) is an
# error, all reported before failing. A failed render removes _build (article_analysis/book/build.py).
# The npm packages first: a machine without npm learns it before the minutes of the Python install.
$(BOOK): $(NODE_INSTALLED) $(INSTALLED) $(RENDERED_WITH) $(BOOK_INPUTS)
	$(BIN)/python -m article_analysis.book.build $(CHECK_ONLY) $(NOTEBOOKS)
	touch $@

$(RENDERED_WITH): $(INSTALLED) $(RENDERER)
	rm -rf _build
	mkdir -p _build
	touch $@

# One PDF of the whole book, printed by the system Chromium from the built pages.
$(PDF): $(BOOK)
	$(BIN)/python -m article_analysis.book.pdf _build/html $@

# Re-execute every notebook in place, in parallel, without timestamps in their metadata
# and without widget state (no page reads it; a live notebook rebuilds its panels when run);
# `make notebooks STALE_ONLY=1` re-executes only those whose inputs changed.
notebooks: $(INSTALLED)
	$(BIN)/python -m article_analysis.book.execution $(if $(STALE_ONLY),--stale) $(NOTEBOOKS)

lab: $(INSTALLED)
	ARTICLE_ANALYSIS_LIVE_CHARTS=1 $(BIN)/jupyter lab chapters/

serve: $(BOOK)
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/power.py

# Lighthouse on every page, mobile and desktop, with the book served compressed (not part of `make test`:
# scores are timings). Installs the dev dependencies too, then marks the tools installed.
lighthouse: $(BOOK)
	$(NPM_CI) && touch $(NODE_INSTALLED)
	$(BIN)/python benchmarks/lighthouse.py

# Mutation score of each analysis module against its own unit tests (minutes: not part of `make test`).
mutation: $(INSTALLED)
	$(BIN)/python tools/mutation.py --show

# Two clean builds of HEAD, each in a fresh clone with its own environment, must give identical HTML.
identical-builds:
	tools/identical_builds.sh

# Recompile the full lock from requirements.in in a throwaway environment.
lock:
	rm -rf /tmp/article-analysis-lock && $(PYTHON) -m venv /tmp/article-analysis-lock
	/tmp/article-analysis-lock/bin/python -m pip install --quiet --upgrade pip
	/tmp/article-analysis-lock/bin/python -m pip install --quiet -r requirements.in
	{ sed -n '1,2p' requirements.txt; /tmp/article-analysis-lock/bin/pip freeze; echo "-e ."; } > requirements.lock.tmp
	mv requirements.lock.tmp requirements.txt

# Recompile Binder's lock (binder/requirements.txt) from binder/requirements.in, constrained to the
# versions Binder's base image already has, so that the Binder build replaces none of them. Only the
# runtime is locked, then this repository's package (a regular install: Binder copies the repository).
binder-lock:
	rm -rf /tmp/article-analysis-binder-lock && $(PYTHON) -m venv /tmp/article-analysis-binder-lock
	/tmp/article-analysis-binder-lock/bin/python -m pip install --quiet -c binder/base-image.txt -r binder/requirements.in
	{ sed -n '1,/^$$/p' binder/requirements.txt; /tmp/article-analysis-binder-lock/bin/pip freeze --exclude-editable; echo "."; } > binder/requirements.lock.tmp
	mv binder/requirements.lock.tmp binder/requirements.txt

clean:
	rm -rf _build $(VENV) node_modules
