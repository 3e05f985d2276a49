# ruff: noqa: E501 - one real sentence per table row
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


# (headline, sentence): real sentences whose article is about a disaster or an accident,
# where a state of emergency, an investigation or a mobilisation is no political event.
# fmt: off
ARTICLE_CASES = [
    ("南ドイツ・バイエルン、スイス、オーストリアで洪水", "バイエルン州南部では、当局が非常事態宣言を出した。"),
    ("ジャーマンウイングス9525便墜落-フランス・アルプス地方で", "フランス内務省は9525便のブラックボックスの一部を発見しており、既に調査が開始されていると発表している。"),
    ("ジャーマンウイングス9525便墜落-フランス・アルプス地方で", "墜落現場となったフランスの政府当局は生存が困難との見解を示したが、フランス警察とフランス空軍などがヘリコプター等を動員し、救助と捜索活動を行っている。"),
]
# fmt: on


@pytest.mark.parametrize(("title", "sentence"), ARTICLE_CASES)
def test_no_event_in_a_disaster_article(extract, title: str, sentence: str) -> None:
    result = extract(sentence, title=title, published="2010-01-01")
    assert [e.summary for e in result.events] == []


def test_cited_sources_yield_no_event(extract) -> None:
    """The cited-source list, with a sister-project link after it, is no part of the body."""
    body = "朝鮮中央通信によると、北朝鮮は9日に核実験を行った。"
    text = (
        body
        + "『北朝鮮が核実験を実施、韓国が制裁を発動』。聯合ニュース、2006年10月9日。"
        + "『北朝鮮が初の核実験、2発目準備か』。日刊スポーツ、2006年10月10日。"
        + "ウィキペディアに北朝鮮核問題に関する記事があります。"
    )
    result = extract(text, title="北朝鮮が核実験", published="2006-10-09")
    start = len("北朝鮮が核実験\n")
    assert [e.type for e in result.events] == ["MOBILIZE"]
    assert all(m.end <= start + len(body) for e in result.events for m in e.mentions)
