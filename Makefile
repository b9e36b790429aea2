# The two commands: `make run` and `make test`. Everything installs into .venv.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.PHONY: run test lint format bench load install messages clean

$(INSTALLED): pyproject.toml requirements/build-constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --build-constraint requirements/build-constraints.txt ".[dev]"
	touch $@

install: $(INSTALLED)

run: $(INSTALLED)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo_data
	@echo "Portalen kører på http://127.0.0.1:$(PORT)/ (Ctrl-C stopper den)."
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(INSTALLED)
	$(BIN)/python -m pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(INSTALLED)
	$(BIN)/python -m bench

# Load test (not in CI): gunicorn on 127.0.0.1, 20 clients for 20 s; see bench/load.py.
load: $(INSTALLED)
	$(BIN)/python -m bench.load

messages: $(INSTALLED)
	$(BIN)/python manage.py makemessages -l da --no-obsolete --no-location -i ".venv/*" -i "bench/*" -i "tests/*"
	$(BIN)/python manage.py compilemessages -l da --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
