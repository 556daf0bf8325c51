"""One forked child for work that only writes files (plain Python, no Pelican).

``anak(fn, nama)`` forks; the child runs ``fn()``, writes the traceback to stderr if
it fails, and ends with ``os._exit`` (status 0 or 1) without running this
process's exit handlers. The caller waits for the pid (``os.waitpid``) and decides
what a failure means. Used for the feeds (``buletin_paralel.di_latar``) and for
saving Pelican's content cache (``buletin_tembolok``).
"""

from __future__ import annotations

import os
import sys
import traceback


def anak(fn, nama: str) -> int | None:
    """The pid of a child running ``fn()``; None where ``os.fork`` does not exist
    (the caller then runs ``fn`` itself)."""
    if not hasattr(os, "fork"):
        return None
    sys.stdout.flush()  # nothing buffered here is written twice
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        fn()
        code = 0
    except BaseException:
        try:
            os.write(2, f"{nama}: {traceback.format_exc()}".encode())
        except BaseException:
            pass
    finally:
        os._exit(code)
