"""Shared fixtures: one small synthetic extract per test session, copied per test."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from helpers import QUIET, small_extract

from csc.build import build


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


@pytest.fixture(scope="session")
def returns_warehouse(small_landing, tmp_path_factory) -> Path:
    """One warehouse built from the small extract, shared read-only by the statutory-return tests
    (test_returns*.py). pytest-xdist may run the two files in two workers: the first builds it
    under a lock in the folder all workers share, the other waits and reuses it (the extract is deterministic)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # this run's folder, never an older run's
    folder = shared / "returns_warehouse"
    path = folder / "csc.duckdb"
    with (shared / "returns_warehouse.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "built").is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(small_landing, path, folder / "reports", console=QUIET)
            (folder / "built").touch()
    return path
