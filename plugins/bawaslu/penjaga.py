"""The checks every part of a content file goes through: unsafe HTML and personal data.

``periksa(berkas, jenis)`` is called by ``skema.baca`` once per file, after the
fields are read; it sees every scanned part (``Berkas.bagian()``: each header
value by key, then the body) with its position, and reports problems as
``path:line`` through ``Berkas.error``.
"""

from __future__ import annotations

import html
import re

from .anonim import IDENTIFIERS, NOT_SCANNED
from .anonim import periksa as temukan_pribadi

_UNSAFE_TAGS = "script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form"
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


def _decoded(text: str) -> str:
    """Character references decoded line by line, keeping the line count."""
    return "\n".join(re.sub(r"[\x00-\x20]", lambda m: " " if m.group() == " " else "",
                            html.unescape(line))
                     for line in text.split("\n"))


def check_safety(b) -> None:
    """Unsafe HTML (scripts, event handlers, javascript: URLs, iframes) is an error."""
    for _, start, end in b.bagian():
        text = b.teks[start:end]
        decoded = _decoded(text) if ("&" in text or "\t" in text) else text
        for source, patterns in ((text if "<" in text else "", _UNSAFE_RAW),
                                 (decoded if ":" in decoded else "", _UNSAFE_DECODED)):
            for pattern, message in patterns:
                for m in pattern.finditer(source):
                    line = b.line_at(start) + source.count("\n", 0, m.start(1))
                    b.error(line, f"{message.format(m.group(1).lower())}; {SAFE_HINT}")


def check_allowlist(b) -> None:
    """Raw HTML, attributes and links the site's allowlist (``bawaslu.bersih``) would
    strip, in the body and the Summary: an error, never a silent change. One message
    per line (an earlier one on the line wins)."""
    from .bersih import temuan_sumber

    lines = {p.line for p in b.masalah}
    for key, start, end in b.bagian():
        if key not in ("summary", "body"):
            continue
        text = b.teks[start:end]
        for s, e, message in temuan_sumber(text):
            first, last = b.line_at(start + s), b.line_at(start + e)
            if not lines.intersection(range(first, last + 1)):
                lines.add(first)
                b.error(first, message)


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
WHERE = {"putusan": "catatan penanganan", "berita": "berita", "halaman": "halaman"}


def check_personal_data(b, jenis: str) -> None:
    """Case records name no private person; no content carries identity numbers.

    Every scanned part of the file is searched. A false alarm is silenced only
    in the file itself, visibly, by writing the exact string (as it appears in
    the text, around the finding) in the ``Not-Personal-Data`` key
    (comma-separated); an entry that silences no finding is itself an error,
    so stale exemptions do not linger.
    """
    from .skema import split_list

    allowed = {" ".join(v.split()) for v in split_list(b.value("Not-Personal-Data"))}
    text = b.teks
    parts = b.bagian()
    # Credits name the office's own staff: only the identifier classes are looked for there.
    credits = [p for p in parts if p[0] in NOT_SCANNED]
    found = temukan_pribadi(text, [p for p in parts if p[0] not in NOT_SCANNED], jenis,
                            sorted(allowed))
    found += [t for t in temukan_pribadi(text, credits, "berita") if t.jenis in IDENTIFIERS]
    covers = {entry: [(m.start(), m.end()) for m in
                      re.finditer(r"\s+".join(map(re.escape, entry.split())), text)]
              for entry in allowed}
    used = set()
    where = WHERE[jenis]
    for t in sorted(found, key=lambda t: (t.start, t.end)):
        covering = [entry for entry, spans in covers.items()
                    if any(a <= t.start and t.end <= b_ for a, b_ in spans)]
        if covering:
            used.update(covering)
            continue
        b.error(b.line_at(t.start),
                f'kemungkinan data pribadi ({t.label}) "{mask(t.teks)}" di kolom '
                f"{b.column_at(t.start)}; {where} tidak boleh memuat {t.label} (lihat "
                f"Kebijakan Anonimisasi): {FIX.get(t.jenis, FIX_DEFAULT)}. Bila ini bukan data "
                'pribadi, tulis teks itu persis di kunci "Not-Personal-Data"')
    for entry in sorted(allowed - used):
        b.error("Not-Personal-Data",
                f'"Not-Personal-Data: {entry}" tidak cocok dengan temuan mana pun; hapus entri itu')


def periksa(b, jenis: str) -> None:
    check_safety(b)
    check_allowlist(b)
    check_personal_data(b, jenis)
