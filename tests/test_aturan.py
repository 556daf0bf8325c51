"""Every rule of the content contract, one small content folder per broken rule.

Each folder is checked in-process with the schema (``konten.check_folder``, what
``invoke check`` runs): it must report the exact ``path:line: message`` line in
Indonesian, and no other problem. A handful of end-to-end builds check the
wiring: all folders side by side through ``invoke check`` and through a real
build (``pelican PATH -s pelicanconf.py -o OUT``) give the same lines, the build
fails and writes nothing; a folder with several defects reports all of them in
one run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bawaslu import konten, skema
from conftest import ROOT, run_pelican, write

NEWS = """\
Title: Rapat Koordinasi Pengawasan Kampanye {n}
Date: 2024-06-14 09:30
Region: Kota Bukittinggi
Activity: rapat-koordinasi
Location: Aula Bawaslu Kota Bukittinggi
Tags: pengawasan-kampanye
Authors: Rina Fiktif

Bukittinggi — Bawaslu Kota Bukittinggi menggelar rapat koordinasi fiktif.
"""

CASE = """\
Title: Dugaan Ketidaknetralan ASN di Agam {n}
Date: 2024-10-20
Region: 13.06
Register: {n:03d}/Reg/TM/PB/Kab/03.06/X/2024
Election: pilkada-2024
Source: temuan
Violation: hukum-lainnya
Subject: asn
Received: 2024-10-01
Registered: 2024-10-03
Decided: 2024-10-08
Outcome: diteruskan
Forwarded-To: bkn
Legal-Basis: UU 5/2014 Pasal 2 huruf f

Terlapor, seorang ASN berinisial RH, diduga mengunggah dukungan kepada pasangan calon.
"""

PAGE = "Title: Tentang\nSlug: tentang\n\nTentang situs ini.\n"

ACTIVITIES = "sosialisasi, rapat-koordinasi, pengawasan, penanganan-pelanggaran, kerja-sama, lainnya"
FORWARDED = "kpu, gakkumdu, dkpp, bkn, instansi-lain"
DATE_HINT = "format YYYY-MM-DD atau YYYY-MM-DD HH:MM, mis. 2024-10-11 atau 2024-10-11 09:30"
REGION_HINT = ('gunakan kode Kemendagri (mis. 13.75), nama resmi (mis. "Kota Bukittinggi", '
               '"Kab. Agam") atau "nasional"')
NEWS_KEYS = skema.nama_kunci("berita")
CASE_KEYS = skema.nama_kunci("putusan")
SAFE = "hapus bagian itu; konten hanya boleh memuat Markdown dan HTML sederhana tanpa skrip"
NOT_PERSONAL = 'Bila ini bukan data pribadi, tulis teks itu persis di kunci "Not-Personal-Data"'
FIX_NAME = 'tulis peran dan inisialnya saja, mis. "Terlapor, seorang ASN berinisial RH"'
FIX_NUMBER = "hapus nomor atau alamat itu"
FIX_ADDRESS = ("sebut wilayahnya saja (desa/kelurahan, kecamatan), tanpa nama jalan, nomor rumah "
               "atau RT/RW")


def edit(text: str, key: str, value: str | None = None, *, add: str | None = None) -> str:
    """``text`` with the line of ``key`` given a new value, removed (``value=None``),
    or followed by the line ``add``."""
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith(f"{key}:"))
    if add is not None:
        lines.insert(i + 1, add)
    elif value is None:
        del lines[i]
    else:
        lines[i] = f"{key}: {value}".rstrip()
    return "\n".join(lines)


def body(text: str, new_body: str) -> str:
    return text.split("\n\n", 1)[0] + "\n\n" + new_body


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


@dataclass
class Rule:
    """One broken rule: the files of a small content folder and the problems
    expected, as (file, line, message)."""

    id: str
    files: dict[str, str]
    problems: list[tuple[str, int, str]]
    binary: dict[str, bytes] = field(default_factory=dict)


def news_rule(id_, text, line, message, n=1):
    return Rule(id_, {"berita/b.md": text}, [("berita/b.md", line, message)])


def case_rule(id_, text, line, message):
    return Rule(id_, {"putusan/p.md": text}, [("putusan/p.md", line, message)])


def rules() -> list[Rule]:
    news, case = NEWS.format(n=1), CASE.format(n=1)
    r = []
    add = r.append

    # --- shared keys ---
    t = edit(news, "Title")
    add(news_rule("title-missing", t, 1,
                  'kunci "Title" wajib diisi (belum ada); tulis judul berita atau catatan penanganan'))
    t = edit(case, "Title", "")
    add(case_rule("title-empty", t, 1,
                  'kunci "Title" wajib diisi (kosong); tulis judul berita atau catatan penanganan'))
    t = edit(news, "Date")
    add(news_rule("date-missing", t, 1,
                  f'kunci "Date" wajib diisi (belum ada); tanggal terbit, {DATE_HINT}'))
    t = edit(news, "Date", "14/06/2024")
    add(news_rule("date-format", t, 2,
                  f'tanggal "Date: 14/06/2024" tidak valid; gunakan {DATE_HINT}'))
    t = edit(case, "Date", "2024-02-30")
    add(case_rule("date-impossible", t, 2,
                  f'tanggal "Date: 2024-02-30" tidak valid; gunakan {DATE_HINT}'))
    t = edit(news, "Date", add="Modified: 2024-06-14 9:45")
    add(news_rule("modified-format", t, 3,
                  f'tanggal "Modified: 2024-06-14 9:45" tidak valid; gunakan {DATE_HINT}'))
    t = edit(news, "Date", add="Modified:")
    add(news_rule("modified-empty", t, 3,
                  f'kunci "Modified" kosong; isi tanggal pembaruan ({DATE_HINT}) atau hapus baris Modified'))
    t = edit(news, "Date", add="Modified: 2024-06-13")
    add(news_rule("modified-before-date", t, 3,
                  'tanggal "Modified: 2024-06-13" lebih awal dari "Date: 2024-06-14 09:30"; '
                  "Modified adalah tanggal pembaruan, tidak boleh sebelum tanggal terbit"))
    t = edit(news, "Region")
    add(news_rule("region-missing", t, 1,
                  f'kunci "Region" wajib diisi (belum ada); wilayah kantor yang melapor; {REGION_HINT}'))
    t = edit(news, "Region", "Kota Bukitinggi")
    add(news_rule("region-misspelt", t, 3,
                  'wilayah "Region: Kota Bukitinggi" tidak ada dalam daftar wilayah; mungkin maksudnya '
                  f'"Kota Bukittinggi", "Kota Tebing Tinggi" atau "Kota Bitung"? {REGION_HINT}'))
    t = edit(case, "Region", "99.99")
    add(case_rule("region-unknown-code", t, 3,
                  f'wilayah "Region: 99.99" tidak ada dalam daftar wilayah; {REGION_HINT}'))
    t = edit(news, "Authors", add="Image: gambar/rapat.jpg")
    rule = news_rule("image-without-alt", t, 8,
                     'kunci "Image-Alt" wajib diisi (belum ada); teks pengganti gambar wajib ada bila '
                     "Image diisi: tuliskan singkat apa yang tampak pada gambar")
    rule.binary["gambar/rapat.jpg"] = b"\xff\xd8\xff\xe0 not really a jpeg"
    add(rule)
    t = edit(news, "Authors", add="Image-Alt: Peserta rapat di aula")
    add(news_rule("alt-without-image", t, 8,
                  '"Image-Alt" diisi tetapi "Image" kosong; isi Image atau hapus Image-Alt'))
    t = edit(news, "Authors", add="Image: gambar/tidak-ada.jpg\nImage-Alt: Peserta rapat di aula")
    add(news_rule("image-not-found", t, 8,
                  'gambar "Image: gambar/tidak-ada.jpg" tidak ditemukan; letakkan berkasnya di folder '
                  "content/gambar/ dan tulis jalurnya dari folder content, mis. gambar/rapat.jpg"))
    t = edit(news, "Authors", add="Status: terbit")
    add(news_rule("status-unknown", t, 8,
                  'nilai "Status: terbit" tidak dikenal; pilih salah satu dari: published, draft, hidden'))
    t = edit(news, "Authors", add="Penulis: Rina Fiktif")
    add(news_rule("key-unknown", t, 8,
                  f'kunci "Penulis" tidak dikenal untuk berita; kunci yang berlaku: {NEWS_KEYS}'))
    t = edit(news, "Authors", add="Actvity: sosialisasi")
    add(news_rule("key-misspelt", t, 8,
                  'kunci "Actvity" tidak dikenal untuk berita; mungkin maksudnya "Activity"? '
                  f"kunci yang berlaku: {NEWS_KEYS}"))
    t = edit(news, "Authors", add="Outcome: dalam-proses")
    add(news_rule("key-of-case-in-news", t, 8,
                  'kunci "Outcome" tidak dikenal untuk berita; kunci ini hanya berlaku untuk putusan. '
                  f"kunci yang berlaku: {NEWS_KEYS}"))
    t = edit(case, "Legal-Basis", add="Activity: pengawasan")
    add(case_rule("key-of-news-in-case", t, 15,
                  'kunci "Activity" tidak dikenal untuk putusan; kunci ini hanya berlaku untuk berita. '
                  f"kunci yang berlaku: {CASE_KEYS}"))
    # A key Markdown cannot read ends the header: the keys after it are lost.
    t = edit(case, "Forwarded-To", "bkn").replace("Legal-Basis:", "Legal Basis:")
    add(case_rule("key-with-space", t, 14,
                  'baris "Legal Basis: ..." tidak terbaca sebagai kunci; tulis nama kunci tanpa '
                  "spasi, langsung diikuti titik dua dan satu spasi (mis. \"Legal-Basis: ...\"), "
                  "dan pisahkan kepala berkas dari isi dengan satu baris kosong"))
    # Header lines are "Key: value" or continuations; anything else is an error, and the
    # keys after it are still read.
    t = edit(news, "Tags", "x").replace("Tags: x", "Tags rakor, pilkada")
    add(news_rule("header-line-without-colon", t, 6,
                  'baris "Tags rakor, pilkada" di kepala berkas bukan "Kunci: nilai"; setiap baris '
                  'kepala berkas berbentuk "Kunci: nilai" (nilai lanjutan diawali empat spasi), lalu '
                  "satu baris kosong, lalu isi"))
    t = edit(news, "Authors", add="Title: Judul Kedua")
    add(news_rule("key-twice", t, 8,
                  'kunci "Title" sudah ditulis di baris 1; setiap kunci hanya boleh ditulis sekali '
                  "(hapus salah satunya)"))
    t = edit(news, "Title", "Rapat Koordinasi\x00 Pengawasan")
    add(news_rule("nul-byte", t, 1,
                  "karakter kendali U+0000 tidak boleh ada di berkas konten (biasanya terbawa dari "
                  "salinan dokumen lain); hapus karakter itu"))
    t = edit(case, "Legal-Basis", "UU 5/2014 Pasal 2\u2028Template: page")
    add(case_rule("line-separator-in-header", t, 14,
                  "pemisah baris U+2028 tidak boleh ada di kepala berkas (biasanya terbawa dari "
                  "salinan dokumen lain); ganti dengan baris baru biasa"))
    for key in ("Template", "Save_as", "Url", "Category", "Lang"):
        t = edit(case, "Legal-Basis", add=f"{key}: x")
        add(case_rule(f"pelican-key-{key.lower()}", t, 15,
                      f'kunci "{key}" tidak dikenal untuk putusan; kunci ini mengatur cara Pelican '
                      f"menulis halaman dan tidak dipakai di konten. kunci yang berlaku: {CASE_KEYS}"))
    t = edit(case, "Legal-Basis", add="Slug: nama-lain")
    add(case_rule("slug-in-case", t, 15,
                  'kunci "Slug" tidak dikenal untuk putusan; kunci ini hanya berlaku untuk berita dan '
                  f"halaman. kunci yang berlaku: {CASE_KEYS}"))
    t = edit(news, "Authors", add="Slug: ../../etc/passwd")
    add(news_rule("slug-climbing", t, 8,
                  'nilai "Slug: ../../etc/passwd" tidak dapat dipakai sebagai alamat: gunakan huruf '
                  'kecil, angka dan tanda hubung saja, paling banyak 100 karakter; mungkin maksudnya '
                  '"etc-passwd"?'))
    t = edit(case, "Register", "1/" * 150)
    add(case_rule("register-too-long", t, 4,
                  "nomor register terlalu panjang (300 karakter); paling banyak 100 karakter"))
    t = edit(news, "Title", "Rapat " * 40)
    add(news_rule("title-too-long", t, 1,
                  'nilai "Title" terlalu panjang (239 karakter); paling banyak 200 karakter'))
    t = edit(news, "Tags", "a" * 70)
    add(news_rule("tag-too-long", t, 6,
                  f'topik "{"a" * 40}…" terlalu panjang; paling banyak 60 karakter'))
    t = edit(news, "Date", "1900-06-14")
    add(news_rule("date-too-early", t, 2,
                  'tanggal "Date: 1900-06-14" terlalu awal; tanggal di buletin ini paling awal '
                  "2000-01-01"))
    t = edit(case, "Received", "2099-10-01")
    add(case_rule("received-in-future", t, 9,
                  f'tanggal "Received: 2099-10-01" ada di masa depan (hari ini {TODAY}); tulis '
                  "tanggal yang sudah terjadi"))
    t = edit(case, "Decided", "2024-10-25")
    add(case_rule("decided-after-publication", t, 11,
                  'tanggal "Decided: 2024-10-25" sesudah "Date: 2024-10-20"; status tidak dapat '
                  "diputuskan sesudah catatan ini diterbitkan atau diperbarui: perbarui Date"))
    t = edit(news, "Location", "[ISI: tempat kegiatan]")
    add(news_rule("guide-comment-left", body(news, "<!--\nPANDUAN PENGISIAN (hapus)\n-->\n\nIsi.\n"),
                  10, 'komentar "PANDUAN PENGISIAN" dari invoke new masih ada; hapus komentar itu '
                  "setelah semua kunci diisi"))
    add(news_rule("placeholder-left", t, 5,
                  'teks isian "[ISI: tempat kegiatan]" belum diganti; ganti dengan isi yang '
                  "sebenarnya"))

    # --- news ---
    t = edit(news, "Activity")
    add(news_rule("activity-missing", t, 1,
                  f'kunci "Activity" wajib diisi (belum ada); pilih salah satu dari: {ACTIVITIES}'))
    t = edit(news, "Activity", "rapat koordinasi")
    add(news_rule("activity-unknown", t, 4,
                  'nilai "Activity: rapat koordinasi" tidak dikenal. Mungkin maksudnya '
                  f'"rapat-koordinasi"? Pilih salah satu dari: {ACTIVITIES}'))
    t = edit(news, "Authors", add="Election: pilkada 2024")
    add(news_rule("news-election-format", t, 8,
                  'nilai "Election: pilkada 2024" tidak sesuai; gunakan pilkada-YYYY atau '
                  "pemilu-YYYY, mis. pilkada-2024"))
    r.append(Rule(
        "news-same-url",
        {"berita/a.md": NEWS.format(n=7), "berita/b.md": edit(NEWS.format(n=7), "Date", "2024-06-20")},
        [("berita/b.md", 1,
          'alamat halaman "berita/2024/06/rapat-koordinasi-pengawasan-kampanye-7/" sama dengan di '
          '{root}/berita/a.md:1; ubah judulnya atau tambahkan kunci "Slug" yang berbeda')],
    ))

    # --- case records ---
    t = edit(case, "Register")
    add(case_rule("register-missing", t, 1,
                  'kunci "Register" wajib diisi (belum ada); nomor register, mis. '
                  "002/Reg/LP/PB/Kota/13.75/X/2024"))
    r.append(Rule(
        "register-duplicate",
        {"putusan/agam/a.md": CASE.format(n=5),
         "putusan/bukittinggi/b.md": edit(CASE.format(n=6), "Register", "005/reg/TM/PB/Kab/03.06/X/2024")},
        [("putusan/bukittinggi/b.md", 4,
          'Register "005/reg/TM/PB/Kab/03.06/X/2024" sama dengan di {root}/putusan/agam/a.md:4; '
          "setiap Register harus unik")],
    ))
    t = edit(case, "Register", "///")
    add(case_rule("register-unusable", t, 4,
                  'nomor register "Register: ///" tidak dapat dipakai untuk alamat halaman; gunakan '
                  "huruf, angka, titik dan garis miring"))
    t = edit(case, "Election")
    add(case_rule("election-missing", t, 1,
                  'kunci "Election" wajib diisi (belum ada); gunakan pilkada-YYYY atau pemilu-YYYY, '
                  "mis. pilkada-2024"))
    t = edit(case, "Election", "pilkada2024")
    add(case_rule("election-format", t, 5,
                  'nilai "Election: pilkada2024" tidak sesuai; gunakan pilkada-YYYY atau pemilu-YYYY, '
                  "mis. pilkada-2024"))
    for key, bad, line, near, allowed in (
        ("Source", "pengaduan", 6, "", "temuan, laporan"),
        ("Violation", "hukum-lain", 7, ' Mungkin maksudnya "hukum-lainnya"?',
         "administrasi, pidana, kode-etik, hukum-lainnya"),
        ("Subject", "ASN PNS", 8, ' Mungkin maksudnya "asn"?',
         "asn, kepala-desa, tni-polri, penyelenggara, peserta, lainnya"),
        ("Outcome", "diteruskn", 12, ' Mungkin maksudnya "diteruskan"?',
         "dalam-proses, tidak-diregistrasi, diteruskan, bukan-pelanggaran, dihentikan"),
    ):
        add(case_rule(f"{key.lower()}-unknown", edit(case, key, bad), line,
                      f'nilai "{key}: {bad}" tidak dikenal.{near} Pilih salah satu dari: {allowed}'))
    add(case_rule("source-missing", edit(case, "Source"), 1,
                  'kunci "Source" wajib diisi (belum ada); pilih salah satu dari: temuan, laporan'))
    add(case_rule("violation-missing", edit(case, "Violation"), 1,
                  'kunci "Violation" wajib diisi (belum ada); pilih salah satu dari: administrasi, '
                  "pidana, kode-etik, hukum-lainnya"))
    add(case_rule("subject-empty", edit(case, "Subject", ""), 8,
                  'kunci "Subject" wajib diisi (kosong); pilih salah satu dari: asn, kepala-desa, '
                  "tni-polri, penyelenggara, peserta, lainnya"))
    add(case_rule("outcome-missing", edit(case, "Outcome"), 1,
                  'kunci "Outcome" wajib diisi (belum ada); pilih salah satu dari: dalam-proses, '
                  "tidak-diregistrasi, diteruskan, bukan-pelanggaran, dihentikan"))
    add(case_rule("decided-format", edit(case, "Decided", "08-10-2024"), 11,
                  'tanggal "Decided: 08-10-2024" tidak valid; gunakan format YYYY-MM-DD, mis. 2024-10-11'))
    t = edit(case, "Received")
    add(case_rule("received-missing", t, 1,
                  'kunci "Received" wajib diisi (belum ada); tanggal laporan diterima atau temuan '
                  "dicatat, YYYY-MM-DD"))
    t = edit(case, "Received", "1 Oktober 2024")
    add(case_rule("received-format", t, 9,
                  'tanggal "Received: 1 Oktober 2024" tidak valid; gunakan format YYYY-MM-DD, '
                  "mis. 2024-10-11"))
    t = edit(case, "Registered", "2024-09-30")
    add(case_rule("registered-before-received", t, 10,
                  'tanggal "Registered: 2024-09-30" lebih awal dari "Received: 2024-10-01"; urutan '
                  "yang benar: Received ≤ Registered ≤ Decided"))
    t = edit(case, "Decided", "2024-10-02")
    add(case_rule("decided-before-registered", t, 11,
                  'tanggal "Decided: 2024-10-02" lebih awal dari "Registered: 2024-10-03"; urutan '
                  "yang benar: Received ≤ Registered ≤ Decided"))
    t = edit(edit(case, "Outcome", "dalam-proses"), "Forwarded-To")
    add(case_rule("decided-while-in-process", t, 11,
                  '"Decided" harus kosong selama Outcome "dalam-proses"; isi Decided hanya ketika '
                  "status sudah diputuskan"))
    t = edit(edit(case, "Outcome", "bukan-pelanggaran"), "Forwarded-To")
    t = edit(t, "Decided")
    add(case_rule("decided-missing-when-final", t, 11,
                  'kunci "Decided" wajib diisi karena Outcome "bukan-pelanggaran" sudah final: tulis '
                  "tanggal status diputuskan, YYYY-MM-DD"))
    t = edit(edit(case, "Outcome", "tidak-diregistrasi"), "Forwarded-To")
    add(case_rule("registered-when-not-registered", t, 10,
                  '"Registered" harus kosong karena Outcome "tidak-diregistrasi"; laporan yang tidak '
                  "diregistrasi tidak memiliki tanggal registrasi"))
    t = edit(case, "Forwarded-To")
    add(case_rule("forwarded-missing", t, 12,
                  'kunci "Forwarded-To" wajib diisi karena Outcome "diteruskan"; pilih satu atau lebih '
                  f"dari: {FORWARDED}"))
    t = edit(case, "Outcome", "dihentikan")
    add(case_rule("forwarded-without-diteruskan", t, 13,
                  '"Forwarded-To" hanya diisi bila Outcome "diteruskan" (sekarang "dihentikan"); hapus '
                  "Forwarded-To atau ubah Outcome"))
    t = edit(case, "Forwarded-To", "bkn, polisi")
    add(case_rule("forwarded-unknown", t, 13,
                  'nilai "Forwarded-To: bkn, polisi" tidak dikenal (polisi); pilih satu atau lebih '
                  f"dari: {FORWARDED}"))

    # --- anonymity guard: title, summary, metadata values and body; masked in the message ---
    def personal(id_, text, line, label, masked, column, fix, where="catatan penanganan"):
        message = (f'kemungkinan data pribadi ({label}) "{masked}" di kolom {column}; {where} tidak '
                   f"boleh memuat {label} (lihat Kebijakan Anonimisasi): {fix}. {NOT_PERSONAL}")
        path = "putusan/p.md" if where == "catatan penanganan" else "berita/b.md"
        return Rule(id_, {path: text}, [(path, line, message)])

    t = body(case, "Terlapor, seorang ASN dengan NIK 1306011203850001, diduga berkampanye.\n")
    add(personal("nik-in-body", t, 16, "NIK", "13************01", 34, FIX_NUMBER))
    t = body(case, "Paragraf pertama.\n\nASN dengan NIP 19850312 201001 1 002 hadir.\n")
    add(personal("nip-in-body", t, 18, "NIP", "19****** ****** * *02", 16, FIX_NUMBER))
    t = body(case, "Kuitansi memuat NPWP 01.234.567.8-901.234.\n")
    add(personal("npwp-in-body", t, 16, "NPWP", "01.***.***.*-***.*34", 22, FIX_NUMBER))
    t = body(case, "Pelapor dapat dihubungi di 0812-3456-7890.\n")
    add(personal("phone-in-body", t, 16, "nomor telepon", "08**-****-**90", 28, FIX_NUMBER))
    t = body(case, "Bukti dikirim dari budi.santoso@gmail.com kepada panitia.\n")
    add(personal("email-in-body", t, 16, "alamat e-mail", "bu**.*******@*****.*om", 20, FIX_NUMBER))
    t = body(case, "Pertemuan berlangsung di Jl. Merdeka No. 12, Bukittinggi.\n")
    add(personal("street-in-body", t, 16, "alamat rumah", "Jl. ******* **. 12", 26, FIX_ADDRESS))
    t = body(case, "Warga RT 03/RW 05 menerima bingkisan.\n")
    add(personal("rtrw-in-body", t, 16, "alamat rumah", "RT **/** 05", 7, FIX_ADDRESS))
    t = body(case, "Terlapor datang dengan mobil BA 1234 XY.\n")
    add(personal("plate-in-body", t, 16, "nomor kendaraan", "BA **** XY", 30, FIX_NUMBER))
    t = edit(case, "Title", "Dugaan Keterlibatan Terlapor Budi Santoso")
    add(personal("name-in-title", t, 1, "nama lengkap pihak", "Bu** *****so", 37, FIX_NAME))
    t = edit(case, "Legal-Basis", add="Summary: Pelapor, Siti Aminah, melaporkan dugaan politik uang.")
    add(personal("name-in-summary", t, 15, "nama lengkap pihak", "Si** ****ah", 19, FIX_NAME))
    t = edit(case, "Legal-Basis", add="Tags: saksi-bernama, atas nama Rudi Hartono")
    add(personal("name-in-metadata", t, 15, "nama lengkap pihak", "Ru** *****no", 32, FIX_NAME))
    t = body(news, "Peserta dengan NIK 1306014503850002 hadir.\n")
    add(personal("nik-in-news", t, 9, "NIK", "13************02", 20, FIX_NUMBER, where="berita"))
    t = edit(case, "Legal-Basis", add="Not-Personal-Data: Bapak Presiden Republik")
    add(case_rule("silencer-unused", t, 15,
                  '"Not-Personal-Data: Bapak Presiden Republik" tidak cocok dengan temuan mana pun; '
                  "hapus entri itu"))

    # --- unsafe HTML, in any content ---
    t = body(news, "Paragraf.\n\n<script>alert(1)</script>\n")
    add(news_rule("script", t, 11, f'tag HTML "<script>" tidak boleh dipakai di konten; {SAFE}'))
    t = body(case, '<iframe src="https://contoh.id/"></iframe>\n')
    add(case_rule("iframe", t, 16, f'tag HTML "<iframe>" tidak boleh dipakai di konten; {SAFE}'))
    t = body(news, 'Foto:\n<img src="x.jpg"\n     onerror="alert(1)">\n')
    add(news_rule("event-handler", t, 11,
                  f'atribut HTML "onerror=" (penanganan kejadian/skrip) tidak boleh dipakai di konten; {SAFE}'))
    t = body(news, "Lihat [tautan](javascript:alert(1)).\n")
    add(news_rule("javascript-url", t, 9, f'tautan "javascript:" tidak boleh dipakai di konten; {SAFE}'))
    t = body(news, '<a href="jav&#x61;script:alert(1)">tautan</a>\n')
    add(news_rule("javascript-url-encoded", t, 9,
                  f'tautan "javascript:" tidak boleh dipakai di konten; {SAFE}'))
    t = edit(news, "Authors", add='Summary: Ringkasan <img src=x onload="alert(1)">')
    add(news_rule("event-handler-in-summary", t, 8,
                  f'atribut HTML "onload=" (penanganan kejadian/skrip) tidak boleh dipakai di konten; {SAFE}'))
    r.append(Rule("script-in-page", {"halaman/tentang.md": PAGE + "\n<script src=x.js></script>\n"},
                  [("halaman/tentang.md", 6, f'tag HTML "<script>" tidak boleh dipakai di konten; {SAFE}')]))

    r.append(Rule("page-without-title", {"halaman/tentang.md": "Slug: tentang\n\nTentang situs ini.\n"},
                  [("halaman/tentang.md", 1, 'kunci "Title" wajib diisi (belum ada); tulis judul halaman')]))

    # --- a file that is not UTF-8 ---
    r.append(Rule("not-utf8", {}, [("berita/b.md", 9, "berkas bukan teks UTF-8; simpan ulang sebagai UTF-8")],
                  binary={"berita/b.md": NEWS.format(n=1).replace("—", "-").encode("cp1252")
                          .replace(b"fiktif", b"fiktif \xe9\x81")}))
    return r


TODAY = skema.Konteks(None).today().isoformat()
RULES = rules()


def make_folder(content: Path, rule: Rule) -> None:
    for rel, text in rule.files.items():
        write(content, rel, text)
    for rel, data in rule.binary.items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_bytes(data)


def expected_lines(content: Path, rule: Rule) -> list[str]:
    root = os.path.relpath(content, ROOT)
    return sorted(f"{root}/{rel}:{line}: {message.format(root=root)}"
                  for rel, line, message in rule.problems)


def reported(stderr: str, content: Path) -> list[str]:
    """The problem lines of a run: those that start with the content folder's path."""
    root = os.path.relpath(content, ROOT)
    return [line for line in stderr.splitlines() if line.startswith(root + "/")]


def test_every_rule_has_a_case():
    assert len({r.id for r in RULES}) == len(RULES) >= 60


def check(content: Path) -> list[str]:
    """What ``invoke check`` reports for a folder, in-process (paths as the build shows them)."""
    return [str(p) for p in konten.check_folder(content, os.path.relpath)]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_a_broken_rule_is_reported_with_its_message(rule, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    content = tmp_path / "content"
    make_folder(content, rule)
    assert check(content) == expected_lines(content, rule)


def test_every_rule_fails_the_build_with_the_same_lines_and_writes_nothing(tmp_path):
    """All the folders above side by side, built once as staff build them."""
    content, out = tmp_path / "semua", tmp_path / "out"
    expected = make_all(content)
    result = run_pelican(content, out)
    assert result.returncode != 0
    assert sorted(reported(result.stderr, content)) == sorted(expected)
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.rglob("*")), "nothing may be published"


def invoke_check(content: Path):
    return subprocess.run([str(Path(sys.executable).parent / "invoke"), "check", "--content", str(content)],
                          cwd=ROOT, capture_output=True, text=True)


def make_all(content: Path) -> list[str]:
    """Every rule's folder under one content folder (one subfolder per rule; Register
    numbers and titles made unique per rule); returns the expected lines."""
    expected = []
    for n, rule in enumerate(RULES, 100):
        renamed = Rule(rule.id, {}, [])
        for rel, text in rule.files.items():
            top, rest = rel.split("/", 1)
            renamed.files[f"{top}/{rule.id}/{rest}"] = re.sub(r"\b001/Reg", f"{n}/Reg", text).replace(
                "Kampanye 1\n", f"Kampanye {n}\n")
        for rel, data in rule.binary.items():
            top, rest = rel.split("/", 1)
            renamed.binary[rel if top == "gambar" else f"{top}/{rule.id}/{rest}"] = data
        for rel, line, message in rule.problems:
            top, rest = rel.split("/", 1)
            renamed.problems.append((f"{top}/{rule.id}/{rest}", line,
                                     re.sub(r"\{root\}/(\w+)/", rf"{{root}}/\1/{rule.id}/", message)))
        make_folder(content, renamed)
        expected += expected_lines(content, renamed)
    return expected


def test_invoke_check_reports_every_rule_with_the_same_messages(tmp_path):
    """All the folders above side by side, checked in one run of ``invoke check``."""
    content = tmp_path / "semua"
    expected = make_all(content)
    result = invoke_check(content)
    assert result.returncode != 0
    assert sorted(reported(result.stderr, content)) == sorted(expected)
    files = sum(1 for _ in content.rglob("*.md"))
    assert f"{len(expected)} masalah dalam {files} berkas; perbaiki lalu periksa ulang." in result.stderr


def test_a_folder_with_several_defects_reports_all_of_them_in_one_run(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "berita/a.md", edit(edit(NEWS.format(n=1), "Region", "Kab. Agem"), "Activity", "rapat"))
    write(content, "berita/b.md", body(edit(NEWS.format(n=2), "Title"), "NIK 1306011203850001.\n"))
    write(content, "putusan/a.md", edit(edit(CASE.format(n=1), "Forwarded-To"), "Received", "2024-10-09"))
    write(content, "putusan/b.md", edit(CASE.format(n=1), "Legal-Basis", "a.n. Budi Santoso"))
    write(content, "halaman/tentang.md", PAGE + '\n<p onclick="x()">Klik</p>\n')
    result = run_pelican(content, out)
    root = os.path.relpath(content, ROOT)
    expected = [
        f"{root}/berita/a.md:3: wilayah \"Region: Kab. Agem\" tidak ada dalam daftar wilayah; mungkin "
        f'maksudnya "Kabupaten Agam", "Kabupaten Sragen" atau "Kabupaten Nagekeo"? {REGION_HINT}',
        f'{root}/berita/a.md:4: nilai "Activity: rapat" tidak dikenal. Pilih salah satu dari: {ACTIVITIES}',
        f"{root}/berita/b.md:1: kunci \"Title\" wajib diisi (belum ada); tulis judul berita atau "
        "catatan penanganan",
        f'{root}/berita/b.md:8: kemungkinan data pribadi (NIK) "13************01" di kolom 5; berita '
        f"tidak boleh memuat NIK (lihat Kebijakan Anonimisasi): {FIX_NUMBER}. {NOT_PERSONAL}",
        f'{root}/halaman/tentang.md:6: atribut HTML "onclick=" (penanganan kejadian/skrip) tidak boleh '
        f"dipakai di konten; {SAFE}",
        f'{root}/putusan/a.md:10: tanggal "Registered: 2024-10-03" lebih awal dari "Received: '
        '2024-10-09"; urutan yang benar: Received ≤ Registered ≤ Decided',
        f'{root}/putusan/a.md:12: kunci "Forwarded-To" wajib diisi karena Outcome "diteruskan"; pilih '
        f"satu atau lebih dari: {FORWARDED}",
        f'{root}/putusan/b.md:4: Register "001/Reg/TM/PB/Kab/03.06/X/2024" sama dengan di '
        f"{root}/putusan/a.md:4; setiap Register harus unik",
        f'{root}/putusan/b.md:14: kemungkinan data pribadi (nama lengkap pihak) "Bu** *****so" di kolom '
        f"19; catatan penanganan tidak boleh memuat nama lengkap pihak (lihat Kebijakan "
        f"Anonimisasi): {FIX_NAME}. {NOT_PERSONAL}",
    ]
    assert result.returncode != 0
    assert reported(result.stderr, content) == expected, result.stderr
    assert not out.exists() or not any(out.rglob("*"))
    # The build ends with one plain line, no traceback.
    assert result.stderr.splitlines()[-1] == (
        "9 masalah dalam konten; situs tidak dibangun. Perbaiki baris yang disebut di atas, "
        "lalu bangun ulang.")
    assert "Traceback" not in result.stderr
    check = invoke_check(content)
    assert check.returncode != 0
    assert reported(check.stderr, content) == expected


def test_a_false_alarm_silenced_in_the_file_builds(tmp_path):
    """Not-Personal-Data silences exactly the strings written there, visibly."""
    content, out = tmp_path / "content", tmp_path / "out"
    case = body(edit(CASE.format(n=1), "Legal-Basis",
                     add="Not-Personal-Data: Ibu Pertiwi, Jl. Pahlawan No. 1"),
                "Upacara Ibu Pertiwi digelar di depan kantor di Jl. Pahlawan No. 1 oleh Terlapor RH.\n")
    write(content, "putusan/p.md", case)
    write(content, "berita/b.md", NEWS.format(n=1))
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    assert (out / "putusan/001-reg-tm-pb-kab-03-06-x-2024/index.html").is_file()
    # Another string of the same kind is still refused.
    write(content, "putusan/p.md", case.replace("oleh Terlapor RH", "oleh Ibu Sri Wahyuni"))
    check = invoke_check(content)
    assert check.returncode != 0
    assert len(reported(check.stderr, content)) == 1 and "Sr* *****ni" in check.stderr


def test_news_may_name_people_but_no_identifier(tmp_path):
    # Issue 13: phones and e-mail addresses are refused in news too (the contract's
    # identifier classes); names are not looked for in news.
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "berita/b.md", body(NEWS.format(n=1), "Rapat dibuka oleh Bapak Hendra Gunawan.\n"))
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    write(content, "berita/b.md", body(NEWS.format(n=1),
          "Rapat dibuka oleh Bapak Hendra Gunawan. Informasi: (0752) 21234, humas@contoh.go.id.\n"))
    result = run_pelican(content, out)
    assert result.returncode != 0
    assert "(nomor telepon)" in result.stderr and "(alamat e-mail)" in result.stderr


def test_invoke_check_passes_valid_content_and_says_so(site):
    result = invoke_check(site)
    assert result.returncode == 0, result.stderr
    assert "Semua 3 berkas sesuai aturan konten." in result.stdout
