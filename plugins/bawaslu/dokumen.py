"""The key tables of the staff guide and of the content contract, written from the schema.

``invoke dokumen`` rewrites the part of each document between its markers;
tests/test_skema.py fails when a document is out of step with the schema.
"""

from __future__ import annotations

import re
from pathlib import Path

from .skema import KUNCI, Kunci, kunci_untuk

ROOT = Path(__file__).resolve().parents[2]
PANDUAN = ROOT / "docs" / "panduan-penulisan.md"
KONTRAK = ROOT / "docs" / "kontrak-konten.md"
AWAL, AKHIR = "<!-- tabel-kunci: ditulis oleh `invoke dokumen` dari plugins/bawaslu/skema.py -->", \
    "<!-- /tabel-kunci -->"

JUDUL = {"berita": "Kunci berita (`content/berita/`)",
         "putusan": "Kunci catatan penanganan (`content/putusan/`)",
         "halaman": "Kunci halaman tetap (`content/halaman/`)"}
KINDS_EN = {"berita": "news", "putusan": "case records", "halaman": "standing pages"}
# How each kind of value is written, for maintainers and data users (English).
BENTUK_EN = {
    "judul": "free text, one line, at most 200 characters",
    "teks": "free text",
    "ringkasan": "Markdown, one or two sentences",
    "waktu": "`YYYY-MM-DD` or `YYYY-MM-DD HH:MM` (Asia/Jakarta)",
    "tanggal": "`YYYY-MM-DD`",
    "wilayah": "a Kemendagri code (`13.75`), an official name (`Kota Bukittinggi`, `Kab.` "
               "for `Kabupaten`) or `nasional`",
    "pilihan": "one of",
    "pilihan-banyak": "one or more, comma-separated, of",
    "status": "one of",
    "pemilihan": "`pilkada-YYYY` or `pemilu-YYYY`",
    "daftar": "comma-separated list",
    "register": "register number, unique across the site, at most 100 characters; the "
                "page's URL derives from it",
    "slug": "lower-case letters, digits and hyphens, at most 100 characters",
    "gambar": "path of an image under `content/` (a regular file, no `..`)",
}


def _values(k: Kunci) -> str:
    return ", ".join(f"`{v}`" for v in k.kosakata) if k.kosakata else ""


def _wajib(k: Kunci, jenis: str) -> str:
    return "ya" if jenis in k.wajib else (k.bila or "tidak")


def blok_panduan() -> str:
    parts = []
    for jenis, title in JUDUL.items():
        rows = ["| kunci | wajib | nilai |", "|---|---|---|"]
        for k in kunci_untuk(jenis):
            value = k.petunjuk + (f": {_values(k)}" if k.kosakata else "")
            rows.append(f"| `{k.key}` | {_wajib(k, jenis)} | {value} |")
        parts.append(f"### {title}\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def blok_kontrak() -> str:
    rows = ["| key | news | case records | standing pages | value |", "|---|---|---|---|---|"]
    for k in KUNCI:
        cells = []
        for jenis in ("berita", "putusan", "halaman"):
            if jenis not in k.jenis:
                cells.append("—")
            elif jenis in k.wajib:
                cells.append("required")
            else:
                cells.append(f"when {k.bila}" if k.bila else "optional")
        value = BENTUK_EN[k.bentuk] + (f" {_values(k)}" if k.kosakata else "")
        rows.append(f"| `{k.key}` | {' | '.join(cells)} | {value} |")
    return "\n".join(rows)


def _replace(text: str, block: str) -> str:
    pattern = re.compile(re.escape(AWAL) + r".*?" + re.escape(AKHIR), re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"penanda {AWAL!r} tidak ada")
    return pattern.sub(lambda _: f"{AWAL}\n\n{block}\n\n{AKHIR}", text)


def dokumen() -> dict[Path, str]:
    """Each document as it should be, with its key table from the schema."""
    return {PANDUAN: _replace(PANDUAN.read_text(encoding="utf-8"), blok_panduan()),
            KONTRAK: _replace(KONTRAK.read_text(encoding="utf-8"), blok_kontrak())}


def tulis() -> list[Path]:
    """Rewrite the documents that are out of step; returns those written."""
    written = []
    for path, text in dokumen().items():
        if path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
