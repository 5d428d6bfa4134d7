"""The prompt library: headers validated, variables declared exactly, rendering strict."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.prompting.library import PromptError, load_dir, load_library, parse_template

GOOD = """---
id: greet-en
version: 2
language: en
variables: [name, items]
---
Hello {{ name }}.
{% for item in items %}
- {{ item }}
{% endfor %}
"""


def test_a_good_template_parses_and_renders() -> None:
    t = parse_template(GOOD, "greet.en.md")
    assert (t.id, t.version, t.language, t.ref) == ("greet-en", 2, "en", "greet-en@2")
    assert t.variables == {"name", "items"}
    assert t.render(name="Ann", items=["a", "b"]) == "Hello Ann.\n- a\n- b\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("Hello {{ name }}", "header", id="no-header"),
        pytest.param(GOOD.replace("id: greet-en", "id: Greet En"), "bad header", id="bad-id"),
        pytest.param(GOOD.replace("version: 2", "version: 0"), "bad header", id="version-0"),
        pytest.param(GOOD.replace("language: en", "language: fr"), "bad header", id="language"),
        pytest.param(GOOD.replace("version: 2\n", ""), "bad header", id="no-version"),
        pytest.param(
            GOOD.replace("language: en", "language: en\nauthor: me"), "bad header", id="extra-key"
        ),
        pytest.param(GOOD.replace("---\nHello", "---\n{% if %}Hello"), "line", id="syntax"),
    ],
)
def test_bad_headers_and_bodies_are_refused(text: str, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_template(text, "greet.en.md")


def test_a_variable_used_but_not_declared_is_refused() -> None:
    text = GOOD.replace("Hello {{ name }}.", "Hello {{ name }} from {{ company }}.")
    with pytest.raises(PromptError, match="company"):
        parse_template(text, "greet.en.md")


def test_a_variable_declared_but_never_used_is_refused() -> None:
    text = GOOD.replace("variables: [name, items]", "variables: [name, items, tone]")
    with pytest.raises(PromptError, match="tone"):
        parse_template(text, "greet.en.md")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        pytest.param({"name": "Ann"}, "missing \\['items'\\]", id="missing"),
        pytest.param({"name": "Ann", "items": [], "x": 1}, "unexpected \\['x'\\]", id="extra"),
    ],
)
def test_rendering_needs_exactly_the_declared_values(values: dict, message: str) -> None:
    t = parse_template(GOOD, "greet.en.md")
    with pytest.raises(PromptError, match=message):
        t.render(**values)


def test_a_missing_attribute_fails_the_render_instead_of_vanishing() -> None:
    text = GOOD.replace("Hello {{ name }}.", "Hello {{ name.first }}.")
    t = parse_template(text, "greet.en.md")
    with pytest.raises(PromptError, match="first"):
        t.render(name={"last": "Lee"}, items=[])


def test_a_directory_loads_by_name_and_language(tmp_path: Path) -> None:
    (tmp_path / "greet.en.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "greet.zh.md").write_text(
        GOOD.replace("language: en", "language: zh").replace("greet-en", "greet-zh"),
        encoding="utf-8",
    )
    library = load_dir(tmp_path)
    assert library.names() == [("greet", "en"), ("greet", "zh")]
    assert library.get("greet", "zh").ref == "greet-zh@2"
    assert library.get("greet", "de").ref == "greet-en@2"  # other languages read English
    with pytest.raises(PromptError, match="no prompt"):
        library.get("farewell", "en")


def test_a_file_whose_name_and_header_disagree_on_language_is_refused(tmp_path: Path) -> None:
    (tmp_path / "greet.zh.md").write_text(GOOD, encoding="utf-8")
    with pytest.raises(PromptError, match="header says en"):
        load_dir(tmp_path)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_shipped_judge_prompts_load_and_render(language: str) -> None:
    t = load_library().get("judge", language)
    assert t.ref == f"judge-{language}@1"
    assert t.language == language
    text = t.render(placeholder="[PLACEHOLDER]", max_evidence=4)
    assert "[PLACEHOLDER]" in text
    for dimension in ("questioning", "objection_handling", "needs_discovery"):
        assert dimension in text
    assert "null" in text
    assert "<transcript>" in text
    assert "{{" not in text
    assert "{%" not in text
