"""Feeds for journalists: built from a small real site and read back as a feed reader would."""

import os
import re
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bawaslu.periksa import tautan_rusak, umpan_rusak
from conftest import CASE, NEWS, ROOT, run_pelican, write
from lxml import etree

AGAM_PIDANA = """\
Title: Dugaan Politik Uang di Agam
Date: 2024-09-01
Modified: 2024-11-05 14:00
Region: Kabupaten Agam
Register: 002/Reg/LP/PB/Kab/03.06/IX/2024
Election: pilkada-2024
Source: laporan
Violation: pidana
Subject: peserta
Received: 2024-08-28
Registered: 2024-08-30
Decided: 2024-11-05
Outcome: diteruskan
Forwarded-To: gakkumdu

Terlapor berinisial AB diduga membagikan uang.
"""

AGAM_PIDANA_BEFORE = """\
Title: Dugaan Politik Uang di Agam
Date: 2024-09-01
Region: Kabupaten Agam
Register: 002/Reg/LP/PB/Kab/03.06/IX/2024
Election: pilkada-2024
Source: laporan
Violation: pidana
Subject: peserta
Received: 2024-08-28
Registered: 2024-08-30
Outcome: dalam-proses

Terlapor berinisial AB diduga membagikan uang.
"""

MEDAN = """\
Title: Dugaan Ketidaknetralan Kepala Desa di Medan
Date: 2024-10-25
Region: Kota Medan
Register: 003/Reg/TM/PB/Kota/02.71/X/2024
Election: pilkada-2024
Source: temuan
Violation: hukum-lainnya
Subject: kepala-desa
Received: 2024-10-21
Registered: 2024-10-22
Decided: 2024-10-24
Outcome: bukan-pelanggaran

Terlapor, seorang kepala desa berinisial SU, hadir dalam kampanye.
"""

NASIONAL = """\
Title: Rapat Koordinasi Nasional Pengawasan
Date: 2024-07-01 10:00
Region: nasional
Activity: rapat-koordinasi

Bawaslu RI menggelar rapat koordinasi nasional.
"""

ORIGIN = "http://127.0.0.1:8000"
CASE_AGAM = f"{ORIGIN}/putusan/001-reg-tm-pb-kab-03-06-x-2024/"
CASE_PIDANA = f"{ORIGIN}/putusan/002-reg-lp-pb-kab-03-06-ix-2024/"
CASE_MEDAN = f"{ORIGIN}/putusan/003-reg-tm-pb-kota-02-71-x-2024/"
NEWS_BUKITTINGGI = f"{ORIGIN}/berita/2024/06/sosialisasi-pengawasan-partisipatif-di-bukittinggi/"
NEWS_NASIONAL = f"{ORIGIN}/berita/2024/07/rapat-koordinasi-nasional-pengawasan/"


def make_content(root: Path, pidana: str = AGAM_PIDANA) -> Path:
    write(root, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(root, "berita/nasional/rakornas.md", NASIONAL)
    write(root, "putusan/agam/asn.md", CASE)
    write(root, "putusan/agam/politik-uang.md", pidana)
    write(root, "putusan/medan/kades.md", MEDAN)
    write(root, "halaman/tentang.md", "Title: Tentang\nSlug: tentang\n\nTentang situs.\n")
    return root


def build(content: Path, out: Path, conf: str = "pelicanconf.py", env=None) -> Path:
    result = run_pelican(content, out, conf, env)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return make_content(tmp_path_factory.mktemp("umpan") / "content")


@pytest.fixture(scope="module")
def out(content):
    return build(content, content.parent / "out")


def feed(out: Path, key: str, fmt: str = "atom"):
    parsed = feedparser.parse((out / f"feeds/{key}.{fmt}.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def links(parsed) -> list[str]:
    return [e.link for e in parsed.entries]


def feed_files(out: Path) -> list[Path]:
    return sorted((out / "feeds").rglob("*.xml"))


def test_every_feed_is_well_formed_and_in_indonesian(out):
    files = feed_files(out)
    assert len(files) == 2 * (4 + 4 + 5)  # national, violation types, regions with content
    assert umpan_rusak(out) == []
    for path in files:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.language == "id", path
        assert parsed.feed.title.endswith("— Buletin Transparansi Bawaslu"), path
        root = ElementTree.parse(path).getroot()
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "id", path
    assert feed(out, "wilayah/kabupaten-agam").feed.title.startswith("Kabupaten Agam")
    assert feed(out, "wilayah/sumatera-barat").feed.title.startswith("Provinsi Sumatera Barat")
    assert feed(out, "pelanggaran/pidana", "rss").feed.title.startswith("Dugaan pelanggaran pidana")


def test_region_and_violation_feeds_hold_the_right_entries_newest_first(out):
    for fmt in ("atom", "rss"):
        assert links(feed(out, "wilayah/kabupaten-agam", fmt)) == [CASE_AGAM, CASE_PIDANA]
        # A province includes its kabupaten/kota; the national office's news is not in it.
        assert links(feed(out, "wilayah/sumatera-barat", fmt)) == [
            CASE_AGAM, CASE_PIDANA, NEWS_BUKITTINGGI]
        assert links(feed(out, "wilayah/kota-medan", fmt)) == [CASE_MEDAN]
        assert links(feed(out, "pelanggaran/hukum-lainnya", fmt)) == [CASE_MEDAN, CASE_AGAM]
        assert links(feed(out, "pelanggaran/pidana", fmt)) == [CASE_PIDANA]
        assert links(feed(out, "pelanggaran/administrasi", fmt)) == []
        assert links(feed(out, "berita", fmt)) == [NEWS_NASIONAL, NEWS_BUKITTINGGI]
        assert links(feed(out, "putusan", fmt)) == [CASE_MEDAN, CASE_AGAM, CASE_PIDANA]
        assert links(feed(out, "semua", fmt)) == [
            CASE_MEDAN, CASE_AGAM, CASE_PIDANA, NEWS_NASIONAL, NEWS_BUKITTINGGI]
    assert not (out / "feeds/wilayah/nasional.atom.xml").exists()  # national = "semua"


def test_entries_carry_content_summary_categories_author_and_content_dates(out):
    entry = feed(out, "wilayah/kabupaten-agam").entries[0]
    assert entry.id == CASE_AGAM
    assert entry.title == "Dugaan Ketidaknetralan ASN di Agam"
    assert "Terlapor, seorang ASN berinisial RH" in entry.content[0].value
    assert "<dd>001/Reg/TM/PB/Kab/03.06/X/2024</dd>" in entry.content[0].value
    assert entry.content[0].type == "text/html"
    assert entry.summary.startswith("Terlapor, seorang ASN berinisial RH")
    assert entry.published == "2024-10-20T00:00:00+07:00"
    assert entry.updated == "2024-10-20T00:00:00+07:00"
    assert entry.author == "Bawaslu Kabupaten Agam"
    labels = {t.label for t in entry.tags}
    assert {"Kabupaten Agam", "Pelanggaran Hukum Lainnya", "Status Diteruskan"} <= labels

    news = feed(out, "berita", "rss").entries[1]
    assert news.link == NEWS_BUKITTINGGI and news.id == NEWS_BUKITTINGGI
    assert news.author == "Rina Fiktif"
    assert {t.term for t in news.tags} >= {"Kota Bukittinggi", "pilkada-2024"}
    assert "Paragraf kedua." in news.content[0].value
    assert news.published_parsed[:5] == (2024, 6, 14, 2, 30)  # 09:30 Jakarta = 02:30 UTC


def test_feed_updated_is_its_newest_entry_never_the_build_time(out):
    assert feed(out, "wilayah/kabupaten-agam").feed.updated == "2024-11-05T14:00:00+07:00"
    assert feed(out, "wilayah/kota-medan").feed.updated == "2024-10-25T00:00:00+07:00"
    assert feed(out, "berita", "rss").feed.updated == "Mon, 01 Jul 2024 10:00:00 +0700"
    # An empty violation feed takes the archive's newest date.
    assert feed(out, "pelanggaran/administrasi").feed.updated == "2024-11-05T14:00:00+07:00"


def test_status_feed_orders_by_modified_and_dates_the_change(out):
    for fmt in ("atom", "rss"):
        status = feed(out, "status", fmt)
        assert links(status) == [CASE_PIDANA, CASE_MEDAN, CASE_AGAM]
        changed = status.entries[0]
        assert changed.title == "Diteruskan: Dugaan Politik Uang di Agam"
        assert changed.id == CASE_PIDANA + "#status-diteruskan"
    changed = feed(out, "status").entries[0]
    assert changed.updated == "2024-11-05T14:00:00+07:00"
    assert changed.published == "2024-09-01T00:00:00+07:00"
    # Everywhere else the record keeps its Date order and its page URL as id.
    plain = feed(out, "putusan").entries[2]
    assert plain.id == CASE_PIDANA and plain.updated == "2024-11-05T14:00:00+07:00"


def test_a_status_change_shows_as_a_new_entry(content, out, tmp_path):
    before = make_content(tmp_path / "content", AGAM_PIDANA_BEFORE)
    earlier = build(before, tmp_path / "out")
    old = feed(earlier, "status").entries
    assert [e.link for e in old] == [CASE_MEDAN, CASE_AGAM, CASE_PIDANA]
    assert old[2].title == "Dalam Proses: Dugaan Politik Uang di Agam"
    assert old[2].updated == "2024-09-01T00:00:00+07:00"
    new = feed(out, "status").entries[0]
    assert new.id != old[2].id  # a feed reader shows the outcome as new


def test_same_content_gives_byte_identical_feeds(content, out, tmp_path):
    again = build(content, tmp_path / "again")
    produced = [p.relative_to(out) for p in sorted((out / "feeds").rglob("*")) if p.is_file()]
    assert produced == [p.relative_to(again) for p in sorted((again / "feeds").rglob("*"))
                        if p.is_file()]
    for rel in produced:
        assert (out / rel).read_bytes() == (again / rel).read_bytes(), rel


def test_opml_lists_every_feed_file_and_nothing_else(out):
    tree = ElementTree.parse(out / "feeds/index.opml")
    assert tree.getroot().get("version") == "2.0"
    listed = [o.get("xmlUrl") for o in tree.iter("outline") if o.get("xmlUrl")]
    existing = [f"{ORIGIN}/{p.relative_to(out).as_posix()}" for p in feed_files(out)]
    assert sorted(listed) == existing
    assert len(listed) == len(set(listed))
    for outline in tree.iter("outline"):
        if outline.get("xmlUrl"):
            assert outline.get("type") == "rss" and outline.get("text")


def test_feeds_page_lists_every_feed_grouped(out):
    html = (out / "feeds/index.html").read_text()
    assert '<html lang="id">' in html
    for heading in ("Apa itu umpan berita?", "Cara berlangganan", "Umpan nasional",
                    "Menurut jenis dugaan pelanggaran", "Menurut wilayah"):
        assert f">{heading}</h2>" in html, heading
    assert ">Provinsi Sumatera Barat</h3>" in html and ">Provinsi Sumatera Utara</h3>" in html
    for path in feed_files(out):
        assert f'href="/{path.relative_to(out).as_posix()}"' in html, path
    assert 'href="/feeds/index.opml"' in html
    # Provinces in code order (Sumatera Utara 12, Sumatera Barat 13), each with its kabupaten/kota.
    sumut = html.index(">Provinsi Sumatera Utara</h3>")
    sumbar = html.index(">Provinsi Sumatera Barat</h3>")
    assert sumut < html.index("Kota Medan:") < sumbar < html.index("Kabupaten Agam:")
    footer = html[html.index('<footer'):]
    assert 'href="/feeds/">Umpan berita</a>' in footer
    assert tautan_rusak(out) == []


def alternates(html: str) -> list[str]:
    return re.findall(r'<link rel="alternate" type="application/(?:atom|rss)\+xml" '
                      r'title="[^"]+" href="([^"]+)">', html)


def test_every_page_advertises_its_feeds(out):
    home = alternates((out / "index.html").read_text())
    assert home == ["/feeds/semua.atom.xml", "/feeds/semua.rss.xml"]
    assert alternates((out / "tentang/index.html").read_text()) == home
    region = alternates((out / "wilayah/kabupaten-agam/index.html").read_text())
    assert region == home + ["/feeds/wilayah/kabupaten-agam.atom.xml",
                             "/feeds/wilayah/kabupaten-agam.rss.xml"]
    # A province without content has a page but no feed of its own.
    assert alternates((out / "wilayah/aceh/index.html").read_text()) == home
    case = alternates((out / "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html").read_text())
    assert case == home + ["/feeds/wilayah/kabupaten-agam.atom.xml",
                           "/feeds/wilayah/kabupaten-agam.rss.xml",
                           "/feeds/pelanggaran/hukum-lainnya.atom.xml",
                           "/feeds/pelanggaran/hukum-lainnya.rss.xml"]
    assert "/feeds/berita.atom.xml" in alternates((out / "berita/index.html").read_text())
    page = alternates((out / "feeds/index.html").read_text())
    assert "/feeds/status.atom.xml" in page and "/feeds/putusan.rss.xml" in page


def test_feeds_use_no_xslt_and_link_their_html_page(out):
    # Browsers are removing XSLT: no feed asks for a stylesheet, and none is published.
    assert not (out / "theme/feed.xsl").exists()
    pages = {"wilayah/kabupaten-agam": "wilayah/kabupaten-agam/", "status": "putusan/",
             "semua": ""}
    for key, page in pages.items():
        for fmt in ("atom", "rss"):
            data = (out / f"feeds/{key}.{fmt}.xml").read_bytes()
            assert b"xml-stylesheet" not in data
            root = etree.fromstring(data)
            assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
            html = f"{ORIGIN}/{page}"
            if fmt == "atom":
                links = root.findall("{http://www.w3.org/2005/Atom}link")
                assert [(x.get("href"), x.get("type")) for x in links if x.get("rel") == "alternate"] \
                    == [(html, "text/html")]
            else:
                assert root.findtext("channel/link") == html
            # The HTML page exists (the /feeds/ guide for readers is linked from every page).
            assert (out / page / "index.html").is_file()
            parsed = feedparser.parse(data)
            assert not parsed.bozo and parsed.feed.link == html


def test_maximum_entries_and_published_absolute_urls(content, tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    "from publishconf import *\nUMPAN_MAKS_ENTRI = 2\n")
    env = {**os.environ, "SITEURL": "https://contoh.bawaslu.go.id/buletin"}
    out = build(content, tmp_path / "out", str(conf), env)
    site = "https://contoh.bawaslu.go.id/buletin"
    semua = feed(out, "semua")
    assert [e.link for e in semua.entries] == [
        CASE_MEDAN.replace(ORIGIN, site), CASE_AGAM.replace(ORIGIN, site)]
    assert len(feed(out, "wilayah/sumatera-barat", "rss").entries) == 2
    assert b"xml-stylesheet" not in (out / "feeds/semua.rss.xml").read_bytes()
    opml = ElementTree.parse(out / "feeds/index.opml")
    urls = [o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")]
    assert urls and all(u.startswith(site + "/feeds/") for u in urls)


def test_a_missing_feeds_plugin_fails_the_build(content, tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
                    "from pelicanconf import *\nPLUGINS = ['buletin_konten']\n")
    result = run_pelican(content, tmp_path / "out", str(conf))
    assert result.returncode != 0
    assert "tautan_umpan" in result.stdout + result.stderr


@pytest.mark.parametrize("pretty", [True, False])
def test_an_entry_in_several_feeds_is_written_as_feedgen_writes_it(pretty):
    # bawaslu.umpan builds each entry's XML once and moves it from feed to feed: every
    # feed must still read as if feedgen had built the entry for it alone.
    from datetime import UTC, datetime

    from bawaslu.umpan import _FeedEntry
    from feedgen.entry import FeedEntry
    from feedgen.feed import FeedGenerator

    def feeds(cls):
        entries = []
        for i in range(3):
            e = cls()
            e.guid(f"https://contoh.test/berita/{i}/", permalink=True)
            e.title(f"Patroli <{i}> & rapat")
            e.link(href=f"https://contoh.test/berita/{i}/", rel="alternate", type="text/html")
            e.published(datetime(2024, 6, 14 + i, tzinfo=UTC))
            e.updated(datetime(2024, 6, 15 + i, tzinfo=UTC))
            e.summary(f"Ringkasan {i}")
            e.content(f"<p>Isi {i}</p>", type="html")
            e.category([{"term": "kota-padang", "label": "Kota Padang"}])
            entries.append(e)
        written = []
        for name, held in (("nasional", entries), ("padang", entries[1:]), ("bukittinggi", entries[:1])):
            for fmt in ("atom", "rss"):
                fg = FeedGenerator()
                fg.id(f"https://contoh.test/feeds/{name}.atom.xml")
                fg.title(name)
                fg.description(name)
                fg.link(href=f"https://contoh.test/wilayah/{name}/", rel="alternate")
                fg.updated(datetime(2024, 6, 20, tzinfo=UTC))
                for e in held:
                    fg.add_entry(e, order="append")
                written.append(fg.atom_str(pretty=pretty) if fmt == "atom" else fg.rss_str(pretty=pretty))
        return written

    assert feeds(_FeedEntry) == feeds(FeedEntry)
