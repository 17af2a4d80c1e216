"""The evaluation's explanations of a failing case, in Dutch for the Evaluatie tab.

The scorers (evaluation/scoring/, and the runners around them) explain a failing measure in English
for developers ("doel: missing 'open data'", "expected 3, draft says niet vermeld"); their reports
stay English. The page translates those explanations here, shape by shape: every quoted value (an
answer's text, an expected string) is kept as it was, numbers get a decimal comma and dates are
written day-month-year. A message of a shape not listed is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from verslaghulp.dutch import count, number

# A value as Python's repr() quotes it: 'open data', or "Den Haag's" when it holds a single quote.
_Q = r"(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
_QUOTED = re.compile(_Q)
_ID = r"[\w.-]+"  # a question id ("doel", "kilometers_co2") or a report name
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DECIMAL = re.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.,])")
_LIST = re.compile(r"\[((?:" + _Q + r"(?:, )?)*)\]")
_LANGUAGES = {"en": "Engels", "nl": "Nederlands", "de": "Duits", "fr": "Frans"}
_VALUES = {
    "None": "geen",
    "a justification": "een toelichting",
    "none": "niets",
    "supported": "gestaafd",
    "not_supported": "niet gestaafd",
}
# Whole texts of the comparison rows and details that carry no values.
_FIXED = {
    "pass": "in orde",
    "none found": "niets gevonden",
    "no flags": "geen markeringen",
    "not flagged": "niet gemarkeerd",
    "supported": "gestaafd",
    "not_supported": "niet gestaafd",
    "not precise": "niet precies",
    "(nothing)": "(niets)",
    "(missing)": "(ontbreekt)",
    "no text, a clear message": "geen tekst, wel een duidelijke melding",
    "no expected report found": "geen verwacht verslag gevonden",
    "meta.model is empty": "meta.model is leeg",
    "meta.prompts is empty": "meta.prompts is leeg",
    "no title": "geen kop",
    "no lead": "geen inleiding",
}
# The comparison rows' names that are not a question id or a measure.
FIELDS = {
    "must_not_contain": "mag er niet in staan",
    "result": "uitkomst",
    "must cite": "moet als bron noemen",
    "must contain": "moet bevatten",
    "text": "tekst",
    "pipeline check": "controle in de app",
    "eval scorer": "controle van de evaluatie",
    "cites": "noemt als bron",
    "correct report": "juist verslag",
    "reports": "verslagen",
    "first expected at rank": "eerste verwachte verslag op plaats",
}


def plain(value: str) -> str:
    """A value outside quotes the Dutch way: dates day-month-year, decimal commas, lists without brackets."""
    if value in _VALUES:
        return _VALUES[value]
    listed = _LIST.fullmatch(value)
    if listed:
        items = [m.group(0)[1:-1] for m in _QUOTED.finditer(listed.group(1))]
        return ", ".join(items) or "geen"
    parts = re.split(f"({_Q})", value)  # odd parts are quoted: kept as they are
    for n in range(0, len(parts), 2):
        text = _ISO_DATE.sub(lambda m: f"{m.group(3)}-{m.group(2)}-{m.group(1)}", parts[n])
        parts[n] = _DECIMAL.sub(lambda m: number(float(m.group(0)), len(m.group(2))), text)
    return "".join(parts)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    dutch: Callable[[re.Match[str]], str]


def _rule(pattern: str, dutch: str | Callable[[re.Match[str]], str]) -> _Rule:
    """A message shape and its Dutch: a template over the named groups (unquoted ones made `plain`), or a function."""
    if isinstance(dutch, str):
        template = dutch

        def fill(m: re.Match[str]) -> str:
            values = {k: (v if _QUOTED.fullmatch(v or "") else plain(v or "")) for k, v in m.groupdict().items()}
            return template.format(**values)

        return _Rule(re.compile(pattern, re.S), fill)
    return _Rule(re.compile(pattern, re.S), dutch)


def _unknown_reports(m: re.Match[str]) -> str:
    wrong = m.group("wrong").replace("unknown report ", "onbekend verslag ")
    return f"{m.group('s')}: niet in de geciteerde verslagen: {wrong}"


def _stopwords(m: re.Match[str]) -> str:
    language = _LANGUAGES.get(m.group("lang"), m.group("lang"))
    words = count(int(m.group("n")), "Engels stopwoord", "Engelse stopwoorden")
    return f"{m.group('q')}: geschreven in het {language} ({words})"


def _days(m: re.Match[str]) -> str:
    return f"noemt {m.group('s')}, verwacht {count(int(m.group('n')), 'dag', 'dagen')}"


def _json_errors(m: re.Match[str]) -> str:
    return f"geen geldige JSON voor een verslag (ReportDraft): {count(int(m.group('n')), 'fout', 'fouten')}"


def _niet_vermeld(m: re.Match[str]) -> str:
    marks = m.group("marks") or ""
    return f"niet vermeld: {'ja' if m.group('yn') == 'yes' else 'nee'}{marks}"


def _status(m: re.Match[str]) -> str:
    status = _FIXED.get(m.group("s"), m.group("s"))
    return f"[{status}] {_FIXED.get(m.group('rest'), m.group('rest'))}"


def _verdict(m: re.Match[str]) -> str:
    return f"{_VALUES[m.group('v')]} ({m.group('c')}): {m.group('note')}"


# Ordered: the first shape that matches the whole message is used.
_RULES = [
    # content.py
    _rule(rf"(?P<q>{_ID}): missing (?P<s>{_Q})", "{q}: {s} ontbreekt"),
    _rule(rf"(?P<q>{_ID}): found (?P<s>{_Q})", "{q}: {s} staat erin"),
    _rule(rf"found (?P<s>{_Q})", "{s} staat erin"),
    _rule(r"marked but answerable: (?P<q>.+)", "als niet vermeld gemarkeerd, maar wel te beantwoorden: {q}"),
    _rule(r"answered but not in notes: (?P<q>.+)", "beantwoord, maar niet in de aantekeningen: {q}"),
    _rule(rf"(?P<q>{_ID}): (?P<lang>\w+) \((?P<n>\d+) English stopwords\)", _stopwords),
    _rule(
        rf"(?P<q>{_ID}): answered (?P<a>{_Q}) although the notes hold (?P<f>{_Q})",
        "{q}: beantwoord met {a}, terwijl de aantekeningen {f} noemen",
    ),
    _rule(rf"missing city (?P<c>{_Q})", "stad {c} ontbreekt"),
    _rule(
        rf"line (?P<n>\d+) neither used nor listed: (?P<t>{_Q})",
        "regel {n} is niet gebruikt en staat niet bij de ongebruikte regels: {t}",
    ),
    # facts.py
    _rule(r"expected (?P<e>.+?), draft says niet vermeld", "verwacht {e}, maar het concept zegt niet vermeld"),
    _rule(
        r"expected (?P<e>.+?) kg ±(?P<tol>[\d.]+)%, got (?P<g>\S+) kg \((?P<off>[+-]?\d+)%\)",
        "verwacht {e} kg ±{tol}%, gekregen {g} kg ({off}%)",
    ),
    _rule(rf"expected (?P<e>.+?), got (?P<g>.+?) \((?P<t>{_Q})\)", "verwacht {e}, gekregen {g} ({t})"),
    _rule(r"expected (?P<e>.+?), got (?P<g>.+)", "verwacht {e}, gekregen {g}"),
    _rule(rf"no period readable in (?P<t>{_Q})", "geen periode te lezen in {t}"),
    _rule(rf"states (?P<s>{_Q}), expected (?P<n>\d+) days", _days),
    _rule(rf"no kg figure in (?P<t>{_Q})", "geen aantal kg in {t}"),
    # citations.py
    _rule(rf"(?P<s>{_Q}) states (?P<f>{_Q}) without a citation", "{s} noemt {f} zonder bronvermelding"),
    _rule(rf"(?P<s>{_Q}): (?P<wrong>.+)", _unknown_reports),
    _rule(r"not cited: (?P<r>.+)", "niet als bron genoemd: {r}"),
    _rule(r"silently dropped: (?P<r>.+)", "zonder reden weggelaten: {r}"),
    # retrieval.py
    _rule(r"not in top (?P<k>\d+): (?P<r>.+)", "niet bij de eerste {k}: {r}"),
    _rule(r"first hit (?P<r>.+)", "eerste resultaat: {r}"),
    _rule(r"(?P<r>.+?): answer (?P<q>\S+) not returned", "{r}: antwoord {q} niet gevonden"),
    # structure.py
    _rule(r"invalid JSON for ReportDraft: (?P<n>\d+) error\(s\)", _json_errors),
    _rule(rf"meta\.form_id (?P<a>{_Q}) is not (?P<b>{_Q})", "meta.form_id is {a}, niet {b}"),
    _rule(rf"(?P<q>{_ID}): not a question of (?P<f>.+)", "{q}: geen vraag van formulier {f}"),
    _rule(rf"(?P<q>{_ID}): empty text", "{q}: lege tekst"),
    _rule(rf"(?P<q>{_ID}): niet vermeld without a follow-up question", "{q}: niet vermeld zonder vervolgvraag"),
    _rule(r"duplicate answers: (?P<r>.+)", "dubbele antwoorden: {r}"),
    _rule(r"missing: (?P<r>.+)", "ontbreekt: {r}"),
    _rule(rf"(?P<q>{_ID}): out of order", "{q}: kop in de verkeerde volgorde"),
    _rule(rf"(?P<q>{_ID}): not printed exactly", "{q}: kop niet letterlijk zo afgedrukt"),
    # news.py
    _rule(r"title of (?P<n>\d+) characters \(at most (?P<m>\d+)\)", "kop van {n} tekens (hoogstens {m})"),
    _rule(r"title words in no cited report: (?P<w>.+)", "woorden in de kop die in geen bronverslag staan: {w}"),
    _rule(r"(?P<n>\d+) subheading\(s\), expected at least (?P<m>\d+)", "{n} tussenkop(pen), verwacht minstens {m}"),
    _rule(r"paragraphs opening alike: (?P<w>.+)", "alinea's die hetzelfde beginnen: {w}"),
    _rule(r"repeated: (?P<s>.+)", "herhaald: {s}"),
    # the runners and the judge
    _rule(r"(?P<n>\d+) words, expected (?P<a>\d+)-(?P<b>\d+)", "{n} woorden, verwacht {a}-{b}"),
    _rule(r"judge (?P<ref>\S+)", "beoordeeld met {ref}"),
    _rule(rf"(?P<q>{_ID}): no valid verdict", "{q}: geen geldig oordeel"),
    _rule(rf"flag (?P<x>{_Q})", "markeren: {x}"),
    # the comparison rows of scoring/drafting.py and the citation runner
    _rule(r"niet vermeld: (?P<yn>yes|no)(?P<marks> \| .*)?", _niet_vermeld),
    _rule(r"\[(?P<s>[^\]]*)\] (?P<rest>.*)", _status),
    _rule(r"(?P<v>supported|not_supported) \((?P<c>[^)]*)\): (?P<note>.*)", _verdict),
]


def _one(message: str) -> str | None:
    if message in _FIXED:
        return _FIXED[message]
    for rule in _RULES:
        m = rule.pattern.fullmatch(message)
        if m:
            return rule.dutch(m)
    return None


def dutch_message(message: str) -> str:
    """One explanation (or several joined with "; ") in Dutch; a shape not known here stays as it is."""
    whole = _one(message)
    if whole is not None:
        return whole
    if "; " in message:
        parts = message.split("; ")
        translated = [_one(p) for p in parts]
        if any(t is not None for t in translated):
            return "; ".join(t if t is not None else p for t, p in zip(translated, parts, strict=True))
    return message


def dutch_field(field: str) -> str:
    """A comparison row's name: the known English ones in Dutch, a question id as it is."""
    return FIELDS.get(field, field)
