"""The seeds sensor and the daily schedule against a temporary seeds folder."""

import dagster as dg

from pipeline.defs.automation import daily_reconcile, seeds_sensor
from pipeline.defs.partitions import RANGE_END_TAG, RANGE_START_TAG, REPORTS
from pipeline.defs.planning import contiguous_ranges, plan_seed_changes
from pipeline.defs.store import BuiltRecord
from pipeline.ingest import report_id_for
from pipeline.seeds import scan_seeds
from tests.orchestration.conftest import CORPUS, SEED
from tests.orchestration.test_materialize import QUIET

NATIONAL = CORPUS / "gwr_national_2020.txt"
NEWS = CORPUS / "news_fujian_cities_gdp_2022h1.txt"


def tick(env, instance):
    context = dg.build_sensor_context(instance=instance, resources={"paths": env.paths})
    result = seeds_sensor(context)
    # Apply the partition changes as the daemon would.
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.AddDynamicPartitionsRequest):
            instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
        else:
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)
    return result


def execute(env, instance, request):
    job = env.defs().resolve_job_def(request.job_name)
    kwargs = {"partition_key": request.partition_key} if request.partition_key else {}
    result = job.execute_in_process(
        instance=instance, run_config=QUIET, tags=dict(request.tags), raise_on_error=False, **kwargs
    )
    assert result.success
    return result


def test_sensor_adds_reruns_ignores_and_removes(env, instance):
    env.add(SEED)
    env.add(NATIONAL)
    seed_key, national_key = report_id_for(SEED), report_id_for(NATIONAL)

    # New files: both partitions added, one run over the range of both.
    new = tick(env, instance)
    assert [r.partition_keys for r in new.dynamic_partitions_requests] == [[seed_key, national_key]]
    (request,) = new.run_requests
    assert request.job_name == "build_release"
    assert {request.tags[RANGE_START_TAG], request.tags[RANGE_END_TAG]} == {seed_key, national_key}
    assert instance.get_dynamic_partitions(REPORTS.name) == [seed_key, national_key]
    execute(env, instance, request)

    # Unchanged: nothing requested, and the tick says why.
    quiet = tick(env, instance)
    assert not quiet.run_requests and not quiet.dynamic_partitions_requests
    assert "no change: 2 report(s) unchanged" in quiet.skip_reason.skip_message

    # Changed bytes: a rerun of that partition only, with a new run key.
    (env.seeds / NATIONAL.name).write_bytes(NATIONAL.read_bytes() + "\n附：修订稿。\n".encode())
    changed = tick(env, instance)
    assert not changed.dynamic_partitions_requests
    (rerun,) = changed.run_requests
    assert rerun.partition_key == national_key
    assert rerun.run_key != request.run_key
    # Asking again before the rerun happened gives the same run key (Dagster dedupes it).
    assert tick(env, instance).run_requests[0].run_key == rerun.run_key
    execute(env, instance, rerun)
    assert not tick(env, instance).run_requests

    # Removed file: its partition is deleted and the release is republished without it.
    (env.seeds / NATIONAL.name).unlink()
    removed = tick(env, instance)
    (delete,) = removed.dynamic_partitions_requests
    assert isinstance(delete, dg.DeleteDynamicPartitionsRequest)
    assert list(delete.partition_keys) == [national_key]
    assert [r.job_name for r in removed.run_requests] == ["publish_release"]
    assert instance.get_dynamic_partitions(REPORTS.name) == [seed_key]
    execute(env, instance, removed.run_requests[0])


def test_sensor_reports_rejected_duplicates_without_adding_them(env, instance):
    env.add(SEED)
    env.add(SEED, "zz_copy_of_seed.txt")
    result = tick(env, instance)
    assert result.dynamic_partitions_requests[0].partition_keys == [report_id_for(SEED)]
    assert instance.get_dynamic_partitions(REPORTS.name) == [report_id_for(SEED)]


def test_schedule_reconciles_partitions_and_requests_one_run_over_all(env, instance):
    env.add(SEED)
    env.add(NEWS)
    instance.add_dynamic_partitions(REPORTS.name, ["gone"])
    context = dg.build_schedule_context(instance=instance, resources={"paths": env.paths})
    request = daily_reconcile(context)
    keys = instance.get_dynamic_partitions(REPORTS.name)
    assert sorted(keys) == sorted([report_id_for(SEED), report_id_for(NEWS)])
    assert (request.tags[RANGE_START_TAG], request.tags[RANGE_END_TAG]) == (keys[0], keys[-1])


def test_plan_and_ranges_on_a_real_scan(env):
    for source in (SEED, NATIONAL, NEWS):
        env.add(source)
    files = scan_seeds(env.seeds).files
    ids = [f.report_id for f in files]
    changes = plan_seed_changes(files, [ids[0], "old"], lambda key: None)
    assert [f.report_id for f in changes.added] == ids[1:]
    assert [f.report_id for f in changes.changed] == [ids[0]]  # registered but never built
    assert changes.removed == ["old"]
    order = changes.partition_order([ids[0], "old"])
    assert order == ids
    assert contiguous_ranges(order, ids[1:]) == [(ids[1], ids[2])]


def test_sensor_does_not_retry_a_bad_file_but_keeps_saying_it_fails(env, instance):
    (env.seeds / "empty.txt").write_bytes(b"")
    (request,) = tick(env, instance).run_requests
    job = env.defs().resolve_job_def(request.job_name)
    result = job.execute_in_process(
        instance=instance, partition_key=request.partition_key, run_config=QUIET, raise_on_error=False
    )
    assert not result.success
    again = tick(env, instance)
    assert not again.run_requests
    assert "still failing until fixed or removed: empty.txt" in again.skip_reason.skip_message


def test_reports_built_by_older_code_count_as_changed(env):
    env.add(SEED)
    (seed,) = scan_seeds(env.seeds).files
    current = ("doc-v2", "tables-v2")
    built = BuiltRecord(seed.report_id, seed.sha256, "doc-v1", "tables-v2")
    changes = plan_seed_changes([seed], [seed.report_id], lambda key: built, current)
    assert [f.report_id for f in changes.changed] == [seed.report_id]
    same_code = plan_seed_changes([seed], [seed.report_id], lambda key: built, ("doc-v1", "tables-v2"))
    assert same_code.unchanged == [seed] and not same_code.changed
    assert changes.run_key(lambda key: built, current) != changes.run_key(lambda key: built, ("doc-v3", "t"))
