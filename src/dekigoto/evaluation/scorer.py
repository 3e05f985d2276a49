"""Score system output against a gold file, with exactly the rules of FORMAT.md.

Events: a system event can match a gold event when the types are equal and the
actor (and recipient) code sets share a code or are both empty. Required gold
events and system events are paired one-to-one, as many pairs as possible and,
among those pairings, as many pairs with the right date and status as possible;
optional gold events are then paired the same way with the system events left
over and count neither way. Time expressions match when the system span overlaps
an occurrence of the gold text and the values are equal (the gold lists each
expression once, so several system mentions may match one gold entry). Quotes
are paired one-to-one: the system text must cover at least half of the gold
text's characters and a speaker name must equal, contain or be contained in a
gold speaker name. Publication date: share of ``published_hidden`` lines whose
date the system inferred exactly.

Run it as ``dekigoto eval GOLD.jsonl`` or ``python -m dekigoto.evaluation.scorer GOLD.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dekigoto.errors import DekigotoError, GoldError
from dekigoto.evaluation.matching import max_weight_pairs
from dekigoto.models import EVENT_TYPES, STATUSES, Article

#: A function that turns one gold article (title, text, published unless hidden)
#: into the system's JSON record (FORMAT.md's system output, or a superset).
Extractor = Callable[[Article], dict]

# Pairing weights: the number of pairs comes first, then right date and status.
_PAIR = 1_000_000
_STRICT = 1_000
_PARTIAL = 1


# ---------------------------------------------------------------------------
# gold


def full_text(gold: dict) -> str:
    """The text the extractor is given: ``title + "\\n" + text`` (or ``text`` alone)."""
    title = gold.get("title")
    return gold["text"] if title is None else f"{title}\n{gold['text']}"


def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_event_date(value: object) -> bool:
    if not isinstance(value, str):
        return False
    if len(value) == 4:
        return value.isdigit()
    if len(value) == 7:
        return value[:4].isdigit() and value[4] == "-" and value[5:].isdigit()
    return _is_date(value)


def validate_gold(gold: dict, where: str) -> None:
    """Check one gold article against FORMAT.md; raise :class:`GoldError` naming ``where``."""

    def fail(msg: str) -> None:
        raise GoldError(f"{where}: {msg}")

    if not isinstance(gold, dict):
        fail("a gold line must be a JSON object")
    if not isinstance(gold.get("id"), str) or not gold["id"]:
        fail("missing 'id'")
    where = f"{where} ({gold['id']})"
    if not isinstance(gold.get("text"), str) or not gold["text"].strip():
        fail("missing or empty 'text'")
    if gold.get("title") is not None and not isinstance(gold["title"], str):
        fail("'title' must be a string")
    if "published" in gold and "published_hidden" in gold:
        fail("has both 'published' and 'published_hidden'")
    for key in ("published", "published_hidden"):
        if key in gold and gold[key] is not None and not _is_date(gold[key]):
            fail(f"{key!r} must be YYYY-MM-DD, got {gold[key]!r}")
    title, text = gold.get("title") or "", gold["text"]
    for n, ev in enumerate(gold.get("events") or []):
        at = f"event {n + 1}"
        if ev.get("type") not in EVENT_TYPES:
            fail(f"{at}: unknown type {ev.get('type')!r}")
        for key in ("actor", "recipient", "date", "status"):
            if not isinstance(ev.get(key), list):
                fail(f"{at}: {key!r} must be a list")
        if any(not _is_event_date(d) for d in ev["date"]):
            fail(f"{at}: dates must be YYYY, YYYY-MM or YYYY-MM-DD, got {ev['date']}")
        if not ev["status"] or any(s not in STATUSES for s in ev["status"]):
            fail(f"{at}: status must be a non-empty list of {', '.join(STATUSES)}")
        evidence = ev.get("evidence")
        if not isinstance(evidence, str) or not evidence:
            fail(f"{at}: missing 'evidence'")
        if evidence not in text and evidence not in title:
            fail(f"{at}: evidence is not a substring of the title or text: {evidence!r}")
    for n, tx in enumerate(gold.get("timexes") or []):
        if not isinstance(tx.get("text"), str) or not isinstance(tx.get("value"), str):
            fail(f"timex {n + 1}: needs 'text' and 'value'")
        if tx["text"] not in text and tx["text"] not in title:
            fail(f"timex {n + 1}: {tx['text']!r} is not in the title or text")
    for n, q in enumerate(gold.get("quotes") or []):
        if not isinstance(q.get("text"), str) or not q["text"]:
            fail(f"quote {n + 1}: missing 'text'")
        if not isinstance(q.get("speaker"), list):
            fail(f"quote {n + 1}: 'speaker' must be a list of names")


def load_gold(path: str | Path) -> list[dict]:
    """Read and validate a gold JSON Lines file; raise :class:`GoldError` on the first problem."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read the gold file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"{path}: the gold file is not UTF-8") from exc
    golds: list[dict] = []
    ids: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            gold = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: invalid JSON ({exc.msg})") from exc
        validate_gold(gold, f"{path}:{n}")
        if gold["id"] in ids:
            raise GoldError(f"{path}:{n}: duplicate id {gold['id']!r}")
        ids.add(gold["id"])
        golds.append(gold)
    if not golds:
        raise GoldError(f"{path}: the gold file has no articles")
    return golds


# ---------------------------------------------------------------------------
# events


def _codes(refs: Iterable[Any]) -> set[str]:
    """Entity codes of a system or gold actor list (dicts with 'code', or plain codes)."""
    out = set()
    for ref in refs or ():
        code = ref.get("code") if isinstance(ref, dict) else ref
        if code:
            out.add(code)
    return out


def _sets_agree(a: set[str], b: set[str]) -> bool:
    return bool(a & b) if (a or b) else True


def can_match(system: dict, gold: dict) -> bool:
    """Rule 1: equal types, actor and recipient code sets that intersect or are both empty."""
    return (
        system.get("type") == gold["type"]
        and _sets_agree(_codes(system.get("actor")), _codes(gold["actor"]))
        and _sets_agree(_codes(system.get("recipient")), _codes(gold["recipient"]))
    )


def date_right(system_date: str | None, gold_dates: Sequence[str]) -> bool:
    """The system date, cut to a gold value's precision, equals it and is at least as precise."""
    if not system_date:
        return False
    for value in gold_dates:
        n = len(value)
        if (
            len(system_date) >= n
            and system_date[:n] == value
            and (len(system_date) == n or system_date[n] in "-T")
        ):
            return True
    return False


def status_right(system: dict, gold: dict) -> bool:
    """The system status is one of the gold values."""
    return system.get("status") in gold["status"]


def _event_date(system: dict) -> str | None:
    value = system.get("date")
    if isinstance(value, list):  # tolerate a list of dates: take the first
        value = value[0] if value else None
    return value


def _weight(system: dict, gold: dict) -> int:
    if not can_match(system, gold):
        return 0
    has_date = bool(gold["date"])
    d_ok = date_right(_event_date(system), gold["date"]) if has_date else True
    s_ok = status_right(system, gold)
    return _PAIR + (_STRICT if d_ok and s_ok else 0) + _PARTIAL * (d_ok + s_ok)


@dataclass
class EventCounts:
    """Event counts of one or more articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict_tp: int = 0
    optional_pairs: int = 0
    date_right: int = 0
    date_pairs: int = 0
    status_right: int = 0
    pairs: list[dict] = field(default_factory=list)

    def add(self, other: EventCounts) -> None:
        for name in ("tp", "fp", "fn", "strict_tp", "optional_pairs", "date_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.date_pairs += other.date_pairs
        self.status_right += other.status_right


def pair_events(system: Sequence[dict], gold: Sequence[dict]) -> tuple[list, list]:
    """Pair system with gold events: ``(required_pairs, optional_pairs)`` of (sys, gold) indexes."""
    required = [i for i, g in enumerate(gold) if not g.get("optional")]
    optional = [i for i, g in enumerate(gold) if g.get("optional")]
    weights = [[_weight(system[s], gold[g]) for s in range(len(system))] for g in required]
    req_pairs = [(s, required[g]) for g, s in max_weight_pairs(weights)]
    left = [s for s in range(len(system)) if s not in {p[0] for p in req_pairs}]
    weights = [[_weight(system[s], gold[g]) for s in left] for g in optional]
    opt_pairs = [(left[s], optional[g]) for g, s in max_weight_pairs(weights)]
    return sorted(req_pairs), sorted(opt_pairs)


def score_events(system: Sequence[dict], gold: Sequence[dict]) -> EventCounts:
    """Counts for one article's events (rules 1–6 of FORMAT.md)."""
    req_pairs, opt_pairs = pair_events(system, gold)
    counts = EventCounts()
    counts.tp = len(req_pairs)
    counts.fn = sum(1 for g in gold if not g.get("optional")) - len(req_pairs)
    counts.fp = len(system) - len(req_pairs) - len(opt_pairs)
    counts.optional_pairs = len(opt_pairs)
    for s, g in req_pairs:
        sys_ev, gold_ev = system[s], gold[g]
        d_ok = True
        if gold_ev["date"]:
            d_ok = date_right(_event_date(sys_ev), gold_ev["date"])
            counts.date_pairs += 1
            counts.date_right += d_ok
        s_ok = status_right(sys_ev, gold_ev)
        counts.status_right += s_ok
        counts.strict_tp += d_ok and s_ok
        counts.pairs.append({"system": s, "gold": g, "date_right": d_ok, "status_right": s_ok})
    return counts


# ---------------------------------------------------------------------------
# time expressions and quotes


def _occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    out, pos = [], haystack.find(needle)
    while needle and pos >= 0:
        out.append((pos, pos + len(needle)))
        pos = haystack.find(needle, pos + 1)
    return out


def _span(item: dict) -> tuple[int, int] | None:
    start, end = item.get("start"), item.get("end")
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return start, end
    return None


def timex_matches(system: dict, gold: dict, text: str) -> bool:
    """The system span overlaps an occurrence of the gold text, and the values are equal."""
    span = _span(system)
    if span is None or system.get("value") != gold["value"]:
        return False
    return any(s < span[1] and span[0] < e for s, e in _occurrences(gold["text"], text))


def score_timexes(system: Sequence[dict], gold: Sequence[dict], text: str) -> dict[str, int]:
    """Counts: system timexes that match some gold one, gold ones matched by some system one."""
    hits = [[timex_matches(s, g, text) for g in gold] for s in system]
    return {
        "system": len(system),
        "gold": len(gold),
        "system_matched": sum(any(row) for row in hits),
        "gold_matched": sum(any(hits[s][g] for s in range(len(system))) for g in range(len(gold))),
    }


def coverage(system: dict, gold_text: str, text: str) -> float:
    """Share of the gold quote's characters that the system quote covers.

    By span when the gold text occurs in the article and the system quote has
    offsets; otherwise by the characters the two strings have in common.
    """
    if not gold_text:
        return 0.0
    span = _span(system)
    occurrences = _occurrences(gold_text, text)
    if span is not None and occurrences:
        best = max(max(0, min(e, span[1]) - max(s, span[0])) for s, e in occurrences)
        return best / len(gold_text)
    sys_text = system.get("text") or ""
    matcher = difflib.SequenceMatcher(None, gold_text, sys_text, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(gold_text)


def _speaker_names(system: dict) -> list[str]:
    speaker = system.get("speaker")
    if isinstance(speaker, str):
        return [speaker] if speaker else []
    if not isinstance(speaker, dict):
        return []
    names = [speaker.get("name") or "", *(speaker.get("mentions") or [])]
    return [n for n in names if n]


def speaker_matches(system: dict, gold: dict) -> bool:
    """A system speaker name equals, contains or is contained in a gold speaker name."""
    gold_names = [n for n in gold["speaker"] if n]
    return any(s in g or g in s for s in _speaker_names(system) for g in gold_names)


def quote_matches(system: dict, gold: dict, text: str) -> bool:
    """Coverage of at least half the gold text and a matching speaker."""
    return speaker_matches(system, gold) and coverage(system, gold["text"], text) >= 0.5


def score_quotes(system: Sequence[dict], gold: Sequence[dict], text: str) -> dict[str, int]:
    """Counts of one-to-one quote pairs."""
    weights = [[1 if quote_matches(s, g, text) else 0 for s in system] for g in gold]
    pairs = max_weight_pairs(weights)
    return {"system": len(system), "gold": len(gold), "matched": len(pairs)}


# ---------------------------------------------------------------------------
# whole files


def _prf(tp: int, system: int, gold: int, gold_tp: int | None = None) -> dict[str, float | None]:
    """Precision ``tp/system``, recall ``gold_tp/gold`` (``gold_tp`` defaults to ``tp``), F1."""
    if system == 0 and gold == 0:
        return {"precision": None, "recall": None, "f1": None}
    p = tp / system if system else 0.0
    r = (tp if gold_tp is None else gold_tp) / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def _ratio(right: int, total: int) -> float | None:
    return right / total if total else None


def score(golds: Sequence[dict], systems: Sequence[dict]) -> dict:
    """Score system records against gold articles (same order, one record per article).

    Returns the FORMAT.md metrics with their counts, and a per-article breakdown.
    """
    if len(golds) != len(systems):
        raise ValueError("one system record per gold article is needed")
    ev = EventCounts()
    tx = {"system": 0, "gold": 0, "system_matched": 0, "gold_matched": 0}
    qt = {"system": 0, "gold": 0, "matched": 0}
    pub_right = pub_total = 0
    per_article = []
    for gold, system in zip(golds, systems, strict=True):
        text = full_text(gold)
        row: dict[str, Any] = {"id": gold["id"]}
        if "events" in gold:
            counts = score_events(system.get("events") or [], gold["events"])
            ev.add(counts)
            row["events"] = {
                "tp": counts.tp, "fp": counts.fp, "fn": counts.fn, "strict_tp": counts.strict_tp,
                "optional_pairs": counts.optional_pairs, "pairs": counts.pairs,
            }  # fmt: skip
        if "timexes" in gold:
            counts_tx = score_timexes(system.get("timexes") or [], gold["timexes"], text)
            for k in tx:
                tx[k] += counts_tx[k]
            row["timexes"] = counts_tx
        if "quotes" in gold:
            counts_q = score_quotes(system.get("quotes") or [], gold["quotes"], text)
            for k in qt:
                qt[k] += counts_q[k]
            row["quotes"] = counts_q
        if gold.get("published_hidden"):
            pub_total += 1
            right = system.get("published") == gold["published_hidden"]
            pub_right += right
            row["published"] = {"gold": gold["published_hidden"], "system": system.get("published")}
        per_article.append(row)

    strict_wrong = ev.tp - ev.strict_tp
    tx_p = _prf(tx["system_matched"], tx["system"], tx["gold"], tx["gold_matched"])
    return {
        "articles": len(golds),
        "events": {
            "tp": ev.tp, "fp": ev.fp, "fn": ev.fn, "optional_pairs": ev.optional_pairs,
            **_prf(ev.tp, ev.tp + ev.fp, ev.tp + ev.fn),
        },
        "strict": {
            "tp": ev.strict_tp, "fp": ev.fp + strict_wrong, "fn": ev.fn + strict_wrong,
            **_prf(ev.strict_tp, ev.tp + ev.fp, ev.tp + ev.fn),
        },
        "date": {"right": ev.date_right, "pairs": ev.date_pairs,
                 "accuracy": _ratio(ev.date_right, ev.date_pairs)},
        "status": {"right": ev.status_right, "pairs": ev.tp,
                   "accuracy": _ratio(ev.status_right, ev.tp)},
        "timexes": {**tx, **tx_p},
        "quotes": {**qt, **_prf(qt["matched"], qt["system"], qt["gold"])},
        "published": {"right": pub_right, "hidden": pub_total,
                      "accuracy": _ratio(pub_right, pub_total)},
        "per_article": per_article,
    }  # fmt: skip


def gold_article(gold: dict) -> Article:
    """The input the extractor gets for a gold line: title, text, published unless hidden."""
    return Article(
        id=gold["id"], title=gold.get("title"), text=gold["text"], published=gold.get("published")
    )


def default_extractor(article: Article) -> dict:
    """Run dekigoto on one article and return its JSON record."""
    from dekigoto.pipeline import extract
    from dekigoto.record import to_json

    extraction = extract(
        article.text, title=article.title, published=article.published, id=article.id
    )
    return to_json(extraction, full=False)


def evaluate(
    gold_path: str | Path,
    *,
    extractor: Extractor | None = None,
    on_record: Callable[[dict, dict], None] | None = None,
) -> dict:
    """Run ``extractor`` (dekigoto by default) on every gold article and score it.

    ``on_record(gold, record)`` is called after each article (for progress and
    ``--output``). An article whose extraction fails with a dekigoto error
    scores as empty output and is listed under ``errors``.
    """
    golds = load_gold(gold_path)
    run = extractor or default_extractor
    systems, errors = [], []
    for gold in golds:
        try:
            record = run(gold_article(gold))
        except DekigotoError as exc:
            errors.append({"id": gold["id"], "error": str(exc)})
            record = {"id": gold["id"], "events": [], "timexes": [], "quotes": []}
        systems.append(record)
        if on_record is not None:
            on_record(gold, record)
    result = score(golds, systems)
    result["gold"] = str(gold_path)
    result["errors"] = errors
    return result


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def summary_rows(result: dict) -> list[tuple[str, str, str]]:
    """The FORMAT.md metrics as (metric, value, counts) rows, for printing."""
    ev, st, tx, qt = result["events"], result["strict"], result["timexes"], result["quotes"]
    d, s, pub = result["date"], result["status"], result["published"]
    return [
        ("event precision", _fmt(ev["precision"]), f"{ev['tp']}/{ev['tp'] + ev['fp']}"),
        ("event recall", _fmt(ev["recall"]), f"{ev['tp']}/{ev['tp'] + ev['fn']}"),
        ("event F1", _fmt(ev["f1"]), f"optional paired: {ev['optional_pairs']}"),
        ("strict event F1", _fmt(st["f1"]), f"strict pairs: {st['tp']}"),
        ("date accuracy", _fmt(d["accuracy"]), f"{d['right']}/{d['pairs']}"),
        ("status accuracy", _fmt(s["accuracy"]), f"{s['right']}/{s['pairs']}"),
        ("timex precision", _fmt(tx["precision"]), f"{tx['system_matched']}/{tx['system']}"),
        ("timex recall", _fmt(tx["recall"]), f"{tx['gold_matched']}/{tx['gold']}"),
        ("timex F1", _fmt(tx["f1"]), ""),
        ("quote precision", _fmt(qt["precision"]), f"{qt['matched']}/{qt['system']}"),
        ("quote recall", _fmt(qt["recall"]), f"{qt['matched']}/{qt['gold']}"),
        ("quote F1", _fmt(qt["f1"]), ""),
        ("published-date inference", _fmt(pub["accuracy"]), f"{pub['right']}/{pub['hidden']}"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m dekigoto.evaluation.scorer GOLD.jsonl [--json]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    paths = [a for a in args if a != "--json"]
    if len(paths) != 1:
        print("usage: python -m dekigoto.evaluation.scorer GOLD.jsonl [--json]", file=sys.stderr)
        return 2
    try:
        result = evaluate(paths[0])
    except DekigotoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print(f"{result['gold']}: {result['articles']} articles")
        for name, value, counts in summary_rows(result):
            print(f"  {name:<26} {value:>6}  {counts}")
        for err in result["errors"]:
            print(f"error: {err['id']}: {err['error']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
