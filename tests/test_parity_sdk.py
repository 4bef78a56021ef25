"""SDK <-> facts: the environment variables and retry rules the reference pages state are
the ones the installed openai package has in its source."""

from __future__ import annotations

import re
from pathlib import Path

import openai
from openai import _constants

from keyguide import facts

SDK = Path(openai.__file__).parent
READS = re.compile(r"""environ(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""")


def variables_the_sdk_reads() -> set[str]:
    return {name for f in SDK.rglob("*.py") for name in READS.findall(f.read_text())}


def test_the_environment_table_lists_exactly_what_the_sdk_reads() -> None:
    listed = {v.name for v in facts.environment().variables}
    read = variables_the_sdk_reads()
    assert "OPENAI_API_KEY" in read  # the pattern still finds reads
    assert listed - read == set(), "listed but the SDK does not read them"
    assert read - listed == set(), "read by the SDK but missing from environment.yml"


def test_the_retry_facts_are_the_sdks_constants() -> None:
    r = facts.rate_limits().sdk_retries
    assert r.max_retries == _constants.DEFAULT_MAX_RETRIES
    assert r.initial_delay_s == _constants.INITIAL_RETRY_DELAY
    assert r.max_delay_s == _constants.MAX_RETRY_DELAY
    assert r.max_retry_after_s == _constants.MAX_RETRY_AFTER_DELAY
