"""Python-Markdown's inline pass, skipped for text no inline pattern can match (issue 16).

Python-Markdown tries each of its inline patterns (links, emphasis, code, HTML,
entities, ...) on every piece of text of every block, one regex search per
pattern, even when the text is plain prose: a fifth to a third of the time Markdown
took on the bodies of the benchmark corpus (bench/PROFIL.md). Every one of the patterns the site's extensions register
needs one of a few characters to match anything (``PEMICU``). A text without any
of them comes out of the pass unchanged, so ``pasang(md)`` makes the pass return
such a text at once and run as before on every other text: the same HTML.

It is installed only when ``md`` registers exactly the inline patterns listed in
``DIKENAL`` (name and regex); another extension or another Markdown release leaves
the instance as it is (slower, never different). ``tests/test_sebaris.py`` compares
the two on random text and on the sample content.
"""

from __future__ import annotations

import re
import types

from markdown import Markdown
from markdown.treeprocessors import InlineProcessor

# The inline patterns of Python-Markdown 3.11.3 with the site's extensions
# (pelicanconf.MARKDOWN: abbr, def_list, fenced_code, footnotes, md_in_html, tables,
# toc), and their regexes. Each needs a character of PEMICU to match.
DIKENAL = {
    "backtick": r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)",  # "\" or "`"
    "escape": r"\\(.)",  # "\"
    "footnote": r"\[\^([^\]]*)\]",  # "["
    "reference": r"(?<!\!)\[",
    "link": r"(?<!\!)\[",
    "image_link": r"\!\[",
    "image_reference": r"\!\[",
    "short_reference": r"(?<!\!)\[",
    "short_image_ref": r"\!\[",
    "autolink": r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>",  # "<"
    "automail": r"<([^<> !]+@[^@<> ]+)>",
    "linebreak": r"  \n",  # two spaces, then a line break
    "html": (r"""(<(\/?+[a-zA-Z][^\s"'<>@]*+(?:\s+[^\s"'=<>]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'"""
             r"""|[^\s"'=<>]++))?+)*+\s*+/?|!--(?:(?!<!--|-->).)*--|[?](?:(?!<[?]|[?]>).)*[?]"""
             r"""|!\[CDATA\[(?:(?!<!\[CDATA\[|\]\]>).)*\]\])>)"""),  # "<"
    "entity": r"(&(?:\#[0-9]+|\#x[0-9a-fA-F]+|[a-zA-Z0-9]+);)",  # "&"
    "em_strong": r"\*|_",
}
PEMICU = re.compile(r"[\\`\[<&*_]|  \n")


def _cocok(md: Markdown) -> bool:
    """Whether ``md``'s inline patterns are exactly those of ``DIKENAL``."""
    names = sorted(item.name for item in md.inlinePatterns._priority)
    return names == sorted(DIKENAL) and all(
        getattr(md.inlinePatterns[name], "pattern", None) == regex for name, regex in DIKENAL.items())


def pasang(md: Markdown) -> bool:
    """Skip the inline pass for texts without a ``PEMICU`` character in ``md`` (once
    its extensions are loaded). Returns whether it was installed."""
    inline = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
    original = getattr(type(inline), "_InlineProcessor__handleInline", None)
    if not isinstance(inline, InlineProcessor) or original is None or not _cocok(md):
        return False
    search = PEMICU.search

    def handle_inline(self, data: str, patternIndex: int = 0) -> str:
        if search(data) is None:
            return data  # what every pattern failing to match would return
        return original(self, data, patternIndex)

    # The pass calls this (name-mangled) method on itself for every text and tail.
    inline._InlineProcessor__handleInline = types.MethodType(handle_inline, inline)
    return True
