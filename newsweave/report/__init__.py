"""Reports: stories.json, a Markdown report and one self-contained HTML page."""

from newsweave.report.render import render_html, render_markdown
from newsweave.report.write import write_reports

__all__ = ["render_html", "render_markdown", "write_reports"]
