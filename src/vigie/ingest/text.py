"""Text input: bytes of a page dump -> repaired Unicode text (encoding detected, mojibake fixed)."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy
import ftfy.badness

from vigie.errors import DocumentError

# Characters that stand at the start of UTF-8 read as Latin-1/cp1252: "Ã©" for "é", "â€™" for "’".
MOJIBAKE_HINT = re.compile("[ÃÂâ]")
# Control characters other than tab, newline and carriage return: a sign of binary data.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A UTF-8 lead byte read as cp1252 whose second byte was cut with the teaser: "de mÃ." for "de mé…"
ORPHAN_LEAD = re.compile(r"(?<=\w)[ÃÂ](?=\.\.?$)", re.MULTILINE)
SAMPLE = 8192
MAX_CONTROL_RATIO = 0.01
WESTERN = "cp1252"
CHAOS_MARGIN = 0.01


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Decode a dump's bytes and repair them; return the text and the encoding used.

    >>> decode_text("Publié jeudi 01 août 2024".encode("cp1252"), "x.txt")
    ('Publié jeudi 01 août 2024', 'cp1252')
    >>> decode_text("le Mali a retrouvÃ© sa place\\r\\n".encode("utf-8"), "x.txt")[0]
    'le Mali a retrouvé sa place\\n'
    """
    text, encoding = _decode(data, where)
    head = text[:SAMPLE]
    if head and len(CONTROL.findall(head)) / len(head) > MAX_CONTROL_RATIO:
        raise DocumentError(
            f"{where}: binary file (control bytes in the text); give a text, HTML or feed file"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text)
    return repair_mojibake(text), encoding


def _decode(data: bytes, where: str) -> tuple[str, str]:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as err:
                raise DocumentError(
                    f"{where}: starts with a {name} mark but is not valid {name}: {err.reason}"
                ) from err
    if b"\x00" in data[:SAMPLE]:
        raise DocumentError(f"{where}: binary file (NUL bytes); give a text, HTML or feed file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise DocumentError(f"{where}: not text in any known encoding (invalid UTF-8, no other charset fits)")
    # Among equally plausible readings, French text is Western European: "août", not "aoűt".
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + CHAOS_MARGIN]
    western = [m for m in plausible if WESTERN in m.could_be_from_charset]
    if western:
        return data.decode(WESTERN, errors="replace"), WESTERN
    return str(plausible[0]), plausible[0].encoding


def repair_mojibake(text: str) -> str:
    """Fix the lines that read as UTF-8 decoded twice; leave every other line untouched.

    >>> repair_mojibake("Battus Ã  domicile\\nRien Ã  voir? Non: tout va bien.")
    'Battus à domicile\\nRien à voir? Non: tout va bien.'
    >>> repair_mojibake("un lot de kits de premier secours et de mÃ.")
    'un lot de kits de premier secours et de m.'
    """
    if not MOJIBAKE_HINT.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if MOJIBAKE_HINT.search(line) and ftfy.badness.is_bad(line):
            lines[i] = ftfy.fix_text(line, normalization=None, uncurl_quotes=False)
    return ORPHAN_LEAD.sub("", "\n".join(lines))
