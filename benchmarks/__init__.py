"""Benchmark scripts: each prints figures (and ``--json``); none is a timed test.

Run them all with ``python -m benchmarks.run_all`` (``make bench``), or one with
``python -m benchmarks.<name>``.
"""
