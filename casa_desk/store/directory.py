"""The service directory, the topic categories and the offices (reference data)."""

from __future__ import annotations

from typing import Any

from casa_desk.errors import ValidationError
from casa_desk.models.vocab import ServiceKind
from casa_desk.store.db import Store
from casa_desk.store.tables import HEAD_OFFICE, SERVICES

_EDITABLE = [c for c in SERVICES.columns if c != "code"]


class Directory:
    def __init__(self, store: Store) -> None:
        self.store = store

    def services(self, text: str = "", *, active_only: bool = False) -> list[dict[str, Any]]:
        """Services whose name, organisation or kind contains ``text`` (case-insensitive)."""
        where, params = ["deleted = 0"], []
        if active_only:
            where.append("active = 1")
        if text.strip():
            like = f"%{text.strip()}%"
            where.append("(name LIKE ? OR organisation LIKE ? OR kind LIKE ? OR notes LIKE ?)")
            params += [like] * 4
        return self.store.query(
            f"SELECT * FROM services WHERE {' AND '.join(where)} ORDER BY active DESC, name", params
        )

    def service(self, service_id: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM services WHERE id = ?", [service_id])
        if not rows:
            raise ValidationError("Servizio non trovato.", code="not_found")
        return rows[0]

    def save_service(
        self, values: dict[str, Any], service_id: str | None = None, *, presidio: str = HEAD_OFFICE
    ) -> dict[str, Any]:
        """Create a service owned by ``presidio``, or change one (only the fields given).
        Head office owns the public entries, shared with every desk; an office owns the local
        ones it adds, which stay in its own directory (and head office's) unless head office
        shares them (:meth:`share_service`); the hub lets only the owner change them."""
        clean = {
            k: (v.strip() if isinstance(v, str) else v) for k, v in values.items() if k in _EDITABLE
        }
        if service_id is None or "name" in clean:
            if not clean.get("name"):
                raise ValidationError(
                    "Il nome del servizio è obbligatorio.", field="name", code="required"
                )
        if "kind" in clean and clean["kind"] not in {k.value for k in ServiceKind}:
            raise ValidationError("Tipo di servizio non valido.", field="kind", code="kind_invalid")
        with self.store.transaction() as journal:
            if service_id is None:
                clean.setdefault("kind", ServiceKind.OTHER.value)
                clean.setdefault("active", 1)
                return journal.insert("services", clean, presidio=presidio)
            journal.update("services", service_id, clean)
        return self.service(service_id)

    def share_service(self, service_id: str) -> dict[str, Any]:
        """Head office puts an office's own entry in the shared directory: a copy owned by
        head office, seen by every desk (the office's referrals keep pointing at its own
        entry). An office's entries otherwise stay in its own directory; the hub refuses
        this to anyone but head office."""
        source = self.service(service_id)
        values = {c: source[c] for c in _EDITABLE if source.get(c) is not None}
        with self.store.transaction() as journal:
            return journal.insert("services", values, presidio=HEAD_OFFICE)

    def set_active(self, service_id: str, active: bool) -> None:
        with self.store.transaction() as journal:
            journal.update("services", service_id, {"active": int(active)})

    def categories(self) -> list[dict[str, Any]]:
        return self.store.query(
            "SELECT * FROM categories WHERE deleted = 0 AND active = 1 ORDER BY sort"
        )

    def presidi(self) -> list[dict[str, Any]]:
        return self.store.query("SELECT * FROM presidi WHERE deleted = 0 ORDER BY name")

    def set_office_contacts(self, code: str, *, phone: str, email: str) -> dict[str, Any] | None:
        """Head office sets an office's phone and e-mail (the letter prints them); the phone
        is stored in its one form (E.164), a wrong one or a wrong e-mail is refused.

        Who may: :func:`casa_desk.security.settings.set_office_contacts` checks the role and
        audits it; the window and any command call that, not this."""
        from casa_desk.models.people import clean_person

        office = self.presidio(code)
        clean = clean_person({"phone": phone, "email": email}, partial=True)
        with self.store.transaction() as journal:
            return journal.update(
                "presidi", office["id"], {"phone": clean.get("phone"), "email": clean.get("email")}
            )

    def presidio(self, code: str) -> dict[str, Any]:
        rows = self.store.query("SELECT * FROM presidi WHERE code = ?", [code])
        if not rows:
            raise ValidationError(f"Presidio sconosciuto: {code}.", code="unknown_presidio")
        return rows[0]
