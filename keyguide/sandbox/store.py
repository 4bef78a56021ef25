"""Stored objects (responses, chat completions): kept until deleted or until the store is
full, when the oldest go first. Full means too many objects or too much text in them."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")
STORED_LIMIT = 1000  # objects per kind; the sandbox reference page states both limits
STORED_CHARS = 8_000_000  # characters of conversation per kind: about 8 MB held


class Bounded(Generic[T]):
    def __init__(self, limit: int = STORED_LIMIT, chars: int = STORED_CHARS) -> None:
        self.limit = limit
        self.chars = chars
        self.items: OrderedDict[str, tuple[T, int]] = OrderedDict()
        self.held = 0  # characters, as the callers size their objects

    def put(self, key: str, value: T, size: int = 0) -> None:
        self.delete(key)
        self.items[key] = (value, size)
        self.held += size
        while len(self.items) > self.limit or self.held > self.chars:
            _, (_, dropped) = self.items.popitem(last=False)
            self.held -= dropped

    def get(self, key: str) -> T | None:
        found = self.items.get(key)
        return None if found is None else found[0]

    def delete(self, key: str) -> bool:
        found = self.items.pop(key, None)
        if found is not None:
            self.held -= found[1]
        return found is not None

    def values(self) -> list[T]:
        return [value for value, _ in self.items.values()]
