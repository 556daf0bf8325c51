"""Not a test: compare the guard with lokal-id's Samaran detector on this corpus.

Run by hand after `.venv/bin/pip install lokal-id==0.7.2` (not a dependency, see
pyproject.toml): `.venv/bin/python tests/korpus_anonim/banding.py`. Prints, for each
detector, the personal-data occurrences caught in mentah/, the findings in anonim/
and the sample case records under content/putusan/ with any finding.
"""

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KORPUS = ROOT / "tests" / "korpus_anonim"
sys.path.insert(0, str(ROOT / "plugins"))

from bawaslu.anonim import bagian_berkas, periksa
from lokal.samaran import detect_pii

KINDS = ["NIK", "KK", "NPWP", "NIP", "PHONE", "EMAIL", "PLATE", "NAME", "ADDRESS", "BIRTH_DATE"]


def caught(text, spans, listed):
    hit = total = 0
    for s in listed:
        i = text.find(s)
        while i >= 0:
            total += 1
            hit += all(any(a <= k < b for a, b in spans) for k in range(i, i + len(s)) if text[k].isalnum())
            i = text.find(s, i + 1)
    return hit, total


DETECTORS = {
    "lokal-id": lambda t: [(m.start, m.end) for m in detect_pii(t, types=KINDS)],
    "bawaslu.anonim": lambda t: [(x.start, x.end) for x in periksa(t, bagian_berkas(t), "putusan")],
}

for name, detect in DETECTORS.items():
    began = time.perf_counter()
    hit = total = 0
    for path in sorted((KORPUS / "mentah").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        listed = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["data_pribadi"]
        h, t = caught(text, detect(text), listed)
        hit, total = hit + h, total + t
    clean = [bool(detect(p.read_text(encoding="utf-8"))) for p in sorted((KORPUS / "anonim").glob("*.md"))]
    sample = [bool(detect(p.read_text(encoding="utf-8"))) for p in sorted((ROOT / "content/putusan").rglob("*.md"))]
    print(f"{name}: {hit}/{total} kemunculan data pribadi tertangkap; alarm palsu di {sum(clean)}/{len(clean)} "
          f"berkas korpus anonim dan {sum(sample)}/{len(sample)} catatan contoh; {time.perf_counter() - began:.1f} dtk")
