"""ZIP containers (DOCX, OFD): the member list, once broken and hostile ones are refused.

A member that declares more than 200 MB uncompressed, or more than 20 MB at a compression ratio
above 100, is refused as a zip bomb, as are more than 10,000 members or 400 MB in all. The
declared size is authoritative: zipfile stops inflating a member there, so a member that lies
about its size cannot make a read unbounded either.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

from ..errors import CorruptFileError

MAX_PART_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100
RATIO_CHECK_BYTES = 20 * 1024 * 1024
MAX_MEMBERS = 10_000


def checked_members(data: bytes, path: str, kind: str) -> list[zipfile.ZipInfo]:
    """The members of the ZIP `data`, a `kind` ("DOCX"); CorruptFileError if broken or a bomb."""
    try:
        infos = zipfile.ZipFile(BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise CorruptFileError(
            path, f"broken ZIP container (truncated or damaged {kind}?)"
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise CorruptFileError(path, f"zip bomb: {len(infos)} parts in the container")
    total = 0
    for info in infos:
        size, packed = info.file_size, max(info.compress_size, 1)
        total += size
        if size > MAX_PART_BYTES or (size > RATIO_CHECK_BYTES and size / packed > MAX_RATIO):
            raise CorruptFileError(
                path,
                f"zip bomb: part {info.filename} inflates to {size // (1024 * 1024)} MB "
                f"from {packed // 1024} KB",
            )
    if total > MAX_TOTAL_BYTES:
        raise CorruptFileError(
            path, f"zip bomb: parts inflate to {total // (1024 * 1024)} MB in all"
        )
    return infos
