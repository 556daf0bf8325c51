"""Pelican settings for the Bawaslu transparency bulletin (local preview and tests).

publishconf.py extends these for the published site.
"""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

from bawaslu import kosakata  # noqa: E402
from bawaslu.tanggal import bulan, tanggal  # noqa: E402

SITENAME = "Buletin Transparansi Bawaslu"
SITESUBTITLE = "Kegiatan pengawasan dan penanganan pelanggaran pemilu dan pemilihan"
SITEURL = ""
RELATIVE_URLS = False
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"

PATH = "content"
ARTICLE_PATHS = ["berita", "putusan"]
PAGE_PATHS = ["halaman"]
STATIC_PATHS = ["gambar"]
READERS = {"rst": None, "html": None}  # staff write Markdown only
# The top folder is the item's type; the reader (buletin_konten) makes it the category
# (/berita/, /putusan/): Pelican matches no path pattern per file.
PATH_METADATA = ""
FILENAME_METADATA = ""  # the schema reads the dates; no file name is parsed for one
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "lainnya"

THEME = str(HERE / "theme")
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["buletin_tembolok"]  # cache key: code, theme, settings (bawaslu/tembolok.py)
PLUGINS += ["buletin_konten"]  # the schema's reader; unsafe files and HTML refused (issue 12)
PLUGINS += ["buletin_umpan"]  # feeds, OPML and the /feeds/ page
PLUGINS += ["buletin_statistik"]
PLUGINS += ["buletin_cepat"]  # speed-ups for large archives (issue 8, bench/PROFIL.md)

# URLs. Items get theirs from the buletin_konten plugin (one place: bawaslu.skema.item_url).
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_SAVE_AS = "topik/index.html"
DIRECT_TEMPLATES = ["index", "tags", "404"]
PAGINATED_TEMPLATES = {"category": None, "tag": None, "wilayah_daftar": None}  # wilayah_daftar: buletin_statistik
DEFAULT_PAGINATION = 20
# Directory pagination: /berita/page/2/ (never "{name}{number}", see DESIGN.md).
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
# Not published: author pages, archives, category index, drafts.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
SUMMARY_MAX_LENGTH = None

# Pelican's own feeds are off: the buletin feeds plugin writes one set of feeds.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Markdown (issue 12): the parts of "extra" minus attr_list, which let any attribute
# ({: onclick=...}) into the page; headings get their ids from toc instead. What these
# produce is exactly the HTML allowlist of bawaslu.bersih (see docs/panduan-penulisan.md).
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.abbr": {},
        "markdown.extensions.def_list": {},
        "markdown.extensions.fenced_code": {},
        "markdown.extensions.footnotes": {},
        "markdown.extensions.md_in_html": {},
        "markdown.extensions.tables": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

# Every HTML and XML template escapes by default; sanitised HTML is marked safe in one
# place, the "isi" filter (bawaslu.bersih). Pelican's own defaults kept, but for
# auto_reload: each build makes its generators' environments anew, so checking every
# template file's time at each page (10,000 stat calls per 10,000 items) finds nothing.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True, "auto_reload": False}

JINJA_FILTERS = {"tanggal": tanggal, "bulan": bulan, "label": kosakata.label}
# Plain data, not the module: settings are pickled with Pelican's content cache.
from bawaslu.skema import baris_panel  # noqa: E402

JINJA_GLOBALS = {"kosakata": {"JENIS": kosakata.JENIS}, "baris_panel": baris_panel}
# Escaping helpers (issue 12): "isi" marks sanitised HTML safe (the one place), "teks"
# gives plain text (meta description, excerpts), url() builds every link of the theme.
from bawaslu import bersih, jalur  # noqa: E402

JINJA_FILTERS |= {"isi": bersih.isi, "teks": bersih.teks}
JINJA_GLOBALS["url"] = jalur.url
JINJA_GLOBALS["menu_aktif"] = jalur.menu_aktif
# A listed item's markup, made once per build for all the lists it is on.
from bawaslu.sekali import sekali  # noqa: E402

JINJA_GLOBALS["sekali"] = sekali

# Warm rebuilds: re-read only files whose content hash changed, and keep whole articles
# (not only the reader's output) in the cache; buletin_tembolok saves them without the
# build's context.
CHECK_MODIFIED_METHOD = "sha256"
CONTENT_CACHING_LAYER = "generator"
LOAD_CONTENT_CACHE = False
# Pelican gzips its cache by default: at 100,000 items that is most of the time it takes
# to save and load it (the Actions cache compresses the folder anyway).
GZIP_CACHE = False

# Navigation: (label, site-relative URL). Pages linked here must exist in every build.
MENU = [
    ("Berita", "berita/"),
    ("Penanganan Pelanggaran", "putusan/"),
    ("Wilayah", "wilayah/"),
]
FOOTER_MENU = [
    ("Topik", "topik/"),
]
FOOTER_MENU += [("Umpan berita", "feeds/")]

# Entries per feed: readers poll feeds often, often on slow connections, so each
# file stays small; the whole archive is in the listings and /data/ files.
# Local builds link feeds to the preview address (bawaslu.umpan.ASAL_LOKAL)
# unless FEED_DOMAIN is set; publishconf.py's absolute SITEURL is used as is.
UMPAN_MAKS_ENTRI = 50

# Site search (Pagefind, Indonesian): every build is indexed into pagefind/;
# the search page lives at /cari/ (see plugins/buletin_cari, bawaslu/cari.py).
from bawaslu import cari

PLUGINS += ["buletin_cari"]
# Item pages rendered in worker processes forked once the context is built (issue 16);
# output byte-identical to one process. 1 = no fork.
PLUGINS += ["buletin_paralel"]
BULETIN_PEKERJA = os.cpu_count() or 1
DIRECT_TEMPLATES += ["cari"]
CARI_URL = jalur.SEARCH_PAGE
CARI_SAVE_AS = jalur.SEARCH_PAGE + "index.html"
CARI_SARINGAN = list(cari.PARAMS.items())  # (filter name, query parameter)
CARI_PER_BUNDEL = cari.PER_BUNDEL  # item pages per search bundle (bounds the indexer's memory)
CARI_PROSES = 2  # bundles indexed at once (each Pagefind run keeps about one core busy)
JINJA_GLOBALS["cari_bundel"] = cari.bundel
MENU += [("Cari", jalur.SEARCH_PAGE)]

# Handling-time limits (Pemilu: working days from Registered; Pilkada: calendar days
# from Received) live in one table, bawaslu.batas.BATAS, with their legal basis; the
# statistics and the /metodologi/ page both read it.

from bawaslu.statistik import angka, garis_miring

JINJA_FILTERS["angka"] = angka  # figures as Indonesians write them: 10.000, 5,5
JINJA_FILTERS["garis_miring"] = garis_miring  # registers wrap at "/" on phones


# The content editor at /admin/ (issue 15): Decap CMS, self-hosted, for staff only.
# Its configuration comes from the schema (`invoke editor`); see plugins/buletin_editor.
PLUGINS += ["buletin_editor"]
DIRECT_TEMPLATES += ["admin"]
ADMIN_SAVE_AS = "admin/index.html"
# .github/CODEOWNERS (`invoke codeowners`): the GitHub team owning each office folder
# ({slug}: the region's folder, e.g. kota-bukittinggi; {kode}: its code, 13-75), and the
# team owning everything else. Branch protection then requires the owning office's review.
CODEOWNERS_TIM = "@bawaslu/{slug}"
CODEOWNERS_PENGELOLA = "@bawaslu/pengelola-situs"


def load_plugins(names):
    """Import every plugin now: Pelican itself only logs "Cannot load plugin" and
    builds on without it, so a broken or missing plugin must fail here."""
    import importlib

    for name in names:
        importlib.import_module(name)


load_plugins(PLUGINS)

# Speed (see bench/PROFIL.md): the site has one language and no translations, and
# Pelican's translation grouping compares every article with every other (quadratic).
# Without it, articles keep the archive's one order (bawaslu.arsip.urutan_terbaru).
from buletin_konten import urutan  # noqa: E402

ARTICLE_TRANSLATION_ID = None
ARTICLE_ORDER_BY = urutan
