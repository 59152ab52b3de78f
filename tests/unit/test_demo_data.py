"""Structural invariants of the synthetic demo data (casa_desk.demo.data)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from casa_desk.demo import data

CATEGORIES = (
    "manutenzione",
    "amministrativo",
    "morosita",
    "mobilita",
    "sociale",
    "salute",
    "violenza_domestica",
    "conflitti_vicinato",
    "occupazioni_abusive",
    "altro",
)
CHANNELS = ("sportello", "telefono", "email", "visita_domiciliare", "evento")
SERVICE_KINDS = ("salute", "antiviolenza", "servizi_sociali", "legale", "lavoro", "casa", "altro")
BELFIORE = re.compile(r"^[A-Z]\d{3}$")
NAME_LISTS = ("male_first", "female_first", "surnames")


def _strings(value: object) -> Iterator[str]:
    """Every string inside nested dicts, tuples, lists (keys included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def _assert_unique(items: tuple[str, ...], what: str) -> None:
    duplicates = sorted({item for item in items if items.count(item) > 1})
    assert not duplicates, f"duplicates in {what}: {duplicates}"


# --- the module itself ---------------------------------------------------------------------


def test_module_is_pure_data() -> None:
    source = Path(data.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    assert ast.get_docstring(tree), "module docstring missing"
    assert "synthetic" in ast.get_docstring(tree).lower()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
            assert all(not name.startswith("casa_desk") for name in names), names
        elif isinstance(node, ast.ImportFrom):
            assert node.module in {"__future__", "typing"}, node.module
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in {"open", "print", "input"}, node.func.id


@pytest.mark.parametrize(
    "name",
    [
        "PRESIDI",
        "ORIGINS",
        "EMAIL_DOMAINS",
        "CONTACT_SUMMARIES",
        "CONTACT_NOTES",
        "FOLLOW_UP_ACTIONS",
        "MONTHLY_CATEGORY_WEIGHTS",
        "CHANNEL_WEIGHTS",
        "REFERRAL_REASONS",
        "STAIRS",
    ],
)
def test_every_string_is_non_empty_and_stripped(name: str) -> None:
    strings = list(_strings(getattr(data, name)))
    assert strings
    for text in strings:
        assert text, f"empty string in {name}"
        assert text == text.strip(), f"{text!r} in {name} is not stripped"
        assert "  " not in text, f"double space in {text!r} ({name})"


# --- presidi -------------------------------------------------------------------------------


def test_four_presidi_with_exact_codes() -> None:
    codes = [p["code"] for p in data.PRESIDI]
    assert sorted(codes) == ["GRATOSOGLIO", "MAZZINI", "MOLISE-CALVAIRATE", "SAN-SIRO"]
    _assert_unique(tuple(codes), "presidio codes")


@pytest.mark.parametrize("presidio", data.PRESIDI, ids=lambda p: p["code"])
def test_presidio_shape(presidio: dict) -> None:
    assert set(presidio) == {
        "code",
        "name",
        "quartiere",
        "municipio",
        "address",
        "streets",
        "unit_prefix",
    }
    assert presidio["name"].startswith("Presidio C.A.S.A. ")
    assert isinstance(presidio["municipio"], int) and 1 <= presidio["municipio"] <= 9
    assert isinstance(presidio["streets"], tuple)
    assert 8 <= len(presidio["streets"]) <= 14
    _assert_unique(presidio["streets"], f"streets of {presidio['code']}")
    # the office sits on one of the estate's own streets, with a civic number
    street = presidio["address"].split(",")[0]
    assert re.search(r"\s\d+[A-Z]?$", street), presidio["address"]
    assert street.rsplit(" ", 1)[0] in presidio["streets"]
    assert re.fullmatch(r"[A-Z]{2,3}", presidio["unit_prefix"])


def test_unit_prefixes_distinct() -> None:
    _assert_unique(tuple(p["unit_prefix"] for p in data.PRESIDI), "unit prefixes")


# --- origins and names ---------------------------------------------------------------------


def test_origins_keys_and_weights() -> None:
    keys = tuple(o["key"] for o in data.ORIGINS)
    _assert_unique(keys, "origin keys")
    assert "italia" in keys
    for origin in data.ORIGINS:
        assert origin["weight"] > 0, origin["key"]
    total = sum(o["weight"] for o in data.ORIGINS)
    italia = next(o for o in data.ORIGINS if o["key"] == "italia")
    assert 0.45 <= italia["weight"] / total <= 0.65
    # Italians are the largest group, every other group is smaller
    assert all(o["weight"] < italia["weight"] for o in data.ORIGINS if o is not italia)


@pytest.mark.parametrize("origin", data.ORIGINS, ids=lambda o: o["key"])
def test_origin_names(origin: dict) -> None:
    low, high = (30, 60) if origin["key"] == "italia" else (15, 30)
    for list_name in NAME_LISTS:
        names = origin[list_name]
        assert isinstance(names, tuple), (origin["key"], list_name)
        assert low <= len(names) <= high, (origin["key"], list_name, len(names))
        _assert_unique(names, f"{origin['key']}.{list_name}")
        for name in names:
            assert name[0].isupper(), name


@pytest.mark.parametrize("origin", data.ORIGINS, ids=lambda o: o["key"])
def test_origin_place_codes(origin: dict) -> None:
    codes = origin["place_codes"]
    assert codes
    _assert_unique(codes, f"{origin['key']}.place_codes")
    for code in codes:
        assert BELFIORE.match(code), code
        # Z-codes are foreign states: only foreign origins use them, and only them
        assert code.startswith("Z") == (origin["key"] != "italia"), (origin["key"], code)
    weights = origin["place_weights"]
    assert len(weights) == len(codes)
    assert all(w > 0 for w in weights)


def test_italian_birthplaces_weighted_toward_milan() -> None:
    italia = next(o for o in data.ORIGINS if o["key"] == "italia")
    weights = dict(zip(italia["place_codes"], italia["place_weights"], strict=True))
    assert weights["F205"] == max(weights.values())
    for southern in ("F839", "G273", "A662", "C351", "D643", "H224", "D086"):
        assert southern in weights


def test_foreign_origins_have_distinct_countries() -> None:
    foreign = [o["place_codes"] for o in data.ORIGINS if o["key"] != "italia"]
    flat = tuple(code for codes in foreign for code in codes)
    _assert_unique(flat, "foreign state codes")


@pytest.mark.parametrize("origin", data.ORIGINS, ids=lambda o: o["key"])
def test_origin_languages(origin: dict) -> None:
    languages = origin["languages"]
    assert languages and languages[-1] == "it"
    _assert_unique(languages, f"{origin['key']}.languages")
    assert all(re.fullmatch(r"[a-z]{2}", code) for code in languages)


def test_romanian_uses_comma_below_not_cedilla() -> None:
    romania = next(o for o in data.ORIGINS if o["key"] == "romania")
    text = "".join(name for list_name in NAME_LISTS for name in romania[list_name])
    assert not set(text) & {"\u015e", "\u015f", "\u0162", "\u0163"}
    assert set(text) & {"\u0218", "\u0219", "\u021a", "\u021b"}


# --- flats and e-mail ----------------------------------------------------------------------


def test_flat_ranges() -> None:
    assert 0 in data.FLOORS and len(data.FLOORS) >= 5
    assert data.STAIRS == ("A", "B", "C", "D", "E", "F")
    assert min(data.INTERNAL_COUNT) == 4 and max(data.INTERNAL_COUNT) == 6


def test_email_domains() -> None:
    assert set(data.EMAIL_DOMAINS) == {
        "gmail.com",
        "libero.it",
        "hotmail.it",
        "yahoo.it",
        "outlook.it",
        "virgilio.it",
    }
    _assert_unique(data.EMAIL_DOMAINS, "email domains")


# --- contacts ------------------------------------------------------------------------------


def test_category_lists_match_design() -> None:
    assert data.CATEGORIES == CATEGORIES
    assert data.CHANNELS == CHANNELS
    assert data.SERVICE_KINDS == SERVICE_KINDS


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_has_texts_and_weights(category: str) -> None:
    summaries = data.CONTACT_SUMMARIES[category]
    assert 6 <= len(summaries) <= 12, (category, len(summaries))
    _assert_unique(summaries, f"summaries of {category}")
    notes = data.CONTACT_NOTES[category]
    assert 4 <= len(notes) <= 8, (category, len(notes))
    _assert_unique(notes, f"notes of {category}")
    for note in notes:
        assert note.endswith("."), note
    weights = data.MONTHLY_CATEGORY_WEIGHTS[category]
    assert len(weights) == 12
    assert all(w > 0 for w in weights)


def test_no_unknown_categories() -> None:
    for mapping in (data.CONTACT_SUMMARIES, data.CONTACT_NOTES, data.MONTHLY_CATEGORY_WEIGHTS):
        assert set(mapping) == set(CATEGORIES)


def test_monthly_shares_are_plausible() -> None:
    weights = data.MONTHLY_CATEGORY_WEIGHTS
    for month in range(12):
        total = sum(w[month] for w in weights.values())
        for category in ("salute", "violenza_domestica"):
            share = weights[category][month] / total
            assert 0.015 <= share <= 0.05, (category, month + 1, share)
    heating = weights["manutenzione"]
    winter = [heating[m] for m in (10, 11, 0, 1)]  # Nov, Dec, Jan, Feb
    summer = [heating[m] for m in (5, 6, 7)]  # Jun, Jul, Aug
    assert min(winter) > max(summer)


def test_follow_up_actions() -> None:
    assert len(data.FOLLOW_UP_ACTIONS) >= 5
    _assert_unique(data.FOLLOW_UP_ACTIONS, "follow-up actions")


def test_channel_weights() -> None:
    assert set(data.CHANNEL_WEIGHTS) == set(CHANNELS)
    assert all(w > 0 for w in data.CHANNEL_WEIGHTS.values())
    assert max(data.CHANNEL_WEIGHTS, key=data.CHANNEL_WEIGHTS.__getitem__) == "sportello"


def test_referral_reasons() -> None:
    assert set(data.REFERRAL_REASONS) == set(SERVICE_KINDS)
    for kind, reasons in data.REFERRAL_REASONS.items():
        assert reasons, kind
        _assert_unique(reasons, f"referral reasons for {kind}")


@pytest.mark.parametrize("texts", ["CONTACT_SUMMARIES", "REFERRAL_REASONS"])
def test_every_adult_age_has_a_fitting_text(texts: str) -> None:
    """``fitting`` falls back to every text when none fits: each list must hold one for
    any age the desk sees, or a seventy-year-old would be sent to look for a job."""
    for key, options in getattr(data, texts).items():
        for age in range(18, 106):
            fit = [t for t in options if data.AGED_TEXTS.get(t, (0, 200))[0] <= age]
            fit = [t for t in fit if age <= data.AGED_TEXTS.get(t, (0, 200))[1]]
            assert fit, (key, age)
    assert set(data.AGED_TEXTS) <= {
        t for table in (data.CONTACT_SUMMARIES, data.REFERRAL_REASONS) for v in table.values()
        for t in v
    }  # fmt: skip
