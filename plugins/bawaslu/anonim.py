"""Detectors of personal data in case records (the anonymity guard).

``temukan(text)`` returns every likely piece of personal data in one line of
text: identity numbers (NIK, NIP, NPWP), phone numbers, e-mail addresses,
street addresses and house numbers, vehicle plates and a full name written
after a party role. Plain regular expressions, tuned so that what case records
legitimately contain (register and decree numbers, law articles, dates and
times, money, vote counts, initials, officials named by role) does not fire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = {
    "nik": "NIK",
    "nip": "NIP",
    "npwp": "NPWP",
    "telepon": "nomor telepon",
    "email": "alamat e-mail",
    "alamat": "alamat rumah",
    "plat": "nomor kendaraan",
    "nama": "nama lengkap pihak",
}
# The identity numbers, refused in news items too.
NUMERIC = frozenset({"nik", "nip", "npwp"})
# Digit count of each identity number (the NPWP since 2024 is the 16-digit NIK).
DIGITS = {16: "nik", 18: "nip", 15: "npwp"}


@dataclass(frozen=True)
class Temuan:
    """One likely piece of personal data: its kind and where it is in the line."""

    jenis: str
    teks: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return LABELS[self.jenis]


# --- identity numbers -------------------------------------------------------
# A run of digits joined by single spaces, dots or hyphens ("3201 0112 ...",
# "19850312 201001 1 002", "01.234.567.8-901.234"), not touching letters or '/'
# (register and decree numbers are full of digits between slashes).
_RUN = re.compile(r"(?<![\w/])\d+(?:[ .\-]\d+)*(?![\w/])")
_MONEY = re.compile(r"(?:Rp\.?|IDR)\s*$", re.IGNORECASE)


def _numbers(text: str):
    for m in _RUN.finditer(text):
        if _MONEY.search(text[max(0, m.start() - 5):m.start()]):
            continue
        # Spaces may separate a number from the next one ("NIK 3201... 2 orang");
        # dots and hyphens only join the groups of one number.
        parts = [(p.start() + m.start(), p.end() + m.start())
                 for p in re.finditer(r"[\d.\-]*\d", m.group())]
        i = 0
        while i < len(parts):
            for j in range(len(parts), i, -1):
                span = text[parts[i][0]:parts[j - 1][1]]
                kind = DIGITS.get(sum(ch.isdigit() for ch in span))
                if kind:
                    yield Temuan(kind, span, parts[i][0], parts[j - 1][1])
                    i = j - 1
                    break
            i += 1


# --- phones, e-mail ----------------------------------------------------------
_SEP = r"[ .\-]?"
_MOBILE = re.compile(
    r"(?<![\w+])(?:\(?\+62\)?|62|0)" + _SEP + r"8\d(?:" + _SEP + r"\d){7,10}(?![\d])"
)
# A landline needs its area code set apart: "(021) 555 1234", "0274-512345",
# "+62 21 5551234"; area codes start with 2-7 or 9 (8 is mobile).
_LANDLINE = re.compile(
    r"(?:\(0[2-79]\d{1,2}\)|(?<![\w.\-])0[2-79]\d{1,2}[ .\-]|\(?\+62\)?[ .\-]?[2-79]\d{0,2}[ .\-])"
    r" ?\d{3,4}[ .\-]?\d{3,4}(?![\d])"
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")

# --- addresses, plates -------------------------------------------------------
_STREET = re.compile(
    r"\b(?:Jl|Jln|Jalan|Gg|Gang|Komplek|Kompleks|Perum|Perumahan|Blok)\.?\s+"
    r"[^,;:\n()]{0,40}?\bNo(?:mor)?\.?\s*\d+[A-Za-z]?\b",
    re.IGNORECASE,
)
_RTRW = re.compile(
    r"\bRT\.?\s*/\s*RW\.?\s*:?\s*\d{1,3}\s*/\s*\d{1,3}\b"
    r"|\bRT\.?\s*:?\s*\d{1,3}\s*(?:/|,)?\s*RW\.?\s*:?\s*\d{1,3}\b"
)
# Registration prefixes of Indonesian vehicle plates (Korlantas).
_PLATE_AREAS = (
    "A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN "
    "BP DA DB DC DD DE DG DH DK DL DM DN DR DS DT DW EA EB ED KB KH KT KU PA PB PG "
    "PT PY"
).split()
_PLATE = re.compile(
    r"\b(?:" + "|".join(sorted(_PLATE_AREAS, key=len, reverse=True)) + r")"
    r"[ \-]?\d{1,4}[ \-]?[A-Z]{1,3}\b"
)

# --- a name after a party role ------------------------------------------------
_ROLE = re.compile(
    r"\b(?:Pelapor|Terlapor|Saksi|Saudara|Saudari|Sdr\.|Sdri\.|Sdr|Sdri|Bapak|Bpk\.|Bpk|"
    r"Ibu|atas nama|a\.n\.)(?![\w-])",
    re.IGNORECASE,
)
_LEAD = re.compile(r"[ \t]*(?:[,:][ \t]*)?(?:(?:yang[ \t]+)?bernama[ \t]+)?")
_WORD = r"(?:[A-Z][a-z'’]+|[A-Z]\.)"
_NAME = re.compile(_WORD + r"(?:[ \t]+" + _WORD + r")*")
# Words that start a role, an office or an ordinary phrase, not a name.
_NOT_NAMES = frozenset("""
    Pelapor Terlapor Saksi Saudara Saudari Sdr Sdri Bapak Bpk Ibu Ahli
    Kepala Ketua Anggota Wakil Sekretaris Bupati Walikota Wali Gubernur Camat Lurah
    Kades Komisioner Koordinator Panitia Pengawas Petugas Tim Calon Pasangan Partai
    Pemerintah Kota Kabupaten Provinsi Desa Kelurahan Kecamatan Dinas Badan Kantor
    Sekretariat Direktur Menteri Presiden Kapolres Kapolsek Kapolda Danramil Dandim
    Kejaksaan Kepolisian Polres Polsek Negeri Negara Guru Perangkat Penjabat Plt
    Sentra Majelis Hakim Jaksa Polisi Pegawai Staf Aparatur Kaur Kasi Kadis Sekda
    Sekdes Pengurus Relawan Juru Kuasa Hukum Penyidik Penyelidik Panwaslu Pengawasan
    Dalam Yang Dan Pada Melalui Tidak Telah Dengan Sebagai Selaku Bersama Kemudian
    Mandat Rumah Sakit Sekolah Pondok Yayasan Warga Tokoh Masyarakat Rukun
""".split())


def _names(text: str):
    for role in _ROLE.finditer(text):
        lead = _LEAD.match(text, role.end())
        name = _NAME.match(text, lead.end())
        if not name:
            continue
        words = name.group().split()
        first = words[0].rstrip(".")
        if first in _NOT_NAMES:
            continue
        if not any(len(w) > 1 and not w.endswith(".") for w in words):
            continue  # initials only: "M. Y.", "A."
        yield Temuan("nama", name.group(), name.start(), name.end())


def _plain(kind, pattern):
    def find(text):
        for m in pattern.finditer(text):
            yield Temuan(kind, m.group().strip(), m.start(), m.end())
    return find


_DETECTORS = (
    ("email", _plain("email", _EMAIL)),
    ("telepon", _plain("telepon", _MOBILE)),
    ("telepon", _plain("telepon", _LANDLINE)),
    ("numbers", _numbers),
    ("alamat", _plain("alamat", _STREET)),
    ("alamat", _plain("alamat", _RTRW)),
    ("plat", _plain("plat", _PLATE)),
    ("nama", _names),
)


def temukan(text: str, kinds=None) -> list[Temuan]:
    """Every likely piece of personal data in ``text`` (optionally only ``kinds``).

    Findings do not overlap: where two detectors claim the same characters, the
    one listed first in ``_DETECTORS`` wins (an e-mail is not also a name).
    """
    found: list[Temuan] = []
    for _, detect in _DETECTORS:
        for t in detect(text):
            if kinds is not None and t.jenis not in kinds:
                continue
            if any(t.start < f.end and f.start < t.end for f in found):
                continue
            found.append(t)
    return sorted(found, key=lambda t: t.start)
