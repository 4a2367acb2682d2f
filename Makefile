# Two commands for a fresh machine: `make book` builds the HTML book, `make test` runs every check.
# Both create the virtual environment from the pinned lock first.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
BOOK := _build/html/index.html
# The book is rebuilt from clean whenever any of its inputs changed (data included, so no chapter
# shows results computed from data that has since changed).
BOOK_INPUTS := $(shell find chapters data article_analysis -type f ! -path '*/__pycache__/*' \
                 ! -path '*/.ipynb_checkpoints/*' 2>/dev/null) _config.yml _toc.yml intro.ipynb
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

NOTEBOOKS := intro.ipynb $(sort $(wildcard chapters/*.ipynb))

.PHONY: book test notebooks lab serve benchmark mutation lock clean

book: $(BOOK)

test: $(BOOK)
	$(BIN)/pytest $(NBVAL) tests intro.ipynb chapters

$(INSTALLED): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# -W turns every warning (a failing cell, a broken reference, stderr output) into an error;
# --keep-going reports all of them before failing.
$(BOOK): $(INSTALLED) $(BOOK_INPUTS)
	rm -rf _build
	$(BIN)/jupyter-book build . --all -W -n --keep-going

# Re-execute the committed notebooks in place, top to bottom, without timestamps in their metadata and
# without widget state (no page reads it; a live notebook rebuilds its panels when run).
notebooks: $(INSTALLED)
	for notebook in $(NOTEBOOKS); do \
	  $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.store_widget_state=False \
	    --ExecutePreprocessor.record_timing=False --ExecutePreprocessor.timeout=600 $$notebook || exit 1; \
	done

lab: $(INSTALLED)
	$(BIN)/jupyter lab chapters/

serve: $(BOOK)
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html 8000

benchmark: $(INSTALLED)
	$(BIN)/python benchmarks/build.py
	$(BIN)/python benchmarks/power.py

# Mutation score of each analysis module against its own unit tests (slow: not part of `make test`).
mutation: $(INSTALLED)
	$(BIN)/python tools/mutation.py --show

# Recompile the full lock from requirements.in in a throwaway environment.
lock:
	rm -rf /tmp/article-analysis-lock && $(PYTHON) -m venv /tmp/article-analysis-lock
	/tmp/article-analysis-lock/bin/python -m pip install --quiet --upgrade pip
	/tmp/article-analysis-lock/bin/python -m pip install --quiet -r requirements.in
	{ sed -n '1,2p' requirements.txt; /tmp/article-analysis-lock/bin/pip freeze; echo "-e ."; } > requirements.lock.tmp
	mv requirements.lock.tmp requirements.txt

clean:
	rm -rf _build $(VENV)
