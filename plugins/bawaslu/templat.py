"""Ready-to-fill content files for `invoke new berita|putusan`."""

from datetime import datetime

from . import kosakata as kk
from .konten import TZ, news_slug

CHOICES = {
    "Activity": kk.ACTIVITY, "Source": kk.SOURCE, "Violation": kk.VIOLATION,
    "Subject": kk.SUBJECT, "Outcome": kk.OUTCOME, "Forwarded-To": kk.FORWARDED_TO,
}

REGION_HINT = 'kode Kemendagri (13.75), nama resmi ("Kota Bukittinggi", "Kab. Agam") atau nasional'
DATE_HINT = "tanggal terbit: YYYY-MM-DD atau YYYY-MM-DD HH:MM (WIB)"
CREDITS = [
    ("Authors", "", "nama penulis, dipisah koma bila lebih dari satu"),
    ("Photographer", "", "Foto"),
    ("Editor", "", "Editor"),
    ("Image", "", "gambar utama (boleh kosong), letakkan di content/gambar/, tulis mis. gambar/rapat.jpg"),
    ("Image-Alt", "", "wajib bila Image diisi: apa yang tampak pada gambar, satu kalimat"),
]
NEWS = [
    ("Title", "{title}", "judul berita"),
    ("Date", "{now}", DATE_HINT),
    ("Region", "{region}", REGION_HINT),
    ("Activity", "sosialisasi", None),
    ("Location", "", "tempat kegiatan (boleh kosong)"),
    ("Election", "pilkada-2024", "pilkada-YYYY atau pemilu-YYYY (boleh kosong)"),
    ("Tags", "", "topik, dipisah koma, mis. netralitas-asn, pilkada-2024"),
    ("Summary", "", "satu atau dua kalimat; bila kosong dipakai paragraf pertama"),
] + CREDITS
CASE = [
    ("Title", "{title}", "judul catatan, tanpa nama pribadi"),
    ("Date", "{now}", DATE_HINT),
    ("Region", "{region}", REGION_HINT),
    ("Register", "", "WAJIB: nomor register, unik, mis. 002/Reg/LP/PB/Kota/03.13/X/2024"),
    ("Election", "pilkada-2024", "pilkada-YYYY atau pemilu-YYYY"),
    ("Source", "laporan", None),
    ("Violation", "administrasi", None),
    ("Subject", "asn", None),
    ("Received", "{today}", "tanggal laporan diterima / temuan dicatat, YYYY-MM-DD"),
    ("Registered", "", "tanggal registrasi, YYYY-MM-DD; kosongkan bila tidak-diregistrasi"),
    ("Decided", "", "tanggal status diputuskan, YYYY-MM-DD; kosongkan selama dalam-proses, "
                    "wajib untuk status lain"),
    ("Outcome", "dalam-proses", None),
    ("Forwarded-To", "", "hanya bila Outcome diteruskan; satu atau lebih, dipisah koma"),
    ("Legal-Basis", "", "dasar hukum, mis. UU 10/2016 Pasal 71 ayat (1)"),
    ("Tags", "", "topik, dipisah koma"),
    ("Summary", "", "satu atau dua kalimat tanpa nama pribadi"),
] + CREDITS
# Keys not written in the new file (an empty value would be an error), only explained.
EXTRA = {
    "berita": [
        ("Modified", "tanggal pembaruan penting, format seperti Date; tambahkan hanya bila ada pembaruan"),
        ("Slug", "akhir alamat halaman bila judul sama dengan berita lain di bulan yang sama"),
        ("Status", "draft (tidak diterbitkan), hidden atau published"),
        ("Not-Personal-Data", "teks yang keliru ditandai sebagai NIK/NIP/NPWP, persis seperti "
                              "tertulis; dipisah koma"),
    ],
    "putusan": [
        ("Modified", "tanggal pembaruan status, format seperti Date; tambahkan saat status berubah"),
        ("Status", "draft (tidak diterbitkan), hidden atau published"),
        ("Not-Personal-Data", "teks yang keliru ditandai sebagai data pribadi, persis seperti "
                              "tertulis; dipisah koma"),
    ],
}


def new_file(jenis: str, title: str, region: str, now: datetime | None = None) -> str:
    """The text of a new item: every key, then a comment listing what each accepts."""
    now = now or datetime.now(TZ)
    values = {"title": title, "region": region, "now": f"{now:%Y-%m-%d %H:%M}",
              "today": f"{now:%Y-%m-%d}"}
    keys = NEWS if jenis == "berita" else CASE
    header = []
    guide = []
    for key, default, hint in keys:
        value = default.format(**values)
        header.append(f"{key}: {value}".rstrip())
        if hint is None:
            hint = "pilih salah satu: " + ", ".join(CHOICES[key])
        if key == "Forwarded-To":
            hint += " (" + ", ".join(CHOICES[key]) + ")"
        guide.append(f"  {key}: {hint}")
    if jenis == "putusan":
        body = (
            "## Kronologi\n\nTulis kronologi. Sebut pihak dengan peran dan inisial "
            "(Terlapor berinisial RH), jangan dengan nama, NIK, NIP, nomor telepon atau alamat.\n\n"
            "## Pemeriksaan\n\n...\n\n## Kesimpulan\n\n...\n"
        )
    else:
        body = "Kota, hari tanggal — paragraf pembuka: siapa, apa, di mana.\n\nParagraf berikutnya.\n"
    extra = [f"  {key}: {hint}" for key, hint in EXTRA[jenis]]
    comment = (
        "<!--\nPANDUAN PENGISIAN (hapus komentar ini setelah selesai). "
        "Kunci yang kosong boleh dihapus.\n" + "\n".join(guide)
        + "\nKunci tambahan (tulis di kepala berkas bila perlu):\n" + "\n".join(extra)
        + "\nPanduan lengkap: docs/panduan-penulisan.md\n-->\n"
    )
    return "\n".join(header) + "\n\n" + comment + "\n" + body


def new_path(jenis: str, title: str, region_slug: str, now: datetime | None = None) -> str:
    now = now or datetime.now(TZ)
    return f"{jenis}/{region_slug}/{now:%Y-%m-%d}-{news_slug(title)[:60]}.md"
