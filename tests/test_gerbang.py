"""The output gate (bawaslu.gerbang) on broken sites, and the published sample site
served from a local HTTP server under its real path, every link followed."""

import threading
import urllib.error
import urllib.request
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bawaslu import gerbang, terbit
from conftest import CONTENT, ROOT

PROJECT_SITE = "https://example.github.io/buletin"
DOMAIN = "buletin.bawaslu-contoh.go.id"
THEME_STATIC = ROOT / "theme" / "static"


def page(body: str, head: str = "") -> str:
    return ('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Uji</title>'
            f'{head}</head><body><main id="isi">{body}</main></body></html>')


def make(root: Path, pages: dict[str, str]) -> Path:
    for rel, text in {"index.html": page("<p>Beranda</p>"), **pages}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


# --- the gate on hand-made sites ------------------------------------------------------

BAD_PAGES = {
    "skrip.html": ("<script>alert(1)</script>", "elemen <script>"),
    "skrip-luar.html": ('<script src="https://pelacak.example/x.js"></script>', "elemen <script>"),
    "onclick.html": ('<p onclick="alert(1)">x</p>', "atribut onclick"),
    "js.html": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "URL javascript:"),
    "data.html": ('<a href="data:text/html,x">x</a>', "URL data:"),
    "vbs.html": ('<a href="VBScript:x">x</a>', "URL vbscript:"),
    "img-luar.html": ('<img src="https://pelacak.example/p.gif" alt="">', "host lain"),
    "srcset.html": ('<img src="/a.png" srcset="//pelacak.example/a.png 2x" alt="">', "host lain"),
    "css-luar.html": ("", "host lain"),
    "gaya-luar.html": ('<p style="background:url(https://pelacak.example/x.png)">x</p>', "host lain"),
    "style-el.html": ("<style>@import 'https://pelacak.example/a.css';</style>", "host lain"),
    "refresh.html": ('<meta http-equiv="Refresh" content="0;url=https://contoh.example/">',
                     "pengalihan otomatis"),
    "base.html": ('<base href="https://contoh.example/">', "elemen <base>"),
    "iframe.html": ('<iframe src="/index.html" title="x"></iframe>', "elemen <iframe>"),
    "og.html": ('<meta property="og:image" content="https://pelacak.example/og.png">', "host lain"),
}


@pytest.fixture
def bad_site(tmp_path):
    pages = {name: page(body) for name, (body, _) in BAD_PAGES.items()}
    pages["css-luar.html"] = page("", head='<link rel="stylesheet" href="https://cdn.example/a.css">')
    return make(tmp_path / "s", pages)


def test_each_dangerous_construct_is_refused_with_its_page_and_line(bad_site):
    problems = gerbang.berbahaya(bad_site, PROJECT_SITE)
    for name, (_, expected) in BAD_PAGES.items():
        assert any(p.startswith(f"{name}:1: ") and expected in p for p in problems), name
    assert not any(p.startswith("index.html") for p in problems)


def test_only_the_search_page_may_load_its_own_script(tmp_path):
    own = f'<script type="module" src="{PROJECT_SITE}/theme/js/cari.js"></script>'
    site = make(tmp_path / "s", {"cari/index.html": page(own), "lain/index.html": page(own)})
    problems = gerbang.berbahaya(site, PROJECT_SITE)
    assert [p.split(":")[0] for p in problems] == ["lain/index.html"]


def test_links_are_checked_as_served_under_the_site_path(tmp_path):
    site = make(tmp_path / "s", {"berita/index.html": page("<p>Daftar</p>"), "a/index.html": page(
        '<a href="/berita/">akar domain</a> <a href="../berita/">relatif</a> '
        f'<a href="{PROJECT_SITE}/berita/">absolut</a> <a href="../../../etc/hostname">naik</a>')})
    under_path = gerbang.periksa_situs(site, PROJECT_SITE)
    assert "a/index.html:1: tautan rusak /berita/" in under_path
    assert "a/index.html:1: tautan rusak ../../../etc/hostname" in under_path
    assert not any("tautan rusak ../berita/" in p or f"rusak {PROJECT_SITE}" in p for p in under_path)
    # On a custom domain the same root-relative link is fine.
    at_root = gerbang.periksa_situs(site, f"https://{DOMAIN}")
    assert not any("tautan rusak /berita/" in p for p in at_root)
    assert "a/index.html:1: tautan rusak ../../../etc/hostname" in at_root


def test_files_nobody_produced_are_refused(tmp_path):
    content = tmp_path / "content"
    (content / "gambar").mkdir(parents=True)
    (content / "gambar" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\nasli")
    site = make(tmp_path / "s", {
        "berita/2024/06/terbit/index.html": page("x"), "berita/2024/06/draf/index.html": page("x"),
        "tentang/index.html": page("x"), "berita/page/2/index.html": page("x")})
    (site / "rahasia.txt").write_text("x")
    (site / "env").write_text("PATH=/usr/bin")
    (site / "theme" / "css").mkdir(parents=True)
    (site / "theme" / "css" / "main.css").write_bytes((THEME_STATIC / "css" / "main.css").read_bytes())
    (site / "theme" / "css" / "lain.css").write_text("body{}")
    (site / "gambar").mkdir()
    (site / "gambar" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\nasli")
    (site / "gambar" / "b.png").write_bytes(b"\x89PNG\r\n\x1a\nlain")
    (site / "gambar" / "c.png").symlink_to("/etc/hostname")
    problems = gerbang.tak_dikenal(site, content=content, theme_static=THEME_STATIC,
                                   items={"berita/2024/06/terbit/index.html"})
    shown = sorted(p.split(":")[0] for p in problems)
    assert shown == ["berita/2024/06/draf/index.html", "env", "gambar/b.png", "gambar/c.png",
                     "rahasia.txt", "theme/css/lain.css"]


# --- the published sample site, served under its real path ------------------------------

class _Links(HTMLParser):
    ATTRS = frozenset({("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
                       ("form", "action"), ("form", "data-pagefind"), ("source", "src")})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in self.ATTRS and value:
                self.links.append(value)
            if name == "data-gabung" and value:
                self.links += [u + "pagefind-entry.json" for u in value.split()]


def serve(out: Path, prefix: str):
    """A local HTTP server with ``out`` at ``prefix`` ("/buletin/" or "/"); nothing else."""

    class Handler(SimpleHTTPRequestHandler):
        def translate_path(self, path):
            path = urlsplit(path).path
            if not path.startswith(prefix):
                return str(out / "\x00tidak-ada")
            return super().translate_path("/" + path[len(prefix):])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def crawl(out: Path, siteurl: str, prefix: str) -> tuple[int, list[str]]:
    """Follow every internal link of every page as a browser would, from a local server
    where the site lives at ``prefix``; returns (URLs fetched, problems)."""
    server = serve(out, prefix)
    try:
        local = f"http://127.0.0.1:{server.server_address[1]}"
        public = urlsplit(siteurl)
        origin = f"{public.scheme}://{public.netloc}"

        def to_local(url: str) -> str | None:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and parts.netloc == public.netloc:
                return local + url[len(origin):]
            if parts.scheme or parts.netloc:
                return None  # another site, mailto:
            return url

        start = [f"{local}{prefix}{p.relative_to(out).as_posix()}".removesuffix("index.html")
                 for p in sorted(out.rglob("*.html"))]
        queue, seen, problems = list(start), set(start), []
        while queue:
            url = queue.pop()
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as error:
                problems.append(f"{url}: HTTP {error.code}")
                continue
            if "html" not in kind:
                continue
            parser = _Links()
            parser.feed(body.decode("utf-8"))
            for link in parser.links:
                target = to_local(link)
                if target is None:
                    continue
                target = urldefrag(urljoin(url, target))[0]
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return len(seen), problems
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def published_project_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("proyek") / "situs"
    summary = terbit.terbitkan(CONTENT, output=out, siteurl=PROJECT_SITE)
    assert "lolos pemeriksaan" in summary  # the gate ran inside publish
    return out


def test_published_project_site_passes_the_gate(published_project_site):
    items = terbit.item_pages(CONTENT)
    assert gerbang.periksa_situs(published_project_site, PROJECT_SITE, content=CONTENT,
                                 theme_static=THEME_STATIC, items=items) == []


def test_every_link_works_when_served_under_the_project_path(published_project_site):
    fetched, problems = crawl(published_project_site, PROJECT_SITE, "/buletin/")
    assert problems == []
    assert fetched > len(list(published_project_site.rglob("*.html")))  # pages and their assets


def test_the_same_site_at_the_domain_root_would_break_and_the_gate_says_so(published_project_site):
    # Built for example.github.io/buletin, checked for another address: its stylesheet
    # and images come from "another host" ...
    problems = gerbang.periksa_situs(published_project_site, f"https://{DOMAIN}")
    assert any(p.startswith("index.html:") and "host lain" in p and "main.css" in p
               for p in problems)
    # ... and served at a domain root instead of /buletin/, its links 404.
    _, problems = crawl(published_project_site, PROJECT_SITE, "/")
    assert any(p.endswith("HTTP 404") for p in problems)


def test_custom_domain_site_passes_the_gate_and_serves_at_the_root(site, tmp_path):
    out = tmp_path / "domain"
    summary = terbit.terbitkan(site, output=out, domain=DOMAIN)
    assert f"https://{DOMAIN}" in summary
    assert (out / "CNAME").read_text() == DOMAIN + "\n"
    fetched, problems = crawl(out, f"https://{DOMAIN}", "/")
    assert problems == [] and fetched > 10


def test_sample_site_local_build_passes_the_gate(situs):
    # `make test`: the gate on the sample site as staff preview it (SITEURL empty).
    assert gerbang.periksa_situs(situs, "", content=CONTENT, theme_static=THEME_STATIC,
                                 items=terbit.item_pages(CONTENT)) == []


def test_only_the_editor_page_loads_the_editor_scripts_and_only_copies_of_them(tmp_path):
    """/admin/ is the gate's one other script exception: its own three scripts, copied
    from theme/admin and the decap-cms package; anything else there is refused."""
    site = make(tmp_path / "situs", {
        "admin/index.html": page('<script src="kunci.js"></script>'
                                 '<script src="buletin.js"></script>'
                                 '<script src="lain.js"></script>'),
        "berita/index.html": page('<script src="/admin/kunci.js"></script>'),
        "admin/kunci.js": (ROOT / "theme/admin/kunci.js").read_text(encoding="utf-8"),
        "admin/buletin.js": "alert('bukan salinan')",
    })
    found = "\n".join(gerbang.periksa_situs(site, ""))
    assert "admin/index.html:1: elemen <script> tidak diizinkan (src=lain.js)" in found
    assert "berita/index.html:1: elemen <script> tidak diizinkan (src=/admin/kunci.js)" in found
    assert "admin/buletin.js: bukan salinan berkas penyunting" in found
    assert "src=kunci.js" not in found and "admin/kunci.js:" not in found
