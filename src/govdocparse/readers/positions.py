"""Coordinates on a page taken as one when they lie close together: the columns and rows of a
ruled table (whose rulings a renderer draws a fraction of a point apart), the left edges of
OCR'd lines. One rule for the PDF and OFD readers and the grid finder."""

from __future__ import annotations


def chains(values: list[float], gap: float) -> list[list[float]]:
    """The values, sorted, in groups whose neighbours are at most `gap` apart."""
    groups: list[list[float]] = []
    for value in sorted(values):
        if groups and value - groups[-1][-1] <= gap:
            groups[-1].append(value)
        else:
            groups.append([value])
    return groups


def distinct(values: list[float], tolerance: float) -> list[float]:
    """The values, sorted, one for each run within `tolerance` of its first value: the first."""
    kept: list[float] = []
    for value in sorted(values):
        if not kept or value - kept[-1] > tolerance:
            kept.append(value)
    return kept
