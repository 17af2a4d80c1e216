"""Themes of a trip (drones, digitale tweeling, AI, ...), found by keywords so that they can be filtered.

The list is data for the archive's filters, not a taxonomy: a theme is assigned when one of its
words occurs in the report; `--thema` accepts the theme's name or any of its words. The words are
general vocabulary of the field, not phrases taken from the example archive or the eval sets
("luchtruim", "onbemande luchtvaart" and "inwoners online" were removed for that reason, with no
change to any retrieval figure: eval/README.md, "Theme vocabulary").
"""

from __future__ import annotations

import re
from functools import cache

from verslaghulp.report.parse import fold

# Theme name: words or word beginnings (folded, so without accents) that signal it.
THEMES: dict[str, tuple[str, ...]] = {
    "drones": ("drone", "u-space", "uspace"),
    "digitale tweeling": ("digital twin", "digitale tweeling", "spiegelstad", "3d-stadsmodel", "3d stadsmodel"),
    "smart city": ("smart city", "smart cities", "slimme stad", "slimme steden"),
    "ai": ("ai", "kunstmatige intelligentie", "artificial intelligence", "algoritme", "chatbot", "taalmodel"),
    "data": ("data", "open data", "dataplatform", "datastrategie", "datalyticon", "sensor"),
    "cyberveiligheid": ("cyber", "informatiebeveiliging", "digitale weerbaarheid"),
    "veiligheid": ("veiligheid", "crowdmanagement", "crowd management", "drukte", "safety", "security"),
    "klimaat en energie": ("klimaat", "energie", "duurzaam", "co2-neutraal", "warmtenet", "circulair"),
    "mobiliteit": ("mobiliteit", "verkeer", "parkeren", "deelmobiliteit", "mobility", "openbaar vervoer"),
    "dienstverlening": ("dienstverlening", "e-dienst", "digitale overheid", "loket"),
    "innovatie": ("innovatie", "living lab", "proeftuin", "testgebied", "pilot"),
    "cio-netwerk": ("cio", "cdo", "cto", "cgcc", "council of global city"),
    "europa": ("europese commissie", "eurocities", "europees parlement", "comite van de regio", "horizon europe"),
    "internationale profilering": ("profilering", "award", "naamsbekendheid", "paviljoen", "keynote"),
}


# Keywords this long are specific enough to count inside a compound word.
_INFIX_LENGTH = 10


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    # A keyword matches at the start of a word ("drone" in "dronedetectie"); long ones anywhere in a
    # Dutch compound ("dienstverlening" in "publieksdienstverlening"); short ones such as "ai" and
    # "cio" only as whole words, so that "aisle" or "cioccolata" do not count.
    out: dict[str, re.Pattern[str]] = {}
    for theme, words in THEMES.items():
        parts = []
        for word in words:
            folded = re.escape(fold(word))
            if len(word) <= 3:
                parts.append(rf"\b{folded}s?\b")
            elif len(word) >= _INFIX_LENGTH:
                parts.append(folded)
            else:
                parts.append(rf"\b{folded}")
        out[theme] = re.compile("|".join(parts))
    return out


def find_themes(text: str) -> list[str]:
    """The themes whose words occur in a text, in the order of THEMES."""
    folded = fold(text)
    return [theme for theme, pattern in _patterns().items() if pattern.search(folded)]


def canonical_theme(name: str) -> str | None:
    """The theme a user means by a name or one of its words ("drone" -> "drones"); None if unknown."""
    key = fold(name)
    for theme, words in THEMES.items():
        if key == fold(theme) or key in {fold(w) for w in words}:
            return theme
    for theme, pattern in _patterns().items():
        if pattern.fullmatch(key) or pattern.match(key):
            return theme
    return None
