"""MkDocs hook: /llms.txt and a plain-Markdown copy of every page, for AI assistants.

A copy starts from the page's Markdown after the macros have rendered the facts, with the
samples' include lines expanded by the same pymdownx.snippets the build uses: nothing is
converted back from HTML. Content tabs and admonitions become a bold label over their
text, so an assistant still sees which commands are for Windows and which for macOS.
llms.txt lists the copies in the order of the site's navigation.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

INTRO = (
    "Each link is a plain-Markdown copy of one page of the guide. Prices, limits and "
    "error codes on them were rendered from sourced facts when the site was built."
)
# A tab (=== "Windows"; ===! starts a new set) or an admonition (!!! warning "Title",
# ??? note, !!! example kg-note "Title"): its body is indented four spaces under it.
BLOCK = re.compile(
    r"^(?P<indent> *)(?:===|!!!|\?\?\?)[!+]* *"
    r'(?P<kind>[\w-]+(?: +[\w-]+)*)? *(?:"(?P<label>.*)")? *$'
)
# A wrapper that md_in_html keeps for layout only, such as <div class="grid cards" markdown>.
LAYOUT_TAG = re.compile(r"^ *(?:<div\b[^>]*\bmarkdown\b[^>]*>|</div>) *$")
MD_LINK = re.compile(r"\]\((?P<path>[^)\s#:]+\.md)(?P<anchor>#[^)\s]*)?\)")
# The wrapper macros put around their notes so the site's tests can tell them from prose.
NOTE_OPEN = '<span class="kg-note">'
SPAN = re.compile(r"<span\b|</span>")
# An attr_list after a link, [Output (sandbox)](...){ .sandbox-output }, or at the end of a
# heading, ## Title { #anchor }: markup for the HTML page, not words.
LINK_ATTRS = re.compile(r"(?<=\))\{ *[.#][^}\n]*\}")
HEADING_ATTRS = re.compile(r"^(#+ .*?) *\{ *#[\w-]+ *\}$", re.MULTILINE)


@dataclass
class Build:
    """What this build has gathered so far (MkDocs calls a hook's functions, not a class)."""

    copies: dict[str, str] = field(default_factory=dict)  # by their page's source path
    nav: Navigation | None = None
    snippets: markdown.Markdown | None = None


BUILD = Build()


def copy_path(src_uri: str) -> str:
    """Where a page's Markdown copy goes: beside its index.html."""
    stem = src_uri.removesuffix(".md")
    folder = (
        stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    )
    return folder + "index.md"


def labelled(lines: list[str]) -> list[str]:
    """Each tab and admonition as a bold label, its body moved out by one indent level."""
    out: list[str] = []
    opened: list[int] = []  # the indents of the blocks this line is inside
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        while opened and line.strip() and indent <= opened[-1]:
            opened.pop()
        shift = 4 * len(opened)
        block = BLOCK.match(line)
        if block and (block["label"] or block["kind"]):
            label = block["label"] or str(block["kind"]).capitalize()
            out += [f"{' ' * (indent - shift)}**{label}**", ""]
            opened.append(indent)
        elif LAYOUT_TAG.match(line) or (not line.strip() and out[-1:] == [""] and is_label(out)):
            continue  # layout wrappers go; a label keeps one blank line under it
        else:
            out.append(line[min(shift, indent) :])
    return out


def is_label(out: list[str]) -> bool:
    return len(out) >= 2 and out[-2].strip().startswith("**") and out[-2].strip().endswith("**")


def unwrapped_notes(text: str) -> str:
    """The notes' words without their <span class="kg-note"> wrapper (spans may nest)."""
    while (start := text.find(NOTE_OPEN)) >= 0:
        depth, end = 1, start + len(NOTE_OPEN)
        for tag in SPAN.finditer(text, end):
            depth += 1 if tag.group() == "<span" else -1
            if depth == 0:
                end = tag.start()
                break
        else:
            return text  # unbalanced: leave it for the reader rather than guess
        inner = text[start + len(NOTE_OPEN) : end]
        text = text[:start] + inner + text[end + len("</span>") :]
    return text


def absolute_links(text: str, src_uri: str, site_url: str) -> str:
    """Links to other pages point at their Markdown copies, wherever the copy is read."""

    def copy_link(link: re.Match[str]) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link["path"]))
        return f"]({site_url}{copy_path(target)}{link['anchor'] or ''})"

    return MD_LINK.sub(copy_link, text)


def snippet_expander(config: MkDocsConfig) -> markdown.Markdown:
    options = config.mdx_configs.get("pymdownx.snippets", {})
    return markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )


def on_pre_build(config: MkDocsConfig) -> None:
    BUILD.copies = {}
    BUILD.snippets = snippet_expander(config)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    BUILD.nav = nav


def on_page_markdown(markdown_text: str, page: Page, config: MkDocsConfig, files: Files) -> None:
    assert BUILD.snippets is not None, "on_pre_build runs first"
    lines = BUILD.snippets.preprocessors["snippet"].run(markdown_text.splitlines())
    text = unwrapped_notes("\n".join(labelled(lines)).strip() + "\n")
    text = HEADING_ATTRS.sub(r"\1", LINK_ATTRS.sub("", text))
    BUILD.copies[page.file.src_uri] = absolute_links(text, page.file.src_uri, site_url(config))


def site_url(config: MkDocsConfig) -> str:
    return (config.site_url or "/").rstrip("/") + "/"


def entry(page: Page, config: MkDocsConfig) -> str:
    url = site_url(config) + copy_path(page.file.src_uri)
    description = html.unescape(str(page.meta.get("description") or ""))  # escaped for HTML
    return f"- [{page.title}]({url})" + (f": {description}" if description else "")


def index(nav: Navigation, config: MkDocsConfig) -> str:
    """llms.txt: the site, then one section per top-level nav entry, pages in nav order."""
    out = [
        f"# {config.site_name}",
        "",
        f"> {' '.join((config.site_description or '').split())}",
        "",
    ]
    out += [INTRO, ""]
    for item in nav.items:
        pages = [p for p in nav.pages if is_under(p, item)]
        out += [f"## {item.title}", "", *(entry(p, config) for p in pages), ""]
    return "\n".join(out)


def is_under(page: Page, item: Page | Section | object) -> bool:
    parent: object = page
    while parent is not None:
        if parent is item:
            return True
        parent = getattr(parent, "parent", None)
    return False


def on_post_build(config: MkDocsConfig) -> None:
    site, nav, copies = Path(config.site_dir), BUILD.nav, BUILD.copies
    assert nav is not None, "on_nav runs first"
    for src_uri, text in copies.items():
        target = site / copy_path(src_uri)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text)
    (site / "llms.txt").write_text(index(nav, config))
    full = [copies[p.file.src_uri] for p in nav.pages if p.file.src_uri in copies]
    (site / "llms-full.txt").write_text("\n\n".join(full))
