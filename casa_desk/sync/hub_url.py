"""The hub's address as the user types it (``--hub``, the enrolment file, the Sync page)."""

from __future__ import annotations

from urllib.parse import urlsplit

from casa_desk.sync.protocol import sync_error


def check_hub_url(text: str) -> str:
    """``http(s)://host[:port][/path]`` without a trailing slash, or one SyncError line.

    >>> check_hub_url("http://sede:8765/")
    'http://sede:8765'
    """
    value = (text or "").strip()
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or 0 < parts.port < 65536
    except ValueError:
        parts, port_ok = None, False
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        raise sync_error(
            "Indirizzo della sede non valido: «{value}» (serve per esempio http://sede:8765).",
            code="bad_hub_url",
            value=value,
        )
    return value.rstrip("/")
