"""``casa-desk report`` (cli/report.py) and a pull's pages (sync/pipeline.py) turn Python's
cycle collector off while they work (casa_desk.gc_pause) and leave it as they found it: the
tests and the window run their code in process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from casa_desk.gc_pause import paused_cyclic_gc


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.usefixtures("collector")
def test_collector_off_inside_and_on_again_after_a_failure() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), paused_cyclic_gc():
        assert not gc.isenabled()
        raise RuntimeError("the report failed")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_collector_left_off_when_it_was_off() -> None:
    gc.disable()
    with paused_cyclic_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()
