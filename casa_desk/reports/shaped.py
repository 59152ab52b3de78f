"""A paragraph of right-to-left or shaped text, broken into lines before it is ordered.

The Unicode bidirectional algorithm orders each *displayed* line on its own (rule L2): a
right-to-left passage that wraps starts on the first line with its first words, read from
the right. reportlab (without the rlbidi package, which is not on PyPI) would lay a text
ordered before it is broken out with its last words first. So :class:`ShapedParagraph`
learns its width when it is wrapped, lets reportlab break the text in typed order (every
word shaped, so with the widths it will have), and only then orders each line
(:func:`casa_desk.reports.markup.reorder`) and hands reportlab the lines, one per
``<br/>``. Imported by :func:`casa_desk.reports.markup.paragraph` only when a text needs
it: it loads reportlab.
"""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from casa_desk.reports import markup

#: A word as reportlab cuts them: between whitespace other than the no-break space.
_WORD = re.compile(r"(?:[^\s]|\xa0)+")


class ShapedParagraph(Paragraph):
    """``lines`` (typed lines of one text, NFC) in ``style`` (shaping on), each broken to
    the width it is wrapped to and each broken line in bidirectional order."""

    def __init__(self, lines: list[str], style: ParagraphStyle) -> None:
        # A word no one font draws is cut where its font changes (markup.cut_words); the
        # levels are those of the whole typed line, as the algorithm asks.
        self._typed = [(cut, markup.bidi_levels(cut)) for cut in map(markup.cut_words, lines)]
        self._laid_for: float | None = None
        self._laid = self._layout(None)
        super().__init__(self._laid, style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if availWidth != self._laid_for:
            self._laid_for = availWidth
            laid = self._layout(availWidth)
            if laid != self._laid:
                self._laid = laid
                Paragraph.__init__(self, laid, self.style)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Paragraph]:  # noqa: N803
        """Split across pages as the plain paragraph of its laid-out lines."""
        self.wrap(availWidth, availHeight)
        return Paragraph(self._laid, self.style).split(availWidth, availHeight)

    def _layout(self, width: float | None) -> str:
        rows = []
        for cut, levels in self._typed:
            for start, end in self._rows(cut, width):
                seen = markup.reorder(cut[start:end], levels[start:end])
                rows.append(markup.text(markup.for_shaping(seen)))
        return "<br/>".join(rows)

    def _rows(self, cut: str, width: float | None) -> list[tuple[int, int]]:
        """Where reportlab breaks ``cut`` (typed order) at ``width``: the characters of each
        line. The whole line when it cannot tell (a word longer than the line is cut by
        reportlab inside the word)."""
        words = [m.span() for m in _WORD.finditer(cut)]
        if width is None or not words:
            return [(0, len(cut))]
        probe = Paragraph(markup.text(cut), self.style)
        probe.wrap(width, 1e9)
        lines = probe.blPara.lines
        counts = [line.wordCount if hasattr(line, "wordCount") else len(line[1]) for line in lines]
        if sum(counts) != len(words):
            return [(0, len(cut))]
        rows, first = [], 0
        for count in counts:
            rows.append((words[first][0], words[first + count - 1][1]))
            first += count
        return rows
