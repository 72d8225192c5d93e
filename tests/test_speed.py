"""forening.speed: the collector is paused while loading and always restored."""

from __future__ import annotations

import gc

import pytest
from forening.speed import without_gc_pauses


@without_gc_pauses
def _state(fail: bool = False) -> bool:
    if fail:
        raise ValueError("bad content")
    return gc.isenabled()


def test_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    assert _state() is False
    assert gc.isenabled()


def test_restored_after_an_exception() -> None:
    with pytest.raises(ValueError, match="bad content"):
        _state(fail=True)
    assert gc.isenabled()


def test_left_off_when_the_caller_had_it_off() -> None:
    gc.disable()
    try:
        assert _state() is False
        assert not gc.isenabled()
    finally:
        gc.enable()
