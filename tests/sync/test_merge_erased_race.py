"""An erasure and a merge of the same record made on two PCs before either hears of the
other leave none of the erased texts anywhere.

PC "b" of the office erases record D (art. 17); PC "a", not yet told, merges D into S, the
same human's other record: the merge copies D's contacts to S (insert-only corrections,
``amends_id`` → D's) with their summaries and notes. The hub and the offices scrubbed rows
*of* an anonymised person only: the copies were S's, so they kept the erased text, at the
hub and in every office that pulled them (b included). Now every scrub takes the copies
down the ``amends_id`` chain too, and a correction arriving by sync is checked against the
person whose contact it corrects. (What S took from D's own fields at the merge — its empty
fields filled, D's notes appended to S's — stays: whether S, the same human, is erased too
is head office's call.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from login_helpers import new_store

from casa_desk.models.vocab import AuditAction
from casa_desk.store.contacts import Contacts
from casa_desk.store.people import People
from casa_desk.store.retention import anonymise
from casa_desk.sync import protocol
from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol
from casa_desk.sync.hub.storage import HubStore


@pytest.mark.parametrize(
    "contacts",
    [1, protocol.MAX_PUSH],  # so many that the copies reach the hub in a later push batch
)
def test_an_erasure_and_a_merge_made_apart_leave_no_erased_text(
    hub_store: HubStore, tmp_path: Path, contacts: int
) -> None:
    hub = hub_store
    trips = iter(range(100))

    def office(name: str):  # type: ignore[no-untyped-def]
        store = new_store(tmp_path / f"{name}.sqlite", presidio=None)
        save_credentials(store, enrol(hub, add_device(hub, "SAN-SIRO")[1]), None)
        return store

    def round_trip(store) -> None:  # type: ignore[no-untyped-def]
        n = next(trips)
        out, reply = tmp_path / f"{n}.bundle", tmp_path / f"{n}-risposta.bundle"
        export_bundle(store, out)
        hub_import_bundle(hub, out, reply)
        import_reply(store, reply)

    a, b = office("a"), office("b")
    d = People(a).register({"last_name": "Doppia", "first_name": "Anna"}, presidio="SAN-SIRO")
    s = People(a).register({"last_name": "Doppia", "first_name": "Anna Maria"}, presidio="SAN-SIRO")
    for n in range(contacts):
        Contacts(a).log(
            {"person_id": d["id"], "category": "altro", "summary": f"Testo cancellato {n}"},
            presidio="SAN-SIRO",
            operator="op",
        )
    round_trip(a)
    round_trip(b)
    anonymise(b, d["id"], on=date(2026, 11, 2), who="b", action=AuditAction.ERASED)
    round_trip(b)
    People(a).merge(d["id"], s["id"], presidio="SAN-SIRO")  # a has not heard yet
    round_trip(a)
    round_trip(b)
    c = office("c")  # a PC paired afterwards: everything from the hub's log
    round_trip(c)
    texts = [r["summary"] for r in hub.rows("contacts")]
    texts += [r["summary"] for pc in (a, b, c) for r in pc.query("SELECT * FROM contacts")]
    assert len(texts) == 4 * 2 * contacts  # originals and copies, at the hub and on each PC
    assert set(texts) == {None}
    assert [r["category"] for r in c.query("SELECT * FROM contacts")] == ["altro"] * 2 * contacts
    for pc in (a, b, c):
        pc.close()
