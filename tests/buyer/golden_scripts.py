"""The golden conversations of the offline buyer, and how a transcript of one is recorded.

tests/buyer/test_golden.py compares what the buyer says now with the files in
tests/buyer/golden/; `python -m scripts.write_golden` rewrites those files after
an intended change, and the diff is read like any other change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def record(name: str) -> dict[str, Any]:
    """One golden conversation played against the offline buyer, as stored."""
    scenario_id, seed, lines = SCRIPTS[name]
    p = play(scenario_id, lines, seed=seed)
    return {
        "scenario": scenario_id,
        "seed": seed,
        "turns": [{"role": r, "text": t} for r, t in p.turns],
        "events": p.events,
        "final": {"trust": p.state.trust, "patience": p.state.patience, "ended": p.state.ended},
    }
