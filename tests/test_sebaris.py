"""Markdown's inline pass skipped for plain text (bawaslu.sebaris), toc's table of
contents skipped for a body without its marker (bawaslu.daftarisi), and block
processors skipped for a block they cannot match (bawaslu.blok): the same HTML, faster.

The site's Markdown instance skips the inline patterns for a text none of them can
match, builds no table of contents where no ``[TOC]`` asks for one, and does not ask
a block processor about a block without the strings it needs. Staff and readers must not see any difference: every test here compares the
instance as the site uses it with a plain Python-Markdown instance of the same
settings, on random Markdown, on the sample content and on the constructs each
pattern handles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bawaslu import blok, daftarisi, sebaris, skema
from buletin_konten import BuletinReader, markdown_settings
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pair():
    """(the site's converter, a plain Markdown converter) for the project's settings."""
    conf = read_settings(str(ROOT / "pelicanconf.py"))
    reader = BuletinReader(conf)
    plain = Markdown(**markdown_settings(conf))

    def polos(text: str) -> str:
        plain.reset()
        return plain.convert(text)

    return reader.markdown, polos


def test_the_fast_inline_pass_is_installed_with_the_site_settings(pair):
    """If an upgrade of Python-Markdown changes its inline patterns, this fails: check
    that each of them still needs a character of sebaris.PEMICU, then update DIKENAL."""
    conf = read_settings(str(ROOT / "pelicanconf.py"))
    assert sebaris.pasang(Markdown(**markdown_settings(conf)))
    md = Markdown(**markdown_settings(conf))
    assert daftarisi.pasang(md) and not daftarisi.pasang(md)  # once per instance
    # If this fails after an upgrade: check each processor of blok.PERLU still needs
    # its strings to match, then update its regex there.
    assert blok.pasang(md) and not blok.pasang(md)


def test_another_block_extension_or_processor_leaves_markdown_as_it_is():
    md = Markdown(extensions=["markdown.extensions.tables"])  # no abbr, def_list, footnotes
    assert not blok.pasang(md)
    md = Markdown(extensions=["markdown.extensions.abbr", "markdown.extensions.def_list",
                              "markdown.extensions.footnotes", "markdown.extensions.tables"])
    md.parser.blockprocessors["quote"].RE = re.compile(r"(^|\n)[ ]{0,3}%[ ]?(.*)")
    assert not blok.pasang(md)  # a quotation written otherwise: its test stays as it is
    assert md.convert("% kutipan") == "<blockquote>\n<p>kutipan</p>\n</blockquote>"


def test_a_body_that_asks_for_a_table_of_contents_gets_it(pair):
    fast, plain = pair
    text = "[TOC]\n\n## Kronologi\n\nIsi.\n\n## Kesimpulan\n\nIsi lagi."
    assert fast(text) == plain(text)
    assert '<div class="toc">' in fast(text) and 'href="#kesimpulan"' in fast(text)
    assert '<div class="toc">' not in fast(text.replace("[TOC]", "[TOC] di tengah kalimat"))


def test_another_inline_extension_leaves_markdown_as_it_is():
    # smarty adds inline patterns ("--" becomes a dash) that need no PEMICU character.
    md = Markdown(extensions=["markdown.extensions.smarty", "markdown.extensions.toc"])
    assert not sebaris.pasang(md)
    assert md.convert("Rapat -- koordinasi \"pengawasan\"") == \
        "<p>Rapat &ndash; koordinasi &ldquo;pengawasan&rdquo;</p>"


CONSTRUCTS = [
    "Teks biasa tanpa apa pun.",
    "Baris pertama  \nbaris kedua setelah dua spasi.",
    "*miring* dan **tebal** dan _garis_ dan __dua__",
    "kode `a < b` dan \\*bukan miring\\*",
    ("[tautan](https://bawaslu.go.id) dan ![gambar](/gambar/a.png) dan [rujukan][1]\n\n"
     "[1]: https://example.org"),
    "<https://example.org> dan <warga@example.org>",
    "a &amp; b &#169; &copy; dan & sendiri",
    "Catatan kaki[^1].\n\n[^1]: Isi catatan.",
    "<span>html sebaris</span> dan <!-- komentar -->",
    "# Judul\n\n## Sub *judul*\n\nParagraf.",
    "Istilah\n: definisinya\n\n*[ASN]: Aparatur Sipil Negara\n\nASN netral.",
    "| a | b |\n|---|:-:|\n| 1 | *2* |",
    "```\nkode *tidak* diproses\n```\n\nlalu _ini_",
    "<div markdown=\"1\">*dalam* html</div>",
    "- satu\n- dua *tiga*\n\n1. empat\n2. lima",
    "> kutipan dengan [tautan](/a/)",
    "# Judul\n\n[TOC]\n\n## Judul\n\n### Judul",
    "- [TOC]\n\n> [TOC]\n\n    [TOC]\n\n## [TOC]\n\n\\[TOC\\] dan *[TOC]*",
    # Block constructs (bawaslu.blok): each with the strings its processor needs,
    # and next to a paragraph that has them but is none of them.
    "Judul\n=====\n\nSub\n---\n\nBaris\n- bukan judul",
    "Paragraf\n# judul di baris kedua\n\nharga #1 bukan judul",
    "Istilah\n:   definisi dengan tiga spasi\n\npukul 10: rapat, bukan definisi",
    "Paragraf\n> kutipan di baris kedua\n\na > b bukan kutipan",
    "a | b\n--|--\n1 | 2\n\nsatu | kolom saja\n\n| satu |\n| --- |\n| sel |\n\na|b\n-|-\n1|2",
    "Teks[^a] dan[^b].\n\n[^a]: Satu.\n[^b]: Dua.\n\nbukan [^c] definisi",
    "*[KPU]: Komisi Pemilihan Umum\n*[DKPP]: Dewan Kehormatan\n\nKPU dan DKPP, bukan *[x] singkatan",
    "[a]: /satu/\n[b]: /dua/ \"Judul\"\n\n[d]:/empat/\n\n[a], [b][] dan [d] serta [c]: bukan rujukan",
    "Paragraf\n\n    kode berindentasi\n\n* [^1]: bukan\n\n> # judul dalam kutipan\n> | a | b |",
]


@pytest.mark.parametrize("text", CONSTRUCTS)
def test_each_inline_construct_gives_the_same_html(pair, text):
    fast, plain = pair
    assert fast(text) == plain(text)


def test_the_sample_content_gives_the_same_html(pair):
    fast, plain = pair
    files = sorted((ROOT / "content").rglob("*.md"))
    assert len(files) > 20
    for path in files:
        body = skema.pisah(path.name, path.name, path.read_text(encoding="utf-8")).body
        assert fast(body) == plain(body), path


MARKUP = st.sampled_from(list("\\`[]()<>&*_!#:|-^~\"'=/;. \n\t") + ["  \n", "\n\n", "&amp;",
                         "**", "[^1]", "<b>", "</b>", "http://", "@", "```", "1. ", "- ",
                         "\n: ", "\n> ", "\n=", "\n---\n", "| ", "\n|--|--|\n", "[^1]: ", "*[ASN]: ",
                         "[1]: /a/", "    "])
WORDS = st.sampled_from(["Bawaslu", "pengawasan", "kecamatan", "ASN", "Pemilu", "2024", "é", "[TOC]",
                         "\n## Judul\n", "\n# Judul\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(MARKUP, WORDS, st.text(max_size=4)), max_size=60).map("".join))
def test_random_markdown_gives_the_same_html(pair, text):
    fast, plain = pair
    assert fast(text) == plain(text)
