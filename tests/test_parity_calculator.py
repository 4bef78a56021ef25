"""Calculator <-> Python: calculator.js's cost function, run under node on the data the
pricing page embeds, agrees with keyguide.cost.request_cost to the cent on every case."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from keyguide import facts, tables
from keyguide.cost import request_cost

ROOT = Path(__file__).resolve().parent.parent
CALCULATOR = ROOT / "docs" / "javascripts" / "calculator.js"

RUN = """
const {requestCost} = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map(
  c => requestCost(input.pricing, c.model, c.input, c.output, c.cached, c.tier));
process.stdout.write(JSON.stringify(out));
"""


def cases() -> list[dict]:
    """Every text model on every tier, plus cached, long-context and edge cases."""
    p = facts.pricing()
    threshold = p.long_context.threshold_tokens
    found = []
    for m in p.models:
        for tier in tables.PROCESSING_TIERS:
            found.append(dict(model=m.id, input=12_345, output=6_789, cached=0, tier=tier))
        found += [
            dict(model=m.id, input=50_000, output=1_000, cached=40_000, tier="standard"),
            dict(model=m.id, input=threshold, output=1_000, cached=0, tier="standard"),
            dict(model=m.id, input=threshold + 1, output=1_000, cached=100_000, tier="batch"),
            dict(model=m.id, input=threshold + 1, output=5_000, cached=0, tier="fast"),
            dict(model=m.id, input=0, output=0, cached=0, tier="flex"),
            dict(model=m.id, input=3_000_000, output=200_000, cached=3_000_000, tier="standard"),
        ]
    return found


def run_node(payload: dict) -> list[float]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to run the calculator's cost function (apt-get install nodejs)")
    result = subprocess.run(
        [node, "-e", RUN, str(CALCULATOR)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_calculator_matches_request_cost_to_the_cent() -> None:
    table = cases()
    got = run_node({"pricing": json.loads(tables.pricing_json()), "cases": table})
    assert len(got) == len(table)
    mismatches = []
    for case, js in zip(table, got, strict=True):
        py = request_cost(
            case["model"], case["input"], case["output"], case["cached"], case["tier"]
        )
        if round(js, 2) != round(py, 2) or abs(js - py) > 1e-9:
            mismatches.append((case, js, py))
    assert not mismatches, mismatches[:5]


def test_calculator_refuses_what_request_cost_refuses() -> None:
    script = """
const {requestCost} = require(process.argv[1]);
const pricing = JSON.parse(require("fs").readFileSync(0, "utf8"));
const errors = [];
for (const args of [["gpt-0", 1, 1, 0, "standard"], ["gpt-5.5", 1, 1, 0, "turbo"],
                    ["gpt-5.5", 10, 1, 11, "standard"]]) {
  try { requestCost(pricing, ...args); errors.push(null); } catch (e) { errors.push(e.message); }
}
process.stdout.write(JSON.stringify(errors));
"""
    result = subprocess.run(
        [shutil.which("node") or "node", "-e", script, str(CALCULATOR)],
        input=tables.pricing_json(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert all(json.loads(result.stdout)), result.stdout
