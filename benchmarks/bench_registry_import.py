"""How long the registry import takes at office scale (DESIGN.md §8): figures, no asserts.

Usage: ``python benchmarks/bench_registry_import.py [ROWS]`` (default 100,000). Writes a synthetic
Windows-1252 export with ``;`` into a temporary folder, then times a first import into an
empty store, a re-import of the same file (every row matched, nothing written) and a dry run.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from casa_desk.imports.registry import (
    import_registry,
    preview_registry,
    read_registry_file,
)
from casa_desk.models.codice_fiscale import make_cf
from casa_desk.security.access import create_desk

HEADER = (
    "cognome;nome;codice_fiscale;data_nascita;sesso;telefono;email;indirizzo;civico;scala;"
    "piano;interno;codice_ui;quartiere"
)
SURNAMES = ("Brambillò", "Zanettà", "Dorsoni", "Pelosini", "Galbiatti", "Colombetti", "Bossetti")
CONSONANTS = "bcdfglmnprstvz"
NAMES = (("Nicolò", "M"), ("Mattia", "M"), ("Licia", "F"), ("Noemi", "F"), ("Giosuè", "M"))


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    lines = [HEADER]
    for i in range(rows):
        # Three leading consonants from the row number keep the codici fiscali distinct.
        prefix = "".join(CONSONANTS[i // len(CONSONANTS) ** k % len(CONSONANTS)] for k in range(3))
        last = prefix.capitalize() + rnd.choice(SURNAMES).lower()
        first, sex = rnd.choice(NAMES)
        born = date(1930, 1, 1) + timedelta(days=rnd.randrange(30_000))
        cf = make_cf(last, first, born, sex, rnd.choice(("F205", "H501", "Z330")))
        lines.append(
            f"{last};{first};{cf};{born:%d/%m/%Y};{sex};33{rnd.randrange(10**8):08d};;"
            f"Via dei Glicini;{i % 200};A;{i % 9};{i % 30};SS-{i:06d};San Siro"
        )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def timed(label: str, action):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = action()
    print(f"{label:<28} {time.perf_counter() - start:6.2f} s   {result.summary()}")
    return result


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        export, db = Path(folder) / "anagrafe.csv", Path(folder) / "store.sqlite"
        write_export(export, rows)
        session = create_desk(  # an encrypted store, as every store is
            db, username="bench", full_name="Bench", password="bench", presidio="SAN-SIRO",
            check_strength=False,
        )  # fmt: skip
        with session.store as store:
            start = time.perf_counter()
            registry = read_registry_file(export)
            print(f"{'read + decode + parse':<28} {time.perf_counter() - start:6.2f} s")
            timed(
                f"first import ({rows:,} rows)",
                lambda: import_registry(store, registry, by="bench"),
            )
            timed("re-import (all unchanged)", lambda: import_registry(store, registry, by="bench"))
            timed("dry run", lambda: preview_registry(store.db, registry))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
