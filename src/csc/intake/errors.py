"""The one error an intake raises for anything the user can fix: one line, no traceback."""

from __future__ import annotations


class IntakeError(Exception):
    """A problem with the input or the options, explained in one line (the CLI prints it, exit 1)."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


def first_line(exc: BaseException) -> str:
    """The first non-empty line of an exception's message (drivers and DuckDB write several)."""
    for line in str(exc).splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__
