"""Quality gates of a built site, as plain functions that return problems.

Each checker returns a sorted list of problems in Indonesian (empty when all is
well), so a failing test says what is wrong and where. Used by test_kualitas.py
(the sample site) and test_gates.py (the checkers themselves on broken pages).

Tools: the Nu Html Checker (npm vnu-jar, run with Java) and axe-core (npm),
injected into Debian's chromium driven by Selenium with Debian's chromedriver.
``ci/install-test-tools.sh`` installs them; in CI (CI=true) a missing tool fails
the test, elsewhere the test is skipped with a message saying how to install.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from fnmatch import fnmatch
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bawaslu import cari

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL = ("jalankan: ci/install-test-tools.sh (memasang chromium, chromium-driver, Java lewat "
           "apt-get, memakai sudo bila bukan root; lalu npm ci)")

# The weight budget: what fits in the first round trips of a slow connection.
BATAS_BERAT = 14 * 1024
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Per DESIGN.md: without the background-networking flags chromium calls home.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1280,900",
                  # Nothing leaves the machine, even from a page that asks for another host:
                  # every name but the local server's resolves to "not found", without DNS.
                  "--no-proxy-server", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


# --- tools ------------------------------------------------------------------

def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def tools_missing(*names: str) -> list[str]:
    """Which of the named tools (java, vnu, chromium, chromedriver, axe, pagefind) are not installed."""
    where = {
        "java": lambda: shutil.which("java"),
        "vnu": VNU_JAR.is_file,
        "chromium": lambda: Path(CHROMIUM).is_file(),
        "chromedriver": lambda: Path(CHROMEDRIVER).is_file(),
        "axe": AXE_JS.is_file,
        "pagefind": lambda: cari.biner() is not None,  # npm's 1.6.0: the same index every build
    }
    return [name for name in names if not where[name]()]


def varying_output() -> tuple[str, ...]:
    """What byte-for-byte comparisons of two builds leave out: nothing with npm's Pagefind
    (1.6.0); the search bundles with PyPI's 1.5.2, whose filter and metadata files vary
    from run to run (bawaslu.cari.biner). In CI npm's must be there."""
    if cari.biner() is not None:
        return ()
    if in_ci():
        pytest.fail(f"alat uji tidak ada: pagefind (npm); {INSTALL}")
    return ("pagefind*",)


def require(*names: str) -> None:
    """Fail (in CI) or skip (elsewhere) the calling test when a tool is missing."""
    missing = tools_missing(*names)
    if missing:
        message = f"alat uji tidak ada: {', '.join(missing)}; {INSTALL}"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)


# --- HTML validity ----------------------------------------------------------

def html_errors(root: Path) -> list[str]:
    """Errors the Nu Html Checker reports, one run over every HTML file under ``root``."""
    root = Path(root).resolve()
    files = sorted(str(p) for p in root.rglob("*.html"))
    if not files:
        return [f"{root}: tidak ada berkas HTML"]
    result = subprocess.run(
        ["java", "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        check=False, capture_output=True, text=True,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        return [f"vnu gagal berjalan (kode {result.returncode}): {result.stderr[-2000:]}"]
    problems = []
    for msg in messages:
        if msg.get("type") not in ("error", "non-document-error"):
            continue
        path = urlsplit(msg.get("url", "")).path
        shown = os.path.relpath(path, root) if path else "?"
        problems.append(f"{shown}:{msg.get('lastLine', '?')}: {msg.get('message', '').strip()}")
    return sorted(problems)


# --- weight, scripts and other hosts, read from the files --------------------

class _Resources(HTMLParser):
    """What a page loads by itself (not what it merely links to)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[int, str]] = []
        self.stylesheets: list[str] = []
        self.scripts: list[int] = []
        self.handlers: list[tuple[int, str]] = []
        self.styles: list[tuple[int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        line = self.getpos()[0]
        rel = (a.get("rel") or "").lower().split()
        if tag == "script":
            self.scripts.append(line)
        if tag == "style":
            self._in_style = True
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((line, name))
            if name == "style" and value:
                self.styles.append((line, value))
        if tag == "link" and a.get("href") and (
                {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest",
                 "apple-touch-icon", "preconnect", "dns-prefetch"} & set(rel)):
            self.loads.append((line, a["href"]))
            if "stylesheet" in rel:
                self.stylesheets.append(a["href"])
        for name in ("src", "poster", "data"):
            if a.get(name) and tag in ("img", "script", "iframe", "source", "video", "audio",
                                       "track", "embed", "object", "input"):
                self.loads.append((line, a[name]))
        for name in ("srcset", "imagesrcset"):
            for part in (a.get(name) or "").split(","):
                if part.strip():
                    self.loads.append((line, part.split()[0]))

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append((self.getpos()[0], data))


def _resources(path: Path) -> _Resources:
    parser = _Resources()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def _other_host(url: str, siteurl: str = "") -> bool:
    if siteurl and (url + "/").startswith(siteurl.rstrip("/") + "/"):
        return False
    parts = urlsplit(url.strip())
    if parts.scheme in ("data", "blob", "about", "mailto", "tel"):
        return False
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def _local(out: Path, page: Path, url: str) -> Path:
    path = urlsplit(url).path
    base = out if path.startswith("/") else page.parent
    return (base / path.lstrip("/")).resolve()


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(out: Path, page: Path) -> int:
    """Bytes of a page's HTML plus the stylesheets it links, each gzipped."""
    out, page = Path(out).resolve(), Path(page).resolve()
    total = gzip_size(page.read_bytes())
    for href in sorted(set(_resources(page).stylesheets)):
        if not _other_host(href):
            css = _local(out, page, href)
            if css.is_file():
                total += gzip_size(css.read_bytes())
    return total


def too_heavy(out: Path, pages, limit: int = BATAS_BERAT) -> list[str]:
    """Pages whose HTML plus CSS, gzipped, exceed ``limit`` bytes."""
    out = Path(out).resolve()
    problems = []
    for page in sorted(Path(p).resolve() for p in pages):
        weight = page_weight(out, page)
        if weight > limit:
            problems.append(f"{page.relative_to(out)}: HTML+CSS {weight} byte gzip, "
                            f"lebih dari batas {limit} byte")
    return problems


def scripts_in(out: Path, pages) -> list[str]:
    """Scripts and inline event handlers in pages that must read without JavaScript."""
    out = Path(out).resolve()
    problems = []
    for page in sorted(Path(p).resolve() for p in pages):
        found = _resources(page)
        shown = page.relative_to(out)
        problems += [f"{shown}:{line}: elemen <script>" for line in found.scripts]
        problems += [f"{shown}:{line}: atribut {name}" for line, name in found.handlers]
    return problems


def other_hosts_static(out: Path, siteurl: str = "") -> list[str]:
    """Resources (src, srcset, stylesheets, CSS url()/@import) loaded from another host."""
    out = Path(out).resolve()
    problems = []
    for page in sorted(out.rglob("*.html")):
        found = _resources(page)
        shown = page.relative_to(out)
        for line, url in found.loads:
            if _other_host(url, siteurl):
                problems.append(f"{shown}:{line}: memuat dari host lain {url}")
        for line, css in found.styles:
            for match in _CSS_URL.finditer(css):
                url = match.group(1) or match.group(2)
                if _other_host(url, siteurl):
                    problems.append(f"{shown}:{line}: CSS memuat dari host lain {url}")
    for sheet in sorted(out.rglob("*.css")):
        for number, text in enumerate(sheet.read_text(encoding="utf-8").splitlines(), 1):
            for match in _CSS_URL.finditer(text):
                url = match.group(1) or match.group(2)
                if _other_host(url, siteurl):
                    problems.append(f"{sheet.relative_to(out)}:{number}: memuat dari host lain {url}")
    return sorted(problems)


# --- reproducibility ----------------------------------------------------------

def differences(a: Path, b: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """Files that differ between two builds (missing on one side, or other bytes).

    ``ignore``: glob patterns of top-level folders left out of the comparison.
    """
    a, b = Path(a), Path(b)

    def files(root):
        return {p.relative_to(root) for p in root.rglob("*")
                if p.is_file() and not any(fnmatch(p.relative_to(root).parts[0], g) for g in ignore)}

    files_a, files_b = files(a), files(b)
    problems = [f"{rel}: hanya ada di build pertama" for rel in files_a - files_b]
    problems += [f"{rel}: hanya ada di build kedua" for rel in files_b - files_a]
    for rel in files_a & files_b:
        if (a / rel).read_bytes() != (b / rel).read_bytes():
            problems.append(f"{rel}: isi berbeda antara dua build")
    return sorted(problems)


# --- the browser ----------------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Browser:
    """The built site served on 127.0.0.1, and headless Debian chromium looking at it.

    Use as a context manager. ``url(path)`` gives the address of a file of the site.
    """

    def __init__(self, out: Path):
        self.out = Path(out).resolve()
        self.driver = None

    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        handler = functools.partial(_Quiet, directory=str(self.out))
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.profile = tempfile.mkdtemp(prefix="chromium-gates-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        try:
            self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        except Exception:
            self._stop_server()
            raise
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(60)
        return self

    def __exit__(self, *exc):
        try:
            if self.driver is not None:
                self.driver.quit()
        finally:
            self._stop_server()

    def _stop_server(self):
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def url(self, page: str) -> str:
        return f"{self.origin}/{page.lstrip('/')}"

    def open(self, page: str, script: bool = True) -> None:
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not script})
        self.driver.get(self.url(page))
        self.driver.get_log("performance")  # start each page with an empty request log

    # Each check opens the page itself, so they can run in any order.

    def requests_elsewhere(self, page: str) -> list[str]:
        """Requests the page makes to any host but the site's own, as chromium saw them."""
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        self.driver.get_log("performance")
        self.driver.get(self.url(page))
        # Wait for anything the page loads late (lazy images, scripts), then read the log.
        self.driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        self.driver.execute_async_script(
            "const done = arguments[0]; if (document.readyState === 'complete') setTimeout(done, 200);"
            " else addEventListener('load', () => setTimeout(done, 200));")
        problems = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") != "Network.requestWillBeSent":
                continue
            url = message["params"]["request"]["url"]
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob", "about", "chrome", "devtools"):
                continue
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                problems.append(f"{page}: permintaan ke host lain {url}")
        return sorted(set(problems))

    def axe(self, page: str) -> list[str]:
        """axe-core violations of the WCAG 2.x A/AA rules (2.2 included) on the page."""
        self.open(page)
        self.driver.execute_script(AXE_JS.read_text(encoding="utf-8"))
        result = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => ({id: v.id, help: v.help,"
            " targets: v.nodes.map(n => n.target.join(' '))}))))"
            ".catch(e => done({error: String(e)}));",
            AXE_TAGS)
        if isinstance(result, dict):
            return [f"{page}: axe gagal berjalan: {result.get('error')}"]
        return sorted(f"{page}: {v['id']} ({v['help']}): {'; '.join(v['targets'][:5])}"
                      + (f" (+{len(v['targets']) - 5} lagi)" if len(v["targets"]) > 5 else "")
                      for v in result)

    def main_text(self, page: str, script: bool) -> str:
        self.open(page, script=script)
        return self.driver.execute_script(
            "const m = document.querySelector('main'); return m ? m.innerText : '';")

    def needs_script(self, page: str) -> list[str]:
        """The page's main text differs, or is empty, when JavaScript is off."""
        without = self.main_text(page, script=False).strip()
        with_script = self.main_text(page, script=True).strip()
        if not without:
            return [f"{page}: tanpa JavaScript isi utama (<main>) kosong"]
        if without != with_script:
            return [f"{page}: isi utama berbeda tanpa JavaScript"]
        return []

    def keyboard(self, page: str) -> list[str]:
        """Keyboard only: a skip link first, every link and control reached by Tab, focus visible."""
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        self.open(page)
        # A module script may still change the page after load (the search page hides its
        # no-JavaScript panel once the index is loaded): count once the stops stay the same.
        count, before = self.driver.execute_script(_FOCUSABLE_JS), None
        for _ in range(20):
            if count == before:
                break
            time.sleep(0.25)
            count, before = self.driver.execute_script(_FOCUSABLE_JS), count
        problems = []
        reached: list[int] = []
        first = None
        actions = ActionChains(self.driver)
        for _ in range(2 * count + 10):
            actions.send_keys(Keys.TAB).perform()
            state = self.driver.execute_script(_FOCUS_STATE_JS)
            if state["body"] or state["seen"]:
                break  # past the last stop (back in the browser's own UI), or round again
            if first is None:
                first = state
            if state["index"] >= 0:
                reached.append(state["index"])
            if not state["visible"]:
                problems.append(f"{page}: fokus tidak terlihat pada {state['label']}")
        labels = self.driver.execute_script("return window.__gerbang.map(e => window.__label(e));")
        for index in sorted(set(range(count)) - set(reached)):
            problems.append(f"{page}: tidak tercapai dengan Tab: {labels[index]}")
        if first is None:
            skip = "tidak ada tautan atau kontrol yang bisa difokus"
        elif first["index"] < 0:
            skip = f"tautan pertama bukan tautan lewati ke isi utama: {first['label']}"
        else:
            skip = self.driver.execute_script(_SKIP_JS, first["index"])
        if skip:
            problems.append(f"{page}: {skip}")
        return problems

    def sideways(self, page: str, width: int = 320) -> list[str]:
        """At ``width`` CSS pixels (WCAG 1.4.10 reflow) the page must not scroll sideways."""
        self.open(page)
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": True}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        try:
            wide = self.driver.execute_script(_SIDEWAYS_JS)
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        if not wide:
            return []
        return [f"{page}: pada lebar {width} px halaman bergeser ke samping; terlalu lebar: "
                + "; ".join(wide[:5])]

    def screenshot(self, page: str, width: int, path: Path) -> Path:
        """A full-page PNG of the page at ``width`` CSS pixels (phone widths too)."""
        import base64

        self.open(page)
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        try:
            height = self.driver.execute_script(
                "return Math.ceil(document.documentElement.scrollHeight);")
            metrics["height"] = max(200, min(int(height), 8000))
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


# Every link and control a keyboard user must reach; window.__gerbang keeps them in order.
_FOCUSABLE_JS = """
window.__label = e => {
  const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
  return '<' + e.tagName.toLowerCase() + (e.id ? ' id="' + e.id + '"' : '')
    + (e.getAttribute('href') ? ' href="' + e.getAttribute('href') + '"' : '') + '> ' + text;
};
const shown = e => {
  const s = getComputedStyle(e);
  return s.visibility !== 'hidden' && s.display !== 'none' && e.getClientRects().length > 0
    && !e.closest('[hidden], [inert]')
    // inside a closed <details> (but not its summary): reached once the summary opens it
    && !(e.closest('details:not([open])') && !e.closest('summary'));
};
window.__gerbang = Array.from(document.querySelectorAll(
  'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe,'
  + ' [tabindex]:not([tabindex="-1"]), [contenteditable]:not([contenteditable=false])'))
  .filter(e => !e.disabled && shown(e));
return window.__gerbang.length;
"""

# Where focus is now, and whether a sighted keyboard user can see it.
_FOCUS_STATE_JS = """
const e = document.activeElement;
if (!e || e === document.body || e === document.documentElement)
  return {index: -1, body: true, visible: false, label: 'body'};
const seen = e.__gerbangSeen === true;
e.__gerbangSeen = true;
const s = getComputedStyle(e);
const r = e.getBoundingClientRect();
const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
  && r.left < innerWidth && r.top < innerHeight;
const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
  || (s.boxShadow && s.boxShadow !== 'none');
return {index: window.__gerbang.indexOf(e), body: false, seen: seen, visible: onScreen && ring,
        label: window.__label(e)};
"""

# The first Tab stop must be a skip link to the main content, and using it moves focus there.
_SKIP_JS = """
const first = window.__gerbang[arguments[0]];
if (!first) return 'tidak ada tautan atau kontrol yang bisa difokus';
const href = first.getAttribute('href') || '';
if (!href.startsWith('#') || href.length < 2)
  return 'tautan pertama bukan tautan lewati ke isi utama: ' + window.__label(first);
const target = document.getElementById(decodeURIComponent(href.slice(1)));
if (!target) return 'tautan lewati menuju ' + href + ' yang tidak ada';
if (!(target.matches('main, [role=main]') || target.querySelector('main, h1')))
  return 'tautan lewati ' + href + ' tidak menuju isi utama';
first.click();
if (!(document.activeElement === target || target.contains(document.activeElement)))
  return 'tautan lewati tidak memindahkan fokus ke ' + href;
return '';
"""

# Elements sticking out past the right edge (inside a scrolling box is fine).
_SIDEWAYS_JS = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width) return [];
const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
  const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
  return false; };
const sticksOut = e => !clipped(e) && (e.getBoundingClientRect().right > width + 1
  || (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'));
const all = Array.from(document.querySelectorAll('body *')).filter(sticksOut);
const wide = all.filter(e => !all.some(o => o !== e && e.contains(o)));
return wide.length
  ? wide.map(e => '<' + e.tagName.toLowerCase() + (e.className ? ' class=' + e.className : '') + '> '
      + (e.innerText || '').trim().slice(0, 30)).slice(0, 10)
  : ['<html> scrollWidth ' + document.documentElement.scrollWidth];
"""
