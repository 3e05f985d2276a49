"""Scoring against gold files (FORMAT.md: :mod:`dekigoto.evaluation.scorer`) and others."""
