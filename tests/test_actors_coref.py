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


# ---- people set apart, pairs, appositions, roles held for another state

# fmt: off
DIFFERENT_PEOPLE = [
    # (article, two mentions that must be two actors): a kinship apposition and two full names
    ("ことしに入っても、1月にキム・ジョンウン総書記の妹、キム・ヨジョン(金与正)氏が談話でアメリカによるウクライナへの戦車の供与を非難した。",
     ("キム・ジョンウン総書記", "キム・ヨジョン(金与正)氏")),
    ("キム・ジョンウン(金正恩)総書記が出発した。1月にキム・ジョンウン総書記の妹、キム・ヨジョン(金与正)氏が談話を出した。",
     ("キム・ジョンウン(金正恩)総書記", "キム・ヨジョン(金与正)氏")),
]
# fmt: on


@pytest.mark.parametrize(("text", "pair"), DIFFERENT_PEOPLE)
def test_different_people(nlp_model, text: str, pair: tuple[str, str]) -> None:
    doc = analyse(text)
    first, second = (actor_of(doc, s) for s in pair)
    assert first is not None and second is not None and first.id != second.id


def test_sister_is_kim_yo_jong_in_the_reference_article(seed_doc) -> None:
    sister = actor_of(seed_doc, "キム・ヨジョン(金与正)氏")
    assert sister.lexicon_id == "kim-yo-jong" and sister.code == "PRK"


def test_both_leaders_is_one_mention_per_leader(seed_doc) -> None:
    """両首脳 gives one mention per member of the pair, each with its own actor."""
    both = [m for m in seed_doc.mentions if m.text == "両首脳"]
    names = sorted(seed_doc.actor_by_id(m.actor_id).name for m in both)
    assert names == ["Kim Jong Un", "Vladimir Putin"]


# fmt: off
APPOSITIONS = [
    # (sentence, named mention, code, role): a title in apposition before a name describes it
    ("北朝鮮のピョンヤンに駐在経験のあるロシアの元外交官でロシア科学アカデミー東洋学研究所のアレクサンドル・ボロンツォフ氏はNHKのインタビューに対し指摘しました。",
     "アレクサンドル・ボロンツォフ氏", "RUS", "former Diplomat"),
    ("ロシアの元外交官でアレクサンドル・ボロンツォフ氏は指摘しました。",
     "アレクサンドル・ボロンツォフ氏", "RUS", "former Diplomat"),
]
# fmt: on


@pytest.mark.parametrize(("text", "surface", "code", "role"), APPOSITIONS)
def test_apposition_title(nlp_model, text: str, surface: str, code: str, role: str) -> None:
    doc = analyse(text)
    person = actor_of(doc, surface)
    assert (person.code, person.role) == (code, role)
    assert actor_of(doc, "元外交官") is person


def test_plural_title_is_not_the_person_named_before(nlp_model) -> None:
    doc = analyse(
        "ロシアの元外交官でアレクサンドル・ボロンツォフ氏は指摘しました。"
        "北朝鮮にあるロシア大使館は、今月7日、外交官らが戻ったと明らかにしました。"
    )
    assert actor_of(doc, "外交官") is not actor_of(doc, "アレクサンドル・ボロンツォフ氏")


# fmt: off
ROLE_COUNTRY = [
    # (sentence, article date, mention, code): a role held for another state or an IGO
    ("国際連合安全保障理事会は、9日午前の非公式協議で、大韓民国の潘基文(パン・ギムン)外交通商相を次期事務総長に推薦することを決定した。",
     "2006-10-10", "潘基文", "KOR"),
    ("これを受け、潘基文事務総長は「立証されれば、明確な国際法違反」と懸念を表明した。", "2013-08-30", "潘基文事務総長", "UN"),  # noqa: E501
    ("韓国の外相は記者団に対し、対話を続ける考えを示した。", "2005-06-01", "外相", "KOR"),
]
# fmt: on


@pytest.mark.parametrize(("text", "day", "surface", "code"), ROLE_COUNTRY)
def test_role_country(nlp_model, text: str, day: str, surface: str, code: str) -> None:
    actor = actor_of(analyse(text, day=day), surface)
    assert actor is not None and actor.code == code


def test_title_alone_finds_holder_of_a_role_for_another_state(nlp_model) -> None:
    actor = actor_of(analyse(ROLE_COUNTRY[2][0], day="2005-06-01"), "外相")
    assert actor.name == "Ban Ki-moon"
