"""Each office in its own folder (issue 15): .github/CODEOWNERS, written by
``invoke codeowners`` from the region registry, gives every province and
kabupaten/kota folder its office's team, so that branch protection can require
the owning office's review."""

from __future__ import annotations

import subprocess
import sys

from bawaslu import editor
from bawaslu.wilayah import Registry, registry
from conftest import ROOT

sys.path.insert(0, str(ROOT))
from tasks import pengaturan


def committed() -> str:
    return (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8")


def test_committed_codeowners_is_in_step_with_the_registry_and_the_setting():
    want = editor.codeowners(pola=pengaturan("CODEOWNERS_TIM", editor.POLA_TIM),
                             pengelola=pengaturan("CODEOWNERS_PENGELOLA", editor.PENGELOLA))
    assert committed() == want, "jalankan: invoke codeowners"


def rules(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            pattern, owner = line.split()
            out[pattern] = owner
    return out


def test_every_office_folder_has_its_own_team():
    got = rules(committed())
    reg = registry()
    pola = pengaturan("CODEOWNERS_TIM", editor.POLA_TIM)
    for w in reg.by_kode.values():
        for jenis in ("berita", "putusan"):
            assert got[f"/content/{jenis}/{w.slug}/"] == pola.format(
                slug=w.slug, kode=w.kode.replace(".", "-"))
    assert len(got) == 1 + 2 * 553
    assert next(iter(got)) == "*", "the catch-all rule comes first (the last match wins)"
    teams = [owner for pattern, owner in got.items() if pattern != "*"]
    assert len(set(teams)) == 553


def test_a_region_added_to_the_registry_gets_its_folder():
    rows = [{"kode": "99", "nama": "Provinsi Contoh", "tingkat": "provinsi", "induk": ""},
            {"kode": "99.71", "nama": "Kota Contoh Fiktif", "tingkat": "kota", "induk": "99"}]
    text = editor.codeowners(Registry(rows), pola="@kantor/bawaslu-{kode}")
    assert "/content/berita/kota-contoh-fiktif/ @kantor/bawaslu-99-71" in text
    assert "/content/putusan/provinsi-contoh/ @kantor/bawaslu-99" in text
    assert "kota-contoh-fiktif" not in committed()


def test_invoke_codeowners_leaves_a_current_file_alone():
    result = subprocess.run([sys.executable, "-m", "invoke", "codeowners"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "sudah sesuai" in result.stdout
