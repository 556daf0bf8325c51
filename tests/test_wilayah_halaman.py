"""Region pages as readers use them (issue 14): order, full lists, comparison, map, trend.

Built from the project's sample content (Sumatera Barat: 9 case records, 6 news) with
the published settings and a small page size, so the lists paginate and the sitemap
is written.
"""

import csv
import html
import os
import re
from pathlib import Path
from xml.etree import ElementTree

import gates
import pytest
from bawaslu import batas, peta
from bawaslu.statistik import garis_miring
from bawaslu.wilayah import registry
from conftest import CONTENT, ROOT, run_pelican
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

SITE = "https://contoh.bawaslu.go.id/buletin"
PER_HALAMAN = 4


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wilayah")
    conf = tmp / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    f"from publishconf import *\nDEFAULT_PAGINATION = {PER_HALAMAN}\n")
    result = run_pelican(CONTENT, tmp / "out", str(conf), env={**os.environ, "SITEURL": SITE})
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "out"


def read(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def main(page: str) -> str:
    return page[page.index("<main"):page.index("</main>")]


def links(page: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', main(page))


def local(url: str) -> str:
    assert url.startswith(SITE + "/"), url
    return url[len(SITE) + 1:]


def every_page(out: Path, first: str) -> list[str]:
    """A paginated list followed through its rel="next" links."""
    pages, path = [], first
    while path is not None:
        page = read(out, path)
        pages.append(page)
        nxt = re.search(r'<a rel="next" href="([^"]+)"', page)
        path = local(nxt.group(1)) if nxt else None
    return pages


def csv_rows(out: Path, path: str) -> list[dict]:
    with (out / path).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def items_of(out: Path, jenis: str, prefix: str) -> set[str]:
    """URLs of the region's items, from the content files (Region resolved by the
    registry, a province including its kabupaten/kota)."""
    reg = registry()
    found = set()
    for path in sorted((CONTENT / jenis).rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        region = re.search(r"^Region:\s*(.+)$", head, re.MULTILINE | re.IGNORECASE).group(1)
        w = reg.resolve(region)
        if w.kode == prefix or w.induk == prefix:
            title = re.search(r"^Title:\s*(.+)$", head, re.MULTILINE | re.IGNORECASE).group(1).strip()
            found.add(title)
    return found


def test_province_page_shows_latest_items_before_the_breakdowns(out):
    page = main(read(out, "wilayah/sumatera-barat"))
    order = [page.index(f'id="{i}"') for i in
             ("angka", "berita-terbaru", "putusan-terbaru", "kabkota", "tren", "penanganan", "kegiatan")]
    assert order == sorted(order)
    assert "Lihat semua 6 berita" in page and "Lihat semua 9 catatan penanganan" in page
    assert f'href="{SITE}/wilayah/sumatera-barat/berita/"' in page
    assert f'href="{SITE}/wilayah/sumatera-barat/putusan/"' in page
    # Each breakdown once: one heading, the numbers in one table (no chart-then-table copy).
    assert page.count(">Status</h3>") == 1 and page.count('class="batang"') >= 5


@pytest.mark.parametrize("slug, kode", [("sumatera-barat", "13"), ("kabupaten-agam", "13.06"),
                                        ("jawa-tengah", "33")])
def test_full_lists_hold_every_case_record_of_the_region_per_the_data_files(out, slug, kode):
    pages = every_page(out, f"wilayah/{slug}/putusan/")
    listed = [local(u) for p in pages for u in links(p) if "/putusan/" in u
              and "/wilayah/" not in u and "/page/" not in u]
    rows = csv_rows(out, f"data/wilayah/{slug}/putusan.csv")
    assert rows, "region without case records in the data files"
    assert sorted(listed) == sorted(local(r["url"]) for r in rows)
    assert len(pages) == -(-len(rows) // PER_HALAMAN)  # ceil: every page full but the last
    if len(pages) > 1:
        assert (out / f"wilayah/{slug}/putusan/page/2/index.html").is_file()


def test_full_news_list_holds_every_news_item_of_the_province(out):
    pages = every_page(out, "wilayah/sumatera-barat/berita/")
    titles = {html.unescape(t) for p in pages
              for t in re.findall(r'<h2><a href="[^"]+/berita/[^"]+">([^<]+)</a></h2>', p)}
    assert titles == items_of(out, "berita", "13") and len(titles) == 6
    assert len(pages) == 2 and "Halaman 1 dari 2" in pages[0]


def test_region_lists_are_in_the_sitemap(out):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {e.text for e in ElementTree.parse(out / "sitemap.xml").findall("s:url/s:loc", ns)}
    for path in ("wilayah/", "wilayah/sumatera-barat/", "wilayah/sumatera-barat/berita/",
                 "wilayah/sumatera-barat/putusan/", "wilayah/sumatera-barat/putusan/page/2/",
                 "wilayah/kabupaten-agam/putusan/"):
        assert f"{SITE}/{path}" in urls, path


def test_map_table_and_statistics_file_agree(out):
    page = main(read(out, "wilayah"))
    stats = {r["kode"]: r for r in csv_rows(out, "data/statistik-wilayah.csv")}
    reg = registry()
    tiles = re.findall(r'<a href="([^"]+)" aria-label="[A-Z]{2}, ([^":]+): (\d+) catatan">', page)
    assert len(tiles) == 38
    rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th>((?:<td[^>]*>[^<]*</td>){5})</tr>',
                      page)
    assert len(rows) == 38
    table = {url: [html.unescape(c) for c in re.findall(r">([^<]*)</td>", cells)]
             for url, _, cells in rows}
    for url, name, count in tiles:
        w = next(p for p in reg.provinces() if p.nama == html.unescape(name))
        assert local(url) == w.url and (out / w.url / "index.html").is_file()
        row = stats.get(w.kode)
        expected = row or dict.fromkeys(["putusan_total", "status_dalam_proses", "berita_total"], "0")
        assert count == expected["putusan_total"]
        catatan, proses, median, lewat, berita = table[url]
        assert (catatan, proses, berita) == (expected["putusan_total"],
                                             expected["status_dalam_proses"],
                                             expected["berita_total"])
        median_csv = (row or {}).get("hari_penanganan_median") or ""
        assert median == (median_csv.replace(".", ",") if median_csv else "–")
        dinilai, dilewati = int((row or {}).get("batas_dinilai") or 0), int((row or {}).get("batas_dilewati") or 0)
        assert lewat == (f"{(200 * dilewati + dinilai) // (2 * dinilai)}%" if dinilai else "–")
    assert int(stats["13"]["putusan_total"]) == 9 and int(stats["13"]["berita_total"]) == 6


def test_home_page_has_the_map_with_the_province_table(out):
    page = main(read(out, ""))
    assert len(re.findall(r'<a href="[^"]+" aria-label="[A-Z]{2}, [^"]+: \d+ catatan">', page)) == 38
    assert "<summary>Angka per provinsi (tabel)</summary>" in page


def test_trend_has_24_months_with_zero_months_in_the_chart_not_as_rows(out):
    page = main(read(out, "wilayah/sumatera-barat"))
    trend = page[page.index('id="tren"'):page.index("</details>")]
    svg = trend[trend.index("<svg"):trend.index("</svg>")]
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td class="angka">(\d+)</td></tr>', trend)
    assert len(rows) == 24
    nonzero = [r for r in rows if r[1] != "0"]
    assert svg.count("<rect") == len(nonzero) and sum(int(n) for _, n in rows) == 9
    assert "<details>" in trend  # the numbers behind the chart, not a second long list
    # The same 24-month window everywhere: it ends at the archive's newest month.
    assert rows[0][0] == "Desember 2024" and rows[-1][0] == "Januari 2023"


def test_methodology_states_each_limit_with_its_article_of_law(out):
    page = main(read(out, "metodologi"))
    section = page[page.index('id="batas-waktu"'):]
    for b in batas.BATAS.values():
        assert f"<th scope=\"row\">{b.nama}</th><td>{b.hari} {b.satuan}</td><td>{b.mulai_label}</td><td>{b.dasar}</td>" in section
    assert "Cuti bersama tidak dihitung sebagai hari kerja" in section
    assert "diputus 30 Mei 2024: 14 hari kerja, masih dalam batas" in section
    assert "diputus 31 Mei 2024: 15 hari kerja, melewati batas" in section


def test_tile_grid_places_every_province_once():
    reg = registry()
    assert set(peta.GRID) == {p.kode for p in reg.provinces()}
    cells = [(c, r) for c, r, _ in peta.GRID.values()]
    assert len(set(cells)) == 38
    assert all(0 <= c < peta.KOLOM and 0 <= r < peta.BARIS for c, r in cells)
    assert len({iso for *_, iso in peta.GRID.values()}) == 38


@given(st.integers(0, 10_000))
def test_map_classes_cover_every_count_without_gaps(maks):
    ranges = peta.kelas_batas(maks)
    covered = [n for lo, hi in ranges for n in range(lo, hi + 1)]
    assert covered == list(range(1, maks + 1)) and len(ranges) <= len(peta.WARNA) - 1


@given(st.text())
def test_registers_wrap_at_slashes_and_stay_escaped(text):
    out = garis_miring(text)
    assert isinstance(out, Markup)
    assert html.unescape(str(out).replace("<wbr>", "")) == text
    assert str(out).count("<wbr>") == text.count("/")
    assert "<" not in str(out).replace("<wbr>", "")


def test_no_mid_word_breaks_and_search_excerpts_keep_labels_apart(out):
    css = (ROOT / "theme/static/css/main.css").read_text()
    assert "anywhere" not in css and "break-all" not in css
    case = read(out, "putusan/002-reg-lp-pb-kab-13-06-xi-2024") if (
        out / "putusan/002-reg-lp-pb-kab-13-06-xi-2024").is_dir() else None
    pages = [p for p in out.glob("putusan/*/index.html") if p.parent.name != "page"]
    text = (case or pages[0].read_text(encoding="utf-8"))
    assert re.search(r"Nomor register</dt> <dd>\d+/<wbr>", text)
    news = next(out.glob("berita/*/*/*/index.html")).read_text(encoding="utf-8")
    assert "<dt>Kegiatan</dt> <dd>" in news  # Pagefind reads "Kegiatan Sosialisasi", not run together


def test_new_page_kinds_stay_within_the_weight_budget(situs):
    # The local build (root-relative stylesheet), so the CSS counts too.
    out = situs
    pages = [out / "wilayah/index.html", out / "wilayah/sumatera-barat/index.html",
             out / "wilayah/sumatera-barat/berita/index.html",
             out / "wilayah/sumatera-barat/putusan/index.html", out / "metodologi/index.html"]
    assert gates.too_heavy(out, pages) == []


def test_labels_wrap_at_slashes_not_mid_word(out):
    pages = [p for p in out.glob("putusan/*/index.html") if p.parent.name != "page"]
    text = max(pages, key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    assert "<dt>Diterima/<wbr>dicatat</dt>" in text
    css = (ROOT / "theme/static/css/main.css").read_text()
    assert "dt,th{overflow-wrap:normal" in css  # labels never break inside a word
