"""actors stage (being written)."""

from __future__ import annotations

REQUIRES: tuple[str, ...] = ()
ASSIGNS: tuple[str, ...] = ()


def run(doc, options) -> None:  # noqa: ANN001
    """Placeholder until the stage lands."""
