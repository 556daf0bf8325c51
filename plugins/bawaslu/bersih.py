"""What content may put on the public site: one HTML allowlist, safe files only.

Content is untrusted (552 offices write it). This module is the one place that
says what is allowed:

- ``bersihkan(html)``: the HTML that Markdown produced, sanitised with nh3
  (Ammonia) against the allowlist below. Deterministic.
- ``periksa_sumber(text)``: for Markdown source, every raw HTML construct,
  attribute or link the allowlist would strip, as (offset, Indonesian message),
  so that the content check reports it (nothing changes silently).
- ``teks(html)``: plain text of an HTML fragment (meta description, feeds,
  search excerpts, CSV), entities decoded once; never markup.
- ``berkas_tidak_aman(root)``: symlinks and files of a type not allowed under
  the content folder, and unsafe SVG images.
- ``gambar_tidak_aman(root, value)``: why an ``Image:`` value is not allowed.
"""

from __future__ import annotations

import functools
import os
import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import nh3

# --- the allowlist: what the site's Markdown extensions produce ---------------------------
# (pelicanconf.MARKDOWN: abbr, def_list, fenced_code, footnotes, md_in_html, tables, toc),
# plus the plain formatting elements staff may write as raw HTML.

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "code": {"class"},
    "div": {"class"},
    "ol": {"start"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "sup": {"id"},
    "li": {"id"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
# Elements removed with everything inside them (the rest keep their text).
CONTENT_REMOVED = frozenset({"script", "style", "template", "noscript", "iframe", "object",
                             "embed", "svg", "math", "textarea", "select", "title"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Only the text alignment the tables extension writes for aligned columns.
STYLE_PROPERTIES = frozenset({"text-align"})
# Classes the extensions write: footnotes, fenced code.
_CLASS = {
    "a": re.compile(r"footnote-ref|footnote-backref"),
    "div": re.compile(r"footnote"),
    "code": re.compile(r"language-[A-Za-z0-9_+-]{1,40}"),
}
_ID = re.compile(r"[A-Za-z0-9_:.-]{1,100}")  # toc slugs and footnote ids ("fn:1", "fnref:1")
_NUMBER = re.compile(r"[0-9]{1,4}")


def _scheme(url: str) -> str:
    """The URL's scheme as a browser reads it (tabs/newlines dropped, ends trimmed), or ""."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                   "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
                                                   "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
    m = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return m.group(1).lower() if m else ""


def url_aman(tag: str, attr: str, url: str, situs: str = "") -> bool:
    """Whether ``url`` may stand in ``tag``'s ``attr``: links http(s), mailto or
    site-relative; images only from the site itself (relative, or under ``situs``)."""
    cleaned = re.sub(r"[\t\n\r]", "", url).strip()
    if cleaned.startswith(("//", "\\\\", "/\\")) or "\\" in cleaned[:8]:
        return False  # protocol-relative: another host
    scheme = _scheme(cleaned)
    if tag == "img":
        if scheme:
            base = situs.rstrip("/") + "/"
            return bool(situs) and cleaned.startswith(base) and scheme in ("http", "https")
        return True
    return not scheme or scheme in URL_SCHEMES


def _attribute_ok(tag: str, attr: str, value: str, situs: str = "") -> bool:
    if attr in ("href", "src"):
        return url_aman(tag, attr, value, situs)
    if attr == "class":
        pattern = _CLASS.get(tag)
        return bool(pattern and all(pattern.fullmatch(c) for c in value.split()))
    if attr == "id":
        return bool(_ID.fullmatch(value))
    if attr in ("width", "height", "colspan", "rowspan", "start"):
        return bool(_NUMBER.fullmatch(value.strip()))
    if attr == "style":
        return all(p.split(":")[0].strip().lower() in STYLE_PROPERTIES
                   for p in value.split(";") if p.strip())
    return True


def bersihkan(html: str, situs: str = "") -> str:
    """``html`` (what Markdown produced) with everything outside the allowlist removed.

    ``situs``: the site's own absolute address (SITEURL), from which images may also
    be loaded (Pelican writes ``{static}`` links as absolute URLs)."""
    if not html:
        return ""

    if (situs, html) in _BERSIH:
        return html  # already the output of this function: sanitising is idempotent

    clean = _pembersih(situs).clean(html)
    catat(clean, situs)
    return clean


@functools.lru_cache(maxsize=8)
def _pembersih(situs: str) -> nh3.Cleaner:
    """The allowlist as one reusable nh3 sanitiser per site address: ``nh3.clean``
    builds it again on every call, which was more than half of its time on an item's
    body (bench/PROFIL.md)."""

    def keep(tag, attr, value):
        return value if _attribute_ok(tag, attr, value, situs) else None

    return nh3.Cleaner(
        tags=set(TAGS), clean_content_tags=set(CONTENT_REMOVED),
        attributes={k: set(v) for k, v in ATTRIBUTES.items()}, attribute_filter=keep,
        strip_comments=True, link_rel=None, url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
    )


# Outputs of bersihkan in this process: the body sanitised when it is read is not
# sanitised again when the template marks it safe (a 10,000-item build saves seconds).
_BERSIH: set[tuple[str, str]] = set()


def catat(clean: str, situs: str = "") -> None:
    """Note ``clean`` as an output of ``bersihkan(..., situs)``, in this process or in
    another one (a reading worker, buletin_paralel): only for what bersihkan returned."""
    if clean:
        _BERSIH.add((situs, clean))


try:
    from jinja2 import pass_context
    from markupsafe import Markup
except ImportError:  # pragma: no cover (Pelican always has Jinja)
    pass_context = Markup = None


def _isi(context, html) -> Markup:
    """Jinja filter ``isi``: a body or summary, sanitised, marked safe. The one place the
    (autoescaping) templates output HTML."""
    return Markup(bersihkan(str(html or ""), context.get("SITEURL", "")))


isi = pass_context(_isi) if pass_context else _isi


# --- the same allowlist, applied to Markdown source: what would be stripped ---------------

DIIZINKAN = ("HTML yang diizinkan: elemen format sederhana (p, strong, em, a, ul, ol, li, "
             "table, ...), tanpa skrip, atribut on..., style, iframe, form atau svg; lihat "
             "docs/panduan-penulisan.md bagian \"HTML yang diizinkan\"")
_TAUTAN = ("tautan hanya boleh https://, http://, mailto: atau ke halaman situs ini, ditulis "
           "sebagai berkas konten: [teks]({filename}/halaman/metodologi.md)")
_GAMBAR = "gambar hanya boleh dari situs ini: letakkan berkasnya di content/gambar/"

# Markdown constructs that look like HTML but are not (Python-Markdown's own patterns).
_AUTOLINK = re.compile(r"<((?:[Ff]|[Hh][Tt])[Tt][Pp][Ss]?://[^<>]*)>")
_AUTOMAIL = re.compile(r"<([^<> !]+@[^@<> ]+)>")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[ \t]*$|\Z)",
                    re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
# Markdown links and images: [text](url "title"), ![alt](url), [id]: url
_MD_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]*)")
_MD_REF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)


def _masked(text: str) -> str:
    """``text`` with code (fenced blocks, code spans) blanked, offsets kept."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    if "~~~" in text or "```" in text:
        text = _FENCE.sub(blank, text)
    return _CODE_SPAN.sub(blank, text) if "`" in text else text


class _Sumber(HTMLParser):
    """The HTML tokenizer over Markdown source; collects what the allowlist strips."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.found: list[tuple[int, int, str]] = []  # (start, end, message)
        self.reported: dict[str, int] = {}

    def _at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._at()
        at = (start, start + len(self.get_starttag_text() or ""))
        if tag not in TAGS:
            what = "dan isinya dibuang" if tag in CONTENT_REMOVED else "dibuang"
            self.found.append((*at, f'tag HTML "<{tag}>" tidak diizinkan ({what}); {DIIZINKAN}'))
            self.reported[tag] = self.reported.get(tag, 0) + 1
            return
        allowed = ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name == "markdown":
                continue  # md_in_html's switch: consumed by Markdown, never published
            if name.startswith("on"):
                self.found.append((*at, (f'atribut "{name}" pada <{tag}> tidak diizinkan (skrip '
                                         f"penanganan kejadian); {DIIZINKAN}")))
            elif name not in allowed:
                self.found.append((*at, (f'atribut "{name}" pada <{tag}> tidak diizinkan; '
                                         f"atribut yang boleh pada <{tag}>: "
                                         f"{', '.join(sorted(allowed)) or 'tidak ada'}")))
            elif not _attribute_ok(tag, name, value):
                hint = (_GAMBAR if tag == "img" else _TAUTAN) if name in ("href", "src") else \
                    f"nilai ini tidak diizinkan untuk {name}"
                self.found.append((*at, (f'nilai atribut {name}="{value[:80]}" pada <{tag}> '
                                         f"tidak diizinkan; {hint}")))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in TAGS:
            return
        if self.reported.get(tag):
            self.reported[tag] -= 1
            return
        start = self._at()
        self.found.append((start, start + len(tag) + 3,
                           f'tag penutup HTML "</{tag}>" tidak diizinkan; {DIIZINKAN}'))


def periksa_sumber(text: str) -> list[tuple[int, str]]:
    """Every raw HTML construct, attribute or link in Markdown ``text`` that the
    allowlist would strip: (character offset into ``text``, Indonesian message).

    An entity-encoded ``&lt;script&gt;`` is text, not HTML, and is not reported
    (it comes out escaped); HTML inside code (``like this``) is shown as code."""
    return [(start, message) for start, _, message in temuan_sumber(text)]


def temuan_sumber(text: str) -> list[tuple[int, int, str]]:
    """As ``periksa_sumber``, with the end offset of each construct: (start, end, message)."""
    if not text or ("<" not in text and "]" not in text):
        return []  # neither HTML nor a Markdown link or image
    masked = _masked(text)
    found: list[tuple[int, int, str]] = []
    # Markdown links and images (not HTML, but the same URL rules apply).
    for m in _MD_LINK.finditer(masked):
        tag = "img" if m.group(1) else "a"
        if m.group(2) and not url_aman(tag, "src" if tag == "img" else "href", m.group(2)):
            hint = _GAMBAR if tag == "img" else _TAUTAN
            what = "gambar" if tag == "img" else "tautan"
            found.append((m.start(2), m.end(2),
                          f'{what} "{m.group(2)[:80]}" tidak diizinkan; {hint}'))
    for m in _MD_REF.finditer(masked):
        if not url_aman("a", "href", m.group(1)):
            found.append((m.start(1), m.end(1),
                          f'tautan "{m.group(1)[:80]}" tidak diizinkan; {_TAUTAN}'))

    def blank_autolink(m):
        return " " * len(m.group(0))
    masked = _AUTOMAIL.sub(blank_autolink, _AUTOLINK.sub(blank_autolink, masked))
    if "<" in masked:
        parser = _Sumber(masked)
        parser.feed(masked)
        parser.close()
        found += parser.found
    return sorted(set(found))


# --- plain text ---------------------------------------------------------------------

_BLOCK = frozenset({"p", "div", "li", "dt", "dd", "br", "tr", "td", "th", "h1", "h2", "h3",
                    "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "hr",
                    "figure", "figcaption", "caption"})
_SKIP = frozenset({"script", "style", "template", "title", "svg", "math", "textarea"})


class _Teks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


@functools.lru_cache(maxsize=1 << 16)
def teks(html: str) -> str:
    """Plain text of an HTML fragment: tags dropped, character references decoded
    once, whitespace collapsed. The result is text (templates escape it).

    Cached: listings show the same summary on many pages."""
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return " ".join(str(html).split())
    parser = _Teks()
    parser.feed(str(html))
    parser.close()
    return " ".join("".join(parser.parts).split())


# --- files --------------------------------------------------------------------------

GAMBAR_JENIS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WebP",
                ".avif": "AVIF", ".svg": "SVG"}
MARKDOWN = (".md", ".markdown", ".mkd", ".mdown")
SAMARAN = ".samaran.txt"  # bawaslu.samarkan writes its proposals with this ending
_JENIS_HINT = ("jenis gambar yang boleh: " + ", ".join(sorted(set(GAMBAR_JENIS.values())))
               + " (berkas .png, .jpg, .jpeg, .gif, .webp, .avif, .svg)")


def _magic_ok(path: Path, suffix: str) -> bool:
    with open(path, "rb") as f:
        head = f.read(32)
    if suffix == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if suffix in (".jpg", ".jpeg"):
        return head.startswith(b"\xff\xd8\xff")
    if suffix == ".gif":
        return head.startswith((b"GIF87a", b"GIF89a"))
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if suffix == ".avif":
        return head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis")
    return True


SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Drawing elements only: no script, foreignObject, image, use of other files, style, a.
SVG_TAGS = frozenset({
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "linearGradient", "radialGradient", "stop", "clipPath",
    "mask", "pattern", "symbol", "use", "marker",
})


def svg_tidak_aman(data: bytes) -> list[str]:
    """Why an SVG image is refused (empty when it is a plain drawing): no script,
    foreignObject, event handlers, styles, or references to other files."""
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        return ["SVG tidak boleh memuat DOCTYPE atau ENTITY"]
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [f"SVG bukan XML yang sah ({error})"]
    problems = []
    for el in root.iter():
        ns, _, name = el.tag.rpartition("}")
        if ns.lstrip("{") != SVG_NS or name not in SVG_TAGS:
            problems.append(f'elemen <{name}> tidak diizinkan di SVG')
            continue
        for attr, value in el.attrib.items():
            aname = attr.rpartition("}")[2]
            low = value.strip().lower()
            if aname.lower().startswith("on"):
                problems.append(f'atribut "{aname}" (skrip) tidak diizinkan di SVG')
            elif aname == "style":
                problems.append('atribut "style" tidak diizinkan di SVG; pakai atribut gambar '
                                "(fill, stroke, ...)")
            elif aname == "href" and not low.startswith("#"):
                problems.append(f'rujukan href="{value[:80]}" ke luar gambar tidak diizinkan di SVG')
            elif "url(" in low and not re.fullmatch(r"url\(\s*#[^)]*\)", low):
                problems.append(f'rujukan {aname}="{value[:80]}" ke luar gambar tidak diizinkan '
                                "di SVG")
    return sorted(set(problems))


def _tidak_aman(path: Path, rel: str) -> str | None:
    """Why the regular file ``path`` may not be published, or None."""
    suffix = path.suffix.lower()
    if suffix in MARKDOWN:
        return None
    if path.name.endswith(SAMARAN) and not rel.startswith("gambar/"):
        return None  # a proposal of `invoke samarkan`: never read nor copied by the build
    if suffix not in GAMBAR_JENIS:
        return f"berkas jenis {suffix or '(tanpa akhiran)'} tidak diizinkan di folder konten; " \
               + _JENIS_HINT
    if suffix == ".svg":
        problems = svg_tidak_aman(path.read_bytes())
        return ("gambar SVG ditolak: " + "; ".join(problems[:5])
                + "; simpan ulang sebagai gambar biasa (PNG/JPEG) atau SVG gambar saja") \
            if problems else None
    if not _magic_ok(path, suffix):
        return f"isi berkas bukan gambar {GAMBAR_JENIS[suffix]} seperti akhirannya; " + _JENIS_HINT
    return None


SYMLINK = ("tautan simbolik (symlink) tidak diizinkan di folder konten: isinya bisa berasal dari "
           "luar content/; ganti dengan berkas biasa atau hapus")


def isi_folder(root) -> list[tuple[str, str]]:
    """Every entry under the folder ``root``, sorted: (path relative to ``root``, kind),
    kind one of "symlink", "dir", "file" (regular) or "other". Symlinks are never
    followed; hidden folders are entered too. One ``os.scandir`` per folder: the kinds
    come from the directory listing, so a folder of thousands of files costs no
    ``stat`` per file. Shared by the site-wide checks (``berkas_tidak_aman``,
    ``skema.content_files``)."""
    found: list[tuple[str, str]] = []
    if not os.path.isdir(root):
        return found
    pending = [("", os.fspath(root))]
    while pending:
        prefix, folder = pending.pop()
        with os.scandir(folder) as listing:
            for entry in listing:
                rel = prefix + entry.name
                if entry.is_symlink():
                    kind = "symlink"
                elif entry.is_dir(follow_symlinks=False):
                    kind = "dir"
                    pending.append((rel + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    kind = "file"
                else:
                    kind = "other"
                found.append((rel, kind))
    found.sort()
    return found


def berkas_tidak_aman(root: Path, isi: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Every file under the content folder ``root`` that must not be read or copied:
    (path relative to ``root``, Indonesian message), sorted. ``isi``: the folder's
    ``isi_folder(root)`` when the caller has it already.

    Symlinks anywhere (never followed), anything that is not a regular file,
    files other than Markdown and images of an allowed type, and unsafe SVG.
    Hidden files and folders are skipped (Pelican neither reads nor copies them),
    unless they are symlinks."""
    root = Path(root)
    if root.is_symlink():
        return [(".", "folder konten adalah tautan simbolik (symlink); gunakan folder biasa")]
    found = []
    for rel, kind in isi_folder(root) if isi is None else isi:
        *folders, name = rel.split("/")
        if any(f.startswith(".") for f in folders):
            continue  # inside a hidden folder: never walked
        if kind == "symlink":
            found.append((rel, SYMLINK))
        elif name.startswith(".") or kind == "dir":
            continue
        elif kind == "other":
            found.append((rel, "bukan berkas biasa; hapus dari folder konten"))
        elif os.path.splitext(name)[1].lower() not in MARKDOWN \
                and (why := _tidak_aman(root / rel, rel)) is not None:
            found.append((rel, why))
    return sorted(found)


def gambar_tidak_aman(root: Path, value: str) -> str | None:
    """Why an ``Image:`` value may not be used (Indonesian), or None: it must name
    a regular image file inside the content folder, reached without symlinks."""
    root = Path(root)
    hint = "tulis jalur gambar dari folder content, mis. gambar/rapat.jpg"
    if _scheme(value) or value.startswith("//"):
        return f'gambar "{value}" harus berkas di situs ini, bukan alamat luar; {hint}'
    rel = PurePosixPath(value.lstrip("/"))
    if ".." in rel.parts or "\\" in value:
        return f'gambar "{value}" keluar dari folder content (".." tidak diizinkan); {hint}'
    path = root / rel
    current = root
    for part in rel.parts:
        current = current / part
        if current.is_symlink():
            return f'gambar "{value}" melalui tautan simbolik (symlink); {hint}'
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return f'gambar "{value}" keluar dari folder content; {hint}'
    if not path.is_file():
        return None  # "not found" is the content check's message
    if rel.suffix.lower() not in GAMBAR_JENIS:
        return f'berkas "{value}" bukan gambar; {_JENIS_HINT}'
    return None
