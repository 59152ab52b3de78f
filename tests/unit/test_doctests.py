"""Every example in the package's docstrings runs and says what it shows.

The examples are documentation a reader trusts; two of them had gone wrong unseen (one
raised NameError, and bug_details' showed a surname reaching the bug details only because
the example's own source line held it), since nothing ran them."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import casa_desk

PACKAGE = Path(casa_desk.__file__).parent
WITH_EXAMPLES = sorted(
    path.relative_to(PACKAGE.parent).with_suffix("").as_posix().replace("/", ".")
    for path in PACKAGE.rglob("*.py")
    if ">>> " in path.read_text(encoding="utf-8")
)


def test_the_package_has_examples() -> None:
    assert len(WITH_EXAMPLES) >= 20


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_examples_run(name: str) -> None:
    module = importlib.import_module(name.removesuffix(".__init__"))
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} example(s) of {name} failed"
