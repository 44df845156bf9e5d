"""Placeholder, see below."""
PATCHES: list = []
