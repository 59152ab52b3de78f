"""Head office's settings (issue 13): seeded default, office override, head office only."""

from __future__ import annotations

import pytest

from casa_desk.errors import ValidationError
from casa_desk.store.db import Store
from casa_desk.store.settings import Settings, read_setting
from casa_desk.store.tables import HEAD_OFFICE


def test_default_programme_is_seeded_and_captured_nowhere(store: Store) -> None:
    assert Settings(store).get("esf.programme") == "2021-2027"
    assert Settings(store).get("esf.cup") is None
    # Seeded like the other reference rows: not in the outbox, never pushed.
    assert not store.query("SELECT 1 FROM sync_outbox WHERE table_name = 'settings'")


def test_an_office_cannot_write_settings(store: Store) -> None:
    with pytest.raises(ValidationError, match="Solo la sede"):
        Settings(store).set("esf.programme", "2014-2020")
    assert Settings(store).get("esf.programme") == "2021-2027"


@pytest.fixture
def head_office(tmp_path) -> Store:
    opened = Store.open(tmp_path / "hq.sqlite", create=True)
    opened.set_meta("presidio", HEAD_OFFICE)
    yield opened
    opened.close()


def test_head_office_sets_general_and_office_values(head_office: Store) -> None:
    settings = Settings(head_office)
    settings.set("esf.programme", "2014-2020")
    settings.set("esf.cup", "e41b 2100 0000 006")
    settings.set("esf.cup", "E41B21000000007", office="MAZZINI")
    conn = head_office.db.conn
    assert read_setting(conn, "esf.programme", "SAN-SIRO") == "2014-2020"
    assert read_setting(conn, "esf.cup", "SAN-SIRO") == "E41B21000000006"
    assert read_setting(conn, "esf.cup", "MAZZINI") == "E41B21000000007"
    assert read_setting(conn, "esf.cup", None) == "E41B21000000006"
    # Clearing the office's own value falls back to the general one; one row per setting.
    settings.set("esf.cup", "", office="MAZZINI")
    assert read_setting(conn, "esf.cup", "MAZZINI") == "E41B21000000006"
    rows = head_office.query(
        "SELECT key, office, presidio, scope FROM settings ORDER BY key, office"
    )
    assert rows == [
        {"key": "esf.cup", "office": None, "presidio": "SEDE", "scope": "shared"},
        {"key": "esf.cup", "office": "MAZZINI", "presidio": "SEDE", "scope": "shared"},
        {"key": "esf.programme", "office": None, "presidio": "SEDE", "scope": "shared"},
    ]
    # Captured for the hub, like any write.
    assert head_office.query(
        "SELECT count(*) AS n FROM sync_outbox WHERE table_name = 'settings'"
    ) == [{"n": 4}]


@pytest.mark.parametrize(
    ("key", "value", "office", "message"),
    [
        ("esf.programme", "2007-2013", None, "Programma sconosciuto"),
        ("esf.cup", "E41B2100", None, "15 caratteri"),
        ("esf.colour", "blu", None, "Impostazione sconosciuta"),
        ("retention.months.salut", "24", None, r"Categoria sconosciuta .*, salute,"),
        ("esf.cup", "E41B21000000006", "NOWHERE", "Presidio sconosciuto"),
        ("esf.programme_name", "x" * 301, None, "troppo lungo"),
    ],
)
def test_bad_settings_are_refused_with_a_reason(
    head_office: Store, key: str, value: str, office: str | None, message: str
) -> None:
    before = head_office.pending_changes()
    with pytest.raises(ValidationError, match=message):
        Settings(head_office).set(key, value, office=office)
    assert head_office.pending_changes() == before


def test_cli_lists_and_sets_with_one_line_refusals(tmp_path, capsys) -> None:
    from login_helpers import new_store

    from casa_desk.cli import main

    office = tmp_path / "office.sqlite"
    new_store(office, presidio="SAN-SIRO").close()  # the CLI logs in: encrypted stores
    assert main(["settings", "--db", str(office)]) == 0
    assert "esf.programme [tutti] = 2021-2027" in capsys.readouterr().out
    assert main(["settings", "--db", str(office), "set", "esf.programme", "2014-2020"]) == 1
    err = capsys.readouterr().err
    assert "Solo la sede" in err and len(err.strip().splitlines()) == 1
    hq = tmp_path / "hq.sqlite"
    new_store(hq, presidio=HEAD_OFFICE).close()
    assert main(["settings", "--db", str(hq), "set", "esf.cup", "E41B21000000006",
                 "--presidio", "SAN-SIRO"]) == 0  # fmt: skip
    assert main(["settings", "--db", str(hq), "set", "esf.cup", "corto"]) == 1
    assert "15 caratteri" in capsys.readouterr().err
    assert main(["settings", "--db", str(hq)]) == 0
    assert "esf.cup [SAN-SIRO] = E41B21000000006" in capsys.readouterr().out


def test_a_period_per_category_names_a_category(head_office: Store) -> None:
    """``retention.months.<category>`` took any code: a typo was a period never applied."""
    Settings(head_office).set("retention.months.salute", "24")
    assert Settings(head_office).get("retention.months.salute") == "24"
    with pytest.raises(ValidationError) as caught:
        Settings(head_office).set("retention.months.nessuna", "24")
    assert "\n" not in caught.value.message
    assert caught.value.message.startswith(
        "Categoria sconosciuta in «retention.months.nessuna»: la chiave è "
        "retention.months.<categoria>, con una di: manutenzione, "
    )


def test_the_help_names_the_keys_per_category(capsys: pytest.CaptureFixture[str]) -> None:
    from casa_desk.cli import main

    with pytest.raises(SystemExit):
        main(["settings", "--help"])
    assert "retention.months.<categoria>" in " ".join(capsys.readouterr().out.split())
