"""Golden transcripts of the offline buyer: any change in what it says shows up here.

After an intended change, regenerate with `UPDATE_GOLDEN=1 python -m pytest tests/buyer/test_golden.py`
and read the diff of tests/buyer/golden/ like any other change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.buyer.play import play

GOLDEN = Path(__file__).parent / "golden"

SCRIPTS: dict[str, tuple[str, int, list[str]]] = {
    "zh-consultant-mes": (
        "zh-mes-auto-parts",
        5,
        [
            "周总您好，感谢您抽时间。我先请教一下，咱们三个厂区的生产数据现在是怎么汇总的？",
            "明白，主机厂的事确实最要紧。那您这边现在最牵扯精力的是哪件事？",
            "您刚才说查一批货要翻纸，质量追溯这块现在有没有遇到什么麻烦？",
            "查三天的话，对主机厂那边的审核和后面的定点会有什么影响？",
            "我理解，上过一次不好用的系统，换谁都会有顾虑。当时主要是卡在哪儿了？",
            "那我们先在一条线上做试点，跑通了再推开；我们在宁波有家锻造厂的追溯案例，可以带您去现场看。",
            "这个项目如果推进，除了您，还有哪些人会参与决策？",
            "我确认一下：现在追溯靠翻纸，明年三月主机厂审核要求两小时内查到，过不了新平台定点就悬了，我理解得对吗？",
            "下周我带实施顾问去宁波厂现场看一下追溯流程，顺便跟孙部长和刘经理一起碰一下，您看可以吗？",
        ],
    ),
    "en-pitcher-energy": (
        "en-energy-retrofit-cfo",
        9,
        [
            "Hi Karen, we're the leading provider of energy retrofits with over 500 installations and award-winning technology.",
            "Our platform uses AI to optimise compressors, lighting and refrigeration, and it pays for itself in under two years.",
            "We can offer you a 15% discount if you sign this quarter.",
            "Can we schedule a demo next week?",
        ],
    ),
    "zh-arguer-hospital": (
        "zh-hospital-equipment-service",
        2,
        [
            "许主任您好，我们是做设备维保的，想了解一下现在医院的CT是谁在维保？",
            "原厂维保太贵了，您这么做根本不划算，您错了。",
            "不可能出问题的，我们的工程师都是原厂出来的，您不懂这个行业。",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_offline_buyer_transcript_is_unchanged(name: str) -> None:
    scenario_id, seed, lines = SCRIPTS[name]
    p = play(scenario_id, lines, seed=seed)
    got = {
        "scenario": scenario_id,
        "seed": seed,
        "turns": [{"role": r, "text": t} for r, t in p.turns],
        "events": p.events,
        "final": {"trust": p.state.trust, "patience": p.state.patience, "ended": p.state.ended},
    }
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        # Rewriting is not checking: the run that rewrites can't pass.
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.skip(f"rewrote {path.name}: read its diff, then run again without UPDATE_GOLDEN")
    assert path.exists(), f"no golden file yet: run with UPDATE_GOLDEN=1 to create {path.name}"
    assert got == json.loads(path.read_text(encoding="utf-8"))
