# Two commands a user needs: `make run` opens the app, `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test demo bench translations screenshots dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The login screen pre-fills CASA_DESK_USER (demo stores' administrator: demo, password demo)
# the first time; it never reads a password from the environment.
run: export CASA_DESK_USER ?= demo
run: $(STAMP)
	$(BIN)/casa-desk $(ARGS)

# Two workers (pytest-xdist): the bundle and wheel builds run beside the rest. PYTEST_ARGS="-n 0"
# runs the suite in one process.
PYTEST_ARGS ?= -n 2
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

demo: $(STAMP)
	$(BIN)/casa-desk demo --db demo.sqlite

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_store.py

translations: $(STAMP)
	$(BIN)/python tools/translations.py

# The one-folder desktop bundle (PyInstaller, packaging/casa_desk.spec) in dist/casa-desk/.
dist: $(STAMP)
	$(BIN)/python tools/build_bundle.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
