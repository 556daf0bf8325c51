"""A build's timeline: wall and CPU time at each Pelican stage (bench/PROFIL.md).

Runs ``pelican`` in this process with the given arguments and prints, at each
stage signal, the seconds since start, this process's user+sys CPU, and the
user+sys CPU of the child processes it has waited for so far (the reading
workers once the content is read, the render workers and Pagefind at the end).

    .venv/bin/python bench/tahap.py CONTENT -s pelicanconf.py -o OUT
    TAHAP_PROFIL=page_generator_finalized:all_generators_finalized \\
        .venv/bin/python bench/tahap.py CONTENT -s pelicanconf.py -o OUT   # cProfile of one stage

The last line is Pelican's own summary: like ``pelican``, this command line ends with
``os._exit`` once the site is written (``buletin_cepat.keluar_cepat``), so the time
from it to the end of ``/usr/bin/time`` is all that is left of the process.

With ``TAHAP_PROFIL=from:to`` this process (not its workers) is profiled from
one stage to the other, into ``TAHAP_PROFIL_KE`` (default ``tahap.prof``).
"""

from __future__ import annotations

import cProfile
import os
import sys
import time

from pelican import main, signals

STAGES = ("initialized", "article_generator_init", "article_generator_pretaxonomy",
          "article_generator_finalized", "page_generator_finalized", "static_generator_finalized",
          "all_generators_finalized", "get_writer", "article_writer_finalized",
          "page_writer_finalized", "finalized")

START = time.perf_counter()
PROFIL = os.environ.get("TAHAP_PROFIL", "")
profiler = cProfile.Profile()


def mark(name: str):
    def receiver(*args, **kwargs):
        t = os.times()
        print(f"{time.perf_counter() - START:8.2f} s  CPU {t.user:7.2f}+{t.system:6.2f}  "
              f"anak {t.children_user:7.2f}+{t.children_system:6.2f}  {name}", file=sys.stderr, flush=True)
        if PROFIL:
            begin, end = PROFIL.split(":")
            if name == begin:
                profiler.enable()
            elif name == end:
                profiler.disable()
                profiler.dump_stats(os.environ.get("TAHAP_PROFIL_KE", "tahap.prof"))
    return receiver


if __name__ == "__main__":
    receivers = [mark(name) for name in STAGES]  # kept alive: blinker holds weak references
    for name, receiver in zip(STAGES, receivers):
        getattr(signals, name).connect(receiver)
    sys.argv = ["pelican", *sys.argv[1:]]
    try:
        main()
    finally:
        mark("selesai")()  # reached only when the build fails (or in a terminal)
