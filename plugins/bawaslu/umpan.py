"""Feeds for journalists: which feeds exist, what they hold, and their Atom/RSS/OPML bytes.

Plain functions over the ``Arsip`` groupings (no Pelican): the ``buletin_umpan``
plugin only writes what these return.

- ``katalog(arsip, ...)`` decides the feeds: everything ("semua"), news, case
  records, case-record status updates, each region with content (a province's
  feed includes its kabupaten/kota) and each Violation type, with titles that
  name what they cover and at most ``maks`` entries each.
- ``atom(umpan, ...)`` / ``rss(umpan, ...)`` build a feed with feedgen;
  ``opml(katalog, ...)`` lists every feed file.

Output is deterministic: entries come from the content only (ids from the item
URL, dates from Date/Modified, the feed's updated date from its newest entry),
so the same content gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension
from feedgen.feed import FeedGenerator

from . import bersih, jalur, kosakata
from .arsip import Arsip
from .model import Item
from .skema import baris_panel
from .tanggal import tanggal
from .wilayah import Wilayah

# Local builds have a relative SITEURL (""), but a feed needs absolute links.
# Without FEED_DOMAIN or an absolute SITEURL, links point at the local preview
# (`make serve`); publishconf.py sets an absolute SITEURL for the published site.
ASAL_LOKAL = "http://127.0.0.1:8000"
# Feed date when a feed has no entries and the archive is empty (never the clock).
TANPA_TANGGAL = datetime(1970, 1, 1, tzinfo=UTC)
PENERBIT = "Bawaslu Republik Indonesia"

NASIONAL = "nasional"
PELANGGARAN = "pelanggaran"
WILAYAH = "wilayah"


def asal(siteurl: str = "", feed_domain: str | None = None) -> str:
    """Absolute base URL for links in feeds and OPML, without trailing slash.

    An absolute SITEURL is used as is; otherwise FEED_DOMAIN (or the local
    preview address) is put in front of the relative SITEURL.
    """
    siteurl = (siteurl or "").rstrip("/")
    if urlsplit(siteurl).scheme:
        return siteurl
    return (feed_domain or ASAL_LOKAL).rstrip("/") + siteurl


def absolut(base: str, path: str) -> str:
    """Absolute URL of a site-relative path (``putusan/x/`` -> ``https://…/putusan/x/``)."""
    return f"{base}/{path}"


@dataclass(frozen=True)
class Umpan:
    """One feed: its key (see ``jalur``), what it covers, and its entries in order."""

    key: str
    nama: str  # what it covers, short: "Kota Bukittinggi"
    keterangan: str  # one sentence for the feed's subtitle and the /feeds/ page
    halaman: str  # site-relative URL of the HTML page the feed follows
    items: tuple[Item, ...]
    kelompok: str  # "nasional", "pelanggaran" or "wilayah"
    wilayah: Wilayah | None = None
    status: bool = False  # entries are status updates of case records
    penulis: str = PENERBIT  # the feed's author: the office it covers

    @property
    def atom_path(self) -> str:
        return jalur.feed_path(self.key, "atom")

    @property
    def rss_path(self) -> str:
        return jalur.feed_path(self.key, "rss")

    @property
    def paths(self) -> tuple[str, str]:
        return self.atom_path, self.rss_path

    def judul(self, sitename: str) -> str:
        return f"{self.nama} — {sitename}"


@dataclass(frozen=True)
class Provinsi:
    """A province on the /feeds/ page: its own feed and those of its kabupaten/kota."""

    umpan: Umpan
    anak: tuple[Umpan, ...]


@dataclass
class Katalog:
    """Every feed of the site, in a fixed order, with lookups for templates."""

    semua: list[Umpan]
    terbaru: datetime  # newest update in the archive (date of empty feeds)
    by_key: dict[str, Umpan] = field(default_factory=dict)

    def __post_init__(self):
        self.by_key = {u.key: u for u in self.semua}

    def get(self, key: str) -> Umpan | None:
        return self.by_key.get(key)

    def ada(self, key: str) -> bool:
        return key in self.by_key

    def kelompok(self, nama: str) -> list[Umpan]:
        return [u for u in self.semua if u.kelompok == nama]

    def provinsi(self) -> list[Provinsi]:
        """Region feeds grouped by province (in code order), kabupaten/kota inside."""
        groups: dict[str, tuple[Umpan, list[Umpan]]] = {}
        for u in self.kelompok(WILAYAH):
            if u.wilayah.tingkat == "provinsi":
                groups[u.wilayah.kode] = (u, [])
        for u in self.kelompok(WILAYAH):
            if u.wilayah.tingkat != "provinsi":
                groups[u.wilayah.induk][1].append(u)
        return [Provinsi(u, tuple(anak)) for u, anak in groups.values()]

    def files(self) -> list[str]:
        """Every feed file, site-relative, in catalogue order."""
        return [p for u in self.semua for p in u.paths]

    def untuk_halaman(self, article=None, wilayah=None, category=None,
                      is_feeds_page: bool = False) -> list[Umpan]:
        """Feeds a page advertises for autodiscovery: the site feed everywhere,
        plus the page's own (its region, its violation type, its section)."""
        keys = ["semua"]
        if is_feeds_page:
            keys += [u.key for u in self.kelompok(NASIONAL)]
        if category is not None and article is None:
            keys.append(getattr(category, "slug", ""))
        if wilayah is not None:
            keys.append(jalur.feed_key_wilayah(wilayah))
        if article is not None:
            item = getattr(article, "item", None)
            if item is not None and item.jenis != "halaman":
                keys.append(jalur.feed_key_wilayah(item.wilayah))
                if item.violation:
                    keys.append(jalur.feed_key_pelanggaran(item.violation))
        seen, found = set(), []
        for key in keys:
            if key in self.by_key and key not in seen:
                seen.add(key)
                found.append(self.by_key[key])
        return found


def nama_wilayah(w: Wilayah) -> str:
    return f"Provinsi {w.nama}" if w.tingkat == "provinsi" else w.nama


def katalog(arsip: Arsip, maks: int) -> Katalog:
    """Which feeds exist and their entries, from the archive groupings (one pass each)."""
    terbaru = max((i.updated for i in arsip.items), default=TANPA_TANGGAL)
    feeds = [
        Umpan("semua", "Semua berita dan penanganan pelanggaran",
              "Berita kegiatan dan catatan penanganan pelanggaran dari seluruh kantor Bawaslu.",
              "", tuple(arsip.items[:maks]), NASIONAL),
        Umpan("berita", "Berita kegiatan",
              "Berita kegiatan pengawasan dari seluruh kantor Bawaslu.",
              "berita/", tuple(arsip.berita[:maks]), NASIONAL),
        Umpan("putusan", "Penanganan pelanggaran",
              "Catatan penanganan temuan dan laporan dugaan pelanggaran (dianonimkan), "
              "menurut tanggal terbit.",
              "putusan/", tuple(arsip.putusan[:maks]), NASIONAL),
        Umpan("status", "Perubahan status penanganan pelanggaran",
              "Catatan penanganan pelanggaran menurut tanggal pembaruan terakhir: "
              "muncul lagi ketika statusnya berubah, misalnya dari Dalam Proses ke Diteruskan.",
              "putusan/", tuple(arsip.status_updates[:maks]), NASIONAL, status=True),
    ]
    for violation, label in kosakata.VIOLATION.items():
        feeds.append(Umpan(
            jalur.feed_key_pelanggaran(violation), f"Dugaan pelanggaran {label.lower()}",
            f"Catatan penanganan dengan dugaan pelanggaran {label.lower()} dari seluruh wilayah.",
            "putusan/", tuple(arsip.by_violation.get(violation, [])[:maks]), PELANGGARAN,
        ))
    for w in arsip.wilayah_berisi():
        if w.is_nasional or not arsip.punya_umpan(w):
            continue
        cakupan = ("termasuk seluruh kabupaten/kota di dalamnya"
                   if w.tingkat == "provinsi" else "")
        keterangan = f"Berita dan penanganan pelanggaran dari {w.kantor}"
        keterangan += f", {cakupan}." if cakupan else "."
        feeds.append(Umpan(
            jalur.feed_key_wilayah(w), nama_wilayah(w), keterangan, w.url,
            tuple(arsip.of(w)[:maks]), WILAYAH, wilayah=w, penulis=w.kantor,
        ))
    return Katalog(feeds, terbaru)


# --- entries -----------------------------------------------------------------

_ROOT_RELATIVE = re.compile(r'(\s(?:href|src))="/(?!/)')


def absolutkan(html: str, base: str) -> str:
    """Root-relative links in item HTML (``href="/x"``) made absolute for feed readers."""
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    return _ROOT_RELATIVE.sub(lambda m: f'{m.group(1)}="{origin}/', html)


def teks(html: str) -> str:
    """Plain text of an HTML fragment (summaries are text: readable in any reader)."""
    return bersih.teks(html)


def _baris(label: str, value: str) -> str:
    return f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" if value else ""


def panel(item: Item) -> str:
    """The case record's key facts as an HTML definition list, ahead of its text: the
    same rows, labels and order as the page's panel (``skema.baris_panel``)."""
    rows = [_baris(label, tanggal(when) if when else text)
            for _, label, text, when in baris_panel(item)]
    return "<dl>" + "".join(rows) + "</dl>\n"


@dataclass(frozen=True)
class Entri:
    id: str
    judul: str
    url: str
    konten: str  # HTML
    ringkasan: str  # plain text
    kategori: tuple[dict[str, str], ...]
    penulis: tuple[str, ...]
    terbit: datetime
    diperbarui: datetime


def entri(item: Item, base: str, status: bool = False) -> Entri:
    """A feed entry for an item. In the status feed the id names the status, so a
    reader shows a case record again when it moves to another status."""
    url = absolut(base, item.url)
    konten = absolutkan(item.content, base)
    judul = item.title
    if item.jenis == "putusan":
        konten = panel(item) + konten
    elif item.image:
        alt = quoteattr(item.image_alt)
        konten = f'<p><img src="{absolut(base, item.image.lstrip("/"))}" alt={alt}></p>\n' + konten
    if status:
        judul = f"{kosakata.label(item.outcome, 'outcome')}: {item.title}"
    kategori = [{"term": item.wilayah.slug, "label": item.wilayah.nama,
                 "scheme": absolut(base, "wilayah/")}]
    if item.violation:
        kategori.append({"term": item.violation,
                         "label": f"Pelanggaran {kosakata.label(item.violation, 'violation')}",
                         "scheme": absolut(base, jalur.FEEDS_PAGE + "#pelanggaran")})
    if item.outcome:
        kategori.append({"term": item.outcome,
                         "label": f"Status {kosakata.label(item.outcome, 'outcome')}"})
    for tag in item.tags:
        kategori.append({"term": tag, "label": tag, "scheme": absolut(base, "topik/")})
    return Entri(
        id=f"{url}#status-{item.outcome}" if status else url,
        judul=judul,
        url=url,
        konten=konten,
        ringkasan=teks(item.summary) or judul,
        kategori=tuple(kategori),
        penulis=item.authors or (item.wilayah.kantor,),
        terbit=item.date,
        diperbarui=item.updated,
    )


# --- feedgen -----------------------------------------------------------------


class _FeedEntry(FeedEntry):
    """A feedgen entry whose Atom and RSS elements are built once: the feeds that hold
    it are serialised one after the other, and appending the element to the next
    feed's tree moves it out of the last one's (lxml), so each feed writes the same
    bytes as with an element of its own (feedgen builds one per feed and entry)."""

    _atom = _rss = None

    def atom_entry(self, extensions=True):
        if self._atom is None:
            self._atom = super().atom_entry(extensions)
        return self._atom

    def rss_entry(self, extensions=True):
        if self._rss is None:
            self._rss = super().rss_entry(extensions)
        return self._rss


class Penyusun:
    """Builds the files of ``feeds``; each entry is built once and shared by every feed
    holding it, and dropped, with its XML elements, after the last of them is written
    (at 100,000 items they would otherwise all be kept to the end)."""

    def __init__(self, base: str, sitename: str, terbaru: datetime, feeds: list[Umpan]):
        self.base, self.sitename, self.terbaru = base, sitename, terbaru
        self._entries: dict[tuple[str, bool], tuple[Entri, FeedEntry]] = {}
        self._sisa = Counter((i.url, u.status) for u in feeds for i in u.items)  # feeds left

    def entry(self, item: Item, status: bool) -> tuple[Entri, FeedEntry]:
        key = (item.url, status)
        if key not in self._entries:
            e = entri(item, self.base, status)
            fe = _FeedEntry()
            # dc:creator: RSS authors need no e-mail (registered directly: load_extension
            # searches for a module on every call)
            fe.register_extension("dc", DcEntryExtension, atom=False, rss=True)
            fe.guid(e.id, permalink=not status)  # also the Atom id
            fe.title(e.judul)
            fe.link(href=e.url, rel="alternate", type="text/html")
            fe.published(e.terbit)
            fe.updated(e.diperbarui)
            fe.summary(e.ringkasan)
            fe.content(e.konten, type="html")
            fe.category(list(e.kategori))
            fe.author([{"name": n} for n in e.penulis])
            fe.dc.dc_creator(list(e.penulis))
            self._entries[key] = (e, fe)
        return self._entries[key]

    def tulis(self, umpan: Umpan) -> tuple[bytes, bytes]:
        """A feed's Atom and RSS bytes."""
        atom = self.feed(umpan, "atom").atom_str(pretty=True)
        rss = _xml_lang(self.feed(umpan, "rss").rss_str(pretty=True))
        for i in umpan.items:
            key = (i.url, umpan.status)
            self._sisa[key] -= 1
            if self._sisa[key] <= 0:
                self._entries.pop(key, None)
        return atom, rss

    def feed(self, umpan: Umpan, fmt: str) -> FeedGenerator:
        entries = [self.entry(i, umpan.status) for i in umpan.items]
        fg = FeedGenerator()
        if fmt == "rss":
            fg.load_extension("dc", atom=False, rss=True)
        fg.id(absolut(self.base, umpan.atom_path))
        fg.title(umpan.judul(self.sitename))
        fg.subtitle(umpan.keterangan)
        fg.language("id")
        fg.author({"name": umpan.penulis})
        # RSS's channel <link> is the last link given: "self" first, the HTML page last.
        fg.link(href=absolut(self.base, jalur.feed_path(umpan.key, fmt)), rel="self",
                type="application/atom+xml" if fmt == "atom" else "application/rss+xml")
        fg.link(href=absolut(self.base, umpan.halaman), rel="alternate", type="text/html")
        # Never the clock: the newest entry's date (the archive's for an empty feed).
        fg.updated(max((e.diperbarui for e, _ in entries), default=self.terbaru))
        for _, fe in entries:
            fg.add_entry(fe, order="append")  # the default prepends (reverses the order)
        return fg

    # No XSLT stylesheet (browsers are removing XSLT): a feed opened in a browser
    # shows its XML; each feed links its HTML page (rel="alternate" type="text/html",
    # in RSS the channel <link>), and /feeds/ is the readable guide.

def _xml_lang(data: bytes) -> bytes:
    """``xml:lang="id"`` on the RSS root (feedgen writes it on Atom only).

    feedgen's bytes are deterministic, so a fixed insertion keeps them so."""
    declaration, rest = data.split(b"\n", 1)
    if b'xml:lang="id"' not in rest.split(b">", 1)[0]:
        rest = rest.replace(b"<rss ", b'<rss xml:lang="id" ', 1)
    return declaration + b"\n" + rest


def files(kat: Katalog, base: str, sitename: str, cache: dict | None = None) -> dict[str, bytes]:
    """Every feed file: site-relative path -> bytes.

    ``cache`` (warm rebuilds, see ``tembolok``): feed key -> (digest of what the
    feed says, Atom bytes, RSS bytes) from the last build with the same code; a
    feed whose title and entries are unchanged is not built again. The dict is
    replaced by this build's feeds.
    """
    out = {}
    item_digest: dict[str, bytes] = {}
    before = dict(cache or {})
    if cache is not None:
        cache.clear()
    build = []  # (feed, its key in the cache): the feeds not kept from the last build
    for u in kat.semua:
        key = None
        if cache is not None:
            h = hashlib.sha256(repr((u.key, u.judul(sitename), u.keterangan, u.penulis, u.halaman,
                                     u.status, None if u.items else kat.terbaru)).encode())
            for i in u.items:
                if i.url not in item_digest:
                    item_digest[i.url] = hashlib.sha256(repr(i).encode()).digest()
                h.update(item_digest[i.url])
            key = h.hexdigest()
            if before.get(u.key, (None,))[0] == key:
                _, out[u.atom_path], out[u.rss_path] = before[u.key]
                cache[u.key] = before[u.key]
                continue
        build.append((u, key))
    penyusun = Penyusun(base, sitename, kat.terbaru, [u for u, _ in build])
    for u, key in build:
        out[u.atom_path], out[u.rss_path] = penyusun.tulis(u)
        if cache is not None:
            cache[u.key] = (key, out[u.atom_path], out[u.rss_path])
    return out


# --- OPML --------------------------------------------------------------------

FORMAT_LABEL = {"atom": ("Atom", "ATOM"), "rss": ("RSS 2.0", "RSS2")}


def _outline(u: Umpan, fmt: str, base: str, sitename: str, indent: str) -> str:
    title = quoteattr(u.judul(sitename))
    return (f'{indent}<outline type="rss" version="{FORMAT_LABEL[fmt][1]}" language="id" '
            f'text={title} title={title} '
            f'xmlUrl={quoteattr(absolut(base, jalur.feed_path(u.key, fmt)))} '
            f'htmlUrl={quoteattr(absolut(base, u.halaman))}/>')


def opml(kat: Katalog, base: str, sitename: str) -> str:
    """OPML 2.0 listing every feed file, grouped by format, then national, violation
    type and province (with its kabupaten/kota)."""
    modified = format_datetime(kat.terbaru)  # RFC 822, locale-independent
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "<head>",
        f"<title>{escape(f'Umpan berita — {sitename}')}</title>",
        f"<dateModified>{modified}</dateModified>",
        f"<ownerName>{escape(PENERBIT)}</ownerName>",
        "<docs>http://opml.org/spec2.opml</docs>",
        "</head>",
        "<body>",
    ]
    groups = [("Nasional", kat.kelompok(NASIONAL)),
              ("Jenis dugaan pelanggaran", kat.kelompok(PELANGGARAN))]
    for fmt in ("atom", "rss"):
        label = FORMAT_LABEL[fmt][0]
        lines.append(f'<outline text="{label}" title="{label}">')
        for name, feeds in groups:
            lines.append(f'  <outline text="{name}" title="{name}">')
            lines += [_outline(u, fmt, base, sitename, "    ") for u in feeds]
            lines.append("  </outline>")
        provinces = kat.provinsi()
        if provinces:
            lines.append('  <outline text="Wilayah" title="Wilayah">')
            for p in provinces:
                name = quoteattr(p.umpan.nama)
                lines.append(f"    <outline text={name} title={name}>")
                lines += [_outline(u, fmt, base, sitename, "      ") for u in (p.umpan, *p.anak)]
                lines.append("    </outline>")
            lines.append("  </outline>")
        lines.append("</outline>")
    lines += ["</body>", "</opml>", ""]
    return "\n".join(lines)
