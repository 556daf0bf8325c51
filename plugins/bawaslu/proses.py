"""Forked children for work that only writes files (plain Python, no Pelican).

``anak(fn, nama)`` forks; the child runs ``fn()``, writes the traceback to stderr if
it fails, and ends with ``os._exit`` (status 0 or 1) without running this
process's exit handlers. The caller waits for the pid (``os.waitpid``) and decides
what a failure means: saving Pelican's content cache (``buletin_tembolok``) only
warns. ``di_latar`` is the other rule, for the feeds (``buletin_umpan``): a failure
fails the build, and ``buletin_paralel``'s ``finalized`` waits (``tunggu_latar``).
"""

from __future__ import annotations

import os
import signal
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


def pekerja(settings) -> int:
    """The number of worker processes: ``BULETIN_PEKERJA``, default the machine's cores."""
    value = settings.get("BULETIN_PEKERJA")
    return max(1, int(value if value is not None else (os.cpu_count() or 1)))


menunggu = False  # buletin_paralel is registered: its finalized waits for di_latar's children
_latar: list[tuple[int, str]] = []  # (pid, what) of the background children


def di_latar(fn, settings, nama: str) -> None:
    """Run ``fn()`` (work that only writes files, from what the context holds now) in a
    forked child while this process writes the rest of the site; ``finalized`` waits for
    it and fails the build if it failed. In this process when ``BULETIN_PEKERJA`` is 1,
    or when nothing waits (``buletin_paralel`` not registered)."""
    pid = anak(fn, nama) if menunggu and pekerja(settings) > 1 else None
    if pid is None:
        fn()
    else:
        _latar.append((pid, nama))


def tunggu_latar() -> None:
    """Wait for every background child; raise if one failed."""
    failed = []
    while _latar:
        pid, nama = _latar.pop(0)
        _, status = os.waitpid(pid, 0)
        if status:
            failed.append(f"{nama} (status {status})")
    if failed:
        raise RuntimeError("gagal di latar: " + ", ".join(failed))


def hentikan_latar() -> None:
    """Stop and reap every background child (a build that failed before waiting)."""
    while _latar:
        pid, _ = _latar.pop()
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
