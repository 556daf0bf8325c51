"""Indonesian dates, with babel (no system locale needed)."""

import functools
from datetime import date, datetime

from babel.dates import format_date


def tanggal(value: date | datetime | None) -> str:
    """``2024-10-11`` -> ``11 Oktober 2024``; empty for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _tanggal(value)


# Memoised on the day: a feed entry, a page and a list show the same few thousand days
# (babel's formatting was an eighth of the feeds' time at 10,000 items, bench/PROFIL.md).
@functools.lru_cache(maxsize=1 << 14)
def _tanggal(day: date) -> str:
    return format_date(day, "d MMMM y", locale="id")


def bulan(value: date | datetime) -> str:
    """``2024-10-11`` -> ``Oktober 2024``."""
    return format_date(value, "MMMM y", locale="id")
