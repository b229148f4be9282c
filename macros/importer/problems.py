"""The one error the importer raises: a problem with the source, named like the validator names data errors."""
from __future__ import annotations


class ImportProblem(Exception):
    """Bad input: ``<file>:<line>: found …; expected …`` on one line. Nothing has been written."""

    def __init__(self, file: str, line: int | None, found: str, expected: str, details: tuple[str, ...] = ()) -> None:
        self.file, self.line, self.found, self.expected = file, line, found, expected
        where = f"{file}:{line}" if line else file
        # details: the validator's own file:line messages, one per line under the summary
        super().__init__("\n  ".join([f"{where}: found {found}; expected {expected}", *details]))
