"""Cluster stage: Articles -> near-duplicate clusters (a teaser and its full article, one dispatch on two sites).

Two articles are near-duplicates when their leads (first words of the body) share enough
word 3-grams (MinHash + LSH, `datasketch`), or when they carry the same title of four words
or more. A teaser is cut from its article's lead, so comparing leads links the two.

The LSH index lives in the database (`article_keys`, migration 0013): each article that founds a
cluster stores one key per band of its MinHash, and a new article asks the store for the founders
that share one of its keys, then keeps those whose estimated similarity passes the threshold. Adding
a page costs a few indexed look-ups, whatever the number of stored articles.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Collection, Iterable
from contextlib import nullcontext
from typing import TYPE_CHECKING

import numpy as np

from vigie.frdate import fold
from vigie.records import Article
from vigie.store.keys import Clustered, signed_key, title_hash

if TYPE_CHECKING:
    from vigie.store.keys import Signatures

NUM_PERM = 64
SCHEME = "affine32"
SHINGLE = 3
MIN_LEAD_WORDS = 8  # below this a lead says too little ("-.")
MIN_TITLE_WORDS = 4
WORD = re.compile(r"\w+")
# a teaser's last word is often cut: "les positions enne.."
CUT_END = re.compile(r"\w*\.\.$")
# MurmurHash3's 32-bit finalizer, which datasketch's affine32 scheme mixes each input hash with
FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
LEAD_CHARS_PER_WORD = 40  # characters read per lead word wanted: the lead is found in the body's head


class Clusterer:
    """Assigns clusters to new articles against the stored ones (queried by key, never loaded whole)."""

    def __init__(self, threshold: float, lead_words: int, stored: Signatures | None = None) -> None:
        from datasketch import MinHash, MinHashLSH  # imports scipy: only the commands that cluster pay it

        self.lead_words = lead_words
        self.threshold = threshold
        # the band layout datasketch chooses for this threshold (64 permutations, 0.5: 14 bands of 4)
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands: int = lsh.b
        self.rows: int = lsh.r
        # what makes the keys of one band of one layout differ from all others
        self.persons = [b"%d/%d/%d" % (self.rows, self.bands, band) for band in range(self.bands)]
        self.layout = signed_key(b"layout", b"%d/%d" % (self.rows, self.bands))  # its marker row
        # datasketch's permutations (a odd, b) of its affine32 scheme, seed 1, as uint32 rows
        a, b = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32).permutations
        self.permutation_a: np.ndarray = np.asarray(a, dtype=np.uint32)
        self.permutation_b: np.ndarray = np.asarray(b, dtype=np.uint32)
        self.stored = stored
        self.forgotten: set[str] = set()  # stored articles about to be replaced

    @classmethod
    def load(cls, stored: Signatures, threshold: float, lead_words: int) -> Clusterer:
        """A clusterer over already stored articles; their band keys are rebuilt once when the stored
        ones were made for another threshold (or before migration 0013)."""
        clusterer = cls(threshold, lead_words, stored)
        stored.ensure_keys(clusterer.band_keys, clusterer.title_key, clusterer.layout)
        return clusterer

    def assign(self, articles: list[Article]) -> list[Clustered]:
        """Give each article a cluster: an existing one it duplicates, or its own id.

        Compared with the stored articles and with those before it in `articles`; the caller stores
        them before the next call.
        """
        with self.stored.reading() if self.stored is not None else nullcontext():
            out = self._assign(articles)
        self.forgotten.clear()
        return out

    def _assign(self, articles: list[Article]) -> list[Clustered]:
        prepared = []
        for article in articles:
            minhash = self.lead_hash(article.body)
            keys = self.band_keys(minhash) if minhash is not None else ()
            title_key = self.title_key(article.title)
            prepared.append(
                (article, title_key, None if title_key is None else title_hash(title_key), minhash, keys)
            )
        # one look-up for the whole call: the first stored article of each title, the founders
        # sharing a band key
        wanted = {key for _, _, titled, _, keys in prepared for key in (*keys, *([titled] if titled else []))}
        stored = self.stored.matching(wanted, self.forgotten) if self.stored is not None and wanted else []
        by_title = {key: found.cluster_id for found in stored for key in found.keys}
        founders = [found for found in stored if found.minhash is not None]
        out: list[Clustered] = []
        for article, title_key, titled, minhash, keys in prepared:
            candidates = set()
            if titled is not None and titled in by_title:
                candidates.add(by_title[titled])
            if minhash is not None:
                shared = set(keys)
                # LSH also returns candidates below the threshold: keep those whose estimated similarity
                # passes; stored founders, then the founders of this call (not stored yet)
                candidates.update(
                    found.cluster_id
                    for found in founders
                    if shared & found.keys and self._similar(found.minhash, minhash)
                )
                candidates.update(
                    item.cluster_id
                    for item in out
                    if item.minhash is not None
                    and shared & set(item.keys)
                    and self._similar(item.minhash, minhash)
                )
            cluster = min(candidates) if candidates else article.id
            first_of_title = titled is not None and titled not in by_title
            if titled is not None:
                by_title.setdefault(titled, cluster)
            founder = cluster == article.id and minhash is not None
            # Only the article that founded a cluster is indexed by its lead: a copy adds nothing to
            # find the cluster again, and a story reprinted by many sites would make every query slower
            out.append(
                Clustered(
                    article,
                    cluster,
                    title_key,
                    minhash.tobytes() if founder and minhash is not None else None,
                    (
                        *(keys if founder else ()),
                        *([titled] if first_of_title and titled is not None else []),
                    ),
                )
            )
        return out

    def forget(self, article_ids: Iterable[str]) -> None:
        """Leave out stored articles that the next `assign` replaces."""
        self.forgotten.update(article_ids)

    def title_key(self, title: str | None) -> str | None:
        """The title folded to its words, when long enough to identify an article.

        >>> Clusterer(0.5, 60).title_key("Kidal : Un véhicule terroriste neutralisé à Tibezas")
        'kidal un vehicule terroriste neutralise a tibezas'
        """
        if title is None:
            return None
        words = WORD.findall(fold(title))
        return " ".join(words)[:400] if len(words) >= MIN_TITLE_WORDS else None

    def lead_hash(self, body: str) -> np.ndarray | None:
        """MinHash (its 64 uint32 values) of the word 3-grams of the body's first words; None for a
        lead too short.

        >>> clusterer = Clusterer(0.5, 60)
        >>> lead = "Les FAMa ont neutralisé plusieurs terroristes lors d'une patrouille près de Tessit"
        >>> minhash = clusterer.lead_hash(lead)
        >>> minhash.dtype, len(minhash), clusterer.lead_hash("Le calme est revenu.")
        (dtype('uint32'), 64, None)
        """
        lead = body.strip()
        head = lead[: self.lead_words * LEAD_CHARS_PER_WORD]  # the lead's words only, not the whole body
        words = WORD.findall(fold(head)) if len(head) < len(lead) else []
        if len(words) > self.lead_words:  # the last word of `head` may be cut; the body's end is far
            words = words[: self.lead_words]
        else:
            words = WORD.findall(fold(CUT_END.sub("", lead) if lead.endswith("..") else lead))
            words = words[: self.lead_words]
        if len(words) < MIN_LEAD_WORDS:
            return None
        shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
        return self.minhash(shingles)

    def minhash(self, shingles: Collection[bytes]) -> np.ndarray:
        """The MinHash values datasketch's MinHash (affine32, these permutations, crc32 in place of its
        default sha1: shingles only need fingerprints) gives these shingles, computed in one numpy
        expression without building its objects.

        >>> from datasketch import MinHash
        >>> clusterer = Clusterer(0.5, 60)
        >>> shingles = [b"les fama ont", b"fama ont neutralise", b"ont neutralise plusieurs"]
        >>> theirs = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32)
        >>> theirs.update_batch(shingles)
        >>> bool((clusterer.minhash(shingles) == theirs.hashvalues).all())
        True
        """
        hashes = np.fromiter(map(zlib.crc32, shingles), dtype=np.uint32, count=len(shingles))
        shift1, multiply1, shift2, multiply2, shift3 = FMIX32
        hashes ^= hashes >> shift1
        hashes *= multiply1
        hashes ^= hashes >> shift2
        hashes *= multiply2
        hashes ^= hashes >> shift3
        # a * h + b wraps around at 2^32 (the scheme's modulo); the minimum over the shingles
        values: np.ndarray = (hashes[:, None] * self.permutation_a + self.permutation_b).min(axis=0)
        return values

    def band_keys(self, hashvalues: np.ndarray) -> tuple[int, ...]:
        """One signed 64-bit key per LSH band: two MinHashes share a key when a whole band is equal
        (as in datasketch's MinHashLSH); the layout is part of the key, so keys of another threshold
        never match.

        >>> clusterer = Clusterer(0.5, 60)
        >>> keys = clusterer.band_keys(np.arange(64, dtype=np.uint64))
        >>> len(keys), keys == clusterer.band_keys(np.arange(64, dtype=np.uint64))
        (14, True)
        """
        raw = np.asarray(hashvalues, dtype=np.uint32).tobytes()
        step = 4 * self.rows  # bytes per band
        return tuple(
            signed_key(raw[band * step : (band + 1) * step], person)
            for band, person in enumerate(self.persons)
        )

    def _similar(self, stored: bytes | None, minhash: np.ndarray) -> bool:
        if stored is None:
            return False
        values = np.frombuffer(stored, dtype=np.uint32)
        if len(values) != len(minhash):
            return False
        return float(np.count_nonzero(values == minhash)) / len(values) >= self.threshold
