"""Birth places by Belfiore code — the four characters of a codice fiscale that say where
its holder was born: a comune (``F205`` Milano) or, for people born abroad, a country
(``Z330`` Marocco). The table ships with the package (``resources/data/belfiore.tsv``,
from python-codicefiscale's data; see tools/make_birthplaces.py) and is read once, when a
form first needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Place:
    code: str
    name: str  # Italian
    name_en: str  # countries only
    province: str  # "EE" for a country

    @property
    def abroad(self) -> bool:
        return self.province == "EE"

    def label(self, *, english: bool = False) -> str:
        """``Milano (MI)``; a country by its name (in English when asked)."""
        if self.abroad:
            return (self.name_en if english and self.name_en else self.name) or self.code
        return f"{self.name} ({self.province})" if self.province else self.name


@cache
def _places() -> dict[str, Place]:
    text = (resources.files("casa_desk") / "resources" / "data" / "belfiore.tsv").read_text("utf-8")
    places = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name, name_en, province = (line.split("\t") + ["", "", ""])[:4]
        places[code] = Place(code, name, name_en, province)
    return places


def birthplace(code: str) -> Place | None:
    """The place of Belfiore ``code`` (None when unknown).

    >>> birthplace("F205").label()
    'Milano (MI)'
    """
    return _places().get(code.strip().upper())
