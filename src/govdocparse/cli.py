"""Command line: a thin layer over the library API.

Exit codes, the same in every command: 0 everything worked; 1 some input failed (the message
says which and why); 2 usage error: bad arguments, a path that does not exist or is the wrong
kind, a folder with nothing to work on. Errors are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import re
import sys

from .version import __version__

EXIT_CODES = (
    "exit codes: 0 everything worked; 1 some input failed (one line each on stderr, and in "
    "_errors.jsonl for batch); 2 usage error (bad arguments, a path that does not exist or is "
    "the wrong kind, a folder with nothing to work on)"
)


def _positive(kind):
    """An argparse type: a number above zero, so bad values are usage errors, not tracebacks."""

    def convert(text: str):
        value = kind(text)
        if not value > 0:
            raise argparse.ArgumentTypeError(f"must be above zero, not {text}")
        return value

    # argparse names the type in its "invalid int value" message.
    convert.__name__ = kind.__name__
    return convert


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govdocparse",
        description="Chinese government policy documents to structured JSON records.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"govdocparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse", help="parse one file (text, Word, WPS, RTF, PDF, OFD, web page) to JSON"
    )
    parse.add_argument("file")
    parse.add_argument("-o", "--output", help="write the JSON here (default: standard output)")
    _indent_option(parse)

    batch = commands.add_parser("batch", help="parse every supported file under a folder")
    batch.add_argument("directory")
    batch.add_argument("-o", "--output", required=True, help="folder for the JSON files")
    batch.add_argument(
        "-j",
        "--workers",
        type=_positive(int),
        default=None,
        help="worker processes (default: all cores)",
    )
    batch.add_argument(
        "--force", action="store_true", help="re-parse files whose output is up to date"
    )
    batch.add_argument(
        "--timeout",
        type=_positive(float),
        default=120.0,
        help="seconds allowed per file (default 120)",
    )
    batch.add_argument("--engine", choices=["local", "dask"], default="local")
    batch.add_argument(
        "--scheduler", help="dask.distributed scheduler address, e.g. tcp://10.0.0.5:8786"
    )
    _indent_option(batch, " (files already up to date keep theirs: add --force)")

    crosswalk = commands.add_parser(
        "crosswalk", help="align indicators across places from parsed records"
    )
    crosswalk.add_argument(
        "directory", help="folder of parsed JSON records (batch output), or one JSON file"
    )
    crosswalk.add_argument("-o", "--output", required=True, help="write the crosswalk JSON here")
    crosswalk.add_argument("--csv", metavar="FILE", help="also write one row per member as CSV")
    crosswalk.add_argument(
        "--html", metavar="FILE", help="also write a readable matrix (measures × places)"
    )
    crosswalk.add_argument(
        "--min-places",
        type=_positive(int),
        default=2,
        help="HTML: only measures found in at least N places (default 2; 1 shows every measure)",
    )
    crosswalk.add_argument(
        "--html-places",
        metavar="NAMES",
        help="HTML: only these places, comma-separated, as the records name them or a part of "
        "the name that only one place has (开州区,渝中); rows and colours among them only",
    )

    diff = commands.add_parser(
        "diff", help="audit two plans or tables: added, removed, renamed, retargeted indicators"
    )
    diff.add_argument(
        "old",
        help="parsed JSON or a document to parse, optionally narrowed: file.json#d3, "
        "file.json#d3-t1, file.json#d3/专栏1, plan.docx#d2",
    )
    diff.add_argument("new", help="the same forms as OLD")
    diff.add_argument("--json", action="store_true", help="print the report as JSON")

    export = commands.add_parser(
        "export", help="write parsed records as analysis tables (DuckDB, Parquet)"
    )
    export.add_argument("directory", help="folder of parsed JSON records (batch output)")
    export.add_argument(
        "--duckdb", metavar="FILE", help="write the tables into this DuckDB database"
    )
    export.add_argument(
        "--parquet", metavar="DIR", help="write one Parquet file per table into this folder"
    )
    export.add_argument(
        "--no-crosswalk", action="store_true", help="leave the crosswalk table empty (faster)"
    )

    query = commands.add_parser(
        "query", help="run the SQL statements of files over an exported DuckDB database"
    )
    query.add_argument("database", help="a database written by govdocparse export --duckdb")
    query.add_argument(
        "sql", nargs="+", help="SQL files, e.g. scripts/example_queries.sql; each statement runs"
    )

    commands.add_parser("schema", help="print the JSON Schema of the records")
    return parser


def _indent_option(command: argparse.ArgumentParser, note: str = "") -> None:
    command.add_argument(
        "--indent",
        type=_positive(int),
        nargs="?",
        const=2,
        metavar="N",
        help="pretty JSON, N spaces a level (2 when N is left out); default one compact line"
        + note,
    )


def _path_problem(path: str, want: str) -> str | None:
    """Why `path` cannot be used as a `want` ("file", "folder" or "file or folder"), or None.

    Only what the command line got wrong; what goes wrong reading an existing path is left to
    the command, which names the file and the problem.
    """
    try:
        os.lstat(path)
    except FileNotFoundError:
        return f"{path}: does not exist"
    except (OSError, ValueError):
        return None
    if want == "file" and os.path.isdir(path):
        return f"{path}: is a folder, not a file"
    if want == "folder" and not os.path.isdir(path):
        return f"{path}: is not a folder"
    return None


def _fail(message: str, code: int = 1) -> int:
    from .errors import one_line

    print(f"govdocparse: error: {one_line(message)}", file=sys.stderr)
    return code


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _parse(args) -> int:
    from . import parse
    from .errors import GovDocError, one_line
    from .output import to_json, write_atomic

    problem = _path_problem(args.file, "file")
    if problem:
        hint = " (govdocparse batch parses folders)" if os.path.isdir(args.file) else ""
        return _fail(problem + hint, 2)
    try:
        result = parse(args.file)
        text = to_json(result, args.indent)
    except GovDocError as exc:
        return _fail(str(exc))
    except Exception as exc:  # a bug, not the input's fault: still one line a batch log can keep
        return _fail(f"{args.file}: internal error: {_one_line(exc)}")
    for warning in result.source.warnings:
        print(f"govdocparse: warning: {one_line(f'{args.file}: {warning}')}", file=sys.stderr)
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as exc:
            return _fail(f"{args.output}: cannot write the output: {exc.strerror or exc}")
    else:
        sys.stdout.write(text)
    return 0


def _batch(args) -> int:
    from pathlib import Path

    from .batch import ERRORS_FILE, run_batch, unsupported_note
    from .errors import GovDocError, UsageError

    problem = _path_problem(args.directory, "folder")
    if problem:
        return _fail(problem, 2)
    if args.engine == "dask" and not args.scheduler:
        return _fail("--engine dask needs --scheduler tcp://HOST:PORT", 2)
    if Path(args.output).exists() and not Path(args.output).is_dir():
        return _fail(f"{args.output}: is not a folder", 2)
    try:
        summary = run_batch(
            args.directory,
            args.output,
            workers=args.workers,
            force=args.force,
            timeout=args.timeout,
            engine=args.engine,
            scheduler=args.scheduler,
            indent=args.indent,
        )
    except UsageError as exc:  # nothing to parse
        return _fail(str(exc), 2)
    except GovDocError as exc:  # the dask engine: scheduler unreachable, no workers, version
        return _fail(str(exc))
    except OSError as exc:
        where = exc.filename or args.output
        return _fail(f"{where}: {exc.strerror or _one_line(exc)}")
    except Exception as exc:  # a bug in the batch engine: one line, and the run counts as failed
        return _fail(f"{args.directory}: internal error: {_one_line(exc)}")
    print(
        f"parsed {summary.parsed}, skipped {summary.skipped} (up to date), "
        f"failed {summary.failed} in {summary.seconds:.2f} s",
        file=sys.stderr,
    )
    if summary.unsupported:
        print(f"not parsed: {unsupported_note(summary.unsupported)}", file=sys.stderr)
    if not summary.ok:
        shown = 20
        for outcome in summary.failures[:shown]:
            print(f"govdocparse: error: {outcome.message}", file=sys.stderr)
        if summary.failed > shown:
            print(f"govdocparse: … and {summary.failed - shown} more", file=sys.stderr)
        print(
            f"govdocparse: {summary.failed} file(s) failed: see {Path(args.output) / ERRORS_FILE}",
            file=sys.stderr,
        )
        return 1
    return 0


def _crosswalk(args) -> int:
    from .crosswalk import build_crosswalk, read_for_crosswalk, to_csv, to_html, to_json
    from .crosswalk.html import chosen_places
    from .errors import UsageError

    skipped: list[str] = []
    try:
        crosswalk = build_crosswalk(read_for_crosswalk(args.directory, skipped))
    except UsageError as exc:
        return _fail(str(exc), 2)
    _warn(skipped)
    if skipped and not crosswalk.places:
        return _fail(f"{args.directory}: none of its JSON files could be read as a parsed record")
    places = None
    if args.html_places:
        try:
            places = chosen_places(crosswalk, re.split(r"[,，、]", args.html_places))
        except UsageError as exc:
            return _fail(str(exc), 2)
    to_json(crosswalk, args.output)
    if args.csv:
        to_csv(crosswalk, args.csv)
    if args.html:
        to_html(crosswalk, args.html, min_places=args.min_places, places=places)
    print(
        f"{len(crosswalk.clusters)} measures across {len(crosswalk.places)} places", file=sys.stderr
    )
    return 1 if skipped else 0


def _warn(lines: list[str]) -> None:
    from .errors import one_line

    for line in lines:
        print(f"govdocparse: warning: {one_line(line)}", file=sys.stderr)


def _diff(args) -> int:
    from . import parse
    from .diff import diff, render_text, resolve
    from .errors import GovDocError

    for spec in (args.old, args.new):
        problem = _path_problem(spec.partition("#")[0], "file")
        if problem:
            return _fail(problem + " (diff compares two parsed records or documents)", 2)
    try:
        # a side that is not a parsed record (.json) is a document, parsed here as `parse` would
        old, new = (
            resolve(spec, None if path.lower().endswith(".json") else [parse(path)])
            for spec in (args.old, args.new)
            for path in [spec.partition("#")[0]]
        )
        report = diff(old, new)
    except GovDocError as exc:
        return _fail(str(exc))
    sys.stdout.write(report.model_dump_json(indent=1) + "\n" if args.json else render_text(report))
    return 0


def _export(args) -> int:
    if not (args.duckdb or args.parquet):
        return _fail("export needs --duckdb FILE and/or --parquet DIR", 2)
    try:
        from .export import export
    except ImportError as exc:
        return _fail(f"export needs the scale extras (pip install 'govdocparse[scale]'): {exc}", 2)
    from .errors import GovDocError, UsageError

    problem = _path_problem(args.directory, "folder")
    if problem:
        return _fail(problem, 2)
    try:
        summary = export(
            args.directory,
            duckdb_path=args.duckdb,
            parquet_dir=args.parquet,
            crosswalk=not args.no_crosswalk,
        )
    except UsageError as exc:
        return _fail(str(exc), 2)
    except GovDocError as exc:
        return _fail(str(exc))
    _warn(summary.notes + summary.skipped)
    counts = ", ".join(f"{name} {rows}" for name, rows in summary.rows.items())
    print(f"exported {summary.files} records: {counts}", file=sys.stderr)
    return 1 if summary.skipped else 0


def _query(args) -> int:
    try:
        from .query import run_files
    except ImportError as exc:
        return _fail(f"query needs the scale extras (pip install 'govdocparse[scale]'): {exc}", 2)
    from .errors import GovDocError, UsageError

    try:
        text = run_files(args.database, args.sql)
    except UsageError as exc:
        return _fail(str(exc), 2)
    except GovDocError as exc:
        return _fail(str(exc))
    sys.stdout.write(text)
    return 0


def _schema(args) -> int:
    import json

    from .model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The arguments; an unknown option after a command gets that command's usage, not the
    top-level one (argparse leaves unknown arguments to the top-level parser)."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:
        commands = next(
            action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
        )
        commands.choices[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse_arguments(argv)
    handlers = {
        "parse": _parse,
        "batch": _batch,
        "crosswalk": _crosswalk,
        "diff": _diff,
        "export": _export,
        "query": _query,
        "schema": _schema,
    }
    try:
        return handlers[args.command](args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0
    # Last resort for every command: unattended jobs log stderr, so a failure nobody foresaw is
    # still one line naming what it could, with exit 1.
    except OSError as exc:
        return _fail(
            f"{exc.filename}: {exc.strerror}"
            if exc.filename and exc.strerror
            else f"internal error: {_one_line(exc)}"
        )
    except Exception as exc:
        return _fail(f"internal error: {_one_line(exc)}")


if __name__ == "__main__":
    sys.exit(main())
