"""Loading and validating the language data files (YAML) that hold dekigoto's knowledge.

Each file is a mapping with a ``meta`` header (what it holds, sources,
licence, changes) and an ``entries`` list. Entries are validated against a
pydantic model; an error names the file, the line and the entry id. User files
(``--lexicon``) are merged over the bundled ones: an entry with the same id
replaces the bundled one, others are added.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from dekigoto.errors import LexiconError

M = TypeVar("M", bound=BaseModel)


def data_path(name: str) -> Path:
    """Path of a bundled data file."""
    return Path(str(resources.files("dekigoto") / "data" / name))


def _entry_lines(node: yaml.Node | None) -> list[int]:
    """1-based line of every item of the ``entries`` sequence in a composed YAML node."""
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "entries" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def read_entries(path: Path, model: type[M], *, section: str | None = None) -> list[M]:
    """Read and validate the ``entries`` of one YAML lexicon file.

    ``section``: when the file holds several kinds, only entries whose
    ``section`` key equals it are read (the key is removed before validation).
    """
    try:
        raw_text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read lexicon file: {exc}") from exc
    try:
        data = yaml.safe_load(raw_text)
        lines = _entry_lines(yaml.compose(raw_text))
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise LexiconError(f"{path}: a lexicon file must be a mapping with an 'entries' list")
    out: list[M] = []
    for n, raw in enumerate(data["entries"]):
        line = lines[n] if n < len(lines) else 0
        if not isinstance(raw, dict):
            raise LexiconError(f"{path}:{line}: entry {n + 1} is not a mapping")
        if section is not None:
            if raw.get("section", section) != section:
                continue
            raw = {k: v for k, v in raw.items() if k != "section"}
        try:
            out.append(model.model_validate(raw))
        except ValidationError as exc:
            entry = raw.get("id", f"#{n + 1}")
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
            raise LexiconError(f"{path}:{line}: entry {entry!r}: {problems}") from exc
    return out


def merge_by_id(base: Sequence[M], extra: Iterable[M]) -> list[M]:
    """Entries of ``base`` with those of ``extra`` merged over them by ``id``."""
    merged: dict[str, M] = {getattr(e, "id"): e for e in base}  # noqa: B009
    for e in extra:
        merged[getattr(e, "id")] = e  # noqa: B009
    return list(merged.values())


@functools.cache
def load(
    name: str, model: type[M], extra: tuple[Path, ...] = (), section: str | None = None
) -> list[M]:
    """Load bundled file ``name`` and the user files in ``extra`` (cached per process).

    User files may hold entries of several kinds; each stage reads the entries
    its model accepts from the ``section`` it names (if any).
    """
    entries = read_entries(data_path(name), model, section=section)
    for path in extra:
        entries = merge_by_id(entries, read_entries(path, model, section=section))
    return entries
