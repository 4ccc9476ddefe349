"""newsweave: from a pile of raw news articles to stories.

Library use::

    from newsweave import Pipeline, Settings, open_store
    store = open_store("newsweave.db")
    result = Pipeline(store, Settings()).run(["articles/"], out_dir=Path("out"))

    from newsweave import read_articles  # clean articles, or the reason an input was skipped
    for item in read_articles(["page.html", "crawl.warc.gz", "feed.rss"]):
        print(item)
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "Settings", "open_store", "read_articles", "__version__"]


def __getattr__(name: str) -> Any:  # lazy: importing newsweave loads no model
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    if name == "Settings":
        from .settings import Settings

        return Settings
    if name == "open_store":
        from .store import open_store

        return open_store
    if name == "read_articles":
        from .stages.ingest import read_articles

        return read_articles
    raise AttributeError(name)
