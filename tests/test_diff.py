"""Diff: the first real case is 开州's own pair of tables per plan — 专栏1 (2011—2020 完成情况,
target 规划目标 for 2020, with actual values) against 专栏2 (2021—2030 目标)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from govdocparse.crosswalk.load import load_file
from govdocparse.diff import (
    DiffReport,
    diff_documents,
    diff_indicators,
    diff_tables,
    render_text,
    resolve,
)
from govdocparse.errors import InputError
from govdocparse.model import Document, Indicator

from .support import FIXTURES

RECORDS = FIXTURES / "crosswalk" / "records.json"


@pytest.fixture(scope="module")
def children() -> Document:
    kaizhou = load_file(RECORDS)[0]
    return next(d for d in kaizhou.documents if d.id == "d3")


@pytest.fixture(scope="module")
def report(children) -> DiffReport:
    tables = {t.id: t for t in children.tables}
    return diff_tables(tables["d3-t1"], tables["d3-t2"], children)


def entry(report: DiffReport, new_name: str):
    return next(e for e in report.changed + report.unchanged if e.new.name == new_name)


def target_change(report: DiffReport, new_name: str) -> tuple[str | None, str | None]:
    [change] = [c for c in entry(report, new_name).changes if c.field == "target"]
    return change.old, change.new


def test_kaizhou_targets_2020_to_2030(report):
    assert target_change(report, "婴儿死亡率") == ("＜9", "＜2.5")
    assert target_change(report, "新生儿死亡率") == ("降低", "＜1.5")
    assert target_change(report, "3岁以下儿童系统管理率") == ("＞80", "≥94")
    assert entry(report, "婴儿死亡率").old.actual == "3.45"


def test_renamed_measure_is_paired_not_added(report):
    preschool = entry(report, "学前教育毛入园率")
    assert preschool.old.name == "学前三年毛入园率"
    [rename] = [c for c in preschool.changes if c.field == "name"]
    assert (rename.old, rename.new) == ("学前三年毛入园率", "学前教育毛入园率")
    assert target_change(report, "学前教育毛入园率") == ("＞85", "≥93")
    assert "学前教育毛入园率" not in {r.name for r in report.added}


def test_removed_and_added(report):
    assert "围产儿出生缺陷发生率" in {r.name for r in report.removed}
    assert {"学前教育普惠率", "儿童意外伤害死亡率"} <= {r.name for r in report.added}
    # near-identical names of different measures are never paired
    for e in report.changed + report.unchanged:
        assert not {e.old.name, e.new.name} >= {"新生儿死亡率", "婴儿死亡率"}


def test_rename_through_an_alias():
    old = [_indicator("小学学龄儿童净入学率", "提高", value=None)]
    old[0].aliases = ["小学入学率"]
    new = [_indicator("小学入学率", "提高", value=None)]
    [pair] = diff_indicators(old, new, _document()).changed
    assert pair.match == "alias: 小学入学率"
    assert [c.field for c in pair.changes] == ["name"]


def _indicator(
    name: str,
    raw: str,
    *,
    op: str = ">=",
    value: float | None = None,
    unit: str | None = "%",
    agencies: Sequence[tuple[str, str]] = (),
    attribute: str | None = None,
    iid: str = "i1",
) -> Indicator:
    """An indicator; with `agencies`, owned by the responsibility `_owners(agencies)` holds."""
    atoms = [{"op": op, "value": value, "raw": raw}] if value is not None else []
    return Indicator.model_validate(
        {
            "id": iid,
            "source": "table",
            "name_raw": name,
            "name": name,
            "unit": unit,
            "attribute": attribute,
            "targets": [{"label": "目标", "raw": raw, "atoms": atoms}],
            "responsible_id": f"{iid}-r" if agencies else None,
            "provenance": {"file": "x.txt"},
        }
    )


def _document(agencies: Sequence[tuple[str, str]] = (), iid: str = "i1") -> Document:
    """A plan whose indicator `iid` (see `_indicator`) is owned by `agencies`."""
    responsibilities = [
        {
            "id": f"{iid}-r",
            "kind": "责任单位",
            "raw": "、".join(n for n, _ in agencies),
            "lead": [{"name": n, "canonical": c} for n, c in agencies],
            "provenance": {"file": "x.txt"},
        }
    ]
    return Document.model_validate(
        {
            "id": "d1",
            "kind": "plan",
            "title": None,
            "metadata": {"place": "万州区"},
            "responsibilities": responsibilities if agencies else [],
        }
    )


def test_target_compares_atoms_not_spelling():
    old = [_indicator("孕产妇系统管理率", "＞90", op=">", value=90)]
    same = [_indicator("孕产妇系统管理率", ">90", op=">", value=90)]
    raised = [_indicator("孕产妇系统管理率", "≥95", op=">=", value=95)]
    assert diff_indicators(old, same, _document()).changed == []
    [change] = diff_indicators(old, raised, _document()).changed[0].changes
    assert (change.field, change.old, change.new) == ("target", "＞90", "≥95")


def test_renamed_agency_is_not_a_new_owner():
    before, after, moved_to = (
        [("区卫生计生委", "区卫生健康委")],
        [("区卫生健康委", "区卫生健康委")],
        [("区民政局", "区民政局")],
    )
    old = [_indicator("孕产妇死亡率", "14/10万", unit="1/10万", agencies=before)]
    new = [_indicator("孕产妇死亡率", "14/10万", unit="1/10万", agencies=after)]
    [change] = diff_indicators(old, new, _document(before), _document(after)).changed[0].changes
    assert (
        change.field == "responsible"
        and change.detail == "agency renamed (same unit: 区卫生健康委)"
    )
    assert (change.old, change.new) == ("区卫生计生委", "区卫生健康委")
    moved = [_indicator("孕产妇死亡率", "14/10万", unit="1/10万", agencies=moved_to)]
    [change] = (
        diff_indicators(old, moved, _document(before), _document(moved_to)).changed[0].changes
    )
    assert change.detail == "dropped 区卫生健康委; added 区民政局"


def test_unit_and_attribute_changes():
    old = [_indicator("儿童溺水死亡率", "下降", unit="%", attribute="预期性")]
    new = [_indicator("儿童溺水死亡率", "下降", unit="1/10万", attribute="约束性")]
    changes = {
        c.field: (c.old, c.new) for c in diff_indicators(old, new, _document()).changed[0].changes
    }
    assert changes == {"unit": ("%", "1/10万"), "attribute": ("预期性", "约束性")}


def test_a_table_without_an_attribute_column_changes_no_attribute(report):
    assert all(c.field != "attribute" for e in report.changed for c in e.changes)


def test_render_text_reads_like_an_audit(report):
    text = render_text(report)
    assert text.startswith("diff 专栏1 → 专栏2\n")
    assert "  婴儿死亡率\n    target ＜9 → ＜2.5  [past actual 3.45]" in text
    assert "renamed: 学前三年毛入园率 → 学前教育毛入园率" in text
    assert "\nremoved:\n" in text and "\nadded:\n" in text


def test_json_report_round_trips(report):
    assert DiffReport.model_validate_json(report.model_dump_json()) == report


def test_resolve_addresses_files_documents_and_tables(tmp_path):
    whole = resolve(str(RECORDS))
    assert len(whole.indicators) > 400
    table = resolve(f"{RECORDS}#d3-t2")
    assert table.table and table.table.label == "专栏2"
    assert all(i.table_id == "d3-t2" for i in table.indicators)
    by_label = resolve(f"{RECORDS}#附件1-3")
    assert by_label.place == "梅州市"
    with pytest.raises(InputError, match="ambiguous #专栏1"):
        resolve(f"{RECORDS}#专栏1")
    column = resolve(f"{RECORDS}#d3/专栏1").table
    assert column and column.id == "d3-t1"
    with pytest.raises(InputError, match="no document or table #t9"):
        resolve(f"{RECORDS}#t9")
    with pytest.raises(InputError, match="ambiguous #d1"):
        resolve(f"{RECORDS}#d1")  # every file of the fixture list has a d1
    single = tmp_path / "kaizhou.json"
    single.write_text(load_file(RECORDS)[0].model_dump_json(), encoding="utf-8")
    plan = resolve(f"{single}#d3")
    assert plan.label == "kaizhou.json#d3" and plan.document and plan.document.title
    assert plan.document.title.startswith("开州区儿童发展规划")


def test_documents_diff_covers_every_indicator(children):
    report = diff_documents(children, children)
    assert report.changed == [] and report.added == [] and report.removed == []
    assert len(report.unchanged) == len(children.indicators)
