"""A bug's details name code and classes, never values (casa_desk.bug_details)."""

from __future__ import annotations

import sqlite3

import pytest

from casa_desk.bug_details import bug_details
from casa_desk.errors import ValidationError

CF = "QRZRNN79D52F205X"
NAME = "Quarzolini Arianna"


def _raised(fn) -> BaseException:  # type: ignore[no-untyped-def]
    with pytest.raises(BaseException) as info:
        fn()
    return info.value


def test_a_constraint_and_a_chained_key_are_left_out() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE people (cf TEXT UNIQUE)")
    db.execute("INSERT INTO people VALUES (?)", (CF,))

    def insert() -> None:
        try:
            {}[NAME]
        except KeyError as exc:
            try:
                db.execute("INSERT INTO people VALUES (?)", (CF,))
            except sqlite3.IntegrityError as inner:
                raise ValidationError(f"Codice fiscale {CF} già presente.") from inner
            raise AssertionError from exc

    details = bug_details(_raised(insert))
    assert "KeyError" in details and "sqlite3.IntegrityError" in details
    assert "SQLITE_CONSTRAINT" in details and "casa_desk.errors.ValidationError" in details
    assert "direct cause" in details and "During handling" in details
    assert CF not in details and "Quarzolini" not in details
    assert 'db.execute("INSERT INTO people VALUES (?)", (CF,))' in details  # the code line


def test_a_group_and_notes_are_left_out() -> None:
    def group() -> None:
        error = ValueError(f"invalid literal for int(): {CF!r}")
        error.add_note("Via delle Prove 7")
        raise ExceptionGroup(NAME, [error, OSError(2, "x", f"{NAME}.pdf")])

    details = bug_details(_raised(group))
    assert "ExceptionGroup" in details and "ValueError" in details and "errno 2" in details
    for value in (CF, "Via delle Prove", "Quarzolini", "Arianna"):
        assert value not in details
