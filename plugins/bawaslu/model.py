"""The plain record every plugin works on: one news item or one case record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .wilayah import Wilayah


@dataclass(frozen=True, slots=True)
class Item:
    jenis: str  # "berita" (news) or "putusan" (case record)
    source_path: str  # path of the Markdown file, relative to the content folder
    title: str
    url: str  # site-relative, no leading slash: "putusan/002-reg-lp-.../"
    date: datetime  # publication date, aware (Asia/Jakarta)
    wilayah: Wilayah  # the reporting office's region
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
