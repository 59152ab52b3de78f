"""The hub's HTTP API (FastAPI): enrol, hello, push, pull, digest, snapshot (SYNC.md §4).

Every body is one of the pydantic messages of :mod:`casa_desk.sync.messages`, validated by
FastAPI before a handler runs; a malformed one is answered 422 (413 for a batch over the
limit) with a ``{"code", "message"}`` refusal naming the field, never echoing values. The
:class:`~casa_desk.sync.hub.guard.Guard` in front checks the token and the body size before
any of that. ``/openapi.json`` describes the API, so an independent fuzzer can be pointed at
it. Handlers are plain functions over :class:`HubStore`; the app holds no session state, so
any request can be cut and repeated and several hub processes can share one PostgreSQL.
Bodies are parsed and answers written with :func:`~casa_desk.sync.protocol.decode` and
:func:`~casa_desk.sync.protocol.encode` (orjson): a push of up to 2,000 changes or a pull page of
thousands spends several times less there than through :mod:`json` and FastAPI's generic
encoder. Answers' shapes are documented, not re-validated.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from casa_desk.sync import messages, protocol
from casa_desk.sync.hub.devices import enrol
from casa_desk.sync.hub.guard import DEVICE_KEY, Guard
from casa_desk.sync.hub.quota import Bounds
from casa_desk.sync.hub.scopes import Device
from casa_desk.sync.hub.storage import HubRefusal, HubStore

_bearer = HTTPBearer(auto_error=False, description="Token ricevuto all'abbinamento.")
#: Documents the bearer token in the OpenAPI schema; the Guard has already checked it.
Token = Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)]


class _Request(Request):
    """A request whose JSON body is parsed by :func:`protocol.decode`. Its error is a
    :class:`json.JSONDecodeError`, which FastAPI answers 422 like its own."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = protocol.decode(await self.body())
        return self._json


class _Route(APIRoute):
    """FastAPI's documented way to change how a route reads its request."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            return await handler(_Request(request.scope, request.receive))

        return route


def _json(body: Any, status: int = 200) -> Response:
    return Response(protocol.encode(body), status_code=status, media_type="application/json")


def _refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": messages.Refusal} for status in statuses}


def create_app(hub: HubStore) -> Guard:
    """The ASGI application: the FastAPI routes behind the Guard."""
    app = FastAPI(title="casa_desk hub", version=str(protocol.PROTOCOL_VERSION), docs_url=None)
    app.router.route_class = _Route
    app.openapi_url = "/openapi.json"
    common = _refusals(401, 403, 413, 422)

    def device_of(request: Request) -> Device:
        return request.scope[DEVICE_KEY]  # type: ignore[no-any-return]

    def run(work: Any) -> Response:
        try:
            return _json(work())
        except HubRefusal as refusal:
            return _json(refusal.body, refusal.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        if any(
            e.get("type") == "too_long" and tuple(e.get("loc", ()))[:2] == ("body", "changes")
            for e in errors
        ):
            return _json(
                protocol.refusal(protocol.TOO_LARGE, protocol.TOO_MANY_CHANGES),
                413,
            )
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "corpo"
        return _json(
            protocol.refusal(
                protocol.BAD_REQUEST,
                protocol.BAD_BODY,
                where=where,
                kind=first.get("type", "invalid"),
            ),
            422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        code = protocol.BAD_REQUEST if exc.status_code < 500 else "hub_error"
        return _json(
            protocol.refusal(code, protocol.REFUSED_HTTP, status=exc.status_code),
            exc.status_code,
        )

    @app.exception_handler(Exception)
    async def crashed(_request: Request, _exc: Exception) -> Response:
        # Answered here; the Guard logs the class and code (never the text) and swallows it.
        return _json(protocol.refusal("hub_error", "Errore interno della sede."), 500)

    @app.get("/health")
    def health() -> Response:
        return _json({"ok": True, "protocol": protocol.PROTOCOL_VERSION})

    @app.post("/enrol", responses={200: {"model": messages.EnrolAnswer}, **_refusals(403, 422)})
    def enrol_route(body: messages.EnrolRequest) -> Response:
        return run(lambda: enrol(hub, body.code, body.node_id))

    @app.post("/hello", responses={200: {"model": messages.HelloAnswer}, **common, 409: {}})
    def hello(request: Request, body: messages.HelloRequest, _t: Token = None) -> Response:
        return run(lambda: hub.hello(device_of(request), body.model_dump(by_alias=True)))

    @app.post(
        "/push",
        # 429: the device's day is full (hub/quota.py); the batch is sent again later
        responses={200: {"model": messages.PushAnswer}, **common, **_refusals(429)},
    )
    def push(request: Request, body: messages.PushRequest, _t: Token = None) -> Response:
        def work() -> Any:
            device = device_of(request)
            _require_node(device)
            return hub.push(
                device,
                {"first_seq": body.first_seq, "last_seq": body.last_seq, "changes": body.changes},
            )

        return run(work)

    @app.post("/pull", responses={200: {"model": messages.PullAnswer}, **common})
    def pull(request: Request, body: messages.PullRequest, _t: Token = None) -> Response:
        def work() -> Any:
            device = device_of(request)
            _require_node(device)
            return hub.pull(device, body.cursor, body.limit)

        return run(work)

    @app.post("/digest", responses={200: {"model": dict[str, messages.TableDigest]}, **common})
    def digest(request: Request, body: messages.DigestRequest, _t: Token = None) -> Response:
        return run(lambda: hub.digest(device_of(request), body.exclude))

    @app.post("/snapshot", responses={200: {"model": messages.SnapshotAnswer}, **common})
    def snapshot(request: Request, body: messages.SnapshotRequest, _t: Token = None) -> Response:
        return run(
            lambda: hub.snapshot(
                device_of(request), body.table, body.after_id, body.limit, body.ids
            )
        )

    # The routes' own paths (none has a parameter: one that had would need matching in the
    # Guard): any other path is 404 there, before the token is looked at.
    paths = frozenset(getattr(route, "path", "") for route in app.routes) - {""}
    return Guard(app, hub, paths)


def _require_node(device: Device) -> None:
    if device.node_id is None:
        raise HubRefusal(409, "hello_first", "Serve prima il saluto (hello) alla sede.")


def serve(
    db: str,
    host: str,
    port: int,
    *,
    tls_cert: str | None = None,
    tls_key: str | None = None,
    bounds: Bounds | None = None,
) -> None:
    """Run the hub with uvicorn until interrupted; HTTPS when given a certificate and key."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    hub = HubStore.open(db, bounds=bounds)
    app = create_app(hub)
    _settle_garbage_collector()
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
    )


def _settle_garbage_collector() -> None:
    """Leave what start-up made (modules, SQLAlchemy's tables, FastAPI's routes and pydantic's
    validators: objects that live as long as the process) out of Python's full collections.
    A push batch allocates hundreds of thousands of dicts, which trigger full collections;
    each walked every one of those objects again: about a sixth of the hub's CPU for
    100,000 pushed changes (``benchmarks/bench_sync.py``)."""
    gc.collect()
    gc.freeze()


def main(argv: list[str] | None = None) -> None:
    """``python -m casa_desk.sync.hub.app --db DB --port N``: the hub without the whole CLI.

    The tests start it so, and give it smaller bounds per device than a real hub's
    (``--changes-per-day``, ``--bytes-per-day``, ``--conflicts-per-device``,
    ``--parked-per-device``, ``--parked-bytes-per-device``, ``--refusals-per-device``: the
    fields of hub/quota.py's ``Bounds``); ``casa-desk hub serve`` has no such options."""
    import argparse

    parser = argparse.ArgumentParser(prog="casa_desk.sync.hub.app")
    parser.add_argument("--db", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    options = {  # option → Bounds field
        "--changes-per-day": "changes_per_day",
        "--bytes-per-day": "bytes_per_day",
        "--conflicts-per-device": "conflicts",
        "--parked-per-device": "parked",
        "--parked-bytes-per-device": "parked_bytes",
        "--refusals-per-device": "refusals",
    }
    for option, name in options.items():
        parser.add_argument(option, type=int, dest=name, default=getattr(Bounds(), name))
    args = parser.parse_args(argv)
    bounds = Bounds(**{name: getattr(args, name) for name in options.values()})
    serve(args.db, args.host, args.port, bounds=bounds)


if __name__ == "__main__":
    main()
