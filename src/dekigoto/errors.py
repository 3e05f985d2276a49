"""The catalogue of user-facing errors, each with a code and a sentence that says what to do."""

from __future__ import annotations


class DekigotoError(Exception):
    """Base of every error that dekigoto reports to a user (no traceback)."""

    code = "E000"


class InputError(DekigotoError):
    """An article cannot be read: empty, binary, unknown encoding, bad JSON line, no text."""

    code = "E100"


class DateError(DekigotoError):
    """A date given by the user is not a valid YYYY-MM-DD date."""

    code = "E110"


class LexiconError(DekigotoError):
    """A lexicon data file is malformed; the message names the file, line and entry."""

    code = "E200"


class GoldError(DekigotoError):
    """A gold file does not follow FORMAT.md."""

    code = "E300"


class ModelError(DekigotoError):
    """The GiNZA model cannot be loaded."""

    code = "E400"
