"""The hub's address as the user types it (``--hub``, the enrolment file, the Sync page)."""

from __future__ import annotations

from urllib.parse import urlsplit

from casa_desk.errors import SyncError
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


def wrong_address(address: str) -> SyncError:
    """The line for an address at which something answers, but not a hub (HTTP 404): which
    part looks wrong. A hub serves its few paths at the address's root; a desk paired with
    ``http://sede:8765/casa`` asked it for ``/casa/enrol``.

    >>> print(wrong_address("http://sede:8765/casa/"))  # doctest: +NORMALIZE_WHITESPACE
    Indirizzo della sede sbagliato: la parte «/casa» dopo http://sede:8765 è di troppo
    (l'indirizzo della sede di solito finisce con la porta: http://sede:8765).
    """
    parts = urlsplit(address)
    # never a user name or password someone typed into the address
    root = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    path = parts.path.rstrip("/")
    if path:
        return sync_error(
            "Indirizzo della sede sbagliato: la parte «{path}» dopo {root} è di troppo "
            "(l'indirizzo della sede di solito finisce con la porta: {root}).",
            code="hub_url_path",
            path=path,
            root=root,
        )
    return sync_error(
        "All'indirizzo {address} risponde un altro servizio, non la sede: controllare "
        "l'indirizzo e la porta.",
        code="hub_url_other",
        address=root,
    )
