"""Shared fixtures. The GiNZA model is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

#: The shared data folder beside the repository (gold files, corpus, seed article).
SHARED = Path(__file__).parents[2] / "shared"
SEED_ARTICLE = SHARED / "seed" / "000_b16e9d0afafa0953.txt"


@pytest.fixture(scope="session")
def nlp_model():
    """The GiNZA model, loaded once."""
    from dekigoto.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def extract(nlp_model):
    """:func:`dekigoto.extract`, with the model already loaded."""
    from dekigoto import extract as run

    return run


@pytest.fixture(scope="session")
def bundled_examples() -> list[dict]:
    """The example articles that ship inside the package."""
    from dekigoto.cli import example_path

    with example_path().open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


@pytest.fixture(scope="session")
def bundled_extractions(extract, bundled_examples) -> list:
    """The extraction of every bundled example (computed once)."""
    return [
        extract(a["text"], title=a["title"], published=a["published"], id=a["id"])
        for a in bundled_examples
    ]
