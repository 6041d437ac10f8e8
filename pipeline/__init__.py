"""Turn Chinese government work reports into validated, versioned indicator tables.

Pure modules (``ingest``, ``extract``, ``tables``, ``validate``, ``publish``) know
nothing of Dagster; ``pipeline.defs`` wires them into assets, checks, a sensor and a
schedule, and ``pipeline.definitions`` is the Dagster code location.
"""
