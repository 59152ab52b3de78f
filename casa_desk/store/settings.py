"""Head office's settings: a small synced reference table (``settings``, SYNC.md class D).

Head office decides, every office pulls. A setting is a ``key`` (:class:`SettingKey`), an
optional ``office`` it applies to (NULL: all offices) and a text ``value``; the row for an
office wins over the general one. Only a head-office store writes here — an office's write
would be refused by the hub anyway (:mod:`casa_desk.sync.hub.scopes`), so it is refused
locally first, with the reason, instead of lingering unsynced.

Values are checked per key before anything is written. Seeded defaults (written like the
other reference rows, with the oldest clock) make the choice visible in the table, and any
edit by head office wins over them.

>>> # Settings(store).set(SettingKey.ESF_PROGRAMME, "2021-2027")        # at head office
>>> # Settings(store).get(SettingKey.ESF_CUP, office="SAN-SIRO")         # anywhere
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import Programme, SettingKey
from casa_desk.store.connection import Connection
from casa_desk.store.db import Store
from casa_desk.store.reference import setting_id
from casa_desk.store.tables import HEAD_OFFICE

_CUP = re.compile(r"[A-Z0-9]{15}")
_MAX_TEXT = 300


def _programme(value: str) -> str:
    if value not in {p.value for p in Programme}:
        choices = ", ".join(p.value for p in Programme)
        raise ValidationError(f"Programma sconosciuto: «{value}». Valori: {choices}.")
    return value


def _cup(value: str) -> str:
    cup = value.replace(" ", "").upper()
    if cup and not _CUP.fullmatch(cup):
        raise ValidationError(
            "Il CUP ha 15 caratteri, lettere e cifre (per esempio E41B21000000006)."
        )
    return cup


def _text(value: str) -> str:
    text = " ".join(value.split())
    if len(text) > _MAX_TEXT:
        raise ValidationError(f"Testo troppo lungo (al massimo {_MAX_TEXT} caratteri).")
    return text


def _months(value: str) -> str:
    if value and (not value.isdigit() or not 1 <= int(value) <= 1200):
        raise ValidationError("Indicare un numero di mesi (da 1 a 1200).", code="bad_months")
    return str(int(value)) if value else ""


_CHECKS: dict[SettingKey, Callable[[str], str]] = {
    SettingKey.RETENTION_MONTHS: _months,
    SettingKey.RETENTION_AUDIT_MONTHS: _months,
    SettingKey.ESF_PROGRAMME: _programme,
    SettingKey.ESF_PROGRAMME_NAME: _text,
    SettingKey.ESF_CUP: _cup,
    SettingKey.ESF_REGION: _text,
}


def clean_setting(key: str, value: str) -> tuple[str, str]:
    """(key, value) as stored, or a ValidationError worded for the user.

    ``retention.months.<category>`` is one key per category code (issue 11)."""
    prefix = f"{SettingKey.RETENTION_MONTHS.value}."
    if key.startswith(prefix) and re.fullmatch(r"[a-z0-9_]{1,40}", key[len(prefix) :]):
        return key, _months(str(value).strip())
    try:
        known = SettingKey(key)
    except ValueError:
        names = ", ".join(k.value for k in SettingKey)
        raise ValidationError(
            f"Impostazione sconosciuta: «{key}». Chiavi: {names}.", code="unknown_setting"
        ) from None
    return known.value, _CHECKS[known](str(value).strip())


def read_setting(conn: Connection, key: str, office: str | None = None) -> str | None:
    """The value for ``office`` (its own row, else the general one), or None if unset.

    An empty value is "not set": clearing an office's own value falls back to the general
    one without deleting a row (no tombstone to resurrect later). Takes a plain connection
    so the report, which reads on connections of its own, can use it.
    """
    row = conn.execute(
        "SELECT value FROM settings WHERE key = ? AND deleted = 0 AND coalesce(value, '') != '' "
        "AND (office IS NULL OR office = ?) ORDER BY office IS NULL LIMIT 1",
        [key, office],
    ).fetchone()
    return row[0] if row else None


class Settings:
    """Read any setting; write one only on a head-office store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str, office: str | None = None) -> str | None:
        return read_setting(self.store.db.conn, key, office)

    def rows(self) -> list[dict[str, Any]]:
        """Every live setting, general ones first (for the CLI's listing)."""
        return self.store.query(
            "SELECT key, office, value, updated_at FROM settings WHERE deleted = 0 "
            "ORDER BY key, office IS NOT NULL, office"
        )

    def _check_category(self, key: str) -> None:
        """``retention.months.<category>`` names a category of this store's table: a typo
        would otherwise be a period no contact ever meets."""
        prefix = f"{SettingKey.RETENTION_MONTHS.value}."
        if not key.startswith(prefix):
            return
        codes = [
            r[0]
            for r in self.store.db.execute(
                "SELECT code FROM categories WHERE deleted = 0 ORDER BY sort, code"
            )
        ]
        if key[len(prefix) :] not in codes:
            raise ValidationError(
                f"Categoria sconosciuta in «{key}»: la chiave è {prefix}<categoria>, con "
                f"una di: {', '.join(codes)}.",
                code="unknown_category",
            )

    def set(self, key: str, value: str, office: str | None = None) -> dict[str, Any]:
        """Write a setting (``value`` "" clears it: an office's own row then falls back to
        the general one, and a general one to the program's default).

        Raises ValidationError off head office, for an unknown key or office, or a bad value.
        """
        if self.store.presidio != HEAD_OFFICE:
            raise ValidationError(
                "Solo la sede può cambiare le impostazioni: arrivano agli uffici con la "
                "sincronizzazione.",
                code="head_office_only",
            )
        known, clean = clean_setting(key, value)
        self._check_category(known)
        if (
            office is not None
            and not self.store.db.execute(
                "SELECT 1 FROM presidi WHERE code = ? AND deleted = 0", [office]
            ).fetchone()
        ):
            raise ValidationError(f"Presidio sconosciuto: «{office}».", code="unknown_presidio")
        row_id = setting_id(known, office)
        with self.store.transaction() as journal:
            exists = self.store.db.execute("SELECT 1 FROM settings WHERE id = ?", [row_id])
            if exists.fetchone() is None:
                return journal.insert(
                    "settings",
                    {"id": row_id, "key": known, "office": office, "value": clean},
                    presidio=HEAD_OFFICE,
                )
            journal.update("settings", row_id, {"value": clean})
        return {"id": row_id, "key": known, "office": office, "value": clean}
