"""Orchestration only: partitions, resources, assets, checks, sensor, schedule."""
