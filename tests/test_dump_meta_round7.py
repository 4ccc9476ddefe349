"""Plain-text dumps, round 7 of the headline: the model of depth 4 (benchmarks/dump_title.py). The lines are those
of a real page's dump (a law firm's blog post), shortened."""

from __future__ import annotations

from newsweave.stages.clean import clean_text_dump

MENU = ["Main navigation", "Locations", "Practice Areas", "Attorneys", "About", "Our Results", "Contact",
        "(877) 667-4265", "Injured? We can help. See if you qualify for a case", "Home", "Blog"]  # fmt: skip
BODY = [
    "Gyms and fitness centers are designed to promote health and strengthen bodies, but they can sometimes be "
    "hotspots for accidents and injuries.",
    "Whether you’re lifting weights, running on a treadmill, or participating in a fitness class, unexpected "
    "accidents can occur.",
    "To make matters worse, many of these injuries are avoidable and due to mere negligence by gym management and "
    "staff.",
    "Common Types of Gym Injuries",
    "Gyms offer various activities and equipment, each posing unique risks. Here are some of the most common "
    "injuries that occur in fitness centers.",
    "Slip and Fall Accidents",
    "Slip and- all accidents are among the most frequent injuries in gyms. These can occur due to:",
    "Wet floors in locker rooms or near pools.",
]


def test_the_breadcrumbs_last_section_is_not_the_headline() -> None:
    # the depth-3 model took "Accidents & Incidents", the section the breadcrumb ends with
    reviewed = "Reviewed by Justin C. Meserole, Trial Attorney at Morgan & Morgan, on December 9, 2024."
    lines = [*MENU, "Accidents & Incidents", "Gym Injury Lawsuits: We Can Do the Heavy Lifting", "4 min read time",
             reviewed, *BODY]  # fmt: skip
    res = clean_text_dump("\n\n".join(lines))
    assert res.title == "Gym Injury Lawsuits: We Can Do the Heavy Lifting"
    assert res.text.startswith("Gyms and fitness centers")
