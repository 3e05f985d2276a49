"""Maximum-weight one-to-one pairing of two small sets (the Hungarian method)."""

from __future__ import annotations

from collections.abc import Sequence


def max_weight_pairs(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """Pair rows with columns one-to-one so that the total weight is as large as possible.

    ``weights[r][c]`` is the (integer) value of pairing row ``r`` with column ``c``;
    a weight of 0 or less means the two cannot be paired. Returns the ``(row, col)``
    pairs, sorted. Deterministic: the same matrix always gives the same pairs.
    """
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    top = max((w for r in weights for w in r), default=0)
    if top <= 0:
        return []

    def cost(r: int, c: int) -> int:
        # minimise (top - weight); pairs that cannot match cost as much as no pair
        if r < rows and c < len(weights[r]) and weights[r][c] > 0:
            return top - weights[r][c]
        return top

    # e-maxx formulation, 1-based with a dummy row/column 0
    inf = float("inf")
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    owner = [0] * (n + 1)  # owner[col] = row paired with col
    way = [0] * (n + 1)
    for r in range(1, n + 1):
        owner[0] = r
        c0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[c0] = True
            r0 = owner[c0]
            delta = inf
            c1 = 0
            for c in range(1, n + 1):
                if used[c]:
                    continue
                cur = cost(r0 - 1, c - 1) - u[r0] - v[c]
                if cur < minv[c]:
                    minv[c] = cur
                    way[c] = c0
                if minv[c] < delta:
                    delta = minv[c]
                    c1 = c
            for c in range(n + 1):
                if used[c]:
                    u[owner[c]] += delta
                    v[c] -= delta
                else:
                    minv[c] -= delta
            c0 = c1
            if owner[c0] == 0:
                break
        while True:
            c1 = way[c0]
            owner[c0] = owner[c1]
            c0 = c1
            if c0 == 0:
                break
    pairs = []
    for c in range(1, n + 1):
        r = owner[c] - 1
        if r < rows and c - 1 < len(weights[r]) and weights[r][c - 1] > 0:
            pairs.append((r, c - 1))
    return sorted(pairs)
