"""A hub's refusal of a change, worded in the window's language: the hub sends the reason's
code beside its Italian text; the desk words a known reason (from a newer hub, an older hub,
or an older store's records) in English or Italian, and shows an unknown one as it came."""

from __future__ import annotations

import time
from pathlib import Path

from login_helpers import session_for
from PySide6.QtCore import Qt
from sync_helpers import HubProcess, contact, new_office, office, person

from casa_desk.app import build_window
from casa_desk.models.hlc import pack
from casa_desk.models.ids import uuid7
from casa_desk.models.timeutil import utc_now_text
from casa_desk.store.db import Store
from casa_desk.sync import refusals
from casa_desk.sync.apply import keep_rejections
from casa_desk.sync.hub.storage import HubStore
from casa_desk.ui.tasks import SyncRunner


def _refused_as_older_stores_kept(store: Store) -> None:
    """Reasons as an older desk recorded them (the hub's Italian text alone), one of them
    a text this version knows nothing of (a newer hub's)."""
    with store.transaction():
        store.db.conn.executemany(
            "INSERT INTO sync_rejections (change_id, table_name, row_id, reason, at)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (uuid7(), "people", uuid7(), reason, at)
                for reason, at in (
                    ("Valore non valido nel campo phone.", "2026-01-02T10:00:00.000Z"),
                    ("Motivo nuovo di una sede più recente.", "2026-01-01T10:00:00.000Z"),
                )
            ],
        )


def _reasons(window) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each listed refusal's reason as the Sync page shows it, and its tooltip."""
    page = window.page("sync")
    model = page.rejections_view.model()
    shown = {}
    for r in range(model.rowCount()):
        cell = model.index(r, 2)
        assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()
        shown[page.rejections.rows[r]["reason"]] = cell.data()
    return shown


def _window_after_a_refusal(qtbot, hub: HubProcess, tmp_path: Path):  # type: ignore[no-untyped-def]
    a = new_office(hub, tmp_path / "a.sqlite", "SAN-SIRO")
    a.set_meta("presidio", "SAN-SIRO")
    a.set_meta("operator", "op")
    contact(a, person(a)["id"], presidio="MAZZINI")  # refused by the hub
    _refused_as_older_stores_kept(a)
    window = build_window(session_for(a), runner=SyncRunner())
    qtbot.addWidget(window)
    page = window.page("sync")
    window.tabs.setCurrentWidget(window.pages["sync"])
    qtbot.waitUntil(lambda: not page.running, timeout=30_000)  # the window's first sync
    with qtbot.waitSignal(page.synced, timeout=30_000):
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    return window


def test_the_english_window_words_the_hubs_refusals_in_english(
    qtbot, english, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window_after_a_refusal(qtbot, sqlite_hub, tmp_path)
    assert _reasons(window) == {
        "Riga del presidio MAZZINI: questo ufficio non può scriverla.": (
            "Row of the office MAZZINI: this office cannot write it."
        ),
        # an older store's record: its column in words too
        "Valore non valido nel campo phone.": "Invalid value in the field Phone.",
        "Motivo nuovo di una sede più recente.": "Motivo nuovo di una sede più recente.",
    }


def test_the_italian_window_names_the_column_in_words(
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = _window_after_a_refusal(qtbot, sqlite_hub, tmp_path)
    shown = _reasons(window)
    assert shown["Valore non valido nel campo phone."] == "Valore non valido nel campo Telefono."
    assert shown["Riga del presidio MAZZINI: questo ufficio non può scriverla."] == (
        "Riga del presidio MAZZINI: questo ufficio non può scriverla."
    )


def test_the_hub_sends_each_reasons_code_beside_its_text(
    hub_store: HubStore, tmp_path: Path
) -> None:
    a, dev_a = office(hub_store, tmp_path / "a.sqlite", "SAN-SIRO")

    now = utc_now_text()

    def change(seq: int, **data: object) -> dict[str, object]:
        return {
            "seq": seq,
            "change_id": uuid7(),
            "table": "people",
            "row_id": uuid7(),
            "op": "insert",
            "hlc": pack(int(time.time() * 1000), seq),
            "device": a.device_id,
            "data": {"last_name": "Y", "scope": "shared", "created_at": now, "updated_at": now}
            | data,
            "base": None,
        }

    other = change(1, presidio="MAZZINI")
    bad = change(2, presidio="SAN-SIRO", phone=12)
    answer = hub_store.push(dev_a, {"first_seq": 1, "last_seq": 2, "changes": [other, bad]})
    told = {r["change_id"]: r for r in answer["rejected"]}
    assert {k: told[other["change_id"]][k] for k in ("reason", "code", "params")} == {
        "reason": "Riga del presidio MAZZINI: questo ufficio non può scriverla.",
        "code": refusals.OTHER_OFFICE_INSERT,
        "params": {"office": "MAZZINI"},
    }
    assert {k: told[bad["change_id"]][k] for k in ("reason", "code", "params")} == {
        "reason": "Valore non valido nel campo phone.",
        "code": refusals.BAD_VALUE,
        "params": {"col": "phone"},
    }


def test_a_desk_keeps_a_known_code_in_its_own_words_and_an_unknown_one_as_it_came(
    tmp_path: Path,
) -> None:
    from login_helpers import new_store

    store = new_store(tmp_path / "s.sqlite")
    reworded, unknown, odd = uuid7(), uuid7(), uuid7()
    with store.transaction():
        keep_rejections(
            store,
            [
                # a newer hub that words a known reason otherwise
                {"change_id": reworded, "reason": "Altre parole", "code": "bad_value",
                 "params": {"col": "phone"}},
                # a reason this version has no code for
                {"change_id": unknown, "reason": "Motivo nuovo.", "code": "brand_new",
                 "params": {}},
                # parameters that are not the ones its text names
                {"change_id": odd, "reason": "Come arrivato.", "code": "bad_value",
                 "params": {"column": "phone"}},
            ],
        )  # fmt: skip
    kept = {
        r["change_id"]: r["reason"]
        for r in store.query("SELECT change_id, reason FROM sync_rejections")
    }
    assert kept == {
        reworded: "Valore non valido nel campo phone.",
        unknown: "Motivo nuovo.",
        odd: "Come arrivato.",
    }


def test_every_reason_is_found_again_from_its_text() -> None:
    for code, template in refusals.TEXTS.items():
        params = {name: f"x_{name}" for name in refusals.names(template)}
        assert refusals.recognise(refusals.text(code, **params)) == (code, params)
    assert refusals.recognise("Riga del presidio : questo ufficio non può scriverla.") == (
        refusals.OTHER_OFFICE_INSERT,
        {"office": ""},
    )
    assert refusals.recognise("Qualcos'altro.") is None
    assert refusals.coded("Qualcos'altro.") == {}


def test_a_value_is_put_in_once_and_never_read_as_a_template() -> None:
    """Values come from a hub or a file name: one holding ``{col}`` stays as it is, and a
    name without a value stays visible instead of raising."""
    template = "Valore {value} non valido nel campo {col}."
    assert refusals.fill(template, {"value": "{col}", "col": "phone"}) == (
        "Valore {col} non valido nel campo phone."
    )
    assert refusals.fill(template, {"col": "phone"}) == "Valore {value} non valido nel campo phone."
