"""The failing cases on the Evaluatie tab in Dutch: the scorers' English explanations translated, values kept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from verslaghulp.ui.eval_messages import dutch_field, dutch_message

SCORING = Path(__file__).resolve().parents[3] / "src" / "verslaghulp" / "evaluation" / "scoring"
# English that must not be left in a translated explanation.
ENGLISH = re.compile(
    r"\b(expected|got|missing|found|marked|answered|answerable|notes|although|neither|nor|listed|line|draft|says|"
    r"readable|states|days|figure|without|citation|cited|silently|dropped|unknown|report|top|first|hit|answer|"
    r"returned|invalid|errors?|empty|question|follow-up|duplicate|answers|words|judge|valid|verdict|flag|yes|no|"
    r"English|stopwords|none|pass|supported|justification)\b"
)


@pytest.mark.parametrize(
    ("english", "dutch"),
    [
        ("doel: missing 'open data'", "doel: 'open data' ontbreekt"),
        ("ontmoet: found 'Piet Jansen'", "ontmoet: 'Piet Jansen' staat erin"),
        ("found 'Jan de Vries'", "'Jan de Vries' staat erin"),
        ("marked but answerable: locaties", "als niet vermeld gemarkeerd, maar wel te beantwoorden: locaties"),
        ("answered but not in notes: vervolg", "beantwoord, maar niet in de aantekeningen: vervolg"),
        ("doel: en (4 English stopwords)", "doel: geschreven in het Engels (4 Engelse stopwoorden)"),
        ("vervolg: answered 'nee' although the notes hold 'datamodel in september'",
         "vervolg: beantwoord met 'nee', terwijl de aantekeningen 'datamodel in september' noemen"),
        ("missing city 'Gent'", "stad 'Gent' ontbreekt"),
        ("line 4 neither used nor listed: 'gesproken: Els Peeters'",
         "regel 4 is niet gebruikt en staat niet bij de ongebruikte regels: 'gesproken: Els Peeters'"),
        ("expected 3, draft says niet vermeld", "verwacht 3, maar het concept zegt niet vermeld"),
        ("expected 3, got 2 ('2 personen')", "verwacht 3, gekregen 2 ('2 personen')"),
        ("expected 3, got None ('een delegatie')", "verwacht 3, gekregen geen ('een delegatie')"),
        ("expected 2025-06-03 - 2025-06-04, draft says niet vermeld",
         "verwacht 03-06-2025 - 04-06-2025, maar het concept zegt niet vermeld"),
        ("expected 2025-06-03 - 2025-06-04, got 2025-06-03 - 2025-06-05",
         "verwacht 03-06-2025 - 04-06-2025, gekregen 03-06-2025 - 05-06-2025"),
        ("no period readable in 'begin juni'", "geen periode te lezen in 'begin juni'"),
        ("states '3 dagen', expected 2 days", "noemt '3 dagen', verwacht 2 dagen"),
        ("states '2 dagen', expected 1 days", "noemt '2 dagen', verwacht 1 dag"),
        ("expected ca. 78.5 kg, draft says niet vermeld", "verwacht ca. 78,5 kg, maar het concept zegt niet vermeld"),
        ("no kg figure in 'met de trein'", "geen aantal kg in 'met de trein'"),
        ("expected 256.5 kg ±10%, got 1234.5 kg (+381%)", "verwacht 256,5 kg ±10%, gekregen 1.234,5 kg (+381%)"),
        ("expected a justification, got 'Nvt, gereisd met de trein.'",
         "verwacht een toelichting, gekregen 'Nvt, gereisd met de trein.'"),
        ("expected ['trein'], got ['trein', 'vliegtuig']", "verwacht trein, gekregen trein, vliegtuig"),
        ("expected ['bus'], got []", "verwacht bus, gekregen geen"),
        ("'Gent deelt 12 datasets.': 12, unknown report gent-2024",
         "'Gent deelt 12 datasets.': niet in de geciteerde verslagen: 12, onbekend verslag gent-2024"),
        ("'Wenen telt 40 apps.' states '40' without a citation",
         "'Wenen telt 40 apps.' noemt '40' zonder bronvermelding"),
        ("not cited: wenen-2019", "niet als bron genoemd: wenen-2019"),
        ("silently dropped: gent-2025", "zonder reden weggelaten: gent-2025"),
        ("not in top 5: wenen-2019", "niet bij de eerste 5: wenen-2019"),
        ("no expected report found", "geen verwacht verslag gevonden"),
        ("first hit None", "eerste resultaat: geen"),
        ("first hit kopenhagen-2025", "eerste resultaat: kopenhagen-2025"),
        ("wenen-2019: answer ontmoet not returned", "wenen-2019: antwoord ontmoet niet gevonden"),
        ("invalid JSON for ReportDraft: 1 error(s)", "geen geldige JSON voor een verslag (ReportDraft): 1 fout"),
        ("meta.form_id 'denhaag-2019' is not 'denhaag-2025'", "meta.form_id is 'denhaag-2019', niet 'denhaag-2025'"),
        ("meta.model is empty", "meta.model is leeg"),
        ("doel: not a question of denhaag-2019", "doel: geen vraag van formulier denhaag-2019"),
        ("doel: empty text", "doel: lege tekst"),
        ("vervolg: niet vermeld without a follow-up question", "vervolg: niet vermeld zonder vervolgvraag"),
        ("duplicate answers: doel, duur", "dubbele antwoorden: doel, duur"),
        ("missing: locaties", "ontbreekt: locaties"),
        ("doel: out of order", "doel: kop in de verkeerde volgorde"),
        ("doel: not printed exactly", "doel: kop niet letterlijk zo afgedrukt"),
        ("180 words, expected 80-150", "180 woorden, verwacht 80-150"),
        ("doel: no valid verdict", "doel: geen geldig oordeel"),
        # several explanations in one cell, each translated
        ("doel: missing 'open data'; missing city 'Gent'", "doel: 'open data' ontbreekt; stad 'Gent' ontbreekt"),
    ],
)  # fmt: skip
def test_each_scorer_message_shape_reads_dutch_with_its_values_kept(english: str, dutch: str) -> None:
    assert dutch_message(english) == dutch
    assert not ENGLISH.search(re.sub(r"'[^']*'", "", dutch)), dutch


def test_the_comparison_rows_read_dutch() -> None:
    # scoring/drafting.py's rows: expected "niet vermeld: yes | ✓ a; ✗ b", produced "[status] text".
    assert dutch_message("niet vermeld: no | ✓ Gent; ✗ open data") == "niet vermeld: nee | ✓ Gent; ✗ open data"
    assert dutch_message("niet vermeld: yes") == "niet vermeld: ja"
    assert dutch_message("[(missing)] (missing)") == "[(ontbreekt)] (ontbreekt)"
    assert dutch_message("[beantwoord] Overleg met expected people.") == "[beantwoord] Overleg met expected people."
    assert dutch_message("pass") == "in orde" and dutch_message("none found") == "niets gevonden"
    assert dutch_message("missing: none") == "ontbreekt: niets"
    assert dutch_message("not_supported (actor): Den Haag is not the owner") == (
        "niet gestaafd (actor): Den Haag is not the owner"
    )
    assert dutch_field("must_not_contain") == "mag er niet in staan" and dutch_field("doel") == "doel"
    # a shape not known is shown as it is rather than guessed at
    assert dutch_message("iets onbekends: 3") == "iets onbekends: 3"


def _sample(node: ast.JoinedStr) -> str:
    """The f-string with a stand-in for each value: a quoted word for !r, a number otherwise."""
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value))
        elif isinstance(value, ast.FormattedValue):
            parts.append("'waarde'" if value.conversion == ord("r") else "7")
    return "".join(parts)


# f-strings in scoring/ that are no explanation, or already Dutch, or a part of one tested above.
NOT_MESSAGES = {
    "s7",  # a sentence's id for the grounding check
    r"(?<!\w)7(?!\w)",  # regular expressions
    r"\b7\b",
    "## 7",  # a heading looked for in the Markdown
    "unknown report 7",  # a part of "'sentence': ..., unknown report x", tested above
    "7: 7 'waarde'",  # grounding: "<question>: <kind> '<text>'", the kinds are Dutch (naam, datum, ...)
    "7: 7 'waarde' (7)",  # ... and the reasons are Dutch ("deze datum staat niet in de aantekeningen")
    "7: 7",  # structure.exact_headings: "<question>: <reason>", the reasons tested above
    "niet vermeld: 7",  # scoring/drafting.py's comparison rows, tested above
    "[7] 7",
}


def test_every_explanation_the_scorers_write_has_a_dutch_shape() -> None:
    # A new message in evaluation/scoring/ fails here until it has a shape in ui/eval_messages.py.
    untranslated = []
    for path in sorted(SCORING.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inner = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in ast.walk(n) if v is not n}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr) and id(node) not in inner:
                sample = _sample(node)
                if sample in NOT_MESSAGES:
                    continue
                dutch = dutch_message(sample)
                if dutch == sample or ENGLISH.search(dutch.replace("'waarde'", "")):
                    untranslated.append(f"{path.name}:{node.lineno}: {sample!r} -> {dutch!r}")
    assert not untranslated, untranslated
