"""Real sentences with a trigger word but no political event yield no event."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "no_event_sentences.txt"
SENTENCES = [
    line.strip()
    for line in DATA.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_no_event(extract, sentence: str) -> None:
    result = extract(sentence, published="2010-01-01")
    assert [e.summary for e in result.events] == []
