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

import hashlib
import re
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from vigie.frdate import fold
from vigie.records import Article
from vigie.store.keys import Clustered

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
LEAD_CHARS_PER_WORD = 40  # characters read per lead word wanted: the lead is found in the body's head


class Clusterer:
    """Assigns clusters to new articles against the stored ones (queried by key, never loaded whole)."""

    def __init__(self, threshold: float, lead_words: int, stored: Signatures | None = None) -> None:
        self.lead_words = lead_words
        self.threshold = threshold
        # the band layout datasketch chooses for this threshold (64 permutations, 0.5: 14 bands of 4)
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands: int = lsh.b
        self.rows: int = lsh.r
        self.permutations = MinHash(
            num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32
        ).permutations
        self.stored = stored
        self.forgotten: set[str] = set()  # stored articles about to be replaced

    @classmethod
    def load(cls, stored: Signatures, threshold: float, lead_words: int) -> Clusterer:
        """A clusterer over already stored articles; their band keys are rebuilt once when the stored
        ones were made for another threshold (or before migration 0013)."""
        clusterer = cls(threshold, lead_words, stored)
        stored.ensure_keys(clusterer.band_keys)
        return clusterer

    def assign(self, articles: list[Article]) -> list[Clustered]:
        """Give each article a cluster: an existing one it duplicates, or its own id.

        Compared with the stored articles and with those before it in `articles`; the caller stores
        them before the next call.
        """
        out: list[Clustered] = []
        for article in articles:
            title_key = self.title_key(article.title)
            minhash = self.lead_hash(article.body)
            keys = self.band_keys(minhash.hashvalues) if minhash is not None else ()
            cluster = self._find(title_key, minhash, keys, out) or article.id
            founder = cluster == article.id and minhash is not None
            # Only the article that founded a cluster is indexed: a copy adds nothing to find the
            # cluster again, and a story reprinted by many sites would make every query slower.
            out.append(
                Clustered(
                    article,
                    cluster,
                    title_key,
                    minhash.hashvalues.tobytes() if founder and minhash is not None else None,
                    keys if founder else (),
                )
            )
        self.forgotten.clear()
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

    def lead_hash(self, body: str) -> LeanMinHash | None:
        """MinHash of the word 3-grams of the body's first words; None for a lead too short."""
        lead = body.strip()
        head = lead[: self.lead_words * LEAD_CHARS_PER_WORD]  # the lead's words only, not the whole body
        words = WORD.findall(fold(head)) if len(head) < len(lead) else []
        if len(words) > self.lead_words:  # the last word of `head` may be cut; the body's end is far
            words = words[: self.lead_words]
        else:
            words = WORD.findall(fold(CUT_END.sub("", lead)))[: self.lead_words]
        if len(words) < MIN_LEAD_WORDS:
            return None
        shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
        # crc32 (C, 32 bits) in place of datasketch's default sha1: shingles only need fingerprints
        minhash = MinHash(
            num_perm=NUM_PERM, permutations=self.permutations, scheme=SCHEME, hashfunc=zlib.crc32
        )
        minhash.update_batch(sorted(shingles))
        return LeanMinHash(minhash)

    def band_keys(self, hashvalues: np.ndarray) -> tuple[int, ...]:
        """One signed 64-bit key per LSH band: two MinHashes share a key when a whole band is equal
        (as in datasketch's MinHashLSH); the layout is part of the key, so keys of another threshold
        never match.

        >>> clusterer = Clusterer(0.5, 60)
        >>> keys = clusterer.band_keys(np.arange(64, dtype=np.uint64))
        >>> len(keys), keys == clusterer.band_keys(np.arange(64, dtype=np.uint64))
        (14, True)
        """
        values = np.asarray(hashvalues, dtype=np.uint32)
        keys = []
        for band in range(self.bands):
            piece = values[band * self.rows : (band + 1) * self.rows].tobytes()
            digest = hashlib.blake2b(piece, digest_size=8, person=b"%d/%d/%d" % (self.rows, self.bands, band))
            keys.append(int.from_bytes(digest.digest(), "big", signed=True))
        return tuple(keys)

    def _find(
        self,
        title_key: str | None,
        minhash: LeanMinHash | None,
        keys: tuple[int, ...],
        earlier: list[Clustered],
    ) -> str | None:
        candidates = set()
        for item in earlier:  # the articles of this call, not stored yet
            if title_key is not None and item.title_key == title_key:
                candidates.add(item.cluster_id)
            if minhash is not None and item.minhash is not None and set(keys) & set(item.keys):
                if self._similar(item.minhash, minhash):
                    candidates.add(item.cluster_id)
        if self.stored is None:
            return min(candidates) if candidates else None
        if title_key is not None:
            titled = self.stored.titled(title_key, self.forgotten)
            if titled is not None:
                candidates.add(titled)
        if minhash is not None:
            # LSH also returns candidates below the threshold: keep those whose estimated similarity passes
            candidates.update(
                found.cluster_id
                for found in self.stored.sharing(keys, self.forgotten)
                if self._similar(found.minhash, minhash)
            )
        return min(candidates) if candidates else None

    def _similar(self, stored: bytes, minhash: LeanMinHash) -> bool:
        values = np.frombuffer(stored, dtype=np.uint32)
        if len(values) != len(minhash.hashvalues):
            return False
        return float(np.count_nonzero(values == minhash.hashvalues)) / len(values) >= self.threshold
