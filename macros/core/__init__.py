"""Shared concepts only: models, loading with file:line errors, the catalog and its queries, the check runner, URLs, deadlines, rendering, the site map and the build. Core imports no feature."""
