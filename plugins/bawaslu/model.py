"""The plain record every plugin works on: one news item or one case record."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from operator import attrgetter

from .bersih import teks
from .wilayah import Wilayah


@dataclass(frozen=True, slots=True)
class Item:
    jenis: str  # "berita" (news), "putusan" (case record) or "halaman" (standing page)
    source_path: str  # path of the Markdown file, relative to the content folder
    title: str
    url: str  # site-relative, no leading slash: "putusan/002-reg-lp-.../"
    date: datetime  # publication date, aware (Asia/Jakarta)
    wilayah: Wilayah  # the reporting office's region (national for standing pages)
    slug: str = ""  # the last part of the URL
    status: str = "published"  # published / draft (never written) / hidden (not listed)
    summary: str = ""  # HTML
    content: str = ""  # HTML
    modified: datetime | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    photographer: str = ""
    editor: str = ""
    image: str = ""
    image_alt: str = ""
    location: str = ""
    election: str = ""  # "pilkada-2024" / "pemilu-2024"; optional in news
    # News only
    activity: str = ""
    # Case records only
    register: str = ""
    source: str = ""  # temuan / laporan
    violation: str = ""
    subject: str = ""
    outcome: str = ""
    forwarded_to: tuple[str, ...] = field(default=())
    received: date | None = None
    registered: date | None = None
    decided: date | None = None
    legal_basis: str = ""
    # (lower-case key, line) of each header key: messages about the item name its lines.
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)
    # SHA-256 of the file's bytes (warm rebuilds: an unchanged file gives an unchanged page).
    sidik: str = field(default="", compare=False, repr=False)

    def __reduce__(self):
        # Pickled as its field values (the reading workers and the content cache pickle
        # one per file): dataclasses' own state functions look the fields up again for
        # every object, which was half the time of saving a 100,000-item cache.
        return Item, _nilai(self)

    def line(self, key: str) -> int:
        """The line of a header key in the source file (1 when absent)."""
        return dict(self.lines).get(key.lower(), 1)

    @property
    def summary_text(self) -> str:
        """The summary as plain text (meta description, feeds, search, data)."""
        return teks(self.summary)

    @property
    def updated(self) -> datetime:
        """Last substantive update: Modified, else Date."""
        return self.modified or self.date

    @property
    def hari_penanganan(self) -> int | None:
        """Handling time in calendar days (Decided - Received); None while undecided."""
        if self.decided is None or self.received is None:
            return None
        return (self.decided - self.received).days


_nilai = attrgetter(*(f.name for f in fields(Item)))  # every field's value, in order
