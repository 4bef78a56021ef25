"""Where a fact came from, in words: its kind of source, what is our guess, what is uncertain,
and the site-wide list of uncertain facts (every registered file, straight from the data)."""

from __future__ import annotations

from keyguide import facts

KIND_WORDS = {
    "official": "OpenAI's docs",
    "sdk": "SDK source",
    "secondary": "secondary copy",
    "third-party": "third-party figure",
}


def provenance(fact: facts.Sourced) -> str:
    """What kind of source a fact has, with the source's own date: "third-party figure, 2026-03"."""
    words = KIND_WORDS[fact.kind]
    return f"{words}, {fact.source_date}" if fact.source_date else words


def guessed(fact: facts.Sourced) -> str:
    """The fields that are ours, in words: "type and code"."""
    names = [g.replace("_", " ") for g in fact.guessed]
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def source_note(fact: facts.Sourced) -> str:
    """Where a fact came from, what kind of source that is, and what is ours (Markdown)."""
    kind = "" if fact.kind == "official" else f" ({provenance(fact)})"
    ours = f"; {guessed(fact)}: our guess, not verified" if fact.guessed else ""
    return f"[source]({fact.source}){kind}, checked {fact.verified}{ours}"


def kinds(rows: list[tuple[str, facts.Sourced]]) -> dict[str, list[str]]:
    """Rows whose figure is not from OpenAI's docs, or is our guess, grouped by what they are."""
    groups: dict[str, list[str]] = {}
    for row_id, f in rows:
        if f.kind != "official":
            groups.setdefault(provenance(f), []).append(row_id)
        if f.guessed:
            groups.setdefault("our guess, not verified", []).append(f"{row_id} ({guessed(f)})")
    return {k[0].upper() + k[1:]: list(dict.fromkeys(ids)) for k, ids in groups.items()}


def label(fact: facts.Sourced, where: str) -> str:
    """How the uncertain list names a fact: its id or name, else where it sits in its file."""
    if isinstance(fact, facts.ApiError):
        return f"`{fact.code or fact.message}` error"
    if isinstance(fact, facts.TierLimit):
        return f"{fact.model} limits on {fact.tier}"
    if isinstance(fact, facts.Deprecation):
        return f"shutdown of {', '.join(fact.models)}"
    for field in ("id", "name"):
        if isinstance(value := getattr(fact, field, None), str):
            return f"`{value}`"
    return where.split(".")[0].replace("_", " ")


def uncertain_items() -> list[tuple[str, str, str]]:
    """(page, what, why) for every fact the data marks uncertain, in every registered file."""
    return [
        (f.page, label(fact, where), fact.uncertain or "") for f, where, fact in facts.uncertain()
    ]


def uncertain_facts(base: str = "../") -> str:
    """A Markdown list of every uncertain fact with its reason and a link to its page."""
    return "\n".join(
        f"- {what} ([{page.rsplit('/', 1)[-1].removesuffix('.md')}]({base}{page})): {why}"
        for page, what, why in uncertain_items()
    )
