"""Reading content files and checking them against the content contract.

Every problem is a ``Masalah`` (path, line, Indonesian message); all problems of
all files are collected so that staff see them in one run.
"""

from __future__ import annotations

import bisect
import difflib
import html
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from hashlib import sha256
from pathlib import Path
from zoneinfo import ZoneInfo

from slugify import slugify

from . import kosakata as kk
from .wilayah import Registry

TZ = ZoneInfo("Asia/Jakarta")

# Keys, as staff write them (the contract's spelling); lookup is case-insensitive.
SHARED_KEYS = [
    "Title", "Date", "Modified", "Region", "Tags", "Summary", "Authors",
    "Photographer", "Editor", "Image", "Image-Alt", "Status",
]
NEWS_KEYS = SHARED_KEYS + ["Activity", "Location", "Election", "Slug", "Not-Personal-Data"]
CASE_KEYS = SHARED_KEYS + [
    "Register", "Election", "Source", "Violation", "Subject", "Received",
    "Registered", "Decided", "Outcome", "Forwarded-To", "Legal-Basis",
    "Not-Personal-Data",
]
KEYS = {"berita": NEWS_KEYS, "putusan": CASE_KEYS}
STATUS = {"published": "terbit", "draft": "draf", "hidden": "tersembunyi"}


@dataclass(frozen=True, order=True)
class Masalah:
    """One content problem, shown as ``path:line: message``."""

    path: str
    line: int
    pesan: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.pesan}"


@dataclass
class Berkas:
    """A content file split into its metadata header and its body."""

    path: str  # as shown in messages
    meta: dict[str, tuple[str, int]]  # lower-case key -> (value, line number)
    written: dict[str, str]  # lower-case key -> key as written
    body: str
    body_line: int  # line number of the body's first line
    problems: list[Masalah] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # lower-case key -> value's column
    lines: list[str] = field(default_factory=list)  # the whole file, line by line

    def value(self, key: str) -> str:
        return self.meta.get(key.lower(), ("", 0))[0]

    def line(self, key: str) -> int:
        return self.meta.get(key.lower(), ("", 1))[1] or 1


# The metadata header exactly as Python-Markdown's ``meta`` extension reads it
# (Pelican uses that extension): "Key: value", no space before the colon.
_KEY_LINE = re.compile(r"^( {0,3})([A-Za-z0-9_-]+):(\s*)(.*?)\s*$")
_CONTINUATION = re.compile(r"^ {4,}(.*?)\s*$")
_HEADER_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
# A line that was meant as a known key but that Markdown does not read as one
# ("Legal Basis: ...", "Title : ...", "Forwarded To:").
_BROKEN_KEY = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_ -]{0,30}?)\s*:")


def _squash(key: str) -> str:
    return re.sub(r"[\s_-]", "", key).lower()


_ALL_KEYS = {_squash(k) for k in set(NEWS_KEYS + CASE_KEYS)}


def parse(path: str, text: str) -> Berkas:
    """Split a Markdown file as Python-Markdown's ``meta`` extension does."""
    lines = text.splitlines()
    meta: dict[str, tuple[str, int]] = {}
    written: dict[str, str] = {}
    columns: dict[str, int] = {}
    problems: list[Masalah] = []
    i = 0
    if lines and re.match(r"^-{3}(\s.*)?$", lines[0]):
        i = 1
    last = None
    while i < len(lines):
        line = lines[i]
        if not line.strip() or _HEADER_END.match(line):
            if line.strip():
                i += 1
            break
        m = _KEY_LINE.match(line)
        c = _CONTINUATION.match(line)
        if m:
            last = m.group(2).lower()
            value = m.group(4)
            if last in meta:  # a repeated key continues the value, as in Markdown
                before, at = meta[last]
                meta[last] = (f"{before}\n{value}", at)
            else:
                meta[last] = (value, i + 1)
                written[last] = m.group(2)
                columns[last] = len(m.group(1)) + len(m.group(2)) + 1 + len(m.group(3)) + 1
        elif c and last:
            before, at = meta[last]
            meta[last] = (f"{before}\n{c.group(1)}".strip(), at)
        else:
            broken = _BROKEN_KEY.match(line)
            if broken and _squash(broken.group(1)) in _ALL_KEYS:
                problems.append(Masalah(
                    path, i + 1,
                    f'baris "{broken.group(0).strip()} ..." tidak terbaca sebagai kunci, sehingga kepala '
                    "berkas berakhir di sini dan baris-baris berikutnya dianggap isi; tulis nama "
                    "kunci tanpa spasi, langsung diikuti titik dua (mis. \"Legal-Basis: ...\"), "
                    "dan pisahkan kepala berkas dari isi dengan satu baris kosong",
                ))
            break
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    return Berkas(path, meta, written, "\n".join(lines[i:]), i + 1, problems, columns, lines)


def split_list(value: str) -> list[str]:
    return [v.strip() for v in re.split(r"[,\n]", value) if v.strip()]


def parse_datetime(value: str) -> datetime | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` in the site's time zone."""
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?", value.strip()):
            return parsed.replace(tzinfo=TZ)
    return None


def parse_date(value: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def register_slug(register: str) -> str:
    """The stable URL slug of a case record: ``002/Reg/LP/PB/Kota/13.75/X/2024``
    -> ``002-reg-lp-pb-kota-13-75-x-2024``."""
    return slugify(register)


def news_slug(title: str) -> str:
    return slugify(title, max_length=80, word_boundary=True)


def item_url(jenis: str, slug: str, published: datetime) -> str:
    """Site-relative URL of an item; the one place URLs of items are made."""
    if jenis == "putusan":
        return f"putusan/{slug}/"
    return f"berita/{published:%Y}/{published:%m}/{slug}/"


def jenis_of(relative_path: str) -> str | None:
    """``berita`` or ``putusan`` from the file's folder under the content root."""
    top = Path(relative_path).parts[0] if Path(relative_path).parts else ""
    return top if top in KEYS else None


def _choices(values) -> str:
    return ", ".join(values)


class Pemeriksa:
    """Checks one file's metadata and returns the typed fields of an ``Item``."""

    def __init__(self, berkas: Berkas, jenis: str, registry: Registry, content_root: Path):
        self.b = berkas
        self.jenis = jenis
        self.registry = registry
        self.root = content_root
        self.fields: dict = {"jenis": jenis}

    def error(self, key: str | int, pesan: str) -> None:
        line = key if isinstance(key, int) else self.b.line(key)
        self.b.problems.append(Masalah(self.b.path, line, pesan))

    def shown(self, key: str) -> str:
        """``Key: value`` as written, for messages."""
        return f'"{self.b.written.get(key.lower(), key)}: {self.b.value(key)}"'

    def required(self, key: str, hint: str, at: str | None = None) -> str | None:
        """The value of a required key; an error when it is missing or empty.

        A missing key is reported on the line of ``at`` (the key that requires
        it), else on line 1."""
        value = self.b.value(key).strip()
        if not value:
            where = self.b.line(key) if key.lower() in self.b.meta or at is None else self.b.line(at)
            what = "kosong" if key.lower() in self.b.meta else "belum ada"
            self.error(where, f'kunci "{key}" wajib diisi ({what}); {hint}')
            return None
        return value

    def choice(self, key: str, vocabulary: dict, field_name: str, needed: bool) -> None:
        hint = f"pilih salah satu dari: {_choices(vocabulary)}"
        value = self.required(key, hint) if needed else self.b.value(key).strip()
        if not value:
            return
        if value.lower() not in vocabulary:
            near = difflib.get_close_matches(value.lower(), vocabulary, n=1)
            maybe = f' Mungkin maksudnya "{near[0]}"?' if near else ""
            self.error(key, f"nilai {self.shown(key)} tidak dikenal.{maybe} {hint[0].upper()}{hint[1:]}")
            return
        self.fields[field_name] = value.lower()

    def check_keys(self) -> None:
        allowed = {k.lower(): k for k in KEYS[self.jenis]}
        for key, (_, line) in self.b.meta.items():
            if key in allowed:
                continue
            near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            maybe = f'mungkin maksudnya "{allowed[near[0]]}"? ' if near else ""
            other = "putusan" if self.jenis == "berita" else "berita"
            if key in {k.lower() for k in KEYS[other]}:
                maybe = f"kunci ini hanya berlaku untuk {other}. "
            self.error(
                line,
                f'kunci "{self.b.written[key]}" tidak dikenal untuk {self.jenis}; {maybe}'
                f"kunci yang berlaku: {_choices(KEYS[self.jenis])}",
            )

    def check_shared(self) -> None:
        b = self.b
        if title := self.required("Title", "tulis judul berita atau catatan penanganan"):
            self.fields["title"] = title
        date_hint = "format YYYY-MM-DD atau YYYY-MM-DD HH:MM, mis. 2024-10-11 atau 2024-10-11 09:30"
        if value := self.required("Date", f"tanggal terbit, {date_hint}"):
            if (parsed := parse_datetime(value)) is None:
                self.error("Date", f"tanggal {self.shown('Date')} tidak valid; gunakan {date_hint}")
            else:
                self.fields["date"] = parsed
        if "modified" in b.meta and not b.value("Modified").strip():
            # Pelican cannot read an empty Modified and would drop the file.
            self.error("Modified", f'kunci "Modified" kosong; isi tanggal pembaruan ({date_hint}) '
                       "atau hapus baris Modified")
        if value := b.value("Modified").strip():
            if (parsed := parse_datetime(value)) is None:
                self.error(
                    "Modified", f"tanggal {self.shown('Modified')} tidak valid; gunakan {date_hint}"
                )
            elif "date" in self.fields and (
                parsed.date() < self.fields["date"].date()
                or (len(value) > 10 and parsed < self.fields["date"])  # both with a time
            ):
                self.error(
                    "Modified",
                    f"tanggal {self.shown('Modified')} lebih awal dari {self.shown('Date')}; "
                    "Modified adalah tanggal pembaruan, tidak boleh sebelum tanggal terbit",
                )
            else:
                self.fields["modified"] = parsed
        region_hint = (
            'gunakan kode Kemendagri (mis. 13.75), nama resmi (mis. "Kota Bukittinggi", '
            '"Kab. Agam") atau "nasional"'
        )
        if value := self.required("Region", f"wilayah kantor yang melapor; {region_hint}"):
            wilayah = self.registry.resolve(value)
            if wilayah is None:
                near = self.registry.suggest(value)
                quoted = [f'"{n}"' for n in near]
                names = " atau ".join(filter(None, [", ".join(quoted[:-1]), quoted[-1]])) if near else ""
                maybe = f"mungkin maksudnya {names}? " if near else ""
                self.error(
                    "Region",
                    f"wilayah {self.shown('Region')} tidak ada dalam daftar wilayah; "
                    f"{maybe}{region_hint}",
                )
            else:
                self.fields["wilayah"] = wilayah
        self.fields["tags"] = tuple(split_list(b.value("Tags")))
        self.fields["authors"] = tuple(split_list(b.value("Authors")))
        self.fields["photographer"] = b.value("Photographer").strip()
        self.fields["editor"] = b.value("Editor").strip()
        if image := b.value("Image").strip():
            self.fields["image"] = image
            if not (self.root / image.lstrip("/")).is_file():
                self.error(
                    "Image",
                    f"gambar {self.shown('Image')} tidak ditemukan; letakkan berkasnya di "
                    "folder content/gambar/ dan tulis jalurnya dari folder content, "
                    "mis. gambar/rapat.jpg",
                )
            if alt := self.required(
                "Image-Alt", "teks pengganti gambar wajib ada bila Image diisi: "
                "tuliskan singkat apa yang tampak pada gambar", at="Image",
            ):
                self.fields["image_alt"] = alt
        elif b.value("Image-Alt").strip():
            self.error("Image-Alt", '"Image-Alt" diisi tetapi "Image" kosong; isi Image atau hapus Image-Alt')
        if (status := b.value("Status").strip().lower()) and status not in STATUS:
            self.error("Status", f"nilai {self.shown('Status')} tidak dikenal; pilih salah satu dari: "
                       f"{_choices(STATUS)}")

    def check_election(self, needed: bool) -> None:
        hint = "gunakan pilkada-YYYY atau pemilu-YYYY, mis. pilkada-2024"
        value = self.required("Election", hint) if needed else self.b.value("Election").strip()
        if not value:
            return
        if not kk.ELECTION_RE.match(value.lower()):
            self.error("Election", f"nilai {self.shown('Election')} tidak sesuai; {hint}")
        else:
            self.fields["election"] = value.lower()

    def check_news(self) -> None:
        self.choice("Activity", kk.ACTIVITY, "activity", needed=True)
        self.fields["location"] = self.b.value("Location").strip()
        self.check_election(needed=False)

    def check_case(self) -> None:
        b = self.b
        if register := self.required(
            "Register", "nomor register, mis. 002/Reg/LP/PB/Kota/13.75/X/2024"
        ):
            if not register_slug(register):
                self.error("Register", f"nomor register {self.shown('Register')} tidak dapat dipakai "
                           "untuk alamat halaman; gunakan huruf, angka, titik dan garis miring")
            else:
                self.fields["register"] = register
        self.check_election(needed=True)
        self.choice("Source", kk.SOURCE, "source", needed=True)
        self.choice("Violation", kk.VIOLATION, "violation", needed=True)
        self.choice("Subject", kk.SUBJECT, "subject", needed=True)
        self.choice("Outcome", kk.OUTCOME, "outcome", needed=True)
        self.fields["legal_basis"] = b.value("Legal-Basis").strip()

        dates = {}
        for key, name in (("Received", "received"), ("Registered", "registered"),
                          ("Decided", "decided")):
            value = b.value(key).strip()
            if key == "Received":
                value = self.required(key, "tanggal laporan diterima atau temuan dicatat, YYYY-MM-DD")
            if not value:
                continue
            if (parsed := parse_date(value)) is None:
                self.error(key, f"tanggal {self.shown(key)} tidak valid; gunakan format YYYY-MM-DD, "
                           "mis. 2024-10-11")
            else:
                dates[key] = parsed
                self.fields[name] = parsed
        order = [k for k in ("Received", "Registered", "Decided") if k in dates]
        for earlier, later in itertools.pairwise(order):
            if dates[later] < dates[earlier]:
                self.error(later, f"tanggal {self.shown(later)} lebih awal dari {self.shown(earlier)}; "
                           "urutan yang benar: Received ≤ Registered ≤ Decided")

        outcome = self.fields.get("outcome")
        shown_outcome = f'Outcome "{outcome}"'
        if outcome == "dalam-proses" and b.value("Decided").strip():
            self.error("Decided", f'"Decided" harus kosong selama {shown_outcome}; '
                       "isi Decided hanya ketika status sudah diputuskan")
        if outcome and outcome != "dalam-proses" and not b.value("Decided").strip():
            self.error("Outcome", f'kunci "Decided" wajib diisi karena {shown_outcome} sudah final: '
                       "tulis tanggal status diputuskan, YYYY-MM-DD")
        if outcome == "tidak-diregistrasi" and b.value("Registered").strip():
            self.error("Registered", f'"Registered" harus kosong karena {shown_outcome}; '
                       "laporan yang tidak diregistrasi tidak memiliki tanggal registrasi")

        forwarded = split_list(b.value("Forwarded-To"))
        if outcome == "diteruskan" and not forwarded:
            self.error("Outcome", f'kunci "Forwarded-To" wajib diisi karena {shown_outcome}; '
                       f"pilih satu atau lebih dari: {_choices(kk.FORWARDED_TO)}")
        if forwarded and outcome and outcome != "diteruskan":
            self.error("Forwarded-To", f'"Forwarded-To" hanya diisi bila Outcome "diteruskan" '
                       f'(sekarang "{outcome}"); hapus Forwarded-To atau ubah Outcome')
        bad = [f for f in forwarded if f.lower() not in kk.FORWARDED_TO]
        if bad:
            self.error("Forwarded-To", f"nilai {self.shown('Forwarded-To')} tidak dikenal "
                       f"({', '.join(bad)}); pilih satu atau lebih dari: {_choices(kk.FORWARDED_TO)}")
        self.fields["forwarded_to"] = tuple(f.lower() for f in forwarded if f.lower() in kk.FORWARDED_TO)

    def run(self) -> dict:
        self.check_keys()
        self.check_shared()
        if self.jenis == "berita":
            self.check_news()
        else:
            self.check_case()
        return self.fields


def check_file(
    path: Path, root: Path, registry: Registry, shown_path: str | None = None
) -> tuple[Berkas, dict]:
    """Parse and check one content file; problems are in ``berkas.problems``."""
    relative = path.relative_to(root).as_posix()
    shown = shown_path or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")  # as Pelican reads it
    except UnicodeDecodeError:
        berkas = Berkas(shown, {}, {}, "", 1)
        berkas.problems.append(Masalah(shown, 1, "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8"))
        return berkas, {}
    berkas = parse(shown, text)
    jenis = jenis_of(relative)
    if jenis is None:
        # A standing page: Pelican silently drops one without a title.
        if not berkas.value("Title").strip():
            what = "kosong" if "title" in berkas.meta else "belum ada"
            berkas.problems.append(Masalah(
                shown, berkas.line("Title"), f'kunci "Title" wajib diisi ({what}); tulis judul halaman'))
        return berkas, {}
    fields = Pemeriksa(berkas, jenis, registry, root).run()
    fields["source_path"] = relative
    if "date" in fields:
        # A case record's URL comes from its Register only (none while it is wrong).
        slug = (
            register_slug(fields.get("register", "")) if jenis == "putusan"
            else (berkas.value("Slug").strip() or news_slug(fields.get("title", "")))
        )
        if slug:
            fields["slug"] = slug
            fields["url"] = item_url(jenis, slug, fields["date"])
    return berkas, fields


def check_unique(checked: list[tuple[Berkas, dict]]) -> list[Masalah]:
    """Register numbers and URLs must be unique across the site."""
    problems = []
    reported = set()  # a duplicate Register also makes a duplicate URL: say it once
    for key, what in (("register", "Register"), ("url", "alamat halaman")):
        seen: dict[str, Berkas] = {}
        for berkas, fields in sorted(checked, key=lambda bf: bf[0].path):
            value = fields.get(key)
            if not value or berkas.path in reported:
                continue
            norm = value.lower() if key == "register" else value
            if norm in seen:
                first = seen[norm]
                line = berkas.line("Register") if key == "register" else berkas.line("Title")
                first_line = first.line("Register") if key == "register" else first.line("Title")
                hint = ("setiap Register harus unik" if key == "register"
                        else 'ubah judulnya atau tambahkan kunci "Slug" yang berbeda')
                problems.append(Masalah(
                    berkas.path, line,
                    f'{what} "{value}" sama dengan di {first.path}:{first_line}; {hint}',
                ))
                reported.add(berkas.path)
            else:
                seen[norm] = berkas
    return problems


# --- Safety: unsafe HTML in any content, personal data in case records -----------------

_UNSAFE_TAGS = "script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form"
# Tags and event-handler attributes are looked for in the text as written (an
# escaped "&lt;script&gt;" is harmless text); URL schemes also after decoding
# character references and dropping the tabs and newlines browsers ignore in URLs.
_UNSAFE_RAW = [
    (re.compile(rf"<\s*({_UNSAFE_TAGS})\b", re.IGNORECASE),
     'tag HTML "<{0}>" tidak boleh dipakai di konten'),
    (re.compile(r"<[a-z][^>]*?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE),
     'atribut HTML "{0}=" (penanganan kejadian/skrip) tidak boleh dipakai di konten'),
]
_UNSAFE_DECODED = [
    (re.compile(r"\b(javascript|vbscript|livescript)\s*:", re.IGNORECASE),
     'tautan "{0}:" tidak boleh dipakai di konten'),
    (re.compile(r"\b(data)\s*:\s*text/html", re.IGNORECASE),
     'tautan "{0}:text/html" tidak boleh dipakai di konten'),
]
SAFE_HINT = "hapus bagian itu; konten hanya boleh memuat Markdown dan HTML sederhana tanpa skrip"


def _texts_of(berkas: Berkas) -> list[tuple[int, str]]:
    """(first line number, text): each metadata value, then the whole body, so
    that an HTML tag spread over several lines is seen whole."""
    return [(line, value) for value, line in berkas.meta.values()] + [(berkas.body_line, berkas.body)]


def _decoded(text: str) -> str:
    """Character references decoded line by line, keeping the line count."""
    return "\n".join(re.sub(r"[\x00-\x20]", lambda m: " " if m.group() == " " else "",
                            html.unescape(line))
                     for line in text.split("\n"))


def check_safety(berkas: Berkas) -> None:
    """Unsafe HTML (scripts, event handlers, javascript: URLs, iframes) is an error."""
    for first, text in _texts_of(berkas):
        decoded = _decoded(text) if ("&" in text or "\t" in text) else text
        for source, patterns in ((text if "<" in text else "", _UNSAFE_RAW),
                                 (decoded if ":" in decoded else "", _UNSAFE_DECODED)):
            for pattern, message in patterns:
                for m in pattern.finditer(source):
                    line = first + source.count("\n", 0, m.start(1))
                    berkas.problems.append(Masalah(
                        berkas.path, line, f"{message.format(m.group(1).lower())}; {SAFE_HINT}"))


def mask(text: str) -> str:
    """Personal data is not repeated in full in build logs (CI logs are public):
    only the first and last characters and the punctuation are shown."""
    if len(text) <= 3:
        return text[:1] + "*" * (len(text) - 1)
    keep = 2 if len(text) > 6 else 1
    return text[:keep] + "".join("*" if ch.isalnum() else ch for ch in text[keep:-keep]) + text[-keep:]


# What to do instead, per kind of personal data.
FIX = {
    "nama": 'tulis peran dan inisialnya saja, mis. "Terlapor, seorang ASN berinisial RH"',
    "alamat": "sebut wilayahnya saja (desa/kelurahan, kecamatan), tanpa nama jalan, "
              "nomor rumah atau RT/RW",
    "lahir": 'tulis usia atau dasawarsanya saja, mis. "berusia sekitar 40 tahun"',
}
FIX_DEFAULT = "hapus nomor atau alamat itu"


def check_personal_data(berkas: Berkas, jenis: str) -> None:
    """Case records name no private person; no item carries NIK, NIP or NPWP.

    Title, summary, every metadata value (except Register) and the body are
    searched. A false alarm is silenced only in the file itself, visibly, by
    writing the exact string (as it appears in the text, around the finding) in
    the ``Not-Personal-Data`` key (comma-separated); an entry that silences no
    finding is itself an error, so stale exemptions do not linger.
    """
    from .anonim import bagian_berkas, periksa

    allowed = {" ".join(v.split()) for v in split_list(berkas.value("Not-Personal-Data"))}
    # Every header value (credits and Not-Personal-Data excepted) and the body,
    # as spans of the whole file: positions stay those of the file.
    text = "\n".join(berkas.lines)
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    covers = {entry: [(m.start(), m.end()) for m in
                      re.finditer(r"\s+".join(map(re.escape, entry.split())), text)]
              for entry in allowed}
    used = set()
    where = {"putusan": "catatan penanganan", "berita": "berita"}.get(jenis, "halaman")
    for t in periksa(text, bagian_berkas(text), jenis, sorted(allowed)):
        # Silenced by an entry written exactly around the finding ("Ibu Pertiwi"
        # silences the name found after "Ibu").
        covering = [entry for entry, spans in covers.items()
                    if any(a <= t.start and t.end <= b for a, b in spans)]
        if covering:
            used.update(covering)
            continue
        line = bisect.bisect_right(starts, t.start)
        berkas.problems.append(Masalah(
            berkas.path, line,
            f'kemungkinan data pribadi ({t.label}) "{mask(t.teks)}" di kolom '
            f"{t.start - starts[line - 1] + 1}; {where} tidak boleh memuat {t.label} (lihat "
            f"Kebijakan Anonimisasi): {FIX.get(t.jenis, FIX_DEFAULT)}. Bila ini bukan data "
            'pribadi, tulis teks itu persis di kunci "Not-Personal-Data"',
        ))
    for entry in sorted(allowed - used):
        berkas.problems.append(Masalah(
            berkas.path, berkas.line("Not-Personal-Data"),
            f'"Not-Personal-Data: {entry}" tidak cocok dengan temuan mana pun; hapus entri itu',
        ))


MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def check_tree(root: Path, relatives, registry: Registry, show=str, cache: dict | None = None):
    """Check the given content files (relative to ``root``) and the site-wide rules.

    News and case records are checked against the contract; every file (pages
    too) is checked for unsafe HTML.

    ``cache`` (optional, see ``tembolok``) maps a relative path to the SHA-256
    of its bytes and its results from an earlier run with the same code and
    the same list of files; unchanged files are not checked again, and the
    dict is updated with this run's results.

    Returns ``(checked, problems)``: ``checked`` maps each relative path to its
    ``(Berkas, fields)``; ``problems`` lists every problem, sorted.
    """
    checked = {}
    for rel in sorted(relatives):
        path = root / rel
        key = sha256(path.read_bytes()).hexdigest() if cache is not None else None
        if key is not None and cache.get(rel, (None,))[0] == key:
            checked[rel] = cache[rel][1]
            continue
        berkas, fields = check_file(path, root, registry, show(path))
        check_safety(berkas)
        if jenis := fields.get("jenis") or ("halaman" if str(rel).startswith("halaman/") else None):
            check_personal_data(berkas, jenis)
        checked[rel] = (berkas, fields)
        if key is not None:
            cache[rel] = (key, checked[rel])
    problems = [p for berkas, _ in checked.values() for p in berkas.problems]
    problems += check_unique(list(checked.values()))
    return checked, sorted(set(problems))


def article_files(root: Path, article_paths=("berita", "putusan")) -> list[str]:
    """Markdown files under the given folders (by default the article folders),
    as Pelican finds them."""
    found = []
    for top in article_paths:
        for path in (root / top).rglob("*"):
            if path.is_file() and path.suffix.lower() in MARKDOWN_EXTENSIONS:
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def check_folder(root: Path, show=str) -> list[Masalah]:
    """Every problem of a whole content folder (news, case records and pages):
    what ``invoke check`` and ``invoke publish`` report before any build."""
    from .wilayah import registry

    return check_tree(root, content_files(root), registry(), show)[1]


def content_files(root: Path) -> list[str]:
    """Every Markdown file the site is built from: news, case records and pages."""
    return article_files(root, ("berita", "putusan", "halaman"))
