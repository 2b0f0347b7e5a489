"""Batched writers: one Parquet (or CSV) file per SSD table, flushed every `batch_rows` rows so a
council of any size is written without holding its tables in memory."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from csc.contract import Table, load_tables

ARROW_TYPES = {
    "id": pa.int64(),
    "date": pa.date32(),
    "number": pa.float64(),
}


def file_columns(table: Table) -> list[str]:
    """Columns as an SSD extract carries them: the contract columns plus the personal identifiers
    a council's extract may contain (which the warehouse never loads)."""
    return table.column_names + list(table.dropped_columns)


def arrow_schema(table: Table) -> pa.Schema:
    kinds = {c.name: c.kind for c in table.columns}
    return pa.schema([(name, ARROW_TYPES.get(kinds.get(name, "text"), pa.string())) for name in file_columns(table)])


class ExtractWriter:
    """Writes one council's extract folder. `add(table, row_dict)` buffers; `close()` flushes."""

    def __init__(self, folder: Path, fmt: str = "parquet", date_style: str = "iso", batch_rows: int = 100_000):
        self.folder = folder
        self.fmt = fmt
        self.date_style = date_style
        self.batch_rows = batch_rows
        self.tables = load_tables()
        self.buffers: dict[str, list[tuple]] = {name: [] for name in self.tables}
        self.columns = {name: file_columns(t) for name, t in self.tables.items()}
        self.counts: dict[str, int] = dict.fromkeys(self.tables, 0)
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, tuple] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, table: str, row: dict) -> None:
        buffer = self.buffers[table]
        buffer.append(tuple(map(row.get, self.columns[table])))
        if len(buffer) >= self.batch_rows:
            self.flush(table)

    def flush(self, table: str) -> None:
        rows = self.buffers[table]
        if not rows and (table in self._parquet or table in self._csv):
            return
        cols = self.columns[table]
        self.counts[table] += len(rows)
        if self.fmt == "parquet":
            schema = arrow_schema(self.tables[table])
            arrays = [pa.array([r[i] for r in rows], type=schema.field(i).type) for i in range(len(cols))]
            batch = pa.Table.from_arrays(arrays, schema=schema)
            if table not in self._parquet:
                self._parquet[table] = pq.ParquetWriter(self.folder / f"{table}.parquet", schema, compression="zstd")
            self._parquet[table].write_table(batch)
        else:
            if table not in self._csv:
                fh = (self.folder / f"{table}.csv").open("w", newline="", encoding="utf-8")
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(cols)
                self._csv[table] = (fh, w)
            _, w = self._csv[table]
            for r in rows:
                w.writerow([self._csv_value(v) for v in r])
        self.buffers[table] = []

    def _csv_value(self, v):
        if v is None:
            return ""
        if isinstance(v, date):
            return v.strftime("%d/%m/%Y") if self.date_style == "uk" else v.isoformat()
        if isinstance(v, float) and v.is_integer():
            return str(v)
        return v

    def close(self, manifest: dict) -> dict[str, int]:
        for table in self.tables:
            self.flush(table)
        for w in self._parquet.values():
            w.close()
        for fh, _ in self._csv.values():
            fh.close()
        (self.folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        return self.counts
