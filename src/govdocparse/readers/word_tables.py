"""Word's table model, shared by the readers of its formats (.docx and Word 2003 XML, .doc, RTF):
cells placed on the table's grid with their merges, the way the block stream gives them.

Every Word format describes a table row by row, each cell with the grid columns it covers and
two merge marks: a legacy horizontal merge (the cell is covered by the one before it, which
widens) and a vertical merge (the cell starts one, or is a covered slot under its first cell).
A vertically merged cell keeps its text in its first row, with `rowspan` the rows it covers, and
each slot below is `Cell("", merged=True)`; a cell spanning columns is one `Cell` with `colspan`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ..model import Provenance
from ..source import Cell, TableBlock

Vertical = Literal["start", "continue"] | None


@dataclass
class WordGrid:
    """A Word table being read: rows of cells, and the vertical merges still open."""

    name: str
    k: int  # the table's position in the main text, for provenance
    rows: list[list[Cell]] = field(default_factory=list)
    # grid column -> the first cell of the vertical merge open in that column
    origins: dict[int, Cell] = field(default_factory=dict)

    def new_row(self) -> None:
        self.rows.append([])

    def place(
        self,
        text: str | Callable[[], str],
        col: int,
        span: int,
        widens: bool = False,
        vertical: Vertical = None,
    ) -> int:
        """Put the current row's next cell at grid column `col`, `span` columns wide, and
        return the column after it. `widens`: a legacy horizontal merge, which widens the cell
        before it instead; `vertical`: the cell starts a vertical merge or continues one.
        `text` may be a function giving it, asked only when the cell shows its text (reading a
        cell can count list numbers)."""
        row = self.rows[-1]
        if widens and row:
            row[-1].colspan += span
            return col + span
        prov = Provenance(
            file=self.name, paragraph=self.k, table_row=len(self.rows) - 1, table_col=col
        )
        if vertical == "continue":
            cell = Cell("", prov, colspan=span, merged=True)
            if col in self.origins:
                self.origins[col].rowspan += 1
        else:
            cell = Cell(text if isinstance(text, str) else text(), prov, colspan=span)
            for covered in range(col, col + span):
                self.origins.pop(covered, None)
            if vertical == "start":
                self.origins[col] = cell
        row.append(cell)
        return col + span

    def block(self) -> TableBlock:
        return TableBlock(self.rows, Provenance(file=self.name, paragraph=self.k))
