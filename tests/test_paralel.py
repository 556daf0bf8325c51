"""Item pages rendered in worker processes (buletin_paralel) give the site one process gives.

Readers must get the same bytes whatever the machine's cores; the search index
and the sitemap must still list every page.
"""

import json
import os
import shutil
import sys

import pytest
from conftest import ROOT, run_pelican
from hypothesis import given, settings
from hypothesis import strategies as st

import gates

sys.path.insert(0, str(ROOT / "bench"))

import buletin_paralel  # noqa: E402
from bawaslu import proses  # noqa: E402
from korpus import tulis_korpus  # noqa: E402

ITEMS = 3 * buletin_paralel.BLOK + 7  # four blocks: every worker gets a share


def build(content, out, workers, conf="publishconf.py"):
    result = run_pelican(content, out, conf=conf,
                         extra=["--verbose", "-e", f"BULETIN_PEKERJA={workers}", "CARI_PER_BUNDEL=40"],
                         env={**os.environ, "SITEURL": "https://contoh.bawaslu-fiktif.id/buletin", "COLUMNS": "400"})
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def korpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("korpus") / "content"
    tulis_korpus(root, ITEMS, seed=16)
    return root


def indexed_pages(out):
    return sum(json.loads((folder / "pagefind-entry.json").read_text())["languages"]["id"]["page_count"]
               for folder in out.glob("pagefind*"))


def test_a_parallel_build_equals_a_one_process_build(korpus, tmp_path):
    one, many = tmp_path / "satu", tmp_path / "banyak"
    build(korpus, one, 1)
    result = build(korpus, many, 3)
    assert f"{ITEMS} berkas konten dibaca oleh 2 proses" in result.stdout + result.stderr
    assert f"{ITEMS} halaman item ditulis oleh 3 proses" in result.stdout + result.stderr
    assert gates.differences(one, many, ignore=gates.varying_output()) == []
    item_pages = list((many / "berita").glob("*/*/*/index.html")) + list((many / "putusan").glob("*/index.html"))
    assert len(item_pages) == ITEMS
    # Search (bundles of 40 pages, indexed while the workers render) and the sitemap
    # (content_written) got every item page.
    assert len(list(many.glob("pagefind*"))) == -(-ITEMS // 40)
    assert indexed_pages(many) == indexed_pages(one) == ITEMS
    sitemap = (many / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"/{p.parent.relative_to(many)}/</loc>" in sitemap for p in item_pages)


def test_files_read_in_workers_report_the_problems_one_process_reports(korpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(korpus, content)
    news = sorted((content / "berita").rglob("*.md"))
    cases = sorted((content / "putusan").rglob("*.md"))
    news[3].write_text(news[3].read_text(encoding="utf-8").replace("Date:", "Tanggal:", 1), encoding="utf-8")
    cases[-1].write_text(cases[-1].read_text(encoding="utf-8") + "\nNIK pelapor 3174052301900007.\n",
                         encoding="utf-8")
    shutil.copy(cases[0], cases[0].with_name("salinan-" + cases[0].name))  # same Register twice

    def problems(workers):
        result = run_pelican(content, tmp_path / f"out{workers}",
                             extra=["--verbose", "-e", f"BULETIN_PEKERJA={workers}"],
                             env={**os.environ, "COLUMNS": "400"})
        assert result.returncode == 1
        assert ("berkas konten dibaca oleh 2 proses" in result.stdout + result.stderr) == (workers == 2)
        return [line for line in result.stderr.splitlines() if ".md:" in line]

    one = problems(1)
    assert len(one) >= 3 and problems(2) == one
    assert not (tmp_path / "out2" / "index.html").exists()


def test_a_warm_rebuild_reads_only_what_the_cache_does_not_hold(korpus, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(korpus, content)
    cache = ["--cache-path", str(tmp_path / "cache"), "-e", "CACHE_CONTENT=true", "BULETIN_PEKERJA=2"]

    def log(*extra):
        result = run_pelican(content, tmp_path / "out", extra=["--verbose", *cache, *extra],
                             env={**os.environ, "COLUMNS": "400"})
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout + result.stderr

    assert f"{ITEMS} berkas konten dibaca oleh 2 proses" in log()
    edited = sorted((content / "berita").rglob("*.md"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nParagraf tambahan.\n", encoding="utf-8")
    assert "berkas konten dibaca oleh" not in log("LOAD_CONTENT_CACHE=true")


def test_one_worker_does_not_fork_and_the_default_is_the_cores():
    assert proses.pekerja({"BULETIN_PEKERJA": 1}) == 1
    assert proses.pekerja({}) == (os.cpu_count() or 1)
    assert proses.pekerja({"BULETIN_PEKERJA": 0}) == 1


class Halaman:
    """A page that writes its name into its file, and fails when asked to."""

    def __init__(self, folder, i, fail=False):
        self.name = f"d{i % 7}/{i}.html"
        self.path = str(folder / self.name)
        self.i, self.fail = i, fail

    def tulis(self):
        if self.fail:
            raise ValueError(f"halaman {self.i} rusak")
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(str(self.i))


@settings(max_examples=25, deadline=None)
@given(n_pages=st.integers(1, 4 * buletin_paralel.BLOK + 3), workers=st.integers(1, 5))
def test_every_page_is_written_once_and_progress_only_counts_pages_on_disk(tmp_path_factory, n_pages,
                                                                          workers):
    folder = tmp_path_factory.mktemp("paralel")
    pages = [Halaman(folder, i) for i in range(n_pages)]
    seen = []

    def on_progress(written):
        # Every page before ``written`` is on disk when the parent is told.
        assert all(os.path.isfile(p.path) for p in pages[:written])
        seen.append(written)

    buletin_paralel.render_parallel(pages, workers, on_progress)
    assert seen == sorted(seen) and seen[-1] == n_pages
    assert [open(p.path).read() for p in pages] == [str(i) for i in range(n_pages)]


def test_a_failing_page_fails_the_build_with_its_error(tmp_path):
    pages = [Halaman(tmp_path, i, fail=(i == 60)) for i in range(120)]
    with pytest.raises(RuntimeError, match=r"d4/60\.html: (.|\n)*halaman 60 rusak"):
        buletin_paralel.render_parallel(pages, 2, lambda written: None)


def test_the_plugin_refuses_another_pelican_version(monkeypatch):
    import importlib

    import pelican

    monkeypatch.setattr(pelican, "__version__", "4.13.0")
    monkeypatch.delitem(sys.modules, "buletin_paralel")
    with pytest.raises(ImportError, match="buletin_paralel ditulis untuk Pelican 4.12.0"):
        importlib.import_module("buletin_paralel")
    monkeypatch.undo()
    importlib.import_module("buletin_paralel")


def test_background_work_writes_its_files_before_finalized_and_a_failure_fails(tmp_path, monkeypatch):
    """di_latar (the feeds): a forked child whose files are on disk once tunggu_latar
    returns (finalized waits for it); a child that fails fails the build; with one worker
    the work runs in this process."""
    monkeypatch.setattr(proses, "menunggu", True)
    target = tmp_path / "umpan.xml"
    proses.di_latar(lambda: target.write_text("ok"), {"BULETIN_PEKERJA": 2}, "uji")
    assert proses._latar  # a child was forked
    proses.tunggu_latar()
    assert target.read_text() == "ok" and not proses._latar

    def fails():
        raise OSError("disk penuh")

    proses.di_latar(fails, {"BULETIN_PEKERJA": 2}, "umpan berita")
    with pytest.raises(RuntimeError, match="umpan berita"):
        proses.tunggu_latar()

    pid = os.getpid()
    seen = []
    proses.di_latar(lambda: seen.append(os.getpid()), {"BULETIN_PEKERJA": 1}, "uji")
    assert seen == [pid] and not proses._latar
