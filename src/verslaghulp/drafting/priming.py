"""Evaluate the drafting instructions before the first draft, while the official is still typing.

Every draft's prompts start with the same instructions (about 700 tokens, some 10 s on a 2-core
laptop). The web app primes the embedded model with them when it loads, so the first draft only
reads the notes and the questions.
"""

from __future__ import annotations

import logging

from verslaghulp.config import Settings
from verslaghulp.drafting.prompting import DraftPrompts
from verslaghulp.llm.port import ChatModel
from verslaghulp.report.forms import load_form

log = logging.getLogger(__name__)
# Stands in for the notes: everything before it is the same for every draft.
_NOTES_MARK = "\u2063notes\u2063"


def prime_drafting(model: ChatModel, settings: Settings, form_id: str = "denhaag-2025") -> int:
    """Evaluate the shared instructions now; returns the tokens evaluated (0 for models without a local cache)."""
    prompts = DraftPrompts.load(settings.resolved_prompts_dir())
    form = load_form(form_id)
    question = form.questions[0]
    user = prompts.question.render(notes=_NOTES_MARK, heading=question.heading, guidance=question.guidance,
                                   answer_shape="", relevant="-")  # fmt: skip
    from langchain_core.messages import HumanMessage, SystemMessage

    messages = [SystemMessage(content=prompts.system_text(form.organisation)), HumanMessage(content=user)]
    tokens = model.prime(messages, _NOTES_MARK)
    log.info("drafting instructions primed: %d tokens evaluated", tokens)
    return tokens
