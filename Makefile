# The two commands are `make run` and `make test`; both do every set-up step they need.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
MODEL := models/portage.tar.gz

# The service `make run` answers for when a request names none (see bot/services/).
PORTAGE_SERVICE ?= hampshire
export PORTAGE_SERVICE
export RASA_TELEMETRY_ENABLED := false
# Outside the clone, so a fresh clone on the same machine reuses earlier training work.
export RASA_CACHE_DIRECTORY ?= $(HOME)/.cache/portage-local-offer/rasa
export TF_CPP_MIN_LOG_LEVEL := 2
export TF_INTRA_OP_PARALLELISM_THREADS ?= 2
export TF_INTER_OP_PARALLELISM_THREADS ?= 2
export PYTHONHASHSEED := 0
# Progress bars in logs at most every 15 s.
export TQDM_MININTERVAL ?= 15

PO_FILES := $(wildcard locales/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)
RASA_INPUTS := config.yml $(shell find bot/domain data -name '*.yml' 2>/dev/null)

.PHONY: help run test venv catalogs catalogs-update catalog-init model lint format check-data \
        test-python test-rasa bench lock system-packages browser-tools

help:
	@echo "make run    start the assistant (action server, Rasa, web app) and print its URL"
	@echo "make test   set up everything, then run every check and test"
	@echo "Also: make catalogs-update, make catalog-init LANG=xx, make bench, make lock, make format"

## Set-up ---------------------------------------------------------------------------------------

# Pango and Noto fonts for the PDFs, pdftotext for their tests, chromium for the browser tests
# (apt-get, only what is missing).
system-packages:
	scripts/install_system_packages.sh

venv: $(VENV)/.installed
$(VENV)/.installed: requirements.lock pyproject.toml scripts/make_venv.sh
	scripts/make_venv.sh
	touch $@

catalogs: $(MO_FILES)
locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile --domain messages --input-file $< --output-file $@ --locale $*

# Developer step: refresh messages.pot from the code, templates and profiles, and merge it into
# every language's catalog (translators then fill the new and fuzzy entries).
catalogs-update: venv
	$(BIN)/pybabel extract --mapping-file babel.cfg --output-file locales/messages.pot \
	  --add-comments TRANSLATORS: --sort-by-file --no-wrap \
	  --project "Portage Local Offer assistant" --copyright-holder "The Portage Local Offer assistant contributors" .
	$(BIN)/pybabel update --input-file locales/messages.pot --output-dir locales --domain messages \
	  --no-wrap --ignore-obsolete

catalog-init: venv
	@test -n "$(LANG_CODE)" || { echo "usage: make catalog-init LANG_CODE=xx"; exit 2; }
	$(BIN)/pybabel init --input-file locales/messages.pot --output-dir locales --domain messages \
	  --locale $(LANG_CODE) --no-wrap

model: $(MODEL)
# Rasa's own fingerprint decides what to retrain; make only skips loading Rasa when nothing changed.
$(MODEL): $(RASA_INPUTS) $(VENV)/.installed
	$(BIN)/rasa train --domain bot/domain --data data --config config.yml --out models \
	  --fixed-model-name portage
	touch $@

# axe-core from the npm registry for the browser tests' accessibility check (.cache/npm, git-ignored).
browser-tools:
	scripts/install_axe.sh

lock:
	scripts/lock.sh

## The two commands -----------------------------------------------------------------------------

run: system-packages venv catalogs model
	$(BIN)/portage run

test: system-packages venv catalogs model
	$(MAKE) --no-print-directory lint check-data test-python test-rasa

## Checks ---------------------------------------------------------------------------------------

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-data: venv
	$(BIN)/portage services > /dev/null
	scripts/check_rasa_data.sh

test-python: venv catalogs model browser-tools
	$(BIN)/pytest

# Every topic and basic intent in each language, through the trained model and the policies.
test-rasa: venv model
	$(BIN)/rasa test core --model $(MODEL) --stories tests/rasa --out results/rasa \
	  --fail-on-prediction-errors --no-plot

bench: venv catalogs model
	$(BIN)/python bench/nlu_cross_validation.py
	$(BIN)/python bench/chat_latency.py
