"""The content contract as one schema: every field of every content file, in one table.

A content file goes through one function, ``baca``: bytes -> UTF-8 -> one
normalisation pass -> header -> body -> typed fields -> cross-field rules. It
returns either one typed ``Item`` or a list of ``Masalah`` (``path:line:
message`` in Indonesian). ``invoke check``, the build (the reader in
``buletin_konten``), ``invoke new``, the staff guide's key table and the
editor's configuration all read the table ``KUNCI`` below: adding a key is one
entry there.

Decisions (documented in docs/kontrak-konten.md and the staff guide):

- Lines are split at ``\\n``, ``\\r\\n`` and ``\\r`` only. The other Unicode line
  breaks (U+2028, U+2029, U+0085, VT, FF) are refused in the header (they hide
  keys from a reader that splits differently) and turned into plain line
  breaks in the body before Markdown sees it; messages keep counting lines as
  editors do.
- NUL and the other control characters (except tab) are refused wherever they
  are, with their line.
- Every header line is ``Key: value`` or a continuation (indented by four
  spaces or a tab); anything else, a duplicate key or an unknown key is an
  error with its line, and the header goes on. A blank line ends the header.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from slugify import slugify

from . import kosakata as kk
from . import penjaga
from .bersih import isi_folder
from .model import Item
from .wilayah import Registry, Wilayah

TZ = ZoneInfo("Asia/Jakarta")
JENIS = ("berita", "putusan", "halaman")
ARTIKEL = frozenset({"berita", "putusan"})
SEMUA = frozenset(JENIS)
BERITA = frozenset({"berita"})
PUTUSAN = frozenset({"putusan"})
MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")

# Sane dates: nothing before 2000, nothing after the build's date plus a margin.
TANGGAL_PALING_AWAL = date(2000, 1, 1)
MARJIN_HARI = 1
# Every value that becomes part of a file name is bounded (file systems allow 255 bytes).
MAKS = {"slug": 100, "register": 100, "tag": 60, "title": 200, "text": 1000, "image": 200}
# What `invoke new` leaves for staff to fill in: the check names each one left.
ISIAN = re.compile(r"\[ISI:[^\]\n]*\]")
PANDUAN_BARU = "PANDUAN PENGISIAN"


@dataclass(frozen=True, order=True)
class Masalah:
    """One content problem, shown as ``path:line: message``."""

    path: str
    line: int
    pesan: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.pesan}"


@dataclass(frozen=True)
class Kunci:
    """One key of the contract.

    ``jenis``: the content kinds it belongs to; ``wajib``: the kinds where it is
    required (other conditions are cross-field rules); ``bentuk``: how its value
    is read (see ``PARSERS``); ``kosakata``: the controlled values, if any;
    ``label``: its Indonesian name (editor, case panel); ``petunjuk``: the hint
    shown in errors, in ``invoke new`` files and in the staff guide; ``contoh``:
    the value ``invoke new`` writes (``None``: the key is only explained there);
    ``attr``: the ``Item`` attribute it fills; ``dipindai``: the anonymity guard
    reads it.
    """

    key: str
    jenis: frozenset
    bentuk: str
    label: str
    petunjuk: str
    attr: str = ""
    wajib: frozenset = frozenset()
    kosakata: Mapping[str, str] | None = None
    contoh: str | None = ""
    dipindai: bool = True
    bila: str = ""  # when it is required, beyond `wajib` (staff guide, editor)

    @property
    def lower(self) -> str:
        return self.key.lower()


DATE_HINT = "format YYYY-MM-DD atau YYYY-MM-DD HH:MM, mis. 2024-10-11 atau 2024-10-11 09:30"
DAY_HINT = "gunakan format YYYY-MM-DD, mis. 2024-10-11"
REGION_HINT = ('gunakan kode Kemendagri (mis. 13.75), nama resmi (mis. "Kota Bukittinggi", '
               '"Kab. Agam") atau "nasional"')
ELECTION_HINT = "gunakan pilkada-YYYY atau pemilu-YYYY, mis. pilkada-2024"

# The contract, in the order staff write the keys (and `invoke new` writes them).
KUNCI: tuple[Kunci, ...] = (
    Kunci("Title", SEMUA, "judul", "Judul", "tulis judul berita atau catatan penanganan",
          "title", wajib=SEMUA, contoh="{title}"),
    Kunci("Date", ARTIKEL, "waktu", "Tanggal terbit", f"tanggal terbit, {DATE_HINT}", "date",
          wajib=ARTIKEL, contoh="{now}", dipindai=False),
    Kunci("Modified", ARTIKEL, "waktu", "Diperbarui",
          "tanggal pembaruan penting, format seperti Date; tambahkan hanya bila ada pembaruan",
          "modified", contoh=None, dipindai=False),
    Kunci("Region", ARTIKEL, "wilayah", "Wilayah", f"wilayah kantor yang melapor; {REGION_HINT}",
          "wilayah", wajib=ARTIKEL, contoh="{region}", dipindai=False),
    Kunci("Register", PUTUSAN, "register", "Nomor register",
          "nomor register, mis. 002/Reg/LP/PB/Kota/13.75/X/2024", "register", wajib=PUTUSAN,
          contoh="[ISI: nomor register, mis. 002/Reg/LP/PB/Kota/13.75/X/2024]"),
    Kunci("Activity", BERITA, "pilihan", "Kegiatan", "jenis kegiatan", "activity", wajib=BERITA,
          kosakata=kk.ACTIVITY, contoh="sosialisasi", dipindai=False),
    Kunci("Location", BERITA, "teks", "Tempat", "tempat kegiatan (boleh kosong)", "location"),
    Kunci("Election", ARTIKEL, "pemilihan", "Pemilihan", ELECTION_HINT, "election",
          wajib=PUTUSAN, contoh="pilkada-2024", dipindai=False),
    Kunci("Source", PUTUSAN, "pilihan", "Sumber", "temuan Bawaslu atau laporan masyarakat",
          "source", wajib=PUTUSAN, kosakata=kk.SOURCE, contoh="laporan", dipindai=False),
    Kunci("Violation", PUTUSAN, "pilihan", "Dugaan pelanggaran", "jenis dugaan pelanggaran",
          "violation", wajib=PUTUSAN, kosakata=kk.VIOLATION, contoh="administrasi", dipindai=False),
    Kunci("Subject", PUTUSAN, "pilihan", "Pihak yang diduga", "pihak yang diduga melanggar",
          "subject", wajib=PUTUSAN, kosakata=kk.SUBJECT, contoh="asn", dipindai=False),
    Kunci("Received", PUTUSAN, "tanggal", "Diterima/dicatat",
          "tanggal laporan diterima atau temuan dicatat, YYYY-MM-DD", "received", wajib=PUTUSAN,
          contoh="{today}", dipindai=False),
    Kunci("Registered", PUTUSAN, "tanggal", "Diregistrasi",
          "tanggal registrasi, YYYY-MM-DD; kosongkan bila tidak-diregistrasi", "registered",
          dipindai=False, bila="bila diregistrasi"),
    Kunci("Decided", PUTUSAN, "tanggal", "Diputuskan",
          "tanggal status diputuskan, YYYY-MM-DD; kosongkan selama dalam-proses, wajib untuk "
          "status lain", "decided", dipindai=False, bila="bila status final"),
    Kunci("Outcome", PUTUSAN, "pilihan", "Status", "status penanganan", "outcome", wajib=PUTUSAN,
          kosakata=kk.OUTCOME, contoh="dalam-proses", dipindai=False),
    Kunci("Forwarded-To", PUTUSAN, "pilihan-banyak", "Diteruskan ke",
          "hanya bila Outcome diteruskan; satu atau lebih, dipisah koma", "forwarded_to",
          kosakata=kk.FORWARDED_TO, dipindai=False, bila='bila Outcome "diteruskan"'),
    Kunci("Legal-Basis", PUTUSAN, "teks", "Dasar hukum",
          "dasar hukum, mis. UU 10/2016 Pasal 71 ayat (1)", "legal_basis"),
    Kunci("Tags", ARTIKEL, "daftar", "Topik",
          "topik, dipisah koma, mis. netralitas-asn, pilkada-2024", "tags"),
    Kunci("Summary", SEMUA, "ringkasan", "Ringkasan",
          "satu atau dua kalimat tanpa nama pribadi; bila kosong dipakai paragraf pertama",
          "summary"),
    Kunci("Authors", ARTIKEL, "daftar", "Penulis", "nama penulis, dipisah koma bila lebih dari satu",
          "authors"),
    Kunci("Photographer", ARTIKEL, "teks", "Foto", "nama fotografer", "photographer"),
    Kunci("Editor", ARTIKEL, "teks", "Editor", "nama editor", "editor"),
    Kunci("Image", ARTIKEL, "gambar", "Gambar",
          "gambar utama (boleh kosong), letakkan di content/gambar/, tulis mis. gambar/rapat.jpg",
          "image", dipindai=False),
    Kunci("Image-Alt", ARTIKEL, "teks", "Teks pengganti gambar",
          "wajib bila Image diisi: apa yang tampak pada gambar, satu kalimat", "image_alt",
          bila="bila Image diisi"),
    Kunci("Slug", frozenset({"berita", "halaman"}), "slug", "Akhir alamat",
          "akhir alamat halaman (huruf kecil, angka dan tanda hubung), hanya bila judulnya sama "
          "dengan isi lain", "slug", contoh=None, dipindai=False),
    Kunci("Status", SEMUA, "status", "Status terbit",
          "draft (diperiksa, tidak diterbitkan), hidden (diterbitkan tanpa muncul di daftar) "
          "atau published (bawaan)", "status", kosakata=kk.STATUS, contoh=None, dipindai=False),
    Kunci("Not-Personal-Data", SEMUA, "daftar", "Bukan data pribadi",
          "teks yang keliru ditandai sebagai data pribadi, persis seperti tertulis; dipisah koma",
          "", contoh=None, dipindai=False),
)
BY_KEY = {k.lower: k for k in KUNCI}
# Keys Pelican itself acts on (where and how it writes a page) that the contract does not
# have: an error with their own explanation. (Slug, Status and the like are contract keys,
# allowed where the schema says.)
PELICAN = {"template", "save_as", "url", "category", "lang", "translation", "author",
           "date_format", "override_url", "override_save_as"}


def kunci_untuk(jenis: str) -> list[Kunci]:
    return [k for k in KUNCI if jenis in k.jenis]


def nama_kunci(jenis: str) -> str:
    return ", ".join(k.key for k in kunci_untuk(jenis))


# --- reading the file ------------------------------------------------------------------

# Unicode line breaks other than \n and \r; refused in the header, line breaks in the body.
PEMISAH = "\u2028\u2029\u0085\x0b\x0c"
_KONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_KEY_LINE = re.compile(r"([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+|$)(.*)")
_CONTINUATION = re.compile(r"(?: {4,}|\t)[ \t]*(\S.*)")
_HEADER_END = re.compile(r"(?:-{3}|\.{3})[ \t]*")
_BROKEN_KEY = re.compile(r"\s*([A-Za-z][A-Za-z0-9_ -]{0,30}?)\s*:")


@dataclass
class Nilai:
    """A header value: its text and where it sits in the file."""

    teks: str
    line: int  # line of its key
    start: int  # offset of the value in the file's text
    end: int
    written: str  # the key as written


@dataclass
class Berkas:
    """A content file split into its header and its body, positions kept."""

    path: str  # as shown in messages
    rel: str  # relative to the content folder
    teks: str  # the whole normalised text
    meta: dict[str, Nilai] = field(default_factory=dict)
    body: str = ""
    body_start: int = 0  # offset of the body in ``teks``
    body_line: int = 1
    masalah: list[Masalah] = field(default_factory=list)

    def value(self, key: str) -> str:
        v = self.meta.get(key.lower())
        return v.teks.strip() if v else ""

    def line(self, key: str) -> int:
        v = self.meta.get(key.lower())
        return v.line if v else 1

    def line_at(self, offset: int) -> int:
        return self.teks.count("\n", 0, offset) + 1

    def column_at(self, offset: int) -> int:
        return offset - (self.teks.rfind("\n", 0, offset) + 1) + 1

    def error(self, where: str | int, pesan: str) -> None:
        line = where if isinstance(where, int) else self.line(where)
        self.masalah.append(Masalah(self.path, line, pesan))

    def shown(self, key: str) -> str:
        v = self.meta.get(key.lower())
        return f'"{v.written if v else key}: {self.value(key)}"'

    def bagian(self) -> list[tuple[str, int, int]]:
        """Every scanned part of the file for the checks: (key, start, end); "body" last."""
        parts = [(k, v.start, v.end) for k, v in self.meta.items()
                 if k not in BY_KEY or BY_KEY[k].dipindai]
        return parts + [("body", self.body_start, len(self.teks))]


def decode(data: bytes, path: str) -> tuple[str | None, list[Masalah]]:
    """Bytes to normalised text (UTF-8, NFC, ``\\n`` line ends), or the problems."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        return None, [Masalah(path, line, "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8")]
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    problems = []
    for m in _KONTROL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        problems.append(Masalah(
            path, line, f"karakter kendali U+{ord(m.group()):04X} tidak boleh ada di berkas konten "
            "(biasanya terbawa dari salinan dokumen lain); hapus karakter itu"))
    return text, _one_per_line(problems)


def _one_per_line(problems: list[Masalah]) -> list[Masalah]:
    seen, out = set(), []
    for p in problems:
        if (p.line, p.pesan[:20]) not in seen:
            seen.add((p.line, p.pesan[:20]))
            out.append(p)
    return out


def pisah(path: str, rel: str, text: str) -> Berkas:
    """Split the header from the body, strictly (see the module's docstring)."""
    b = Berkas(path, rel, text)
    lines = text.split("\n")
    offsets = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    i = 1 if lines and _HEADER_END.fullmatch(lines[0]) and lines[0].startswith("-") else 0
    last: Nilai | None = None
    while i < len(lines):
        line, n, at = lines[i], i + 1, offsets[i]
        if not line.strip():
            break
        if _HEADER_END.fullmatch(line):
            i += 1
            break
        if any(ch in line for ch in PEMISAH):
            ch = next(ch for ch in line if ch in PEMISAH)
            b.error(n, f"pemisah baris U+{ord(ch):04X} tidak boleh ada di kepala berkas (biasanya "
                    "terbawa dari salinan dokumen lain); ganti dengan baris baru biasa")
            i += 1
            continue
        m = _KEY_LINE.fullmatch(line)
        c = _CONTINUATION.fullmatch(line)
        if m and not line[0].isspace():
            key = m.group(1).lower()
            value_at = at + m.start(2)
            if key in b.meta:
                first = b.meta[key]
                b.error(n, f'kunci "{m.group(1)}" sudah ditulis di baris {first.line}; setiap kunci '
                        "hanya boleh ditulis sekali (hapus salah satunya)")
                last = None
            else:
                last = b.meta[key] = Nilai(m.group(2).rstrip(), n, value_at,
                                           value_at + len(m.group(2).rstrip()), m.group(1))
        elif c and last is not None:
            last.teks = f"{last.teks}\n{c.group(1).rstrip()}".strip("\n")
            last.end = at + c.start(1) + len(c.group(1).rstrip())
        else:
            broken = _BROKEN_KEY.match(line)
            if broken and _squash(broken.group(1)) in _SQUASHED:
                b.error(n, f'baris "{broken.group(0).strip()} ..." tidak terbaca sebagai kunci; tulis '
                        "nama kunci tanpa spasi, langsung diikuti titik dua dan satu spasi (mis. "
                        '"Legal-Basis: ..."), dan pisahkan kepala berkas dari isi dengan satu '
                        "baris kosong")
            else:
                b.error(n, f'baris "{_short(line)}" di kepala berkas bukan "Kunci: nilai"; setiap '
                        'baris kepala berkas berbentuk "Kunci: nilai" (nilai lanjutan diawali empat '
                        "spasi), lalu satu baris kosong, lalu isi")
            last = None
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    b.body_start = offsets[i] if i < len(lines) else len(text)
    b.body_line = i + 1
    b.body = text[b.body_start:]
    return b


def _squash(key: str) -> str:
    return re.sub(r"[\s_-]", "", key).lower()


_SQUASHED = {_squash(k.key) for k in KUNCI}


def _short(text: str, n: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= n else text[:n] + "…"


def split_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,\n]", value) if v.strip()]


def parse_datetime(value: str) -> datetime | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` in the site's time zone."""
    value = value.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?", value):
        return None
    try:  # within that shape, the dates and times strptime("%Y-%m-%d[ %H:%M]") takes, faster
        return datetime.fromisoformat(value).replace(tzinfo=TZ)
    except ValueError:
        return None


def parse_date(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def register_slug(register: str) -> str:
    """``002/Reg/LP/PB/Kota/13.75/X/2024`` -> ``002-reg-lp-pb-kota-13-75-x-2024``."""
    return slugify(register)


def news_slug(title: str) -> str:
    # 80, as since the first release: news URLs never change.
    return slugify(title, max_length=80, word_boundary=True)


def item_url(jenis: str, slug: str, published: datetime) -> str:
    """Site-relative URL of an item; the one place URLs of items are made."""
    if jenis == "putusan":
        return f"putusan/{slug}/"
    if jenis == "halaman":
        return f"{slug}/"
    return f"berita/{published:%Y}/{published:%m}/{slug}/"


def jenis_of(relative_path: str) -> str | None:
    """``berita``, ``putusan`` or ``halaman`` from the file's top folder."""
    parts = PurePosixPath(relative_path).parts
    return parts[0] if parts and parts[0] in JENIS and len(parts) > 1 else None


# --- fields ------------------------------------------------------------------------------


@dataclass
class Konteks:
    """What checking a file needs besides its bytes."""

    registry: Registry
    root: Path | None = None  # the content folder (images are looked up there)
    hari_ini: date | None = None  # the build's date (sane-date limit); None: today in WIB
    markdown: Callable[[str], str] | None = None  # body -> HTML; None: check only
    bersihkan: Callable[[str], str] | None = None  # sanitiser of the HTML Markdown gives

    def today(self) -> date:
        return self.hari_ini or datetime.now(TZ).date()


def _choices(values) -> str:
    return ", ".join(values)


def _near(value: str, options, cutoff=0.6) -> str | None:
    near = difflib.get_close_matches(value, list(options), n=1, cutoff=cutoff)
    return near[0] if near else None


class Pembaca:
    """Reads each field of one file by its schema entry; typed values in ``nilai``."""

    def __init__(self, b: Berkas, jenis: str, ctx: Konteks):
        self.b, self.jenis, self.ctx = b, jenis, ctx
        self.nilai: dict = {}

    def required(self, k: Kunci) -> str | None:
        value = self.b.value(k.key)
        if not value:
            what = "kosong" if k.lower in self.b.meta else "belum ada"
            hint = k.petunjuk
            if k.bentuk == "pilihan":
                hint = f"pilih salah satu dari: {_choices(k.kosakata)}"
            elif self.jenis == "halaman" and k.key == "Title":
                hint = "tulis judul halaman"
            self.b.error(k.key, f'kunci "{k.key}" wajib diisi ({what}); {hint}')
            return None
        return value

    def run(self) -> dict:
        b = self.b
        allowed = {k.lower: k for k in kunci_untuk(self.jenis)}
        for key, v in b.meta.items():
            if key not in allowed:
                self.unknown(key, v)
        for k in allowed.values():
            if k.lower not in b.meta and self.jenis not in k.wajib:
                continue
            value = self.required(k) if self.jenis in k.wajib else b.value(k.key)
            if not value:
                if k.lower in b.meta and k.bentuk == "waktu":  # Pelican cannot read it empty
                    b.error(k.key, f'kunci "{k.key}" kosong; isi tanggal pembaruan ({DATE_HINT}) '
                            f"atau hapus baris {k.key}")
                continue
            parsed = PARSERS[k.bentuk](self, k, value)
            if parsed is not None and k.attr:
                self.nilai[k.attr] = parsed
        for rule in ATURAN:
            rule(self)
        return self.nilai

    def unknown(self, key: str, v: Nilai) -> None:
        allowed = [k.key for k in kunci_untuk(self.jenis)]
        lower = {a.lower(): a for a in allowed}
        others = [j for j in JENIS if j != self.jenis and key in {k.lower for k in kunci_untuk(j)}]
        if others:
            maybe = f"kunci ini hanya berlaku untuk {' dan '.join(others)}. "
        elif key in PELICAN:
            maybe = "kunci ini mengatur cara Pelican menulis halaman dan tidak dipakai di konten. "
        else:
            near = _near(key, lower)
            maybe = f'mungkin maksudnya "{lower[near]}"? ' if near else ""
        self.b.error(v.line, f'kunci "{v.written}" tidak dikenal untuk {self.jenis}; {maybe}'
                     f"kunci yang berlaku: {', '.join(allowed)}")


def _text(r: Pembaca, k: Kunci, value: str) -> str:
    limit = MAKS["title"] if k.bentuk == "judul" else MAKS["text"]
    if len(value) > limit:
        r.b.error(k.key, f'nilai "{k.key}" terlalu panjang ({len(value)} karakter); paling '
                  f"banyak {limit} karakter")
    return " ".join(value.split()) if k.bentuk == "judul" else value


def _datetime(r: Pembaca, k: Kunci, value: str) -> datetime | None:
    parsed = parse_datetime(value)
    if parsed is None:
        r.b.error(k.key, f"tanggal {r.b.shown(k.key)} tidak valid; gunakan {DATE_HINT}")
        return None
    return parsed if _sane(r, k, parsed.date()) else None


def _date(r: Pembaca, k: Kunci, value: str) -> date | None:
    parsed = parse_date(value)
    if parsed is None:
        r.b.error(k.key, f"tanggal {r.b.shown(k.key)} tidak valid; {DAY_HINT}")
        return None
    return parsed if _sane(r, k, parsed) else None


def _sane(r: Pembaca, k: Kunci, d: date) -> bool:
    latest = r.ctx.today() + timedelta(days=MARJIN_HARI)
    if d < TANGGAL_PALING_AWAL:
        r.b.error(k.key, f"tanggal {r.b.shown(k.key)} terlalu awal; tanggal di buletin ini paling "
                  f"awal {TANGGAL_PALING_AWAL.isoformat()}")
        return False
    if d > latest:
        r.b.error(k.key, f"tanggal {r.b.shown(k.key)} ada di masa depan (hari ini "
                  f"{r.ctx.today().isoformat()}); tulis tanggal yang sudah terjadi")
        return False
    return True


def _region(r: Pembaca, k: Kunci, value: str) -> Wilayah | None:
    reg = r.ctx.registry
    w = reg.resolve(value)
    if w is None:
        near = reg.suggest(value)
        quoted = [f'"{n}"' for n in near]
        names = " atau ".join(filter(None, [", ".join(quoted[:-1]), quoted[-1]])) if near else ""
        maybe = f"mungkin maksudnya {names}? " if near else ""
        r.b.error(k.key, f"wilayah {r.b.shown(k.key)} tidak ada dalam daftar wilayah; {maybe}"
                  f"{REGION_HINT}")
    return w


def _choice(r: Pembaca, k: Kunci, value: str) -> str | None:
    if value.lower() in k.kosakata:
        return value.lower()
    near = _near(value.lower(), k.kosakata)
    maybe = f' Mungkin maksudnya "{near}"?' if near else ""
    r.b.error(k.key, f"nilai {r.b.shown(k.key)} tidak dikenal.{maybe} Pilih salah satu dari: "
              f"{_choices(k.kosakata)}")
    return None


def _choices_many(r: Pembaca, k: Kunci, value: str) -> tuple[str, ...]:
    values = split_list(value)
    bad = [v for v in values if v.lower() not in k.kosakata]
    if bad:
        r.b.error(k.key, f"nilai {r.b.shown(k.key)} tidak dikenal ({', '.join(bad)}); pilih satu "
                  f"atau lebih dari: {_choices(k.kosakata)}")
    return tuple(dict.fromkeys(v.lower() for v in values if v.lower() in k.kosakata))


def _status(r: Pembaca, k: Kunci, value: str) -> str | None:
    if value.lower() in k.kosakata:
        return value.lower()
    r.b.error(k.key, f"nilai {r.b.shown(k.key)} tidak dikenal; pilih salah satu dari: "
              f"{_choices(k.kosakata)}")
    return None


def _election(r: Pembaca, k: Kunci, value: str) -> str | None:
    if kk.ELECTION_RE.match(value.lower()):
        return value.lower()
    r.b.error(k.key, f"nilai {r.b.shown(k.key)} tidak sesuai; {ELECTION_HINT}")
    return None


def _list(r: Pembaca, k: Kunci, value: str) -> tuple[str, ...]:
    values = tuple(dict.fromkeys(split_list(value)))
    if k.key == "Tags":
        for tag in values:
            if not slugify(tag):
                r.b.error(k.key, f'topik "{tag}" tidak dapat dipakai untuk alamat halaman; gunakan '
                          "huruf dan angka")
            elif len(slugify(tag)) > MAKS["tag"]:
                r.b.error(k.key, f'topik "{_short(tag)}" terlalu panjang; paling banyak '
                          f"{MAKS['tag']} karakter")
    return values


def _register(r: Pembaca, k: Kunci, value: str) -> str | None:
    if len(value) > MAKS["register"]:
        r.b.error(k.key, f"nomor register terlalu panjang ({len(value)} karakter); paling banyak "
                  f"{MAKS['register']} karakter")
        return None
    if not register_slug(value):
        r.b.error(k.key, f"nomor register {r.b.shown(k.key)} tidak dapat dipakai untuk alamat "
                  "halaman; gunakan huruf, angka, titik dan garis miring")
        return None
    return value


def _slug(r: Pembaca, k: Kunci, value: str) -> str | None:
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) and len(value) <= MAKS["slug"]:
        return value
    maybe = slugify(value, max_length=MAKS["slug"], word_boundary=True)
    hint = f'; mungkin maksudnya "{maybe}"?' if maybe else ""
    r.b.error(k.key, f"nilai {r.b.shown(k.key)} tidak dapat dipakai sebagai alamat: gunakan huruf "
              f"kecil, angka dan tanda hubung saja, paling banyak {MAKS['slug']} karakter{hint}")
    return None


def _image(r: Pembaca, k: Kunci, value: str) -> str | None:
    from .bersih import gambar_tidak_aman

    path = PurePosixPath(value.lstrip("/"))
    root = r.ctx.root
    if len(value) > MAKS["image"]:
        r.b.error(k.key, f"jalur gambar terlalu panjang; paling banyak {MAKS['image']} karakter")
        return None
    if root is None:  # checked without a content folder: nothing to look up
        return path.as_posix()
    why = gambar_tidak_aman(root, value)
    if why is None and not (root / path).is_file():
        why = (f"gambar {r.b.shown(k.key)} tidak ditemukan; letakkan berkasnya di folder "
               "content/gambar/ dan tulis jalurnya dari folder content, mis. gambar/rapat.jpg")
    if why is not None:
        r.b.error(k.key, why)
        return None
    return path.as_posix()


PARSERS: dict[str, Callable] = {
    "judul": _text, "teks": _text, "ringkasan": _text, "waktu": _datetime, "tanggal": _date,
    "wilayah": _region, "pilihan": _choice, "pilihan-banyak": _choices_many, "status": _status,
    "pemilihan": _election, "daftar": _list, "register": _register, "slug": _slug,
    "gambar": _image,
}


# --- cross-field rules -------------------------------------------------------------------

def _modified_after_date(r: Pembaca) -> None:
    v, b = r.nilai, r.b
    if "modified" in v and "date" in v:
        both_times = len(b.value("Modified")) > 10 and len(b.value("Date")) > 10
        if v["modified"].date() < v["date"].date() or (both_times and v["modified"] < v["date"]):
            b.error("Modified", f"tanggal {b.shown('Modified')} lebih awal dari {b.shown('Date')}; "
                    "Modified adalah tanggal pembaruan, tidak boleh sebelum tanggal terbit")
            del v["modified"]


def _image_alt(r: Pembaca) -> None:
    if "image" in r.b.meta and r.b.value("Image"):
        if not r.b.value("Image-Alt"):
            what = "kosong" if "image-alt" in r.b.meta else "belum ada"
            line = r.b.line("Image-Alt") if "image-alt" in r.b.meta else r.b.line("Image")
            r.b.error(line, f'kunci "Image-Alt" wajib diisi ({what}); teks pengganti gambar wajib ada '
                      "bila Image diisi: tuliskan singkat apa yang tampak pada gambar")
    elif r.b.value("Image-Alt"):
        r.b.error("Image-Alt", '"Image-Alt" diisi tetapi "Image" kosong; isi Image atau hapus Image-Alt')


def _case_dates(r: Pembaca) -> None:
    if r.jenis != "putusan":
        return
    b, v = r.b, r.nilai
    dates = {k: v[a] for k, a in (("Received", "received"), ("Registered", "registered"),
                                  ("Decided", "decided")) if a in v}
    order = list(dates)
    for earlier, later in itertools.pairwise(order):
        if dates[later] < dates[earlier]:
            b.error(later, f"tanggal {b.shown(later)} lebih awal dari {b.shown(earlier)}; urutan "
                    "yang benar: Received ≤ Registered ≤ Decided")
    published = max(filter(None, (v.get("date"), v.get("modified"))), default=None)
    if "decided" in v and published is not None and v["decided"] > published.date():
        which = "Modified" if "modified" in v else "Date"
        b.error("Decided", f"tanggal {b.shown('Decided')} sesudah {b.shown(which)}; status tidak "
                "dapat diputuskan sesudah catatan ini diterbitkan atau diperbarui: perbarui "
                f"{which}")
    outcome = v.get("outcome")
    shown = f'Outcome "{outcome}"'
    if outcome == "dalam-proses" and b.value("Decided"):
        b.error("Decided", f'"Decided" harus kosong selama {shown}; isi Decided hanya ketika status '
                "sudah diputuskan")
    if outcome and outcome != "dalam-proses" and not b.value("Decided"):
        b.error("Outcome", f'kunci "Decided" wajib diisi karena {shown} sudah final: tulis tanggal '
                "status diputuskan, YYYY-MM-DD")
    if outcome == "tidak-diregistrasi" and b.value("Registered"):
        b.error("Registered", f'"Registered" harus kosong karena {shown}; laporan yang tidak '
                "diregistrasi tidak memiliki tanggal registrasi")
    forwarded = split_list(b.value("Forwarded-To"))
    if outcome == "diteruskan" and not forwarded:
        b.error("Outcome", f'kunci "Forwarded-To" wajib diisi karena {shown}; pilih satu atau lebih '
                f"dari: {_choices(kk.FORWARDED_TO)}")
    if forwarded and outcome and outcome != "diteruskan":
        b.error("Forwarded-To", f'"Forwarded-To" hanya diisi bila Outcome "diteruskan" (sekarang '
                f'"{outcome}"); hapus Forwarded-To atau ubah Outcome')


def _office_folder(r: Pembaca) -> None:
    """``berita/<region-slug>/…``: the folder belongs to that region's office."""
    parts = PurePosixPath(r.b.rel).parts
    w = r.nilai.get("wilayah")
    if r.jenis not in ARTIKEL or len(parts) < 3 or w is None:
        return
    owner = r.ctx.registry.by_slug.get(parts[1])
    if owner is None or owner == w or owner in r.ctx.registry.ancestors(w):
        return
    r.b.error("Region", f"wilayah {r.b.shown('Region')} bukan wilayah folder ini: folder "
              f'"{parts[0]}/{parts[1]}/" milik {owner.kantor}; tulis Region "{owner.nama}" atau '
              "wilayah di bawahnya, atau pindahkan berkas ke folder kantor yang benar")


def _placeholders(r: Pembaca) -> None:
    b = r.b
    for m in ISIAN.finditer(b.teks):
        b.error(b.line_at(m.start()), f'teks isian "{m.group()}" belum diganti; ganti dengan isi '
                "yang sebenarnya")
    at = b.teks.find(PANDUAN_BARU)
    if at != -1:
        b.error(b.line_at(at), f'komentar "{PANDUAN_BARU}" dari invoke new masih ada; hapus '
                "komentar itu setelah semua kunci diisi")


ATURAN: tuple[Callable[[Pembaca], None], ...] = (
    _modified_after_date, _image_alt, _case_dates, _office_folder, _placeholders,
)


# --- the one function --------------------------------------------------------------------

def baca(data: bytes, rel: str, shown: str, ctx: Konteks) -> Item | list[Masalah]:
    """One content file (its bytes, its path relative to the content folder, the path
    shown in messages) -> one typed ``Item``, or every problem in it, sorted."""
    jenis = jenis_of(rel)
    if jenis is None:
        b = Berkas(shown, rel, "", masalah=[Masalah(
            shown, 1, "berkas konten harus berada di folder berita/, putusan/ atau halaman/")])
        return Ditolak(b, "halaman", {})
    text, problems = decode(data, shown)
    if text is None:
        return Ditolak(Berkas(shown, rel, "", masalah=problems), jenis, {})
    b = pisah(shown, rel, text)
    b.masalah += problems
    nilai = Pembaca(b, jenis, ctx).run()
    penjaga.periksa(b, jenis)
    if b.masalah:
        return Ditolak(b, jenis, nilai)
    return _item(b, jenis, nilai, ctx, hashlib.sha256(data).hexdigest())


class Ditolak(list):
    """A refused file: its problems (a sorted list), plus the identity it would have
    had (Register, URL), so that the site-wide rules still see it in the same run."""

    def __init__(self, b: Berkas, jenis: str, nilai: dict):
        super().__init__(sorted(set(b.masalah)))
        self.jenis = jenis
        self.register = nilai.get("register", "")
        slug = (register_slug(self.register) if jenis == "putusan"
                else nilai.get("slug") or news_slug(nilai.get("title", "")))
        self.url = item_url(jenis, slug, nilai["date"]) if slug and "date" in nilai else ""
        self._lines = {k: v.line for k, v in b.meta.items()}

    def line(self, key: str) -> int:
        return self._lines.get(key.lower(), 1)


def _item(b: Berkas, jenis: str, nilai: dict, ctx: Konteks, sidik: str = "") -> Item:
    title = nilai["title"]
    date_ = nilai.get("date") or datetime(2000, 1, 1, tzinfo=TZ)
    if jenis == "putusan":
        slug = register_slug(nilai["register"])
    else:
        slug = nilai.get("slug") or news_slug(title) or "halaman"
    body = b.body
    for ch in PEMISAH:
        body = body.replace(ch, "\n")
    content = summary = ""
    if ctx.markdown is not None:
        clean = ctx.bersihkan or (lambda html: html)
        content = clean(ctx.markdown(body))
        if nilai.get("summary"):
            summary = clean(ctx.markdown(nilai["summary"]))
        else:
            summary = first_paragraph(content)
    nilai = {**nilai, "summary": summary}
    nilai.pop("slug", None)
    return Item(
        jenis=jenis, source_path=b.rel, url=item_url(jenis, slug, date_), slug=slug,
        content=content, lines=tuple((k, v.line) for k, v in b.meta.items()), sidik=sidik,
        **{"date": date_, "wilayah": ctx.registry.nasional, **nilai},
    )


def first_paragraph(html: str) -> str:
    start = html.find("<p>")
    end = html.find("</p>", start)
    return html[start:end + 4] if start != -1 and end != -1 else ""


def check_unique(items: list[tuple[str, Item | Ditolak]]) -> list[Masalah]:
    """Register numbers and URLs are unique across the site. ``items``: (shown path, the
    file's ``Item``, or its ``Ditolak`` when it has problems of its own)."""
    problems = []
    reported = set()  # a duplicate Register also makes a duplicate URL: say it once
    for attr, what, key in (("register", "Register", "register"), ("url", "alamat halaman", "title")):
        seen: dict[str, tuple[str, Item]] = {}
        for shown, item in sorted(items, key=lambda si: si[0]):
            value = getattr(item, attr)
            if not value or shown in reported:
                continue
            norm = value.lower() if attr == "register" else value
            if norm in seen:
                first_shown, first = seen[norm]
                hint = ("setiap Register harus unik" if attr == "register"
                        else 'ubah judulnya atau tambahkan kunci "Slug" yang berbeda')
                problems.append(Masalah(shown, item.line(key), f'{what} "{value}" sama dengan di '
                                        f"{first_shown}:{first.line(key)}; {hint}"))
                reported.add(shown)
            else:
                seen[norm] = (shown, item)
    return problems


def content_files(root: Path, isi: list[tuple[str, str]] | None = None) -> list[str]:
    """Every Markdown file the site is built from (news, case records, pages), relative.
    ``isi``: the folder's ``bersih.isi_folder(root)`` when the caller has it already."""
    tops = tuple(top + "/" for top in JENIS)
    return [rel for rel, kind in (isi_folder(root) if isi is None else isi)
            if kind in ("file", "symlink") and rel.startswith(tops)
            and PurePosixPath(rel).suffix.lower() in MARKDOWN_EXTENSIONS]


# --- the case panel ----------------------------------------------------------------------

PANEL = ("Register", "Region", "Election", "Source", "Violation", "Subject", "Received",
         "Registered", "Decided", "Outcome", "Forwarded-To", "Legal-Basis")


def baris_panel(item: Item) -> list[tuple[str, str, str, date | None]]:
    """The case record's key facts, in one order with the schema's labels, for the page
    and the feeds: (key, label, text, date or None). Empty facts are left out."""
    rows = []
    for key in PANEL:
        k = BY_KEY[key.lower()]
        value = getattr(item, k.attr)
        if isinstance(value, date):
            rows.append((key, k.label, "", value))
            continue
        if key == "Region":
            text = value.kantor
        elif key == "Election":
            text = kk.election_label(value)
        elif k.kosakata:
            values = value if isinstance(value, tuple) else (value,) if value else ()
            text = ", ".join(k.kosakata.get(v, v) for v in values)
        else:
            text = value
        if text:
            rows.append((key, k.label, text, None))
    return rows
