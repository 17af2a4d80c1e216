"""The archive as a LangChain retriever: one Document per matching answer, with where it came from.

For chains that summarise over the archive: every Document carries the report id, question id,
title and source file, so that a claim in a summary can cite the report and answer it came from.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from verslaghulp.archive.models import ReportHit, SearchFilters
from verslaghulp.archive.service import Archive


class ArchiveRetriever(BaseRetriever):
    """Hybrid archive search (e5 + keywords + filters) behind LangChain's retriever interface."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    archive: Archive
    filters: SearchFilters = SearchFilters()
    reports: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return hits_to_documents(self.archive.search(query, self.filters, limit=self.reports))


def hits_to_documents(hits: list[ReportHit]) -> list[Document]:
    """Search hits as Documents, best report first and within a report its best answer first."""
    documents: list[Document] = []
    for hit in hits:
        for answer in hit.answers:
            metadata: dict[str, Any] = {
                "report_id": hit.report.report_id,
                "title": hit.report.title,
                "source_name": hit.report.source_name,
                "year": hit.report.year,
                "question_id": answer.question_id,
                "heading": answer.heading,
                "score": answer.score,
                "report_score": hit.score,
            }
            documents.append(Document(page_content=answer.text, metadata=metadata))
    return documents
