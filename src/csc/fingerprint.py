"""The project fingerprint: one hash of everything that decides what a build computes from a landing.

A per-council refresh merges newly built councils into the published warehouse, so it is only correct when the
published warehouse was built by the same code, models, macros, seeds and tool versions: otherwise every council
is rebuilt (docs/architecture.md section 5).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata

from csc.config import PROJECT_DIR

# What decides the figures: dbt's project (models, macros, seeds, singular tests, selectors), the Python
# package (gate, history, build), and the versions of the tools that run them.
INPUTS = ("dbt_project.yml", "selectors.yml", "models", "macros", "seeds", "tests/dbt", "src/csc")
SUFFIXES = {".sql", ".yml", ".yaml", ".csv", ".md", ".py", ".json"}
PACKAGES = ("dbt-core", "dbt-duckdb", "duckdb", "great-expectations")


@cache
def project_fingerprint() -> str:
    """sha256 over the inputs' relative paths and contents (sorted) and the tool versions."""
    digest = hashlib.sha256()
    for name in INPUTS:
        root = PROJECT_DIR / name
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in paths:
            if path.suffix not in SUFFIXES or "__pycache__" in path.parts:
                continue
            digest.update(str(path.relative_to(PROJECT_DIR)).encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    for package in PACKAGES:
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{package}=={version}\n".encode())
    return digest.hexdigest()
