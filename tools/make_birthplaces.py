"""Write casa_desk/resources/data/belfiore.tsv: the birth place of each Belfiore code.

    python tools/make_birthplaces.py DATA_FOLDER

``DATA_FOLDER`` holds ``municipalities.json`` and ``countries.json`` of the
python-codicefiscale package (MIT License, Copyright (c) 2017-present Fabio Caccamo), whose
data come from ISTAT and the Agenzia delle Entrate. The codice fiscale carries the Belfiore
code of the comune (or, for people born abroad, the country) of birth; the registration form
shows its name. One line per code, the most recent name (a comune renamed or merged keeps
its code for the people born there): ``code, name, English name (countries), province``.
The package is needed only to rebuild the file, never at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "casa_desk" / "resources" / "data" / "belfiore.tsv"
HEADER = (
    "# Belfiore codes -> birth place. From python-codicefiscale's data (MIT License,\n"
    "# Copyright (c) 2017-present Fabio Caccamo; sources ISTAT, Agenzia delle Entrate).\n"
    "# Built by tools/make_birthplaces.py. code\tname\tname_en\tprovince\n"
)


def latest(records: list[dict]) -> dict[str, dict]:
    """The most recent record of each code (active ones win)."""
    chosen: dict[str, dict] = {}
    for record in records:
        code = record["code"].strip().upper()
        current = chosen.get(code)
        if current is None or _recency(record) >= _recency(current):
            chosen[code] = record
    return chosen


def _recency(record: dict) -> tuple[bool, str]:
    """Active before ceased, then the later creation date."""
    return bool(record.get("active")), record.get("date_created") or ""


def main() -> int:
    folder = Path(sys.argv[1])
    comuni = latest(json.loads((folder / "municipalities.json").read_text("utf-8")))
    countries = latest(json.loads((folder / "countries.json").read_text("utf-8")))
    lines = []
    for code, record in sorted({**comuni, **countries}.items()):
        english = record.get("name_alt_en", "") if code.startswith("Z") else ""
        fields = (code, record["name"], english or "", record.get("province") or "")
        lines.append("\t".join(f.replace("\t", " ").strip() for f in fields))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} codes in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
