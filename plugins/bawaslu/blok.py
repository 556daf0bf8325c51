"""Python-Markdown's block processors, not tried on a block they cannot match (issue 16).

For every block of a body (a paragraph, a list, a heading) Python-Markdown asks each
block processor in turn whether the block is its kind, most of them with a regex
search over the whole block, and three more (abbreviations, footnotes, link
references) search it in ``run`` and hand it back: about half of the block parser's
time on the bodies of the benchmark corpus, where nearly every block is a paragraph
(bench/PROFIL.md). Each processor listed in ``PERLU`` can only match a block that
holds one of its strings (a heading needs ``#``, a quotation ``>``, a table ``|``...).
``pasang(md)`` makes it answer "not mine" at once for a block without them, and work
as before on every other block: the same HTML.

It is installed only when ``md``'s block processors are of the listed classes with the
listed regexes (``_cocok``); another extension or another Markdown release leaves the
instance as it is (slower, never different). ``tests/test_sebaris.py`` compares the
site's Markdown with plain Python-Markdown on random text and on the sample content.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.blockprocessors import (
    BlockQuoteProcessor,
    HashHeaderProcessor,
    ReferenceProcessor,
    SetextHeaderProcessor,
)
from markdown.extensions.abbr import AbbrBlockprocessor
from markdown.extensions.def_list import DefListProcessor
from markdown.extensions.footnotes import FootnoteBlockProcessor
from markdown.extensions.tables import TableProcessor

# name -> (class, its regex as Python-Markdown 3.11.3 writes it, the method that
# searches, the strings of which a block must hold one to be matched).
# ``test``: the block is not its kind without them. ``run``: the processor's test is
# always true and its run, finding nothing, puts the block back and returns False,
# which is what the wrapper returns at once (the block list as it was).
PERLU = {
    "hashheader": (HashHeaderProcessor,
                   r"(?:^|\n)(?P<level>#{1,6})(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)",
                   "test", ("#",)),
    # The first line, a line break, then "=" or "-" (re.MULTILINE, matched at the start).
    "setextheader": (SetextHeaderProcessor, r"^.*?\n(?:=+|-+)[ ]*(\n|$)", "test", ("\n=", "\n-")),
    # A colon, then one to three spaces.
    "deflist": (DefListProcessor, r"(^|\n)[ ]{0,3}:[ ]{1,3}(.*?)(\n|$)", "test", (": ",)),
    "quote": (BlockQuoteProcessor, r"(^|\n)[ ]{0,3}>[ ]?(.*)", "test", (">",)),
    # Without a pipe the first row is one cell without borders: never a table.
    "table": (TableProcessor, None, "test", ("|",)),
    "footnote": (FootnoteBlockProcessor, r"^[ ]{0,3}\[\^([^\]]*)\]:[ ]*(.*)$", "run", ("[^",)),
    "abbr": (AbbrBlockprocessor, r"^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$", "run", ("*[",)),
    "reference": (ReferenceProcessor,
                  (r"""^[ ]{0,3}\[([^\[\]]*)\]:[ ]*(?:\n[ ]*)?([^\s]+)[ ]*(?:\n[ ]*)?((["\'])(.*)\4[ ]*"""
                   r"""|\((.*)\)[ ]*)?$"""), "run", ("]:",)),
}


def _cocok(md: Markdown) -> bool:
    """Whether each processor of ``PERLU`` is registered in ``md`` as listed, and none
    has been wrapped yet."""
    blocks = md.parser.blockprocessors
    for name, (cls, regex, method, _) in PERLU.items():
        if name not in blocks:
            return False
        processor = blocks[name]
        if type(processor) is not cls or method in vars(processor):
            return False
        if regex is not None and getattr(getattr(processor, "RE", None), "pattern", None) != regex:
            return False
    return True


def _wrap(processor, method: str, needs: tuple[str, ...]) -> None:
    original = getattr(processor, method)
    if method == "test":
        def test(parent, block):
            return any(s in block for s in needs) and original(parent, block)
        processor.test = test
    else:
        def run(parent, blocks):
            block = blocks[0]
            return original(parent, blocks) if any(s in block for s in needs) else False
        processor.run = run


def pasang(md: Markdown) -> bool:
    """Make ``md``'s block processors of ``PERLU`` skip a block without their strings
    (once its extensions are loaded). Returns whether it was installed."""
    if not _cocok(md):
        return False
    for name, (_, _, method, needs) in PERLU.items():
        _wrap(md.parser.blockprocessors[name], method, needs)
    return True
