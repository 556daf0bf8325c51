"""The anonymity guard: detectors of personal data in content files.

``periksa(teks, bagian, jenis)`` is the entry point. It scans the given parts
of a content file (header values and the body, as character spans of the
file) and returns every likely piece of personal data, with offsets into the
original text. Each part is first normalised (``normalisasi``): NFKC, every
kind of space to one space, zero-width characters and soft hyphens removed,
hard-wrapped lines joined, Markdown emphasis/link/HTML markup stripped,
character references decoded, look-alike letters folded; a map leads back to
the original offsets.

Detectors are plain regular expressions plus a small name scanner, each
linear in the size of the text. A name found anywhere in the file (after a
party word, in an identity block, ...) is then looked for everywhere in the
file, with its distinctive parts ("propagation").

Where a word after a party word is not a name, knowledge decides, not luck:
roles, offices, institutions and party acronyms, legal phrases, counts and
descriptions, weekdays and months, region names of the registry; in headlines
(Title, Tags, Markdown headings) also affixed verbs.

``KELAS`` lists every class looked for (kind, label, description for staff);
``bagian_berkas(teks)`` splits a content file into the parts ``periksa`` takes
(for ``samarkan`` and the tests). ``temukan(text, kinds)`` is the older entry
point (one text, optionally only some kinds); it scans ``text`` as one body.
"""

from __future__ import annotations

import bisect
import csv
import functools
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Every class the guard looks for: (kind, label shown in messages, what it is
# for staff). The staff guide and the anonymisation policy page list them all
# (a test keeps them in step).
KELAS = [
    ("nik", "NIK", "nomor induk kependudukan (16 angka), juga bila ditulis dengan spasi, titik, "
                   "atau terpotong di akhir baris"),
    ("nip", "NIP", "nomor induk pegawai (18 angka), pegawai negeri sipil maupun PPPK"),
    ("npwp", "NPWP", "nomor pokok wajib pajak (15 atau 16 angka)"),
    ("telepon", "nomor telepon", "nomor seluler (08…, +62 8…) atau telepon rumah dan kantor "
                                 "dengan kode wilayah"),
    ("email", "alamat e-mail", 'alamat surel, juga bila ditulis "nama at gmail dot com" atau '
                               '"nama [at] gmail [dot] com"'),
    ("alamat", "alamat rumah", "nama jalan, gang, kompleks atau blok dengan nomor rumah, "
                               "RT/RW, dan isian Alamat pada blok identitas"),
    ("plat", "nomor kendaraan", "pelat nomor kendaraan bermotor"),
    ("lahir", "tanggal lahir", 'tanggal lahir, mis. pada isian "Tempat/Tgl Lahir" atau '
                               'setelah kata "lahir"'),
    ("nama", "nama lengkap pihak", "nama orang pribadi yang menjadi pihak: setelah sebutan "
                                   "peran (Pelapor, Terlapor, Pengadu, Teradu, Saksi, Terdakwa, "
                                   "Kuasa Hukum, Saudara, Bapak/Ibu, atas nama, bernama, …), "
                                   "pada isian Nama di blok identitas, julukan setelah alias, "
                                   "dan setiap penyebutan ulang nama itu di berkas yang sama"),
]
LABELS = {kind: label for kind, label, _ in KELAS}
# The identity numbers.
NUMERIC = frozenset({"nik", "nip", "npwp"})
# The identifier classes: refused in news and standing pages too.
IDENTIFIERS = frozenset(LABELS) - {"nama"}
# Digit count of each identity number (the NPWP since 2024 is the 16-digit NIK).
DIGITS = {16: "nik", 18: "nip", 15: "npwp"}


@dataclass(frozen=True)
class Temuan:
    """One likely piece of personal data: its kind, the original text and its
    span in the text given, and the key of the part it was found in."""

    jenis: str
    teks: str
    start: int
    end: int
    kunci: str = "body"

    @property
    def label(self) -> str:
        return LABELS[self.jenis]


# --- normalisation with a map back to the original ------------------------------------

# Look-alike letters (Cyrillic, Greek) that NFKC leaves alone.
_CONFUSABLE = str.maketrans(
    "АВЕКМНОРСТУХаеорсуххіјѕӏԁԛԝІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοιν",
    "ABEKMHOPCTYXaeopcyxxijslpqwIJSABEZHIKMNOPTYXaoiv",
)
_INLINE_TAGS = frozenset("a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small "
                         "span strong sub sup time u var wbr del ins".split())
_SPACES = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE = "\u00ad\u180e\u200b-\u200d\u2060\ufeff"
# Everything the normalisation changes; the text between matches is kept as is.
_SPECIAL = re.compile(
    r"(?P<ent>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<tag></?(?P<tagname>[A-Za-z][A-Za-z0-9]*)\b[^<>\n]{0,300}>|<!--.{0,300}?-->)"
    r"|(?P<atdot>\[(?:at|dot)\])"
    r"|(?P<link>\]\()"
    r"|(?P<bracket>[\[\]`*]+)"
    r"|(?P<under>(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9]))"
    r"|(?P<block>(?<![^\n])[ \t]*>[ \t]?)"
    r"|(?P<nl>[ \t\r" + _SPACES[1:] + _INVISIBLE + r"]*\n[ \t\r" + _SPACES[1:] + _INVISIBLE + r"]*)"
    r"|(?P<ws> ?[" + _SPACES + _INVISIBLE + r"][ " + _SPACES + _INVISIBLE + r"]*| {2,})"
    r"|(?P<other>[^\x00-\x7f])"
)
# Where a change may start: the regex above is only tried there (a plain
# character class is searched fast; the alternation is not). These are the
# first characters of its alternatives ("&", "<", "[", "]", "`", "*", "_",
# ">", line breaks, tabs, other spaces, non-ASCII) and two spaces. A line
# break that ``_NEW_BLOCK`` keeps for sure (before a blank line, a heading, a
# list item, a table row or a quotation: its match is the line break alone
# and stays as it is) is left out.
_CHANGE = (r"[&<\[\]`*_>\n\t\r\u0080-\U0010ffff]"
           r"(?:(?<!\n)|(?![\n#>|*+\-]|\d{1,3}[.)][ \t]))")
_CANDIDATE = re.compile(_CHANGE + r"| {2}")
# The same without the two spaces, for a text that has none: a pattern that
# starts with a character class is searched much faster than an alternation.
_CANDIDATE_ONE = re.compile(_CHANGE)
_SPACE_CHAR = re.compile("[" + _SPACES + "]")
_INVISIBLE_CHAR = re.compile("[" + _INVISIBLE + "]")
# A line break inside a paragraph is a space, unless the next line starts a
# block of its own (a blank line, a heading, a list item, a table row, a
# quotation, or a label line of an identity block "Nama : ...").
_NEW_BLOCK = re.compile(
    r"\n|[#>|*+\-]|\d{1,3}[.)][ \t]|[A-Za-z][A-Za-z/ .]{0,30}?[ \t]*(?:\n[ \t]*)?:"
)

# Tags: hyphens and underscores join words; each word starts with a capital.
_TAG_JOIN = re.compile(r"[-_]")
_TAG_WORD = re.compile(r"(?:(?<=^)|(?<=[\s,_\-]))[a-z]")


class Normal:
    """A normalised text and the map back to offsets in the original."""

    def __init__(self, text: str, base: int = 0, tags: bool = False):
        pieces: list[str] = []
        # (normalised offset, original start, original end, verbatim?)
        self.marks: list[tuple[int, int, int, bool]] = []
        at = 0  # normalised length so far
        last = 0  # original offset (relative) copied up to

        def emit(s: str, a: int, b: int, verbatim: bool):
            nonlocal at
            self.marks.append((at, base + a, base + b, verbatim))
            pieces.append(s)
            at += len(s)

        seen = 0  # matched up to here (changed or not)
        for hit in (_CANDIDATE if "  " in text else _CANDIDATE_ONE).finditer(text):
            if hit.start() < seen:
                continue
            m = _SPECIAL.match(text, hit.start())
            if not m:
                continue
            seen = m.end()
            kind = m.lastgroup
            g = m.group()
            if kind == "ent":
                out = _fold(html.unescape(g))
                out = _INVISIBLE_CHAR.sub("", _SPACE_CHAR.sub(" ", out))
            elif kind == "tag":
                name = (m.group("tagname") or "").lower()
                out = "" if name in _INLINE_TAGS else " "
            elif kind == "link":
                out = " "
            elif kind == "atdot":
                out = g
            elif kind in ("bracket", "under", "block"):
                out = ""
            elif kind == "nl":
                rest = text[m.end():m.end() + 40]
                out = "\n" if (not rest or _NEW_BLOCK.match(rest)) else " "
            elif kind == "ws":
                out = " " if any(not _is_invisible(ch) for ch in g) else ""
            else:
                out = _fold(g)
            if out == g:
                continue  # unchanged: copied with the text around it
            if m.start() > last:
                emit(text[last:m.start()], last, m.start(), True)
            emit(out, m.start(), m.end(), False)
            last = m.end()
        if last < len(text):
            emit(text[last:], last, len(text), True)
        self.text = "".join(pieces)
        if tags:  # "terlapor-nama-orang" is read as "Terlapor Nama Orang"
            self.text = _TAG_WORD.sub(lambda m: m.group().upper(), _TAG_JOIN.sub(" ", self.text))
        self._starts = [mark[0] for mark in self.marks]
        self.base = base
        self.length = len(text)

    def orig(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span [start, end)."""
        return self._point(start, False), self._point(end - 1, True)

    def _point(self, k: int, end: bool) -> int:
        if not self.marks:
            return self.base
        i = max(0, bisect.bisect_right(self._starts, k) - 1)
        # Skip pieces that normalised to nothing.
        while i + 1 < len(self.marks) and self.marks[i + 1][0] == self.marks[i][0] and not end:
            i += 1
        n, a, b, verbatim = self.marks[i]
        if verbatim:
            return a + (k - n) + (1 if end else 0)
        return b if end else a


def _is_invisible(ch: str) -> bool:
    return ch in "\u00ad\u180e\u2060\ufeff" or "\u200b" <= ch <= "\u200d"


@functools.lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_CONFUSABLE)


def normalisasi(text: str) -> str:
    """The text as the detectors read it (see ``Normal``)."""
    return Normal(text).text


# --- identity numbers -------------------------------------------------------
# A run of digit groups joined by single spaces, dots or hyphens
# ("3201 0112 ...", "19850312 201001 1 002", "01.234.567.8-901.234").
_RUN = re.compile(r"\d+(?:[ .\-]\d+)*")
_PART = re.compile(r"[\d.\-]*\d")
_MONEY = re.compile(r"(?:Rp\.?|IDR)[ \t]*$", re.IGNORECASE)
# Parts of a run that are not pieces of an identity number: dates (2024-10-11,
# 11-10-2024, 11.10.2024) and millions with thousands separators (1.500.000).
_NOT_ID = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.\-]\d{1,2}[.\-]\d{4}|\d{1,3}(?:\.\d{3}){2,}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BIRTH = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])")
# The word before a number says which number it is ("NIK: ...", "NIP. ...").
_KEYWORD = re.compile(r"\b(NIK|NIP|NI PPPK|NPWP|KTP)\b[^\w\n]{0,12}$", re.IGNORECASE)
_WANTED = {"nik": ("nik",), "ktp": ("nik",), "nip": ("nip",), "ni pppk": ("nip",),
           "npwp": ("npwp", "nik")}
# The grouping of a spaced NPWP ("01 234 567 8 901 234").
_NPWP_GROUPS = (2, 3, 3, 1, 3, 3)


def _numbers(text: str):
    for m in _RUN.finditer(text):
        if m.end() - m.start() < 15:
            continue  # too short for 15 digits
        if _MONEY.search(text[max(0, m.start() - 5):m.start()]):
            continue
        # Spaces may separate a number from the next one ("NIK 3201... 2 orang");
        # dots and hyphens only join the groups of one number.
        parts = [(p.start() + m.start(), p.end() + m.start(), p.group())
                 for p in _PART.finditer(m.group())]
        # A group touching a letter is part of a word or code ("A12", "12B").
        if m.start() > 0 and text[m.start() - 1].isalpha():
            parts = parts[1:]
        if parts and m.end() < len(text) and text[m.end()].isalpha():
            parts = parts[:-1]
        digits = [_digits(p[2]) for p in parts]
        i = 0
        while i < len(parts):
            if _NOT_ID.fullmatch(parts[i][2]):
                i += 1
                continue
            # Spans of parts from i whose digits make an identity number, longest
            # first; at most 18 digits, so at most 18 parts: linear in the run.
            candidates = []
            total = 0
            for j in range(i + 1, len(parts) + 1):
                # A date-like group ends the span, except after a NIP's birth date
                # (YYYYMMDD), whose next group may look like one: "2019-21-1".
                if j > i + 1 and _NOT_ID.fullmatch(parts[j - 1][2]) and not _BIRTH.fullmatch(parts[i][2]):
                    break
                total += digits[j - 1]
                if total > 18:
                    break
                kind = DIGITS.get(total)
                if kind:
                    candidates.insert(0, (j, kind))
            if not candidates:
                i += 1
                continue
            keyword = _KEYWORD.search(text[max(0, parts[i][0] - 20):parts[i][0]])
            wanted = _WANTED[keyword.group(1).lower()] if keyword else ()
            j, kind = (
                next((c for c in candidates if c[1] in wanted), None)
                # A part that is a whole number on its own stands alone
                # ("NIK 3201011203850001 12 Oktober"); else the longest span.
                or (candidates[-1] if candidates[-1][0] == i + 1 else candidates[0])
            )
            span = parts[i:j]
            if j - i > 1 and all(_YEAR.fullmatch(part[2]) for part in span):
                i = j  # a list of years: "tahun 2019 2020 2021 2022"
                continue
            lengths = tuple(len(p[2]) for p in span)
            if (not keyword and len(span) >= 4 and max(lengths) <= 3 and lengths != _NPWP_GROUPS
                    and all(text[a - 1] == " " for a, _, _ in span[1:])):
                i += 1  # counts side by side: "210 198 187 205 176 suara"
                continue
            if keyword and keyword.group(1).lower() == "npwp" and kind == "nik":
                kind = "npwp"  # the 16-digit NPWP (the NIK, since 2024)
            yield kind, parts[i][0], parts[j - 1][1]
            i = j


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


# --- phones, e-mail ----------------------------------------------------------
# (A leading lookahead on the first character, here and below, only lets the
# regex engine skip most positions quickly.)
_SEP = r"[ .\-]?"
# Mobile: 08xx, +62 8xx, 62 8xx, (+62) 8xx, +62 (812) ...; 10 to 13 digits in all.
# Never from inside a number: "Rp 7.080.000.000" holds no "080.000.000".
_MOBILE = re.compile(
    r"(?=[(+60])(?<![\w+])(?<!\d[.,])(?:\(\+?62\)|\+62|62|0)" + _SEP
    + r"(?:8\d|\(8\d{1,2}\)|\(08\d{1,2}\))(?:" + _SEP + r"\d){6,10}(?![\d])"
)
# A landline needs its area code set apart: "(021) 555 1234", "0274-512345",
# "(0752) 21234", "+62 21 5551234"; area codes start with 2-7 or 9 (8 is mobile);
# the subscriber number has 5 to 8 digits.
_LANDLINE = re.compile(
    r"(?=[(+0])(?:\(0[2-79]\d{1,2}\)|(?<![\w.\-])0[2-79]\d{1,2}[ .\-]|"
    r"(?:\(\+?62\)|(?<![\w+])\+62)[ .\-]?\(?[2-79]\d{0,2}\)?[ .\-])"
    r" ?\d{2,4}[ .\-]?\d{3,4}(?![\d])"
)
# name@domain.tld, also "name [at] domain [dot] tld", "name (at) domain.tld" and
# "name at domain dot com"; "&#64;" is decoded before.
# (Every alternative starts with a plain character: searched fast.)
_AT = re.compile(r"@|\[[Aa][Tt][\])]|\([Aa][Tt][\])]| [Aa][Tt] ")
_LOCAL = re.compile(r"[\w.+\-]*\w$")
_DOT = r"(?:\.|[ ]?[\[(]dot[\])][ ]?| dot )"
_DOMAIN = re.compile(r"[\w\-]+(?:" + _DOT + r"[\w\-]+)*" + _DOT + r"[A-Za-z]{2,}\b", re.IGNORECASE)
_TLD = frozenset("com id net org co go ac or info biz me io sch web my desa".split())


def _emails(text: str):
    for at in _AT.finditer(text):
        a, b = at.start(), at.end()
        if at.group()[0] != " ":  # "name @ domain", "name [at] domain"
            a -= a > 0 and text[a - 1] == " "
            b += b < len(text) and text[b] == " "
        local = _LOCAL.search(text, max(0, a - 64), a)
        if not local:
            continue
        domain = _DOMAIN.match(text, b)
        if not domain:
            continue
        if "@" not in at.group():
            tld = re.split(r"\W+", domain.group().lower())[-1]
            if tld not in _TLD:
                continue
        yield "email", local.start(), domain.end()


# --- addresses, plates -------------------------------------------------------
# A street (written as a name: "Jl.", "Jalan", "Gg.", "Komplek", "Perum") and,
# in the same phrase, a house number; "Blok C-12"; RT/RW. A reference to a
# regulation between the two ("jalan sehat ... Surat Nomor 5") is not an address.
_STREET_WORD = (r"(?:J[Ll][Nn]?\.?|Jalan|JALAN|jalan|G[Gg]\.|Gang|GANG|gang|Komplek|Kompleks|"
                r"Komp\.|Perum|Perumahan|Lorong|Lr\.)")
_STREET = re.compile(
    r"(?=[JjGgKkPpDdLl])\b" + _STREET_WORD + r"[ ]?(?=[A-Z0-9])"
    r"(?:(?!\b(?:[Ss]urat|[Kk]eputusan|[Pp]eraturan|Perbawaslu|PKPU|UU|[Uu]ndang|[Pp]asal|"
    r"[Tt]ahun|[Rr]egister|SK|TPS|[Uu]rut|[Mm]odel|[Ff]ormulir|[Pp]utusan)\b)[^,;:\n()]){0,40}?"
    r"(?:\b(?:No|NO|no|Nomor|NOMOR|nomor|Nmr|Nr)\.?[ ]?\d+[A-Za-z]?\b"
    r"|(?<=[a-z] )(?!(?:19|20)\d\d\b)\d{1,4}[A-Za-z]?\b(?![.,]\d|[ ](?:[Tt]ahun|orang|suara|km|meter|m)\b))"
)
_BLOCK = re.compile(r"\b(?:Blok|BLOK|blok)[ ]?[A-Z]{1,2}[ \-.]?\d{1,4}[A-Za-z]?\b")
_RTRW = re.compile(
    r"\b(?:RT|Rt)\.?[ ]?/[ ]?(?:RW|Rw)\.?[ ]?:?[ ]?\d{1,3}[ ]?/[ ]?(?:\d{1,3}|[IVXL]{1,6})\b"
    r"|\b(?:RT|Rt)\.?[ ]?:?[ ]?\d{1,3}[ ]?(?:/|,)?[ ]?(?:RW|Rw)\.?[ ]?:?[ ]?(?:\d{1,3}|[IVXL]{1,6})\b"
    r"|\b(?:RT|Rt)\.?[ ]?\d{1,3}[ ]?/[ ]?(?:\d{1,3}|[IVXL]{1,6})\b"
)
# The value of an identity block's address line, up to the first area word
# (the village, district or city may stay).
_ADDRESS_LINE = re.compile(
    r"(?:(?<=\n)|^|(?<=; )|(?<=;))[ ]*(?:[-*][ ]*)?(?:\d{1,2}[.)][ ]*)?"
    r"(?:Alamat(?: Rumah| Lengkap| Tinggal)?|Tempat Tinggal|Domisili|ALAMAT)[ ]*:[ ]*([^\n;]+)",
    re.IGNORECASE,
)
# The label alone, searched first (the line start and the lookbehinds make
# the regex above slow to search).
_ADDRESS_LABEL = re.compile(
    r"(?=[adt])(?:Alamat(?: Rumah| Lengkap| Tinggal)?|Tempat Tinggal|Domisili|ALAMAT)[ ]*:",
    re.IGNORECASE,
)
# An office's address is not a private person's: "Alamat : Kantor PPK ...".
_OFFICE = re.compile(r"(?:Kantor|Sekretariat|Balai|Gedung|Aula|Kampus)\b", re.IGNORECASE)
_AREA = re.compile(r"\b(?:Kel\.|Kelurahan|Desa|Ds\.|Nagari|Gampong|Kampung|Kec\.|Kecamatan|"
                   r"Distrik|Kota|Kab\.|Kabupaten|Provinsi|Prov\.)", re.IGNORECASE)


def _address_lines(text: str):
    if ":" not in text or not _ADDRESS_LABEL.search(text):
        return
    for m in _ADDRESS_LINE.finditer(text):
        value_start = m.start(1)
        area = _AREA.search(text, value_start, m.end(1))
        end = area.start() if area else m.end(1)
        part = text[value_start:end].rstrip(" ,;-")
        if re.search(r"[A-Za-z0-9]", part) and not _OFFICE.match(part):
            yield "alamat", value_start, value_start + len(part)


# Registration prefixes of Indonesian vehicle plates (Korlantas).
_PLATE_AREAS = (
    "A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN "
    "BP DA DB DC DD DE DG DH DK DL DM DN DR DS DT DW EA EB ED KB KH KT KU PA PB PG "
    "PT PY"
).split()
# Election forms and offices look like plates: "D1-KWK", "DA1-KWK", "S1 PPK".
_NOT_PLATE_SUFFIX = "KWK|DPR|DPD|TPS|PPK|PPS|KPU|ASN|PNS|TNI|WIB|WIT|WITA"
_PLATE = re.compile(
    r"(?=[A-Z])\b(?:" + "|".join(sorted(_PLATE_AREAS, key=len, reverse=True)) + r")"
    r"[ \-.]?\d{1,4}[ \-.]?(?!(?:" + _NOT_PLATE_SUFFIX + r")\b)[A-Z]{1,3}\b(?![\-.][A-Za-z0-9])"
)

# --- birth dates -----------------------------------------------------------------
_MONTHS = (r"(?:Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
           r"November|Nopember|Desember|Jan|Feb|Peb|Mar|Apr|Jun|Jul|Agu|Agt|Ags|Sep|Sept|Okt|"
           r"Nov|Nop|Des)\.?")
_DATE = (r"(?:\d{1,2}[ ]?[-/.]?[ ]?" + _MONTHS + r"[ ]?[-/.]?[ ]?\d{2,4}"
         r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{1,2}-\d{1,2})")
_BIRTH_DATE = re.compile(
    r"(?=[TtLlKk])\b(?:(?:Tempat[ ]?(?:/|,|dan)?[ ]?)?(?:Tanggal|Tgl\.?)[ ]?Lahir|TTL|"
    r"(?<!Hari )(?<!hari )(?:di)?lahir(?:kan)?)"
    r"(?:[ ]?:[ ]?|[ ]+|,[ ]?)"
    r"(?:(?:di[ ])?[A-Z][A-Za-z.'’\- ]{0,40}?[,/]?[ ]?(?:pada[ ])?)?"
    r"(?:(?:pada|tanggal|tgl\.?)[ ])*(" + _DATE + r")\b",
    re.IGNORECASE,
)


def _birth_dates(text: str):
    if "ahir" not in text and "AHIR" not in text and "TTL" not in text:
        return
    for m in _BIRTH_DATE.finditer(text):
        yield "lahir", m.start(1), m.end(1)


def _plain(kind, pattern):
    def find(text):
        for m in pattern.finditer(text):
            g = m.group()
            start = m.start() + (len(g) - len(g.lstrip()))
            yield kind, start, m.start() + len(g.rstrip())
    return find


# --- names ---------------------------------------------------------------------------

# Words that introduce a party's name.
_PARTY = (r"Pelapor|Terlapor|Pengadu|Teradu|Pihak[ ]Terkait|Saksi-saksi|Saksi|Terdakwa|"
          r"Tersangka|Terduga|Pemohon|Termohon|Kuasa[ ]Hukum|Penasi?e?hat[ ]Hukum|Advokat|"
          r"Pengacara|Korban")
_ADDRESSING = r"Saudara|Saudari|Sdr|Sdri|Sdra|Bapak|Bpk|Pak|Ibu|Bu|Tuan|Nyonya|Ny"
_NAMING = r"atas[ ]nama|bernama|alias|panggilan|dipanggil|Pgl|als|yakni|yaitu"
_TRIGGER = re.compile(
    r"(?=[PpTtSsKkAaBbIiNnDdYy])\b(?:"
    r"(?P<party>" + _PARTY + r")(?:nya)?(?![\w\-])"
    r"(?:[ ](?:[IVX]{1,4}|\d{1,2}|ke-?\d{1,2}|Kesatu|Pertama|Kedua|Ketiga|Keempat|Kelima)(?![\w\-]))?"
    r"|(?P<addr>" + _ADDRESSING + r")(?:\.|(?![\w\-]))"
    r"|(?P<naming>" + _NAMING + r")(?:\.|(?![\w\-]))"
    r"|a\.n\.|an\.)",
    re.IGNORECASE,
)
# The same on lower-cased text: faster than IGNORECASE.
_TRIGGER_LOWER = re.compile(_TRIGGER.pattern.replace("(?=[PpTtSsKkAaBbIiNnDdYy])", "(?=[ptskabindy])").lower().replace("(?p<", "(?P<"))
# Between the role and the name: punctuation, one line break, "bernama",
# "adalah", "yakni".
_LEAD = re.compile(
    r"[ ]?(?:lengkap[ ]?:?[ ]?)?(?:[,:;(|\-–—][ ]?)?(?:\n[ ]?)?(?:yang[ ][a-z]+[ ]?:[ ]?)?"
    r"(?:(?:yang[ ])?(?:bernama|adalah|yakni|yaitu|ialah|masing-masing)(?:[ ]lengkap)?[ ]?:?[ ]?)?"
)
# An identity block's name label ("Nama : ...", "1. Nama Lengkap: ...", also
# inline: "Identitas Saksi: 1. Nama: ...; Umur: ..."), capitalised.
_NAME_LINE = re.compile(
    r"(?<![\w-])(?:Nama|NAMA)(?: [Ll]engkap| LENGKAP)?"
    r"(?: (?:Terlapor|Pelapor|Saksi|Pengadu|Teradu|TERLAPOR|PELAPOR|SAKSI|PENGADU|TERADU))?"
    r"(?: [IVX]{1,4})?[ ]*:[ ]*"
)
# "dan", "serta", commas: more names of a list of parties.
_LIST = re.compile(r"(?:[ ]?[,;][ ]?|[ ]|[ ]?,[ ]?)(?:dan[ ]|serta[ ]|&[ ])?")
_NICK = re.compile(r"[ ]?[,(]?[ ]?(?:alias|als\.|Pgl\.?|panggilan)[ ]", re.IGNORECASE)
_TOKEN = re.compile(r"[ ]?([A-Z][A-Za-z'’\-]*\.?|bin\b|binti\b|van\b|de\b)")
_ACADEMIC = re.compile(r",?[ ]?((?:[A-Z][a-z]{0,3}\.){2,3}(?:[A-Z][a-z]{0,3}\.?)?|Lc\.|SE|SH|MM)(?![A-Za-z])")
# Honorifics and name abbreviations written before a name.
_HONORIFIC = frozenset("""
    H Hj Hi Ir Dr dr Drs Dra Prof KH Tgk Teuku Cut R Rr Raden Moh Moch Muh Mhd Mochammad
    Ust Ustadz Ustaz Kyai Kiai Ns Apt drg St Sy Hajah Haji I Ni Ida Gusti Bagus Ayu Anak Agung
    Made Nyoman Ketut Wayan Putu Gede Kadek Komang
""".split())
_ABBREVIATED = frozenset("Moh Moch Muh Mhd M".split())  # stand for a name: they give an initial
_NOT_NAMES = frozenset(w.lower() for w in """
    Pelapor Terlapor Pengadu Teradu Saksi Terdakwa Tersangka Terduga Pemohon Termohon Korban
    Saudara Saudari Sdr Sdri Bapak Bpk Ibu Bu Pak Ahli Fakta Oknum Pihak Terkait Advokat
    Pengacara Penasihat Penasehat Kepala Ketua Anggota Wakil Sekretaris Bupati Walikota Wali
    Gubernur Camat Lurah Kades Komisioner Koordinator Panitia Pengawas Petugas Tim Calon
    Caleg Capres Cawapres Cagub Cawagub Cabup Cawabup Cawalkot Kandidat Pasangan Paslon Partai
    Pemerintah Kota Kabupaten Provinsi Desa Kelurahan Kecamatan Nagari Gampong Dinas Badan
    Kantor Sekretariat Direktur Menteri Presiden Kapolres Kapolsek Kapolda Danramil Dandim
    Kejaksaan Kepolisian Polres Polsek Polda Negeri Negara Guru Perangkat Penjabat Plt Pj
    Sentra Majelis Hakim Jaksa Polisi Pegawai Staf Aparatur Kaur Kasi Kadis Sekda Sekdes
    Pengurus Relawan Juru Kuasa Hukum Penyidik Penyelidik Panwaslu Pengawasan Bawaslu KPU
    Panwascam Komisi Kementerian Lembaga Instansi Institusi Organisasi Yayasan DKPP Gakkumdu
    Perkumpulan Koalisi Aliansi Forum Komunitas Kelompok Keluarga Perusahaan Undang
    Nasional Internasional Indonesia Republik Rakyat Pribadi Sendiri Dirinya Beliau Mereka Kami
    Kita Para Seluruh Semua Masing Tersebut Itu Ini Yang Dan Atau Pada Melalui Tidak Tak Telah
    Dengan Sebagai Selaku Bersama Kemudian Juga Namun Sedangkan Untuk Dari Oleh Ke Di Terhadap
    Menyampaikan Mandat Rumah Sakit Sekolah Pondok Warga Tokoh Masyarakat Rukun Umum Tetangga
    Senin Selasa Rabu Kamis Jumat Sabtu Minggu Hari Tanggal Bulan Tahun Pukul
    Pertama Kedua Ketiga Keempat Kelima Keenam Ketujuh Kedelapan Kesembilan Kesepuluh Kesatu
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
    Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan Sepuluh Sebelas Belas Puluh Ratusan
    Seorang Sejumlah Beberapa Banyak Sebagian Orang Hamil Menyusui Lansia Disabilitas Muda
    Atas Laporan Temuan Tanggapan Jawaban Keterangan Pemberi Penerima Permohonan Gugatan
    Pengaduan Perkara Sidang Putusan Pemeriksaan Klarifikasi Kajian Rekomendasi Register
    Cabut Mencabut Hadir Mangkir Minta Meminta Ajukan Mengajukan Laporkan Melapor Melaporkan
    Dilaporkan Diperiksa Dipanggil Divonis Dituntut Ditahan Bantah Membantah Akui Mengakui Tolak
    Menolak Terima Serahkan Menyerahkan Datangi Penuhi Memenuhi Belum Sudah Diputus Dihukum
    Bebas Dinyatakan Terbukti Diberhentikan Disanksi Sanksi Dugaan Pelanggaran Kampanye Politik
    Uang Netralitas Pemilu Pemilihan Pilkada Pileg Pilpres Dapil TPS PPK PPS KPPS PTPS Model
    Surat Pasal Ayat Nomor No Bukti Berkas Dokumen Foto Video Status Asn Pns Tni Polri
    Mahkamah Pengadilan Agung Konstitusi Tinggi Militer Dewan Kehormatan Penyelenggara
    Menerangkan Menyatakan Membenarkan Menjelaskan Mengatakan Selanjutnya Sementara Adapun
    Bahwa Karena Sehingga Agar Jika Bila Apabila Setelah Sebelum Saat Ketika Sejak Hingga
    Ahad Pukul Wib Wita Wit Kuasanya Hukumnya Prinsipal Principal Masyarakat Adat Ninik Mamak
    Pemuda Karang Taruna Pkk Posyandu Puskesmas Rt Rw Dusun Jorong Korong Kampung Lingkungan
    Universitas Fakultas Institut Akademi Madrasah Masjid Gereja Pura Vihara Kelenteng
    Ustadz Kyai Kiai Pendeta Pastor Imam Khatib Bidan Dokter Perawat Nelayan Petani Pedagang
    Sopir Ojek Buruh Karyawan Wiraswasta Mahasiswa Pelajar Siswa Kader Simpatisan Pendukung
    Koalisi Tim Pemenangan Juru Bicara Saksi-saksi Mereka Lain Lainnya Lainnya Berikut
    Kesekretariatan Divisi Bagian Subbagian Seksi Unit Satuan Satpol Pp Linmas Babinsa
    Bhabinkamtibmas Kodim Koramil Polsek Lapas Rutan Nama Jabatan Pekerjaan Alamat Umur Usia Agama
    Identitas Kewarganegaraan Pendidikan Status Data Umum Bernama Berinisial Inisial
    Keberatan Anonim Kunci Utama Tambahan Awal Akhir Baru Lama Tunggal Pelaku Menarik Laporannya
    Menghadiri Memberikan Membagikan Mengunggah Melakukan Melanggar Merupakan Mengaku Menjabat
    Bekerja Berstatus Diduga Datang Diminta Diundang Dihadirkan Didampingi Tanpa Secara
    Sengketa Banding Kasasi Perselisihan Pidana Perdata Keberatan Prinsipal Intervensi Pgl Als Alias Panggilan Dipanggil
""".split())
# Acronyms of offices and parties written after a role ("Terlapor ASN",
# "atas nama DPC PKB"); a name in capitals is at least two words or one long word.
_ACRONYMS = frozenset("""
    ASN PNS PPPK TNI POLRI KPU KPPS PPS PPK PPWP PTPS PKD LSM DPR DPRD DPD BPD RT RW OPD
    BUMN BUMD TPS KIP BAWASLU PANWASLU PANWASCAM DKPP BKN GAKKUMDU PARTAI PASLON CALON
    DPC DPW DPP PAC DPAC PKB PDIP PDI PKS PAN PPP NASDEM GERINDRA GOLKAR DEMOKRAT HANURA
    PERINDO PSI PBB GELORA PKN UMMAT GARUDA BURUH SKPD KPUD PPDP PANTARLIH DPT DPTB UU PKPU
    PERBAWASLU MK MA PN PTUN SATPOL PP LINMAS PKK RI NKRI KTP NIK NIP NPWP SK CV PT UD
""".split())


@functools.lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Region names of the registry (lower case, with and without "Kabupaten"/"Kota"):
    a place after a party word is not a name."""
    path = Path(__file__).parent / "data" / "wilayah.csv"
    names = set()
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name = row["nama"].lower()
            names.add(name)
            names.add(re.sub(r"^(kabupaten|kota|provinsi)\s+(administrasi\s+)?", "", name))
    return frozenset(names)


def _is_caps(word: str) -> bool:
    return len(word) > 1 and word.isupper()


# In a headline (Title, Tags, a Markdown heading) every word is capitalised: an
# affixed verb ("Merupakan", "Dipanggil", "Bertemu") is not the start of a name.
# (Kept narrow: Megawati, Mentari, Dimas, Bernadus, Teresa are names.)
_HEADLINE_VERB = re.compile(
    r"(?:Me|Di|Ber|Ter|Per|Ke)[a-z]{3,}(?:kan|nya)"
    r"|(?:Meng|Meny|Mem[bp])[a-z]{2,}|Men[cdjt][a-z]{4,}"
    r"|Di(?:per|ter|pang|lapor|periksa|tahan|vonis|tuntut|hukum|duga|undang|minta|hadir|tetap|sidang"
    r"|jerat|tangkap|cabut|copot|pecat|beri)[a-z]*"
    r"|Ber(?:status|temu|kampanye|pihak|saksi|dalih|janji|ulah|hasil|bohong|ikan|kas|alasan)[a-z]*"
    r"|Ter(?:bukti|jerat|tangkap|sangkut|ancam|lambat|libat|catat|daftar|ima)[a-z]*")


def _name_at(text: str, pos: int, headline: bool = False):
    """The name written at ``pos`` (honorifics, words, initials, academic titles),
    as (start, end), or None. A word that is no name (a role, an office, an
    ordinary word of a heading) ends the name."""
    i = pos
    words: list[tuple[int, int, str]] = []  # name words (no honorific)
    start = end = None
    honorific_only = True
    for _ in range(12):
        m = _TOKEN.match(text, i)
        if not m:
            break
        tok = m.group(1)
        bare = tok.rstrip(".")
        if bare in ("bin", "binti", "van", "de"):
            if not words:
                break
            i = m.end()
            continue
        if bare.lower() in _NOT_NAMES or (_is_caps(bare) and bare in _ACRONYMS):
            break
        if headline and _HEADLINE_VERB.fullmatch(bare):
            break
        if bare in _HONORIFIC and (tok.endswith(".") or bare not in _ABBREVIATED):
            if bare in _ABBREVIATED or len(bare) == 1:
                words.append((m.start(1), m.end(1), bare))
            if start is None:
                start = m.start(1)
            end = m.end(1)
            i = m.end()
            continue
        if len(bare) == 1 and not tok.endswith("."):
            break  # a single capital letter: "I", "A"
        if tok.endswith(".") and len(bare) > 1:
            tok_end = m.end(1) - 1  # a sentence ends after the word
        else:
            tok_end = m.end(1)
        words.append((m.start(1), tok_end, bare))
        honorific_only = False
        if start is None:
            start = m.start(1)
        end = tok_end
        i = m.end()
        if tok.endswith(".") and len(bare) > 1:
            break
    if start is None or honorific_only:
        return None
    real = [w for w in words if len(w[2]) > 1 and w[2] not in _ABBREVIATED]
    if not any(len(w[2]) > 2 for w in real):
        return None  # initials only: "M. Y.", "A."
    if all(_is_caps(w[2]) for w in real):
        if words[0][2] in _ACRONYMS or (len(real) == 1 and len(real[0][2]) < 5):
            return None  # "ASN", "DPC PKB"; initials "RH", "SWT"
    phrase = " ".join(w[2] for w in real).lower()
    if phrase in _places():
        return None
    # Academic titles after the name: "Sabrang, S.H., M.H."
    while True:
        a = _ACADEMIC.match(text, end)
        if not a or "." not in a.group(1) or len(a.group(1)) < 3:
            break
        end = a.end()
    return start, end


# A "#" at the start of a line and the rest of the line (the regex starts with
# the plain "#", searched fast, and looks behind it for the line start).
_HEADING = re.compile(r"#(?:(?<=\n#)|(?<=^#))[^\n]*")


def _names(text: str, headline: bool = False):
    found = []
    name_lines = _NAME_LINE.finditer(text) if ("Nama" in text or "NAMA" in text) else ()
    for m in name_lines:
        span = _name_at(text, m.end())
        if span:
            found.append(span)
    lower = text.lower()
    roles = (_TRIGGER_LOWER.finditer(lower) if len(lower) == len(text)
             else _TRIGGER.finditer(text))
    # Markdown headings: (start, end) of each heading line, to look up by bisection.
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(text)] if "#" in text else []
    heading_starts = [a for a, _ in headings]
    for role in roles:
        lead = _LEAD.match(text, role.end())
        k = bisect.bisect_right(heading_starts, role.start()) - 1
        in_headline = headline or (k >= 0 and headings[k][1] > role.start())
        span = _name_at(text, lead.end(), in_headline)
        if not span:
            continue
        found.append(span)
        listing = role.group("party") is not None or any(
            w in role.group().lower() + lead.group() for w in ("yakni", "yaitu", "masing"))
        end = span[1]
        for _ in range(20):  # nicknames and further names of a list
            nick = _NICK.match(text, end)
            if nick:
                nxt = _name_at(text, nick.end(), in_headline)
            elif listing:
                sep = _LIST.match(text, end)
                nxt = _name_at(text, sep.end(), in_headline) if sep and sep.end() > end else None
            else:
                nxt = None
            if not nxt:
                break
            found.append(nxt)
            end = nxt[1]
    for start, end in found:
        yield "nama", start, end


# What a detector needs in the text to find anything (searched once per text and
# shared between detectors; a detector whose need is absent is not run):
# identity numbers and phone numbers have five digits in a row, with at most one
# separator between two; a street has its street word; a plate is letters,
# digits and letters; a block is written "Blok", RT/RW starts with "RT".
_FIVE_DIGITS = re.compile(r"\d(?:[ .\-]?\d){4}")
_STREET_NEEDS = re.compile(r"JL|Jl|Jalan|JALAN|jalan|GG\.|Gg\.|Gang|GANG|gang|Komp|Perum|Lorong|Lr\.")
_PLATE_NEEDS = re.compile(r"[A-Z][ \-.]?\d{1,4}[ \-.]?[A-Z]")
_BLOCK_NEEDS = re.compile(r"lok|LOK")
_RTRW_NEEDS = re.compile(r"RT|Rt")

# (kinds found, detector, what it needs or None); where two detectors claim the
# same characters, the one listed first wins (an e-mail is not also a name).
_DETECTORS = (
    ({"email"}, _emails, None),
    ({"lahir"}, _birth_dates, None),
    # An identity number may hold a group that looks like a phone number
    # ("110101 0801000001"): the longer identity number wins.
    (NUMERIC, _numbers, _FIVE_DIGITS),
    ({"telepon"}, _plain("telepon", _MOBILE), _FIVE_DIGITS),
    ({"telepon"}, _plain("telepon", _LANDLINE), _FIVE_DIGITS),
    ({"alamat"}, _address_lines, None),
    ({"alamat"}, _plain("alamat", _STREET), _STREET_NEEDS),
    ({"alamat"}, _plain("alamat", _BLOCK), _BLOCK_NEEDS),
    ({"alamat"}, _plain("alamat", _RTRW), _RTRW_NEEDS),
    ({"plat"}, _plain("plat", _PLATE), _PLATE_NEEDS),
    ({"nama"}, _names, None),
)

# --- propagation -----------------------------------------------------------------
# Parts of a name too common to stand for one person on their own.
_COMMON_PARTS = frozenset(w.lower() for w in """
    Muhammad Mohammad Muhamad Mohamad Muhammed Ahmad Achmad Abdul Abdullah Siti Nur Nurul Sri
    Putra Putri Dewi Agus Budi Indah Agung Bunga Cahaya Bintang Intan Mawar Ayu Jaya Raya Sari
    Tuti Ani Eka Dwi Tri Adi Bayu Hari Rahmat Hidayat Utama Sejahtera Abadi Makmur Mulia
""".split())


@functools.lru_cache(maxsize=4096)
def _parts_of(name: str) -> list[str]:
    """The full name (without honorifics and titles) and its distinctive words."""
    words = []
    for tok in re.findall(r"[A-Za-z'’\-]+(?:\.[A-Za-z]+)*\.?", name):
        bare = tok.rstrip(".")
        if ("." in bare or bare in _HONORIFIC or bare in ("bin", "binti", "van", "de")
                or (tok.endswith(".") and len(bare) <= 3) or bare.lower() in _NOT_NAMES):
            continue  # "S.H.", "H.", "Moh.", initials
        words.append(bare)
    out = [" ".join(words)] if len(words) > 1 else []
    out += [w for w in words if len(w) >= 4 and w.lower() not in _COMMON_PARTS]
    return out


def _propagate(findings, silenced=lambda start, end: False):
    """Every occurrence, in any part, of a flagged name or of its distinctive parts
    (except names the file itself says are no personal data)."""
    names = set()
    for norm, key, spans in findings:
        for kind, a, b in spans:
            if kind == "nama" and not silenced(*norm.orig(a, b)):
                names.update(_parts_of(norm.text[a:b]))
    if not names:
        return
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    pattern = re.compile(r"(?<![\w])(?:" + alternation + r")(?![\w])", re.IGNORECASE)
    for norm, key, spans in findings:
        taken = sorted((a, b) for _, a, b in spans)
        starts = [a for a, _ in taken]
        hits = []
        for m in pattern.finditer(norm.text):
            if not m.group()[0].isupper():
                continue
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and taken[i][1] > m.start():
                continue  # inside a finding already
            if i + 1 < len(taken) and taken[i + 1][0] < m.end():
                continue
            if hits and norm.text[hits[-1][1]:m.start()] == " ":
                hits[-1] = (hits[-1][0], m.end())  # "Sabrang" "Wirataka": one finding
            else:
                hits.append((m.start(), m.end()))
        spans.extend(("nama", a, b) for a, b in hits)


# --- entry points ------------------------------------------------------------------


def _detect(text: str, kinds, headline: bool = False) -> list[tuple[str, int, int]]:
    """The findings (kind, start, end) in ``text``, in no particular order."""
    found: list[tuple[str, int, int]] = []
    present: dict = {}  # need -> whether the text has it
    for detects, detect, needs in _DETECTORS:
        if not detects & kinds:
            continue
        if needs is not None:
            if needs not in present:
                present[needs] = needs.search(text) is not None
            if not present[needs]:
                continue
        new = [(kind, a, b) for kind, a, b in
               (_names(text, headline) if detect is _names else detect(text))
               if kind in kinds and b > a]
        if not new:
            continue
        # Overlaps with earlier detectors (sorted, so one pass).
        found.sort(key=lambda f: f[1])
        starts = [f[1] for f in found]
        kept = []
        for kind, a, b in sorted(set(new), key=lambda f: (f[1], -f[2])):
            i = bisect.bisect_right(starts, a) - 1
            if i >= 0 and found[i][2] > a:
                continue
            if i + 1 < len(found) and found[i + 1][1] < b:
                continue
            if kept and kept[-1][2] > a:
                continue
            kept.append((kind, a, b))
        found.extend(kept)
    return found


# The initials after "berinisial"/"inisial" are initials, whatever else they spell
# ("NY." is no "Ny." honorific, "JLA" no "Jl." street, "TTL" no birth-date label):
# they are hidden from the detectors, keeping every offset.
# (The regex starts with the literal "nisial ", which is searched fast, and
# looks behind it for the whole word.)
_INISIAL = re.compile(r"nisial (?:(?<=\b[Bb]erinisial )|(?<=\b[Ii]nisial ))([A-Z]{1,5})\b")


def _hide_initials(text: str) -> str:
    return _INISIAL.sub(lambda m: "nisial " + "x" * len(m.group(1)), text)


def periksa(teks: str, bagian: Sequence[tuple[str, int, int]], jenis: str,
            bukan_data_pribadi: Sequence[str] = ()) -> list[Temuan]:
    """Every likely piece of personal data in the parts ``bagian`` of ``teks``.

    ``bagian`` lists (key, start, end): the header values' spans (lower-case
    key) and the body's ("body"). ``jenis`` "putusan" looks for every class;
    "berita" and "halaman" for the identifier classes (no names). Findings
    carry offsets into ``teks``, are sorted by start and never overlap.

    ``bukan_data_pribadi`` (optional) are the file's ``Not-Personal-Data``
    entries: a name found inside an exact occurrence of one ("Ibu Pertiwi") is
    not propagated to other mentions. Dropping the silenced findings themselves
    stays with the caller.
    """
    kinds = set(LABELS) if jenis == "putusan" else set(IDENTIFIERS)
    results = []
    for key, start, end in bagian:
        norm = Normal(teks[start:end], start, tags=(key == "tags"))
        text = _hide_initials(norm.text)
        results.append((norm, key, _detect(text, kinds, headline=key in ("title", "tags"))))
    if "nama" in kinds:
        covers = [(m.start(), m.end()) for entry in bukan_data_pribadi if entry.split()
                  for m in re.finditer(r"\s+".join(map(re.escape, entry.split())), teks)]
        _propagate(results, lambda a, b: any(x <= a and b <= y for x, y in covers))
    out = []
    for norm, key, spans in results:
        for kind, a, b in spans:
            s, e = norm.orig(a, b)
            # Markup wrapped around the finding stays out of it.
            while e > s and teks[e - 1] in "*_`]" + _INVISIBLE:
                e -= 1
            while s < e and teks[s] in "*_`[":
                s += 1
            out.append(Temuan(kind, teks[s:e], s, e, key))
    return sorted(set(out), key=lambda t: (t.start, t.end, t.jenis))


def temukan(text: str, kinds=None) -> list[Temuan]:
    """Every likely piece of personal data in ``text`` read as one body
    (optionally only ``kinds``); the older entry point."""
    found = periksa(text, [("body", 0, len(text))], "putusan")
    return [t for t in found if kinds is None or t.jenis in kinds]


# --- content files -----------------------------------------------------------------

_KEY_LINE = re.compile(r"( {0,3})([A-Za-z0-9_-]+):[ \t]*")
# Credits are staff names, not parties; the silencing key and file names are not text.
NOT_SCANNED = frozenset({"authors", "author", "photographer", "editor", "not-personal-data",
                         "image", "status", "date", "modified"})


def bagian_berkas(teks: str) -> list[tuple[str, int, int]]:
    """The parts of a content file as ``periksa`` takes them, read by the schema's own
    header reader (``skema.pisah``): each header value's span and the body's."""
    from .skema import pisah

    return [(k, s, e) for k, s, e in pisah("", "", teks).bagian()
            if k not in NOT_SCANNED and e > s]
