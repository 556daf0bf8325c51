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
        value = values.map(function (v) { return v.replace(/\s*[,\n]\s*/g, " "); }).join(", ");
      } else if (k.bentuk === "ringkasan") {
        // Continuation lines, four spaces in; a blank line would end the header.
        value = values[0].split("\n").map(function (v) { return v.trim(); })
          .filter(function (v) { return v; }).join("\n    ");
      } else {
        value = values[0].replace(/\s*\n\s*/g, " ");
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

  // Forwarded-To: the select only while Outcome is "diteruskan", and then required.
  var Select = CMS.getWidget("select");
  CMS.registerWidget("diteruskan", createClass({
    isValid: function () {
      var outcome = this.props.entry.getIn(["data", "outcome"]);
      if (outcome === "diteruskan" && !plain(this.props.value).length) {
        return { error: { message: "Wajib diisi karena Status \"Diteruskan\": pilih satu atau lebih." } };
      }
      return true;
    },
    render: function () {
      if (this.props.entry.getIn(["data", "outcome"]) !== "diteruskan") {
        return h("p", { id: this.props.forID }, "Diisi hanya bila Status \"Diteruskan\".");
      }
      return h(Select.control, this.props);
    },
  }), Select.preview);

  // Image-Alt: required as soon as an Image is chosen.
  var StringWidget = CMS.getWidget("string");
  CMS.registerWidget("teks-gambar", createClass({
    isValid: function () {
      var image = this.props.entry.getIn(["data", "image"]);
      if (image && !String(this.props.value || "").trim()) {
        return { error: { message: "Wajib diisi karena Gambar diisi: tulis apa yang tampak pada gambar." } };
      }
      return true;
    },
    render: function () { return h(StringWidget.control, this.props); },
  }), StringWidget.preview);

  CMS.registerCustomFormat("buletin", "md", format);
  CMS.registerPreviewStyle(new URL("../theme/css/main.css", root.location.href).href);
  // Decap draws its own interface: the page's fallback text and the site's CSS step aside.
  var page = root.document.querySelector("main[data-penyunting]");
  if (page) page.remove();
  var sheet = root.document.querySelector('link[rel="stylesheet"]');
  if (sheet) sheet.remove();
})(typeof window !== "undefined" ? window : globalThis);
