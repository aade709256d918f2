"""Makes a synthetic corpus for scale tests by varying the real documents of corpus/raw.

Each synthetic document is one of the real texts with
- its place renamed (开州区/开州/开县 → e.g. 青川区/青川/青川县), the same new name throughout;
- the （一）/（二）… subsections of every 一、/二、… part shuffled and renumbered in their new
  order;
- its target numbers changed (the number after ≥ ＞ 达到 不低于 …, or before % ‰), by up to ±5 %,
  percentages kept at or below 100.
The same --seed gives the same files, byte for byte. Files go to a new temporary folder unless
--out is given (never into the repository by default), in sub-folders of 1,000.

    python scripts/make_synthetic.py --docs 10000 [--seed 7] [--out DIR]
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "corpus" / "raw"

# The names each real document uses for its own place, longest first, with the suffix each
# spelling keeps when the place is renamed (开县 is 开州's name before 2016).
PLACES = {
    "kaizhou": [("开州区", "区"), ("开县", "县"), ("开州", "")],
    "wanzhou": [("万州区", "区"), ("万州", "")],
    "zunyi": [("遵义市", "市"), ("遵义", "")],
    "meizhou": [("梅州市", "市"), ("梅州", "")],
    "yuzhong": [("渝中区", "区"), ("渝中", "")],
}
# Characters for made-up two-character place names; none of the real names can come out.
NAME_CHARS = (
    "安宝昌丹东丰凤福富广和河衡华嘉江金锦景靖康兰乐黎临龙隆茂宁平青清庆荣瑞山尚寿"
    "顺松泰桃通桐文溪祥新兴秀阳宜永玉云长"
)
NUMERALS = "一二三四五六七八九十"

_TOP = re.compile(rf"^[{NUMERALS}]+、", re.M)
_SUB = re.compile(rf"^([（(])([{NUMERALS}]+)([）)])", re.M)
_TARGET = re.compile(
    r"(?:(?<=[≥≤＞＜><])|(?<=达到)|(?<=不低于)|(?<=不少于)|(?<=不高于)|(?<=控制在)|(?<=提高到)|(?<=降至)|(?<=保持在))"
    r"(\d+(?:\.\d+)?)"
    r"|(\d+(?:\.\d+)?)(?=\s*[%％‰])"
)


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (enough for section numbers)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else NUMERALS[tens - 1] + "十"
    return head + (NUMERALS[units - 1] if units else "")


def place_name(rng: random.Random) -> str:
    return "".join(rng.sample(NAME_CHARS, 2))


def rename_place(text: str, base: str, new: str) -> str:
    for old, suffix in PLACES.get(base, []):
        text = text.replace(old, new + suffix)
    return text


def _numbered(n: int, heading: re.Match[str]) -> str:
    """The （一）-style number of `heading` made the `n`th."""
    return f"{heading.group(1)}{chinese_number(n)}{heading.group(3)}"


def shuffle_subsections(text: str, rng: random.Random) -> str:
    """Shuffle the （一）… blocks inside each 一、… part and renumber them in their new order."""
    tops = [m.start() for m in _TOP.finditer(text)] + [len(text)]
    pieces = [text[: tops[0]]]
    for start, end in itertools.pairwise(tops):
        part = text[start:end]
        subs = [m.start() for m in _SUB.finditer(part)]
        if len(subs) < 2:
            pieces.append(part)
            continue
        blocks = [part[a:b] for a, b in zip(subs, [*subs[1:], len(part)], strict=True)]
        rng.shuffle(blocks)
        renumbered = [
            _SUB.sub(partial(_numbered, n), block, count=1)
            for n, block in enumerate(blocks, start=1)
        ]
        pieces.append(part[: subs[0]] + "".join(renumbered))
    return "".join(pieces)


def change_targets(text: str, rng: random.Random) -> str:
    def vary(match: re.Match) -> str:
        number = match.group(1) or match.group(2)
        decimals = len(number.split(".")[1]) if "." in number else 0
        value = float(number) * (1 + rng.uniform(-0.05, 0.05))
        percent = match.string[match.end() : match.end() + 2].lstrip()[:1] in ("%", "％")
        if percent and float(number) <= 100:
            value = min(value, 100.0)
        return f"{value:.{decimals}f}"

    return _TARGET.sub(vary, text)


def synthesize(text: str, base: str, rng: random.Random) -> str:
    text = rename_place(text, base, place_name(rng))
    text = shuffle_subsections(text, rng)
    return change_targets(text, rng)


def make_corpus(out: Path, docs: int, seed: int = 7, raw: Path = RAW) -> list[Path]:
    """Write `docs` synthetic documents under `out`; the paths written, in order."""
    sources = sorted(raw.glob("*.txt"))
    if not sources:
        raise SystemExit(f"no *.txt in {raw}")
    texts = [(p.stem.split("-")[0], p.read_text(encoding="utf-8")) for p in sources]
    rng = random.Random(seed)
    written = []
    for number in range(docs):
        base, text = texts[rng.randrange(len(texts))]
        path = out / f"{number // 1000:02d}" / f"syn-{number:05d}-{base}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(synthesize(text, base, rng), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=10_000, help="how many documents (default 10000)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--out", type=Path, help="folder to write into (default: a new temporary folder)"
    )
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="govdocparse-synthetic-"))
    written = make_corpus(out, args.docs, args.seed)
    size = sum(p.stat().st_size for p in written)
    print(f"{len(written)} documents, {size / 1e6:.1f} MB in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
