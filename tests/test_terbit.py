"""Publishing: `invoke publish` against a local bare repository, and the Pages workflow.

A good build lands on gh-pages with .nojekyll; a content error or a broken link
leaves the branch exactly as it was (the refs are compared).
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bawaslu import terbit
from bawaslu.terbit import cname
from conftest import CASE, NEWS, ROOT, write

INVOKE = str(Path(sys.executable).parent / "invoke")
CASE_PAGE = "putusan/001-reg-tm-pb-kab-03-06-x-2024/"
DEFAULT_SITE = "https://bawaslu.github.io/buletin"


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def env_for_git():
    env = {k: v for k, v in os.environ.items() if k not in ("SITEURL", "BULETIN_DOMAIN")}
    for who in ("AUTHOR", "COMMITTER"):
        env[f"GIT_{who}_NAME"] = "Uji Terbit"
        env[f"GIT_{who}_EMAIL"] = "uji@bawaslu-contoh.go.id"
    return env


def publish(*args):
    return subprocess.run([INVOKE, "-r", str(ROOT), "publish", *args], cwd=ROOT,
                          capture_output=True, text=True, env=env_for_git(), check=False)


@pytest.fixture
def repos(tmp_path):
    """A bare repository (the office's GitHub, offline) and a clone with a main branch."""
    bare, clone = tmp_path / "remote.git", tmp_path / "kantor"
    git("init", "-q", "--bare", "-b", "main", str(bare), cwd=tmp_path)
    git("clone", "-q", str(bare), str(clone), cwd=tmp_path)
    (clone / "README.md").write_text("buletin\n")
    git("add", "README.md", cwd=clone)
    subprocess.run(["git", "commit", "-q", "-m", "awal"], cwd=clone, check=True, env=env_for_git())
    git("push", "-q", "origin", "main", cwd=clone)
    return bare, clone


def refs(repo):
    return git("for-each-ref", "--format=%(refname) %(objectname)", cwd=repo)


def branch_files(bare):
    return set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=bare).split())


def test_good_build_lands_on_gh_pages_with_nojekyll(site, repos):
    bare, clone = repos
    result = publish("--content", str(site), "--repo", str(clone), "--push")
    assert result.returncode == 0, result.stderr
    assert "diterbitkan ke origin/gh-pages" in result.stdout
    files = branch_files(bare)
    for name in (".nojekyll", "index.html", "sitemap.xml", "robots.txt", "cari/index.html",
                 "pagefind/pagefind-entry.json", CASE_PAGE + "index.html"):
        assert name in files, name
    assert "CNAME" not in files  # a *.github.io address needs none
    robots = git("show", "gh-pages:robots.txt", cwd=bare)
    assert f"Sitemap: {DEFAULT_SITE}/sitemap.xml" in robots
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=bare).startswith("Terbitkan " + DEFAULT_SITE)
    assert "gh-pages" not in git("branch", "--show-current", cwd=clone)  # work tree untouched


def test_custom_domain_writes_cname_and_absolute_urls(site, repos):
    bare, clone = repos
    result = publish("--content", str(site), "--repo", str(clone), "--push",
                     "--domain", "buletin.bawaslu-contoh.go.id")
    assert result.returncode == 0, result.stderr
    assert git("show", "gh-pages:CNAME", cwd=bare).strip() == "buletin.bawaslu-contoh.go.id"
    page = git("show", f"gh-pages:{CASE_PAGE}index.html", cwd=bare)
    assert f'<link rel="canonical" href="https://buletin.bawaslu-contoh.go.id/{CASE_PAGE}">' in page


@pytest.mark.parametrize("broken, message", [
    # A content error: a misspelt region.
    ("putusan/rusak.md", "Region"),
    # A broken internal link in an otherwise valid item: caught by the site checks.
    ("berita/tautan.md", "tautan rusak"),
])
def test_failed_build_leaves_gh_pages_untouched(site, repos, broken, message):
    bare, clone = repos
    assert publish("--content", str(site), "--repo", str(clone), "--push").returncode == 0
    before = (refs(bare), refs(clone))
    if broken.startswith("putusan"):
        write(site, broken, CASE.replace("Region: 13.06", "Region: Kabupaten Agamm")
              .replace("001/Reg", "009/Reg"))
    else:
        write(site, broken, NEWS.replace("Paragraf kedua.", "Lihat [laporan](/tidak-ada/).")
              .replace("Sosialisasi Pengawasan", "Sosialisasi Lain"))
    result = publish("--content", str(site), "--repo", str(clone), "--push")
    assert result.returncode != 0
    assert message in result.stderr
    assert "tidak ada yang diterbitkan" in result.stderr
    assert (refs(bare), refs(clone)) == before


def test_output_folder_for_github_actions_is_fresh_and_complete(site, tmp_path):
    out = tmp_path / "_site"
    (out / "lama").mkdir(parents=True)
    (out / "lama" / "basi.html").write_text("sisa terbitan lama")
    result = publish("--content", str(site), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert not (out / "lama").exists()
    assert (out / ".nojekyll").is_file() and not (out / "CNAME").exists()
    sitemap = (out / "sitemap.xml").read_text()
    assert f"<loc>{DEFAULT_SITE}/{CASE_PAGE}</loc>" in sitemap
    assert "404.html" not in sitemap and "robots.txt" not in sitemap
    assert "<lastmod>2024-10-20T00:00:00+07:00</lastmod>" in sitemap  # from content, not the clock
    page = (out / CASE_PAGE / "index.html").read_text()
    assert f'<link rel="canonical" href="{DEFAULT_SITE}/{CASE_PAGE}">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:title" content="Dugaan Ketidaknetralan ASN di Agam">' in page
    assert '<meta property="og:locale" content="id_ID">' in page
    assert f'href="{DEFAULT_SITE}/wilayah/kabupaten-agam/"' in page


def test_cname_only_for_a_custom_domain():
    assert cname("https://bawaslu.github.io/buletin") is None
    assert cname("http://127.0.0.1:8000") is None
    assert cname("https://buletin.bawaslu-contoh.go.id") == "buletin.bawaslu-contoh.go.id"


def test_local_build_has_no_absolute_canonical(site, tmp_path):
    from conftest import run_pelican

    out = tmp_path / "lokal"
    assert run_pelican(site, out).returncode == 0
    assert 'rel="canonical"' not in (out / CASE_PAGE / "index.html").read_text()


WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def steps_using(job, action):
    return [s for s in job["steps"] if s.get("uses", "").startswith(action + "@")]


def test_workflow_tests_every_change_and_deploys_main_only():
    wf = yaml.safe_load(WORKFLOW.read_text())
    triggers = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    assert wf["permissions"] == {"contents": "read"}
    jobs = wf["jobs"]
    assert set(jobs) == {"konten", "test", "build", "deploy"}
    assert all(job.get("name") and all(s.get("name") for s in job["steps"]) for job in jobs.values())

    test = jobs["test"]
    assert steps_using(test, "actions/checkout") and steps_using(test, "actions/setup-python")
    assert any(s.get("run") == "make test" for s in test["steps"])

    build = jobs["build"]
    assert build["needs"] == "test" and "write" not in build["permissions"].values()
    configure = steps_using(build, "actions/configure-pages")[0]
    publish_step = next(s for s in build["steps"] if "invoke publish" in s.get("run", ""))
    assert "--output _site" in publish_step["run"]
    assert publish_step["env"]["SITEURL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    upload = steps_using(build, "actions/upload-pages-artifact")[0]
    assert upload["with"]["path"] == "_site" and upload["with"]["include-hidden-files"] is True
    main_only = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    assert configure["if"] == main_only and upload["if"] == main_only

    deploy = jobs["deploy"]
    assert deploy["needs"] == "build" and deploy["if"] == main_only
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["group"] == "pages"
    assert steps_using(deploy, "actions/deploy-pages")


def test_publishing_refuses_a_site_missing_a_search_bundle_its_search_page_loads(tmp_path):
    out = tmp_path / "situs"
    (out / "cari").mkdir(parents=True)
    (out / "cari/index.html").write_text(
        '<form id="cari" data-pagefind="https://contoh.id/buletin/pagefind/pagefind.js" '
        'data-gabung="https://contoh.id/buletin/pagefind-2/ https://contoh.id/buletin/pagefind-3/">',
        encoding="utf-8")
    for folder in ("pagefind", "pagefind-2"):
        (out / folder).mkdir()
        (out / folder / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    problems = terbit.check_site(out, "https://contoh.id/buletin")
    assert "pagefind-3/: indeks pencarian tidak ada" in problems
    assert not any(p.startswith(("pagefind/", "pagefind-2/")) for p in problems)
