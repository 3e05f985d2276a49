# ruff: noqa: E501 - one real sentence per table row
"""Actor and recipient codes of events in real news sentences."""

from __future__ import annotations

import pytest

# (sentence, article date, event type, actor codes, recipient codes) — from the NHK reference
# article and Japanese Wikinews (CC BY 2.5).
# fmt: off
CASES = [
    ("ロシアによるウクライナへの軍事侵攻が始まった。", "2023-09-12", "ASSAULT", {"RUS"}, {"UKR"}),
    ("ロシアは、中国とともに拒否権を行使し、決議案は否決されました。", "2023-09-12", "REJECT", {"RUS", "CHN"}, set()),
    ("ロシアの代表団が中国とともに首都ピョンヤンを訪問した。", "2023-09-12", "CONSULT", {"RUS", "CHN"}, {"PRK"}),
    ("日本とアメリカ、韓国の首脳が会談を行った。", "2023-09-12", "CONSULT", {"JPN", "USA", "KOR"}, set()),
    ("北朝鮮が、ロシアの民間軍事会社ワグネルに対して兵器を提供している。", "2023-09-12", "AID", {"PRK"}, {"RUS"}),
    ("北朝鮮は外務省の談話を通じてロシアを全面的に支持する立場を表明した。", "2023-09-12", "SUPPORT", {"PRK"}, {"RUS"}),
    ("キム・ヨジョン氏は、アメリカによるウクライナへの戦車の供与を北朝鮮として非難した。", "2023-09-12", "ACCUSE", set(), {"USA"}),
    ("去年12月にはロシアから北朝鮮への石油の輸出が2年ぶりに再開した。", "2023-09-12", "COOPERATE", {"RUS"}, {"PRK"}),
    ("ニュージーランドのヘレン・クラーク首相が、フィジーのクーデターを非難する声明を出した。", "2006-12-05", "ACCUSE", {"NZL"}, {"FJI"}),
    # XはYとともに…: X leads even when the parser hangs X on a later verb
    ("その後も、ロシアは中国とともに北朝鮮を擁護する姿勢を示した。", "2023-09-12", "SUPPORT", {"RUS", "CHN"}, {"PRK"}),
    # a が-subject the parser hung on a noun of its own clause
    ("モーリタニアの首都ヌアクショットで、同国軍部がアブドライ大統領とワグフ首相を拘束した。", "2008-08-06", "COERCE", {"MRT"}, {"MRT"}),
    ("1月にキム・ジョンウン総書記の妹、キム・ヨジョン(金与正)氏が談話でアメリカによるウクライナへの戦車の供与を非難した。", "2023-09-12", "ACCUSE", {"PRK"}, {"USA"}),
    # a coup in a country is aimed at that country, not at the state that condemns it
    ("ニュージーランドのヘレン・クラーク首相が、フィジーのクーデターを非難する声明を出した。", "2006-12-05", "COERCE", {"FJI"}, {"FJI"}),
    # a request: the topic asks, the が-subject of the よう clause is asked
    ("北朝鮮はこれまで、ロシアに武器を供与しないと公言しており、アメリカは北朝鮮が約束を守るよう求める。", "2023-09-12", "REQUEST", {"USA"}, {"PRK"}),
    # the addressee the parser hangs on the requested act
    ("アメリカは北朝鮮に対し、挑発行為をやめるよう求めた。", "2023-09-12", "REQUEST", {"USA"}, {"PRK"}),
    # a threat is aimed at the actor of the act the sentence condemns
    ("国務省のミラー報道官は記者会見で「北朝鮮からロシアに対するいかなる武器の供与も国連安全保障理事会の複数の決議に違反する」と強調したうえで、アメリカは新たな制裁も辞さない考えを示しました。", "2023-09-12", "THREATEN", {"USA"}, {"PRK"}),
    # a visit noun compounded with its destination: ロシア訪問 is a visit to Russia
    ("キム総書記のロシア訪問は、2019年4月以来、4年ぶりです。", "2023-09-12", "CONSULT", {"PRK"}, {"RUS"}),
]
# fmt: on

# Several events of one sentence: (sentence, article date, type, [(actor, recipient), …]).
# fmt: off
SEVERAL = [
    # a topic that opens the first clause is the subject of the coordinated one; two acts, not one
    ("北朝鮮は、侵攻が始まった直後、外務省の談話を通じてロシアを全面的に支持する立場を表明し、去年10月には、ロシアによるウクライナ東部や南部の4つの州の一方的な併合を支持する談話を発表しました。",
     "2023-09-12", "SUPPORT", [({"PRK"}, {"RUS"}), ({"PRK"}, {"RUS"})]),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "published", "etype", "actor", "recipient"), CASES)
def test_arguments(
    extract, sentence: str, published: str, etype: str, actor: set, recipient: set
) -> None:
    result = extract(sentence, published=published)
    events = [e for e in result.events if e.type == etype]
    assert events, [e.summary for e in result.events]
    got_actor = {a.code for a in events[0].actor}
    got_recipient = {r.code for r in events[0].recipient}
    assert actor <= got_actor
    assert recipient <= got_recipient


@pytest.mark.parametrize(("sentence", "published", "etype", "expected"), SEVERAL)
def test_several_events(extract, sentence: str, published: str, etype: str, expected: list) -> None:
    result = extract(sentence, published=published)
    got = [
        ({a.code for a in e.actor}, {r.code for r in e.recipient})
        for e in result.events
        if e.type == etype
    ]
    assert got == expected


def test_a_compound_name_is_the_target_of_the_event_noun(extract) -> None:
    result = extract(
        "ロシアによるウクライナへの軍事侵攻が長期化している。ウクライナ侵攻の長期化と、北朝鮮の核・ミサイル開発の加速化のなかで、懸念が強まっている。",
        published="2023-09-12",
    )
    assert [
        ({a.code for a in e.actor}, {r.code for r in e.recipient})
        for e in result.events
        if e.type == "ASSAULT"
    ] == [({"RUS"}, {"UKR"})]


# Recipients the clause does not name, supplied by the article: (title, text, type, recipient).
# fmt: off
CONTEXT = [
    # the other party of the article's dyad
    ("プーチン大統領とキム総書記会談へ 武器をめぐり話し合いか",
     "ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。一方、ボロンツォフ氏は「北朝鮮は多くのものを必要としていて、ロシアは経済面で支援できるだろう」としてロシアとしては、見返りとして小麦などの食料を提供するという考えを示しました。",
     "AID", {"PRK"}),
    # praise in an article about one country is for that country
    ("マラウイ、さらに人道的食糧支援を要請",
     "マラウイのビング・ワ・ムタリカ大統領は、同国で起きている大規模な食糧危機を国家的災害と宣言した。宣言はテレビおよびラジオ演説で全国に放送された。国際連合の世界食糧計画ではこの宣言を歓迎し、大統領がようやく事態の深刻さを認めたとしている。",
     "SUPPORT", {"MWI"}),
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "etype", "recipient"), CONTEXT)
def test_recipient_from_the_article(
    extract, title: str, text: str, etype: str, recipient: set
) -> None:
    result = extract(text, title=title, published="2023-09-12")
    events = [e for e in result.events if e.type == etype]
    assert events, [e.summary for e in result.events]
    assert recipient <= {r.code for r in events[0].recipient}


# Headlines open with their subject before 、: (headline, article date, type, actor, recipient,
# types that must not take the headline subject as actor) — Japanese Wikinews (CC BY 2.5).
# fmt: off
HEADLINES = [
    ("北朝鮮、日本の経済制裁発動を非難", "2006-09-25", "ACCUSE", {"PRK"}, {"JPN"}),
    ("北朝鮮、ミサイル7発を発射", "2006-07-05", "MOBILIZE", {"PRK"}, set()),
]
# fmt: on


@pytest.mark.parametrize(("headline", "published", "etype", "actor", "recipient"), HEADLINES)
def test_headline_subject(
    extract, headline: str, published: str, etype: str, actor: set, recipient: set
) -> None:
    result = extract("詳細は明らかになっていない。", title=headline, published=published)
    events = [e for e in result.events if e.type == etype]
    assert events, [e.summary for e in result.events]
    assert {a.code for a in events[0].actor} == actor
    assert recipient <= {r.code for r in events[0].recipient}


def test_headline_subject_is_not_the_actor_of_an_event_noun(extract) -> None:
    result = extract(
        "詳細は明らかになっていない。",
        title="北朝鮮、日本の経済制裁発動を非難",
        published="2006-09-25",
    )
    assert all(
        "PRK" not in {a.code for a in e.actor} for e in result.events if e.type == "SANCTION"
    )
