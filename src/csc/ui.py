"""Terminal output shared by the commands."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn


def progress(console: Console, unit: str = "") -> Progress:
    """A progress bar with a description, completed/total and elapsed time."""
    counter = "{task.completed}/{task.total}" + (f" {unit}" if unit else "")
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TextColumn(counter), TimeElapsedColumn(), console=console
    )
