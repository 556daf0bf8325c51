"""Staff tools: ``invoke new berita|putusan`` and ``invoke check``."""

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_pelican, write
from test_aturan import RULES

GUIDE = ROOT / "docs" / "panduan-penulisan.md"

INVOKE = str(Path(sys.executable).parent / "invoke")


def invoke(*args):
    return subprocess.run([INVOKE, *args], cwd=ROOT, capture_output=True, text=True)


def new(content, jenis, judul, wilayah):
    result = invoke("new", jenis, "--judul", judul, "--wilayah", wilayah, "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Berkas baru: ")
    return Path(result.stdout.removeprefix("Berkas baru: ").strip())


def header(text):
    return [line.split(":", 1)[0] for line in text.split("\n\n", 1)[0].splitlines()]


def fill(path: Path) -> None:
    """What staff do with a new file: replace each [ISI: ...] and delete the guide comment."""
    text = path.read_text()
    text = re.sub(r"\n<!--\n.*?-->\n", "\n", text, flags=re.DOTALL)
    text = text.replace("[ISI: nomor register, mis. 002/Reg/LP/PB/Kota/13.75/X/2024]",
                        "007/Reg/LP/PB/Kab/03.06/XI/2024")
    path.write_text(re.sub(r"\[ISI:[^\]]*\]", "Isi yang ditulis staf.", text))


def test_new_news_item_lists_every_key_with_its_allowed_values_and_passes_once_filled(tmp_path):
    content = tmp_path / "content"
    path = new(content, "berita", "Rapat Koordinasi Pengawasan Kampanye", "Kota Bukittinggi")
    assert path.parent == content / "berita" / "kota-bukittinggi"
    assert path.name.endswith("-rapat-koordinasi-pengawasan-kampanye.md")
    text = path.read_text()
    assert header(text) == ["Title", "Date", "Region", "Activity", "Location", "Election", "Tags",
                            "Summary", "Authors", "Photographer", "Editor", "Image", "Image-Alt"]
    assert "Title: Rapat Koordinasi Pengawasan Kampanye\n" in text
    assert "Region: Kota Bukittinggi\n" in text
    assert ("pilih salah satu: sosialisasi, rapat-koordinasi, pengawasan, "
            "penanganan-pelanggaran, kerja-sama, lainnya") in text
    for extra in ("Modified:", "Slug:", "Status:", "Not-Personal-Data:"):
        assert f"  {extra}" in text  # explained in the comment
    # As written it cannot be published: each placeholder is named.
    check = invoke("check", "--content", str(content))
    assert check.returncode != 0
    assert 'teks isian "[ISI: paragraf pembuka' in check.stderr
    assert 'komentar "PANDUAN PENGISIAN" dari invoke new masih ada' in check.stderr
    fill(path)
    check = invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    assert "Semua 1 berkas sesuai aturan konten." in check.stdout


def test_new_case_record_filled_in_minimally_passes_check_and_builds(tmp_path):
    content = tmp_path / "content"
    path = new(content, "putusan", "Dugaan Ketidaknetralan ASN", "13.06")
    assert path.parent == content / "putusan" / "kabupaten-agam"
    text = path.read_text()
    assert header(text) == [
        "Title", "Date", "Region", "Register", "Election", "Source", "Violation", "Subject",
        "Received", "Registered", "Decided", "Outcome", "Forwarded-To", "Legal-Basis", "Tags",
        "Summary", "Authors", "Photographer", "Editor", "Image", "Image-Alt"]
    for allowed in ("pilih salah satu: temuan, laporan",
                    "pilih salah satu: administrasi, pidana, kode-etik, hukum-lainnya",
                    "pilih salah satu: asn, kepala-desa, tni-polri, penyelenggara, peserta, lainnya",
                    "pilih salah satu: dalam-proses, tidak-diregistrasi, diteruskan, "
                    "bukan-pelanggaran, dihentikan",
                    "pilih satu atau lebih: kpu, gakkumdu, dkpp, bkn, instansi-lain"):
        assert allowed in text

    # As written, the Register is a placeholder, and check says so on its line.
    check = invoke("check", "--content", str(content))
    assert check.returncode != 0
    assert ':4: teks isian "[ISI: nomor register' in check.stderr

    fill(path)
    check = invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    out = tmp_path / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    assert (out / "putusan/007-reg-lp-pb-kab-03-06-xi-2024/index.html").is_file()


def test_new_refuses_an_unknown_region_with_suggestions_and_never_overwrites(tmp_path):
    content = tmp_path / "content"
    result = invoke("new", "berita", "--judul", "Rapat", "--wilayah", "Kota Bukitinggi",
                    "--content", str(content))
    assert result.returncode != 0
    assert 'wilayah "Kota Bukitinggi" tidak dikenal; mungkin maksudnya "Kota Bukittinggi"' in result.stderr
    assert not content.exists()
    path = new(content, "berita", "Rapat", "nasional")
    path.write_text("isi staf")
    again = invoke("new", "berita", "--judul", "Rapat", "--wilayah", "nasional", "--content", str(content))
    assert again.returncode != 0 and "sudah ada" in again.stderr
    assert path.read_text() == "isi staf"


def test_new_refuses_an_unknown_type(tmp_path):
    result = invoke("new", "pengumuman", "--content", str(tmp_path))
    assert result.returncode != 0
    assert 'jenis harus "berita" atau "putusan"' in result.stderr


def test_check_on_a_missing_folder_says_so(tmp_path):
    result = invoke("check", "--content", str(tmp_path / "tidak-ada"))
    assert result.returncode != 0
    assert "tidak ditemukan" in result.stderr


def blocks(text: str, info: str) -> list[str]:
    return re.findall(rf"^```{info}\n(.*?)^```$", text, flags=re.DOTALL | re.MULTILINE)


def test_the_guides_worked_examples_pass_check_and_build(tmp_path):
    news, case = blocks(GUIDE.read_text(), "markdown")
    content = tmp_path / "content"
    write(content, "berita/kota-bukittinggi/2024-10-11-sosialisasi-netralitas-asn.md", news)
    write(content, "putusan/kabupaten-agam/2024-10-20-dugaan-ketidaknetralan-asn.md", case)
    check = invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stderr
    out = tmp_path / "out"
    assert run_pelican(content, out).returncode == 0
    assert (out / "berita/2024/10/bawaslu-bukittinggi-sosialisasikan-netralitas-asn-menjelang-pilkada"
            / "index.html").is_file()
    assert (out / "putusan/004-reg-lp-pb-kab-03-06-x-2024/index.html").is_file()


def test_every_message_the_guide_quotes_is_one_the_checks_print():
    """The guide's error section quotes messages exactly as printed (paths as
    under content/); none is stale, and the main ones are all there."""
    guide = GUIDE.read_text()
    errors = guide[guide.index("## Pesan kesalahan dan cara memperbaikinya"):]
    printed = {message.format(root="content") for rule in RULES for _, _, message in rule.problems}
    # Messages of the folder-level checks, with adjacent string literals joined.
    adapter = re.sub(r'"\s+"', "", (ROOT / "plugins/bawaslu/konten.py").read_text())
    quoted = [b.strip() for b in blocks(errors, "text")]
    assert len(quoted) >= 30
    for message in quoted:
        assert message in printed or message in adapter, message
    for rule_id in ("title-missing", "register-missing", "key-misspelt", "key-of-case-in-news",
                    "key-with-space", "activity-unknown", "news-election-format", "status-unknown",
                    "date-format", "modified-empty", "modified-before-date", "received-format",
                    "registered-before-received", "decided-while-in-process",
                    "decided-missing-when-final", "registered-when-not-registered",
                    "forwarded-missing", "forwarded-without-diteruskan", "forwarded-unknown",
                    "region-misspelt", "image-without-alt", "alt-without-image", "image-not-found",
                    "register-duplicate", "register-unusable", "news-same-url", "nik-in-body",
                    "name-in-title", "street-in-body", "silencer-unused", "script", "event-handler",
                    "javascript-url", "not-utf8", "page-without-title"):
        rule = next(r for r in RULES if r.id == rule_id)
        assert rule.problems[0][2].format(root="content") in quoted, rule_id


def test_the_readme_links_the_guide():
    assert "(docs/panduan-penulisan.md)" in (ROOT / "README.md").read_text()
