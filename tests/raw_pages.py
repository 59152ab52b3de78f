"""Every page of an encrypted store, decrypted with its data key, as SQLCipher wrote it.

The test of "erased means gone" must look where SQLite leaves old data: free pages, the
unused space inside pages, the WAL. A ``casa-desk backup --decrypted`` copy is rebuilt by
``sqlcipher_export`` and would hide all three, so this reads the file itself. SQLCipher 4 as
casa_desk configures it: raw 256-bit key (no KDF), 4096-byte pages, AES-256-CBC, each page's
last 48 bytes its IV (16) and HMAC-SHA256 (32); page 1 starts with the 16-byte salt.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 48


def _decrypt(page: bytes, key: bytes, *, first: bool) -> bytes:
    start = 16 if first else 0
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    body = page[start : PAGE - RESERVE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return decryptor.update(body) + decryptor.finalize()


def decrypted_pages(path: Path, key: bytes) -> bytes:
    """The plaintext of every page of the store file and of its WAL (frames), joined."""
    out = bytearray()
    data = Path(path).read_bytes()
    for number in range(len(data) // PAGE):
        page = data[number * PAGE : (number + 1) * PAGE]
        out += _decrypt(page, key, first=number == 0)
    wal = Path(f"{path}-wal")
    if wal.exists():
        frames = wal.read_bytes()[32:]  # WAL header, then (24-byte header + page) frames
        step = 24 + PAGE
        for offset in range(0, len(frames) - step + 1, step):
            out += _decrypt(frames[offset + 24 : offset + step], key, first=False)
    return bytes(out)
