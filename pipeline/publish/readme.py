"""Generate the human side of a release: README.md and the cumulative CHANGELOG.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.pandas as pa

from pipeline.publish.diff import ReleaseDiff, format_changes, summarize_diff
from pipeline.schema_export import build_data_dictionary, columns_of
from schemas import vocab

CHANGELOG_HEADER = "# Changelog\n\nEvery release of this dataset, newest first.\n"

#: Changes listed inline in README and changelog; the full list is in changes.csv.
_INLINE_CHANGES = 30


def describe_changes(diff: ReleaseDiff | None, previous: str | None, tables: list[str]) -> list[str]:
    """Markdown lines saying what changed since ``previous``."""
    if previous is None or diff is None:
        return ["First release."]
    lines = [f"Compared with version {previous}:", ""]
    lines += [f"- {line}" for line in summarize_diff(diff, tables)]
    if len(diff.changes):
        lines += ["", "```", *format_changes(diff.changes, _INLINE_CHANGES), "```"]
    return lines


def _coverage(indicators: pd.DataFrame, reports: pd.DataFrame) -> list[str]:
    """Coverage lines: reports, areas, report years, periods the figures describe."""
    areas = sorted({a for a in reports["area"].tolist() if isinstance(a, str) and a})
    years = sorted({int(y) for y in reports["year"].dropna().tolist()})
    periods = sorted({p[:4] for p in indicators["period"].dropna().tolist() if isinstance(p, str)})
    lines = [
        f"- Reports: {len(reports)}",
        f"- Indicator rows: {len(indicators)}",
        f"- Areas: {', '.join(areas) if areas else 'not stated'}",
        f"- Report years: {_span(years)}",
        f"- Periods described by the figures: {_span(periods)}",
    ]
    if len(indicators):
        counts = indicators["measure"].value_counts().sort_index()
        lines.append("- Rows by measure: " + ", ".join(f"{m} {n}" for m, n in counts.items()))
    return lines


def _span(values: list[Any]) -> str:
    if not values:
        return "not stated"
    return str(values[0]) if values[0] == values[-1] else f"{values[0]}–{values[-1]}"


def build_vocabularies(models: Mapping[str, type[pa.DataFrameModel]]) -> list[str]:
    """Meaning of each allowed value of every enum column whose values come from ``schemas.vocab``."""
    vocabularies = {
        tuple(values): values
        for values in vars(vocab).values()
        if isinstance(values, dict) and all(isinstance(v, str) for v in values.values())
    }
    lines = []
    for table, model in models.items():
        for spec in columns_of(model):
            meanings = vocabularies.get(spec.enum) if spec.enum else None
            if meanings:
                lines += [f"### `{table}.{spec.name}`", ""]
                lines += [f"- `{value}`: {meaning}" for value, meaning in meanings.items()]
                lines.append("")
    return lines


def build_readme(
    *,
    package: Mapping[str, Any],
    indicators: pd.DataFrame,
    reports: pd.DataFrame,
    models: Mapping[str, type[pa.DataFrameModel]],
    changes: list[str],
) -> str:
    """The release README: what the data is, coverage, citation, dictionary, verification, changes."""
    name, version, created = package["name"], package["version"], package["created"]
    licence = package["licenses"][0]
    files = "\n".join(
        f"- `{r['path']}` ({r['format']}, {r['bytes']} bytes): table `{r['name'].removesuffix('-parquet')}`"
        for r in package["resources"]
    )
    dictionaries = "\n".join(
        build_data_dictionary(model, heading=f"### `{table}`") for table, model in models.items()
    )
    sections = [
        f"# {package['title']} — version {version}",
        "",
        package["description"],
        "",
        f"Dataset `{name}`, version {version}, created {created}, release id `{package['id']}`.",
        "",
        "## Files",
        "",
        files,
        "- `datapackage.json`: Frictionless Data Package v2 descriptor (schemas, sizes, hashes, sources)",
        "- `SHA256SUMS`: checksums of every other file",
        "- `changes.csv`: rows added, removed and changed since the previous version",
        "- `CHANGELOG.md`: every version of this dataset",
        "",
        "CSV files are UTF-8 with a byte-order mark (so that Excel shows the Chinese text), "
        "comma-separated, `\\n` line endings, RFC 4180 quoting, empty cell for null and "
        "`true`/`false` for booleans. pandas (`encoding='utf-8-sig'`), DuckDB and frictionless "
        "read them as they are. Parquet files hold the same rows with typed columns "
        "(zstd-compressed; dataset and version in the key-value metadata).",
        "",
        "## Coverage",
        "",
        *_coverage(indicators, reports),
        "",
        "## How to cite",
        "",
        f"> {package['title']}, version {version} ({created[:10]}). Dataset `{name}`, "
        f"release id `{package['id']}`. Licensed {licence['name']}.",
        "",
        "Please also cite the source report of any figure you use: the `reports` table and "
        "`sources` in `datapackage.json` give its title, file and SHA-256.",
        "",
        f"## Licence\n\nThe tables are released under {licence['title']} ({licence['path']}). "
        "The quoted spans come from official government documents or short quotations of news articles.",
        "",
        "## Data dictionary",
        "",
        dictionaries,
        "## Allowed values",
        "",
        *build_vocabularies(models),
        "## How to verify",
        "",
        "```",
        "sha256sum -c SHA256SUMS              # every file is intact",
        "python -m pipeline validate .        # checksums, sizes, schemas, provenance, frictionless",
        "frictionless validate datapackage.json",
        "```",
        "",
        "## What changed",
        "",
        *changes,
        "",
    ]
    return "\n".join(sections)


def build_changelog_entry(*, version: str, created: str, bump: str | None, changes: list[str]) -> str:
    """One changelog entry (Markdown)."""
    kind = "first release" if bump is None else f"{bump} release"
    return "\n".join([f"## {version} — {created[:10]} ({kind})", "", *changes, ""])


def build_changelog(entry: str, previous_changelog: str | None) -> str:
    """The cumulative changelog: header, this entry, then every earlier entry unchanged."""
    earlier = ""
    if previous_changelog:
        earlier = previous_changelog.removeprefix(CHANGELOG_HEADER).lstrip("\n")
    text = CHANGELOG_HEADER + "\n" + entry
    if earlier:
        text += "\n" + earlier
    return text if text.endswith("\n") else text + "\n"
