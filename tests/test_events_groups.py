# ruff: noqa: E501 - one real sentence per table row
"""Lists of states, plural words, multilateral meetings and attributed attacks in real news text."""

from __future__ import annotations

import pytest

# (text, article date, type, actor codes, recipient codes, status) — Japanese Wikinews (CC BY 2.5)
# and the NHK reference article. Codes are compared exactly.
# fmt: off
CASES = [
    # a long list the parser cuts: every listed state acts
    ("アメリカ合衆国、インド、オーストラリア、韓国、中国、日本の6カ国が、地球温暖化につながるガス排気量を制限することを目的とする地域協定を結んだとAFP通信が29日報道した。",
     "2005-07-29", "SUPPORT", {"USA", "IND", "AUS", "KOR", "CHN", "JPN"}, set(), None),
    # "6カ国協議": the count word stands for the last list of six states; a meeting in November is planned
    ("アメリカ合衆国、インド、オーストラリア、韓国、中国、日本の6カ国が地域協定を結んだ。協定の詳細は、11月に行われる6カ国協議の後、決定される。",
     "2005-07-29", "CONSULT", {"USA", "IND", "AUS", "KOR", "CHN", "JPN"}, set(), "planned"),
    # "各国は…合意した": the plural subject stands for the last list of states
    ("東アジアサミットに参加するのは、日本、中華人民共和国、大韓民国を加えた「ASEANプラス3」と、インド、オーストラリア、ニュージーランド。東アジアサミットに参加が予定されている各国は、8日の高級事務レベル協議で、「東アジア共同体」を創設することを「クアラルンプール宣言」に盛り込んで採択することで合意した。",
     "2005-12-08", "AGREE", {"IND", "AUS", "NZL"}, set(), None),
    # an organisation's own meetings are held by it, not with it
    ("マレーシアの首都クアラルンプールで9日から東南アジア諸国連合(ASEAN)の各種会議が開催される。",
     "2005-12-08", "CONSULT", {"ASEAN"}, set(), "planned"),
    # a sufferer's attack takes the state the article names as its source
    ("朝日新聞によると、韓国で7日より8日まで、米国で5日より8日まで、それぞれの政府や関連機関のコンピューターがクラッカーの分散型DoS攻撃によるサイバー攻撃を受け、ウェブサイトへの接続がしにくくなるなどの障害が起きた。AP通信によると、米政府当局者は「サイバー攻撃の発信元は北朝鮮」と述べた。",
     "2009-07-09", "COERCE", {"PRK"}, {"USA"}, None),
    # naming the source of an attack accuses that state
    ("韓国で7日より8日まで、それぞれの政府や関連機関のコンピューターがサイバー攻撃を受けた。米政府当局者は「サイバー攻撃の発信元は北朝鮮」と述べた。",
     "2009-07-09", "ACCUSE", {"USA"}, {"PRK"}, "occurred"),
    # a proposal a third party's view reports is claimed by that party
    ("北朝鮮を訪れたショイグ国防相について韓国の情報機関は今月、中国も加えた3か国による合同軍事演習を提案したという見方を示し、ショイグ国防相も今月4日、北朝鮮と合同の軍事演習を検討していると認めました。",
     "2023-09-12", "AGREE", {"RUS"}, {"PRK"}, "claimed"),
    # "…のに対し、北朝鮮側は…求めている": the contrasted clause's subject does not ask
    ("ただし、列車での移動を韓国側が求めているのに対し、北朝鮮側は道路での移動を求めていると伝えられる。",
     "2007-05-10", "REQUEST", {"PRK"}, set(), None),
    # a warning that another state may attack alleges it: the warner acts, the other is the target
    ("北朝鮮は、アメリカが先制攻撃しかねないと警告した。",
     "2023-09-12", "ACCUSE", {"PRK"}, {"USA"}, None),
    # with no topic, the が-subject of a verb of accusing is its actor
    ("アメリカが、北朝鮮の核実験は決議違反だと非難した。",
     "2023-09-12", "ACCUSE", {"USA"}, {"PRK"}, None),
    # a promise to one's own people stays a concession (its recipient is not dropped as "itself")
    ("チュニジア大統領が国外脱出、23年に亘る独裁政権に幕。ベンアリ氏は当初デモを「テロ行為」などとして批判していたものの、12日には内相を更迭すると発表し、翌13日にはテレビ演説で言論の自由の拡大や食料品価格引き下げ、任期が切れる2014年の政界引退などを約束して沈静化をはかったものの、国民の抗議を抑えられず、14日には数千人が内務省を包囲しベンアリ氏の即時退陣を要求。",
     "2011-01-15", "CONCEDE", {"TUN"}, {"TUN"}, None),
    # a visit in a time clause (訪問した際に) is stated, though the main clause is a guess
    ("ボロンツォフ氏はNHKのインタビューに対し、ことし7月にショイグ国防相が北朝鮮を訪問した際に、キム総書記のロシアへの訪問を打診したのではないかと指摘した。",
     "2023-09-12", "CONSULT", {"RUS"}, {"PRK"}, "occurred"),
]
# fmt: on

# Text with a trigger word that must not yield an event of the type.
# fmt: off
NOT = [
    # "同じ攻撃" repeats the cyber attack named before: no second, military attack
    ("韓国で7日より8日まで、それぞれの政府や関連機関のコンピューターがサイバー攻撃を受けた。今回は、米国・韓国両政府のコンピューターが同じ攻撃を受けており、北朝鮮が弾道ミサイルを発射した時期と重なった。",
     "2009-07-09", "ASSAULT"),
    # the warner threatens nothing
    ("北朝鮮は、アメリカが先制攻撃しかねないと警告した。", "2023-09-12", "THREATEN"),
    # "6カ国は…信じているが、環境保護団体からは批判が出ている": the critics are not the six states
    ("アメリカ合衆国、インド、オーストラリア、韓国、中国、日本の6カ国が地域協定を結んだ。6カ国は地域協定が京都議定書より公平でかつより効果的であると信じているが、環境保護団体からは批判が出ている。",
     "2005-07-29", "ACCUSE"),
]
# fmt: on


@pytest.mark.parametrize(("text", "published", "etype", "actor", "recipient", "status"), CASES)
def test_group_events(
    extract, text: str, published: str, etype: str, actor: set, recipient: set, status: str | None
) -> None:
    result = extract(text, published=published)
    found = [
        e
        for e in result.events
        if e.type == etype
        and {a.code for a in e.actor} == actor
        and recipient <= {r.code for r in e.recipient}
    ]
    assert found, [e.summary for e in result.events]
    if status is not None:
        assert found[0].status == status


@pytest.mark.parametrize(("text", "published", "etype"), NOT)
def test_no_group_event(extract, text: str, published: str, etype: str) -> None:
    result = extract(text, published=published)
    assert not [e for e in result.events if e.type == etype], [e.summary for e in result.events]
