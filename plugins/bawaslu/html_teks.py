"""Plain text of an HTML fragment, for places that take text (descriptions, feeds, data)."""

from __future__ import annotations

from html.parser import HTMLParser


class _Teks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def teks(html: str) -> str:
    """The text of ``html`` with entities decoded once and whitespace collapsed.

    The result is text, never markup: a template escapes it like any other text."""
    if not html:
        return ""
    parser = _Teks()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())
