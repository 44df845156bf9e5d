"""Tests of the WeasyPrint footnote patches (pressroom.engine)."""
