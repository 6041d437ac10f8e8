"""Write a release folder: CSV/Parquet, datapackage.json, checksums, README, changelog."""
