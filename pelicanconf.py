"""Pelican settings for the Bawaslu transparency bulletin (local preview and tests).

publishconf.py extends these for the published site.
"""

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
# The top folder is the item's type; it becomes the category (/berita/, /putusan/).
PATH_METADATA = r"(?P<category>berita|putusan)/.*"
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "lainnya"

THEME = str(HERE / "theme")
THEME_STATIC_DIR = "theme"
PLUGIN_PATHS = [str(HERE / "plugins")]
PLUGINS = ["buletin_cepat", "buletin_konten"]

# URLs. Items get theirs from the buletin_konten plugin (one place: bawaslu.konten.item_url).
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "topik/{slug}/"
TAG_SAVE_AS = "topik/{slug}/index.html"
TAGS_SAVE_AS = "topik/index.html"
DIRECT_TEMPLATES = ["index", "tags", "404"]
PAGINATED_TEMPLATES = {"category": None, "tag": None}
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

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

JINJA_FILTERS = {"tanggal": tanggal, "bulan": bulan, "label": kosakata.label}
JINJA_GLOBALS = {"kosakata": kosakata}

# Warm rebuilds: re-read only files whose content hash changed.
CHECK_MODIFIED_METHOD = "sha256"
LOAD_CONTENT_CACHE = False

# Navigation: (label, site-relative URL). Pages linked here must exist in every build.
MENU = [
    ("Berita", "berita/"),
    ("Penanganan Pelanggaran", "putusan/"),
    ("Wilayah", "wilayah/"),
]
FOOTER_MENU = [
    ("Topik", "topik/"),
]

# Speed (issue 8, see bench/PROFIL.md): the site has one language and no translations, and
# Pelican's translation grouping compares every article with every other (quadratic).
# Without it, ties in date need an explicit order: newest first, then by slug (as before).
from buletin_cepat import terbaru_dulu  # noqa: E402

ARTICLE_TRANSLATION_ID = None
ARTICLE_ORDER_BY = terbaru_dulu
