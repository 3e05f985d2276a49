# ruff: noqa: E501
"""Inferring the article date when the caller gives none (no GiNZA model needed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dekigoto.structure import split_blocks
from dekigoto.time.dct import from_citations, from_dateline, from_reasoning, infer

SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "seed" / "000_b16e9d0afafa0953.txt"
DEV = SHARED / "eval" / "dev" / "wikinews.gold.jsonl"


def _dev_articles() -> list[dict]:
    with DEV.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def _infer(title: str | None, body: str):
    text = body if title is None else f"{title}\n{body}"
    return infer(text, split_blocks(text, has_title=title is not None))


def test_seed_article_date_from_reasoning() -> None:
    text = SEED.read_text(encoding="utf-8")
    found = infer(text, split_blocks(text, has_title=True))
    assert found.date == dt.date(2023, 9, 12)
    assert found.clue == "reasoning"
    assert "4年ぶり" in (found.evidence or "") and "12日付け" in (found.evidence or "")


@pytest.mark.parametrize(
    "article", [a for a in _dev_articles() if "published_hidden" in a], ids=lambda a: a["id"]
)
def test_hidden_dev_dates(article: dict) -> None:
    found = _infer(article["title"], article["text"])
    assert found.date == dt.date.fromisoformat(article["published_hidden"])
    assert found.clue == "citations"
    assert found.evidence and found.evidence in f"{article['title']}\n{article['text']}"


@pytest.mark.parametrize(
    "article", [a for a in _dev_articles() if "published" in a], ids=lambda a: a["id"]
)
def test_given_dev_dates_are_also_inferred(article: dict) -> None:
    assert _infer(article["title"], article["text"]).date == dt.date.fromisoformat(
        article["published"]
    )


# fmt: off
CASES = [
    # (title, body, expected date or None, clue)
    ("会談", "2005年12月8日、両国は会談した。", "2005-12-08", "dateline"),
    ("地震", "揺れが観測された。『地震情報』。気象庁、2011年4月7日23時46分(UTC+9)。YOMIURIONLINE『宮城沖震源』。読売新聞、2011年4月8日。", "2011-04-08", "citations"),
    ("協定", "地域協定を結んだ。\"Climatepactcausesstorm\".AFP,July 29,2005『米豪が新協定締結へ』。読売新聞、2005年7月28日。", "2005-07-29", "citations"),
    ("会談", "北朝鮮は、12日付けの労働新聞で発表した。2018年6月以来、5年ぶりの訪問となる。ことし3月にも発射した。先月にも発射した。", "2023-05-12", "reasoning"),
    ("会談", "両首脳は12日に会談した。", None, "none"),
    ("会談", "ことし7月に会談した。3年ぶりの訪問だった。", None, "none"),
]
# fmt: on


@pytest.mark.parametrize(("title", "body", "expected", "clue"), CASES)
def test_inference_cases(title: str, body: str, expected: str | None, clue: str) -> None:
    found = _infer(title, body)
    assert found.date == (dt.date.fromisoformat(expected) if expected else None)
    assert found.clue == clue
    assert (found.evidence is None) == (expected is None)


def test_rules_say_none_without_clues() -> None:
    text = "両首脳は会談した。"
    blocks = split_blocks(text, has_title=False)
    assert from_citations(text, blocks) is None
    assert from_dateline(text, blocks) is None
    assert from_reasoning(text, blocks) is None
