"""Site search: a reader searches the built site in a real browser (Debian chromium).

The site is served over http on 127.0.0.1, as the search page fetches the
Pagefind index. Outside CI the browser test is skipped when chromium is not
installed; in CI (CI=true) that is a failure.
"""

import functools
import http.server
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

import gates
import pytest
from bawaslu import cari
from bawaslu.wilayah import registry
from conftest import CASE, NEWS, ROOT, run_pelican, write

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# A second case record in another province, with the same word, so that the
# region filter visibly narrows the results.
CASE_JAMBI = """\
Title: Dugaan Keterlibatan Kepala Desa di Kerinci
Date: 2024-11-02
Region: Kabupaten Kerinci
Register: 004/Reg/LP/PB/Kab/05.01/XI/2024
Election: pilkada-2024
Source: laporan
Violation: hukum-lainnya
Subject: kepala-desa
Received: 2024-10-25
Outcome: dalam-proses

Terlapor, seorang kepala desa berinisial AM, diduga mengunggah dukungan di media sosial.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("cari")
    content = root / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    write(content, "putusan/kerinci/kades.md", CASE_JAMBI)
    out = root / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    return out


def test_filters_of_a_case_record_name_region_type_violation_outcome_year():
    from conftest import CASE
    from bawaslu import konten, skema

    item = skema.baca(CASE.encode(), "putusan/p.md", "p.md", konten.konteks(ROOT / "content"))
    assert cari.saringan(item, registry()) == [
        ("Provinsi", "Sumatera Barat"), ("Kabupaten/Kota", "Kabupaten Agam"),
        ("Jenis", "Penanganan Pelanggaran"), ("Pelanggaran", "Hukum Lainnya"),
        ("Status", "Diteruskan"), ("Tahun", "2024")]


def test_filter_options_count_items_once_alphabetically_and_years_newest_first():
    options = cari.pilihan([
        [("Provinsi", "Jambi"), ("Tahun", "2023")],
        [("Provinsi", "aceh"), ("Provinsi", "aceh"), ("Tahun", "2024")],  # one item, once
        [("Provinsi", "Jambi"), ("Tahun", "2025"), ("Status", "Diteruskan")],
    ])
    assert options["Provinsi"] == [("aceh", 1), ("Jambi", 2)]
    assert options["Tahun"] == [("2025", 1), ("2024", 1), ("2023", 1)]
    assert options["Status"] == [("Diteruskan", 1)]
    assert options["Pelanggaran"] == []
    assert list(options) == list(cari.FILTERS)


def test_search_page_lists_each_filter_value_with_its_count(built):
    html = (built / "cari/index.html").read_text()
    assert '<option value="Sumatera Barat">Sumatera Barat (2)</option>' in html
    assert '<option value="Jambi">Jambi (1)</option>' in html
    assert '<option value="Kabupaten Kerinci">Kabupaten Kerinci (1)</option>' in html
    assert '<option value="2024">2024 (3)</option>' in html


def test_every_build_is_indexed_in_indonesian_and_only_items_are_searchable(built):
    assert cari.terindeks(built)
    entry = (built / "pagefind" / "pagefind-entry.json").read_text()
    assert '"id"' in entry and '"page_count":3' in entry
    case = (built / "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html").read_text()
    assert "data-pagefind-body" in case
    assert 'data-pagefind-filter="Provinsi:Sumatera Barat"' in case
    assert 'data-pagefind-filter="Kabupaten/Kota:Kabupaten Agam"' in case
    assert "data-pagefind-body" not in (built / "index.html").read_text()


def test_a_bundle_indexes_exactly_its_pages_and_leaves_nothing_beside_the_site(tmp_path):
    # Pages with characters a glob or a shell would read specially are indexed as they
    # are; a page of another bundle stays out.
    site = tmp_path / "site"
    names = ["a{b},c", "x*y", "r[1]", "ya?", "biasa"]
    for name in names:
        write(site, f"{name}/index.html", '<html lang="id"><body><main data-pagefind-body>'
              f"<h1>{name}</h1><p>kata unik</p></main></body></html>")
    chunk = [f"{name}/index.html" for name in names[:-1]]
    count, _ = cari.indeks_bundel(site, "pagefind", chunk, sidik=False)
    assert count == 4
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == 4
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # nothing staged beside the site


def test_pages_are_staged_in_memory_else_beside_the_site(tmp_path, monkeypatch):
    # In memory (/dev/shm) the site's disk sees no folder created and removed per page;
    # without it, or when it is full, the pages are written beside the site. The
    # search finds the same pages (the same fragments) from either place.
    in_memory, full, no_memory = (tmp_path / name / "site" for name in ("a", "b", "c"))
    chunk = _bundle_site(in_memory)
    assert _bundle_site(full) == _bundle_site(no_memory) == chunk
    staged, full_memory = [], []
    real = cari._index_one

    def spy(out, folder, pages, staging):
        staged.append(staging.parent)
        if staging.parent == memori and full_memory:
            raise OSError(28, "No space left on device")  # a small /dev/shm, full
        return real(out, folder, pages, staging)

    memori = tmp_path / "shm"
    memori.mkdir()
    monkeypatch.setattr(cari, "MEMORI", memori)
    monkeypatch.setattr(cari, "_index_one", spy)
    assert cari.indeks_bundel(in_memory, "pagefind", chunk, sidik=False)[0] == 8
    assert staged == [memori]
    full_memory.append(True)
    assert cari.indeks_bundel(full, "pagefind", chunk, sidik=False)[0] == 8
    assert staged[1:] == [memori, full.parent]  # memory full: beside the site
    monkeypatch.setattr(cari, "MEMORI", tmp_path / "tidak-ada")
    assert cari.indeks_bundel(no_memory, "pagefind", chunk, sidik=False)[0] == 8
    assert staged[3:] == [no_memory.parent]
    assert list(memori.iterdir()) == [] and sorted(p.name for p in no_memory.parent.iterdir()) == ["site"]
    fragments = [sorted(p.read_bytes() for p in (s / "pagefind" / "fragment").iterdir())
                 for s in (in_memory, full, no_memory)]
    assert fragments[0] == fragments[1] == fragments[2] and len(fragments[0]) == 8


def test_item_pages_are_indexed_without_their_surroundings_into_the_same_bytes(built, tmp_path, monkeypatch):
    # Pagefind is handed each item page without the site's header, navigation and
    # footer (less for it to parse); what it writes is what the whole pages give.
    gates.require("pagefind")
    pages = sorted(p.relative_to(built).as_posix() for p in built.rglob("index.html")
                   if b"data-pagefind-body" in p.read_bytes())
    assert len(pages) == 3
    for page in pages:
        whole = (built / page).read_bytes()
        core = cari.inti(whole)
        assert b"Menu utama" in whole and b"Menu utama" not in core and b"<footer" not in core
        assert core.startswith(whole[:whole.index(b"<body")]) and core.endswith(whole[whole.rindex(b"</body>"):])
    sites = []
    for name in ("inti", "utuh"):
        site = tmp_path / name
        shutil.copytree(built, site, ignore=shutil.ignore_patterns("pagefind*"))
        if name == "utuh":
            monkeypatch.setattr(cari, "inti", lambda page: page)
        assert cari.indeks_bundel(site, "pagefind", pages, sidik=False)[0] == 3
        sites.append(site / "pagefind")
    assert gates.differences(*sites) == []


@pytest.mark.parametrize("outside", [
    '<header><h1>Judul situs</h1></header>',  # Pagefind's default title: the first <h1>
    '<footer><img src="/logo.png" alt="logo"></footer>',  # its default image
    '<aside data-pagefind-filter="Provinsi:Aceh"></aside>',  # filters and metadata
    '<nav data-pagefind-meta="penulis:Tim"></nav>',
])
def test_a_page_is_handed_whole_when_pagefind_reads_something_around_its_body(outside):
    page = ('<!doctype html><html lang="id"><head><title>T</title></head><body>'
            f'<nav>menu</nav><main><article data-pagefind-body><h1>Isi</h1></article></main>'
            f'{outside}</body></html>').encode()
    assert cari.inti(page) == page
    plain = page.replace(outside.encode(), b"<footer>kaki</footer>")
    assert cari.inti(plain) == (b'<!doctype html><html lang="id"><head><title>T</title></head><body>'
                                b'<article data-pagefind-body><h1>Isi</h1></article></body></html>')
    assert cari.inti(b"<html><body><p>tanpa badan</p></body></html>") == b"<html><body><p>tanpa badan</p></body></html>"


def test_the_same_pages_give_the_same_search_bundle_byte_for_byte(tmp_path):
    # Pagefind 1.5.2 (PyPI) wrote its filter and metadata files in a different order on
    # every run; npm's 1.6.0, which the build uses when node_modules has it, does not.
    gates.require("pagefind")
    wilayah = ["Aceh", "Bali", "Jambi", "Papua", "Riau", "Maluku"]
    status = ["Diteruskan", "Dihentikan", "Dalam Proses"]
    sites = []
    for name in ("satu", "dua"):
        site = tmp_path / name
        for i in range(60):
            write(site, f"p{i}/index.html", '<html lang="id"><body><main data-pagefind-body>'
                  f'<h1 data-pagefind-meta="title">Catatan {i}</h1>'
                  f'<span data-pagefind-filter="Provinsi:{wilayah[i % 6]}"></span>'
                  f'<span data-pagefind-filter="Status:{status[i % 3]}"></span>'
                  f'<span data-pagefind-filter="Tahun:{2020 + i % 5}"></span>'
                  f"<p>pengawasan kampanye nomor {i} desa {wilayah[i % 6].lower()}</p></main></body></html>")
        cari.indeks_bundel(site, "pagefind", [f"p{i}/index.html" for i in range(60)], sidik=False)
        sites.append(site / "pagefind")
    assert gates.differences(*sites) == []
    entry = json.loads((sites[0] / "pagefind-entry.json").read_text())
    npm = json.loads((ROOT / "node_modules" / "pagefind" / "package.json").read_text())
    assert entry["version"] == npm["version"]


def test_the_index_is_written_by_npms_pagefind_else_by_pypis(tmp_path, monkeypatch):
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    binary = tmp_path / "@pagefind" / "linux-x64" / "bin" / "pagefind_extended"
    write(binary.parent.parent, "bin/pagefind_extended", "#!/bin/sh\n")
    monkeypatch.setattr(cari, "NODE_PAGEFIND", tmp_path / "@pagefind")
    assert cari.biner() is None  # not executable: not a binary npm installed
    binary.chmod(0o755)
    assert cari.biner() == binary
    monkeypatch.setattr(cari, "NODE_PAGEFIND", tmp_path / "tidak-ada")
    assert cari.biner() is None  # then cari.program() takes pagefind_bin's
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/opt/pagefind")
    assert cari.biner() == Path("/opt/pagefind")


def _bundle_site(root: Path) -> list[str]:
    for i in range(8):
        write(root, f"berita/p{i}/index.html", '<html lang="id"><head><title>Patroli</title></head><body>'
              '<nav>menu</nav><main data-pagefind-body>'
              f'<h1>Patroli {i}</h1><span data-pagefind-filter="Provinsi:Bali"></span>'
              f'<p>pengawasan masa tenang desa nomor {i}</p></main></body></html>')
    return [f"berita/p{i}/index.html" for i in range(8)]


def test_the_command_line_writes_the_bundle_the_python_api_wrote(tmp_path, monkeypatch):
    # The bundle is written by Pagefind's command line (less CPU than the Python API's
    # service, bench/PROFIL.md); readers get the same files as through the API.
    gates.require("pagefind")
    import asyncio

    from pagefind.index import PagefindIndex

    chunk = _bundle_site(tmp_path / "cli")
    assert cari.indeks_bundel(tmp_path / "cli", "pagefind", chunk, sidik=False)[0] == 8
    # The API is handed the pages as the build stages them: the same order, the same place
    # (Pagefind lists pages in the folder's listing order).
    staging = Path(tempfile.mkdtemp(prefix="cari-", dir=cari.sementara(tmp_path)))
    for rel in chunk:
        (staging / rel).parent.mkdir(parents=True, exist_ok=True)
        (staging / rel).write_bytes(cari.inti((tmp_path / "cli" / rel).read_bytes()))

    async def through_the_api():
        config = {"force_language": cari.BAHASA, "output_path": str(tmp_path / "api" / "pagefind")}
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(staging))

    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(cari.program()))
    try:
        asyncio.run(through_the_api())
    finally:
        shutil.rmtree(staging)
    assert gates.differences(tmp_path / "cli" / "pagefind", tmp_path / "api" / "pagefind") == []


@pytest.mark.parametrize("where", ["pagefind.yml", "PAGEFIND_EXCLUDE_SELECTORS", "PAGEFIND_ROOT_SELECTOR"])
def test_no_pagefind_setting_of_the_shell_or_working_folder_changes_the_index(where, tmp_path, monkeypatch):
    # Pagefind's command line reads a pagefind.yml in its working folder and PAGEFIND_*
    # variables: on a staff machine either would quietly leave words out of the index.
    gates.require("pagefind")
    chunk = _bundle_site(tmp_path / "bersih")
    cari.indeks_bundel(tmp_path / "bersih", "pagefind", chunk, sidik=False)
    chunk = _bundle_site(tmp_path / "diganggu")
    monkeypatch.chdir(tmp_path)
    if where == "pagefind.yml":
        (tmp_path / "pagefind.yml").write_text('exclude_selectors: ["p"]\n')
    else:
        monkeypatch.setenv(where, "p" if where == "PAGEFIND_EXCLUDE_SELECTORS" else "h1")
    assert cari.indeks_bundel(tmp_path / "diganggu", "pagefind", chunk, sidik=False)[0] == 8
    assert gates.differences(tmp_path / "bersih" / "pagefind", tmp_path / "diganggu" / "pagefind") == []


@pytest.mark.parametrize("script, said", [
    ("echo 'Error: Pagefind was not able to build an index.' >&2\nexit 1",
     "Pagefind berhenti dengan kode 1: Error: Pagefind was not able"),
    ("exit 0", "pagefind/pagefind-entry.json kosong atau rusak setelah Pagefind selesai"),  # wrote nothing
])
def test_a_failing_pagefind_fails_the_bundle_with_what_it_said(script, said, tmp_path, monkeypatch):
    chunk = _bundle_site(tmp_path / "site")
    broken = tmp_path / "pagefind-rusak"
    broken.write_text(f"#!/bin/sh\n{script}\n")
    broken.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
    with pytest.raises(RuntimeError, match=said):
        cari.indeks_bundel(tmp_path / "site", "pagefind", chunk, sidik=False)
    assert not (tmp_path / "site" / "pagefind" / "pagefind-entry.json").exists()


def test_search_page_says_what_to_do_without_javascript(built):
    html = (built / "cari/index.html").read_text()
    assert "memerlukan JavaScript" in html
    for href in ('href="/wilayah/"', 'href="/putusan/"', 'href="/topik/"'):
        assert href in html
    assert "site:" in html
    assert 'href="/cari/"' in (built / "index.html").read_text()  # in the menu


def test_no_page_but_the_search_page_loads_javascript(built):
    with_script = sorted(str(p.relative_to(built)) for p in built.rglob("*.html")
                         if "pagefind" not in p.parts and "<script" in p.read_text())
    # /admin/ is the staff editor (Decap CMS, tests/test_editor.py), not a page for readers.
    assert with_script == ["admin/index.html", "cari/index.html"]


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(_QuietHandler, directory=str(built))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    requested: list[str] = []  # every path asked for, in order (Pagefind's worker included)

    def log_message(self, *args):
        pass

    def do_GET(self):
        _QuietHandler.requested.append(self.path)
        super().do_GET()


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        message = "chromium atau chromedriver tidak ada; install: sudo ci/install-test-tools.sh"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _results(driver, expected_status):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(
        ec.text_to_be_present_in_element((By.ID, "cari-status"), expected_status))
    return [(a.text, a.get_attribute("href"))
            for a in driver.find_elements(By.CSS_SELECTOR, "#cari-hasil h2 a")]


def test_reader_finds_a_case_record_by_a_word_with_a_region_filter(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(server + "/cari/")
    form = browser.find_element(By.ID, "cari")
    WebDriverWait(browser, 20).until(lambda d: form.is_displayed())
    assert not browser.find_element(By.ID, "tanpa-js").is_displayed()

    # "unggah" is the stem of "mengunggah" in both case records: Indonesian stemming.
    browser.find_element(By.ID, "cari-q").send_keys("unggah")
    browser.find_element(By.CSS_SELECTOR, "#cari button[type=submit]").click()
    assert len(_results(browser, "2 hasil")) == 2

    Select(browser.find_element(By.ID, "saring-provinsi")).select_by_value("Sumatera Barat")
    found = _results(browser, "1 hasil")
    assert found == [("Dugaan Ketidaknetralan ASN di Agam",
                      server + "/putusan/001-reg-tm-pb-kab-03-06-x-2024/")]
    assert "provinsi=Sumatera+Barat" in browser.current_url and "q=unggah" in browser.current_url


def test_the_page_s_filter_options_are_pagefind_s_and_a_first_search_fetches_no_filter_index(
        browser, server):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    _QuietHandler.requested.clear()
    try:
        browser.get(server + "/cari/?q=unggah")
        _results(browser, "hasil")
        fetched = list(_QuietHandler.requested)
    finally:
        browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    assert [p for p in fetched if ".pf_index" in p] and not [p for p in fetched if ".pf_filter" in p]
    listed = {select.get_attribute("data-saringan"): [o.text for o in select.find_elements(
        By.TAG_NAME, "option")][1:] for select in browser.find_elements(By.CSS_SELECTOR, "select")}
    # What Pagefind itself counts for the same index, as the page showed it before.
    counted = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import("/pagefind/pagefind.js").then(async (p) => {
          await p.options({ baseUrl: "/" });
          done(await p.filters());
        });""")
    for name, counts in counted.items():
        assert sorted(listed[name]) == sorted(f"{v} ({n})" for v, n in counts.items()), name
    assert set(counted) <= set(listed) and listed["Provinsi"] == ["Jambi (1)", "Sumatera Barat (2)"]


def test_a_shared_search_address_opens_with_its_filters(browser, server):
    browser.get(server + "/cari/?q=desa&kabkota=Kabupaten+Kerinci")
    found = _results(browser, "1 hasil")
    assert found == [("Dugaan Keterlibatan Kepala Desa di Kerinci",
                      server + "/putusan/004-reg-lp-pb-kab-05-01-xi-2024/")]


@pytest.fixture(scope="module")
def built_in_bundles(tmp_path_factory):
    """The same site with one item per search bundle, as a large archive is indexed."""
    root = tmp_path_factory.mktemp("cari-bundel")
    content = root / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    write(content, "putusan/kerinci/kades.md", CASE_JAMBI)
    conf = root / "conf.py"
    conf.write_text(f"__file__ = {str(ROOT / 'pelicanconf.py')!r}\n"
                    "exec(open(__file__).read())\nCARI_PER_BUNDEL = 1\n", encoding="utf-8")
    out = root / "out"
    result = run_pelican(content, out, conf=str(conf))
    assert result.returncode == 0, result.stderr
    return out


def test_a_large_archive_is_indexed_in_bundles_that_the_search_page_merges(built_in_bundles, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    out = built_in_bundles
    assert [p.name for p in sorted(out.glob("pagefind*"))] == ["pagefind", "pagefind-2", "pagefind-3"]
    page = (out / "cari/index.html").read_text()
    assert 'data-gabung="/pagefind-2/ /pagefind-3/"' in page

    handler = functools.partial(_QuietHandler, directory=str(out))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{httpd.server_address[1]}"
        browser.get(base + "/cari/?q=unggah")
        assert len(_results(browser, "2 hasil")) == 2
        Select(browser.find_element(By.ID, "saring-kabkota")).select_by_value("Kabupaten Kerinci")
        found = _results(browser, "1 hasil")
        assert found == [("Dugaan Keterlibatan Kepala Desa di Kerinci",
                          base + "/putusan/004-reg-lp-pb-kab-05-01-xi-2024/")]
        WebDriverWait(browser, 5).until(lambda d: "kabkota=Kabupaten+Kerinci" in d.current_url)
    finally:
        httpd.shutdown()
        httpd.server_close()
