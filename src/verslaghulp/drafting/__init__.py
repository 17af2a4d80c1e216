"""Notes -> report draft: the drafting use case."""

from verslaghulp.drafting.pipeline import AnswerEvent, DraftDone, DraftError, draft_report, iter_draft

__all__ = ["AnswerEvent", "DraftDone", "DraftError", "draft_report", "iter_draft"]
