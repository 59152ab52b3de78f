"""Search as you type: FTS5 prefix queries over people (and contact notes).

Each word the user types becomes a quoted prefix term, so ``ross mar`` finds "Rossi Maria"
and a half-typed codice fiscale or phone finds its person. Quoting makes user text safe (no
FTS syntax injection). Results are paged with LIMIT/OFFSET for lazy Qt models.

The index (schema.py, m007) also holds the surname without spaces and apostrophes, the
last digits of the phone and the street, so the desk types what it has in front of it:

* a phone in any form — ``+393517689055``, ``+39 351 7689055``, ``351 768 9055``, or only
  its last digits ``7689055``: digit groups typed with spaces are one number, and ``+39`` /
  ``0039`` in front of it is dropped;
* ``dangelo`` for D'Angelo, ``de rosa`` for De Rosa (ranked before Del Rosario: the joined
  "derosa" is searched too, and a name matching both ways scores higher);
* a street and civic number, ``paravia 46`` (a name still outranks a street).
"""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

from casa_desk.store.current import current
from casa_desk.store.restricted import person_columns

_TOKEN = re.compile(r"[\w]+", re.UNICODE)
_ITALY = "39"
_LISTED = (
    "id",
    "last_name",
    "first_name",
    "codice_fiscale",
    "birth_date",
    "phone",
    "street",
    "civic",
    "unit_code",
    "presidio",
)
PERSON_COLUMNS = person_columns(_LISTED, masked=False)
MASKED_PERSON_COLUMNS = person_columns(_LISTED, masked=True)


def _dialled(digits: str, *, international: bool) -> str:
    """The first typed number as the index keeps it: an Italian one without +39 / 0039."""
    if international and digits.startswith("00") and len(digits) >= 8:  # 0039 02…, 00212 6…
        digits = digits[2:]
    if digits.startswith(_ITALY) and (international or len(digits) >= 11):
        # A national number has at most 11 digits and starts with 0 or 3 (but a mobile
        # may start with 39: "393…" stays when it is short enough to be one).
        return digits[len(_ITALY) :]
    return digits


def fts_query(text: str) -> str | None:
    """``"ross"* "mar"*`` from ``ross mar``; None when nothing searchable was typed.

    >>> fts_query("+39 351 7689055")
    '"3517689055"*'
    >>> fts_query("de rosa")
    '("de"* "rosa"*) OR "derosa"*'
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        # "333 123 45" is one phone number typed in groups: join adjacent digit groups
        if tokens and token.isdigit() and tokens[-1].isdigit():
            tokens[-1] += token
        else:
            tokens.append(token)
    if not tokens:
        return None
    if tokens[0].isdigit():
        international = text.lstrip().startswith(("+", "00"))
        tokens[0] = _dialled(tokens[0], international=international)
        tokens = [t for t in tokens if t]
        if not tokens:
            return None
    terms = " ".join(f'"{token}"*' for token in tokens)
    if len(tokens) > 1 and all(token.isalpha() for token in tokens):
        return f'({terms}) OR "{"".join(tokens)}"*'
    return terms


def search_people(
    db: Database,
    text: str,
    *,
    limit: int = 50,
    offset: int = 0,
    ranked: bool = True,
    masked: bool = False,
) -> list[dict[str, Any]]:
    """People matching every typed word, best match first; each row says ``restricted``.

    ``ranked=False`` keeps the index order (registration order) instead: ranking scores
    every match, 100-300 ms when a two-letter prefix matches tens of thousands of people,
    while an unranked page costs well under a millisecond. ``masked=True`` (a user without
    permission to see sensitive content) returns riservato people without their name,
    codice fiscale, phone or address (:mod:`casa_desk.store.restricted`).
    """
    query = fts_query(text)
    if query is None:
        return []
    columns = MASKED_PERSON_COLUMNS if masked else PERSON_COLUMNS
    sql = (
        f"SELECT {columns} FROM people_fts JOIN people p ON p.rowid = people_fts.rowid"
        f" WHERE people_fts MATCH ? {'ORDER BY rank ' if ranked else ''}LIMIT ? OFFSET ?"
    )
    return list(db.query(sql, [query, limit, offset]))


def count_people(db: Database, text: str, *, cap: int = 1000) -> int:
    """How many people match (counted up to ``cap``, enough for "1000+")."""
    query = fts_query(text)
    if query is None:
        return 0
    row = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM people_fts WHERE people_fts MATCH ? LIMIT ?)",
        [query, cap],
    ).fetchone()
    return int(row[0])


def search_contact_notes(
    db: Database, text: str, *, limit: int = 50, include_sensitive: bool = True
) -> list[dict[str, Any]]:
    """Current contacts whose summary or notes match; ``include_sensitive=False`` (a user
    without permission) leaves sensitive contacts out in SQL, never to be filtered later."""
    query = fts_query(text)
    if query is None:
        return []
    hide = "" if include_sensitive else " AND c.sensitive = 0"
    return list(
        db.query(
            "SELECT c.id, c.person_id, c.occurred_at, c.category, c.summary, c.sensitive"
            " FROM contacts_fts JOIN contacts c ON c.rowid = contacts_fts.rowid"
            f" WHERE contacts_fts MATCH ? AND {current('c')}{hide} ORDER BY rank LIMIT ?",
            [query, limit],
        )
    )
