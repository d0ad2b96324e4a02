"""Cluster stage: Articles -> near-duplicate clusters (a teaser and its full article, one dispatch on two sites).

Two articles are near-duplicates when their leads (first words of the body) share enough
word 3-grams (MinHash + LSH, `datasketch`), or when they carry the same title of four words
or more. A teaser is cut from its article's lead, so comparing leads links the two.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from vigie.frdate import fold
from vigie.records import Article
from vigie.store import Clustered, Signature

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
    """Holds the near-duplicate index of every stored article; assigns clusters to new ones."""

    def __init__(self, threshold: float, lead_words: int) -> None:
        self.lead_words = lead_words
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.permutations = MinHash(
            num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashfunc=zlib.crc32
        ).permutations
        self.cluster_of: dict[str, str] = {}
        self.by_title: dict[str, str] = {}  # title key -> cluster id
        self.hashes: dict[str, LeanMinHash] = {}

    @classmethod
    def load(cls, signatures: Iterable[Signature], threshold: float, lead_words: int) -> Clusterer:
        """An index over already stored articles."""
        clusterer = cls(threshold, lead_words)
        for signature in signatures:
            minhash = None
            if signature.minhash is not None:
                values = np.frombuffer(signature.minhash, dtype=np.uint32)
                minhash = LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)
            clusterer._add(signature.article_id, signature.cluster_id, signature.title_key, minhash)
        return clusterer

    def assign(self, articles: list[Article]) -> list[Clustered]:
        """Give each article a cluster: an existing one it duplicates, or its own id."""
        out = []
        for article in articles:
            title_key = self.title_key(article.title)
            minhash = self.lead_hash(article.body)
            cluster = self._find(title_key, minhash) or article.id
            self._add(article.id, cluster, title_key, minhash)
            out.append(
                Clustered(
                    article, cluster, title_key, None if minhash is None else minhash.hashvalues.tobytes()
                )
            )
        return out

    def forget(self, article_ids: Iterable[str]) -> None:
        """Drop replaced articles from the index."""
        for article_id in article_ids:
            self.cluster_of.pop(article_id, None)
            if article_id in self.hashes:
                self.lsh.remove(article_id)
                del self.hashes[article_id]

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

    def _find(self, title_key: str | None, minhash: LeanMinHash | None) -> str | None:
        candidates = set()
        if title_key is not None and title_key in self.by_title:
            candidates.add(self.by_title[title_key])
        if minhash is not None:
            # LSH also returns candidates below the threshold: keep those whose estimated similarity passes
            candidates.update(
                self.cluster_of[key]
                for key in self.lsh.query(minhash)
                if key in self.cluster_of and self.hashes[key].jaccard(minhash) >= self.threshold
            )
        return min(candidates) if candidates else None

    def _add(self, article_id: str, cluster: str, title_key: str | None, minhash: LeanMinHash | None) -> None:
        self.cluster_of[article_id] = cluster
        if title_key is not None:
            self.by_title.setdefault(title_key, cluster)
        # Only the article that founded a cluster is indexed: a copy adds nothing to find the
        # cluster again, and a story reprinted by many sites would make every query slower.
        if minhash is not None and cluster == article_id and article_id not in self.hashes:
            self.lsh.insert(article_id, minhash)
            self.hashes[article_id] = minhash
