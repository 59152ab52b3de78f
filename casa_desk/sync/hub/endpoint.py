"""Where the hub can be reached, and with which certificate: recorded when it starts.

``casa-desk hub serve`` with ``--tls-cert`` records its address and the SHA-256 fingerprint
of its certificate in ``hub_meta``; ``hub device-add`` then writes both into the enrolment
file and folds the fingerprint into the printed code, so that offices pin the certificate
the hub really serves (casa_desk/sync/tls.py). A start without TLS clears the fingerprint:
a stale pin would make every new office refuse the hub.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select

from casa_desk.errors import SyncError
from casa_desk.sync.hub import schema
from casa_desk.sync.hub.storage import HubStore
from casa_desk.sync.protocol import sync_error
from casa_desk.sync.tls import certificate_file_fingerprint

_URL, _FINGERPRINT = "public_url", "tls_fingerprint"


@dataclass(frozen=True)
class Endpoint:
    url: str | None
    fingerprint: str | None  # hex SHA-256 of the DER certificate; None without TLS


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def check_serving(host: str, cert: Path | None, key: Path | None, *, insecure: bool) -> None:
    """Refuse, in one line, what would expose the hub badly: plain HTTP beyond this machine
    unless asked for by name, half a TLS pair, or a key that does not match the certificate."""
    if (cert is None) != (key is None):
        raise SyncError("Servono entrambi: --tls-cert e --tls-key.", code="bad_input")
    if cert is None and not insecure and not is_loopback(host):
        raise sync_error(
            "La sede su {host} sarebbe raggiungibile in chiaro dalla rete: servono "
            "--tls-cert e --tls-key (oppure --insecure-http, sconsigliato).",
            code="insecure",
            host=host,
        )
    if cert is not None and key is not None:
        unusable = sync_error(
            "Certificato o chiave TLS non utilizzabili ({cert}, {key}): "
            "file mancante, illeggibile o chiave che non corrisponde al certificato.",
            code="tls_cert",
            cert=cert,
            key=key,
        )
        if not (Path(cert).is_file() and Path(key).is_file()):
            raise unusable  # a folder, a device, a pipe (read for ever, the hub never starts)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            context.load_cert_chain(cert, key)
        except (OSError, ssl.SSLError) as exc:
            raise unusable from exc


def served_url(host: str, port: int, cert: Path | None) -> str:
    """The address offices use: the host given, or (listening on every interface) the
    first DNS name the certificate names, else this machine's name."""
    scheme = "https" if cert else "http"
    name = host
    if host in ("0.0.0.0", "::", ""):
        name = [*(_certificate_dns_names(cert) if cert else []), socket.getfqdn()][0]
    if ":" in name:  # an IPv6 literal
        name = f"[{name}]"
    return f"{scheme}://{name}:{port}"


def record(hub: HubStore, url: str, cert: Path | None) -> Endpoint:
    """Record the address and the certificate's fingerprint (none without TLS)."""
    endpoint = Endpoint(url, certificate_file_fingerprint(cert) if cert else None)
    with hub.tx() as conn:
        conn.execute(delete(schema.hub_meta).where(schema.hub_meta.c.key.in_([_URL, _FINGERPRINT])))
        rows = [{"key": _URL, "value": url}]
        if endpoint.fingerprint:
            rows.append({"key": _FINGERPRINT, "value": endpoint.fingerprint})
        conn.execute(insert(schema.hub_meta), rows)
    return endpoint


def recorded(hub: HubStore) -> Endpoint:
    """What the last ``hub serve`` recorded (both None if it never ran)."""
    with hub.tx(readonly=True) as conn:
        values = dict(
            conn.execute(
                select(schema.hub_meta.c.key, schema.hub_meta.c.value).where(
                    schema.hub_meta.c.key.in_([_URL, _FINGERPRINT])
                )
            ).all()
        )
    return Endpoint(values.get(_URL), values.get(_FINGERPRINT))


def _certificate_dns_names(cert: Path) -> list[str]:
    from cryptography import x509

    try:
        loaded = x509.load_pem_x509_certificate(Path(cert).read_bytes())
        names = loaded.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except (OSError, ValueError, x509.ExtensionNotFound):
        return []
    return [str(n) for n in names.value.get_values_for_type(x509.DNSName)]
