"""Warm rebuilds (content cache) give exactly the site a cold build gives.

A preview or CI rebuild after one edit reuses the last build's work (checks,
item pages, feeds, search bundles: bawaslu.tembolok); what readers get must be
the same bytes as a build from scratch of the edited content.
"""

import filecmp
import os
import shutil
import subprocess
import sys

from conftest import CASE, NEWS, ROOT, run_pelican, write

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
    assert gates.differences(out, fresh, ignore=gates.varying_output()) == []


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


def test_list_pages_are_reused_after_a_body_edit_and_rendered_again_after_a_title_edit(tmp_path):
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0

    def warm_equals_cold(**kwargs):
        result = run_pelican(content, out, extra=["--verbose", "--cache-path", str(cache), "-e", "CACHE_CONTENT=true",
                                                  "LOAD_CONTENT_CACHE=true"], env={**os.environ, "COLUMNS": "400"})
        assert result.returncode == 0, result.stderr
        fresh = tmp_path / "fresh"
        shutil.rmtree(fresh, ignore_errors=True)
        assert run_pelican(content, fresh).returncode == 0
        assert gates.differences(out, fresh, ignore=gates.varying_output()) == []
        return result.stdout + result.stderr

    # A sentence added at the end of a body: its item page changes, no list, tag or
    # region page does; one of them deleted from the output is written again.
    news = content / "berita/bukittinggi/sosialisasi.md"
    news.write_text(news.read_text(encoding="utf-8") + "\nKalimat tambahan di akhir berita.\n", encoding="utf-8")
    tag_pages = sorted((out / "topik").glob("*/index.html"))
    assert tag_pages
    tag_pages[0].unlink()
    log = warm_equals_cold()
    assert "halaman daftar tidak berubah sejak build terakhir" in log
    assert tag_pages[0].is_file()
    assert any("Kalimat tambahan di akhir berita." in page.read_text(encoding="utf-8")
               for page in (out / "berita").rglob("index.html"))

    # A new first paragraph (the summary) shows in the lists, the region pages and the
    # home page: all rendered again.
    news.write_text(news.read_text(encoding="utf-8").replace("sosialisasi fiktif.", "sosialisasi kedua."),
                    encoding="utf-8")
    log = warm_equals_cold()
    assert "halaman daftar tidak berubah" not in log
    assert "sosialisasi kedua." in (out / "index.html").read_text(encoding="utf-8")


NEWS_WITH_HEADING = NEWS.replace("Paragraf kedua.", "## Pokok bahasan\n\nParagraf kedua.")


def conf_with(tmp_path, name: str, extra: str) -> str:
    """A settings file: the project's pelicanconf.py plus ``extra`` lines."""
    path = tmp_path / name
    path.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
                    + extra, encoding="utf-8")
    return str(path)


def test_a_warm_rebuild_after_a_markdown_settings_change_equals_a_cold_build(tmp_path):
    """Pelican's reader cache keys only on the file: without the project's cache key a
    warm build keeps every item's HTML from before the change."""
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS_WITH_HEADING)
    write(content, "putusan/agam/asn.md", CASE.replace("Terlapor,", "Baris pertama\nTerlapor,"))
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0
    page = out / "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html"
    assert "Baris pertama<br>" not in page.read_text(encoding="utf-8")

    toc = conf_with(tmp_path, "nl2br.py", 'MARKDOWN = {**MARKDOWN, "extension_configs": {\n'
                    '    **MARKDOWN["extension_configs"], "markdown.extensions.nl2br": {}}}\n')
    extra = ["--cache-path", str(cache), "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
    warm = run_pelican(content, out, conf=toc, extra=extra)
    assert warm.returncode == 0, warm.stderr
    assert "Baris pertama<br>" in page.read_text(encoding="utf-8")

    fresh = tmp_path / "fresh"
    assert run_pelican(content, fresh, conf=toc).returncode == 0
    assert gates.differences(out, fresh, ignore=gates.varying_output()) == []


def test_the_cache_key_follows_what_npm_installed(tmp_path, monkeypatch):
    # Pagefind's binary comes from npm (node_modules) and writes the search index: another
    # version must not reuse bundles indexed by the old one.
    from bawaslu import tembolok
    from pelican.settings import read_settings

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    lock = tmp_path / ".package-lock.json"

    def key(text):
        lock.write_text(text, encoding="utf-8")
        monkeypatch.setattr(tembolok, "NPM", lock)
        tembolok._paket.cache_clear()
        return tembolok.kunci(settings)

    try:
        assert key('{"node_modules/pagefind": {"version": "1.6.0"}}') == \
            key('{"node_modules/pagefind": {"version": "1.6.0"}}')
        assert key('{"node_modules/pagefind": {"version": "1.6.0"}}') != \
            key('{"node_modules/pagefind": {"version": "1.6.1"}}')
    finally:
        monkeypatch.undo()
        tembolok._paket.cache_clear()


def test_the_cache_key_follows_settings_theme_files_and_nothing_else(tmp_path):
    from bawaslu import tembolok
    from pelican.settings import read_settings

    theme = tmp_path / "tema"
    shutil.copytree(ROOT / "theme", theme)
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"THEME": str(theme)})
    key = tembolok.kunci(settings)
    # Settings that only steer the build do not change the key...
    assert tembolok.kunci({**settings, "OUTPUT_PATH": "/elsewhere", "LOAD_CONTENT_CACHE": True,
                           "BULETIN_PEKERJA": 7}) == key
    # ...every other setting, and every file of the theme, does.
    assert tembolok.kunci({**settings, "DEFAULT_PAGINATION": 21}) != key
    assert tembolok.kunci({**settings, "JINJA_FILTERS": {**settings["JINJA_FILTERS"], "x": str}}) != key
    base = next(theme.rglob("base.html"))
    base.write_text(base.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert tembolok.kunci(settings) != key
    # The key is the same in another process (no addresses, no set order).
    code = ("import sys; sys.path.insert(0, 'plugins'); from bawaslu import tembolok; "
            "from pelican.settings import read_settings; "
            f"print(tembolok.kunci(read_settings('pelicanconf.py', override={{'THEME': {str(theme)!r}}})))")
    other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": "5"}, check=True)
    assert other.stdout.strip().splitlines()[-1] == tembolok.kunci(settings)


def test_the_printed_key_is_the_folder_the_build_caches_in(site, tmp_path):
    printed = subprocess.run([sys.executable, "-m", "bawaslu.tembolok", str(site), "-s", "pelicanconf.py"],
                             cwd=ROOT, capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")}).stdout.split()[-1]
    assert build(site, tmp_path / "out", tmp_path / "cache", warm=False).returncode == 0
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [printed]
    assert (tmp_path / "cache" / printed / "ArticlesGenerator").is_file()


def test_a_warm_published_build_equals_a_cold_one(site, tmp_path):
    """`invoke publish --cache DIR` (CI restores DIR with actions/cache) after one edit
    publishes exactly what a cold publish of the edited content publishes."""
    from bawaslu import terbit

    cache = tmp_path / "tembolok"
    terbit.terbitkan(site, output=tmp_path / "pertama", cache=cache)
    readers = list(cache.rglob("ArticlesGenerator"))
    assert len(readers) == 1
    before = readers[0].read_bytes()
    news = site / "berita/bukittinggi/sosialisasi.md"
    news.write_text(news.read_text(encoding="utf-8").replace("Paragraf kedua.", "Paragraf kedua, diperbaiki."),
                    encoding="utf-8")
    warm, cold = tmp_path / "hangat", tmp_path / "dingin"
    summary = terbit.terbitkan(site, output=warm, cache=cache)
    assert "lolos pemeriksaan" in summary
    assert readers[0].read_bytes() != before  # the warm build used and updated the same cache
    terbit.terbitkan(site, output=cold)
    assert "Paragraf kedua, diperbaiki." in next((warm / "berita").glob("*/*/*/index.html")).read_text()
    assert gates.differences(warm, cold, ignore=gates.varying_output()) == []


def test_the_pages_workflow_builds_warm_from_a_cache_keyed_by_the_build_key():
    import yaml

    wf = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["build"]["steps"]
    names = [s.get("uses", s.get("run", "")) for s in steps]
    key_step = next(s for s in steps if "bawaslu.tembolok" in s.get("run", ""))
    cache_step = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    publish_step = next(s for s in steps if "invoke publish" in s.get("run", ""))
    # The key is computed with the published settings, before the cache is restored,
    # and the build caches in the restored folder.
    assert "-s publishconf.py" in key_step["run"] and key_step["env"] == publish_step["env"]
    assert names.index(key_step["run"]) < names.index(cache_step["uses"]) < names.index(publish_step["run"])
    key = f"${{{{ steps.{key_step['id']}.outputs.kunci }}}}"
    assert cache_step["with"]["key"].startswith(f"buletin-{key}-")
    assert cache_step["with"]["restore-keys"].splitlines() == [f"buletin-{key}-"]
    assert f"--cache {cache_step['with']['path']}" in publish_step["run"]


def test_a_warm_rebuild_takes_unchanged_articles_whole_from_the_cache(tmp_path):
    """CONTENT_CACHING_LAYER = "generator": only the edited file is read again, and the
    cache holds the articles without the context of the build that saved them."""
    import pickle

    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert build(content, out, cache, warm=False).returncode == 0
    (saved,) = cache.rglob("ArticlesGenerator")
    entries = pickle.loads(saved.read_bytes())
    assert sorted(entries) == ["berita/bukittinggi/sosialisasi.md", "putusan/agam/asn.md"]
    for _, article in entries.values():
        assert article.item.title == article.title and article.item.sidik and article.item.lines
        assert "_context" not in vars(article) and "settings" not in vars(article)

    news = content / "berita/bukittinggi/sosialisasi.md"
    news.write_text(news.read_text().replace("Paragraf kedua.", "Paragraf kedua, diubah."), encoding="utf-8")
    result = run_pelican(content, out, extra=["--cache-path", str(cache), "-e", "CACHE_CONTENT=true",
                                              "LOAD_CONTENT_CACHE=true", "-D"],
                         env={**os.environ, "COLUMNS": "400"})  # one log record per line
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "sosialisasi.md -> Article" in log  # Pelican's "Read file ..." for the edited file
    assert "asn.md -> Article" not in log  # the unchanged one came from the cache
    assert "Paragraf kedua, diubah." in next((out / "berita").glob("*/*/*/index.html")).read_text()
    # The warm build saved the cache again (in a child process): it holds the new text.
    entries = pickle.loads(saved.read_bytes())
    assert "diubah" in entries["berita/bukittinggi/sosialisasi.md"][1].item.content
    assert not list(cache.rglob("*.baru"))


def test_a_command_line_build_ends_at_once_and_keeps_its_exit_status(tmp_path):
    """`pelican` ends once the site is written (no objects freed one by one): a good build
    exits 0 with its summary printed and every file written; a bad one still fails."""
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    out = tmp_path / "out"
    result = run_pelican(content, out, extra=["-D"], env={**os.environ, "COLUMNS": "400"})
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert "proses berakhir tanpa membebaskan objeknya" in log
    assert "Done: Processed 1 article" in log
    assert (out / "index.html").is_file() and (out / "feeds/index.opml").is_file()
    assert (out / "pagefind/pagefind-entry.json").is_file()  # the search index, written last
    bad = content / "berita/bukittinggi/sosialisasi.md"
    bad.write_text(bad.read_text().replace("Activity: sosialisasi", "Activity: rapat"), encoding="utf-8")
    failed = run_pelican(content, tmp_path / "out2")
    assert failed.returncode != 0
    assert "sosialisasi.md:4:" in failed.stderr
