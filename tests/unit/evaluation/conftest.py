"""Shared helpers: drafts made by the fake model for cases of the real drafting set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.evaluation.sets import DraftingCase, load_drafting
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import Form, load_form
from verslaghulp.report.model import ReportDraft

CASES = {c.id: c for c in load_drafting()}


@pytest.fixture
def case() -> Callable[[str], DraftingCase]:
    return lambda case_id: CASES[case_id]


@pytest.fixture
def drafted() -> Callable[[str], tuple[ReportDraft, Form, DraftingCase]]:
    """(draft by the fake model, form, case) for a drafting case id."""

    def make(case_id: str) -> tuple[ReportDraft, Form, DraftingCase]:
        c = CASES[case_id]
        form = load_form(c.form)
        return draft_report(c.notes, form, FakeChatModel(), Settings(backend="fake")), form, c

    return make
