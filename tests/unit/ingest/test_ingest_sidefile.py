"""The optional side file: values, overrides, and malformed files naming the side file."""

import json
import shutil

import pytest

from pipeline.errors import ReportError
from pipeline.ingest import read_report

from .conftest import SEED


@pytest.fixture
def seed_copy(tmp_path):
    path = tmp_path / "quanzhou.txt"
    shutil.copyfile(SEED, path)
    return path


def test_no_side_file(seed_copy):
    info = read_report(seed_copy).info
    assert (info.url, info.license, info.publisher) == (None, None, None)


def test_yaml_side_file(seed_copy):
    seed_copy.with_name("quanzhou.source.yaml").write_text(
        "url: http://qz.fjsen.com/2021-01/17/content_30616433.htm\nlicense: CC-BY-4.0\npublisher: 东南网\n",
        encoding="utf-8",
    )
    doc = read_report(seed_copy)
    assert doc.info.url == "http://qz.fjsen.com/2021-01/17/content_30616433.htm"
    assert doc.info.license == "CC-BY-4.0"
    assert doc.info.publisher == "东南网"
    assert doc.title == "透过《政府工作报告》看泉州砥砺前行"  # not overridden


def test_json_side_file_overrides_detection(seed_copy):
    seed_copy.with_name("quanzhou.source.json").write_text(
        json.dumps(
            {"title": "泉州政府工作报告解读", "area": "泉州市", "published_at": "2021-01-18"},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    doc = read_report(seed_copy)
    assert (doc.title, doc.area, doc.published_at) == ("泉州政府工作报告解读", "泉州市", "2021-01-18")
    assert doc.info.title == "泉州政府工作报告解读"


def test_yaml_dates_are_normalised(seed_copy):
    seed_copy.with_name("quanzhou.source.yaml").write_text("published_at: 2021-01-17 09:55:20\n")
    assert read_report(seed_copy).published_at == "2021-01-17T09:55:20+08:00"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("quanzhou.source.yaml", "url: [unclosed\n", "malformed side file"),
        ("quanzhou.source.yaml", "- just\n- a list\n", "expected a mapping"),
        ("quanzhou.source.yaml", "licnse: CC-BY-4.0\n", "unknown key 'licnse'"),
        ("quanzhou.source.yaml", "url: not a url\n", "not an absolute URL"),
        ("quanzhou.source.yaml", "published_at: last tuesday\n", "not a date or datetime"),
        ("quanzhou.source.json", '{"url": "http://x.cn",}', "malformed side file"),
        ("quanzhou.source.json", '{"publisher": 42}', "must be a non-empty string"),
    ],
)
def test_malformed_side_file_names_the_side_file(seed_copy, name, content, reason):
    side = seed_copy.with_name(name)
    side.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        read_report(seed_copy)
    assert caught.value.path == str(side)
    assert reason in caught.value.reason


def test_two_side_files_are_ambiguous(seed_copy):
    seed_copy.with_name("quanzhou.source.yaml").write_text("license: CC0-1.0\n")
    seed_copy.with_name("quanzhou.source.json").write_text('{"license": "CC-BY-4.0"}')
    with pytest.raises(ReportError, match="more than one side file"):
        read_report(seed_copy)
