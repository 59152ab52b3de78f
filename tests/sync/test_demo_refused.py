"""A demo store (``casa-desk demo``: invented people) is never paired with a hub.

Before, ``casa-desk enrol`` and the window's "Abbina alla sede" paired a demo store like any
other, and its first sync pushed hundreds of fictitious tenants — names, codici fiscali,
domestic-violence contacts — into head office's data and every office's registry. Now the
builder marks the store, and the sync client refuses to enrol it (before the one-time code
is sent: the code stays good for the real store), to sync it, to export a bundle from it or
to import head office's reply into it, in one Italian line.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from login_helpers import DEMO_LOGIN, new_store, open_store
from sync_helpers import HubProcess, hub_sql, run_cli

from casa_desk.demo.builder import DemoOptions, build_demo
from casa_desk.store.db import Store
from casa_desk.store.demo_mark import DEMO_META, is_demo
from casa_desk.sync.apply import state
from casa_desk.sync.client import save_credentials
from casa_desk.sync.hub.devices import add_device, enrol

REFUSAL = "archivio dimostrativo"


def _demo(path: Path, *, mark_demo: bool = True) -> Path:
    options = DemoOptions(
        people=12, contacts=40, seed=3, until=date(2026, 10, 1), mark_demo=mark_demo, **DEMO_LOGIN
    )
    build_demo(path, options)
    return path


def _code(hub: HubProcess, presidio: str = "SAN-SIRO") -> str:
    hs = hub.store()
    try:
        return add_device(hs, presidio)[1]
    finally:
        hs.close()


def test_the_demo_command_marks_its_store_and_enrol_refuses_it(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    demo = tmp_path / "demo.sqlite"
    built = run_cli("demo", "--db", str(demo), "--people", "12", "--contacts", "40")
    assert built.returncode == 0, built.stderr
    code = _code(sqlite_hub)
    refused = run_cli("enrol", "--db", str(demo), "--hub", sqlite_hub.url, "--code", code)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [refused.stderr.strip()]
    assert REFUSAL in refused.stderr and "Traceback" not in refused.stderr
    with open_store(demo) as store:
        assert is_demo(store.db)
        assert state(store, "hub_token") is None and state(store, "hub_url") is None
    # Nothing reached the hub: the code was not spent, the real office pairs with it.
    office = run_cli("enrol", "--db", str(tmp_path / "office.sqlite"), "--hub", sqlite_hub.url,
                     "--code", code)  # fmt: skip
    assert office.returncode == 0, office.stderr


def test_enrol_from_a_file_refuses_a_demo_store(tmp_path: Path) -> None:
    hub_db = str(tmp_path / "hub.sqlite")
    out = tmp_path / "abbinamento.json"
    added = run_cli(
        "hub", "device-add", "--db", hub_db, "--presidio", "SAN-SIRO", "--out", str(out)
    )
    assert added.returncode == 0, added.stderr
    demo = _demo(tmp_path / "demo.sqlite")
    refused = run_cli("enrol", "--db", str(demo), "--file", str(out))
    assert refused.returncode == 1 and REFUSAL in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    with open_store(demo) as store:
        assert state(store, "hub_token") is None


def test_a_demo_store_paired_before_the_refusal_neither_syncs_nor_exports(
    sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    """A demo store a hub already knows (paired by an earlier version) sends no hello, no
    change and no bundle: the same refusal, and the hub's log stays empty."""
    demo = _demo(tmp_path / "demo.sqlite")
    hs = sqlite_hub.store()
    try:
        with open_store(demo) as store:
            save_credentials(store, enrol(hs, add_device(hs, "SAN-SIRO")[1]), sqlite_hub.url)
    finally:
        hs.close()
    synced = run_cli("sync", "--db", str(demo))
    assert synced.returncode == 1 and REFUSAL in synced.stderr
    exported = run_cli("bundle", "export", "--db", str(demo), "--out", str(tmp_path / "b.zip"))
    assert exported.returncode == 1 and REFUSAL in exported.stderr
    assert not (tmp_path / "b.zip").exists()
    assert hub_sql(sqlite_hub, "SELECT count(*) FROM change_log") == [0]


def test_a_demo_store_built_before_the_mark_is_marked_by_its_migration(tmp_path: Path) -> None:
    demo = _demo(tmp_path / "demo.sqlite")
    with open_store(demo) as store, store.transaction():
        store.db.execute("DELETE FROM casa_meta WHERE key = ?", [DEMO_META])
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm019_demo_mark'")
    with open_store(demo) as store:
        assert is_demo(store.db)
    # An office's store (no demo operator) is not.
    office = new_store(tmp_path / "office.sqlite")
    try:
        assert not is_demo(office.db)
    finally:
        office.close()


def test_tests_may_build_an_unmarked_demo_store_to_sync(tmp_path: Path) -> None:
    """The one way to sync demo data (tests/sync/test_demo_offices.py): an option of the
    builder's Python API that no command or screen offers."""
    demo = _demo(tmp_path / "demo.sqlite", mark_demo=False)
    with open_store(demo) as store:
        assert not is_demo(store.db)


def test_the_window_refuses_to_pair_a_demo_store(  # type: ignore[no-untyped-def]
    qtbot, sqlite_hub: HubProcess, tmp_path: Path
) -> None:
    from dialogs import button, when_modal
    from PySide6.QtCore import Qt

    from casa_desk.ui.sync_page import SyncPage
    from casa_desk.ui.tasks import SyncRunner

    store: Store = open_store(_demo(tmp_path / "demo.sqlite"))
    try:
        page = SyncPage(store, runner=SyncRunner())
        qtbot.addWidget(page)
        page.show()
        assert "archivio dimostrativo" in page.explain.text()  # the banner does not invite it
        code = _code(sqlite_hub)
        said: list[str] = []

        def pair(dialog) -> None:  # type: ignore[no-untyped-def]
            qtbot.keyClicks(dialog.hub, sqlite_hub.url)
            qtbot.keyClicks(dialog.code, code)
            qtbot.mouseClick(button(dialog, "Abbina con il codice"), Qt.MouseButton.LeftButton)
            qtbot.waitUntil(dialog.error.isVisible, timeout=10_000)
            said.append(dialog.error.text())
            dialog.reject()

        answered = when_modal(pair, name="enrolDialog")
        qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(answered), timeout=10_000)
        assert said and REFUSAL in said[0], said
        assert state(store, "hub_token") is None and page.state == "not_enrolled"
    finally:
        store.close()
    # the code is still good: nothing was sent
    fresh = new_store(tmp_path / "office.sqlite")
    try:
        from casa_desk.sync.client import enrol_online

        assert enrol_online(fresh, sqlite_hub.url, code)["presidio"] == "SAN-SIRO"
    finally:
        fresh.close()


def test_a_demo_store_paired_before_the_refusal_takes_in_no_reply(tmp_path: Path) -> None:
    """Nor does it take head office's reply bundle in: importing one brought real people
    (here a tenant another PC of the office registered) into a store of invented ones,
    the kind of store shown at a training or handed to a supplier."""
    from casa_desk.sync.bundle import export_bundle, hub_import_bundle, import_reply
    from casa_desk.sync.hub.storage import HubStore

    hub = HubStore.open(tmp_path / "hub.sqlite")
    try:
        real = new_store(tmp_path / "reale.sqlite", presidio=None)
        save_credentials(real, enrol(hub, add_device(hub, "SAN-SIRO")[1]), None)
        with real.transaction() as journal:
            tenant = journal.insert("people", {"first_name": "Vera", "last_name": "Inquilina"},
                                    presidio="SAN-SIRO")  # fmt: skip
        export_bundle(real, tmp_path / "reale.bundle")
        hub_import_bundle(hub, tmp_path / "reale.bundle", tmp_path / "reale-risposta.bundle")
        import_reply(real, tmp_path / "reale-risposta.bundle")
        real.close()
        # the demo store's device, paired by an earlier version; its reply, as head office
        # writes it for that device (from a bundle of the same device's credentials)
        demo = _demo(tmp_path / "demo.sqlite")
        creds = enrol(hub, add_device(hub, "SAN-SIRO")[1])
        with open_store(demo) as store:
            save_credentials(store, creds, None)
        twin = new_store(tmp_path / "gemello.sqlite", presidio=None)
        save_credentials(twin, creds, None)
        export_bundle(twin, tmp_path / "gemello.bundle")
        twin.close()
        reply = tmp_path / "risposta.bundle"
        hub_import_bundle(hub, tmp_path / "gemello.bundle", reply)
    finally:
        hub.close()
    imported = run_cli("bundle", "import", "--db", str(demo), str(reply))
    assert imported.returncode == 1 and REFUSAL in imported.stderr, imported.stderr
    with open_store(demo) as store:
        assert store.query("SELECT id FROM people WHERE id = ?", [tenant["id"]]) == []
        assert state(store, "pull_cursor", "0") in ("0", None)
