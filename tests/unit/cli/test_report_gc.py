"""``casa-desk report`` turns Python's cycle collector off while it works (cli/report.py) and
leaves it as it found it: the tests and the window run the command's code in process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from casa_desk.cli.report import _without_cyclic_gc


@pytest.fixture
def collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.usefixtures("collector")
def test_collector_off_inside_and_on_again_after_a_failure() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), _without_cyclic_gc():
        assert not gc.isenabled()
        raise RuntimeError("the report failed")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector")
def test_collector_left_off_when_it_was_off() -> None:
    gc.disable()
    with _without_cyclic_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()
