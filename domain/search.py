"""Filter-as-you-type over many records: substring search in precomputed haystacks.

Each record has one lower-case haystack holding every spelling a user may type:
name, short name, phone, full pinyin and pinyin initials (``hwjs`` finds 华为技术).
While the user keeps typing, a longer query can only match a subset of what the
shorter one matched, so the search narrows the last result instead of rescanning
everything; that keeps 100,000 records well under a frame's time per keystroke.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


class TextIndex:
    """Substring search over a fixed list of haystacks; results are positions in that list."""

    def __init__(self, haystacks: Sequence[str]) -> None:
        self._haystacks = list(haystacks)
        self._last_query = ""
        self._last_result: list[int] = list(range(len(self._haystacks)))

    def __len__(self) -> int:
        return len(self._haystacks)

    @staticmethod
    def normalise(query: str) -> str:
        """Full-width to half-width, lower case, spaces removed (pinyin is stored without them)."""
        return unicodedata.normalize("NFKC", query).lower().replace(" ", "")

    def search(self, query: str) -> list[int]:
        """Positions whose haystack contains ``query`` (all positions for an empty query)."""
        q = self.normalise(query)
        if not q:
            result = list(range(len(self._haystacks)))
        else:
            candidates: Sequence[int] = range(len(self._haystacks))
            if self._last_query and q.startswith(self._last_query):
                candidates = self._last_result
            hay = self._haystacks
            result = [i for i in candidates if q in hay[i]]
        self._last_query, self._last_result = q, result
        return result
