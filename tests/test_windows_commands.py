"""The Windows PowerShell versions of the curl samples (`snippets/**/*.ps1`) print what their
bash twins print, run with the same keys against the sandbox, and pages never show a curl
line for PowerShell inline. See tests/support/powershell.py for how they run without
PowerShell."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import powershell
from tests.support.pages import fences, pages, rel
from tests.support.sandbox_process import Sandbox
from tests.support.snippet_harness import SNIPPETS, Run, reader_env, reset_sandbox, runs_for

WINDOWS = sorted(SNIPPETS.rglob("*.ps1"))
RUNS = [(ps1, run) for ps1 in WINDOWS for run in runs_for(ps1.with_suffix(".sh"))]


def test_every_windows_sample_has_a_bash_twin() -> None:
    alone = [rel(p) for p in WINDOWS if not p.with_suffix(".sh").exists()]
    assert WINDOWS and not alone, f".ps1 samples without a .sh beside them: {alone}"


@pytest.mark.parametrize("ps1,run", RUNS, ids=[f"{rel(p)}[{r.key}]" for p, r in RUNS])
def test_windows_sample_prints_what_its_bash_twin_prints(
    ps1: Path, run: Run, sandbox: Sandbox
) -> None:
    reset_sandbox(sandbox.base_url)
    result = powershell.run(ps1.read_text(), reader_env(sandbox.base_url, run))
    assert result.returncode == run.exit, f"{rel(ps1)} exited {result.returncode}: {result.stderr}"
    assert result.stdout == run.expected.read_text(), (
        f"{rel(ps1)} with {run.key} printed something else than {rel(run.expected)}, "
        "which the page shows"
    )


def test_windows_samples_default_to_the_real_api_and_honour_openai_base_url() -> None:
    default = (
        '$base = $env:OPENAI_BASE_URL\nif (-not $base) { $base = "https://api.openai.com/v1" }\n'
    )
    wrong = [
        rel(p)
        for p in WINDOWS
        if not p.read_text().startswith(default)
        or "api.openai.com" in p.read_text().replace(default, "")
    ]
    assert not wrong, f"Windows samples that don't start with {default!r}: {wrong}"


def test_pages_show_powershell_curl_lines_only_from_snippets() -> None:
    inline = [
        f"{rel(f.page)}:{f.line}"
        for page in pages()
        for f in fences(page)
        if f.lang == "powershell" and any(re.match(r"\s*curl(\.exe)?\s", line) for line in f.body)
    ]
    assert not inline, f"inline PowerShell curl lines (put them in snippets/*.ps1): {inline}"


def test_a_continued_line_is_one_command_and_unset_variables_are_empty() -> None:
    script = 'curl.exe --version `\n  -H "x: $env:KEYGUIDE_UNSET_VARIABLE"\n'
    assert powershell.statements(script) == [
        'curl.exe --version -H "x: $env:KEYGUIDE_UNSET_VARIABLE"'
    ]
    assert powershell.arguments('-H "x: $env:NOPE"', {}, {}) == ["-H", "x: "]


@pytest.mark.parametrize(
    "line,why",
    [
        ("curl https://example.invalid", "Invoke-WebRequest"),
        ("Invoke-RestMethod https://example.invalid", "not a statement form"),
        ("curl.exe '$base/models'", "single quotes"),
        ("curl.exe --version # a comment", "a comment"),
        ('curl.exe "$base/models"', "$base is not set"),
    ],
)
def test_lines_it_cannot_run_are_refused_with_the_line(line: str, why: str) -> None:
    with pytest.raises(powershell.Unsupported, match=re.escape(why)):
        powershell.run(line, {})
