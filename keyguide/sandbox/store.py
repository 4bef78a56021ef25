"""Stored objects (responses, chat completions): kept until deleted or until the store is
full, when the oldest goes first."""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")
STORED_LIMIT = 1000  # per kind; the sandbox reference page states it


class Bounded(Generic[T]):
    def __init__(self, limit: int = STORED_LIMIT) -> None:
        self.limit = limit
        self.items: OrderedDict[str, T] = OrderedDict()

    def put(self, key: str, value: T) -> None:
        self.items[key] = value
        self.items.move_to_end(key)
        while len(self.items) > self.limit:
            self.items.popitem(last=False)

    def get(self, key: str) -> T | None:
        return self.items.get(key)

    def delete(self, key: str) -> bool:
        return self.items.pop(key, None) is not None

    def values(self) -> list[T]:
        return list(self.items.values())
