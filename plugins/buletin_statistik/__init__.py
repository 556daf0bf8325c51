"""Pelican adapter: per-region statistics, region pages and open data.

- ``all_generators_finalized``: the figures of every region are computed once
  (``bawaslu.statistik.hitung``) from the archive built by buletin_konten and put
  in the context as ``statistik`` (the home page shows the national figures).
- ``WilayahGenerator`` writes ``/wilayah/`` (national figures, the map and the
  table of the 38 provinces), a page per region with content and per province,
  the full paginated lists of each region with content
  (``jalur.daftar_wilayah``: ``/wilayah/<slug>/berita/``, ``…/putusan/``, template
  ``wilayah_daftar``, which PAGINATED_TEMPLATES must name), and the data files
  under ``/data/`` (``bawaslu.opendata``): the whole files, the Data Package,
  and each region's slice.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from bawaslu import batas, jalur, opendata
from bawaslu.arsip import Arsip
from bawaslu.peta import peta
from bawaslu.statistik import Rekap, hitung
from bawaslu.wilayah import Wilayah
from pelican import signals
from pelican.generators import Generator, PagesGenerator

TERBARU = 3  # latest news and latest case records shown on a region page
JENIS = ("berita", "putusan")


def _context(generators) -> dict:
    return generators[0].context


def compute(generators) -> None:
    context = _context(generators)
    if "arsip" not in context:
        # Signal receivers run in no fixed order: build the archive first if needed.
        from buletin_konten import build_arsip

        build_arsip(generators)
    arsip: Arsip = context["arsip"]
    context["statistik"] = rekap = hitung(arsip.items, arsip.registry, batas.BATAS)
    # The province map and table: on /wilayah/ and on the home page.
    provinces = arsip.registry.provinces()
    context["banding_provinsi"] = rekap.banding(provinces)
    context["halaman_provinsi"] = {p.kode for p in provinces}  # every province has a page
    context["peta_provinsi"] = peta(context["banding_provinsi"])
    context["BATAS"] = batas.BATAS
    # The limits section of /metodologi/ (theme/templates/_metodologi.html), from the same table.
    context["metodologi_batas"] = batas.halaman_metodologi(
        i.decided.year for i in arsip.putusan if i.decided is not None)
    # The methodology page is linked from the figures when the content has it.
    pages = next((g.pages for g in generators if isinstance(g, PagesGenerator)), [])
    context["halaman_metodologi"] = next((p.url for p in pages if p.slug == "metodologi"), None)


def latest(items, jenis: str, n: int = TERBARU) -> list:
    return list(islice((i for i in items if i.jenis == jenis), n))


def lists_of(items) -> dict[str, list]:
    """A region's items split into news and case records, newest first."""
    out: dict[str, list] = {j: [] for j in JENIS}
    for i in items:
        out[i.jenis].append(i)
    return out


def data_links(w: Wilayah) -> list[tuple[str, str]]:
    """(label, site-relative path) of the data files of a region (its slice) or of the
    whole archive (national)."""
    return [
        ("Catatan penanganan (CSV)", jalur.data_path(f"{opendata.PUTUSAN}.csv", w)),
        ("Catatan penanganan (JSON)", jalur.data_path(f"{opendata.PUTUSAN}.json", w)),
        ("Statistik wilayah (CSV)", jalur.data_path(f"{opendata.STATISTIK}.csv", w)),
        ("Statistik wilayah (JSON)", jalur.data_path(f"{opendata.STATISTIK}.json", w)),
        *([("Keterangan kolom (Data Package JSON)", jalur.data_path("datapackage.json"))]
          if w.is_nasional else []),
    ]


def feed_links(w: Wilayah, arsip: Arsip) -> list[tuple[str, str]]:
    """(label, path) of a region's Atom and RSS feeds; none for a region without content."""
    if not arsip.punya_umpan(w):
        return []
    key = jalur.feed_key_wilayah(w)
    return [(f"Umpan {label} {w.nama}", jalur.feed_path(key, fmt))
            for label, fmt in (("Atom", "atom"), ("RSS", "rss"))]


class WilayahGenerator(Generator):
    """Writes ``/wilayah/``, a page per region with content and per province, and ``/data/``."""

    def generate_output(self, writer):
        arsip: Arsip = self.context["arsip"]
        rekap: Rekap = self.context["statistik"]
        reg = arsip.registry
        pages = {w.kode: w for w in arsip.wilayah_berisi()}
        berisi = set(pages)
        pages.update({w.kode: w for w in reg.provinces()})
        pages.pop(reg.nasional.kode, None)
        self.write_data(arsip, rekap, berisi)

        nasional = reg.nasional
        common = {"relative_urls": self.settings["RELATIVE_URLS"], "nasional": nasional}
        writer.write_file(
            nasional.url + "index.html", self.get_template("wilayah_index"), self.context,
            wilayah=nasional, stat=rekap.nasional, banding=self.context["banding_provinsi"],
            halaman=self.context["halaman_provinsi"], peta=self.context["peta_provinsi"],
            tren=rekap.tren(nasional), jumlah={j: len(getattr(arsip, j)) for j in JENIS},
            berita=arsip.berita[:TERBARU], putusan=arsip.putusan[:TERBARU],
            daftar={j: jalur.daftar_wilayah(nasional, j) for j in JENIS},
            ada_isi=nasional.kode in berisi, data=data_links(nasional),
            umpan=feed_links(nasional, arsip) if nasional.kode in berisi else [], url=nasional.url, **common,
        )
        template = self.get_template("wilayah")
        template_daftar = self.get_template("wilayah_daftar")
        for kode in sorted(pages):
            w = pages[kode]
            lists = lists_of(arsip.of(w))
            ada_isi = kode in berisi
            daftar = {j: jalur.daftar_wilayah(w, j) for j in JENIS if lists[j]}
            writer.write_file(
                f"{w.url}index.html", template, self.context, wilayah=w, stat=rekap.of(w),
                induk=reg.parent(w), banding=rekap.banding(reg.children(w)), halaman=set(pages),
                tren=rekap.tren(w) if w.tingkat == "provinsi" else [],
                berita=lists["berita"][:TERBARU], putusan=lists["putusan"][:TERBARU],
                jumlah={j: len(lists[j]) for j in JENIS}, daftar=daftar, ada_isi=ada_isi,
                data=data_links(w) if ada_isi else [],
                umpan=feed_links(w, arsip), url=w.url, **common,
            )
            for jenis, path in daftar.items():
                writer.write_file(
                    f"{path}index.html", template_daftar, self.context, wilayah=w,
                    jenis=jenis, induk=reg.parent(w), paginated={"articles": lists[jenis]},
                    template_name="wilayah_daftar", url=path, **common,
                )

    def write_data(self, arsip: Arsip, rekap: Rekap, berisi: set[str]) -> None:
        out = Path(self.output_path)
        files = opendata.berkas_data(
            arsip.items, rekap, arsip.registry, self.settings.get("SITEURL", ""),
            jalur.data_path, berisi,
        )
        files.append(opendata.Berkas(
            jalur.data_path("datapackage.json"),
            opendata.datapackage(self.settings.get("SITEURL", ""), self.settings.get("SITENAME", "")),
        ))
        for berkas in files:
            path = out / berkas.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(berkas.text, encoding="utf-8", newline="")


def get_generators(pelican):
    return WilayahGenerator


def register():
    signals.all_generators_finalized.connect(compute)
    signals.get_generators.connect(get_generators)
