"""Hard-wrapped text dumps (lynx / w3m dumps, e-mail, plain-text archives) clean as their unwrapped text does."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from newsweave.stages.clean import clean_text_dump, unwrap_dump

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "seeds"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dump_wikinews.txt"


def _wrap(dump: str, width: int) -> str:
    """Each line filled to ``width`` columns as its own paragraph (textwrap, as e-mail wraps); blank lines stay."""
    return "\n".join(textwrap.fill(ln, width) if ln.strip() else ln for ln in dump.split("\n"))


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed dumps not available at {SEEDS}")
    return path.read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_seed_cleans_as_the_seed(width: int) -> None:
    raw = _seed("000_f2caec4f31b0e51f.txt")
    wrapped = _wrap(raw, width)
    assert wrapped != raw and max(len(ln) for ln in wrapped.split("\n")) <= width
    res = clean_text_dump(wrapped)
    assert res == clean_text_dump(raw)  # text, title, authors, date, source and the dropped lines
    assert "Lavrov began tense talks in Moscow on Wednesday as the two sides locked horns" in res.text
    assert res.title == "Tillerson meets Lavrov after war of words over Syria"
    paragraphs = res.text.split("\n\n")
    assert paragraphs[0].startswith("US Secretary of State Rex Tillerson and his Russian counterpart Sergei Lavrov")
    assert "- 'Where is the proof?' -" in paragraphs
    assert not [p for p in paragraphs if re.match(r"[a-z]", p)]  # no paragraph starts inside a sentence


@pytest.mark.parametrize("width", [72, 80])
def test_wrapped_repost_keeps_source_date_and_short_lines(width: int) -> None:
    raw = _seed("004_23f2fadc937a667e.txt")
    res, ref = clean_text_dump(_wrap(raw, width)), clean_text_dump(raw)
    assert res == ref
    assert res.site and res.published and res.title == ref.title


@pytest.mark.parametrize("width", [60, 72, 80])
def test_wrapped_fixture_unwraps_to_the_fixture_lines(width: int) -> None:
    raw = FIXTURE.read_text(encoding="utf-8")
    wrapped = _wrap(raw, width)
    assert _lines(unwrap_dump(wrapped)) == _lines(raw)  # title, date, menus and each paragraph one line again
    res = clean_text_dump(wrapped)
    assert res == clean_text_dump(raw)
    assert res.title == "Wreckage of plane thought to be missing Air France flight found in Atlantic"
    assert res.original_source == "Reuters" and res.published
    assert "Subscribe to our newsletter" not in res.text


def test_unwrapped_dumps_are_left_as_they_are() -> None:
    raw = FIXTURE.read_text(encoding="utf-8")
    assert unwrap_dump(raw) is raw
    for name in ("000_f2caec4f31b0e51f.txt", "004_23f2fadc937a667e.txt"):
        if (SEEDS / name).is_file():
            seed = (SEEDS / name).read_text(encoding="utf-8")
            assert unwrap_dump(seed) is seed
    # short lines of a menu or a headline list fill a band of lengths too, but no sentence runs on
    headlines = "\n".join(
        f"{w.capitalize()} {'markets rally as investors weigh the latest outlook'[: 20 + i]}" for i, w in
        enumerate("world business science sport culture travel style health money opinion".split())
    )  # fmt: skip
    assert unwrap_dump(headlines) is headlines


PARAGRAPHS = [
    "The Russia-US talks on Wednesday were tense, officials from both sides said after a meeting that ran far "
    "longer than planned, and the anti-terrorist front the two countries spoke of is still far off.",
    "Short line of its own.",
    "The next paragraph starts right below it, with no blank line between them, as in many e-mails; it is long "
    "enough to fill several lines to their width, and it runs on to its end.",
]
ITEMS = [
    "A list item that is long enough to fill the line to its full width and then continues.",
    "A second item of the list that follows right after the first one.",
]


def test_paragraphs_without_blank_lines_hyphen_breaks_and_list_items() -> None:
    text = "\n".join(textwrap.fill(p, 48) for p in PARAGRAPHS)
    text += "\n" + "\n".join(textwrap.fill(it, 48, initial_indent="  • ", subsequent_indent="    ") for it in ITEMS)
    assert "and the anti-\nterrorist front" in text  # textwrap breaks a word at its hyphen
    out = _lines(unwrap_dump(f"{text}\n{text}\n"))
    assert out[:5] == [*PARAGRAPHS, *(f"• {it}" for it in ITEMS)]
    assert out[5:] == out[:5]


def test_text_browser_style_indented_paragraphs() -> None:
    """lynx indents paragraphs by three columns and wraps them within its width; the fixture so rendered cleans
    as the fixture does."""
    raw = FIXTURE.read_text(encoding="utf-8")
    dump = "\n".join(
        textwrap.fill(ln, 78, initial_indent="   ", subsequent_indent="   ") if len(ln) > 60 else ln
        for ln in raw.split("\n")
    )
    assert _lines(unwrap_dump(dump)) == _lines(raw)
    assert clean_text_dump(dump) == clean_text_dump(raw)


# A page dump in Chinese (written for this test): the article has no spaces between its words, so each of its
# characters counts as a word; before, every line weighed one word and the whole article was dropped as furniture.
ZH_DUMP = "\n".join(
    [
        "首页",
        "新闻",
        "体育",
        "登录 | 注册",
        "",
        "暴雨袭击南方多省 数万人紧急转移",
        "",
        "本报讯 连日来，南方多个省份遭遇强降雨天气，部分地区出现严重内涝和山洪灾害。"
        "据应急管理部门介绍，截至3日早上，已有超过三万名群众被紧急转移到安全地带。",
        "",
        "气象部门表示，这次降雨过程持续时间长、累计雨量大，预计未来三天仍将有大到暴雨。"
        "当地政府已经启动防汛二级应急响应。",
        "",
        "一位参与救援的工作人员说：“我们连夜把老人和孩子送到了学校的临时安置点，"
        "目前大家的情绪比较稳定。”",
        "",
        "分享到：微信 微博",
        "相关新闻",
        "版权所有 © 2026 某某新闻网",
    ]
)


def test_a_dump_in_a_script_without_spaces_keeps_its_article() -> None:
    r = clean_text_dump(ZH_DUMP)
    assert "已有超过三万名群众被紧急转移到安全地带。" in r.text
    assert "目前大家的情绪比较稳定。”" in r.text
    assert "首页" in r.removed and "相关新闻" in r.removed and "版权所有 © 2026 某某新闻网" in r.removed
    assert "首页" not in r.text
    assert r.title == "暴雨袭击南方多省 数万人紧急转移" and r.title not in r.text
