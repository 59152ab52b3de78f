"""Reference rows every store starts with: offices, topic categories, public services and
head office's default settings.

They get stable ids from their codes and a fixed clock, and are written as *applied*
changes (not captured), so two stores seeded apart hold identical rows and never push them:
head office owns reference data (SYNC.md §1, class D).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casa_desk.models.esf import DEFAULT_PROGRAMME
from casa_desk.models.ids import stable_id
from casa_desk.models.vocab import DEFAULT_CATEGORIES, SettingKey
from casa_desk.store.tables import HEAD_OFFICE, SHARED_SCOPE

if TYPE_CHECKING:  # annotations only: the command line lists the offices without SQLite
    from casa_desk.store.journal import Journal

SEED_HLC = 1  # older than any real edit: head office's first change always wins
SEED_ORIGIN = "seed"
SEED_TIME = "2026-01-01T00:00:00.000Z"

#: The four offices. Addresses are the estates' own streets, indicative only.
PRESIDI: tuple[dict[str, Any], ...] = (
    {
        "code": "GRATOSOGLIO",
        "name": "Presidio C.A.S.A. Gratosoglio",
        "quartiere": "Gratosoglio",
        "municipio": 5,
        "address": "Via dei Missaglia, Milano",
    },
    {
        "code": "MOLISE-CALVAIRATE",
        "name": "Presidio C.A.S.A. Molise Calvairate",
        "quartiere": "Molise Calvairate",
        "municipio": 4,
        "address": "Viale Molise, Milano",
    },
    {
        "code": "MAZZINI",
        "name": "Presidio C.A.S.A. Mazzini",
        "quartiere": "Mazzini (Corvetto)",
        "municipio": 4,
        "address": "Via Mompiani, Milano",
    },
    {
        "code": "SAN-SIRO",
        "name": "Presidio C.A.S.A. San Siro",
        "quartiere": "San Siro",
        "municipio": 7,
        "address": "Piazzale Selinunte, Milano",
    },
)
PRESIDIO_CODES = tuple(p["code"] for p in PRESIDI)

_CATEGORY_EN = {
    "manutenzione": "Maintenance and faults",
    "amministrativo": "Paperwork and tenancy",
    "morosita": "Rent arrears",
    "mobilita": "Housing transfer",
    "sociale": "Social need",
    "salute": "Health",
    "violenza_domestica": "Domestic violence",
    "conflitti_vicinato": "Neighbour conflict",
    "occupazioni_abusive": "Illegal occupation",
    "altro": "Other",
}

#: Public entries that are certain (DESIGN.md §3). Offices add the local ones.
SERVICES: tuple[dict[str, Any], ...] = (
    {
        "code": "1522",
        "name": "1522 – Numero antiviolenza e stalking",
        "kind": "antiviolenza",
        "organisation": "Presidenza del Consiglio dei Ministri – "
        "Dipartimento per le Pari Opportunità",
        "phone": "1522",
        "email": "",
        "address": "",
        "hours": "Gratuito, 24 ore su 24, tutti i giorni",
        "notes": "Risponde anche in più lingue; chat su 1522.eu.",
    },
    {
        "code": "112",
        "name": "112 – Numero unico di emergenza",
        "kind": "altro",
        "organisation": "Numero unico europeo di emergenza",
        "phone": "112",
        "email": "",
        "address": "",
        "hours": "Gratuito, 24 ore su 24",
        "notes": "Solo per emergenze.",
    },
    {
        "code": "asst-fbf-sacco",
        "name": "ASST Fatebenefratelli Sacco",
        "kind": "salute",
        "organisation": "ASST Fatebenefratelli Sacco",
        "phone": "",
        "email": "",
        "address": "Ospedale Luigi Sacco, Via G.B. Grassi 74, Milano; "
        "Ospedale Fatebenefratelli, Piazza Principessa Clotilde 3, Milano",
        "hours": "",
        "notes": "Servizi sanitari e sociosanitari del territorio.",
    },
    {
        "code": "comune-servizi-sociali",
        "name": "Servizi sociali del Comune di Milano",
        "kind": "servizi_sociali",
        "organisation": "Comune di Milano",
        "phone": "020202",
        "email": "",
        "address": "",
        "hours": "",
        "notes": "Servizio sociale professionale territoriale; 020202 è il contact center.",
    },
)


def setting_id(key: str, office: str | None) -> str:
    """The row id of a setting, from its key and office: every desk that writes the same
    setting writes the same row (one per-field merge, not two rows)."""
    return stable_id("settings", f"{key}@{office or '*'}")


#: Settings every store starts with (head office's first edit wins over them).
SETTINGS: tuple[dict[str, Any], ...] = (
    {
        "id": setting_id(SettingKey.ESF_PROGRAMME, None),
        "key": SettingKey.ESF_PROGRAMME.value,
        "office": None,
        "value": DEFAULT_PROGRAMME.value,
    },
)


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """Every seeded row by table, with stable ids (independent of any store)."""
    presidi = [{**p, "id": stable_id("presidi", p["code"]), "active": 1} for p in PRESIDI]
    categories = [
        {
            "id": stable_id("categories", code),
            "code": code,
            "label": label,
            "label_en": _CATEGORY_EN[code],
            "sensitive": int(sensitive),
            "active": 1,
            "sort": i,
        }
        for i, (code, (label, sensitive)) in enumerate(DEFAULT_CATEGORIES.items())
    ]
    services = [{**s, "id": stable_id("services", s["code"]), "active": 1} for s in SERVICES]
    settings = [dict(s) for s in SETTINGS]
    return {
        "presidi": presidi,
        "categories": categories,
        "services": services,
        "settings": settings,
    }


def seed(journal: Journal) -> None:
    """Write the reference rows as applied changes; rows already present are left alone."""
    for table, rows in reference_rows().items():
        seed_rows(journal, table, rows)


def seed_rows(journal: Journal, table: str, rows: list[dict[str, Any]]) -> None:
    """Write head-office reference rows as if received from the hub (not captured): every
    store and the hub hold them identically, so they are never pushed."""
    for values in rows:
        if journal.db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [values["id"]]).fetchone():
            continue
        row = {
            **values,
            "presidio": HEAD_OFFICE,
            "scope": SHARED_SCOPE,
            "created_at": SEED_TIME,
            "updated_at": SEED_TIME,
            "deleted": 0,
            "hlc": SEED_HLC,
            "origin": SEED_ORIGIN,
            "field_clocks": '{"*":[1,"seed"]}',
        }
        journal.record_applied(
            f"seed:{table}:{values['id']}", table, values["id"], SEED_HLC, SEED_ORIGIN
        )
        journal.write_applied(table, row, exists=False)
