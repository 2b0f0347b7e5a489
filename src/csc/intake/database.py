"""`csc extract --url URL --la CODE`: the SSD tables straight from the council's database.

The SSD script creates its `ssd_*` tables inside the council's own database; this reads them through
SQLAlchemy and writes the landing layout (layout.py), so nobody has to export and package files by hand.

- Eclipse (PostgreSQL): `postgresql+psycopg://user:password@host:5432/database`, `--schema` the schema
  the script ran in (default: the user's search path, usually `public`).
- SystemC/Liquidlogic and Mosaic (SQL Server): `mssql+pymssql://user:password@host:1433/database`
  (pymssql, a self-contained wheel: no ODBC driver to install), `--schema ssd_development` (the SSD
  script's default schema) or `dbo`. A Windows domain login: `mssql+pymssql://DOMAIN%5Cuser:password@...`
  (percent-encode special characters of the password).
  A plain `postgresql://` or `mssql://` URL is given the driver above.

Every table is streamed: a SELECT of the whitelisted columns (`Table.landed_names`, never `*`), fetched
in batches of `batch_rows` (server-side cursor on PostgreSQL; pymssql reads rows off the wire as they are
fetched), each batch written to Parquet. A personal-identifier column is never SELECTed; the columns not
read are reported by name. Values land as text (values.py). `ssd_*` tables the warehouse does not read
are reported and not read. The SSD version and run date come from `ssd_version_log` unless the options
give them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.sql.expression import ColumnClause

from csc.contract import Table, load_tables, other_ssd_tables
from csc.intake import versionlog
from csc.intake.columns import plan_columns
from csc.intake.errors import IntakeError, first_line
from csc.intake.layout import IntakeOptions, LandingWriter, council
from csc.intake.result import IntakeResult, LandedTable, NotLanded
from csc.intake.values import texts

DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg", "mssql": "mssql+pymssql"}
URL_EXAMPLES = (
    "postgresql+psycopg://user:password@host:5432/database (Eclipse) or "
    "mssql+pymssql://user:password@host:1433/database (SystemC/Liquidlogic, Mosaic)"
)


def safe_url(url: str | URL) -> str:
    """The URL without its password, for messages and the manifest."""
    try:
        parsed = sa.make_url(url) if isinstance(url, str) else url
    except ArgumentError:
        return "<a URL that cannot be parsed>"
    without = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database)
    return without.render_as_string(hide_password=False)


def open_engine(url: str) -> Engine:
    """An engine for the URL (a bare postgresql:// or mssql:// gets its driver); IntakeError if unusable."""
    try:
        parsed = sa.make_url(url)
    except ArgumentError:
        raise IntakeError(f"--url is not a database URL: give e.g. {URL_EXAMPLES}") from None
    parsed = parsed.set(drivername=DEFAULT_DRIVERS.get(parsed.drivername, parsed.drivername))
    try:
        return sa.create_engine(parsed, pool_pre_ping=False)
    except (NoSuchModuleError, ImportError, ArgumentError) as exc:
        raise IntakeError(f"cannot use {safe_url(parsed)}: {first_line(exc)}; give e.g. {URL_EXAMPLES}") from None


def extract_database(url: str, options: IntakeOptions, schema: str | None = None) -> IntakeResult:
    """Read every ssd_* table of `schema` and land it for the council of `options`; see the module docstring."""
    ref = council(options.la)
    engine = open_engine(url)
    where = f"{safe_url(engine.url)}" + (f" schema {schema}" if schema else "")
    try:
        conn = engine.connect()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise IntakeError(f"cannot connect to {where}: {_cause(exc)}") from None
    try:
        with conn:
            found = _ssd_tables(conn, schema, where)
            tables = load_tables()
            missing = [t.name for t in tables.values() if t.required and t.name not in found]
            if missing:
                raise IntakeError(
                    f"{where} has no {', '.join(missing)} (required): run the SSD script there first, "
                    "or give the --schema it wrote to (e.g. ssd_development, dbo, public)"
                )
            log = found.get(versionlog.TABLE)
            info = _version_log(conn, log, schema) if log and options.needs_version_log else None
            spec = options.spec(ref, where, info)
            with LandingWriter(options.landing, spec, options.replace, landed_with="csc extract") as writer:
                landed = [
                    _extract_table(
                        conn, writer, tables[name], found[name], schema, spec.ssd_version, options.batch_rows
                    )
                    for name in tables
                    if name in found
                ]
                manifest = writer.commit()
    except SQLAlchemyError as exc:
        raise IntakeError(f"reading {where} failed: {_cause(exc)}") from None
    finally:
        engine.dispose()
    not_landed = [
        NotLanded(name, actual, None, other_ssd_tables().get(name, "not an SSD table the warehouse knows"))
        for name, actual in sorted(found.items())
        if name not in tables
    ]
    return IntakeResult(
        folder=writer.folder,
        manifest=manifest,
        landed=landed,
        not_landed=not_landed,
        missing_optional=[t.name for t in tables.values() if not t.required and t.name not in found],
    )


def _cause(exc: SQLAlchemyError) -> str:
    """The driver's own first line (SQLAlchemy's wrapper adds the statement and a link)."""
    return first_line(getattr(exc, "orig", None) or exc)


def _ssd_tables(conn: Connection, schema: str | None, where: str) -> dict[str, str]:
    """ssd_* tables and views of the schema: lower-case name -> name as the database spells it."""
    inspector = sa.inspect(conn)
    if schema is not None:
        schemas = inspector.get_schema_names()
        if schema not in schemas and schema.lower() not in {s.lower() for s in schemas}:
            raise IntakeError(
                f"{where}: there is no schema {schema!r} (schemas: {', '.join(sorted(schemas)[:12])}); "
                "the SSD script writes to ssd_development, dbo or public"
            )
    names = list(inspector.get_table_names(schema=schema)) + list(inspector.get_view_names(schema=schema))
    return {n.lower(): n for n in sorted(names) if n.lower().startswith("ssd_")}


def _version_log(conn: Connection, name: str, schema: str | None) -> versionlog.VersionInfo | None:
    columns = [c["name"] for c in sa.inspect(conn).get_columns(name, schema=schema)]
    wanted = [c for c in columns if c.lower() in versionlog.COLUMNS]
    if not wanted:
        return None
    return versionlog.current_version(dict(row._mapping) for row in conn.execute(_select(name, wanted, schema)))


def _extract_table(
    conn: Connection,
    writer: LandingWriter,
    table: Table,
    name: str,
    schema: str | None,
    version: str,
    batch_rows: int,
) -> LandedTable:
    columns = [c["name"] for c in sa.inspect(conn).get_columns(name, schema=schema)]
    plan = plan_columns(table, columns, version)
    if not plan.read:
        raise IntakeError(f"{name} has none of the columns of {table.name}: is it the SSD table?")
    sink = writer.table(table.name, pa.schema([(c, pa.string()) for c in plan.contract_names]))
    stmt = _select(name, plan.source_names, schema)
    for rows in _batches(conn, stmt, batch_rows):
        arrays = [texts(values) for values in zip(*rows, strict=True)]
        sink.write(pa.RecordBatch.from_arrays(arrays, schema=sink.schema))
    return LandedTable(table.name, name, sink.rows, plan.not_read)


def _select(name: str, columns: Iterable[str], schema: str | None) -> sa.Select[*tuple[Any, ...]]:
    """SELECT the named columns (unqualified, each quoted where it needs to be) FROM schema.name."""
    selected: list[ColumnClause[Any]] = [sa.column(c) for c in columns]
    return sa.select(*selected).select_from(sa.table(name, schema=schema))


def _batches(
    conn: Connection, stmt: sa.Select[*tuple[Any, ...]], batch_rows: int
) -> Iterator[Sequence[sa.Row[*tuple[Any, ...]]]]:
    """The rows of a SELECT, `batch_rows` at a time (a server-side cursor where the driver has one)."""
    result = conn.execution_options(stream_results=True, yield_per=batch_rows).execute(stmt)
    try:
        yield from result.partitions(batch_rows)
    finally:
        result.close()
