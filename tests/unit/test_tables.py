from array import array

from pipeline.extract.figure import Figure
from pipeline.ingest import read_report
from pipeline.ingest.document import Document
from pipeline.tables import (
    build_indicators_table,
    build_reports_table,
    combine_indicators,
    empty_frame,
    indicator_ids,
    insert_report_rows,
)
from pipeline.validate import check_provenance, check_table
from schemas import IndicatorsModel, ReportsModel


def _doc(text: str, report_id: str = "r1") -> Document:
    return Document(
        report_id=report_id,
        file_name=f"{report_id}.txt",
        sha256="0" * 64,
        n_bytes=len(text.encode()),
        encoding="utf-8",
        source_text=text,
        clean_text=text,
        clean_to_source=array("q", range(len(text) + 1)),
        area="泉州",
        year=2021,
    )


def _fig(doc: Document, quote: str, value: float, nth: int = 0, **kw) -> Figure:
    start = -1
    for _ in range(nth + 1):
        start = doc.source_text.index(quote, start + 1)
    defaults = dict(unit="亿元", unit_mult=8, value_base=value * 1e8, base_unit="yuan", measure="level")
    defaults.update(kw)
    return Figure(quote=quote, char_start=start, char_end=start + len(quote), value=value, **defaults)


TEXT = "兑现惠企资金48.2亿元、减税降费91.1亿元。网络零售额2574亿元、增长34.9%。"


def test_indicator_table_is_schema_valid_and_traceable():
    doc = _doc(TEXT)
    figures = [
        _fig(doc, "91.1亿元", 91.1),
        _fig(doc, "48.2亿元", 48.2),
        _fig(
            doc,
            "增长34.9%",
            34.9,
            unit="%",
            unit_mult=0,
            value_base=34.9,
            base_unit="percent",
            measure="growth_pct",
            growth_basis="yoy",
        ),
    ]
    table = build_indicators_table(doc, figures)
    assert check_table(IndicatorsModel, table).empty
    assert check_provenance(table, {doc.report_id: doc.source_text}).empty
    assert list(table["quote"]) == ["48.2亿元", "91.1亿元", "增长34.9%"]  # sorted by position
    assert table["unit_mult"].dtype == "int64"


def test_indicator_ids_survive_edits_elsewhere_and_stay_unique():
    doc = _doc(TEXT)
    before = indicator_ids(doc, [_fig(doc, "48.2亿元", 48.2)])
    edited = _doc("前面加了一整段无关的文字，共计三十个字符左右。\n" + TEXT)
    after = indicator_ids(edited, [_fig(edited, "48.2亿元", 48.2)])
    assert before == after

    twice = _doc("完成投资5亿元。完成投资5亿元。")
    ids = indicator_ids(twice, [_fig(twice, "5亿元", 5), _fig(twice, "5亿元", 5, nth=1)])
    assert len(set(ids)) == 2


def test_provenance_check_reports_a_shifted_quote():
    doc = _doc(TEXT)
    table = build_indicators_table(doc, [_fig(doc, "48.2亿元", 48.2)])
    table.loc[0, "char_start"] += 1
    table.loc[0, "char_end"] += 1
    failures = check_provenance(table, {doc.report_id: doc.source_text})
    assert failures["found"].tolist() == ["8.2亿元、"]


def test_schema_check_returns_failures_instead_of_raising():
    doc = _doc(TEXT)
    table = build_indicators_table(doc, [_fig(doc, "48.2亿元", 48.2)])
    table.loc[0, "measure"] = "not-a-measure"
    failures = check_table(IndicatorsModel, table)
    assert "measure" in failures["column"].tolist()


def test_reports_table_and_empty_tables_validate():
    doc = _doc(TEXT)
    reports = build_reports_table([doc], {"r1": 3})
    assert check_table(ReportsModel, reports).empty
    assert reports.loc[0, "n_chars"] == len(TEXT)
    assert check_table(IndicatorsModel, empty_frame(IndicatorsModel)).empty
    assert check_table(ReportsModel, build_reports_table([], {})).empty


def test_combine_orders_rows_by_report_then_position():
    a, b = _doc(TEXT, "b"), _doc(TEXT, "a")
    frames = [
        build_indicators_table(d, [_fig(d, "91.1亿元", 91.1), _fig(d, "48.2亿元", 48.2)]) for d in (a, b)
    ]
    combined = combine_indicators(frames)
    assert combined["report_id"].tolist() == ["a", "a", "b", "b"]
    assert combined.groupby("report_id")["char_start"].apply(lambda s: s.is_monotonic_increasing).all()
    assert check_table(IndicatorsModel, combined).empty


def test_inserting_reports_gives_what_a_full_combine_gives():
    """Real reports, removed from a combined table and put back shuffled, land where a sort puts them."""
    from pipeline.config import list_report_files
    from tests.unit.publish.conftest import SEEDS, build_tables

    indicators, _ = build_tables(list_report_files(SEEDS))
    ids = sorted(set(indicators["report_id"]))
    assert len(ids) >= 3
    for out in ([ids[0]], [ids[-1]], [ids[0], ids[-1]], ids):
        kept = indicators[~indicators["report_id"].isin(out)]
        blocks = [indicators[indicators["report_id"] == r].sample(frac=1, random_state=7) for r in out]
        inserted = insert_report_rows(kept, blocks)
        assert inserted.equals(combine_indicators([kept, *blocks])), out
        assert inserted.equals(indicators.reset_index(drop=True)), out
        assert dict(inserted.dtypes) == dict(indicators.dtypes)
    try:
        insert_report_rows(indicators, [indicators[indicators["report_id"] == ids[0]]])
    except ValueError as err:
        assert "already in the table" in str(err)
    else:
        raise AssertionError("a report inserted twice must be refused")


def test_reports_table_gives_the_year_the_figures_were_resolved_against(tmp_path):
    # A county report saved without its delivery date: its heading dates it (2022年工作回顾 → 2023).
    path = tmp_path / "jianning.txt"
    path.write_text(
        "政府工作报告\n——在建宁县第十八届人民代表大会第二次会议上\n建宁县人民政府县长 伍小兰\n各位代表:\n"
        "2022年工作回顾\n2022年,全县经济社会发展取得新进展。预计全年完成地区生产总值164亿元,增长4.5%。\n",
        encoding="utf-8",
    )
    doc = read_report(path)
    assert doc.year is None  # no date in the metadata
    reports = build_reports_table([doc, _doc(TEXT, "r2")], {})
    assert reports.set_index("report_id")["year"].to_dict() == {doc.report_id: 2023, "r2": 2021}
