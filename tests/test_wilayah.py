"""Region registry: lookup by code, by name (``Kab.``), ``nasional``, unknown."""

import pytest

from bawaslu.wilayah import normalise, registry


@pytest.fixture(scope="module")
def reg():
    return registry()


def test_registry_has_every_region_once(reg):
    levels = [w.tingkat for w in reg.by_kode.values()]
    assert levels.count("provinsi") == 38
    assert levels.count("kabupaten") + levels.count("kota") == 514
    assert len(reg.by_slug) == 553  # slugs are unique, so region URLs are too


@pytest.mark.parametrize("text", ["13.75", "Kota Bukittinggi", "kota bukittinggi", "  KOTA  BUKITTINGGI "])
def test_resolve_city_by_code_or_name(reg, text):
    w = reg.resolve(text)
    assert (w.kode, w.nama, w.tingkat, w.induk) == ("13.75", "Kota Bukittinggi", "kota", "13")


@pytest.mark.parametrize("text", ["Kab. Agam", "kab agam", "Kabupaten Agam", "KAB.AGAM", "13.06"])
def test_resolve_kabupaten_with_abbreviation(reg, text):
    assert reg.resolve(text).nama == "Kabupaten Agam"


def test_resolve_province_and_national(reg):
    assert reg.resolve("Sumatera Barat").kode == "13"
    assert reg.resolve("13").tingkat == "provinsi"
    nasional = reg.resolve("nasional")
    assert nasional.is_nasional and nasional.url == "wilayah/"
    assert reg.resolve("Nasional") is nasional


def test_administrative_city_name_without_administrasi(reg):
    assert reg.resolve("Kota Jakarta Pusat").kode == "31.71"
    assert reg.resolve("Kota Administrasi Jakarta Pusat").kode == "31.71"


@pytest.mark.parametrize("text", ["Kota Bukitinggi", "Bukittinggi", "99.99", "", "Kabupaten Atlantis"])
def test_unknown_region_is_none(reg, text):
    assert reg.resolve(text) is None


def test_suggestion_for_misspelt_name(reg):
    assert reg.suggest("Kota Bukitinggi")[0] == "Kota Bukittinggi"
    assert reg.suggest("Kab Agan")[0] == "Kabupaten Agam"


def test_parents_children_and_slugs(reg):
    kota = reg.get("13.75")
    assert [w.kode for w in reg.ancestors(kota)] == ["13", "ID"]
    assert kota.slug == "kota-bukittinggi" and kota.url == "wilayah/kota-bukittinggi/"
    assert kota.kantor == "Bawaslu Kota Bukittinggi"
    assert reg.get("13").kantor == "Bawaslu Provinsi Sumatera Barat"
    children = reg.children(reg.get("13"))
    assert all(c.induk == "13" for c in children) and len(children) == 19
    assert len(reg.provinces()) == 38


def test_new_province_codes_present(reg):
    # Papua Barat Daya (2022) took Kota Sorong: the registry follows Kepmendagri 2025.
    assert reg.get("96").nama == "Papua Barat Daya"
    assert reg.resolve("Kota Sorong").induk == "96"


def test_normalise_folds_spacing_case_and_abbreviation():
    assert normalise("  Kab.   Agam ") == "kabupaten agam"
    assert normalise("KOTA  Padang") == "kota padang"
