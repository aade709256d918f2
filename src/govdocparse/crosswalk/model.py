"""The crosswalk's output records: clusters of indicators that measure the same thing.

A crosswalk of ten thousand plans holds over a million members and about as many pieces of
evidence, so those two are slotted dataclasses (a sixth of a pydantic model's memory each, and
built without re-validating what the records already validated); pydantic validates and writes
them inside a `Crosswalk` like any model field, extra keys refused as in every record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import ConfigDict, Field

from ..model import Measurement, Record, Target

_STRICT = ConfigDict(extra="forbid")


@dataclass(slots=True, kw_only=True)
class Member:
    """One indicator record of one plan taking part in a cluster.

    Members of one crosswalk share equal values (one list for equal targets, one string for a
    place): read them, do not change them in place.
    """

    __pydantic_config__ = _STRICT

    place: str
    document_id: str
    document_title: str | None = None
    indicator_id: str
    name: Annotated[
        str,
        Field(
            description=(
                "The indicator's name; a sub-row is prefixed with its parent row "
                "(孕产妇死亡率：城市)."
            )
        ),
    ]
    unit: str | None = None
    targets: list[Target] = field(default_factory=list)
    source_file: str
    source: Annotated[str, Field(description="table or prose")]
    table_id: str | None = None
    table_label: Annotated[
        str | None, Field(description="专栏1, 附件1-3, … of the table the row is in.")
    ] = None
    actual: Measurement | None = None
    part: Annotated[
        str | None,
        Field(
            description=(
                "For a distributive list (新生儿、婴儿…死亡率分别…): the measure this member is."
            )
        ),
    ] = None
    key: Annotated[
        str, Field(description="The normalised name: discriminating tokens | core | measure head.")
    ]


@dataclass(slots=True, kw_only=True)
class Evidence:
    """Why two members are linked: the rule or score that joined them."""

    __pydantic_config__ = _STRICT

    a: Annotated[int, Field(description="Index of a member in `members`.")]
    b: int
    rule: str
    score: float


class Cluster(Record):
    id: str
    name: str = Field(description="Canonical name of the measure.")
    members: list[Member]
    score: float = Field(
        description="The weakest link holding the cluster together (100 for one member)."
    )
    evidence: list[Evidence] = Field(default_factory=list)

    @property
    def places(self) -> list[str]:
        return sorted({m.place for m in self.members})


class Crosswalk(Record):
    clusters: list[Cluster]
    places: list[str] = Field(default_factory=list)
    stats: dict[str, int] = Field(
        default_factory=dict, description="Counts of the run: members, comparisons, links."
    )
