"""User actions on the store, in one shape (STYLE.md §4-5; Anki's ``CollectionOp``).

A page builds a :class:`StoreOp` around the store call and says which table it changes::

    StoreOp(self.context.bus, lambda: contacts.log(values, ...), changed="contacts",
            parent=self).success(self._saved).failure(self.show_error).run()

The operation then does the same thing every time:

* runs the call — on the GUI thread with :meth:`StoreOp.run` (a form's save: milliseconds,
  plus at most one sync transaction it may wait for on the store's write lock), or on the
  task runner with :meth:`StoreOp.run_in_background` (a letter: rendering takes a while);
* on success calls the success callback (the page updates what it selects or shows), then
  emits ``bus.changed`` exactly once, and every view of that table refreshes itself;
* on an expected failure (:class:`~casa_desk.errors.CasaError`) words it by its code
  (:func:`casa_desk.ui.error_texts.worded_error`) and hands it to the failure callback —
  a form shows it under the field — or, without one, shows it in a message box;
* anything else is a bug: it goes on to the excepthook, and nothing is announced.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QMessageBox, QWidget

from casa_desk.errors import CasaError
from casa_desk.ui.error_dialog import error_box
from casa_desk.ui.error_texts import worded_error
from casa_desk.ui.tasks import TaskRunner

T = TypeVar("T")
#: ``failure(error, text)``: the error (its ``field`` says where) and the line to show.
Failure = Callable[[CasaError, str], None]


class StoreOp(Generic[T]):
    """One store call with its change signal and its error wording; see the module doc."""

    def __init__(
        self,
        bus: Any,
        op: Callable[[], T],
        *,
        changed: str | None,
        parent: QWidget | None = None,
    ) -> None:
        self._changed: SignalInstance = bus.changed
        self._table = changed
        self._op = op
        self._parent = parent
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Failure | None = None
        #: The message box of the last failure shown without a callback (tests look).
        self.box: QMessageBox | None = None

    def success(self, callback: Callable[[T], None]) -> StoreOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Failure) -> StoreOp[T]:
        self._on_failure = callback
        return self

    def run(self) -> bool:
        """Run now, on this (the GUI) thread; True when the call succeeded."""
        try:
            result = self._op()
        except CasaError as exc:
            self._failed(exc)
            return False
        self._succeeded(result)
        return True

    def run_in_background(self, runner: TaskRunner) -> None:
        """Run on the task runner; the callbacks come back on the GUI thread."""

        def failed(exc: BaseException, _details: str) -> None:
            if not isinstance(exc, CasaError):
                raise exc
            self._failed(exc)

        runner.run(lambda _progress, _cancelled: self._op(), self._succeeded, failed)

    def _succeeded(self, result: T) -> None:
        if self._on_success is not None:
            self._on_success(result)
        if self._table is not None:  # None: the call only reads
            self._changed.emit(self._table)

    def _failed(self, exc: CasaError) -> None:
        text = worded_error(exc)
        if self._on_failure is not None:
            self._on_failure(exc, text)
            return
        self.box = error_box(self._parent, text)
        self.box.open()
