"""Errors where staff look (issue 15): ``invoke check --github`` prints each content
problem as a GitHub Actions annotation on its file and line, and the workflow runs
that check in a fast job before the full test suite."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from bawaslu.editor import anotasi
from bawaslu.skema import Masalah
from conftest import ROOT, write
from hypothesis import given
from hypothesis import strategies as st

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]*),line=(?P<line>\d+),title=(?P<title>[^:]*)::"
                        r"(?P<message>.*)$")

THREE_PROBLEMS = """\
Title: Rapat Koordinasi Fiktif di Bukittinggi
Date: 2024-13-01
Region: Kota Padang
Activity: rapat

Isi berita fiktif.
"""


def check_github(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", "check", "--github", "--content",
                           str(content)], cwd=ROOT, capture_output=True, text=True, check=False)


def unescape(text: str) -> str:
    for code, ch in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def test_a_file_with_three_problems_gives_three_annotations(tmp_path):
    content = tmp_path / "content"
    path = write(content, "berita/kota-bukittinggi/rapat.md", THREE_PROBLEMS)
    write(content, "berita/kota-bukittinggi/baik.md", THREE_PROBLEMS.replace(
        "2024-13-01", "2024-11-01").replace("Kota Padang", "Kota Bukittinggi").replace(
        "rapat\n", "rapat-koordinasi\n").replace("Fiktif di", "Kedua di"))
    result = check_github(content)
    assert result.returncode != 0
    found = [ANNOTATION.match(line) for line in result.stdout.splitlines()
             if line.startswith("::")]
    assert all(found) and len(found) == 3, result.stdout
    shown = unescape(found[0]["file"])
    assert Path(ROOT, shown).resolve() == path.resolve()  # relative to the repository root
    assert [int(m["line"]) for m in found] == [2, 3, 4]
    messages = [unescape(m["message"]) for m in found]
    assert messages[0].startswith("baris 2: tanggal")
    assert messages[1].startswith("baris 3: wilayah") and "Kota Bukittinggi" in messages[1]
    assert messages[2].startswith("baris 4: nilai") and "rapat-koordinasi" in messages[2]
    assert all(unescape(m["title"]) == f"Konten tidak sesuai aturan (baris {m['line']})"
               for m in found)
    # The usual path:line lines are still there for people reading the log.
    assert f"{shown}:3: wilayah" in result.stderr


def test_without_the_option_nothing_is_annotated(tmp_path):
    content = tmp_path / "content"
    write(content, "berita/kota-bukittinggi/rapat.md", THREE_PROBLEMS)
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode != 0 and "::error" not in result.stdout + result.stderr


@given(path=st.text(min_size=1, max_size=30), line=st.integers(1, 10_000),
       pesan=st.text(max_size=60))
def test_an_annotation_is_one_line_and_reads_back(path, line, pesan):
    text = anotasi(Masalah(path, line, pesan))
    assert "\n" not in text and "\r" not in text
    m = ANNOTATION.match(text)
    assert m, text
    assert unescape(m["file"]) == path.replace("\\", "/")
    assert int(m["line"]) == line
    assert unescape(m["message"]) == f"baris {line}: {pesan}"


def test_the_content_job_runs_before_make_test_on_every_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))
    assert "pull_request" in triggers
    jobs = workflow["jobs"]
    konten = jobs["konten"]
    assert "needs" not in konten
    runs = [step.get("run", "") for step in konten["steps"]]
    assert any("invoke check --github" in run for run in runs)
    assert not any("make test" in run or "pytest" in run for run in runs)
    test = jobs["test"]
    needs = test["needs"] if isinstance(test["needs"], list) else [test["needs"]]
    assert "konten" in needs
    assert any("make test" in step.get("run", "") for step in test["steps"])
