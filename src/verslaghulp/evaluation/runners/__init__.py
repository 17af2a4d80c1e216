"""One runner per set: produce the output for a case (draft, search, summary) and score it."""
