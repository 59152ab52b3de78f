"""A hostile office cannot use the suppression list to stop other offices' imports.

Every enrolled desk holds the deployment's erasure key (store/suppression.py), so an office
can compute the hashes of any tenant's codice fiscale. ``people.erasure_hashes`` is a field
of the shared registry, which any office may edit: before, an office that put chosen hashes
on a living person's row — its own or another office's — made every office's next registry
import skip those tenants ("non importata: cancellata su sua richiesta"), and they were
never registered. The hub now takes the field only with the erasure that writes it (the same
change sets ``anonymised_on``, which only the person's office or head office may send), and
a desk counts only an anonymised row as an erased person.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sync_helpers import HubProcess, edit, new_office, person, quiesce

from casa_desk.imports.registry import import_people
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.store import suppression

CARLA = make_cf("Carli", "Carla", date(1971, 3, 4), "F", "F205")


def test_an_office_cannot_put_hashes_on_a_living_persons_row(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    a = new_office(sqlite_hub, tmp_path / "a.sqlite", "SAN-SIRO")
    b = new_office(sqlite_hub, tmp_path / "b.sqlite", "MAZZINI")
    try:
        theirs = person(a, last_name="Viva")
        quiesce([a, b])
        # Office B (hostile) hashes a tenant that nobody erased, with the key it was given.
        forged = " ".join(suppression.tokens(suppression.keys(b.db)[0], {"codice_fiscale": CARLA}))
        own = person(b, last_name="Finta")
        edit(b, "people", own["id"], erasure_hashes=forged)
        edit(b, "people", theirs["id"], erasure_hashes=forged)
        quiesce([a, b])
        refused = b.query("SELECT reason FROM sync_rejections ORDER BY reason")
        assert [r["reason"] for r in refused] == ["Valore non valido nel campo erasure_hashes."] * 2
        assert a.query("SELECT id FROM people WHERE erasure_hashes IS NOT NULL") == []
        registry = tmp_path / "anagrafe.csv"
        registry.write_text(
            f"cognome;nome;codice_fiscale;data_nascita;sesso\r\nCarli;Carla;{CARLA};04/03/1971;F\r\n",
            encoding="utf-8",
        )
        result = import_people(a, registry, by="t")
        assert (result.created, result.suppressed) == (1, 0)
    finally:
        a.close()
        b.close()
