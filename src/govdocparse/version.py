"""The parser's version, in one place: the package metadata, the records' `parser_version` and
the batch's up-to-date check all read it from here."""

__version__ = "0.2.0"
