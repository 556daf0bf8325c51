"""Project tasks (invoke). The Makefile bootstraps .venv and calls these."""

import os
import shutil
import sys
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
CONTENT = "content"
OUTPUT = "output"
sys.path.insert(0, str(HERE / "plugins"))  # the project's domain code (bawaslu)


def pelican(c, content=CONTENT, output=OUTPUT, conf="pelicanconf.py", extra=""):
    c.run(f"{BIN}/pelican {content} -s {conf} -o {output} {extra}", pty=False)


@task
def build(c, content=CONTENT, output=OUTPUT):
    """Build the site from content/ into output/ (local settings)."""
    with c.cd(str(HERE)):
        pelican(c, content, output, extra="--delete-output-directory")


@task
def serve(c, port=8000):
    """Preview at http://127.0.0.1:PORT/ and rebuild when content or theme change."""
    from livereload import Server

    # Warm rebuilds (issue 8): a content edit re-reads only the changed file (content cache,
    # sha256); a change to plugins or settings rebuilds the cache from scratch.
    cache = f"--cache-path {HERE / 'cache'} -e CACHE_CONTENT=true"

    def rebuild_all():
        c.run(f"{BIN}/pelican {CONTENT} -s pelicanconf.py -o {OUTPUT} {cache}", warn=True)

    def rebuild():
        c.run(f"{BIN}/pelican {CONTENT} -s pelicanconf.py -o {OUTPUT} {cache} LOAD_CONTENT_CACHE=true",
              warn=True)

    rebuild_all()
    server = Server()
    for pattern in (f"{CONTENT}/**/*", "theme/**/*"):
        server.watch(pattern, rebuild)
    for pattern in ("plugins/**/*.py", "pelicanconf.py"):
        server.watch(pattern, rebuild_all)
    server.serve(root=OUTPUT, host="127.0.0.1", port=port)


@task(help={"github": "tulis juga setiap masalah sebagai anotasi GitHub Actions "
                     "(::error file=...,line=...) agar tampil di pull request"})
def check(c, content=CONTENT, github=False):
    """Check all content against the contract without building (fast)."""
    from bawaslu import konten

    root = Path(content)
    if not root.is_dir():
        sys.exit(f'folder konten "{content}" tidak ditemukan')
    files = konten.content_files(root)
    # Paths shown as the build shows them: relative to where the command runs. Unsafe
    # files (symlinks: never read) are reported with the rest, as the build does.
    problems = konten.check_folder(root, os.path.relpath)
    for problem in problems:
        print(problem, file=sys.stderr)
    if github:
        from bawaslu.editor import anotasi

        # Workflow commands are read from standard output (GitHub Actions).
        for problem in problems:
            print(anotasi(problem), flush=True)
    if problems:
        sys.exit(f"{len(problems)} masalah dalam {len(files)} berkas; perbaiki lalu periksa ulang.")
    print(f"Semua {len(files)} berkas sesuai aturan konten.")


@task(help={"jenis": "berita atau putusan", "judul": "judul", "wilayah": "kode atau nama wilayah"})
def new(c, jenis, judul="", wilayah="nasional", content=CONTENT):
    """Write a ready-to-fill file: invoke new berita|putusan --judul "..." --wilayah 13.75"""
    from bawaslu.templat import new_file, new_path
    from bawaslu.wilayah import registry

    if jenis not in ("berita", "putusan"):
        sys.exit('jenis harus "berita" atau "putusan"')
    region = registry().resolve(wilayah)
    if region is None:
        near = " atau ".join(f'"{n}"' for n in registry().suggest(wilayah))
        sys.exit(f'wilayah "{wilayah}" tidak dikenal' + (f"; mungkin maksudnya {near}?" if near else ""))
    path = Path(content) / new_path(jenis, judul, region.slug)
    if path.exists():
        sys.exit(f"{path} sudah ada")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new_file(jenis, judul, region.nama), encoding="utf-8")
    print(f"Berkas baru: {path}")


@task
def dokumen(c):
    """Rewrite the key tables of docs/panduan-penulisan.md and docs/kontrak-konten.md from the schema."""
    from bawaslu import dokumen as d

    written = d.tulis()
    for path in written:
        print(f"Diperbarui: {path.relative_to(HERE)}")
    if not written:
        print("Tabel kunci di dokumen sudah sesuai skema.")


@task(help={"repo": "repositori GitHub tujuan penyunting, mis. bawaslu-contoh/buletin "
                   "(bawaan: yang tertulis di theme/admin/config.yml)",
            "branch": "cabang tujuan pull request (bawaan: yang tertulis di config.yml)",
            "oauth": "alamat layanan OAuth untuk masuk dengan GitHub, mis. "
                     "https://oauth.bawaslu-contoh.go.id (lihat README)"})
def editor(c, repo="", branch="", oauth=""):
    """Rewrite the editor's configuration (theme/admin/config.yml, kunci.js) from the schema."""
    from bawaslu import editor as e

    old_repo, old_branch, old_oauth = e.repo_konfigurasi()
    written = e.tulis_editor(repo or old_repo, branch or old_branch, oauth or old_oauth)
    for path in written:
        print(f"Diperbarui: {path.relative_to(HERE)}")
    if not written:
        print("Konfigurasi penyunting sudah sesuai skema.")


@task
def codeowners(c):
    """Rewrite .github/CODEOWNERS from the region registry (one team per office folder)."""
    from bawaslu import editor as e

    text = e.codeowners(pola=pengaturan("CODEOWNERS_TIM", e.POLA_TIM),
                        pengelola=pengaturan("CODEOWNERS_PENGELOLA", e.PENGELOLA))
    if e.CODEOWNERS.is_file() and e.CODEOWNERS.read_text(encoding="utf-8") == text:
        print(".github/CODEOWNERS sudah sesuai daftar wilayah.")
        return
    e.CODEOWNERS.parent.mkdir(parents=True, exist_ok=True)
    e.CODEOWNERS.write_text(text, encoding="utf-8")
    print("Diperbarui: .github/CODEOWNERS")


def pengaturan(name: str, default: str) -> str:
    """A setting of pelicanconf.py, read without running Pelican."""
    import ast

    tree = ast.parse((HERE / "pelicanconf.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            return ast.literal_eval(node.value)
    return default


@task
def test(c, k=""):
    """Run the test suite."""
    selection = f"-k '{k}'" if k else ""
    with c.cd(str(HERE)):
        c.run(f"{BIN}/python -m pytest {selection}", pty=False)


@task
def clean(c):
    """Remove build products."""
    for path in (OUTPUT, ".pytest_cache", ".hypothesis"):
        shutil.rmtree(HERE / path, ignore_errors=True)


os.environ.setdefault("PYTHONHASHSEED", "0")


@task(help={
    "content": "folder konten (bawaan: content)",
    "output": "tulis situs yang lolos pemeriksaan ke folder ini, tanpa ghp-import (GitHub Actions)",
    "siteurl": "alamat situs, mis. https://bawaslu-contoh.github.io/buletin",
    "domain": "domain sendiri, mis. buletin.bawaslu-contoh.go.id (menulis CNAME)",
    "push": "kirim cabang gh-pages ke remote setelah ghp-import",
    "remote": "remote tujuan push (bawaan: origin)",
    "branch": "cabang tujuan (bawaan: gh-pages)",
    "repo": "repositori git tujuan ghp-import (bawaan: proyek ini)",
    "cache": "folder tembolok: build hangat dari build sebelumnya (CI: actions/cache); "
             "bawaan: build dingin",
})
def publish(c, content=CONTENT, output="", siteurl="", domain="", push=False, remote="origin",
            branch="gh-pages", repo="", cache=""):
    """Publish: build with publishconf into a fresh folder, check, then ghp-import to gh-pages."""
    from bawaslu import terbit

    try:
        summary = terbit.terbitkan(
            Path(content), output=Path(output) if output else None, repo=Path(repo) if repo else None,
            branch=branch, push=push, remote=remote, siteurl=siteurl, domain=domain,
            cache=Path(cache) if cache else None)
    except terbit.GagalTerbit as error:
        sys.exit(str(error))
    print(summary)


@task(help={"items": "jumlah item korpus sintetis (60% berita, 40% putusan)",
            "pasangan": "jumlah pasangan build proyek/polos (A B A B)",
            "tanpa_pemanasan": "tanpa pasangan pemanasan",
            "keep": "simpan folder kerja (korpus, keluaran, cache)",
            "seed": "benih acak korpus", "profil": "profilkan build proyek dengan cProfile",
            "tanpa_cari": "juga build proyek tanpa indeks pencarian di tiap pasangan"})
def bench(c, items=10000, pasangan=3, tanpa_pemanasan=False, keep=False, seed=8, profil=False,
          tanpa_cari=False):
    """Benchmark: the project vs plain Pelican, A B A B, on one seeded corpus (prints figures)."""
    flags = f" --pasangan {pasangan}"
    flags += " --tanpa-pemanasan" if tanpa_pemanasan else ""
    flags += " --keep" if keep else ""
    flags += " --profil" if profil else ""
    flags += " --tanpa-cari" if tanpa_cari else ""
    with c.cd(str(HERE)):
        c.run(f"{BIN}/python bench/ukur.py --items {items} --seed {seed}{flags}", pty=False)


@task(help={"path": "berkas catatan penanganan (.md) yang akan disamarkan"})
def samarkan(c, path):
    """Propose an anonymised copy of PATH as PATH-without-.md + .samaran.txt and show the diff."""
    from bawaslu.samarkan import tulis_samaran

    source = Path(path)
    if not source.is_file():
        sys.exit(f'berkas "{path}" tidak ditemukan')
    try:
        target, diff = tulis_samaran(source)
    except FileExistsError as error:
        sys.exit(str(error))
    print(diff or "Tidak ada data pribadi yang ditemukan; salinan sama dengan aslinya.", end="")
    print(f"\nSalinan usulan ditulis ke {target} (berkas asli tidak diubah). Periksa salinannya, "
          f"lalu salin isinya ke {source} bila sudah benar.")
