"""Write the three report files: stories.json, report.md and report.html, each replaced atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .render import render_html, render_markdown


def _write_atomic(path: Path, content: str) -> None:
    """Write to a temp file beside ``path`` and rename it over ``path``: never half-written."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_reports(doc: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    """Write report.html, report.md and stories.json into ``out_dir``; return their paths.

    Everything is rendered before the first write, so a rendering error leaves old files intact.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    contents = {
        "html": ("report.html", render_html(doc)),
        "md": ("report.md", render_markdown(doc)),
        "json": ("stories.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n"),
    }
    paths: dict[str, Path] = {}
    for key, (name, content) in contents.items():
        path = out_dir / name
        _write_atomic(path, content)
        paths[key] = path
    return paths
