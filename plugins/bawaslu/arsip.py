"""The archive: every item grouped once, shared by pages, statistics, feeds and data."""

from __future__ import annotations

from collections import defaultdict

from .model import Item
from .wilayah import Registry, Wilayah


def urutan_terbaru(item: Item) -> tuple:
    """The one order of every listing, page and feed: newest first, then by URL."""
    return (-item.date.timestamp(), item.url)


def urutan_pembaruan(item: Item) -> tuple:
    """Status updates: last update first, then by URL."""
    return (-item.updated.timestamp(), item.url)


def newest_first(items):
    return sorted(items, key=urutan_terbaru)


class Arsip:
    """Groupings of the items, computed in one pass.

    ``by_wilayah[kode]`` holds the items of a region and of all its descendants
    (a province includes its kabupaten/kota; ``"ID"`` holds everything), newest first.
    """

    def __init__(self, items: list[Item], registry: Registry):
        self.registry = registry
        self.items = newest_first(items)
        self.berita = [i for i in self.items if i.jenis == "berita"]
        self.putusan = [i for i in self.items if i.jenis == "putusan"]
        by_wilayah: dict[str, list[Item]] = defaultdict(list)
        by_violation: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            by_wilayah[item.wilayah.kode].append(item)
            for parent in registry.ancestors(item.wilayah):
                by_wilayah[parent.kode].append(item)
            if item.violation:
                by_violation[item.violation].append(item)
        self.by_wilayah = dict(by_wilayah)
        self.by_violation = dict(by_violation)
        # Case records by their last update, for the status-update feed.
        self.status_updates = sorted(self.putusan, key=urutan_pembaruan)

    def of(self, wilayah: Wilayah) -> list[Item]:
        """Items of a region and its descendants, newest first."""
        return self.by_wilayah.get(wilayah.kode, [])

    def punya_umpan(self, wilayah: Wilayah) -> bool:
        """The one decision of which region feeds exist: a region with content of its own
        or of a descendant (the national feed, "semua", always exists)."""
        return wilayah.is_nasional or wilayah.kode in self.by_wilayah

    def wilayah_berisi(self) -> list[Wilayah]:
        """Regions that have items of their own or of a descendant, by code."""
        return [self.registry.get(k) for k in sorted(self.by_wilayah)]
