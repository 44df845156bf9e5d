"""The names of the profiles, apart from profiles.py (which loads Pillow and the CSS parser),
so the command line can offer them without loading either."""

from __future__ import annotations

from typing import Literal

ProfileName = Literal["screen", "print"]
ProfileChoice = Literal["screen", "print", "both"]
PROFILE_CHOICES: tuple[ProfileChoice, ...] = ("both", "screen", "print")
