"""The crosswalk's output records: clusters of indicators that measure the same thing."""

from __future__ import annotations

from pydantic import Field

from ..model import Measurement, Record, Target


class Member(Record):
    """One indicator record of one plan taking part in a cluster."""

    place: str
    document_id: str
    document_title: str | None = None
    indicator_id: str
    name: str = Field(
        description=(
            "The indicator's name; a sub-row is prefixed with its parent row (孕产妇死亡率：城市)."
        )
    )
    unit: str | None = None
    targets: list[Target] = Field(default_factory=list)
    source_file: str
    source: str = Field(description="table or prose")
    table_id: str | None = None
    table_label: str | None = Field(
        None, description="专栏1, 附件1-3, … of the table the row is in."
    )
    actual: Measurement | None = None
    part: str | None = Field(
        None,
        description=(
            "For a distributive list (新生儿、婴儿…死亡率分别…): the measure this member is."
        ),
    )
    key: str = Field(
        description="The normalised name: discriminating tokens | core | measure head."
    )


class Evidence(Record):
    """Why two members are linked: the rule or score that joined them."""

    a: int = Field(description="Index of a member in `members`.")
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
