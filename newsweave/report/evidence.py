"""What a citation marker reveals: the cited sentence of an article, with some text around it."""

from __future__ import annotations

CONTEXT_CHARS = 180  # article text shown either side of a revealed sentence


def context(text: str, start: int, end: int) -> dict[str, str]:
    """The span with some text either side, cut at word boundaries, whitespace collapsed."""
    a, b = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    before, after = text[a:start], text[end:b]
    if a > 0:
        before = "\u2026" + before.split(None, 1)[-1] if " " in before.strip() else before
    if b < len(text):
        after = after.rsplit(None, 1)[0] + "\u2026" if " " in after.strip() else after
    keep = " ".join  # collapse whitespace but keep a space at the joins
    return {
        "before": keep(before.split()) + (" " if before[-1:].isspace() else ""),
        "text": keep(text[start:end].split()),
        "after": (" " if after[:1].isspace() else "") + keep(after.split()),
    }


def best_sentence(target: str, text: str, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The article sentence holding most of ``target``'s content words (how the summarizer cites)."""
    from ..stages.compare import content_words

    want = set(content_words(target))
    if not want:
        return None
    best, best_score = None, 0.0
    for s, e in spans:
        score = len(want & set(content_words(text[s:e]))) / len(want)
        if score > best_score:
            best, best_score = (s, e), score
    return best if best_score >= 0.3 else None
