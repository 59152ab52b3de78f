"""The hub's front door: who is asking and how much, before any work (issue 8).

A plain ASGI middleware, outside FastAPI's routing, because FastAPI reads and parses a
request's whole body before it runs any dependency: a 300 MB body without a token once took
the hub from 144 MB to 1.9 GB. Here, in order:

0. a path the hub does not serve is 404 at once, token or not, body unread: a desk paired
   with an address that has a path (``http://sede:8765/casa``) was told "credenziali non
   valide" for its ``/casa/enrol`` and could not tell the address was wrong. The paths are
   the app's own routes: every one of them is guarded below as before;
1. the bearer token is checked from the headers alone (one indexed look-up); without a valid
   one the answer is 401/403 and not one byte of the body is read;
2. a declared ``Content-Length`` above the route's cap is 413 at once; a body without one is
   read chunk by chunk and abandoned with 413 as soon as it passes the cap;
3. any exception that escapes the application is logged as its class and database error code
   only — never its text, which for a database error holds the row (PostgreSQL's "Failing row
   contains (…)", SQLAlchemy's bound parameters) — and answered 500 with a neutral body.

The authenticated device travels to the routes in the ASGI scope (:data:`DEVICE_KEY`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio

from casa_desk.sync import protocol
from casa_desk.sync.hub.devices import authenticate
from casa_desk.sync.hub.storage import HubRefusal, HubStore

log = logging.getLogger("casa_desk.hub")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEVICE_KEY = "casa_device"
#: Paths anyone may call: no token (enrolment trades a one-time code for one).
PUBLIC = frozenset({"/health", "/enrol", "/openapi.json"})
#: Routes that carry changes get the large cap; every other body is small.
LARGE_BODY = frozenset({"/push"})


class Guard:
    """``Guard(app, hub, paths)``: wrap the FastAPI app, whose routes are ``paths`` (see the
    module docstring)."""

    def __init__(self, app: ASGIApp, hub: HubStore, paths: frozenset[str]) -> None:
        self.app = app
        self.hub = hub
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self._guarded(scope, receive, tracking_send)
        except Exception as exc:  # noqa: BLE001 - the last line of defence: log safely
            device = scope.get(DEVICE_KEY)
            log.error(
                "request %s failed: %s%s (device %s)",
                scope.get("path"),
                type(exc).__name__,
                _db_code(exc),
                getattr(device, "id", "-"),
            )
            if not started:
                await _answer(
                    send, 500, protocol.refusal("hub_error", "Errore interno della sede.")
                )

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if path not in self.paths:
            await _answer(
                send,
                404,
                protocol.refusal(protocol.UNKNOWN_PATH, protocol.REFUSED_HTTP, status=404),
            )
            return
        headers = {k.decode("latin-1").lower(): v for k, v in scope.get("headers", [])}
        if path not in PUBLIC:
            raw = headers.get("authorization", b"").decode("latin-1")
            token = raw[7:].strip() if raw[:7].lower() == "bearer " else None
            try:
                scope[DEVICE_KEY] = await anyio.to_thread.run_sync(authenticate, self.hub, token)
            except HubRefusal as refusal:
                await _answer(send, refusal.status, refusal.body)
                return
        cap = protocol.MAX_BODY_BYTES if path in LARGE_BODY else protocol.MAX_SMALL_BODY_BYTES
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await _too_large(send, cap)
            return
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > cap:
                await _too_large(send, cap)
                return
            chunks.append(body)
            if not message.get("more_body"):
                break
        if "content-type" not in headers:  # every body here is JSON (older clients omit it)
            scope["headers"] = [*scope.get("headers", []), (b"content-type", b"application/json")]
        whole = b"".join(chunks)
        chunks.clear()
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, cap: int) -> None:
    await _answer(
        send,
        413,
        protocol.refusal(protocol.TOO_LARGE, protocol.BODY_TOO_LARGE, mb=cap // (1024 * 1024) or 1),
    )


async def _answer(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def _db_code(exc: BaseException) -> str:
    """The database's error code (SQLSTATE or SQLite's), never its message."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlstate", None) or getattr(orig, "sqlite_errorname", None)
    return f" [{code}]" if code else ""
