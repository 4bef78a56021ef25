"""Nothing shaped like a real API key reaches a reader: not the built pages, the search index,
llms-full.txt or the samples' recorded outputs. The sandbox's own keys are exempt by name;
masks such as sk-***...oked are not keys."""

from __future__ import annotations

import re
from pathlib import Path

from keyguide import facts

ROOT = Path(__file__).resolve().parent.parent
KEY_SHAPES = [
    re.compile(r"sk-(proj|svcacct|admin)-[A-Za-z0-9_-]{20,}"),
    re.compile(r"sk-[A-Za-z0-9]{32,}"),
]
SANDBOX_KEYS = {a.key for a in facts.accounts().accounts}


def real_looking_keys(text: str) -> list[str]:
    found = (m.group(0) for shape in KEY_SHAPES for m in shape.finditer(text))
    return sorted({k for k in found if k not in SANDBOX_KEYS})


def leaks(files: list[Path], root: Path) -> list[str]:
    return [
        f"{path.relative_to(root)}: {key[:12]}…"
        for path in files
        for key in real_looking_keys(path.read_text(errors="replace"))
    ]


def test_the_shapes_catch_keys_and_pass_masks_and_sandbox_keys() -> None:
    fake = "A1b2" * 12  # built here, so no key-shaped text sits in the repository
    assert real_looking_keys(f"key: sk-proj-{fake}") == [f"sk-proj-{fake}"]
    assert real_looking_keys(f"sk-svcacct-{fake[:20]}") == [f"sk-svcacct-{fake[:20]}"]
    assert real_looking_keys(f"legacy sk-{fake}.") == [f"sk-{fake}"]
    assert real_looking_keys("Incorrect API key provided: sk-***********oked.") == []
    assert real_looking_keys(" ".join(SANDBOX_KEYS)) == []
    assert real_looking_keys(f"sk-proj-{fake[:19]}") == []  # too short to be a key


def test_the_built_site_and_its_search_index_show_no_real_looking_key(built_site: Path) -> None:
    files = [p for p in built_site.rglob("*") if p.suffix in {".html", ".json", ".txt", ".xml"}]
    assert any(p.name == "search_index.json" for p in files), "the search index was not built"
    found = leaks(files, built_site)
    assert not found, f"real-looking API keys on the built site: {found}"


def test_no_sample_or_its_recorded_output_holds_a_real_looking_key() -> None:
    """snippets/**: the outputs (.out) the tests compare each run with, and the samples."""
    files = [p for p in (ROOT / "snippets").rglob("*") if p.is_file()]
    assert any(p.suffix == ".out" for p in files), "no sample outputs found"
    found = leaks(files, ROOT)
    assert not found, f"real-looking API keys in samples or their outputs: {found}"
