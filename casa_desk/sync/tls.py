"""HTTPS between offices and the hub: certificate fingerprints and the pinned client context.

Head office has no certificate from a public authority, as a rule: its hub presents a
self-signed one. So an office does not ask the system's CA store whether to trust the hub;
it pins the hub's certificate by the SHA-256 of its DER encoding, learnt at enrolment — in
full from the enrolment file, or the first 130 bits of it from the typed code
(:func:`casa_desk.security.tokens.code_with_pin`), after which the whole fingerprint of the
certificate that matched is kept. Every later connection is checked against it right after
the TLS handshake, before a byte of the request (and its bearer token) leaves the office;
another certificate is refused with one line that says to enrol again.

>>> context = pinned_context("9f86d0…")    # doctest: +SKIP
>>> httpx.Client(base_url="https://sede:8765", verify=context)   # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import hmac
import ssl
from pathlib import Path
from typing import Any, TypeVar

from casa_desk.errors import SyncError
from casa_desk.security.tokens import pin_of
from casa_desk.sync.protocol import sync_error


class CertificatePinError(ssl.SSLCertVerificationError):
    """The hub presented a certificate other than the pinned one."""

    def __init__(self, seen: str, *, by_code: bool) -> None:
        super().__init__(f"certificate {seen[:16]}… is not the pinned one")
        self.seen = seen
        self.by_code = by_code


def fingerprint(der: bytes) -> str:
    """Hex SHA-256 of a DER certificate (what ``openssl x509 -fingerprint -sha256`` shows)."""
    return hashlib.sha256(der).hexdigest()


def shown(value: str) -> str:
    """``'9f86d0…'`` → ``'9F:86:D0:…'``, the way openssl and browsers print fingerprints."""
    return ":".join(value[i : i + 2] for i in range(0, len(value), 2)).upper()


def certificate_file_fingerprint(path: Path) -> str:
    """Fingerprint of the first certificate in a PEM file (a full chain starts with the hub's)."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    try:
        cert = x509.load_pem_x509_certificate(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        raise sync_error(
            "Certificato TLS illeggibile: {path} (serve un file PEM).", code="tls_cert", path=path
        ) from exc
    return fingerprint(cert.public_bytes(Encoding.DER))


class PinnedContext(ssl.SSLContext):
    """A client context that accepts exactly one certificate, by fingerprint or code pin.

    Chain and host name are not checked (a self-signed head-office certificate has neither
    a CA nor, often, the name the office uses); the pin replaces both, and is stricter.
    Build it with :func:`pinned_context`.
    """

    expected: str | None = None  # the whole fingerprint, once known
    code_pin: int | None = None  # at online enrolment: the first PIN_BITS bits, from the code
    seen: str | None = None  # fingerprint of the last certificate that matched

    def wrap_socket(self, *args: Any, **kwargs: Any) -> ssl.SSLSocket:  # type: ignore[override]
        sock = super().wrap_socket(*args, **kwargs)
        try:
            if sock.getpeercert(binary_form=True) is None:
                sock.do_handshake()
            self.check(sock.getpeercert(binary_form=True) or b"")
        except BaseException:
            sock.close()
            raise
        return sock

    def wrap_bio(self, *_args: Any, **_kwargs: Any) -> ssl.SSLObject:  # type: ignore[override]
        raise ssl.SSLError("TLS inside TLS (an HTTPS proxy) is not supported with a pinned hub")

    def check(self, der: bytes) -> None:
        seen = fingerprint(der)
        if self.expected is not None and not hmac.compare_digest(seen, self.expected):
            raise CertificatePinError(seen, by_code=False)
        if self.code_pin is not None and pin_of(seen) != self.code_pin:
            raise CertificatePinError(seen, by_code=True)
        self.seen = seen


def pinned_context(expected: str | None = None, *, code_pin: int | None = None) -> PinnedContext:
    """A TLS 1.2+ client context pinned to ``expected`` (hex SHA-256) or to a code's pin."""
    context = PinnedContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # verified by fingerprint in wrap_socket instead
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.expected = expected.lower() if expected else None
    context.code_pin = code_pin
    return context


ErrorT = TypeVar("ErrorT", bound=BaseException)


def cause_of_kind(exc: BaseException, kind: type[ErrorT]) -> ErrorT | None:
    """The error of ``kind`` (a TLS error, a reset) that ``exc`` (an httpx error) was raised
    from, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def pin_failure(exc: BaseException) -> SyncError | None:
    """The one-line refusal when ``exc`` (an httpx error) came from the hub's certificate:
    not the pinned one, or (no pin) not trusted by the system's certificate authorities."""
    seen = cause_of_kind(exc, ssl.SSLCertVerificationError)
    if seen is None:
        return None
    if not isinstance(seen, CertificatePinError):  # no pin: the system's CAs said no
        return SyncError(
            "Certificato della sede non riconosciuto: abbinare l'archivio con il codice o il "
            "file della sede, che portano l'impronta del suo certificato.",
            code="tls_untrusted",
        )
    if seen.by_code:
        return sync_error(
            "Il certificato della sede non corrisponde al codice di abbinamento "
            "(SHA-256 {fingerprint}…): indirizzo sbagliato o connessione "
            "intercettata; nulla è stato inviato.",
            code="tls_pin",
            fingerprint=shown(seen.seen)[:23],
        )
    return sync_error(
        "Il certificato della sede è cambiato (SHA-256 {fingerprint}…): "
        "sincronizzazione rifiutata finché l'archivio non viene abbinato di nuovo "
        "(casa-desk enrol con un nuovo codice della sede).",
        code="tls_changed",  # the window says where it pairs again
        fingerprint=shown(seen.seen)[:23],
    )
