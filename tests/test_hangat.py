"""Warm rebuilds (content cache) give exactly the site a cold build gives.

A preview or CI rebuild after one edit reuses the last build's work (checks,
item pages, feeds, search bundles: bawaslu.tembolok); what readers get must be
the same bytes as a build from scratch of the edited content.
"""

import filecmp
import shutil

from conftest import CASE, NEWS, run_pelican, write

import gates


def build(content, out, cache, warm):
    extra = ["--cache-path", str(cache), "-e", "CACHE_CONTENT=true"]
    if warm:
        extra.append("LOAD_CONTENT_CACHE=true")
    return run_pelican(content, out, extra=extra)


def test_a_warm_rebuild_after_an_edit_equals_a_cold_build(tmp_path):
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    write(content, "putusan/agam/kedua.md", CASE.replace("001/Reg/TM", "002/Reg/TM")
          .replace("Dugaan Ketidaknetralan ASN di Agam", "Dugaan Kedua di Agam"))
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0

    # A case record moves from "diteruskan" to an update: its page, the region's
    # figures, the feeds and the data files all change; the other pages do not.
    edited = (content / "putusan/agam/asn.md")
    edited.write_text(edited.read_text().replace("Date: 2024-10-20", "Date: 2024-10-20\nModified: 2024-10-25")
                      .replace("diduga mengunggah", "terbukti mengunggah"), encoding="utf-8")
    result = build(content, out, cache, warm=True)
    assert result.returncode == 0, result.stderr
    assert "terbukti mengunggah" in (out / "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html").read_text()

    fresh = tmp_path / "fresh"
    assert run_pelican(content, fresh).returncode == 0
    assert gates.differences(out, fresh, ignore=("pagefind*",)) == []


def test_a_warm_rebuild_still_reports_a_new_content_error(tmp_path):
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0
    page = content / "berita/bukittinggi/sosialisasi.md"
    page.write_text(page.read_text().replace("Activity: sosialisasi", "Activity: rapat"), encoding="utf-8")
    result = build(content, out, cache, warm=True)
    assert result.returncode != 0
    assert "sosialisasi.md:4:" in result.stderr


def test_a_warm_rebuild_rewrites_a_page_deleted_from_the_output(tmp_path):
    content = tmp_path / "content"
    write(content, "putusan/agam/asn.md", CASE)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0
    page = out / "putusan/001-reg-tm-pb-kab-03-06-x-2024"
    kept = tmp_path / "kept.html"
    shutil.copy(page / "index.html", kept)
    shutil.rmtree(page)
    assert build(content, out, cache, warm=True).returncode == 0
    assert filecmp.cmp(page / "index.html", kept, shallow=False)
