"""Opening a riservato person's card without permission: a typed reason first (break-glass).

DHIS2's "breaking the glass": a user without permission to see sensitive content meets a
riservato person masked in every list ("Persona riservata"). To open the card they write why
(at least 10 characters); :meth:`Session.break_glass` writes the reason to the audit log
before anything is shown, and the card then opens for that person for three hours or until
logout (coordinators see the event counted on their status bar). Sensitive entries stay
hidden even then.

:func:`open_card_access` is the one gate every way of opening a card passes (search, agenda,
referrals, household, F2, Ctrl+N on a highlighted result): it asks for the reason when
needed and records the card view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casa_desk.errors import CasaError
from casa_desk.security.access import MIN_REASON_LENGTH, Session
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.plain_text import plain_label


class BreakGlassDialog(QDialog):
    """Asks why the card of a riservato person is opened; ``accept`` records the reason."""

    def __init__(self, session: Session, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("breakGlassDialog")
        self.session = session
        self.person_id = person_id
        self.setWindowTitle(self.tr("Persona riservata"))
        intro = plain_label(
            self.tr(
                "Questa persona è riservata: la sua scheda si apre solo indicando il motivo "
                "dell'accesso. Il motivo viene registrato con il proprio nome e lo vedono i "
                "coordinatori. L'accesso dura tre ore o fino all'uscita; i contenuti "
                "riservati restano nascosti."
            )
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit(objectName="breakGlassReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("Motivo dell'accesso (almeno %1 caratteri)").replace(
                "%1", str(MIN_REASON_LENGTH)
            )
        )
        self.reason.setFixedHeight(90)
        self.message = plain_label(objectName="breakGlassMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.open_button.setText(self.tr("Apri la scheda"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annulla"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.reason.setFocus()

    def accept(self) -> None:
        """Record the reason (the security layer checks its length); one line if refused."""
        try:
            self.session.break_glass(self.person_id, self.reason.toPlainText())
        except CasaError as exc:
            self.message.setText(worded_error(exc))
            self.reason.setFocus()
            return
        super().accept()


def break_glass_first(session: Session | None, person_id: str, parent: QWidget | None) -> bool:
    """A riservato person's data may leave the window (a referral letter names her) only
    after the reason the card asks for; True when there is no need or it was given."""
    if session is None or not session.needs_break_glass(person_id):
        return True
    return BreakGlassDialog(session, person_id, parent).exec() == QDialog.DialogCode.Accepted


def open_card_access(session: Session | None, person_id: str, parent: QWidget | None) -> bool:
    """May ``person_id``'s card be shown now? Asks for a break-glass reason when the person
    is riservato for this user, then records the view (``viewed``). False when the user
    cancels (nothing recorded, nothing shown)."""
    if session is None:  # a page tested alone, without a login
        return True
    if session.needs_break_glass(person_id):
        dialog = BreakGlassDialog(session, person_id, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    session.view_card(person_id)
    return True
