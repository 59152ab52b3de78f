"""The seam for end-to-end encryption of sensitive fields (DESIGN.md §5, last point).

Every change leaving this device passes through :func:`seal_outgoing`, and every change
received passes through :func:`open_incoming`, both on the client side only. Today they
return the change unchanged; the privacy issue will encrypt identifying fields and notes of
sensitive rows to the office key here, so the hub keeps and forwards ciphertext.

An outgoing change's ``data`` is the outbox's JSON text (:class:`~casa_desk.sync.protocol.
RawJson`, sent without being parsed); a seal reads it with :func:`~casa_desk.sync.protocol.
parsed` for the rows it encrypts and leaves the others as they are.
"""

from __future__ import annotations

from typing import Any


def seal_outgoing(change: dict[str, Any]) -> dict[str, Any]:
    """Encrypt the sensitive fields of an outgoing change (not yet: identity)."""
    return change


def open_incoming(change: dict[str, Any]) -> dict[str, Any]:
    """Decrypt the sensitive fields of a received change (not yet: identity)."""
    return change
