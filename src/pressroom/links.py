"""Links in the text: a link that is not a web address (`annex.pdf`, a site's own `/about/`)
leads nowhere for a reader of the PDF and would name the writer's folders in it, so its words
are printed without the link, and the writer is told where."""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it.common.utils import escapeHtml
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


UNLINKED = "pressroom_unlinked"  # token.meta flag on a link_open printed as plain words
WEB_ADDRESS = "pressroom_web_address"  # token.meta flag on a link_open printing its address


def render_link_open(renderer: object, tokens: list[Token], index: int, options: object, env: dict) -> str:
    """Links do not nest, so one flag in `env` pairs an unlinked link's open and close."""
    env[UNLINKED] = tokens[index].meta.get(UNLINKED, False)
    env[WEB_ADDRESS] = tokens[index].meta.get(WEB_ADDRESS, False)
    return "" if env[UNLINKED] else renderer.renderToken(tokens, index, options, env)  # type: ignore[attr-defined]


def render_text(renderer: object, tokens: list[Token], index: int, options: object, env: dict) -> str:
    """Text as markdown-it prints it; inside a printed web address, with its break chances."""
    text = escapeHtml(tokens[index].content)
    return URL_BREAK_AFTER.sub(ZERO_WIDTH_SPACE, text) if env.get(WEB_ADDRESS) else text


def render_link_close(renderer: object, tokens: list[Token], index: int, options: object, env: dict) -> str:
    env.pop(WEB_ADDRESS, None)
    return "" if env.pop(UNLINKED, False) else renderer.renderToken(tokens, index, options, env)  # type: ignore[attr-defined]


# Where a printed web address may break across lines: after a slash, a dot or a hyphen.
URL_BREAK_AFTER = re.compile(r"(?<=[/.-])(?=[^/.\-\s])")
ZERO_WIDTH_SPACE = "\u200b"
WEB_LINK_MARKUP = ("autolink", "linkify")
PRINTED_ADDRESS = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)


def _shows_an_address(inside: list[Token]) -> bool:
    """A link written [https://...](https://...) (as Word documents import) prints its address."""
    return len(inside) == 1 and inside[0].type == "text" and bool(PRINTED_ADDRESS.match(inside[0].content))


def print_web_addresses(state: object) -> None:
    """A markdown-it core rule for web addresses printed as text (`<https://...>`, a bare
    https://... or a link whose words are its address): the angle brackets a writer put around one (`<<https://...>>`, common in
    Word documents) are dropped, and the address may break only after `/`, `.` or `-`."""
    for block in state.tokens:  # type: ignore[attr-defined]
        children = block.children or []
        for index, token in enumerate(children):
            if token.type != "link_open":
                continue
            close = next(i for i in range(index + 1, len(children)) if children[i].type == "link_close")
            shows_an_address = _shows_an_address(children[index + 1 : close])
            if token.markup not in WEB_LINK_MARKUP and not shows_an_address:
                continue
            # render_text adds the break chances (the text stays as written); a bare name such
            # as Cybertip.ca (linkified, no scheme) is a word and gets none.
            token.meta[WEB_ADDRESS] = shows_an_address or token.markup == "autolink"
            before = children[index - 1] if index else None
            after = children[close + 1] if close + 1 < len(children) else None
            if before is not None and after is not None and before.type == after.type == "text" \
                    and before.content.endswith("<") and after.content.startswith(">"):
                before.content, after.content = before.content[:-1], after.content[1:]
