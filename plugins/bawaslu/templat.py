"""Ready-to-fill content files for `invoke new berita|putusan`, written from the schema.

Every key of the kind is written with its example value, and explained in a
guide comment with its hint and allowed values. What staff must write
themselves is an ``[ISI: …]`` placeholder; the check names each one left, and
the guide comment itself, so an unfilled file never passes.
"""

from __future__ import annotations

from datetime import datetime

from .skema import PANDUAN_BARU, TZ, Kunci, kunci_untuk, news_slug

BODY = {
    "putusan": (
        "## Kronologi\n\n[ISI: kronologi. Sebut pihak dengan peran dan inisial (Terlapor berinisial "
        "RH), jangan dengan nama, NIK, NIP, nomor telepon atau alamat.]\n\n"
        "## Pemeriksaan\n\n[ISI: hasil pemeriksaan]\n\n## Kesimpulan\n\n[ISI: kesimpulan]\n"
    ),
    "berita": (
        "[ISI: paragraf pembuka: kota, hari dan tanggal, lalu siapa melakukan apa dan di mana.]\n\n"
        "[ISI: paragraf berikutnya]\n"
    ),
}


def _hint(k: Kunci) -> str:
    hint = k.petunjuk
    if k.kosakata:
        many = "pilih satu atau lebih" if k.bentuk == "pilihan-banyak" else "pilih salah satu"
        hint = f"{hint}; {many}: " + ", ".join(k.kosakata)
    return hint


def new_file(jenis: str, title: str, region: str, now: datetime | None = None) -> str:
    """The text of a new item: every key, then a comment explaining each."""
    now = now or datetime.now(TZ)
    values = {"title": title or "[ISI: judul]", "region": region,
              "now": f"{now:%Y-%m-%d %H:%M}", "today": f"{now:%Y-%m-%d}"}
    keys = kunci_untuk(jenis)
    written = [k for k in keys if k.contoh is not None]
    header = [f"{k.key}: {k.contoh.format(**values)}".rstrip() for k in written]
    guide = [f"  {k.key}: {_hint(k)}" for k in written]
    extra = [f"  {k.key}: {_hint(k)}" for k in keys if k.contoh is None]
    comment = (
        f"<!--\n{PANDUAN_BARU} (hapus komentar ini setelah selesai). Kunci yang kosong boleh "
        "dihapus; ganti setiap [ISI: ...].\n" + "\n".join(guide)
        + "\nKunci tambahan (tulis di kepala berkas bila perlu):\n" + "\n".join(extra)
        + "\nPanduan lengkap: docs/panduan-penulisan.md\n-->\n"
    )
    return "\n".join(header) + "\n\n" + comment + "\n" + BODY[jenis]


def new_path(jenis: str, title: str, region_slug: str, now: datetime | None = None) -> str:
    now = now or datetime.now(TZ)
    name = news_slug(title)[:60] or "baru"
    return f"{jenis}/{region_slug}/{now:%Y-%m-%d}-{name}.md"
