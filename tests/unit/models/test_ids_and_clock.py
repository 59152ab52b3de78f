"""UUIDv7 ids and the hybrid logical clock."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from casa_desk.models.hlc import Hlc, physical_ms
from casa_desk.models.ids import stable_id, uuid7
from casa_desk.models.timeutil import rome_month_bounds, to_utc_text


def test_uuid7_layout_and_order() -> None:
    ids = [uuid7() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122


def test_uuid7_carries_its_millisecond() -> None:
    value = uuid.UUID(uuid7(now_ms=1_767_225_600_000)).int
    assert value >> 80 >= 1_767_225_600_000


def test_stable_ids_depend_only_on_the_code() -> None:
    assert stable_id("presidi", "SAN-SIRO") == stable_id("presidi", "SAN-SIRO")
    assert stable_id("presidi", "SAN-SIRO") != stable_id("services", "SAN-SIRO")


@given(st.lists(st.integers(min_value=0, max_value=2**40), min_size=1, max_size=50))
def test_clock_never_goes_back_whatever_the_wall_clock_does(walls) -> None:
    readings = iter(walls)
    clock = Hlc(now_ms=lambda: next(readings))
    stamps = [clock.tick() for _ in walls]
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False))


def test_clock_moves_past_what_it_observes() -> None:
    clock = Hlc(now_ms=lambda: 1000)
    remote = Hlc(now_ms=lambda: 5000).tick()
    clock.observe(remote)
    assert clock.tick() > remote and physical_ms(clock.tick()) == 5000


def test_month_bounds_follow_rome_daylight_saving() -> None:
    # October 2026: starts at UTC+2 (22:00Z the day before), ends at UTC+1 (23:00Z)
    assert rome_month_bounds(2026, 10) == ("2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z")
    assert rome_month_bounds(2026, 3) == ("2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z")
    assert rome_month_bounds(2026, 12)[1] == "2026-12-31T23:00:00.000Z"


def test_stored_times_have_one_width() -> None:
    from datetime import UTC, datetime

    assert to_utc_text(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2026-01-02T03:04:05.000Z"
