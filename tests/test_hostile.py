"""Hostile and broken inputs, and the safety of what govdocparse writes.

Every bad input is refused by a typed `GovDocError` whose one-line message names the file and the
problem; the CLI prints that line (never a traceback), exits 1 and writes nothing. Output names
cannot leave the output folder, writes are atomic, a failed parse never replaces a good output,
and no parser fetches or executes anything found in a document.

Fixtures are built at test time in tmp_path (the 200 MB file is sparse).
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import socket
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from govdocparse import errors, readers
from govdocparse.cli import main
from govdocparse.output import write_atomic
from govdocparse.readers import MAX_INPUT_BYTES, read, read_bytes

from .support import (
    CORPUS_FILES,
    FIXTURES,
    ROOT,
    SMALL_DOCX,
    blank_page_pdf,
    block_texts,
    encrypted_pdf,
    image_only_pdf,
    rewrite_docx,
    text_pdf,
    zip_of,
)

SRC = ROOT / "src" / "govdocparse"
DOC_FIXTURES = FIXTURES / "doc"
OFD_FIXTURES = FIXTURES / "ofd"
MIB = 1024 * 1024
# An address reserved for documentation (RFC 5737): nothing answers there, whatever happens.
REMOTE = "http://198.51.100.7"

SAMPLE = (
    "某市人民政府关于印发某市儿童发展规划（2021—2030年）的通知\n\n"
    "各区县人民政府，市政府各部门：\n\n"
    "现将《某市儿童发展规划（2021—2030年）》印发给你们，请认真贯彻执行。\n\n"
    "某市人民政府\n2021年12月30日\n\n"
    "一、总体要求\n（一）主要目标\n1．婴儿死亡率控制在5‰以下。（责任单位：市卫生健康委）\n"
)


# --- building hostile files ---------------------------------------------------------------------


def docx_with_body(body: str, doctype: str = "") -> bytes:
    """The small rendition with its body replaced by `body` (WordprocessingML) and a DOCTYPE
    added."""

    def change(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        start = text.index("<w:body>") + len("<w:body>")
        text = text[:start] + body + "<w:sectPr/></w:body></w:document>"
        if doctype:
            declaration_end = text.index("?>") + 2
            text = text[:declaration_end] + doctype + text[declaration_end:]
        return text.encode("utf-8")

    return rewrite_docx(SMALL_DOCX.read_bytes(), {"word/document.xml": change})


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bomb(part_bytes: int) -> bytes:
    """A DOCX whose document part inflates to `part_bytes` of zeros, compressed in a stream."""
    source = zipfile.ZipFile(io.BytesIO(SMALL_DOCX.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != "word/document.xml":
                target.writestr(name, source.read(name))
        chunk = b"\0" * MIB
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            for _ in range(part_bytes // MIB):
                part.write(chunk)
    return out.getvalue()


def ofd_bomb(part_bytes: int) -> bytes:
    """An OFD whose first page inflates to `part_bytes` of zeros, compressed in a stream."""
    source = zipfile.ZipFile(OFD_FIXTURES / "notice.ofd")
    page = "Doc_0/Pages/Page_0/Content.xml"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != page:
                target.writestr(name, source.read(name))
        with target.open(page, "w", force_zip64=True) as part:
            for _ in range(part_bytes // MIB):
                part.write(b"\0" * MIB)
    return out.getvalue()


def docx_lying_sizes(real_bytes: int, declared: int) -> bytes:
    """A DOCX whose document part inflates to `real_bytes` but declares `declared` in its
    headers."""
    source = zipfile.ZipFile(io.BytesIO(SMALL_DOCX.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name != "word/document.xml":
                target.writestr(name, source.read(name))
        target.writestr("word/document.xml", b"<" * real_bytes)
    data = bytearray(out.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    size = declared.to_bytes(4, "little")
    # The uncompressed size sits 22 bytes into the local header, 24 into the central directory
    # entry.
    data[info.header_offset + 22 : info.header_offset + 26] = size
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(info.filename)] != info.filename.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = size
    return bytes(data)


_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- the bad-input table --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    kind: str
    build: Callable[[Path], Path]
    error: type[errors.GovDocError] | tuple[type[errors.GovDocError], ...]
    says: str  # a fragment the message must contain


def _random_bytes(tmp_path: Path) -> Path:
    return write(tmp_path, "random.txt", random.Random(7).randbytes(8192))


def _random_high_bytes(tmp_path: Path) -> Path:
    # No NUL and no control characters, and every byte pair a valid GB18030 character.
    rng = random.Random(8)
    return write(tmp_path, "random-high.txt", bytes(rng.randint(0x81, 0xFE) for _ in range(4096)))


def _truncated_docx(tmp_path: Path) -> Path:
    data = SMALL_DOCX.read_bytes()
    return write(tmp_path, "truncated.docx", data[: len(data) // 2])


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(200 * MIB)
    return path


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder.txt"
    path.mkdir()
    return path


def _broken_symlink(tmp_path: Path) -> Path:
    path = tmp_path / "dangling.txt"
    path.symlink_to(tmp_path / "gone.txt")
    return path


def _symlink_loop(tmp_path: Path) -> Path:
    path = tmp_path / "loop.txt"
    path.symlink_to(path)
    return path


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _lines_name(tmp_path: Path) -> Path:
    return write(tmp_path, "two\nlines\x1b[31m.txt", b"")


BAD_INPUTS = [
    Bad("empty", lambda t: write(t, "empty.txt", b""), errors.EmptyInputError, "empty file"),
    Bad(
        "blank",
        lambda t: write(t, "blank.txt", b" \r\n\t\n\xe3\x80\x80\n"),
        errors.EmptyInputError,
        "empty file",
    ),
    Bad("name-with-newline", _lines_name, errors.EmptyInputError, "empty file"),
    Bad("random-bytes", _random_bytes, errors.DecodeError, "binary data"),
    Bad("random-high-bytes", _random_high_bytes, errors.DecodeError, "random bytes"),
    Bad(
        "nul-in-text",
        lambda t: write(t, "nul.txt", SAMPLE.encode("utf-8") + b"\x00" + SAMPLE.encode("utf-8")),
        errors.DecodeError,
        "NUL",
    ),
    Bad(
        "control-characters",
        lambda t: write(t, "ctl.txt", bytes(range(1, 9)) * 20 + SAMPLE.encode()),
        errors.DecodeError,
        "control characters",
    ),
    Bad(
        "bad-utf16",
        lambda t: write(t, "u16.txt", b"\xff\xfe" + "通知".encode("utf-16-le") + b"\x00\xd8A\x00"),
        errors.DecodeError,
        "utf-16",
    ),
    Bad(
        "png-image",
        lambda t: write(t, "scan.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
        errors.UnsupportedFormatError,
        "PNG",
    ),
    Bad(
        "ole-header-only",
        lambda t: write(t, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        errors.CorruptFileError,
        "damaged OLE compound file",
    ),
    Bad(
        "doc-encrypted",
        lambda t: write(t, "locked.doc", (DOC_FIXTURES / "encrypted.doc").read_bytes()),
        errors.EncryptedFileError,
        "password-protected",
    ),
    Bad(
        "doc-word95",
        lambda t: write(t, "old.doc", (DOC_FIXTURES / "word95.doc").read_bytes()),
        errors.UnsupportedFormatError,
        "Word 6.0/95",
    ),
    Bad(
        "excel-named-doc",
        lambda t: write(t, "budget.doc", (DOC_FIXTURES / "budget.doc").read_bytes()),
        errors.UnsupportedFormatError,
        "Excel workbook",
    ),
    Bad(
        "ofd-encrypted",
        lambda t: write(t, "locked.ofd", (OFD_FIXTURES / "encrypted.ofd").read_bytes()),
        errors.EncryptedFileError,
        "encrypted OFD",
    ),
    Bad(
        "ofd-zip-bomb",
        lambda t: write(t, "bomb.ofd", ofd_bomb(256 * MIB)),
        errors.CorruptFileError,
        "zip bomb",
    ),
    Bad(
        "zip-not-docx",
        lambda t: write(t, "a.docx", zip_of({"readme.txt": b"hello"})),
        errors.UnsupportedFormatError,
        "not a Word document",
    ),
    Bad("truncated-docx", _truncated_docx, errors.CorruptFileError, "broken ZIP"),
    Bad(
        "truncated-zip-header",
        lambda t: write(t, "head.docx", SMALL_DOCX.read_bytes()[:100]),
        errors.CorruptFileError,
        "broken ZIP",
    ),
    Bad(
        "docx-zip-bomb",
        lambda t: write(t, "bomb.docx", docx_bomb(256 * MIB)),
        errors.CorruptFileError,
        "zip bomb",
    ),
    Bad(
        "docx-lying-sizes",
        lambda t: write(t, "liar.docx", docx_lying_sizes(8 * MIB, 1000)),
        errors.CorruptFileError,
        "damaged",
    ),
    Bad(
        "docx-no-text",
        lambda t: write(t, "blank.docx", docx_with_body("<w:p/>")),
        errors.EmptyInputError,
        "no text",
    ),
    Bad(
        "docx-bad-xml",
        lambda t: write(t, "badxml.docx", docx_with_body("<w:p><w:r>")),
        errors.CorruptFileError,
        "damaged",
    ),
    Bad(
        "pdf-no-objects",
        lambda t: write(
            t, "junk.pdf", b"%PDF-1.4\n" + b"garbage " * 100 + b"\nstartxref\n999\n%%EOF\n"
        ),
        errors.CorruptFileError,
        "damaged PDF",
    ),
    Bad(
        "pdf-truncated",
        lambda t: write(t, "cut.pdf", text_pdf()[:300]),
        errors.CorruptFileError,
        "damaged PDF",
    ),
    Bad(
        "pdf-encrypted",
        lambda t: write(t, "locked.pdf", encrypted_pdf()),
        errors.EncryptedFileError,
        "encrypted",
    ),
    Bad(
        "pdf-image-only",
        lambda t: write(t, "scan.pdf", image_only_pdf()),
        errors.NoTextLayerError,
        "no text layer",
    ),
    Bad(
        "pdf-blank-page",
        lambda t: write(t, "blank.pdf", blank_page_pdf()),
        errors.NoTextLayerError,
        "no text layer",
    ),
    Bad(
        "html-no-body",
        lambda t: write(
            t,
            "nobody.html",
            "<!DOCTYPE html><html><head><title>关于印发规划的通知</title></head></html>".encode(),
        ),
        (errors.EmptyInputError, errors.NoTextLayerError),
        "text",
    ),
    Bad(
        "html-only-scripts",
        lambda t: write(
            t,
            "script.html",
            (
                b"<html><body><script>var a = '\xe9\x80\x9a\xe7\x9f\xa5';"
                b"</script><style>p{}</style></body></html>"
            ),
        ),
        (errors.EmptyInputError, errors.NoTextLayerError),
        "text",
    ),
    Bad(
        "rtf-no-text",
        lambda t: write(t, "blank.doc", rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\info{\title x}}}"),
        errors.EmptyInputError,
        "the RTF document has no text",
    ),
    Bad(
        "rtf-only-pictures",
        lambda t: write(t, "scan.rtf", rb"{\rtf1\ansi{\pict\emfblip\bin3 {{{}}"),
        errors.NoTextLayerError,
        "holds only images",
    ),
    Bad(
        "wordxml-truncated",
        lambda t: write(
            t,
            "cut.doc",
            b'<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/'
            b'word/2003/wordml"><w:body><w:p><w:r><w:t>\xe9\x80\x9a',
        ),
        errors.CorruptFileError,
        "damaged Word 2003 XML document",
    ),
    Bad(
        "xml-not-word",
        lambda t: write(t, "feed.xml", b'<?xml version="1.0"?><rss><item>x</item></rss>'),
        errors.UnsupportedFormatError,
        "not a Word 2003 XML document",
    ),
    Bad(
        "mht-no-page",
        lambda t: write(
            t,
            "page.mht",
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
            b"--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            b"iVBORw0KGgo=\r\n--b--\r\n",
        ),
        errors.EmptyInputError,
        "holds no HTML page",
    ),
    Bad("too-large", _too_large, errors.TooLargeError, "over the input limit"),
    Bad("directory", _directory, errors.InputError, "is a directory"),
    Bad("broken-symlink", _broken_symlink, errors.InputError, "broken symbolic link"),
    Bad("symlink-loop", _symlink_loop, errors.InputError, "symbolic links"),
    Bad("missing", lambda t: t / "absent.txt", errors.InputError, "no such file"),
    Bad(
        "name-too-long",
        lambda t: t / ("长" * 200 + ".txt"),
        errors.InputError,
        "File name too long",
    ),
    Bad("fifo", _fifo, errors.InputError, "not a regular file"),
]


def _message_is_one_line_naming(message: str, path: Path, says: str) -> None:
    assert "\n" not in message and "Traceback" not in message
    assert errors.one_line(str(path)) in message
    assert says.lower() in message.lower()


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.kind)
def test_reader_refuses_with_typed_error(case: Bad, tmp_path):
    path = case.build(tmp_path)
    with pytest.raises(case.error) as refused:
        read(path)
    _message_is_one_line_naming(str(refused.value), path, case.says)


# A path that is not there, or a folder where a file is needed, is the command line's mistake:
# exit 2 in every command, where an input that cannot be read is 1.
USAGE_MISTAKES = {"missing": "does not exist", "directory": "is a folder, not a file"}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: case.kind)
def test_cli_refuses_in_one_line_and_writes_nothing(case: Bad, tmp_path, capsys):
    path = case.build(tmp_path)
    out = tmp_path / "out" / "result.json"
    code = 2 if case.kind in USAGE_MISTAKES else 1
    assert main(["parse", str(path), "-o", str(out)]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("govdocparse: error: ")
    _message_is_one_line_naming(lines[0], path, USAGE_MISTAKES.get(case.kind, case.says))
    assert not out.exists()
    assert not out.parent.exists()


@pytest.mark.parametrize(
    "source", sorted((ROOT / "corpus" / "raw").glob("*.txt")), ids=lambda p: p.stem
)
def test_gbk_corpus_is_still_read_as_chinese(source):
    """The random-bytes check must not refuse real GBK documents, rare characters and all."""
    from govdocparse.readers.text import decode

    text = source.read_text(encoding="utf-8")
    assert decode(text.encode("gb18030"), source.name) == (text, "gb18030", [])


def test_short_gbk_text_is_not_judged(tmp_path):
    from govdocparse.readers.text import decode

    assert decode("堃喆珺".encode("gbk"), "names.txt") == ("堃喆珺", "gb18030", [])


# --- unreadable files -----------------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path, capsys):
    path = write(tmp_path, "secret.txt", SAMPLE.encode())
    path.chmod(0)
    out = tmp_path / "out.json"
    try:
        with pytest.raises(errors.InputError, match="permission denied"):
            read(path)
        assert main(["parse", str(path), "-o", str(out)]) == 1
    finally:
        path.chmod(0o600)
    assert capsys.readouterr().err == f"govdocparse: error: {path}: permission denied\n"
    assert not out.exists()


def test_unreadable_file_simulated(tmp_path, monkeypatch, capsys):
    """Works as root too: the reader's open() is made to fail as it does without read permission."""
    path = write(tmp_path, "secret.txt", SAMPLE.encode())

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers, "open", denied, raising=False)
    with pytest.raises(errors.InputError, match="permission denied"):
        read(path)
    out = tmp_path / "out.json"
    assert main(["parse", str(path), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"govdocparse: error: {path}: permission denied\n"
    assert not out.exists()


def test_unreadable_directory_on_the_path(tmp_path, monkeypatch):
    path = tmp_path / "locked" / "doc.txt"

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(readers.os, "stat", denied)
    with pytest.raises(errors.InputError, match="permission denied"):
        read_bytes(path)


# --- size limit: refused before reading, memory bounded -------------------------------------------


def test_too_large_is_refused_without_opening(tmp_path, monkeypatch):
    path = _too_large(tmp_path)
    opened = []
    monkeypatch.setattr(readers, "open", lambda *a, **k: opened.append(a), raising=False)
    with pytest.raises(errors.TooLargeError):
        read_bytes(path)
    assert opened == []


def test_file_growing_after_the_size_check_is_still_bounded(tmp_path, monkeypatch):
    """The size from stat() is only a first check: the read itself stops after the limit."""
    path = write(tmp_path, "grows.txt", SAMPLE.encode() * 10)
    real_stat = os.stat

    def stale_stat(target, *args, **kwargs):
        result = real_stat(target, *args, **kwargs)
        if Path(target) == path:
            fields = list(result)
            fields[6] = 10  # st_size as it was before the file grew
            return os.stat_result(fields)
        return result

    monkeypatch.setattr(readers.os, "stat", stale_stat)
    with pytest.raises(errors.TooLargeError, match="over the input limit"):
        read_bytes(path, max_bytes=100)


def test_limit_is_inclusive(tmp_path):
    path = write(tmp_path, "exact.txt", b"x" * 100)
    assert read_bytes(path, max_bytes=100) == b"x" * 100
    with pytest.raises(errors.TooLargeError):
        read_bytes(path, max_bytes=99)


# Runs a command and writes its exit code and peak RSS (KiB) to the file named first. Linux carries
# a process's peak RSS across fork and exec, so the measured command must not be started by a
# large process such as pytest: this small launcher starts it instead.
_LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
open(sys.argv[1], "w").write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def _run_measured(
    args: list[str], cwd: Path, python: str = "-m govdocparse.cli"
) -> tuple[int, str, int]:
    """Exit code, stderr and peak RSS in MiB of one CLI run (or `python -c` code) in a child
    process."""
    report = cwd / "measured.txt"
    command = (
        ["-m", "govdocparse.cli", *args]
        if python == "-m govdocparse.cli"
        else ["-c", python, *args]
    )
    launcher = [sys.executable, "-c", _LAUNCHER, str(report), sys.executable, *command]
    stderr = subprocess.run(launcher, cwd=cwd, capture_output=True, text=True, timeout=300).stderr
    code, peak_kib = map(int, report.read_text().split())
    return code, stderr, peak_kib // 1024


def test_200mb_file_refused_with_small_peak_memory(tmp_path):
    path = _too_large(tmp_path)
    out = tmp_path / "huge.json"
    code, stderr, peak_mib = _run_measured(["parse", str(path), "-o", str(out)], tmp_path)
    assert code == 1
    assert stderr == (
        f"govdocparse: error: {path}: 209,715,200 bytes is over the input limit of "
        f"{MAX_INPUT_BYTES:,} bytes (64 MiB)\n"
    )
    assert peak_mib < 150
    assert not out.exists()


def test_decoding_a_large_gbk_file_keeps_memory_near_its_size(tmp_path):
    """20 MB of GBK: the encoding checks must not hold an object per byte (that took 240 MB)."""
    text = (ROOT / "corpus" / "raw" / "kaizhou-2023-women-children-plans.txt").read_text(
        encoding="utf-8"
    )
    path = write(tmp_path, "big-gbk.txt", (text * 200).encode("gb18030"))
    code = (
        "import sys; from govdocparse.readers import read_bytes;"
        " from govdocparse.readers.text import decode; decode(read_bytes(sys.argv[1]),"
        " sys.argv[1])"
    )
    status, stderr, peak_mib = _run_measured([str(path)], tmp_path, python=code)
    assert status == 0, stderr
    assert peak_mib < 180


def test_docx_zip_bomb_refused_with_small_peak_memory(tmp_path):
    path = write(tmp_path, "bomb.docx", docx_bomb(256 * MIB))
    assert path.stat().st_size < MIB
    code, stderr, peak_mib = _run_measured(
        ["parse", str(path), "-o", str(tmp_path / "bomb.json")], tmp_path
    )
    assert code == 1 and "zip bomb" in stderr and stderr.count("\n") == 1
    assert peak_mib < 150
    assert not (tmp_path / "bomb.json").exists()


# --- recoverable damage is repaired, not refused --------------------------------------------------


def test_pdf_with_wrong_startxref_is_recovered_with_a_warning(tmp_path):
    good = text_pdf()
    at = good.index(b"startxref\n") + len(b"startxref\n")
    path = write(tmp_path, "startxref.pdf", good[:at] + b"12" + good[at:])
    source = read(path)
    assert block_texts(source.blocks) == ["Children Development Plan 2021-2030"]
    assert any("cross-reference" in warning for warning in source.warnings)


def test_pdf_whose_xref_entries_are_all_off_is_recovered_with_a_warning(tmp_path):
    """PDFium rebuilds a cross-reference table whose every offset is wrong by scanning the file
    for objects (pdfminer could not); the record says so."""
    source = read(write(tmp_path, "xref.pdf", text_pdf(shift_xref=7)))
    assert block_texts(source.blocks) == ["Children Development Plan 2021-2030"]
    assert source.warnings == [
        "damaged cross-reference table: objects were recovered by scanning the file"
    ]


# --- CLI: exit codes, no tracebacks ---------------------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "govdocparse.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_exit_codes(tmp_path):
    good = write(tmp_path, "good.txt", SAMPLE.encode())
    bad = write(tmp_path, "bad.txt", random.Random(1).randbytes(500))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SAMPLE.encode())

    ok = _cli("parse", str(good), "-o", str(tmp_path / "good.json"), cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert json.loads((tmp_path / "good.json").read_text(encoding="utf-8"))["documents"]
    assert _cli("parse", str(good), cwd=tmp_path).stdout == (tmp_path / "good.json").read_text(
        encoding="utf-8"
    )
    assert (
        _cli("batch", str(folder), "-o", str(tmp_path / "all"), "-j", "1", cwd=tmp_path).returncode
        == 0
    )

    failed = _cli("parse", str(bad), cwd=tmp_path)
    assert (failed.returncode, failed.stdout) == (1, "")
    assert (
        failed.stderr
        == f"govdocparse: error: {bad}: binary data (NUL bytes), not a text document\n"
    )
    (folder / "bad.txt").write_bytes(bad.read_bytes())
    some_failed = _cli("batch", str(folder), "-o", str(tmp_path / "all"), "-j", "1", cwd=tmp_path)
    assert some_failed.returncode == 1 and "Traceback" not in some_failed.stderr
    errors_file = tmp_path / "all" / "_errors.jsonl"
    assert [
        json.loads(line)["file"] for line in errors_file.read_text(encoding="utf-8").splitlines()
    ] == ["bad.txt"]

    for usage in (
        [],
        ["frobnicate"],
        ["parse"],
        ["batch", str(good), "-o", str(tmp_path / "x")],
        ["batch", str(folder)],
        ["batch", str(folder), "-o", str(tmp_path / "x"), "--workers", "0"],
        ["batch", str(folder), "-o", str(tmp_path / "x"), "--timeout", "-1"],
        ["batch", str(folder), "-o", str(good)],
        ["batch", str(folder), "-o", str(tmp_path / "x"), "--engine", "dask"],
    ):
        result = _cli(*usage, cwd=tmp_path)
        assert result.returncode == 2, (usage, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


def test_help_documents_exit_codes(tmp_path):
    text = _cli("--help", cwd=tmp_path).stdout
    assert (
        "0 everything worked" in text and "1 some input failed" in text and "2 usage error" in text
    )


def test_unwritable_output_is_one_line(tmp_path, capsys):
    good = write(tmp_path, "good.txt", SAMPLE.encode())
    folder = tmp_path / "taken"
    folder.mkdir()
    assert main(["parse", str(good), "-o", str(folder)]) == 1
    err = capsys.readouterr().err
    assert (
        err.startswith(f"govdocparse: error: {folder}: cannot write the output: ")
        and err.count("\n") == 1
    )
    assert list(folder.iterdir()) == []


def test_internal_error_is_one_line_naming_the_file(tmp_path, monkeypatch, capsys):
    """A bug in a later stage still gives one line on stderr and exit 1, not a traceback."""
    import govdocparse.pipeline

    def broken(source):
        raise KeyError("stage\nfailure")

    monkeypatch.setattr(govdocparse.pipeline, "parse_source", broken)
    good = write(tmp_path, "good.txt", SAMPLE.encode())
    assert main(["parse", str(good), "-o", str(tmp_path / "good.json")]) == 1
    assert (
        capsys.readouterr().err
        == f"govdocparse: error: {good}: internal error: KeyError: 'stage\\nfailure'\n"
    )
    assert not (tmp_path / "good.json").exists()


@pytest.mark.parametrize(
    "failure, line",
    [
        (
            RuntimeError("boom\nagain"),
            "govdocparse: error: internal error: RuntimeError: boom again\n",
        ),
        (
            FileNotFoundError(2, "No such file or directory", "/gone/x.json"),
            "govdocparse: error: /gone/x.json: No such file or directory\n",
        ),
    ],
)
def test_any_command_fails_in_one_line(failure, line, monkeypatch, capsys):
    """Whatever a command raises that nobody foresaw, the CLI prints one line and exits 1."""
    import govdocparse.model

    def broken():
        raise failure

    monkeypatch.setattr(govdocparse.model, "json_schema", broken)
    assert main(["schema"]) == 1
    assert capsys.readouterr().err == line


# --- output safety --------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, bytes | None]:
    """Every path under `root` (links not followed) with its bytes, None for folders and links."""
    found = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            found[str(path)] = (
                path.read_bytes() if path.is_file() and not path.is_symlink() else None
            )
    return found


HOSTILE_NAMES = [
    "..evil.txt",
    "...txt",
    "a..b.txt",
    "two\nlines.txt",
    "tab\there.txt",
    "back\\..\\..\\slash.txt",
    "..%2f..%2fescaped.txt",
    "-o.txt",
    " .. .txt",
    "关于印发《儿童发展规划（2021—2030年）》的通知.txt",
    "ｆｕｌｌｗｉｄｔｈ．txt.txt",
    "ends-in-dot-json.json.txt",
]


def test_batch_output_names_stay_inside(tmp_path):
    source, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    for folder in (
        source,
        outside,
        source / ".. ",
        source / "x..",
        source / "…",
        source / "deep" / "er",
    ):
        folder.mkdir(parents=True, exist_ok=True)
    (outside / "target.txt").write_bytes(SAMPLE.encode())
    for name in HOSTILE_NAMES:
        (source / name).write_bytes(SAMPLE.encode())
    (source / ".. " / "in-dotdot-dir.txt").write_bytes(SAMPLE.encode())
    (source / "x.." / "doc.txt").write_bytes(SAMPLE.encode())
    (source / "…" / "doc.txt").write_bytes(SAMPLE.encode())
    (source / "deep" / "er" / "doc.txt").write_bytes(SAMPLE.encode())
    (source / os.fsdecode(b"gbk-\xc4\xe3\xba\xc3.txt")).write_bytes(SAMPLE.encode())
    (source / "link-out.txt").symlink_to(outside / "target.txt")
    (source / "link-dir").symlink_to(outside, target_is_directory=True)
    before = _tree(tmp_path)

    assert main(["batch", str(source), "-o", str(out), "-j", "1"]) == 0
    after = _tree(tmp_path)
    new = set(after) - set(before)
    assert new and all(Path(path).resolve().is_relative_to(out.resolve()) for path in new)
    assert {path: data for path, data in after.items() if path in before} == before
    outputs = [path for path in out.rglob("*.json")]
    for path in outputs:
        json.loads(path.read_text(encoding="utf-8"))
    assert not [path for path in out.rglob("*") if path.name.endswith(".tmp")]
    # Names that are not hidden files all give an output; the symlinked file is read, the link
    # to a folder is not followed.
    stems = {path.relative_to(out).as_posix() for path in outputs}
    assert "link-out.json" in stems and "deep/er/doc.json" in stems and "x../doc.json" in stems
    assert not any(stem.startswith("link-dir") for stem in stems)


def test_batch_does_not_follow_an_output_subfolder_linked_outside(tmp_path, capsys):
    source, out, outside = tmp_path / "in", tmp_path / "out", tmp_path / "outside"
    (source / "sub").mkdir(parents=True)
    (source / "sub" / "doc.txt").write_bytes(SAMPLE.encode())
    out.mkdir()
    outside.mkdir()
    (out / "sub").symlink_to(outside, target_is_directory=True)

    code = main(["batch", str(source), "-o", str(out), "-j", "1"])
    assert list(outside.iterdir()) == []
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code != 0:
        assert "sub/doc.txt" in err or "outside" in err


def test_write_atomic_failure_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out" / "doc.json"
    write_atomic(target, '{"good": true}\n')

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, '{"half": ')
    assert target.read_text() == '{"good": true}\n'
    assert [path.name for path in target.parent.iterdir()] == ["doc.json"]


def test_outputs_get_the_permissions_of_a_new_file(tmp_path):
    mask = os.umask(0o022)
    os.umask(mask)
    write_atomic(tmp_path / "doc.json", "{}\n")
    assert (tmp_path / "doc.json").stat().st_mode & 0o777 == 0o666 & ~mask


def test_file_name_that_is_not_utf8_gives_valid_json(tmp_path, capsys):
    name = os.fsdecode(b"\xb9\xd8\xd3\xda\xd3\xa1\xb7\xa2.txt")  # 关于印发.txt in GBK
    path = write(tmp_path, name, SAMPLE.encode())
    out = tmp_path / "out.json"
    assert main(["parse", str(path), "-o", str(out)]) == 0
    record = json.loads(out.read_bytes().decode("utf-8"))
    assert record["source"]["path"] == str(path)
    assert main(["parse", str(path)]) == 0
    assert capsys.readouterr().out == out.read_text(encoding="utf-8")


def test_failed_parse_never_replaces_good_output(tmp_path, capsys):
    path = write(tmp_path, "plan.txt", SAMPLE.encode())
    out = tmp_path / "plan.json"
    assert main(["parse", str(path), "-o", str(out)]) == 0
    good = out.read_bytes()
    path.write_bytes(random.Random(2).randbytes(3000))
    capsys.readouterr()
    assert main(["parse", str(path), "-o", str(out)]) == 1
    assert capsys.readouterr().err.startswith(f"govdocparse: error: {path}: ")
    assert out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_batch_parse_never_replaces_good_output(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "plan.txt").write_bytes(SAMPLE.encode())
    assert main(["batch", str(source), "-o", str(out), "-j", "1"]) == 0
    good = (out / "plan.json").read_bytes()
    (source / "plan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert main(["batch", str(source), "-o", str(out), "-j", "1"]) == 1
    assert (out / "plan.json").read_bytes() == good
    recorded = [
        json.loads(line)
        for line in (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert recorded == [
        {"file": "plan.txt", "kind": "format", "message": "plan.txt: a PNG image, not a document"}
    ]


def test_concurrent_batches_do_not_corrupt_each_other(tmp_path):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    corpus = CORPUS_FILES
    for n in range(12):
        (source / f"doc{n:02}.txt").write_bytes(
            corpus[n % len(corpus)].read_bytes() if n % 3 else SAMPLE.encode()
        )
    (source / "broken.txt").write_bytes(random.Random(3).randbytes(700))
    command = [
        sys.executable,
        "-m",
        "govdocparse.cli",
        "batch",
        str(source),
        "-o",
        str(out),
        "--force",
        "-j",
        "2",
    ]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(run.wait(timeout=600), run.communicate()[1]) for run in runs]
    assert [code for code, _ in results] == [1, 1], results
    assert all("Traceback" not in stderr for _, stderr in results)
    outputs = sorted(path.name for path in out.glob("*.json"))
    assert outputs == [f"doc{n:02}.json" for n in range(12)]
    for path in out.glob("*.json"):
        assert json.loads(path.read_text(encoding="utf-8"))["source"]["path"] == path.stem + ".txt"
    lines = (out / "_errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == ["broken.txt"]
    assert [path.name for path in out.rglob("*") if path.suffix == ".tmp"] == []


# --- nothing fetched, nothing executed ------------------------------------------------------------


def test_no_eval_or_exec_in_the_package():
    found = []
    for path in SRC.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(
                r"(?<![\w.])(eval|exec|__import__)\s*\(|\bos\.system\s*\(|\bpickle\.loads?\s*\(",
                line,
            ):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_readers_import_no_network_library():
    network = re.compile(
        r"^\s*(?:import|from)\s+(?:socket|urllib|http|requests|httpx|aiohttp|ftplib)\b",
        re.MULTILINE,
    )
    offenders = [
        path.name
        for path in (SRC / "readers").glob("*.py")
        if network.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.fixture
def no_network(monkeypatch):
    """Every way out to the network recorded and refused; the test asserts the record is empty."""
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name} {args!r}")
            raise OSError("network access is blocked in this test")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def _external_docx(secret: Path) -> bytes:
    """A DOCX pointing outside itself every way Word allows, plus entities naming a local file."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = docx.Document()
    document.add_paragraph("某市人民政府关于印发儿童发展规划的通知")
    image = document.part.relate_to(f"{REMOTE}/logo.png", RT.IMAGE, is_external=True)
    link = document.part.relate_to(f"{REMOTE}/page", RT.HYPERLINK, is_external=True)
    chunk = document.part.relate_to(f"{REMOTE}/chunk.html", RT.A_F_CHUNK, is_external=True)
    body_xml = (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="914400" cy="914400"/>'
        '<wp:docPr id="1" name="logo"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        "<pic:pic>"
        '<pic:nvPicPr><pic:cNvPr id="1" name="logo"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip r:link="{image}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill><pic:spPr/>"
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        f'<w:p><w:hyperlink r:id="{link}"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText> INCLUDEPICTURE "{REMOTE}/field.png" \\d </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>图</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        f'<w:altChunk r:id="{chunk}"/>'
        f"<w:p><w:r><w:t>正文&amp;local;&amp;remote;</w:t></w:r></w:p>"
    )
    from docx.oxml import parse_xml

    for element in parse_xml(f"<root {_NAMESPACES}>{body_xml}</root>"):
        document.element.body.insert(len(document.element.body) - 1, element)
    out = io.BytesIO()
    document.save(out)
    doctype = (
        f'<!DOCTYPE w:document SYSTEM "{REMOTE}/word.dtd" '
        f'[<!ENTITY local SYSTEM "{secret.as_uri()}">'
        f'<!ENTITY remote SYSTEM "{REMOTE}/entity.xml">]>'
    )

    def add_entities(xml: bytes) -> bytes:
        text = xml.decode("utf-8").replace("&amp;local;&amp;remote;", "&local;&remote;")
        end = text.index("?>") + 2
        return (text[:end] + doctype + text[end:]).encode("utf-8")

    return rewrite_docx(out.getvalue(), {"word/document.xml": add_entities})


def test_docx_fetches_nothing_and_resolves_no_entity(tmp_path, no_network):
    from govdocparse import parse

    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-7f3a")
    path = write(tmp_path, "external.docx", _external_docx(secret))
    result = parse(path)
    assert no_network == []
    record = result.model_dump_json()
    assert "TOP-SECRET-7f3a" not in record
    assert "某市人民政府关于印发儿童发展规划的通知" in record


def test_docx_entity_expansion_is_refused_or_ignored(tmp_path):
    levels = ['<!ENTITY e0 "通知通知通知通知通知通知通知通知通知通知">']
    levels += [f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 9)]
    data = docx_with_body(
        paragraph("正文") + paragraph("&e8;"), doctype=f"<!DOCTYPE w:document [{''.join(levels)}]>"
    )
    path = write(tmp_path, "laughs.docx", data)
    try:
        source = read(path)
    except errors.GovDocError as refused:
        assert "laughs.docx" in str(refused)
    else:
        assert sum(len(getattr(block, "text", "")) for block in source.blocks) < 1000


def test_docx_deep_nesting_is_refused_or_read(tmp_path):
    cell = paragraph("深")
    for _ in range(300):
        cell = f"<w:tbl><w:tr><w:tc>{cell}</w:tc></w:tr></w:tbl>"
    path = write(tmp_path, "deep.docx", docx_with_body(cell + paragraph("尾")))
    try:
        read(path)
    except errors.GovDocError as refused:
        assert "deep.docx" in str(refused)


HOSTILE_HTML = f"""<!DOCTYPE html>
<html><head>
<base href="{REMOTE}/">
<meta http-equiv="refresh" content="0;url={REMOTE}/moved">
<link rel="stylesheet" href="{REMOTE}/site.css"><link rel="import" href="{REMOTE}/part.html">
<script src="{REMOTE}/app.js"></script>
<style>@import url("{REMOTE}/more.css"); body {{ background: url({REMOTE}/bg.png) }}</style>
</head><body>
<img src="{REMOTE}/logo.png" srcset="{REMOTE}/logo2.png 2x">
<iframe src="{REMOTE}/frame.html"></iframe>
<object data="{REMOTE}/x.swf"></object><embed src="{REMOTE}/y.swf">
<video poster="{REMOTE}/p.png"></video>
<p>某市人民政府关于印发儿童发展规划的通知</p>
<p>各区县人民政府：现将规划印发给你们，请认真贯彻执行。</p>
<script>document.write("<p>脚本注入的文字</p>");</script>
</body></html>
"""


def test_html_fetches_nothing_and_runs_no_script(tmp_path, no_network):
    from govdocparse import parse

    path = write(tmp_path, "remote.html", HOSTILE_HTML.encode("utf-8"))
    record = parse(path).model_dump_json()
    assert no_network == []
    assert "某市人民政府关于印发儿童发展规划的通知" in record
    assert "脚本注入的文字" not in record


def test_html_entity_declaration_names_no_local_file(tmp_path, no_network):
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET-9c1e")
    html = (
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        "<html><body><p>通知正文&x;</p></body></html>"
    )
    path = write(tmp_path, "entity.html", html.encode("utf-8"))
    try:
        source = read(path)
    except errors.GovDocError as refused:
        assert "entity.html" in str(refused)
    else:
        assert "TOP-SECRET-9c1e" not in "".join(
            getattr(block, "text", "") for block in source.blocks
        )
    assert no_network == []
