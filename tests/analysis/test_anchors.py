"""The literal gate in front of the cue patterns must never hide a match.

The soundness test runs every cue pattern over every sentence of the
calibration, validation and analysis corpora and the built-in scenarios:
wherever a pattern matches, the gate must have let it run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from app.analysis import lexicon
from app.analysis.anchor_book import AnchorBook, key
from app.analysis.anchor_book import load as load_book
from app.analysis.anchors import Gate, anchors_of, fold
from app.analysis.caches import clear_caches
from app.analysis.conversation import analyze_conversation
from app.analysis.lexicon import _CJK_CHAR, _LATIN_WORD, _live, _lowered
from app.analysis.text import sentences
from app.scoring.transcript import Transcript

ROOT = Path(__file__).resolve().parents[2]


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def _transcripts() -> list[list[tuple[str, str]]]:
    """Every labelled conversation: the calibration and the validation set."""
    return [
        Transcript.model_validate_json(path.read_text(encoding="utf-8")).pairs()
        for folder in ("tests/scoring/calibration", "tests/scoring/validation")
        for path in sorted((ROOT / folder).glob("*.json"))
    ]


def _corpus() -> list[str]:
    texts = [text for turns in _transcripts() for _, text in turns]
    for path in [
        *(ROOT / "tests/analysis/corpus").glob("*.yaml"),
        *(ROOT / "scenarios").glob("*.yaml"),
    ]:
        texts += list(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    out: list[str] = []
    for text in texts:
        out.append(text)
        out += [s.text for s in sentences(text)]
    return out


def test_the_gate_lets_every_matching_pattern_run() -> None:
    corpus = _corpus()
    assert len(corpus) > 2000
    assert len(lexicon.RUNS) > 160  # every pattern of every cue (two or three per cue)
    checked = 0
    for run in lexicon.RUNS:
        if run.anchors is None:
            continue
        for text in corpus:
            for m in run.pattern.finditer(_lowered(text) if run.lowered else text):
                checked += 1
                if not (_CJK_CHAR if run.zh else _LATIN_WORD).search(text):
                    continue  # a pattern for a script the text lacks is skipped anyway
                assert _live(text) & run.bit, (run.pattern.pattern[:80], text)
                assert any(a in fold(m.group(0)) for a in run.anchors), (m.group(0), run.anchors)
    assert checked > 3000  # the corpus exercises the patterns


def test_most_cue_patterns_are_gated() -> None:
    runs = lexicon.RUNS
    assert sum(run.anchors is not None for run in runs) / len(runs) > 0.9


@pytest.mark.parametrize(
    ("source", "flags", "expected"),
    [
        # The most selective required part wins; optional parts give nothing.
        # Runs of parts with few exact strings multiply out; optional parts add "".
        (
            r"(你们|贵司)?的?(价格|报价)太?[高贵]",
            re.I,
            {
                "价格高",
                "价格贵",
                "报价高",
                "报价贵",
                "价格太高",
                "价格太贵",
                "报价太高",
                "报价太贵",
            },
        ),
        (r"太?[高贵]得离谱", re.I, {"高得离谱", "贵得离谱"}),
        (r"太?[高贵]", re.I, {"高", "贵"}),
        (r"(?<!不)贵", re.I, {"贵"}),
        (r"\b(?:too expensive|pricey)\b", 0, {"too expensive", "pricey"}),
        # A branch with nothing required makes the whole pattern ungated.
        (r"价格|\w+太贵|.{0,3}", 0, None),
        # Case-insensitive letters are folded like the sentences; other cased letters never anchor.
        (r"KPI指标", re.I, {"kpi指标"}),
        (r"[ÉE]tude", re.I, {"tude"}),
        (r"Étude", 0, {"Étude"}),
        # Case-sensitive capitals are tested lower-cased, like the sentences.
        (r"\b[A-Z][a-z]+ from Finance", 0, {" from finance"}),
        (r"(?:x){2,}price", 0, {"price"}),
        (r"(?:x)*", 0, None),
    ],
)
def test_anchors_of(source: str, flags: int, expected: set[str] | None) -> None:
    result = anchors_of(re.compile(source, flags))
    assert result == (frozenset(expected) if expected is not None else None)


def test_folding_covers_every_character_re_i_matches_with_an_ascii_letter() -> None:
    letters = re.compile("[a-z]", re.I)
    for cp in range(0x80, 0x110000):
        ch = chr(cp)
        if letters.fullmatch(ch):
            assert fold(ch) in "abcdefghijklmnopqrstuvwxyz", hex(cp)
    text = "我们的\u212aPI考核"  # KELVIN SIGN: re.I matches it with "k"
    assert re.compile("kpi考核", re.I).search(text)
    assert "kpi考核" in fold(text)


def test_analyses_are_the_same_with_the_gate_open(monkeypatch: pytest.MonkeyPatch) -> None:
    transcripts = _transcripts()
    assert len(transcripts) > 60
    clear_caches()
    gated = [analyze_conversation(t) for t in transcripts]
    clear_caches()
    # Every pattern of the text's scripts runs.
    monkeypatch.setattr(Gate, "candidates", lambda self, text: self.registered)
    try:
        assert [analyze_conversation(t) for t in transcripts] == gated
    finally:
        clear_caches()


def test_the_anchor_book_holds_every_cue_pattern_as_derived_now() -> None:
    book = load_book()
    for run in lexicon.RUNS:
        derived = anchors_of(run.pattern)
        assert book.get(key(run.pattern), "missing") == (
            sorted(derived) if derived is not None else None
        ), f"anchors.json is stale: run scripts/write_anchor_book.py ({run.pattern.pattern[:60]})"
    assert lexicon._BOOK.derived == []  # nothing was derived at import


def test_a_pattern_the_book_does_not_know_is_derived(tmp_path: Path) -> None:
    pattern = re.compile(r"(你们|贵司)的(价格|报价)")
    broken = tmp_path / "anchors.json"
    broken.write_text("{not json", encoding="utf-8")
    book = AnchorBook(load_book(broken))
    assert (
        book.anchors(pattern)
        == anchors_of(pattern)
        == {"你们的价格", "你们的报价", "贵司的价格", "贵司的报价"}
    )
    assert book.derived == [pattern]
