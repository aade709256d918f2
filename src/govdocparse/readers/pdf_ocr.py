"""Optical character recognition of page images, for scanned PDFs (the `ocr` extra).

`pip install 'govdocparse[ocr]'` brings RapidOCR (the `rapidocr` package, whose Chinese PP-OCR
detection and recognition models ship inside the wheel) and onnxruntime: it runs offline, on
the CPU. Without them, `available()` is False and the PDF reader refuses a scan with one line
saying so (`NOT_INSTALLED`).

A page is rendered by PDFium at `_DPI` and the engine returns text lines with a four-point box
and a confidence in [0, 1]; boxes come back in PDF points from the page's top-left corner, the
reader's coordinates, in reading order (boxes side by side on one row share its top and
bottom). Text-direction classification is off: scans of government documents are upright, and
it costs a model run per line. The engine's log messages never reach the terminal;
its warnings are returned for the record. When stderr is a terminal, one progress line per page
is written there.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from dataclasses import dataclass, replace
from functools import cache

import pypdfium2 as pdfium

NOT_INSTALLED = "scanned pages, no text layer: install govdocparse[ocr]"
# Rendering resolution: PP-OCR reads body text (12-16 pt) reliably from 150 dpi up.
_DPI = 150
# Lines the engine itself is less sure of than this are dropped (its own default threshold).
_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class OcrLine:
    """One recognised line of text: its box in points and the engine's confidence."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float


class _Collector(logging.Handler):
    """Keeps the engine's warnings for the record instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))


_COLLECTOR = _Collector()


def available() -> bool:
    """Whether the `ocr` extra is installed."""
    return all(importlib.util.find_spec(name) is not None for name in ("rapidocr", "onnxruntime"))


@cache
def _engine():
    import onnxruntime
    from rapidocr import RapidOCR

    onnxruntime.set_default_logger_severity(3)  # errors only: no C++ warnings on stderr
    logger = logging.getLogger("RapidOCR")
    logger.handlers = [_COLLECTOR]
    logger.setLevel(logging.WARNING)
    engine = RapidOCR(params={"Global.log_level": "warning", "Global.use_cls": False})
    logger.handlers = [_COLLECTOR]  # the engine's set-up adds its console handler back
    return engine


def read_page(page: pdfium.PdfPage, number: int, total: int, path: str) -> list[OcrLine]:
    """The text lines of one rendered page, top to bottom."""
    import numpy

    if sys.stderr.isatty():
        print(f"govdocparse: OCR {path} page {number}/{total}", file=sys.stderr, flush=True)
    scale = _DPI / 72
    image = page.render(scale=scale, grayscale=True).to_pil().convert("RGB")
    result = _engine()(numpy.asarray(image))
    lines: list[OcrLine] = []
    if result.boxes is None:
        return lines
    for box, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        if float(score) < _MIN_CONFIDENCE or not text.strip():
            continue
        xs = [float(point[0]) / scale for point in box]
        ys = [float(point[1]) / scale for point in box]
        lines.append(
            OcrLine(text.strip(), min(xs), min(ys), max(xs), max(ys), round(float(score), 3))
        )
    return _reading_order(lines)


def _reading_order(lines: list[OcrLine]) -> list[OcrLine]:
    """Top to bottom; boxes side by side on one row (the cells of a table row) left to right,
    their boxes stretched to the row's top and bottom so that later sorting keeps them so."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda line: (line.top + line.bottom) / 2):
        middle = (line.top + line.bottom) / 2
        if rows and rows[-1][0].top <= middle <= rows[-1][0].bottom:
            rows[-1].append(line)
        else:
            rows.append([line])
    ordered: list[OcrLine] = []
    for row in rows:
        top, bottom = min(line.top for line in row), max(line.bottom for line in row)
        ordered.extend(
            replace(line, top=top, bottom=bottom) for line in sorted(row, key=lambda line: line.x0)
        )
    return ordered


def engine_warnings() -> list[str]:
    """The engine's warnings since the last call."""
    messages = list(dict.fromkeys(_COLLECTOR.messages))
    _COLLECTOR.messages.clear()
    return messages
