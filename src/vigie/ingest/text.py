"""Text input: bytes of a page dump -> repaired Unicode text (encoding detected, mojibake fixed)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
# A byte that is not valid UTF-8, as "surrogateescape" decoding keeps it: b"endeuill\xe9" -> "endeuill\udce9"
BAD_BYTE = re.compile("[\udc80-\udcff]")
# Valid UTF-8 outnumbers its invalid bytes this many times over in a UTF-8 file damaged in a few
# places; in Windows-1252 French nearly every accent is an invalid byte and valid sequences are rare.
VALID_PER_BAD = 2
REPLACEMENT = "\ufffd"
UTF16_NUL_SHARE = 0.4  # UTF-16 of Latin text: every other byte is NUL
UTF16_STRAY_NUL = 0.05


@dataclass(frozen=True, slots=True)
class Decoded:
    """A dump's text, the encoding it was read in, and how many invalid UTF-8 bytes were replaced."""

    text: str
    encoding: str
    bad_bytes: int = 0


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """Decode a dump's bytes and repair them; return the text and the encoding used.

    >>> decode_text("Publié jeudi 01 août 2024".encode("cp1252"), "x.txt")
    ('Publié jeudi 01 août 2024', 'cp1252')
    >>> decode_text("le Mali a retrouvÃ© sa place\\r\\n".encode("utf-8"), "x.txt")[0]
    'le Mali a retrouvé sa place\\n'
    """
    decoded = read_text(data, where)
    return decoded.text, decoded.encoding


def read_text(data: bytes, where: str) -> Decoded:
    """Decode and repair a dump's bytes; mostly valid UTF-8 stays UTF-8, its bad bytes replaced and counted.

    >>> found = read_text("Le village endeuillé. Les écoles fermées.".encode() + b"\\xff", "x.txt")
    >>> found.text, found.encoding, found.bad_bytes
    ('Le village endeuillé. Les écoles fermées.\ufffd', 'utf-8', 1)
    """
    text, encoding, bad = _decode(data, where)
    head = text[:SAMPLE]
    if head and len(CONTROL.findall(head)) / len(head) > MAX_CONTROL_RATIO:
        raise DocumentError(
            f"{where}: binary file (control bytes in the text); give a text, HTML or feed file"
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text)
    return Decoded(repair_mojibake(text), encoding, bad)


def decode_utf8(data: bytes) -> tuple[str, int]:
    """UTF-8 with each invalid byte replaced by U+FFFD, and the count of those bytes.

    >>> decode_utf8(b"Kidal \\xe9 S\\xc3\\xa9gou")
    ('Kidal \ufffd Ségou', 1)
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(BAD_BYTE.findall(text))
    return (BAD_BYTE.sub(REPLACEMENT, text) if bad else text), bad


def _decode(data: bytes, where: str) -> tuple[str, str, int]:
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name, 0
            except UnicodeDecodeError as err:
                raise DocumentError(
                    f"{where}: starts with a {name} mark but is not valid {name}: {err.reason}"
                ) from err
    if b"\x00" in data[:SAMPLE]:
        utf16 = _utf16_without_mark(data)
        if utf16 is not None:
            return utf16
        raise DocumentError(f"{where}: binary file (NUL bytes); give a text, HTML or feed file")
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    text, bad = decode_utf8(data)
    multibyte = len(data) - len(text)  # bytes past the first of each valid sequence: one per "é"
    if multibyte >= VALID_PER_BAD * bad:  # UTF-8 damaged in a few places: "endeuillé", not "endeuillÃ©"
        return text, "utf-8", bad
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise DocumentError(f"{where}: not text in any known encoding (invalid UTF-8, no other charset fits)")
    # Among equally plausible readings, French text is Western European: "août", not "aoűt".
    least_chaos = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least_chaos + CHAOS_MARGIN]
    western = [m for m in plausible if WESTERN in m.could_be_from_charset]
    if western:
        return data.decode(WESTERN, errors="replace"), WESTERN, 0
    return str(plausible[0]), plausible[0].encoding, 0


def _utf16_without_mark(data: bytes) -> tuple[str, str, int] | None:
    """UTF-16 text saved without its byte order mark (a NUL beside each Latin letter), or None.

    >>> _utf16_without_mark("Publié à Ségou".encode("utf-16-le"))
    ('Publié à Ségou', 'utf-16-le', 0)
    >>> _utf16_without_mark(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR") is None
    True
    """
    sample = data[:SAMPLE]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for name, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls.count(0) >= UTF16_NUL_SHARE * len(nuls) and others.count(0) <= UTF16_STRAY_NUL * len(others):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            head = text[: SAMPLE // 2]
            if len(CONTROL.findall(head)) > MAX_CONTROL_RATIO * len(head):
                return None  # NUL bytes in step, but not text: binary data
            return text, name, 0
    return None


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
