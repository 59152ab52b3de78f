"""A login's argon2id begun early, while a command loads the modules it needs.

Opening a key slot costs ~0.25 s of one core (argon2id, t=3, 64 MiB: the slot's parameters,
kept, because they are what every offline guess pays), and argon2 holds no GIL. A command
such as ``casa-desk report`` then imports the store, sqlite-utils, reportlab and its own code:
another ~0.3 s, all of it under the GIL. Started in that order they add up; started here,
as soon as the command knows the username and the password, they run side by side. This
module imports only the key file and the slot's cryptography, never the store.

Nothing is decided here. The key-encryption key derived early is *used* only by
:func:`casa_desk.security.access.open_user_slot`, after the throttle has counted the attempt
(:mod:`casa_desk.security.throttle`), and only for the very slot it was derived from (the
same user, salt and parameters: a password changed meanwhile is derived again there). For a
username without a slot the same cost is spent here instead, and not a second time there,
so the answer still takes as long whether the user exists or not. Anything that goes wrong
early (no key file, a damaged one) is left for the login to say in its own words, in its
own order: a missing store is still reported as missing.
"""

from __future__ import annotations

import threading
from pathlib import Path

from casa_desk.security import keyfile, keyslots
from casa_desk.security.keyfile import Slot


class EarlyKey:
    """argon2id for ``username``'s slot of the store at ``path``, on a worker thread from
    construction. ``username`` and ``password`` are kept as given, for the login."""

    def __init__(self, path: str | Path, username: str, password: str) -> None:
        self.path = Path(path)
        self.username = username
        self.password = password
        self._name = username.strip().lower()
        self._slot: Slot | None = None
        self._kek: bytes | None = None
        self._spent = False  # a derivation's cost was paid (for the slot, or wasted)
        self._thread = threading.Thread(target=self._derive, name="login-argon2", daemon=True)
        self._thread.start()

    def _derive(self) -> None:
        try:
            keys = keyfile.read(self.path)
            slot = keys.user_slot(self._name)
            if slot is None:
                keyslots.waste_time(keys.kdf)
            else:
                self._kek = keyslots.derive(self.password, slot.salt, slot.kdf)
                self._slot = slot
            self._spent = True
        except Exception:  # noqa: BLE001, S110 - the login reads the key file again and says why
            pass

    def kek_for(self, slot: Slot, name: str, password: str) -> bytes | None:
        """The key-encryption key derived for exactly this slot, name and password, or None
        (then the caller derives it itself)."""
        self._thread.join()
        if slot != self._slot or name != self._name or password != self.password:
            return None
        return self._kek

    def spent_for(self, name: str) -> bool:
        """Whether a derivation's cost has been paid here for ``name`` (so a login for a
        username without a slot need not pay it a second time)."""
        self._thread.join()
        return self._spent and name == self._name
