"""A bug's technical details without the words of its exceptions.

The text of an exception is written by whoever raised it, and it quotes values: a
``KeyError`` quotes the missing key, ``int()`` and ``strptime`` the text they could not
read, SQLite a trigger's ``RAISE`` message, SQLAlchemy the statement's parameters. With a
person's card open those values are names, codici fiscali, phone numbers and notes; the
details of a bug go to the clipboard ("Copia dettagli"), then into an e-mail to whoever
gives support. So a bug is described by where it happened (the traceback's file, line and
code, which are the program's) and by what it was (the exception's class, SQLite's error
code), never by its message — for every exception of the chain, causes and contexts too.

>>> name = "Rossi Mario"
>>> try:
...     {}[name]
... except KeyError as exc:
...     "Rossi" in bug_details(exc)
False
"""

from __future__ import annotations

import traceback

from casa_desk.errors import CasaError


def bug_details(exc: BaseException) -> str:
    """The traceback of ``exc`` and of the exceptions it came from, messages left out."""
    parts: list[str] = []
    _describe(exc, parts, seen=set())
    return "".join(parts)


def _describe(exc: BaseException, parts: list[str], seen: set[int]) -> None:
    seen.add(id(exc))
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        _describe(cause, parts, seen)
        parts.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        _describe(context, parts, seen)
        parts.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    if exc.__traceback__ is not None:
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(exc.__traceback__))
    parts.append(_kind(exc) + "\n")
    for inner in getattr(exc, "exceptions", None) or ():  # an ExceptionGroup's members
        if isinstance(inner, BaseException) and id(inner) not in seen:
            parts.append("\n+ in the group:\n")
            _describe(inner, parts, seen)


def _kind(exc: BaseException) -> str:
    """The class, and the codes a maintainer can act on without a value in them: an OS
    error's number, SQLite's error name, a :class:`~casa_desk.errors.CasaError`'s code."""
    kind = type(exc)
    name = kind.__qualname__
    if kind.__module__ not in ("builtins", "__main__"):
        name = f"{kind.__module__}.{name}"
    codes = []
    if isinstance(errno := getattr(exc, "errno", None), int):
        codes.append(f"errno {errno}")
    sqlite = getattr(exc, "sqlite_errorname", None)
    if isinstance(sqlite, str) and sqlite.startswith("SQLITE_") and _is_identifier(sqlite):
        codes.append(sqlite)
    if isinstance(exc, CasaError) and _is_identifier(exc.code):
        codes.append(exc.code)
    return f"{name} ({', '.join(codes)})" if codes else name


def _is_identifier(value: str) -> bool:
    return 0 < len(value) <= 40 and value.isascii() and value.replace("_", "").isalnum()
