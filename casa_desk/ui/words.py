"""Words for codes the store keeps as codes: languages (ISO 639-1, as the registry writes
them: ``it, ar``) shown by name in the interface language, and the users' roles."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from casa_desk.models.vocab import Role

#: A user's role (the users page, the audit page's "user added").
ROLE_WORDS = {
    Role.OPERATOR.value: QT_TRANSLATE_NOOP("Vocab", "Operatore"),
    Role.COORDINATOR.value: QT_TRANSLATE_NOOP("Vocab", "Coordinatore"),
    Role.ADMINISTRATOR.value: QT_TRANSLATE_NOOP("Vocab", "Amministratore"),
}


def role_word(role: str) -> str:
    return QCoreApplication.translate("Vocab", ROLE_WORDS.get(role, role))


#: The languages heard at the desks, by ISO 639-1 code; others fall back to Qt's English name.
LANGUAGES: dict[str, str] = {
    "it": QT_TRANSLATE_NOOP("Languages", "italiano"),
    "en": QT_TRANSLATE_NOOP("Languages", "inglese"),
    "fr": QT_TRANSLATE_NOOP("Languages", "francese"),
    "es": QT_TRANSLATE_NOOP("Languages", "spagnolo"),
    "pt": QT_TRANSLATE_NOOP("Languages", "portoghese"),
    "de": QT_TRANSLATE_NOOP("Languages", "tedesco"),
    "ro": QT_TRANSLATE_NOOP("Languages", "rumeno"),
    "sq": QT_TRANSLATE_NOOP("Languages", "albanese"),
    "ar": QT_TRANSLATE_NOOP("Languages", "arabo"),
    "zh": QT_TRANSLATE_NOOP("Languages", "cinese"),
    "tl": QT_TRANSLATE_NOOP("Languages", "tagalog"),
    "bn": QT_TRANSLATE_NOOP("Languages", "bengalese"),
    "ur": QT_TRANSLATE_NOOP("Languages", "urdu"),
    "hi": QT_TRANSLATE_NOOP("Languages", "hindi"),
    "uk": QT_TRANSLATE_NOOP("Languages", "ucraino"),
    "ru": QT_TRANSLATE_NOOP("Languages", "russo"),
    "ti": QT_TRANSLATE_NOOP("Languages", "tigrino"),
    "am": QT_TRANSLATE_NOOP("Languages", "amarico"),
    "so": QT_TRANSLATE_NOOP("Languages", "somalo"),
    "wo": QT_TRANSLATE_NOOP("Languages", "wolof"),
    "si": QT_TRANSLATE_NOOP("Languages", "singalese"),
    "ta": QT_TRANSLATE_NOOP("Languages", "tamil"),
    "pa": QT_TRANSLATE_NOOP("Languages", "punjabi"),
    "tr": QT_TRANSLATE_NOOP("Languages", "turco"),
    "pl": QT_TRANSLATE_NOOP("Languages", "polacco"),
    "lis": QT_TRANSLATE_NOOP("Languages", "lingua dei segni italiana"),
}


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
    if not codes:
        return ""
    parts = [p for p in codes.replace(";", ",").split(",") if p.strip()]
    return ", ".join(language_name(p) for p in parts)
