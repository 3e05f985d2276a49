"""Invariants of every event of the reference article and the dev Wikinews articles."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

GOLD = [
    json.loads(line)
    for name in ("seed.gold.jsonl", "wikinews.gold.jsonl")
    for line in (SHARED / "eval" / "dev" / name).read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.fixture(scope="module")
def extractions(extract):
    return [
        extract(g["text"], title=g["title"], published=g.get("published"), id=g["id"])
        for g in GOLD[:3]
    ]


def test_evidence_spans_equal_the_text(extractions) -> None:
    for result in extractions:
        for event in result.events:
            for span in [event.evidence, *event.mentions]:
                assert result.text[span.start : span.end] == span.text


def test_every_event_has_a_cue_a_date_field_and_an_id(extractions) -> None:
    for result in extractions:
        assert [e.id for e in result.events] == [f"e{n + 1}" for n in range(len(result.events))]
        for event in result.events:
            assert event.status_cue
            assert "date" in event.model_dump()
            assert event.summary and event.quad in {1, 2, 3, 4}


def test_output_is_deterministic(extract) -> None:
    g = GOLD[0]
    first = extract(g["text"], title=g["title"], published=g["published"], id=g["id"])
    again = extract(g["text"], title=g["title"], published=g["published"], id=g["id"])
    assert first.model_dump() == again.model_dump()
