"""Pelican adapter: checks every content file, derives URLs, builds the archive.

- ``article_generator_pretaxonomy``: every file under ARTICLE_PATHS is checked
  against the contract (also the ones Pelican itself failed to read); all
  problems are printed as ``path:line: message`` and the build stops before
  anything is written. Valid articles get their region, typed fields and URL.
- ``all_generators_finalized``: the plain ``Item`` records and the ``Arsip``
  groupings are built once and put in the context for templates and plugins.
Region pages, statistics and open data are in the buletin_statistik plugin.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from bawaslu import konten, tembolok
from bawaslu.arsip import Arsip
from bawaslu.model import Item
from bawaslu.wilayah import registry
from pelican import signals
from pelican.generators import ArticlesGenerator

log = logging.getLogger(__name__)


class KontenTidakValid(SystemExit):
    """Raised once, after every problem was printed: the build must fail.

    A SystemExit, not an Exception: Pelican logs an Exception with an English
    traceback after the messages; this ends the build with exit status 1 and
    the one Indonesian line."""


def shown_path(path: Path) -> str:
    """A path as staff see it in messages: relative to where they run the build."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def check_cache(settings, root: Path, files: list[str]):
    """The check results of the last build (warm rebuilds: LOAD_CONTENT_CACHE), and
    a function saving this build's (when CACHE_CONTENT is on); see bawaslu.tembolok."""
    if not settings.get("CACHE_CONTENT"):
        return None, lambda: None
    path = Path(settings["CACHE_PATH"]) / "buletin-periksa.pickle"
    # Checks look up images (Image:), so the list of other files is part of the key.
    static = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                    if p.is_file() and p.suffix.lower() not in konten.MARKDOWN_EXTENSIONS)
    digest = tembolok.digest_kode(str(root), os.getcwd(), *static)
    cache = tembolok.muat(path, digest) if settings.get("LOAD_CONTENT_CACHE") else {}
    cache = {rel: cache[rel] for rel in files if rel in cache}
    return cache, lambda: tembolok.simpan(path, digest, cache)


def check_articles(generator: ArticlesGenerator) -> None:
    root = Path(generator.path)
    settings = generator.settings
    files = sorted(generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]))
    files += generator.get_files(settings["PAGE_PATHS"], exclude=settings["PAGE_EXCLUDES"])  # unsafe HTML
    cache, save = check_cache(settings, root, files)
    checked, problems = konten.check_tree(root, files, registry(), shown_path, cache)
    save()

    read = {a.relative_source_path: a for a in
            generator.articles + generator.drafts + generator.hidden_articles}
    for rel, (berkas, _) in checked.items():
        if rel not in read and not berkas.problems and konten.jenis_of(rel):
            problems.append(konten.Masalah(
                berkas.path, 1, "Pelican tidak dapat membaca berkas ini; periksa format kepala berkas "
                "(Kunci: nilai, lalu satu baris kosong)"))
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        raise KontenTidakValid(
            f"{len(problems)} masalah dalam konten; situs tidak dibangun. "
            "Perbaiki baris yang disebut di atas, lalu bangun ulang."
        )

    for article in read.values():
        fields = checked[article.relative_source_path][1]
        article.jenis = fields["jenis"]
        article.wilayah = fields["wilayah"]
        article.rekord = fields
        article.outcome = fields.get("outcome", "")
        article.slug = fields["slug"]
        article.override_url = fields["url"]
        # Drafts are checked but never written (DRAFT_SAVE_AS is "": the writer skips it).
        is_draft = article.status == "draft"
        article.override_save_as = "" if is_draft else fields["url"] + "index.html"
        if not article.metadata.get("summary"):
            article.metadata["summary"] = first_paragraph(article._content)


def first_paragraph(html: str) -> str:
    start = html.find("<p>")
    end = html.find("</p>", start)
    return html[start:end + 4] if start != -1 and end != -1 else ""


def build_arsip(generators) -> None:
    articles_generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    if "arsip" in articles_generator.context:
        return  # already built by a plugin whose receiver ran first (no fixed order)
    items = []
    for article in articles_generator.articles:
        fields = dict(article.rekord)
        fields.pop("slug", None)
        fields["title"] = article.title
        items.append(Item(summary=article.summary, content=article.content, **fields))
    articles_generator.context["arsip"] = Arsip(items, registry())
    articles_generator.context["registry"] = registry()


def register():
    signals.article_generator_pretaxonomy.connect(check_articles)
    signals.all_generators_finalized.connect(build_arsip)
