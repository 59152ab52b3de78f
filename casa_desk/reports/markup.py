"""Plain text into reportlab's paragraph markup, for every PDF casa_desk prints."""

from __future__ import annotations

import html


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, quotes left alone: what ``xml.sax.saxutils.escape``
    does, without what that module loads with it (urllib.request, http.client and the email
    package: 40-75 ms of every ``casa-desk report``, measured with ``-X importtime``)."""
    return html.escape(text, quote=False)
