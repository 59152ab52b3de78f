"""A small TCP proxy between offices and a real hub process, for chaos tests.

It forwards bytes both ways and knows, per connection, which request is in flight (from the
HTTP request line). A rule fires on the ``nth`` request to a path: on the request (``when=
"request"``: a callback, e.g. a SIGKILL of the hub a little later, whose end the response
of that request waits for, then cut — so "killed 0.25 s after the request" is the same
fault on a fast and a slow machine: the hub may have committed, its answer never arrives) or
on the response after
``after_bytes`` of it went through (``when="response"``: the rest is cut, and an optional
callback runs first — a kill of the hub or of the office's process mid-response).
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Rule:
    path: str
    nth: int
    when: str = "response"  # "request" | "response"
    after_bytes: int = 0
    action: Callable[[], None] | None = None
    cut: bool = True
    fired: threading.Event = field(default_factory=threading.Event)
    #: set when the action has run (a request rule's response waits for it)
    done: threading.Event = field(default_factory=threading.Event)


class ChaosProxy:
    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.rules: list[Rule] = []
        self.requests: dict[str, int] = {}
        self.response_bytes: dict[str, int] = {}
        self._lock = threading.Lock()
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(32)
        self.port = int(self._listener.getsockname()[1])
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, rule: Rule) -> Rule:
        with self._lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.requests.clear()
            self.response_bytes.clear()

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in list(self._open):
            with contextlib.suppress(OSError):
                sock.close()

    # -- plumbing ------------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            self._open += [client, upstream]
            conn = {"path": "", "nth": 0, "sent": 0, "rule": None, "held": None}
            threading.Thread(target=self._up, args=(client, upstream, conn), daemon=True).start()
            threading.Thread(target=self._down, args=(upstream, client, conn), daemon=True).start()

    @staticmethod
    def _shut(*socks: socket.socket) -> None:
        for sock in socks:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def _up(self, client: socket.socket, upstream: socket.socket, conn: dict) -> None:  # type: ignore[type-arg]
        while True:
            try:
                data = client.recv(65536)
            except OSError:
                data = b""
            if not data:
                self._shut(client, upstream)
                return
            head = data[:200]
            if head.startswith((b"POST ", b"GET ")):
                path = head.split(b" ", 2)[1].decode("ascii", "replace")
                with self._lock:
                    self.requests[path] = self.requests.get(path, 0) + 1
                    conn.update(path=path, nth=self.requests[path], sent=0, rule=None)
                    for rule in self.rules:
                        if (
                            rule.path == path
                            and rule.nth == conn["nth"]
                            and not rule.fired.is_set()
                        ):
                            if rule.when == "request":
                                rule.fired.set()
                                conn["held"] = rule
                                threading.Thread(target=_run, args=(rule,), daemon=True).start()
                            else:
                                conn["rule"] = rule
            try:
                upstream.sendall(data)
            except OSError:
                self._shut(client, upstream)
                return

    def _down(self, upstream: socket.socket, client: socket.socket, conn: dict) -> None:  # type: ignore[type-arg]
        while True:
            try:
                data = upstream.recv(65536)
            except OSError:
                data = b""
            held: Rule | None = conn["held"]
            if held is not None:
                # A request rule's action (the hub killed a little later) comes first: on a
                # fast machine the answer was ready before it, and the round went on.
                held.done.wait(timeout=30)
                if held.cut:
                    self._shut(client, upstream)
                    return
                conn["held"] = None
            if not data:
                self._shut(client, upstream)
                return
            rule: Rule | None = conn["rule"]
            with self._lock:
                path = conn["path"]
                self.response_bytes[path] = self.response_bytes.get(path, 0) + len(data)
            if rule is not None and conn["sent"] + len(data) >= rule.after_bytes:
                keep = max(0, rule.after_bytes - conn["sent"])
                with contextlib.suppress(OSError):
                    client.sendall(data[:keep])
                rule.fired.set()
                if rule.action:
                    rule.action()
                if rule.cut:
                    self._shut(client, upstream)
                    return
                conn["rule"] = None
                data = data[keep:]
            conn["sent"] += len(data)
            try:
                client.sendall(data)
            except OSError:
                self._shut(client, upstream)
                return


def _run(rule: Rule) -> None:
    try:
        if rule.action:
            rule.action()
    finally:
        rule.done.set()
