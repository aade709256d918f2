"""Typed errors with one-line messages that name the file and the problem.

The CLI prints `str(error)` and never a traceback; batch runs record `kind` and the message.
"""

from __future__ import annotations

import re

# Line breaks and other controls a file name may hold; shown escaped so a message stays one line.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with control characters and line breaks escaped (\\n, \\x1b ...)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class GovDocError(Exception):
    """Base class: every failure govdocparse reports on purpose."""

    kind = "error"

    def __init__(self, path: str | None, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(one_line(f"{path}: {problem}" if path else problem))


class UsageError(GovDocError):
    """The command was pointed at the wrong thing: a path that does not exist, a file where a
    folder is needed, a folder with nothing to work on. The CLI exits 2, as for bad arguments."""

    kind = "usage"


class InputError(GovDocError):
    """The input cannot be opened: missing, a directory, a broken link, no permission."""

    kind = "input"


class EmptyInputError(GovDocError):
    kind = "empty"


class UnsupportedFormatError(GovDocError):
    kind = "format"


class DecodeError(GovDocError):
    """Bytes that are not text in any encoding we accept (binary data, mixed garbage)."""

    kind = "decode"


class CorruptFileError(GovDocError):
    """A container that is broken or hostile: bad zip, zip bomb, broken PDF xref."""

    kind = "corrupt"


class EncryptedFileError(GovDocError):
    kind = "encrypted"


class NoTextLayerError(GovDocError):
    kind = "no-text"


class TooLargeError(GovDocError):
    kind = "too-large"


class ParseTimeoutError(GovDocError):
    kind = "timeout"


class GrammarError(GovDocError):
    """A grammar file under grammars/ that does not fit its schema: a misspelt key, a wrong
    type."""

    kind = "grammar"
