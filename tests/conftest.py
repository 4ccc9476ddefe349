"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = ROOT / "samples"


def need_seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/data/seeds is not available")
    return SEEDS


@pytest.fixture(scope="session")
def nlp():
    from newsweave.stages.nlp import NLP

    return NLP().load()


@pytest.fixture(scope="session")
def embedder():
    from newsweave.stages.embed import Embedder

    return Embedder().load()
