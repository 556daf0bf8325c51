"""Quality gates on the sample site: valid, accessible, linked, light, reproducible.

The project's content/ (or the folder named by BULETIN_CONTENT) is built once
per test session, and a second time for the reproducibility check; every gate
of gates.py then runs on the result. Screenshots of each page type, at phone
and desktop widths, are written to tests/screenshots/ for a person to look at.
"""

import os
from pathlib import Path

import pytest

import gates
from bawaslu.periksa import tautan_rusak, umpan_rusak
from conftest import CONTENT, ROOT  # noqa: F401 (fixtures situs, situs_kedua live in conftest)

SCREENSHOTS = ROOT / "tests" / "screenshots"
WIDTHS = (390, 1280)


def news_pages(out: Path) -> list[Path]:
    return sorted(out.glob("berita/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))


def case_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("putusan/*/index.html") if p.parent.name != "page")


def region_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("wilayah/*/index.html") if p.parent.name != "page")


# Top-level folders that are sections of the site; any other one is a standing page.
# admin/ is the staff editor (Decap CMS, noindex): outside the page-weight budget and
# the per-page browser gates (Decap's own interface); vnu still checks its HTML.
SECTIONS = {"berita", "putusan", "wilayah", "topik", "feeds", "cari", "data", "pagefind",
            "theme", "gambar", "admin"}


def standing_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("*/index.html") if p.parent.name not in SECTIONS)


def topic_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("topik/*/index.html") if p.parent.name != "page")


def largest(pages: list[Path]) -> Path | None:
    """The fullest page of a kind (the worst case for weight and accessibility)."""
    return max(pages, key=lambda p: (p.stat().st_size, str(p)), default=None)


# One representative page per page type, as users meet them.
PAGE_TYPES = {
    "beranda": lambda out: out / "index.html",
    "daftar-berita": lambda out: out / "berita" / "index.html",
    "berita": lambda out: largest(news_pages(out)),
    "daftar-putusan": lambda out: out / "putusan" / "index.html",
    "putusan": lambda out: largest(case_pages(out)),
    "indeks-wilayah": lambda out: out / "wilayah" / "index.html",
    "wilayah": lambda out: largest(region_pages(out)),
    "wilayah-berita": lambda out: largest(sorted(out.glob("wilayah/*/berita/index.html"))),
    "wilayah-putusan": lambda out: largest(sorted(out.glob("wilayah/*/putusan/index.html"))),
    "metodologi": lambda out: out / "metodologi" / "index.html",
    "topik": lambda out: largest(topic_pages(out)),
    "halaman": lambda out: largest(standing_pages(out)),
    "umpan": lambda out: out / "feeds" / "index.html",
    "cari": lambda out: out / "cari" / "index.html",
    "404": lambda out: out / "404.html",
}
# Pages whose reading may need a script (search runs in the browser).
SCRIPT_ALLOWED = {"cari"}


def page_of(out: Path, kind: str) -> str:
    path = PAGE_TYPES[kind](out)
    if path is None or not path.is_file():
        shown = path.relative_to(out) if path is not None else kind
        pytest.fail(f"build tidak menghasilkan halaman {kind} ({shown})")
    return str(path.relative_to(out))


# --- gates on the files ---------------------------------------------------------

def test_html_is_valid(situs):
    gates.require("java", "vnu")
    assert gates.html_errors(situs) == []


def test_every_internal_link_image_and_fragment_resolves(situs):
    assert tautan_rusak(situs) == []
    assert umpan_rusak(situs) == []


def test_nothing_is_loaded_from_another_host(situs):
    assert gates.other_hosts_static(situs) == []


def test_item_pages_are_light_and_need_no_script(situs):
    items = news_pages(situs) + case_pages(situs)
    assert news_pages(situs) and case_pages(situs), "situs contoh perlu berita dan putusan"
    assert gates.too_heavy(situs, items) == []
    assert gates.scripts_in(situs, items) == []


def test_two_builds_are_byte_identical(situs, situs_kedua):
    # Every file, the search bundles (pagefind*/) too when npm's Pagefind 1.6.0 wrote
    # them (PyPI's 1.5.2 names and orders its filter files differently on every run).
    assert gates.differences(situs, situs_kedua, ignore=gates.varying_output()) == []


# --- gates in the browser, per page type ------------------------------------------

@pytest.fixture(scope="session")
def browser(situs):
    gates.require("chromium", "chromedriver", "axe")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    with gates.Browser(situs) as b:
        yield b


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_axe_violations(browser, situs, kind):
    assert browser.axe(page_of(situs, kind)) == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_keyboard_only(browser, situs, kind):
    assert browser.keyboard(page_of(situs, kind)) == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_reads_without_script_and_asks_no_other_host(browser, situs, kind):
    page = page_of(situs, kind)
    assert browser.requests_elsewhere(page) == []
    if kind not in SCRIPT_ALLOWED:
        assert browser.needs_script(page) == []


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_fits_a_phone_and_screenshots(browser, situs, kind):
    page = page_of(situs, kind)
    for width in WIDTHS:
        shot = browser.screenshot(page, width, SCREENSHOTS / f"{kind}-{width}.png")
        assert shot.stat().st_size > 0
    assert browser.sideways(page) == []


def test_a_province_page_fits_about_4000_px_on_a_phone(browser, situs):
    # Issue 14: Sumatera Barat (9 case records, 6 news) was 10,661 px tall at 390 px.
    browser.open("wilayah/sumatera-barat/index.html")
    metrics = {"width": 390, "height": 900, "deviceScaleFactor": 1, "mobile": True}
    browser.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    try:
        height = browser.driver.execute_script(
            "return Math.ceil(document.documentElement.scrollHeight);")
    finally:
        browser.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert height <= 4200, f"wilayah/sumatera-barat/ setinggi {height} px pada lebar 390 px"
