"""Build a realistic synthetic store for one office (``casa-desk demo``).

The store holds a year of invented activity: people in households, their consents, contacts,
referrals with full event histories and ESF enrolments (see the sibling modules for what each
looks like). It is for demos, training and the scale benchmarks, so it must be

* **reproducible** — one ``random.Random(seed)`` drives everything and every id and time is
  drawn from it, so two builds with the same options hold the same rows (only the sync
  clocks ``hlc``/``origin``/``field_clocks`` and the device differ);
* **honest** — every row is written through the journal (captured in ``sync_outbox`` like any
  local write, guard and search triggers on), so the demo exercises the real write path;
* **atomic** — it is built in a temporary file beside ``PATH`` and renamed into place only
  when complete (:func:`casa_desk.outputs.atomic_output`), its key file first; any error or
  Ctrl-C removes the partial files, and an existing ``PATH`` is never touched;
* **locked like any store** — encrypted, with an administrator (``demo``/``demo`` unless
  told otherwise: the data is invented). ``encrypted=False`` builds a plain twin for the
  benchmarks that compare the two; nothing else should want one;
* **fast enough** — rows are generated lazily and bulk-inserted per phase in chunks, one
  transaction each (100,000 people and 1,000,000 contacts take a few minutes).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from casa_desk.demo import data
from casa_desk.demo.clock import DemoRandom, TextClock, rome_to_utc_ms, window_days
from casa_desk.demo.contacts import ContactMaker
from casa_desk.demo.enrolment import participants, registry_consents
from casa_desk.demo.people import make_people
from casa_desk.demo.referrals import ReferralMaker, extra_service_rows
from casa_desk.errors import CasaError, OutputError, StorageError
from casa_desk.models.ids import stable_id
from casa_desk.models.timeutil import today_rome
from casa_desk.outputs import atomic_output, reason
from casa_desk.security import keyfile
from casa_desk.security.access import create_desk
from casa_desk.security.keyfile import KdfParams
from casa_desk.store.db import Store
from casa_desk.store.demo_mark import mark_demo
from casa_desk.store.reference import PRESIDIO_CODES, reference_rows
from casa_desk.store.referrals import refresh_statuses
from casa_desk.store.schema import ensure_triggers, rebuild_search, suspend_search

OPERATOR = "operatore.demo"
CHUNK = 100_000
#: Page cache for the build connection (KiB, negative = size): random-id index inserts
#: stay in memory instead of hitting the disk for every row.
_BUILD_CACHE_KIB = 256 * 1024

#: The end of the demo's year must leave room for its people's birth dates (a century before)
#: and its follow-ups and due dates (weeks after) inside the calendar.
FIRST_UNTIL = date(2001, 1, 1)
LAST_UNTIL = date(2100, 12, 31)

#: ``progress(phase, done, total)``: the phase label (Italian) and rows written so far.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class DemoOptions:
    presidio: str = "SAN-SIRO"
    people: int = 2_000
    contacts: int = 20_000
    seed: int = 0
    until: date | None = None  # default: today in Europe/Rome
    admin: str = "demo"
    password: str = "demo"
    #: argon2id cost of the store's slots (None: calibrated on this machine)
    kdf: KdfParams | None = None
    encrypted: bool = True  # False: a plain SQLite twin, for benchmarks only
    #: False only in tests that sync demo offices with a throw-away hub: the store is then
    #: not marked as a demo store (casa_desk.store.demo_mark), which would refuse pairing.
    #: The ``casa-desk demo`` command always marks it; no command or screen sets this.
    mark_demo: bool = True


@dataclass
class DemoSummary:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)


def check_options(options: DemoOptions) -> None:
    """Refuse bad options with one line (the CLI has already checked the number formats)."""
    if options.presidio not in PRESIDIO_CODES:
        raise CasaError(
            f"Presidio sconosciuto: {options.presidio}. "
            f"Codici validi: {', '.join(PRESIDIO_CODES)}.",
            code="demo_presidio",
        )
    if options.until is not None and not FIRST_UNTIL <= options.until <= LAST_UNTIL:
        raise CasaError(
            f"Data di fine fuori dall'intervallo della demo: "
            f"{FIRST_UNTIL.isoformat()} – {LAST_UNTIL.isoformat()}.",
            code="demo_until",
        )
    if options.people < 0 or options.contacts < 0:
        raise CasaError(
            "Il numero di persone e di contatti non può essere negativo.", code="demo_count"
        )


def build_demo(
    path: str | Path, options: DemoOptions, progress: Progress | None = None
) -> DemoSummary:
    """Build the demo store at ``path``, which must not exist yet. Returns the row counts.

    Raises :class:`~casa_desk.errors.CasaError` (one line) for bad options or an existing
    ``path`` — a symbolic link too, even one to nothing: the store would go to its target
    and the key file beside the link, split; on any failure or interruption the partial
    file is removed.
    """
    check_options(options)
    path = Path(path)
    try:
        _check_new(path)
    except OSError as exc:  # a name longer than the system allows: stat itself fails
        raise OutputError(f"Impossibile scrivere {path}: {reason(exc)}.") from exc
    with atomic_output(path, overwrite=False, database=True) as part:
        try:
            try:
                store = _create(part, options)
                try:
                    summary = DemoSummary(path, _fill(store, options, progress or _quiet))
                finally:
                    store.close()
            except (StorageError, OutputError) as exc:  # the store asked for, not the temporary
                raise type(exc)(exc.message.replace(str(part), str(path)), code=exc.code) from exc
            if options.encrypted:  # the key file first: the store never exists without it
                keyfile.keyfile_path(part).replace(keyfile.keyfile_path(path))
        finally:
            keyfile.keyfile_path(part).unlink(missing_ok=True)
            keyfile.lock_path(part).unlink(missing_ok=True)
    return summary


def _check_new(path: Path) -> None:
    """``path`` is free for a new store: not a link, no file there, no key file beside."""
    if path.is_symlink() and not path.is_dir():
        raise CasaError(
            f"{path} è un collegamento: la demo non crea un archivio attraverso un "
            "collegamento. Indicare il file vero.",
            code="demo_exists",
        )
    if (os.path.lexists(path) and not path.is_dir()) or keyfile.exists(path):
        raise CasaError(
            f"Il file {path} esiste già: la demo non lo sovrascrive.", code="demo_exists"
        )


def _create(part: Path, options: DemoOptions) -> Store:
    if not options.encrypted:
        return Store.open(part, create=True)
    session = create_desk(
        part,
        username=options.admin,
        full_name="Amministratore dimostrativo",
        password=options.password,
        presidio=options.presidio,
        params=options.kdf,
        check_strength=False,  # invented data; demo/demo is the documented default
        how="demo",
    )
    return session.store


def _quiet(_phase: str, _done: int, _total: int) -> None:
    pass


def _fill(store: Store, options: DemoOptions, progress: Progress) -> dict[str, int]:
    code = options.presidio
    rng = DemoRandom(options.seed, code)  # office-specific ids, same draws as Random(seed)
    until = options.until or today_rome()
    days = window_days(until)
    until_ms = rome_to_utc_ms(until, 0)
    clock = TextClock()
    opened = clock.text(rome_to_utc_ms(days[0] - timedelta(days=3 * 365 + 30), 9 * 3600))
    # The temporary file is thrown away on any failure, so it needs no rollback journal or fsync
    # while it is filled: a quarter less wall time, mostly I/O. WAL is back before the rename.
    store.bulk_load(cache_kib=_BUILD_CACHE_KIB)
    counts: dict[str, int] = {}
    with store.transaction():  # index once at the end, not row by row (capture stays on)
        suspend_search(store.db)

    def write(table: str, rows: Iterable[dict[str, Any]], total: int, label: str) -> int:
        done = 0
        source = iter(rows)
        progress(label, 0, total)
        while True:
            with store.transaction() as journal:
                written = journal.insert_many(
                    table,
                    islice(source, CHUNK),
                    presidio=code,
                    progress=lambda n, base=done: progress(label, base + n, total),
                )
            done += written
            if written < CHUNK:
                break
        progress(label, done, done)  # the phase is over even if ``total`` was an estimate
        counts[table] = counts.get(table, 0) + done
        return done

    services = extra_service_rows(opened, code)  # the office's own local directory entries
    write("services", services, len(services), "Servizi")
    with store.transaction():
        store.db.execute(
            "INSERT INTO users (id, username, full_name, role, presidio, may_see_sensitive,"
            " active, created_at) VALUES (?, ?, ?, 'operatore', ?, 0, 1, ?)",
            [stable_id("users", OPERATOR), OPERATOR, "Operatore dimostrativo", code, opened],
        )
    store.set_meta("presidio", code)
    store.set_meta("operator", OPERATOR)
    if options.mark_demo:  # before any person: never a store of invented people unmarked
        with store.transaction():
            mark_demo(store.db)

    progress("Persone", 0, options.people)  # drawing 100,000 people takes a few seconds
    population = make_people(rng, code, days[0], options.people)
    write("people", population.rows, options.people, "Persone")
    consents = list(registry_consents(rng, population, until_ms, OPERATOR))
    write("consents", consents, len(consents), "Consensi")

    maker = ContactMaker(rng, population, days, until_ms, OPERATOR)
    write("contacts", maker.rows(options.contacts), options.contacts, "Contatti")

    by_code = {s["code"]: s for s in [*reference_rows()["services"], *services]}
    prefix = next(p["unit_prefix"] for p in data.PRESIDI if p["code"] == code)
    made = ReferralMaker(rng, by_code, prefix, until_ms, OPERATOR).make(maker.plans)
    write("consents", made.consents, len(made.consents), "Consensi per le segnalazioni")
    write("referrals", made.referrals, len(made.referrals), "Segnalazioni")
    write("referral_events", made.events, len(made.events), "Eventi delle segnalazioni")
    # Issue 13's draws (exits' results, follow-ups, 2021–2027 indicators) come from their
    # own generator: the rows of the first version of the demo stay as they were.
    enrolled = participants(rng, population, days, until, random.Random(f"esf-{options.seed}"))
    write("participants", enrolled, len(enrolled), "Partecipanti FSE")

    _finish(store, len(made.referrals), progress)
    return counts


def _finish(store: Store, referrals: int, progress: Progress) -> None:
    """Derived state in one pass each: referral statuses, then both search indexes."""
    progress("Stato delle segnalazioni", 0, referrals)
    with store.transaction():
        refresh_statuses(store.db)
    progress("Stato delle segnalazioni", referrals, referrals)
    progress("Indice di ricerca", 0, 1)
    with store.transaction():
        rebuild_search(store.db)
        ensure_triggers(store.db)
    progress("Indice di ricerca", 1, 1)
    store.end_bulk_load()


__all__ = ["OPERATOR", "DemoOptions", "DemoSummary", "build_demo", "check_options"]
