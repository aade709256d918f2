"""OCR throughput of the `ocr` extra: pages per second on scanned PDFs, against rendering alone.

For each PDF given (default: tests/fixtures/edge/scanned-watermark.pdf) it prints
- the engine's start-up (model loading, once per process),
- the PDF reader on the whole file (render + OCR + layout), best of --repeat runs, as pages/s,
- the floor: PDFium rendering the same pages at the OCR resolution, and the reader's time as a
  multiple of it.
Numbers only: nothing here asserts a time. Needs `pip install 'govdocparse[ocr]'`.

    python scripts/bench_ocr.py [--repeat 2] [PDF ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from functools import partial
from pathlib import Path

from timing import best_of

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "fixtures" / "edge" / "scanned-watermark.pdf"]


def render_only(path: Path) -> int:
    import pypdfium2

    from govdocparse.readers import pdf_ocr

    document = pypdfium2.PdfDocument(path)
    for page in document:
        page.render(scale=pdf_ocr._DPI / 72, grayscale=True).to_pil()
    count = len(document)
    document.close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("pdfs", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)

    from govdocparse.readers import pdf_ocr, read

    if not pdf_ocr.available():
        raise SystemExit("the ocr extra is not installed: pip install 'govdocparse[ocr]'")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, ", end="")
    print(f"load average {os.getloadavg()[0]:.2f} at start, OCR at {pdf_ocr._DPI} dpi")
    started = time.perf_counter()
    pdf_ocr._engine()
    print(f"engine start-up (models loaded): {time.perf_counter() - started:.2f} s")
    for path in args.pdfs:
        pages = render_only(path)
        reading = best_of(args.repeat, partial(read, path))
        rendering = best_of(args.repeat, partial(render_only, path))
        print(f"\n{path.name}: {pages} pages")
        print(f"  PDF reader with OCR   {reading:7.2f} s  {pages / reading:6.2f} pages/s")
        print(f"  floor: PDFium render  {rendering:7.2f} s  {pages / rendering:6.2f} pages/s")
        print(f"  reader / floor        ×{reading / rendering:.1f}")
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
