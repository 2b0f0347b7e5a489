"""Shared fixtures: one small synthetic extract per test session, copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import small_extract


@pytest.fixture(scope="session")
def small_landing(tmp_path_factory) -> Path:
    """Two councils, two years of history, 3% of the demo volumes."""
    return small_extract(tmp_path_factory.mktemp("landing"))


@pytest.fixture
def landing(small_landing, tmp_path) -> Path:
    """A private copy of the small extract that a test may damage."""
    dest = tmp_path / "landing"
    shutil.copytree(small_landing, dest)
    return dest
