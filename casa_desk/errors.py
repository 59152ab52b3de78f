"""Expected errors, worded for the person at the desk.

Every error a user can cause or meet (bad input, a damaged file, a hub that does not answer)
is one of these. Each carries a ``code`` that lower layers set and a ``message`` already in
plain Italian for the command line; the UI may reword by ``code``. Anything else that escapes
is a bug and goes to the excepthook.

Messages never contain personal data (names, codici fiscali, phones): they end up in logs
and on screens that other people can see.
"""

from __future__ import annotations


class CasaError(Exception):
    """Base class: an expected failure with a one-line message for the user."""

    code = "error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        details: str = "",
        template: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.details = details
        #: A message built from values (an address, a file, a number): ``template`` is its
        #: Italian text with each value a ``{name}``, ``params`` the values by name; the
        #: window translates the template and fills it (the command line prints ``message``).
        self.template = template or message
        self.params = dict(params or {})

    def __str__(self) -> str:
        return self.message


class ValidationError(CasaError):
    """Input that breaks a domain rule (a wrong codice fiscale, an impossible date…)."""

    code = "validation"

    def __init__(
        self,
        message: str,
        *,
        field: str = "",
        code: str | None = None,
        template: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message, code=code, template=template, params=params)
        self.field = field


class TransitionError(ValidationError):
    """A referral step that the state machine does not allow from the current state."""

    code = "transition"


class StorageError(CasaError):
    """The local store cannot be opened, read or written."""

    code = "storage"


class NotAStoreError(StorageError):
    code = "not_a_store"


class StoreTooNewError(StorageError):
    code = "store_too_new"


class DamagedStoreError(StorageError):
    code = "damaged_store"


class ImportFileError(CasaError):
    """A file to import cannot be read at all (not a single bad row: the whole file)."""

    code = "import_file"


class ReportError(CasaError):
    code = "report"


class OutputError(CasaError):
    """A file the user asked us to write cannot or must not be written (it is a folder, an
    input of the same command, an open store, on a full or read-only disk…)."""

    code = "bad_output"


class SyncError(CasaError):
    code = "sync"


class ConsentError(ValidationError):
    """Sharing data that the person has not (or no longer) agreed to share."""

    code = "consent"
