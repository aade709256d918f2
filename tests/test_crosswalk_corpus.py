"""The crosswalk over the real parser output (the reviewed golden records), not a fixture."""

from typing import Any

import pytest

from govdocparse.crosswalk import build_crosswalk, load_parsed
from govdocparse.crosswalk.evaluate import read_labels, score

from .support import GOLDEN, TESTS


@pytest.fixture(scope="module")
def crosswalk():
    return build_crosswalk(load_parsed(GOLDEN))


@pytest.fixture(scope="module")
def clusters(crosswalk):
    return crosswalk.clusters


def test_independent_labels(crosswalk):
    """tests/crosswalk_labels_independent.tsv: pairs read by hand, chosen without the matcher."""
    labels = read_labels(TESTS / "crosswalk_labels_independent.tsv")
    result = score(crosswalk, labels)
    assert not result.unknown
    assert result.false_positive == 0, [(p.a, p.b) for p in result.wrong_links]
    assert result.f1 >= 0.99


def _places_of(clusters, name):
    """Places of the cluster holding a member with exactly this name."""
    found = [c for c in clusters if any(m.name == name for m in c.members)]
    assert len(found) == 1, f"{name}: in {len(found)} clusters"
    return {m.place for m in found[0].members}


@pytest.mark.parametrize(
    "name, places",
    [
        ("学前三年毛入园率", {"万州区", "开州区", "遵义市", "梅州市", "渝中区"}),
        ("5岁以下儿童死亡率", {"万州区", "开州区", "遵义市", "梅州市", "渝中区"}),
        ("九年义务教育巩固率", {"开州区", "遵义市", "梅州市"}),
        ("婴儿死亡率", {"万州区", "开州区", "遵义市", "梅州市", "渝中区"}),
        ("新生儿死亡率", {"开州区", "遵义市", "梅州市", "渝中区"}),
        ("城乡社区儿童之家覆盖率", {"开州区", "遵义市", "梅州市", "渝中区"}),
    ],
)
def test_shared_measures_are_linked_across_places(clusters, name, places):
    assert places <= _places_of(clusters, name)


@pytest.mark.parametrize(
    "a, b",
    [
        ("新生儿死亡率", "婴儿死亡率"),
        ("婴儿死亡率", "5岁以下儿童死亡率"),
        ("小学生近视率", "初中生近视率"),
        ("女童九年义务教育巩固率", "九年义务教育巩固率"),
        ("儿童溺水死亡率", "灾害事故导致儿童死亡人数"),
        ("孕产妇死亡率", "新生儿死亡率"),
        ("孕产妇贫血患病率", "5岁以下儿童贫血率"),
        ("儿童医院数", "儿童友好医院数"),
        ("未成年人犯罪人数占同期犯罪人数的比重", "未成年人犯罪人数占未成年人人口数量的比重"),
        ("乙肝疫苗接种率", "以乡镇为单位适龄儿童免疫规划疫苗接种率"),
        ("婚前医学检查率", "婚前医学检查率（农村）"),
        ("中小学三残儿童入学率", "残疾儿童入学率"),
        ("学生每天校外体育活动时间", "中小学生每天在校体育活动时间"),
        ("幼儿园幼儿每日中高强度的身体活动时间", "儿童每天中等及以上强度的运动时间"),
    ],
)
def test_hard_negatives_never_share_a_cluster(clusters, a, b):
    for cluster in clusters:
        names = {m.name for m in cluster.members}
        assert not (a in names and b in names), cluster.name


def test_a_table_contributes_at_most_one_member_per_cluster(clusters):
    for cluster in clusters:
        tables = [(m.source_file, m.document_id, m.table_id) for m in cluster.members if m.table_id]
        assert len(tables) == len(set(tables)), cluster.name


def test_the_crosswalk_reader_gives_the_same_crosswalk_as_whole_records():
    """read_for_crosswalk leaves out what the crosswalk does not read, and nothing it does: the
    same clusters, members, names, units, targets (but for their provenance) and evidence."""
    from govdocparse.crosswalk import read_for_crosswalk
    from govdocparse.model import ParseResult

    skipped: list[str] = []
    records = list(read_for_crosswalk(GOLDEN, skipped))
    assert not skipped and all(isinstance(r, ParseResult) for r in records)
    assert all(not d.sections and not d.responsibilities for r in records for d in r.documents)
    lean, whole = build_crosswalk(records), build_crosswalk(load_parsed(GOLDEN))
    exclude: dict[str, Any] = {
        "clusters": {
            "__all__": {
                "members": {
                    "__all__": {
                        "targets": {"__all__": {"provenance"}},
                        "actual": {"atoms", "provenance"},
                    }
                }
            }
        }
    }
    assert lean.model_dump(exclude=exclude) == whole.model_dump(exclude=exclude)
