"""`invoke bench` works: a small run prints the figures and both builds write pages.

Not a timed test: it proves the benchmark runs, the figures come from
bench/ukur.py at any size (README: `invoke bench --items 10000`).
"""

import re
import subprocess
import sys

from conftest import ROOT, run_pelican

sys.path.insert(0, str(ROOT / "bench"))

from korpus import kabupaten_kota, tulis_korpus  # noqa: E402


def figures(line: str) -> tuple[float, float, float, float, float, int]:
    wall, cpu, sys_s, _ms, rss, pss, pages = line[34:].split()[:7]
    return float(wall), float(cpu), float(sys_s), float(rss), float(pss), int(pages)


def test_bench_alternates_the_builds_and_prints_medians_and_ratios(tmp_path):
    work = tmp_path / "kerja"
    result = subprocess.run(
        [sys.executable, "bench/ukur.py", "--items", "30", "--pasangan", "2", "--keep",
         "--dir", str(work)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    lines = out.splitlines()
    assert "30 item (18 berita, 12 putusan)" in out
    # A B A B: project then plain in each pair, every build with its own figures.
    builds = [line for line in lines if ", dingin, pasangan " in line]
    assert [line.split(",")[0] + line[:34].split("pasangan")[1].strip() for line in builds] == [
        "proyek1", "polos1", "proyek2", "polos2"]
    for line in builds:
        wall, cpu, sys_s, rss, pss, pages = figures(line)
        assert wall > 0 and cpu > 0 and 0 <= sys_s <= cpu and rss > 0 and pss > 0 and pages > 30, line
    assert len([line for line in lines if line.startswith("  rasio proyek/polos pasangan")]) == 2
    for key in ("wall", "CPU", "sys", "RSS", "PSS"):
        assert re.search(rf"^rasio proyek/polos {key}: median \d+\.\d\d \(pasangan: \d+\.\d\d, \d+\.\d\d\)$",
                         out, re.M), key
    medians = [line for line in lines if line.startswith(("proyek, dingin  ", "polos, dingin  "))]
    assert len(medians) == 2
    assert re.search(r"^proyek, hangat \(1 berkas diubah\)", out, re.M)
    assert re.search(r"rasio hangat/dingin \(proyek\): \d+\.\d\d wall", out)
    assert "load average" in out
    # Both builds really wrote the items' pages.
    assert len(list((work / "out-polos").glob("*.html"))) > 30
    assert len(list((work / "out-proyek" / "putusan").glob("*/index.html"))) == 12
    assert len(list((work / "out-proyek" / "berita").glob("*/*/*/index.html"))) == 18


def test_bench_without_search_builds_the_project_a_third_time_without_an_index(tmp_path):
    work = tmp_path / "kerja"
    result = subprocess.run(
        [sys.executable, "bench/ukur.py", "--items", "30", "--pasangan", "1", "--tanpa-pemanasan",
         "--tanpa-cari", "--keep", "--dir", str(work)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    builds = [line[:34].strip() for line in out.splitlines() if ", dingin, pasangan " in line]
    assert builds == ["proyek, dingin, pasangan 1", "tanpa cari, dingin, pasangan 1",
                      "polos, dingin, pasangan 1"]
    for key in ("wall", "CPU"):
        assert re.search(rf"^rasio tanpa-cari/polos {key}: median \d+\.\d\d \(pasangan: \d+\.\d\d\)$",
                         out, re.M), key
    # The same pages, and no search index behind them.
    assert (work / "out-proyek" / "pagefind" / "pagefind-entry.json").is_file()
    assert not list((work / "out-tanpa-cari").glob("pagefind*"))
    assert len(list((work / "out-tanpa-cari" / "putusan").glob("*/index.html"))) == 12


def test_corpus_is_seeded_valid_and_covers_every_region(tmp_path):
    regions = kabupaten_kota()
    assert len(regions) == 514
    n = 600
    tulis_korpus(tmp_path / "a", n, seed=3)
    tulis_korpus(tmp_path / "b", n, seed=3)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    assert files_a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.md"))
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)
    # Every kabupaten/kota has an item; the content checks (anonymity included) pass.
    by_name = {r["nama"]: r["kode"] for r in regions}
    used = {by_name.get(value, value)
            for f in files_a if f.parts[0] in ("berita", "putusan")
            for line in (tmp_path / "a" / f).read_text(encoding="utf-8").splitlines()
            if line.startswith("Region: ") for value in [line.split(": ", 1)[1]]}
    assert used == {r["kode"] for r in regions}
    result = run_pelican(tmp_path / "a", tmp_path / "out")
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(list((tmp_path / "out" / "putusan").glob("*/index.html"))) == 240


def test_warm_rebuild_from_cache_shows_the_edit(site, tmp_path):
    """The content cache (`invoke serve`, bench) must never serve a stale page."""
    cache = ["--cache-path", str(tmp_path / "cache"), "-e", "CACHE_CONTENT=true"]
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pelican", str(site), "-s", "pelicanconf.py", "-o", str(out)]
    cold = subprocess.run(cmd + cache, cwd=ROOT, capture_output=True, text=True, check=False)
    assert cold.returncode == 0, cold.stderr
    assert "cannot pickle" not in cold.stdout + cold.stderr
    assert any((tmp_path / "cache").iterdir())
    news = site / "berita/bukittinggi/sosialisasi.md"
    news.write_text(news.read_text(encoding="utf-8").replace(
        "Paragraf kedua.", "Paragraf kedua yang sudah diperbaiki."), encoding="utf-8")
    warm = subprocess.run(cmd + cache + ["LOAD_CONTENT_CACHE=true"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert warm.returncode == 0, warm.stderr
    page = next((out / "berita").glob("*/*/*/index.html")).read_text(encoding="utf-8")
    assert "Paragraf kedua yang sudah diperbaiki." in page
    case = next((out / "putusan").glob("*/index.html")).read_text(encoding="utf-8")
    assert "berinisial RH" in case


def test_the_reading_bench_prints_each_step_per_file(tmp_path):
    """bench/baca.py: CPU per file of each reading step (bench/PROFIL.md), on a corpus."""
    content = tmp_path / "content"
    tulis_korpus(content, 40, 8)
    result = subprocess.run([sys.executable, "bench/baca.py", str(content), "--setiap", "2"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("21 berkas dari ")  # 40 items and one standing page, every 2nd
    steps = {line[:34].strip(): float(line[34:].split()[0]) for line in lines[1:]}
    assert set(steps) == {"decode", "pisah (header)", "Pembaca (fields)", "penjaga (guard)",
                          "_item (Markdown, nh3, summary)", "(Markdown of the body alone)", "jumlah",
                          "(pickle, in a reading worker)", "(unpickle, in the main process)"}
    assert steps["_item (Markdown, nh3, summary)"] > 0
    # Only the reading steps add up to the total; the figures in parentheses are apart.
    assert abs(steps["jumlah"] - sum(v for k, v in steps.items() if k != "jumlah" and not k.startswith("("))) < 0.05
