"""An ESF row with an odd day (a typo, a row synced from elsewhere: synced rows are only
type-checked) never stops the monthly report nor makes it walk from year 1.

Found by an adversarial review: ``followup_on = "2025-9-30"`` stopped the office and the
consolidated report with a ValueError, ``exited_on = "0001-02-01"`` made them take 38 and
76 s (the months' walk from year 1), and an entry in year 1 had done so since the walk
began."""

from __future__ import annotations

from pathlib import Path

import pytest
import report_fixture
from login_helpers import new_store

from casa_desk.models.esf import DEFAULT_PROGRAMME
from casa_desk.reports import aggregate, esf, service
from casa_desk.reports.model import parse_month

ODD = {
    "exit_in_year_1": {"entered_on": "0001-01-01", "exited_on": "0001-02-01"},
    "exit_unpadded": {"exited_on": "2026-1-05"},
    "result_zero": {"exited_on": "2026-03-01", "followup_on": "0000-00-00", "followup_known": 1},
    "result_unpadded": {"exited_on": "2026-03-01", "followup_on": "2025-9-30", "followup_known": 1},
}


@pytest.mark.parametrize("case", list(ODD))
def test_an_odd_day_is_counted_from_the_programmes_first_month(tmp_path: Path, case: str) -> None:
    store = new_store(tmp_path / "s.sqlite")
    info = report_fixture.build(store)
    row = {"entered_on": "2026-08-03", "person_id": info["people"][-1], **ODD[case]}
    with store.transaction() as journal:
        journal.insert("participants", row, presidio="SAN-SIRO")
    month = parse_month("2026-10")
    for office in ("SAN-SIRO", None):
        report = service.build_report(store, month, office)
        assert report.exits_total and report.follow_ups_total
    figures = esf.esf_figures(
        store.db.conn, month, "SAN-SIRO", aggregate._aliases(store.db.conn), DEFAULT_PROGRAMME
    )
    # every series starts at the programme's first month at the earliest (2014-01 to 2026-10)
    assert max(map(len, figures.month_series.values())) <= 12 * 12 + 10
    store.close()
