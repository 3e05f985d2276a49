"""Every trigger entry of data/triggers.yaml finds itself in its own example sentence."""

from __future__ import annotations

import pytest

from dekigoto.events.entries import load_lexicon
from dekigoto.events.triggers import find_triggers
from dekigoto.nlp import parse_text

LEXICON = load_lexicon()
EXAMPLES = [(t.id, t.example) for t in LEXICON.triggers]


@pytest.mark.parametrize(("entry_id", "sentence"), EXAMPLES, ids=[e for e, _ in EXAMPLES])
def test_trigger_matches_its_example(nlp_model, entry_id: str, sentence: str) -> None:
    found = {m.entry.id for m in find_triggers(parse_text(sentence), LEXICON)}
    assert entry_id in found


def test_every_plover_type_has_a_trigger() -> None:
    from dekigoto.models import EVENT_TYPES

    assert {t.type for t in LEXICON.triggers} == set(EVENT_TYPES)


# fmt: off
BLOCKED = [
    ("ラチャパット大学の行った世論調査では、クーデター支持が約84%だった。", "accuse.investigate"),
    ("韓国の医療支援団体がジャワ島に向かった。", "aid.shien"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "entry_id"), BLOCKED)
def test_compounds_that_name_no_event_are_not_triggers(
    nlp_model, sentence: str, entry_id: str
) -> None:
    found = {m.entry.id for m in find_triggers(parse_text(sentence), LEXICON)}
    assert entry_id not in found
