// Search page (/cari/): queries the Pagefind index written by the build.
// The only script on the site; without it the page explains how to browse instead.
// The form state lives in the address (?q=...&provinsi=...), so a search can be shared.
// The filter options and their counts are in the page (the build lists them): asking
// Pagefind for them would fetch every bundle's filter index before the first search.
const form = document.getElementById("cari");
const status = document.getElementById("cari-status");
const list = document.getElementById("cari-hasil");
const more = document.getElementById("cari-lagi");
const selects = [...form.querySelectorAll("select[data-saringan]")];
const PER_PAGE = 20;
let results = [];
let shown = 0;

const bundle = new URL(form.dataset.pagefind, document.baseURI);
const pagefind = await import(bundle.href).catch(() => null);

if (!pagefind) {
  status.textContent = "Indeks pencarian tidak dapat dimuat. Silakan telusuri menurut wilayah atau topik.";
} else {
  await pagefind.options({ baseUrl: new URL("../", bundle).pathname });
  // A large archive is indexed as several bundles (pagefind-2/, ...): merge them.
  for (const path of (form.dataset.gabung || "").split(" ").filter(Boolean)) {
    await pagefind.mergeIndex(new URL(path, document.baseURI).href);
  }
  document.getElementById("tanpa-js").hidden = true;
  form.hidden = false;
  readAddress();
  form.addEventListener("submit", (event) => { event.preventDefault(); run(true); });
  selects.forEach((s) => s.addEventListener("change", () => run(true)));
  more.addEventListener("click", showMore);
  if (new URLSearchParams(location.search).toString()) run(false);
}

function readAddress() {
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  for (const select of selects) {
    const value = params.get(select.name);
    if (value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
}

async function run(updateAddress) {
  const query = form.elements.q.value.trim();
  const filters = {};
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const select of selects) {
    if (select.value) {
      filters[select.dataset.saringan] = select.value;
      params.set(select.name, select.value);
    }
  }
  if (updateAddress) history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  if (!query && !Object.keys(filters).length) {
    status.textContent = "Ketik kata kunci atau pilih saringan, lalu tekan Cari.";
    list.replaceChildren();
    more.hidden = true;
    return;
  }
  status.textContent = "Mencari…";
  const search = await pagefind.search(query || null, { filters });
  results = search.results;
  shown = 0;
  list.replaceChildren();
  status.textContent = results.length
    ? `${results.length} hasil${query ? ` untuk “${query}”` : ""}.`
    : `Tidak ada hasil${query ? ` untuk “${query}”` : ""}. Coba kata lain atau kurangi saringan.`;
  await showMore();
}

async function showMore() {
  const page = await Promise.all(results.slice(shown, shown + PER_PAGE).map((r) => r.data()));
  for (const data of page) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.append(link);
    const where = document.createElement("p");
    where.className = "meta";
    const f = data.filters || {};
    where.textContent = [f.Jenis, f["Kabupaten/Kota"] || f.Provinsi, f.Status, f.Tahun]
      .map((v) => (v || [])[0]).filter(Boolean).join(" · ");
    const excerpt = document.createElement("p");
    excerpt.className = "ringkasan";
    excerpt.innerHTML = data.excerpt; // Pagefind escapes the text and marks matches with <mark>
    item.append(heading, where, excerpt);
    list.append(item);
  }
  shown += page.length;
  more.hidden = shown >= results.length;
}
