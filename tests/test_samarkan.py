"""samarkan: a proposed anonymised copy of a content file, and `invoke samarkan PATH`."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bawaslu.anonim import bagian_berkas, periksa
from bawaslu.samarkan import inisial, samarkan
from conftest import run_pelican, write

ROOT = Path(__file__).resolve().parent.parent
KORPUS = Path(__file__).parent / "korpus_anonim"
INVOKE = str(Path(sys.executable).parent / "invoke")

RECORD = """\
Title: Terlapor Sabrang Wirataka Diperiksa
Date: 2024-10-20
Region: 13.06
Register: 001/Reg/TM/PB/Kab/13.06/X/2024
Election: pilkada-2024
Source: temuan
Violation: hukum-lainnya
Subject: asn
Received: 2024-10-01
Registered: 2024-10-03
Decided: 2024-10-08
Outcome: diteruskan
Forwarded-To: bkn
Tags: terlapor-sabrang-wirataka, pilkada-2024

Identitas Terlapor:

Nama : SABRANG WIRATAKA, S.H.
Tempat/Tgl Lahir : Padang, 12 Maret 1980
Alamat : Jl. Kenanga Ungu No. 12 RT 003/RW 005, Kelurahan Sukamaju, Kecamatan Guguk
NIK : 1306011203850001

Terlapor dihubungi melalui 0812-3456-7890. Sabrang mengaku tidak tahu.
"""


def test_the_copy_replaces_only_personal_data():
    copy = samarkan(RECORD)
    assert copy == RECORD.replace(
        "Terlapor Sabrang Wirataka Diperiksa", "Terlapor SW Diperiksa").replace(
        "terlapor-sabrang-wirataka,", "terlapor,").replace(
        "SABRANG WIRATAKA, S.H.", "SW").replace(
        "12 Maret 1980", "tahun 1980-an").replace(
        "Jl. Kenanga Ungu No. 12 RT 003/RW 005, ", "").replace(
        "1306011203850001", "(dihapus)").replace(
        "0812-3456-7890", "(dihapus)").replace("Sabrang mengaku", "SW mengaku")
    assert periksa(copy, bagian_berkas(copy), "putusan") == []


def test_a_clean_file_is_left_byte_for_byte_and_the_copy_is_stable():
    clean = (KORPUS / "anonim" / "01-identitas-pengadu-teradu.md").read_text(encoding="utf-8")
    assert samarkan(clean) == clean
    assert samarkan(samarkan(RECORD)) == samarkan(RECORD)


@pytest.mark.parametrize("name, initials", [
    ("Sabrang Wirataka", "SW"), ("H. Sabrang Wirataka, S.H., M.H.", "SW"),
    ("SAGARA LIMBUNGANING bin SUTAN MARAJO", "SLSM"), ("Moh. Sabrang", "MS"), ("Ir. Kelud", "K"),
])
def test_initials_leave_out_honorifics_titles_and_connectors(name, initials):
    assert inisial(name) == initials


def invoke(*args):
    return subprocess.run([INVOKE, *args], cwd=ROOT, capture_output=True, text=True)


def test_invoke_samarkan_writes_a_copy_next_to_the_file_shows_the_diff_and_never_overwrites(tmp_path):
    source = write(tmp_path, "putusan/agam/001.md", RECORD)
    result = invoke("samarkan", str(source))
    assert result.returncode == 0, result.stderr
    target = tmp_path / "putusan/agam/001.samaran.txt"
    assert target.read_text(encoding="utf-8") == samarkan(RECORD)
    assert source.read_text(encoding="utf-8") == RECORD  # the original is untouched
    assert "\n-NIK : 1306011203850001\n" in result.stdout
    assert "\n+NIK : (dihapus)\n" in result.stdout
    assert "\n Date: 2024-10-20\n" in result.stdout  # context lines are unchanged
    assert f"Salinan usulan ditulis ke {target}" in result.stdout
    again = invoke("samarkan", str(source))
    assert again.returncode != 0
    assert "sudah ada" in again.stderr and "tidak ditimpa" in again.stderr
    assert target.read_text(encoding="utf-8") == samarkan(RECORD)
    missing = invoke("samarkan", str(tmp_path / "tidak-ada.md"))
    assert missing.returncode != 0 and "tidak ditemukan" in missing.stderr


def test_the_build_refuses_a_raw_record_and_builds_its_copy_ignoring_the_samaran_file(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    source = write(content, "putusan/agam/001.md", RECORD)
    refused = run_pelican(content, out)
    assert refused.returncode != 0
    for line, kind in [(1, "nama lengkap pihak"), (14, "nama lengkap pihak"), (18, "nama lengkap pihak"),
                       (19, "tanggal lahir"), (20, "alamat rumah"), (21, "NIK"), (23, "nomor telepon"),
                       (23, "nama lengkap pihak")]:
        assert f"putusan/agam/001.md:{line}: kemungkinan data pribadi ({kind})" in refused.stderr
    assert "Wirataka" not in refused.stderr  # the messages mask what they found
    assert invoke("samarkan", str(source)).returncode == 0
    shutil.copy(content / "putusan/agam/001.samaran.txt", source)
    built = run_pelican(content, out)
    assert built.returncode == 0, built.stderr
    # The .samaran.txt next to it is neither read as content nor copied.
    assert not list(out.rglob("*samaran*"))


def test_the_anonymised_corpus_builds_and_the_raw_corpus_is_refused(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    shutil.copytree(KORPUS / "anonim", content / "putusan")
    built = run_pelican(content, out)
    assert built.returncode == 0, built.stderr
    raw = tmp_path / "mentah"
    shutil.copytree(KORPUS / "mentah", raw / "putusan", ignore=shutil.ignore_patterns("*.json"))
    refused = run_pelican(raw, tmp_path / "out2")
    assert refused.returncode != 0
    for path in sorted((KORPUS / "mentah").glob("*.md")):
        assert f"putusan/{path.name}:" in refused.stderr, path.name


def test_standing_pages_are_checked_for_identifiers(tmp_path):
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "halaman/kontak.md", "Title: Kontak\nSlug: kontak\n\n"
          "Hubungi Sabrang Wirataka di 0812-3456-7890 atau sabrang@contoh.invalid.\n")
    refused = run_pelican(content, out)
    assert refused.returncode != 0
    assert "halaman/kontak.md:4: kemungkinan data pribadi (nomor telepon)" in refused.stderr
    assert "(nama lengkap pihak)" not in refused.stderr
