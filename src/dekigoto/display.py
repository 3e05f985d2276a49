"""Human-readable rich tables of one extraction: events, quotes, time expressions."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from dekigoto.models import ActorRef, Event, Extraction, Quote
from dekigoto.quotes import format_quote_row

#: Longest evidence or quote shown in a table cell before it is cut with …
MAX_CELL_CHARS = 70

_STATUS_STYLE = {
    "occurred": "green",
    "planned": "cyan",
    "claimed": "yellow",
    "possible": "magenta",
    "negated": "red",
}


def _cut(text: str, limit: int = MAX_CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actors_cell(refs: Iterable[ActorRef]) -> str:
    """``PRK Kim Jong Un, RUS`` for a list of actor references; ``–`` when empty."""
    parts = []
    for ref in refs:
        code = ref.code or "?"
        parts.append(code if not ref.name or ref.name == ref.code else f"{code} {ref.name}")
    return ", ".join(parts) or "–"


def events_table(events: Iterable[Event]) -> Table:
    """One row per event: type/mode, actor → recipient, date, status, evidence."""
    table = Table(title="Events", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("type / mode", ratio=2)
    table.add_column("actor → recipient", ratio=3)
    table.add_column("date", no_wrap=True)
    table.add_column("status", ratio=2)
    table.add_column("evidence", ratio=4, overflow="fold")
    for n, ev in enumerate(events, 1):
        kind = ev.type + (f"\n{ev.mode}" if ev.mode else "")
        who = f"{actors_cell(ev.actor)}\n→ {actors_cell(ev.recipient)}"
        status = Text(ev.status, style=_STATUS_STYLE.get(ev.status, ""))
        if ev.claimed_by is not None:
            status.append(f"\n({actors_cell([ev.claimed_by])})", style="dim")
        table.add_row(str(n), kind, who, ev.date or "–", status, _cut(ev.evidence.text))
    return table


def quotes_table(quotes: Iterable[Quote]) -> Table:
    """One row per quote: speaker, role, country, kind, text."""
    table = Table(title="Quotes", title_justify="left", expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("speaker", ratio=3, overflow="fold")
    table.add_column("role", ratio=2, overflow="fold")
    table.add_column("country", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("quote", ratio=6, overflow="fold")
    for n, quote in enumerate(quotes, 1):
        name, role, code, text = format_quote_row(quote)
        table.add_row(str(n), name, role, code, quote.kind, _cut(text))
    return table


def timexes_line(extraction: Extraction) -> Text:
    """The time expressions on one line: ``去年2月 → 2022-02 · 近く → FUTURE_REF``."""
    line = Text("Time expressions: ", style="bold")
    if not extraction.timexes:
        line.append("none", style="dim")
    for n, timex in enumerate(extraction.timexes):
        if n:
            line.append(" · ", style="dim")
        line.append(timex.text)
        line.append(f" → {timex.value or '?'}", style="cyan")
    return line


def header(extraction: Extraction) -> Text:
    """``id · title · published 2023-09-12 (inferred)``."""
    line = Text(extraction.id, style="bold")
    if extraction.title:
        line.append(f" · {extraction.title}")
    date = extraction.published or "unknown"
    line.append(f" · published {date}", style="dim")
    if extraction.published_inferred:
        line.append(" (inferred)", style="dim")
    return line


def render(extraction: Extraction) -> RenderableType:
    """Everything shown for one article."""
    parts: list[RenderableType] = [header(extraction)]
    if extraction.events:
        parts.append(events_table(extraction.events))
    else:
        parts.append(Text("No events.", style="dim"))
    if extraction.quotes:
        parts.append(quotes_table(extraction.quotes))
    parts.append(timexes_line(extraction))
    return Group(*parts)


def show(extraction: Extraction, console: Console) -> None:
    """Print one article's tables."""
    console.print(render(extraction))
    console.print()
