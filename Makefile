# timtin: `make run` to index data/ and serve the web UI, `make test` to run every test.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
INDEX  ?= var/index

.PHONY: setup setup-test run index test test-fast test-min eval bench soak clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

setup-test: $(VENV)/.installed-test

# Exit code 3 from `timtin index` means "done, some files skipped": data/ holds two
# broken files on purpose, to show how they are reported.
index: setup
	$(BIN)/timtin index data --index $(INDEX) || [ $$? -eq 3 ]

run: index
	$(BIN)/timtin serve --index $(INDEX) --port $(PORT)

test: setup-test
	$(BIN)/pytest -q

# The same without the tests marked slow (a wheel install, a soak, a full disk, the bench): a quick loop.
test-fast: setup-test
	$(BIN)/pytest -q -m "not slow"

# The same suite against the lowest versions pyproject.toml allows (CI runs it too).
MIN_VENV := .venv-min
MIN_PINS := whoosh==2.7.4 flask==3.0.0 click==8.1.3 unidecode==1.3.6 numpy==1.26.0 gunicorn==22.0.0 gevent==24.2.1 trafilatura==2.0.0 lxml_html_clean==0.4.0 feedparser==6.0.11
test-min:
	$(PYTHON) -m venv $(MIN_VENV)
	$(MIN_VENV)/bin/pip install --quiet $(MIN_PINS) 'pytest>=8' 'hypothesis>=6.100' 'playwright>=1.40'
	$(MIN_VENV)/bin/pip install --quiet --no-deps -e .
	$(MIN_VENV)/bin/pytest -q -p no:cacheprovider

# Precision and recall of the officials extractor on the labelled set; then of the articles
# a query matches, on the real news of ../shared/real-news (skipped with a note when absent);
# then what each row of the abbreviation table finds, on the real news and on data/.
eval: setup
	$(BIN)/python -m tests.tools.eval_officials
	$(BIN)/python -m tests.tools.eval_matching
	$(BIN)/python -m tests.tools.eval_stories
	$(BIN)/python -m tests.tools.eval_abbreviations

# Speed and memory against plain Whoosh and SQLite FTS5 (see README): a quick look by default,
# the full run with `make bench BENCH_N=100000` (about 40 minutes).
BENCH_N ?= 5000
bench: setup-test
	$(BIN)/python -m tests.tools.bench --n $(BENCH_N)

# Searches during a reindex that is killed, then one that finishes, with 50 idle and 8 slowloris
# connections open, then an index run that fills a small tmpfs (when mount is allowed):
# no failed request, no lost article.
soak: setup-test
	$(BIN)/python -m tests.tools.soak

clean:
	rm -rf $(VENV) $(MIN_VENV) var .pytest_cache
