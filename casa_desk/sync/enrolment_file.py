"""The enrolment file an office reads (``hub device-add --out``): checked whole before any of
it is kept.

It carries what the hub made for one device — its id, token and bundle key, the office, the
hub's address and certificate pin — and the office keeps them in its store for every later
sync. The file arrives on a USB stick or by mail, so it may be anything: damaged, edited by
hand, another program's JSON, a huge file. Each is refused in one line before the store is
paired (or, for ``enrol --file`` on a new store, made). Before, only the names of four keys
were checked: a token that was a number, a bundle key that was no key or an office that was
a JSON object paired the store for good with credentials that could never sync (or ended in
a traceback), ``"head_office": "no"`` paired an office as head office, and a JSON nested
thousands deep ended in Python's RecursionError.
"""

from __future__ import annotations

import binascii
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casa_desk.errors import SyncError
from casa_desk.outputs import is_store_file
from casa_desk.security.tokens import key_bytes
from casa_desk.store.demo_mark import is_demo
from casa_desk.sync.hub_url import check_hub_url
from casa_desk.sync.input_file import open_regular
from casa_desk.sync.protocol import sync_error

if TYPE_CHECKING:
    from casa_desk.store.db import Store

#: What ``hub device-add`` writes (casa_desk.sync.hub.devices.ENROL_FORMAT).
FORMAT = "casa-desk-enrolment/1"
#: An enrolment file is well under a kilobyte; anything past this is not one (and is never
#: read whole: a 2 GB file given by mistake must not be loaded to find that out).
MAX_BYTES = 64 * 1024
_TEXTS = ("device_id", "token", "presidio")
_MAX_TEXT = 200
_KEY_BYTES = 32


#: The one line for a demo store (CLI; the window words it by code, ``demo_store``).
DEMO_REFUSED = (
    "Questo è un archivio dimostrativo, con persone inventate: non si può abbinare né "
    "sincronizzare con la sede."
)


def refuse_demo(store: Store) -> None:
    """Refuse, before anything is sent or kept, to pair, sync or export from a demo store
    (:mod:`casa_desk.store.demo_mark`): its invented people would reach head office's
    data and every office's registry."""
    if is_demo(store.db):
        raise SyncError(DEMO_REFUSED, code="demo_store")


def not_the_store(path: Path, store: str | Path) -> None:
    """Refuse, unread, a "file di abbinamento" that is the store ``store`` or one of its
    files (:func:`casa_desk.outputs.is_store_file`): closing a descriptor of it would drop
    this process's SQLite locks on it."""
    if is_store_file(path, store):
        raise SyncError(
            f"{path} è l'archivio {store} o un suo file, non un file di abbinamento.",
            code="enrol_is_store",
        )


def read_enrolment(path: Path) -> dict[str, Any]:
    """The credentials in the enrolment file at ``path``, or one SyncError line."""
    try:
        with open_regular(path, enrolment=True) as handle:  # a pipe: one line, no wait
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise _not_one(path)
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _unreadable(path) from exc
    if len(raw) > MAX_BYTES:  # grew while we looked
        raise _not_one(path)
    try:
        creds = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise _unreadable(path) from exc
    if not _well_formed(creds):
        raise _not_one(path)
    pin = creds.get("tls_fingerprint")
    if pin is not None and not (
        isinstance(pin, str) and len(pin) == 64 and all(c in "0123456789abcdef" for c in pin)
    ):
        raise sync_error(
            "{path}: impronta del certificato non valida.", code="enrol_file", path=path
        )
    hub_url = creds.get("hub_url")
    if hub_url is not None:
        if not isinstance(hub_url, str):
            raise _not_one(path)
        creds["hub_url"] = check_hub_url(hub_url)
    return creds


def _well_formed(creds: object) -> bool:
    if not isinstance(creds, dict) or creds.get("format") != FORMAT:
        return False
    for name in _TEXTS:
        value = creds.get(name)
        if not (isinstance(value, str) and 0 < len(value) <= _MAX_TEXT and value.isprintable()):
            return False
    if not isinstance(creds.get("head_office", False), bool):
        return False
    epoch = creds.get("epoch")  # the hub's epoch the office joins in (optional)
    if epoch is not None and not (
        isinstance(epoch, str) and 0 < len(epoch) <= _MAX_TEXT and epoch.isprintable()
    ):
        return False
    return _is_key(creds.get("bundle_key")) and all(
        not creds.get(name) or _is_key(creds.get(name)) for name in ("esf_key", "erasure_key")
    )


def _is_key(value: object) -> bool:
    """A 256-bit key in the URL-safe base64 the hub writes (security.tokens.new_key)."""
    if not isinstance(value, str) or len(value) > _MAX_TEXT:
        return False
    try:
        return len(key_bytes(value)) == _KEY_BYTES
    except (ValueError, binascii.Error):  # not ASCII, not base64
        return False


def _not_one(path: Path) -> SyncError:
    return sync_error(
        "{path} non è un file di abbinamento casa_desk.", code="enrol_file", path=path
    )


def _unreadable(path: Path) -> SyncError:
    return sync_error("File di abbinamento illeggibile: {path}", code="enrol_file", path=path)
