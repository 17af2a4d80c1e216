"""How a report's facts are written as Chroma metadata, and read back.

Chroma metadata values are scalars or non-empty lists of one type (lists can be filtered with
`$contains` since Chroma 1.x). So: dates as ISO strings plus integer years for range filters,
cities/countries/themes as lists for filtering, people and organisations as one "; "-joined string
for display, and absent keys for unknown values (Chroma stores no None).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from verslaghulp.archive.metadata import ReportFacts
from verslaghulp.archive.models import ReportSummary, example_title
from verslaghulp.archive.store import MetadataValue

_JOIN = "; "


def report_metadata(
    *,
    report_id: str,
    content_hash: str,
    source_key: str,
    source_name: str,
    source_kind: str,
    form_id: str | None,
    recognised: bool,
    example: bool,
    facts: ReportFacts,
    ingested_at: dt.datetime,
) -> dict[str, MetadataValue]:
    """The metadata shared by a report's record and all its chunks (so chunk queries can filter)."""
    meta: dict[str, MetadataValue] = {
        "report_id": report_id,
        "content_hash": content_hash,
        "source_key": source_key,
        "source_name": source_name,
        "source_kind": source_kind,
        "form_id": form_id or "",
        "recognised": recognised,
        "example": example,
        "title": facts.title,
        "ingested_at": ingested_at.isoformat(timespec="seconds"),
        "ingested_ts": int(ingested_at.timestamp()),
    }
    if facts.start and facts.end:
        meta |= {
            "start_date": facts.start.isoformat(),
            "end_date": facts.end.isoformat(),
            "year": facts.start.year,
            "year_end": facts.end.year,
        }
    if facts.days is not None:
        meta["days"] = facts.days
    if facts.travellers is not None:
        meta["travellers"] = facts.travellers
    for key in ("cities", "countries", "themes"):
        values: list[str] = getattr(facts, key)
        if values:
            meta[key] = list(values)
    for key in ("people", "organisations"):
        values = getattr(facts, key)
        if values:
            meta[key] = _JOIN.join(v.replace(_JOIN, ", ") for v in values)
    return meta


def summary_from_metadata(meta: Mapping[str, Any]) -> ReportSummary:
    """A ReportSummary from a report record's metadata (an example report's title carries its mark)."""
    example = bool(meta.get("example", False))
    title = str(meta.get("title", ""))
    return ReportSummary(
        report_id=str(meta["report_id"]),
        title=example_title(title) if example else title,
        source_name=str(meta.get("source_name", "")),
        source_kind=str(meta.get("source_kind", "")),
        form_id=str(meta.get("form_id") or "") or None,
        recognised=bool(meta.get("recognised", False)),
        example=example,
        start=_date(meta.get("start_date")),
        end=_date(meta.get("end_date")),
        year=_int(meta.get("year")),
        days=_int(meta.get("days")),
        travellers=_int(meta.get("travellers")),
        cities=_list(meta.get("cities")),
        countries=_list(meta.get("countries")),
        people=_split(meta.get("people")),
        organisations=_split(meta.get("organisations")),
        themes=_list(meta.get("themes")),
        ingested_at=dt.datetime.fromisoformat(str(meta["ingested_at"])),
        chunks=_int(meta.get("chunks")) or 0,
    )


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _int(value: Any) -> int | None:
    return int(value) if value is not None else None


def _list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _split(value: Any) -> list[str]:
    return [v for v in str(value).split(_JOIN) if v] if value else []
