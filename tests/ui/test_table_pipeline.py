"""Every published table goes one way (issue 12 #5): selectors read the ORM into frozen
dataclasses, calculations compute on plain data, tables build the one table model
(socialaftale/lib/tables.py's ReportTable), and the page, the CSV/XLSX download and the PDF
all show that table. Walked with ast, so a new module is held to it without being listed."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LAYERS = ("selectors", "calculations", "tables")
LONGEST_FUNCTION = 40  # lines, end_lineno - lineno + 1, as the house rules count them
NOT_PYTHON_PACKAGES = {"tests", "bench"}
# Tables still built outside a tables module, to move the same way; the list may only shrink.
NOT_YET_ON_THE_PIPELINE: set[str] = set()


def project_modules() -> list[Path]:
    packages = [
        folder
        for folder in sorted(ROOT.iterdir())
        if (folder / "__init__.py").exists() and folder.name not in NOT_PYTHON_PACKAGES
    ]
    return [
        path
        for folder in packages
        for path in sorted(folder.rglob("*.py"))
        if "migrations" not in path.parts
    ]


def layer_of(path: Path) -> str | None:
    """ "tables" for tariffs/tables.py and for every module of a tariffs/tables/ package."""
    names = [path.stem, *path.relative_to(ROOT).parts[:-1]]
    return next((name for name in names if name in LAYERS), None)


def tree_of(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def imported_modules(tree: ast.Module) -> set[str]:
    """Absolute names; a relative import keeps its dots (".models", "..selectors")."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            if not node.module:  # from . import models
                names.update(base + alias.name for alias in node.names)
    return names


def touches_the_orm(module: str) -> bool:
    parts = module.strip(".").split(".")
    return module.startswith("django.db") or "models" in parts or "selectors" in parts


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_walk_finds_the_layers():
    layers = {relative(path): layer_of(path) for path in project_modules()}
    assert layers["tariffs/calculations.py"] == "calculations"
    assert layers["tariffs/tables/appendix.py"] == "tables"
    assert layers["submissions/tables.py"] == "tables"
    assert layers["offers/selectors.py"] == "selectors"
    assert layers["socialaftale/lib/tables.py"] == "tables"
    assert layers["tariffs/views.py"] is None


def test_no_calculation_imports_the_orm_models_or_selectors():
    offenders = sorted(
        f"{relative(path)}: {module}"
        for path in project_modules()
        if layer_of(path) == "calculations"
        for module in imported_modules(tree_of(path))
        if touches_the_orm(module)
    )
    assert offenders == []


def test_no_function_in_a_selector_calculation_or_table_module_is_over_40_lines():
    offenders = sorted(
        f"{relative(path)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for path in project_modules()
        if layer_of(path)
        for node in ast.walk(tree_of(path))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > LONGEST_FUNCTION
    )
    assert offenders == []


def builds_a_report_table(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) == "ReportTable"
        for node in ast.walk(tree)
    )


def test_report_tables_are_built_only_in_tables_modules():
    """Not in a view, a selector, a calculation or a report module."""
    builders = {
        relative(path)
        for path in project_modules()
        if layer_of(path) != "tables" and builds_a_report_table(tree_of(path))
    }
    assert builders <= NOT_YET_ON_THE_PIPELINE, sorted(builders - NOT_YET_ON_THE_PIPELINE)
