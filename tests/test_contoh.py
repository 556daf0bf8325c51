"""The sample content (content/) is what issue 2 asks for, and every item has its page.

These tests read the sample the same way the build does (bawaslu.konten), so the
figures are computed, never written down here.
"""

import html
from collections import Counter

import pytest

from bawaslu import konten
from bawaslu import kosakata as kk
from conftest import CONTENT


@pytest.fixture(scope="module")
def fields():
    assert konten.check_folder(CONTENT) == []
    ctx = konten.konteks(CONTENT)
    items = [konten.baca_berkas(CONTENT, rel, rel, ctx) for rel in konten.content_files(CONTENT)]
    return [item for item in items if item.jenis != "halaman"]


def test_sample_has_enough_items_regions_and_provinces(fields):
    kinds = Counter(f.jenis for f in fields)
    assert kinds["berita"] >= 12 and kinds["putusan"] >= 15
    regions = {f.wilayah for f in fields}
    assert len([w for w in regions if not w.is_nasional]) >= 6
    assert any(w.is_nasional for w in regions)
    provinces = {w.kode.split(".")[0] for w in regions if not w.is_nasional}
    assert len(provinces) >= 2


@pytest.mark.parametrize("key, values", [
    ("activity", kk.ACTIVITY), ("source", kk.SOURCE), ("violation", kk.VIOLATION),
    ("subject", kk.SUBJECT), ("outcome", kk.OUTCOME),
])
def test_sample_covers_every_value(fields, key, values):
    used = {getattr(f, key) for f in fields}
    assert set(values) - used == set()


def test_sample_covers_every_forwarding_institution(fields):
    used = {v for f in fields for v in f.forwarded_to}
    assert set(kk.FORWARDED_TO) - used == set()


def test_standing_pages_exist(situs):
    for slug, title in [("tentang", "Tentang"), ("metodologi", "Metodologi"),
                        ("kebijakan-anonimisasi", "Kebijakan Anonimisasi")]:
        page = (situs / slug / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{title}" in page


def test_every_sample_item_has_its_page_with_its_metadata(situs, fields):
    for f in fields:
        page = situs / f.url / "index.html"
        assert page.is_file(), f.url
        text = html.unescape(page.read_text(encoding="utf-8"))
        assert f.wilayah.kantor in text
        if f.jenis == "putusan":
            assert f.register in text.replace("<wbr>", "")  # registers wrap at "/"
            assert kk.label(f.outcome, "outcome") in text
            assert kk.label(f.violation, "violation") in text
        else:
            assert kk.label(f.activity, "activity") in text
