"""The dbt graph flows one way: sources -> staging -> intermediate -> marts -> performance (-> returns: the
statutory returns, docs/returns.md, read by `csc returns` only).

A model's layer is the folder it lives in under models/ (LAYERS, in order). The rules, checked on the manifest of
`dbt parse`:
- every model is in one of the layer folders;
- a model reads models of its own layer or of earlier layers only (an edge never runs back up);
- sources (the landing gate's raw.* tables) are read by staging models only;
- seeds are the project's own reference data (typed by column_types, tested in seeds/*.yml, upstream of
  everything): any layer may read them, directly or through a macro, but by ref() only, like every other relation:
  no model or project macro names a warehouse schema's relation in its SQL;
- every table the build reads that dbt does not create (each source) carries tests;
- the report exposure reads published relations only (marts, performance, seeds, sources), and names every relation
  src/csc/report/data.py reads.
Data tests, unit tests and analyses read what they check or show and are not part of the layering.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from csc.build import dbt_env, dbt_executable
from csc.config import PROJECT_DIR

LAYERS = ("staging", "intermediate", "marts", "performance", "returns")
WAREHOUSE_SCHEMAS = ("raw", "audit", "staging", "intermediate", "marts", "reference", "returns")
PUBLISHED_LAYERS = ("marts", "performance")
# The relations of the returns layer the report reads: the DfE rules' failures (SSDA903, CIN census), of which the
# data-quality page shows only counts per rule (the return tables themselves are child-level and read by
# `csc returns` only).
REPORT_READS_FROM_RETURNS = ("ssda903_rule_failures", "cin_census_rule_failures")


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    target = tmp_path_factory.mktemp("graph")
    done = subprocess.run(
        [dbt_executable(), "parse", "--project-dir", str(PROJECT_DIR), "--target-path", str(target)],
        cwd=PROJECT_DIR,
        env=dbt_env(target / "parse.duckdb"),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads((target / "manifest.json").read_text())


def layer(node: dict) -> str:
    """The folder under models/ a model lives in."""
    return Path(node["original_file_path"]).parts[1]


def models(manifest: dict) -> dict[str, dict]:
    return {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] == "model"}


def test_every_model_is_in_a_layer_folder(manifest):
    outside = sorted(n["original_file_path"] for n in models(manifest).values() if layer(n) not in LAYERS)
    assert outside == [], f"models outside the layer folders {LAYERS}"


def test_no_model_reads_a_later_layer(manifest):
    nodes = models(manifest)
    back = [
        f"{layer(n)}/{n['name']} reads {layer(nodes[dep])}/{nodes[dep]['name']}"
        for n in nodes.values()
        for dep in n["depends_on"]["nodes"]
        if dep in nodes and LAYERS.index(layer(nodes[dep])) > LAYERS.index(layer(n))
    ]
    assert back == []


def test_sources_are_read_by_staging_only(manifest):
    outside = [
        f"{layer(n)}/{n['name']} reads {dep}"
        for n in models(manifest).values()
        for dep in n["depends_on"]["nodes"]
        if dep.startswith("source.") and layer(n) != "staging"
    ]
    assert outside == []


def _without_comments(sql: str) -> str:
    sql = re.sub(r"\{#.*?#\}", "", sql, flags=re.S)
    sql = re.sub(r"/\*.*?\*/", "", sql, flags=re.S)
    return re.sub(r"--[^\n]*", "", sql)


def test_relations_are_read_through_ref_or_source_only(manifest):
    """A relation named in SQL (raw.quarantine, marts.dim_date) is an edge the graph does not see."""
    named = re.compile(rf"\b(?:{'|'.join(WAREHOUSE_SCHEMAS)})\.[a-z_]\w*", re.I)
    code = {uid: n["raw_code"] for uid, n in models(manifest).items()}
    code |= {uid: m["macro_sql"] for uid, m in manifest["macros"].items() if m["package_name"] == "csc_warehouse"}
    hits = [f"{uid}: {m.group(0)}" for uid, sql in code.items() for m in named.finditer(_without_comments(sql))]
    assert hits == []


def test_sources_the_build_reads_carry_tests(manifest):
    tested = {
        parent
        for n in manifest["nodes"].values()
        if n["resource_type"] == "test"
        for parent in n["depends_on"]["nodes"]
        if parent.startswith("source.")
    }
    assert sorted(set(manifest["sources"]) - tested) == []


def _relation(node: dict) -> str:
    return f"{node['schema']}.{node.get('alias') or node.get('identifier') or node['name']}"


def test_the_report_exposure_reads_published_relations_and_names_them_all(manifest):
    (exposure,) = [e for e in manifest["exposures"].values() if e["name"] == "performance_report"]
    deps = exposure["depends_on"]["nodes"]
    nodes = manifest["nodes"] | manifest["sources"]
    unpublished = [
        uid
        for uid in deps
        if uid.startswith("model.")
        and layer(manifest["nodes"][uid]) not in PUBLISHED_LAYERS
        and manifest["nodes"][uid]["name"] not in REPORT_READS_FROM_RETURNS
    ]
    assert unpublished == []
    declared = {_relation(nodes[uid]) for uid in deps}
    source = (PROJECT_DIR / "src" / "csc" / "report" / "data.py").read_text()
    read = set(re.findall(r"\b((?:marts|raw|audit)\.[a-z_]+)\b", source))
    read |= set(re.findall(r'"(returns\.[a-z0-9_]+)"', source))
    read |= {f"{schema}.{table}" for schema, table in re.findall(r'_table_exists\(con, "(\w+)", "(\w+)"\)', source)}
    assert read and read <= declared, sorted(read - declared)
