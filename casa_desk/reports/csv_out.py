"""The report's figures as CSV: UTF-8, ``section,item,value``, one figure per row.

Section and item names are an interface for head office analysts; keep them stable:

* ``report``: ``month`` (YYYY-MM), ``presidio`` (code or ``ALL``), ``generated_on``,
  ``programme`` (``2014-2020`` or ``2021-2027``: which tables and items follow),
  ``programme_name``, ``cup`` (empty when head office has not set it);
* ``headline``: the nine headline items; ``headline_previous``: the same for the month before;
* one section per breakdown (``contacts_by_category``, ``contacts_by_channel``,
  ``contacts_by_week`` (items 1..n, week of the month), ``contacts_by_gender``,
  ``contacts_by_age``, ``referrals_by_kind``, ``referrals_by_status``), items are stored
  codes, plus ``total``;
* ESF participants, with the programme's items: entries ``esf_new_*`` (in the month) and
  ``esf_total_*`` (since the start) — ``by_gender``, ``by_age`` (2014–2020: ``lt25``,
  ``25_54``, ``gt54``; 2021–2027: ``lt18``, ``18_29``, ``30_54``, ``55_plus``; then
  ``unknown``), ``by_employment``, ``by_isced`` and one section per indicator (items
  ``yes``, ``no``, ``declined``, ``unknown``); exits ``esf_exit_new_*`` / ``esf_exit_total_*``
  (``by_gender``, then one section per immediate result: ``job_searching``, ``education``,
  ``qualification``, ``employed``, ``no_result``, ``unknown``, ``pending``) and six-month
  results ``esf_6m_new_*`` / ``esf_6m_total_*`` (``by_gender``, ``employed``, ``improved``,
  ``unknown``), each with items ``F``, ``M``, ``X``, ``NS``, ``total``. A participant may
  have several results: result sections do not add up to the exits.

Values are plain numbers (no thousands separator, ``.`` for decimals) so a spreadsheet
reads them; ``<5`` marks every suppressed cell — a small one (1–4) or one hidden so that a
small one cannot be worked out (the PDF prints the latter as ``n.d.``), or every cell of a
line too small to protect (the PDF's ``n.p.``: also the ESF exits by gender when their
related rows would give a small cell away, :mod:`casa_desk.reports.related`), or, in the
consolidated report (``presidio`` ``ALL``), one hidden because an office's own report hides
its cell there and the consolidated figure would give it away by subtraction
(:mod:`casa_desk.reports.linked`; the PDF's ``n.d.``, which may then hold any value, 1–4
included); an empty value means "not applicable" (a median of nothing). Figures are number
cells; text cells (codes, which may come from another office's rows) are neutralised
against spreadsheet formulas (:mod:`casa_desk.safe_csv`).
"""

from __future__ import annotations

from decimal import Decimal

from casa_desk import safe_csv
from casa_desk.reports.published import PublishedReport
from casa_desk.safe_csv import Value


def _number(value: float | int | None) -> Value:
    """A figure as a number cell: whole numbers as they are, others with one decimal."""
    if isinstance(value, float):
        return Decimal(f"{value:.1f}")
    return value


def render_csv(report: PublishedReport) -> str:
    """The CSV text (``\\n`` line ends)."""
    rows: list[list[Value]] = [
        ["section", "item", "value"],
        ["report", "month", report.month],
        ["report", "presidio", report.presidio or "ALL"],
        ["report", "generated_on", report.generated_on.isoformat()],
        ["report", "programme", report.programme.code.value],
        # Free text head office typed: the writer neutralises a leading = + - @.
        ["report", "programme_name", report.programme.name],
        ["report", "cup", report.programme.cup or ""],
    ]
    rows += [["headline", row.code, _number(row.value)] for row in report.headline]
    rows += [["headline_previous", row.code, _number(row.previous)] for row in report.headline]
    for _title, tables in report.sections():
        for table in tables:
            rows += [[table.section, item.code, item.cell.csv_value] for item in table.rows]
            rows.append([table.section, "total", table.total.csv_value])
    return safe_csv.render(rows)
