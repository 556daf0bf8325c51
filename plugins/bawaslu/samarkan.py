"""A proposed anonymised copy of a content file (``invoke samarkan PATH``).

``samarkan(teks)`` replaces what the anonymity guard finds, and nothing else:
names become initials (the role word before them stays: "Terlapor SW"), every
later mention of a name the same initials; identity numbers, phones, e-mail
addresses and plates are removed; a birth date becomes its decade and a street
address is dropped in favour of the area written after it. The copy is a
proposal for staff to read and finish, not a substitute for an editor.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from .anonim import _AREA, _HONORIFIC, _NOT_NAMES, Temuan, bagian_berkas, periksa

REMOVED = "(dihapus)"
# Where the copy is written: next to the file, with a suffix the build does
# not read (only *.md files are content), so the copy never gets published.
from .bersih import SAMARAN as SUFFIX  # noqa: E402  (one name for the proposals)
_STREET_START = re.compile(r"(?:J[Ll]|Jalan|JALAN|jalan|G[Gg]|Gang|gang|Komp|Perum|Lorong|Lr)")


def _name_words(name: str) -> list[str]:
    words = []
    for tok in re.findall(r"[A-Za-z'’\-]+(?:\.[A-Za-z]+)*\.?", name):
        bare = tok.rstrip(".")
        if "." in bare or bare in ("bin", "binti", "van", "de") or bare.lower() in _NOT_NAMES:
            continue  # "S.H.", connectors
        if bare in _HONORIFIC and bare not in ("Moh", "Moch", "Muh", "Mhd", "M"):
            continue  # "H.", "Hj.", "Dr."
        if tok.endswith(".") and len(bare) <= 3 and bare not in ("Moh", "Muh", "Mhd", "M"):
            continue  # "Lc.", academic abbreviations
        words.append(bare)
    return words


def inisial(name: str) -> str:
    """The initials of a name, without honorifics and titles: "H. Sabrang
    Wirataka, S.H." -> "SW" (at most four letters)."""
    return "".join(w[0].upper() for w in _name_words(name))[:4] or "X"


def _initials_by_word(found: list[Temuan]) -> dict[str, str]:
    """Each word of every flagged full name -> that name's initials, so that a
    later "Sabrang" alone becomes the "SW" of "Sabrang Wirataka"."""
    out: dict[str, str] = {}
    for t in sorted(found, key=lambda t: -len(_name_words(t.teks))):
        words = _name_words(t.teks)
        if len(words) < 2:
            continue
        for w in words:
            out.setdefault(w.lower(), inisial(t.teks))
    return out


def _decade(text: str) -> str:
    m = re.search(r"(?:19|20)\d\d", text)
    if m:
        year = int(m.group())
    else:
        m = re.search(r"(\d\d)\s*$", text)
        if not m:
            return REMOVED
        year = int(m.group(1)) + (1900 if int(m.group(1)) > 30 else 2000)
    return f"tahun {year // 10 * 10}-an"


def _replacement(teks: str, t: Temuan, initials: dict[str, str]) -> tuple[int, int, str]:
    start, end = t.start, t.end
    if t.jenis == "nama":
        text = t.teks.replace("-", " ").title() if t.kunci == "tags" else t.teks
        words = _name_words(text)
        # A shorter mention of a longer flagged name gets that name's initials
        # ("Sagara Limbunganing" of "SAGARA LIMBUNGANING bin SUTAN MARAJO").
        known = {initials.get(w.lower()) for w in words}
        new = known.pop() if len(known) == 1 and None not in known else inisial(text)
        line = teks[teks.rfind("\n", 0, start) + 1:start]
        if t.teks.endswith(".") and teks[end:end + 1] in ("", "\n", " ") and ":" not in line:
            new += "."  # the name's last title also ended the sentence
        if t.kunci == "tags":  # "terlapor-nama-orang" -> "terlapor"
            while start > 0 and teks[start - 1] in "-_":
                start -= 1
            return start, end, ""
        return start, end, new
    if t.jenis == "lahir":
        return start, end, _decade(t.teks)
    if t.jenis == "alamat":
        after = re.match(r"[ ,;]*", teks[end:])
        if _AREA.match(teks, end + after.end()):
            # "Jl. Kenanga No. 12, Kelurahan Sukamaju" -> "Kelurahan Sukamaju"
            return start, end + after.end(), ""
        return start, end, "sebuah jalan" if _STREET_START.match(t.teks) else REMOVED
    if t.kunci in ("tags", "register", "slug"):
        return start, end, "dihapus"
    return start, end, REMOVED


def samarkan(teks: str) -> str:
    """A proposed anonymised copy of the content file ``teks`` that the guard
    passes (read as a case record), changing only what it finds."""
    for _ in range(4):
        found = periksa(teks, bagian_berkas(teks), "putusan")
        if not found:
            break
        initials = _initials_by_word([t for t in found if t.jenis == "nama"])
        for start, end, new in sorted((_replacement(teks, t, initials) for t in found), reverse=True):
            teks = teks[:start] + new + teks[end:]
    return teks


def tulis_samaran(path: Path) -> tuple[Path, str]:
    """Write the proposed copy of ``path`` next to it (``<name>.samaran.txt``);
    returns the copy's path and a unified diff. Never overwrites a file."""
    target = path.with_name(path.name.rsplit(".", 1)[0] + SUFFIX)
    if target.exists():
        raise FileExistsError(f"{target} sudah ada; hapus atau ganti namanya dulu, "
                              "berkas itu tidak ditimpa")
    teks = path.read_text(encoding="utf-8")
    copy = samarkan(teks)
    with target.open("x", encoding="utf-8") as f:
        f.write(copy)
    diff = "".join(difflib.unified_diff(
        teks.splitlines(keepends=True), copy.splitlines(keepends=True),
        fromfile=str(path), tofile=str(target)))
    return target, diff
