"""Publishing: build into a fresh directory, check everything, only then deploy.

``terbitkan`` is what ``invoke publish`` runs, by hand (ghp-import to the
gh-pages branch) and in GitHub Actions (``--output DIR``, then the official
Pages actions upload that directory). Nothing from a failed build is
published: any content error, build error, broken link, malformed feed or
missing search index stops before the branch or the output is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from . import bersih, cari, gerbang, konten, periksa

ROOT = Path(__file__).resolve().parents[2]  # the project: pelicanconf.py, publishconf.py
CONF = "publishconf.py"
THEME_STATIC = ROOT / "theme" / "static"
# Files every published build must have, beside the pages themselves.
WAJIB = ("index.html", "404.html", "sitemap.xml", "robots.txt", "cari/index.html")


class GagalTerbit(Exception):
    """Publishing stopped; the message (Indonesian) says why. Nothing was published."""


def cname(siteurl: str) -> str | None:
    """The custom domain to write in ``CNAME``: the site's host, unless it is a
    GitHub Pages address (``*.github.io``) or a local one."""
    host = (urlsplit(siteurl).hostname or "").lower()
    if not host or host.endswith(".github.io") or host in ("localhost", "127.0.0.1"):
        return None
    return host


def environment(siteurl: str = "", domain: str = "") -> dict[str, str]:
    """The build's environment: publishconf.py reads the site's address from it."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    if siteurl:
        env["SITEURL"] = siteurl
    if domain:
        env["BULETIN_DOMAIN"] = domain
    return env


def published_siteurl(env: dict[str, str]) -> str:
    """SITEURL as publishconf.py computes it for this environment."""
    code = f"from pelican.settings import get_settings_from_file as g; print(g({CONF!r})['SITEURL'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


def check_content(content: Path) -> set[str]:
    """The content checks, before any build: every problem, as path:line: message.

    Returns the item pages the content publishes (drafts excluded), for the gate."""
    problems = [f"{Path(content) / rel}:1: {message}"
                for rel, message in bersih.berkas_tidak_aman(Path(content))]
    if not problems:  # nothing behind a symlink is read
        problems = list(map(str, konten.check_folder(Path(content))))
    if problems:
        raise GagalTerbit("\n".join(problems) + f"\n{len(problems)} masalah dalam konten; "
                          "tidak ada yang diterbitkan. Perbaiki lalu jalankan ulang.")
    return item_pages(content)


def item_pages(content: Path) -> set[str]:
    """``berita/…/index.html`` and ``putusan/…/index.html`` of every item that is not a draft."""
    from .wilayah import registry

    root = Path(content)
    checked, _ = konten.check_tree(root, konten.article_files(root), registry())
    return {fields["url"] + "index.html" for berkas, fields in checked.values()
            if fields.get("url") and berkas.value("Status").strip().lower() != "draft"}


def build(content: Path, out: Path, env: dict[str, str]) -> None:
    """Build with publishconf.py into ``out`` (the search index is written by the build)."""
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(Path(content).resolve()), "-s", CONF,
         "-o", str(out), "--ignore-cache"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-30:])
        raise GagalTerbit(f"{tail}\nPembangunan situs gagal; tidak ada yang diterbitkan.")


def check_site(out: Path, siteurl: str, content: Path | None = None,
               items: set[str] | None = None) -> list[str]:
    """The site checks: required files, search index, feeds, and the output gate
    (bawaslu.gerbang: no script or foreign resource, no unknown file, internal links
    resolve as served under ``siteurl``)."""
    problems = [f"{name}: berkas wajib tidak ada" for name in WAJIB if not (out / name).is_file()]
    for folder in cari.bundel_terbit(out):
        if not cari.terindeks(out, folder):
            problems.append(f"{folder}/: indeks pencarian tidak ada")
    problems += gerbang.periksa_situs(out, siteurl, content=content, theme_static=THEME_STATIC,
                                      items=items)
    problems += periksa.umpan_rusak(out)
    return problems


def finish(out: Path, siteurl: str) -> None:
    """What GitHub Pages needs beside the site: .nojekyll, and CNAME for a custom domain."""
    (out / ".nojekyll").write_text("", encoding="utf-8")
    domain = cname(siteurl)
    if domain:
        (out / "CNAME").write_text(domain + "\n", encoding="utf-8")


def ghp_import(out: Path, repo: Path, branch: str, message: str, push: bool, remote: str) -> None:
    """Commit ``out`` as the whole of ``branch`` in ``repo`` (ghp-import), optionally push."""
    command = [str(Path(sys.executable).parent / "ghp-import"), "-m", message, "-b", branch]
    if push:
        command += ["-p", "-r", remote]
    result = subprocess.run(command + [str(out)], cwd=repo, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise GagalTerbit(f"{result.stderr.strip()}\nghp-import gagal menulis cabang {branch}.")


def terbitkan(content: Path, *, output: Path | None = None, repo: Path | None = None,
              branch: str = "gh-pages", push: bool = False, remote: str = "origin",
              siteurl: str = "", domain: str = "", message: str = "") -> str:
    """Build, check and publish ``content``; returns a one-line Indonesian summary.

    With ``output`` the checked site is copied there (GitHub Actions uploads it);
    otherwise it is imported into ``branch`` of the git repository ``repo``.
    Raises GagalTerbit, having published nothing, at the first failed stage.
    """
    content = Path(content)
    env = environment(siteurl, domain)
    items = check_content(content)
    url = published_siteurl(env)
    with tempfile.TemporaryDirectory(prefix="buletin-terbit-") as tmp:
        out = Path(tmp) / "situs"
        build(content, out, env)
        finish(out, url)  # .nojekyll and CNAME are checked with the rest
        problems = check_site(out, url, content, items)
        if problems:
            raise GagalTerbit("\n".join(problems) + f"\n{len(problems)} masalah pada situs hasil "
                              "pembangunan; tidak ada yang diterbitkan.")
        pages = sum(1 for _ in out.rglob("*.html"))
        if output is not None:
            output = Path(output)
            shutil.rmtree(output, ignore_errors=True)
            shutil.copytree(out, output)
            return f"Situs {url} ({pages} halaman) lolos pemeriksaan dan ditulis ke {output}."
        ghp_import(out, Path(repo or ROOT), branch,
                   message or f"Terbitkan {url} ({pages} halaman)", push, remote)
    where = f"{remote}/{branch}" if push else f"cabang {branch}"
    return f"Situs {url} ({pages} halaman) lolos pemeriksaan dan diterbitkan ke {where}."
