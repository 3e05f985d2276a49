"""Within-article coreference, and the actors of the reference article's gold events."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_ARTICLE, SHARED
from test_actors_mentions import actor_of, analyse

# fmt: off
COREF = [
    # (article, two mentions that must be one actor, its code)
    ("キム・ジョンウン(金正恩)総書記が出発した。キム総書記の外国訪問は初めてだ。総書記は駅で見送りを受けた。",
     ("キム・ジョンウン(金正恩)総書記", "キム総書記"), "PRK"),
    ("キム・ジョンウン(金正恩)総書記が出発した。キム総書記の外国訪問は初めてだ。総書記は駅で見送りを受けた。",
     ("キム総書記", "総書記"), "PRK"),
    ("北朝鮮のチェ・ソニ第1外務次官が談話を発表した。同次官は米韓合同軍事演習を非難した。",
     ("チェ・ソニ第1外務次官", "同次官"), "PRK"),
    ("警視庁は、会社員の山田太郎容疑者を逮捕した。調べに対し、同容疑者は容疑を認めている。",
     ("山田太郎容疑者", "同容疑者"), None),
    ("アレクサンドル・ボロンツォフ氏は会談を注視している。ボロンツォフ氏は「合意してもおかしくない」と述べた。",
     ("アレクサンドル・ボロンツォフ氏", "ボロンツォフ氏"), None),
    ("モーリタニアの首都ヌアクショットで、同国軍部が大統領を拘束した。", ("モーリタニア", "同国"), "MRT"),  # noqa: E501
]
# fmt: on


@pytest.mark.parametrize(("text", "pair", "code"), COREF)
def test_same_actor(nlp_model, text: str, pair: tuple[str, str], code: str | None) -> None:
    doc = analyse(text)
    first, second = (actor_of(doc, s) for s in pair)
    assert first is not None and first is second
    if code is not None:
        assert first.code == code


def test_both_countries_are_the_pair(nlp_model) -> None:
    doc = analyse("ロシアと北朝鮮は首脳会談を行うと発表しました。両国の関係は一層強まっています。")
    codes = {doc.actor_by_id(m.actor_id).code for m in doc.mentions if m.text == "両国"}
    assert codes == {"RUS", "PRK"}


def test_same_country_body(nlp_model) -> None:
    doc = analyse("モーリタニアの首都ヌアクショットで、同国軍部がアブドライ大統領を拘束した。")
    assert actor_of(doc, "軍部").code == "MRT"


# ---- the reference article


@pytest.fixture(scope="module")
def seed_doc(nlp_model):
    title, _, body = SEED_ARTICLE.read_text(encoding="utf-8").partition("\n")
    return analyse(body.lstrip("\n"), title=title, day="2023-09-12")


# fmt: off
SEED_ACTORS = [
    # (mentions that are one actor, code, English name)
    (("キム・ジョンウン(金正恩)総書記", "キム総書記", "キム・ジョンウン総書記"), "PRK", "Kim Jong Un"),  # noqa: E501
    (("プーチン大統領",), "RUS", "Vladimir Putin"),
    (("ペスコフ報道官",), "RUS", "Dmitry Peskov"),
    (("ショイグ国防相",), "RUS", "Sergei Shoigu"),
    (("民間軍事会社ワグネル",), "RUS", "Wagner Group"),
    (("国連の安全保障理事会", "安保理", "国連安保理"), "UNSC", "UN Security Council"),
    (("ホワイトハウス",), "USA", "White House"),
    (("情報機関",), "KOR", None),
    (("ロシア", "ロシア大統領府"), "RUS", None),
    (("北朝鮮", "ピョンヤン", "労働新聞"), "PRK", None),
    (("アレクサンドル・ボロンツォフ氏", "ボロンツォフ氏"), "RUS", None),
    (("ミラー報道官", "国務省", "ライダー報道官", "国防総省"), "USA", None),
]
# fmt: on


@pytest.mark.parametrize(("surfaces", "code", "name"), SEED_ACTORS)
def test_seed_actor(seed_doc, surfaces: tuple[str, ...], code: str, name: str | None) -> None:
    found = [actor_of(seed_doc, s) for s in surfaces]
    assert all(a is not None and a.code == code for a in found)
    if name is not None:
        assert len({a.id for a in found}) == 1 and found[0].name == name


def _gold_events() -> list[dict]:
    line = (SHARED / "eval" / "dev" / "seed.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)["events"]


@pytest.mark.parametrize("event", _gold_events(), ids=lambda e: e["evidence"][:24])
def test_seed_gold_event_actors_are_coded(seed_doc, event: dict) -> None:
    """Every gold actor and recipient code is an actor of the article, and the actors
    written inside the evidence carry gold codes."""
    codes = {a.code for a in seed_doc.actors}
    assert set(event["actor"]) | set(event["recipient"]) <= codes
    start = seed_doc.text.find(event["evidence"])
    inside = {
        seed_doc.actor_by_id(m.actor_id).code
        for m in seed_doc.mentions_in(start, start + len(event["evidence"]))
        if m.kind in ("state", "person") and m.actor_id
    }
    gold = set(event["actor"]) | set(event["recipient"])
    assert not inside or inside & gold
