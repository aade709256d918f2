"""Writes the damaged downloads of the development set from their clean sources (sources/).

A download cut short or re-saved by a tool that lost bytes leaves a few invalid sequences in an
otherwise good file. Each damaged case is its source encoded as the site served it, with chosen
characters broken: in UTF-8 a character loses its last byte (a truncated sequence), in GBK a
character is replaced by the byte 0xFF, which no GBK sequence contains. The damage sits in body
sentences, so every fact of the case stays readable; the expected warning names the lines.

    python -m tests.realworld.make_damaged      # rewrite the damaged files

tests/test_realworld.py checks that the committed files equal what this script writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Damage:
    encoding: str  # "utf-8" or "gbk"
    lines: tuple[int, ...]  # 1-based lines whose first character after `column` is broken
    column: int = 6


DAMAGED = {
    # 3 truncated UTF-8 sequences (preamble, 发展现状, 组织实施)
    "anhui-jinzhai-2021-women-children-plan.txt": Damage("utf-8", (15, 19, 57)),
    # 1 bad byte in a GBK file (规划背景)
    "henan-lankao-2016-children-13th.txt": Damage("gbk", (20,)),
}


def damaged_bytes(name: str) -> bytes:
    """The bytes of the damaged file `name`, made from its clean source."""
    damage = DAMAGED[name]
    lines = (HERE / "sources" / name).read_text(encoding="utf-8").split("\n")
    out = []
    for number, line in enumerate(lines, start=1):
        if number not in damage.lines:
            out.append(line.encode(damage.encoding))
            continue
        column = next(i for i in range(damage.column, len(line)) if ord(line[i]) > 0x2E7F)
        broken = line[column].encode(damage.encoding)
        broken = broken[:-1] if damage.encoding == "utf-8" else b"\xff"
        before, after = line[:column], line[column + 1 :]
        out.append(before.encode(damage.encoding) + broken + after.encode(damage.encoding))
    return b"\n".join(out)


def main() -> None:
    for name in sorted(DAMAGED):
        (HERE / name).write_bytes(damaged_bytes(name))
        print(f"wrote tests/realworld/{name}")


if __name__ == "__main__":
    main()
