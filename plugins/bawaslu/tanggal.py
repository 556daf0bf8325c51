"""Indonesian dates, with babel (no system locale needed)."""

import functools
from datetime import date, datetime

from babel.dates import format_date

# Both memoised on the day: a 10,000-item site formats the same few thousand days in
# its pages, lists and feeds, and babel is slow (an eighth of the feeds' time,
# bench/PROFIL.md). Keyed on the date, not the datetime: items' times differ.


def tanggal(value: date | datetime | None) -> str:
    """``2024-10-11`` -> ``11 Oktober 2024``; empty for None."""
    if value is None:
        return ""
    return _format(_hari(value), "d MMMM y")


def bulan(value: date | datetime) -> str:
    """``2024-10-11`` -> ``Oktober 2024``."""
    return _format(_hari(value), "MMMM y")


def _hari(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value  # as babel does


@functools.lru_cache(maxsize=1 << 14)
def _format(day: date, pattern: str) -> str:
    return format_date(day, pattern, locale="id")
