"""Generate ``src/dekigoto/data/countries.yaml`` from pycountry and the press forms below.

pycountry carries the ISO 3166-1 names and their Japanese translations (the
iso-codes project, LGPL-2.1). The Japanese press uses shorter forms (米国,
北朝鮮, 露…), single-kanji abbreviations in compounds (日米, 中露) and capitals
as metonyms; those are listed here by hand.

Run: ``python tools/make_countries.py`` (rewrites the file; review the diff).
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).parents[1] / "src" / "dekigoto" / "data" / "countries.yaml"

#: English names as the press writes them, where ISO's differs.
NAME_EN = {
    "BOL": "Bolivia", "BRN": "Brunei", "COD": "DR Congo", "CZE": "Czech Republic",
    "FSM": "Micronesia", "GBR": "United Kingdom", "IRN": "Iran", "KOR": "South Korea",
    "LAO": "Laos", "MDA": "Moldova", "PRK": "North Korea", "PSE": "Palestine",
    "RUS": "Russia", "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania", "TUR": "Turkey",
    "USA": "United States", "VAT": "Vatican City", "VEN": "Venezuela", "VNM": "Vietnam",
}  # fmt: skip

#: Further Japanese names used by the press (full words, usable on their own).
EXTRA_JA = {
    "USA": ["アメリカ", "アメリカ合衆国", "合衆国", "米国"],
    "GBR": ["イギリス", "英国", "連合王国", "グレートブリテン"],
    "RUS": ["ロシア", "ロシア連邦"],
    "PRK": ["北朝鮮", "朝鮮民主主義人民共和国"],
    "KOR": ["韓国", "大韓民国"],
    "CHN": ["中国", "中華人民共和国"],
    "TWN": ["台湾", "中華民国"],
    "JPN": ["日本", "日本国", "わが国"],
    "AUS": ["オーストラリア", "豪州"],
    "DEU": ["ドイツ", "独逸"],
    "IRN": ["イラン"],
    "SYR": ["シリア"],
    "LAO": ["ラオス"],
    "VNM": ["ベトナム", "ヴェトナム"],
    "VEN": ["ベネズエラ"],
    "BOL": ["ボリビア"],
    "MDA": ["モルドバ"],
    "TZA": ["タンザニア"],
    "MNG": ["モンゴル"],
    "BRN": ["ブルネイ"],
    "GEO": ["ジョージア"],
    "KGZ": ["キルギス"],
    "VAT": ["バチカン", "ローマ教皇庁"],
    "PSE": ["パレスチナ自治区"],
    "NLD": ["オランダ"],
    "CZE": ["チェコ共和国"],
    "TUR": ["トルコ", "テュルキエ"],
    "SAU": ["サウジ"],
    "ZAF": ["南ア"],
    "ARE": ["UAE"],
    "COD": ["コンゴ民主共和国"],
    "CIV": ["コートジボワール", "象牙海岸"],
    "MKD": ["マケドニア"],
    "SWZ": ["スワジランド"],
    "MMR": ["ビルマ"],
    "IRQ": ["イラク"],
    "NZL": ["NZ"],
    "TTO": ["トリニダード"],
}

#: Single-kanji abbreviations: only read in compounds (日米, 中露) or before a title (豪外相).
ABBREV_JA = {
    "USA": ["米"], "GBR": ["英"], "RUS": ["露", "ロ"], "CHN": ["中"], "JPN": ["日"],
    "KOR": ["韓"], "PRK": ["朝"], "AUS": ["豪"], "FRA": ["仏"], "DEU": ["独"],
    "IND": ["印"], "ITA": ["伊"], "CAN": ["加"], "NLD": ["蘭"], "TWN": ["台"],
    "PHL": ["比"], "VNM": ["越"], "SUN": ["ソ"],
}  # fmt: skip

#: Capitals and seats of government, read as the state when they act (metonyms).
CAPITALS_JA = {
    "USA": ["ワシントン"], "RUS": ["モスクワ"], "PRK": ["ピョンヤン", "平壌"],
    "KOR": ["ソウル"], "CHN": ["北京", "ペキン"], "JPN": ["東京"], "GBR": ["ロンドン"],
    "FRA": ["パリ"], "DEU": ["ベルリン"], "UKR": ["キーウ", "キエフ"], "IRN": ["テヘラン"],
    "IND": ["ニューデリー"], "TWN": ["台北"], "ISR": ["エルサレム"], "SYR": ["ダマスカス"],
    "IRQ": ["バグダッド"], "AFG": ["カブール"], "EGY": ["カイロ"], "TUR": ["アンカラ"],
    "THA": ["バンコク"], "PHL": ["マニラ"], "VNM": ["ハノイ"], "IDN": ["ジャカルタ"],
    "MYS": ["クアラルンプール"], "SGP": [], "AUS": ["キャンベラ"], "CAN": ["オタワ"],
    "ITA": ["ローマ"], "ESP": ["マドリード"], "POL": ["ワルシャワ"], "BLR": ["ミンスク"],
    "SAU": ["リヤド"], "PAK": ["イスラマバード"], "MMR": ["ネピドー"], "KHM": ["プノンペン"],
    "LAO": ["ビエンチャン"], "MNG": ["ウランバートル"], "FJI": ["スバ"], "TUN": ["チュニス"],
    "MRT": ["ヌアクショット"], "MWI": ["リロングウェ"], "NZL": ["ウェリントン"],
    "CUB": ["ハバナ"], "VEN": ["カラカス"], "LBN": ["ベイルート"], "LBY": ["トリポリ"],
    "QAT": ["ドーハ"], "ARE": ["アブダビ"], "SDN": ["ハルツーム"], "ETH": ["アディスアベバ"],
    "KEN": ["ナイロビ"], "NGA": ["アブジャ"], "MEX": ["メキシコシティー"], "BRA": ["ブラジリア"],
    "ARG": ["ブエノスアイレス"], "CHL": ["サンティアゴ"], "PER": ["リマ"], "COL": ["ボゴタ"],
    "TTO": ["ポート・オブ・スペイン", "ポートオブスペイン"], "GRC": ["アテネ"], "PRT": ["リスボン"],
    "NLD": ["アムステルダム", "ハーグ"], "CHE": ["ベルン"], "SWE": ["ストックホルム"],
    "NOR": ["オスロ"], "DNK": ["コペンハーゲン"], "FIN": ["ヘルシンキ"], "IRL": ["ダブリン"],
    "HUN": ["ブダペスト"], "CZE": ["プラハ"], "ROU": ["ブカレスト"], "SRB": ["ベオグラード"],
    "HRV": ["ザグレブ"], "GEO": ["トビリシ"], "ARM": ["エレバン"], "AZE": ["バクー"],
    "KAZ": ["アスタナ"], "UZB": ["タシケント"], "JOR": ["アンマン"], "YEM": ["サヌア"],
    "OMN": ["マスカット"], "BHR": ["マナーマ"], "DZA": ["アルジェ"], "MAR": ["ラバト"],
    "SEN": ["ダカール"], "GHA": ["アクラ"], "ZAF": ["プレトリア"], "ZWE": ["ハラレ"],
    "UGA": ["カンパラ"], "TZA": ["ドドマ", "ダルエスサラーム"], "SOM": ["モガディシュ"],
    "RWA": ["キガリ"], "COD": ["キンシャサ"], "AGO": ["ルアンダ"], "NPL": ["カトマンズ"],
    "BGD": ["ダッカ"], "LKA": ["コロンボ"], "ECU": ["キト"], "BOL": ["ラパス"],
    "URY": ["モンテビデオ"], "PRY": ["アスンシオン"], "NIC": ["マナグア"],
    "HND": ["テグシガルパ"], "HTI": ["ポルトープランス"], "DOM": ["サントドミンゴ"],
    "MDA": ["キシナウ"], "LTU": ["ビリニュス"], "LVA": ["リガ"], "EST": ["タリン"],
    "SVK": ["ブラチスラバ"], "SVN": ["リュブリャナ"], "ALB": ["ティラナ"], "BIH": ["サラエボ"],
    "MKD": ["スコピエ"], "CYP": ["ニコシア"], "ISL": ["レイキャビク"], "TLS": ["ディリ"],
    "PNG": ["ポートモレスビー"], "CMR": ["ヤウンデ"], "MLI": ["バマコ"], "NER": ["ニアメ"],
    "TCD": ["ンジャメナ"], "BFA": ["ワガドゥグ"], "GIN": ["コナクリ"], "SLE": ["フリータウン"],
    "LBR": ["モンロビア"], "MOZ": ["マプト"], "MDG": ["アンタナナリボ"], "ZMB": ["ルサカ"],
    "NAM": ["ウィントフック"], "SSD": ["ジュバ"], "ERI": ["アスマラ"], "TKM": ["アシガバート"],
    "TJK": ["ドゥシャンベ"], "KGZ": ["ビシュケク"],
}  # fmt: skip

#: Historical or disputed states the press still names, with their usual code.
HISTORICAL = [
    {"id": "SUN", "code": "SUN", "name_en": "Soviet Union", "names_ja": ["ソ連", "ソビエト連邦", "ソヴィエト連邦"], "abbrev_ja": ["ソ"]},  # noqa: E501
    {"id": "XKX", "code": "XKX", "name_en": "Kosovo", "names_ja": ["コソボ"], "abbrev_ja": []},
    {"id": "SCG", "code": "SCG", "name_en": "Serbia and Montenegro", "names_ja": ["セルビア・モンテネグロ"], "abbrev_ja": []},  # noqa: E501
    {"id": "YUG", "code": "YUG", "name_en": "Yugoslavia", "names_ja": ["ユーゴスラビア", "ユーゴスラビア連邦共和国", "旧ユーゴスラビア", "ユーゴ"], "abbrev_ja": []},  # noqa: E501
]  # fmt: skip

_SPLIT = re.compile(r"\s*[()（）]\s*")


def _names(raw: str) -> list[str]:
    return [p for p in _SPLIT.split(raw) if p]


def build() -> list[dict]:
    """Every ISO 3166-1 country with its Japanese names."""
    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    out: list[dict] = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        names: list[str] = []
        for extra in EXTRA_JA.get(code, []):
            names.append(extra)
        for attr in ("name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.extend(_names(ja.gettext(value)))
        names = [n for n in dict.fromkeys(names) if not re.search(r"[A-Za-z]", n) or n.isupper()]
        name_en = NAME_EN.get(code) or getattr(c, "common_name", None) or c.name
        out.append(
            {
                "id": code,
                "code": code,
                "name_en": name_en,
                "names_ja": names,
                "abbrev_ja": ABBREV_JA.get(code, []),
                "capitals_ja": CAPITALS_JA.get(code, []),
            }
        )
    for h in HISTORICAL:
        out.append({**h, "capitals_ja": []})
    # a name two territories share (サンマルタン) names neither
    seen: dict[str, int] = {}
    for entry in out:
        for n in entry["names_ja"]:
            seen[n] = seen.get(n, 0) + 1
    for entry in out:
        entry["names_ja"] = [n for n in entry["names_ja"] if seen[n] == 1]
    return out


HEADER = {
    "what": "Every ISO 3166-1 country: alpha-3 code, English name, Japanese names "
    "(official and press forms), single-kanji abbreviations and capitals.",
    "sources": "pycountry / iso-codes Japanese translations (LGPL-2.1); press short forms, "
    "abbreviations and capitals added by hand in tools/make_countries.py.",
    "licence": "LGPL-2.1 (iso-codes) for the ISO names; the rest Apache-2.0.",
    "gaps": "Territories share nothing with their sovereign state; historical states "
    "only the Soviet Union; abbreviations are read only in compounds and before titles.",
    "generated_by": "tools/make_countries.py",
}


def main() -> None:
    """Write the countries file."""
    data = {"meta": HEADER, "entries": build()}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
