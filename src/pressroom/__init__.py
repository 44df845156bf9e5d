"""pressroom: typesets structured reports into print-ready PDFs.

The pipeline, one module a stage:
load -> validate -> markdown -> template -> layout -> audit -> finish,
driven by build.py and called from cli.py (the only module that prints or exits).
"""

__version__ = "0.1.0"
