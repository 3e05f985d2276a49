"""Codes and sectors: roles named in the text, bare official nouns, non-state outlets and
firms, the article's focus state and 同国, on sentences from real news articles."""

from __future__ import annotations

import pytest
from test_actors_mentions import actor_of, analyse

from dekigoto import actors

# fmt: off
ROLES = [
    # (sentence, article date, mention, code, role): the title written picks the role;
    # without one, the role held on the article date; without that, the person's own state
    ("ニュージーランドのヘレン・クラーク首相が、クーデターを非難する声明を出した。", "2023-01-01", "ヘレン・クラーク首相", "NZL", "Prime Minister"),  # noqa: E501
    ("ヘレン・クラーク首相が、クーデターを非難する声明を出した。", "2023-01-01", "ヘレン・クラーク首相", "NZL", "Prime Minister"),  # noqa: E501
    ("ヘレン・クラーク首相が、クーデターを非難する声明を出した。", "2006-12-06", "ヘレン・クラーク首相", "NZL", "Prime Minister"),  # noqa: E501
    ("ヘレン・クラーク氏は、会見で支援の継続を表明した。", "2012-05-01", "ヘレン・クラーク氏", "UN", "Administrator of the UN Development Programme"),  # noqa: E501
    ("ヘレン・クラーク氏は、会見で支援の継続を表明した。", "2020-05-01", "ヘレン・クラーク氏", "NZL", None),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("sentence", "day", "surface", "code", "role"), ROLES)
def test_role_named_in_text(
    nlp_model, sentence: str, day: str, surface: str, code: str, role: str | None
) -> None:
    actor = actor_of(analyse(sentence, day=day), surface)
    assert (actor.code, actor.role) == (code, role)


# fmt: off
NOT_PERSONS = [
    # katakana compounds with a group, team or firm word
    ("国防省長官のタンマラック・イッサラーンクーン=ナ・アユッタヤー氏は19日にクーデター・グループによって拘束されたが、その後逃亡した。", "クーデター・グループ"),  # noqa: E501
    ("ボールドウィン社はギブソン・ギター・コーポレーションによって買われた。", "ギブソン・ギター・コーポレーション"),  # noqa: E501
    ("本項には東武グループとしての「東武百貨店」のほか、法人としての「株式会社東武百貨店」についても記載する。", "東武グループ"),  # noqa: E501
    ("1997年10月14日、アーク・エンタテインメント、コントレイルとともに、SCEIの100%子会社として法人化。", "アーク・エンタテインメント"),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("sentence", "surface"), NOT_PERSONS)
def test_group_compound_is_no_person(nlp_model, sentence: str, surface: str) -> None:
    doc = analyse(sentence)
    assert not any(surface in m.text and m.kind == "person" for m in doc.mentions)


# fmt: off
BARE_NOUNS = [
    # (headline, text, mention, code, sector): officials and forces named by a bare noun take
    # the state written with them, else the state the article is about
    ("タイ王国で陸軍によるクーデター勃発、首都制圧", "20日には、幹部が国王に会い、状況を報告した。", "幹部", "THA", "government"),  # noqa: E501
    ("タイ王国で陸軍によるクーデター勃発、首都制圧", "一方で、タイの政府関係者の国外逃亡も起こっている。", "政府関係者", "THA", "government"),  # noqa: E501
    ("タイ王国で陸軍によるクーデター勃発、首都制圧", "国防省長官は19日にクーデター・グループによって拘束された。", "クーデター・グループ", "THA", "military"),  # noqa: E501
    ("モーリタニアでクーデター発生、大統領と首相を拘束", "モーリタニアの首都ヌアクショットで、同国軍部がアブドライ大統領とワグフ首相を拘束した。", "軍部", "MRT", "military"),  # noqa: E501
    ("チュニジア大統領が国外脱出、23年に亘る独裁政権に幕", "デモ隊と警官隊との衝突により、同国政府発表で23人の死者が出た。", "デモ隊", "TUN", "opposition"),  # noqa: E501
    ("チュニジア大統領が国外脱出、23年に亘る独裁政権に幕", "デモ隊と警官隊との衝突により、同国政府発表で23人の死者が出た。", "警官隊", "TUN", "police"),  # noqa: E501
    ("チュニジア大統領が国外脱出、23年に亘る独裁政権に幕", "治安当局による強圧的鎮圧にもかかわらず、抗議行動は全国に広がった。", "治安当局", "TUN", "government"),  # noqa: E501
    ("フィジーで軍がクーデター—軍が首相を自宅軟禁", "軍の報道官は、政府高官を拘束したと述べた。", "政府高官", "FJI", "government"),  # noqa: E501
    ("韓国・米政府サイトなどにサイバー攻撃", "AP通信によると、米政府当局者は「サイバー攻撃の発信元は北朝鮮」と述べた。", "政府当局者", "USA", "government"),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "surface", "code", "sector"), BARE_NOUNS)
def test_bare_noun_is_coded(
    nlp_model, title: str, text: str, surface: str, code: str, sector: str
) -> None:
    actor = actor_of(analyse(text, title=title), surface)
    assert (actor.code, actor.sector) == (code, sector)


# fmt: off
SECTORS = [
    # (sentence, mention, sector, code): outlets, firms and clubs are not their state
    ("朝日新聞によると、フィジーで5日、クーデターが発生した。", "朝日新聞", "media", None),
    ("日テレの取材に対し、関係者が明らかにした。", "日テレ", "media", None),
    ("NHKの取材に対し、政府関係者が明らかにした。", "NHK", "media", None),
    ("AP通信などによれば、トリニダード・トバゴの首都ポート・オブ・スペインで爆発が起こった。", "AP通信", "media", None),  # noqa: E501
    ("朝鮮中央通信は、弾道ミサイルの発射実験を行ったと伝えました。", "朝鮮中央通信", "media", "PRK"),  # noqa: E501
    ("フランスでは、フランス電力公社とトヨタ自動車が充電ポイントを設置している。", "トヨタ自動車", "business", None),  # noqa: E501
    ("ボールドウィン社はギブソン・ギター・コーポレーションによって買われた。", "ボールドウィン社", "business", None),  # noqa: E501
    ("トッキーとは、Jリーグ・栃木SCのマスコットキャラクター。", "栃木SC", "sports", None),
    # a firm whose name holds a state's name is still a firm
    ("石油元売り最大手・新日本石油(新日石)は3月18日、九州石油を10月に吸収・合併する方針を決めた。", "新日本石油", "business", None),  # noqa: E501
    # a company officer's title is a business title, not a legislature's 議長
    ("コニカミノルタの植松富司取締役会議長は辞任する。", "植松富司取締役会議長", "business", None),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "surface", "sector", "code"), SECTORS)
def test_sector(nlp_model, sentence: str, surface: str, sector: str, code: str | None) -> None:
    actor = actor_of(analyse(sentence), surface)
    assert (actor.sector, actor.code) == (sector, code)


# fmt: off
FOCUS = [
    # (headline, lead, focus state): the state named most in headline and lead, the scene of
    # the event weighing more than a state that reacts to it
    ("トリニダードの繁華街で爆発、少なくとも10人が負傷",
     "AP通信などによれば、トリニダード・トバゴの首都ポート・オブ・スペインで、現地時間(UTC-4)の14日金曜日夜、爆発が起こり、少なくとも10人が負傷した。死者はなかった。当局は爆発の原因について把握しておらず、犯行声明も出されていない。アメリカ合衆国国務省とカナダ政府は、一連の爆破テロに対応し、トリニダードへの旅行者に対し、以前から警告を出している。以前の爆発が毎月10日前後に集中していたことから、アメリカは旅行者に対し注意勧告を行っていた。",
     "TTO"),
    ("フィジーで軍がクーデター—軍が首相を自宅軟禁",
     "朝日新聞によると、フィジーで5日(UTC+12)、クーデターが発生した。オーストラリアのジョン・ハワード首相は5日、軍事介入の可能性を否定した。ニュージーランドのヘレン・クラーク首相が、クーデターを非難する声明を出した。",
     "FJI"),
]
# fmt: on


@pytest.mark.parametrize(("title", "text", "code"), FOCUS)
def test_focus_country(nlp_model, title: str, text: str, code: str) -> None:
    doc = analyse(text, title=title)
    assert actors.focus_country(doc) == code
    assert actor_of(doc, "当局" if "当局" in text else "フィジー").code == code


def test_time_zone_is_no_state(nlp_model) -> None:
    doc = analyse("今回の爆発は、現地時間の午後7時過ぎ(日本時間15日午前8時)に起こった。")
    assert "日本" not in [m.text for m in doc.mentions]


# fmt: off
SAME_COUNTRY = [
    # (text, code of 同国): the last state before it, passing over the subject of its clause
    ("外務省によれば日本と従来のセルビア・モンテネグロの外交関係は1997年に始まった。セルビアが同国を継承しているため、セルビアに対して新たに国家承認を行うことは不要とされる。", "SCG"),  # noqa: E501
    ("モーリタニアの首都ヌアクショットで、同国軍部がアブドライ大統領を拘束した。", "MRT"),
]
# fmt: on


@pytest.mark.parametrize(("text", "code"), SAME_COUNTRY)
def test_same_country(nlp_model, text: str, code: str) -> None:
    doc = analyse(text)
    assert actor_of(doc, "同国").code == code
    assert actors.code_phrase(doc, "同国", at=text.index("同国")) == code
