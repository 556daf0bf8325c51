"""Open data and region pages of a real small site, checked against figures computed by hand."""

import csv
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_pelican, write

CASES = {
    "putusan/agam/asn.md": """\
        Title: Dugaan Ketidaknetralan ASN di Agam
        Date: 2024-10-20
        Modified: 2024-10-25
        Region: 13.06
        Register: 001/Reg/TM/PB/Kab/03.06/X/2024
        Election: pilkada-2024
        Source: temuan
        Violation: hukum-lainnya
        Subject: asn
        Received: 2024-10-01
        Registered: 2024-10-03
        Decided: 2024-10-08
        Outcome: diteruskan
        Forwarded-To: bkn, kpu

        Terlapor, seorang ASN berinisial RH, diduga mengunggah dukungan.
        """,
    "putusan/agam/kades.md": """\
        Title: Dugaan Keterlibatan Kepala Desa
        Date: 2024-11-05
        Region: Kabupaten Agam
        Register: 002/Reg/LP/PB/Kab/03.06/XI/2024
        Election: pemilu-2024
        Source: laporan
        Violation: pidana
        Subject: kepala-desa
        Received: 2024-11-03
        Registered: 2024-11-04
        Outcome: dalam-proses

        Terlapor, seorang kepala desa berinisial AB, masih diperiksa.
        """,
    "putusan/bukittinggi.md": """\
        Title: Dugaan "Politik Uang", Bukittinggi
        Date: 2024-10-13
        Region: Kota Bukittinggi
        Register: 001/Reg/LP/PB/Kota/03.75/X/2024
        Election: pilkada-2024
        Source: laporan
        Violation: administrasi
        Subject: penyelenggara
        Received: 2024-10-10
        Registered: 2024-10-11
        Decided: 2024-10-12
        Outcome: bukan-pelanggaran

        Laporan tidak terbukti.
        """,
    "putusan/aceh.md": """\
        Title: Laporan Kode Etik Peserta
        Date: 2024-01-20
        Region: 11.01
        Register: 003/Reg/TM/PB/Kab/01.01/I/2024
        Election: pemilu-2024
        Source: temuan
        Violation: kode-etik
        Subject: peserta
        Received: 2024-01-01
        Decided: 2024-01-15
        Outcome: tidak-diregistrasi

        Syarat materiel tidak terpenuhi.
        """,
}
NEWS = {
    "berita/bukittinggi.md": """\
        Title: Sosialisasi di Bukittinggi
        Date: 2024-06-14
        Region: Kota Bukittinggi
        Activity: sosialisasi

        Isi.
        """,
    "berita/pusat.md": """\
        Title: Rapat Koordinasi Nasional
        Date: 2024-07-01
        Region: nasional
        Activity: rapat-koordinasi

        Isi.
        """,
}

STAT_COLUMNS = ["kode", "nama", "tingkat", "induk", "putusan_total", "sumber_temuan", "sumber_laporan", "pelanggaran_administrasi", "pelanggaran_pidana", "pelanggaran_kode_etik", "pelanggaran_hukum_lainnya", "subjek_asn", "subjek_kepala_desa", "subjek_tni_polri", "subjek_penyelenggara", "subjek_peserta", "subjek_lainnya", "status_dalam_proses", "status_tidak_diregistrasi", "status_diteruskan", "status_bukan_pelanggaran", "status_dihentikan", "berita_total", "hari_penanganan_median", "batas_dinilai", "batas_dilewati"]


def stat_row(kode, nama, tingkat, induk, median, **counts):
    row = dict.fromkeys(STAT_COLUMNS, "0")
    row.update(kode=kode, nama=nama, tingkat=tingkat, induk=induk, hari_penanganan_median=median)
    row.update({k: str(v) for k, v in counts.items()})
    return row


# By hand: Agam 7 days (decided) + 1 undecided; Bukittinggi 2 days; Aceh Selatan 14 days.
EXPECTED_STAT = [
    stat_row("ID", "Nasional", "nasional", "", "7", putusan_total=4, sumber_temuan=2,
             sumber_laporan=2, pelanggaran_administrasi=1, pelanggaran_pidana=1,
             pelanggaran_kode_etik=1, pelanggaran_hukum_lainnya=1, subjek_asn=1,
             subjek_kepala_desa=1, subjek_penyelenggara=1, subjek_peserta=1,
             status_dalam_proses=1, status_tidak_diregistrasi=1, status_diteruskan=1,
             status_bukan_pelanggaran=1, berita_total=2, batas_dinilai=2, batas_dilewati=1),
    stat_row("11", "Aceh", "provinsi", "ID", "14", putusan_total=1, sumber_temuan=1,
             pelanggaran_kode_etik=1, subjek_peserta=1, status_tidak_diregistrasi=1),
    stat_row("11.01", "Kabupaten Aceh Selatan", "kabupaten", "11", "14", putusan_total=1,
             sumber_temuan=1, pelanggaran_kode_etik=1, subjek_peserta=1,
             status_tidak_diregistrasi=1),
    stat_row("13", "Sumatera Barat", "provinsi", "ID", "4.5", putusan_total=3, sumber_temuan=1,
             sumber_laporan=2, pelanggaran_administrasi=1, pelanggaran_pidana=1,
             pelanggaran_hukum_lainnya=1, subjek_asn=1, subjek_kepala_desa=1,
             subjek_penyelenggara=1, status_dalam_proses=1, status_diteruskan=1,
             status_bukan_pelanggaran=1, berita_total=1, batas_dinilai=2, batas_dilewati=1),
    stat_row("13.06", "Kabupaten Agam", "kabupaten", "13", "7", putusan_total=2, sumber_temuan=1,
             sumber_laporan=1, pelanggaran_pidana=1, pelanggaran_hukum_lainnya=1, subjek_asn=1,
             subjek_kepala_desa=1, status_dalam_proses=1, status_diteruskan=1,
             batas_dinilai=1, batas_dilewati=1),
    stat_row("13.75", "Kota Bukittinggi", "kota", "13", "2", putusan_total=1, sumber_laporan=1,
             pelanggaran_administrasi=1, subjek_penyelenggara=1, status_bukan_pelanggaran=1,
             berita_total=1, batas_dinilai=1),
]

EXPECTED_CASES = [  # by received date, then register
    {"register": "003/Reg/TM/PB/Kab/01.01/I/2024", "judul": "Laporan Kode Etik Peserta",
     "url": "/putusan/003-reg-tm-pb-kab-01-01-i-2024/", "wilayah_kode": "11.01",
     "wilayah_nama": "Kabupaten Aceh Selatan", "pemilihan": "pemilu-2024", "sumber": "temuan",
     "pelanggaran": "kode-etik", "subjek": "peserta", "status": "tidak-diregistrasi",
     "diteruskan_ke": "", "diterima": "2024-01-01", "diregistrasi": "", "diputus": "2024-01-15",
     "diterbitkan": "2024-01-20", "diperbarui": "", "hari_penanganan": "14"},
    {"register": "001/Reg/TM/PB/Kab/03.06/X/2024", "judul": "Dugaan Ketidaknetralan ASN di Agam",
     "url": "/putusan/001-reg-tm-pb-kab-03-06-x-2024/", "wilayah_kode": "13.06",
     "wilayah_nama": "Kabupaten Agam", "pemilihan": "pilkada-2024", "sumber": "temuan",
     "pelanggaran": "hukum-lainnya", "subjek": "asn", "status": "diteruskan",
     "diteruskan_ke": "bkn;kpu", "diterima": "2024-10-01", "diregistrasi": "2024-10-03",
     "diputus": "2024-10-08", "diterbitkan": "2024-10-20", "diperbarui": "2024-10-25",
     "hari_penanganan": "7"},
    {"register": "001/Reg/LP/PB/Kota/03.75/X/2024", "judul": 'Dugaan "Politik Uang", Bukittinggi',
     "url": "/putusan/001-reg-lp-pb-kota-03-75-x-2024/", "wilayah_kode": "13.75",
     "wilayah_nama": "Kota Bukittinggi", "pemilihan": "pilkada-2024", "sumber": "laporan",
     "pelanggaran": "administrasi", "subjek": "penyelenggara", "status": "bukan-pelanggaran",
     "diteruskan_ke": "", "diterima": "2024-10-10", "diregistrasi": "2024-10-11",
     "diputus": "2024-10-12", "diterbitkan": "2024-10-13", "diperbarui": "", "hari_penanganan": "2"},
    {"register": "002/Reg/LP/PB/Kab/03.06/XI/2024", "judul": "Dugaan Keterlibatan Kepala Desa",
     "url": "/putusan/002-reg-lp-pb-kab-03-06-xi-2024/", "wilayah_kode": "13.06",
     "wilayah_nama": "Kabupaten Agam", "pemilihan": "pemilu-2024", "sumber": "laporan",
     "pelanggaran": "pidana", "subjek": "kepala-desa", "status": "dalam-proses",
     "diteruskan_ke": "", "diterima": "2024-11-03", "diregistrasi": "2024-11-04", "diputus": "",
     "diterbitkan": "2024-11-05", "diperbarui": "", "hari_penanganan": ""},
]


def make_content(root: Path) -> Path:
    for path, text in {**CASES, **NEWS}.items():
        write(root, path, text)
    write(root, "halaman/metodologi.md", "Title: Metodologi\nSlug: metodologi\n\nCara menghitung.\n")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("opendata")
    content = make_content(tmp / "content")
    out = tmp / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    return out


def read_csv(path: Path) -> tuple[list[str], list[dict]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def test_statistik_wilayah_csv_row_by_row(built):
    header, rows = read_csv(built / "data/statistik-wilayah.csv")
    assert header == STAT_COLUMNS
    assert len(rows) == len(EXPECTED_STAT)
    for got, want in zip(rows, EXPECTED_STAT):
        assert got == want, want["kode"]


def test_putusan_csv_row_by_row(built):
    header, rows = read_csv(built / "data/putusan.csv")
    assert header == list(EXPECTED_CASES[0])
    assert rows == EXPECTED_CASES
    raw = (built / "data/putusan.csv").read_bytes().decode("utf-8")
    assert '"Dugaan ""Politik Uang"", Bukittinggi"' in raw  # quoted as RFC 4180
    assert raw.count("\r\n") == raw.count("\n") == 5  # header + 4 rows, CRLF as documented


def test_json_has_the_same_rows_typed(built):
    for name in ("putusan", "statistik-wilayah"):
        _, rows = read_csv(built / f"data/{name}.csv")
        data = json.loads((built / f"data/{name}.json").read_text(encoding="utf-8"))
        assert [list(r) for r in data] == [list(r) for r in rows]  # same keys, same order
        as_text = [{k: "" if v is None else str(v) for k, v in r.items()} for r in data]
        assert as_text == rows
    stats = json.loads((built / "data/statistik-wilayah.json").read_text(encoding="utf-8"))
    assert stats[3]["hari_penanganan_median"] == 4.5 and stats[0]["putusan_total"] == 4


def test_data_validates_against_the_data_package(built):
    from frictionless import validate

    package = json.loads((built / "data/datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == [
        "putusan.csv", "putusan.json", "statistik-wilayah.csv", "statistik-wilayah.json"]
    assert [f["name"] for f in package["resources"][2]["schema"]["fields"]] == STAT_COLUMNS
    report = validate(str(built / "data/datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])
    assert [t.stats["rows"] for t in report.tasks] == [4, 4, 6, 6]


def test_the_data_package_catches_a_wrong_value(built, tmp_path):
    from frictionless import validate

    bad = tmp_path / "data"
    bad.mkdir()
    for name in ("datapackage.json", "putusan.json", "statistik-wilayah.csv", "statistik-wilayah.json"):
        (bad / name).write_bytes((built / "data" / name).read_bytes())
    text = (built / "data/putusan.csv").read_text(encoding="utf-8")
    (bad / "putusan.csv").write_text(text.replace(",pilkada-2024,", ",pilkada-24,", 1),
                                     encoding="utf-8", newline="")
    assert not validate(str(bad / "datapackage.json")).valid


def test_each_region_offers_its_slice(built):
    _, sumbar = read_csv(built / "data/wilayah/sumatera-barat/statistik-wilayah.csv")
    assert [r["kode"] for r in sumbar] == ["13", "13.06", "13.75"]
    assert sumbar == EXPECTED_STAT[3:]
    _, agam = read_csv(built / "data/wilayah/kabupaten-agam/putusan.csv")
    assert agam == [EXPECTED_CASES[1], EXPECTED_CASES[3]]
    _, bukittinggi = read_csv(built / "data/wilayah/kota-bukittinggi/putusan.csv")
    assert bukittinggi == [EXPECTED_CASES[2]]
    assert json.loads((built / "data/wilayah/kabupaten-agam/putusan.json").read_text())[1][
        "register"] == "002/Reg/LP/PB/Kab/03.06/XI/2024"
    page = (built / "wilayah/kabupaten-agam/index.html").read_text()
    for name in ("putusan.csv", "putusan.json", "statistik-wilayah.csv", "statistik-wilayah.json"):
        assert f'href="/data/wilayah/kabupaten-agam/{name}"' in page
    # A province without content has no slice (and no feed), only its page.
    assert not (built / "data/wilayah/papua").exists()
    assert "Belum ada data untuk wilayah ini" in (built / "wilayah/papua/index.html").read_text()


def test_same_content_builds_byte_identical_data(built, tmp_path):
    content = make_content(tmp_path / "content")
    again = tmp_path / "again"
    assert run_pelican(content, again).returncode == 0
    first = {p.relative_to(built): p.read_bytes() for p in sorted((built / "data").rglob("*"))
             if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in sorted((again / "data").rglob("*"))
              if p.is_file()}
    assert first == second and len(first) == 5 + 4 * 5  # whole files + 5 regions' slices
    for page in ("wilayah/index.html", "wilayah/sumatera-barat/index.html", "index.html"):
        assert (built / page).read_bytes() == (again / page).read_bytes()


def cells(html: str, caption: str) -> list[tuple[str, str]]:
    """(row head, number) of the table with this caption or under this heading."""
    marker = f"<caption>{caption}</caption>" if f"<caption>{caption}</caption>" in html else f">{caption}</h3>"
    table = html.split(marker, 1)[1].split("</table>", 1)[0]
    return re.findall(r'<th scope="row">(.*?)</th><td class="angka">(.*?)</td>', table)


def test_wilayah_index_lists_38_provinces_with_figures_and_national_summary(built):
    html = (built / "wilayah/index.html").read_text()
    table = html.split("<caption>Angka per provinsi", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr><th scope="row"><a href="/wilayah/([^/]+)/">([^<]+)</a></th>'
                      r'<td class="angka">(\d+)</td><td class="angka">(\d+)</td>'
                      r'<td class="angka">([^<]+)</td><td class="angka">([^<]+)</td>'
                      r'<td class="angka">(\d+)</td></tr>', table)
    assert len(rows) == 38
    by_name = {r[1]: r[2:] for r in rows}
    # Case records, in process, median days, share over the legal limit, news.
    assert by_name["Sumatera Barat"] == ("3", "1", "4,5", "50%", "1")
    assert by_name["Aceh"] == ("1", "0", "14", "–", "0")  # never registered: not assessed
    assert by_name["Papua"] == ("0", "0", "–", "–", "0")  # zero where there is nothing yet
    assert "<strong>4</strong> catatan penanganan pelanggaran" in html
    assert "<strong>2</strong> berita kegiatan" in html  # the national office's news included
    assert cells(html, "Jenis kegiatan") == [
        ("Sosialisasi", "1"), ("Rapat Koordinasi", "1"), ("Pengawasan", "0"),
        ("Penanganan Pelanggaran", "0"), ("Kerja Sama", "0"), ("Lainnya", "0")]
    assert 'href="/data/datapackage.json"' in html and 'href="/metodologi/"' in html


def test_province_page_shows_figures_charts_kabupaten_and_latest(built):
    html = (built / "wilayah/sumatera-barat/index.html").read_text()
    assert cells(html, "Sumber") == [("Temuan", "1"), ("Laporan", "2")]
    assert cells(html, "Diteruskan ke instansi") == [
        ("KPU", "1"), ("Sentra Gakkumdu", "0"), ("DKPP", "0"), ("BKN", "1"), ("Instansi Lain", "0")]
    # The trend: the 24 months up to the archive's newest month, newest first in its table.
    months = cells(html, "Catatan penanganan per bulan diterima")
    assert len(months) == 24 and months[0] == ("November 2024", "1")
    assert months[1] == ("Oktober 2024", "2") and months[-1] == ("Desember 2022", "0")
    assert "<dt>Median</dt> <dd>4,5 hari kalender</dd>" in html
    assert "<dt>Terlama</dt> <dd>7 hari kalender</dd>" in html
    assert "<dt>Lewat batas</dt> <dd>1 dari 2 catatan (50,0%)</dd>" in html
    # Its kabupaten/kota: those with content in the table (linked), the rest named below it.
    kab = html.split("<caption>Angka per kabupaten/kota", 1)[1].split("</table>", 1)[0]
    assert kab.count("<tr><th scope=\"row\">") == 2
    assert '<a href="/wilayah/kabupaten-agam/">Agam</a></th><td class="angka">2</td>' in kab
    rest = html.split('<p class="kosong">', 1)[1].split("</p>", 1)[0]
    assert "dari 17 kabupaten/kota lain" in rest and "Solok, " in rest and "Kota Solok" in rest
    assert 'href="/putusan/002-reg-lp-pb-kab-03-06-xi-2024/"' in html
    assert 'href="/berita/2024/06/sosialisasi-di-bukittinggi/"' in html


def test_charts_are_accessible_svg_and_bars_are_tables(built):
    html = (built / "wilayah/sumatera-barat/index.html").read_text()
    svgs = re.findall(r"<svg [^>]*>.*?</svg>", html, re.DOTALL)
    charts = [s for s in svgs if 'role="img"' in s]
    assert len(charts) == 1  # the trend; every other bar sits in its table, hidden from AT
    assert all('aria-hidden="true"' in s for s in svgs if s not in charts)
    ids = re.search(r'aria-labelledby="(\S+) (\S+)"', charts[0]).groups()
    assert f'<title id="{ids[0]}">' in charts[0] and f'<desc id="{ids[1]}">' in charts[0]
    agam = (built / "wilayah/kabupaten-agam/index.html").read_text()
    status = agam.split(">Status</h3>", 1)[1].split("</table>", 1)[0]
    # Bars are proportional: "Dalam Proses" and "Diteruskan" 1 each, the others 0.
    assert re.findall(r'<rect width="([\d.]+)"', status) == ["100.0", "0.0", "100.0", "0.0", "0.0"]


def test_home_page_shows_national_headline_figures(built):
    html = (built / "index.html").read_text()
    section = html.split('id="angka-nasional"', 1)[1].split("</section>", 1)[0]
    assert "<strong>4</strong> catatan penanganan pelanggaran" in section
    assert "<strong>1</strong> masih dalam proses" in section
    assert "<strong>7</strong> hari median lama penanganan" in section
    assert 'href="/wilayah/"' in section and 'href="/metodologi/"' in section


@pytest.mark.parametrize("plugin", ["buletin_konten", "buletin_statistik", "buletin_umpan", "buletin_cari"])
def test_a_broken_plugin_fails_the_build(site, tmp_path, plugin):
    conf = tmp_path / "conf.py"
    conf.write_text(
        "import sys\n"
        f"sys.modules[{plugin!r}] = None  # as if it failed to import\n"
        f"__file__ = {str(ROOT / 'pelicanconf.py')!r}\n"
        f"exec(open(__file__).read())\n", encoding="utf-8")
    result = run_pelican(site, tmp_path / "out", conf=str(conf))
    assert result.returncode != 0
    assert plugin in result.stdout + result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_feed_links_only_for_wilayah_berisi(site, tmp_path):
    out = tmp_path / "out"
    result = run_pelican(site, out)
    assert result.returncode == 0, result.stderr
    agam = (out / "wilayah/kabupaten-agam/index.html").read_text()
    assert 'href="/feeds/wilayah/kabupaten-agam.atom.xml"' in agam
    assert 'href="/feeds/wilayah/kabupaten-agam.rss.xml"' in agam
    assert 'rel="alternate" type="application/atom+xml"' in agam
    assert "/feeds/semua.atom.xml" in (out / "wilayah/index.html").read_text()
    papua = (out / "wilayah/papua/index.html").read_text()
    assert "/feeds/wilayah/" not in papua
    assert not (out / "feeds/wilayah/papua.atom.xml").exists()


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run with pytest")
