"""The anonymity guard on a fictional corpus written the way real case records are.

``tests/korpus_anonim/mentah/`` holds twenty raw records (identity blocks,
court-page tables, announcements, news reports), each with the list of its
personal-data strings; ``anonim/`` the same twenty properly anonymised.
"""

import difflib
import json
from pathlib import Path

import pytest
from bawaslu.anonim import bagian_berkas, periksa
from bawaslu.samarkan import samarkan

KORPUS = Path(__file__).parent / "korpus_anonim"
RAW = sorted((KORPUS / "mentah").glob("*.md"))
NAMES = [p.stem for p in RAW]


def findings(text):
    return periksa(text, bagian_berkas(text), "putusan")


def occurrences(text, s):
    i = text.find(s)
    while i >= 0:
        yield i, i + len(s)
        i = text.find(s, i + 1)


def test_the_corpus_has_twenty_records_each_with_its_anonymised_twin():
    assert len(RAW) >= 20
    for path in RAW:
        assert (KORPUS / "anonim" / path.name).is_file()
        assert json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["data_pribadi"]


@pytest.mark.parametrize("path", RAW, ids=NAMES)
def test_every_personal_data_string_is_flagged_at_every_occurrence(path):
    text = path.read_text(encoding="utf-8")
    listed = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["data_pribadi"]
    spans = [(t.start, t.end) for t in findings(text)]
    missed = []
    for s in listed:
        for a, b in occurrences(text, s):
            # every character of the string (its letters and digits) lies in a finding
            for k in range(a, b):
                if text[k].isalnum() and not any(x <= k < y for x, y in spans):
                    missed.append((s, text.count("\n", 0, a) + 1))
                    break
    assert not missed, f"tidak ditandai: {missed}"


@pytest.mark.parametrize("path", RAW, ids=NAMES)
def test_the_properly_anonymised_record_gives_no_false_alarm(path):
    text = (KORPUS / "anonim" / path.name).read_text(encoding="utf-8")
    assert [(t.jenis, t.teks) for t in findings(text)] == []


@pytest.mark.parametrize("path", RAW, ids=NAMES)
def test_samarkan_gives_a_copy_the_guard_passes_changing_only_personal_data(path):
    text = path.read_text(encoding="utf-8")
    listed = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["data_pribadi"]
    copy = samarkan(text)
    assert [(t.jenis, t.teks) for t in findings(copy)] == []
    # The header keeps every key, in order.
    keys = [line.split(":", 1)[0] for line in text.split("\n\n", 1)[0].splitlines()]
    assert [line.split(":", 1)[0] for line in copy.split("\n\n", 1)[0].splitlines()] == keys
    # Every changed line held personal data; nothing else changed.
    old, new = text.splitlines(), copy.splitlines()
    pieces = [piece for s in listed for piece in s.split("\n") if piece.strip()]
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        assert op == "replace", (op, old[a1:a2], new[b1:b2])
        for line in old[a1:a2]:
            assert any(piece in line for piece in pieces), line
