"""`newsweave serve`: a local web app and REST API over the store (needs fastapi and uvicorn).

Importing this package loads no web framework; ``create_app`` imports it on first use.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
