"""Nothing unsafe reaches the public site (issue 12): hostile content, file tricks, CSV.

Every hostile input either fails the build with ``path:line: message`` in
Indonesian, or comes out inert (escaped or removed) in a site that then passes
``invoke publish``'s gate. All names, numbers and addresses are fictional.
"""

import html
import os
import re
import textwrap
from pathlib import Path

import pytest
from bawaslu import bersih, gerbang, terbit
from bawaslu.opendata import sel_aman
from conftest import CASE, NEWS, run_pelican, write
from hypothesis import given, settings
from hypothesis import strategies as st

SITE = "https://example.github.io/buletin"


def news(body: str, **meta: str) -> str:
    """A valid news file with ``meta`` keys replaced or added, and ``body``."""
    header, _, _ = NEWS.partition("\n\n")
    lines = [line for line in header.splitlines()
             if line.split(":", 1)[0] not in meta]
    lines += [f"{key.replace('_', '-')}: {value}" for key, value in meta.items()]
    return "\n".join(lines) + "\n\n" + body + "\n"


def case(title: str, register: str) -> str:
    return (CASE.replace("Title: Dugaan Ketidaknetralan ASN di Agam", f"Title: {title}")
            .replace("001/Reg/TM/PB/Kab/03.06/X/2024", register))


def line_of(text: str, marker: str) -> int:
    return text[:text.index(marker)].count("\n") + 1


def tags_of(fragment: str) -> list[tuple[str, list]]:
    """Start tags with their (decoded) attributes, in order."""
    from html.parser import HTMLParser

    found = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, sorted(attrs)))

    Tags(convert_charrefs=True).feed(fragment)
    return found


def dangerous(fragment: str, siteurl: str = "") -> list[str]:
    """What the output gate's HTML checks find in an HTML fragment."""
    page = gerbang._Halaman("x.html", siteurl)
    page.feed(fragment)
    page.close()
    return [message for _, message in page.found]


# --- hostile HTML that the sanitiser must make inert -------------------------------------

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<div title=">" onmouseover="alert(1)">x</div>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;vascript:alert(1)">x</a>',
    '<a href=" JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="https://pelacak.example/p.gif" alt="">',
    '<img src="//pelacak.example/p.gif" alt="">',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff">x</p>',
    '<p style="background:url(https://pelacak.example/x.png)">x</p>',
    '<iframe src="https://contoh.example/"></iframe>',
    '<form action="https://contoh.example/"><input name="nik"></form>',
    '<meta http-equiv="refresh" content="0;url=https://contoh.example/">',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<base href="https://contoh.example/">',
    '<object data="https://contoh.example/x.swf"></object><embed src="x.swf">',
    "<style>body{background:url(https://pelacak.example/x)}</style>",
    "<details open ontoggle=alert(1)>x</details>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://contoh.go.id/" onclick="alert(1)" target="_blank">x</a>',
    '<img src="/gambar/a.png" srcset="https://pelacak.example/a.png 2x" alt="">',
    "<SCRIPT SRC=//pelacak.example/x.js></SCRIPT>",
    '<h2 id="x" class="evil" style="color:red" onclick="alert(1)">h</h2>',
    '<td style="text-align:left;position:absolute">x</td>',
    "<!--<img src=x onerror=alert(1)>--><p>teks</p>",
]


@pytest.mark.parametrize("hostile", HOSTILE_HTML)
def test_sanitised_html_is_inert(hostile):
    clean = bersih.bersihkan(hostile)
    assert dangerous(clean) == [], clean
    assert not re.search(r"\son[a-z]+\s*=|<script|javascript:|pelacak\.example|<iframe|<form"
                         r"|<style|<svg|position", clean, re.IGNORECASE), clean
    bersih._BERSIH.clear()  # really sanitise again, not from the cache of outputs
    assert bersih.bersihkan(clean) == clean  # stable: sanitising twice changes nothing


def test_only_html_recorded_as_sanitised_skips_the_sanitiser(monkeypatch):
    """A reading worker's sanitised body is recorded in the main process (bersih.catat)
    so the page template does not sanitise it again; nothing else skips nh3."""
    clean = bersih.bersihkan("<p>Rapat <strong>koordinasi</strong></p>")
    monkeypatch.setattr(bersih, "_BERSIH", set())  # as in a process that sanitised nothing
    bersih.catat(clean, "https://situs.example")
    calls = []
    real = bersih._pembersih

    class Spy:  # the sanitiser of an address, recording what it is given
        def __init__(self, situs):
            self.cleaner = real(situs)

        def clean(self, html):
            calls.append(html)
            return self.cleaner.clean(html)

    monkeypatch.setattr(bersih, "_pembersih", Spy)
    assert bersih.bersihkan(clean, "https://situs.example") == clean
    assert calls == []
    assert bersih.bersihkan(clean) == clean and calls == [clean]  # another address: sanitised
    hostile = '<p onclick="alert(1)">Rapat<script>alert(2)</script></p>'
    assert dangerous(str(bersih.isi({"SITEURL": "https://situs.example"}, hostile))) == []


@pytest.mark.parametrize("hostile", HOSTILE_HTML)
def test_the_content_check_reports_what_the_sanitiser_strips(hostile):
    if hostile.startswith("<!--"):
        pytest.skip("a comment is removed but hides nothing from readers")
    found = bersih.periksa_sumber(f"Paragraf pertama.\n\n{hostile}\n")
    assert found, hostile
    assert all(offset >= len("Paragraf pertama.\n\n") for offset, _ in found)
    assert all(re.search(r"tidak diizinkan", message) for _, message in found)


def test_what_markdown_produces_is_kept():
    source = textwrap.dedent("""\
        ## Kronologi

        Teks **tebal**, *miring*, `kode`, [tautan](/berita/) dan [luar](https://contoh.go.id/)[^1].

        | Kolom | Angka |
        |:------|------:|
        | satu  | 1     |

        ```
        <script>tetap kode</script>
        ```

        ![Gambar](/gambar/a.png "judul") <https://contoh.go.id/a> <surel@contoh.go.id>

        *[ASN]: Aparatur Sipil Negara

        [^1]: Catatan kaki.
        """)
    import markdown

    html_out = markdown.markdown(source, output_format="html5", extensions=[
        "abbr", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc"])
    # Every element and attribute is kept (nh3 only re-serialises entities and styles).
    clean = bersih.bersihkan(html_out)
    assert tags_of(clean) == tags_of(re.sub(r"text-align: (\w+);", r"text-align:\1", html_out))
    assert bersih.teks(clean) == bersih.teks(html_out)
    assert bersih.periksa_sumber(source) == []


def test_encoded_html_is_text_not_an_error_and_stays_escaped():
    source = "&lt;img src=x onerror=alert(1)&gt; dan &lt;script&gt;alert(1)&lt;/script&gt;"
    assert bersih.periksa_sumber(source) == []
    assert bersih.teks(f"<p>{source}</p>") == "<img src=x onerror=alert(1)> dan <script>alert(1)</script>"
    # the text goes through the templates' escaping: never live markup
    assert "<img" not in html.escape(bersih.teks(source))


def test_code_and_autolinks_are_not_html():
    source = "Alamat `/putusan/<nomor-register>/` dan <https://contoh.go.id/x> serta <a@contoh.go.id>."
    assert bersih.periksa_sumber(source) == []


def test_offsets_point_at_the_construct():
    source = 'Baris satu.\n\nBaris <b>tiga</b> dengan <span onclick="x()">klik</span>.\n'
    [(offset, message)] = bersih.periksa_sumber(source)
    assert source[offset:].startswith("<span")
    assert 'atribut "onclick" pada <span>' in message


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("<>\"'=/ &#;:xaojvsrcipt") + [
    "<script>", "<img ", "onerror=", "javascript:", "&#x09;", "<svg", "style=", "href=",
    "src=", "<a ", "//", "data:", "</", "&lt;", "-->", "<!--"]), max_size=40).map("".join))
def test_no_input_gets_script_through_the_sanitiser(text):
    clean = bersih.bersihkan(text)
    assert dangerous(clean) == []
    bersih._BERSIH.clear()
    assert bersih.bersihkan(text) == clean  # deterministic
    bersih._BERSIH.clear()
    assert bersih.bersihkan(clean) == clean  # idempotent (what the cache relies on)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_plain_text_survives_escaping_and_teks(text):
    # Escaped text read back as text is the text itself (whitespace collapsed), once.
    assert bersih.teks(html.escape(text)) == " ".join(text.split())


# --- files -------------------------------------------------------------------------

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c63f8cfc0f00f00050101ff2b5d6b1d"
                    "0000000049454e44ae426082")
SVG_OK = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" '
          'aria-labelledby="t"><title id="t">Kotak</title><rect width="10" height="10" '
          'fill="#c00"/></svg>')
SVG_BAD = {
    "skrip.svg": SVG_OK.replace("<rect", "<script>alert(1)</script><rect"),
    "objek.svg": SVG_OK.replace("<rect", '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">'
                                         "x</div></foreignObject><rect"),
    "onload.svg": SVG_OK.replace("<svg ", '<svg onload="alert(1)" '),
    "luar.svg": SVG_OK.replace("<rect", '<image href="https://pelacak.example/x.png"/><rect'),
    "gaya.svg": SVG_OK.replace('fill="#c00"', 'style="fill:url(https://pelacak.example/#a)"'),
    "entitas.svg": '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]>' + SVG_OK,
}
SECRET = "RAHASIA-LUAR-7c1f"  # marker of a file outside content/


@pytest.fixture
def hostile_files(site, tmp_path):
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "rahasia.md").write_text(f"Title: {SECRET}\n\n{SECRET}\n", encoding="utf-8")
    (outside / "rahasia.png").write_bytes(PNG + SECRET.encode())
    gambar = site / "gambar"
    gambar.mkdir()
    (gambar / "baik.png").write_bytes(PNG)
    (gambar / "baik.svg").write_text(SVG_OK, encoding="utf-8")
    (site / "berita" / "tautan.md").symlink_to(outside / "rahasia.md")
    (gambar / "lingkungan.png").symlink_to("/proc/self/environ")
    (gambar / "folder-luar").symlink_to(outside, target_is_directory=True)
    for name, text in SVG_BAD.items():
        (gambar / name).write_text(text, encoding="utf-8")
    (gambar / "halaman.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (gambar / "palsu.png").write_text("bukan gambar", encoding="utf-8")
    return site


EXPECTED_FILES = ["berita/tautan.md", "gambar/lingkungan.png", "gambar/folder-luar",
                  *(f"gambar/{n}" for n in SVG_BAD), "gambar/halaman.html", "gambar/palsu.png"]


def test_unsafe_files_are_listed_and_good_images_are_not(hostile_files):
    found = dict(bersih.berkas_tidak_aman(hostile_files))
    assert sorted(found) == sorted(EXPECTED_FILES)
    assert "tautan simbolik" in found["gambar/folder-luar"]
    assert "<script>" in found["gambar/skrip.svg"]
    assert "<foreignObject>" in found["gambar/objek.svg"]
    assert "onload" in found["gambar/onload.svg"]
    assert "bukan gambar PNG" in found["gambar/palsu.png"]


def test_build_refuses_unsafe_files_and_reads_nothing_behind_a_symlink(hostile_files, tmp_path):
    out = tmp_path / "out"
    result = run_pelican(hostile_files, out)
    assert result.returncode != 0
    for rel in EXPECTED_FILES:
        assert f"{rel}:1: " in result.stderr, rel
    assert "masalah dalam konten; situs tidak dibangun" in result.stderr
    written = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
    assert not any(SECRET.encode() in p.read_bytes() for p in written)
    assert not any(b"PATH=" in p.read_bytes() for p in written)


def test_publish_refuses_unsafe_files_before_building(hostile_files):
    with pytest.raises(terbit.GagalTerbit) as error:
        terbit.periksa_konten(hostile_files)
    for rel in EXPECTED_FILES:
        assert f"{rel}:1: " in str(error.value)


def test_invoke_check_refuses_unsafe_files(hostile_files):
    import subprocess
    import sys

    from conftest import ROOT

    invoke = str(Path(sys.executable).parent / "invoke")
    result = subprocess.run([invoke, "-r", str(ROOT), "check", "--content", str(hostile_files)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    for rel in EXPECTED_FILES:
        assert f"{rel}:1: " in result.stderr, rel


@pytest.mark.parametrize(("value", "why"), [
    ("../../../../../etc/hostname", "keluar dari folder content"),
    ("gambar/../../rahasia.png", "keluar dari folder content"),
    ("https://pelacak.example/foto.jpg", "bukan alamat luar"),
    ("//pelacak.example/foto.jpg", "bukan alamat luar"),
    ("gambar/tautan.png", "tautan simbolik"),
])
def test_image_must_be_a_file_inside_content(tmp_path, value, why):
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "tautan.png").symlink_to("/etc/hostname")
    assert why in bersih.gambar_tidak_aman(tmp_path, value)


# --- hostile content in a real build -------------------------------------------------

REFUSED = {
    # file: (body, extra metadata, marker on the expected line, expected message (a regex))
    "berita/skrip.md": ("<script>alert(1)</script>", {}, "<script>", "<script>"),
    "berita/onerror.md": ("<img src=x onerror=alert(1)>", {}, "<img", "onerror"),
    "berita/kutip.md": ('<div title=">" onmouseover="alert(1)">x</div>', {}, "<div", "onmouseover"),
    "berita/tirai.md": ('<p style="position:fixed;top:0;left:0;width:100%;height:100%">x</p>', {},
                        "<p style", "style"),
    "berita/pelacak.md": ("![piksel](https://pelacak.example/p.gif)", {}, "![piksel]",
                          "gambar hanya boleh dari situs ini"),
    "berita/pelacak-html.md": ('<img src="https://pelacak.example/p.gif" alt="">', {}, "<img",
                               "gambar hanya boleh dari situs ini"),
    "berita/js.md": ("[klik](javascript:alert(1))", {}, "[klik]", "javascript:"),
    "berita/js-tab.md": ('<a href="jav&#x09;ascript:alert(1)">x</a>', {}, "<a href", "javascript:"),
    "berita/js-ref.md": ("[klik][r]\n\n[r]: javascript:alert(1)", {}, "[r]:", "javascript:"),
    "berita/data.md": ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', {}, "<a", "data:"),
    "berita/iframe.md": ('<iframe src="https://contoh.example/"></iframe>', {}, "<iframe", "<iframe>"),
    "berita/form.md": ('<form action="https://contoh.example/"><input name="x"></form>', {}, "<form",
                       "<form>"),
    "berita/refresh.md": ('<meta http-equiv="refresh" content="0;url=https://contoh.example/">', {},
                          "<meta", "<meta>"),
    "berita/svg.md": ("<svg onload=alert(1)><circle r=1 /></svg>", {}, "<svg", "onload|<svg>"),
    "berita/base.md": ('<base href="https://contoh.example/">', {}, "<base", "<base>"),
    "berita/mxss.md": ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", {},
                       "<math>", "<math>|<style>|onerror"),
    "berita/ringkasan.md": ("Isi biasa.", {"Summary": "Ringkas <img src=x onerror=alert(1)>"},
                            "Summary:", "onerror"),
    "berita/gambar-naik.md": ("Isi.", {"Image": "../../../../../etc/hostname", "Image_Alt": "Foto"},
                              "Image:", "keluar dari folder content"),
    "berita/gambar-luar.md": ("Isi.", {"Image": "https://pelacak.example/f.jpg", "Image_Alt": "Foto"},
                              "Image:", "bukan alamat luar"),
    "berita/slug.md": ("Isi.", {"Slug": 'a" onmouseover="alert(1)'}, "Slug:",
                       "tidak dapat dipakai sebagai alamat"),
}


@pytest.fixture
def refused_site(tmp_path):
    content = tmp_path / "content"
    texts = {}
    for n, (rel, (body, meta, _, _)) in enumerate(sorted(REFUSED.items())):
        meta = {"Title": f"Berita Uji Nomor {n}", **meta}
        texts[rel] = news(f"Paragraf pertama.\n\n{body}", **meta)
        write(content, rel, texts[rel])
    write(content, "halaman/tentang.md", 'Title: Tentang\n\n<p onclick="x()">Klik</p>\n')
    return content, texts


def test_hostile_content_fails_the_build_with_path_line_messages(refused_site, tmp_path):
    content, texts = refused_site
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode != 0
    errors = result.stderr
    for rel, (_, _, marker, expected) in REFUSED.items():
        line = line_of(texts[rel], marker)
        mine = [e for e in errors.splitlines() if f"{rel}:{line}: " in e]
        assert mine and any(re.search(expected, e) for e in mine), (rel, line, errors)
    assert re.search(r"halaman/tentang\.md:3: .*onclick", errors)
    assert not (tmp_path / "out" / "index.html").exists()


def test_hostile_content_is_refused_by_publish(refused_site):
    content, _ = refused_site
    with pytest.raises(terbit.GagalTerbit) as error:
        terbit.terbitkan(content, output=content.parent / "terbit", siteurl=SITE)
    assert "tidak ada yang diterbitkan" in str(error.value)
    assert not (content.parent / "terbit").exists()


# Inputs that build: they must come out as text (escaped) or not at all.
INERT = {
    "berita/entitas.md": news("Paragraf &lt;script&gt;alert(1)&lt;/script&gt; pertama.",
                              Title="Berita Entitas Fiktif",
                              Summary="Ringkasan &lt;img src=x onerror=alert(1)&gt; fiktif"),
    "berita/judul.md": news("Isi biasa tanpa ringkasan.", Title="Apel Siaga <Agam> Berakhir"),
    "berita/judul-skrip.md": news("Isi.", Title="Judul &lt;/title&gt;&lt;script&gt;x&lt;/script&gt;"),
    "berita/alt.md": news("Isi.", Title="Berita Gambar Fiktif", Image="gambar/baik.png",
                          Image_Alt='Foto" onerror="alert(1)'),
    "berita/tempat.md": news("Isi.", Title="Berita Tempat Fiktif", Location='Aula "Utama" <Gedung B>',
                             Authors="Rina <rina> Fiktif"),
    "berita/attr-list.md": news("Paragraf.\n{: onclick=alert(1) }\n\n"
                                "[tautan](https://contoh.go.id/){: onmouseover=alert(1) }",
                                Title="Berita Atribut Fiktif"),
    "berita/draf.md": news("Isi draf rahasia.", Title="Draf Belum Terbit", Status="draft"),
    "putusan/rumus.md": case('=HYPERLINK("https://contoh.example/","klik")',
                             "009/Reg/LP/PB/Kab/03.06/X/2024"),
}


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("jinak")
    content = root / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "halaman/tentang.md", "Title: Tentang\n\nTentang situs.\n")
    (content / "gambar").mkdir()
    (content / "gambar" / "baik.png").write_bytes(PNG)
    for rel, text in INERT.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    out = root / "terbit"
    summary = terbit.terbitkan(content, output=out, siteurl=SITE)
    assert "lolos pemeriksaan" in summary
    return out


def pages(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in out.rglob("*.html")}


def test_inert_inputs_pass_the_gate_and_nothing_live_is_published(inert_site):
    assert gerbang.berbahaya(inert_site, SITE) == []
    for rel, text in pages(inert_site).items():
        # parsed as a browser does: no handler attribute, no script but the search page's
        tags = tags_of(text)
        assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")], rel
        scripts = [dict(attrs).get("src") for tag, attrs in tags if tag == "script"]
        allowed = {"cari/index.html": [f"{SITE}/theme/js/cari.js"],  # the search page's own
                   "admin/index.html": ["decap-cms.js", "kunci.js", "buletin.js"]}  # the editor's
        assert [s for s in scripts if s != "decap-cms.js"] == [
            s for s in allowed.get(rel, []) if s != "decap-cms.js"], rel


def test_encoded_markup_in_summary_and_first_paragraph_stays_text(inert_site):
    for rel, text in pages(inert_site).items():
        if "Berita Entitas Fiktif" in text:
            assert "<img src=x" not in text and "<img src=\"x\"" not in text, rel
    home = (inert_site / "index.html").read_text(encoding="utf-8")
    assert "Ringkasan &lt;img src=x onerror=alert(1)&gt; fiktif" in home
    item = next(t for t in pages(inert_site).values()
                if '<h1 data-pagefind-meta="title">Berita Entitas Fiktif' in t)
    assert '<meta name="description" content="Ringkasan &lt;img src=x onerror=alert(1)&gt; fiktif">' in item
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in item


def test_titles_are_text_in_title_og_and_headings(inert_site):
    item = next(t for t in pages(inert_site).values() if "Apel Siaga" in t and "<h1" in t
                and "Apel Siaga &lt;Agam&gt; Berakhir</h1>" in t)
    assert "<title>Apel Siaga &lt;Agam&gt; Berakhir — " in item
    assert '<meta property="og:title" content="Apel Siaga &lt;Agam&gt; Berakhir">' in item
    for text in pages(inert_site).values():
        assert "<Agam>" not in text
        assert "</title><script>" not in text


def test_quotes_in_attributes_do_not_break_out(inert_site):
    item = next(t for t in pages(inert_site).values() if "Berita Gambar Fiktif</h1>" in t)
    assert 'alt="Foto&#34; onerror=&#34;alert(1)"' in item
    tempat = next(t for t in pages(inert_site).values() if "Berita Tempat Fiktif</h1>" in t)
    assert "Aula &#34;Utama&#34; &lt;Gedung B&gt;" in tempat
    assert "Rina &lt;rina&gt; Fiktif" in tempat


def test_attribute_lists_are_plain_text(inert_site):
    item = next(t for t in pages(inert_site).values() if "Berita Atribut Fiktif</h1>" in t)
    assert "{: onclick=alert(1) }" in item
    assert '<a href="https://contoh.go.id/">tautan</a>{: onmouseover=alert(1) }' in item


def test_a_draft_is_never_written(inert_site):
    for path in inert_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".csv", ".json", ".opml"):
            assert "Draf Belum Terbit" not in path.read_text(encoding="utf-8"), path


def test_csv_cells_that_read_as_formulas_are_text(inert_site):
    csv_text = (inert_site / "data" / "putusan.csv").read_text(encoding="utf-8")
    assert "\"'=HYPERLINK(\"\"https://contoh.example/\"\",\"\"klik\"\")\"" in csv_text
    assert ",=HYPERLINK" not in csv_text and ',"=HYPERLINK' not in csv_text
    json_text = (inert_site / "data" / "putusan.json").read_text(encoding="utf-8")
    assert '"judul": "=HYPERLINK(' in json_text  # JSON keeps the value (no spreadsheet there)
    package = (inert_site / "data" / "datapackage.json").read_text(encoding="utf-8")
    assert "tanda kutip tunggal" in package


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_formula_starts_are_prefixed(value):
    assert sel_aman(value) == "'" + value


@pytest.mark.parametrize("value", ["001/Reg/LP", "Kota Bukittinggi", "a=b", "", "2024-10-01"])
def test_ordinary_cells_are_unchanged(value):
    assert sel_aman(value) == value


def test_feed_summaries_are_text(inert_site):
    feed = (inert_site / "feeds" / "semua.atom.xml").read_text(encoding="utf-8")
    assert "Ringkasan &lt;img src=x onerror=alert(1)&gt; fiktif" in feed
    assert "&lt;img src=\"x\"" not in feed


def test_no_symlink_or_outside_file_in_the_published_site(inert_site):
    assert not [p for p in inert_site.rglob("*") if p.is_symlink()]
    assert os.path.isfile(inert_site / "gambar" / "baik.png")


# --- the staff guide says what is allowed, with the messages as printed ----------------

def test_the_guide_quotes_the_messages_as_the_checks_print_them(tmp_path):
    from conftest import ROOT

    guide = (ROOT / "docs" / "panduan-penulisan.md").read_text(encoding="utf-8")
    section = guide[guide.index("## HTML yang diizinkan"):
                    guide.index("## Pesan kesalahan dan cara memperbaikinya")]
    quoted = [m.strip() for m in re.findall(r"```text\n(.*?)```", section, re.DOTALL)]
    assert len(quoted) >= 5
    printed = {message for source in (
        '<p onclick="x()">Klik</p>', '<p style="color:red">Merah</p>',
        "![piksel](https://pelacak.example/p.gif)") for _, message in bersih.periksa_sumber(source)}
    (tmp_path / "gambar").mkdir()
    (tmp_path / "gambar" / "peta.svg").write_text(SVG_BAD["skrip.svg"], encoding="utf-8")
    (tmp_path / "gambar" / "foto.jpg").symlink_to("/etc/hostname")
    printed |= {message for _, message in bersih.berkas_tidak_aman(tmp_path)}
    for line in quoted:
        assert re.match(r"content/\S+:\d+: ", line), line
        assert line.split(": ", 1)[1] in printed, line
    for tag in bersih.TAGS - {f"h{n}" for n in range(2, 6)}:
        assert f"`{tag}`" in section, tag


def test_search_excerpts_show_encoded_markup_as_text(site, tmp_path):
    import time

    import gates

    gates.require("chromium", "chromedriver")
    path = site / "berita" / "bukittinggi" / "sosialisasi.md"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Paragraf kedua.", "Paragraf &lt;img src=x onerror=alert(1)&gt; kedua."), encoding="utf-8")
    out = tmp_path / "out"
    assert run_pelican(site, out).returncode == 0
    with gates.Browser(out) as browser:
        browser.open("cari/index.html?q=kedua")
        for _ in range(100):
            if browser.driver.execute_script("return document.querySelectorAll('#cari-hasil li').length"):
                break
            time.sleep(0.1)
        results = browser.driver.execute_script("return document.getElementById('cari-hasil').innerHTML")
        assert "&lt;img src=x" in results
        assert browser.driver.execute_script("return document.querySelectorAll('#cari-hasil img').length") == 0
