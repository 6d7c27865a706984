"""The layering the code promises, checked from its source with ``ast``.

The pipeline is text < recognizers < checks < figure_table < report < app < cli/server;
a module may import from its own stage and earlier ones, never later ones, and no
import cycle may exist (counting imports inside functions too: they run later, but a
cycle through them still means two modules that cannot be understood apart). The
records (model, options, errors, limits) are for every stage and import no stage.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest

from discrepancy.report import RENDERERS

PACKAGE = Path(__file__).resolve().parent.parent / "discrepancy"

# Rank of each stage: an import must go to a rank <= the importer's.
RECORDS = ("model", "options", "errors", "limits")
STAGES: dict[str, int] = {
    **{name: 0 for name in RECORDS},
    "text": 1,
    "recognizers": 2,
    "checks": 3,
    "figure_table": 4,
    "report": 5,
    "app": 6,
    "cli": 7,
    "server": 7,
}
# The package itself and the old import paths the README documents re-export later
# stages; they are ranked as the latest stage they import (see ``rank``).
FACADES = ("discrepancy", "discrepancy.batch", "discrepancy.batch_run")

MAX_FUNCTION_LINES = 60


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int


def _type_checking_only(node: ast.AST) -> bool:
    # ``if TYPE_CHECKING:`` imports never run: they are for type hints only.
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for node in ast.iter_child_nodes(tree):
        if _type_checking_only(node):
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        else:
            yield from _import_nodes(node)


def _resolve(importer: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (a.name for a in node.names if a.name in MODULES)
        return
    if node.level:
        is_package = MODULES[importer].name == "__init__.py"
        base = importer.split(".")
        base = base[: len(base) - node.level + (1 if is_package else 0)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target not in MODULES:
        return
    # ``from .report import records`` imports the module; ``from .report import render``
    # a name of the package.
    submodules = [f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in MODULES]
    yield from submodules
    if len(submodules) < len(node.names):
        yield target


def imports() -> list[Import]:
    found = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _import_nodes(tree):
            for target in _resolve(name, node):
                if target != name:
                    found.append(Import(name, target, node.lineno))
    return found


IMPORTS = imports()


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def rank(module: str) -> int:
    if module in FACADES:
        return max((rank(i.imported) for i in IMPORTS if i.importer == module), default=0)
    name = stage(module)
    assert name is not None, f"{module}: in no stage; add it to STAGES"
    return STAGES[name]


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for i in IMPORTS:
        graph[i.importer].add(i.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def upward_imports() -> list[str]:
    """'importer:line -> imported' for every import of a later stage."""
    return sorted(f"{i.importer}:{i.line} -> {i.imported}"
                  for i in IMPORTS if rank(i.imported) > rank(i.importer))


def test_every_module_is_in_a_stage() -> None:
    unplaced = [m for m in MODULES if m not in FACADES and stage(m) is None]
    assert unplaced == []


def test_there_is_no_import_cycle() -> None:
    # before issue 11: model -> load -> model; app.batch -> batch_run -> cli -> batch
    assert cycles() == []


def test_the_records_import_no_stage() -> None:
    records = tuple(f"discrepancy.{name}" for name in RECORDS)
    bad = [f"{i.importer}:{i.line} -> {i.imported}" for i in IMPORTS
           if i.importer in records and i.imported not in records]
    assert bad == []


def test_no_module_imports_a_later_stage() -> None:
    assert upward_imports() == []


Function = ast.FunctionDef | ast.AsyncFunctionDef


def functions(within: tuple[str, ...]) -> Iterator[tuple[str, Function]]:
    """(module, function node) of every function in the modules under ``within``."""
    for name, path in MODULES.items():
        if name.startswith(within):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield name, node


def long_functions(within: tuple[str, ...]) -> list[str]:
    out = []
    for name, node in functions(within):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > MAX_FUNCTION_LINES:
            out.append(f"{name}.{node.name}:{node.lineno} ({length} lines)")
    return sorted(out)


def test_no_function_in_checks_is_over_60_lines() -> None:
    assert long_functions(("discrepancy.checks",)) == []


def test_no_function_in_recognizers_is_over_60_lines() -> None:
    # Issue 11 split recognizers/ into named rules; before it, quantities._finish
    # ran 301 lines, _noun_phrase 114, dates._atom 85.
    assert long_functions(("discrepancy.recognizers",)) == []


MAX_COMPLEXITY = 25
_BRANCHES = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.IfExp, ast.ExceptHandler,
             ast.match_case, ast.Assert)


def complexity(fn: ast.AST) -> int:
    """Cyclomatic complexity as radon counts it (closely enough for a guard): one,
    plus each branch, each extra operand of ``and`` / ``or``, each comprehension
    loop and condition. Nested functions count for themselves, not here."""
    count = 1
    stack = list(ast.iter_child_nodes(fn))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, _BRANCHES):
            count += 1
        elif isinstance(node, ast.BoolOp):
            count += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            count += 1 + len(node.ifs)
        stack.extend(ast.iter_child_nodes(node))
    return count


def complex_functions(within: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{name}.{node.name}:{node.lineno} (complexity {cc})"
        for name, node in functions(within) if (cc := complexity(node)) > MAX_COMPLEXITY
    )


def test_no_function_in_recognizers_or_checks_is_too_complex() -> None:
    # before issue 11: quantities._finish 211, _noun_phrase 79, attributions._judge 48
    assert complex_functions(("discrepancy.recognizers", "discrepancy.checks")) == []


# ---------------------------------------------------------------- one list of output formats


def test_every_format_reads_the_renderer_registry() -> None:
    from discrepancy import report
    from discrepancy.app import config
    from discrepancy.report import figure_table

    assert config.FORMATS is report.FORMATS
    assert set(report.MEDIA_TYPES) == set(report.FORMATS)
    assert set(report.SUFFIXES.values()) <= set(report.FORMATS)
    # compare renders a subset, in the registry's order and with its suffixes
    assert figure_table.FIGURE_FORMATS == tuple(
        f for f in report.FORMATS if f in figure_table.FIGURE_RENDERERS
    )
    assert set(figure_table.FIGURE_RENDERERS) == set(figure_table.FIGURE_FORMATS)
    for suffix, fmt in figure_table.FIGURE_SUFFIXES.items():
        assert report.SUFFIXES.get(suffix, fmt) == fmt


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_registered_renderer_exists(fmt: str) -> None:
    module, func = RENDERERS[fmt].split(":")
    assert callable(getattr(import_module(f"discrepancy.report.{module}"), func))


def _names_bound_twice(tree: ast.Module) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for node in tree.body:
        names: list[str] = []
        if isinstance(node, ast.Assign):
            names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names = [node.name]
        twice += [n for n in names if n in seen and n != "__all__"]
        seen.update(names)
    return twice


def test_no_module_binds_a_top_level_name_twice() -> None:
    """A constant defined twice in one module keeps only its later value: `FIGURE_REACH`
    60 was silently 30 in `checks/dates.py` for a whole session."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        twice = _names_bound_twice(ast.parse(path.read_text(encoding="utf-8")))
        found += [f"{path.name}: {n}" for n in twice]
    assert found == []
