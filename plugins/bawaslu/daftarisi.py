"""Python-Markdown's toc extension without the table of contents nobody asked for (issue 16).

The site loads toc for the ids of headings (links to a section of a page). For every
body toc also builds the table of contents as elements, serialises it and runs the
postprocessors on it (``md.toc``), and walks the tree in Python looking for its
``[TOC]`` marker: about half of toc's time on the benchmark corpus (cProfile of the
reading workers, bench/PROFIL.md). The site's reader never reads ``md.toc``.

``pasang(md)`` makes toc skip both for a tree without an element whose whole text is
the marker (a superset of the elements toc would replace): the same HTML and the
same ids; ``md.toc`` is then an empty ``<div></div>``. A body with the marker gets
its table of contents as before. ``tests/test_sebaris.py`` compares the site's
Markdown with plain Python-Markdown.
"""

from __future__ import annotations

from xml.etree import ElementTree as etree

from markdown import Markdown
from markdown.extensions.toc import TocTreeprocessor


def _ada_penanda(doc: etree.Element, marker: str) -> bool:
    return any(el.text and len(el) == 0 and el.text.strip() == marker for el in doc.iter())


def pasang(md: Markdown) -> bool:
    """Skip the table of contents in ``md``'s toc extension for a body without its
    marker (once the extensions are loaded). Returns whether it was installed."""
    toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
    if type(toc) is not TocTreeprocessor or "run" in vars(toc):
        return False
    run_all = toc.run

    def run(doc: etree.Element) -> None:
        marker = toc.marker
        if marker and _ada_penanda(doc, marker):
            return run_all(doc)
        # No marker to replace (toc checks self.marker first) and nothing to build.
        toc.marker, toc.build_toc_div = "", lambda toc_list: etree.Element("div")
        try:
            return run_all(doc)
        finally:
            toc.marker = marker
            del toc.build_toc_div

    toc.run = run
    return True
