"""How the benchmarks open a store: as the command line does, by logging in.

An encrypted store is unlocked as ``CASA_DESK_USER`` / ``CASA_DESK_PASSWORD`` (default: the
demo store's ``demo``/``demo``); a plain one (the benchmarks' plain twin, a ``--synthetic``
store) is opened without a key. Returns the session's store, and the seconds the login took.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from casa_desk.security.access import Session, StoreState, store_state, unlock
from casa_desk.store.db import Store


def user() -> tuple[str, str]:
    password = os.environ.get("CASA_DESK_PASSWORD")
    return os.environ.get("CASA_DESK_USER") or "demo", "demo" if password is None else password


def login(path: Path, *, check_integrity: bool = True) -> tuple[Store, Session | None, float]:
    """(store, session or None for a plain store, seconds to open)."""
    started = time.perf_counter()
    if store_state(path) is StoreState.PLAIN:
        store = Store.open(path, check_integrity=check_integrity)
        return store, None, time.perf_counter() - started
    name, password = user()
    session = unlock(path, name, password, how="benchmark", check_integrity=check_integrity)
    return session.store, session, time.perf_counter() - started
