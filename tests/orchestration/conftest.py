"""Temporary seeds, releases and Dagster home for orchestration tests."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest

from pipeline.config import REPO_ROOT
from pipeline.defs import build_defs
from pipeline.defs.resources import PipelinePaths

SEED = REPO_ROOT / "seeds" / "000_809e7810154ce7d6.txt"
CORPUS = REPO_ROOT / "tests" / "fixtures" / "corpus"


@dataclass
class Env:
    """Folders of one test: seeds in, releases out, Dagster instance home."""

    seeds: Path
    releases: Path
    home: Path

    @property
    def paths(self) -> PipelinePaths:
        return PipelinePaths(seeds_dir=str(self.seeds), releases_dir=str(self.releases))

    def defs(self) -> dg.Definitions:
        return build_defs({"paths": self.paths})

    def add(self, source: Path, name: str | None = None) -> Path:
        target = self.seeds / (name or source.name)
        shutil.copyfile(source, target)
        return target


def write_instance_settings(home: Path) -> None:
    """An instance with telemetry off (no banner, nothing sent) on embedded SQLite."""
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")


@pytest.fixture
def env(tmp_path, monkeypatch) -> Env:
    e = Env(tmp_path / "seeds", tmp_path / "releases", tmp_path / "dagster_home")
    e.seeds.mkdir()
    write_instance_settings(e.home)
    monkeypatch.setenv("DAGSTER_HOME", str(e.home))
    monkeypatch.setenv("SEEDS_DIR", str(e.seeds))
    monkeypatch.setenv("RELEASES_DIR", str(e.releases))
    return e


@pytest.fixture
def instance(env):
    with dg.DagsterInstance.get() as inst:
        yield inst
