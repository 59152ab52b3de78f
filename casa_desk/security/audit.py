"""The audit log as people read it: filtered, paged, exported, and break-glass counted.

Coordinators and administrators (:data:`~casa_desk.security.permissions.Action.VIEW_AUDIT`)
read the office's audit log: who logged in (and who failed), opened which card, revealed
which sensitive entry, broke the glass and why, exported or printed what, and changed which
user or setting. A store holds its own office's rows (head office's store receives every
office's by sync). The rows name records by id only; the audit page resolves a person's id
to a name through the same masking rules as any list.

Filters: user (``who``), action, person (their card, their contacts and their referrals,
merged duplicates included), and a range of days in Rome time. Pages are newest first.

A break-glass reason is shown and exported with what would name the person masked
(:func:`casa_desk.models.reasons.mask_reason`): reasons are refused when they name her since
that check exists, but one recorded before still may, and the page masks the person's name
from users who may not see it, and the CSV names people by id only. The log keeps what was
written (it is never rewritten); only what is read out of it is masked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from casa_desk import safe_csv
from casa_desk.models.reasons import Identity, mask_reason
from casa_desk.models.timeutil import format_datetime, rome_day_start
from casa_desk.models.vocab import AuditAction
from casa_desk.outputs import write_bytes
from casa_desk.security.access import Session
from casa_desk.security.permissions import Action

_SEEN_KEY = "audit_seen_break_glass:"
COLUMNS = ("at", "who", "action", "table_name", "row_id", "reason", "presidio")


@dataclass(frozen=True)
class AuditQuery:
    """What the audit page filters on; ``None`` means any. Days are Rome calendar days,
    both ends included."""

    who: str | None = None
    action: AuditAction | str | None = None
    person_id: str | None = None
    since: date | None = None
    until: date | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = ["a.deleted = 0"], []
        if self.who:
            clauses.append("a.who = ?")
            params.append(self.who.strip().lower())
        if self.action:
            clauses.append("a.action = ?")
            params.append(AuditAction(self.action).value)
        if self.since:
            clauses.append("a.at >= ?")
            params.append(rome_day_start(self.since))
        if self.until:
            clauses.append("a.at < ?")
            params.append(rome_day_start(self.until + timedelta(days=1)))
        if self.person_id:
            people = "(SELECT ? UNION SELECT id FROM people WHERE merged_into = ?)"
            clauses.append(
                f"((a.table_name = 'people' AND a.row_id IN {people})"
                f" OR (a.table_name = 'contacts' AND a.row_id IN"
                f" (SELECT id FROM contacts WHERE person_id IN {people}))"
                f" OR (a.table_name = 'referrals' AND a.row_id IN"
                f" (SELECT id FROM referrals WHERE person_id IN {people})))"
            )
            params += [self.person_id] * 6
        return " AND ".join(clauses), params


#: The actions a coordinator is told about on the status bar.
_BREAK_GLASS = [AuditAction.BREAK_GLASS.value, AuditAction.BREAK_GLASS_REFUSED.value]


class _Reasons:
    """Break-glass reasons as read out of the log: the person's identity masked (each
    person's identity read once per page or export)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.identities: dict[str, Identity] = {}

    def shown(self, action: str | None, table: str | None, row_id: str | None, reason: Any) -> Any:
        if action not in _BREAK_GLASS or table != "people" or not reason:
            return reason
        key = row_id or ""
        if key not in self.identities:
            self.identities[key] = self.session.identity(key)
        return mask_reason(str(reason), self.identities[key])


def entries(
    session: Session, query: AuditQuery | None = None, *, limit: int = 200, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of audit rows (``COLUMNS`` and ``id``), newest first; break-glass reasons
    with the person's identity masked (see the module's docstring)."""
    session.require(Action.VIEW_AUDIT)
    where, params = (query or AuditQuery()).where()
    rows = session.store.query(
        f"SELECT a.id, {', '.join('a.' + c for c in COLUMNS)} FROM audit_log a WHERE {where}"
        " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    reasons = _Reasons(session)
    for row in rows:
        row["reason"] = reasons.shown(
            row["action"], row["table_name"], row["row_id"], row["reason"]
        )
    return rows


def count(session: Session, query: AuditQuery | None = None, *, cap: int = 100_000) -> int:
    """How many rows the query matches (counted up to ``cap``)."""
    session.require(Action.VIEW_AUDIT)
    where, params = (query or AuditQuery()).where()
    row = session.store.db.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM audit_log a WHERE {where} LIMIT ?)",
        [*params, cap],
    ).fetchone()
    return int(row[0])


def users_in_log(session: Session) -> list[str]:
    """Usernames that appear in the log (the audit page's user filter)."""
    session.require(Action.VIEW_AUDIT)
    return [
        row[0]
        for row in session.store.db.execute(
            "SELECT DISTINCT who FROM audit_log WHERE who IS NOT NULL ORDER BY who"
        )
    ]


def new_break_glass(session: Session) -> int:
    """Break-glass events (granted or refused) since this user last looked
    (:func:`mark_break_glass_seen`): the number on a coordinator's status bar. 0 for users
    who may not read the audit log."""
    if not session.may(Action.VIEW_AUDIT):
        return 0
    seen = session.store.meta(_SEEN_KEY + session.user.username) or ""
    row = session.store.db.execute(
        "SELECT count(*) FROM audit_log WHERE action IN (?, ?) AND at > ? AND deleted = 0",
        [*_BREAK_GLASS, seen],
    ).fetchone()
    return int(row[0])


def mark_break_glass_seen(session: Session) -> None:
    """The user has seen the break-glass events listed so far (opened the audit page)."""
    session.require(Action.VIEW_AUDIT)
    newest = session.store.db.execute(
        "SELECT max(at) FROM audit_log WHERE action IN (?, ?)", _BREAK_GLASS
    ).fetchone()[0]
    if newest:
        session.store.set_meta(_SEEN_KEY + session.user.username, str(newest))


def export_csv(session: Session, out: str | Path, query: AuditQuery | None = None) -> Path:
    """Write the rows matching ``query`` to ``out`` as CSV for a spreadsheet set up in
    Italian (``;``-separated UTF-8 with a byte-order mark:
    :func:`casa_desk.safe_csv.for_spreadsheets`), owner-only and atomic, with the time in
    Rome beside the stored UTC time. Every cell goes through the project's CSV
    injection guard (:mod:`casa_desk.safe_csv`: a break-glass reason is typed by a user),
    and a break-glass reason is exported with the person's identity masked; the export
    itself is audited (``exported``, table ``audit_log``)."""
    session.require(Action.EXPORT_AUDIT)
    where, params = (query or AuditQuery()).where()
    rows = session.store.db.execute(
        f"SELECT {', '.join('a.' + c for c in COLUMNS)} FROM audit_log a WHERE {where}"
        " ORDER BY a.at, a.id",
        params,
    )
    reasons = _Reasons(session)
    at, action, table_name, row_id, reason = (
        COLUMNS.index(c) for c in ("at", "action", "table_name", "row_id", "reason")
    )
    table: list[list[str | None]] = [["ora_roma", *COLUMNS]]
    for row in rows:
        cells = list(row)
        cells[reason] = reasons.shown(row[action], row[table_name], row[row_id], row[reason])
        table.append([format_datetime(row[at]), *cells])
    data = safe_csv.for_spreadsheets(table)  # read by people, in Excel: ';' and a BOM
    path = write_bytes(Path(out), data, inputs=[session.store.path])  # never over the store
    session.audit(AuditAction.EXPORTED, table="audit_log", reason="csv")
    return path
