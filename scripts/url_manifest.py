#!/usr/bin/env python3
"""The URL manifest: every address this site has published, so that none breaks silently.

    python scripts/url_manifest.py                # build the site, add its new URLs to the manifest
    python scripts/url_manifest.py --site site    # use an already built site (built with this data)
    python scripts/url_manifest.py --check        # exit 1 if a published URL is gone or a new one is unlisted

policy_data/url_manifest.txt lists site paths (below site_url), pages with their citable anchors, and
the data files, calendars and feeds. A URL is never dropped from it: when a page moves, declare a
redirect in policy_data/redirects.yaml (tests/redirects/test_url_manifest.py fails until you do).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core import urls  # noqa: E402
from macros.features.redirects.outputs import redirects  # noqa: E402
from macros.core.load import load_catalog  # noqa: E402
from macros.registry import FEATURES  # noqa: E402

MANIFEST = ROOT / "policy_data" / "url_manifest.txt"
HEADER = """\
# Every URL this site has published: paths below site_url (/ is the home page), one a line, sorted.
# Regenerate with `python scripts/url_manifest.py` (it only ever adds). Never delete a line: when a page
# moves, declare a redirect in policy_data/redirects.yaml; tests/redirects/test_url_manifest.py checks both.
"""
# Theme files, the search index (pagefind/) and the sitemap are not addresses anyone cites.
NOT_PUBLISHED = ("assets/", "pagefind/", "sitemap.xml", "sitemap.xml.gz", "404.html")


def anchors(catalog) -> set[str]:
    """The citable anchors of the URL scheme: targets, milestones, tasks and parts in the full text."""
    result = set()
    for bundle in catalog.plans.values():
        for item in bundle.items():
            page = urls.item(bundle.id, item)
            result |= {f"{page}#{urls.target_anchor(t.id)}" for t in item.targets}
            result |= {f"{page}#{urls.milestone_anchor(m.id)}" for m in item.milestones}
        result |= {f"{urls.plan_text(bundle.id)}#task-{task.id}" for task in bundle.tasks}
        result |= {f"{urls.plan_text(bundle.id)}#part-{part.id}" for part in bundle.parts}
    result |= {urls.reference(ref_id) for ref_id in catalog.references}
    return result


def published(site: Path, catalog) -> set[str]:
    """What this build publishes: pages, files and citable anchors (redirect pages excluded)."""
    moved = {redirect.from_ for redirect in redirects(catalog)}
    result = set()
    for file in site.rglob("*"):
        path = file.relative_to(site).as_posix()
        if not file.is_file() or path.startswith(NOT_PUBLISHED):
            continue
        if path == "index.html" or path.endswith("/index.html"):
            path = path[: -len("index.html")]
            if path in moved:
                continue
        result.add(path)
    return result | anchors(catalog)


def read(manifest: Path = MANIFEST) -> list[str]:
    if not manifest.exists():
        return []
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return [line.strip()[1:] for line in lines if line.startswith("/")]


def write(entries: set[str], manifest: Path = MANIFEST) -> None:
    """One URL path a line, written from the site's root (``/`` is the home page)."""
    manifest.write_text(HEADER + "".join(f"/{entry}\n" for entry in sorted(entries)), encoding="utf-8")


def _page(site: Path, path: str) -> Path:
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def broken(entries: list[str], site: Path, catalog) -> list[str]:
    """Manifest URLs this build no longer serves, each with the reason. Empty when all is well."""
    declared = {redirect.from_: redirect for redirect in redirects(catalog)}
    problems = []
    for entry in entries:
        path, _, anchor = entry.partition("#")
        redirect = declared.get(path)
        if redirect:
            if not _page(site, path).is_file():
                problems.append(f"{entry}: redirects.yaml declares it moved, but no redirect page was built")
                continue
            path, _, new_anchor = redirect.to.partition("#")
            anchor = new_anchor or anchor
        page = _page(site, path)
        if not page.is_file():
            problems.append(f"{entry}: no longer built; keep it, or declare a redirect in policy_data/redirects.yaml"
                            + (" (a data file, calendar or feed cannot redirect: keep publishing it)"
                               if not path.endswith("/") and path else ""))
        elif anchor and f'id="{anchor}"' not in page.read_text(encoding="utf-8"):
            problems.append(f"{entry}: the page has no anchor #{anchor} any more; ids in the data must not change")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--check", action="store_true", help="report, do not write")
    args = parser.parse_args(argv)
    catalog = load_catalog(ROOT / "policy_data", FEATURES)
    with tempfile.TemporaryDirectory(prefix="url-manifest-") as temp:
        site = args.site
        if site is None:
            from scripts.build import build

            site = Path(temp) / "site"
            if build(site, quiet=True) != 0:
                return 1
        listed, built = read(), published(site, catalog)
        problems = broken(listed, site, catalog)
        new = sorted(built - set(listed))
    for problem in problems:
        print(f"gone: {problem}", file=sys.stderr)
    if args.check:
        for entry in new:
            print(f"not in the manifest: {entry} (run python scripts/url_manifest.py)", file=sys.stderr)
        return 1 if problems or new else 0
    write(set(listed) | set(new))
    print(f"{MANIFEST.relative_to(ROOT)}: {len(set(listed) | set(new))} URLs ({len(new)} new)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
