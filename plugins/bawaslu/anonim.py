"""Detectors of personal data in case records (the anonymity guard).

``temukan(text)`` returns every likely piece of personal data in a text (a line
or a whole file: no detector matches across lines): identity numbers (NIK, NIP,
NPWP), phone numbers, e-mail addresses, street addresses and house numbers,
vehicle plates and a full name written after a party role. Plain regular expressions, tuned so that what case records
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
_MONEY = re.compile(r"(?:Rp\.?|IDR)[ \t]*$", re.IGNORECASE)
# Parts of a run that are not pieces of an identity number: dates (2024-10-11,
# 11-10-2024, 11.10.2024) and millions with thousands separators (1.500.000).
_NOT_ID = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[.\-]\d{1,2}[.\-]\d{4}|\d{1,3}(?:\.\d{3}){2,}")
_YEAR = re.compile(r"(?:19|20)\d\d")
_BIRTH = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01])")
# The word before a number says which number it is ("NIK: ...", "NIP. ...").
_KEYWORD = re.compile(r"\b(NIK|NIP|NI PPPK|NPWP)\b[^\w\n]{0,12}$", re.IGNORECASE)
_WANTED = {"nik": ("nik",), "nip": ("nip",), "ni pppk": ("nip",), "npwp": ("npwp", "nik")}


def _numbers(text: str):
    for m in _RUN.finditer(text):
        if _MONEY.search(text[max(0, m.start() - 5):m.start()]):
            continue
        # Spaces may separate a number from the next one ("NIK 3201... 2 orang");
        # dots and hyphens only join the groups of one number.
        parts = [(p.start() + m.start(), p.end() + m.start(), p.group())
                 for p in re.finditer(r"[\d.\-]*\d", m.group())]
        i = 0
        while i < len(parts):
            if _NOT_ID.fullmatch(parts[i][2]):
                i += 1
                continue
            # Spans of parts from i whose digits make an identity number, longest first.
            candidates = []
            for j in range(i + 1, len(parts) + 1):
                # A date-like group ends the span, except after a NIP's birth date
                # (YYYYMMDD), whose next group may look like one: "2019-21-1".
                if j > i + 1 and _NOT_ID.fullmatch(parts[j - 1][2]) and not _BIRTH.fullmatch(parts[i][2]):
                    break
                kind = DIGITS.get(_digits(text[parts[i][0]:parts[j - 1][1]]))
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
            if j - i > 1 and all(_YEAR.fullmatch(part[2]) for part in parts[i:j]):
                i = j  # a list of years: "tahun 2019 2020 2021 2022"
                continue
            if keyword and keyword.group(1).lower() == "npwp" and kind == "nik":
                kind = "npwp"  # the 16-digit NPWP (the NIK, since 2024)
            yield Temuan(kind, text[parts[i][0]:parts[j - 1][1]], parts[i][0], parts[j - 1][1])
            i = j


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


# --- phones, e-mail ----------------------------------------------------------
# (A leading lookahead on the first character, here and below, only lets the
# regex engine skip most positions quickly: the guard runs on every build.)
_SEP = r"[ .\-]?"
# Mobile: 08xx, +62 8xx, 62 8xx, (+62) 8xx; 10 to 13 digits in all.
_MOBILE = re.compile(
    r"(?=[(+60])(?<![\w+])(?:\(\+?62\)|\+62|62|0)" + _SEP + r"8\d(?:" + _SEP + r"\d){7,10}(?![\d])"
)
# A landline needs its area code set apart: "(021) 555 1234", "0274-512345",
# "(0752) 21234", "+62 21 5551234"; area codes start with 2-7 or 9 (8 is mobile);
# the subscriber number has 5 to 8 digits.
_LANDLINE = re.compile(
    r"(?=[(+0])(?:\(0[2-79]\d{1,2}\)|(?<![\w.\-])0[2-79]\d{1,2}[ .\-]|"
    r"(?:\(\+?62\)|(?<![\w+])\+62)[ .\-]?\(?[2-79]\d{0,2}\)?[ .\-])"
    r" ?\d{2,4}[ .\-]?\d{3,4}(?![\d])"
)
# name@domain.tld, also written "name [at] domain [dot] tld" or "name (at) domain.tld".
_AT = r"(?:[ \t]?@[ \t]?|[ \t]?[\[(]at[\])][ \t]?)"
_DOT = r"(?:\.|[ \t]?[\[(]dot[\])][ \t]?)"
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]*\w" + _AT + r"[\w\-]+(?:" + _DOT + r"[\w\-]+)*" + _DOT + r"[A-Za-z]{2,}\b",
                    re.IGNORECASE)

# --- addresses, plates -------------------------------------------------------
# A street (written as a name: "Jl.", "Jalan", "Gg.", "Komplek", "Perum",
# "Blok") followed, in the same phrase, by a house number. A reference to a
# regulation between the two ("jalan sehat ... Surat Nomor 5") is not an address.
_STREET = re.compile(
    r"\b(?:J[Ll]|J[Ll][Nn]|Jalan|JALAN|G[Gg]|Gang|GANG|Komplek|Kompleks|Komp|Perum|Perumahan|"
    r"Blok|BLOK)\.?[ \t]+"
    r"(?:(?!\b(?:[Ss]urat|[Kk]eputusan|[Pp]eraturan|Perbawaslu|PKPU|UU|[Uu]ndang|[Pp]asal|"
    r"[Tt]ahun|[Rr]egister|SK)\b)[^,;:\n()]){0,40}?"
    r"\b(?:No|NO|Nomor|NOMOR|Nmr)\.?[ \t]*\d+[A-Za-z]?\b"
)
_RTRW = re.compile(
    r"\bRT\.?[ \t]*/[ \t]*RW\.?[ \t]*:?[ \t]*\d{1,3}[ \t]*/[ \t]*\d{1,3}\b"
    r"|\bRT\.?[ \t]*:?[ \t]*\d{1,3}[ \t]*(?:/|,)?[ \t]*RW\.?[ \t]*:?[ \t]*\d{1,3}\b"
)
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
    r"[ \-]?\d{1,4}[ \-]?(?!(?:" + _NOT_PLATE_SUFFIX + r")\b)[A-Z]{1,3}\b(?![\-.][A-Za-z0-9])"
)

# --- a name after a party role ------------------------------------------------
_ROLE = re.compile(
    r"(?=[PpTtSsBbIiAa])\b(?:(?:Pelapor|Terlapor|Saksi-saksi|Saksi|Saudara|Saudari|Sdr|Sdri|Bapak|Bpk|Ibu|atas nama)(?![\w.-])"
    r"|(?:Sdr|Sdri|Bpk|a\.n)\.)",
    re.IGNORECASE,
)
# Between the role and the name: a comma, colon or bracket, "(yang) bernama",
# and honorifics and degrees (Dr., H., Hj., Ir.), which are part of the name.
_LEAD = re.compile(r"[ \t]*(?:[,:(][ \t]*)?(?:(?:yang[ \t]+)?bernama[ \t]+)?")
_HONORIFICS = "Dr Drs Dra Ir Hj H Hi Prof KH Tgk".split()
_WORD = r"(?:(?:" + "|".join(_HONORIFICS) + r")\.|[A-Z][a-z'’]+|[A-Z]\.)"
_NAME = re.compile(_WORD + r"(?:[ \t]*(?<=[ \t.])" + _WORD + r")*")
# A name in capitals ("Terlapor AHMAD YANI"): two words or more.
_CAPS_NAME = re.compile(r"[A-Z][A-Z'’]{2,}(?:[ \t]+[A-Z][A-Z'’]+)+\b")
_HONORIFIC = frozenset(_HONORIFICS)
# Words that start a role, an office, a date or an ordinary phrase, not a name.
_NOT_NAMES = frozenset("""
    Pelapor Terlapor Saksi Saudara Saudari Sdr Sdri Bapak Bpk Ibu Ahli Fakta Oknum
    Kepala Ketua Anggota Wakil Sekretaris Bupati Walikota Wali Gubernur Camat Lurah
    Kades Komisioner Koordinator Panitia Pengawas Petugas Tim Calon Pasangan Paslon Partai
    Pemerintah Kota Kabupaten Provinsi Desa Kelurahan Kecamatan Nagari Gampong Dinas Badan
    Kantor Sekretariat Direktur Menteri Presiden Kapolres Kapolsek Kapolda Danramil Dandim
    Kejaksaan Kepolisian Polres Polsek Negeri Negara Guru Perangkat Penjabat Plt
    Sentra Majelis Hakim Jaksa Polisi Pegawai Staf Aparatur Kaur Kasi Kadis Sekda
    Sekdes Pengurus Relawan Juru Kuasa Hukum Penyidik Penyelidik Panwaslu Pengawasan
    Bawaslu Panwascam Komisi Kementerian Lembaga Instansi Institusi Organisasi Yayasan
    Perkumpulan Koalisi Aliansi Forum Komunitas Kelompok Keluarga Perusahaan Undang
    Nasional Internasional Indonesia Republik Rakyat Pribadi Sendiri Dirinya Beliau Mereka Kami Kita Para Seluruh Semua
    Dalam Yang Dan Atau Pada Melalui Tidak Telah Dengan Sebagai Selaku Bersama Kemudian
    Juga Namun Sedangkan Untuk Dari Oleh Ke Di Terhadap Tersebut Itu Ini Menyampaikan
    Mandat Rumah Sakit Sekolah Pondok Warga Tokoh Masyarakat Rukun Umum
    Senin Selasa Rabu Kamis Jumat Sabtu Minggu
    Pertama Kedua Ketiga Keempat Kelima Keenam Ketujuh Kedelapan Kesembilan Kesepuluh
    Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember
""".split())
# Acronyms that follow a role in capitals: "Terlapor ASN", "Saksi PPK KECAMATAN".
_ACRONYMS = frozenset("""
    ASN PNS PPPK TNI POLRI KPU KPPS PPS PPK PPWP PTPS PKD LSM DPR DPRD DPD BPD RT RW OPD
    BUMN BUMD TPS KIP BAWASLU PANWASLU PANWASCAM DKPP BKN GAKKUMDU PARTAI PASLON CALON
""".split())


def _names(text: str):
    for role in _ROLE.finditer(text):
        lead = _LEAD.match(text, role.end())
        caps = _CAPS_NAME.match(text, lead.end())
        if caps:
            words = caps.group().split()
            if words[0] in _ACRONYMS or words[0].capitalize() in _NOT_NAMES:
                continue
            yield Temuan("nama", caps.group(), caps.start(), caps.end())
            continue
        name = _NAME.match(text, lead.end())
        if not name:
            continue
        words = name.group().split()
        first = next((w for w in words if w.rstrip(".") not in _HONORIFIC), "").rstrip(".")
        if not first or first in _NOT_NAMES:
            continue
        if not any(len(w) > 1 and not w.endswith(".") for w in words):
            continue  # initials only: "M. Y.", "A."
        yield Temuan("nama", name.group(), name.start(), name.end())


def _plain(kind, pattern):
    def find(text):
        for m in pattern.finditer(text):
            yield Temuan(kind, m.group().strip(), m.start(), m.end())
    return find


# (kinds found, what the text must contain for the detector to be worth running, detector)
_DETECTORS = (
    ({"email"}, "at", _plain("email", _EMAIL)),
    # An identity number may hold a group that looks like a phone number
    # ("110101 0801000001"): the longer identity number wins.
    (NUMERIC, "digit", _numbers),
    ({"telepon"}, "digit", _plain("telepon", _MOBILE)),
    ({"telepon"}, "digit", _plain("telepon", _LANDLINE)),
    ({"alamat"}, "digit", _plain("alamat", _STREET)),
    ({"alamat"}, "digit", _plain("alamat", _RTRW)),
    ({"plat"}, "digit", _plain("plat", _PLATE)),
    ({"nama"}, "role", _names),
)
_DIGIT = re.compile(r"\d")
_AT_WORD = re.compile(r"[\[(]at[\])]", re.IGNORECASE)
_ROLE_WORDS = ("pelapor", "terlapor", "saksi", "saudar", "sdr", "bapak", "bpk", "ibu", "atas nama", "a.n.")


def temukan(text: str, kinds=None) -> list[Temuan]:
    """Every likely piece of personal data in ``text`` (optionally only ``kinds``).

    Findings do not overlap: where two detectors claim the same characters, the
    one listed first in ``_DETECTORS`` wins (an e-mail is not also a name).
    Detectors that cannot match (no digit, no "@", no party role) are skipped:
    the guard runs on every line of every build.
    """
    lower = text.lower()
    present = {
        "digit": _DIGIT.search(text) is not None,
        "at": "@" in text or _AT_WORD.search(text) is not None,
        "role": any(word in lower for word in _ROLE_WORDS),
    }
    found: list[Temuan] = []
    for detects, needs, detect in _DETECTORS:
        if (kinds is not None and not detects & kinds) or not present[needs]:
            continue
        for t in detect(text):
            if kinds is not None and t.jenis not in kinds:
                continue
            if any(t.start < f.end and f.start < t.end for f in found):
                continue
            found.append(t)
    return sorted(found, key=lambda t: t.start)
