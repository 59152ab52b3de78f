"""The languages heard at the desks, by ISO 639-1 code (``people.languages`` holds codes,
comma-separated: ``"ar,it"``), named in Italian.

Why one table here: the window shows these names translated (:mod:`casa_desk.ui.words`,
context "Languages"; tools/translations.py collects them for lupdate) and the person's own
file prints them in Italian (:mod:`casa_desk.reports.person_file`); a code never reaches a
reader.

>>> italian_names("ar, IT")
'arabo, italiano'
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    "it": "italiano",
    "en": "inglese",
    "fr": "francese",
    "es": "spagnolo",
    "pt": "portoghese",
    "de": "tedesco",
    "ro": "rumeno",
    "sq": "albanese",
    "ar": "arabo",
    "zh": "cinese",
    "tl": "tagalog",
    "bn": "bengalese",
    "ur": "urdu",
    "hi": "hindi",
    "uk": "ucraino",
    "ru": "russo",
    "ti": "tigrino",
    "am": "amarico",
    "so": "somalo",
    "wo": "wolof",
    "si": "singalese",
    "ta": "tamil",
    "pa": "punjabi",
    "tr": "turco",
    "pl": "polacco",
    "lis": "lingua dei segni italiana",
}


def codes_of(text: str | None) -> list[str]:
    """The codes (or typed names) of a ``languages`` value: ``"it, ar"`` → ``["it", "ar"]``."""
    if not text:
        return []
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def italian_names(text: str | None) -> str:
    """``"ar,it"`` → ``"arabo, italiano"``; a code not in :data:`NAMES`, or a name someone
    typed, as it is."""
    return ", ".join(NAMES.get(code.lower(), code) for code in codes_of(text))
