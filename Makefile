# Maatwerk: the two commands are `make demo` and `make test`. Both build on `make install`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEMO_CLIENTS ?= 200

export MAATWERK_PROJECT_DIR := $(CURDIR)

.PHONY: install demo test lint format check-deploy bench-demo-data messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed node_modules/.installed

demo: install
	MAATWERK_MODE=demo $(BIN)/maatwerk migrate --no-input
	MAATWERK_MODE=demo $(BIN)/maatwerk demo_data --clients $(DEMO_CLIENTS) --seed 1 --if-empty
	MAATWERK_MODE=demo $(BIN)/maatwerk runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/maatwerk makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

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

bench-demo-data: install
	$(BIN)/python bench/demo_data.py

clean:
	rm -rf $(VENV) node_modules var/static
