"""Entry point of the frozen casa_desk (PyInstaller): the same as the ``casa-desk`` command."""

from casa_desk.cli import console

console()
