"""Test helpers: build real small sites with the project's own configuration."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return path


def run_pelican(content: Path, output: Path, conf: str = "pelicanconf.py", env=None, extra=()):
    """Build like staff do: ``pelican PATH -s pelicanconf.py -o OUT`` from the project root."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", conf, "-o", str(output), *extra],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )


NEWS = """\
Title: Sosialisasi Pengawasan Partisipatif di Bukittinggi
Date: 2024-06-14 09:30
Region: Kota Bukittinggi
Activity: sosialisasi
Location: Aula Balai Kota (fiktif)
Tags: pengawasan-partisipatif, pilkada-2024
Authors: Rina Fiktif
Photographer: Budi Contoh
Editor: Sari Sampel

Bukittinggi — Bawaslu Kota Bukittinggi mengadakan sosialisasi fiktif.

Paragraf kedua.
"""

CASE = """\
Title: Dugaan Ketidaknetralan ASN di Agam
Date: 2024-10-20
Region: 13.06
Register: 001/Reg/TM/PB/Kab/03.06/X/2024
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

Terlapor, seorang ASN berinisial RH, diduga mengunggah dukungan.
"""


@pytest.fixture
def site(tmp_path):
    """A small content folder with one news item, one case record and one page."""
    content = tmp_path / "content"
    write(content, "berita/bukittinggi/sosialisasi.md", NEWS)
    write(content, "putusan/agam/asn.md", CASE)
    write(content, "halaman/tentang.md", "Title: Tentang\nSlug: tentang\n\nTentang situs.\n")
    return content


# --- the sample site: the project's content/ (or BULETIN_CONTENT), built once per session ---

CONTENT = Path(os.environ.get("BULETIN_CONTENT") or ROOT / "content").resolve()


def build(out: Path, hashseed: str) -> Path:
    # A different hash seed per build: output that follows set or dict-of-set order differs.
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    result = run_pelican(CONTENT, out, env=env)
    assert result.returncode == 0, f"build {CONTENT} gagal:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def situs(tmp_path_factory):
    files = sorted(CONTENT.rglob("*.md")) if CONTENT.is_dir() else []
    if not files:
        pytest.fail(f"{CONTENT}: tidak ada konten (*.md). Gerbang kualitas memeriksa situs contoh; "
                    "isi content/ dengan berita dan putusan contoh, atau arahkan "
                    "BULETIN_CONTENT=/path/ke/content.")
    return build(tmp_path_factory.mktemp("situs") / "out", "1")


@pytest.fixture(scope="session")
def situs_kedua(situs, tmp_path_factory):
    return build(tmp_path_factory.mktemp("situs-kedua") / "out", "2")
