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
    "tunisia_full": ("2011-01-15", "ベンアリ氏は当初デモを批判していたものの、12日には内相を更迭すると発表し、翌13日にはテレビ演説で言論の自由の拡大や食料品価格引き下げ、任期が切れる2014年の政界引退などを約束して沈静化をはかった。"),
    "invasion": ("2023-09-12", "両国の関係は、去年2月、ロシアによるウクライナへの軍事侵攻が始まって以降、一層強まっています。\n\n北朝鮮は、侵攻が始まった直後、外務省の談話を通じてロシアを全面的に支持する立場を表明し、去年10月には、ロシアによるウクライナ東部や南部の4つの州の一方的な併合を支持する談話を発表しました。"),
    "malawi": ("2005-10-15", "加えて、1980年代半ばから1990年代に、マラウイはモザンビークから100万人以上の難民を受け入れてきた。"),
    "police": ("2005-10-13", "イスラマバードの高層アパート、マルガラ・タワーズの崩壊について、警察当局は12日、違法な増築があったと見て捜査を開始した。"),
    "caledonia": ("2006-04-20", "カナダ・オンタリオ州警察(OPP)は20日午前5時前(UTC-4、日本時間午後6時前)、銃、テーザー銃、催涙ガス、トウガラシスプレーで装備し、数十人のイロコイ連邦派抗議集団が過去52日間占領していた地域を攻撃した。(訳注:抗議集団は、この土地が1784年に先住民に対し払い下げられた土地だと主張している。これに対し、政府側は、1841年に高速道路用地として収容されていると主張している。)弾丸は全く撃たれなかった。OPP副局長モーリス・パイロンは、抗議集団が呼び入れた援軍が警察を後退させる前に、16人を逮捕したことを確認した。"),
    "kyrgyz": ("2006-11-08", "バキエフ大統領は2005年8月に大統領に就任したが、経済状況が好転しないことなどで国民の間で反発が高まっていた。読売によれば、警官の中に任務を離れる動きがあり、大統領はグロノフ内相代行を更迭して事態の収拾を図ったが、野党側による抗議は続いた。毎日によれば大統領は6日に野党側の要求を受け入れ、議会の権力を強化する憲法改正に向けた審議を行おうとしたが、野党議員の欠席で審議を開けずにいた。野党議員団は7日夜、新憲法へむけた話し合いを8日から再開することで与党と合意した。"),
    "visit": ("2023-09-12", "そして7月には、朝鮮戦争の休戦から70年の節目に合わせて、ロシアの代表団が中国とともに首都ピョンヤンを訪問し、キム総書記は代表団を率いたショイグ国防相と会談しました。\n\nキム総書記は、ショイグ国防相と最新兵器の展示会を一緒に見て回ったほか、軍事パレードを並んで観覧するなど、厚遇ぶりが目立ちました。\n\n北朝鮮を訪れたショイグ国防相について韓国の情報機関は今月、中国も加えた3か国による合同軍事演習を提案したという見方を示し、ショイグ国防相も今月4日、北朝鮮と合同の軍事演習を検討していると認めました。"),
    "visit_alone": ("2023-09-12", "北朝鮮を訪れたショイグ国防相について韓国の情報機関は今月、中国も加えた3か国による合同軍事演習を提案したという見方を示し、ショイグ国防相も今月4日、北朝鮮と合同の軍事演習を検討していると認めました。"),
    "jobs": ("2011-10-06", "アップル社は5日、同社の共同創業者であり前CEOのスティーブ・ジョブズ会長が死去したと発表した。"),
    "italy": ("2005-09-22", "イタリアのドメニコ・シニスカルロ経済相が、22日辞任した。ファツィオ総裁の去就は8月から焦点となっていたが、総裁はいまだ現職に留まっている。シニスカルロ経済相は、辞任状のなかで「政治のためにスキャンダルに巻き込まれた」と述べ、トリノ大学での教職に戻るほうがよいとの判断を示した。また経済相は、自身が提出した予算が、政府連立与党により大幅に薄められたことにも抗議した。"),
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
    # a date inside the object ("2014年の政界引退") does not date the promise
    ("tunisia_full", "政界引退などを約束して", "約束", "2011-01-13", "翌13日", "sentence"),
    # "侵攻が始まった直後": the date of the invasion named in the paragraph before
    ("invasion", "ロシアを全面的に支持する", "支持", "2022-02", "去年2月", "anchor"),
    ("invasion", "立場を表明し", "表明", "2022-02", "去年2月", "anchor"),
    ("invasion", "併合を支持する談話を発表しました", "発表", "2022-10", "去年10月", "clause"),
    # a decade dates an event by a year inside it
    ("malawi", "マラウイはモザンビークから100万人以上の難民を受け入れてきた", "受け入れ", "1990", "1990年代", "clause"),
    # "<topic>は12日、…" dates the topic's predicate even when the parse hangs it lower
    ("police", "警察当局は12日、違法な増築があったと見て捜査を開始した", "開始", "2005-10-12", "12日", "clause"),
    ("kyrgyz", "野党議員団は7日夜、新憲法へむけた話し合いを8日から再開することで与党と合意した", "合意", "2006-11-07", "7日夜", "clause"),
    # a translator's note in brackets and a background clause ("…就任したが、") do not carry over
    ("caledonia", "16人を逮捕した", "逮捕", "2006-04-20", "20日午前5時", "context"),
    ("kyrgyz", "野党側による抗議は続いた", "続い", "2006-11-08", None, "dct"),
    # a start ("8月から焦点となっていた") is not the time of the next sentences
    # a past act reported later ("…提案したという見方を示し") takes the date of the visit
    # named on its topic ("訪れたショイグ国防相") before the report's date
    ("visit", "中国も加えた3か国による合同軍事演習を提案したという", "提案", "2023-07", "7月", "anchor"),
    ("visit", "見方を示し", "示し", "2023-09", "今月", "clause"),
    ("visit", "北朝鮮と合同の軍事演習を検討していると認めました", "検討", "2023-09-04", "今月4日", "clause"),
    ("visit_alone", "中国も加えた3か国による合同軍事演習を提案したという", "提案", "2023-09", "今月", "sentence"),
    ("visit_alone", "北朝鮮と合同の軍事演習を検討していると認めました", "検討", "2023-09-04", "今月4日", "clause"),
    # with no anchor, the report's date stays the best date of the act it reports
    ("jobs", "スティーブ・ジョブズ会長が死去した", "死去", "2011-10-05", "5日", "sentence"),
    ("italy", "政府連立与党により大幅に薄められたことにも抗議した", "抗議", "2005-09-22", "22日", "context"),
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
