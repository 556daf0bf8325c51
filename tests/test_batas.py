"""Handling time against the law's own limits (bawaslu.batas), with real 2024 dates."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bawaslu import batas
from bawaslu.batas import BATAS, hari_kerja, nilai
from bawaslu.model import Item
from bawaslu.wilayah import registry
from hypothesis import given
from hypothesis import strategies as st

TZ = ZoneInfo("Asia/Jakarta")


def case(election, received, registered, decided, outcome="dihentikan"):
    d = lambda s: date.fromisoformat(s) if s else None
    return Item(jenis="putusan", source_path="putusan/x.md", title="Perkara fiktif",
                url="putusan/x/", date=datetime(2024, 12, 1, tzinfo=TZ),
                wilayah=registry().get("13.06"), election=election, register="X",
                source="laporan", violation="pidana", subject="lainnya", outcome=outcome,
                received=d(received), registered=d(registered), decided=d(decided))


def test_pemilu_counts_working_days_from_registration_across_a_holiday():
    # Registered Monday 6 May 2024. Thursday 9 May is Ascension Day (a national
    # holiday), Friday 10 May cuti bersama; 23 May Vesak, 24 May cuti bersama.
    # Working days after 6 May: 7, 8, 13-17, 20-22, 27-30 -> 30 May is the 14th.
    within = nilai(case("pemilu-2024", "2024-05-03", "2024-05-06", "2024-05-30"))
    assert within.lama == 14 and not within.melewati
    over = nilai(case("pemilu-2024", "2024-05-03", "2024-05-06", "2024-05-31"))
    assert over.lama == 15 and over.melewati
    # The contract's hari_penanganan is still calendar days from Received.
    assert case("pemilu-2024", "2024-05-03", "2024-05-06", "2024-05-30").hari_penanganan == 27


def test_election_day_and_cuti_bersama_are_not_working_days():
    # 14 February 2024 (Wednesday) is the general election day.
    assert hari_kerja(date(2024, 2, 13), date(2024, 2, 14)) == 0
    # Idulfitri 2024: 8-9 April cuti bersama, 10-11 holidays, 12 and 15 cuti bersama.
    assert hari_kerja(date(2024, 4, 5), date(2024, 4, 15)) == 0
    assert hari_kerja(date(2024, 4, 5), date(2024, 4, 16)) == 1
    assert batas.CUTI_BERSAMA and date(2024, 4, 12) in batas.libur(2024)


def test_pilkada_counts_calendar_days_from_received():
    on_limit = nilai(case("pilkada-2024", "2024-11-27", "2024-11-28", "2024-12-02"))
    assert on_limit.lama == 5 and not on_limit.melewati  # Pilkada day and a weekend count
    assert nilai(case("pilkada-2024", "2024-11-27", "2024-11-28", "2024-12-03")).melewati


def test_records_the_limit_cannot_be_applied_to_are_not_assessed():
    assert nilai(case("pemilu-2024", "2024-05-03", None, "2024-05-06", "tidak-diregistrasi")) is None
    assert nilai(case("pemilu-2024", "2024-05-03", "2024-05-06", None, "dalam-proses")) is None
    assert nilai(case("referendum-2024", "2024-05-03", "2024-05-06", "2024-05-07")) is None


def test_the_table_names_each_limit_with_its_article_of_law():
    assert BATAS["pemilu"].hari == 14 and BATAS["pemilu"].hari_kerja
    assert BATAS["pemilu"].mulai == "registered"
    assert "UU 7/2017 Pasal 454" in BATAS["pemilu"].dasar
    assert "Perbawaslu 7/2022" in BATAS["pemilu"].dasar
    assert BATAS["pilkada"].hari == 5 and not BATAS["pilkada"].hari_kerja
    assert BATAS["pilkada"].mulai == "received"
    assert "UU 1/2015 Pasal 134" in BATAS["pilkada"].dasar


@given(st.dates(date(2023, 1, 1), date(2026, 12, 31)), st.integers(0, 60), st.integers(0, 60))
def test_working_days_add_up_and_never_exceed_calendar_days(start, a, b):
    mid, end = start + timedelta(days=a), start + timedelta(days=a + b)
    assert hari_kerja(start, end) == hari_kerja(start, mid) + hari_kerja(mid, end)
    assert 0 <= hari_kerja(start, end) <= (end - start).days
    # Five weekdays in every full week, minus the holidays among them.
    full_weeks = (end - start).days // 7
    assert hari_kerja(start, end) <= 5 * full_weeks + 5
