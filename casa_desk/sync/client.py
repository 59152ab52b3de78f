"""The office side of sync: enrol once, then hello → push → pull → digest (SYNC.md §4).

Every step is idempotent and resumable: the outbox is only read, the hub's ack says where to
resume pushing, and a pull page is applied together with the cursor move in one local
transaction. Killing the process anywhere and running it again loses and doubles nothing.
A whole re-fetch (the hub's log no longer reaches the cursor, or the store was restored
from an old backup) resumes at its next snapshot page too (:meth:`SyncClient.refetch_all`).

>>> client = SyncClient(store)  # doctest: +SKIP
>>> report = client.sync()  # doctest: +SKIP

(``sync`` raises SyncError with one line when it cannot.)
"""

from __future__ import annotations

import logging
import ssl
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import httpx

from casa_desk.errors import SyncError
from casa_desk.models.timeutil import to_utc_text, utc_now_text
from casa_desk.security.tokens import split_code
from casa_desk.store import erasure, suppression
from casa_desk.store.clock import restamp_own_future
from casa_desk.store.connection import OperationalError
from casa_desk.store.db import Store
from casa_desk.store.participants import KEY_STATE, Participants
from casa_desk.store.tables import BY_NAME, SHARED_SCOPE
from casa_desk.sync import held, protocol, restored, withdrawn
from casa_desk.sync.apply import (
    REFUSED_LATER_SEEN,
    apply_snapshot_rows,
    keep_rejections,
    rejected_update_rows,
    release_held,
    restore_rows,
    rows_still_refused,
    set_epoch,
    set_state,
    state,
)
from casa_desk.sync.enrolment_file import not_the_store as not_an_enrolment
from casa_desk.sync.enrolment_file import read_enrolment, refuse_demo
from casa_desk.sync.faults import fault_point
from casa_desk.sync.hub_url import check_hub_url, wrong_address
from casa_desk.sync.merge import NOT_APPLIED, UNCHANGED_SEED, digest_columns, digest_rows
from casa_desk.sync.pipeline import PagePipeline
from casa_desk.sync.sensitive import seal_outgoing
from casa_desk.sync.tls import cause_of_kind, pin_failure, pinned_context

log = logging.getLogger("casa_desk.sync")

Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    pushed: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    pulled: int = 0
    conflicts: int = 0
    held: int = 0  # received changes kept back (clock too far ahead), after this run
    mismatched: list[str] = field(default_factory=list)
    refetched: list[str] = field(default_factory=list)
    pruned: int = 0  # acked outbox rows past retention, dropped after a clean sync
    #: The hub was restored (a new epoch) or its log is behind this store's cursor: this
    #: run re-sent what the hub lacked and received everything again.
    realigned: bool = False
    #: The hub refused a push: this PC had all the changes it takes from one device in 24
    #: hours (:data:`~casa_desk.sync.protocol.DEVICE_QUOTA`, hub/quota.py). The round went
    #: on without sending the rest, which stays in the outbox for a later sync.
    day_full: bool = False

    @property
    def in_sync(self) -> bool:
        return not self.mismatched


#: Acked changes stay in the outbox this long (a restored hub is re-fed from them).
OUTBOX_RETENTION_DAYS = 30
#: sync_state key: where a whole re-fetch cut midway resumes (JSON: the hub's ``epoch``, the
#: log ``head`` it continues from, the next ``table`` — "" when all are done — and the last
#: id done in it, ``after``). Kept with each snapshot page; cleared when the re-fetch ends.
REFETCH_PROGRESS = "refetch_progress"


def _keep_refetch_place(
    store: Store, resume: tuple[str, int, int], table_done: bool, last_id: str
) -> None:
    """The place of the page after this one (inside that page's transaction)."""
    epoch, head, index = resume
    tables = list(BY_NAME)
    if table_done:
        table, after = (tables[index + 1] if index + 1 < len(tables) else ""), ""
    else:
        table, after = tables[index], last_id
    place = {"epoch": epoch, "head": head, "table": table, "after": after}
    set_state(store, REFETCH_PROGRESS, protocol.encode(place).decode())


#: sync_state key: where a re-fetch of one table (a digest mismatch) was cut — the hub's
#: ``epoch``, the ``table`` and the last id done in it, ``after``. Kept with each snapshot
#: page; cleared when the table is done, or when the next digest no longer asks for it.
DIGEST_REFETCH = "digest_refetch"


def _keep_digest_place(store: Store, epoch: str, table: str, done: bool, last_id: str) -> None:
    """The place of the digest re-fetch's next page (inside that page's transaction)."""
    place = None if done else protocol.encode({"epoch": epoch, "table": table, "after": last_id})
    set_state(store, DIGEST_REFETCH, None if place is None else place.decode())


# -- credentials ---------------------------------------------------------------------------
def save_credentials(store: Store, creds: dict[str, Any], hub_url: str | None) -> None:
    """Keep what enrolment returned; the store's office becomes the device's office."""
    current = store.presidio
    if current and current != creds["presidio"]:
        raise protocol.sync_error(
            "Questo archivio è del presidio {current}, l'abbinamento è per {office}.",
            code="wrong_office",
            current=current,
            office=creds["presidio"],
        )
    with store.transaction():
        for key in ("device_id", "token", "bundle_key", "presidio"):
            set_state(store, f"hub_{key}", creds[key])
        if creds.get("esf_key"):
            set_state(store, KEY_STATE, creds["esf_key"])
        if creds.get("erasure_key"):
            set_state(store, suppression.KEY_STATE, creds["erasure_key"])
        set_state(store, "hub_head_office", int(bool(creds.get("head_office"))))
        if creds.get("epoch") and not state(store, "epoch"):
            # The epoch the store joins in, so that a hub restore after this is told from
            # it even before the first sync (a re-enrolment leaves the known one to hello).
            set_state(store, "epoch", str(creds["epoch"]))
        # The hub's certificate is pinned from now on (None: a hub without HTTPS, or one
        # with a certificate from a public authority, checked against the system's CAs).
        set_state(store, "hub_tls_fingerprint", creds.get("tls_fingerprint") or None)
        if hub_url:
            set_state(store, "hub_url", hub_url.rstrip("/"))
        store.db.execute(
            "INSERT INTO casa_meta (key, value) VALUES ('presidio', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [creds["presidio"]],
        )
        Participants(store).refresh_cf_hashes()  # enrolments made before the key came


def enrol_online(store: Store, hub_url: str, code: str, *, timeout: float = 15.0) -> dict[str, Any]:
    """Trade a one-time code for this store's credentials.

    A code from a hub that serves HTTPS carries its certificate's pin: the certificate is
    checked against it before the code is sent, and its whole fingerprint is kept.
    """
    refuse_demo(store)  # before the code is spent at the hub
    try:
        secret, code_pin = split_code(code)
    except ValueError:
        raise SyncError(
            "Codice di abbinamento digitato male: ricontrollarlo.", code="bad_code"
        ) from None
    hub_url = check_hub_url(hub_url)
    https = hub_url.lower().startswith("https://")
    if code_pin is not None and not https:
        raise SyncError(
            "Questo codice è di una sede in HTTPS: indicare --hub https://…",
            code="code_needs_https",  # the window says it its own way (no --hub there)
        )
    context = pinned_context(code_pin=code_pin) if code_pin is not None else None
    with httpx.Client(
        base_url=hub_url.rstrip("/"), timeout=timeout, verify=context or True
    ) as http:
        creds = _post(http, "/enrol", {"code": secret, "node_id": store.device_id})
    if context is not None:
        creds["tls_fingerprint"] = context.seen
    save_credentials(store, creds, hub_url)
    return creds


def enrol_from_file(store: Store, path: Path) -> dict[str, Any]:
    """Enrol from a file written by ``casa-desk hub device-add --out`` (offices offline),
    checked whole first (:mod:`casa_desk.sync.enrolment_file`). The store itself or one of
    its files is refused unread: closing a descriptor of it would drop our locks on it."""
    refuse_demo(store)
    not_an_enrolment(path, store.path)
    creds = read_enrolment(path)
    save_credentials(store, creds, creds.get("hub_url"))
    return creds


# -- the client ----------------------------------------------------------------------------
class SyncClient:
    """One sync run against the hub. ``http`` may be injected (tests); not thread-safe."""

    def __init__(
        self,
        store: Store,
        *,
        hub_url: str | None = None,
        timeout: float = 30.0,
        now_ms: Callable[[], int] | None = None,
        page: int = protocol.PULL_PAGE,
    ) -> None:
        self.store = store
        refuse_demo(store)  # one paired before demo stores were refused: no hello either
        url = hub_url or state(store, "hub_url")
        token = state(store, "hub_token")
        if not token:
            raise SyncError(
                "Questo archivio non è abbinato a una sede: eseguire casa-desk enrol.",
                code="pair_first",  # the window says where it pairs
            )
        if not url:
            raise SyncError("Indirizzo della sede mancante: usare --hub.", code="hub_url_missing")
        self.hub_url = check_hub_url(url)
        pin = state(store, "hub_tls_fingerprint")
        if pin and not self.hub_url.lower().startswith("https://"):
            raise SyncError(
                "Questo archivio è abbinato a una sede in HTTPS: indirizzo in chiaro rifiutato.",
                code="tls_pin",
            )
        self.http = httpx.Client(
            base_url=self.hub_url,
            timeout=timeout,
            headers={"Authorization": f"Bearer {token}"},
            verify=pinned_context(pin) if pin else True,
        )
        self._now_ms = now_ms or (lambda: int(time.time() * 1000))
        self.page = page
        self._push_limit = protocol.MAX_PUSH  # until the hub's hello says more
        # A re-fetched row is merged field by field (~0.4 ms each): pages of half a pull
        # page keep each transaction as short as a pull page's (the window waits for it).
        self.snapshot_page = max(100, min(1000, page // 2))
        #: Pull pages written with the merge made while the previous one was written
        #: (:mod:`casa_desk.sync.pipeline`; tests and the benchmark read it).
        self.merged_ahead = 0

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sync(self, progress: Progress | None = None) -> SyncReport:
        """hello → push → pull → digest. Raises SyncError (one line) when it cannot finish.

        A push refused because this PC's day is full (:attr:`SyncReport.day_full`) does not
        end the round: the office still receives the other offices' changes (a referral
        taken in charge) the same day, and its own wait in the outbox. Such a round is not
        recorded as the last whole sync."""
        report = SyncReport()
        try:
            hello = self.hello()
            report.realigned = hello["realigned"]
            late = self.take_refused_later(hello, report)
            with self.store.transaction():  # refused before this version withdrew them
                withdrawn.withdraw_recorded(self.store)
            self.push_all(hello, report, progress)
            if restored.refetch_owed(self.store):  # what the old backup lost comes back
                self.refetch_all(int(hello["log_head"]))
                restored.refetch_done(self.store)
            self.pull_all(report, progress)
            self.restore_rejected(report)
            if late and not report.realigned:  # told and restored: not to be told again
                with self.store.transaction():
                    set_state(self.store, REFUSED_LATER_SEEN, max(int(r["seq"]) for r in late))
            with self.store.transaction():  # held changes whose time has come
                report.pulled += release_held(self.store).applied
            self.check_digest(report)
            report.held = held.count(self.store)
            if report.in_sync and not report.day_full:
                with self.store.transaction():
                    set_state(self.store, "last_sync_at", utc_now_text())
                    report.pruned = prune_outbox(self.store)
            erasure.compact_if_pending(self.store)  # anonymisations pulled: indexes too
        except OperationalError as exc:
            # Disk full, database busy: every step is one transaction, so nothing half-done
            # stays behind; the next run resumes where this one stopped.
            raise SyncError(
                f"Archivio locale non scrivibile ora ({exc}): riprovare più tardi.",
                code="local_store",
            ) from exc
        return report

    # -- steps ------------------------------------------------------------------------------
    def hello(self) -> dict[str, Any]:
        """Say who this store is (its device, its line) and learn what the hub holds of it.

        A store that renumbers its unsent changes here (restored from a backup, or a copy
        whose twin synced first: :func:`~casa_desk.sync.restored.continue_after_hub`) starts
        a new line and tells the hub at once, so that a twin left on the old one is refused
        (:data:`~casa_desk.sync.protocol.CLONED`) rather than both taking turns."""
        answer = self._hello_request()
        store = self.store
        with store.transaction():
            restored.take_line(store, answer.get("lineage"))
            known_epoch = state(store, "epoch")
            cursor = int(state(store, "pull_cursor", "0") or 0)
            realign = bool(known_epoch and known_epoch != answer["epoch"]) or cursor > int(
                answer["log_head"]
            )
            if realign:
                log.warning(
                    "hub epoch changed or hub log behind our cursor: re-pushing and re-pulling"
                )
                set_state(store, "pull_cursor", 0)
                # A restored hub numbers its late refusals anew: ask for them all again.
                set_state(store, REFUSED_LATER_SEEN, 0)
            set_epoch(store, str(answer["epoch"]))
            # A re-fetch cut midway resumes at its next page, unless what it fetched so far
            # no longer counts: the hub restored (its pages and head are of another epoch),
            # or this store restored from a backup (below), or held changes let go (below).
            restart = realign
            if (
                restored.continue_after_hub(
                    store, int(answer["acked_seq"]), answer.get("acked_change_id")
                )
                is not None
            ):
                restart = True
            set_state(store, "acked_seq", int(answer["acked_seq"]))
            # Changes stamped while this PC's clock ran ahead would be refused for ever: the
            # hub's time (within the skew of ours, checked above) restamps them now.
            restamp_own_future(store.journal, int(answer.get("hub_ms") or self._now_ms()))
            # The hub neutralised future clocks it had taken before it refused them: held
            # changes stamped beyond its time are no longer held there in that form. Let
            # go of them and re-fetch after the push (hub/future.py).
            repair = answer.get("clock_repair")
            if repair and repair != state(store, "clock_repair"):
                if held.forget_beyond(store, int(answer["hub_ms"])):
                    set_state(store, restored.REFETCH, 1)
                    restart = True
                set_state(store, "clock_repair", repair)
            if restart:
                set_state(store, REFETCH_PROGRESS, None)
                set_state(store, DIGEST_REFETCH, None)
            if answer.get("esf_key"):  # desks enrolled before the key existed get it here
                set_state(store, KEY_STATE, answer["esf_key"])
            if answer.get("erasure_key"):  # likewise the erasure key (older hubs: none)
                set_state(store, suppression.KEY_STATE, answer["erasure_key"])
        if restored.line_owed(store):  # renumbered just now: the hub moves to our new line
            line = self._hello_request().get("lineage")
            with store.transaction():
                restored.take_line(store, line)
        # Enrolments made before the key arrived, or whose person's code changed since,
        # get their hash now and push it in this same round.
        Participants(store).refresh_cf_hashes()
        return {**answer, "realigned": realign}

    def _hello_request(self) -> dict[str, Any]:
        return dict(
            _post(
                self.http,
                "/hello",
                {
                    "node_id": self.store.device_id,
                    "protocol": protocol.PROTOCOL_VERSION,
                    "min_protocol": protocol.MIN_PROTOCOL,
                    "schema": protocol.SCHEMA_VERSION,
                    "wall_ms": self._now_ms(),
                    "refused_after": int(state(self.store, REFUSED_LATER_SEEN, "0") or 0),
                    **restored.line_for_hub(self.store),
                },
            )
        )

    def take_refused_later(self, hello: dict[str, Any], report: SyncReport) -> list[dict[str, Any]]:
        """Refusals the hub made after it answered the push that brought them (an edit
        parked after a hub restore, refused when its row came: hub/push.py), told by
        ``hello`` (``refused_later``; nothing from an older hub). Recorded and reported like
        a push answer's refusals, so :meth:`restore_rejected` puts the hub's version back
        and the Sync page lists them; the number of the last one is kept as seen only after
        that (:meth:`sync`), so a sync cut before hears them again. Returns them."""
        late = [r for r in hello.get("refused_later") or [] if isinstance(r, dict)]
        if not late:
            return []
        keys = ("change_id", "table", "row_id", "reason", "code", "params")
        refusals = [{k: r.get(k) for k in keys} for r in late]
        with self.store.transaction():
            keep_rejections(self.store, refusals)
        report.rejected += refusals
        log.warning("the hub refused %d earlier changes after accepting them", len(late))
        return late

    def push_all(
        self, hello: dict[str, Any], report: SyncReport, progress: Progress | None = None
    ) -> None:
        """Send the outbox after the hub's ack, in batches, and record each answer.

        A hub that announces a ``push_window`` of 2 in ``hello`` takes two batches in
        flight from one device and runs them in turn (its push lock orders them): the next
        batch is on the wire, read and validated by the hub, while the hub writes the
        current one, and this client reads and encodes the one after meanwhile. Any other
        hub gets one batch at a time, as protocol 1 shipped.

        Answers are taken in the order the batches were sent, and the hub's ack alone says
        what comes next. A batch that reached the hub before the one in front of it is
        answered ``gap`` (nothing of it taken) and is sent again from the ack; an answer
        that a later one already covers adds only its refusals. So a batch in flight that
        is refused, lost or overtaken never skips a change, and acks never go back.

        A batch refused because the device's day is full (429,
        :data:`~casa_desk.sync.protocol.DEVICE_QUOTA`: nothing of it taken) ends the push,
        not the round: :attr:`SyncReport.day_full` says so, what the hub acknowledged
        before it stays acknowledged, the rest waits in the outbox."""
        acked = int(hello["acked_seq"])
        total = self._waiting(acked)
        self._push_limit = protocol.push_limit(hello)
        window = protocol.push_window(hello)
        # (message, its answer, the round it was sent in, sent behind another in flight)
        in_flight: deque[tuple[dict[str, Any], Future[Any], int, bool]] = deque()
        after, round_ = acked, 0  # where the next batch starts; a resend starts a new round
        with ThreadPoolExecutor(max_workers=window, thread_name_prefix="casa-push") as sender:
            try:
                while True:
                    while len(in_flight) < window:
                        message = self._push_message(max(after, acked))
                        if message is None:
                            break
                        body = protocol.encode(message)
                        fault_point("client.push.before_send")
                        sent = sender.submit(_post_body, self.http, body)
                        in_flight.append((message, sent, round_, bool(in_flight)))
                        after = message["last_seq"]
                    if not in_flight:
                        return
                    message, sent, sent_in, behind = in_flight.popleft()
                    answer = _answer_within_day(sent, report)
                    if answer is None:
                        return
                    fault_point("client.push.after_send")
                    if behind and answer.get("gap") and not answer.get("rejected"):
                        if sent_in == round_:  # overtaken: send it again after the ack
                            after, round_ = acked, round_ + 1
                        continue
                    if message["last_seq"] <= acked:  # covered by a later answer already
                        self._take_refusals(answer)
                        report.rejected += answer.get("rejected") or []
                        continue
                    acked = self._take_answer(answer, acked, report)
                    if acked != message["last_seq"]:
                        after, round_ = acked, round_ + 1
                    if progress:
                        progress("push", min(report.pushed, total), total)
            finally:
                for _message, waiting, _round, _behind in in_flight:
                    waiting.cancel()  # an error: what is left in flight is not waited for

    def _take_answer(self, answer: dict[str, Any], acked: int, report: SyncReport) -> int:
        """Record the hub's answer to the batch after ``acked`` (its refusals and its new
        ack, in one local transaction) and return the new ack: the hub must move its ack
        or say that it lacks earlier changes (``gap``), as in protocol 1."""
        new_acked = int(answer["acked_seq"])
        self._record_push(answer, new_acked)
        report.rejected += answer.get("rejected") or []
        if new_acked <= acked and not answer.get("gap"):
            raise SyncError("La sede non conferma le modifiche inviate.", code="no_progress")
        if answer.get("gap") and new_acked == acked:
            raise SyncError(protocol.MESSAGES[protocol.GAP], code=protocol.GAP)
        report.pushed += max(0, new_acked - acked)
        return new_acked

    def _take_refusals(self, answer: dict[str, Any]) -> None:
        if answer.get("rejected"):
            with self.store.transaction():
                keep_rejections(self.store, answer["rejected"])

    def _push_message(self, after: int) -> dict[str, Any] | None:
        """The push message of the outbox changes after ``after`` (None: nothing left)."""
        rows = self.store.db.execute(
            f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
            [after, self._push_limit],
        ).fetchall()
        if not rows:
            return None
        return protocol.push_messages(
            rows,
            after,
            seal_outgoing,
            operator=self.store.meta("operator"),
            limit=self._push_limit,
        )[0]

    def _record_push(self, answer: dict[str, Any], acked: int) -> None:
        """The hub's refusals and its new ack, in one local transaction."""
        with self.store.transaction():
            keep_rejections(self.store, answer.get("rejected") or [])
            set_state(self.store, "acked_seq", acked)

    def pull_all(self, report: SyncReport, progress: Progress | None = None) -> None:
        """Pull pages after the cursor. The next page is requested as soon as a page
        arrives, so the hub reads it and the network carries it while this one is applied,
        and merged while this one is written (:mod:`casa_desk.sync.pipeline`); each page
        is applied with the cursor move in one local transaction, as before."""
        store = self.store
        cursor = int(state(store, "pull_cursor", "0") or 0)
        with (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="casa-pull") as fetcher,
            PagePipeline(store) as pipeline,
        ):
            pending = self._request_page(fetcher, cursor)
            while True:
                answer = pending.result()
                if answer.get("reset"):
                    pipeline.discard()
                    cursor = self.refetch_all(int(answer["head"]))
                    report.refetched += list(BY_NAME)
                    pending = self._request_page(fetcher, cursor)
                    continue
                new_cursor = max(cursor, int(answer["next_cursor"]))
                more = bool(answer.get("more"))
                if more:
                    pending = self._request_page(fetcher, new_cursor)
                with pipeline.transaction():  # the page and the cursor move, or neither
                    stats = pipeline.apply(answer["changes"], pending if more else None)
                    fault_point("client.pull.after_apply")
                    set_state(store, "pull_cursor", new_cursor)
                report.pulled += stats.applied
                report.conflicts += stats.conflicts
                cursor = new_cursor
                self.merged_ahead = pipeline.merged_ahead
                if progress:
                    progress("pull", report.pulled, report.pulled)
                if not more:
                    return

    def _request_page(self, fetcher: ThreadPoolExecutor, cursor: int) -> Future[Any]:
        fault_point("client.pull.before_request")
        return fetcher.submit(_post, self.http, "/pull", {"cursor": cursor, "limit": self.page})

    def restore_rejected(self, report: SyncReport) -> None:
        """Rows whose local edit the hub refused go back to the hub's version: those refused
        in this sync, and those still owed it because the hub held no version yet."""
        wanted = rejected_update_rows(self.store, [r["change_id"] for r in report.rejected])
        for table, ids in rows_still_refused(self.store).items():
            wanted[table] = list(dict.fromkeys(wanted.get(table, []) + ids))
        step = protocol.MAX_SNAPSHOT
        for table, ids in wanted.items():
            for start in range(0, len(ids), step):
                chunk = ids[start : start + step]
                answer = _post(
                    self.http, "/snapshot", {"table": table, "ids": chunk, "limit": len(chunk)}
                )
                with self.store.transaction():
                    restore_rows(self.store, table, answer["rows"])

    def check_digest(self, report: SyncReport) -> None:
        """Compare per-table digests; re-fetch a table that differs (logged)."""
        if self._waiting(int(state(self.store, "acked_seq", "0") or 0)):
            return  # changes still unacknowledged: a digest would differ for that reason alone
        exclude = unappliable_rows(self.store)
        hub = _post(self.http, "/digest", {"exclude": exclude})
        local = local_digest(self.store)
        epoch = state(self.store, "epoch") or ""
        cut = self._digest_resume_point(epoch)
        differ = [t for t, theirs in hub.items() if t in local and local[t] != theirs]
        if cut is not None and cut[0] not in differ:  # it matches now, or another differs
            with self.store.transaction():
                set_state(self.store, DIGEST_REFETCH, None)
        for table in differ:
            after = cut[1] if cut is not None and cut[0] == table else ""
            resumed = " (resumed)" if after else ""
            log.warning("digest mismatch on %s: re-fetching it%s", table, resumed)
            self.refetch(
                table,
                after=after,
                keep=partial(_keep_digest_place, self.store, epoch, table),
            )
            report.refetched.append(table)
        if report.refetched:
            local = local_digest(self.store)
            report.mismatched = [t for t in report.refetched if local.get(t) != hub.get(t)]
            for table in report.mismatched:
                log.error("table %s still differs from the hub after a re-fetch", table)

    def _digest_resume_point(self, epoch: str) -> tuple[str, str] | None:
        """Where a digest re-fetch cut earlier resumes — (table, last id done) — or None.
        Safe to resume: the rows before it were taken from the hub then, and what changed
        at the hub since reached this store through the log (pulled before the digest); a
        row still wrong shows in the digest after, and the next one re-fetches it whole. A
        place of another hub epoch does not hold (hello also drops it on a realign)."""
        kept = state(self.store, DIGEST_REFETCH)
        if not kept:
            return None
        try:
            place = protocol.decode(kept)
            table, after, same = str(place["table"]), str(place["after"]), place["epoch"] == epoch
        except (ValueError, KeyError, TypeError):
            return None
        return (table, after) if same and table in BY_NAME else None

    def refetch_all(self, head: int) -> int:
        """The hub's log no longer reaches back to our cursor (or the store was restored from
        an old backup): re-fetch every table, then continue from the log head seen before
        the re-fetch began. Returns the new cursor.

        Resumable (a head-office store holds a million contacts, offices sit on flaky
        links): each snapshot page is applied in one local transaction with the place of
        the next one (:data:`REFETCH_PROGRESS`: the hub's epoch, the log head the re-fetch
        continues from, the table and the last id done), so a re-fetch cut by the network,
        a killed process or a restarted hub resumes at its next page. The head kept is the
        one seen before the first page: what was written at the hub meanwhile is pulled
        after it. A kept place is dropped, and the re-fetch starts again from the first
        table, when it no longer holds (:meth:`_resume_point`). The cursor moves to the
        head, and the place is cleared, in one transaction once the last table is done."""
        store = self.store
        tables = list(BY_NAME)
        epoch = state(store, "epoch") or ""
        resumed = self._resume_point(head, epoch)
        if resumed is None:
            log.warning("re-fetching every table")
            start, after = 0, ""
        else:
            head, start, after = resumed
            log.warning("resuming a cut re-fetch at table %d of %d", start + 1, len(tables))
        for position in range(start, len(tables)):
            resume = (epoch, head, position)
            self.refetch(
                tables[position], after=after, keep=partial(_keep_refetch_place, store, resume)
            )
            after = ""
        with store.transaction():  # the cursor and the end of the re-fetch, or neither
            set_state(store, "pull_cursor", head)
            set_state(store, REFETCH_PROGRESS, None)
            set_state(store, DIGEST_REFETCH, None)  # every table came whole
            set_state(store, restored.REFETCH, None)  # a whole re-fetch is what was owed
        return head

    def _resume_point(self, head: int, epoch: str) -> tuple[int, int, str] | None:
        """Where a re-fetch cut earlier resumes — (its log head, table index, last id
        done) — or None: nothing kept, or the place no longer holds, and the re-fetch
        starts again from the first table with ``head``. It no longer holds when the hub
        has a new epoch (restored from a backup), when its log is behind the kept head, or
        when its log no longer reaches the kept head (pruned further since: what changed
        at the hub between the pages already applied and now is gone from the log, so only
        a whole re-fetch brings it). Hello also drops it when this store was restored or
        the hub neutralised clocks (:meth:`hello`)."""
        kept = state(self.store, REFETCH_PROGRESS)
        if not kept:
            return None
        try:
            place = protocol.decode(kept)
            tables = list(BY_NAME)
            since, table, after = int(place["head"]), str(place["table"]), str(place["after"])
            index = len(tables) if table == "" else tables.index(table)
            same_epoch = place["epoch"] == epoch
        except (ValueError, KeyError, TypeError):
            return None
        if not same_epoch or since > head:
            log.warning("a cut re-fetch cannot resume (hub restored or behind): starting again")
            return None
        if since < head:
            probe = _post(self.http, "/pull", {"cursor": since, "limit": 1})
            if probe.get("reset"):
                log.warning("a cut re-fetch cannot resume (hub log pruned past it): starting again")
                return None
        return since, index, after

    def refetch(
        self, table: str, *, after: str = "", keep: Callable[[bool, str], None] | None = None
    ) -> int:
        """Re-fetch ``table`` from the hub page by page, from the row after ``after``;
        returns the rows written. ``keep(done, last id)`` runs in each page's transaction:
        it keeps the place of the next page, so a re-fetch cut midway resumes there
        (:meth:`refetch_all`, :meth:`check_digest`)."""
        writes = 0
        while True:
            answer = _post(
                self.http,
                "/snapshot",
                {"table": table, "after_id": after, "limit": self.snapshot_page},
            )
            rows = answer["rows"]
            done = not rows or not answer.get("more")
            with self.store.transaction():
                writes += apply_snapshot_rows(self.store, table, rows)
                fault_point("client.refetch.after_apply")
                if keep is not None:
                    keep(done, rows[-1]["id"] if rows else "")
            if done:
                return writes
            after = rows[-1]["id"]

    def _waiting(self, acked: int) -> int:
        return int(
            self.store.db.execute(
                "SELECT count(*) FROM sync_outbox WHERE seq > ?", [acked]
            ).fetchone()[0]
        )


def _answer_within_day(sent: Future[Any], report: SyncReport) -> dict[str, Any] | None:
    """The hub's answer to a push batch, or None when the hub refused it because this
    device's day is full (:data:`~casa_desk.sync.protocol.DEVICE_QUOTA`): the push stops
    there and ``report.day_full`` says so. A batch sent behind it is answered "gap" or
    refused the same way: nothing of either is taken, both go again at a later sync."""
    try:
        answer: dict[str, Any] = sent.result()
        return answer
    except SyncError as exc:
        if exc.code != protocol.DEVICE_QUOTA:
            raise
    log.warning("the hub's day for this device is full: push stopped, pull goes on")
    report.day_full = True
    return None


def prune_outbox(
    store: Store, *, now: datetime | None = None, days: int = OUTBOX_RETENTION_DAYS
) -> int:
    """Drop outbox rows that the hub acknowledged and that are older than ``days``.

    Acked changes are kept a while so that a hub restored from a backup can be given back
    what it lost (SYNC.md §4); past that, the outbox would only grow (about half of a big
    store). A change the hub refused stays: it is how :func:`local_digest` knows a row the
    hub never took (a refused insert), which would otherwise count here and not there, and
    re-fetch the table at every sync. Call inside a transaction; returns how many rows went.
    """
    acked = int(state(store, "acked_seq", "0") or 0)
    cutoff = to_utc_text((now or datetime.now(UTC)) - timedelta(days=days))
    cursor = store.db.execute(
        "DELETE FROM sync_outbox WHERE seq <= ? AND created_at < ?"
        " AND change_id NOT IN (SELECT change_id FROM sync_rejections)",
        [acked, cutoff],
    )
    return int(cursor.rowcount or 0)


def unappliable_rows(store: Store) -> dict[str, list[str]]:
    """Rows received from the hub that this store's schema refused (open ``not_applied``
    conflicts, shown on the Sync page): the digest leaves them out on both sides, so one
    such row never leaves the office "not aligned" at every sync."""
    out: dict[str, list[str]] = {}
    for table, row_id in store.db.execute(
        "SELECT DISTINCT table_name, row_id FROM sync_conflicts"
        " WHERE kind = ? AND resolved_at IS NULL ORDER BY table_name, row_id LIMIT ?",
        [NOT_APPLIED, protocol.MAX_DIGEST_EXCLUDE],
    ):
        out.setdefault(table, []).append(row_id)
    return out


def local_digest(store: Store) -> dict[str, dict[str, Any]]:
    """The same per-table digest the hub computes, over the rows this office may see."""
    head = state(store, "hub_head_office") == "1"
    presidio = state(store, "hub_presidio") or store.presidio or ""
    # Rows whose insert the hub refused exist only here (refused edits are restored), and
    # rows the hub sent that this store could not hold are not here in the hub's form.
    rejected = {
        r[0]
        for r in store.db.execute(
            "SELECT DISTINCT o.row_id FROM sync_rejections r JOIN sync_outbox o"
            " ON o.change_id = r.change_id WHERE o.op = 'insert'"
        )
    }
    rejected |= {i for ids in unappliable_rows(store).values() for i in ids}
    # Corrections withdrawn after the hub refused them (sync/withdrawn.py), and those made
    # of them since: never at the hub, whatever the outbox still holds.
    rejected |= {
        r[0]
        for r in store.db.execute(
            # a range of the primary key (LIKE would read every applied change)
            "SELECT row_id FROM sync_applied WHERE change_id >= ? AND change_id < ?",
            [withdrawn.CHANGE_PREFIX, withdrawn.CHANGE_PREFIX[:-1] + ";"],
        )
    }
    out = {}
    for name, spec in BY_NAME.items():
        columns = digest_columns(spec)
        sql = f"SELECT {', '.join(columns)} FROM {name} WHERE NOT (hlc = ? AND origin = ?)"
        params: list[Any] = list(UNCHANGED_SEED)
        if not head:
            sql += " AND (scope = ? OR presidio = ? OR scope = ?)"
            params += [SHARED_SCOPE, presidio, presidio]
        # Rows touched by held changes are compared as the hub holds them (sync/held.py).
        simulated = held.simulated_rows(store, name)
        rows = [
            tuple(r)
            for r in store.db.execute(sql + " ORDER BY id", params)
            if r[0] not in rejected and r[0] not in simulated
        ]
        for row in simulated.values():
            if row is None or row["id"] in rejected:
                continue
            if (int(row["hlc"]), str(row["origin"])) == UNCHANGED_SEED:
                continue
            if head or row["scope"] in (SHARED_SCOPE, presidio) or row["presidio"] == presidio:
                rows.append(tuple(row.get(c) for c in columns))
        count, digest = digest_rows(rows)
        out[name] = {"count": count, "hash": digest}
    return out


#: Why the hub could not be reached, the whole line for each (it once said "ConnectError"):
#: constants, which the window translates (tools/translations.py collects them).
UNREACHABLE = {
    "timeout": "La sede non risponde (tempo scaduto).",
    "tls": "Sede non raggiungibile: la connessione protetta (HTTPS) non è riuscita: "
    "l'indirizzo potrebbe essere http:// invece di https://, o viceversa.",
    "connect": "Sede non raggiungibile: connessione non riuscita (indirizzo, porta, rete o "
    "sede spenta).",
    "closed": "Sede non raggiungibile: la sede ha chiuso la connessione senza rispondere: "
    "l'indirizzo potrebbe essere https:// invece di http://.",
    "reset": "Sede non raggiungibile: la sede ha interrotto la connessione: se succede a ogni "
    "tentativo, l'indirizzo potrebbe essere https:// invece di http://.",
    "proxy": "Sede non raggiungibile: il proxy della rete ha rifiutato la connessione.",
    "broken": "Sede non raggiungibile: connessione interrotta (rete o sede).",
}


def _transport_words(exc: httpx.TransportError) -> str:
    """What went wrong on the way to the hub: one of :data:`UNREACHABLE`."""
    if cause_of_kind(exc, ssl.SSLError) is not None:
        return UNREACHABLE["tls"]
    if isinstance(exc, httpx.ConnectError):
        return UNREACHABLE["connect"]
    if isinstance(exc, httpx.RemoteProtocolError):  # e.g. plain HTTP spoken to a TLS hub
        return UNREACHABLE["closed"]
    if isinstance(exc, httpx.ReadError | httpx.WriteError) and _reset_on_plain_http(exc):
        # A TLS hub that reads plain HTTP usually just closes (above); when the request's
        # bytes are still unread it resets instead (about 1 in 100 tries on a loaded PC).
        return UNREACHABLE["reset"]
    if isinstance(exc, httpx.ProxyError):
        return UNREACHABLE["proxy"]
    return UNREACHABLE["broken"]


def _reset_on_plain_http(exc: httpx.TransportError) -> bool:
    """Whether the peer reset a connection this client opened with http://."""
    try:
        scheme = exc.request.url.scheme
    except RuntimeError:  # an error raised without its request
        return False
    return scheme == "http" and cause_of_kind(exc, ConnectionResetError) is not None


def _post(http: httpx.Client, path: str, body: dict[str, Any]) -> Any:
    return _post_encoded(http, path, protocol.encode(body))


def _post_body(http: httpx.Client, body: bytes) -> Any:
    """A push message already encoded (in the reading thread, not the sending one)."""
    return _post_encoded(http, "/push", body)


def _unknown_path(response: httpx.Response) -> bool:
    """Whether a 404 says the hub does not serve the path (``unknown_path``; an older hub's
    ``bad_request``), or comes from something that is not a hub at all: the address is
    wrong. A hub's refusal at one of its own paths (``unknown_table``) is not."""
    try:
        answer = protocol.decode(response.content)
    except ValueError:
        return True
    return not isinstance(answer, dict) or answer.get("code") in (
        None,
        protocol.UNKNOWN_PATH,
        protocol.BAD_REQUEST,
    )


def _post_encoded(http: httpx.Client, path: str, content: bytes) -> Any:
    try:
        response = http.post(path, content=content, headers={"Content-Type": "application/json"})
    except httpx.TimeoutException as exc:
        raise SyncError(UNREACHABLE["timeout"], code="unreachable") from exc
    except httpx.TransportError as exc:
        refusal = pin_failure(exc)
        if refusal is not None:
            raise refusal from None
        raise SyncError(_transport_words(exc), code="unreachable") from exc
    if response.status_code == 404 and _unknown_path(response):
        raise wrong_address(str(http.base_url))
    try:
        answer = protocol.decode(response.content)
    except ValueError:
        raise protocol.sync_error(
            "Risposta non valida dalla sede (HTTP {status}).",
            code="bad_response",
            status=response.status_code,
        ) from None
    if response.status_code != 200:
        protocol.raise_refusal(answer if isinstance(answer, dict) else {})
    return answer
