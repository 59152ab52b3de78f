"""m009_presidi_phone_email, applied to a store of the previous schema with data in it."""

from __future__ import annotations

from pathlib import Path

from casa_desk.store.db import Store
from casa_desk.store.directory import Directory


def test_m008_adds_the_offices_phone_and_email_and_keeps_the_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Store.open(path, create=True) as store:
        before = store.query("SELECT code, name FROM presidi ORDER BY code")
        with store.transaction():  # back to the table before m008
            store.db["presidi"].transform(drop={"phone", "email"})
            store.db.execute(
                "DELETE FROM _sqlite_migrations WHERE name = 'm009_presidi_phone_email'"
            )
        assert "phone" not in store.db["presidi"].columns_dict
    with Store.open(path) as store:
        assert store.query("SELECT code, name FROM presidi ORDER BY code") == before
        assert {"phone", "email"} <= set(store.db["presidi"].columns_dict)
        Directory(store).set_office_contacts("MAZZINI", phone="02 5555 1234", email="m@x.it")
        assert Directory(store).presidio("MAZZINI")["phone"] == "+390255551234"
