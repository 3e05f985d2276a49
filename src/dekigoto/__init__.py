"""dekigoto (出来事): Japanese news to verifiable political event data.

>>> import dekigoto
>>> result = dekigoto.extract("ロシアと北朝鮮は首脳会談を行うと発表した。", published="2023-09-12")
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from dekigoto.models import Actor, Article, Event, Extraction, Quote, Span, Timex
from dekigoto.options import Options
from dekigoto.pipeline import extract

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Extraction",
    "Options",
    "Quote",
    "Span",
    "Timex",
    "__version__",
    "extract",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
