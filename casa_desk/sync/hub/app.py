"""The hub's HTTP API (FastAPI): enrol, hello, push, pull, digest, snapshot (SYNC.md §4).

Handlers are plain functions over :class:`HubStore`; the app holds no session state, so any
request can be cut and repeated and several hub processes can share one PostgreSQL. Bodies
are JSON; responses are serialised with ``json`` directly (pages of thousands of changes
would be slow through FastAPI's generic encoder).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from casa_desk.sync import protocol
from casa_desk.sync.hub.devices import authenticate, enrol
from casa_desk.sync.hub.storage import HubRefusal, HubStore


def _json(body: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status_code=status,
        media_type="application/json",
    )


def create_app(hub: HubStore) -> FastAPI:
    app = FastAPI(title="casa_desk hub", docs_url=None, redoc_url=None, openapi_url=None)

    async def handle(request: Request, work: Any, *, auth: bool = True) -> Response:
        try:
            body = await request.json() if request.method == "POST" else {}
        except ValueError:
            return _json(protocol.refusal("bad_request", "Richiesta non leggibile."), 400)

        def run() -> Any:
            if not auth:
                return work(None, body)
            header = request.headers.get("authorization", "")
            token = header[7:] if header.lower().startswith("bearer ") else None
            return work(authenticate(hub, token), body)

        try:
            return _json(await run_in_threadpool(run))
        except HubRefusal as refusal:
            return _json(refusal.body, refusal.status)

    @app.get("/health")
    async def health() -> Response:
        return _json({"ok": True, "protocol": protocol.PROTOCOL_VERSION})

    @app.post("/enrol")
    async def enrol_route(request: Request) -> Response:
        return await handle(
            request, lambda _d, b: enrol(hub, str(b.get("code", "")), b.get("node_id")), auth=False
        )

    @app.post("/hello")
    async def hello(request: Request) -> Response:
        return await handle(request, hub.hello)

    @app.post("/push")
    async def push(request: Request) -> Response:
        def work(device: Any, body: dict[str, Any]) -> Any:
            _require_node(device)
            return hub.push(device, body)

        return await handle(request, work)

    @app.post("/pull")
    async def pull(request: Request) -> Response:
        def work(device: Any, body: dict[str, Any]) -> Any:
            _require_node(device)
            return hub.pull(
                device, int(body.get("cursor", 0)), int(body.get("limit", protocol.PULL_PAGE))
            )

        return await handle(request, work)

    @app.post("/digest")
    async def digest(request: Request) -> Response:
        return await handle(request, lambda d, _b: hub.digest(d))

    @app.post("/snapshot")
    async def snapshot(request: Request) -> Response:
        return await handle(
            request,
            lambda d, b: hub.snapshot(
                d,
                str(b.get("table", "")),
                str(b.get("after_id", "")),
                int(b.get("limit", 1000)),
                [str(i) for i in b["ids"]] if isinstance(b.get("ids"), list) else None,
            ),
        )

    return app


def _require_node(device: Any) -> None:
    if device.node_id is None:
        raise HubRefusal(409, "hello_first", "Serve prima il saluto (hello) alla sede.")


def serve(
    db: str, host: str, port: int, *, tls_cert: str | None = None, tls_key: str | None = None
) -> None:
    """Run the hub with uvicorn until interrupted; HTTPS when given a certificate and key."""
    import uvicorn

    hub = HubStore.open(db)
    uvicorn.run(
        create_app(hub),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        ssl_certfile=tls_cert,
        ssl_keyfile=tls_key,
    )


def main(argv: list[str] | None = None) -> None:
    """``python -m casa_desk.sync.hub.app --db DB --port N``: the hub without the whole CLI."""
    import argparse

    parser = argparse.ArgumentParser(prog="casa_desk.sync.hub.app")
    parser.add_argument("--db", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    serve(args.db, args.host, args.port)


if __name__ == "__main__":
    main()
