"""Which ESF programme a report is made for, and what it prints about it.

The programme is head office's setting (``settings`` reference table, synced to every
office: :mod:`casa_desk.store.settings`); ``casa-desk report --programme`` overrides it for
one report. It decides the entry tables (age bands, indicators, gender labels), the
programme's name and operation code (CUP) printed on every report, and whether the EU
emblem with "Cofinanziato dall'Unione europea" is drawn (Reg. 2021/1060 art. 47 and Annex
IX apply to 2021–2027 operations).
"""

from __future__ import annotations

from dataclasses import dataclass

from casa_desk.errors import ReportError
from casa_desk.models.esf import DEFAULT_PROGRAMME
from casa_desk.models.vocab import Programme, SettingKey
from casa_desk.store.connection import Connection
from casa_desk.store.settings import read_setting

#: What each programme prints unless head office set ``esf.programme_name``.
DEFAULT_NAMES = {
    Programme.ESF_2014_2020: (
        "POR FSE 2014-2020 – Asse II, azione 9.4.2 «Inclusione sociale e lotta alla "
        "povertà» – Regione Lombardia, Fondo Sociale Europeo"
    ),
    Programme.ESF_2021_2027: ("PR FSE+ 2021-2027 – Regione Lombardia, Fondo sociale europeo Plus"),
}
#: The regulation whose Annex I defines the common indicators of the tables.
INDICATOR_SOURCES = {
    Programme.ESF_2014_2020: "Reg. (UE) n. 1304/2013, allegato I",
    Programme.ESF_2021_2027: "Reg. (UE) 2021/1057, allegato I",
}
DEFAULT_REGION = "Regione Lombardia"
#: Reg. 2021/1060 Annex IX 1.2, in Italian: written out in full, next to the emblem.
FUNDING_STATEMENT = "Cofinanziato dall'Unione europea"


@dataclass(frozen=True)
class ProgrammeInfo:
    """The programme of one report, as printed."""

    code: Programme
    name: str
    cup: str | None
    region: str

    @property
    def indicator_source(self) -> str:
        return INDICATOR_SOURCES[self.code]

    @property
    def emblem(self) -> bool:
        """2021–2027 reports carry the EU emblem and the funding statement."""
        return self.code is Programme.ESF_2021_2027

    @property
    def cup_text(self) -> str:
        return f"CUP {self.cup}" if self.cup else "CUP non indicato"


def parse_programme(text: str) -> Programme:
    """``2014-2020`` / ``2021-2027`` → Programme, or a ReportError worded for the user."""
    try:
        return Programme(text.strip())
    except ValueError:
        choices = " o ".join(p.value for p in Programme)
        raise ReportError(
            f"Programma non valido: «{text}». Usare {choices}.", code="bad_programme"
        ) from None


def resolve(
    conn: Connection, presidio: str | None, override: str | Programme | None = None
) -> ProgrammeInfo:
    """The programme for a report of ``presidio`` (None: consolidated, general settings):
    ``override`` if given, else head office's setting, else :data:`DEFAULT_PROGRAMME`.

    A name set by head office is kept only for the programme it was set for: overriding
    the programme for one report prints that programme's own default name.
    """
    stored = read_setting(conn, SettingKey.ESF_PROGRAMME, presidio)
    chosen = stored if override is None else str(override)
    code = parse_programme(chosen) if chosen else DEFAULT_PROGRAMME
    same = override is None or stored == code.value
    name = read_setting(conn, SettingKey.ESF_PROGRAMME_NAME, presidio) if same else None
    cup = read_setting(conn, SettingKey.ESF_CUP, presidio) if same else None
    region = read_setting(conn, SettingKey.ESF_REGION, presidio) or DEFAULT_REGION
    return ProgrammeInfo(code, name or DEFAULT_NAMES[code], cup, region)
