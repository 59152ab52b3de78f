"""Save a screenshot of every page of the window into docs/screenshots/ (QWidget.grab()).

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py [--out docs/screenshots]
                                                             [--size 1366x768]

Builds a small demo store (casa_desk.demo.builder.build_demo: synthetic people, contacts,
referrals) in a temporary folder — settings included, so nothing real is read or written —
opens the real window on it and grabs: the search with results, a person's card (with a
confidential entry hidden), the registration form showing an inline error, the duplicates
question, the quick-exit page, the first-run dialog, an error message, each embedded page
(referrals, agenda, services, report, sync) and the contact and referral dialogs; the login
screen, the lock screen, the Users page, the audit page, the break-glass dialog and the search
of a user without permission to see sensitive content; plus the search page in English. File
names start with ``window-``.

``--size`` is the desk's screen: under the offscreen platform the script gives Qt a screen of
that size (its ``configfile`` option), so the window fits it exactly as on a desk PC —
1366×768 for the documentation, 1024×768 to check the smallest desk.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)
#: The demo operatore's password (synthetic store).
PW = "turno di prova sportello"


def _desk_screen(size: tuple[int, int], folder: Path) -> None:
    """Under the offscreen platform, a screen of ``size`` (Qt reads it when it starts)."""
    if not os.environ.get("QT_QPA_PLATFORM", "").startswith("offscreen"):
        return
    config = folder / "screen.json"
    screen = {"name": "desk", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _demo_session(folder: Path):  # type: ignore[no-untyped-def]
    """A demo store and its administrator's session (demo/demo, who may see sensitive
    content, so that the card shows what it can reveal)."""
    from casa_desk.demo.builder import DemoOptions, build_demo
    from casa_desk.security.access import unlock
    from casa_desk.security.accounts import add_user, change_user

    path = folder / "demo.sqlite"
    build_demo(path, DemoOptions(people=400, contacts=4000, seed=3))
    admin = unlock(path, "demo", "demo")
    change_user(admin, "demo", may_see_sensitive=True)
    # an operatore without permission, who once opened a riservato card with a reason
    add_user(admin, "op.turno", full_name="Operatore di turno", role="operatore", password=PW)
    riservato = admin.store.db.execute("SELECT person_id FROM people_restricted LIMIT 1").fetchone()
    operator = admin.desk.login("op.turno", PW)
    operator.break_glass(riservato[0], "Telefonata dei servizi sociali per un appuntamento")
    admin.store.close()
    return unlock(path, "demo", "demo")  # logged in again: the session carries the change


class _Shots:
    """Grabs widgets into ``out`` as ``window-NAME.png`` and remembers what it saved."""

    def __init__(self, app: Any, out: Path) -> None:
        self.app, self.out = app, out
        self.saved: list[str] = []

    def __call__(self, name: str, widget: Any) -> None:
        for _ in range(3):  # let layouts and deferred paints settle
            self.app.processEvents()
        path = self.out / f"window-{name}.png"
        widget.grab().save(str(path))
        self.saved.append(path.name)

    def dialog(self, name: str, make: Callable[[], Any]) -> None:
        dialog = make()
        dialog.show()
        self(name, dialog)
        dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="screen, e.g. 1024x768")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.lower().split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix="casa_shots_"))
    os.environ["CASA_DESK_HOME"] = str(temp / "home")
    _desk_screen(size, temp)  # type: ignore[arg-type]

    from PySide6.QtWidgets import QApplication

    from casa_desk.app import build_window, install_translator
    from casa_desk.ui.tasks import SyncRunner

    app = QApplication(sys.argv[:1])
    italian = install_translator(app, "it")
    session = _demo_session(temp)
    store = session.store
    shot = _Shots(app, out)

    window = build_window(session, runner=SyncRunner())
    window.show()  # as big as the desk's screen allows (casa_desk.ui.screen_fit)
    shot("start", window)
    surname = store.db.execute(
        "SELECT last_name FROM people GROUP BY last_name ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    person_id = _daily_loop(shot, window, store, surname, temp)
    _desk_keys(shot, window, surname)
    _who_is_at_the_desk(shot, window, session)

    window.close()
    for translator in italian:
        app.removeTranslator(translator)
    translators = install_translator(app, "en")
    _english(shot, build_window(session, runner=SyncRunner()), surname, person_id)
    for translator in translators:
        app.removeTranslator(translator)
    store.close()
    print(f"{len(shot.saved)} screenshots in {out}: {', '.join(shot.saved)}")
    return 0


def _daily_loop(shot: _Shots, window: Any, store: Any, surname: str, temp: Path) -> str:
    """Search, card, registration, duplicates, merge, consent, contact, referral, every
    page; returns the id of the person whose card was shown."""
    from PySide6.QtTest import QTest

    from casa_desk.ui.consent_dialog import ConsentDialog
    from casa_desk.ui.duplicates import MergeDialog
    from casa_desk.ui.error_dialog import error_box
    from casa_desk.ui.first_run import FirstRunDialog
    from casa_desk.ui.person_form import DuplicatesDialog, PersonForm

    # Search: type the first letters of a frequent surname.
    QTest.keyClicks(window.search.field, surname[:4].lower())
    shot("search", window)

    # Card: the person with the most history, preferring one with a confidential entry.
    row = store.db.execute(
        "SELECT person_id FROM contacts WHERE person_id IS NOT NULL GROUP BY person_id"
        " ORDER BY max(sensitive) DESC, count(*) DESC LIMIT 1"
    ).fetchone()
    window.open_person(row[0])
    model = window.card.history_model
    hidden = next((r for r in range(model.rowCount()) if model.is_hidden(model.entry(r))), 0)
    window.card.history_view.setCurrentIndex(model.index(hidden, 0))
    shot("card", window)

    # Registration with a wrong codice fiscale, then the duplicates question.
    form = PersonForm(window.context, prefill="Rossetti Anna", parent=window)
    form.show()
    QTest.keyClicks(form.edits["codice_fiscale"], "RSSNNA80A41F205X")
    QTest.keyClicks(form.edits["phone"], "12345")
    shot("register", form)
    form.close()
    person = store.query(
        "SELECT * FROM people WHERE deleted = 0 AND birth_date IS NOT NULL"
        " AND phone IS NOT NULL LIMIT 1"
    )[0]
    typed = {k: person[k] for k in ("last_name", "first_name", "birth_date", "phone")}
    found = window.card.people.possible_duplicates(typed)
    shot.dialog("duplicates", lambda: DuplicatesDialog(found, window))
    shot.dialog("first-run", lambda: FirstRunDialog(temp / "new.sqlite"))
    shot.dialog(
        "error",
        lambda: error_box(
            window, "Impossibile salvare: l'archivio è in sola lettura.", "dettagli tecnici"
        ),
    )

    # The merge dialog (two records of one person, field by field) and the consent form.
    pair = store.query(
        "SELECT a.id AS a, b.id AS b FROM people a JOIN people b ON a.phone = b.phone"
        " AND a.id < b.id AND a.last_name != b.last_name LIMIT 1"
    ) or store.query(
        "SELECT a.id AS a, b.id AS b FROM people a, people b WHERE a.id < b.id LIMIT 1"
    )
    people = window.card.people
    shot.dialog(
        "merge",
        lambda: MergeDialog(people.get(pair[0]["a"]), people.get(pair[0]["b"]), window),
    )
    shot.dialog("consent", lambda: ConsentDialog(window.context, row[0], None, window))

    # Dialogs of the daily loop.
    contact = window.new_contact(row[0])
    if contact is not None:
        shot("contact", contact)
        contact.close()
    referral = window.new_referral(row[0])
    if referral is not None:
        shot("referral", referral)
        referral.close()

    # Every embedded page.
    for key, page in window.pages.items():
        window.tabs.setCurrentWidget(page)
        shot(f"page-{key}", window)
    window.show_search()
    return str(row[0])


def _desk_keys(shot: _Shots, window: Any, surname: str) -> None:
    """Quick exit, and the lock screen (F12's way back, the idle lock)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    QTest.keyClicks(window.search.field, surname[:4].lower())
    QTest.keyClick(window.search.field, Qt.Key.Key_F12)
    shot("quick-exit", window)
    window.resume(confirm=False)
    window.lock()
    shot("lock", window)
    QTest.keyClicks(window.lock_screen.form.password, "demo")
    QTest.keyClick(window.lock_screen.form.password, Qt.Key.Key_Return)


def _who_is_at_the_desk(shot: _Shots, window: Any, session: Any) -> None:
    """Login, users, the audit page, break-glass, and a search without permission."""
    from PySide6.QtTest import QTest

    from casa_desk.app import build_window
    from casa_desk.security.access import unlock
    from casa_desk.ui.break_glass import BreakGlassDialog
    from casa_desk.ui.login import LoginDialog
    from casa_desk.ui.settings import UiSettings
    from casa_desk.ui.tasks import SyncRunner

    store = session.store
    settings = UiSettings()
    settings.set_last_username("demo")
    shot.dialog("login", lambda: LoginDialog(store.path, settings))
    users = window.open_users()
    shot("users", users)
    users.close()
    audit_page = window.open_audit()
    shot("audit", audit_page)
    audit_page.close()
    riservato = store.db.execute("SELECT person_id FROM people_restricted LIMIT 1").fetchone()[0]

    def break_glass() -> Any:
        dialog = BreakGlassDialog(session, riservato, window)
        dialog.reason.setPlainText("Richiesta urgente del servizio sociale")
        return dialog

    shot.dialog("break-glass", break_glass)
    masked = unlock(store.path, "op.turno", PW)
    turno = build_window(masked, runner=SyncRunner())
    turno.show()
    name = store.db.execute("SELECT last_name FROM people WHERE id = ?", [riservato]).fetchone()
    QTest.keyClicks(turno.search.field, name[0].lower())
    shot("search-masked", turno)
    turno.close()
    masked.logout()


def _english(shot: _Shots, english: Any, surname: str, person_id: str) -> None:
    """The search, the card, every page and the registration form in English."""
    from PySide6.QtTest import QTest

    from casa_desk.ui.person_form import PersonForm

    english.show()
    QTest.keyClicks(english.search.field, surname[:4].lower())
    shot("search-en", english)
    english.open_person(person_id)
    shot("card-en", english)
    for key in english.pages:
        english.tabs.setCurrentWidget(english.pages[key])
        shot(f"page-{key}-en", english)
    english.show_search()
    form = PersonForm(english.context, prefill="Rossetti Anna", parent=english)
    form.show()
    QTest.keyClicks(form.edits["codice_fiscale"], "RSSNNA80A41F205X")
    shot("register-en", form)
    form.close()
    english.close()


if __name__ == "__main__":
    raise SystemExit(main())
