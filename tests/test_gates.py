"""The quality gates themselves: each one fails on a page broken on purpose.

A gate that never fails protects nobody; these small hand-written sites show
that every checker in gates.py catches what it is there for, and stays quiet
on a good page.
"""

import hashlib
import textwrap
from pathlib import Path

import pytest

import gates
from bawaslu.periksa import tautan_rusak

CSS = "body{font-family:sans-serif;color:#1b1b1b;background:#fff}a{color:#0b4f9c}"


def page(body: str, head: str = "", skip: str = '<a href="#isi">Langsung ke isi utama</a>') -> str:
    """A small valid, accessible page; ``body`` goes inside <main>."""
    return textwrap.dedent(f"""\
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Halaman uji</title>
        <link rel="stylesheet" href="/gaya.css">
        {head}
        </head>
        <body>
        {skip}
        <main id="isi" tabindex="-1">
        <h1>Halaman uji</h1>
        {body}
        </main>
        </body>
        </html>
        """)


GOOD = page('<p>Isi yang bisa dibaca. <a href="/lain.html#bagian">Halaman lain</a>.</p>'
            '<img src="/foto.png" alt="Foto kegiatan" width="1" height="1">')
OTHER = page('<h2 id="bagian">Bagian</h2><p><a href="/">Beranda</a></p>')
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f00f00050101ff2b5d6b1d"
                    "0000000049454e44ae426082")


def make_site(root: Path, pages: dict[str, str], css: str = CSS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "gaya.css").write_text(css, encoding="utf-8")
    (root / "foto.png").write_bytes(PNG)
    for name, html in {"index.html": GOOD, "lain.html": OTHER, **pages}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    return root


@pytest.fixture
def good(tmp_path):
    return make_site(tmp_path / "baik", {})


# --- without a browser --------------------------------------------------------

def test_good_site_passes_the_file_checks(good):
    assert tautan_rusak(good) == []
    assert gates.too_heavy(good, good.glob("*.html")) == []
    assert gates.scripts_in(good, good.glob("*.html")) == []
    assert gates.other_hosts_static(good) == []


def test_broken_link_image_and_fragment_are_reported(tmp_path):
    site = make_site(tmp_path / "s", {"rusak.html": page(
        '<p><a href="/tidak-ada/">Hilang</a> <a href="/lain.html#tidak-ada">Penanda</a></p>'
        '<img src="/hilang.png" alt="Gambar hilang">')})
    problems = tautan_rusak(site)
    assert any("tautan rusak /tidak-ada/" in p for p in problems)
    assert any("tautan rusak /hilang.png" in p for p in problems)
    assert any("penanda #tidak-ada" in p for p in problems)
    assert all(p.startswith("rusak.html:") for p in problems)


def test_heavy_page_is_over_the_budget(tmp_path):
    # Text that does not compress: hex digests, about 40 KB of them.
    noise = " ".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(600))
    site = make_site(tmp_path / "s", {"berat.html": page(f"<p>{noise}</p>")})
    problems = gates.too_heavy(site, [site / "berat.html", site / "index.html"])
    assert len(problems) == 1 and problems[0].startswith("berat.html: HTML+CSS")


def test_heavy_stylesheet_counts_toward_the_budget(tmp_path):
    noise = "".join(f".k{hashlib.sha256(str(i).encode()).hexdigest()}{{color:#000}}"
                    for i in range(400))
    site = make_site(tmp_path / "s", {}, css=CSS + noise)
    assert gates.page_weight(site, site / "index.html") > gates.BATAS_BERAT
    assert gates.too_heavy(site, [site / "index.html"])


def test_scripts_on_reading_pages_are_reported(tmp_path):
    site = make_site(tmp_path / "s", {"skrip.html": page(
        '<p onclick="alert(1)">Klik</p><script>document.title = "x"</script>')})
    problems = gates.scripts_in(site, [site / "skrip.html"])
    assert any("elemen <script>" in p for p in problems)
    assert any("atribut onclick" in p for p in problems)


def test_resources_from_other_hosts_are_reported(tmp_path):
    site = make_site(tmp_path / "s", {"luar.html": page(
        '<img src="https://cdn.example.org/logo.png" alt="Logo">'
        '<p style="background:url(//img.example.org/a.png)">x</p>'
        '<p><a href="https://example.org/">Tautan biasa ke luar boleh</a></p>',
        head='<link rel="stylesheet" href="https://fonts.example.org/css">')},
        css=CSS + '@import "https://fonts.example.net/font.css";')
    problems = gates.other_hosts_static(site)
    assert any("luar.html" in p and "cdn.example.org" in p for p in problems)
    assert any("luar.html" in p and "img.example.org" in p for p in problems)
    assert any("luar.html" in p and "fonts.example.org" in p for p in problems)
    assert any(p.startswith("gaya.css:1:") and "fonts.example.net" in p for p in problems)
    assert not any("https://example.org/" in p for p in problems)


def test_builds_that_differ_are_reported(tmp_path):
    a = make_site(tmp_path / "a", {})
    b = make_site(tmp_path / "b", {"baru.html": OTHER})
    assert gates.differences(a, make_site(tmp_path / "a2", {})) == []
    (b / "index.html").write_text(GOOD.replace("Halaman uji", "Dibangun 12:00:01"), encoding="utf-8")
    assert gates.differences(a, b) == ["baru.html: hanya ada di build kedua",
                                       "index.html: isi berbeda antara dua build"]


# --- the Nu Html Checker --------------------------------------------------------

def test_vnu_reports_missing_alt_and_passes_a_valid_page(tmp_path):
    gates.require("java", "vnu")
    site = make_site(tmp_path / "s", {"tanpa-alt.html": page('<img src="/foto.png">')})
    problems = gates.html_errors(site)
    assert len(problems) == 1, problems
    assert problems[0].startswith("tanpa-alt.html:") and "alt" in problems[0]


# --- in the browser -----------------------------------------------------------

@pytest.fixture(scope="module")
def broken_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("rusak")
    return make_site(root, {
        "tanpa-alt.html": page('<img src="/foto.png">'),
        "tanpa-lewati.html": page('<p><a href="/">Beranda</a></p>', skip=""),
        "tanpa-fokus.html": page('<p><a href="/">Beranda</a></p>',
                                 head="<style>a:focus{outline:none}</style>"),
        "tak-tercapai.html": page('<p><a href="/" tabindex="-1">Beranda</a></p>'),
        "skrip.html": page('<div id="isi-skrip"></div>',
                           head='<script src="/isi.js" defer></script>'),
        "luar.html": page('<img src="https://cdn.example.org/logo.png" alt="Logo">'),
        "lebar.html": page('<pre style="white-space:pre">' + "x" * 200 + "</pre>"),
        # A wide table that scrolls inside its own box is fine on a phone.
        "tabel.html": page('<div style="overflow-x:auto"><table><caption>Angka</caption><tr>'
                           + "".join(f"<th>Kolom{i}panjang</th>" for i in range(30))
                           + '</tr></table></div><p><a href="/">Beranda</a></p>'),
    })


@pytest.fixture(scope="module")
def browser(broken_site):
    gates.require("chromium", "chromedriver", "axe")
    (broken_site / "isi.js").write_text(
        "document.getElementById('isi-skrip').textContent = 'Isi yang hanya ada dengan skrip';")
    with gates.Browser(broken_site) as b:
        yield b


def test_good_page_passes_the_browser_checks(browser):
    assert browser.axe("index.html") == []
    assert browser.keyboard("index.html") == []
    assert browser.needs_script("index.html") == []
    assert browser.requests_elsewhere("index.html") == []
    assert browser.sideways("index.html") == []


def test_axe_reports_missing_alt(browser):
    problems = browser.axe("tanpa-alt.html")
    assert any(p.startswith("tanpa-alt.html: image-alt") for p in problems), problems


def test_keyboard_check_wants_a_skip_link(browser):
    problems = browser.keyboard("tanpa-lewati.html")
    assert any("bukan tautan lewati" in p for p in problems), problems


def test_keyboard_check_wants_visible_focus(browser):
    problems = browser.keyboard("tanpa-fokus.html")
    assert any("fokus tidak terlihat" in p and 'href="/"' in p for p in problems), problems


def test_keyboard_check_wants_every_link_reachable(browser):
    problems = browser.keyboard("tak-tercapai.html")
    assert any("tidak tercapai dengan Tab" in p and 'href="/"' in p for p in problems), problems


def test_page_that_needs_script_to_read_is_reported(browser):
    problems = browser.needs_script("skrip.html")
    assert problems == ["skrip.html: isi utama berbeda tanpa JavaScript"]


def test_request_to_another_host_is_seen_in_the_browser(browser):
    problems = browser.requests_elsewhere("luar.html")
    assert problems == ["luar.html: permintaan ke host lain https://cdn.example.org/logo.png"]


def test_page_wider_than_a_phone_is_reported(browser):
    problems = browser.sideways("lebar.html")
    assert len(problems) == 1 and "<pre>" in problems[0], problems


def test_wide_table_scrolling_in_its_box_is_fine_on_a_phone(browser):
    assert browser.sideways("tabel.html") == []
    assert browser.keyboard("tabel.html") == []


def test_screenshot_has_the_asked_width(browser, tmp_path):
    for width in (390, 1280):
        shot = browser.screenshot("index.html", width, tmp_path / f"s-{width}.png")
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == width


def test_missing_tool_fails_in_ci_and_skips_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setattr(gates, "AXE_JS", tmp_path / "tidak-ada" / "axe.min.js")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="install-test-tools.sh"):
        gates.require("axe")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="install-test-tools.sh"):
        gates.require("axe")
