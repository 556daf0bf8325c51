"""A reader's first search on a built site, in a real browser (Debian chromium).

Serves a built output folder on 127.0.0.1, opens ``/cari/?q=WORD`` in headless
chromium with an empty cache and prints the seconds until the result count shows
(Pagefind loads and merges every search bundle first: one per 2,000 item pages),
and how many files and bytes the server had sent by then.
The network is local, so the figure is the browser's own work on this machine, not a
phone's download time. It prints figures; nothing is asserted.

    .venv/bin/python bench/cari_peramban.py OUTPUT --q pengawasan
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


class _Diam(http.server.SimpleHTTPRequestHandler):
    """Serves quietly, counting the files and bytes it sends."""

    lock = threading.Lock()
    files = 0
    sent = 0

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        try:
            outputfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the browser has gone: measured already
            return
        with _Diam.lock:
            _Diam.files += 1
            _Diam.sent += len(data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--q", default="pengawasan", help="the word searched")
    args = parser.parse_args(argv)
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        print("chromium atau chromedriver tidak ada; install: sudo ci/install-test-tools.sh")
        return 2

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Diam, directory=str(args.output)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        start = time.perf_counter()
        driver.get(f"http://127.0.0.1:{httpd.server_address[1]}/cari/?q={args.q}")
        WebDriverWait(driver, 600, poll_frequency=0.05).until(
            lambda d: "hasil" in d.find_element(By.ID, "cari-status").text)
        seconds = time.perf_counter() - start
        with _Diam.lock:
            files, sent = _Diam.files, _Diam.sent
        status = driver.find_element(By.ID, "cari-status").text
        bundles = len(list(args.output.glob("pagefind*")))
        print(f"{args.output}: {bundles} bundel pencarian")
        print(f"'{args.q}': {status!r} setelah {seconds:.1f} s (peramban tanpa cache, jaringan lokal)")
        print(f"sampai saat itu: {files} berkas, {sent / 1024:.0f} KB dikirim (halaman cari ikut dihitung)")
    finally:
        driver.quit()
        httpd.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
