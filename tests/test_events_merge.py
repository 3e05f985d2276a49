# ruff: noqa: E501 - one pair of mentions per table row
"""Merging event mentions into one record per real-world event (mechanism, hand-built mentions)."""

from __future__ import annotations

import pytest

from dekigoto.events.merge import merge_events, same_event
from dekigoto.models import ActorRef, Event, Span

GONDOR = ActorRef(code="GON", name="Gondor")
ROHAN = ActorRef(code="ROH", name="Rohan")


def mention(
    n: int,
    etype: str,
    trigger: str,
    mode: str | None = None,
    date: str | None = None,
    rule: str = "clause",
) -> Event:
    span = Span(text="x", start=n * 10, end=n * 10 + 1)
    return Event(
        id=f"m{n}", type=etype, mode=mode, actor=[GONDOR], recipient=[GONDOR], date=date,
        date_rule=rule, status="occurred", status_cue="default", trigger=trigger,
        evidence=span, mentions=[span],
    )  # fmt: skip


# fmt: off
SAME = [
    # one coup told twice
    (mention(1, "COERCE", "coerce.coup", "seize"), mention(2, "COERCE", "coerce.coup", "seize"), True),
    # a coup and the martial law it declares are two acts
    (mention(1, "COERCE", "coerce.coup", "seize"), mention(2, "COERCE", "coerce.martial_law", "martial-law"), False),
    # two kinds of arrest words, one mode: the same arrest
    (mention(1, "COERCE", "coerce.arrest", "arrest"), mention(2, "COERCE", "coerce.arrest2", "arrest"), True),
    # a visit and the talks held during it are one meeting
    (mention(1, "CONSULT", "consult.visit", "visit"), mention(2, "CONSULT", "consult.kaidan"), True),
    # different days
    (mention(1, "PROTEST", "protest.demo", "demo", "2011-01-14"), mention(2, "PROTEST", "protest.demo", "demo", "2010-12"), False),
]
# fmt: on


@pytest.mark.parametrize(("a", "b", "expected"), SAME)
def test_same_event(a: Event, b: Event, expected: bool) -> None:
    assert same_event(a, b) is expected


def test_article_date_is_no_date_for_merging() -> None:
    merged = merge_events(
        [
            mention(1, "PROTEST", "protest.demo", "demo", "2011-01-15", rule="dct"),
            mention(2, "PROTEST", "protest.demo", "demo", "2010-12"),
        ]
    )
    assert len(merged) == 1 and merged[0].date == "2010-12"


def test_dates_must_agree_with_every_member() -> None:
    merged = merge_events(
        [
            mention(1, "PROTEST", "protest.demo", "demo", "2011-01-15", rule="dct"),
            mention(2, "PROTEST", "protest.demo", "demo", "2010-12"),
            mention(3, "PROTEST", "protest.demo", "demo", "2011-01-14"),
        ]
    )
    assert [e.date for e in merged] == ["2010-12", "2011-01-14"]


def test_one_trigger_word_twice_in_a_sentence_is_two_events() -> None:
    a = mention(1, "SUPPORT", "support.shiji")
    b = mention(2, "SUPPORT", "support.shiji")
    keys = {"m1": (4, "支持"), "m2": (4, "支持")}
    assert len(merge_events([a, b], key_of=lambda e: keys[e.id])) == 2
    keys["m2"] = (5, "支持")
    assert len(merge_events([a, b], key_of=lambda e: keys[e.id])) == 1


def test_recipient_of_one_mention_fills_the_record() -> None:
    a = mention(1, "AID", "aid.provide").model_copy(update={"recipient": []})
    b = mention(2, "AID", "aid.provide").model_copy(
        update={"actor": [GONDOR], "recipient": [ROHAN]}
    )
    merged = merge_events([a, b])
    assert [r.code for r in merged[0].recipient] == ["ROH"]


def test_a_previous_visit_keeps_its_own_year(extract) -> None:
    """A mention "2019年4月以来、4年ぶり" states the 2019 visit; it stays apart from the coming one."""
    result = extract(
        "キム総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。"
        "キム総書記のロシア訪問は、2019年4月以来、4年ぶりで、プーチン大統領との会談は2回目です。",
        published="2023-09-12",
    )
    visits = sorted(
        (e.date or "", e.status) for e in result.events if e.type == "CONSULT" and e.mode == "visit"
    )
    assert ("2019-04", "occurred") in visits
    assert any(status == "planned" for _, status in visits)
