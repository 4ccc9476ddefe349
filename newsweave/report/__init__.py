"""Reports: stories.json, a Markdown report and one self-contained HTML page.

The renderers load on first use (PEP 562), so ``newsweave.report.tables`` can be imported, as the CLI does for its
table names, without loading jinja2."""

from __future__ import annotations

from typing import Any

__all__ = ["render_html", "render_markdown", "write_reports"]


def __getattr__(name: str) -> Any:
    if name in ("render_html", "render_markdown"):
        from newsweave.report import render

        return getattr(render, name)
    if name == "write_reports":
        from newsweave.report.write import write_reports

        return write_reports
    raise AttributeError(f"module 'newsweave.report' has no attribute {name!r}")
