"""The layering rules of STYLE.md, enforced by the project itself (not only by shared/tools).

Qt (PySide6) and casa_desk.ui may be imported only by casa_desk/ui/ and casa_desk/app.py;
models/ depends on nothing else in casa_desk; the headless core never imports the CLI or
the app; the store sits below sync and never imports it (the clock lives in models/).
One connection factory: on the desktop side (everything but the hub, which uses
SQLAlchemy) only casa_desk/store/connection.py imports the ``sqlite3`` binding or wraps a
connection in sqlite-utils' ``Database`` — so every connection is keyed (SQLCipher) in that
one module. And nothing outside the store, the security layer and the demo builder opens a
store without logging in: the CLI and the window go through casa_desk.security.access.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "casa_desk"
HEADLESS = ("store", "sync", "reports", "security")
CONNECTION_FACTORY = "store/connection.py"
_OPENS_STORE = re.compile(r"\bStore\.open\(")  # not HubStore.open
#: Where ``Store.open`` may appear: the store itself, the login that finds the key, and the
#: demo builder's plain twin for the benchmarks.
_MAY_OPEN_STORE = ("store", "security", "demo")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                package = path.relative_to(PACKAGE.parent).parent.parts
                base = package[: len(package) - node.level + 1]
                names.append(".".join([*base, node.module] if node.module else base))
            else:
                names.append(node.module or "")
    return names


def _breaches() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        top = rel.split("/")[0]
        for name in _imports(path):
            qt = name.split(".")[0] == "PySide6" or name.startswith("casa_desk.ui")
            if qt and top != "ui" and rel != "app.py":
                found.append(f"{rel}: imports {name} (Qt only in ui/ and app.py)")
            if (
                top == "models"
                and name.startswith("casa_desk.")
                and not (name.startswith("casa_desk.models") or name == "casa_desk.errors")
            ):
                found.append(f"{rel}: imports {name} (models/ depends on nothing else)")
            if top in HEADLESS and (name.startswith("casa_desk.cli") or name == "casa_desk.app"):
                found.append(f"{rel}: imports {name} (headless core must not import cli/app)")
            if top == "store" and name.startswith("casa_desk.sync"):
                found.append(f"{rel}: imports {name} (the store sits below sync)")
            desktop = rel != CONNECTION_FACTORY and not rel.startswith("sync/hub/")
            if desktop and name.split(".")[0] in ("sqlite3", "_sqlite3", "pysqlite3"):
                found.append(f"{rel}: imports {name} (connections come from {CONNECTION_FACTORY})")
        if rel != CONNECTION_FACTORY and not rel.startswith("sync/hub/"):
            found += [f"{rel}: opens a Database itself" for _ in _database_calls(path)]
        if top in ("ui", "reports", "sync") and _OPENS_STORE.search(path.read_text("utf-8")):
            found.append(f"{rel}: opens a Store (one per process: app.py or the command)")
        elif top not in _MAY_OPEN_STORE and _OPENS_STORE.search(path.read_text("utf-8")):
            found.append(f"{rel}: opens a Store without a login (casa_desk.security.access)")
    return found


def _database_calls(path: Path) -> list[int]:
    """Lines that build a sqlite-utils ``Database`` (around a path or a connection)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "Database"
    ]


def test_layering_holds() -> None:
    assert _breaches() == []


def test_checker_catches_a_qt_import_in_the_store(tmp_path: Path, monkeypatch) -> None:
    """The check itself must fail on a breach, or it proves nothing."""
    fake = tmp_path / "casa_desk"
    (fake / "store").mkdir(parents=True)
    (fake / "store" / "bad.py").write_text("from PySide6.QtCore import QObject\n")
    (fake / "models").mkdir()
    (fake / "models" / "bad.py").write_text("from casa_desk.store import db\n")
    (fake / "store" / "clock.py").write_text("from casa_desk.sync.hlc import Hlc\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert len(_breaches()) == 3


def test_checker_catches_a_connection_opened_outside_the_factory(
    tmp_path: Path, monkeypatch
) -> None:
    fake = tmp_path / "casa_desk"
    for folder in ("store", "ui", "reports", "sync/hub"):
        (fake / folder).mkdir(parents=True)
    (fake / "store" / "connection.py").write_text(
        "import sqlite3\nfrom sqlite_utils import Database\nDatabase(sqlite3.connect(':memory:'))\n"
    )
    (fake / "sync" / "hub" / "storage.py").write_text("import sqlite3\n")  # the hub may
    (fake / "ui" / "search.py").write_text("import sqlite3\n")
    (fake / "reports" / "side.py").write_text("from sqlite3 import connect\n")
    (fake / "store" / "raw.py").write_text("import sqlite_utils\nsqlite_utils.Database('x.db')\n")
    (fake / "ui" / "worker.py").write_text("def work(path):\n    return Store.open(path)\n")
    (fake / "cli").mkdir()
    (fake / "cli" / "plain.py").write_text("def run(path):\n    return Store.open(path)\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert sorted(b.split(":")[0] for b in _breaches()) == [
        "cli/plain.py",
        "reports/side.py",
        "store/raw.py",
        "ui/search.py",
        "ui/worker.py",
    ]


def test_core_imports_without_qt() -> None:
    """Importing every headless module must not load PySide6."""
    import subprocess
    import sys

    modules = [
        "casa_desk." + p.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", ".")
        for top in ("models", *HEADLESS)
        for p in (PACKAGE / top).rglob("*.py")
        if p.name != "__init__.py"
    ]
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + ("assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt loaded'\n")
    )
    subprocess.run([sys.executable, "-c", code], check=True)
