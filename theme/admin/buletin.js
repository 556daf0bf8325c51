// The editor's file format and widgets (issue 15). Loaded only by /admin/.
//
// Files are written exactly as staff write them by hand (docs/kontrak-konten.md):
// "Key: value" header lines in the schema's order, one blank line, the Markdown body.
// The keys, their order and the region codes come from kunci.js (`invoke editor`).
// In Node (tests/test_editor.py) the same functions are exported without Decap.
(function (root) {
  "use strict";
  var SKEMA = root.BULETIN_SKEMA || (typeof require !== "undefined" ? require("./kunci.js") : null);
  var KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+|$)(.*)$/;
  var CONTINUATION = /^(?: {4,}|\t)[ \t]*(\S.*)$/;
  var HEADER_END = /^(?:-{3}|\.{3})[ \t]*$/;
  var LISTS = { "daftar": true, "pilihan-banyak": true };
  // Every line break a browser may paste (the header refuses U+2028 and friends).
  var BREAK = /\s*[\n\r\u2028\u2029\u0085\x0b\x0c]\s*/g;
  var BY_NAME = {};
  SKEMA.kunci.forEach(function (k) { BY_NAME[k[1]] = { key: k[0], name: k[1], bentuk: k[2] }; });

  function splitList(value) {
    return String(value).split(/[,\n]/).map(function (v) { return v.trim(); })
      .filter(function (v) { return v; });
  }

  // A file's text -> the entry's data: one field per key (its name in lower case), body.
  function fromFile(text) {
    var lines = String(text).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
    var data = {}, last = null, i = 0;
    if (lines.length && HEADER_END.test(lines[0]) && lines[0].charAt(0) === "-") i = 1;
    for (; i < lines.length; i++) {
      var line = lines[i], m, c;
      if (!line.trim()) break;
      if (HEADER_END.test(line)) { i++; break; }
      m = KEY_LINE.exec(line);
      c = CONTINUATION.exec(line);
      if (m && !/^\s/.test(line)) {
        last = m[1].toLowerCase();
        data[last] = m[2].replace(/\s+$/, "");
      } else if (c && last !== null) {
        data[last] = (data[last] + "\n" + c[1].replace(/\s+$/, "")).replace(/^\n+/, "");
      } else {
        last = null;  // not a header line: the content check names it; the editor skips it
      }
    }
    while (i < lines.length && !lines[i].trim()) i++;
    Object.keys(data).forEach(function (name) {
      var k = BY_NAME[name];
      if (!k) return;
      if (LISTS[k.bentuk]) data[name] = splitList(data[name]);
      if (k.bentuk === "pilihan-banyak") data[name] = data[name].map(function (v) { return v.toLowerCase(); });
      if (k.bentuk === "pilihan" || k.bentuk === "status") data[name] = data[name].toLowerCase();
      if (k.bentuk === "wilayah") {
        var v = data[name].trim();
        if (SKEMA.wilayah[v]) data[name] = SKEMA.wilayah[v];  // a code: show its name
        else if (v.toLowerCase() === "nasional") data[name] = "nasional";
      }
    });
    data.body = lines.slice(i).join("\n");
    return data;
  }

  function plain(value) {
    if (value === null || value === undefined) return [];
    if (value && typeof value.toJS === "function") value = value.toJS();  // Immutable.js list
    if (Array.isArray(value)) return value;
    if (value instanceof Date) return [value.toISOString().slice(0, 10)];
    return [value];
  }

  // The entry's data -> the file's text: keys in the schema's order, empty ones left out.
  function toFile(data) {
    data = data || {};
    var out = [];
    SKEMA.kunci.forEach(function (entry) {
      var k = BY_NAME[entry[1]];
      // Forwarded-To only with Outcome "diteruskan"; Image-Alt only with an Image.
      if (k.name === "forwarded-to" && String(data.outcome || "") !== "diteruskan") return;
      if (k.name === "image-alt" && !String(data.image || "").trim()) return;
      var values = plain(data[k.name]).map(function (v) { return String(v).trim(); })
        .filter(function (v) { return v; });
      if (!values.length) return;
      var value;
      if (LISTS[k.bentuk]) {
        // A comma inside one item would split it in two: it becomes a space.
        value = values.map(function (v) { return v.replace(BREAK, " ").replace(/\s*,\s*/g, " ").trim(); })
          .filter(function (v) { return v; }).join(", ");
        if (!value) return;
      } else if (k.bentuk === "ringkasan") {
        // Continuation lines, four spaces in; a blank line would end the header.
        value = values[0].split(BREAK).map(function (v) { return v.trim(); })
          .filter(function (v) { return v; }).join("\n    ");
      } else {
        value = values[0].replace(BREAK, " ");
      }
      out.push(k.key + ": " + value);
    });
    var body = String(data.body || "").replace(/\r\n?/g, "\n").replace(/^\s*\n/, "").replace(/\s+$/, "");
    return out.join("\n") + "\n\n" + body + "\n";
  }

  var format = { fromFile: fromFile, toFile: toFile };
  if (typeof module !== "undefined") module.exports = format;

  var CMS = root.CMS;
  var status = root.document && root.document.getElementById("status-penyunting");
  if (!CMS) {
    if (status) {
      status.textContent = "Penyunting belum terpasang pada build ini (decap-cms.js tidak ada). "
        + "Pengelola situs: jalankan ci/install-test-tools.sh lalu bangun ulang situs.";
    }
    return;
  }
  var h = root.h, createClass = root.createClass;

  // The entry as it is now (Decap's `entry` prop may be stale; `getEntry` reads the store).
  function current(props, name) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return entry ? entry.getIn(["data", name]) : undefined;
  }

  // Forwarded-To: the select only while Outcome is "diteruskan", and then required.
  // Decap redraws a field only when its own value changes, so the widget looks at
  // Outcome a few times a second and redraws itself when it changed.
  var Select = CMS.getWidget("select");
  CMS.registerWidget("diteruskan", createClass({
    componentDidMount: function () {
      var self = this;
      this.timer = setInterval(function () {
        if ((current(self.props, "outcome") === "diteruskan") !== self.shown) self.forceUpdate();
      }, 250);
    },
    componentWillUnmount: function () { clearInterval(this.timer); },
    isValid: function () {
      if (current(this.props, "outcome") === "diteruskan" && !plain(this.props.value).length) {
        return { error: { message: "Wajib diisi karena Status \"Diteruskan\": pilih satu atau lebih." } };
      }
      return true;
    },
    render: function () {
      this.shown = current(this.props, "outcome") === "diteruskan";
      if (!this.shown) {
        return h("p", { id: this.props.forID }, "Diisi hanya bila Status \"Diteruskan\".");
      }
      return h(Select.control, this.props);
    },
  }), Select.preview);

  // Image-Alt: required as soon as an Image is chosen.
  var StringWidget = CMS.getWidget("string");
  CMS.registerWidget("teks-gambar", createClass({
    isValid: function () {
      var image = current(this.props, "image");
      if (image && !String(this.props.value || "").trim()) {
        return { error: { message: "Wajib diisi karena Gambar diisi: tulis apa yang tampak pada gambar." } };
      }
      return true;
    },
    render: function () { return h(StringWidget.control, this.props); },
  }), StringWidget.preview);

  // Decap has no Indonesian translation: the phrases staff meet most (others stay English).
  CMS.registerLocale("id", {
    auth: { login: "Masuk", loggingIn: "Sedang masuk...", loginWithGitHub: "Masuk dengan GitHub" },
    app: {
      header: { content: "Konten", workflow: "Alur kerja", media: "Gambar", quickAdd: "Tambah cepat" },
      app: { errorHeader: "Konfigurasi penyunting gagal dimuat", configErrors: "Kesalahan konfigurasi",
             checkConfigYml: "Periksa berkas config.yml.", loadingConfig: "Memuat konfigurasi...",
             waitingBackend: "Menunggu repositori..." },
      notFoundPage: { header: "Tidak ditemukan" },
    },
    collection: {
      sidebar: { collections: "Jenis konten", allCollections: "Semua jenis", searchAll: "Cari semua",
                 searchIn: "Cari di" },
      collectionTop: { sortBy: "Urutkan", viewAs: "Tampilan", newButton: "+ %{collectionLabel} baru",
                       newButtonAriaLabel: "Tulis %{collectionLabel} baru", ascending: "Naik",
                       descending: "Turun" },
      entries: { loadingEntries: "Memuat tulisan...", cachingEntries: "Menyimpan tulisan...",
                 longerLoading: "Ini bisa memakan beberapa menit", noEntries: "Belum ada tulisan",
                 unpublishedHeader: "Belum terbit" },
    },
    editor: {
      editorControl: { field: { optional: "tidak wajib" } },
      editorControlPane: { widget: {
        required: "%{fieldLabel} wajib diisi.",
        regexPattern: "%{fieldLabel} tidak sesuai bentuknya: %{pattern}.",
        pathExists: "Berkas '%{path}' sudah ada: ubah judul atau nomor register." } },
      editor: {
        onLeavePage: "Yakin meninggalkan halaman ini? Perubahan yang belum disimpan hilang.",
        onPublishing: "Yakin menerbitkan tulisan ini?",
        onPublishingNotReady: "Ubah status menjadi \"Siap\" sebelum menerbitkan.",
        onPublishingWithUnsavedChanges: "Ada perubahan yang belum disimpan: simpan dulu sebelum menerbitkan.",
        onUpdatingWithUnsavedChanges: "Ada perubahan yang belum disimpan: simpan dulu sebelum mengubah status.",
        loadingEntry: "Memuat tulisan...",
        confirmLoadBackup: "Ada salinan cadangan tulisan ini di peramban. Pakai salinan itu?",
      },
      editorInterface: { togglePreview: "Tampilkan/sembunyikan pratinjau" },
      editorToolbar: {
        publishing: "Menerbitkan...", publish: "Terbitkan", published: "Terbit",
        publishNow: "Terbitkan sekarang", publishAndCreateNew: "Terbitkan lalu tulis baru",
        publishAndDuplicate: "Terbitkan lalu gandakan", duplicate: "Gandakan",
        saving: "Menyimpan...", save: "Simpan", deleting: "Menghapus...", updating: "Memperbarui...",
        deleteEntry: "Hapus tulisan", deleteUnpublishedChanges: "Hapus perubahan yang belum terbit",
        deleteUnpublishedEntry: "Hapus tulisan yang belum terbit",
        deletePublishedEntry: "Hapus tulisan yang sudah terbit",
        status: "Status: %{status}", backCollection: " Menulis di %{collectionLabel}",
        unsavedChanges: "Belum disimpan", changesSaved: "Perubahan tersimpan",
        draft: "Draf", inReview: "Sedang ditinjau", ready: "Siap",
        statusInfoTooltipDraft: "Tulisan masih draf. Untuk diajukan, ubah status menjadi \u2018Sedang ditinjau\u2019.",
        statusInfoTooltipInReview: "Tulisan sedang ditinjau (pull request); Anda masih dapat mengubahnya.",
      },
      editorWidgets: {
        markdown: { richText: "Teks", markdown: "Markdown", bold: "Tebal", italic: "Miring",
                    link: "Tautan", headings: "Judul bagian", quote: "Kutipan",
                    bulletedList: "Daftar butir", numberedList: "Daftar bernomor" },
        image: { choose: "Pilih gambar", chooseDifferent: "Pilih gambar lain", remove: "Hapus gambar" },
        datetime: { now: "Sekarang", clear: "Kosongkan" },
        list: { add: "Tambah %{item}", addType: "Tambah %{item}" },
      },
    },
    mediaLibrary: {
      mediaLibraryModal: { loading: "Memuat...", close: "Tutup", noImagesFound: "Belum ada gambar.",
                           images: "Gambar", search: "Cari...", uploading: "Mengunggah...",
                           upload: "Unggah", download: "Unduh", deleting: "Menghapus...",
                           deleteSelected: "Hapus yang dipilih", chooseSelected: "Pakai gambar ini" },
    },
    ui: {
      settingsDropdown: { logOut: "Keluar" },
      toast: {
        missingRequiredField: "Ada kolom wajib yang belum diisi (ditandai merah); lengkapi sebelum menyimpan.",
        entrySaved: "Tulisan tersimpan", entryPublished: "Tulisan terbit",
        entryUpdated: "Status tulisan diperbarui",
        onFailToPersist: "Tulisan gagal disimpan: %{details}",
        onFailToPublishEntry: "Tulisan gagal diterbitkan: %{details}",
        onFailToLoadEntries: "Tulisan gagal dimuat: %{details}",
        onLoggedOut: "Anda sudah keluar; salin tulisan Anda lalu masuk lagi.",
      },
    },
    workflow: { workflow: { loading: "Memuat alur kerja", workflowHeading: "Alur kerja penyuntingan",
                            newPost: "Tulisan baru", description: "%{smart_count} tulisan menunggu tinjauan, %{readyCount} siap terbit." },
                workflowList: { draftHeader: "Draf", inReviewHeader: "Sedang ditinjau", readyHeader: "Siap" } },
  });

  CMS.registerCustomFormat("buletin", "md", format);
  CMS.registerPreviewStyle(new URL("../theme/css/main.css", root.location.href).href);
  // Decap draws its own interface: the page's fallback text and the site's CSS step aside.
  var page = root.document.querySelector("main[data-penyunting]");
  if (page) page.remove();
  var sheet = root.document.querySelector('link[rel="stylesheet"]');
  if (sheet) sheet.remove();
})(typeof window !== "undefined" ? window : globalThis);
