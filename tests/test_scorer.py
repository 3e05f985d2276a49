"""The FORMAT.md scoring rules, on hand-built cases over real article text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dekigoto.errors import GoldError
from dekigoto.evaluation.matching import max_weight_pairs
from dekigoto.evaluation.scorer import (
    can_match,
    coverage,
    date_right,
    evaluate,
    full_text,
    load_gold,
    score,
    speaker_matches,
    timex_matches,
)
from dekigoto.models import Article

DEV = Path(__file__).parents[2] / "shared" / "eval" / "dev"
GOLD_FILES = [DEV / "seed.gold.jsonl", DEV / "wikinews.gold.jsonl"]

TITLE = "プーチン大統領とキム総書記会談へ 武器をめぐり話し合いか"
TEXT = (
    "ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると"
    "発表しました。\n北朝鮮は、キム・ジョンウン総書記が10日午後、ロシアを訪問するため首都ピョンヤンを"
    "専用列車で出発したと、12日付けの朝鮮労働党機関紙「労働新聞」などを通じて発表しました。\n"
    "ロシア大統領府のペスコフ報道官は、首脳会談は、代表団を含めた形式以外にも通訳だけを交えた"
    "1対1の会談も行われるという見通しを示しました。"
)
FULL = f"{TITLE}\n{TEXT}"


def gold_event(type_="CONSULT", actor=("PRK",), recipient=("RUS",), date=("2023-09",),
               status=("planned",), optional=False, evidence="ロシアを訪問し"):  # fmt: skip
    return {
        "type": type_, "mode": None, "actor": list(actor), "recipient": list(recipient),
        "date": list(date), "status": list(status), "optional": optional, "evidence": evidence,
    }  # fmt: skip


def sys_event(type_="CONSULT", actor=("PRK",), recipient=("RUS",), date="2023-09-12",
              status="planned", evidence="ロシアを訪問し"):  # fmt: skip
    start = FULL.find(evidence)
    return {
        "type": type_,
        "actor": [{"code": c, "name": c} for c in actor],
        "recipient": [{"code": c, "name": c} for c in recipient],
        "date": date,
        "status": status,
        "evidence": {"text": evidence, "start": start, "end": start + len(evidence)},
    }


def article(events=None, timexes=None, quotes=None, **extra) -> dict:
    gold = {"id": "a1", "published": "2023-09-12", "title": TITLE, "text": TEXT}
    for key, value in (("events", events), ("timexes", timexes), ("quotes", quotes)):
        if value is not None:
            gold[key] = value
    gold.update(extra)
    return gold


def span_of(text: str, occurrence: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence + 1):
        pos = FULL.find(text, pos + 1)
    assert pos >= 0, text
    return pos, pos + len(text)


def perfect_record(gold: dict) -> dict:
    """What a perfect extractor would output for a gold article."""
    full = full_text(gold)
    events = []
    for ev in gold.get("events", []):
        start = full.find(ev["evidence"])
        events.append(
            {
                "type": ev["type"],
                "actor": [{"code": c, "name": c} for c in ev["actor"]],
                "recipient": [{"code": c, "name": c} for c in ev["recipient"]],
                "date": ev["date"][0] if ev["date"] else None,
                "status": ev["status"][0],
                "evidence": {
                    "text": ev["evidence"],
                    "start": start,
                    "end": start + len(ev["evidence"]),
                },
            }
        )
    timexes = []
    for tx in gold.get("timexes", []):
        start = full.find(tx["text"])
        timexes.append({"text": tx["text"], "start": start, "end": start + len(tx["text"]),
                        "value": tx["value"]})  # fmt: skip
    quotes = []
    for q in gold.get("quotes", []):
        start = full.find(q["text"])
        speaker = {"name": q["speaker"][0], "mentions": []}
        quotes.append({"text": q["text"], "start": start, "end": start + len(q["text"]),
                       "kind": q["kind"], "speaker": speaker})  # fmt: skip
    published = gold.get("published") or gold.get("published_hidden")
    return {"id": gold["id"], "published": published, "events": events, "timexes": timexes,
            "quotes": quotes}  # fmt: skip


METRICS = [
    ("events", "precision"), ("events", "recall"), ("events", "f1"), ("strict", "f1"),
    ("date", "accuracy"), ("status", "accuracy"), ("timexes", "precision"),
    ("timexes", "recall"), ("timexes", "f1"), ("quotes", "precision"), ("quotes", "recall"),
    ("quotes", "f1"),
]  # fmt: skip


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_perfect_output_scores_one_everywhere(path: Path) -> None:
    golds = load_gold(path)
    result = score(golds, [perfect_record(g) for g in golds])
    for part, metric in METRICS:
        assert result[part][metric] == 1.0, (part, metric)
    assert result["published"]["accuracy"] in (1.0, None)
    assert result["events"]["fp"] == 0 and result["events"]["fn"] == 0


def test_perfect_output_through_evaluate() -> None:
    golds = {g["id"]: g for g in load_gold(DEV / "wikinews.gold.jsonl")}

    def extractor(art: Article) -> dict:
        assert art.title is not None
        gold = golds[art.id]
        # the extractor never sees a hidden date
        assert art.published == gold.get("published")
        return perfect_record(gold)

    result = evaluate(DEV / "wikinews.gold.jsonl", extractor=extractor)
    assert result["events"]["f1"] == 1.0
    assert result["published"]["accuracy"] == 1.0
    assert result["published"]["hidden"] == 2


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_empty_output_scores_zero(path: Path) -> None:
    golds = load_gold(path)
    result = score(golds, [{"id": g["id"]} for g in golds])
    for part, metric in METRICS:
        if part in ("date", "status"):
            assert result[part][metric] is None  # no pairs to judge
        else:
            assert result[part][metric] == 0.0, (part, metric)
    assert result["events"]["tp"] == 0


# fmt: off
OPTIONAL_CASES = [
    # system events                              tp fp fn optional_pairs
    ([sys_event()],                               1, 0, 0, 0),
    ([sys_event(), sys_event(type_="AGREE", actor=("RUS",), recipient=("PRK",))], 1, 0, 0, 1),
    ([sys_event(type_="AGREE", actor=("RUS",), recipient=("PRK",))], 0, 0, 1, 1),
    ([sys_event(), sys_event(type_="ASSAULT")],   1, 1, 0, 0),
]
# fmt: on


@pytest.mark.parametrize(("system", "tp", "fp", "fn", "opt"), OPTIONAL_CASES)
def test_optional_gold_never_missed_nor_spurious(system, tp, fp, fn, opt) -> None:
    gold = article(
        events=[
            gold_event(),
            gold_event(type_="AGREE", actor=("RUS",), recipient=("PRK",), optional=True,
                       evidence="プーチン大統領と会談する"),
        ]
    )  # fmt: skip
    ev = score([gold], [{"events": system}])["events"]
    assert (ev["tp"], ev["fp"], ev["fn"], ev["optional_pairs"]) == (tp, fp, fn, opt)


# fmt: off
ACTOR_CASES = [
    # gold actor, system actor, gold recipient, system recipient, match
    (["RUS", "PRK"], ["RUS"], ["USA"], ["USA"], True),
    (["RUS", "PRK"], ["PRK", "CHN"], ["USA"], ["USA"], True),
    (["RUS", "PRK"], ["USA"], ["USA"], ["USA"], False),
    ([], [], ["USA"], ["USA"], True),
    ([], ["RUS"], ["USA"], ["USA"], False),
    (["RUS"], [], ["USA"], ["USA"], False),
    (["RUS"], ["RUS"], [], [], True),
    (["RUS"], ["RUS"], [], ["UKR"], False),
    (["RUS"], ["RUS"], ["UKR", "USA"], ["USA"], True),
]
# fmt: on


@pytest.mark.parametrize(("g_actor", "s_actor", "g_rec", "s_rec", "match"), ACTOR_CASES)
def test_compound_actors_match_on_intersection(g_actor, s_actor, g_rec, s_rec, match) -> None:
    gold = gold_event(actor=g_actor, recipient=g_rec)
    system = sys_event(actor=s_actor, recipient=s_rec)
    assert can_match(system, gold) is match


def test_null_codes_count_as_empty() -> None:
    gold = gold_event(actor=(), recipient=("RUS",))
    system = sys_event(actor=(), recipient=("RUS",))
    system["actor"] = [{"code": None, "name": "unknown"}]
    assert can_match(system, gold)


def test_different_types_never_match() -> None:
    assert not can_match(sys_event(type_="AGREE"), gold_event(type_="CONSULT"))


# fmt: off
DATE_CASES = [
    ("2023-09-12", ["2023-09"], True),        # more precise, cut to month: right
    ("2023-09", ["2023-09"], True),
    ("2023-09", ["2023-09-12"], False),       # less precise than gold
    ("2023", ["2023-09"], False),
    ("2023-10-01", ["2023-09"], False),
    ("2023-09-11", ["2023-09-12"], False),
    ("2023-09-11", ["2023-09-10", "2023-09-11"], True),  # any gold value
    ("2023-04-05", ["2023"], True),
    ("2022-12-31", ["2023"], False),
    (None, ["2023"], False),
    ("", ["2023-09"], False),
]
# fmt: on


@pytest.mark.parametrize(("system", "gold", "right"), DATE_CASES)
def test_date_precision_rules(system, gold, right) -> None:
    assert date_right(system, gold) is right


def test_date_accuracy_only_over_pairs_with_a_gold_date() -> None:
    gold = article(events=[gold_event(date=()), gold_event(type_="AGREE", date=("2023-09",))])
    system = [sys_event(date="2020-01-01"), sys_event(type_="AGREE", date="2023-09-11")]
    result = score([gold], [{"events": system}])
    assert result["date"] == {"right": 1, "pairs": 1, "accuracy": 1.0}
    assert result["strict"]["tp"] == 2  # an undatable gold event does not need a date


def test_status_and_strict() -> None:
    gold = article(events=[gold_event(status=("possible", "claimed")), gold_event(type_="AGREE")])
    system = [sys_event(status="claimed"), sys_event(type_="AGREE", status="occurred")]
    result = score([gold], [{"events": system}])
    assert result["status"]["accuracy"] == 0.5
    assert result["events"]["f1"] == 1.0
    assert result["strict"]["tp"] == 1
    assert result["strict"]["f1"] == 0.5


def test_pairing_maximises_the_number_of_pairs() -> None:
    # gold 0 can pair with either system event, gold 1 only with system 0
    gold = article(events=[gold_event(actor=("PRK", "RUS")), gold_event(actor=("RUS",))])
    system = [sys_event(actor=("RUS",)), sys_event(actor=("PRK",))]
    ev = score([gold], [{"events": system}])["events"]
    assert (ev["tp"], ev["fp"], ev["fn"]) == (2, 0, 0)


def test_pairing_prefers_right_date_and_status() -> None:
    gold = article(
        events=[gold_event(date=("2019-04",), status=("occurred",)),
                gold_event(date=("2023-09",), status=("planned",))]
    )  # fmt: skip
    # in list order a greedy pairing would give both wrong dates
    system = [sys_event(date="2023-09-13", status="planned"),
              sys_event(date="2019-04", status="occurred")]  # fmt: skip
    result = score([gold], [{"events": system}])
    assert result["strict"]["tp"] == 2
    assert result["date"]["accuracy"] == 1.0


def test_one_system_event_pairs_with_one_gold_event() -> None:
    gold = article(events=[gold_event(), gold_event(date=("2019-04",))])
    ev = score([gold], [{"events": [sys_event()]}])["events"]
    assert (ev["tp"], ev["fp"], ev["fn"]) == (1, 0, 1)


# fmt: off
TIMEX_CASES = [
    # system text (span), occurrence, value, match
    ("10日午後", 0, "2023-09-10TAF", True),
    ("10日", 0, "2023-09-10TAF", True),          # overlaps the gold text
    ("午後、ロシア", 0, "2023-09-10TAF", True),
    ("10日午後", 0, "2023-09-10", False),         # value differs
    ("12日", 0, "2023-09-10TAF", False),          # elsewhere
]
# fmt: on


@pytest.mark.parametrize(("text", "occurrence", "value", "match"), TIMEX_CASES)
def test_timex_overlap(text, occurrence, value, match) -> None:
    start, end = span_of(text, occurrence)
    system = {"text": text, "start": start, "end": end, "value": value}
    assert timex_matches(system, {"text": "10日午後", "value": "2023-09-10TAF"}, FULL) is match


def test_timex_any_occurrence_matches() -> None:
    # "ロシアを訪問" occurs twice; the second occurrence matches the one gold entry
    start, end = span_of("ロシアを訪問", 1)
    system = {"text": "ロシアを訪問", "start": start, "end": end, "value": "X"}
    assert timex_matches(system, {"text": "ロシアを訪問", "value": "X"}, FULL)


def test_timex_scores() -> None:
    gold = article(timexes=[{"text": "10日午後", "value": "2023-09-10TAF"},
                            {"text": "12日", "value": "2023-09-12"}])  # fmt: skip
    s1, e1 = span_of("10日午後")
    s2, e2 = span_of("近く")
    system = [{"text": "10日午後", "start": s1, "end": e1, "value": "2023-09-10TAF"},
              {"text": "近く", "start": s2, "end": e2, "value": "FUTURE_REF"}]  # fmt: skip
    tx = score([gold], [{"timexes": system}])["timexes"]
    assert (tx["precision"], tx["recall"]) == (0.5, 0.5)


QUOTE = "首脳会談は、代表団を含めた形式以外にも通訳だけを交えた1対1の会談も行われる"


# fmt: off
COVERAGE_CASES = [
    # system text (a piece of the gold quote or around it), at least half
    (QUOTE, True),
    (QUOTE[: len(QUOTE) // 2], True),
    (QUOTE[: len(QUOTE) // 2 - 1], False),
    ("ペスコフ報道官は、" + QUOTE + "という見通し", True),
    (QUOTE[-10:], False),
]
# fmt: on


@pytest.mark.parametrize(("text", "covers"), COVERAGE_CASES)
def test_quote_coverage_by_span(text, covers) -> None:
    start, end = span_of(text)
    system = {"text": text, "start": start, "end": end}
    assert (coverage(system, QUOTE, FULL) >= 0.5) is covers


def test_quote_coverage_without_offsets_uses_characters() -> None:
    system = {"text": QUOTE[:30]}
    assert coverage(system, QUOTE, FULL) == pytest.approx(30 / len(QUOTE))


# fmt: off
SPEAKER_CASES = [
    ("ペスコフ報道官", [], True),          # equal
    ("ロシア大統領府のペスコフ報道官", [], True),  # contains a gold name
    ("ペスコフ", [], True),               # contained in a gold name
    ("報道官", ["ペスコフ"], True),        # another of its names matches
    ("プーチン大統領", [], False),
    ("", [], False),
]
# fmt: on


@pytest.mark.parametrize(("name", "mentions", "match"), SPEAKER_CASES)
def test_speaker_containment(name, mentions, match) -> None:
    system = {"speaker": {"name": name, "mentions": mentions}}
    assert speaker_matches(system, {"speaker": ["ペスコフ報道官"], "text": QUOTE}) is match


def test_quote_without_speaker_never_matches() -> None:
    start, end = span_of(QUOTE)
    gold = article(quotes=[{"speaker": ["ペスコフ"], "text": QUOTE, "kind": "indirect"}])
    system = {"text": QUOTE, "start": start, "end": end, "speaker": None}
    assert score([gold], [{"quotes": [system]}])["quotes"]["matched"] == 0


def test_quotes_pair_one_to_one() -> None:
    start, end = span_of(QUOTE)
    gold = article(quotes=[{"speaker": ["ペスコフ"], "text": QUOTE, "kind": "indirect"}])
    system = {"text": QUOTE, "start": start, "end": end, "speaker": {"name": "ペスコフ"}}
    qt = score([gold], [{"quotes": [system, dict(system)]}])["quotes"]
    assert (qt["precision"], qt["recall"]) == (0.5, 1.0)


def test_parts_absent_from_gold_are_not_scored() -> None:
    gold = article(events=[gold_event()])
    result = score([gold], [{"events": [sys_event()], "timexes": [{"start": 0, "end": 2}]}])
    assert result["timexes"]["precision"] is None
    assert result["events"]["f1"] == 1.0


# fmt: off
PUBLISHED_CASES = [
    ("2023-09-12", 1.0),
    ("2023-09-11", 0.0),
    (None, 0.0),
]
# fmt: on


@pytest.mark.parametrize(("system", "accuracy"), PUBLISHED_CASES)
def test_published_inference(system, accuracy) -> None:
    gold = article()
    del gold["published"]
    gold["published_hidden"] = "2023-09-12"
    assert score([gold], [{"published": system}])["published"]["accuracy"] == accuracy


# fmt: off
BAD_GOLD = [
    ({"events": [gold_event(evidence="存在しない文")]}, "not a substring"),
    ({"events": [gold_event(type_="HUG")]}, "unknown type"),
    ({"events": [gold_event(status=("happened",))]}, "status"),
    ({"events": [gold_event(date=("Sept 2023",))]}, "dates must be"),
    ({"timexes": [{"text": "来年", "value": "2024"}]}, "not in the title or text"),
    ({"published": "2023/09/12"}, "YYYY-MM-DD"),
    ({"text": ""}, "text"),
]
# fmt: on


@pytest.mark.parametrize(("change", "message"), BAD_GOLD)
def test_gold_is_validated(tmp_path: Path, change: dict, message: str) -> None:
    path = tmp_path / "bad.gold.jsonl"
    good = article(events=[gold_event()])
    bad = {**good, "id": "a2", **change}
    path.write_text(
        json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False)
    )
    with pytest.raises(GoldError, match=message) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value)


def test_gold_invalid_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold.jsonl"
    path.write_text(json.dumps(article(), ensure_ascii=False) + "\n{oops\n")
    with pytest.raises(GoldError, match=r"bad.gold.jsonl:2: invalid JSON"):
        load_gold(path)


# fmt: off
MATCHING_CASES = [
    ([[1, 1], [1, 0]], [(0, 1), (1, 0)]),
    ([[0, 0], [0, 0]], []),
    ([[5, 1, 0]], [(0, 0)]),
    ([[3], [4], [0]], [(1, 0)]),
    ([[2, 2], [2, 3]], [(0, 0), (1, 1)]),
]
# fmt: on


@pytest.mark.parametrize(("weights", "pairs"), MATCHING_CASES)
def test_max_weight_pairs(weights, pairs) -> None:
    assert max_weight_pairs(weights) == pairs
