"""Bundles: the sync messages in a signed, encrypted file, for offices with no network (SYNC.md §5).

A bundle is a zip of three members::

    manifest.json   format, kind (push|reply), device, node, epoch, seq range, count, times,
                    nonce and the payload's SHA-256 — readable, holds no personal data
    payload.bin     zlib-compressed JSON messages, encrypted with AES-256-GCM
                    (the manifest is the associated data, so it cannot be swapped)
    signature       HMAC-SHA256 over manifest + payload

Keys: the 256-bit ``bundle_key`` made by the hub at device creation and handed over at
enrolment is known to exactly the hub and that device; HKDF splits it into an encryption key
and a signing key. Symmetric keys suffice because the hub is the trust root of every device
anyway (an Ed25519 pair would only protect against a forged bundle *from the hub*), and they
cost no key-distribution step beyond the enrolment that already exists. The signature is
checked first so an altered, foreign or wrong-key bundle is refused with a reason before
anything is decrypted; a lost USB stick exposes only the manifest.

Importing runs the same push/apply code as online sync, so importing twice changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import struct
import time
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from casa_desk.errors import SyncError
from casa_desk.models.numerals import count
from casa_desk.models.timeutil import utc_now_text
from casa_desk.outputs import atomic_output, check_output, is_store_file
from casa_desk.security.tokens import key_bytes
from casa_desk.store import erasure
from casa_desk.store.clock import restamp_own_future
from casa_desk.store.db import Store
from casa_desk.store.tables import BY_NAME
from casa_desk.sync import protocol, restored, withdrawn
from casa_desk.sync.apply import (
    REFUSED_LATER_SEEN,
    apply_changes,
    keep_rejections,
    rejected_update_rows,
    release_held,
    restore_rows,
    retired_epoch,
    rows_still_refused,
    set_epoch,
    set_state,
    state,
)
from casa_desk.sync.enrolment_file import refuse_demo
from casa_desk.sync.input_file import open_regular
from casa_desk.sync.sensitive import seal_outgoing

FORMAT = "casa-desk-bundle/1"
_MEMBERS = ("manifest.json", "payload.bin", "signature")


def _keys(bundle_key: str) -> tuple[bytes, bytes]:
    derived = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=FORMAT.encode()).derive(
        key_bytes(bundle_key)
    )
    return derived[:32], derived[32:]


def write_bundle(
    path: Path,
    manifest: dict[str, Any],
    payload: dict[str, Any],
    bundle_key: str,
    *,
    inputs: Iterable[str | Path | None] = (),
) -> None:
    """Encrypt, sign and write atomically (temp file, then rename; never over ``inputs``)."""
    enc_key, mac_key = _keys(bundle_key)
    nonce = os.urandom(12)
    plain = zlib.compress(protocol.encode(payload), 6)
    manifest = {**manifest, "format": FORMAT, "nonce": base64.b64encode(nonce).decode()}
    manifest_bytes = json.dumps(manifest, sort_keys=True).encode()
    secret = AESGCM(enc_key).encrypt(nonce, plain, manifest_bytes)
    signature = hmac.new(mac_key, manifest_bytes + secret, hashlib.sha256).hexdigest()
    with (
        atomic_output(path, inputs=inputs) as temp,
        zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED) as archive,
    ):
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("payload.bin", secret)
        archive.writestr("signature", signature)


def read_manifest(path: Path) -> tuple[dict[str, Any], bytes, bytes, str]:
    """The manifest and raw members, or SyncError('bundle_damaged') for a broken file.

    Sizes are checked before anything is read or expanded: the file, the number of entries
    in the zip directory (read from its end record, before :mod:`zipfile` lists them), and
    each member's declared size (:mod:`zipfile` never reads past it). A 1 MB zip that would
    expand to 1 GiB is refused with a reason, at the hub and at an office alike."""
    try:
        with open_regular(path) as handle:  # a folder, a pipe: one line, nothing waited for
            try:
                manifest_bytes, secret, signature = _members(handle)
            except zipfile.BadZipFile:
                if _a_database(handle):
                    raise protocol.sync_error(
                        "{path} è un archivio o un database, non un pacchetto di sincronizzazione.",
                        code="bundle_is_database",
                        path=path,
                    ) from None
                raise
        manifest = json.loads(manifest_bytes)
    except (OSError, zipfile.BadZipFile, zlib.error, ValueError, EOFError, RecursionError) as exc:
        # RecursionError: a manifest of arrays nested thousands deep (64 KiB hold 32,000),
        # read before the signature is checked, so anyone can write one
        raise SyncError(
            "Pacchetto illeggibile: troncato o danneggiato.", code="bundle_damaged"
        ) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise SyncError("Non è un pacchetto casa_desk di questo formato.", code="bundle_format")
    return manifest, manifest_bytes, secret, signature


def _a_database(handle: BinaryIO) -> bool:
    """The file that is no ZIP is a database: a plain SQLite one (a hub, a decrypted copy)
    by its header, an encrypted store or backup by its shape (whole pages of binary bytes:
    :func:`casa_desk.outputs.looks_encrypted`). The user picked a backup for the bundle:
    "damaged" sent them looking for another copy of a bundle that was fine."""
    handle.seek(0)
    head = handle.read(16)
    size = os.fstat(handle.fileno()).st_size
    if head.startswith(b"SQLite format 3\x00"):
        return True
    binary = any(b < 9 or 13 < b < 32 or b > 126 for b in head)
    return size >= 4096 and size % 4096 == 0 and binary and not head.startswith(b"PK")


def _members(handle: BinaryIO) -> tuple[bytes, bytes, str]:
    """The manifest's bytes, the payload and the signature of the open bundle ``handle``,
    each within its cap (:func:`read_manifest`)."""
    if os.fstat(handle.fileno()).st_size > protocol.MAX_BUNDLE_FILE_BYTES:
        raise _too_large()
    if _zip_entries(handle) > protocol.MAX_BUNDLE_MEMBERS:
        raise _too_large()
    handle.seek(0)
    with zipfile.ZipFile(handle) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        if not set(_MEMBERS) <= set(infos):
            raise SyncError("Pacchetto incompleto o troncato.", code="bundle_damaged")
        caps = {
            "manifest.json": protocol.MAX_MANIFEST_BYTES,
            "payload.bin": protocol.MAX_BUNDLE_PAYLOAD_BYTES,
            "signature": 256,
        }
        for name, cap in caps.items():
            if infos[name].file_size > cap:
                raise _too_large()
        manifest_bytes = archive.read("manifest.json")
        secret = archive.read("payload.bin")
        signature = archive.read("signature").decode("ascii", "replace")
    return manifest_bytes, secret, signature


def _too_large() -> SyncError:
    return SyncError(
        "Pacchetto troppo grande o con troppi elementi: rifiutato senza aprirlo.",
        code="bundle_too_large",
    )


def _zip_entries(handle: BinaryIO) -> int:
    """The entry count of a zip's end-of-central-directory record (what zipfile would list)."""
    handle.seek(0, 2)
    size = handle.tell()
    tail = min(size, 22 + 65_535)
    handle.seek(size - tail)
    data = handle.read(tail)
    at = data.rfind(b"PK\x05\x06")
    if at < 0 or len(data) < at + 22:
        raise zipfile.BadZipFile("no end record")
    (entries,) = struct.unpack("<H", data[at + 10 : at + 12])
    if entries == 0xFFFF:  # ZIP64: never written by casa_desk
        raise _too_large()
    return int(entries)


def _inflate(data: bytes) -> bytes:
    """zlib-decompress at most the payload cap, 1 MB at a time: a bomb is refused once past
    the cap, never expanded whole (the pieces are joined only for a payload within it)."""
    inflater = zlib.decompressobj()
    pieces: list[bytes] = []
    size = 0
    pending = data
    while not inflater.eof:
        piece = inflater.decompress(pending, 1 << 20)
        pending = inflater.unconsumed_tail
        if not piece and not pending:
            raise zlib.error("truncated payload")
        pieces.append(piece)
        size += len(piece)
        if size > protocol.MAX_BUNDLE_PAYLOAD_BYTES:
            raise _too_large()
    return b"".join(pieces)


def open_bundle(path: Path, bundle_key: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Verify the signature, then decrypt: ``(manifest, payload)``."""
    manifest, manifest_bytes, secret, signature = read_manifest(path)
    enc_key, mac_key = _keys(bundle_key)
    expected = hmac.new(mac_key, manifest_bytes + secret, hashlib.sha256).hexdigest()
    # Bytes, not text: a signature member with non-ASCII bytes is just a wrong signature.
    if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
        raise SyncError(
            "Firma del pacchetto non valida: alterato, o di un altro dispositivo.",
            code="bundle_signature",
        )
    try:
        plain = AESGCM(enc_key).decrypt(base64.b64decode(manifest["nonce"]), secret, manifest_bytes)
        payload = protocol.decode(_inflate(plain))
    except (InvalidTag, KeyError, ValueError, TypeError, zlib.error) as exc:
        raise SyncError(
            "Pacchetto non decifrabile con la chiave di questo dispositivo.", code="bundle_key"
        ) from exc
    if not isinstance(payload, dict):
        raise SyncError("Contenuto del pacchetto non valido.", code="bundle_format")
    return manifest, payload


# -- office side ------------------------------------------------------------------------
def export_bundle(store: Store, out: Path) -> int:
    """Write every change the hub has not acknowledged; returns how many (never from a demo
    store: :func:`casa_desk.sync.enrolment_file.refuse_demo`)."""
    refuse_demo(store)
    check_output(out, inputs=[store.path])
    key, device_id = state(store, "hub_bundle_key"), state(store, "hub_device_id")
    if not key or not device_id:
        raise SyncError(
            "Questo archivio non è abbinato a una sede: eseguire casa-desk enrol.",
            code="pair_first",  # the window says where it pairs
        )
    with store.transaction() as journal:  # changes stamped while this PC's clock ran ahead
        restamp_own_future(journal, journal.clock.wall_ms())
    acked = int(state(store, "acked_seq", "0") or 0)
    rows = store.db.execute(
        f"SELECT {protocol.OUTBOX_COLUMNS} FROM sync_outbox WHERE seq > ? ORDER BY seq",
        [acked],
    ).fetchall()
    # A bundle stays under the size every reader accepts; the rest goes in the next one.
    messages = protocol.push_messages(
        rows,
        acked,
        seal_outgoing,
        budget=protocol.BUNDLE_TARGET_BYTES,
        operator=store.meta("operator"),
    )
    changes = [c for m in messages for c in m["changes"]]
    manifest = {
        "kind": "push",
        "device_id": device_id,
        "node_id": store.device_id,
        "epoch": state(store, "epoch"),
        "first_seq": acked + 1,
        "last_seq": changes[-1]["seq"] if changes else acked,
        "count": len(changes),
        "pull_cursor": int(state(store, "pull_cursor", "0") or 0),
        "created_at": utc_now_text(),
        "wall_ms": int(time.time() * 1000),
        "protocol": protocol.PROTOCOL_VERSION,
        # the late refusals heard so far: the reply tells the newer ones
        "refused_after": int(state(store, REFUSED_LATER_SEEN, "0") or 0),
        # its line, and one it starts: a copy of this store left behind is refused
        **restored.line_for_hub(store),
    }
    write_bundle(out, manifest, {"messages": messages}, key, inputs=[store.path])
    return len(changes)


def not_the_store(path: Path, store: str | Path) -> None:
    """Refuse, unread, a bundle that is the store ``store`` itself or one of its files (key
    file and its lock, ``-wal``/``-shm``/``-journal``), however it is named
    (:func:`casa_desk.outputs.is_store_file`). Reading it would open it with Python's
    ``open`` (a bundle is a ZIP file): on POSIX, closing that descriptor drops every SQLite
    lock this process holds on the file, with the store open in the same process.

    Example: ``casa-desk bundle import --db office.sqlite office.sqlite.keys`` → one line.
    """
    if is_store_file(path, store):
        raise SyncError(
            f"{path} è l'archivio {store} o un suo file, non un pacchetto: "
            "indicare il pacchetto della sede.",
            code="bundle_is_store",
        )


def not_the_hub(path: Path, hub_db: str | Path) -> None:
    """Refuse, unread, an office bundle given to the hub that is the hub's own database
    ``hub_db`` or one of its working files (``-wal``, ``-shm``, ``-journal``), however it is
    named (:func:`casa_desk.outputs.is_store_file`: by device and inode). Read as a ZIP file
    it was said to be "illeggibile" only after the hub was opened, and closing that
    descriptor drops every SQLite lock this process holds on the database. A hub on
    PostgreSQL (``postgresql://…``) has no file to mistake.

    Example: ``casa-desk hub import-bundle hub.sqlite --db hub.sqlite …`` → one line.
    """
    if "://" in str(hub_db):
        return
    if is_store_file(path, hub_db):
        # Whole lines, each its own template (tools/translations.py collects them).
        if os.path.exists(hub_db) and os.path.samefile(path, hub_db):
            raise protocol.sync_error(
                "{path} è il database della sede, non un pacchetto: indicare il pacchetto "
                "di un ufficio.",
                code="bundle_is_hub",
                path=path,
            )
        raise protocol.sync_error(
            "{path} è un file di lavoro del database della sede, non un pacchetto: indicare "
            "il pacchetto di un ufficio.",
            code="bundle_is_hub",
            path=path,
        )


@dataclass(frozen=True)
class ReplyCounts:
    """What importing a reply did: changes received and applied, this office's changes the
    hub refused, conflicts, received changes set aside (their origin's clock ahead). The
    command line says them in Italian (:func:`reply_summary`); the window in its language."""

    applied: int
    rejected: int
    conflicts: int
    held: int
    #: the hub took all it takes from this office in 24 hours: the rest of the bundle's
    #: changes were not taken, and go in the office's next bundle (hub/quota.py)
    day_full: bool = False


def import_reply(store: Store, path: Path) -> str:
    """Apply the hub's reply bundle (acks, rejections, changes) in one local transaction;
    the command line's Italian line for it (:func:`reply_summary`)."""
    return reply_summary(*astuple(import_reply_counts(store, path)))


def import_reply_counts(store: Store, path: Path) -> ReplyCounts:
    """Apply the hub's reply bundle (acks, rejections, changes) in one local transaction
    (never into a demo store, even one paired by an earlier version: the hub's real people
    would join its invented ones; :func:`casa_desk.sync.enrolment_file.refuse_demo`)."""
    refuse_demo(store)
    key, device_id = state(store, "hub_bundle_key"), state(store, "hub_device_id")
    if not key or not device_id:
        raise SyncError("Questo archivio non è abbinato a una sede.", code="not_enrolled")
    not_the_store(path, store.path)
    manifest, _b, _s, _sig = read_manifest(path)
    if manifest.get("kind") != "reply" or manifest.get("device_id") != device_id:
        raise SyncError(
            "Il pacchetto non è una risposta della sede per questo ufficio.", code="bundle_foreign"
        )
    manifest, payload = open_bundle(path, key)
    if retired_epoch(store, str(payload["epoch"])):
        raise SyncError(
            "Il pacchetto di risposta è di prima del ripristino della sede: è superato e non "
            "lo importo. Esportare un nuovo pacchetto e portarlo alla sede.",
            code="bundle_stale_epoch",
        )
    cursor = int(state(store, "pull_cursor", "0") or 0)
    epoch_changed = bool(state(store, "epoch")) and state(store, "epoch") != payload["epoch"]
    if int(payload["from_cursor"]) > cursor and not epoch_changed:
        raise SyncError(
            "Manca un pacchetto di risposta precedente: importarlo prima.", code="bundle_gap"
        )
    with store.transaction():
        keep_rejections(store, payload.get("rejected") or [])
        withdrawn.withdraw_recorded(store)  # refused before this version withdrew them
        stats = apply_changes(store, payload["changes"])
        stats.applied += release_held(store).applied
        refused = rejected_update_rows(
            store, [r["change_id"] for r in payload.get("rejected") or []]
        )
        for table, ids in rows_still_refused(store).items():  # an edit dropped, its row come
            refused[table] = refused.get(table, []) + ids
        for table, rows in (payload.get("restore") or {}).items():
            restore_rows(store, table, [r for r in rows if r["id"] in refused.get(table, [])])
        restored.take_line(store, payload.get("lineage"))
        acked = int(payload["acked_seq"])
        # Restored from a backup older than this ack: unsent changes are numbered after it,
        # for the next bundle (sync/restored.py); what the backup lost comes back online.
        restored.continue_after_hub(store, acked, payload.get("acked_change_id"))
        if not epoch_changed:
            acked = max(acked, int(state(store, "acked_seq", "0") or 0))
        set_state(store, "acked_seq", acked)
        set_state(
            store,
            "pull_cursor",
            max(cursor, int(payload["next_cursor"]))
            if not epoch_changed
            else int(payload["next_cursor"]),
        )
        if "refused_later_seq" in payload:  # late refusals told above: heard
            set_state(store, REFUSED_LATER_SEEN, int(payload["refused_later_seq"]))
        elif epoch_changed:  # a restored hub numbers its late refusals anew
            set_state(store, REFUSED_LATER_SEEN, 0)
        set_epoch(store, str(payload["epoch"]))
        set_state(store, "last_sync_at", utc_now_text())
    erasure.compact_if_pending(store)  # anonymisations received: the indexes too
    return ReplyCounts(
        stats.applied,
        len(payload.get("rejected") or []),
        stats.conflicts,
        stats.held,
        payload.get("day_full") is True,
    )


#: What a reply says to its office when the hub took all it takes from it in 24 hours.
DAY_FULL_REPLY = (
    "la sede ha già ricevuto da questo PC tutte le modifiche che accetta in 24 ore: le "
    "altre restano in questo archivio e partiranno con il prossimo pacchetto"
)


def reply_summary(
    applied: int, rejected: int, conflicts: int, held: int, day_full: bool = False
) -> str:
    """What :func:`import_reply` tells the office, counts in Italian form (singular for 1).

    >>> reply_summary(1, 0, 2, 0)
    'Risposta importata: 1 modifica ricevuta, 0 rifiutate, 2 conflitti.'
    """
    line = (
        f"Risposta importata: {count(applied, 'modifica ricevuta', 'modifiche ricevute')}, "
        f"{count(rejected, 'rifiutata', 'rifiutate')}, {count(conflicts, 'conflitto', 'conflitti')}"
    )
    if held:
        line += f", {count(held, 'messa', 'messe')} da parte (orologio di origine nel futuro)"
    if day_full:
        line += f"; {DAY_FULL_REPLY}"
    return line + "."


# -- hub side ---------------------------------------------------------------------------
def _push_messages(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The bundle's push messages, validated like an HTTP push body (the device that signed
    the bundle is not trusted with the shape of what it sent either)."""
    from pydantic import ValidationError

    from casa_desk.sync.messages import PushRequest

    raw = payload.get("messages")
    if not isinstance(raw, list):
        raise SyncError("Contenuto del pacchetto non valido.", code="bundle_format")
    out = []
    for item in raw:
        try:
            message = PushRequest.model_validate(item)
        except ValidationError as exc:
            errors = exc.errors()
            where = ".".join(str(p) for p in errors[0]["loc"]) if errors else ""
            raise protocol.sync_error(
                "Contenuto del pacchetto non valido: {where}.", code="bundle_format", where=where
            ) from None
        out.append(
            {
                "first_seq": message.first_seq,
                "last_seq": message.last_seq,
                "changes": message.changes,
            }
        )
    return out


def hub_import_bundle(  # noqa: PLR0912, PLR0915 - checks in order
    hub: Any, path: Path, reply: Path, *, inputs: Iterable[str | Path | None] = ()
) -> str:
    """Verify and import an office bundle at the hub, then write the reply bundle.

    The reply may be neither the bundle read nor ``inputs`` (the hub's database file); it is
    checked before anything is imported. The bundle may be no file of ``inputs``
    (:func:`not_the_hub`)."""
    inputs = list(inputs)
    for hub_db in inputs:
        if hub_db is not None:
            not_the_hub(path, hub_db)
    check_output(reply, inputs=[path, *inputs])
    from casa_desk.sync.hub import lineage
    from casa_desk.sync.hub.devices import device_by_id
    from casa_desk.sync.hub.storage import HubRefusal

    manifest, _b, _s, _sig = read_manifest(path)
    if manifest.get("kind") != "push":
        raise SyncError("Il pacchetto non è un invio di un ufficio.", code="bundle_format")
    try:
        device, row = device_by_id(hub, str(manifest.get("device_id")))
    except HubRefusal as refusal:
        raise SyncError(refusal.body["message"], code="bundle_foreign") from None
    if row["revoked_at"]:
        raise SyncError(protocol.MESSAGES[protocol.REVOKED], code=protocol.REVOKED)
    manifest, payload = open_bundle(path, row["bundle_key"])
    if _manifest_number(manifest, "wall_ms") > time.time() * 1000 + protocol.MAX_SKEW_MS:
        raise SyncError(
            "Pacchetto datato nel futuro: messo da parte, non applicato "
            "(correggere l'orologio del PC dell'ufficio).",
            code="bundle_future",
        )
    if _manifest_number(manifest, "protocol") < protocol.MIN_PROTOCOL:
        raise SyncError(
            protocol.MESSAGES[protocol.UPGRADE_REQUIRED], code=protocol.UPGRADE_REQUIRED
        )
    try:
        with hub.tx(lock=True) as conn:
            hub.bind_node(conn, device, str(manifest.get("node_id") or ""))
            line = lineage.check(
                conn, device.id, _line(manifest, "lineage"), _line(manifest, "new_lineage")
            )
            if line is lineage.LEFT:
                lineage.record_clone(conn, device.id, "bundle from a store on a line it left")
        if line is lineage.LEFT:  # recorded above; nothing of the bundle taken
            raise SyncError(protocol.MESSAGES[protocol.CLONED], code=protocol.CLONED)
        rejected: list[dict[str, Any]] = []
        messages = _push_messages(payload)
        received = sum(len(m["changes"]) for m in messages)  # not the manifest's word
        day_full = False
        for message in messages:
            try:
                # A batch below the hub's ack with changes it never received: a store
                # restored from a backup (or a copy whose twin sent first) learns the ack
                # from the reply, renumbers them after it and starts a new line (restored.py)
                answer = hub.push(device, message, renumber=True)
            except HubRefusal as refusal:
                if refusal.body.get("code") != protocol.DEVICE_QUOTA:
                    raise
                # The office's day is full (hub/quota.py): what was taken is acknowledged
                # in the reply, the rest stays in its outbox for its next bundle.
                day_full = True
                break
            rejected += answer["rejected"]
            if answer.get("gap"):
                break
        acked_state = hub.hello_state(device)
        acked = acked_state["acked_seq"]
        epoch = hub.epoch()
        # Refusals made after an earlier answer said "accepted" (a parked edit refused when
        # its row came, hub/push.py): told and restored like this bundle's own. Numbered per
        # hub epoch: an office of another epoch hears them all.
        after = manifest.get("refused_after")
        late = (
            hub.refused_later(device, _seq(after) if manifest.get("epoch") == epoch else 0)
            if after is not None
            else []
        )
        told = {r["change_id"] for r in rejected}
        rejected += [
            {
                k: r[k]
                for k in ("change_id", "table", "row_id", "reason", "code", "params")
                if k in r
            }
            for r in late
            if r["change_id"] not in told
        ]
        from_cursor = _seq(manifest.get("pull_cursor")) if manifest.get("epoch") == epoch else 0
        changes: list[dict[str, Any]] = []
        cursor = from_cursor
        size = 0
        while size < protocol.BUNDLE_TARGET_BYTES:  # the rest waits for the next reply
            page = hub.pull(device, cursor, protocol.MAX_PULL_PAGE)
            changes += page["changes"]
            cursor = page["next_cursor"]
            if not page["more"]:
                break
            size += len(protocol.encode(page["changes"]))
    except HubRefusal as refusal:
        raise SyncError(refusal.body["message"], code=refusal.body["code"]) from None
    # The hub's version of rows whose edit it refused, and of rows arriving in this reply
    # whose edit it dropped earlier, having waited for them too long (the office still holds
    # the refused value, newer than the row's: a pull alone would keep it).
    owed = [(r["table"], r["row_id"]) for r in rejected]
    arriving = {(c["table"], c["row_id"]) for c in changes}
    owed += sorted(hub.dropped_edit_rows(device) & arriving)
    restore: dict[str, list[dict[str, Any]]] = {}
    for table, row_id in dict.fromkeys(owed):
        if table in BY_NAME:
            rows = hub.snapshot(device, table, "", 1, [row_id])["rows"]
            restore.setdefault(table, []).extend(rows)
    body = {
        "acked_seq": acked,
        "acked_change_id": acked_state["acked_change_id"],
        "rejected": rejected,
        "changes": changes,
        "epoch": epoch,
        "from_cursor": from_cursor,
        "next_cursor": cursor,
        "restore": restore,
        "lineage": line,
    }
    if day_full:
        body["day_full"] = True
    if late:
        body["refused_later_seq"] = max(int(r["seq"]) for r in late)
    reply_manifest = {
        "kind": "reply",
        "device_id": device.id,
        "epoch": epoch,
        "acked_seq": acked,
        "count": len(changes),
        "created_at": utc_now_text(),
    }
    write_bundle(reply, reply_manifest, body, row["bundle_key"], inputs=[path, *inputs])
    return hub_summary(received, len(rejected), len(changes), reply, day_full=day_full)


def _line(manifest: dict[str, Any], key: str) -> str | None:
    """A line id from the office's manifest; None from an older office (and for anything
    but a short text: the line is a check of the store's history, never stored as sent)."""
    value = manifest.get(key)
    return value if isinstance(value, str) and 0 < len(value) <= _LINE_CAP else None


_LINE_CAP = 64  # as messages.Name


def _manifest_number(manifest: dict[str, Any], key: str) -> int:
    """A number the office's manifest must hold as one (0 when absent, as before): anything
    else (text, a list, a fraction, a boolean, beyond 64 bits) is a refusal with a reason,
    before anything is imported, never a traceback."""
    value = manifest.get(key, 0)
    if type(value) is not int or not 0 <= value <= protocol.MAX_INT64:
        raise protocol.sync_error(
            "Pacchetto non valido: il campo {key} dell'intestazione non è un numero.",
            code="bundle_format",
            key=key,
        )
    return value


def _seq(value: Any) -> int:
    """A sequence number from an office's manifest; anything else counts as 0 (the hub
    then tells the device all its late refusals again: harmless, they are its own)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= protocol.MAX_INT64:
        return value
    return 0


def hub_summary(
    received: int, rejected: int, sent: int, reply: Path, *, day_full: bool = False
) -> str:
    """What :func:`hub_import_bundle` tells head office, counts in Italian form.

    >>> hub_summary(1, 0, 1234, Path("r.casa"))
    'Pacchetto importato: 1 modifica, 0 rifiutate; risposta con 1.234 modifiche scritta in r.casa.'
    """
    line = (
        f"Pacchetto importato: {count(received, 'modifica', 'modifiche')}, "
        f"{count(rejected, 'rifiutata', 'rifiutate')};"
        f" risposta con {count(sent, 'modifica', 'modifiche')} scritta in {reply}."
    )
    if day_full:
        line += (
            " L'ufficio ha già inviato tutte le modifiche che la sede accetta in 24 ore: "
            "le altre di questo pacchetto non sono state prese e torneranno con il suo "
            "prossimo pacchetto (se si ripete, vedere docs/deploy.md, sezione 8)."
        )
    return line
