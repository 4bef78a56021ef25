"""Links on the built site. Internal ones reach a built file and, with a #fragment, an element
with that id: raw HTML and macro output included, which MkDocs' own validation does not see.
External ones are all https, and every one starts at a site named in keyguide/facts/links.yml,
so a moved domain is one edit there. (The weekly links workflow checks they still answer.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from keyguide import facts
from tests.support.built_html import every_page, parse
from tests.support.pages import ROOT, pages

RAW_URL = re.compile(r"https?://(?!127\.0\.0\.1|localhost)[^\s)\"'>`]+")


def repo_url() -> str:
    """mkdocs.yml's repo_url (its !ENV tags keep yaml.safe_load from reading the file)."""
    found = re.search(r"^repo_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.MULTILINE)
    assert found, "mkdocs.yml has no repo_url"
    return found[1]


def external_links(site: Path) -> set[str]:
    found = set()
    for _, soup in every_page(site):
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            url = str(tag.get("href") or tag.get("src"))
            if url.startswith(("http:", "https:", "//")) and tag.get("rel") != ["canonical"]:
                found.add(url)
    return found


def test_pages_write_no_url_by_hand() -> None:
    typed = [
        f"{page.relative_to(ROOT)}:{n}: {m.group(0)}"
        for page in pages()
        for n, line in enumerate(page.read_text().splitlines(), 1)
        for m in RAW_URL.finditer(line)
    ]
    assert not typed, f"use {{{{ sites.<name> }}}}/path (keyguide/facts/links.yml): {typed}"


def test_facts_write_no_url_by_hand() -> None:
    typed = [
        f"{f.name}:{n}"
        for f in sorted((ROOT / "keyguide/facts").glob("*.yml"))
        if f.name != "links.yml"
        for n, line in enumerate(f.read_text().splitlines(), 1)
        if RAW_URL.search(line)
    ]
    assert not typed, f'write "{{site}}/path" (keyguide/facts/links.yml): {typed}'


# A link in code: not loopback, and not a reserved example domain (RFC 2606) used as a value.
URL_IN_CODE = re.compile(
    r"\w+://(?!127\.0\.0\.1|localhost|example\.(com|org|net)\b)[\w.-]+\.[a-z]{2,}\S*"
)


def test_code_writes_no_url_by_hand() -> None:
    """Links in keyguide/**/*.py (messages included) come from the facts, never typed."""
    typed = [
        f"{path.relative_to(ROOT)}:{n}: {m.group(0)}"
        for path in sorted((ROOT / "keyguide").rglob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        for m in URL_IN_CODE.finditer(line)
    ]
    assert not typed, f'name the site in links.yml and write "{{site}}/path" in a fact: {typed}'


def test_every_external_link_is_https_on_a_named_site(built_site: Path) -> None:
    bases = [*facts.sites().values(), repo_url()]
    links = external_links(built_site)
    assert links, "the built site links nowhere outside: the collector is broken"
    insecure = sorted(u for u in links if not u.startswith("https://"))
    unnamed = sorted(
        u
        for u in links
        if not any(u == b or u.startswith(b + "/") or u.startswith(b + "#") for b in bases)
    )
    assert not insecure, f"links that are not https: {insecure}"
    assert not unnamed, f"links on sites missing from links.yml: {unnamed}"


def test_an_unknown_site_is_a_clear_facts_error(tmp_path: Path) -> None:
    bad = tmp_path / "errors.yml"
    text = (ROOT / "keyguide/facts/errors.yml").read_text()
    bad.write_text(text.replace('"{openai_docs}', '"{nowhere}', 1))
    with pytest.raises(facts.FactsError, match=r"errors\.yml: errors\.\d+\.source: unknown site"):
        facts.load_file(bad, facts.Errors)


def internal_target(site: Path, html: Path, url: str) -> tuple[Path, str] | None:
    """The built file and fragment an internal link leads to; None for an external link."""
    page_url = "http://site/" + html.relative_to(site).as_posix()
    parts = urlsplit(urljoin(page_url, url))
    if parts.netloc != "site":
        return None
    path = site / unquote(parts.path).lstrip("/")
    return (path / "index.html" if path.is_dir() else path), unquote(parts.fragment)


def broken_internal_links(site: Path) -> list[str]:
    broken = []
    for html, soup in every_page(site):
        for tag in soup.select("a[href], link[href], script[src], img[src]"):
            url = str(tag.get("href") or tag.get("src"))
            target = internal_target(site, html, url)
            if target is None or tag.get("rel") == ["canonical"]:
                continue
            path, fragment = target
            where = f"{html.relative_to(site)}: {url}"
            if not path.is_file():
                broken.append(f"{where} (no such file)")
            elif fragment and path.suffix == ".html" and not parse(path).find(id=fragment):
                broken.append(f"{where} (no element with id {fragment!r})")
    return broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    assert not broken_internal_links(built_site)


def test_a_broken_raw_html_anchor_is_reported(tmp_path: Path) -> None:
    """The check sees what MkDocs' validation cannot: an anchor written in raw HTML."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<p id="here"><a href="#here">ok</a> <a href="#gone">x</a> <a href="../b/">y</a></p>'
    )
    assert broken_internal_links(tmp_path) == [
        "a/index.html: #gone (no element with id 'gone')",
        "a/index.html: ../b/ (no such file)",
    ]
