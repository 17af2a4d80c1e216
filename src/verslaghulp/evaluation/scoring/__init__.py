"""Judge-free scorers: pure, deterministic functions from a produced result and its expectation to measures."""
