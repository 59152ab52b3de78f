"""Search as you type: FTS5 prefix queries over people (and contact notes).

Each word the user types becomes a quoted prefix term, so ``ross mar`` finds "Rossi Maria"
and a half-typed codice fiscale or phone finds its person (digit groups typed with spaces,
``333 12``, are joined into one number). Quoting makes user text safe
(no FTS syntax injection). Results are paged with LIMIT/OFFSET for lazy Qt models.
"""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

from casa_desk.store.current import current

_TOKEN = re.compile(r"[\w]+", re.UNICODE)
PERSON_COLUMNS = (
    "p.id, p.last_name, p.first_name, p.codice_fiscale, p.birth_date, p.phone, p.street,"
    " p.civic, p.unit_code, p.presidio"
)


def fts_query(text: str) -> str | None:
    """``"ross"* "mar"*`` from ``ross mar``; None when nothing searchable was typed."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        # "333 123 45" is one phone number typed in groups: join adjacent digit groups
        if tokens and token.isdigit() and tokens[-1].isdigit():
            tokens[-1] += token
        else:
            tokens.append(token)
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def search_people(
    db: Database, text: str, *, limit: int = 50, offset: int = 0, ranked: bool = True
) -> list[dict[str, Any]]:
    """People matching every typed word, best match first.

    ``ranked=False`` keeps the index order (registration order) instead: ranking scores
    every match, 100-300 ms when a two-letter prefix matches tens of thousands of people,
    while an unranked page costs well under a millisecond.
    """
    query = fts_query(text)
    if query is None:
        return []
    sql = (
        f"SELECT {PERSON_COLUMNS} FROM people_fts JOIN people p ON p.rowid = people_fts.rowid"
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


def search_contact_notes(db: Database, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Current contacts whose summary or notes match (sensitive ones included: callers filter)."""
    query = fts_query(text)
    if query is None:
        return []
    return list(
        db.query(
            "SELECT c.id, c.person_id, c.occurred_at, c.category, c.summary, c.sensitive"
            " FROM contacts_fts JOIN contacts c ON c.rowid = contacts_fts.rowid"
            f" WHERE contacts_fts MATCH ? AND {current('c')} ORDER BY rank LIMIT ?",
            [query, limit],
        )
    )
