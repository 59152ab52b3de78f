"""The report's figures as CSV: UTF-8, ``section,item,value``, one figure per row.

Section and item names are an interface for head office analysts; keep them stable:

* ``report``: ``month`` (YYYY-MM), ``presidio`` (code or ``ALL``), ``generated_on``;
* ``headline``: the nine headline items; ``headline_previous``: the same for the month before;
* one section per breakdown (``contacts_by_category``, ``contacts_by_channel``,
  ``contacts_by_week`` (items 1..n, week of the month), ``contacts_by_gender``,
  ``contacts_by_age``, ``referrals_by_kind``, ``referrals_by_status``, ``esf_new_*``,
  ``esf_total_*``), items are stored codes, plus ``total``.

Values are plain numbers (no thousands separator, ``.`` for decimals) so a spreadsheet
reads them; ``<5`` marks every suppressed cell — a small one (1–4) or one hidden so that a
small one cannot be worked out (the PDF prints the latter as ``n.d.``); an empty value means
"not applicable" (a median of nothing).
"""

from __future__ import annotations

import csv
import io

from casa_desk.reports.published import PublishedReport


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def render_csv(report: PublishedReport) -> str:
    """The CSV text (``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "item", "value"])
    writer.writerow(["report", "month", report.month])
    writer.writerow(["report", "presidio", report.presidio or "ALL"])
    writer.writerow(["report", "generated_on", report.generated_on.isoformat()])
    for row in report.headline:
        writer.writerow(["headline", row.code, _number(row.value)])
    for row in report.headline:
        writer.writerow(["headline_previous", row.code, _number(row.previous)])
    for _title, tables in report.sections():
        for table in tables:
            for item in table.rows:
                writer.writerow([table.section, item.code, item.cell.csv_text])
            writer.writerow([table.section, "total", table.total.csv_text])
    return out.getvalue()
