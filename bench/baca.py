"""CPU time of reading one content file, by step, in one process (bench/PROFIL.md).

Reads every Nth Markdown file of a content folder through the schema, step by
step as ``skema.baca`` does, and prints the CPU milliseconds per file of each
step, then what a reading worker adds (pickling the items back to the main process)
and Markdown alone on the same bodies. It prints figures; nothing is
asserted.

    .venv/bin/python bench/baca.py CONTENT [--setiap 10]
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--setiap", type=int, default=10, help="every Nth file (default 10)")
    args = parser.parse_args(argv)

    from pelican.settings import read_settings

    from bawaslu import konten, penjaga, skema
    from buletin_konten import BuletinReader
    from buletin_paralel import BLOK_BACA

    root = args.content.resolve()
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"PATH": str(root)})
    reader = BuletinReader(settings)
    ctx = reader.context()
    files = konten.content_files(root)[::args.setiap]
    spent: dict[str, float] = {}

    def step(name, f, *a):
        t = time.process_time()
        value = f(*a)
        spent[name] = spent.get(name, 0.0) + time.process_time() - t
        return value

    bodies, items = [], []
    for rel in files:
        data = (root / rel).read_bytes()
        jenis = skema.jenis_of(rel)
        text, _ = step("decode", skema.decode, data, rel)
        b = step("pisah (header)", skema.pisah, rel, rel, text)
        nilai = step("Pembaca (fields)", lambda: skema.Pembaca(b, jenis, ctx).run())
        step("penjaga (guard)", penjaga.periksa, b, jenis)
        if not b.masalah:
            items.append(step("_item (Markdown, nh3, summary)", skema._item, b, jenis, nilai, ctx, ""))
        bodies.append(b.body)
    # What a reading worker adds (buletin_paralel): each block's items pickled to the main
    # process as one list, as multiprocessing's pool sends them, and unpickled there.
    for i in range(0, len(items), BLOK_BACA):
        blob = step("(pickle, in a reading worker)", ForkingPickler.dumps, items[i:i + BLOK_BACA])
        step("(unpickle, in the main process)", pickle.loads, blob)
    markdown_only = time.process_time()
    for body in bodies:
        reader.markdown(body)
    spent["(Markdown of the body alone)"] = time.process_time() - markdown_only

    n = len(files)
    print(f"{n} berkas dari {root}")
    for name, seconds in spent.items():
        print(f"{name:34} {1000 * seconds / n:6.2f} ms/berkas")
    total = sum(v for k, v in spent.items() if not k.startswith("("))
    print(f"{'jumlah':34} {1000 * total / n:6.2f} ms/berkas")
    return 0


if __name__ == "__main__":
    sys.exit(main())
