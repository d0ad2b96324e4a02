"""Decoding page dumps: encodings, mojibake, binary data."""

from __future__ import annotations

import codecs
from pathlib import Path

import ftfy.badness
import pytest

from vigie.errors import DocumentError
from vigie.ingest.text import decode_text, read_text, repair_mojibake

FRENCH = "Publié samedi 13 septembre 2025 à 17:07\nLes FAMa ont détruit des bases terroristes à Sandaré.\n"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_western_encodings_read_as_french(encoding: str) -> None:
    text, used = decode_text(FRENCH.encode(encoding), "kayes.txt")
    assert text == FRENCH
    assert used == "cp1252"


def test_utf8_with_bom_and_crlf() -> None:
    data = codecs.BOM_UTF8 + FRENCH.replace("\n", "\r\n").encode("utf-8")
    text, used = decode_text(data, "kayes.txt")
    assert text == FRENCH
    assert used == "utf-8-sig"


def test_utf16_with_bom() -> None:
    text, used = decode_text(FRENCH.encode("utf-16"), "kayes.txt")
    assert text == FRENCH
    assert used == "utf-16"


def test_mojibake_lines_are_repaired_and_others_kept() -> None:
    text = "Battus Ã  domicile par la Tunisie, les Aigles devront s'imposer Ã  RadÃ¨s pour espÃ©rer\nÂge d’or du cinéma malien"
    assert repair_mojibake(text) == (
        "Battus à domicile par la Tunisie, les Aigles devront s'imposer à Radès pour espérer\n"
        "Âge d’or du cinéma malien"
    )


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(DocumentError, match=r"photo\.txt: binary file \(NUL bytes\)"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "photo.txt")


def test_control_bytes_are_binary() -> None:
    with pytest.raises(DocumentError, match=r"blob\.txt: binary file \(control bytes"):
        decode_text(bytes(range(1, 32)) * 100, "blob.txt")


def test_no_mojibake_survives_in_the_shared_documents(eval_dir: Path) -> None:
    paths = sorted(eval_dir.glob("seeds/*.txt")) + sorted(eval_dir.glob("dev/*.txt"))
    assert len(paths) == 35
    damaged = 0
    for path in paths:
        raw = path.read_bytes()
        damaged += "Ã" in raw.decode("utf-8")
        text, _ = decode_text(raw, path.name)
        assert "Ã" not in text, path.name
        assert not any(ftfy.badness.is_bad(line) for line in text.splitlines()), path.name
    assert damaged >= 5  # the test would prove nothing on clean input


def test_utf8_with_a_few_bad_bytes_stays_utf8_and_counts_them() -> None:
    """Issue 12: three invalid bytes made the whole file ISO-8859-10 ("endeuillÃĐ"), silently."""
    text = (
        "Ségou : le village endeuillé après l'attaque\n\nLes habitants de Diabaly pleurent leurs morts.\n" * 4
    )
    data = text.encode("utf-8")
    cut = data.index(b"habitants")
    damaged = data[:cut] + b"\xff\xfe" + data[cut:] + b"\x92"
    found = read_text(damaged, "diabaly.txt")
    assert (found.encoding, found.bad_bytes) == ("utf-8", 3)
    assert "endeuillé" in found.text and "Ã" not in found.text
    assert found.text.count("\ufffd") == 3


def test_windows_1252_is_not_taken_for_damaged_utf8() -> None:
    found = read_text("Publié à Ségou, où l'école a rouvert après l'été.\n".encode("cp1252"), "kayes.txt")
    assert (found.text, found.encoding, found.bad_bytes) == (
        "Publié à Ségou, où l'école a rouvert après l'été.\n",
        "cp1252",
        0,
    )


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(encoding: str) -> None:
    """Issue 12: UTF-16 saved without its BOM was refused as binary (NUL bytes)."""
    text, used = decode_text(FRENCH.encode(encoding), "kayes.txt")
    assert (text, used) == (FRENCH, encoding)
