"""The landing layout both intakes write: `<landing>/<ONS code>/<extract date>/ssd_<table>.parquet` + manifest.

Each table is written in batches (pyarrow ParquetWriter, zstd), so a table of any size never sits in
memory. Everything is written into a hidden temporary folder under the landing root (`.<ONS>_<date>.partial-*`:
the gate skips hidden folders, even one left by a killed process) and renamed into place at the end, so a
failed intake never leaves a half-written extract that the gate would read. An existing extract folder is
replaced only when asked (`--replace`).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from csc.councils import CouncilRef, UnknownCouncil, resolve_council
from csc.intake.errors import IntakeError
from csc.intake.versionlog import VersionInfo

SSD_DEFAULT_YEARS = 6
BATCH_ROWS = 50_000


@dataclass(frozen=True)
class IntakeOptions:
    """What both intakes are told, resolved once by the command line: the council (DfE or ONS code), the
    landing root, what the source may not say itself (extract date, SSD version: else ssd_version_log;
    period start: else the SSD's six years), whether an extract already landed may be replaced, and the
    rows written per batch."""

    la: str
    landing: Path
    extract_date: date | None = None
    ssd_version: str | None = None
    period_start: date | None = None
    replace: bool = False
    batch_rows: int = BATCH_ROWS

    @property
    def needs_version_log(self) -> bool:
        return not (self.extract_date and self.ssd_version)

    def spec(self, council_ref: CouncilRef, source: str, version_log: VersionInfo | None) -> ExtractSpec:
        return extract_spec(council_ref, source, version_log, self.extract_date, self.ssd_version, self.period_start)


def council(code: str) -> CouncilRef:
    """The council of a DfE 3-digit or ONS code; IntakeError (one line) when unknown."""
    try:
        return resolve_council(code)
    except UnknownCouncil as exc:
        raise IntakeError(str(exc)) from None


def extract_folder(landing: Path, la_code: str, extract_date: date) -> Path:
    """Where the extract of council `la_code` (ONS code) of `extract_date` lands."""
    return landing / la_code / extract_date.isoformat()


def default_period_start(extract_date: date) -> date:
    """The SSD's default window: six years back, from the day after (2021-03-31 -> 2015-04-01)."""
    year = extract_date.year - SSD_DEFAULT_YEARS
    day = min(extract_date.day, 28) if extract_date.month == 2 else extract_date.day
    return date.fromordinal(date(year, extract_date.month, day).toordinal() + 1)


@dataclass(frozen=True)
class ExtractSpec:
    """What the manifest says about one extract."""

    council: CouncilRef
    extract_date: date
    period_start: date
    ssd_version: str
    source: str

    def manifest(self, tables: dict[str, int], landed_with: str) -> dict:
        return {
            "la_code": self.council.la_code,
            "la_name": self.council.la_name,
            "extract_date": self.extract_date.isoformat(),
            "period_start": self.period_start.isoformat(),
            "ssd_version": self.ssd_version,
            "dfe_code": self.council.dfe_code,
            "source": self.source,
            "landed_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "landed_with": landed_with,
            "tables": tables,
        }


def extract_spec(
    council_ref: CouncilRef,
    source: str,
    version_log: VersionInfo | None,
    extract_date: date | None = None,
    ssd_version: str | None = None,
    period_start: date | None = None,
) -> ExtractSpec:
    """The options, else the current row of ssd_version_log; IntakeError naming what is missing and the
    option that gives it."""
    extract_date = extract_date or (version_log.run_date if version_log else None)
    ssd_version = ssd_version or (version_log.ssd_version if version_log else None)
    missing = []
    if extract_date is None:
        missing.append("the extract date (give --extract-date YYYY-MM-DD)")
    if not ssd_version:
        missing.append("the SSD version (give --ssd-version, e.g. 1.4.5)")
    if missing:
        where = "its ssd_version_log has no current row with them" if version_log else "it has no ssd_version_log"
        raise IntakeError(f"{' and '.join(missing)} missing: {source} does not say ({where})")
    assert extract_date is not None and ssd_version is not None
    start = period_start or default_period_start(extract_date)
    if start >= extract_date:
        raise IntakeError(f"--period-start {start} is not before the extract date {extract_date}")
    return ExtractSpec(council_ref, extract_date, start, ssd_version, source)


class TableSink:
    """One table's Parquet file, written batch by batch; counts its rows."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.schema = schema
        self.rows = 0
        self._writer = pq.ParquetWriter(path, schema, compression="zstd")

    def write(self, batch: pa.RecordBatch | pa.Table) -> None:
        if batch.num_rows == 0:
            return
        table = pa.Table.from_batches([batch]) if isinstance(batch, pa.RecordBatch) else batch
        self._writer.write_table(table.cast(self.schema))
        self.rows += batch.num_rows

    def close(self) -> None:
        self._writer.close()


@dataclass
class LandingWriter:
    """Writes one extract folder through a temporary folder: `with LandingWriter(...) as w: w.table(...);
    w.commit(...)`. Leaving the block without commit (an error) removes everything written."""

    landing: Path
    spec: ExtractSpec
    replace: bool = False
    landed_with: str = "csc"
    sinks: dict[str, TableSink] = field(default_factory=dict)
    _tmp: Path | None = None

    @property
    def folder(self) -> Path:
        return extract_folder(self.landing, self.spec.council.la_code, self.spec.extract_date)

    def check_free(self) -> None:
        if self.folder.exists() and not self.replace:
            raise IntakeError(f"{self.folder} already exists: give --replace to overwrite that extract")

    def __enter__(self) -> LandingWriter:
        self.check_free()
        self.landing.mkdir(parents=True, exist_ok=True)
        name = f".{self.spec.council.la_code}_{self.spec.extract_date.isoformat()}.partial-{os.getpid()}-"
        self._tmp = self.landing / (name + secrets.token_hex(4))
        self._tmp.mkdir()  # not mkdtemp: the extract folder gets the usual permissions
        return self

    def table(self, name: str, schema: pa.Schema) -> TableSink:
        assert self._tmp is not None, "use LandingWriter as a context manager"
        sink = TableSink(self._tmp / f"{name.lower()}.parquet", schema)
        self.sinks[name.lower()] = sink
        return sink

    def commit(self) -> dict:
        """Close every file, write manifest.json, and move the folder into place. Returns the manifest."""
        assert self._tmp is not None
        for sink in self.sinks.values():
            sink.close()
        manifest = self.spec.manifest({name: s.rows for name, s in self.sinks.items()}, self.landed_with)
        (self._tmp / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        self.check_free()
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        old = None
        if self.folder.exists():
            old = self.landing / f"{self._tmp.name.replace('.partial-', '.replaced-')}"
            os.replace(self.folder, old)
        try:
            os.replace(self._tmp, self.folder)
        except OSError:
            if old is not None:
                os.replace(old, self.folder)
            raise
        self._tmp = None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return manifest

    def __exit__(self, *exc) -> None:
        if self._tmp is not None:
            for sink in self.sinks.values():
                with contextlib.suppress(Exception):  # the folder is removed anyway
                    sink.close()
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
