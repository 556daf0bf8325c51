"""Indonesian dates and URL derivation."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bawaslu import konten
from bawaslu.tanggal import bulan, tanggal


@pytest.mark.parametrize(
    "value, shown",
    [
        (date(2024, 10, 11), "11 Oktober 2024"),
        (date(2024, 8, 17), "17 Agustus 2024"),
        (date(2024, 2, 1), "1 Februari 2024"),
        (datetime(2024, 5, 3, 23, 59), "3 Mei 2024"),
        (None, ""),
    ],
)
def test_indonesian_dates(value, shown):
    assert tanggal(value) == shown


def test_month_names():
    assert [bulan(date(2024, m, 1)).split()[0] for m in (1, 6, 12)] == ["Januari", "Juni", "Desember"]


def test_case_record_url_derives_from_register():
    slug = konten.register_slug("002/Reg/LP/PB/Kota/03.13/X/2024")
    assert slug == "002-reg-lp-pb-kota-03-13-x-2024"
    when = datetime(2024, 10, 20, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert konten.item_url("putusan", slug, when) == "putusan/002-reg-lp-pb-kota-03-13-x-2024/"


def test_case_record_url_ignores_title_and_date():
    slug = konten.register_slug("001/Reg/TM/PB/Kab/13.06/X/2024")
    early = datetime(2024, 1, 1, tzinfo=ZoneInfo("Asia/Jakarta"))
    late = datetime(2025, 6, 1, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert konten.item_url("putusan", slug, early) == konten.item_url("putusan", slug, late)


def test_news_url_has_year_month_and_title_slug():
    when = datetime(2024, 6, 14, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    slug = konten.news_slug("Rapat Koordinasi Pengawasan Tahapan Kampanye")
    assert konten.item_url("berita", slug, when) == (
        "berita/2024/06/rapat-koordinasi-pengawasan-tahapan-kampanye/"
    )


@pytest.mark.parametrize("value", ["2024-10-11", "2024-10-11 09:30"])
def test_contract_date_formats_parse_in_jakarta_time(value):
    parsed = konten.parse_datetime(value)
    assert parsed.tzinfo == ZoneInfo("Asia/Jakarta") and parsed.date() == date(2024, 10, 11)


@pytest.mark.parametrize("value", ["11-10-2024", "2024/10/11", "2024-13-01", "2024-10-11T09:30", "kemarin"])
def test_other_date_forms_are_refused(value):
    assert konten.parse_datetime(value) is None


@settings(max_examples=500)
@given(st.from_regex(r"\s?\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?\s?", fullmatch=True)
       | st.from_regex(r"[0-9]{4}-[0-1][0-9]-[0-3][0-9]( [0-2][0-9]:[0-6][0-9])?", fullmatch=True))
def test_a_date_staff_write_is_taken_exactly_when_the_contract_s_two_forms_take_it(value):
    # The two forms of the contract, read as strptime reads them: impossible days,
    # months, hours and minutes, seconds, and other digits than 0-9 are refused.
    expected = None
    for fmt, pattern in (("%Y-%m-%d %H:%M", r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}"),
                         ("%Y-%m-%d", r"[0-9]{4}-[0-9]{2}-[0-9]{2}")):
        if re.fullmatch(pattern, value.strip()):
            try:
                expected = datetime.strptime(value.strip(), fmt).replace(tzinfo=ZoneInfo("Asia/Jakarta"))
            except ValueError:
                pass
    assert konten.parse_datetime(value) == expected
