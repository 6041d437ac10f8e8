"""Files that must work: other encodings, CRLF, HTML, odd names, duplicates, no figures, skips.

One release over a seeds folder holding all of them at once (plus ``extract`` on the
twins), then a second release on the same folder: every id is the same, nothing is
rebuilt, nothing is published.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipeline.defs.versions import code_version_of
from pipeline.ingest import report_id_for
from tests.robustness.conftest import Run, Workspace, latest_version
from tests.robustness.files import (
    FUJIAN,
    NATIONAL,
    NEWS,
    SEED,
    STATCOMM,
    build_crlf,
    build_html_page,
    build_utf8_bom,
    build_utf16_bom,
    gbk_encodable,
    text_of,
)

#: name in seeds/ -> (original report, bytes of the variant, encoding the release must record)
VARIANTS = {
    "seed_gb18030.txt": (SEED, text_of(SEED).encode("gb18030"), "gb18030"),
    "national_gbk.txt": (NATIONAL, text_of(NATIONAL).encode("gbk"), "gbk"),
    "seed_utf16.txt": (SEED, build_utf16_bom(SEED), "utf-16"),
    "seed_utf8_bom.txt": (SEED, build_utf8_bom(SEED), "utf-8-sig"),
    "seed_crlf.txt": (SEED, build_crlf(SEED), "utf-8"),
    "seed_page.html": (SEED, build_html_page(SEED), "utf-8"),
}
#: Variants whose decoded text is the original's, so even the offsets must be equal.
SAME_TEXT = {"seed_gb18030.txt", "national_gbk.txt", "seed_utf16.txt", "seed_utf8_bom.txt"}
#: Columns that say what a figure is (the ids embed the report id, so they differ).
FIGURE_COLUMNS = ["quote", "value", "unit", "unit_mult", "value_base", "base_unit", "measure", "qualifier"]
CONTEXT_COLUMNS = ["growth_basis", "value_kind", "is_estimate", "period", "area", "subject", "section"]
OFFSETS = ["char_start", "char_end"]

#: File names that are not valid partition keys as they are.
ODD_NAMES = {
    "2024年 国家统计局 统计公报（节选）.txt": STATCOMM,
    "news, fujian [2022] H1 (copy #2).txt": NEWS,
    "福建省" + "人民政府关于二〇二六年国民经济和社会发展计划执行情况的报告全文" * 2 + ".txt": FUJIAN,
}
DUPLICATE = "zz_copy_of_the_seed.txt"
NO_FIGURES = "no_figures.txt"
NO_FIGURES_TEXT = (
    "关于进一步做好政务公开工作的通知\n\n各区县人民政府，市直各部门：\n\n"
    "为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，现就有关事项通知如下。\n"
    "一、提高思想认识。各单位要把政务公开作为转变政府职能的重要抓手。\n"
    "二、加强组织领导。主要负责同志要亲自研究部署，确保各项任务落到实处。\n"
)
SKIPS = "skips.txt"
SKIPS_TEXT = (
    "2025年就业工作情况\n\n"
    "全年城镇新增就业1万5人，城镇调查失业率控制在5.2%以内。\n"
    "全市财政收入增长6.1%，其中税收收入增长4.3%。\n"
)
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


def _read_csv(data: str | Path) -> pd.DataFrame:
    source = io.StringIO(data) if isinstance(data, str) else data
    return pd.read_csv(source, keep_default_na=False, na_values=[""], encoding="utf-8-sig")


def _figures(frame: pd.DataFrame, columns: list[str]) -> list[tuple]:
    rows = frame[columns].astype(object).where(frame[columns].notna(), None)
    return sorted(map(tuple, rows.itertuples(index=False, name=None)), key=repr)


@dataclass
class Scenario:
    ws: Workspace
    first: Run
    second: Run
    extracts: dict[str, Run]
    indicators: pd.DataFrame
    reports: pd.DataFrame
    code_changed: bool

    def skip_if_code_changed(self) -> None:
        """Rebuild checks only mean something if nobody edited the pipeline during the scenario."""
        if self.code_changed:
            pytest.skip("the pipeline's source changed while this scenario ran (a live edit); rerun")


def code_fingerprint() -> str:
    """The code versions that decide whether a report is rebuilt, read from the files now."""
    return code_version_of("pipeline.ingest") + code_version_of(
        "pipeline.extract", "pipeline.tables", "schemas"
    )


@pytest.fixture(scope="module")
def scenario(module_workspace) -> Scenario:
    ws = module_workspace
    assert gbk_encodable(NATIONAL) and not gbk_encodable(SEED)  # the seed needs GB18030 (U+00A0)
    for source in (SEED, NATIONAL):
        ws.add(source)
    for name, (_, data, _) in VARIANTS.items():
        ws.write(name, data)
    for name, source in ODD_NAMES.items():
        ws.add(source, name)
    ws.add(SEED, DUPLICATE)
    ws.write(NO_FIGURES, NO_FIGURES_TEXT.encode("utf-8"))
    ws.write(SKIPS, SKIPS_TEXT.encode("utf-8"))

    code_before = code_fingerprint()
    release = ws.start_release()
    extract_names = [SEED.name, NATIONAL.name, *VARIANTS, NO_FIGURES, SKIPS]
    extracts = {name: ws.extract(ws.seeds / name) for name in extract_names}
    first = release.finish()
    extracts = {name: proc.finish() for name, proc in extracts.items()}
    second = ws.release()
    assert first.returncode == 0, first
    folder = ws.dataset / "1.0.0"
    indicators = _read_csv(folder / "indicators.csv")
    reports = _read_csv(folder / "reports.csv")
    return Scenario(ws, first, second, extracts, indicators, reports, code_fingerprint() != code_before)


def _rows(scenario: Scenario, name: str) -> pd.DataFrame:
    return scenario.indicators[scenario.indicators["report_id"] == report_id_for(name)]


def test_one_release_publishes_every_good_file(scenario):
    assert "published 1.0.0" in scenario.first.stdout
    expected = {SEED.name, NATIONAL.name, *VARIANTS, *ODD_NAMES, NO_FIGURES, SKIPS}
    assert set(scenario.reports["file_name"]) == expected
    assert (scenario.reports.set_index("file_name")["n_indicators"] > 0).drop(NO_FIGURES).all()


@pytest.mark.parametrize("name", VARIANTS)
def test_variant_gives_the_same_figures_as_the_utf8_report(scenario, name):
    original, data, encoding = VARIANTS[name]
    reports = scenario.reports.set_index("file_name")
    assert reports.at[name, "encoding"] == encoding
    assert reports.at[name, "n_bytes"] == len(data)
    variant, utf8 = _rows(scenario, name), _rows(scenario, original.name)
    assert len(variant) == len(utf8) > 0
    assert _figures(variant, FIGURE_COLUMNS) == _figures(utf8, FIGURE_COLUMNS)
    if name in SAME_TEXT:
        columns = FIGURE_COLUMNS + CONTEXT_COLUMNS + OFFSETS
        assert _figures(variant, columns) == _figures(utf8, columns)
    if name == "seed_crlf.txt":  # one more character per line break before each figure
        assert (variant["char_start"].to_numpy() > utf8["char_start"].to_numpy()).sum() > 0


@pytest.mark.parametrize("name", VARIANTS)
def test_extract_of_a_variant_matches_the_utf8_report(scenario, name):
    original, _, _ = VARIANTS[name]
    run, utf8 = scenario.extracts[name], scenario.extracts[original.name]
    assert run.returncode == 0, run
    variant_rows, utf8_rows = _read_csv(run.stdout), _read_csv(utf8.stdout)
    assert _figures(variant_rows, FIGURE_COLUMNS) == _figures(utf8_rows, FIGURE_COLUMNS)
    # extract prints what the release publishes for the same file
    released = _rows(scenario, name).reset_index(drop=True)
    assert _figures(variant_rows, list(released.columns)) == _figures(released, list(released.columns))


def test_every_released_quote_is_the_file_decoded_at_its_offsets(scenario):
    """The release's promise: open the file with the recorded encoding, slice, get the quote."""
    checked = 0
    for report in scenario.reports.itertuples():
        source = (scenario.ws.seeds / report.file_name).read_bytes().decode(report.encoding)
        for row in _rows(scenario, report.file_name).itertuples():
            assert source[row.char_start : row.char_end] == row.quote, (report.file_name, row.indicator_id)
            checked += 1
    assert checked == len(scenario.indicators) > 0


def test_crlf_offsets_point_into_the_crlf_source(scenario):
    source = (scenario.ws.seeds / "seed_crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in source
    rows = _rows(scenario, "seed_crlf.txt")
    before = [source[:s].count("\r") for s in rows["char_start"]]
    assert max(before) > 100  # the later figures really sit behind many CR characters


@pytest.mark.parametrize("name", ODD_NAMES, ids=["chinese-spaces", "punctuation", "very-long"])
def test_odd_file_names_get_safe_ids_that_stay_the_same(scenario, name):
    row = scenario.reports[scenario.reports["file_name"] == name]
    assert len(row) == 1
    report_id = row["report_id"].iloc[0]
    assert SAFE_ID.match(report_id) and len(report_id) <= 57 and report_id.isascii()
    assert report_id == report_id_for(name)
    assert (_rows(scenario, name)["indicator_id"].str.startswith(f"{report_id}-")).all()


def test_second_release_on_the_same_files_rebuilds_and_publishes_nothing(scenario):
    second = scenario.second
    assert second.returncode == 0, second
    scenario.skip_if_code_changed()
    n = len(scenario.reports)
    assert f"{n} report(s) in {scenario.ws.seeds}: 0 to build, {n} unchanged" in second.stderr
    assert "unchanged: latest release is 1.0.0" in second.stdout
    assert latest_version(scenario.ws) == "1.0.0"


def test_duplicate_is_reported_and_not_counted_twice(scenario):
    path = scenario.ws.seeds / DUPLICATE
    for run in (scenario.first, scenario.second):
        assert f"warning: {path}: duplicate: same content as {SEED.name}" in run.stderr
        assert "(left out of the release)" in run.stderr
    assert report_id_for(DUPLICATE) not in set(scenario.reports["report_id"])
    seed_rows = _rows(scenario, SEED.name)
    assert len(seed_rows) == len(_read_csv(scenario.extracts[SEED.name].stdout))
    assert seed_rows["indicator_id"].is_unique


def test_report_without_figures_is_published_with_zero_rows_and_a_warning(scenario):
    reports = scenario.reports.set_index("file_name")
    assert reports.at[NO_FIGURES, "n_indicators"] == 0
    assert len(_rows(scenario, NO_FIGURES)) == 0
    extract = scenario.extracts[NO_FIGURES]
    assert extract.returncode == 0, extract
    assert list(_read_csv(extract.stdout).columns) == list(scenario.indicators.columns)
    path = scenario.ws.seeds / NO_FIGURES
    assert f"warning: {path}: no figures found" in extract.stderr


def test_release_warns_about_a_report_without_figures(scenario):
    path = scenario.ws.seeds / NO_FIGURES
    for run in (scenario.first, scenario.second):
        warnings = [line for line in run.stderr.splitlines() if "no figures found" in line]
        assert warnings == [f"warning: {path}: no figures found; the report is kept with zero indicator rows"]


def test_unparsable_figure_is_logged_as_skipped_with_its_text(scenario):
    extract = scenario.extracts[SKIPS]
    assert extract.returncode == 0, extract
    start = SKIPS_TEXT.index("1万5")
    assert f"skipped '1万5' at {start}: ambiguous numeral" in extract.stderr
    for rows in (_read_csv(extract.stdout), _rows(scenario, SKIPS)):
        # never turned into a number: no row overlaps the skipped span...
        overlaps = (rows["char_start"] < start + 3) & (rows["char_end"] > start)
        assert not overlaps.any(), rows[overlaps]
        # ...while the clean figures around it are there
        assert {"5.2%以内", "6.1%", "4.3%"} <= set(rows["quote"])


def test_release_records_the_skipped_text_in_dagster(scenario):
    """The skipped span is in the report_indicators metadata of its partition (the UI shows it)."""
    key = report_id_for(SKIPS)
    with dg.DagsterInstance.from_config(str(scenario.ws.home)) as instance:
        found = []
        for run in instance.get_runs():
            for record in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION):
                event = record.dagster_event
                if event.asset_key == dg.AssetKey("report_indicators") and event.partition == key:
                    found.append(event.materialization.metadata)
    assert len(found) == 1 or (found and scenario.code_changed)  # built once; the second run reused it
    assert found[0]["n_skipped"].value >= 1
    assert "'1万5'" in found[0]["skipped"].value and "ambiguous numeral" in found[0]["skipped"].value


def test_no_report_id_collides_and_all_are_partition_keys(scenario):
    ids = scenario.reports["report_id"]
    assert ids.is_unique and ids.map(lambda i: bool(SAFE_ID.match(i))).all()
    with dg.DagsterInstance.from_config(str(scenario.ws.home)) as instance:
        assert sorted(instance.get_dynamic_partitions("reports")) == sorted(ids)
    assert json.loads((scenario.ws.dataset / "latest.json").read_text())["version"] == "1.0.0"
