"""Rebuild the translations: extract every UI string into the .ts sources, compile the .qm.

    python tools/translations.py            # lupdate + lrelease
    python tools/translations.py --release  # lrelease only (after editing a .ts)
    python tools/translations.py --fill-from OTHER.ts  # then copy English from another .ts

``--fill-from`` is for merging branches: keep one side's .ts, run lupdate over the merged code,
then fill every still-unfinished English string from the other side's .ts.

Strings are found by ``pyside6-lupdate`` in ``self.tr()`` calls (context = class name) and
``QCoreApplication.translate("Context", "text")`` calls of ``casa_desk/ui`` and
``casa_desk/app.py``. The domain rules' messages (``casa_desk/models``: the Italian one-line
messages of ValidationError) are collected into ``validation_strings.py`` (generated here, for
lupdate only) under the context "Validation"; the registration form words them through it.
The languages' names (``casa_desk/models/languages.py``) go there too, context "Languages",
and the hub's reasons for refusing a change (``casa_desk/sync/refusals.py``, ``TEXTS``),
context "Refusals". The sync errors and the hub's refusals of a request (every line of
``SyncError``, ``sync_error``, ``HubRefusal`` and ``refusal`` in ``casa_desk/sync``, a line
with values as its template) go to "Validation" too: the window words them by their text.
Italian is the source language: ``casa_desk_it.ts`` carries only the plural forms,
``casa_desk_en.ts`` the English text (edit it with ``pyside6-linguist``).
Existing translations are kept; strings no longer in the code are dropped.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The .ts sources sit beside the compiled .qm inside the package; only the .qm ship.
I18N = ROOT / "casa_desk" / "resources" / "i18n"
LANGUAGES = ("en", "it")


def tool(name: str) -> str:
    """``pyside6-<name>`` from the running venv, else from PATH."""
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    if candidate.exists():
        return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} non trovato: installare PySide6 nel venv.")
    return found


VALIDATION = Path(__file__).resolve().parent / "validation_strings.py"
#: Messages built with f-strings in models/people.py (``f"{label} è obbligatorio."``).
_BUILT_MESSAGES = ("Il cognome è obbligatorio.", "Il nome è obbligatorio.")


def validation_messages() -> list[str]:
    """Literal messages of ValidationError in casa_desk/models (calls, _MESSAGE, _MESSAGES)."""
    found: set[str] = set(_BUILT_MESSAGES)
    for path in sorted((ROOT / "casa_desk" / "models").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "ValidationError"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                name = getattr(node.targets[0], "id", "")
                if name == "_MESSAGE" and isinstance(node.value, ast.Constant):
                    found.add(node.value.value)
                elif name == "_MESSAGES" and isinstance(node.value, ast.Dict):
                    found.update(v.value for v in node.value.values if isinstance(v, ast.Constant))
    return sorted(m for m in found if isinstance(m, str))


def _dict_values(module: str, name: str) -> list[str]:
    """The string values of the dictionary ``name`` annotated at the top of ``module`` (a
    path under casa_desk/), read from its source."""
    tree = ast.parse((ROOT / "casa_desk" / module).read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == name:
            assert isinstance(node.value, ast.Dict)
            return [v.value for v in node.value.values if isinstance(v, ast.Constant)]
    raise SystemExit(f"{name} non trovato in casa_desk/{module}")


def language_names() -> list[str]:
    """The Italian names of casa_desk/models/languages.py's ``NAMES`` (the window translates
    them in the context "Languages")."""
    return _dict_values("models/languages.py", "NAMES")


def refusal_texts() -> list[str]:
    """The Italian reasons of casa_desk/sync/refusals.py's ``TEXTS`` (the window words a
    hub's refusal in the context "Refusals")."""
    return _dict_values("sync/refusals.py", "TEXTS")


#: The calls that carry a line a window may show, and where the line is among their
#: arguments (else the keyword ``message``): casa_desk/sync's errors, whatever the desk
#: meets (hub address, enrolment file, bundles, TLS), and the hub's refusals of a request.
_SYNC_CALLS = {"SyncError": 0, "sync_error": 0, "HubRefusal": 2, "refusal": 1}
#: Tables of such lines, by module: the refusals by code, the unreachable hub's causes.
_SYNC_TABLES = (("casa_desk.sync.protocol", "MESSAGES"), ("casa_desk.sync.client", "UNREACHABLE"))


def _message_arg(call: ast.Call, place: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "message":
            return keyword.value
    return call.args[place] if len(call.args) > place else None


def _code_arg(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    place = {"HubRefusal": 1, "refusal": 0}.get(name)
    return call.args[place] if place is not None and len(call.args) > place else None


def sync_messages() -> tuple[list[str], list[tuple[str, str]]]:
    """The Italian lines of casa_desk/sync's errors and hub refusals (the window translates
    them in the context "Validation"; a line with values is there as its template, each
    value a ``{name}``), and where a line is built at run time from values with no template
    (an f-string), which the window cannot translate but by its code: ``(file, code)``, the
    code as written (``"local_store"``, ``protocol.TOO_LARGE``).

    A message given as a name or an expression (``protocol.MESSAGES[protocol.GAP]``,
    ``DEMO_REFUSED``) is evaluated in its module; one that names a local value (a message
    passed on from elsewhere) is skipped: it is collected where it is written."""
    import importlib

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    found: set[str] = set()
    built: list[tuple[str, str]] = []
    for module_name, table in _SYNC_TABLES:
        found.update(getattr(importlib.import_module(module_name), table).values())
    for path in sorted((ROOT / "casa_desk" / "sync").rglob("*.py")):
        relative = path.relative_to(ROOT)
        module = None
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in _SYNC_CALLS:
                continue
            arg = _message_arg(node, _SYNC_CALLS[name])
            if arg is None:
                continue
            if isinstance(arg, ast.Constant):
                found.add(arg.value)
                continue
            if any(isinstance(n, ast.JoinedStr) for n in ast.walk(arg)):
                code = _code_arg(node, name)
                built.append((relative.as_posix(), "" if code is None else ast.unparse(code)))
                continue
            if module is None:
                module = importlib.import_module(".".join(relative.with_suffix("").parts))
            try:
                value = eval(compile(ast.Expression(arg), str(path), "eval"), vars(module))  # noqa: S307 - our own source
            except (NameError, AttributeError, KeyError, TypeError):
                continue  # a message passed on (a refusal's body, a hub's answer)
            if isinstance(value, str):
                found.add(value)
    return sorted(m for m in found if isinstance(m, str)), built


def write_validation_strings() -> None:
    lines = [
        '"""Generated by build.py for lupdate: the domain rules\' messages and the languages\'',
        "names (casa_desk/models), the sync errors and the hub's refusals of a request",
        "(casa_desk/sync), the hub's refusals of a change (casa_desk/sync/refusals.py). Not",
        'imported."""',
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "MESSAGES = (",
    ]
    lines += [
        f'    QT_TRANSLATE_NOOP("Validation", {message!r}),' for message in validation_messages()
    ]
    lines += [")", "", "SYNC = ("]
    lines += [
        f'    QT_TRANSLATE_NOOP("Validation", {message!r}),'
        for message in sync_messages()[0]
        if message not in validation_messages()
    ]
    lines += [")", "", "LANGUAGES = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Languages", {name!r}),' for name in language_names()]
    lines += [")", "", "REFUSALS = ("]
    lines += [f'    QT_TRANSLATE_NOOP("Refusals", {text!r}),' for text in refusal_texts()]
    lines.append(")")
    VALIDATION.write_text("\n".join(lines) + "\n", "utf-8")


def sources() -> list[str]:
    files = sorted((ROOT / "casa_desk" / "ui").glob("*.py"))
    files += [ROOT / "casa_desk" / "app.py", VALIDATION]
    return [str(f) for f in files]


def ts_path(language: str) -> Path:
    return I18N / f"casa_desk_{language}.ts"


def update() -> None:
    write_validation_strings()
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("lupdate"),
                *sources(),
                "-source-language",
                "it",
                "-target-language",
                language,
                "-no-obsolete",
                "-locations",
                "none",
                "-ts",
                str(ts_path(language)),
            ],
            check=True,
        )


def release() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("lrelease"),
                "-silent",
                str(ts_path(language)),
                "-qm",
                str(I18N / f"casa_desk_{language}.qm"),
            ],
            check=True,
        )


def fill_from(other: Path) -> int:
    """Copy finished translations from ``other`` into unfinished entries of the English .ts.

    Entries match on (context, source); returns how many were filled. The file is rewritten by
    ElementTree, so run lupdate/lrelease afterwards to restore Qt's own layout.
    """
    import xml.etree.ElementTree as ET

    def key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
        return (context.findtext("name") or "", message.findtext("source") or "")

    known: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(other).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                known[key(context, message)] = translation
    path = ts_path("en")
    tree = ET.parse(path)
    filled = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            found = known.get(key(context, message))
            if translation is None or translation.get("type") != "unfinished" or found is None:
                continue
            message.remove(translation)
            message.append(found)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="compile only")
    parser.add_argument("--fill-from", type=Path, help="a .ts whose English fills ours")
    args = parser.parse_args()
    if args.fill_from:
        print(f"{fill_from(args.fill_from)} translations filled from {args.fill_from}")
        update()
    elif not args.release:
        update()
    release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
