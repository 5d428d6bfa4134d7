"""The intent reader's labelled probes follow the built-in scenarios (rewrite them when they change)."""

from __future__ import annotations

from app.analysis.intent import Intent, load_examples
from app.scenarios.catalog import load_builtin
from app.simulation.probe_intents import labelled, path_for


def test_the_probe_intents_are_fresh() -> None:
    for lang, text in labelled(load_builtin().values()).items():
        stored = path_for(lang).read_text(encoding="utf-8")
        assert stored == text, "stale: run scripts/write_probe_intents.py"


def test_every_language_has_every_label_from_the_hand_labelled_sets() -> None:
    for lang in ("zh", "en"):
        labels = {intent for _, intent in load_examples(lang)}
        assert labels == set(Intent)
