"""MkDocs hook: keep the theme's compiled templates in memory between the builds of one
process. `mkdocs serve` rebuilds the whole site after every edit, and compiling Material's
templates again was about a quarter of each rebuild. A template's source is part of its
cache key, so an edited override is compiled afresh."""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class InMemory(BytecodeCache):
    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


CACHE = InMemory()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> None:
    env.bytecode_cache = CACHE
