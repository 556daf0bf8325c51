"""Indonesian dates, with babel (no system locale needed)."""

from datetime import date, datetime

from babel.dates import format_date


def tanggal(value: date | datetime | None) -> str:
    """``2024-10-11`` -> ``11 Oktober 2024``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return format_date(value, "d MMMM y", locale="id")


def bulan(value: date | datetime) -> str:
    """``2024-10-11`` -> ``Oktober 2024``."""
    return format_date(value, "MMMM y", locale="id")
