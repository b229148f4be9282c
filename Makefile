# Two set-up commands on a fresh machine: `make site` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Debian packages: CJK fonts for the PDFs (texlive-lang-chinese brings the Fandol 仿宋/宋/黑/楷 fonts of the
# official-text PDFs) and the Pango libraries WeasyPrint draws with; Chromium and PDF/QR tools for the
# browser and print tests.
SITE_PACKAGES := fonts-noto-cjk texlive-lang-chinese libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(SITE_PACKAGES) chromium poppler-utils zbar-tools default-jre-headless

.PHONY: site serve test validate schema benchmark clean release import progress-template

$(VENV)/.site-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

site: $(VENV)/.site-installed
	scripts/install_system_packages.sh $(SITE_PACKAGES)
	$(PY) scripts/build.py

# For publishing: like `make site`, but stops while the footer's site identity holds placeholders.
release: $(VENV)/.site-installed
	scripts/install_system_packages.sh $(SITE_PACKAGES)
	$(PY) scripts/build.py --release

serve: $(VENV)/.site-installed
	$(PY) scripts/build.py --serve

# Test tools from the npm registry (package.json, pinned by package-lock.json): axe-core, vnu-jar.
node_modules/.installed: package.json package-lock.json
	scripts/install_system_packages.sh nodejs
	command -v npm >/dev/null || scripts/install_system_packages.sh npm
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: $(VENV)/.test-installed node_modules/.installed
	scripts/install_system_packages.sh $(TEST_PACKAGES)
	$(PY) -m pytest

validate: $(VENV)/.site-installed
	$(PY) scripts/validate.py

schema: $(VENV)/.site-installed
	$(PY) scripts/export_schema.py

# make benchmark [PLANS="10 100"] [RUNS=1] [BASELINE=1] [KEEP=<dir>]: the table (docs/about/benchmark.md) and
# benchmark.json; the reader's figures (page weight, search download, phone on slow 3G) need the test tools.
PLANS ?= 1 10 100
RUNS ?= 3
benchmark: $(VENV)/.test-installed node_modules/.installed
	$(PY) scripts/benchmark.py --plans $(PLANS) --runs $(RUNS) $(if $(BASELINE),--baseline,) $(if $(KEEP),--keep "$(KEEP)",) --json benchmark.json

clean:
	rm -rf site site.old .build

# Import a plan from the document a government has: make import SOURCE=<file> PLAN=<plan-id> [FORCE=1]
# (.docx, .pdf with a text layer, .txt, saved .html). Writes policy_data/plans/<plan-id>/ and its review list.
import: $(VENV)/.site-installed
	$(PY) scripts/import_plan.py "$(SOURCE)" --plan "$(PLAN)" $(if $(FORCE),--force,)

# A department's progress report template, to fill in and put into policy_data/progress/:
# make progress-template DEPT=<org-id> [OUT=<folder>]  (writes progress-template-<org-id>.csv and .xlsx)
progress-template: $(VENV)/.site-installed
	$(PY) scripts/progress_template.py "$(DEPT)" --out "$(or $(OUT),.)"
