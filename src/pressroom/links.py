"""Links in the text: a link to a file on the writer's computer would print that computer's
folders into the published PDF and lead nowhere for a reader, so it is refused."""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it.token import Token

SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
LOCAL_SCHEMES = ("file:",)


def local_link_target(token: Token) -> str | None:
    """The target as written when a link_open token points at a local file, else None."""
    href = str(token.attrGet("href") or "")
    if href.startswith("#"):
        return None  # a place inside the report
    if SCHEME.match(href) and not href.lower().startswith(LOCAL_SCHEMES):
        return None  # https:, mailto:, tel: ...
    return unquote(href)
