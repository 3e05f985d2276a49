# ruff: noqa: E501
"""Event dating with the dependency parse: the timex that governs an event's predicate."""

from __future__ import annotations

import datetime as dt

import pytest

from dekigoto.document import Document
from dekigoto.options import DEFAULT_OPTIONS
from dekigoto.structure import split_blocks
from dekigoto.time import date_for
from dekigoto.time import run as run_time

# fmt: off
PARAGRAPHS = {
    "veto": ("2023-09-12", "去年5月、北朝鮮の相次ぐ弾道ミサイルの発射を受けて、国連の安全保障理事会で北朝鮮に対する制裁を強化する決議案の採決が行われました。ロシアは、中国とともに拒否権を行使し、決議案は否決されました。"),
    "camp": ("2023-09-12", "ただ、先月中旬にアメリカ、ワシントン郊外にある大統領専用の山荘、キャンプ・デービッドで日本とアメリカ、韓国の首脳が会談を行ったことがロシアと北朝鮮への大きな圧力となった可能性があると指摘し、会談で武器の売却が合意される可能性もあると示唆しました。"),
    "shoigu": ("2023-09-12", "ロシアの元外交官はNHKのインタビューに対し、ことし7月にショイグ国防相が北朝鮮を訪問した際に、キム総書記のロシアへの訪問を打診したのではないかと指摘しました。"),
    "tunisia": ("2011-01-15", "ベンアリ氏は当初デモを批判していたものの、12日には内相を更迭すると発表し、翌13日にはテレビ演説で言論の自由の拡大などを約束して沈静化をはかった。"),
    "announce": ("2023-09-12", "ロシアと北朝鮮は、キム・ジョンウン総書記がプーチン大統領の招きで近くロシアを訪問し会談を行うと11日、発表しました。"),
    "fiji": ("2006-12-05", "フィジー最大の日刊紙「フィジータイムス」は、軍による検閲を拒否し、同日夜、発刊を停止した。"),
}

CASES = [
    # (paragraph, evidence, predicate, date, timex text or None, rule)
    ("veto", "決議案の採決が行われました", "行わ", "2022-05", "去年5月", "clause"),
    ("veto", "決議案は否決されました", "否決", "2022-05", "去年5月", "context"),
    ("camp", "首脳が会談を行った", "行っ", "2023-08", "先月中旬", "clause"),
    ("camp", "会談で武器の売却が合意される可能性もあると示唆しました", "示唆", "2023-09-12", None, "dct"),
    ("shoigu", "キム総書記のロシアへの訪問を打診した", "打診", "2023-07", "ことし7月", "clause"),
    ("tunisia", "内相を更迭すると発表し", "発表", "2011-01-12", "12日", "clause"),
    ("tunisia", "言論の自由の拡大などを約束して", "約束", "2011-01-13", "翌13日", "sentence"),
    ("announce", "会談を行うと11日、発表しました", "発表", "2023-09-11", "11日", "clause"),
    ("fiji", "同日夜、発刊を停止した", "停止", "2006-12-05", "同日夜", "clause"),
]
# fmt: on


@pytest.fixture(scope="session")
def dated_docs(nlp_model) -> dict[str, Document]:
    """Each paragraph parsed once and run through the time stage."""
    from dekigoto.nlp import parse_blocks

    docs = {}
    for key, (dct, text) in PARAGRAPHS.items():
        doc = Document(id=key, text=text, published=dt.date.fromisoformat(dct))
        doc.blocks = split_blocks(text, has_title=False)
        doc.parse = parse_blocks(text, doc.blocks)
        run_time(doc, DEFAULT_OPTIONS)
        docs[key] = doc
    return docs


@pytest.mark.parametrize(("key", "evidence", "predicate", "date", "timex", "rule"), CASES)
def test_event_date(dated_docs, key, evidence, predicate, date, timex, rule) -> None:
    doc = dated_docs[key]
    start = doc.text.index(evidence)
    end = start + len(evidence)
    head = next(t.i for t in doc.parse.tokens_in(start, end) if t.text == predicate)
    found = date_for(doc, start, end, head)
    assert found is not None
    assert (found.value, found.rule) == (date, rule)
    named = next((t.text for t in doc.timexes if t.id == found.timex_id), None)
    assert named == timex


def test_no_date_without_article_date(dated_docs) -> None:
    doc = dated_docs["camp"]
    undated = Document(id="x", text=doc.text, blocks=doc.blocks, parse=doc.parse)
    run_time(undated, DEFAULT_OPTIONS.__class__(infer_published=False))
    start = doc.text.index("示唆")
    assert date_for(undated, start, start + 2) is None
