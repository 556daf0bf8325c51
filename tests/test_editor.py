"""The content editor at /admin/ (issue 15): its configuration is the schema, its
file format is the contract's header, and a case record written through the form
in a real browser passes the check and builds; a NIK in it is refused.

The browser test builds a small site, starts ``decap-server`` (npm) on 127.0.0.1
over a temporary project folder, points the built /admin/ at it, and fills the
form in Debian chromium; both are stopped by the test.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import gates
import pytest
from bawaslu import editor, konten, skema
from bawaslu.wilayah import registry
from conftest import NEWS, ROOT, run_pelican, write
from hypothesis import given, settings
from hypothesis import strategies as st

NODE_MODULES = ROOT / "node_modules"
DECAP_SERVER = NODE_MODULES / "decap-server" / "dist" / "index.js"
FORMAT_JS = ROOT / "theme" / "admin" / "buletin.js"
DOC_SHOTS = ROOT / "docs" / "gambar"


def config() -> dict:
    text = editor.KONFIGURASI.read_text(encoding="utf-8")
    assert text.startswith(editor.HEADER_YML)
    return json.loads(text[len(editor.HEADER_YML):])


def fields(jenis: str) -> dict[str, dict]:
    collection = next(c for c in config()["collections"] if c["name"] == jenis)
    return {f["name"]: f for f in collection["fields"]}


# --- the configuration is the schema --------------------------------------------

def test_committed_config_is_what_the_schema_gives():
    repo, branch, oauth = editor.repo_konfigurasi()
    assert editor.KONFIGURASI.read_text(encoding="utf-8") == editor.teks_konfigurasi(
        repo=repo, cabang=branch, oauth=oauth), "jalankan: invoke editor"
    assert editor.KUNCI_JS.read_text(encoding="utf-8") == editor.teks_kunci_js(), \
        "jalankan: invoke editor"


@pytest.mark.parametrize("jenis", ["berita", "putusan"])
def test_every_key_of_the_contract_is_a_field_with_its_label_and_hint(jenis):
    got = fields(jenis)
    for k in skema.kunci_untuk(jenis):
        f = got.pop(k.lower)
        assert f["label"] == k.label
        assert k.petunjuk[1:] in f["hint"]
        assert f["required"] == (jenis in k.wajib)
        if k.kosakata:
            assert [o["value"] for o in f["options"]] == list(k.kosakata)
    assert list(got) == ["body"], "bidang penyunting yang bukan kunci kontrak"


def test_a_key_added_to_the_schema_and_not_to_the_editor_fails(monkeypatch):
    new = skema.Kunci("Witness-Count", skema.PUTUSAN, "teks", "Jumlah saksi", "jumlah saksi")
    monkeypatch.setattr(skema, "KUNCI", skema.KUNCI + (new,))
    monkeypatch.setattr(editor, "KUNCI", skema.KUNCI)
    assert "witness-count" in editor.teks_konfigurasi()
    repo, branch, oauth = editor.repo_konfigurasi()
    assert editor.KONFIGURASI.read_text(encoding="utf-8") != editor.teks_konfigurasi(
        repo=repo, cabang=branch, oauth=oauth)


def test_sign_in_helper_and_repository_are_settings_and_nothing_secret_is_written():
    cfg = editor.konfigurasi(repo="bawaslu-contoh/buletin", oauth="https://oauth.contoh.id/")
    assert cfg["backend"]["repo"] == "bawaslu-contoh/buletin"
    assert cfg["backend"]["base_url"] == "https://oauth.contoh.id"
    assert cfg["publish_mode"] == "editorial_workflow"
    text = editor.KONFIGURASI.read_text(encoding="utf-8").lower()
    assert not any(word in text for word in ("secret", "token", "client_id", "password"))


def test_widgets_follow_the_kind_of_value():
    f = fields("putusan")
    assert f["outcome"]["widget"] == "select"
    assert f["forwarded-to"]["widget"] == "diteruskan" and f["forwarded-to"]["multiple"]
    assert f["received"]["widget"] == "datetime" and f["received"]["format"] == "YYYY-MM-DD"
    assert f["received"]["time_format"] is False
    assert f["date"]["format"] == "YYYY-MM-DD HH:mm"
    assert f["image-alt"]["widget"] == "teks-gambar"
    regions = [o["value"] for o in f["region"]["options"]]
    assert len(regions) == 553 and regions[0] == "nasional"
    assert "Kota Bukittinggi" in regions


def decap_segment(value: str) -> str:
    """What Decap makes of a path segment (prepareSlug + sanitizeSlug, ascii, "-")."""
    import re

    text = value.strip().lower().replace("'", "").replace(".", "-")
    text = re.sub(r"[^A-Za-z0-9\-_.~]", "-", text)
    return re.sub(r"-+", "-", text).strip("-")


def test_the_editor_writes_into_the_office_folder_of_the_chosen_region():
    reg = registry()
    for option in fields("berita")["region"]["options"]:
        w = reg.resolve(option["value"])
        assert w is not None, option
        assert decap_segment(option["value"]) == w.slug, option
    for c in config()["collections"]:
        assert c["path"] == "{{region}}/{{slug}}"


# --- the file format, run by Node as the browser runs it ----------------------------

@pytest.fixture(scope="module")
def node_format():
    if not shutil.which("node"):
        pytest.skip("node tidak terpasang")
    script = ("const f = require(process.argv[1]); const rl = require('readline')"
              ".createInterface({input: process.stdin});"
              "rl.on('line', l => { const q = JSON.parse(l);"
              " const r = q.op === 'to' ? f.toFile(q.data) : f.fromFile(q.text);"
              " process.stdout.write(JSON.stringify(r) + '\\n'); });")
    proc = subprocess.Popen(["node", "-e", script, str(FORMAT_JS)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)

    def call(**query):
        proc.stdin.write(json.dumps(query) + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())

    yield call
    proc.stdin.close()
    proc.wait(timeout=10)


CASE_DATA = {
    "title": "Dugaan Ketidaknetralan Kepala Desa Fiktif",
    "date": "2024-11-20 10:00", "region": "Kota Bukittinggi",
    "register": "007/Reg/LP/PB/Kota/13.75/XI/2024", "election": "pilkada-2024",
    "source": "laporan", "violation": "hukum-lainnya", "subject": "kepala-desa",
    "received": "2024-11-04", "outcome": "dalam-proses", "forwarded-to": ["kpu"],
    "tags": ["netralitas", "pilkada-2024"], "summary": "Baris satu.\n\nBaris dua.",
    "image-alt": "tidak ada gambar", "body": "Terlapor, kepala desa berinisial AB, diduga hadir.\n",
}


def test_format_writes_the_contract_header(node_format):
    text = node_format(op="to", data=CASE_DATA)
    assert text == (
        "Title: Dugaan Ketidaknetralan Kepala Desa Fiktif\n"
        "Date: 2024-11-20 10:00\n"
        "Region: Kota Bukittinggi\n"
        "Register: 007/Reg/LP/PB/Kota/13.75/XI/2024\n"
        "Election: pilkada-2024\n"
        "Source: laporan\n"
        "Violation: hukum-lainnya\n"
        "Subject: kepala-desa\n"
        "Received: 2024-11-04\n"
        "Outcome: dalam-proses\n"
        "Tags: netralitas, pilkada-2024\n"
        "Summary: Baris satu.\n"
        "    Baris dua.\n"
        "\n"
        "Terlapor, kepala desa berinisial AB, diduga hadir.\n")
    # Forwarded-To only with "diteruskan", Image-Alt only with an Image: the check agrees.
    item = skema.baca(text.encode(), "putusan/kota-bukittinggi/x.md", "x.md",
                      skema.Konteks(registry(), hari_ini=None))
    assert not isinstance(item, list), item


def test_format_reads_what_staff_wrote_by_hand(node_format):
    text = (ROOT / "content").joinpath(
        *konten.content_files(ROOT / "content")[0].split("/")).read_text(encoding="utf-8")
    data = node_format(op="from", text=text)
    b = skema.pisah("x", "x", text)
    for key, v in b.meta.items():
        k = skema.BY_KEY[key]
        if k.bentuk not in ("daftar", "pilihan-banyak", "wilayah"):
            assert data[key] == v.teks
    assert data["body"] == b.body
    assert node_format(op="from", text="Region: 13.75\n\nx")["region"] == "Kota Bukittinggi"


# Anything a person may type or paste into a one-line field (line separators included;
# control characters and the BOM are refused by the check whichever way they are written).
_chars = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff")
_line = st.text(_chars, max_size=40)


def _squash(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(title=_line, location=_line, summary=st.lists(_line, max_size=3),
       tags=st.lists(_line, max_size=4), body=st.text(st.characters(
           codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufeff"), max_size=80))
def test_format_round_trips_and_never_breaks_the_header(node_format, title, location, summary,
                                                         tags, body):
    data = {"title": title, "location": location, "summary": "\n".join(summary), "tags": tags,
            "body": body}
    text = node_format(op="to", data=data)
    b = skema.pisah("x", "x", text)
    assert not b.masalah, (text, b.masalah)
    assert set(b.meta) <= {"title", "location", "summary", "tags"}
    for key, value in (("Title", title), ("Location", location)):
        assert _squash(b.value(key)) == _squash(value)  # every letter kept, on one line
    assert [_squash(t) for t in skema.split_list(b.value("Tags"))] == [
        _squash(t.replace(",", " ")) for t in tags if t.replace(",", " ").strip()]
    assert _squash(b.body) == _squash(body)
    again = node_format(op="to", data=node_format(op="from", text=text))
    assert again == text


# --- the built /admin/ page ------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("editor")
    content = root / "content"
    write(content, "berita/kota-bukittinggi/sosialisasi.md", NEWS)
    out = root / "out"
    result = run_pelican(content, out)
    assert result.returncode == 0, result.stderr
    return root, out


def test_admin_page_is_for_staff_only(built):
    _, out = built
    page = (out / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert "data-pagefind-body" not in page
    assert (out / "admin" / "config.yml").read_bytes() == editor.KONFIGURASI.read_bytes()
    if (editor.DECAP_DIST / editor.DECAP_JS).is_file():
        assert (out / "admin" / "decap-cms.js").stat().st_size > 1_000_000
    # Decap is loaded by /admin/ only: no other page names it.
    others = [p for p in out.rglob("*.html") if "admin" not in p.relative_to(out).parts]
    assert others and not [p for p in others if "decap" in p.read_text(encoding="utf-8")]


def test_without_node_modules_the_site_builds_and_admin_says_what_to_do(tmp_path):
    from bawaslu.periksa import tautan_rusak

    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "berita/kota-bukittinggi/sosialisasi.md", NEWS)
    conf = tmp_path / "tanpa_decap.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
                    f"PENYUNTING_DECAP_DIST = {str(tmp_path / 'tidak-ada')!r}\n")
    result = run_pelican(content, out, conf=str(conf))
    assert result.returncode == 0, result.stderr
    assert "ci/install-test-tools.sh" in result.stdout + result.stderr  # the build says so
    page = (out / "admin" / "index.html").read_text(encoding="utf-8")
    assert "decap-cms.js" not in page and not (out / "admin" / "decap-cms.js").exists()
    assert [p for p in tautan_rusak(out) if p.startswith("admin/")] == []
    assert "ci/install-test-tools.sh" in FORMAT_JS.read_text(encoding="utf-8")  # /admin/ says so


def test_admin_is_not_in_the_sitemap(tmp_path):
    content = tmp_path / "content"
    write(content, "berita/kota-bukittinggi/sosialisasi.md", NEWS)
    result = run_pelican(content, tmp_path / "out", conf="publishconf.py")
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/berita/" in sitemap and "/admin" not in sitemap


# --- in the browser, against decap-server ---------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cms(built):
    gates.require("chromium", "chromedriver")
    if not DECAP_SERVER.is_file() or not (editor.DECAP_DIST / editor.DECAP_JS).is_file():
        message = f"decap-cms/decap-server tidak ada; {gates.INSTALL}"
        if gates.in_ci():
            pytest.fail(message)
        pytest.skip(message)
    root, out = built
    port = free_port()
    cfg = config()
    cfg["local_backend"] = {"url": f"http://127.0.0.1:{port}/api/v1"}
    (out / "admin" / "config.yml").write_text(json.dumps(cfg), encoding="utf-8")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    server = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"decap-server tidak berjalan: {server.stderr.read()}")
                time.sleep(0.2)
        with gates.Browser(out) as b:
            b.backend = f"http://127.0.0.1:{port}/"
            yield b, root
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_for(driver, xpath: str, timeout: float = 30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(lambda d: d.find_element(By.XPATH, xpath))


def set_value(driver, element, value: str) -> None:
    """Type into a React-controlled native input (date pickers) as a person's input would."""
    driver.execute_script(
        "const [e, v] = arguments; const proto = e.tagName === 'TEXTAREA'"
        " ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;"
        " Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, v);"
        " e.dispatchEvent(new Event('input', {bubbles: true}));"
        " e.dispatchEvent(new Event('change', {bubbles: true}));", element, value)


def field_input(driver, name: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, f"[id^='{name}-field-']")


def choose(driver, name: str, typed: str) -> None:
    """A searchable select: type part of the label, take the first match."""
    from selenium.webdriver.common.keys import Keys

    box = field_input(driver, name)
    box.send_keys(typed)
    time.sleep(0.3)
    box.send_keys(Keys.ENTER)


def write_body(driver, text: str) -> None:
    """The body, typed into the Markdown editor as a person types (old text replaced)."""
    from selenium.webdriver.common.keys import Keys

    box = wait_for(driver, "//*[@contenteditable='true']")
    box.click()
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(text)


def publish(driver) -> None:
    from selenium.webdriver.common.keys import Keys

    # Decap's publish menu (react-aria-menubutton) opens from the keyboard.
    wait_for(driver, "//span[@role='button'][normalize-space()='Terbitkan']").send_keys(Keys.ENTER)
    wait_for(driver, "//*[@role='menuitem'][normalize-space()='Terbitkan sekarang']").click()
    # Saved: Decap shows the entry's published state (the test then reads the file).
    wait_for(driver, "//*[normalize-space()='Terbit' or normalize-space()='Perubahan tersimpan']")


def shot(driver, name: str) -> None:
    """Screenshots for the staff guide, only when asked: BULETIN_GAMBAR_PANDUAN=1."""
    if os.environ.get("BULETIN_GAMBAR_PANDUAN"):
        DOC_SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(DOC_SHOTS / name))


def sign_in(b) -> None:
    """Open /admin/ and sign in to the local backend, unless already signed in."""
    d = b.driver
    d.get(b.url("admin/"))
    first = wait_for(
        d, "//button[normalize-space()='Masuk'] | //*[normalize-space()='Jenis konten']", 60)
    if first.tag_name == "button":
        shot(d, "penyunting-masuk.png")
        first.click()
    wait_for(d, "//*[contains(normalize-space(), 'Sosialisasi Pengawasan Partisipatif')]")


def check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_editor_loads_nothing_from_another_host(cms):
    b, _ = cms
    # Decap and its chunks come from the site itself; the only other address it talks
    # to here is the local backend (on GitHub Pages: GitHub's API and the OAuth helper).
    seen = b.requests_elsewhere("admin/")
    assert any(b.backend in p for p in seen), "Decap did not start (it looks for its backend)"
    assert [p for p in seen if b.backend not in p] == []


CASE_FILE = "content/putusan/kota-bukittinggi/007-reg-lp-pb-kota-13-75-xi-2024.md"
NIK = "1371014509870002"  # invented: 16 digits in the shape of a NIK


def test_a_case_record_written_in_the_editor_passes_the_check_and_builds(cms):
    b, root = cms
    d = b.driver
    d.set_window_size(1100, 800)
    sign_in(b)
    shot(d, "penyunting-daftar.png")
    d.get(b.url("admin/#/collections/putusan/new"))
    title = wait_for(d, "//input[starts-with(@id, 'title-field-')]")
    title.send_keys("Dugaan Ketidaknetralan Kepala Desa Fiktif")
    set_value(d, field_input(d, "date"), "2024-11-20T10:00")
    choose(d, "region", "Kota Bukittinggi")
    field_input(d, "register").send_keys("007/Reg/LP/PB/Kota/13.75/XI/2024")
    field_input(d, "election").send_keys("pilkada-2024")
    choose(d, "source", "Laporan")
    choose(d, "violation", "Hukum Lainnya")
    choose(d, "subject", "Kepala Desa")
    set_value(d, field_input(d, "received"), "2024-11-04")
    choose(d, "outcome", "Dalam Proses")
    write_body(d, "Terlapor, seorang kepala desa berinisial AB, diduga hadir dalam kampanye.\n")
    shot(d, "penyunting-formulir.png")
    publish(d)
    shot(d, "penyunting-tersimpan.png")

    written = root / CASE_FILE
    deadline = time.monotonic() + 20
    while not written.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    text = written.read_text(encoding="utf-8")
    assert text.startswith("Title: Dugaan Ketidaknetralan Kepala Desa Fiktif\n"
                           "Date: 2024-11-20 10:00\nRegion: Kota Bukittinggi\n"), text
    assert "\n\nTerlapor, seorang kepala desa berinisial AB" in text
    result = check(root / "content")
    assert result.returncode == 0, result.stderr
    out = root / "out-baru"
    build = run_pelican(root / "content", out)
    assert build.returncode == 0, build.stderr
    page = out / "putusan" / "007-reg-lp-pb-kota-13-75-xi-2024" / "index.html"
    assert "Dugaan Ketidaknetralan Kepala Desa Fiktif" in page.read_text(encoding="utf-8")

    # The same record with a NIK in the body: the check refuses it with the guard's message.
    d.get(b.url("admin/#/collections/putusan/entries/"
                "kota-bukittinggi/007-reg-lp-pb-kota-13-75-xi-2024"))
    write_body(d, f"Terlapor, seorang kepala desa berinisial AB, NIK {NIK}, diduga hadir.\n")
    publish(d)
    deadline = time.monotonic() + 20
    while NIK not in written.read_text(encoding="utf-8") and time.monotonic() < deadline:
        time.sleep(0.2)
    result = check(root / "content")
    assert result.returncode != 0
    line = next(i for i, t in enumerate(written.read_text(encoding="utf-8").splitlines(), 1)
                if NIK in t)
    shown = os.path.relpath(written, ROOT)
    assert f"{shown}:{line}: kemungkinan data pribadi (NIK)" in result.stderr, result.stderr


def test_forwarded_to_appears_and_is_required_only_when_the_outcome_is_diteruskan(cms):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    b, _ = cms
    d = b.driver
    sign_in(b)
    d.get(b.url("admin/#/collections/putusan/new"))
    wait_for(d, "//input[starts-with(@id, 'title-field-')]", 60).send_keys("Uji Diteruskan Fiktif")
    assert not d.find_elements(By.CSS_SELECTOR, "[id^='forwarded-to-field-'] input, "
                                                "input[id^='forwarded-to-field-']")
    assert d.find_elements(By.XPATH,
                           "//*[normalize-space()='Diisi hanya bila Status \"Diteruskan\".']")
    choose(d, "outcome", "Diteruskan")
    box = wait_for(d, "//input[starts-with(@id, 'forwarded-to-field-')]")
    # Saving without it is refused, with the widget's own message.
    wait_for(d, "//span[@role='button'][normalize-space()='Terbitkan']").send_keys(Keys.ENTER)
    wait_for(d, "//*[@role='menuitem'][normalize-space()='Terbitkan sekarang']").click()
    wait_for(d, "//*[contains(., 'Wajib diisi karena Status \"Diteruskan\"')]")
    # Once chosen, the select takes the value like the stock one.
    box.send_keys("KPU")
    time.sleep(0.3)
    box.send_keys(Keys.ENTER)
    assert wait_for(d, "//div[normalize-space()='KPU']")


def test_image_alt_is_required_once_an_image_is_chosen(cms):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    b, root = cms
    d = b.driver
    sign_in(b)
    d.get(b.url("admin/#/collections/berita/new"))
    wait_for(d, "//input[starts-with(@id, 'title-field-')]", 60).send_keys("Uji Gambar Fiktif")
    picture = root / "gambar-uji.png"
    picture.write_bytes((ROOT / "docs" / "gambar" / "penyunting-masuk.png").read_bytes())
    wait_for(d, "//button[normalize-space()='Pilih gambar']").click()
    upload = wait_for(d, "//input[@type='file']")
    upload.send_keys(str(picture))
    wait_for(d, "//*[normalize-space()='gambar-uji.png']")  # uploaded, and selected
    wait_for(d, "//button[normalize-space()='Pakai gambar ini']").click()
    wait_for(d, "//span[@role='button'][normalize-space()='Terbitkan']").send_keys(Keys.ENTER)
    wait_for(d, "//*[@role='menuitem'][normalize-space()='Terbitkan sekarang']").click()
    wait_for(d, "//*[contains(., 'Wajib diisi karena Gambar diisi')]")
    assert d.find_elements(By.XPATH, "//input[starts-with(@id, 'image-alt-field-')]")
    # With the text, the news item saves: the image lands in content/gambar/ and the
    # file names it as the contract does; the check passes.
    field_input(d, "image-alt").send_keys("Tangkapan layar halaman masuk penyunting (contoh)")
    set_value(d, field_input(d, "date"), "2024-11-21T09:00")
    choose(d, "region", "Kota Bukittinggi")
    choose(d, "activity", "Sosialisasi")
    write_body(d, "Berita fiktif dengan gambar.\n")
    publish(d)
    written = root / "content/berita/kota-bukittinggi/2024-11-21-uji-gambar-fiktif.md"
    deadline = time.monotonic() + 20
    while not written.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    text = written.read_text(encoding="utf-8")
    assert "\nImage: gambar/gambar-uji.png\nImage-Alt: Tangkapan layar" in text, text
    assert (root / "content/gambar/gambar-uji.png").is_file()
    alone = root / "cek-gambar"  # without the case record other tests left with a NIK
    for part in ("berita", "gambar"):
        shutil.copytree(root / "content" / part, alone / part, dirs_exist_ok=True)
    result = check(alone)
    assert result.returncode == 0, result.stderr
