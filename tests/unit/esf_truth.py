"""The ESF tables of a month, computed here with SQL written for the tests.

Independent of :mod:`casa_desk.reports.esf`: the counting rule is one SQL grouping key
(the codice fiscale hash, else the surviving person), ages are computed by SQLite's date
functions, and the bands, items and result rules are restated here from the regulations
(Reg. 1304/2013 Annex I; Reg. 2021/1057 Annex I). The result is ``{section: {item: n}}``
with every item of every ESF section, ``total`` included, before suppression.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

GENDERS = ("F", "M", "X", "NS")
EXIT_RESULTS = ("job_searching", "education", "qualification", "employed")

_GROUPS = """
WITH r AS (
    SELECT pa.*, coalesce(p.merged_into, pa.person_id) AS survivor,
           coalesce(pa.cf_hash, coalesce(p.merged_into, pa.person_id)) AS k
    FROM participants pa JOIN people p ON p.id = pa.person_id
    WHERE pa.deleted = 0 AND pa.entered_on <= :last {office}
),
g AS (
    SELECT k, min(entered_on) AS first_in,
           sum(exited_on IS NULL OR exited_on > :last) AS still_in,
           max(exited_on) AS final_out
    FROM r GROUP BY k
)
SELECT g.first_in, g.still_in,
       (SELECT r1.id FROM r r1 WHERE r1.k = g.k ORDER BY r1.entered_on, r1.id LIMIT 1) AS entry_id,
       (SELECT r2.id FROM r r2 WHERE r2.k = g.k AND g.still_in = 0 AND r2.exited_on = g.final_out
        ORDER BY r2.id DESC LIMIT 1) AS final_id
FROM g
"""


def participants(store: Any, presidio: str | None, last: str) -> list[dict[str, Any]]:
    """One dict per participant: the entry row's fields (with the survivor's gender and the
    age at the first entry) and ``final``: the final exit row, or None if still in."""
    office = "" if presidio is None else "AND pa.presidio = :office"
    groups = store.db.execute(
        _GROUPS.format(office=office), {"last": last, "office": presidio}
    ).fetchall()
    out = []
    for first_in, _still_in, entry_id, final_id in groups:
        entry = dict(
            store.query(
                "SELECT pa.*, coalesce(s.gender, 'NS') AS g, "
                # Year and month of birth only (the day is what retention erases).
                "CAST(substr(:first, 1, 4) AS INTEGER)"
                " - CAST(substr(s.birth_date, 1, 4) AS INTEGER)"
                " - (substr(:first, 6, 2) < substr(s.birth_date, 6, 2)) AS age "
                "FROM participants pa JOIN people p ON p.id = pa.person_id "
                "JOIN people s ON s.id = coalesce(p.merged_into, p.id) WHERE pa.id = :id",
                {"first": first_in, "id": entry_id},
            )[0]
        )
        entry["first_in"] = first_in
        entry["final"] = (
            store.query("SELECT * FROM participants WHERE id = ?", [final_id])[0]
            if final_id
            else None
        )
        out.append(entry)
    return out


def age_band(programme: str, age: int | None) -> str:
    if age is None or age < 0:  # no birth date, or one after the entry (a typing error)
        return "unknown"
    if programme == "2014-2020":
        return "lt25" if age < 25 else "25_54" if age < 55 else "gt54"
    return "lt18" if age < 18 else "18_29" if age < 30 else "30_54" if age < 55 else "55_plus"


def tables(store: Any, presidio: str | None, year: int, month: int, programme: str) -> dict:
    first = f"{year:04d}-{month:02d}-01"
    last = store.db.execute("SELECT date(?, '+1 month', '-1 day')", [first]).fetchone()[0]
    everyone = participants(store, presidio, last)

    def inside(day: str | None) -> bool:
        return day is not None and first <= day[:10] <= last

    out: dict[str, dict[str, int]] = {}
    entries = {"esf_new": [p for p in everyone if inside(p["first_in"])], "esf_total": everyone}
    indicators = (
        ("migrant_background", "disability", "homeless_or_housing_exclusion", "other_disadvantage")
        if programme == "2014-2020"
        else (
            "disability",
            "third_country_national",
            "foreign_background",
            "minority",
            "homeless_or_housing_exclusion",
        )
    )
    for prefix, who in entries.items():
        out[f"{prefix}_by_gender"] = _count(p["g"] for p in who)
        out[f"{prefix}_by_age"] = _count(age_band(programme, p["age"]) for p in who)
        out[f"{prefix}_by_employment"] = _count(_employment(programme, p) for p in who)
        out[f"{prefix}_by_isced"] = _count(p["education_isced"] or "unknown" for p in who)
        for column in indicators:
            out[f"{prefix}_{column}"] = _count(p[column] or "unknown" for p in who)
    left = [p for p in everyone if p["final"] is not None]
    exits = {
        "esf_exit_new": [p for p in left if inside(p["final"]["exited_on"])],
        "esf_exit_total": left,
    }
    for prefix, who in exits.items():
        out[f"{prefix}_by_gender"] = _count(p["g"] for p in who)
        recorded = [p for p in who if p["final"]["exit_results_on"]]
        known = [p for p in recorded if p["final"]["exit_results_known"] == 1]
        for result in EXIT_RESULTS:
            out[f"{prefix}_{result}"] = _count(
                p["g"] for p in known if p["final"][f"exit_{result}"]
            )
        out[f"{prefix}_no_result"] = _count(
            p["g"] for p in known if not any(p["final"][f"exit_{r}"] for r in EXIT_RESULTS)
        )
        out[f"{prefix}_unknown"] = _count(
            p["g"] for p in recorded if p["final"]["exit_results_known"] == 0
        )
        out[f"{prefix}_pending"] = _count(p["g"] for p in who if not p["final"]["exit_results_on"])
    followed = [p for p in left if p["final"]["followup_on"] and p["final"]["followup_on"] <= last]
    six = {
        "esf_6m_new": [p for p in followed if inside(p["final"]["followup_on"])],
        "esf_6m_total": followed,
    }
    for prefix, who in six.items():
        out[f"{prefix}_by_gender"] = _count(p["g"] for p in who)
        known = [p for p in who if p["final"]["followup_known"] == 1]
        out[f"{prefix}_employed"] = _count(p["g"] for p in known if p["final"]["followup_employed"])
        out[f"{prefix}_improved"] = _count(p["g"] for p in known if p["final"]["followup_improved"])
        out[f"{prefix}_unknown"] = _count(p["g"] for p in who if p["final"]["followup_known"] != 1)
    return out


def _employment(programme: str, row: dict[str, Any]) -> str:
    status = row["employment_status"] or "unknown"
    if programme == "2021-2027" and status == "inactive_not_in_education":
        return "inactive"
    return status


def _count(values: Any) -> dict[str, int]:
    counts = Counter(values)
    return {**counts, "total": sum(counts.values())}
