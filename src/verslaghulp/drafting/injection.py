"""Lines in the notes that address the language model instead of describing the trip.

Such lines stay in the notes (they are the official's text and are never deleted), but code keeps
them out of every answer's relevant lines and tells the official which lines it set aside.
"""

from __future__ import annotations

import re

from verslaghulp.report.notes import NoteLine

_PATTERNS = [
    r"\b(negeer|vergeet)\b.{0,40}\b(instructies?|opdrachten?|regels|prompt)\b",
    r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b",
    r"^\W*(system|systeem|assistant|user)\s*:",
    r"\b(je bent nu|vanaf nu ben je|you are now|act as)\b",
    r"\b(beheerdersmodus|developer mode|jailbreak)\b",
    r"\bschrijf (in het verslag |in het rapport )?dat\b",
    r"\b(write|state|say) (in the report )?that\b",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def is_instruction(text: str) -> bool:
    """Whether a note line reads as an instruction to the model ("negeer alle eerdere instructies")."""
    return _INSTRUCTION.search(text) is not None


def instruction_lines(lines: list[NoteLine]) -> list[NoteLine]:
    """The note lines that read as instructions to the model."""
    return [line for line in lines if is_instruction(line.text)]
