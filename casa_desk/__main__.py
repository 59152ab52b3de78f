"""``python -m casa_desk`` is the same as the ``casa-desk`` command."""

from casa_desk.cli import console

console()
