"""A seeded synthetic corpus in the content contract, for `invoke bench`.

``tulis_korpus(root, n, seed)`` writes ``n`` Markdown files under ``root``:
60% news (``berita/``) and 40% case records (``putusan/``), spread round-robin
over all 514 kabupaten/kota of ``plugins/bawaslu/data/wilayah.csv``, in one
folder per year (plain Pelican makes a category of each folder: a few, not 514).
The same
``n`` and ``seed`` give byte-identical files.

Every file is valid per ``shared/CONTENT.md`` and passes the anonymity checks:
case-record bodies name people only by role and initials; Faker ``id_ID`` names
appear only in the credits of news items (Authors, Photographer, Editor).
Titles are unique, so plain Pelican (slug from the title) writes every item too.
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from faker import Faker

ROOT = Path(__file__).resolve().parent.parent
WILAYAH_CSV = ROOT / "plugins" / "bawaslu" / "data" / "wilayah.csv"

ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]

# Plain Indonesian words for filler sentences (lower case; no role words, no digits).
KATA = """
pengawasan tahapan pemilihan kampanye pemungutan penghitungan suara rekapitulasi daftar
pemilih logistik partisipasi masyarakat sosialisasi koordinasi jajaran pengawas kecamatan
kelurahan desa tempat netralitas aparatur penyelenggara peserta dokumen berita acara hasil
evaluasi laporan kegiatan pelaksanaan ketentuan peraturan perundang-undangan mekanisme
pencegahan penindakan pelanggaran informasi publik keterbukaan akuntabilitas integritas
wilayah setempat bersama pemangku kepentingan lembaga pendidikan organisasi pemuda media
forum diskusi materi narasumber peserta kegiatan komitmen pemilu damai jujur adil langsung
umum bebas rahasia pemantauan lapangan potensi kerawanan pemetaan titik rawan patroli
pengawasan siber konten hoaks ujaran kebencian politik uang alat peraga penertiban jadwal
""".split()

KEGIATAN = {
    "sosialisasi": ["Sosialisasi Pengawasan Partisipatif", "Sosialisasi Netralitas ASN",
                    "Sosialisasi Tolak Politik Uang", "Sosialisasi Pemilih Pemula"],
    "rapat-koordinasi": ["Rapat Koordinasi Pengawasan Tahapan", "Rapat Koordinasi Sentra Gakkumdu",
                         "Rapat Koordinasi Persiapan Pemungutan Suara"],
    "pengawasan": ["Pengawasan Pemutakhiran Data Pemilih", "Pengawasan Distribusi Logistik",
                   "Pengawasan Masa Tenang", "Patroli Pengawasan Politik Uang"],
    "penanganan-pelanggaran": ["Klarifikasi Dugaan Pelanggaran", "Kajian Awal Laporan Masyarakat"],
    "kerja-sama": ["Penandatanganan Nota Kesepahaman Pengawasan", "Kerja Sama Pengawasan dengan Kampus"],
    "lainnya": ["Apel Siaga Pengawasan", "Bimbingan Teknis Pengawas Ad Hoc"],
}
TOPIK = ["pengawasan-partisipatif", "netralitas-asn", "politik-uang", "logistik", "daftar-pemilih",
         "kampanye", "masa-tenang", "pemungutan-suara", "sentra-gakkumdu", "pengawasan-siber"]

PELANGGARAN = {
    "administrasi": ("Dugaan Pelanggaran Administrasi", "UU 7/2017 Pasal 460"),
    "pidana": ("Dugaan Tindak Pidana Pemilihan", "UU 10/2016 Pasal 187A ayat (1)"),
    "kode-etik": ("Dugaan Pelanggaran Kode Etik Penyelenggara", "Peraturan DKPP 2/2017 Pasal 8"),
    "hukum-lainnya": ("Dugaan Pelanggaran Netralitas", "UU 5/2014 Pasal 2 huruf f"),
}
SUBJEK = {
    "asn": "seorang ASN", "kepala-desa": "seorang kepala desa", "tni-polri": "seorang anggota TNI/Polri",
    "penyelenggara": "seorang anggota badan ad hoc", "peserta": "seorang tim kampanye peserta",
    "lainnya": "seorang warga",
}
SUBJEK_JUDUL = {
    "asn": "ASN", "kepala-desa": "Kepala Desa", "tni-polri": "Anggota TNI/Polri",
    "penyelenggara": "Penyelenggara Ad Hoc", "peserta": "Tim Kampanye", "lainnya": "Warga",
}
# (outcome, weight)
STATUS = [("dalam-proses", 2), ("tidak-diregistrasi", 2), ("diteruskan", 3),
          ("bukan-pelanggaran", 2), ("dihentikan", 1)]
TUJUAN = ["kpu", "gakkumdu", "dkpp", "bkn", "instansi-lain"]
INISIAL = "ABDEFHIJKLMNRSTWY"


def kabupaten_kota(path: Path = WILAYAH_CSV) -> list[dict[str, str]]:
    """The 514 kabupaten/kota of the registry, in code order."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["tingkat"] in ("kabupaten", "kota")]
    return sorted(rows, key=lambda r: r["kode"])


def tanggal_id(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


class Penulis:
    """Writes the items; one instance per corpus (seeded)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.fake = Faker("id_ID")
        self.fake.seed_instance(seed)
        self.regions = kabupaten_kota()
        self.staf: dict[str, list[str]] = {}  # a few staff writers per office

    def nama_staf(self, kode: str) -> str:
        if kode not in self.staf:
            self.staf[kode] = [self.fake.name() for _ in range(4)]
        return self.rng.choice(self.staf[kode])

    def kalimat(self, n: int = 12) -> str:
        return self.fake.sentence(nb_words=n, ext_word_list=KATA)

    def paragraf(self, kalimat: int = 4) -> str:
        return " ".join(self.kalimat(self.rng.randint(8, 16)) for _ in range(kalimat))

    def inisial(self) -> str:
        return "".join(self.rng.choice(INISIAL) for _ in range(self.rng.choice((2, 2, 3))))

    def berita(self, i: int, region: dict[str, str]) -> tuple[str, str]:
        rng = self.rng
        activity = rng.choice(sorted(KEGIATAN))
        judul_dasar = rng.choice(KEGIATAN[activity])
        published = datetime(2023, 1, 1, 8, 0) + timedelta(
            days=rng.randrange(0, 730), minutes=15 * rng.randrange(0, 40))
        title = f"{judul_dasar} di {region['nama']} ({i + 1})"
        tags = rng.sample(TOPIK, rng.randint(1, 3))
        election = rng.choice(["pilkada-2024", "pemilu-2024", ""])
        head = [
            f"Title: {title}",
            f"Date: {published:%Y-%m-%d %H:%M}",
            f"Region: {region['kode'] if i % 2 else region['nama']}",
            f"Activity: {activity}",
            f"Location: Aula Kantor Bawaslu {region['nama']}",
            f"Tags: {', '.join(tags)}",
            f"Authors: {self.nama_staf(region['kode'])}",
            f"Photographer: {self.nama_staf(region['kode'])}",
            f"Editor: {self.nama_staf(region['kode'])}",
        ]
        # Titles repeat across months; the number keeps each URL unique even where a
        # long title's slug is cut at 80 characters.
        head.append(f"Slug: {_slug(judul_dasar)}-{region['slug']}-{i + 1}")
        if election:
            head.append(f"Election: {election}")
        if rng.random() < 0.1:
            modified = published + timedelta(days=rng.randint(1, 20))
            head.append(f"Modified: {modified:%Y-%m-%d %H:%M}")
        kota = region["nama"].replace("Kabupaten ", "").replace("Kota ", "")
        body = [
            (f"{kota} — Bawaslu {region['nama']} menyelenggarakan kegiatan "
             f"{judul_dasar.lower()} pada {tanggal_id(published.date())}. {self.paragraf(2)}"),
            self.paragraf(4),
            "## Pokok bahasan",
            "\n".join(f"- {self.kalimat(rng.randint(5, 9))}" for _ in range(rng.randint(3, 5))),
            self.paragraf(3),
            f"*{self.kalimat(10)}*",
            self.paragraf(rng.randint(3, 5)),
        ]
        if rng.random() < 0.2:
            body.append("| Kegiatan | Peserta |\n|---|---|\n" + "\n".join(
                f"| {self.kalimat(4).rstrip('.')} | {rng.randint(20, 300)} orang |" for _ in range(3)))
        path = f"berita/{published:%Y}/{published:%Y-%m-%d}-{region['slug']}-{i + 1:05d}.md"
        return path, "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"

    def putusan(self, i: int, region: dict[str, str], nomor: int) -> tuple[str, str]:
        rng = self.rng
        source = rng.choice(["temuan", "laporan"])
        violation = rng.choice(sorted(PELANGGARAN))
        subject = rng.choice(sorted(SUBJEK))
        outcome = rng.choices([s for s, _ in STATUS], [w for _, w in STATUS])[0]
        election = rng.choice(["pilkada-2024", "pemilu-2024"])
        received = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 700))
        registered = received + timedelta(days=rng.randint(0, 3))
        decided = registered + timedelta(days=rng.randint(3, 21))
        published = decided if outcome != "dalam-proses" else registered
        tingkat = "Kota" if region["tingkat"] == "kota" else "Kab"
        register = (f"{nomor:03d}/Reg/{'TM' if source == 'temuan' else 'LP'}/"
                    f"{'PB' if election.startswith('pilkada') else 'PL'}/{tingkat}/{region['kode']}/"
                    f"{ROMAWI[received.month - 1]}/{received.year}")
        judul, dasar = PELANGGARAN[violation]
        title = f"{judul} oleh {SUBJEK_JUDUL[subject]} di {region['nama']} ({nomor})"
        head = [
            f"Title: {title}",
            f"Date: {published:%Y-%m-%d}",
            f"Region: {region['kode']}",
            f"Register: {register}",
            f"Election: {election}",
            f"Source: {source}",
            f"Violation: {violation}",
            f"Subject: {subject}",
            f"Received: {received:%Y-%m-%d}",
        ]
        if outcome != "tidak-diregistrasi":
            head.append(f"Registered: {registered:%Y-%m-%d}")
        if outcome != "dalam-proses":
            head.append(f"Decided: {decided:%Y-%m-%d}")
        head.append(f"Outcome: {outcome}")
        if outcome == "diteruskan":
            head.append(f"Forwarded-To: {', '.join(sorted(rng.sample(TUJUAN, rng.randint(1, 2))))}")
        head.append(f"Legal-Basis: {dasar}")
        head.append(f"Tags: {rng.choice(TOPIK)}, {election}")
        if rng.random() < 0.15:
            head.append(f"Modified: {published + timedelta(days=rng.randint(1, 30)):%Y-%m-%d}")
        terlapor, pelapor, saksi = self.inisial(), self.inisial(), self.inisial()
        asal = ("Pengawas kelurahan/desa mencatat temuan" if source == "temuan"
                else f"Pelapor berinisial {pelapor} menyampaikan laporan")
        body = [
            "## Kronologi",
            (f"{asal} pada {tanggal_id(received)}. Terlapor, {SUBJEK[subject]} berinisial "
             f"{terlapor}, diduga melakukan {judul.lower().replace('dugaan ', '')}. "
             f"{self.paragraf(3)}"),
            "## Pemeriksaan",
            (f"Bawaslu {region['nama']} meminta klarifikasi kepada Terlapor berinisial {terlapor} "
             f"dan seorang saksi berinisial {saksi}. {self.paragraf(4)}"),
            "\n".join(f"1. {self.kalimat(rng.randint(6, 10))}" for _ in range(3)),
            "## Kesimpulan",
            (f"Berdasarkan {dasar}, status penanganan adalah {outcome.replace('-', ' ')}. "
             f"{self.paragraf(2)}"),
        ]
        path = f"putusan/{received:%Y}/{region['slug']}-{nomor:03d}.md"
        return path, "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def _slug(nama: str) -> str:
    from slugify import slugify

    return slugify(nama)


def tulis_korpus(root: Path, n: int, seed: int = 8) -> dict[str, int]:
    """Write ``n`` items under ``root`` (60% news, 40% case records); return the counts."""
    penulis = Penulis(seed)
    regions = [dict(r, slug=_slug(r["nama"])) for r in penulis.regions]
    order = list(range(n))
    penulis.rng.shuffle(order)  # news and case records interleave over the regions
    n_putusan = (n * 4) // 10
    nomor: dict[str, int] = {}
    counts = {"berita": 0, "putusan": 0}
    for i in range(n):
        region = regions[i % len(regions)]
        if order[i] < n_putusan:
            nomor[region["kode"]] = nomor.get(region["kode"], 0) + 1
            rel, text = penulis.putusan(i, region, nomor[region["kode"]])
            counts["putusan"] += 1
        else:
            rel, text = penulis.berita(i, region)
            counts["berita"] += 1
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    halaman = root / "halaman"
    halaman.mkdir(parents=True, exist_ok=True)
    (halaman / "tentang.md").write_text(
        "Title: Tentang\nSlug: tentang\n\nBuletin transparansi (korpus uji kinerja, fiktif).\n",
        encoding="utf-8")
    return counts


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Tulis korpus sintetis untuk uji kinerja.")
    parser.add_argument("root", type=Path)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print(tulis_korpus(args.root, args.items, args.seed))
