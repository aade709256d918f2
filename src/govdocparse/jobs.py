"""One input file as a unit of work, and what became of it: shared by the local worker pool
(`batch`) and the dask engine (`distributed`), which run the same jobs and report the same
outcomes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .errors import GovDocError, ParseTimeoutError
from .output import to_json
from .version import __version__

# The two fields of an output's first lines that decide whether it is up to date, in any layout.
_HEAD_FIELD = re.compile(r'"(sha256|parser_version)"\s*:\s*"([^"]*)"')


@dataclass(frozen=True)
class Job:
    source: str  # path of the input
    relative: str  # its path relative to the input root, as recorded in the output
    output: str
    timeout: float
    problem: str | None = None  # why the file cannot be processed at all (reported as a failure)
    indent: int | None = None  # JSON layout (output.to_json): None for one compact line


@dataclass
class Outcome:
    file: str
    status: str  # parsed | skipped | failed
    kind: str | None = None
    message: str | None = None


def head_fields(text: str) -> dict[str, str]:
    """`sha256` and `parser_version` as an output's first 4 KB state them (compact or indented)."""
    return {key: value for key, value in _HEAD_FIELD.findall(text[:4096])}


def up_to_date(job: Job) -> bool:
    """Whether the existing output was made from these exact bytes by this parser version."""
    try:
        with open(job.output, encoding="utf-8") as handle:
            head = head_fields(handle.read(4096))
        with open(job.source, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, UnicodeDecodeError):
        return False
    return head.get("sha256") == digest and head.get("parser_version") == __version__


def render(job: Job) -> str:
    """The JSON text of one input, with its path recorded relative to the batch root."""
    from . import parse

    result = parse(job.source)
    result.source.path = job.relative
    return to_json(result, job.indent)


def failure(job: Job, exc: BaseException) -> Outcome:
    """The Outcome recording why `job` failed."""
    if isinstance(exc, ParseTimeoutError):
        return Outcome(
            job.relative, "failed", "timeout", f"{job.relative}: took longer than {job.timeout:g} s"
        )
    if isinstance(exc, GovDocError):
        return Outcome(job.relative, "failed", exc.kind, f"{job.relative}: {exc.problem}")
    return Outcome(
        job.relative,
        "failed",
        "internal",
        f"{job.relative}: internal error: {type(exc).__name__}: {exc}",
    )


def write_failure(job: Job, exc: OSError) -> Outcome:
    """The Outcome of a job whose JSON could not be written (disk full, no permission)."""
    return Outcome(
        job.relative,
        "failed",
        "output",
        f"{job.relative}: cannot write {job.output}: {exc.strerror or exc}",
    )
