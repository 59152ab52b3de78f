"""The suppression list reaches every office through the hub (store/suppression.py).

Aler's registry is imported by more than one office. A person erased on request at one
office used to be registered again by another office's next import of the same list; now the
keyed hash travels with her anonymisation, under the erasure key the hub hands to every
desk, and that import skips her too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from login_helpers import session_for
from sqlalchemy import select
from sync_helpers import HubProcess, new_office, quiesce

from casa_desk.imports.registry import import_people
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.security import rights
from casa_desk.store import suppression
from casa_desk.sync.hub import schema

CF = make_cf("Sbrindelli", "Ada", date(1961, 2, 14), "F", "F205")


def _registry(path: Path) -> Path:
    path.write_text(
        "cognome;nome;codice_fiscale;data_nascita;sesso\r\n"
        f"Sbrindelli;Ada;{CF};14/02/1961;F\r\n"
        f"Ortolani;Bruno;{make_cf('Ortolani', 'Bruno', date(1970, 1, 2), 'M', 'F205')};"
        "02/01/1970;M\r\n",
        encoding="utf-8",
    )
    return path


def test_another_offices_import_skips_a_person_erased_at_the_first(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    try:
        registry = _registry(tmp_path / "anagrafe.csv")
        assert import_people(a, registry, by="t").created == 2
        ada = a.query("SELECT id FROM people WHERE codice_fiscale = ?", [CF])[0]["id"]
        quiesce([a, b])
        rights.erase_person(session_for(a), ada, "richiesta scritta n. 9")
        quiesce([a, b])
        # Both desks hash under the hub's erasure key, not a key of their own.
        assert suppression.keys(a.db) == suppression.keys(b.db)
        assert a.db.execute(
            "SELECT value FROM sync_state WHERE key = ?", [suppression.KEY_STATE]
        ).fetchone()
        # Office B imports the same registry: she is skipped, Bruno is already there.
        result = import_people(b, registry, by="t", presidio="MAZZINI")
        assert (result.created, result.suppressed, result.unchanged) == (0, 1, 1)
        assert not b.query("SELECT id FROM people WHERE codice_fiscale = ?", [CF])
        hs = sqlite_hub.store()
        try:
            people = schema.MIRRORS["people"]
            with hs.tx(readonly=True) as conn:
                row = conn.execute(
                    select(people.c.last_name, people.c.erasure_hashes).where(people.c.id == ada)
                ).one()
        finally:
            hs.close()
        assert row[0] is None and row[1] and CF not in row[1]
    finally:
        a.close()
        b.close()
