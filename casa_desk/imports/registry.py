"""Import of the Aler registry export (anagrafe) into ``people``: every bad row explained.

The export has an Italian header (``cognome;nome;codice_fiscale;data_nascita;sesso;…``); the
file's encoding and separator are detected (:mod:`casa_desk.imports.csvfile`), dates may be
``dd/mm/yyyy`` or ISO. Each row is checked with the domain rules of
:func:`casa_desk.models.people.clean_person`; a bad row is reported with its physical line
number, the column and a reason in Italian — never with the person's data, because reports end
up on shared screens and in logs.

A row of a person erased on request (GDPR art. 17) is skipped: her anonymised record keeps a
keyed hash of her identifiers (:mod:`casa_desk.store.suppression`), and the summary says how
many were skipped and why, never who. A row that matches a live card (she came back and was
registered again) is imported as usual.

Importing is idempotent: a row matches an existing person (not deleted, not merged) by codice
fiscale, else by normalised surname + name + birth date (a missing birth date matches a
missing one, so a re-import without dates makes no copies either); a match is updated only in
the fields that changed, and empty cells never erase stored values. Two rows of one file that
match the same person: the later one is rejected as a duplicate of the earlier line.

Everything is headless: :func:`import_registry` writes all good rows in one transaction
through the journal (so every write reaches ``sync_outbox``), :func:`preview_registry` only
reads (``--dry-run``); both return an :class:`ImportResult` and accept a ``(done, total)``
progress callback and a cancel check, so the UI can run them off its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from casa_desk.errors import ImportFileError, ValidationError
from casa_desk.imports.csvfile import CsvTable, delimiter_words, read_csv_file, written_out
from casa_desk.imports.registry_rows import COLUMNS, REQUIRED_COLUMNS, RowProblem, clean_row
from casa_desk.models.codice_fiscale import normalize_cf
from casa_desk.models.duplicates import normalize_name
from casa_desk.models.vocab import AuditAction
from casa_desk.store import audit
from casa_desk.store.db import Store
from casa_desk.store.reference import PRESIDIO_CODES
from casa_desk.store.suppression import SuppressionList

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

_PROGRESS_EVERY = 2_000


@dataclass
class ImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    presidio: str
    dry_run: bool
    encoding: str
    delimiter: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    #: Rows of people erased on request (art. 17), skipped: never who, only how many.
    suppressed: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()

    @property
    def rejected(self) -> int:
        """Rejected rows (a row with three problems counts once)."""
        return len({p.line for p in self.problems})

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        counts = (
            f"{self.created} nuove persone, aggiornate {self.updated}, "
            f"invariate {self.unchanged}, scartate {self.rejected} righe."
        )
        if self.suppressed:
            counts += " " + suppressed_words(self.suppressed, dry_run=self.dry_run)
        if self.dry_run:
            return f"Simulazione: sarebbero importate {counts} Nessuna modifica salvata."
        return f"Importate {counts}"


def suppressed_words(n: int, *, dry_run: bool = False) -> str:
    """``"1 persona non importata: cancellata su sua richiesta (art. 17 GDPR)."``"""
    one = n == 1
    verb = (
        ("non sarebbe importata" if one else "non sarebbero importate")
        if dry_run
        else ("non importata" if one else "non importate")
    )
    return (
        f"{n} {'persona' if one else 'persone'} {verb}: "
        f"{'cancellata' if one else 'cancellate'} su {'sua' if one else 'loro'} richiesta "
        "(art. 17 GDPR)."
    )


@dataclass(frozen=True)
class RegistryFile:
    """A registry export that passed the whole-file checks (readable, right header)."""

    table: CsvTable
    positions: dict[str, int]  # file column → index in each record
    ignored_columns: tuple[str, ...]


def read_registry_file(path: str | Path) -> RegistryFile:
    """Read ``path`` and check its header; raises ImportFileError for any whole-file problem.

    Call it before opening the store, so a bad file never causes a write.
    """
    table = read_csv_file(path)
    positions: dict[str, int] = {}
    for index, name in enumerate(table.header):
        if name in positions:
            raise ImportFileError(
                f"La colonna {written_out(name)} compare due volte nell'intestazione.",
                code="header_duplicate",
            )
        if name:
            positions[name] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in positions]
    if missing:
        raise ImportFileError(
            "Nell'intestazione mancano le colonne: "
            + ", ".join(missing)
            + f" (separatore rilevato: {delimiter_words(table.delimiter)}).",
            code="header_missing",
        )
    ignored = tuple(written_out(n) for n in positions if n not in COLUMNS)  # shown only
    known = {n: i for n, i in positions.items() if n in COLUMNS}
    if not table.rows:
        raise ImportFileError(
            "Il file contiene solo l'intestazione: nessuna persona da importare.",
            code="file_no_rows",
        )
    return RegistryFile(table=table, positions=known, ignored_columns=ignored)


def valid_presidi(db: Database) -> list[str]:
    """Office codes an import may be assigned to: the seeded ones and any added by head office."""
    codes = set(PRESIDIO_CODES)
    if db["presidi"].exists():
        codes |= {r[0] for r in db.execute("SELECT code FROM presidi WHERE deleted = 0")}
    return sorted(codes)


def resolve_presidio(db: Database, given: str | None) -> str:
    """The office that will own the imported people: ``given``, else the store's own office."""
    valid = valid_presidi(db)
    if given:
        code = given.strip().upper()
        if code not in valid:
            raise ValidationError(
                f"Presidio sconosciuto: {code}. Valori ammessi: {', '.join(valid)}.",
                field="presidio",
                code="presidio_unknown",
            )
        return code
    row = db.execute("SELECT value FROM casa_meta WHERE key = 'presidio'").fetchone()
    if not row or not row[0]:
        raise ValidationError(
            "L'archivio non ha ancora un presidio: lo indichi con --presidio CODICE "
            f"({', '.join(valid)}).",
            field="presidio",
            code="presidio_missing",
        )
    return str(row[0])


def preview_registry(
    db: Database,
    registry: RegistryFile,
    *,
    presidio: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: date | None = None,
) -> ImportResult:
    """What :func:`import_registry` would do, reading ``db`` only (it may be read-only)."""
    office = resolve_presidio(db, presidio)
    plan = _plan(db, registry, office, dry_run=True, progress=progress, cancel=cancel, today=today)
    if progress:
        progress(plan.total, plan.total)
    return plan.result


def import_registry(
    store: Store,
    registry: RegistryFile,
    *,
    by: str,
    presidio: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    today: date | None = None,
) -> ImportResult:
    """Write the good rows of ``registry`` in one journal transaction; all or nothing.

    ``by`` is the logged-in user (``session.user.username``), named in the audit row.
    Existing people are read inside the same transaction, so another writer cannot slip a
    person in between the matching and the writing. A ``cancel`` that returns True rolls
    everything back and raises ImportFileError (code ``cancelled``).
    """
    office = resolve_presidio(store.db, presidio)
    with store.transaction() as j:
        plan = _plan(
            store.db,
            registry,
            office,
            dry_run=False,
            progress=progress,
            cancel=cancel,
            today=today,
        )
        base = len(registry.table.rows)
        writes = max(1, len(plan.inserts) + len(plan.updates))

        def report(done: int) -> None:
            _check(cancel)
            if progress:
                progress(base + round(base * done / writes), plan.total)

        j.insert_many("people", plan.inserts, presidio=office, progress=report)
        for number, (person_id, changes) in enumerate(plan.updates, len(plan.inserts) + 1):
            j.update("people", person_id, changes)
            if number % _PROGRESS_EVERY == 0:
                report(number)
        _check(cancel)
        if plan.inserts or plan.updates:  # who loaded the registry, and how much (no names)
            audit.record(
                j,
                AuditAction.CREATED,
                who=by,
                presidio=office,
                table="people",
                reason=f"importazione anagrafe: {len(plan.inserts)} nuove, "
                f"{len(plan.updates)} aggiornate",
            )
    if progress:
        progress(plan.total, plan.total)
    return plan.result


def import_people(
    store: Store,
    path: str | Path,
    *,
    by: str,
    presidio: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Read ``path`` and import it (or only preview it): the one call the UI needs."""
    registry = read_registry_file(path)
    if dry_run:
        return preview_registry(
            store.db, registry, presidio=presidio, progress=progress, cancel=cancel
        )
    return import_registry(
        store, registry, by=by, presidio=presidio, progress=progress, cancel=cancel
    )


# -- planning ---------------------------------------------------------------------------------
@dataclass
class _Plan:
    result: ImportResult
    total: int
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)


NameKey = tuple[str, str, str | None]

#: Why a row is taken for a stored person (or an earlier row) by its codice fiscale.
SAME_CF = "stesso codice fiscale"
#: A row whose codice fiscale is a stored person's whose names are all different.
CF_OTHER_PERSON = (
    "Il codice fiscale è già di una persona in archivio con cognome e nome diversi: "
    "controllare il codice fiscale (o correggere a mano la scheda, se è la stessa persona)."
)


def same_names(stored: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether a row matched by codice fiscale may be the stored person: some name of the
    row is one of hers, or holds it, or is held by it (normalised: ``"D'Angelo"`` =
    ``"dangelo"``). Her names completed (``Anna`` → ``Anna Maria``), corrected in part or
    written in each other's column are hers; surname and first name both another's are
    not: the code was typed wrong or copied from another row, and matching by it alone
    renamed her, with that person's phone and address."""
    theirs = [_normalized(stored.get(k) or "") for k in ("last_name", "first_name")]
    mine = [_normalized(row.get(k) or "") for k in ("last_name", "first_name")]
    theirs, mine = [n for n in theirs if n], [n for n in mine if n]
    if not theirs or not mine:
        return True  # nothing to compare: the code decides, as before
    return any(a in b or b in a for a in theirs for b in mine)


class _Index:
    """Existing people by codice fiscale and by name + birth date, loaded with one query.

    Targets are person ids, or ``"line:N"`` for a person that row N of this file will create.
    """

    def __init__(self, db: Database) -> None:
        self.by_cf: dict[str, str] = {}
        self.by_name: dict[NameKey, str] = {}
        self.cf_of: dict[str, str | None] = {}
        self.stored: dict[str, dict[str, Any]] = {}
        fields = ", ".join(COLUMNS.values())
        sql = (
            f"SELECT id, {fields} FROM people WHERE deleted = 0 AND merged_into IS NULL"
            " ORDER BY created_at, id"
        )
        for row in db.query(sql):
            person_id = row.pop("id")
            self.stored[person_id] = row
            self.add(person_id, row)

    def add(self, target: str, values: dict[str, Any], key: NameKey | None = None) -> None:
        cf = normalize_cf(values.get("codice_fiscale") or "") or None
        if cf:
            self.by_cf.setdefault(cf, target)
        if cf or target not in self.cf_of:
            self.cf_of[target] = cf
        self.by_name.setdefault(key or name_key(values), target)

    def match(self, values: dict[str, Any], key: NameKey) -> tuple[str | None, str]:
        cf = values.get("codice_fiscale")
        if cf and cf in self.by_cf:
            return self.by_cf[cf], SAME_CF
        target = self.by_name.get(key)
        # A person with a different codice fiscale is somebody else with the same name.
        if target is not None and (not cf or self.cf_of.get(target) in (None, cf)):
            return target, "stessi cognome, nome e data di nascita"
        return None, ""


def name_key(values: dict[str, Any]) -> NameKey:
    """Surname, name (normalised: ``"D'Angelo"`` = ``"dangelo"``) and ISO birth date."""
    return (
        _normalized(values.get("last_name") or ""),
        _normalized(values.get("first_name") or ""),
        values.get("birth_date") or None,
    )


@lru_cache(maxsize=65_536)
def _normalized(name: str) -> str:
    # Names repeat a lot in a registry; caching halves the time of a 100,000-row import.
    return normalize_name(name)


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportFileError("Importazione annullata: nessuna modifica salvata.", code="cancelled")


def _plan(
    db: Database,
    registry: RegistryFile,
    office: str,
    *,
    dry_run: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    today: date | None,
) -> _Plan:
    table = registry.table
    rows = table.rows
    plan = _Plan(
        result=ImportResult(
            presidio=office,
            dry_run=dry_run,
            encoding=table.encoding_label,
            delimiter=table.delimiter,
            rows=len(rows),
            ignored_columns=registry.ignored_columns,
        ),
        total=2 * len(rows),
    )
    problems = plan.result.problems
    index = _Index(db)
    erased = SuppressionList(db)
    claimed: dict[str, int] = {}  # target → line of the row that took it
    new_rows: dict[str, dict[str, Any]] = {}  # "line:N" → the values row N will register
    width = len(table.header)
    for number, (line, cells) in enumerate(rows, 1):
        if number % _PROGRESS_EVERY == 0:
            _check(cancel)
            if progress:
                progress(number, plan.total)
        cleaned, row_problems = clean_row(
            line, cells, registry.positions, width, today, table.fields.get(line)
        )
        if row_problems:
            problems.extend(row_problems)
            continue
        key = name_key(cleaned)
        target, reason = index.match(cleaned, key)
        if (
            target in index.stored
            and reason == SAME_CF
            and not same_names(index.stored[target], cleaned)
        ):
            problems.append(RowProblem(line, "codice_fiscale", "cf_other_person", CF_OTHER_PERSON))
            continue
        if target is None and erased.suppressed(cleaned):
            plan.result.suppressed += 1  # erased on request: never registered again by a file
            continue
        if target is not None and target in claimed:
            earlier = new_rows.get(target)
            if reason == SAME_CF and earlier is not None and not same_names(earlier, cleaned):
                problems.append(  # not "the same person": another, or a code typed wrong
                    RowProblem(
                        line,
                        "codice_fiscale",
                        "cf_other_row",
                        f"Il codice fiscale è già quello della riga {claimed[target]}, con "
                        "cognome e nome diversi: controllare il codice fiscale.",
                    )
                )
                continue
            problems.append(
                RowProblem(
                    line,
                    "",
                    "duplicate_row",
                    f"Riga duplicata: è la stessa persona della riga {claimed[target]} ({reason}).",
                )
            )
            continue
        if target is None:
            target = f"line:{line}"
            plan.inserts.append(cleaned)
            new_rows[target] = cleaned
        else:
            stored = index.stored[target]
            # Empty cells never erase what the store already knows.
            changes = {k: v for k, v in cleaned.items() if v is not None and stored.get(k) != v}
            if changes:
                plan.updates.append((target, changes))
            else:
                plan.result.unchanged += 1
        claimed[target] = line
        index.add(target, cleaned, key)
    plan.result.created = len(plan.inserts)
    plan.result.updated = len(plan.updates)
    return plan
