# Two set-up commands on a fresh machine: `make site` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Debian packages: CJK fonts for the PDFs (texlive-lang-chinese brings the Fandol 仿宋/宋/黑/楷 fonts of the
# official-text PDFs) and the Pango libraries WeasyPrint draws with; Chromium and PDF/QR tools for the
# browser and print tests.
SITE_PACKAGES := fonts-noto-cjk texlive-lang-chinese libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_PACKAGES := $(SITE_PACKAGES) chromium poppler-utils zbar-tools default-jre-headless

.PHONY: site merge serve test validate schema benchmark clean release import site-zensical progress-template

$(VENV)/.site-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# make site PLANS=a,b: a shard, only these plans' pages and files, into shards/a,b/ (SHARD_DIR=… to choose);
# make merge: the pages of no plan, with every shards/*/ merged in, into site/ (SHARDS="dir dir" to choose).
# The same as one build of everything (tests/core/test_shards.py); .github/workflows/site.yml runs it in CI.
site: $(VENV)/.site-installed node_modules/.installed
	scripts/install_system_packages.sh $(SITE_PACKAGES)
	$(PY) scripts/build.py $(if $(PLANS),--plans "$(PLANS)" --site-dir "$(or $(SHARD_DIR),shards/$(PLANS))",)

merge: $(VENV)/.site-installed node_modules/.installed
	scripts/install_system_packages.sh $(SITE_PACKAGES)
	$(PY) scripts/build.py --merge $(or $(SHARDS),$(wildcard shards/*/))

# For publishing: like `make site`, but stops while the footer's site identity holds placeholders.
release: $(VENV)/.site-installed node_modules/.installed
	scripts/install_system_packages.sh $(SITE_PACKAGES)
	$(PY) scripts/build.py --release

serve: $(VENV)/.site-installed node_modules/.installed
	$(PY) scripts/build.py --serve

# From the npm registry (package.json, pinned by package-lock.json): Pagefind (the search index; its binary is
# an optional dependency for this platform) for the site; axe-core and vnu-jar for the tests.
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
benchmark: $(VENV)/.test-installed node_modules/.installed
	$(PY) scripts/benchmark.py --plans $(or $(PLANS),1 10 100) --runs $(or $(RUNS),3) $(if $(BASELINE),--baseline,) \
		$(if $(KEEP),--keep "$(KEEP)",) --json benchmark.json

clean:
	rm -rf site site.old .build shards

# Import a plan from the document a government has: make import SOURCE=<file> PLAN=<plan-id> [FORCE=1]
# (.docx, .pdf with a text layer, .txt, saved .html). Writes policy_data/plans/<plan-id>/ and its review list.
# A new version of an existing plan (its current text is kept under versions/): add VERSION=<id> LABEL=<名称>
# DATE=<YYYY-MM-DD>, and while the plan has no versions.yaml, PREVIOUS=<id> PREVIOUS_LABEL=<名称> PREVIOUS_DATE=<日期>.
import: $(VENV)/.site-installed
	$(PY) scripts/import_plan.py "$(SOURCE)" --plan "$(PLAN)" $(if $(FORCE),--force,) \
		$(if $(VERSION),--new-version "$(VERSION)" --label "$(LABEL)" --date "$(DATE)" $(if $(NOTE),--note "$(NOTE)",),) \
		$(if $(PREVIOUS),--previous-version "$(PREVIOUS)" --previous-label "$(PREVIOUS_LABEL)" --previous-date "$(PREVIOUS_DATE)",)

# A department's progress report template, to fill in and put into policy_data/progress/:
# make progress-template DEPT=<org-id> [OUT=<folder>]  (writes progress-template-<org-id>.csv and .xlsx)
progress-template: $(VENV)/.site-installed
	$(PY) scripts/progress_template.py "$(DEPT)" --out "$(or $(OUT),.)"

# The Zensical canary (Material's successor): builds the staged pages with Zensical in its own venv
# (requirements-zensical.txt) and runs the end-to-end tests on the result with the test venv; it reports
# how many pass and never fails (not part of `make test`). make site-zensical ARGS="-k search": pytest's.
.venv-zensical/.installed: requirements.txt requirements-zensical.txt
	$(PYTHON) -m venv .venv-zensical
	.venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

site-zensical: .venv-zensical/.installed $(VENV)/.test-installed node_modules/.installed
	scripts/install_system_packages.sh $(TEST_PACKAGES)
	.venv-zensical/bin/python scripts/zensical_canary.py --pytest $(PY) $(if $(ARGS),-- $(ARGS),)
