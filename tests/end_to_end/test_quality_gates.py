"""Quality gates on the built site: every internal link and anchor resolves (LinkChecker over loopback),
the HTML is valid (Nu HTML Checker, vnu-jar from npm, on Debian's Java) apart from the theme's known
findings listed below with reasons, and two builds of the same data give the same files.
"""
from __future__ import annotations

import csv
import filecmp
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.browser_checks import node_tool, serve
from tests.support import html_files

# ---------------------------------------------------------------- links and anchors

LINKCHECKER_CONFIG = """[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[output]
status=0
warnings=1
[AnchorCheck]
"""


def test_every_internal_link_and_anchor_resolves(site, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
    config.chmod(0o644)
    tmp_path.chmod(0o755)  # LinkChecker running as root drops to the user nobody
    # The header and maxrequestspersecond lift LinkChecker's politeness delay (meant for other
    # people's servers) on our own loopback server.
    with serve(site, headers={"LinkChecker": "loopback test server"}) as served:
        starts = [served.url + p.relative_to(site).as_posix() for p in html_files(site)]
        result = subprocess.run([sys.executable, "-m", "linkcheck", f"--config={config}", "--output=csv",
                                 "--verbose", "--no-status", *starts], capture_output=True, text=True, timeout=900,
                                cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in result.stdout.splitlines()
                                                      if not line.startswith("#"))), delimiter=";"))
    assert rows, result.stdout[-2000:] + result.stderr[-2000:]
    bad = [f"{row['parentname']} -> {row['urlname']}: {row['result']} {row['warningstring']}".strip()
           for row in rows if row["valid"] != "True" or row["warningstring"]]
    checked = {row["url"] for row in rows}
    assert len(checked) > len(starts), "LinkChecker did not follow the links"
    assert any("#" in row["urlname"] for row in rows), "no anchor was checked"
    assert not bad, "\n".join(bad[:40])


# ---------------------------------------------------------------- valid HTML

# The only findings allowed, each from Material for MkDocs' own templates, with the reason.
THEME_FINDINGS = [
    (re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),
     re.compile(r'class="md-(toggle|nav__toggle)'),
     "Material's base.html and nav templates put autocomplete=\"off\" on the checkboxes that open the "
     "drawer, search and navigation sections, so that browsers do not restore them on going back; "
     "HTML allows the attribute only on text-like inputs. Harmless; fixing it means copying the theme's "
     "templates."),
]


def test_html_is_valid(site):
    java = shutil.which("java")
    assert java, "Java is missing: run `make test` (it installs default-jre-headless)"
    # --no-langdetect: the pages are Chinese (lang="zh"); the detector misreads pages that are mostly
    # identifiers, such as the data format reference.
    result = subprocess.run([java, "-jar", str(node_tool("vnu-jar/build/dist/vnu.jar")), "--format", "json",
                             "--skip-non-html", "--no-langdetect", str(site)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    assert messages is not None
    unexpected = []
    for message in messages:
        if message["type"] not in ("error", "non-document-error") and message.get("subType") != "warning":
            continue  # plain information
        if any(text.search(message["message"]) and where.search(message.get("extract", ""))
               for text, where, _ in THEME_FINDINGS):
            continue
        where = message.get("url", "").replace(f"file:{site}/", "")
        unexpected.append(f"{where}:{message.get('lastLine')}: {message['type']}: {message['message']}"
                          f"\n    {message.get('extract', '').strip()[:160]}")
    assert len(html_files(site)) > 40
    assert not unexpected, f"{len(unexpected)} findings:\n" + "\n".join(unexpected[:30])


# ---------------------------------------------------------------- reproducible build

# Content that may differ between two builds of the same data, and why. Nothing else may.
DECLARED_TIMESTAMPS = {
    "sitemap.xml": (re.compile(r"<lastmod>[^<]*</lastmod>"), "the build date, written by MkDocs"),
}


def _normalised(path: Path, relative: str) -> bytes:
    data = path.read_bytes()
    if relative.endswith(".gz"):
        data = gzip.decompress(data)  # the gzip header carries the file's time
        relative = relative[:-3]
    if relative in DECLARED_TIMESTAMPS:
        pattern, _ = DECLARED_TIMESTAMPS[relative]
        data = pattern.sub("<declared-timestamp>", data.decode("utf-8")).encode("utf-8")
    return data


def test_two_builds_give_the_same_files(site, tmp_path, base_url):
    from scripts.build import build

    second = tmp_path / "site"
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = base_url  # as the session's build
    try:
        assert build(second, quiet=True) == 0
    finally:
        if previous is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = previous
    first_files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    second_files = sorted(p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file())
    assert first_files == second_files
    different = [relative for relative in first_files
                 if not filecmp.cmp(site / relative, second / relative, shallow=False)
                 and _normalised(site / relative, relative) != _normalised(second / relative, relative)]
    assert not different, different[:20]
