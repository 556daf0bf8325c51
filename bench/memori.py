"""Where a build's memory goes: tracemalloc snapshots of one project build (bench/PROFIL.md).

Builds CONTENT with the project's settings in this process, one process
(``BULETIN_PEKERJA=1``), with tracemalloc on, and prints, after the content
is read and checked (``all_generators_finalized``: everything the pages need)
and at the end (``finalized``): traced memory, the peak, the process's RSS and
the largest allocation sites (file:line, one frame), so two runs (10,000 and
20,000 items) show what grows with the archive.

    python bench/korpus.py /tmp/m10k/content --items 10000
    python bench/memori.py /tmp/m10k/content --top 25
"""

from __future__ import annotations

import argparse
import linecache
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def vm(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, MB."""
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def types_table(top: int, n_items: int) -> None:
    """Live objects by type: count and shallow size (sys.getsizeof), largest first."""
    import gc

    count: dict[str, int] = {}
    size: dict[str, int] = {}
    for obj in gc.get_objects():
        name = type(obj).__qualname__
        count[name] = count.get(name, 0) + 1
        size[name] = size.get(name, 0) + sys.getsizeof(obj)
    # Strings and other atoms are not tracked by gc: reach them from the containers.
    print("\n| type (objects tracked by gc) | count | per item | MB (shallow) |\n|---|---|---|---|")
    for name in sorted(size, key=lambda k: -size[k])[:top]:
        print(f"| {name} | {count[name]} | {count[name] / max(n_items, 1):.1f} | {size[name] / 2**20:.1f} |")


def short(filename: str) -> str:
    for marker in ("site-packages/", "plugins/", "python3.11/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def report(name: str, snapshot: tracemalloc.Snapshot | None, top: int, n_items: int) -> None:
    if snapshot is None:
        print(f"\n## {name}: RSS {vm('VmRSS'):.0f} MB now, {vm('VmHWM'):.0f} MB peak so far "
              f"({vm('VmRSS') * 1024 / max(n_items, 1):.1f} KB per item now)")
        types_table(top, n_items)
        return
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    print(f"\n## {name}: traced {current / 2**20:.0f} MB (peak since the last stage "
          f"{peak / 2**20:.0f} MB), RSS {vm('VmRSS'):.0f} MB now, {vm('VmHWM'):.0f} MB peak so far, "
          f"{current / 2**10 / max(n_items, 1):.1f} KB traced per item\n")
    print("| MB | KB/item | blocks | where |\n|---|---|---|---|")
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        code = linecache.getline(frame.filename, frame.lineno).strip()[:70].replace("|", "\\|")
        print(f"| {stat.size / 2**20:.1f} | {stat.size / 2**10 / max(n_items, 1):.2f} | {stat.count} | "
              f"`{short(frame.filename)}:{frame.lineno}` `{code}` |")
    by_file: dict[str, int] = {}
    for stat in snapshot.statistics("filename"):
        key = short(stat.traceback[0].filename).split("/")[0]
        by_file[key] = by_file.get(key, 0) + stat.size
    print("\nby package: " + ", ".join(f"{k} {v / 2**20:.0f} MB" for k, v in
                                        sorted(by_file.items(), key=lambda kv: -kv[1])[:10]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--frames", type=int, default=1)
    parser.add_argument("--rss", action="store_true",
                        help="no tracemalloc (fast): RSS per stage and live objects by type")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "plugins"))
    import os

    os.chdir(ROOT)
    from pelican import Pelican, signals
    from pelican.settings import read_settings

    n_items = sum(1 for _ in args.content.rglob("*.md"))
    out = Path(tempfile.mkdtemp(prefix="memori-"))
    if not args.rss:
        tracemalloc.start(args.frames)
    start = time.perf_counter()
    settings = read_settings("pelicanconf.py", override={
        "PATH": str(args.content.resolve()), "OUTPUT_PATH": str(out), "BULETIN_PEKERJA": 1})

    def stage(name):
        def receiver(sender, **kwargs):
            snapshot = None if args.rss else tracemalloc.take_snapshot()
            report(f"{name} ({time.perf_counter() - start:.0f} s)", snapshot, args.top, n_items)
            sys.stdout.flush()
        return receiver

    # Strong references: signal receivers are weak.
    receivers = [
        (signals.article_generator_finalized, stage("berita dan putusan dibaca dan diperiksa")),
        (signals.all_generators_finalized, stage("konteks selesai (statistik, arsip)")),
        (signals.article_writer_finalized, stage("halaman item dan daftar ditulis")),
        (signals.finalized, stage("akhir build (wilayah, umpan, data, pencarian)")),
    ]
    for sig, receiver in receivers:
        sig.connect(receiver)
    print(f"# {n_items} berkas konten, {args.content}")
    Pelican(settings).run()
    import shutil

    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
