"""Corpus commands: init, add, import, list, show, remove, validate (filled in by the foundation issue)."""

from __future__ import annotations
