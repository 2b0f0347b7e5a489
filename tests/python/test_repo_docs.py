"""The repository explains itself: every document a file cites is in docs/, and every section it names exists.

Comments, descriptions and seeds cite the project's own pages as `docs/<page>.md section N` (or `sections N and
M`, `reading N` for the table of readings chosen in docs/indicators.md section 4). A citation of a page that is
not in docs/, of a section the page does not have, or of a document outside the repository (the specification
pages the project started from, "seed 001") fails here, so a newcomer who clones the repo can follow every one.
"""

from __future__ import annotations

import csv
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

# A page named without the docs/ folder, outside docs/ itself (where pages link to each other by file name).
OUTSIDE = re.compile(
    r"(?<![\w/])(indicators|indicator_catalogue|raw_contract|data_standards|ssd_real_extracts|toolchain_notes)\.md"
    r"|/work/shared|shared/spec|\bseeds? 00[0-4]\b",
    re.IGNORECASE,
)
CITATION = re.compile(r"docs/(\w+)\.md`?,? (sections?|reading) ([\d.]+(?:(?:,| and| to) [\d.]+)*)")
NUMBER = re.compile(r"\d+(?:\.\d+)*")


def _tracked_text_files() -> list[Path]:
    names = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    files = []
    for name in names.splitlines():
        path = ROOT / name
        if path.suffix in {".py", ".sql", ".yml", ".yaml", ".md", ".csv", ".toml", ".cfg", ""} and path.is_file():
            files.append(path)
    return files


def _sections(page: Path) -> set[str]:
    """Numbers of the page's headings (`## 3.` / `### 3.8 ...`) and of its numbered table rows (`| 4.1 |`)."""
    found = set()
    for line in page.read_text().splitlines():
        heading = re.match(r"#+ (\d+(?:\.\d+)*)\.? ", line)
        row = re.match(r"\| (\d+(?:\.\d+)+) \|", line)
        for match in (heading, row):
            if match:
                found.add(match.group(1))
    return found


def test_no_file_cites_a_document_outside_the_repository():
    offenders = []
    for path in _tracked_text_files():
        rel = path.relative_to(ROOT)
        if rel.parts[0] == "docs" or rel == Path("tests/python/test_repo_docs.py"):
            continue
        for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if OUTSIDE.search(line.replace("docs/", "docs_")):
                offenders.append(f"{rel}:{n}: {line.strip()[:120]}")
    assert not offenders, "cite docs/<page>.md instead:\n" + "\n".join(offenders)


def test_every_cited_page_and_section_exists():
    assert (DOCS / "README.md").exists() and (DOCS / "architecture.md").exists()
    missing = []
    cited = 0
    for path in _tracked_text_files():
        text = path.read_text(errors="replace").replace("\n", " ")
        text = re.sub(r"\s+(?:#|--|//)?\s*", " ", text)  # citations wrapped over comment lines
        for match in CITATION.finditer(text):
            cited += 1
            page = DOCS / f"{match.group(1)}.md"
            if not page.exists():
                missing.append(f"{path.relative_to(ROOT)}: {match.group(0)} (no such page)")
                continue
            sections = _sections(page)
            for number in NUMBER.findall(match.group(3)):
                if number.rstrip(".") not in sections:
                    missing.append(f"{path.relative_to(ROOT)}: {match.group(0)} (no section {number})")
    assert cited > 20, f"only {cited} citations found: the pattern no longer matches how the code cites docs/"
    assert not missing, "\n".join(missing)


def test_docs_pages_link_to_pages_that_exist():
    broken = []
    for page in DOCS.glob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", page.read_text()):
            if not (page.parent / target).resolve().exists():
                broken.append(f"{page.name} -> {target}")
    assert not broken, broken


def _readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize("seed", ["ssda903_rules.csv", "cin_census_rules.csv"])
def test_readme_lists_every_dfe_rule_the_warehouse_checks(seed):
    """The README's statutory returns section has a table of the rules implemented: every rule of the seed is in
    it, with its severity (a rule added to a seed and not to the README fails here)."""
    rows = list(csv.DictReader((ROOT / "seeds" / seed).open(newline="")))
    table = [line for line in _readme_section("Statutory returns").splitlines() if line.startswith("|")]
    return_name = "903" if seed.startswith("ssda903") else "CIN"
    missing = []
    for row in rows:
        cells = [
            [c.strip() for c in line.strip("|").split("|")]
            for line in table
            if re.search(rf"(?<![\w]){re.escape(row['rule_number'])}(?![\w])", line)
        ]
        if not any(c[0] == return_name and row["severity"] in c[2] for c in cells):
            missing.append(row["rule_number"])
    assert rows and missing == []
