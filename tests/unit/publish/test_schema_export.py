"""The generated schemas agree with the pandera models they come from."""

from __future__ import annotations

import frictionless
import pandas as pd
import pyarrow as pa
import pytest

from pipeline.publish.files import build_csv_bytes
from pipeline.schema_export import (
    build_arrow_schema,
    build_data_dictionary,
    build_table_schema,
    columns_of,
    primary_key_of,
)
from pipeline.validate import check_table
from schemas import TABLES, IndicatorsModel, ReportsModel
from schemas import indicators as indicators_module
from schemas import reports as reports_module
from schemas.vocab import BASE_UNITS, MEASURES, QUALIFIERS


@pytest.mark.parametrize("model", [IndicatorsModel, ReportsModel])
def test_table_schema_fields_follow_the_model(model):
    pandera_schema = model.to_schema()
    table_schema = build_table_schema(model)
    assert [f["name"] for f in table_schema["fields"]] == list(pandera_schema.columns)
    for field in table_schema["fields"]:
        column = pandera_schema.columns[field["name"]]
        assert field["constraints"]["required"] is (not column.nullable)
        assert field.get("constraints", {}).get("unique", False) is bool(column.unique)
        assert field["title"] == column.title
        assert field["description"] == column.description
        assert field.get("unit") == (column.metadata or {}).get("unit")


def test_indicator_constraints_come_from_the_vocabularies():
    fields = {f["name"]: f for f in build_table_schema(IndicatorsModel)["fields"]}
    assert fields["measure"]["constraints"]["enum"] == list(MEASURES)
    assert fields["qualifier"]["constraints"]["enum"] == list(QUALIFIERS)
    assert fields["base_unit"]["constraints"]["enum"] == list(BASE_UNITS)
    assert fields["unit_mult"]["constraints"]["minimum"] == 0
    assert fields["unit_mult"]["constraints"]["maximum"] == 16
    assert fields["quote"]["constraints"]["minLength"] == 1
    assert fields["char_start"]["unit"] == "character"
    assert fields["value"]["type"] == "number"
    assert fields["is_estimate"]["type"] == "boolean"
    # Table Schema patterns are implicitly anchored.
    assert not fields["period"]["constraints"]["pattern"].startswith("^")


def test_primary_keys_are_the_declared_ones():
    assert build_table_schema(IndicatorsModel)["primaryKey"] == indicators_module.PRIMARY_KEY
    assert build_table_schema(ReportsModel)["primaryKey"] == reports_module.PRIMARY_KEY

    class Extended(IndicatorsModel):
        extra: str

    assert primary_key_of(Extended) == indicators_module.PRIMARY_KEY


def test_arrow_schema_types_and_nullability():
    schema = build_arrow_schema(ReportsModel)
    specs = {spec.name: spec for spec in columns_of(ReportsModel)}
    assert schema.field("n_bytes").type == pa.int64() and not schema.field("n_bytes").nullable
    assert schema.field("year").type == pa.int64() and schema.field("year").nullable  # pd.Int64Dtype
    assert schema.field("title").type == pa.string() and schema.field("title").nullable
    assert all(schema.field(name).nullable is spec.nullable for name, spec in specs.items())
    ind = build_arrow_schema(IndicatorsModel)
    assert ind.field("value").type == pa.float64()
    assert ind.field("is_estimate").type == pa.bool_()


def test_data_dictionary_documents_every_column():
    for model in TABLES.values():
        text = build_data_dictionary(model)
        for spec in columns_of(model):
            assert f"`{spec.name}`" in text
            assert spec.title in text
    assert "| character |" in build_data_dictionary(IndicatorsModel)


def test_frictionless_and_pandera_reject_the_same_bad_value(seed_tables, tmp_path):
    """The exported constraints are the model's: a value outside the vocabulary fails both."""
    indicators, _ = seed_tables
    good = tmp_path / "good.csv"
    good.write_bytes(build_csv_bytes(indicators, IndicatorsModel))
    schema = build_table_schema(IndicatorsModel)

    def frictionless_errors(path):
        resource = frictionless.Resource(
            path=path.name,
            basepath=str(path.parent),
            format="csv",
            encoding="utf-8",
            schema=frictionless.Schema.from_descriptor(schema),
        )
        return frictionless.validate(resource).flatten(["type", "fieldName"])

    assert frictionless_errors(good) == []
    assert check_table(IndicatorsModel, indicators).empty

    bad_frame = indicators.copy()
    bad_frame["measure"] = bad_frame["measure"].astype(object)
    bad_frame.at[0, "measure"] = "not_a_measure"
    bad = tmp_path / "bad.csv"
    bad.write_bytes(build_csv_bytes(bad_frame, IndicatorsModel))
    assert ["constraint-error", "measure"] in frictionless_errors(bad)
    assert not check_table(IndicatorsModel, bad_frame).empty


def test_columns_of_returns_plain_specs():
    spec = {s.name: s for s in columns_of(ReportsModel)}["n_bytes"]
    assert (spec.type, spec.nullable, spec.unit, spec.minimum) == ("integer", False, "byte", 1)
    assert isinstance(pd.Series(dtype=spec.pandas_dtype).dtype, type(pd.Series(dtype="int64").dtype))


def test_readme_explains_every_vocabulary_value():
    from pipeline.publish.readme import build_vocabularies

    text = "\n".join(build_vocabularies({"indicators": IndicatorsModel}))
    for values in (MEASURES, QUALIFIERS, BASE_UNITS):
        for value, meaning in values.items():
            assert f"- `{value}`: {meaning}" in text
