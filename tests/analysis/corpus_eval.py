"""Measure the turn analysis against the labelled corpus (tests/analysis/corpus/).

Run it directly to see the figures and the misses while tuning:
    python -m tests.analysis.corpus_eval [--split train|heldout|all] [--misses ACT]

The split divides each corpus file by position: train = items at even positions
(0, 2, 4, ...), heldout = items at odd positions. Tune on the train split only
and read the held-out figures to check that a change generalises.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from app.analysis.buyer import analyze_buyer_turn
from app.analysis.text import content_terms
from app.analysis.trainee import TurnContext, analyze_trainee_turn

CORPUS = Path(__file__).parent / "corpus"


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


SPLITS = ("train", "heldout", "all")


def load(name: str, split: str = "all") -> list[dict[str, Any]]:
    """The items of one corpus file; `split` keeps even (train) or odd (heldout) positions."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {SPLITS}")
    data: list[dict[str, Any]] = yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))
    if split == "train":
        return data[0::2]
    if split == "heldout":
        return data[1::2]
    return data


def _tally(scores: dict[str, Score], label: str, want: bool, got: bool, text: str) -> None:
    s = scores.setdefault(label, Score())
    if want and got:
        s.tp += 1
    elif got:
        s.fp += 1
        s.misses.append(f"FP {text}")
    elif want:
        s.fn += 1
        s.misses.append(f"FN {text}")


def evaluate_trainee(split: str = "all") -> tuple[dict[str, Score], dict[str, float]]:
    scores: dict[str, Score] = {}
    form_ok = stage_ok = single = 0
    for item in load("trainee.yaml", split):
        prev = item.get("previous_buyer") or ""
        ctx = TurnContext(previous_buyer_text=prev, buyer_terms=content_terms(prev))
        a = analyze_trainee_turn(1, item["text"], item["lang"], ctx)
        want = set(item["acts"])
        got = {x.value for x in a.acts}
        for act in want | got | {"question"}:
            _tally(scores, act, act in want, act in got, item["text"])
        labels = item["questions"]
        if len(labels) == 1 and len(a.questions) == 1:
            single += 1
            form_ok += a.questions[0].form.value == labels[0]["form"]
            stage_ok += a.questions[0].stage.value == labels[0]["stage"]
            if a.questions[0].stage.value != labels[0]["stage"]:
                scores.setdefault("~stage", Score()).misses.append(
                    f"{labels[0]['stage']}->{a.questions[0].stage.value} {item['text']}"
                )
            if a.questions[0].form.value != labels[0]["form"]:
                scores.setdefault("~form", Score()).misses.append(
                    f"{labels[0]['form']}->{a.questions[0].form.value} {item['text']}"
                )
    figures = {
        "form_accuracy": form_ok / single if single else 1.0,
        "stage_accuracy": stage_ok / single if single else 1.0,
        "single_question_items": float(single),
    }
    return scores, figures


def evaluate_buyer(split: str = "all") -> dict[str, Score]:
    scores: dict[str, Score] = {}
    for item in load("buyer.yaml", split):
        b = analyze_buyer_turn(1, item["text"], item["lang"])
        want_o = set(item["objections"])
        got_o = {o.kind.value for o in b.objections}
        for kind in want_o | got_o:
            _tally(scores, f"objection:{kind}", kind in want_o, kind in got_o, item["text"])
        want_s = set(item["signals"])
        got_s = {s.value for s in b.signals}
        for sig in want_s | got_s:
            _tally(scores, f"signal:{sig}", sig in want_s, sig in got_s, item["text"])
    return scores


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", default=None, help="print the misses of one label")
    ap.add_argument(
        "--split",
        choices=SPLITS,
        default="all",
        help="train = even positions, heldout = odd positions of each corpus file",
    )
    args = ap.parse_args()
    trainee, figures = evaluate_trainee(args.split)
    buyer = evaluate_buyer(args.split)
    print(f"split: {args.split}")
    for name, table in (("trainee", trainee), ("buyer", buyer)):
        print(f"== {name}")
        for label, s in sorted(table.items()):
            if label.startswith("~"):
                continue
            print(
                f"{label:28} P {s.precision:.2f}  R {s.recall:.2f}  F1 {s.f1:.2f}  (tp {s.tp} fp {s.fp} fn {s.fn})"
            )
    print({k: round(v, 3) for k, v in figures.items()})
    if args.misses:
        for m in {**trainee, **buyer}.get(args.misses, Score()).misses:
            print(m)


if __name__ == "__main__":
    main()
