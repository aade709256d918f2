"""govdocparse: Chinese government policy documents to structured, checkable records."""

__version__ = "0.1.0"
