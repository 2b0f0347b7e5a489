"""`csc generate --cms ...`: the simulated journeys as a council's SSD script and export tool would write them.

Each council is simulated into a temporary canonical landing (`csc.generate.run.generate`), then written
under `<out>/<DfE code>/` by `csc.generate.shapes.write_shaped_extract`, without a manifest, as the SSD
leaves it: `csc land` lands it.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rich.console import Console

from csc.councils import by_la_code
from csc.generate.run import generate
from csc.generate.shapes import write_shaped_extract


@dataclass(frozen=True)
class ShapedExport:
    """One council's export: the code it names itself by (DfE, else ONS), the folder, rows per table, and
    the first day of its history (for `csc land --period-start`)."""

    la_code: str
    code: str
    folder: Path
    counts: dict[str, int]
    period_start: date


def generate_exports(
    out: Path,
    cms: str,
    ssd_version: str,
    export: str,
    *,
    seed: int,
    councils: int,
    years: int,
    extract_date: date,
    scale: float,
    console: Console | None = None,
    workers: int = 1,
) -> list[ShapedExport]:
    """Simulate `councils` councils and write each as `cms`'s script of `ssd_version` exported with `export`."""
    written = []
    with tempfile.TemporaryDirectory(prefix="csc-canonical-") as tmp:
        results = generate(
            Path(tmp),
            seed=seed,
            councils=councils,
            years=years,
            extract_date=extract_date,
            scale=scale,
            console=console,
            workers=workers,
        )
        for la_code in results:
            ref = by_la_code(la_code)
            code = ref.dfe_code if ref and ref.dfe_code else la_code
            folder = out / code
            if folder.exists():
                shutil.rmtree(folder)
            canonical = Path(tmp) / la_code / extract_date.isoformat()
            counts = write_shaped_extract(canonical, folder, cms, ssd_version, export)
            manifest = json.loads((canonical / "manifest.json").read_text())
            written.append(ShapedExport(la_code, code, folder, counts, date.fromisoformat(manifest["period_start"])))
    return written
