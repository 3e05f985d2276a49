# ruff: noqa: E501 - one real sentence per table row
"""Actor and recipient codes of events in real news sentences."""

from __future__ import annotations

import pytest

# (sentence, event type, actor codes, recipient codes) — from the NHK reference article and
# Japanese Wikinews (CC BY 2.5).
# fmt: off
CASES = [
    ("ロシアによるウクライナへの軍事侵攻が始まった。", "ASSAULT", {"RUS"}, {"UKR"}),
    ("ロシアは、中国とともに拒否権を行使し、決議案は否決されました。", "REJECT", {"RUS", "CHN"}, set()),
    ("ロシアの代表団が中国とともに首都ピョンヤンを訪問した。", "CONSULT", {"RUS", "CHN"}, {"PRK"}),
    ("日本とアメリカ、韓国の首脳が会談を行った。", "CONSULT", {"JPN", "USA", "KOR"}, set()),
    ("北朝鮮が、ロシアの民間軍事会社ワグネルに対して兵器を提供している。", "AID", {"PRK"}, {"RUS"}),
    ("北朝鮮は外務省の談話を通じてロシアを全面的に支持する立場を表明した。", "SUPPORT", {"PRK"}, {"RUS"}),
    ("キム・ヨジョン氏は、アメリカによるウクライナへの戦車の供与を北朝鮮として非難した。", "ACCUSE", set(), {"USA"}),
    ("去年12月にはロシアから北朝鮮への石油の輸出が2年ぶりに再開した。", "COOPERATE", {"RUS"}, {"PRK"}),
    ("ニュージーランドのヘレン・クラーク首相が、フィジーのクーデターを非難する声明を出した。", "ACCUSE", {"NZL"}, {"FJI"}),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "etype", "actor", "recipient"), CASES)
def test_arguments(extract, sentence: str, etype: str, actor: set, recipient: set) -> None:
    result = extract(sentence, published="2023-09-12")
    events = [e for e in result.events if e.type == etype]
    assert events, [e.summary for e in result.events]
    got_actor = {a.code for a in events[0].actor}
    got_recipient = {r.code for r in events[0].recipient}
    assert actor <= got_actor
    assert recipient <= got_recipient
