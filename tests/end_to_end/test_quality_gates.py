"""Quality gates on the built site: every internal link and anchor resolves (LinkChecker over loopback),
the HTML is valid (Nu HTML Checker, vnu-jar from npm, on Debian's Java) apart from the theme's known
findings listed below with reasons. (Two builds of the same data are byte-identical: tests/core/test_field_yaml.py.)
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys

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
