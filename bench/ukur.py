"""`invoke bench`: build one synthetic corpus with the project and with plain Pelican.

Each build runs in its own child process; wall time is measured around it and
peak memory is the child's own maximum resident set size (``os.wait4``). The
figures are printed as a table; nothing is asserted (a benchmark, not a test).

    python bench/ukur.py --items 10000            # or: invoke bench --items 10000
    python bench/ukur.py --items 10000 --keep     # keep the corpus and outputs
    python bench/ukur.py --items 10000 --profil   # also profile the project build (cProfile)
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from korpus import tulis_korpus  # noqa: E402

PROJECT_CONF = "pelicanconf.py"
PLAIN_CONF = "bench/polos.py"


@dataclass
class Hasil:
    nama: str
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process (steadier than wall on a busy machine)
    rss_mb: float  # peak resident set size of the build process
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


def run_build(nama: str, content: Path, out: Path, conf: str, extra=(), profile: Path | None = None,
              env=None) -> Hasil:
    """Run ``pelican CONTENT -s CONF -o OUT`` from the project root in a child process."""
    cmd = [sys.executable]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "pelican", str(content), "-s", conf, "-o", str(out), *extra]
    environ = dict(os.environ, PYTHONHASHSEED="0", **(env or {}))
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=err, env=environ)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    pages, files = count_output(out)
    # ru_maxrss is in KiB on Linux.
    cpu = usage.ru_utime + usage.ru_stime
    return Hasil(nama, wall, cpu, usage.ru_maxrss / 1024, pages, files, child.returncode, stderr)


def edit_one_file(content: Path) -> Path:
    """Append a sentence to one news item, as staff correcting a typo would."""
    path = min((content / "berita").rglob("*.md"))
    with path.open("a", encoding="utf-8") as f:
        f.write("\nParagraf tambahan setelah penyuntingan.\n")
    return path


def row(h: Hasil, items: int) -> str:
    pps = h.halaman / h.wall if h.wall else 0.0
    ms = 1000 * h.wall / items if items else 0.0
    return (f"{h.nama:<34} {h.wall:8.2f} {h.cpu:8.2f} {pps:10.0f} {ms:9.2f} {h.rss_mb:9.0f} "
            f"{h.halaman:8d} {h.berkas:8d} {'ok' if h.rc == 0 else 'GAGAL ' + str(h.rc)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--dir", type=Path, help="working folder (default: a new temporary one)")
    parser.add_argument("--profil", action="store_true",
                        help="profile the project's cold build with cProfile (slower)")
    parser.add_argument("--tanpa-polos", action="store_true", help="skip the plain-Pelican build")
    args = parser.parse_args(argv)

    work = args.dir or Path(tempfile.mkdtemp(prefix="bench-"))
    if work.exists() and args.dir:
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    content = work / "content"
    cache = work / "cache"
    try:
        start = time.perf_counter()
        counts = tulis_korpus(content, args.items, args.seed)
        print(f"Korpus: {args.items} item ({counts['berita']} berita, {counts['putusan']} putusan) "
              f"di {content} dalam {time.perf_counter() - start:.1f} s; seed {args.seed}")
        # Content cache (Pelican's own): the cold build writes it, the warm build loads it.
        cache_opts = ["--cache-path", str(cache), "-e", "CACHE_CONTENT=true"]
        results: list[Hasil] = []
        if not args.tanpa_polos:
            results.append(run_build("pelican polos, dingin", content, work / "out-polos", PLAIN_CONF))
        results.append(run_build(
            "proyek, dingin", content, work / "out-proyek", PROJECT_CONF, cache_opts,
            profile=(work / "proyek.prof") if args.profil else None))
        cold = results[-1]
        edited = edit_one_file(content)
        results.append(run_build(
            "proyek, hangat (1 berkas diubah)", content, work / "out-proyek", PROJECT_CONF,
            cache_opts + ["LOAD_CONTENT_CACHE=true"]))
        warm = results[-1]

        print()
        print(f"{'build':<34} {'wall s':>8} {'CPU s':>8} {'halaman/s':>10} {'ms/item':>9} {'RSS MB':>9} "
              f"{'halaman':>8} {'berkas':>8} status")
        for h in results:
            print(row(h, args.items))
        print()
        if not args.tanpa_polos:
            plain = results[0]
            print(f"rasio proyek/polos (dingin): {cold.wall / plain.wall:.2f} wall, "
                  f"{cold.cpu / plain.cpu:.2f} CPU")
        print(f"rasio hangat/dingin (proyek): {warm.wall / cold.wall:.2f} wall, "
              f"{warm.cpu / cold.cpu:.2f} CPU (berkas diubah: "
              f"{edited.relative_to(content)})")
        if args.profil:
            print(f"profil: {work / 'proyek.prof'} (python -m pstats)")
        failed = [h for h in results if h.rc != 0]
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
