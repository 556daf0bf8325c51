"""The schema: one table for every key, one function for every file, one place per fact."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bawaslu import dokumen, konten, skema, templat
from bawaslu.model import Item
from bawaslu.wilayah import registry
from conftest import CASE, NEWS, ROOT, run_pelican, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CTX = konten.konteks(Path("/nonexistent"))


def baca(text: str | bytes, rel: str = "berita/b.md"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return skema.baca(data, rel, rel, CTX)


# --- one table ---------------------------------------------------------------------------

def test_the_documents_key_tables_are_written_from_the_schema():
    for path, text in dokumen.dokumen().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: jalankan `invoke dokumen`"


def test_every_key_of_a_kind_is_in_its_new_file_and_in_its_unknown_key_message():
    for jenis in ("berita", "putusan"):
        text = templat.new_file(jenis, "Judul", "Kota Bukittinggi")
        for k in skema.kunci_untuk(jenis):
            assert f"{k.key}: " in text, (jenis, k.key)
            for value in k.kosakata or ():
                assert value in text
    problems = baca(NEWS.replace("Authors:", "Penulis:"))
    assert all(k.key in problems[0].pesan for k in skema.kunci_untuk("berita"))


def test_adding_an_optional_key_is_one_entry_in_the_schema(monkeypatch):
    """`Pemantau` on news: one entry, and it is read, written by `invoke new`, listed in
    the guide's table and in the unknown-key message."""
    pemantau = skema.Kunci("Pemantau", skema.BERITA, "teks", "Pemantau",
                           "lembaga pemantau yang hadir (boleh kosong)", "")
    monkeypatch.setattr(skema, "KUNCI", (*skema.KUNCI, pemantau))
    monkeypatch.setattr(templat, "kunci_untuk", skema.kunci_untuk)
    monkeypatch.setattr(dokumen, "kunci_untuk", skema.kunci_untuk)
    item = baca(NEWS.replace("Authors:", "Pemantau: JPPR (fiktif)\nAuthors:"))
    assert isinstance(item, Item), item
    assert "\nPemantau:\n" in templat.new_file("berita", "Judul", "nasional")
    assert "| `Pemantau` | tidak | lembaga pemantau" in dokumen.blok_panduan()
    problems = baca(NEWS.replace("Authors:", "Pemantauan: x\nAuthors:"))
    assert 'mungkin maksudnya "Pemantau"?' in problems[0].pesan
    assert "Pemantau" in skema.nama_kunci("berita")


# --- one function ------------------------------------------------------------------------

def test_a_valid_file_becomes_one_typed_item():
    item = baca(CASE, "putusan/agam/asn.md")
    assert isinstance(item, Item)
    assert item.wilayah == registry().resolve("Kabupaten Agam")
    assert item.url == "putusan/001-reg-tm-pb-kab-03-06-x-2024/"
    assert item.forwarded_to == ("bkn",) and item.received.isoformat() == "2024-10-01"
    assert item.line("Register") == 4


LINES = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_and_give_an_item_or_located_problems(data):
    result = baca(data)
    check_result(result, data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(LINES, max_size=8), rel=st.sampled_from(
    ["berita/b.md", "putusan/p.md", "halaman/h.md", "berita/kota-padang/b.md"]))
def test_arbitrary_header_lines_never_raise(lines, rel):
    header = NEWS.split("\n\n", 1)[0].split("\n") if rel.startswith("berita") else \
        CASE.split("\n\n", 1)[0].split("\n") if rel.startswith("putusan") else ["Title: Tentang"]
    text = "\n".join(header[:3] + lines + header[3:]) + "\n\nIsi.\n"
    result = baca(text, rel)
    check_result(result, text.encode("utf-8"))


def check_result(result, data: bytes):
    assert isinstance(result, (Item, list))
    if isinstance(result, list):
        assert result, "a refused file has at least one problem"
        n_lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
        for problem in result:
            assert isinstance(problem, skema.Masalah)
            assert 1 <= problem.line <= n_lines, problem
            assert problem.pesan


# --- staff tools -------------------------------------------------------------------------

INVOKE = str(Path(sys.executable).parent / "invoke")


def invoke(*args):
    return subprocess.run([INVOKE, *args], cwd=ROOT, capture_output=True, text=True)


def test_an_unfilled_new_file_fails_naming_each_placeholder(tmp_path):
    text = templat.new_file("putusan", "", "Kabupaten Agam")
    problems = baca(text, "putusan/kabupaten-agam/baru.md")
    messages = [p.pesan for p in problems]
    lines = text.split("\n")
    for n, line in enumerate(lines, 1):
        for placeholder in skema.ISIAN.findall(line):
            assert any(p.line == n and placeholder in p.pesan for p in problems), placeholder
    assert any("PANDUAN PENGISIAN" in m for m in messages)
    assert sum("[ISI:" in m for m in messages) == text.count("[ISI:")


@pytest.mark.parametrize("bare, official", [("agam", "Kabupaten Agam"),
                                            ("bukittinggi", "Kota Bukittinggi")])
def test_a_bare_region_name_is_suggested_as_its_official_name(bare, official, tmp_path):
    assert registry().suggest(bare)[0] == official
    result = invoke("new", "berita", "--judul", "Rapat", "--wilayah", bare,
                    "--content", str(tmp_path / "content"))
    assert result.returncode != 0
    assert f'mungkin maksudnya "{official}"' in result.stderr
    problems = baca(NEWS.replace("Region: Kota Bukittinggi", f"Region: {bare}"))
    assert f'mungkin maksudnya "{official}"' in problems[0].pesan


# --- office folders ----------------------------------------------------------------------

def test_an_office_folder_holds_only_its_own_region(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    content = tmp_path / "content"
    news = NEWS.replace("Region: Kota Bukittinggi", "Region: Kota Padang")
    write(content, "berita/kota-bukittinggi/b.md", news)
    problems = [str(p) for p in konten.check_folder(content, os.path.relpath)]
    shown = os.path.relpath(content / "berita/kota-bukittinggi/b.md")
    assert problems == [
        f'{shown}:3: wilayah "Region: Kota Padang" bukan wilayah folder ini: folder '
        '"berita/kota-bukittinggi/" milik Bawaslu Kota Bukittinggi; tulis Region "Kota '
        'Bukittinggi" atau wilayah di bawahnya, atau pindahkan berkas ke folder kantor yang benar']
    build = run_pelican(content, tmp_path / "out")
    assert build.returncode != 0 and problems[0] in build.stderr
    (content / "berita/kota-bukittinggi/b.md").unlink()
    write(content, "berita/sumatera-barat/b.md", news)
    write(content, "berita/nasional/c.md", news.replace("Kampanye", "Kampanye Dua")
          .replace("Sosialisasi", "Rapat"))
    assert konten.check_folder(content) == []
    build = run_pelican(content, tmp_path / "out2")
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "out2/berita/2024/06/sosialisasi-pengawasan-partisipatif-di-bukittinggi"
            / "index.html").is_file()


# --- drafts, symlinks and the build ------------------------------------------------------

def test_a_draft_is_checked_but_never_written(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "berita/b.md", NEWS)
    write(content, "putusan/p.md", CASE.replace("Outcome:", "Status: draft\nOutcome:"))
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    assert not (out / "putusan/001-reg-tm-pb-kab-03-06-x-2024").exists()
    written = "".join(p.read_text(errors="replace") for p in out.rglob("*") if p.is_file()
                      and p.suffix in (".html", ".xml", ".csv", ".json"))
    assert "001/Reg/TM/PB/Kab/03.06/X/2024" not in written
    # Still checked: a draft with a NIK fails.
    write(content, "putusan/p.md", CASE.replace("Outcome:", "Status: draft\nOutcome:")
          + "\nNIK 1306011203850001.\n")
    assert run_pelican(content, tmp_path / "out2").returncode != 0


def test_a_symlinked_content_file_is_refused_and_never_read(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "berita/b.md", NEWS)
    secret = write(tmp_path, "rahasia.md", NEWS.replace("Kampanye", "Rahasia") + "\nRAHASIA-42\n")
    (content / "berita/tautan.md").symlink_to(secret)
    result = run_pelican(content, out)
    assert result.returncode != 0
    assert "tautan.md:1: tautan simbolik (symlink) tidak diizinkan di folder konten" in result.stderr
    assert not out.exists() or "RAHASIA-42" not in "".join(
        p.read_text(errors="replace") for p in out.rglob("*") if p.is_file())


def test_same_date_items_have_one_order_on_every_listing_page_and_feed(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    titles = ["Apel Siaga Alfa", "Apel Siaga Bravo", "Apel Siaga Charlie"]
    for title in reversed(titles):
        write(content, f"berita/kota-bukittinggi/{title[-5:].lower()}.md",
              NEWS.replace("Sosialisasi Pengawasan Partisipatif di Bukittinggi", title))
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    pages = ["index.html", "berita/index.html", "wilayah/kota-bukittinggi/index.html",
             "topik/pilkada-2024/index.html", "feeds/semua.atom.xml", "feeds/berita.rss.xml",
             "feeds/wilayah/kota-bukittinggi.atom.xml"]
    for page in pages:
        text = (out / page).read_text(encoding="utf-8")
        at = [text.find(t) for t in titles]
        assert -1 not in at and at == sorted(at), page


def test_the_site_is_byte_identical_with_and_without_buletin_cepat(tmp_path):
    from conftest import CONTENT

    env = {**os.environ, "PYTHONHASHSEED": "0"}
    a = run_pelican(CONTENT, tmp_path / "a", env=env)
    assert a.returncode == 0, a.stderr
    conf = tmp_path / "tanpa_cepat.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    "PLUGINS = [p for p in PLUGINS if p != 'buletin_cepat']\n")
    b = run_pelican(CONTENT, tmp_path / "b", conf=str(conf), env=env)
    assert b.returncode == 0, b.stderr
    def files(out):  # the search index's file names are its own hashes (as in test_kualitas)
        return {p.relative_to(out) for p in out.rglob("*")
                if p.is_file() and p.relative_to(out).parts[0] != "pagefind"}

    files_a, files_b = files(tmp_path / "a"), files(tmp_path / "b")
    assert files_a == files_b
    differ = [str(f) for f in sorted(files_a)
              if (tmp_path / "a" / f).read_bytes() != (tmp_path / "b" / f).read_bytes()]
    assert differ == []


def test_one_definition_per_fact():
    """No second record shape; one ancestor chain, one feed decision, one case panel."""
    code = "".join(p.read_text() for p in [*(ROOT / "plugins").rglob("*.py"),
                                           *(ROOT / "theme").rglob("*.html")])
    assert "rekord" not in code and "._content" not in code
    assert code.count("def ancestors(") == 1 and code.count("while up.induk") == 1
    assert code.count("def punya_umpan(") == 1 and "punya_umpan" in (
        ROOT / "plugins/bawaslu/umpan.py").read_text()
    assert dataclasses.is_dataclass(Item)


def test_the_case_panel_is_one_list_of_rows_for_page_and_feed(tmp_path):
    """The page and the feed entry show the same facts, with the same labels, in one order."""
    from bawaslu import umpan

    item = baca(CASE, "putusan/agam/asn.md")
    rows = skema.baris_panel(item)
    assert [label for _, label, _, _ in rows] == [
        "Nomor register", "Wilayah", "Pemilihan", "Sumber", "Dugaan pelanggaran",
        "Pihak yang diduga", "Diterima/dicatat", "Diregistrasi", "Diputuskan", "Status",
        "Diteruskan ke", "Dasar hukum"]
    feed = umpan.panel(item)
    assert [label for _, label, _, _ in rows] == __import__("re").findall(r"<dt>(.*?)</dt>", feed)
    assert "<dd>BKN</dd>" in feed and "<dd>8 Oktober 2024</dd>" in feed
