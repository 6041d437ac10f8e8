"""Convention tests that walk the tree instead of trusting memory."""

import ast
from pathlib import Path

ROOT = Path(__file__).parents[2]
PURE_PACKAGES = [ROOT / "schemas", *[p for p in (ROOT / "pipeline").iterdir() if p.name != "defs"]]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _python_files(paths):
    for path in paths:
        if path.is_dir():
            yield from path.rglob("*.py")
        elif path.suffix == ".py":
            yield path


def test_pure_modules_never_import_dagster():
    offenders = {}
    for path in _python_files(PURE_PACKAGES):
        if path.name in {"definitions.py", "cli.py"}:
            continue  # the code location, and the CLI's lazy import of the release job
        bad = {m for m in _imports(path) if m.split(".")[0] == "dagster" or m.startswith("pipeline.defs")}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert offenders == {}


def test_schemas_import_nothing_from_pipeline():
    for path in (ROOT / "schemas").rglob("*.py"):
        assert not any(m.split(".")[0] == "pipeline" for m in _imports(path)), path


def test_cli_imports_orchestration_only_inside_the_release_command():
    tree = ast.parse((ROOT / "pipeline" / "cli.py").read_text(encoding="utf-8"))
    top_level = {node.module for node in tree.body if isinstance(node, ast.ImportFrom) and node.module}
    assert not any(m.startswith(("dagster", "pipeline.defs")) for m in top_level)


def test_every_module_has_a_docstring():
    missing = [
        str(p.relative_to(ROOT))
        for p in _python_files([ROOT / "pipeline", ROOT / "schemas"])
        if p.stat().st_size and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []
