"""Actor mentions, codes and English names on real news sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from dekigoto import actors, structure
from dekigoto.document import Document
from dekigoto.nlp import parse_blocks
from dekigoto.options import DEFAULT_OPTIONS


def analyse(text: str, title: str | None = None, day: str = "2023-09-12") -> Document:
    """Run structure, nlp and actors over one article."""
    full = text if title is None else f"{title}\n{text}"
    doc = Document(id="t", text=full, title=title, published=dt.date.fromisoformat(day))
    structure.run(doc, DEFAULT_OPTIONS)
    doc.parse = parse_blocks(doc.text, doc.blocks)
    doc.dct = doc.published
    actors.run(doc, DEFAULT_OPTIONS)
    return doc


def actor_of(doc: Document, surface: str):
    """The actor of the first mention whose text is ``surface``."""
    for m in doc.mentions:
        if m.text == surface:
            return doc.actor_by_id(m.actor_id)
    found = [m.text for m in doc.mentions]
    raise AssertionError(f"no mention {surface!r} in {found}")


# fmt: off
CASES = [
    # (sentence, mention as written, code, English name)
    ("ロシア大統領府のペスコフ報道官は、首脳会談は近日中に行われるだろうと述べました。", "ペスコフ報道官", "RUS", "Dmitry Peskov"),  # noqa: E501
    ("ロシア大統領府のペスコフ報道官は、首脳会談は近日中に行われるだろうと述べました。", "ロシア大統領府", "RUS", "Kremlin"),  # noqa: E501
    ("キム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。", "キム・ジョンウン(金正恩)総書記", "PRK", "Kim Jong Un"),  # noqa: E501
    ("キム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。", "プーチン大統領", "RUS", "Vladimir Putin"),  # noqa: E501
    ("キム総書記は代表団を率いたショイグ国防相と会談しました。", "ショイグ国防相", "RUS", "Sergei Shoigu"),  # noqa: E501
    ("北朝鮮が、ロシアの民間軍事会社ワグネルに対して兵器を提供していると非難しました。", "民間軍事会社ワグネル", "RUS", "Wagner Group"),  # noqa: E501
    ("国連の安全保障理事会で北朝鮮に対する制裁を強化する決議案の採決が行われました。", "国連の安全保障理事会", "UNSC", "UN Security Council"),  # noqa: E501
    ("ことし1月、アメリカ・ホワイトハウスは、北朝鮮を非難しました。", "ホワイトハウス", "USA", "White House"),  # noqa: E501
    ("ショイグ国防相について韓国の情報機関は今月、合同軍事演習を提案したという見方を示しました。", "情報機関", "KOR", "Intelligence service of South Korea"),  # noqa: E501
    ("12日付けの朝鮮労働党機関紙「労働新聞」などを通じて発表しました。", "労働新聞", "PRK", "Rodong Sinmun"),  # noqa: E501
    ("朝鮮中央通信は、弾道ミサイルの発射実験を行ったと伝えました。", "朝鮮中央通信", "PRK", "KCNA"),
    ("国務省のミラー報道官は記者会見で新たな制裁も辞さない考えを示しました。", "ミラー報道官", "USA", None),  # noqa: E501
    ("批判に対して、ダウナー豪外相は「京都議定書を否定するつもりはない」と述べた。", "ダウナー豪外相", "AUS", "Alexander Downer"),  # noqa: E501
    ("AP通信によると、米政府当局者は「サイバー攻撃の発信元は北朝鮮」と述べた。", "米", "USA", "United States"),  # noqa: E501
    ("日米韓の首脳がキャンプ・デービッドで会談を行いました。", "韓", "KOR", "South Korea"),
    ("マラウイのビング・ワ・ムタリカ大統領は、食糧危機を国家的災害と宣言した。", "ビング・ワ・ムタリカ大統領", "MWI", None),  # noqa: E501
    ("北朝鮮のピョンヤンに駐在経験のあるロシアの元外交官が指摘しました。", "ピョンヤン", "PRK", "North Korea"),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("sentence", "surface", "code", "name"), CASES)
def test_mention_code_and_name(
    nlp_model, sentence: str, surface: str, code: str, name: str | None
) -> None:
    actor = actor_of(analyse(sentence), surface)
    assert actor is not None and actor.code == code
    if name is not None:
        assert actor.name == name


# fmt: off
NOT_ACTORS = [
    # sentences with a homograph that is no country: 米 as rice, 日中 as daytime
    ("今年は米の収穫量が大きく減った。", "米"),
    ("日中は気温が30度を超える見込みです。", "日"),
    ("大統領選挙の結果が発表された。", "大統領"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "surface"), NOT_ACTORS)
def test_homographs_are_not_actors(nlp_model, sentence: str, surface: str) -> None:
    doc = analyse(sentence)
    assert surface not in [m.text for m in doc.mentions]


def test_role_follows_article_date(nlp_model) -> None:
    """首相 alone in a Japanese article is the prime minister of the day."""
    text = "日本の首相は記者団に対し、対応を急ぐ考えを示した。"
    early = actor_of(analyse(text, day="2005-06-01"), "首相")
    late = actor_of(analyse(text, day="2022-06-01"), "首相")
    assert early is not None and late is not None
    assert (early.name, late.name) == ("Junichiro Koizumi", "Fumio Kishida")


def test_unknown_person_is_romanised(nlp_model) -> None:
    doc = analyse("ロシア科学アカデミー東洋学研究所のアレクサンドル・ボロンツォフ氏は指摘した。")
    actor = actor_of(doc, "アレクサンドル・ボロンツォフ氏")
    assert actor is not None and actor.code == "RUS" and actor.romanised


def test_focus_country_from_headline(nlp_model) -> None:
    doc = analyse(
        "朝日新聞によると、フィジーで5日、クーデターが発生した。軍は、首相を自宅軟禁とした。",
        title="フィジーで軍がクーデター—軍が首相を自宅軟禁",
    )
    assert actors.focus_country(doc) == "FJI"
    assert actor_of(doc, "軍").code == "FJI"


@pytest.mark.parametrize(
    ("phrase", "code"), [("軍", "FJI"), ("デモ隊", "FJI"), ("米政府", "USA"), ("ロシア軍", "RUS")]
)
def test_code_phrase(nlp_model, phrase: str, code: str) -> None:
    doc = analyse("フィジーで5日、クーデターが発生した。", title="フィジーで軍がクーデター")
    assert actors.code_phrase(doc, phrase) == code


def test_mentions_point_into_text(nlp_model) -> None:
    doc = analyse(CASES[0][0])
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)
    assert all(doc.actor_by_id(m.actor_id) is not None for m in doc.mentions)


# fmt: off
NOT_MENTIONS = [
    # (sentence, span that is no actor mention): a place inside a team, company or race name,
    # a known surname inside another person's full name, a kind of missile tagged as a company
    ("2012年シーズンよりカターレ富山へ完全移籍した。", "富山"),
    ("フロイド・ランディスの、ツール・ド・フランスにおけるドーピング騒動の余波を受けて、2006年シーズン限りでフォナックが解散した。", "フランス"),  # noqa: E501
    ("1885年のジェームズ・ドワイト、1890年のディーン・ミラーに続く3人目の快挙であった。", "ミラー"),
    ("これにより旧軍閥や政治家は復帰し、後に鳩山一郎や石橋湛山が政治界に戻ってくることになった。", "鳩山"),  # noqa: E501
    ("北朝鮮が7月に再び発射実験を行った固体燃料式の新型のICBM=大陸間弾道ミサイル級の「火星18型」をめぐっては、アメリカのシンクタンクが指摘しています。", "大陸間弾道ミサイル級"),  # noqa: E501
    ("2019年シーズンオフに、ボルチモア・レイブンズと3年$3000万で契約したと報じられるが、合意に至らず破談となった。", "ボルチモア・レイブンズ"),  # noqa: E501
    ("フランスでは、フランス電力公社とトヨタ自動車が道路、車道、駐車場にPHEVのための充電ポイントを設置している。", "トヨタ自動車"),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("sentence", "surface"), NOT_MENTIONS)
def test_not_a_mention(nlp_model, sentence: str, surface: str) -> None:
    doc = analyse(sentence)
    assert surface not in [m.text for m in doc.mentions if m.kind in ("person", "state", "place")]
    assert not any(m.text == surface and m.kind == "organisation" and m.source.startswith("ginza")
                   for m in doc.mentions)  # fmt: skip


def test_known_name_takes_its_title(nlp_model) -> None:
    doc = analyse(
        "これを受け、潘基文事務総長は「立証されれば、明確な国際法違反」と懸念を表明した。",
        day="2013-08-30",
    )
    assert actor_of(doc, "潘基文事務総長").name == "Ban Ki-moon"
