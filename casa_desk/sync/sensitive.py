"""The seam for end-to-end encryption of sensitive fields (DESIGN.md §5, last point).

Every change leaving this device passes through :func:`seal_outgoing`, and every change
received passes through :func:`open_incoming`, both on the client side only. Today they
return the change unchanged; the privacy issue will encrypt identifying fields and notes of
sensitive rows to the office key here, so the hub keeps and forwards ciphertext.
"""

from __future__ import annotations

from typing import Any


def seal_outgoing(change: dict[str, Any]) -> dict[str, Any]:
    """Encrypt the sensitive fields of an outgoing change (not yet: identity)."""
    return change


def open_incoming(change: dict[str, Any]) -> dict[str, Any]:
    """Decrypt the sensitive fields of a received change (not yet: identity)."""
    return change
