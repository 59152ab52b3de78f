"""The suppression list: a person erased on request is not brought back by a registry import.

Aler's tenant list still names a tenant who asked this desk to erase her (GDPR art. 17):
importing it again would register her anew and her processing would start over against her
will. So an erasure on request keeps the one thing needed to recognise her in a later
import — a **keyed hash** of her identifiers — on her anonymised row
(``people.erasure_hashes``), and :func:`casa_desk.imports.registry.import_registry` skips
the rows that match it, saying how many in words, never who.

What is kept, and why so little:

* ``cf:`` — HMAC-SHA256 of her codice fiscale, normalised as the ESF hash normalises it
  (:func:`casa_desk.models.esf.normalised_cf`: upper case, omocodia letters back to digits,
  no check character), so an omocodic variant in the registry is recognised too;
* ``nd:`` — HMAC-SHA256 of her normalised surname, name and full birth date, for a registry
  row without a codice fiscale (the import matches such a row by name and birth date); kept
  only with a full birth date, so a bare common name never suppresses someone else.

Each is cut to 128 bits (a collision between people is negligible; the row stays short),
at most :data:`MAX_TOKENS` of them (a person merged from several records). The key is the
deployment's **erasure key**, made by the hub and handed to enrolled desks with their other
sync secrets (``sync_state``, inside the encrypted store), never in a synced table: without
it a hash cannot be tested against a list of candidate codes, as a plain SHA-256 of a codice
fiscale can (the code is built from name, birth date and town). Because every desk holds the
same key, the hash travels with the anonymisation to every office and head office, and any
office's import of the same registry skips her. A desk that erases before it is ever paired
uses a key of its own (:data:`LOCAL_KEY_STATE`): its own imports skip her, other offices'
cannot recognise that hash.

Under the GDPR the hash is still personal data (pseudonymised: whoever holds the key can
test a candidate code), kept on purpose and for this purpose only — honouring the erasure
(art. 17; recital 66 and the data-protection authorities' "suppression list" practice: the
minimum kept so that the person is not processed again). It is never shown, exported or
used for anything else. When she comes back and is registered at a desk by hand
(:meth:`casa_desk.store.people.People.register`), the entries that match her are cleared,
synced like any edit and audited: she asked again, the erasure no longer stands in the way.
Retention's anonymisation (art. 5(1)(e)) keeps no hash: nobody asked not to be processed.
"""

from __future__ import annotations

import base64
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from casa_desk.models.duplicates import normalize_name
from casa_desk.models.esf import normalised_cf

#: ``sync_state`` key of the deployment's erasure key (from the hub).
KEY_STATE = "erasure_key"
#: ``sync_state`` key of this desk's own key, made at its first erasure before pairing.
LOCAL_KEY_STATE = "erasure_key_local"
#: The most hashes one person keeps (the hub caps a short text at 300 characters).
MAX_TOKENS = 8
_LABEL = b"casa-desk erasure v1\x00"  # never the same hash as the ESF cf_hash
_HEX = 32  # 128 bits


def _key_bytes(key: str) -> bytes:
    return base64.urlsafe_b64decode(key.encode("ascii") + b"=" * (-len(key) % 4))


def _state(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row and row[0] else None


def keys(db: Database) -> list[str]:
    """Every erasure key this desk holds: the deployment's, then its own (either may lack)."""
    return [k for k in (_state(db, KEY_STATE), _state(db, LOCAL_KEY_STATE)) if k]


def writing_key(db: Database) -> str:
    """The key a new entry is hashed with: the deployment's, else this desk's own, made
    now (inside the caller's transaction)."""
    shared = _state(db, KEY_STATE)
    if shared:
        return shared
    local = _state(db, LOCAL_KEY_STATE)
    if not local:
        local = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")
        db.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [LOCAL_KEY_STATE, local],
        )
    return local


def _mac(key: str, kind: str, text: str) -> str:
    digest = hmac.new(_key_bytes(key), _LABEL + kind.encode() + b"\x00" + text.encode(), "sha256")
    return f"{kind}:{digest.hexdigest()[:_HEX]}"


def tokens(key: str, person: dict[str, Any]) -> list[str]:
    """The hashes that recognise ``person`` (``people`` values) under ``key``."""
    out = []
    code = (person.get("codice_fiscale") or "").strip()
    if code:
        out.append(_mac(key, "cf", normalised_cf(code)))
    last = normalize_name(person.get("last_name") or "")
    first = normalize_name(person.get("first_name") or "")
    born = str(person.get("birth_date") or "")
    if last and first and len(born) == 10:
        out.append(_mac(key, "nd", f"{last}\x00{first}\x00{born}"))
    return out


def entry_for(db: Database, people: Iterable[dict[str, Any]]) -> str | None:
    """The ``erasure_hashes`` value for a person erased on request, from her rows (the
    record and the duplicates merged into it), or None when nothing identifies her."""
    key = writing_key(db)
    found: list[str] = []
    for row in people:
        found += [t for t in tokens(key, row) if t not in found]
    # Codes first: they recognise her best, and the cap must never drop them.
    found.sort(key=lambda t: not t.startswith("cf:"))
    return " ".join(found[:MAX_TOKENS]) or None


@dataclass
class _Entry:
    person_id: str
    tokens: frozenset[str]

    @property
    def has_code(self) -> bool:
        return any(t.startswith("cf:") for t in self.tokens)


class SuppressionList:
    """The entries this store holds, read once, to test the rows of one import."""

    def __init__(self, db: Database) -> None:
        self.keys = keys(db)
        # Only an anonymised row is an erased person: hashes on a living card (sent by an
        # office through a hub that did not check them) would stop imports of whoever they
        # name, as if those people had asked to be erased.
        self.entries = [
            _Entry(r[0], frozenset(str(r[1]).split()))
            for r in db.execute(
                "SELECT id, erasure_hashes FROM people"
                " WHERE erasure_hashes IS NOT NULL AND erasure_hashes != '' AND deleted = 0"
                " AND anonymised_on IS NOT NULL"
            )
        ]
        # Token → its entries: an import tests each new row against the list, and a scan of
        # every entry per row grew as rows × erasures.
        self._by_token: dict[str, list[_Entry]] = {}
        for entry in self.entries:
            for token in entry.tokens:
                self._by_token.setdefault(token, []).append(entry)

    def __bool__(self) -> bool:
        return bool(self.entries and self.keys)

    def matching(self, person: dict[str, Any]) -> list[str]:
        """Ids of the erased people ``person`` (``people`` values) is recognised as."""
        if not self:
            return []
        mine: set[str] = set()
        for key in self.keys:
            mine.update(tokens(key, person))
        # Name and birth date recognise a row with a code only for an entry without one
        # (as the import matches people: a different code is somebody else).
        has_code = any(t.startswith("cf:") for t in mine)
        found: dict[str, None] = {}  # each id once
        for token in sorted(mine):
            for entry in self._by_token.get(token, ()):
                if token.startswith("cf:") or not has_code or not entry.has_code:
                    found[entry.person_id] = None
        return list(found)

    def suppressed(self, person: dict[str, Any]) -> bool:
        """Whether an import must skip ``person``: she asked to be erased."""
        return bool(self.matching(person))
