"""Likely duplicate customers (重复客户), listed in pairs for a person to merge or dismiss.

Two records are a likely pair when their names meet after normalisation
(:func:`domain.text.normalise_company_name`: full-width to half-width, 有限公司 /
股份 / 集团 and punctuation dropped), when the normalised names are close
(rapidfuzz similarity at or above ``name_similarity``), or when they share a phone
number or an e-mail address (the customer's own or a contact's).
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from domain.text import normalise_company_name, normalise_phone


class Reason(enum.StrEnum):
    SAME_NAME = "same_name"
    SIMILAR_NAME = "similar_name"
    SAME_PHONE = "same_phone"
    SAME_EMAIL = "same_email"


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    customer_id: int
    name: str
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first_id: int
    second_id: int
    reasons: tuple[Reason, ...]
    similarity: float
    """Name similarity 0-100 of the normalised names."""


def find_duplicates(candidates: Sequence[DuplicateCandidate], name_similarity: float = 90.0) -> list[DuplicatePair]:
    """Pairs (lower id first), strongest evidence first."""
    reasons: dict[tuple[int, int], set[Reason]] = defaultdict(set)
    keys = {c.customer_id: normalise_company_name(c.name) for c in candidates}

    def group(values: Iterable[tuple[str, int]], reason: Reason) -> None:
        buckets: dict[str, list[int]] = defaultdict(list)
        for value, cid in values:
            if value:
                buckets[value].append(cid)
        for ids in buckets.values():
            unique = sorted(set(ids))
            if len(unique) > 20:  # a switchboard or a shared mailbox, not a duplicate signal
                continue
            for i, a in enumerate(unique):
                for b in unique[i + 1 :]:
                    reasons[(a, b)].add(reason)

    group(((k, cid) for cid, k in keys.items()), Reason.SAME_NAME)
    group(
        ((normalise_phone(p), c.customer_id) for c in candidates for p in c.phones if len(normalise_phone(p)) >= 7),
        Reason.SAME_PHONE,
    )
    group(((e.strip().lower(), c.customer_id) for c in candidates for e in c.emails if "@" in e), Reason.SAME_EMAIL)

    # Similar names: compare within blocks sharing the first two characters of the key,
    # which keeps 100,000 customers from becoming 5 billion comparisons.
    blocks: dict[str, list[int]] = defaultdict(list)
    for cid, key in keys.items():
        if len(key) >= 2:
            blocks[key[:2]].append(cid)
    for ids in blocks.values():
        if len(ids) < 2:
            continue
        names = [keys[i] for i in ids]
        scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=name_similarity)
        for i, j in zip(*scores.nonzero(), strict=True):
            if i < j and names[i] != names[j]:
                a, b = sorted((ids[i], ids[j]))
                reasons[(a, b)].add(Reason.SIMILAR_NAME)

    pairs = [
        DuplicatePair(a, b, tuple(sorted(rs, key=list(Reason).index)), fuzz.ratio(keys[a], keys[b]))
        for (a, b), rs in reasons.items()
    ]
    pairs.sort(key=lambda p: (-len(p.reasons), -p.similarity, p.first_id, p.second_id))
    return pairs
