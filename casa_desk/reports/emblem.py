"""The emblem of the European Union, drawn from its official geometry (never fetched).

Reg. (EU) 2021/1060, Annex IX, 1.9 (graphic standards): a blue rectangle whose width is one
and a half times its height; twelve gold five-pointed stars at equal intervals on an
invisible circle centred where the diagonals cross, of radius one third of the height; each
star's points on a circle of radius one eighteenth of the height; all stars upright (one
point straight up, two points on a line at right angles to the flagstaff), in the positions
of the hours on a clock face. Colours: Pantone Reflex Blue, web ``#003399``, for the
rectangle; Pantone Yellow, web ``#FFCC00``, for the stars.

The stars are regular pentagrams: the inner vertices sit where a pentagram's lines cross,
at ``cos 72° / cos 36°`` (≈ 0.382) of the outer radius.

Annex IX 1.2–1.7 (applied by :func:`casa_desk.reports.pdf.emblem_band`): the statement
"Cofinanziato dall'Unione europea" written out in full next to the emblem, not overlapping
it, in reflex blue, black or white; the emblem not modified or merged with other graphics.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Polygon, Rect
from reportlab.lib.colors import HexColor

REFLEX_BLUE = HexColor("#003399")
YELLOW = HexColor("#FFCC00")
WIDTH_TO_HEIGHT = 1.5
CIRCLE_TO_HEIGHT = 1 / 3
STAR_TO_HEIGHT = 1 / 18
STAR_INNER = math.cos(math.radians(72)) / math.cos(math.radians(36))
STARS = 12


def star_points(cx: float, cy: float, radius: float) -> list[float]:
    """An upright regular five-pointed star centred on (cx, cy): ten vertices, outer point
    first (straight up), counter-clockwise, as a flat [x0, y0, x1, y1, …] list."""
    points: list[float] = []
    for n in range(10):
        angle = math.pi / 2 + n * math.pi / 5
        r = radius if n % 2 == 0 else radius * STAR_INNER
        points += [cx + r * math.cos(angle), cy + r * math.sin(angle)]
    return points


def star_centres(width: float, height: float) -> list[tuple[float, float]]:
    """Centres of the twelve stars, twelve o'clock first, clockwise."""
    cx, cy, r = width / 2, height / 2, height * CIRCLE_TO_HEIGHT
    return [
        (cx + r * math.sin(2 * math.pi * k / STARS), cy + r * math.cos(2 * math.pi * k / STARS))
        for k in range(STARS)
    ]


def eu_emblem(height: float) -> Drawing:
    """The emblem as a reportlab drawing ``height`` points high (and 1.5 × as wide)."""
    width = height * WIDTH_TO_HEIGHT
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=REFLEX_BLUE, strokeColor=None))
    for cx, cy in star_centres(width, height):
        drawing.add(
            Polygon(
                star_points(cx, cy, height * STAR_TO_HEIGHT), fillColor=YELLOW, strokeColor=None
            )
        )
    return drawing
