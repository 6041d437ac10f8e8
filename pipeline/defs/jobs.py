"""The three jobs: build everything, build reports only, publish only.

``build_release`` is what the sensor, the schedule and ``python -m pipeline release``
run: one run over one partition or a range of partitions, then the tables and the
release (unpartitioned, over all partitions) in the same run. ``build_reports``
parses and extracts without publishing; ``publish_release`` rebuilds the tables and
publishes from what is already built (used after a report file was removed).
"""

from __future__ import annotations

import dagster as dg

from pipeline.defs.assets import (
    indicators_table,
    release,
    report_document,
    report_file,
    report_indicators,
    reports_table,
)

#: Tag of the runs that publish: deploy/*/dagster.yaml limit them to one at a time.
PUBLISHES = {"gov_report/publishes": "true"}

build_release_job = dg.define_asset_job(
    "build_release",
    selection=dg.AssetSelection.all(),
    tags=PUBLISHES,
    description="Parse and extract the selected reports, check them, combine all reports and publish.",
)

build_reports_job = dg.define_asset_job(
    "build_reports",
    selection=dg.AssetSelection.assets(report_file, report_document, report_indicators),
    description="Parse, extract and check the selected reports without publishing.",
)

publish_release_job = dg.define_asset_job(
    "publish_release",
    selection=dg.AssetSelection.assets(indicators_table, reports_table, release),
    tags=PUBLISHES,
    description="Combine the already built reports, check the tables and publish.",
)

JOBS = [build_release_job, build_reports_job, publish_release_job]
