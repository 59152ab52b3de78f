"""Words for codes the store keeps as codes: languages (ISO 639-1, as the registry writes
them: ``it, ar``) shown by name in the interface language, and the users' roles."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from casa_desk.models.languages import NAMES, codes_of
from casa_desk.models.vocab import Role

#: A user's role (the users page, the audit page's "user added").
ROLE_WORDS = {
    Role.OPERATOR.value: QT_TRANSLATE_NOOP("Vocab", "Operatore"),
    Role.COORDINATOR.value: QT_TRANSLATE_NOOP("Vocab", "Coordinatore"),
    Role.ADMINISTRATOR.value: QT_TRANSLATE_NOOP("Vocab", "Amministratore"),
}


def role_word(role: str) -> str:
    return QCoreApplication.translate("Vocab", ROLE_WORDS.get(role, role))


#: The languages heard at the desks, by ISO 639-1 code, named in Italian (models.languages;
#: translated in the context "Languages", collected for lupdate by tools/translations.py);
#: others fall back to Qt's English name.
LANGUAGES = NAMES


def language_name(code: str) -> str:
    code = code.strip()
    source = LANGUAGES.get(code.lower())
    if source is not None:
        return QCoreApplication.translate("Languages", source)
    language = QLocale(code).language()
    if language in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code  # not a code: a name someone typed, shown as it is
    return QLocale.languageToString(language)


def language_names(codes: str | None) -> str:
    """``"it, ar"`` → ``"italiano, arabo"`` (in English: "Italian, Arabic")."""
    return ", ".join(language_name(p) for p in codes_of(codes))


def language_codes(text: str, *, before: str | None = None) -> str:
    """What the person form's "languages" field holds, back to the stored codes:
    ``"Italian, arabo"`` → ``"it,ar"``. A language of :data:`LANGUAGES` named in Italian or in
    the interface language, or given by its code, becomes its code; the name shown for one of
    ``before``'s codes (the stored value, e.g. ``"ja"`` shown as Qt's "Japanese") goes back to
    that code; anything else is kept as typed, as it always was."""
    codes: dict[str, str] = {}
    for code in codes_of(before):
        codes[language_name(code).casefold()] = code
    for code, source in LANGUAGES.items():
        for word in (code, source, QCoreApplication.translate("Languages", source)):
            codes[word.casefold()] = code
    return ",".join(codes.get(word.casefold(), word) for word in codes_of(text))
