"""The figures of the region pages and open data, on hand-made items with known answers."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from bawaslu import opendata
from bawaslu.batas import BATAS
from bawaslu.model import Item
from bawaslu.statistik import angka, hitung, median
from bawaslu.wilayah import registry

TZ = ZoneInfo("Asia/Jakarta")
REG = registry()


def news(kode, day, activity):
    return Item(jenis="berita", source_path=f"berita/{kode}-{day}.md", title=f"Berita {kode}",
                url=f"berita/{day}/", date=datetime.fromisoformat(day).replace(tzinfo=TZ),
                wilayah=REG.get(kode), activity=activity)


def case(kode, register, election, source, violation, subject, outcome, received,
         decided=None, forwarded=(), registered=None):
    return Item(jenis="putusan", source_path=f"putusan/{register}.md", title=f"Perkara {register}",
                url=f"putusan/{register}/", date=datetime(2024, 12, 1, tzinfo=TZ),
                wilayah=REG.get(kode), election=election, register=register, source=source,
                violation=violation, subject=subject, outcome=outcome,
                received=date.fromisoformat(received),
                registered=date.fromisoformat(registered) if registered else None,
                decided=date.fromisoformat(decided) if decided else None,
                forwarded_to=tuple(forwarded))


ITEMS = [
    # Kabupaten Agam (13.06, in Sumatera Barat 13): 7 days, over the pilkada limit of 5.
    case("13.06", "A", "pilkada-2024", "temuan", "hukum-lainnya", "asn", "diteruskan",
         "2024-10-01", "2024-10-08", forwarded=("bkn", "kpu")),
    # Kabupaten Agam: undecided.
    case("13.06", "B", "pemilu-2024", "laporan", "pidana", "kepala-desa", "dalam-proses",
         "2024-11-03"),
    # Kota Bukittinggi (13.75): 2 days.
    case("13.75", "C", "pilkada-2024", "laporan", "administrasi", "penyelenggara",
         "bukan-pelanggaran", "2024-10-10", "2024-10-12"),
    news("13.75", "2024-06-14", "sosialisasi"),
    # Kabupaten Aceh Selatan (11.01, in Aceh 11): registered Tue 2 January 2024, decided
    # 22 January: 14 working days = the pemilu limit, not over it (20 calendar days
    # from Received, which the old calendar-day rule counted as over).
    case("11.01", "D", "pemilu-2024", "temuan", "kode-etik", "peserta", "dihentikan",
         "2024-01-02", "2024-01-22", registered="2024-01-02"),
    # The national office's own news.
    news("ID", "2024-07-01", "rapat-koordinasi"),
]


@pytest.fixture(scope="module")
def rekap():
    return hitung(ITEMS, REG, BATAS)


def test_a_kabupaten_counts_its_own_records(rekap):
    agam = rekap.of(REG.get("13.06"))
    assert agam.putusan_total == 2 and agam.berita_total == 0
    assert agam.sumber == {"temuan": 1, "laporan": 1}
    assert agam.pelanggaran == {"administrasi": 0, "pidana": 1, "kode-etik": 0, "hukum-lainnya": 1}
    assert agam.subjek["asn"] == 1 and agam.subjek["kepala-desa"] == 1
    assert agam.status["diteruskan"] == 1 and agam.status["dalam-proses"] == 1
    # A record forwarded to two institutions counts once for each.
    assert agam.diteruskan_ke == {"kpu": 1, "gakkumdu": 0, "dkpp": 0, "bkn": 1, "instansi-lain": 0}


def test_an_undecided_record_counts_but_has_no_handling_time(rekap):
    agam = rekap.of(REG.get("13.06"))
    assert agam.diputus == 1  # B is still in process
    assert agam.hari == [7] and agam.hari_median == 7 and agam.hari_maks == 7
    assert agam.melewati_batas == 1  # pilkada, 7 > 5


def test_a_province_includes_its_kabupaten_and_kota(rekap):
    sumbar = rekap.of(REG.get("13"))
    assert sumbar.putusan_total == 3 and sumbar.berita_total == 1
    assert sumbar.sumber == {"temuan": 1, "laporan": 2}
    assert sumbar.kegiatan["sosialisasi"] == 1
    # Even number of decided records (7 and 2 days): the median is their mean.
    assert sumbar.diputus == 2 and sumbar.hari_median == 4.5 and sumbar.hari_maks == 7
    assert sumbar.melewati_batas == 1


def test_the_limit_is_exceeded_only_when_strictly_greater(rekap):
    aceh = rekap.of(REG.get("11"))
    assert aceh.hari == [20]  # hari_penanganan stays Decided - Received, calendar days
    assert aceh.batas_dinilai == 1 and aceh.melewati_batas == 0  # 14 working days
    assert aceh.persen_melewati == 0.0


def test_the_national_level_includes_everything_and_the_national_office(rekap):
    nas = rekap.nasional
    assert nas.putusan_total == 4
    assert nas.berita_total == 2  # Bukittinggi's and the national office's
    assert nas.kegiatan["rapat-koordinasi"] == 1 and nas.kegiatan["sosialisasi"] == 1
    assert sorted(nas.hari) == [2, 7, 20] and nas.hari_median == 7 and nas.hari_maks == 20
    assert nas.batas_dinilai == 3 and nas.melewati_batas == 1 and nas.persen_melewati == 33.3
    assert sum(nas.status.values()) == nas.putusan_total == sum(nas.sumber.values())


def test_an_empty_region_has_zeros_and_no_median(rekap):
    papua = next(p for p in REG.provinces() if p.nama == "Papua")
    empty = rekap.of(papua)
    assert papua.kode not in rekap.by_kode
    assert empty.putusan_total == 0 and empty.berita_total == 0 and not empty.ada_isi
    assert set(empty.status.values()) == {0}
    assert empty.hari_median is None and empty.hari_maks is None and empty.melewati_batas == 0
    assert empty.bulan() == [] and empty.persen_melewati is None


def test_no_items_still_gives_a_national_row():
    rekap = hitung([], REG, BATAS)
    assert [s.wilayah.kode for s in rekap.rows()] == ["ID"]
    assert rekap.nasional.putusan_total == 0 and rekap.nasional.hari_median is None


def test_per_month_case_records_by_received_news_by_date_with_empty_months(rekap):
    sumbar = rekap.of(REG.get("13"))
    assert sumbar.putusan_per_bulan == {"2024-10": 2, "2024-11": 1}
    assert sumbar.berita_per_bulan == {"2024-06": 1}
    assert sumbar.bulan() == [
        ("Juni 2024", 1, 0), ("Juli 2024", 0, 0), ("Agustus 2024", 0, 0),
        ("September 2024", 0, 0), ("Oktober 2024", 0, 2), ("November 2024", 0, 1),
    ]
    assert sumbar.baris_bulan("putusan")[-2:] == [("Oktober 2024", 2), ("November 2024", 1)]


def test_rows_cover_wilayah_berisi_and_their_ancestors_national_first(rekap):
    assert [s.wilayah.kode for s in rekap.rows()] == ["ID", "11", "11.01", "13", "13.06", "13.75"]


def test_labels_are_indonesian_in_vocabulary_order(rekap):
    assert rekap.of(REG.get("13")).baris("status") == [
        ("Dalam Proses", 1), ("Tidak Diregistrasi", 0), ("Diteruskan", 1),
        ("Bukan Pelanggaran", 1), ("Dihentikan", 0)]
    assert rekap.nasional.baris("diteruskan_ke")[1] == ("Sentra Gakkumdu", 0)


def test_median_as_python_statistics_median():
    assert median([]) is None
    assert median([3]) == 3 and isinstance(median([3]), int)
    assert median([1, 4]) == 2.5
    assert median([2, 4]) == 3 and isinstance(median([2, 4]), int)  # "3", not "3.0"
    assert angka(4.5) == "4,5" and angka(12000) == "12.000" and angka(None) == "–"
    from babel.numbers import format_decimal

    for value in (0, 7, 1234, 1234567, 0.5, 12345.5):  # as Indonesian readers write them
        assert angka(value) == format_decimal(value, locale="id")


def test_statistics_rows_have_exactly_the_contract_columns(rekap):
    # The contract's columns, then the two legal-limit columns of issue 14.
    contract = ["kode", "nama", "tingkat", "induk", "putusan_total", "sumber_temuan", "sumber_laporan", "pelanggaran_administrasi", "pelanggaran_pidana", "pelanggaran_kode_etik", "pelanggaran_hukum_lainnya", "subjek_asn", "subjek_kepala_desa", "subjek_tni_polri", "subjek_penyelenggara", "subjek_peserta", "subjek_lainnya", "status_dalam_proses", "status_tidak_diregistrasi", "status_diteruskan", "status_bukan_pelanggaran", "status_dihentikan", "berita_total", "hari_penanganan_median", "batas_dinilai", "batas_dilewati"]
    rows = opendata.statistik_rows(rekap)
    assert all(list(r) == contract for r in rows)
    sumbar = next(r for r in rows if r["kode"] == "13")
    assert sumbar["induk"] == "ID" and sumbar["tingkat"] == "provinsi"
    assert sumbar["hari_penanganan_median"] == 4.5 and sumbar["status_dalam_proses"] == 1
    assert rows[0]["induk"] is None and rows[0]["tingkat"] == "nasional"


def test_case_rows_have_exactly_the_contract_columns():
    # The contract's columns, then the two legal-limit columns of issue 14.
    contract = ["register", "judul", "url", "wilayah_kode", "wilayah_nama", "pemilihan", "sumber", "pelanggaran", "subjek", "status", "diteruskan_ke", "diterima", "diregistrasi", "diputus", "diterbitkan", "diperbarui", "hari_penanganan"]
    rows = opendata.putusan_rows(ITEMS, "https://contoh.id/buletin/")
    assert all(list(r) == contract for r in rows)
    # Sorted by received date, then register.
    assert [r["register"] for r in rows] == ["D", "A", "C", "B"]
    a = rows[1]
    assert a["diteruskan_ke"] == "bkn;kpu" and a["hari_penanganan"] == 7
    assert a["url"] == "https://contoh.id/buletin/putusan/A/"
    b = rows[3]
    assert b["diputus"] is None and b["hari_penanganan"] is None and b["diteruskan_ke"] is None
