"""The tables' IO manager stores real release tables as Arrow files and reads them back exactly."""

import dagster as dg
import pyarrow as pa
import pytest
from upath import UPath

from pipeline.defs.io import ArrowFrameIOManager, ArrowFrameIOManagerFactory
from tests.orchestration.conftest import CORPUS, SEED
from tests.unit.publish.conftest import build_tables


@pytest.fixture(scope="module")
def tables():
    return build_tables([SEED, CORPUS / "gwr_national_2020.txt"])


@pytest.mark.parametrize("root", ["local", "memory"])
def test_tables_round_trip_with_their_dtypes(tables, tmp_path, root):
    base = str(tmp_path / "storage") if root == "local" else f"memory://{tmp_path.name}/storage"
    manager = ArrowFrameIOManager(base_path=UPath(base))
    for name, frame in zip(("indicators_table", "reports_table"), tables, strict=True):
        key = dg.AssetKey(name)
        manager.handle_output(dg.build_output_context(asset_key=key), frame)
        path = UPath(base) / f"{name}.arrow"
        with path.open("rb") as handle:  # a plain Arrow IPC file any Arrow reader opens
            assert pa.ipc.open_file(handle).read_all().num_rows == len(frame)
        back = manager.load_input(
            dg.build_input_context(asset_key=key, upstream_output=dg.build_output_context(asset_key=key))
        )
        assert back.equals(frame) and dict(back.dtypes) == dict(frame.dtypes)


def test_factory_defaults_to_the_instance_storage_folder(tables, tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        context = dg.build_init_resource_context(instance=instance)
        manager = ArrowFrameIOManagerFactory().create_io_manager(context)
        manager.handle_output(dg.build_output_context(asset_key=dg.AssetKey("reports_table")), tables[1])
        assert (UPath(instance.storage_directory()) / "reports_table.arrow").exists()
