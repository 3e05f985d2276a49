"""The pipeline as a whole: stage contracts, the Python API, spans and robustness."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dekigoto import Extraction
from dekigoto.document import Document
from dekigoto.errors import DekigotoError
from dekigoto.pipeline import STAGES
from dekigoto.record import to_json

#: What the caller gives: the layers every stage may read without an earlier stage.
INPUTS = {"id", "text", "title", "published"}
DOCUMENT_FIELDS = {f.name for f in dataclasses.fields(Document)}


def stage_name(stage) -> str:
    return getattr(stage, "__name__", type(stage).__name__)


@pytest.mark.parametrize("index", range(len(STAGES)), ids=[stage_name(s) for s in STAGES])
def test_stage_reads_only_inputs_and_earlier_layers(index: int) -> None:
    earlier = set(INPUTS)
    for stage in STAGES[:index]:
        earlier |= set(stage.ASSIGNS)
    stage = STAGES[index]
    assert set(stage.REQUIRES) <= earlier, set(stage.REQUIRES) - earlier


@pytest.mark.parametrize("index", range(len(STAGES)), ids=[stage_name(s) for s in STAGES])
def test_stage_assigns_document_layers(index: int) -> None:
    stage = STAGES[index]
    assert stage.ASSIGNS, "every stage fills at least one layer"
    assert set(stage.ASSIGNS) <= DOCUMENT_FIELDS, set(stage.ASSIGNS) - DOCUMENT_FIELDS
    assert set(stage.REQUIRES) <= DOCUMENT_FIELDS, set(stage.REQUIRES) - DOCUMENT_FIELDS


def test_no_layer_is_assigned_twice() -> None:
    assigned = [name for stage in STAGES for name in stage.ASSIGNS]
    assert len(assigned) == len(set(assigned))
    assert not set(assigned) & INPUTS


# fmt: off
API_CASES = [
    # title, text, published, text_used
    ("北朝鮮、3回目の核実験を実施", "北朝鮮は12日、地下核実験を実施したと発表した。", "2013-02-12",
     "title+text"),
    (None, "北朝鮮は12日、地下核実験を実施したと発表した。", "2013-02-12", "text"),
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "published", "used"), API_CASES)
def test_python_api(extract, title, text, published, used) -> None:
    result = extract(text, title=title, published=published)
    assert isinstance(result, Extraction)
    assert result.text_used == used
    assert result.text == (text if title is None else f"{title}\n{text}")
    assert result.published == published
    assert result.published_inferred is False


def test_python_api_accepts_a_date(extract) -> None:
    import datetime as dt

    result = extract("北朝鮮は12日、地下核実験を実施した。", published=dt.date(2013, 2, 12))
    assert result.published == "2013-02-12"


def spans(extraction: Extraction):
    """Every (what, span) of an extraction that points into its text."""
    for block in extraction.blocks:
        yield "block", block
    for timex in extraction.timexes:
        yield "timex", timex
    for actor in extraction.actors:
        for mention in actor.mentions:
            yield "actor mention", mention
    for event in extraction.events:
        yield "evidence", event.evidence
        for mention in event.mentions:
            yield "event mention", mention
    for quote in extraction.quotes:
        yield "quote", quote


def assert_spans_valid(extraction: Extraction) -> None:
    text = extraction.text
    for what, span in spans(extraction):
        assert 0 <= span.start <= span.end <= len(text), (what, span)
        assert text[span.start : span.end] == span.text, (what, span)


def test_bundled_examples_spans_equal_the_text(bundled_extractions) -> None:
    assert bundled_extractions
    for extraction in bundled_extractions:
        assert_spans_valid(extraction)


def test_bundled_examples_have_results(bundled_extractions) -> None:
    # every stage does real work on real political news
    assert all(x.timexes for x in bundled_extractions)
    assert all(x.actors for x in bundled_extractions)
    assert sum(len(x.events) for x in bundled_extractions) >= len(bundled_extractions)


def test_records_round_trip_through_json(bundled_extractions) -> None:
    for extraction in bundled_extractions:
        data = json.loads(json.dumps(to_json(extraction), ensure_ascii=False))
        assert Extraction.model_validate(data) == extraction


def test_output_is_deterministic(extract, bundled_examples, bundled_extractions) -> None:
    article = bundled_examples[0]
    again = extract(article["text"], title=article["title"], published=article["published"],
                    id=article["id"])  # fmt: skip
    assert to_json(again) == to_json(bundled_extractions[0])


# fmt: off
NAUGHTY = [
    "", " ", "\n", "\n\n\n", "。", "「", "」「」「", "「」", "『』", "()", "（", "...", "\u3000",
    "\r\n\r\n", "\t", "\x00", "\ufeff北朝鮮", "👨‍👩‍👧‍👦🇯🇵", "ｱｲｳｴｵ", "ﾐｻｲﾙ発射。",
    "\u202eالعربية", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗", "１２日、２０２３年９月", "昭和64年1月7日",
    "北" * 5000, "。" * 300, "「" * 50 + "と述べた。", "北朝鮮\n\n\n\n\nロシア",
    "10日午後\n11日\n12日付け", "2023年13月45日", "令和元年", "-1", "nan", "null",
    "<script>alert(1)</script>", "'; DROP TABLE events; --",
]
# fmt: on


def check_never_crashes(extract, text: str, title: str | None) -> None:
    try:
        result = extract(text, title=title, published="2023-09-12")
    except DekigotoError:
        return  # a clear user error is fine
    assert_spans_valid(result)


@pytest.mark.parametrize("text", NAUGHTY, ids=range(len(NAUGHTY)))
def test_naughty_strings_never_crash(extract, text: str) -> None:
    check_never_crashes(extract, text, None)
    check_never_crashes(extract, text, "見出し")


JAPANESE = st.sampled_from(
    [
        *"北朝鮮ロシア米国日本韓国中国はがをにと。、「」『』()0123456789年月日午後首脳会談",
        *["訪問した", "発表しました", "とみられます", "制裁を科す", "非難した", "\n", " "],
    ]
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(JAPANESE, max_size=60).map("".join),
    title=st.none() | st.lists(JAPANESE, max_size=10).map("".join),
)
def test_random_japanese_never_crashes(extract, body: str, title: str | None) -> None:
    check_never_crashes(extract, body, title)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_slices_of_real_articles_keep_offsets(extract, bundled_examples, data) -> None:
    article = data.draw(st.sampled_from(bundled_examples))
    text = article["text"]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start, min(len(text), start + 400)))
    check_never_crashes(extract, text[start:end], article["title"])


SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_b16e9d0afafa0953.txt"


def test_reference_article_has_the_planned_summit(extract) -> None:
    title, body = SEED.read_text(encoding="utf-8").split("\n", 1)
    result = extract(body, title=title, published="2023-09-12")
    summits = [
        ev for ev in result.events
        if ev.type == "CONSULT" and ev.status == "planned"
        and "PRK" in {a.code for a in ev.actor} | {a.code for a in ev.recipient}
        and "RUS" in {a.code for a in ev.actor} | {a.code for a in ev.recipient}
    ]  # fmt: skip
    assert summits, [(e.type, e.status, e.evidence.text) for e in result.events]
