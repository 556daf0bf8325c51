"""Open data: the rows, CSV and JSON text of ``putusan`` and ``statistik-wilayah``,
and the Frictionless Data Package describing them.

Format (also stated in ``datapackage.json``):

- CSV: UTF-8 without BOM, comma-separated, a header row, fields quoted only when
  needed (``"`` doubled), each line ending in ``\\r\\n`` (RFC 4180, Python's csv
  default); an absent value is an empty field. A text cell that a spreadsheet would
  read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) gets a
  leading ``'`` so it shows as text (OWASP); the JSON keeps the value as it is.
- JSON: an array of objects, one per line, keys in the column order of the CSV,
  UTF-8 (``ensure_ascii=False``); an absent value is ``null``, counts and days are
  numbers. ``diteruskan_ke`` is the same ``;``-joined text as in the CSV.
- Rows: ``putusan`` by ``diterima`` then ``register``; ``statistik-wilayah`` the
  national row ``ID`` first, then by ``kode``.

A region's slice (``data/wilayah/<slug>/…``) has the same columns: the case
records of the region and its descendants, and the statistics rows of the region
and its descendants with content.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import kosakata
from .model import Item
from .statistik import Rekap, Statistik
from .wilayah import NASIONAL, Registry

PUTUSAN = "putusan"
STATISTIK = "statistik-wilayah"

PUTUSAN_COLUMNS = (
    "register", "judul", "url", "wilayah_kode", "wilayah_nama", "pemilihan", "sumber",
    "pelanggaran", "subjek", "status", "diteruskan_ke", "diterima", "diregistrasi",
    "diputus", "diterbitkan", "diperbarui", "hari_penanganan",
)


def _col(value: str) -> str:
    return value.replace("-", "_")


STATISTIK_COLUMNS = (
    "kode", "nama", "tingkat", "induk", "putusan_total",
    *(f"sumber_{_col(k)}" for k in kosakata.SOURCE),
    *(f"pelanggaran_{_col(k)}" for k in kosakata.VIOLATION),
    *(f"subjek_{_col(k)}" for k in kosakata.SUBJECT),
    *(f"status_{_col(k)}" for k in kosakata.OUTCOME),
    "berita_total", "hari_penanganan_median",
    # Added by issue 14 (after the contract's columns): the legal limit, see bawaslu.batas.
    "batas_dinilai", "batas_dilewati",
)

Row = dict[str, object]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def putusan_row(item: Item, siteurl: str = "") -> Row:
    """One case record as a row (metadata only, no body)."""
    return {
        "register": item.register,
        "judul": item.title,
        "url": f"{siteurl.rstrip('/')}/{item.url}",
        "wilayah_kode": item.wilayah.kode,
        "wilayah_nama": item.wilayah.nama,
        "pemilihan": item.election,
        "sumber": item.source,
        "pelanggaran": item.violation,
        "subjek": item.subject,
        "status": item.outcome,
        "diteruskan_ke": ";".join(item.forwarded_to) or None,
        "diterima": _iso(item.received),
        "diregistrasi": _iso(item.registered),
        "diputus": _iso(item.decided),
        "diterbitkan": item.date.date().isoformat(),
        "diperbarui": item.modified.date().isoformat() if item.modified else None,
        "hari_penanganan": item.hari_penanganan,
    }


def statistik_row(s: Statistik) -> Row:
    w = s.wilayah
    row: Row = {"kode": w.kode, "nama": w.nama, "tingkat": w.tingkat, "induk": w.induk,
                "putusan_total": s.putusan_total}
    for prefix, counts in (("sumber", s.sumber), ("pelanggaran", s.pelanggaran),
                           ("subjek", s.subjek), ("status", s.status)):
        for key, value in counts.items():
            row[f"{prefix}_{_col(key)}"] = value
    row["berita_total"] = s.berita_total
    row["hari_penanganan_median"] = s.hari_median
    row["batas_dinilai"] = s.batas_dinilai
    row["batas_dilewati"] = s.melewati_batas
    return {c: row.get(c, 0) for c in STATISTIK_COLUMNS}


def putusan_rows(items: Iterable[Item], siteurl: str = "") -> list[Row]:
    cases = sorted((i for i in items if i.jenis == "putusan"),
                   key=lambda i: (i.received or i.date.date(), i.register))
    return [putusan_row(i, siteurl) for i in cases]


def statistik_rows(rekap: Rekap) -> list[Row]:
    return [statistik_row(s) for s in rekap.rows()]


# --- Text ------------------------------------------------------------------

# A cell a spreadsheet would read as a formula (OWASP "CSV injection"): starting with
# one of these. It gets a leading apostrophe, so the spreadsheet shows it as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sel_aman(text: str) -> str:
    """A CSV text cell a spreadsheet shows as text: ``=HYPERLINK(...)`` -> ``'=HYPERLINK(...)``."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value) -> str:
    if value is None:
        return ""
    return sel_aman(value) if isinstance(value, str) else str(value)


def csv_lines(rows: list[Row], columns: tuple[str, ...]) -> list[str]:
    """Each row as one CSV line (with its line ending); the header is ``csv_header``."""
    buf = io.StringIO()
    writer = csv.writer(buf)  # excel dialect: "," quote minimal, "\r\n"
    lines = []
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
        lines.append(buf.getvalue())
        buf.seek(0)
        buf.truncate()
    return lines


def csv_header(columns: tuple[str, ...]) -> str:
    return ",".join(columns) + "\r\n"


def json_lines(rows: list[Row]) -> list[str]:
    return [json.dumps(row, ensure_ascii=False) for row in rows]


def json_text(lines: list[str]) -> str:
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def to_csv(rows: list[Row], columns: tuple[str, ...]) -> str:
    return csv_header(columns) + "".join(csv_lines(rows, columns))


def to_json(rows: list[Row]) -> str:
    return json_text(json_lines(rows))


@dataclass(frozen=True, slots=True)
class Berkas:
    """One data file to write: site-relative path and text."""

    path: str
    text: str


def berkas_data(items: list[Item], rekap: Rekap, registry: Registry, siteurl: str,
                slice_path, slices_for: set[str]) -> list[Berkas]:
    """Every data file: the whole ``putusan``/``statistik-wilayah`` CSV and JSON, and
    the slice of each region in ``slices_for`` (codes), each row formatted once.

    ``slice_path(name, wilayah)`` gives a file's path (``jalur.data_path``)."""
    out: list[Berkas] = []
    for name, columns, rows, region_of in (
        (PUTUSAN, PUTUSAN_COLUMNS, putusan_rows(items, siteurl), lambda r: r["wilayah_kode"]),
        (STATISTIK, STATISTIK_COLUMNS, statistik_rows(rekap), lambda r: r["kode"]),
    ):
        c_lines, j_lines = csv_lines(rows, columns), json_lines(rows)
        header = csv_header(columns)
        out.append(Berkas(slice_path(f"{name}.csv", None), header + "".join(c_lines)))
        out.append(Berkas(slice_path(f"{name}.json", None), json_text(j_lines)))
        per_region: dict[str, list[int]] = {k: [] for k in slices_for}
        chains: dict[str, list[str]] = {}
        for n, row in enumerate(rows):
            kode = region_of(row)
            chain = chains.get(kode)
            if chain is None:
                w = registry.get(kode)
                chain = chains[kode] = [r.kode for r in registry.chain(w)
                                        if r.kode in per_region and r.kode != NASIONAL]
            for k in chain:
                per_region[k].append(n)
        for kode in sorted(per_region):
            if kode == NASIONAL:
                continue
            w = registry.get(kode)
            idx = per_region[kode]
            out.append(Berkas(slice_path(f"{name}.csv", w), header + "".join(c_lines[i] for i in idx)))
            out.append(Berkas(slice_path(f"{name}.json", w), json_text([j_lines[i] for i in idx])))
    return out


# --- Data Package ------------------------------------------------------------

def _enum(vocab: Mapping[str, str]) -> dict:
    return {"enum": list(vocab)}


def _field(name, type_, desc, **extra) -> dict:
    f = {"name": name, "type": type_, "description": desc}
    f.update(extra)
    return f


def _putusan_schema() -> dict:
    fields = [
        _field("register", "string", "Nomor register; unik di seluruh situs",
               constraints={"required": True, "unique": True}),
        _field("judul", "string", "Judul catatan penanganan"),
        _field("url", "string", "Alamat halaman catatan; tidak pernah berubah"),
        _field("wilayah_kode", "string", "Kode wilayah Kemendagri kantor pelapor; ID untuk Bawaslu RI"),
        _field("wilayah_nama", "string", "Nama resmi wilayah"),
        _field("pemilihan", "string", "Pemilihan: pilkada-TTTT atau pemilu-TTTT",
               constraints={"pattern": "(pilkada|pemilu)-[0-9]{4}"}),
        _field("sumber", "string", "Sumber: temuan (oleh Bawaslu) atau laporan (dari masyarakat)",
               constraints=_enum(kosakata.SOURCE)),
        _field("pelanggaran", "string", "Jenis dugaan pelanggaran",
               constraints=_enum(kosakata.VIOLATION)),
        _field("subjek", "string", "Pihak yang diduga melanggar",
               constraints=_enum(kosakata.SUBJECT)),
        _field("status", "string", "Status penanganan", constraints=_enum(kosakata.OUTCOME)),
        _field("diteruskan_ke", "string",
               "Instansi penerusan, dipisah titik koma (" + ", ".join(kosakata.FORWARDED_TO)
               + "); kosong bila tidak diteruskan",
               constraints={"pattern": "(" + "|".join(kosakata.FORWARDED_TO) + ")(;("
                            + "|".join(kosakata.FORWARDED_TO) + "))*"}),
        _field("diterima", "date", "Tanggal laporan diterima atau temuan dicatat"),
        _field("diregistrasi", "date", "Tanggal diregistrasi; kosong bila belum/tidak diregistrasi"),
        _field("diputus", "date", "Tanggal status diputuskan; kosong selama dalam proses"),
        _field("diterbitkan", "date", "Tanggal catatan diterbitkan di situs"),
        _field("diperbarui", "date", "Tanggal pembaruan terakhir; kosong bila tidak pernah diperbarui"),
        _field("hari_penanganan", "integer",
               "Lama penanganan dalam hari kalender (diputus dikurangi diterima); kosong bila belum diputus",
               constraints={"minimum": 0}),
    ]
    return {"fields": fields, "primaryKey": ["register"], "missingValues": [""]}


_LEVEL_DESC = {
    "sumber": "Jumlah catatan penanganan dengan sumber {}",
    "pelanggaran": "Jumlah catatan penanganan dengan dugaan pelanggaran {}",
    "subjek": "Jumlah catatan penanganan dengan pihak yang diduga {}",
    "status": "Jumlah catatan penanganan berstatus {}",
}


def _statistik_schema() -> dict:
    fields = [
        _field("kode", "string", "Kode wilayah Kemendagri; ID untuk tingkat nasional",
               constraints={"required": True, "unique": True}),
        _field("nama", "string", "Nama resmi wilayah"),
        _field("tingkat", "string", "Tingkat wilayah",
               constraints={"enum": ["nasional", "provinsi", "kabupaten", "kota"]}),
        _field("induk", "string", "Kode wilayah induk (ID untuk provinsi); kosong untuk nasional"),
        _field("putusan_total", "integer", "Jumlah catatan penanganan pelanggaran",
               constraints={"minimum": 0}),
    ]
    for prefix, vocab in (("sumber", kosakata.SOURCE), ("pelanggaran", kosakata.VIOLATION),
                          ("subjek", kosakata.SUBJECT), ("status", kosakata.OUTCOME)):
        for key, label in vocab.items():
            fields.append(_field(f"{prefix}_{_col(key)}", "integer",
                                 _LEVEL_DESC[prefix].format(f"{key} ({label})"),
                                 constraints={"minimum": 0}))
    fields.append(_field("berita_total", "integer", "Jumlah berita kegiatan",
                         constraints={"minimum": 0}))
    fields.append(_field("hari_penanganan_median", "number",
                         "Median lama penanganan (hari kalender) atas catatan yang sudah diputus; "
                         "bisa berakhiran ,5 bila jumlahnya genap; kosong bila belum ada yang diputus",
                         constraints={"minimum": 0}))
    fields.append(_field("batas_dinilai", "integer",
                         "Jumlah catatan yang sudah diputus dan dapat diukur terhadap batas waktu "
                         "menurut undang-undang (Pemilu: hari kerja sejak diregistrasi; Pemilihan: "
                         "hari kalender sejak diterima); lihat /metodologi/",
                         constraints={"minimum": 0}))
    fields.append(_field("batas_dilewati", "integer",
                         "Dari batas_dinilai, jumlah catatan yang diputus melewati batas waktu",
                         constraints={"minimum": 0}))
    assert [f["name"] for f in fields] == list(STATISTIK_COLUMNS)
    return {"fields": fields, "primaryKey": ["kode"], "missingValues": [""]}


DIALECT = {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True,
           "header": True}


def _resources(name: str, title: str, desc: str, schema: dict) -> list[dict]:
    return [
        {"name": name, "title": title, "description": desc, "path": f"{name}.csv",
         "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
         "encoding": "utf-8", "dialect": DIALECT, "schema": schema},
        {"name": f"{name}-json", "title": f"{title} (JSON)",
         "description": desc + " Larik objek JSON, satu baris per objek; nilai kosong ditulis null.",
         "path": f"{name}.json", "profile": "tabular-data-resource", "format": "json",
         "mediatype": "application/json", "encoding": "utf-8", "schema": schema},
    ]


def datapackage(siteurl: str = "", sitename: str = "") -> str:
    """``datapackage.json`` text (Frictionless Data Package v1; paths relative to it)."""
    assert [f["name"] for f in _putusan_schema()["fields"]] == list(PUTUSAN_COLUMNS)
    package = {
        "profile": "tabular-data-package",
        "name": "buletin-bawaslu",
        "title": f"Data terbuka {sitename}".strip(),
        "description": (
            "Catatan penanganan pelanggaran (tanpa isi, tanpa data pribadi) dan statistik per "
            "wilayah. CSV: UTF-8 tanpa BOM, dipisah koma, baris judul kolom, akhir baris CRLF "
            "(RFC 4180). Sel teks CSV yang diawali =, +, -, @, tab atau CR (yang akan dibaca "
            "sebagai rumus oleh aplikasi lembar kerja) diberi awalan tanda kutip tunggal (') "
            "agar tampil sebagai teks; berkas JSON memuat nilai aslinya. Urutan baris: putusan "
            "menurut tanggal diterima lalu nomor register; "
            "statistik-wilayah baris nasional (ID) dahulu lalu menurut kode wilayah. Potongan per "
            "wilayah dengan kolom yang sama ada di data/wilayah/<nama-wilayah>/. Cara menghitung "
            "setiap angka dijelaskan di halaman /metodologi/."
        ),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Atribusi 4.0 Internasional",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "homepage": f"{siteurl.rstrip('/')}/metodologi/" if siteurl else "/metodologi/",
        "resources": [
            *_resources(PUTUSAN, "Catatan penanganan pelanggaran",
                        "Satu baris per catatan penanganan pelanggaran.", _putusan_schema()),
            *_resources(STATISTIK, "Statistik per wilayah",
                        "Satu baris per wilayah yang memiliki isi, per wilayah induknya, dan satu "
                        "baris nasional (ID). Angka suatu wilayah mencakup kabupaten/kotanya; "
                        "baris nasional mencakup semuanya, termasuk Bawaslu RI.",
                        _statistik_schema()),
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
