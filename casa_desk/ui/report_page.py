"""The Report page: pick a month and an office, add a comment, generate, preview, save, print.

Generation runs on the thread pool (``ui.tasks``) through :func:`casa_desk.reports.service.
generate` on the process's store (it only reads: the worker thread gets its own read-only
connection); the page only shows progress and the result.
The last report generated for each (office, month) is kept as a PDF in the data folder
(``reports/``) with a small JSON index, so coming back to a month shows it again without
recomputing. Nothing personal is in those files: the monthly report is aggregate only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casa_desk import outputs, paths
from casa_desk.errors import CasaError, OutputError
from casa_desk.models.timeutil import ROME, today_rome
from casa_desk.models.vocab import AuditAction
from casa_desk.reports import service
from casa_desk.reports.programme import ProgrammeInfo
from casa_desk.reports.programme import resolve as resolve_programme
from casa_desk.security.access import Session
from casa_desk.security.files import private_folder
from casa_desk.security.permissions import Action
from casa_desk.store.db import Store
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.file_dialogs import save_file_name, still_here
from casa_desk.ui.plain_text import plain_label
from casa_desk.ui.printing import checked_file, paint_document
from casa_desk.ui.saved_file import SavedFileBar
from casa_desk.ui.tasks import TaskRunner

ALL = "__all__"
MONTHS_SHOWN = 24
# A remembered report as the versions before aae6e15 named it: no store in the name (today
# ``rapporto_SCOPE_MONTH_TAG.pdf``), indexed as ``SCOPE|MONTH``, the index written through
# a fixed ``index.json.tmp``; and the temporary file of a write of one.
_UNTAGGED_PDF = re.compile(r"rapporto_.+_\d{4}-\d{2}\.pdf")
_UNTAGGED_TEMP = re.compile(r"\.(rapporto_.+_\d{4}-\d{2}\.pdf)\..+\.tmp")
_OLD_INDEX_TEMP = "index.json.tmp"


class ReportArchive:
    """The last generated report per (store, office, month): PDFs plus ``index.json``.

    The folder is the data folder's, which every store opened on this account shares (the
    demo store for training, the office's own): each store's reports are kept under a tag
    of its own (its resolved path's digest), so one store's page never shows another's.
    The index is a file like any other: whatever it holds that is not an index, or an entry
    that is not one, counts as nothing remembered.
    """

    def __init__(self, folder: Path | None = None, *, store: Path | None = None) -> None:
        self.folder = folder or paths.data_dir() / "reports"
        where = str(Path(store).resolve()) if store is not None else ""
        self.tag = hashlib.sha256(where.encode("utf-8", "surrogateescape")).hexdigest()[:12]

    def key(self, scope: str, month: str) -> str:
        return f"{self.tag}|{scope}|{month}"

    def pdf_path(self, scope: str, month: str) -> Path:
        return self.folder / f"rapporto_{scope}_{month}_{self.tag}.pdf"

    def _index(self) -> dict[str, Any]:
        try:
            index = json.loads((self.folder / "index.json").read_text("utf-8"))
        except (OSError, ValueError, RecursionError):
            return {}
        return index if isinstance(index, dict) else {}

    def get(self, scope: str, month: str) -> dict[str, Any] | None:
        entry = self._index().get(self.key(scope, month))
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("pdf"), str)
            and isinstance(entry.get("at"), str)
            and isinstance(entry.get("comment", ""), str)
        ):
            return None
        if Path(entry["pdf"]).is_file():
            return entry
        return None

    def remember(self, scope: str, month: str, entry: dict[str, Any]) -> None:
        index = self._index()
        index[self.key(scope, month)] = entry
        self._write_index(index)

    def _write_index(self, index: dict[str, Any]) -> None:
        outputs.write_bytes(
            self.folder / "index.json",
            json.dumps(index, ensure_ascii=False, indent=1).encode("utf-8"),
        )

    def tidy(self) -> None:
        """Remove what a version before the stores' tags left in the folder: its reports
        (index entry ``SCOPE|MONTH``, file ``rapporto_SCOPE_MONTH.pdf``), its fixed
        ``index.json.tmp`` and the temporary files of a killed write of one of its PDFs.

        Why removed, not adopted: nothing says which store made them (the demo store for
        training or the office's own: the very reason of the tags), so no page may show
        them; since the tags none has been shown, listed or replaced, and each is
        regenerated from its store in a click. A PDF of the old name that no old entry
        names is left: it may be one the user saved here ("Salva PDF…" suggests that
        name). Housekeeping only: what cannot go now stays for the next page, which opens
        all the same."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return  # no folder yet: nothing remembered, nothing left over
        index = self._index()
        old = {k for k in index if k.count("|") == 1}
        pdfs = {f"rapporto_{k.replace('|', '_')}.pdf" for k in old}
        pdfs &= {n for n in names if _UNTAGGED_PDF.fullmatch(n)}
        for name in pdfs | {m[1] for n in names if (m := _UNTAGGED_TEMP.fullmatch(n))}:
            outputs.sweep_abandoned(self.folder / name)  # a write killed midway
        for name in (*pdfs, _OLD_INDEX_TEMP):
            _remove_file(self.folder / name)
        if old:
            with contextlib.suppress(OSError, CasaError):
                self._write_index({k: v for k, v in index.items() if k not in old})


def _remove_file(path: Path) -> None:
    """Remove ``path`` when it is a file (a link: the link, never its target); leave a
    folder, a missing file or one the system will not let go (held on Windows)."""
    with contextlib.suppress(OSError):
        if not stat.S_ISDIR(path.lstat().st_mode):
            path.unlink()


def _describe(info: ProgrammeInfo) -> str:
    """Programme name and CUP as the report prints them (the report is in Italian)."""
    return f"{info.name} · {info.cup_text}"


def _programme_text(store: Store, presidio: str | None) -> str:
    try:
        return _describe(resolve_programme(store.db.conn, presidio))
    except CasaError as exc:  # a value this version does not know: say so (generating fails)
        return exc.message


class ReportPage(QWidget):
    """Standalone page; the main window embeds it."""

    generated = Signal(str)  # path of the new PDF
    failed = Signal(str)  # one-line message

    def __init__(
        self,
        store: Store,
        presidio: str,
        is_head_office: bool,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
        archive: ReportArchive | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session  # who exports: each report that leaves is on record
        self.store = store
        self.presidio = presidio
        self.is_head_office = is_head_office
        self.runner = runner or TaskRunner()
        self.archive = archive or ReportArchive(store=Path(store.path))
        self.archive.tidy()  # what an older version left in the folder
        self.current_pdf: Path | None = None
        self._busy = False
        self._build()
        self._load_offices()
        self.show_remembered()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.month_box = QComboBox(self)
        today = today_rome()
        year, month = today.year, today.month
        for _ in range(MONTHS_SHOWN):
            self.month_box.addItem("", f"{year:04d}-{month:02d}")
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        self.month_box.setCurrentIndex(1)  # the month just ended is the usual one
        self.office_box = QComboBox(self)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setFixedHeight(80)
        self.generate_button = QPushButton(self)
        self.generate_button.setDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 7)
        self.progress.setVisible(False)
        self.status = plain_label(self)
        self.status.setWordWrap(True)

        form = self._build_form()
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.progress, 1)

        self.toolbar = QToolBar(self)
        self.save_action = QAction(self)
        self.print_action = QAction(self)
        self.toolbar.addAction(self.save_action)
        self.toolbar.addAction(self.print_action)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.saved = SavedFileBar(self)
        layout.addWidget(self.saved)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)

        self.generate_button.clicked.connect(self.generate)
        self.save_action.triggered.connect(self.save_as)
        self.print_action.triggered.connect(self.print_report)
        self.month_box.currentIndexChanged.connect(self.show_remembered)
        self.office_box.currentIndexChanged.connect(self.show_remembered)
        self.office_box.currentIndexChanged.connect(self._show_programme)
        self._set_has_report(False)
        self.retranslate()

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.month_label = plain_label()
        self.office_label = plain_label()
        self.comment_label = plain_label()
        self.programme_label = plain_label()
        # Head office's choice (synced setting), as the report will print it.
        self.programme = plain_label(self, objectName="reportProgramme")
        self.programme.setWordWrap(True)
        self._programmes: dict[str, str] = {}
        form.addRow(self.month_label, self.month_box)
        form.addRow(self.office_label, self.office_box)
        form.addRow(self.programme_label, self.programme)
        form.addRow(self.comment_label, self.comment_edit)
        return form

    def retranslate(self) -> None:
        """(Re)apply every visible string (at build time and on a language change)."""
        months = [
            self.tr("gennaio"),
            self.tr("febbraio"),
            self.tr("marzo"),
            self.tr("aprile"),
            self.tr("maggio"),
            self.tr("giugno"),
            self.tr("luglio"),
            self.tr("agosto"),
            self.tr("settembre"),
            self.tr("ottobre"),
            self.tr("novembre"),
            self.tr("dicembre"),
        ]
        for index in range(self.month_box.count()):
            year, month = (int(p) for p in str(self.month_box.itemData(index)).split("-"))
            self.month_box.setItemText(index, f"{months[month - 1]} {year}")
        self.month_box.setAccessibleName(self.tr("Mese"))
        self.office_box.setAccessibleName(self.tr("Presidio"))
        all_index = self.office_box.findData(ALL)
        if all_index >= 0:
            self.office_box.setItemText(all_index, self.tr("Tutti i presidi"))
        self.month_label.setText(self.tr("Mese:"))
        self.programme_label.setText(self.tr("Programma:"))
        self.office_label.setText(self.tr("Presidio:"))
        self.comment_label.setText(self.tr("Commento:"))
        self.comment_edit.setPlaceholderText(
            self.tr("Commento del community manager (facoltativo): entra nel rapporto.")
        )
        self.generate_button.setText(self.tr("Genera rapporto"))
        self.save_action.setText(self.tr("Salva PDF…"))
        self.print_action.setText(self.tr("Stampa…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _load_offices(self) -> None:
        offices = service.office_codes(self.store)  # a quick read of the office list
        for scope in [ALL, *(code for code, _ in offices)]:
            office = None if scope == ALL else scope
            self._programmes[scope] = _programme_text(self.store, office)
        if self.is_head_office:
            self.office_box.addItem(self.tr("Tutti i presidi"), ALL)
            for code, name in offices:
                self.office_box.addItem(name, code)
        else:
            name = dict(offices).get(self.presidio, self.presidio)
            self.office_box.addItem(name, self.presidio)
            self.office_box.setEnabled(False)
        index = self.office_box.findData(self.presidio)
        self.office_box.setCurrentIndex(max(index, 0))
        self._show_programme()

    def _show_programme(self) -> None:
        self.programme.setText(self._programmes.get(self.selected_scope(), ""))

    # -- state ----------------------------------------------------------------------------
    def selected_month(self) -> str:
        return str(self.month_box.currentData())

    def select_month(self, month: str) -> None:
        index = self.month_box.findData(month)
        if index < 0:
            raise ValueError(month)
        self.month_box.setCurrentIndex(index)

    def selected_scope(self) -> str:
        return str(self.office_box.currentData())

    def _set_has_report(self, has: bool) -> None:
        self.save_action.setEnabled(has and not self._busy)
        self.print_action.setEnabled(has and not self._busy)

    def show_remembered(self) -> None:
        """Show the report last generated for the selected month and office, if any."""
        if self._busy:
            return
        entry = self.archive.get(self.selected_scope(), self.selected_month())
        if entry is None:
            self.current_pdf = None
            self.document.close()
            self.status.setText(self.tr("Nessun rapporto generato per questo mese."))
            self._set_has_report(False)
            return
        self.comment_edit.setPlainText(entry.get("comment", ""))
        self._show_pdf(Path(entry["pdf"]))
        self.status.setText(self.tr("Rapporto generato il %1.").replace("%1", entry["at"]))

    def _show_pdf(self, path: Path) -> None:
        self.document.close()
        self.document.load(str(path))
        self.current_pdf = path
        self._set_has_report(self.document.pageCount() > 0)

    # -- generating -----------------------------------------------------------------------
    def _audit(self, action: AuditAction, scope: str, month: str) -> None:
        """The report left the store (generated, saved, printed): on record, by month and
        office (never a name)."""
        if self.session is not None:
            self.session.audit(action, table="report", row_id=f"{month}/{scope}")

    def generate(self) -> None:
        if self._busy:
            return
        if self.session is not None and not self.session.may(Action.REPORT):
            self.status.setText(self.tr("Il report mensile è per coordinatori e amministratori."))
            return
        scope, month = self.selected_scope(), self.selected_month()
        comment = self.comment_edit.toPlainText()
        private_folder(self.archive.folder)  # owner-only, like the data folder around it
        target = self.archive.pdf_path(scope, month)
        store = self.store
        self.document.close()  # release the file before it is replaced
        self._busy = True
        self.generate_button.setEnabled(False)
        self._set_has_report(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Generazione in corso…"))

        def work(progress: Any, _cancelled: Any) -> service.ReportFiles:
            return service.generate(
                store,
                month,
                None if scope == ALL else scope,
                target,
                comment=comment,
                progress=progress,
            )

        def done(files: service.ReportFiles) -> None:
            self._finish()
            pdf = files.pdf
            # As printed: head office may have changed the programme since the page opened.
            self._programmes[scope] = _describe(files.report.programme)
            self._show_programme()
            at = datetime.now(ROME).strftime("%d/%m/%Y %H:%M")  # the office's clock
            self.archive.remember(scope, month, {"pdf": str(pdf), "at": at, "comment": comment})
            self._audit(AuditAction.EXPORTED, scope, month)
            self._show_pdf(pdf)
            self.status.setText(self.tr("Rapporto generato il %1.").replace("%1", at))
            self.generated.emit(str(pdf))

        def fail(exc: BaseException, _details: str) -> None:
            self._finish()
            if not isinstance(exc, CasaError):
                raise exc
            text = worded_error(exc)
            self.status.setText(text)
            self.show_remembered_pdf_only(scope, month)
            self.failed.emit(text)

        self.runner.run(work, on_done=done, on_error=fail, on_progress=self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _finish(self) -> None:
        self._busy = False
        self.generate_button.setEnabled(True)
        self.progress.setVisible(False)

    def show_remembered_pdf_only(self, scope: str, month: str) -> None:
        entry = self.archive.get(scope, month)
        if entry:
            self._show_pdf(Path(entry["pdf"]))

    # -- save and print -------------------------------------------------------------------
    def save_as(self, path: str | None = None) -> Path | None:
        """Copy the shown report to a file the user picks (or ``path``)."""
        if self.current_pdf is None:
            return None
        if not path:
            suggested = f"rapporto_{self.selected_scope()}_{self.selected_month()}.pdf"
            path = save_file_name(
                self, self.tr("Salva il rapporto"), suggested, self.tr("Documenti PDF (*.pdf)")
            )
            if not path:
                return None
        try:
            # Never over the store, an open store or a folder (the same rules as the CLI).
            outputs.write_bytes(
                path, self.current_pdf.read_bytes(), inputs=[self.store.path], mode=0o644
            )
        except OutputError as exc:
            self.status.setText(worded_error(exc))
            return None
        except OSError as exc:
            self.status.setText(
                self.tr("Impossibile salvare il file: %1").replace("%1", exc.strerror or "")
            )
            return None
        self.status.clear()
        self._audit(AuditAction.EXPORTED, self.selected_scope(), self.selected_month())
        self.saved.show_saved(
            Path(path), self.tr("Rapporto salvato in %1.").replace("%1", str(path))
        )
        return Path(path)

    def print_report(self) -> None:
        if self.current_pdf is None or self.document.pageCount() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        # Native on Windows: accepted after the desk was locked, it prints nothing.
        here = still_here(self)
        if not here() or dialog.exec() != QDialog.DialogCode.Accepted or not here():
            return
        try:  # a file printed to: never the store, a name Windows keeps (as "Salva")
            checked_file(printer, [self.store.path])
        except OutputError as exc:
            self.status.setText(worded_error(exc))
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page, scaled to the printable area: on record first, as a letter is,
        so nothing is printed without its audit row (one that fails midway keeps it)."""
        self._audit(AuditAction.PRINTED, self.selected_scope(), self.selected_month())
        paint_document(self.document, printer)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
        ):
            self.generate()
            return
        super().keyPressEvent(event)
