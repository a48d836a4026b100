# Maatwerk: the two commands are `make demo` and `make test`. Both build on `make install`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_CLIENTS ?= 200
# pytest-xdist processes for `make test` (one per core; tests of one module share a process)
TEST_WORKERS ?= auto

export MAATWERK_PROJECT_DIR := $(CURDIR)

.PHONY: install lock demo test lint format check-deploy bench-demo-data messages screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Every Python package comes from the lock, checked against its hashes; then Maatwerk itself, built
# by the locked setuptools (no build isolation, so nothing is fetched unchecked).
$(VENV)/.installed: $(BIN)/python requirements/test.txt pyproject.toml
	$(BIN)/pip install --quiet --require-hashes -r requirements/test.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed node_modules/.installed

# Regenerate the locks from pyproject.toml (its pins and its build backend) for CPython 3.11 on
# x86-64 Linux: test.txt with the demo and test extras, production.txt without them (the same
# versions). Unchanged packages keep their versions; `make lock LOCK_ARGS=--upgrade` moves the
# unpinned ones to their newest releases.
BUILD_REQUIRES = $(BIN)/python -c 'import tomllib; \
	print(*tomllib.load(open("pyproject.toml", "rb"))["build-system"]["requires"], sep="\n")'
COMPILE = $(BIN)/uv pip compile --quiet pyproject.toml - --generate-hashes --python-version 3.11 \
	--python-platform x86_64-unknown-linux-gnu --custom-compile-command 'make lock' $(LOCK_ARGS)
lock: $(VENV)/.installed
	$(BUILD_REQUIRES) | $(COMPILE) --extra demo --extra test -o requirements/test.txt
	$(BUILD_REQUIRES) | $(COMPILE) --constraint requirements/test.txt -o requirements/production.txt

# Links in the demo's e-mails and its printed log-in go to the port the demo serves on.
SITE_URL ?= http://127.0.0.1:$(PORT)
DEMO_ENV = MAATWERK_MODE=demo SITE_URL=$(SITE_URL)

demo: install
	$(DEMO_ENV) $(BIN)/maatwerk migrate --no-input
	$(DEMO_ENV) $(BIN)/maatwerk demo_data --clients $(DEMO_CLIENTS) --seed 1 --if-empty
	$(DEMO_ENV) $(BIN)/maatwerk runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/maatwerk makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile --durations=20 $(PYTEST_ARGS)

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-deploy: install
	MAATWERK_MODE=production SECRET_KEY=$$(openssl rand -hex 40) ALLOWED_HOSTS=maatwerk.example \
		$(BIN)/maatwerk check --deploy --fail-level WARNING

# Needs GNU gettext (apt-get install gettext). The .po and compiled .mo files are committed.
# An app with its own locale/ directory keeps its own catalogue; `make messages APP=letters`
# updates only that one.
MESSAGES_DIR := src/maatwerk$(if $(APP),/$(APP))
messages: install
	cd $(MESSAGES_DIR) && $(CURDIR)/$(BIN)/maatwerk makemessages --locale en --no-obsolete \
		--ignore 'node_modules/*' --ignore '*/tests/*' --add-location file
	cd $(MESSAGES_DIR) && $(CURDIR)/$(BIN)/maatwerk compilemessages --locale en

# Every main page of every demo role, 1280 and 375 pixels wide, into docs/screenshots/: from a
# throwaway demo database on a free port, drawn by Debian's chromium (nothing is downloaded).
# Takes a few minutes; not part of `make test`. SCREENSHOT_ARGS="--role klant" for one role.
screenshots: install
	$(BIN)/maatwerk screenshots --out docs/screenshots $(SCREENSHOT_ARGS)

bench-demo-data: install
	$(BIN)/python bench/demo_data.py

clean:
	rm -rf $(VENV) node_modules var/static
