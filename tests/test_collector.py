"""While a document is parsed the garbage collector runs less often, and afterwards it runs as
the application had it: thresholds restored after a parse, an error, nested or overlapping
parses, and a collector the application switched off stays off."""

from __future__ import annotations

import gc
import threading

import pytest

import govdocparse.pipeline
from govdocparse import parse, parse_text
from govdocparse.collector import _YOUNG, fewer_collections
from govdocparse.errors import EmptyInputError

from .support import CORPUS


@pytest.fixture
def thresholds():
    """The application's thresholds, put back after the test whatever it did."""
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


@pytest.fixture
def seen(monkeypatch):
    """The thresholds in force while the stages ran, for each parse."""
    during: list[tuple[int, int, int]] = []
    stages = govdocparse.pipeline.parse_source

    def watched(source):
        during.append(gc.get_threshold())
        return stages(source)

    monkeypatch.setattr(govdocparse.pipeline, "parse_source", watched)
    return during


def test_a_parse_collects_less_often_and_restores_the_thresholds(thresholds, seen):
    parse(next(CORPUS.glob("*.txt")))
    parse_text("关于印发某某区儿童发展规划的通知\n一、总体要求\n")
    assert seen == [(_YOUNG, 10, 10)] * 2
    assert gc.get_threshold() == (700, 10, 10)


def test_a_failed_parse_restores_the_thresholds(thresholds, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        parse(empty)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_switched_off_or_set_higher_is_left_so(thresholds, seen):
    gc.set_threshold(0, 10, 10)
    parse_text("一、总体要求\n")
    gc.set_threshold(5 * _YOUNG, 10, 10)
    parse_text("一、总体要求\n")
    assert seen == [(0, 10, 10), (5 * _YOUNG, 10, 10)]
    assert gc.get_threshold() == (5 * _YOUNG, 10, 10)


def test_overlapping_parses_restore_when_the_last_ends(thresholds):
    inner_started, outer_may_end = threading.Event(), threading.Event()

    def other_thread():
        with fewer_collections():
            inner_started.set()
            outer_may_end.wait(5)

    with fewer_collections():
        thread = threading.Thread(target=other_thread)
        thread.start()
        inner_started.wait(5)
    # the first parse ended while the other still runs
    assert gc.get_threshold()[0] == _YOUNG
    outer_may_end.set()
    thread.join(5)
    assert gc.get_threshold() == (700, 10, 10)
