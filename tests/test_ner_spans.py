"""NER evaluation: the spans the project's recogniser gives, in the stockmark conventions."""

from __future__ import annotations

import pytest

from dekigoto.actors.lexicon import get_lexicon
from dekigoto.evaluation.ner import project_entities, score
from dekigoto.nlp import parse_text

# fmt: off
SPANS = [
    # (sentence from the stockmark Wikipedia NER data, entity, type)
    ("鉄道路線はレンフェが運営し、マドリード、サラゴサ、スペイン北部とつながっている。", "スペイン北部", "地名"),  # noqa: E501
    ("2014年4月11日、アラブ首長国連邦アブダビのduアリーナで開催された。", "アラブ首長国連邦アブダビ", "地名"),  # noqa: E501
    ("2020年2月11日にアメリカ・サンフランシスコで開催された「Galaxy UNPACKED 2020」にて正式発表された。", "アメリカ・サンフランシスコ", "地名"),  # noqa: E501
    ("福島第一原子力発電所事故以降の放射性物質調査で、山梨県・静岡県で採取されたショウゲンジから放射性セシウムが検出されている。", "山梨県", "地名"),  # noqa: E501
    ("福島第一原子力発電所事故以降の放射性物質調査で、山梨県・静岡県で採取されたショウゲンジから放射性セシウムが検出されている。", "静岡県", "地名"),  # noqa: E501
    ("アメリカ軍機がユーゴスラビア連邦共和国の首都ベオグラードにあった中国大使館を爆撃した。", "ベオグラード", "地名"),  # noqa: E501
    ("1885年のジェームズ・ドワイト、1890年のディーン・ミラーに続く3人目の快挙であった。", "ディーン・ミラー", "人名"),  # noqa: E501
    ("これにより旧軍閥や政治家は復帰し、後に鳩山一郎や石橋湛山が政治界に戻ってくることになった。", "鳩山一郎", "人名"),  # noqa: E501
    # katakana names whose words the dictionary knows as person names
    ("アルバムは、巨匠エディ・クレイマーを迎えて作成された。", "エディ・クレイマー", "人名"),
    ("1931年の英国への最初の旅で、彼は、ラージプタナという船で旅をしたが、この同じ船にマハトマ・ガンディーが乗船していた。", "マハトマ・ガンディー", "人名"),  # noqa: E501
    ("設立者は、ヴィンチェンツォ・ランチアである。", "ヴィンチェンツォ・ランチア", "人名"),
    # a state in its demonym
    ("コリアゲートとは、1970年代に韓国人実業家の朴東宣が、韓国中央情報部などと連携し、アメリカ合衆国下院議員への買収工作を行なった工作のこと。", "韓国", "地名"),  # noqa: E501
    ("オランダ軍の指示により、オランダ側はドイツ人遭難者の救助を意図的に行わず見殺しにした。", "ドイツ", "地名"),  # noqa: E501
    # bodies named alone and compound names closed by an organisation suffix
    ("この海軍の突然の申し出に陸軍が反対し、東京都芝の海軍水交社にて折衝を続けた。", "陸軍", "政治的組織名"),  # noqa: E501
    ("たばこの専売制は旧大蔵省、現在は財務省と国税庁の管轄である。", "財務省", "政治的組織名"),
    ("トッキーとは、Jリーグ・栃木SCのマスコットキャラクター。", "栃木SC", "その他の組織名"),
    ("ボールドウィン社はギブソン・ギター・コーポレーションによって買われた。", "ギブソン・ギター・コーポレーション", "法人名"),  # noqa: E501
]
# fmt: on


def _entities(sentence: str) -> set[tuple[str, str]]:
    found = project_entities(sentence, parse_text(sentence), get_lexicon())
    return {(sentence[s:e], t) for s, e, t in found}


@pytest.mark.parametrize(("sentence", "name", "kind"), SPANS)
def test_span(nlp_model, sentence: str, name: str, kind: str) -> None:
    assert (name, kind) in _entities(sentence)


def test_score_counts() -> None:
    gold = [{(0, 2, "人名"), (3, 5, "地名")}]
    system = [{(0, 2, "人名"), (3, 6, "地名")}]
    result = score(gold, system)
    assert (result["人名"]["tp"], result["地名"]["fp"], result["地名"]["fn"]) == (1, 1, 1)
    assert result["core"]["f1"] == 0.5
