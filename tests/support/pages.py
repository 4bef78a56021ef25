"""What the Markdown pages include and contain, read from docs/ as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+)(?::[\w-]+)?["']""")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^\n]*)$")
PYTHON_LANGS = {"python", "py", "python3", "pycon", "py3"}


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


def includes() -> list[Include]:
    found = []
    for page in pages():
        for n, line in enumerate(page.read_text().splitlines(), 1):
            for m in INCLUDE.finditer(line):
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
