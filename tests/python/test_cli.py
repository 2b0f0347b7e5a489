"""The `csc` command line and its configuration, without building anything: how Settings resolves options,
environment and defaults, the dbt environment, the dispatch of every command, the usage errors, and the
summary of a warehouse."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import pytest

from csc import cli, config
from csc.cli import main, parser
from csc.config import PROJECT_DIR, Settings, dbt_env
from csc.summary import CouncilExtract, NoWarehouse, TableRows, summarise

COMMANDS = ("land", "extract", "generate", "check", "build", "summary", "report", "refresh")


def test_settings_defaults_are_under_the_project_directory():
    s = Settings.resolve(environ={})
    assert s.landing == PROJECT_DIR / "data" / "landing"
    assert s.warehouse == PROJECT_DIR / "warehouse" / "csc.duckdb"
    assert s.reports == PROJECT_DIR / "reports"
    assert s.performance_reports == PROJECT_DIR / "reports" / "performance"
    assert (s.max_quarantine_pct, s.min_quarantine_rows) == (5.0, 10)


def test_settings_option_beats_environment_and_relative_paths_resolve_from_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"CSC_LANDING": "env/landing", "CSC_WAREHOUSE": "env/w.duckdb", "CSC_REPORTS": "env/reports"}
    from_env = Settings.resolve(environ=env)
    assert from_env.landing == tmp_path / "env" / "landing"
    assert from_env.warehouse == tmp_path / "env" / "w.duckdb"
    assert from_env.reports == tmp_path / "env" / "reports"
    given = Settings.resolve(
        landing="opt/landing", reports=tmp_path / "r", max_quarantine_pct=0.5, min_quarantine_rows=0, environ=env
    )
    assert given.landing == tmp_path / "opt" / "landing" and given.reports == tmp_path / "r"
    assert given.warehouse == from_env.warehouse  # no option: always the environment's
    assert (given.max_quarantine_pct, given.min_quarantine_rows) == (0.5, 0)  # 0 is a value, not "not given"


def test_settings_read_os_environ_when_resolved_not_when_imported(tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_WAREHOUSE", str(tmp_path / "late.duckdb"))
    assert Settings.resolve().warehouse == tmp_path / "late.duckdb"


def test_dbt_env_always_uses_the_project_profile_and_switches_telemetry_off(tmp_path):
    user = {"PATH": "/bin", "DBT_PROFILES_DIR": "/home/someone/.dbt", "DO_NOT_TRACK": "0", "CSC_WAREHOUSE": "x"}
    env = dbt_env(tmp_path / "b.duckdb", user)
    assert env["PATH"] == "/bin"
    assert env["CSC_WAREHOUSE"] == str(tmp_path / "b.duckdb")
    assert env["DBT_PROFILES_DIR"] == str(PROJECT_DIR / "profiles")
    assert (PROJECT_DIR / "profiles" / "profiles.yml").is_file()
    for name, value in config.TELEMETRY_OFF.items():
        assert env[name] == value
    assert user["DO_NOT_TRACK"] == "0"  # the caller's mapping is not changed


def test_telemetry_off_overrides_the_environment(monkeypatch):
    monkeypatch.setenv("GX_ANALYTICS_ENABLED", "true")
    monkeypatch.setenv("DO_NOT_TRACK", "0")
    config.telemetry_off()  # what csc.gate.checks calls before it imports Great Expectations
    assert os.environ["GX_ANALYTICS_ENABLED"] == "false" and os.environ["DO_NOT_TRACK"] == "1"


def test_every_command_has_a_handler_and_the_options_settings_read():
    ap = parser()
    argv = {
        "land": ["land", "folder", "--la", "926"],
        "extract": ["extract", "--url", "postgresql://x/y", "--la", "926"],
        "report": ["report"],
    }
    for command in COMMANDS:
        args = ap.parse_args(argv.get(command, [command]))
        assert args.command == command
        assert callable(args.run) and args.run.__module__ == "csc.cli"
        for name in ("landing", "reports", "max_quarantine_pct", "min_quarantine_rows"):
            assert hasattr(args, name)  # None unless the command takes and was given it
    gate = ap.parse_args(["check", "--landing", "l", "--max-quarantine-pct", "2", "--min-quarantine-rows", "3"])
    assert (gate.landing, gate.max_quarantine_pct, gate.min_quarantine_rows) == ("l", 2.0, 3)


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"\n    {command} " in out
    assert "CSC_LANDING" in out and "CSC_WAREHOUSE" in out and "CSC_REPORTS" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["summary", "--landing", "x"], "unrecognized arguments: --landing"),
        (["report", "--landing", "x"], "unrecognized arguments: --landing"),
        (["generate", "--out", "x"], "--out without --cms"),
        (["generate", "--export", "clean", "--ssd-version", "1.2.4"], "--ssd-version, --export without --cms"),
        (["generate", "--cms", "mosaic", "--format", "csv"], "--format with --cms"),
        (["generate", "--cms", "eclipse", "--landing", "x", "--defects", "orphan_fk"], "--landing, --defects with"),
        (["generate", "--defects", "orphan_fk,no_such_defect"], "unknown defect(s) no_such_defect"),
    ],
)
def test_an_option_that_would_be_ignored_is_a_usage_error(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CSC_LANDING", str(tmp_path / "landing"))
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert message in err and "usage: csc " in err
    assert not (tmp_path / "landing").exists()  # nothing was generated


def test_generate_defects_list(capsys):
    from csc.generate.defects import DEFECTS

    assert main(["generate", "--defects", "list"]) == 0
    assert capsys.readouterr().out.split() == list(DEFECTS)


def test_unknown_councils_fail_before_anything_runs(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSC_WAREHOUSE", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("CSC_LANDING", str(tmp_path / "landing"))
    monkeypatch.setenv("CSC_REPORTS", str(tmp_path / "reports"))
    assert main(["build", "--retire", "E99999999"]) == 1
    assert main(["report", "--la", "999"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "unknown council 'E99999999'" in out and "unknown council '999'" in out
    assert not (tmp_path / "reports").exists()  # the gate did not run


def test_summary_without_a_warehouse_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CSC_WAREHOUSE", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("COLUMNS", "1000")  # rich wraps a long path mid-word at the terminal's width
    assert main(["summary"]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert f"No warehouse at {tmp_path / 'none.duckdb'}: run `csc build` first." in out
    with pytest.raises(NoWarehouse):
        summarise(tmp_path / "none.duckdb")


def _tiny_warehouse(path: Path) -> None:
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute("create schema marts")
    con.execute(
        "create table raw.manifests (la_code varchar, la_name varchar, extract_date date, period_start date, "
        "ssd_version varchar, folder varchar)"
    )
    con.execute(
        "insert into raw.manifests values ('E10000020', 'Norfolk', '2021-03-31', '2019-04-01', '1.3', 'x'), "
        "('E08000018', 'Rotherham', '2021-03-31', '2019-04-01', '1.3', 'y')"
    )
    con.execute(
        "create table raw.landed_files as select * from (values ('E10000020', 10, 1), ('E10000020', 5, 0), "
        "('E08000018', 7, 2)) t(la_code, rows_landed, rows_quarantined)"
    )
    con.execute("create table marts.dim_child as select range as id from range(3)")
    con.close()


def test_summary_reads_tables_and_councils(tmp_path, monkeypatch, capsys):
    db = tmp_path / "w.duckdb"
    _tiny_warehouse(db)
    s = summarise(db)
    assert s.warehouse == db
    assert s.tables == [
        TableRows("marts", "dim_child", 3),
        TableRows("raw", "landed_files", 3),
        TableRows("raw", "manifests", 2),
    ]
    assert s.councils == [
        CouncilExtract("E08000018", "Rotherham", date(2021, 3, 31), date(2019, 4, 1), 7, 2),
        CouncilExtract("E10000020", "Norfolk", date(2021, 3, 31), date(2019, 4, 1), 15, 1),
    ]
    monkeypatch.setenv("CSC_WAREHOUSE", str(db))
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["summary"]) == 0
    out = capsys.readouterr().out
    assert "dim_child" in out and "Rotherham" in out and "15" in out and f"duckdb {db}" in out


def test_cli_holds_no_sql():
    source = Path(cli.__file__).read_text()
    for code in ("import duckdb", ".execute(", ".sql(", ".fetch", "getattr("):
        assert code not in source
