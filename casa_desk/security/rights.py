"""The people's rights as services the CLI and the window call (issue 11; docs/rights.md).

Each takes the authenticated :class:`~casa_desk.security.access.Session`, checks the role,
does the work through the store and records it in the audit log:

* :func:`export_person` — art. 15, everything held on a person as an Italian PDF for them
  (coordinators and administrators; a riservato person needs the break-glass first when the
  user may not see sensitive content);
* :func:`erase_person` — art. 17, the person's identity and notes erased now, the same
  anonymisation as retention, synced everywhere as an operation that always wins
  (coordinators and administrators, with the request's reason);
* :func:`run_retention` — art. 5(1)(e), head office's policy applied on a day
  (administrators; ``dry_run`` counts and changes nothing).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from casa_desk import outputs
from casa_desk.errors import CasaError, ValidationError
from casa_desk.models.reasons import check_reason
from casa_desk.models.timeutil import today_rome
from casa_desk.models.vocab import SENSITIVE_SERVICE_KINDS, AuditAction
from casa_desk.reports import person_file
from casa_desk.security.access import BreakGlassRequired, Session, audited_reason
from casa_desk.security.permissions import Action
from casa_desk.store import erasure, retention
from casa_desk.store.db import Store


def find_person(store: Store, *, cf: str | None = None, person_id: str | None = None) -> str:
    """The id of the person named by codice fiscale or id (the survivor, if the record was
    merged into another); a ValidationError ``not_found`` otherwise. Never echoes the CF."""
    if cf:
        rows = store.query(
            "SELECT id, merged_into FROM people WHERE codice_fiscale = ? AND deleted = 0"
            " ORDER BY merged_into IS NOT NULL LIMIT 1",
            ["".join(cf.split()).upper()],
        )
    else:
        rows = store.query("SELECT id, merged_into FROM people WHERE id = ?", [person_id or ""])
    if not rows:
        raise ValidationError("Nessuna persona con questo codice o id.", code="not_found")
    return str(rows[0]["merged_into"] or rows[0]["id"])


class SensitiveExportForbidden(CasaError):
    """The access PDF would show sensitive entries to a user who may not see them."""

    code = "export_sensitive_forbidden"

    def __init__(self) -> None:
        super().__init__(
            "I dati di questa persona comprendono contenuti riservati (salute, violenza): "
            "la copia deve prepararla un utente con il permesso di vederli."
        )


def holds_sensitive(store: Store, person_id: str) -> bool:
    """Whether the access PDF of ``person_id`` (and the records merged into them) would
    show a sensitive entry: a sensitive contact or referral, or a consent to a health or
    anti-violence service (its name says what the person faces)."""
    ids = json.dumps(erasure.family(store.db, person_id))
    kinds = json.dumps(sorted(k.value for k in SENSITIVE_SERVICE_KINDS))
    row = store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM contacts WHERE person_id IN (SELECT value FROM"
        " json_each(:ids)) AND sensitive = 1 AND deleted = 0)"
        " OR EXISTS (SELECT 1 FROM referrals WHERE person_id IN (SELECT value FROM"
        " json_each(:ids)) AND sensitive = 1 AND deleted = 0)"
        " OR EXISTS (SELECT 1 FROM consents c JOIN services s ON c.purpose = 'referral:' || s.id"
        " WHERE c.person_id IN (SELECT value FROM json_each(:ids)) AND c.deleted = 0"
        " AND s.kind IN (SELECT value FROM json_each(:kinds)))",
        {"ids": ids, "kinds": kinds},
    ).fetchone()
    return bool(row[0])


def export_person(session: Session, person_id: str, out: str | Path) -> Path:
    """Write the access PDF of ``person_id`` to ``out`` (atomic, owner-only, never over the
    store) and audit it (``exported``, table ``person``): the file moves into place only once
    the audit row has committed, so a failed commit leaves no copy out without its record.

    The PDF is the person's whole record, sensitive entries included (they are hers); so a
    user who may not see sensitive content — to whom a break-glass opens the card but never
    those entries — may not write it when it holds any (:class:`SensitiveExportForbidden`):
    a colleague with the permission does."""
    session.require(Action.EXPORT_PERSON)
    if session.needs_break_glass(person_id):
        raise BreakGlassRequired()
    store = session.store
    if session.masked and holds_sensitive(store, person_id):
        raise SensitiveExportForbidden()
    out = Path(out)
    outputs.check_output(out, inputs=[store.path])
    pdf = person_file.render(person_file.collect(store, person_id))
    with outputs.atomic_output(out, inputs=[store.path]) as temp, store.transaction() as journal:
        temp.write_bytes(pdf)
        session.record(journal, AuditAction.EXPORTED, table="person", row_id=person_id)
    return out


def erasure_preview(session: Session, person_id: str, reason: str) -> int:
    """What :func:`erase_person` would erase, said before it does (the command's
    confirmation): every refusal it would make (role, reason, another office's person, a
    merged record), else how many rows are about the person (hers, merged records' and what
    is about them, the audit rows too). Reads only."""
    session.require(Action.ERASE_PERSON)
    check_reason(audited_reason(reason, "della cancellazione"), session.identity(person_id))
    retention.anonymisable(session.store, person_id)
    db = session.store.db
    return sum(len(ids) for ids in erasure.rows_of(db, erasure.family(db, person_id)).values())


def erase_person(session: Session, person_id: str, reason: str) -> dict[str, list[str]]:
    """Erase the person's identity and notes now (art. 17); returns the rows scrubbed here,
    by table. The anonymisation syncs and wins everywhere (store/erasure.py).

    The reason is the one audit text an erasure keeps (``erasure.KEPT_AUDIT_ACTIONS``): one
    that names the person would keep her identity in the log she asked to leave, here and at
    head office, so it is refused like a break-glass reason
    (:func:`casa_desk.models.reasons.check_reason`) and nothing is erased."""
    session.require(Action.ERASE_PERSON)
    reason = audited_reason(reason, "della cancellazione")
    check_reason(reason, session.identity(person_id))
    store = session.store
    found = retention.anonymise(
        store,
        person_id,
        on=today_rome(),
        who=session.user.username,
        action=AuditAction.ERASED,
        reason=reason,
        suppress=True,  # no registry import registers her again (store/suppression.py)
    )
    erasure.compact(store)
    return found


def run_retention(
    session: Session,
    *,
    as_of: date | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> retention.RetentionRun:
    """Apply head office's retention policy on ``as_of`` (default today)."""
    session.require(Action.RETENTION)
    return retention.run(
        session.store,
        as_of=as_of or today_rome(),
        who=session.user.username,
        dry_run=dry_run,
        progress=progress,
    )


def vacuum(session: Session) -> None:
    """Switch an older store to incremental vacuum (administrators; once)."""
    session.require(Action.RETENTION)
    if erasure.vacuum_mode(session.store) != "incremental":
        erasure.switch_to_incremental(session.store)
