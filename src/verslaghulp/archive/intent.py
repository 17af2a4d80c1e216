"""Which question of the form a search question is about ("wie" -> ontmoet, "opgeleverd" -> opbrengst).

Every report answers the same questions, so the right answer within a report is often decided by
what is asked rather than by the topic: "Wat leverde de reis naar Tallinn op?" wants the answer to
"Wat heeft de reis de gemeente opgeleverd?", even where another answer names Tallinn more often.
The cues are keyed by question id, so they apply to every form that uses these ids.
"""

from __future__ import annotations

import re
from functools import cache

from verslaghulp.report.parse import fold

# Question id: word beginnings (folded) that ask for that answer.
QUESTION_CUES: dict[str, tuple[str, ...]] = {
    "personen": ("hoeveel personen", "hoeveel mensen", "met hoeveel", "reisgeno", "deelnemers"),
    "duur": ("hoelang", "hoe lang", "wanneer", "welke datum", "welke data", "hoeveel dagen"),
    "vervoer": ("vervoer", "hoe gereisd", "met de trein", "met het vliegtuig", "welk vervoer"),
    "vliegtuig_toelichting": ("waarom gevlogen", "waarom is er gevlogen", "8 uur", "acht uur", "uitzonder"),
    "kilometers_co2": ("co2", "uitstoot", "kilometer"),
    "doel": ("doel", "waarom ging", "waarvoor", "waar ging het over"),
    "locaties": (
        "locatie",
        "bezocht",
        "waar zijn",
        "waar waren",
        "gezien",
        "welke plek",
        "welke stad",
        "welk land",
        "ging naar",
    ),
    "ontmoet": ("wie ", "ontmoet", "gesproken", "met wie", "contactpersoon"),
    "opbrengst": ("opgeleverd", "opbrengst", "leverde", "geleerd", "lessen", "resultaat", "wat bracht"),
    "vervolg": ("vervolg", "afspraken", "afgesproken", "follow-up", "follow up"),
}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        qid: re.compile(r"\b(?:" + "|".join(re.escape(fold(c)) for c in cues) + ")")
        for qid, cues in QUESTION_CUES.items()
    }


def intended_questions(query: str) -> set[str]:
    """The ids of the questions a search question asks about (often none: "drones", "Bratislava")."""
    folded = fold(query) + " "
    return {qid for qid, pattern in _patterns().items() if pattern.search(folded)}
