"""The architecture holds: import contracts (import-linter), no cycles, no import placed mid-file, and
the features are listed once, in order, each with everything it declares in its own folder."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp

from tests.support import ROOT

MACROS = ROOT / "macros"


def test_the_import_contracts_are_kept():
    result = subprocess.run([str(Path(sys.executable).with_name("lint-imports")), "--config", str(ROOT / ".importlinter")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def _graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("macros", cache_dir=None, exclude_type_checking_imports=True)
    return {module: graph.find_modules_directly_imported_by(module) for module in graph.modules}


def test_no_module_takes_part_in_an_import_cycle():
    graph = _graph()
    cycles, index, low, stack, on_stack = [], {}, {}, [], set()

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def _late_imports(path: Path) -> list[str]:
    """Imports of our own modules below the top of a file or inside a function (ways to dodge a cycle)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, top = [], True
    for statement in tree.body:
        is_import = isinstance(statement, (ast.Import, ast.ImportFrom))
        is_docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        is_type_checking = isinstance(statement, ast.If) and "TYPE_CHECKING" in ast.unparse(statement.test)
        if not (is_import or is_docstring or is_type_checking):
            top = False
        elif is_import and not top:
            found.append(f"{path.relative_to(ROOT)}:{statement.lineno}")
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.ImportFrom) and (inner.level > 0 or (inner.module or "").startswith("macros")):
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    return found


def test_no_import_of_our_own_modules_is_placed_mid_file():
    late = [place for path in sorted(MACROS.rglob("*.py")) for place in _late_imports(path)]
    assert late == []


def test_every_feature_folder_is_listed_once_and_keeps_its_files_inside():
    from macros.registry import FEATURES

    names = [feature.name for feature in FEATURES]
    assert len(names) == len(set(names))
    folders = {path.name for path in (MACROS / "features").iterdir() if (path / "__init__.py").exists()}
    listed = {feature.__module__ if hasattr(feature, "__module__") else "" for feature in FEATURES}
    assert folders <= set(names), f"feature folders not in macros/registry.py: {sorted(folders - set(names))}"
    for feature in FEATURES:
        for folder in (feature.templates, feature.assets):
            if folder is not None and feature.name in folders:
                assert folder.parent == MACROS / "features" / feature.name, (feature.name, folder)
    assert listed  # the list is importable on its own
