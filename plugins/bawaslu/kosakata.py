"""Controlled vocabularies of the content contract, with their Indonesian labels.

One place for each list: validation, templates, statistics and feeds read them here.
"""

import re

ACTIVITY = {
    "sosialisasi": "Sosialisasi",
    "rapat-koordinasi": "Rapat Koordinasi",
    "pengawasan": "Pengawasan",
    "penanganan-pelanggaran": "Penanganan Pelanggaran",
    "kerja-sama": "Kerja Sama",
    "lainnya": "Lainnya",
}
SOURCE = {"temuan": "Temuan", "laporan": "Laporan"}
VIOLATION = {
    "administrasi": "Administrasi",
    "pidana": "Pidana",
    "kode-etik": "Kode Etik",
    "hukum-lainnya": "Hukum Lainnya",
}
SUBJECT = {
    "asn": "ASN",
    "kepala-desa": "Kepala Desa",
    "tni-polri": "TNI/Polri",
    "penyelenggara": "Penyelenggara",
    "peserta": "Peserta",
    "lainnya": "Lainnya",
}
OUTCOME = {
    "dalam-proses": "Dalam Proses",
    "tidak-diregistrasi": "Tidak Diregistrasi",
    "diteruskan": "Diteruskan",
    "bukan-pelanggaran": "Bukan Pelanggaran",
    "dihentikan": "Dihentikan",
}
FORWARDED_TO = {
    "kpu": "KPU",
    "gakkumdu": "Sentra Gakkumdu",
    "dkpp": "DKPP",
    "bkn": "BKN",
    "instansi-lain": "Instansi Lain",
}
JENIS = {"berita": "Berita", "putusan": "Penanganan Pelanggaran", "halaman": "Halaman"}
STATUS = {"published": "Terbit", "draft": "Draf", "hidden": "Tersembunyi"}

ELECTION_RE = re.compile(r"^(pilkada|pemilu)-(\d{4})$")


def election_label(value: str) -> str:
    """``pilkada-2024`` -> ``Pilkada 2024``."""
    m = ELECTION_RE.match(value or "")
    return f"{m.group(1).capitalize()} {m.group(2)}" if m else value


LABELS = {
    "activity": ACTIVITY,
    "source": SOURCE,
    "violation": VIOLATION,
    "subject": SUBJECT,
    "outcome": OUTCOME,
    "forwarded_to": FORWARDED_TO,
    "jenis": JENIS,
}


def label(value: str, kind: str) -> str:
    """Indonesian label of a controlled value (``label("asn", "subject")`` -> ``ASN``);
    the value itself when unknown. Also the Jinja filter ``value|label(kind)``."""
    if kind == "election":
        return election_label(value)
    return LABELS[kind].get(value, value)
