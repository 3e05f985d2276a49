"""One record per real-world event: merge the mentions of the same event in an article.

Two mentions are the same event when their type is equal, their actor codes
overlap (or one side has none), their recipient codes overlap (or one side
has none) and their dates agree (equal, one unknown, or one a prefix of the
other). The 2019 summit and the 2023 one stay apart by their dates; a
mention of a previous occurrence ("2019年4月以来、4年ぶり") joins only
mentions with an explicit date of their own. Outside
meetings, the same kind of act is needed too (the same trigger entry or mode):
a coup, the martial law it declares and the arrests it makes are three events.
"""

from __future__ import annotations

from collections.abc import Callable

from dekigoto.models import ActorRef, Event

_BODY_FIRST = True

#: Types whose recipient is never the actor itself (an ASEAN meeting is held by ASEAN).
WITH_OTHERS = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})


def _codes(refs: list[ActorRef]) -> set[str]:
    return {r.code for r in refs if r.code}


def _overlap_or_empty(a: set[str], b: set[str]) -> bool:
    return not a or not b or bool(a & b)


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _weak_date(e: Event) -> str | None:
    """The date, or None when it only comes from the article date (no time expression)."""
    return None if e.date_rule in {"reference", "dct"} else e.date


def _dates_compatible(a: Event, b: Event) -> bool:
    """Dates agree; a previous occurrence (2019年4月以来…ぶり) needs an explicit date on both."""
    if "since" in {a.date_rule, b.date_rule}:
        da, db = _weak_date(a), _weak_date(b)
        return da is not None and db is not None and _dates_agree(da, db)
    return _dates_agree(_weak_date(a), _weak_date(b))


def _same_kind(a: Event, b: Event) -> bool:
    """True when two mentions name the same kind of act (trigger entry, or mode)."""
    return a.trigger == b.trigger or (a.mode is not None and a.mode == b.mode)


def same_event(a: Event, b: Event) -> bool:
    """True when two event mentions describe the same real-world event."""
    if a.type != b.type:
        return False
    if not _dates_compatible(a, b):
        return False
    if a.type != "CONSULT" and not _same_kind(a, b):
        return False
    if a.type == "CONSULT":  # meetings are symmetric: compare everyone taking part
        pa = _codes(a.actor) | _codes(a.recipient)
        pb = _codes(b.actor) | _codes(b.recipient)
        if len(pa & pb) >= 2 or (pa and pa == pb):
            return True
    if not (_codes(a.actor) or _codes(b.actor)) and not (_codes(a.recipient) & _codes(b.recipient)):
        return False
    return (
        _overlap_or_empty(_codes(a.actor), _codes(b.actor))
        and _overlap_or_empty(_codes(a.recipient), _codes(b.recipient))
        and bool(_codes(a.actor) & _codes(b.actor) or _codes(a.recipient) & _codes(b.recipient))
    )


def _union(a: list[ActorRef], b: list[ActorRef]) -> list[ActorRef]:
    out = list(a)
    for r in b:
        if all(r.code != x.code for x in out):
            out.append(r)
    return out


def _combine(group: list[Event], headline_end: int = 0) -> Event:
    """One record from the mentions of one event: the most complete mention leads.

    The status comes from a body mention when there is one (a headline is terse).
    """
    body = [e for e in group if e.evidence.start >= headline_end]
    if body and len(body) < len(group):
        lead_body = max(
            body, key=lambda e: (bool(e.actor) + bool(e.recipient), e.status_cue != "default")
        )
        status = (lead_body.status, lead_body.status_cue, lead_body.claimed_by)
        group_for_status = body
    else:
        status = None
        group_for_status = group
    lead = max(
        group,
        key=lambda e: (
            bool(e.actor) + bool(e.recipient),
            e.status_cue != "default",
            -e.evidence.start,
        ),
    )
    data = lead.model_copy(deep=True)
    data.mentions = sorted((m for e in group for m in e.mentions), key=lambda s: (s.start, s.end))
    for e in sorted(group, key=lambda e: e.evidence.start):
        if not data.actor and e.actor:
            data.actor = list(e.actor)
        if not data.recipient and e.recipient:
            data.recipient = [r for r in e.recipient if r.code not in _codes(data.actor)]
        if (
            (data.date is None or data.date_rule in {"dct", "reference"})
            and e.date
            and e.date_rule not in {"dct", "reference"}
        ):
            data.date, data.date_timex, data.date_rule = e.date, e.date_timex, e.date_rule
        if data.location is None:
            data.location = e.location
    if data.type in WITH_OTHERS:
        data.recipient = [r for r in data.recipient if r.code not in _codes(data.actor)]
    if status is not None:
        data.status, data.status_cue, data.claimed_by = status
    for e in sorted(group_for_status, key=lambda e: e.evidence.start):
        if data.status_cue == "default" and e.status_cue != "default":
            data.status, data.status_cue, data.claimed_by = e.status, e.status_cue, e.claimed_by
    data.context = sorted({c for e in group for c in e.context})
    return data


def _apart(a: Event, b: Event, key_of: Callable[[Event], object] | None) -> bool:
    """True for two mentions with one key (one trigger word in one sentence): "支持する
    立場を表明し、…併合を支持する談話を発表した" states two acts."""
    if key_of is None or key_of(a) != key_of(b):
        return False
    return a.evidence.end <= b.evidence.start or b.evidence.end <= a.evidence.start


def merge_events(
    events: list[Event],
    *,
    headline_end: int = 0,
    key_of: Callable[[Event], object] | None = None,
) -> list[Event]:
    """Merge mentions of the same event into one record with every evidence span.

    ``key_of`` gives a mention's sentence and trigger word: two mentions with
    the same key and disjoint spans stay apart. An event whose actor is
    still unknown after merging is dropped: a record must say who acted.
    """
    ordered = sorted(events, key=lambda e: (e.evidence.start < headline_end, e.evidence.start))
    groups: list[list[Event]] = []
    for ev in ordered:
        for group in groups:
            if same_event(group[0], ev) and all(
                _dates_compatible(m, ev) and not _apart(m, ev, key_of) for m in group
            ):
                group.append(ev)
                break
        else:
            groups.append([ev])
    merged = sorted((_combine(g, headline_end) for g in groups), key=lambda e: e.evidence.start)
    merged = [m for m in merged if any(r.code for r in m.actor)]
    return [m.model_copy(update={"id": f"e{n + 1}"}) for n, m in enumerate(merged)]
