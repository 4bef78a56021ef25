"""The samples in snippets/: one name, up to three languages, and the output each one prints.

A sample `snippets/<area>/<name>` exists as `<name>.py` (Python), `<name>.mjs` (JavaScript)
and `<name>.sh` (curl). A sample about SDK behaviour that curl doesn't have (retries, stream
helpers) has `<name>.curl.md` instead of `<name>.sh`: what the curl tab says curl shows.

Expected output, one scheme for language x account: a run's output file (`<name>.out`, or
the `output:` its run spec names, e.g. `<name>.revoked.out`) is shared by every language that
prints exactly that. A language whose output differs has its own file beside it, the same name
with its tag before `.out`: `<name>.revoked.js.out`, `<name>.revoked.sh.out`.

The pages show samples through the `sample` and `output` macros (keyguide/macros.py), so the
tab labels and the tab markup live here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


@dataclass(frozen=True)
class Language:
    label: str  # the tab label; linked tabs hold one choice across the site by this label
    suffix: str  # the sample's file suffix
    fence: str  # the code fence's language
    tag: str  # the output-file tag when this language's output differs ("" for Python)
    runner: str  # what the reader types before the file name


PYTHON = Language("Python", ".py", "python", "", "python")
JAVASCRIPT = Language("JavaScript", ".mjs", "javascript", "js", "node")
CURL = Language("curl", ".sh", "bash", "sh", "bash")
LANGUAGES = (PYTHON, JAVASCRIPT, CURL)
CURL_NOTE = ".curl.md"  # sidecar: this sample has no curl file; the tab says why
NODE_ENV_FILE = "--env-file=.env"  # node reads the keys from .env (Node 20: the file must exist)


def language_of(sample: Path) -> Language:
    return next(lang for lang in LANGUAGES if lang.suffix == sample.suffix)


def own_output(shared: Path, lang: Language) -> Path:
    """Where `lang` keeps its own output when it differs from the shared file."""
    return shared.with_suffix(f".{lang.tag}.out") if lang.tag else shared


def expected_output(shared: Path, lang: Language) -> Path:
    """The file a run of `lang` must print: its own when it has one, else the shared one."""
    own = own_output(shared, lang)
    return own if own.exists() else shared


def _include(path: Path, fence: str) -> str:
    rel = path.relative_to(ROOT).as_posix()
    return f'```{fence}\n--8<-- "{rel}"\n```' if fence else f'--8<-- "{rel}"'


def tabs(blocks: list[tuple[str, str]]) -> str:
    parts = []
    for n, (label, block) in enumerate(blocks):
        body = "\n".join(f"    {line}" if line else "" for line in block.splitlines())
        start = "===!" if n == 0 else "==="  # a set of its own, even right after another
        parts.append(f'{start} "{label}"\n\n{body}\n')
    return "\n".join(parts)


def sample_tabs(name: str) -> str:
    """Content tabs Python / JavaScript / curl for `snippets/<name>.*`, each an include."""
    stem = SNIPPETS / name
    blocks = []
    for lang in LANGUAGES:
        path = stem.with_suffix(lang.suffix)
        note = stem.with_suffix(CURL_NOTE)
        if path.exists():
            blocks.append((lang.label, _include(path, f'{lang.fence} title="{path.name}"')))
        elif lang is CURL and note.exists():
            blocks.append((lang.label, _include(note, "")))
        else:
            raise FileNotFoundError(2, f"sample {name!r} has no {lang.label} version", str(path))
    return tabs(blocks)


def output_tabs(name: str) -> str:
    """The output of `snippets/<name>.out`: one block when every language prints it, else a
    tab per language that has the sample, each showing what that language prints."""
    shared = SNIPPETS / f"{name}.out"
    if not shared.exists():
        raise FileNotFoundError(2, "no output file", str(shared))
    sample = SNIPPETS / name.split(".")[0]
    langs = [lang for lang in LANGUAGES if sample.with_suffix(lang.suffix).exists()]
    files = [expected_output(shared, lang) for lang in langs]
    if len(set(files)) == 1:
        return _include(files[0], "text")
    return tabs([(lang.label, _include(f, "text")) for lang, f in zip(langs, files, strict=True)])


def run_tabs(name: str, args: str = "") -> str:
    """How to run `snippets/<name>.*`, a tab per language that has a file: the command the
    harness runs it with (tests/support/snippet_harness.py), as the reader types it."""
    stem = SNIPPETS / name
    blocks = []
    for lang in LANGUAGES:
        path = stem.with_suffix(lang.suffix)
        if not path.exists():
            continue
        tail = f"{path.name} {args}".strip()
        block = f"```console\n{lang.runner} {tail}\n```"
        if lang is JAVASCRIPT:
            block += f"\n\nWith your keys in `.env`: `node {NODE_ENV_FILE} {tail}`"
        blocks.append((lang.label, block))
    return tabs(blocks)
