"""`invoke bench`: the project's build against plain Pelican on one seeded corpus.

The two builds alternate, A B A B, over several pairs after a warm-up pair, so
that a machine that gets busier or quieter during the run affects both alike.
Each build runs in a fresh child process into an empty output folder; wall time
is measured around it; CPU (user + sys), sys and peak memory come from
``os.wait4``: the child's resource usage *including every descendant it
waited for* (the render workers of ``buletin_paralel``, Pagefind), and peak
memory is the largest resident set of that process tree (``ru_maxrss``, what
``/usr/bin/time -v`` reports); beside it, the peak of the tree's summed
proportional set size (PSS: shared copy-on-write pages counted once), sampled
every 0.2 s from ``/proc``. The figures are printed (per pair, then
medians); nothing is asserted (a benchmark, not a test). Then a warm rebuild:
a cold build that writes the content cache, one file edited, a build that
loads it.

    python bench/ukur.py --items 10000            # or: invoke bench --items 10000
    python bench/ukur.py --items 10000 --keep     # keep the corpus and outputs
    python bench/ukur.py --items 10000 --profil   # also profile one project build (cProfile)
    python bench/ukur.py --items 100000 --pasangan 1 --tanpa-pemanasan
    python bench/ukur.py --items 10000 --tanpa-cari   # also the project without search, A C B

Before each build the output folder of the build before is moved aside (into
``sampah/`` of the working folder, removed with it at the end) rather than removed,
and ``os.sync()`` flushes what the builds before it wrote, so that their writes are
not flushed during it (that this narrows the spread was not measured). Not removed:
this machine's ext4 disk has no journal, and ext4 without a journal skips every
inode freed in the last 60 s (360 s while its inode-table block is unwritten) when it
creates a file or folder, reading that inode's block each time (``recently_deleted``
in fs/ext4/ialloc.c). The 40,000 files and folders of a 10,000-item output, removed
just before a build, made each file the next build created cost up to ten times
more system time, and more for the build that creates more files (bench/PROFIL.md).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from korpus import tulis_korpus  # noqa: E402

PROJECT_CONF = "pelicanconf.py"
PLAIN_CONF = "bench/polos.py"
NO_SEARCH_CONF = "bench/tanpa_cari.py"
PROYEK = "proyek"
POLOS = "polos"


@dataclass
class Hasil:
    nama: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the build's process tree
    sys: float  # system seconds of the build's process tree
    rss_mb: float  # peak resident set size of the largest process in the tree
    pss_mb: float  # peak of the tree's summed PSS (sampled)
    halaman: int  # HTML pages written
    berkas: int  # all files written
    rc: int
    stderr: str = ""


def count_output(out: Path) -> tuple[int, int]:
    pages = files = 0
    for _, _, names in os.walk(out):
        files += len(names)
        pages += sum(1 for n in names if n.endswith(".html"))
    return pages, files


def tree_pss_kb(pid: int) -> int:
    """Summed PSS of ``pid`` and its descendants (KiB), 0 when it is gone."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


class Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, tree_pss_kb(self.pid))


def run_build(nama: str, content: Path, out: Path, conf: str, extra=(), profile: Path | None = None,
              env=None, fresh: bool = True) -> Hasil:
    """Run ``pelican CONTENT -s CONF -o OUT`` from the project root in a child process."""
    if fresh and out.exists():
        sampah = out.parent / "sampah"  # removed with the working folder, after every build
        sampah.mkdir(exist_ok=True)
        out.rename(sampah / f"{out.name}-{len(list(sampah.iterdir()))}")
    # The disk finishes writing (and discarding) what the builds before left behind
    # before the clock starts, rather than during this build.
    os.sync()
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "pelican", str(content), "-s", conf, "-o", str(out), *extra]
    environ = dict(os.environ, PYTHONHASHSEED="0", **(env or {}))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, env=environ)
        sampler = Sampler(child.pid)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    pages, files = count_output(out)
    # ru_maxrss is in KiB on Linux.
    return Hasil(nama, wall, usage.ru_utime + usage.ru_stime, usage.ru_stime, usage.ru_maxrss / 1024,
                 sampler.peak / 1024, pages, files, child.returncode, stderr)


def edit_one_file(content: Path) -> Path:
    """Append a sentence to one news item, as staff correcting a typo would."""
    path = min((content / "berita").rglob("*.md"))
    with path.open("a", encoding="utf-8") as f:
        f.write("\nParagraf tambahan setelah penyuntingan.\n")
    return path


HEADER = (f"{'build':<34} {'wall s':>8} {'CPU s':>8} {'sys s':>7} {'ms/item':>8} {'RSS MB':>7} {'PSS MB':>7} "
          f"{'halaman':>8} {'berkas':>8} status")


def row(h: Hasil, items: int) -> str:
    ms = 1000 * h.wall / items if items else 0.0
    return (f"{h.nama:<34} {h.wall:8.2f} {h.cpu:8.2f} {h.sys:7.2f} {ms:8.2f} {h.rss_mb:7.0f} {h.pss_mb:7.0f} "
            f"{h.halaman:8d} {h.berkas:8d} {'ok' if h.rc == 0 else 'GAGAL ' + str(h.rc)}")


def ratios(a: Hasil, b: Hasil) -> dict[str, float]:
    """Project over plain, per measure."""
    return {"wall": a.wall / b.wall, "CPU": a.cpu / b.cpu, "sys": a.sys / max(b.sys, 1e-9),
            "RSS": a.rss_mb / b.rss_mb, "PSS": a.pss_mb / max(b.pss_mb, 1e-9)}


def print_ratios(label: str, pairs: list[tuple[Hasil, Hasil]], keys) -> None:
    """The median over the pairs of each ratio, and each pair's."""
    per_pair = [ratios(a, b) for a, b in pairs]
    for key in keys:
        values = [r[key] for r in per_pair]
        print(f"rasio {label} {key}: median {statistics.median(values):.2f} "
              f"(pasangan: {', '.join(f'{v:.2f}' for v in values)})")


def median_row(nama: str, rows: list[Hasil], items: int) -> str:
    med = Hasil(nama, *(statistics.median(getattr(h, f) for h in rows)
                        for f in ("wall", "cpu", "sys", "rss_mb", "pss_mb")),
                rows[0].halaman, rows[0].berkas, max(h.rc for h in rows))
    return row(med, items)


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"beban mesin (load average 1/5 min): {one:.2f} / {five:.2f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--pasangan", type=int, default=3, help="pairs A B (default 3)")
    parser.add_argument("--tanpa-pemanasan", action="store_true", help="no warm-up pair")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--dir", type=Path, help="working folder (default: a new temporary one)")
    parser.add_argument("--profil", action="store_true",
                        help="profile the project's cold build with cProfile (slower)")
    parser.add_argument("--tanpa-polos", action="store_true", help="skip the plain-Pelican builds")
    parser.add_argument("--tanpa-cari", action="store_true",
                        help="in each pair, also build the project without the search index")
    args = parser.parse_args(argv)

    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-"))
    if work.exists() and args.dir:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    cache = work / "cache"
    n = args.items
    try:
        start = time.perf_counter()
        counts = tulis_korpus(content, n, args.seed)
        print(f"Korpus: {n} item ({counts['berita']} berita, {counts['putusan']} putusan) "
              f"di {content} dalam {time.perf_counter() - start:.1f} s; seed {args.seed}")
        print(load(), flush=True)

        def proyek(nama):
            return run_build(nama, content, work / "out-proyek", PROJECT_CONF)

        def polos(nama):
            return run_build(nama, content, work / "out-polos", PLAIN_CONF)

        def tanpa_cari(nama):
            return run_build(nama, content, work / "out-tanpa-cari", NO_SEARCH_CONF)

        failed: list[Hasil] = []
        if not args.tanpa_pemanasan:
            failed += [h for h in (proyek("pemanasan proyek"),
                                   None if args.tanpa_polos else polos("pemanasan polos"))
                       if h is not None and h.rc != 0]
        pairs: list[tuple[Hasil, Hasil | None]] = []
        no_search: list[Hasil] = []
        print()
        print(HEADER)
        for i in range(1, args.pasangan + 1):
            a = proyek(f"{PROYEK}, dingin, pasangan {i}")
            print(row(a, n), flush=True)
            if args.tanpa_cari:
                no_search.append(tanpa_cari(f"tanpa cari, dingin, pasangan {i}"))
                print(row(no_search[-1], n), flush=True)
            b = None
            if not args.tanpa_polos:
                b = polos(f"{POLOS}, dingin, pasangan {i}")
                print(row(b, n), flush=True)
                r = ratios(a, b)
                print(f"  rasio proyek/polos pasangan {i}: " +
                      ", ".join(f"{v:.2f} {k}" for k, v in r.items()), flush=True)
            pairs.append((a, b))
        failed += [h for pair in pairs for h in pair if h is not None and h.rc != 0]
        failed += [h for h in no_search if h.rc != 0]

        print()
        print("median")
        print(HEADER)
        print(median_row(f"{PROYEK}, dingin", [a for a, _ in pairs], n))
        if not args.tanpa_polos:
            print(median_row(f"{POLOS}, dingin", [b for _, b in pairs], n))
            print_ratios("proyek/polos", pairs, ("wall", "CPU", "sys", "RSS", "PSS"))
        if no_search:
            print(median_row("tanpa cari, dingin", no_search, n))
        if no_search and not args.tanpa_polos:
            print_ratios("tanpa-cari/polos", [(c, b) for c, (_, b) in zip(no_search, pairs)], ("wall", "CPU"))

        # Warm rebuild: a cold build that writes the content cache, one edit, a warm build.
        cache_opts = ["--cache-path", str(cache), "-e", "CACHE_CONTENT=true"]
        shutil.rmtree(cache, ignore_errors=True)
        cold = run_build(f"{PROYEK}, dingin + tembolok", content, work / "out-proyek", PROJECT_CONF,
                         cache_opts, profile=(work / "proyek.prof") if args.profil else None)
        edited = edit_one_file(content)
        warm = run_build(f"{PROYEK}, hangat (1 berkas diubah)", content, work / "out-proyek",
                         PROJECT_CONF, cache_opts + ["LOAD_CONTENT_CACHE=true"], fresh=False)
        failed += [h for h in (cold, warm) if h.rc != 0]
        print()
        print(HEADER)
        print(row(cold, n))
        print(row(warm, n))
        print(f"rasio hangat/dingin (proyek): {warm.wall / cold.wall:.2f} wall, "
              f"{warm.cpu / cold.cpu:.2f} CPU (berkas diubah: {edited.relative_to(content)})")
        print(load())
        if args.profil:
            print(f"profil: {work / 'proyek.prof'} (python -m pstats)")
        for h in failed:
            print(f"\n{h.nama} gagal (kode {h.rc}):\n{h.stderr[-3000:]}", file=sys.stderr)
        return 1 if failed else 0
    finally:
        if args.keep or args.profil:
            print(f"folder kerja disimpan: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
