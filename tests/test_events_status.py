# ruff: noqa: E501 - one real sentence per table row
"""Status and status cue of events in real news sentences."""

from __future__ import annotations

import pytest

# (sentence, event type, expected status, cue id) — sentences from the NHK reference article
# and Japanese Wikinews (CC BY 2.5).
# fmt: off
CASES = [
    ("ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。", "CONSULT", "planned", "plan.soon"),
    ("アメリカ・ホワイトハウスは、北朝鮮が、ロシアの民間軍事会社ワグネルに対してウクライナで使用する兵器を提供していると非難した。", "AID", "claimed", "report"),
    ("アメリカ・ホワイトハウスは、北朝鮮が、ロシアの民間軍事会社ワグネルに対してウクライナで使用する兵器を提供していると非難した。", "ACCUSE", "occurred", "default"),
    ("北朝鮮は、ロシアに軍事技術の支援を求めるという見方が出ています。", "REQUEST", "possible", "poss.view"),
    ("オーストラリアは10日にASEAN友好協力条約に署名を予定している。", "SUPPORT", "planned", "plan.yotei"),
    ("ロシアは中国とともに北朝鮮を擁護する姿勢を示した。", "SUPPORT", "occurred", "default"),
    ("ロシアは北朝鮮への支援を要求していない。", "REQUEST", "negated", "neg.aux"),
    ("日本とアメリカは合同軍事演習の実施を見送った。", "COOPERATE", "negated", "neg.governor"),
    ("北朝鮮は弾道ミサイルを発射したとみられる。", "MOBILIZE", "possible", "poss.mirareru"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "etype", "status", "cue"), CASES)
def test_status(extract, sentence: str, etype: str, status: str, cue: str) -> None:
    result = extract(sentence, published="2023-09-12")
    events = [e for e in result.events if e.type == etype]
    assert events, [e.summary for e in result.events]
    assert (events[0].status, events[0].status_cue) == (status, cue)


def test_headline_question_is_possible(extract) -> None:
    result = extract(
        "米政府は対策を急いでいる。",
        title="北朝鮮が米国にサイバー攻撃か",
        published="2009-07-09",
    )
    cyber = [e for e in result.events if e.type == "COERCE"]
    assert cyber and cyber[0].status == "possible"


def test_claimed_by_names_the_accuser(extract) -> None:
    result = extract(
        "アメリカ・ホワイトハウスは、北朝鮮が、ロシアの民間軍事会社ワグネルに対して兵器を提供していると非難した。",
        published="2023-09-12",
    )
    aid = [e for e in result.events if e.type == "AID"]
    assert aid and aid[0].claimed_by is not None and aid[0].claimed_by.code == "USA"


def test_a_planned_visit_is_not_dated_by_its_announcement(extract) -> None:
    result = extract(
        "ロシアと北朝鮮は、キム・ジョンウン総書記がプーチン大統領の招きで近くロシアを訪問し会談を行うと11日、発表しました。",
        published="2023-09-12",
    )
    visit = [e for e in result.events if e.type == "CONSULT"]
    assert visit and visit[0].status == "planned" and visit[0].date != "2023-09-11"


def test_a_hedge_does_not_reach_a_concessive_clause(extract) -> None:
    result = extract(
        "タイで19日夜、陸軍によるクーデターが勃発した。国防省長官のタンマラック・イッサラーンクーン=ナ・アユッタヤー氏は19日にクーデター・グループによって拘束されたが、その後逃亡して、地方へ潜伏していると見られる。",
        published="2006-09-20",
    )
    arrest = [e for e in result.events if e.trigger == "coerce.arrest"]
    assert arrest and (arrest[0].status, arrest[0].actor[0].code) == ("occurred", "THA")
