"""One build at a time per site folder: two builds started at once would both swap their result into the
same ``site/`` (rename, move, delete) and could leave it half old, half new or missing.

``with exclusive(site_dir):`` holds an advisory lock (``fcntl.flock``) on ``<site>.lock`` beside the folder
for the whole build; a second build of the same folder waits for it, then builds and swaps in turn. The
kernel drops the lock when the process ends, so a killed build never leaves a stale lock behind.
"""
from __future__ import annotations

import contextlib
import fcntl
import sys
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def exclusive(site_dir: Path) -> Iterator[None]:
    lock_file = site_dir.with_name(site_dir.name + ".lock")
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of {site_dir} is running; waiting for it to finish.", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
