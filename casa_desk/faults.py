"""Named fault points (SYNC.md §6), so tests can break sync (and the writing of files) at
exact places.

Code calls ``fault_point("client.push.before_send")`` where a crash or a lost message
matters. Normally nothing happens. A test arms a point either in-process
(:func:`arm`) or for a child process through ``CASA_DESK_FAULTS``, a comma-separated list of
``name=action`` where action is ``kill`` (the process dies at once, like a power cut),
``raise`` (an exception, like a dropped connection) or ``once-kill``/``once-raise`` (only
the first time in this process).

Known points: client.push.before_send, client.push.after_send, client.pull.after_apply,
client.pull.before_request, client.refetch.after_apply, hub.push.before_commit,
hub.push.after_commit, hub.pull.before_respond, hub.bundle.after_commit; encrypt.after_*
(casa_desk.security.encrypt); outputs.before_rename:NAME (an atomic write of a file named
NAME, complete and flushed, before its rename); backup.after_copy and backup.after_keys
(casa_desk.store.backup).
"""

from __future__ import annotations

import os
import sys

ENV = "CASA_DESK_FAULTS"
KILL_STATUS = 137

_armed: dict[str, str] = {}
_loaded = False


class FaultInjected(ConnectionError):
    """Raised by an armed ``raise`` fault point: looks like a lost connection."""


def _load() -> None:
    global _loaded  # noqa: PLW0603 - read the environment once per process
    if _loaded:
        return
    _loaded = True
    for item in os.environ.get(ENV, "").split(","):
        if "=" in item:
            name, action = item.split("=", 1)
            _armed.setdefault(name.strip(), action.strip())


def arm(name: str, action: str = "raise") -> None:
    """Arm a fault point in this process (tests)."""
    _load()
    _armed[name] = action


def disarm(name: str | None = None) -> None:
    """Disarm one point, or all of them."""
    _load()
    if name is None:
        _armed.clear()
    else:
        _armed.pop(name, None)


def fault_point(name: str) -> None:
    """Do what the armed action for ``name`` says; nothing when it is not armed."""
    _load()
    action = _armed.get(name)
    if action is None:
        return
    if action.startswith("once-"):
        del _armed[name]
        action = action[len("once-") :]
    if action == "kill":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(KILL_STATUS)
    raise FaultInjected(f"fault point {name}")
