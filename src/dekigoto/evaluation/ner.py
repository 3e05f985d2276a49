"""Named-entity evaluation on the stockmark format: the project's recogniser against plain GiNZA.

Input: a JSON list of ``{"text": ..., "entities": [{"name", "span": [start, end], "type"}]}``
(stockmark's Japanese Wikipedia NER data). Both systems read the same GiNZA parse
of each text, in the same run.

Scored types and how each system's labels map onto them (plain GiNZA's
Extended Named Entity label → type; dekigoto's mention → type):

- 人名 (person): GiNZA Person; dekigoto person (the name, without its title).
- 地名 (place): GiNZA Country, City, Province, GPE_Other, County, Domestic_Region,
  Continental_Region, Region_Other, Location_Other; dekigoto state, capital,
  place, single-kanji country abbreviation (米).
- 政治的組織名 (political organisation): GiNZA Government, International_Organization,
  Political_Party, Military; dekigoto IGO, government, military, party and
  legislature bodies, a generic body with its state (日本政府, 米軍), a ministry or
  armed service alone (財務省, 陸軍), and compound names closed by a political suffix
  (公正取引委員会, バアス党).
- 法人名 (company): GiNZA Company, Company_Group, Corporation_Other; dekigoto
  organisation of sector media, business or education (firms, outlets, schools:
  〜社, 〜銀行, 〜新聞, 〜大学) and associations (〜協会, 〜財団), as stockmark counts
  legal persons.
- その他の組織名 (other organisation): GiNZA Organization_Other, Show_Organization,
  Sports_Organization, Ethnic_Group_Other; dekigoto NGOs and clubs (〜FC, 〜SC).

The suffixes and their sectors are the ``org_suffix`` entries of
``data/actor_patterns.yaml``.

Other stockmark types (製品名, 施設名, イベント名) are not scored: their gold
entities are left out and no system predicts them. A prediction counts when its
span and type equal a gold entity's. Places follow the data's span conventions: a
place keeps the part written onto it (スペイン北部, 西ドイツ, 札幌市内) and an address
is one span (アラブ首長国連邦アブダビ); the word lists are ``place_before`` and
``place_after`` in ``data/actor_patterns.yaml``. Figures: precision, recall and F1 per type,
``overall`` (micro over the five types) and ``core`` (persons, places and
political organisations together).

Run: ``python -m dekigoto.evaluation.ner FILE [--limit N] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

TYPES = ("人名", "地名", "政治的組織名", "法人名", "その他の組織名")
CORE = ("人名", "地名", "政治的組織名")

Triple = tuple[int, int, str]


def project_entities(
    text: str, parse, lex, ranges: Sequence[tuple[int, int]] | None = None
) -> set[Triple]:
    """The project's named entities in ``ranges`` of ``text`` as (start, end, type) triples."""
    from dekigoto.actors.mentions import find_candidates

    out: set[Triple] = set()
    for c in find_candidates(text, parse, lex, ranges=ranges):
        body = c.pattern if c.ner is None and c.pattern is not None else None
        if body is not None and body.kind == "body" and c.affiliation is None and body.ner_type:
            out.add((c.start, c.end, body.ner_type))  # 財務省, 陸軍: named alone
            continue
        if c.ner is None and not (
            c.pattern is not None and c.affiliation is not None and c.pattern.ner
        ):
            continue
        if c.kind == "person":
            if c.name_start is None or c.name_end is None:
                continue
            out.add((c.name_start, c.name_end, "人名"))
            continue
        s = c.start
        if c.pattern is not None and c.affiliation is not None and c.affiliation.end == c.start:
            if not c.pattern.ner:
                continue
            s = c.affiliation.start
            out.discard((c.affiliation.start, c.affiliation.end, "地名"))
        out.add((s, c.end, c.ner or "政治的組織名"))
    # a body merged with its state replaces the state's own place span
    merged = {(s, e) for s, e, t in out if t == "政治的組織名"}
    out = {
        (s, e, t)
        for s, e, t in out
        if not (t == "地名" and any(ms == s and me > e for ms, me in merged))
    }
    # a place inside a longer GiNZA name of another kind (日本相撲協会, 東京オリンピック) is not one
    from dekigoto.actors.mentions import ginza_ner

    for en in parse.entities:
        if en.label in ("Person", "Nationality") or ginza_ner(en.label) == "地名":
            continue  # 日本人: the place stays a place inside a demonym
        inside = {
            x
            for x in out
            if x[2] == "地名"
            and en.start <= x[0]
            and x[1] <= en.end
            and (x[0], x[1]) != (en.start, en.end)
        }
        if inside:
            out -= inside
            t = ginza_ner(en.label)
            if t is not None and not any(x[0] < en.end and en.start < x[1] for x in out):
                out.add((en.start, en.end, t))
    return _place_spans(text, out, lex)


_KANJI = re.compile(r"[一-龥々]")


def _place_spans(text: str, found: set[Triple], lex) -> set[Triple]:
    """Place spans as the stockmark data writes them: a place with the part of it that
    is written on (スペイン北部, 西ドイツ, 札幌市内) and an address as one span
    (アメリカ合衆国ニューヨーク, オハイオ州シンシナティ, アメリカ・サンフランシスコ)."""
    places = sorted(x for x in found if x[2] == "地名")
    rest = found - set(places)
    spans: list[list[int]] = []
    for s, e, _t in places:
        after = next((w for w in lex.place_after if text.startswith(w, e)), None)
        if after and not _KANJI.match(text[e + len(after) : e + len(after) + 1]):
            e += len(after)
        if text[s - 1 : s] in lex.place_before and not _KANJI.match(text[s - 2 : s - 1]):
            s -= 1
        if spans and (spans[-1][1] == s or _joined(text, lex, spans[-1], (s, e))):
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    return rest | {(s, e, "地名") for s, e in spans}


def _joined(text: str, lex, left: list[int], right: tuple[int, int]) -> bool:
    """State・city (アメリカ・サンフランシスコ): one place; two states or two places
    with their own administrative suffix (韓国・台湾, 山梨県・静岡県) are two."""
    if text[left[1] : right[0]] != "・":
        return False
    first, second = text[left[0] : left[1]], text[right[0] : right[1]]
    hits = lex.surfaces.get(first, ())
    if not any(h.kind == "country" for h in hits):
        return False
    if any(h.kind == "country" for h in lex.surfaces.get(second, ())):
        return False
    return not second.endswith(lex.place_suffixes)


def ginza_entities(parse, start: int = 0, end: int | None = None) -> set[Triple]:
    """Plain GiNZA's entities in ``[start, end)`` mapped to stockmark types."""
    from dekigoto.actors.mentions import ginza_ner

    out: set[Triple] = set()
    for en in parse.entities:
        if en.start < start or (end is not None and en.end > end):
            continue
        t = ginza_ner(en.label)
        if t is not None:
            out.add((en.start, en.end, t))
    return out


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def score(gold: Sequence[set[Triple]], system: Sequence[set[Triple]]) -> dict[str, dict]:
    """P/R/F1 per type, ``overall`` and ``core`` for aligned lists of gold and system triples."""
    counts: dict[str, Counter[str]] = {t: Counter() for t in TYPES}
    for g, s in zip(gold, system, strict=True):
        for t in TYPES:
            gt = {x for x in g if x[2] == t}
            st = {x for x in s if x[2] == t}
            counts[t]["tp"] += len(gt & st)
            counts[t]["fp"] += len(st - gt)
            counts[t]["fn"] += len(gt - st)
    out = {t: _prf(c["tp"], c["fp"], c["fn"]) for t, c in counts.items()}
    for name, group in (("overall", TYPES), ("core", CORE)):
        out[name] = _prf(*(sum(counts[t][k] for t in group) for k in ("tp", "fp", "fn")))
    return out


def _load(path: Path, limit: int | None) -> list[dict]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data[:limit] if limit else data


def evaluate_ner(path: str | Path, *, limit: int | None = None) -> dict:
    """Score the project's recogniser and plain GiNZA on a stockmark-format file.

    Returns ``{"file", "sentences", "entities", "project": {...}, "ginza": {...}}``
    where each system maps a type (and ``overall``, ``core``) to P/R/F1 and counts.
    """
    from dekigoto.actors.lexicon import get_lexicon
    from dekigoto.models import Block
    from dekigoto.nlp import parse_blocks

    items = _load(Path(path), limit)
    # one text, one block per sentence: one batched GiNZA run, offsets kept per block
    pieces: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    for item in items:
        pieces.append((pos, pos + len(item["text"])))
        parts.append(item["text"])
        pos += len(item["text"]) + 1
    text = "\n".join(parts)
    blocks = [Block(kind="paragraph", text=text[s:e], start=s, end=e) for s, e in pieces if e > s]
    parse = parse_blocks(text, blocks)
    lex = get_lexicon()
    gold: list[set[Triple]] = []
    proj: list[set[Triple]] = []
    base: list[set[Triple]] = []
    found = sorted(project_entities(text, parse, lex, pieces))
    for item, (s, e) in zip(items, pieces, strict=True):
        gold.append(
            {
                (s + ent["span"][0], s + ent["span"][1], ent["type"])
                for ent in item["entities"]
                if ent["type"] in TYPES
            }
        )
        proj.append({x for x in found if s <= x[0] and x[1] <= e})
        base.append(ginza_entities(parse, s, e))
    return {
        "file": str(path),
        "sentences": len(items),
        "entities": sum(len(g) for g in gold),
        "project": score(gold, proj),
        "ginza": score(gold, base),
    }


def format_table(result: dict) -> str:
    """A plain-text table of :func:`evaluate_ner`'s result: one row per type and system."""
    rows = [
        f"{result['file']}: {result['sentences']} sentences, {result['entities']} scored entities",
        "",
    ]
    rows.append(f"{'type':<14}{'system':<9}{'P':>7}{'R':>7}{'F1':>7}{'ΔF1':>7}")
    for t in (*TYPES, "core", "overall"):
        g = result["ginza"][t]
        p = result["project"][t]
        rows.append(f"{t:<14}{'ginza':<9}{g['precision']:>7.3f}{g['recall']:>7.3f}{g['f1']:>7.3f}")
        delta = p["f1"] - g["f1"]
        rows.append(
            f"{'':<14}{'dekigoto':<9}{p['precision']:>7.3f}{p['recall']:>7.3f}{p['f1']:>7.3f}{delta:>+7.3f}"
        )
    return "\n".join(rows)


def main(argv: Iterable[str] | None = None) -> None:
    """Command-line entry: ``python -m dekigoto.evaluation.ner FILE [--limit N] [--json]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    result = evaluate_ner(args.file, limit=args.limit)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else format_table(result))


if __name__ == "__main__":
    main()
