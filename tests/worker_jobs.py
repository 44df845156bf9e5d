"""Jobs for the worker tests (test_workers.py). A worker imports a job's class by its module's
name, so they live in a module of their own, importing nothing heavy."""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass

from pressroom.progress import Progress


@dataclass(frozen=True)
class WhereAmI:
    steps: int = 0

    def run(self, report):
        for page in range(1, self.steps + 1):
            report(Progress("layout", "screen", page))
        return os.getpid(), os.getppid()


@dataclass(frozen=True)
class Raises:
    def run(self, report):
        raise ValueError("a bug in a stage")


@dataclass(frozen=True)
class Dies:
    def run(self, report):
        os._exit(3)


@dataclass(frozen=True)
class Prints:
    def run(self, report):
        print("a library writes to stdout")
        return "answered"


@dataclass(frozen=True)
class ModulesLoaded:
    def run(self, report):
        return sorted(sys.modules)


@dataclass(frozen=True)
class TemporaryFolder:
    def run(self, report):
        return tempfile.gettempdir()

