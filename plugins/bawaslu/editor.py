"""Writing from a browser (issue 15): the Decap CMS configuration, CODEOWNERS and
GitHub annotations, each a plain function of the schema or the registry.

- ``konfigurasi`` is the editor's configuration (``/admin/``), generated from
  ``skema.KUNCI``: every key a field with its Indonesian label and hint. ``invoke
  editor`` writes it to ``theme/admin/config.yml`` together with
  ``kunci.js`` (the key order the editor's file format writes, and the region
  codes it reads); tests/test_editor.py fails when either drifts from the schema.
- ``codeowners`` is ``.github/CODEOWNERS`` from the registry: one team per
  province and per kabupaten/kota office folder (``invoke codeowners``).
- ``anotasi`` turns a content problem into a GitHub Actions workflow command
  (``invoke check --github``), so staff see it on the pull request's file and line.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .skema import KUNCI, Kunci, Masalah, kunci_untuk
from .wilayah import Registry, registry

ROOT = Path(__file__).resolve().parents[2]
ADMIN = ROOT / "theme" / "admin"  # copied into the built /admin/ by buletin_editor
KONFIGURASI = ADMIN / "config.yml"
KUNCI_JS = ADMIN / "kunci.js"
CODEOWNERS = ROOT / ".github" / "CODEOWNERS"

# The repository the published editor writes to (an office's fork changes it with
# `invoke editor --repo owner/name`); nothing secret: sign-in is by GitHub (README).
REPO = "bawaslu/buletin"
CABANG = "main"
JUDUL_KOLEKSI = {"berita": "Berita", "putusan": "Penanganan Pelanggaran"}
TUNGGAL = {"berita": "Berita", "putusan": "Catatan Penanganan"}
PETUNJUK_ISI = {
    "berita": "isi berita dalam Markdown; paragraf dipisah satu baris kosong",
    "putusan": "uraian penanganan tanpa data pribadi: sebut pihak dengan peran dan inisial "
               "(mis. Terlapor, seorang ASN berinisial RH)",
}
# Custom widgets of theme/static/admin/buletin.js: conditions the stock widgets lack.
WIDGET_KHUSUS = {"Forwarded-To": "diteruskan", "Image-Alt": "teks-gambar"}
DATE_FORMAT = {"waktu": "YYYY-MM-DD HH:mm", "tanggal": "YYYY-MM-DD"}


def _hint(k: Kunci, jenis: str) -> str:
    """The schema's hint, as the staff guide gives it (the key's name in brackets, so
    that the editor and a check's message say the same thing)."""
    wajib = "Wajib. " if jenis in k.wajib else ""
    return f"{wajib}{k.petunjuk[0].upper()}{k.petunjuk[1:]}. (Kunci: {k.key})"


def _options(values) -> list[dict]:
    return [{"label": label, "value": value} for value, label in values.items()]


def opsi_wilayah(reg: Registry) -> list[dict]:
    """Every office as a searchable choice: the national office, then the 552 regions
    by code; the value written is the official name, the label also shows the code."""
    regions = sorted((w for w in reg.by_kode.values() if not w.is_nasional), key=lambda w: w.kode)
    return [{"label": "Nasional (Bawaslu RI)", "value": "nasional"}] + [
        {"label": f"{w.nama} ({w.kode})", "value": w.nama} for w in regions]


def field(k: Kunci, jenis: str, reg: Registry) -> dict:
    """One key of the schema as one Decap field (its name is the key in lower case:
    Decap lower-cases the ``path`` template it reads ``{{region}}`` from)."""
    f: dict = {"label": k.label, "name": k.lower, "hint": _hint(k, jenis),
               "required": jenis in k.wajib}
    b = k.bentuk
    if k.key in WIDGET_KHUSUS:
        f["widget"] = WIDGET_KHUSUS[k.key]
        if k.kosakata:
            f.update(options=_options(k.kosakata), multiple=True)
    elif b in ("judul", "teks", "register"):
        f["widget"] = "string"
    elif b == "ringkasan":
        f["widget"] = "text"
    elif b in DATE_FORMAT:
        f.update(widget="datetime", format=DATE_FORMAT[b], date_format="YYYY-MM-DD",
                 time_format="HH:mm" if b == "waktu" else False, picker_utc=False)
    elif b == "wilayah":
        f.update(widget="select", options=opsi_wilayah(reg))
    elif b in ("pilihan", "status"):
        f.update(widget="select", options=_options(k.kosakata))
    elif b == "pilihan-banyak":
        f.update(widget="select", options=_options(k.kosakata), multiple=True)
    elif b == "pemilihan":
        f.update(widget="string", pattern=[
            r"^(pilkada|pemilu)-\d{4}$", "tulis pilkada-YYYY atau pemilu-YYYY, mis. pilkada-2024"])
    elif b == "daftar":
        f["widget"] = "list"
    elif b == "slug":
        f.update(widget="string", pattern=[r"^[a-z0-9]+(-[a-z0-9]+)*$",
                                           "huruf kecil, angka dan tanda hubung saja"])
    elif b == "gambar":
        f.update(widget="image", choose_url=False)
    else:  # a new kind of value in the schema must be given a widget here
        raise ValueError(f"bentuk {b!r} dari kunci {k.key} belum punya widget penyunting")
    return f


def koleksi(jenis: str, reg: Registry) -> dict:
    fields = [field(k, jenis, reg) for k in kunci_untuk(jenis)]
    fields.append({"label": "Isi", "name": "body", "widget": "markdown",
                   "hint": PETUNJUK_ISI[jenis], "required": True})
    return {
        "name": jenis,
        "label": JUDUL_KOLEKSI[jenis],
        "label_singular": TUNGGAL[jenis],
        "folder": f"content/{jenis}",
        # The office folder (CONTENT.md): the first folder is the chosen Region's slug.
        # ({{region}}, not {{fields.region}}: Decap turns the dots of a path template into
        # dashes before reading it.)
        "path": "{{region}}/{{slug}}",
        # Images go where the contract wants them, not beside the entry (Decap's default
        # once a collection has a path).
        "media_folder": "/content/gambar",
        "public_folder": "gambar",
        # File names as `invoke new` writes them for news (date, then title); a case
        # record is named by its Register, as the project's own content is.
        "slug": ("{{fields.register}}" if jenis == "putusan"
                 else "{{year}}-{{month}}-{{day}}-{{slug}}"),
        "identifier_field": "title",
        "summary": "{{title}} ({{region}})",
        "create": True,
        "extension": "md",
        "format": "buletin",
        "sortable_fields": ["date", "title"],
        "fields": fields,
    }


def konfigurasi(reg: Registry | None = None, repo: str = REPO, cabang: str = CABANG,
                oauth: str = "") -> dict:
    """The whole Decap configuration: GitHub backend, pull requests, both collections."""
    reg = reg or registry()
    # Sign-in: GitHub's OAuth needs a small helper holding the OAuth app's secret (Pages
    # cannot); its address is ``oauth`` (README, "Signing in"). Nothing secret is here.
    masuk = {"base_url": oauth.rstrip("/"), "auth_endpoint": "auth"} if oauth else {}
    return {
        "backend": {"name": "github", "repo": repo, "branch": cabang, **masuk,
                    "commit_messages": {
                        "create": "Konten baru {{collection}}: {{slug}}",
                        "update": "Perbarui {{collection}}: {{slug}}",
                        "delete": "Hapus {{collection}}: {{slug}}",
                        "uploadMedia": "Unggah gambar {{path}}",
                        "deleteMedia": "Hapus gambar {{path}}"}},
        # Each entry is a pull request; the content check runs on it (pages.yml).
        "publish_mode": "editorial_workflow",
        # On 127.0.0.1 only: `npx decap-server` writes to the local folder (README).
        "local_backend": {"url": "http://127.0.0.1:8081/api/v1"},
        "locale": "id",
        "media_folder": "content/gambar",
        "public_folder": "gambar",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [koleksi(j, reg) for j in ("berita", "putusan")],
    }


HEADER_YML = ("# Ditulis oleh `invoke editor` dari plugins/bawaslu/skema.py; jangan disunting.\n"
              "# Konfigurasi Decap CMS untuk /admin/ (JSON adalah YAML yang sah).\n")


def teks_konfigurasi(reg: Registry | None = None, repo: str = REPO, cabang: str = CABANG,
                     oauth: str = "") -> str:
    return HEADER_YML + json.dumps(konfigurasi(reg, repo, cabang, oauth), ensure_ascii=False,
                                   indent=1) + "\n"


def teks_kunci_js(reg: Registry | None = None) -> str:
    """What the editor's file format needs from the schema: every key in the order
    staff write it (``[key, name, bentuk]``), and region codes -> official names."""
    reg = reg or registry()
    keys = [[k.key, k.lower, k.bentuk] for k in KUNCI]
    kode = {w.kode: w.nama for w in sorted(reg.by_kode.values(), key=lambda w: w.kode)
            if not w.is_nasional}
    data = json.dumps({"kunci": keys, "wilayah": kode}, ensure_ascii=False, indent=0)
    return ("// Ditulis oleh `invoke editor` dari plugins/bawaslu/skema.py; jangan disunting.\n"
            f"var BULETIN_SKEMA = {data};\n"
            'if (typeof module !== "undefined") module.exports = BULETIN_SKEMA;\n')


def tulis_editor(repo: str = REPO, cabang: str = CABANG, oauth: str = "") -> list[Path]:
    """Write config.yml and kunci.js; return the files that changed."""
    changed = []
    for path, text in ((KONFIGURASI, teks_konfigurasi(repo=repo, cabang=cabang, oauth=oauth)),
                       (KUNCI_JS, teks_kunci_js())):
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def repo_konfigurasi(path: Path = KONFIGURASI) -> tuple[str, str, str]:
    """The repository, branch and sign-in helper the committed configuration names
    (an office's own choices, kept when the configuration is rewritten)."""
    try:
        backend = json.loads(path.read_text(encoding="utf-8").split("\n", 2)[2])["backend"]
        return backend["repo"], backend["branch"], backend.get("base_url", "")
    except (OSError, ValueError, KeyError, IndexError):
        return REPO, CABANG, ""


# --- CODEOWNERS -------------------------------------------------------------------

POLA_TIM = "@bawaslu/{slug}"  # the default of the CODEOWNERS_TIM setting (pelicanconf.py)
PENGELOLA = "@bawaslu/pengelola-situs"  # owns everything outside the office folders


def codeowners(reg: Registry | None = None, pola: str = POLA_TIM,
               pengelola: str = PENGELOLA) -> str:
    """``.github/CODEOWNERS``: each office folder under content/berita/ and
    content/putusan/ is owned by its office's team (``pola`` with ``{slug}`` and
    ``{kode}``); the national office owns ``nasional/``; the site's maintainers
    own the rest. With branch protection's "Require review from Code Owners" a
    pull request into an office's folder needs that office's review."""
    reg = reg or registry()
    lines = [
        ("# Ditulis oleh `invoke codeowners` dari plugins/bawaslu/data/wilayah.csv; "
         "jangan disunting."),
        f"# Pola nama tim: {pola} (pengaturan CODEOWNERS_TIM di pelicanconf.py).",
        "# Aturan terakhir yang cocok berlaku; folder kantor ada di bawah aturan umum.",
        f"* {pengelola}",
    ]
    offices = [reg.nasional] + sorted((w for w in reg.by_kode.values() if not w.is_nasional),
                                      key=lambda w: w.kode)
    for w in offices:
        team = pola.format(slug=w.slug, kode=w.kode.replace(".", "-"))
        lines.append(f"# {w.kantor}")
        for jenis in ("berita", "putusan"):
            lines.append(f"/content/{jenis}/{w.slug}/ {team}")
    return "\n".join(lines) + "\n"


# --- annotations ------------------------------------------------------------------

JUDUL_ANOTASI = "Konten tidak sesuai aturan"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def anotasi(m: Masalah) -> str:
    """One problem as a GitHub Actions error annotation on its file and line."""
    title = f"{JUDUL_ANOTASI} (baris {m.line})"
    path = m.path.replace("\\", "/")
    return (f"::error file={_property(path)},line={m.line},title={_property(title)}::"
            f"{_data(f'baris {m.line}: {m.pesan}')}")


# --- Decap's scripts in the built site ------------------------------------------

DECAP_DIST = ROOT / "node_modules" / "decap-cms" / "dist"
DECAP_JS = "decap-cms.js"  # the entry point; it loads its numbered chunks from beside it


def _link(src: Path, dest: Path) -> None:
    if dest.exists() or dest.is_symlink():
        dest.unlink()
    try:
        dest.hardlink_to(src)
    except OSError:
        shutil.copyfile(src, dest)


def salin_admin(target: Path, admin: Path = ADMIN) -> list[str]:
    """The editor's own files (config.yml, kunci.js, buletin.js) into the built /admin/."""
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in admin.iterdir() if p.is_file())
    for src in files:
        shutil.copyfile(src, target / src.name)
    return [p.name for p in files]


def salin_decap(target: Path, dist: Path = DECAP_DIST) -> int:
    """Put decap-cms.js and its chunks into ``target`` (hard links where the file
    system allows, else copies); 0 when the npm package is not installed."""
    if not (dist / DECAP_JS).is_file():
        return 0
    target.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in dist.iterdir() if p.name.endswith(DECAP_JS) and p.is_file())
    for src in files:
        _link(src, target / src.name)
    return len(files)
