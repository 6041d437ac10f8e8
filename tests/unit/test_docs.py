from pathlib import Path

from pipeline.docs import END, START, build_dictionary_section, render_readme
from schemas import TABLES

README = Path(__file__).parents[2] / "README.md"


def test_readme_data_dictionary_is_generated_from_the_models():
    text = README.read_text(encoding="utf-8")
    assert render_readme(text) == text, "run `python -m pipeline docs` to regenerate the dictionary"


def test_dictionary_documents_every_column_of_every_table():
    section = build_dictionary_section()
    for model in TABLES.values():
        for column in model.to_schema().columns:
            assert f"| `{column}` |" in section


def test_render_replaces_only_the_marked_block():
    text = f"intro\n{START}\nold stuff\n{END}\noutro\n"
    rendered = render_readme(text)
    assert rendered.startswith(f"intro\n{START}\n") and rendered.endswith(f"{END}\noutro\n")
    assert "old stuff" not in rendered
