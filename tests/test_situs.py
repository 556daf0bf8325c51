"""A real small site built with the project's configuration, as staff build it."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bawaslu.periksa import tautan_rusak, umpan_rusak
from conftest import run_pelican, write


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href", ""))


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


@pytest.fixture
def built(site, tmp_path):
    out = tmp_path / "out"
    result = run_pelican(site, out)
    assert result.returncode == 0, result.stderr
    return out


NEWS_PAGE = "berita/2024/06/sosialisasi-pengawasan-partisipatif-di-bukittinggi/index.html"
CASE_PAGE = "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html"


def test_every_item_has_its_page(built):
    for page in (NEWS_PAGE, CASE_PAGE, "tentang/index.html", "index.html", "404.html",
                 "berita/index.html", "putusan/index.html", "wilayah/index.html"):
        assert (built / page).is_file(), page


def test_news_page_shows_credits_venue_region_and_indonesian_date(built):
    html = (built / NEWS_PAGE).read_text()
    assert '<html lang="id">' in html
    assert "14 Juni 2024" in html
    assert "Aula Balai Kota (fiktif)" in html and "Sosialisasi" in html
    for label, name in (("Penulis", "Rina Fiktif"), ("Foto", "Budi Contoh"), ("Editor", "Sari Sampel")):
        assert re.search(rf"<dt>{label}</dt>\s*<dd>{name}</dd>", html), label
    assert 'href="/wilayah/kota-bukittinggi/"' in html


def test_case_page_shows_metadata_panel(built):
    html = (built / CASE_PAGE).read_text()
    expected = {
        "Nomor register": "001/Reg/TM/PB/Kab/03.06/X/2024",
        "Wilayah": "Bawaslu Kabupaten Agam",
        "Pemilihan": "Pilkada 2024",
        "Sumber": "Temuan",
        "Dugaan pelanggaran": "Hukum Lainnya",
        "Pihak yang diduga": "ASN",
        "Status": "Diteruskan",
        "Diteruskan ke": "BKN",
        "Dasar hukum": "UU 5/2014 Pasal 2 huruf f",
    }
    for label, value in expected.items():
        assert re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd>{value}</dd>", html.replace("/<wbr>", "/")), label
    assert "1 Oktober 2024" in html and "3 Oktober 2024" in html and "8 Oktober 2024" in html


def test_pages_link_each_other(built):
    home = links((built / "index.html").read_text())
    assert "/" + NEWS_PAGE.removesuffix("index.html") in home
    assert "/" + CASE_PAGE.removesuffix("index.html") in home
    for listing, page in (("berita", NEWS_PAGE), ("putusan", CASE_PAGE)):
        assert "/" + page.removesuffix("index.html") in links((built / listing / "index.html").read_text())
    case = links((built / CASE_PAGE).read_text())
    assert "/wilayah/kabupaten-agam/" in case and "/putusan/" in case
    region = links((built / "wilayah/kabupaten-agam/index.html").read_text())
    assert "/" + CASE_PAGE.removesuffix("index.html") in region
    province = links((built / "wilayah/sumatera-barat/index.html").read_text())
    assert "/wilayah/kabupaten-agam/" in province and "/wilayah/kota-bukittinggi/" in province


def test_every_internal_link_resolves(built):
    assert tautan_rusak(built) == []
    assert umpan_rusak(built) == []


def test_link_checker_reports_a_broken_link_and_fragment(built):
    home = built / "index.html"
    home.write_text(home.read_text().replace("</main>", '<a href="/tidak-ada/">x</a><a href="#hilang">y</a></main>'))
    problems = tautan_rusak(built)
    assert any("tautan rusak /tidak-ada/" in p for p in problems)
    assert any("penanda #hilang" in p for p in problems)


def test_pagination_uses_directory_urls(tmp_path):
    content = tmp_path / "content"
    for n in range(1, 23):
        write(content, f"berita/b{n}.md", f"""\
            Title: Patroli Pengawasan {n}
            Date: 2024-07-{n:02d}
            Region: nasional
            Activity: pengawasan

            Isi {n}.
            """)
    out = tmp_path / "out"
    assert run_pelican(content, out).returncode == 0
    assert (out / "berita/page/2/index.html").is_file()
    assert 'href="/berita/page/2/"' in (out / "berita/index.html").read_text()
    assert not list(out.glob("berita2*"))


def test_any_content_folder_builds(tmp_path):
    content = tmp_path / "isi-lain"
    write(content, "berita/a.md", "Title: A\nDate: 2024-01-02\nRegion: nasional\nActivity: lainnya\n\nIsi.\n")
    out = tmp_path / "keluaran"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    assert (out / "berita/2024/01/a/index.html").is_file()
    assert "Bawaslu Republik Indonesia" in (out / "berita/2024/01/a/index.html").read_text()


def test_invalid_content_fails_the_build_and_writes_nothing(site, tmp_path):
    write(site, "putusan/rusak.md", "Title: Rusak\nDate: 2024-13-45\nRegion: Kota Bukitinggi\n\nIsi.\n")
    out = tmp_path / "out"
    result = run_pelican(site, out)
    assert result.returncode != 0
    shown = Path("..").joinpath  # noqa: F841 (paths are shown relative to the project root)
    assert re.search(r"rusak\.md:2: tanggal \"Date: 2024-13-45\" tidak valid", result.stderr)
    assert re.search(r"rusak\.md:3: wilayah .* mungkin maksudnya \"Kota Bukittinggi\"", result.stderr)
    assert not out.exists() or not any(out.rglob("*.html"))
