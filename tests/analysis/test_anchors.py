"""The literal gate in front of the cue entries must never hide a match.

The soundness test runs every cue entry over every sentence of the
calibration, validation and analysis corpora and the built-in scenarios:
wherever an entry matches, the match must hold one of its literals (derived
by the cue syntax's parser, or declared with "needs:" for a true regex), and
the gate must have let its cue run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from app.analysis import cue_book
from app.analysis.anchors import Gate, fold
from app.analysis.caches import clear_caches
from app.analysis.conversation import analyze_conversation
from app.analysis.cue_syntax import parse
from app.analysis.text import sentences
from app.scoring.transcript import Transcript

ROOT = Path(__file__).resolve().parents[2]
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2}")


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


def test_every_match_holds_a_literal_of_its_entry_and_passes_the_gate() -> None:
    corpus = _corpus()
    assert len(corpus) > 2000
    assert len(cue_book.RUNS) > 160  # every run of every cue (one to three per cue)
    checked = 0
    for run in cue_book.RUNS:
        entries = [
            (e, re.compile(e.regex, run.pattern.flags))
            for e in run.entries
            if e.anchors is not None
        ]
        for text in corpus:
            target = cue_book.lowered(text) if run.lowered else text
            if not run.pattern.search(target):
                continue  # no entry of the run can match either
            if (_CJK if run.zh else _LATIN_WORD).search(text):  # else skipped anyway
                assert cue_book.live(text) & run.bit, (run.pattern.pattern[:80], text)
            for entry, pattern in entries:
                assert entry.anchors is not None
                for m in pattern.finditer(target):
                    checked += 1
                    assert any(a in fold(m.group(0)) for a in entry.anchors), (
                        f"{entry.where}: {m.group(0)!r} holds none of {sorted(entry.anchors)}"
                    )
    assert checked > 3000  # the corpus exercises the entries


def test_most_runs_are_gated() -> None:
    runs = cue_book.RUNS
    assert sum(run.anchors is not None for run in runs) / len(runs) > 0.9


@pytest.mark.parametrize(
    ("entry", "ignore_case", "expected"),
    [
        # Runs of parts with few exact strings multiply out; optional parts add "".
        (
            "(你们|贵司)?的?(价格|报价)太?[高贵]",
            True,
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
        ("太?[高贵]得离谱", True, {"高得离谱", "贵得离谱"}),
        ("太?[高贵]", True, {"高", "贵"}),
        (r"\b(too expensive|pricey)\b", False, {"too expensive", "pricey"}),
        # A gap ends a run: the most selective side wins.
        ("价 ~3 太贵了", True, {"太贵了"}),
        # An alternative with nothing required makes the whole entry ungated.
        (r"(价格|\w*太贵)", True, {"价格", "太贵"}),
        (r"(价格|\w+)贵?", True, None),
        (r"\w*", False, None),
        # Case-insensitive ASCII letters are folded like the sentences; other cased letters never anchor.
        ("KPI指标", True, {"kpi指标"}),
        ("[ÉE]tude", True, {"tude"}),
        ("Étude", False, {"Étude"}),
        # Case-sensitive capitals are tested lower-cased, like the sentences.
        (r"\b[A-Z]\w+ from Finance", False, {" from finance"}),
    ],
)
def test_anchors_of_an_entry(entry: str, ignore_case: bool, expected: set[str] | None) -> None:
    result = parse(entry, ignore_case=ignore_case).anchors
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
    # Every run of the text's scripts is tried.
    monkeypatch.setattr(Gate, "candidates", lambda self, text: self.registered)
    try:
        assert [analyze_conversation(t) for t in transcripts] == gated
    finally:
        clear_caches()


def test_no_module_reads_the_regex_engines_private_parser() -> None:
    """The anchors come from our own parser: re._parser changes between Python versions."""
    private = {"re._parser", "re._constants", "sre_parse", "sre_constants", "sre_compile"}
    for folder in ("app", "tests", "scripts", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
                elif isinstance(node, ast.Import):
                    names = {a.name for a in node.names}
                else:
                    continue
                assert not names & private, f"{path.relative_to(ROOT)} imports {names & private}"
