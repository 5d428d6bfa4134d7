"""The LLM seam stays the only place that knows the SDK, and knows only its public API.

DESIGN.md: `app/llm/` is the only package that imports `openai` (or its
transport, `httpx2`); inside it, no underscore-prefixed SDK module or name
(`openai._base_client`, `FinalRequestOptions`, `_client` ...), whose
behaviour may change in any release.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
SDK = {"openai", "httpx2"}


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported(tree: ast.Module) -> Iterator[tuple[str, list[str]]]:
    """(module, names imported from it) for every import statement."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module, [alias.name for alias in node.names]


def test_only_app_llm_imports_the_sdk() -> None:
    outside = [
        f"{path.relative_to(APP.parent)}: {module}"
        for path, tree in _modules()
        if APP / "llm" not in path.parents
        for module, _ in _imported(tree)
        if module.split(".")[0] in SDK
    ]
    assert outside == []


def test_app_llm_uses_only_public_sdk_names() -> None:
    private: list[str] = []
    for path, tree in _modules():
        if APP / "llm" not in path.parents:
            continue
        where = path.relative_to(APP.parent)
        for module, names in _imported(tree):
            if module.split(".")[0] in SDK and any(
                part.startswith("_") for part in [*module.split("."), *names]
            ):
                private.append(f"{where}: from {module} import {', '.join(names)}")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in SDK
                and node.attr.startswith("_")
            ):
                private.append(f"{where}:{node.lineno}: {node.value.id}.{node.attr}")
    assert private == []


def test_the_sdk_client_is_used_through_its_resources_only() -> None:
    """`self._sdk.chat.completions.create(...)`, never its generic `post`/`request`."""
    used = {
        node.attr
        for path, tree in _modules()
        if APP / "llm" in path.parents
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "_sdk"
    }
    assert used, "the client's SDK handle is no longer called `_sdk`: update this test"
    assert used <= {"chat", "models", "close"}
