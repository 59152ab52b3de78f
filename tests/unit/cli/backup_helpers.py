"""What the backup tests read and write in a store between backups (test_backup_pair,
test_backup_kills): how many people it holds, and one more person."""

from __future__ import annotations

from pathlib import Path

from login_helpers import login

from casa_desk.store.people import People


def people_count(path: Path) -> int:
    session = login(path)
    try:
        return len(session.store.query("SELECT id FROM people"))
    finally:
        session.store.close()


def register_one(path: Path) -> None:
    session = login(path)
    try:
        People(session.store).register(
            {"last_name": "Quibbert", "first_name": "Alfa", "codice_fiscale": None},
            presidio="SAN-SIRO",
        )
    finally:
        session.store.close()
