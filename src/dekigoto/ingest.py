"""Ingest stage: read articles from files, JSON Lines and standard input."""

from __future__ import annotations

import datetime as dt

from dekigoto.errors import DateError


def parse_published(value: str) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date given by the user, or raise :class:`DateError`."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise DateError(f"invalid date {value!r}: expected YYYY-MM-DD, e.g. 2023-09-12") from exc
