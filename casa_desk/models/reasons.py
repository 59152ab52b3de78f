"""Reasons written to the audit log never say who the person is.

A break-glass reason (:meth:`casa_desk.security.access.Session.break_glass`) is free text kept
in the audit log and exported with it. The row already names the person by id; written
out by name ("aperta scheda di Maria Rossi per …") the reason hands the identity of a
riservato person — the one the masking exists to hide — to whoever reads the log or its CSV.
:func:`check_reason` refuses a reason that holds the person's surname, first name, codice
fiscale, phone, unit code or e-mail, or a codice fiscale of anyone, or nothing but a phone
number; :func:`mask_reason` hides the same in a reason already recorded (the log itself is
never rewritten).

How things are compared, and why:

* names by whole words, accents, case and apostrophes aside (``Nicolò`` is ``nicolo``,
  ``Łukasz`` is ``lukasz``, ``D'Amico`` is ``damico`` and so is ``d amico``; ``l'Anna``
  counts as ``anna``); ``Rossi`` is not ``Rossini``, but ``RossiBianchi`` is
  ``Rossi-Bianchi``;
* name words under three letters count only as part of the name (``Li``, ``Wu``, ``De``:
  alone they are syllables of any sentence), and so do particles and everyday words that
  are also names (``della``, ``Casa``, ``Via``, ``Rosa``, ``Sole``, ``Serena``,
  ``Bianco``, ``Santa``, ``marzo``): alone they would refuse honest reasons, and an
  operator who cannot see the masked name could not tell which word to leave out. Two or
  more of the name's words in a row still refuse (``Della Valle``, ``Serena Marino``);
* a codice fiscale in any case and with spaces inside; any codice fiscale at all, not only
  the person's (a relative's identifies her just as well);
* the person's phone by its digits, whatever the separators or the ``+39``; a number of
  anyone only when it is the whole reason (elsewhere a run of digits may be a file number
  or a date);
* the unit code and the e-mail as written, case aside.

Example::

    check_reason("visita domiciliare concordata con i servizi", identity)   # fine
    check_reason("aperta scheda di Maria Rossi", identity)  # ValidationError, reason_names_person
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.codice_fiscale import MONTH_LETTERS, OMOCODIA_LETTERS
from casa_desk.models.phone import phone_search_digits

FIELD = "reason"
CODE = "reason_names_person"
_MESSAGE = (
    "Il motivo non deve contenere nome, codice fiscale, telefono, e-mail o codice alloggio "
    "della persona: descrivi il motivo, non chi è."
)
#: What stands in a shown or exported reason for the words that named the person.
MASK = "[omesso]"
#: Name words shorter than this count only as part of the whole name.
MIN_NAME_WORD = 3
#: Particles of names and everyday words of a reason that are also surnames: alone they
#: never refuse a reason (the whole name still does). The languages and origins among them
#: are what a reason about an interpreter or a service says ("parla solo russo").
_NOT_ALONE = frozenset(
    """
    del della dello dei degli delle dal dalla dallo dai dagli dalle van von der den los las
    les bin ibn casa via bene pace porta villa corte ponte monte fiore amico nuovo nuova
    rosa rose rosso rossa sole serena sereno marino marina mare bianco bianca nero nera
    verde franco franca santa santo santi san leone chiara chiaro speranza gioia fortuna
    felice vittoria stella luce luna aurora viola neve celeste grazia grazie fede primo
    prima angelo bruno bruna moro volpe lupo orso fabbro ferro sarto conte grande piccolo
    basso bello bella forte giusto valle riva rocca serra sala porto vita amato caro cara
    allegra natale pasqua gennaio febbraio marzo aprile maggio giugno luglio agosto
    settembre ottobre novembre dicembre lunedi martedi mercoledi giovedi venerdi sabato
    domenica russo russa greco greca romano romana tedesco tedesca turco turca arabo araba
    albanese francese inglese cinese polacco polacca rumeno rumena moldavo lombardo lombarda
    toscano toscana siciliano siciliana calabrese pugliese napoletano napoletana genovese
    milanese veneziano
    """.split()
)
#: Particles a name may be written glued to or apart from (``D'Amico``, ``d amico``,
#: ``De Luca``, ``deluca``): a reason's word after one of these is also read glued to it.
_PARTICLES = frozenset(
    "d l de di da del dal dei della dalla dello la lo le li mc mac van von".split()
)
#: Letters NFKD leaves whole, as they are typed on an Italian keyboard (``Łukasz``,
#: ``Yıldız``, ``Đorđević``, ``Søren``).
_PLAIN = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ħ": "h",
        "Ħ": "H",
        "þ": "th",
    }
)
_APOSTROPHES = "'’ʼ`´"
_WORD = re.compile(rf"[^\W\d_]+(?:[{_APOSTROPHES}][^\W\d_]+)*")
_ALNUM = re.compile(r"[^\W_]+")
_N = f"[0-9{OMOCODIA_LETTERS}]"
_CF = re.compile(f"[A-Z]{{6}}{_N}{{2}}[{MONTH_LETTERS}]{_N}{{2}}[A-Z]{_N}{{3}}[A-Z]")
_DIGIT_RUN = re.compile(r"\+?\d(?:[\s.\-/()]*\d)*")
_ONLY_A_NUMBER = re.compile(r"\+?[\d\s.\-/()]+")
#: A phone's digits shorter than this are not looked for (an old value typed badly).
_MIN_PHONE_DIGITS = 6
#: The fewest digits of a reason that is nothing but a number for it to be taken for a phone.
_MIN_NUMBER_DIGITS = 6


def fold(text: str) -> str:
    """Accents, case and apostrophes aside: ``"D'Amicò"`` → ``"damico"``."""
    decomposed = unicodedata.normalize("NFKD", text).translate(_PLAIN)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in bare if c not in _APOSTROPHES).casefold()


def _parts(word: str) -> set[str]:
    """What a word of the reason may stand for: itself folded, and each side of an
    apostrophe (``l'Anna`` → ``lanna``, ``l``, ``anna``)."""
    pieces = re.split(f"[{_APOSTROPHES}]", word)
    return {fold(word), *(fold(p) for p in pieces)}


@dataclass(frozen=True)
class Identity:
    """What would say who a person is: the values of her card (and of cards merged into
    it). Empty tuples for a person not found or anonymised."""

    names: tuple[str, ...] = ()  # surnames and first names, as written
    codici_fiscali: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    unit_codes: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()

    @classmethod
    def of_rows(cls, rows: Iterable[Mapping[str, Any]]) -> Identity:
        """From ``people`` rows (``last_name``, ``first_name``, ``codice_fiscale``,
        ``phone``, ``unit_code``, ``email``)."""
        rows = list(rows)

        def values(column: str) -> tuple[str, ...]:
            found = (str(r.get(column) or "").strip() for r in rows)
            return tuple(dict.fromkeys(v for v in found if v))

        names = tuple(
            dict.fromkeys(
                " ".join(p for p in (r.get("first_name"), r.get("last_name")) if p) for r in rows
            )
        )
        return cls(
            names=tuple(n for n in names if n.strip()),
            codici_fiscali=values("codice_fiscale"),
            phones=values("phone"),
            unit_codes=values("unit_code"),
            emails=values("email"),
        )


def _compact(text: str) -> str:
    return "".join(_ALNUM.findall(fold(text)))


def _name_spans(reason: str, identity: Identity) -> list[tuple[int, int]]:
    words = [(m.start(), m.end(), _parts(m.group())) for m in _WORD.finditer(reason)]
    # a particle written apart from its name ("d amico") read glued to the next word
    glued = [
        (words[i][0], words[i + 1][1], {a + b for a in words[i][2] for b in words[i + 1][2]})
        for i in range(len(words) - 1)
        if words[i][2] & _PARTICLES
    ]
    spans: list[tuple[int, int]] = []
    for name in identity.names:
        whole = [fold(w) for w in _WORD.findall(name)]
        # and the name's words written glued ("RossiBianchi", "deluca", "rossimario")
        pairs = zip(whole, whole[1:], strict=False)
        together = {a + b for x, y in pairs for a, b in ((x, y), (y, x))}
        alone = {w for w in whole if len(w) >= MIN_NAME_WORD and w not in _NOT_ALONE}
        alone |= {w for w in together if len(w) >= MIN_NAME_WORD and w not in _NOT_ALONE}
        spans += [(start, end) for start, end, parts in words + glued if parts & alone]
        # the whole name either way round, and any two or more of its words in a row
        # (a surname of everyday words alone: "Della Valle", "La Rosa")
        runs = [whole[i:j] for i in range(len(whole)) for j in range(i + 2, len(whole) + 1)]
        for phrase in [*runs, whole[::-1]] if len(whole) > 1 else ():
            for i in range(len(words) - len(phrase) + 1):
                if all(w in words[i + k][2] for k, w in enumerate(phrase)):
                    spans.append((words[i][0], words[i + len(phrase) - 1][1]))
    return spans


def _code_spans(reason: str, identity: Identity) -> list[tuple[int, int]]:
    """Any codice fiscale; the person's unit code and e-mail as written."""
    spans = [
        (m.start(), m.end()) for m in _ALNUM.finditer(reason) if _CF.fullmatch(m.group().upper())
    ]
    for value in (*identity.unit_codes, *identity.emails):
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(value), reason, re.I)]
    return spans


def _phone_spans(reason: str, identity: Identity) -> list[tuple[int, int]]:
    wanted = [phone_search_digits(p) for p in identity.phones]
    wanted = [d for d in wanted if len(d) >= _MIN_PHONE_DIGITS]
    spans = []
    for run in _DIGIT_RUN.finditer(reason):
        digits = "".join(c for c in run.group() if c.isdigit())
        if any(d in digits for d in wanted):
            spans.append((run.start(), run.end()))
    return spans


def _spans(reason: str, identity: Identity) -> list[tuple[int, int]]:
    return sorted(
        _name_spans(reason, identity)
        + _code_spans(reason, identity)
        + _phone_spans(reason, identity)
    )


def _hidden_codes(reason: str, identity: Identity) -> bool:
    """The person's codice fiscale or unit code written with spaces or dashes inside
    (``RSS MRA 80A01 …``): found in the reason's letters and digits run together."""
    compact = _compact(reason)
    codes = (*identity.codici_fiscali, *identity.unit_codes)
    return any(len(c) >= _MIN_PHONE_DIGITS and c in compact for c in map(_compact, codes))


def _only_a_number(reason: str) -> bool:
    text = reason.strip()
    digits = sum(c.isdigit() for c in text)
    return bool(_ONLY_A_NUMBER.fullmatch(text)) and digits >= _MIN_NUMBER_DIGITS


def names_the_person(reason: str, identity: Identity | None = None) -> bool:
    """True when ``reason`` says who someone is (see the module's docstring)."""
    identity = identity or Identity()
    return (
        bool(_spans(reason, identity)) or _hidden_codes(reason, identity) or _only_a_number(reason)
    )


def check_reason(reason: str, identity: Identity | None = None) -> str:
    """``reason`` unchanged, or a :class:`~casa_desk.errors.ValidationError` (field
    ``reason``, code ``reason_names_person``) when it names the person of ``identity``,
    holds any codice fiscale or is nothing but a phone number."""
    if names_the_person(reason, identity):
        raise ValidationError(_MESSAGE, field=FIELD, code=CODE)
    return reason


def mask_reason(reason: str, identity: Identity | None = None) -> str:
    """``reason`` with what names the person replaced by :data:`MASK` (the whole reason
    when that cannot be told word by word: a codice fiscale written with spaces inside).

    For reasons recorded before :func:`check_reason` existed: the log keeps what was
    written, the audit page and its CSV show this."""
    identity = identity or Identity()
    spans = _spans(reason, identity)
    if not spans:
        return MASK if _hidden_codes(reason, identity) or _only_a_number(reason) else reason
    merged: list[list[int]] = []
    for start, end in spans:  # sorted: overlapping or touching spans become one
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out += [reason[at:start], MASK]
        at = end
    out.append(reason[at:])
    text = "".join(out)
    return MASK if _hidden_codes(text, identity) else text
