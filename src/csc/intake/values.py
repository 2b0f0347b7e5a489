"""Values as text, verbatim: what a number, date or timestamp from a database or a typed Parquet file
becomes in the landing files, so that a value reads the same whichever way it was landed.

Integers and integral floats/decimals are written without a fractional part (an id held in a FLOAT or
DECIMAL column is `123`, never `123.0`), other floats in their shortest exact form, decimals in plain
notation with every digit, dates as `YYYY-MM-DD`, timestamps as `YYYY-MM-DD HH:MM:SS[.ffffff]`.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.types as pat


def to_text(value: object) -> str | None:
    """One value as landing text (None stays None)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, Decimal):
        return _decimal_text(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, uuid.UUID):
        return str(value).upper()
    return str(value)


def _float_text(value: float) -> str:
    if math.isfinite(value) and value == int(value):
        return str(int(value))
    return repr(value)


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite():
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def texts(values: Iterable[object]) -> pa.Array:
    return pa.array([to_text(v) for v in values], type=pa.string())


def keeps_type(arrow_type: pa.DataType) -> bool:
    """Types a typed Parquet file keeps as they are: text, integers, dates, timestamps and booleans.
    Everything else (floats, decimals, times, binary, nested) is written as text."""
    if pat.is_dictionary(arrow_type):
        return keeps_type(arrow_type.value_type)
    return (
        pat.is_string(arrow_type)
        or pat.is_large_string(arrow_type)
        or pat.is_integer(arrow_type)
        or pat.is_date(arrow_type)
        or pat.is_timestamp(arrow_type)
        or pat.is_boolean(arrow_type)
    )


def landed_type(arrow_type: pa.DataType) -> pa.DataType:
    """The type a column of a typed Parquet file is landed with."""
    if pat.is_dictionary(arrow_type):
        return landed_type(arrow_type.value_type)
    if pat.is_string(arrow_type) or pat.is_large_string(arrow_type):
        return pa.string()
    return arrow_type if keeps_type(arrow_type) else pa.string()


def landed_array(array: pa.Array | pa.ChunkedArray, target: pa.DataType) -> pa.Array | pa.ChunkedArray:
    """A column converted to its landed type: cast where the value is kept, text otherwise."""
    if pat.is_dictionary(array.type):
        array = pc.cast(array, array.type.value_type)
    if array.type == target:
        return array
    if keeps_type(array.type):
        return pc.cast(array, target)
    return texts(array.to_pylist())
