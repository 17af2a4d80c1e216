"""Benchmark: a summary over 5 and over 20 archived reports with the configured model.

Builds a throw-away archive (real Chroma and e5 in a temp folder) from the 16 example reports plus 4
generated ones, then times one summary over the first 5 reports (oldest first) and one over all 20.
Prints one JSON line per run and a short table.

    .venv/bin/python bench/summary.py [--stijl nieuwsbericht] [--vraag "..."] [--sizes 5,20]
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from pathlib import Path

from verslaghulp.archive import Archive
from verslaghulp.config import get_settings
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.summarising import Summary, SummaryRequest, select_reports, summarise

ROOT = Path(__file__).resolve().parents[1]
EXTRA = [
    ("Gent", "open data", "6 t/m 7 maart 2025"),
    ("Lyon", "mobiliteit", "8 t/m 9 april 2025"),
    ("Porto", "klimaatadaptatie", "13 t/m 14 mei 2025"),
    ("Oslo", "deelmobiliteit", "2 t/m 3 december 2025"),
]


def _extra_report(city: str, topic: str, dates: str) -> str:
    return (
        "VERSLAG BUITENLANDSE DIENSTREIS\n\nHOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n\n2 personen\n\n"
        f"HOELANG DUURDE DE REIS?\n\n2 dagen: {dates}\n\nWAT WAS HET DOEL VAN DE REIS?\n\n"
        f"Kennisuitwisseling met de gemeente {city} over {topic}.\n\n"
        "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\n"
        f"- {city} deelt zijn aanpak voor {topic} met Den Haag.\n- Contacten met het team {topic} van {city}.\n\n"
        f"ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\nIn het najaar volgt een online sessie met {city}.\n"
    )


def _figures(summary: Summary, size: int) -> dict[str, object]:
    calls = summary.meta.calls
    return {
        "reports": size,
        "style": summary.meta.style,
        "model": summary.meta.model,
        "total_s": summary.meta.total_seconds,
        "map_s": summary.meta.map_seconds,
        "write_s": summary.meta.reduce_seconds,
        "check_s": summary.meta.check_seconds,
        "model_calls": len(calls),
        "prompt_tokens": sum(c.prompt_tokens for c in calls),
        "evaluated_prompt_tokens": sum(c.evaluated_prompt_tokens for c in calls),
        "generated_tokens": sum(c.completion_tokens for c in calls),
        "words": summary.meta.words,
        "cited": len(summary.coverage.included),
        "left_out": len(summary.coverage.left_out),
        "precision": summary.check.precision,
        "reduce_levels": summary.meta.reduce_levels,
        "title": summary.title,
        "lead": any(b.kind == "inleiding" for b in summary.blocks),
        "subheadings": sum(bool(b.heading) for b in summary.blocks),
        "same_openings": _same_openings(summary),
        "flagged": len(summary.check.failed),
        "calls_s": [round(c.seconds, 1) for c in calls],
    }


def _same_openings(summary: Summary) -> int:
    """Sections whose first two words open another section too."""
    firsts = [tuple(b.sentences[0].text.lower().split()[:2]) for b in summary.blocks if b.heading and b.sentences]
    return sum(firsts.count(f) > 1 for f in firsts)


def main() -> None:
    """Build the archive, run the summaries, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stijl", default="nieuwsbericht")
    parser.add_argument("--vraag", default="Schrijf een nieuwsbericht over wat onze dienstreizen hebben opgeleverd")
    parser.add_argument("--sizes", default="5,20")
    args = parser.parse_args()
    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp:
        bench = settings.model_copy(update={"data_dir": Path(tmp), "chroma_collection": "bench-samenvatting"})
        started = time.perf_counter()
        archive = Archive.open(bench)
        archive.load_examples()
        for city, topic, dates in EXTRA:
            archive.ingest_text(_extra_report(city, topic, dates), name=f"2025-{city.lower()}.txt", kind="txt")
        ingest_s = round(time.perf_counter() - started, 1)
        model = make_chat_model(bench)
        # The example reports are marked as made up; the benchmark uses them on purpose.
        request = SummaryRequest(text=args.vraag, style=args.stijl, include_examples=True)
        everything = select_reports(request, archive)
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            chosen = everything.reports[:size]
            selection = everything.model_copy(update={"reports": chosen})
            # A budget that fits every report, so the run measures `size` reports, not the style's cut.
            sized = request.model_copy(update={"max_words": max(400, 30 * size)})
            summary = summarise(sized, archive, model, bench, selection=selection)
            row = _figures(summary, len(chosen)) | {"ingest_s": ingest_s, "machine": platform.machine()}
            print(json.dumps(row), flush=True)
            rows.append(row)
    print(
        f"\n{'verslagen':>9} {'totaal s':>9} {'map s':>7} {'schrijven s':>11} {'calls':>5} {'prompt':>7} "
        f"{'nieuw':>6} {'gegen.':>6} {'woorden':>7} {'geciteerd':>9} {'precisie':>8}"
    )
    for r in rows:
        print(
            f"{r['reports']:>9} {r['total_s']:>9.1f} {r['map_s']:>7.1f} {r['write_s']:>11.1f} {r['model_calls']:>5} "
            f"{r['prompt_tokens']:>7} {r['evaluated_prompt_tokens']:>6} {r['generated_tokens']:>6} {r['words']:>7} "
            f"{r['cited']:>9} {r['precision']:>8.2f}"
        )


if __name__ == "__main__":
    main()
