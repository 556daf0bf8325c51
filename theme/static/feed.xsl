<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shows an Atom or RSS 2.0 feed of the bulletin as a readable page when it is
  opened in a browser (each feed names this file in <?xml-stylesheet?>).
  Feed readers ignore it. XSLT 1.0 only, no scripts, no external requests.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <!-- The site's base URL, from the feed's own address: …/feeds/<key>.<fmt>.xml -->
  <xsl:variable name="self"
      select="(/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href)[1]"/>
  <xsl:variable name="situs" select="substring-before($self, '/feeds/')"/>

  <xsl:template match="/">
    <html lang="id">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:feed/atom:title | rss/channel/title"/> (umpan berita)</title>
        <style>
          body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.6;color:#1b1b1b;background:#fff}
          .bungkus{max-width:46rem;margin:0 auto;padding:1rem}
          a{color:#0b4f9c;text-underline-offset:.15em}
          a:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffd24d}
          .catatan{background:#f2f5f9;border-left:4px solid #7a1d1d;padding:.5rem 1rem;margin:1rem 0}
          code{word-break:break-all;background:#fff;padding:0 .2rem}
          h1{font-size:1.6rem;line-height:1.25}
          h2{font-size:1.15rem;line-height:1.35;margin:1.5rem 0 .5rem}
          h3{font-size:1.05rem;line-height:1.35;margin:0}
          ol{list-style:none;padding:0}
          li{border-top:1px solid #d0d7de;padding:.75rem 0}
          .meta{color:#4a4a4a;font-size:.95rem;margin:.2rem 0}
        </style>
      </head>
      <body>
        <main class="bungkus">
          <xsl:apply-templates select="atom:feed | rss/channel"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="catatan">
    <div class="catatan">
      <p><strong>Ini adalah umpan berita (RSS/Atom).</strong> Halaman ini untuk dibaca oleh aplikasi pembaca umpan. Untuk berlangganan, salin alamat berikut ke aplikasi Anda:</p>
      <p><code><xsl:value-of select="$self"/></code></p>
      <p><a href="{$situs}/feeds/">Apa itu umpan berita dan cara berlangganan</a></p>
    </div>
  </xsl:template>

  <xsl:template match="atom:feed">
    <h1><xsl:value-of select="atom:title"/></h1>
    <p><xsl:value-of select="atom:subtitle"/></p>
    <xsl:call-template name="catatan"/>
    <p><a href="{atom:link[@rel='alternate']/@href}">Buka halaman ini di situs</a></p>
    <h2 id="entri">Entri terbaru</h2>
    <ol aria-labelledby="entri">
      <xsl:for-each select="atom:entry">
        <li>
          <h3><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h3>
          <p class="meta">Terbit <xsl:call-template name="tanggal-iso"><xsl:with-param name="d" select="atom:published"/></xsl:call-template>
            <xsl:if test="substring(atom:updated, 1, 10) != substring(atom:published, 1, 10)"> · diperbarui <xsl:call-template name="tanggal-iso"><xsl:with-param name="d" select="atom:updated"/></xsl:call-template></xsl:if>
            · <xsl:value-of select="atom:category[contains(@scheme, '/wilayah/')]/@label"/>
          </p>
          <p><xsl:value-of select="atom:summary"/></p>
        </li>
      </xsl:for-each>
    </ol>
    <xsl:if test="not(atom:entry)"><p>Belum ada entri.</p></xsl:if>
  </xsl:template>

  <xsl:template match="channel">
    <h1><xsl:value-of select="title"/></h1>
    <p><xsl:value-of select="description"/></p>
    <xsl:call-template name="catatan"/>
    <p><a href="{link}">Buka halaman ini di situs</a></p>
    <h2 id="entri">Entri terbaru</h2>
    <ol aria-labelledby="entri">
      <xsl:for-each select="item">
        <li>
          <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
          <p class="meta">Terbit <xsl:call-template name="tanggal-rfc822"><xsl:with-param name="d" select="pubDate"/></xsl:call-template>
            · <xsl:value-of select="category[contains(@domain, '/wilayah/')]"/>
          </p>
          <p><xsl:value-of select="description"/></p>
        </li>
      </xsl:for-each>
    </ol>
    <xsl:if test="not(item)"><p>Belum ada entri.</p></xsl:if>
  </xsl:template>

  <!-- Indonesian dates: "2024-10-20T00:00:00+07:00" and "Sun, 20 Oct 2024 …" -> "20 Oktober 2024" -->
  <xsl:template name="tanggal-iso">
    <xsl:param name="d"/>
    <xsl:value-of select="number(substring($d, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="bulan"><xsl:with-param name="m" select="number(substring($d, 6, 2))"/></xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($d, 1, 4)"/>
  </xsl:template>

  <xsl:template name="tanggal-rfc822">
    <xsl:param name="d"/>
    <xsl:variable name="mon" select="substring($d, 9, 3)"/>
    <xsl:value-of select="number(substring($d, 6, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="bulan">
      <xsl:with-param name="m" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $mon)) div 3 + 1"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:value-of select="substring($d, 13, 4)"/>
  </xsl:template>

  <xsl:template name="bulan">
    <xsl:param name="m"/>
    <xsl:choose>
      <xsl:when test="$m = 1">Januari</xsl:when>
      <xsl:when test="$m = 2">Februari</xsl:when>
      <xsl:when test="$m = 3">Maret</xsl:when>
      <xsl:when test="$m = 4">April</xsl:when>
      <xsl:when test="$m = 5">Mei</xsl:when>
      <xsl:when test="$m = 6">Juni</xsl:when>
      <xsl:when test="$m = 7">Juli</xsl:when>
      <xsl:when test="$m = 8">Agustus</xsl:when>
      <xsl:when test="$m = 9">September</xsl:when>
      <xsl:when test="$m = 10">Oktober</xsl:when>
      <xsl:when test="$m = 11">November</xsl:when>
      <xsl:when test="$m = 12">Desember</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
