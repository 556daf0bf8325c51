"""A listed item's markup is made once per build (bawaslu.sekali) and is the same on
every list page it is on."""

import re
from types import SimpleNamespace

from bawaslu.sekali import sekali
from jinja2 import Environment

LIST = ('{% macro entri(item, level) %}{{ hitung(item.title) }}<li><h{{ level }}>{{ item.title }}'
        '</h{{ level }}> {{ SITEURL }}</li>{% endmacro %}'
        '{% for item in items %}{{ sekali(entri, item, level) }}{% endfor %}')


def environment(calls):
    env = Environment(autoescape=True)
    env.globals.update(sekali=sekali, hitung=lambda title: calls.append(title) or "")
    return env


def test_an_entry_is_made_once_per_build_for_the_same_item_and_level():
    calls = []
    page = environment(calls).from_string(LIST)
    a, b = SimpleNamespace(title="Patroli <Desa>"), SimpleNamespace(title="Rapat")
    assert page.render(items=[a, b], level=2, SITEURL="") == \
        "<li><h2>Patroli &lt;Desa&gt;</h2> </li><li><h2>Rapat</h2> </li>"
    assert page.render(items=[b, a], level=2, SITEURL="") == \
        "<li><h2>Rapat</h2> </li><li><h2>Patroli &lt;Desa&gt;</h2> </li>"
    assert calls == ["Patroli <Desa>", "Rapat"]  # the second list made nothing again
    assert page.render(items=[a], level=3, SITEURL="") == "<li><h3>Patroli &lt;Desa&gt;</h3> </li>"
    assert page.render(items=[a], level=2, SITEURL="https://contoh.github.io/buletin") == \
        "<li><h2>Patroli &lt;Desa&gt;</h2> https://contoh.github.io/buletin</li>"
    assert calls == ["Patroli <Desa>", "Rapat", "Patroli <Desa>", "Patroli <Desa>"]


def test_the_next_build_shows_an_edited_item_as_it_is_now():
    # Pelican makes its Jinja environments anew for each build (also for each rebuild of
    # `make serve`): nothing made in one build is shown by the next.
    calls = []
    item = SimpleNamespace(title="Judul lama")
    assert environment(calls).from_string(LIST).render(items=[item], level=2, SITEURL="") == \
        "<li><h2>Judul lama</h2> </li>"
    item.title = "Judul baru"
    assert environment(calls).from_string(LIST).render(items=[item], level=2, SITEURL="") == \
        "<li><h2>Judul baru</h2> </li>"


ENTRY = re.compile(r'<li>\n<p class="jenis">.*?</li>', re.DOTALL)
LINK = re.compile(r'<h(\d)><a href="([^"]+)">')


def test_an_item_is_listed_the_same_way_on_every_list_page(situs):
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    shown: dict[tuple[str, str], int] = {}
    pages = 0
    for page in sorted(situs.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r'<ul class="daftar">.*?</ul>', text, re.DOTALL):
            pages += 1
            for entry in ENTRY.findall(block):
                level, href = LINK.search(entry).groups()
                assert level == ("3" if page == situs / "index.html" else "2"), f"{href} di {page}"
                first = seen.setdefault((level, href), (entry, str(page.relative_to(situs))))
                shown[level, href] = shown.get((level, href), 0) + 1
                assert entry == first[0], f"{href} tampil berbeda di {page} dan {first[1]}"
    assert pages > 10 and len(seen) > 10
    assert max(shown.values()) >= 4  # its section, topics, region and province at least
    assert {level for level, _ in seen} == {"2", "3"}  # list pages and the home page


def test_the_generators_of_one_build_share_what_was_made():
    # Each Pelican generator has its own Jinja environment; buletin_cepat gives those of
    # one build one memo (an item on a region page and on a topic page is made once).
    from bawaslu.sekali import berbagi

    calls, build, next_build = [], {}, {}
    item = SimpleNamespace(title="Rapat koordinasi")
    regions, topics, later = environment(calls), environment(calls), environment(calls)
    berbagi(regions, build)
    berbagi(topics, build)
    berbagi(later, next_build)
    for env in (regions, topics, later):
        assert env.from_string(LIST).render(items=[item], level=2, SITEURL="") == \
            "<li><h2>Rapat koordinasi</h2> </li>"
    assert calls == ["Rapat koordinasi", "Rapat koordinasi"]  # once per build


def test_the_menu_marks_the_page_shown_and_every_page_has_the_same_header_and_footer(situs):
    # The header and footer are made once per build (base.html through sekali): the menu
    # item of the page itself is still marked, on that page only.
    menu = re.compile(r'<nav aria-label="Menu utama">.*?</nav>', re.DOTALL)
    footer = re.compile(r'<footer class="situs">.*?</footer>', re.DOTALL)
    marked, footers, plain = {}, set(), set()
    for page in sorted(situs.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'class="lewati"' not in text:
            continue  # not a site page (e.g. the editor)
        nav = menu.search(text).group(0)
        footers.add(footer.search(text).group(0))
        current = re.findall(r'<a href="([^"]*)" aria-current="page">', nav)
        address = "/" + page.relative_to(situs).as_posix().removesuffix("index.html")
        if current:
            assert current == [address], f"{page}: menu menandai {current}"
            marked[address] = nav
        else:
            plain.add(nav)
    assert {"/berita/", "/putusan/", "/cari/"} <= set(marked)
    assert len(plain) == 1 and len(footers) == 1
    for address, nav in marked.items():  # the same menu but for that one item
        assert nav.replace(' aria-current="page"', "") in plain
