"""What the Markdown pages include and contain, read from docs/ as written (the sample and
output macros expanded, as the build expands them)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from keyguide.samples import output_tabs, sample_tabs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+)(?::[\w-]+)?["']""")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^\n]*)$")
SAMPLE_MACRO = re.compile(r"""\{\{\s*(sample|output)\(\s*["']([^"']+)["']\s*\)""")
MACROS = {"sample": sample_tabs, "output": output_tabs}
PYTHON_LANGS = {"python", "py", "python3", "pycon", "py3"}
# Sample languages a page must include from snippets/, never write inline. Commands the reader
# types go in console or powershell fences.
SAMPLE_LANGS = PYTHON_LANGS | {"javascript", "js", "mjs", "typescript", "ts", "bash", "sh", "shell"}


def rel(path: Path) -> str:
    """A path as the repository names it, for messages."""
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Include:
    page: Path
    line: int
    target: Path


@dataclass(frozen=True)
class Fence:
    page: Path
    line: int
    lang: str
    body: list[str]


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def expand_macros(line: str) -> str:
    """The line with each sample/output macro replaced by the Markdown it renders."""
    return SAMPLE_MACRO.sub(lambda m: MACROS[m.group(1)](m.group(2)), line)


def macro_calls() -> list[tuple[Path, int, str, str]]:
    """(page, line, macro, name) for each sample/output macro on a page."""
    return [
        (page, n, m.group(1), m.group(2))
        for page in pages()
        for n, line in enumerate(page.read_text().splitlines(), 1)
        for m in SAMPLE_MACRO.finditer(line)
    ]


def includes() -> list[Include]:
    found = []
    for page in pages():
        for n, line in enumerate(page.read_text().splitlines(), 1):
            try:
                text = expand_macros(line)
            except FileNotFoundError as missing:  # a macro naming a sample that isn't there
                found.append(Include(page, n, Path(missing.filename)))
                continue
            for m in INCLUDE.finditer(text):
                found.append(Include(page, n, (ROOT / m.group(1)).resolve()))
    return found


def fences(page: Path) -> list[Fence]:
    found, lines, i = [], page.read_text().splitlines(), 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start, fence = i, m.group("fence")
        info = m.group("info").strip().lstrip("{").lstrip(".")
        lang = re.split(r"[\s}]", info, maxsplit=1)[0].lower() if info else ""
        i += 1
        body = []
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i])
            i += 1
        found.append(Fence(page, start + 1, lang, body))
        i += 1
    return found
