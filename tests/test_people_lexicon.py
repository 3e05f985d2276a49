"""The people lexicon (``data/people.yaml``): schema, invariants and dated spot checks.

The spot checks pair real article sentences with the date they were written: the
person whose role covers that date must be the one the sentence names.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

PEOPLE = Path(__file__).parents[1] / "src" / "dekigoto" / "data" / "people.yaml"

# FORMAT.md codes of intergovernmental bodies, plus WTO (its director-general recurs).
IGO_CODES = {
    "UN", "UNSC", "IAEA", "EU", "NATO", "ASEAN", "AU", "G7", "G20", "WHO", "IMF", "WB", "WFP",
    "ICC", "WTO",
}  # fmt: skip
SECTORS = {"government", "military", "legislature", "judiciary", "party", "igo", "royal"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_RE = re.compile(r"^\d{4}(?:-\d{2}-\d{2})?$")
# Kana, kanji, 々, the middle dot and the long-vowel and equals signs; a regnal
# number is written in digits before 世 (エリザベス2世).
JA_NAME_RE = re.compile(
    r"^(?:[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\uff1d\u3005\u4e00-\u9fff]|[0-9０-９]+世)+$"
)


@functools.cache
def _data() -> dict[str, Any]:
    return yaml.safe_load(PEOPLE.read_text(encoding="utf-8"))


def _entries() -> list[dict[str, Any]]:
    return _data()["entries"]


def _bounds(role: dict[str, Any]) -> tuple[dt.date, dt.date]:
    """First and last day a role covers (a year alone covers the whole year)."""
    start, end = role["start"], role["end"]
    lo = dt.date(int(start), 1, 1) if len(start) == 4 else dt.date.fromisoformat(start)
    if end is None:
        return lo, dt.date.max
    hi = dt.date(int(end), 12, 31) if len(end) == 4 else dt.date.fromisoformat(end)
    return lo, hi


def _country(entry: dict[str, Any], role: dict[str, Any]) -> str:
    return role.get("country") or entry["country"]


def holders(country: str, title: str, day: str) -> list[str]:
    """Ids of the people whose ``title`` role for ``country`` covers ``day``."""
    when = dt.date.fromisoformat(day)
    out = []
    for e in _entries():
        for r in e["roles"]:
            lo, hi = _bounds(r)
            if r["title_ja"] == title and _country(e, r) == country and lo <= when <= hi:
                out.append(e["id"])
    return sorted(set(out))


# ---- the whole file


def test_meta_header() -> None:
    meta = _data()["meta"]
    for key in ("holds", "sources", "licence", "gaps", "changes"):
        assert meta.get(key), key


def test_at_least_300_people() -> None:
    assert len(_entries()) >= 300


def test_ids_unique_and_stable_form() -> None:
    ids = Counter(e["id"] for e in _entries())
    assert [i for i, n in ids.items() if n > 1] == []
    assert [i for i in ids if not ID_RE.match(i)] == []


def test_full_japanese_names_unique() -> None:
    full = Counter(e["names_ja"][0] for e in _entries())
    assert [n for n, k in full.items() if k > 1] == []


def test_no_repeated_name_form_in_an_entry() -> None:
    assert [e["id"] for e in _entries() if len(set(e["names_ja"])) != len(e["names_ja"])] == []


def test_every_name_form_is_japanese_script() -> None:
    bad = [(e["id"], n) for e in _entries() for n in e["names_ja"] if not JA_NAME_RE.match(n)]
    assert bad == []


def test_every_entry_has_english_name_and_roles() -> None:
    assert [e["id"] for e in _entries() if not e.get("name_en") or not e.get("roles")] == []


def test_every_role_has_years_and_ends_after_it_starts() -> None:
    bad = []
    for e in _entries():
        for r in e["roles"]:
            ok = isinstance(r["start"], str) and DATE_RE.match(r["start"])
            ok = ok and (
                r["end"] is None or (isinstance(r["end"], str) and DATE_RE.match(r["end"]))
            )
            if not ok:
                bad.append((e["id"], r["title_ja"], r["start"], r["end"]))
                continue
            lo, hi = _bounds(r)
            if hi < lo or (r["end"] is not None and r["end"][:4] < r["start"][:4]):
                bad.append((e["id"], r["title_ja"], r["start"], r["end"]))
    assert bad == []


def test_every_role_has_title_role_and_known_sector() -> None:
    bad = [
        (e["id"], r.get("title_ja"))
        for e in _entries()
        for r in e["roles"]
        if not r.get("title_ja") or not r.get("role") or r.get("sector") not in SECTORS
    ]
    assert bad == []


def test_every_country_code_exists() -> None:
    codes = {e["country"] for e in _entries()}
    codes |= {r["country"] for e in _entries() for r in e["roles"] if r.get("country")}
    unknown = [
        c for c in codes if c not in IGO_CODES and pycountry.countries.get(alpha_3=c) is None
    ]
    assert sorted(unknown) == []


def test_wikidata_ids_well_formed() -> None:
    bad = [
        e["id"]
        for e in _entries()
        if e["wikidata"] is not None and not re.match(r"^Q\d+$", e["wikidata"])
    ]
    assert bad == []


def test_validates_with_the_actor_loader() -> None:
    lexicon = pytest.importorskip("dekigoto.actors.lexicon")
    from dekigoto.lexicon import read_entries

    people = read_entries(PEOPLE, lexicon.PersonEntry, section="people")
    assert len(people) == len(_entries())


# ---- one holder at a time: offices held by one person, given to the day


SERIES = [
    ("JPN", "首相"), ("JPN", "外相"), ("JPN", "防衛相"), ("JPN", "官房長官"),
    ("USA", "大統領"), ("USA", "副大統領"), ("USA", "国務長官"), ("USA", "国防長官"),
    ("KOR", "大統領"), ("KOR", "首相"), ("KOR", "外相"), ("KOR", "国防相"),
    ("RUS", "大統領"), ("RUS", "首相"), ("RUS", "外相"), ("RUS", "国防相"),
    ("CHN", "国家主席"), ("CHN", "首相"), ("CHN", "外相"),
    ("UKR", "大統領"), ("UKR", "首相"), ("GBR", "首相"), ("GBR", "外相"),
    ("FRA", "大統領"), ("FRA", "首相"), ("DEU", "首相"), ("IND", "首相"), ("ISR", "首相"),
    ("UN", "事務総長"), ("IAEA", "事務局長"), ("NATO", "事務総長"), ("TWN", "総統"),
]  # fmt: skip


@pytest.mark.parametrize(("country", "title"), SERIES)
def test_holders_do_not_overlap(country: str, title: str) -> None:
    spans = defaultdict(list)
    for e in _entries():
        for r in e["roles"]:
            if r["title_ja"] == title and _country(e, r) == country:
                spans[e["id"]].append((*_bounds(r), r))
    flat = sorted((lo, hi, pid, r) for pid, bounds in spans.items() for lo, hi, r in bounds)
    assert len(flat) >= 2
    # A successor may take office on the day the predecessor leaves it; a change
    # known only to the year cannot be checked to the day.
    clashes = [
        (a[2], b[2])
        for a, b in itertools.pairwise(flat)
        if b[0] < a[1] and not (len(b[3]["start"]) == 4 or len(a[3]["end"] or "") == 4)
    ]
    assert clashes == []


# ---- spot checks on real sentences: (article date, country, title, person, sentence)

# fmt: off
SENTENCES = [
    ("2003-10-23", "JPN", "首相", "junichiro-koizumi", "『国旗や国歌に敬意「法律以前の問題」判決で小泉首相』。"),  # noqa: E501
    ("2006-10-25", "JPN", "首相", "shinzo-abe", "毎日によれば、この問題について安倍晋三首相は、首相官邸で、「子供たちの将来に支障をきたさないよう」すべきだとの考えを示した。"),  # noqa: E501
    ("2007-12-27", "JPN", "首相", "yasuo-fukuda", "同新聞によると福田康夫首相は26日、「わたしは専門家ではないのでこの結果が良い悪いとは言えない。"),  # noqa: E501
    ("2009-07-13", "JPN", "首相", "taro-aso", "毎日新聞によると、日本の衆議院の解散総選挙について、麻生太郎首相は7月13日昼(UTC+9)開催した政府・与党連絡会議で"),  # noqa: E501
    ("2009-11-02", "JPN", "首相", "yukio-hatoyama", "鳩山由紀夫首相は、2010年度税制改正でたばこ税の増税に前向きな姿勢を示している。"),  # noqa: E501
    ("2010-06-16", "JPN", "首相", "naoto-kan", "また菅直人総理大臣の描く「財政運営政策」や「新成長戦略」の他、いわゆる「政治と金」の問題"),  # noqa: E501
    ("2011-09-11", "JPN", "首相", "yoshihiko-noda", "野田佳彦首相は11日に辞表の受理を、12日に枝野幸男前官房長官を後任に内定したことを明らかにした。"),  # noqa: E501
    ("2014-12-15", "JPN", "首相", "shinzo-abe", "この結果を受けて、安倍晋三首相は、NHKが放送した開票速報の番組内でのインタビューで"),  # noqa: E501
    ("2019-08-25", "JPN", "首相", "shinzo-abe", "婚姻届は、2019年8月8日に提出し、安倍首相に対して同年8月7日に読売新聞社が取材した際は"),  # noqa: E501
    ("2014-07-18", "JPN", "外相", "fumio-kishida", "また日本の岸田文雄外務大臣は日本時間7月18日未明、訪問していたウクライナで記者団に"),  # noqa: E501
    ("2005-07-20", "USA", "大統領", "george-w-bush", "19日、米ジョージ・W・ブッシュ大統領は、ジョン・G・ロバーツ・ジュニア判事(50)を米連邦最高裁判事に指名したと発表した。"),  # noqa: E501
    ("2006-11-04", "USA", "大統領", "george-w-bush", "アメリカ合衆国のジョージ・ブッシュ大統領は8日午後(UTC-5)、ホワイトハウスで記者会見を開き、ドナルド・ラムズフェルド国防長官の辞任を発表した"),  # noqa: E501
    ("2006-11-04", "USA", "国防長官", "donald-rumsfeld", "アメリカ合衆国のジョージ・ブッシュ大統領は8日午後(UTC-5)、ホワイトハウスで記者会見を開き、ドナルド・ラムズフェルド国防長官の辞任を発表した"),  # noqa: E501
    ("2009-09-21", "USA", "大統領", "barack-obama", "鳩山氏は首相就任後初めての外国訪問で、アメリカのオバマ大統領、ロシアのメドベージェフ大統領らと会談する"),  # noqa: E501
    ("2012-11-10", "USA", "大統領", "barack-obama", "現職として再選を目指していた民主党のバラク・オバマ大統領(51歳)が、共和党から対立候補として出馬していたミット・ロムニー候補"),  # noqa: E501
    ("2017-02-12", "USA", "大統領", "donald-trump", "北朝鮮の弾道ミサイル発射を受けて、アメリカのドナルド・トランプ大統領は、訪米中の日本の安倍晋三首相を招いていた"),  # noqa: E501
    ("2017-02-12", "JPN", "首相", "shinzo-abe", "北朝鮮の弾道ミサイル発射を受けて、アメリカのドナルド・トランプ大統領は、訪米中の日本の安倍晋三首相を招いていた"),  # noqa: E501
    ("2006-04-20", "KOR", "大統領", "roh-moo-hyun", "20日には盧武鉉大統領から正式任命を受けた。"),
    ("2008-07-16", "KOR", "大統領", "lee-myung-bak", "韓国の李明博大統領は、18日(UTC+9)に大統領就任後初となる国家安全保障会議を招集し"),  # noqa: E501
    ("2009-05-23", "KOR", "大統領", "lee-myung-bak", "『「信じ難く、悲痛なこと」盧前大統領逝去に李大統領』。"),  # noqa: E501
    ("2015-08-07", "KOR", "大統領", "park-geun-hye", "一方、韓国の朴槿恵大統領は「対話には応じず時間帯まで分離するのは南北協力や平和統一の努力に逆行する」との批判を10日に行っており"),  # noqa: E501
    ("2005-10-14", "RUS", "大統領", "vladimir-putin", "日本経済新聞は14日、ヌルガリエフ・ロシア内相が同日、プーチン大統領に武装集団の72人の殺害と31人の逮捕を報告したと伝えた。"),  # noqa: E501
    ("2005-12-02", "RUS", "大統領", "vladimir-putin", "また、ロシアのウラジミール・プーチン大統領は、出席を見合わせた。"),  # noqa: E501
    ("2009-09-21", "RUS", "大統領", "dmitry-medvedev", "鳩山氏は首相就任後初めての外国訪問で、アメリカのオバマ大統領、ロシアのメドベージェフ大統領らと会談する"),  # noqa: E501
    ("2012-03-05", "RUS", "大統領", "dmitry-medvedev", "プーチン氏は4日午後11時前に、クレムリン(大統領府)傍のマネージ広場に、「双頭体制」を組むメドベージェフ大統領と共に姿を見せ、勝利宣言を行なった。"),  # noqa: E501
    ("2023-09-12", "RUS", "大統領", "vladimir-putin", "ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。"),  # noqa: E501
    ("2023-09-12", "PRK", "総書記", "kim-jong-un", "ロシアと北朝鮮はキム・ジョンウン(金正恩)総書記が近くロシアを訪問し、プーチン大統領と会談すると発表しました。"),  # noqa: E501
    ("2023-09-12", "PRK", "外相", "choe-son-hui", "黒い人民服姿のキム総書記が、チェ・ソニ外相らとともに緑色の車体の専用列車に乗り込む様子が確認できます。"),  # noqa: E501
    ("2023-09-12", "RUS", "国防相", "sergei-shoigu", "キム総書記は、ショイグ国防相と最新兵器の展示会を一緒に見て回ったほか、軍事パレードを並んで観覧するなど"),  # noqa: E501
    ("2014-08-04", "CHN", "国家主席", "xi-jinping", "中国政府の対応としては、国家主席の習近平氏が8月3日の夜、被災者の支援のために6億元(約100億円)の拠出を表明。"),  # noqa: E501
    ("2011-01-14", "TUN", "大統領", "zine-el-abidine-ben-ali", "大規模な反政府デモが継続的に行われていたチュニジアで14日(現地時間UTC+1。以下同様)に、ベンアリ大統領(74歳)が国外に脱出し"),  # noqa: E501
    ("2011-01-15", "TUN", "首相", "mohamed-ghannouchi", "これを受け、ガンヌーシ首相(69歳)が同日、大統領権限を暫定的に引き継ぐことを宣言した。"),  # noqa: E501
    ("2006-09-19", "THA", "首相", "thaksin-shinawatra", "タクシン・チナワット首相は国際連合総会に出席するためニューヨークに滞在していたが、テレビで非常事態を宣言し、ソンティ司令官を解任した。"),  # noqa: E501
    ("2008-08-06", "MRT", "大統領", "sidi-ould-cheikh-abdallahi", "同国軍部がアブドライ大統領とワグフ首相を拘束し、政府系の建物を占拠したと伝えた。"),  # noqa: E501
    ("2008-08-06", "MRT", "首相", "yahya-ould-ahmed-el-waghef", "同国軍部がアブドライ大統領とワグフ首相を拘束し、政府系の建物を占拠したと伝えた。"),  # noqa: E501
    ("2005-10-15", "MWI", "大統領", "bingu-wa-mutharika", "マラウイのビング・ワ・ムタリカ大統領は、同国で起きている大規模な食糧危機を国家的災害と宣言した。"),  # noqa: E501
    ("2006-12-05", "FJI", "首相", "laisenia-qarase", "軍は、ライセニア・ガラセ首相を自宅軟禁とし、同首相を解任するとの記者会見を、フランク・バイニマラマ司令官が首都スバで行った。"),  # noqa: E501
    ("2006-12-05", "AUS", "首相", "john-howard", "オーストラリアのジョン・ハワード首相は5日、軍事介入の可能性を否定した。"),  # noqa: E501
    ("2006-12-05", "NZL", "首相", "helen-clark", "ニュージーランドのヘレン・クラーク首相が、クーデターを非難する声明を出したと報道した。"),  # noqa: E501
    ("2005-07-29", "AUS", "外相", "alexander-downer", "批判に対して、ダウナー豪外相は「京都議定書やそのための各国の取り組みを否定するつもりはない。"),  # noqa: E501
    ("2005-12-08", "AUS", "外相", "alexander-downer", "オーストラリアは10日にASEAN友好協力条約に署名を予定しており、アレクサンダー・ダウナー外相が、「民族や人種で地域分けをすることは無意味」と語った"),  # noqa: E501
]
# fmt: on


@functools.cache
def _by_id() -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in _entries()}


@pytest.mark.parametrize(("day", "country", "title", "person", "sentence"), SENTENCES)
def test_sentence_names_the_holder_of_the_day(
    day: str, country: str, title: str, person: str, sentence: str
) -> None:
    assert holders(country, title, day) == [person]
    names = _by_id()[person]["names_ja"]
    assert any(name in sentence for name in names), names


# Who held the office on a date (no sentence needed): across 2000-2026, gaps included.
# fmt: off
HOLDERS = [
    ("2000-06-01", "JPN", "首相", "yoshiro-mori"),
    ("2021-06-01", "JPN", "首相", "yoshihide-suga"),
    ("2023-09-12", "JPN", "首相", "fumio-kishida"),
    ("2025-03-01", "JPN", "首相", "shigeru-ishiba"),
    ("2025-12-01", "JPN", "首相", "sanae-takaichi"),
    ("2023-09-12", "JPN", "外相", "yoshimasa-hayashi"),
    ("2023-09-14", "JPN", "外相", "yoko-kamikawa"),
    ("2000-06-01", "USA", "大統領", "bill-clinton"),
    ("2019-06-01", "USA", "大統領", "donald-trump"),
    ("2023-09-12", "USA", "大統領", "joe-biden"),
    ("2025-06-01", "USA", "大統領", "donald-trump"),
    ("2023-09-12", "USA", "国務長官", "antony-blinken"),
    ("2001-06-01", "KOR", "大統領", "kim-dae-jung"),
    ("2017-04-01", "KOR", "大統領", None),
    ("2019-06-01", "KOR", "大統領", "moon-jae-in"),
    ("2023-09-12", "KOR", "大統領", "yoon-suk-yeol"),
    ("2025-05-01", "KOR", "大統領", None),
    ("2025-07-01", "KOR", "大統領", "lee-jae-myung"),
    ("2000-03-01", "RUS", "大統領", None),
    ("2003-06-01", "RUS", "大統領", "vladimir-putin"),
    ("2010-06-01", "RUS", "大統領", "dmitry-medvedev"),
    ("2024-06-01", "RUS", "大統領", "vladimir-putin"),
    ("2024-06-01", "RUS", "国防相", "andrei-belousov"),
    ("2002-01-01", "CHN", "国家主席", "jiang-zemin"),
    ("2010-01-01", "CHN", "国家主席", "hu-jintao"),
    ("2020-01-01", "CHN", "国家主席", "xi-jinping"),
    ("2005-01-01", "PRK", "総書記", "kim-jong-il"),
    ("2015-01-01", "PRK", "総書記", None),
    ("2023-09-12", "PRK", "総書記", "kim-jong-un"),
    ("2022-06-01", "UKR", "大統領", "volodymyr-zelensky"),
    ("2010-01-01", "UN", "事務総長", "ban-ki-moon"),
    ("2023-09-12", "IAEA", "事務局長", "rafael-grossi"),
]
# fmt: on


@pytest.mark.parametrize(("day", "country", "title", "person"), HOLDERS)
def test_holder_on_date(day: str, country: str, title: str, person: str | None) -> None:
    assert holders(country, title, day) == ([person] if person else [])


# People of the reference article who speak or act under a short name and a title.
# fmt: off
SHORT_FORMS = [
    ("2023-09-12", "ペスコフ", "報道官", "dmitry-peskov"),
    ("2023-09-12", "ミラー", "報道官", "matthew-miller"),
    ("2023-09-12", "ライダー", "報道官", "pat-ryder"),
    ("2023-09-12", "ショイグ", "国防相", "sergei-shoigu"),
    ("2023-09-12", "キム", "総書記", "kim-jong-un"),
    ("2023-09-12", "金正恩", "総書記", "kim-jong-un"),
    ("2023-09-12", "キム・ヨジョン", "副部長", "kim-yo-jong"),
    ("2023-09-12", "金与正", "副部長", "kim-yo-jong"),
    ("2009-05-23", "李", "大統領", "lee-myung-bak"),
    ("2011-01-15", "ガンヌーシ", "首相", "mohamed-ghannouchi"),
    ("2006-12-05", "バイニマラマ", "司令官", "frank-bainimarama"),
    ("2006-09-19", "ソンティ", "陸軍司令官", "sonthi-boonyaratglin"),
    ("2008-08-07", "アジズ", "議長", "mohamed-ould-abdel-aziz"),
]
# fmt: on


@pytest.mark.parametrize(("day", "name", "title", "person"), SHORT_FORMS)
def test_short_form_and_title_pick_one_person(day: str, name: str, title: str, person: str) -> None:
    when = dt.date.fromisoformat(day)
    found = [
        e["id"]
        for e in _entries()
        if name in e["names_ja"]
        and any(
            r["title_ja"] == title and _bounds(r)[0] <= when <= _bounds(r)[1] for r in e["roles"]
        )
    ]
    assert found == [person]
