"""Options that travel through the pipeline as one object."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Options:
    """Run options for :func:`dekigoto.extract`.

    ``lexicons``: extra user lexicon files (YAML) merged over the bundled ones.
    ``infer_published``: infer the article date when none is given.
    """

    lexicons: tuple[Path, ...] = field(default_factory=tuple)
    infer_published: bool = True


DEFAULT_OPTIONS = Options()
