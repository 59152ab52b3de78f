"""``python -m casa_desk`` is the same as the ``casa-desk`` command."""

from casa_desk.cli import main

raise SystemExit(main())
