"""forening.speed: the collector is paused while loading and always restored; freed memory is given back."""

from __future__ import annotations

import gc
import os

import pytest
from forening.speed import return_free_memory, without_gc_pauses


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


def _resident_mib() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20


def test_freed_memory_goes_back_to_the_system() -> None:
    """glibc keeps freed blocks below the top of its heap for reuse: the process still holds them."""
    blocks = [bytes(1000) + bytes([i % 256]) for i in range(200_000)]  # 200 MB of blocks glibc keeps
    on_top = bytes(2000)  # allocated last: the heap cannot simply shrink
    held = _resident_mib()
    del blocks
    assert _resident_mib() > held - 50  # freed, but still resident
    return_free_memory()
    assert _resident_mib() < held - 150
    assert on_top
