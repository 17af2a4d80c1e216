"""verslaghulp: trip reports for Dutch municipal officials, drafted by a local model."""

__version__ = "0.1.0"
