"""Tiny helper: a named set of attribute replacements that can be applied and undone."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Patch:
    """Replace ``owner.name`` by ``make(original)`` while applied."""

    owner: Any
    name: str
    make: Callable[[Any], Any]
    _saved: list[Any] = field(default_factory=list, repr=False)

    def apply(self) -> None:
        original = getattr(self.owner, self.name)
        self._saved.append(original)
        setattr(self.owner, self.name, self.make(original))

    def restore(self) -> None:
        setattr(self.owner, self.name, self._saved.pop())
