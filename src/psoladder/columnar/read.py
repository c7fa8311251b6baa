"""Payroll sources as Arrow tables of raw cells: CSV files, Parquet files and in-memory tables.

Every source keeps the validating reader's header rules
(:mod:`psoladder.io.payroll`: field names, Dutch aliases, repeated and unknown
columns) and its row numbers: the header is row 1, so the first data row is
row 2, for files and tables alike.

A CSV file is read by Arrow only when Arrow reads it exactly as Python's
``csv`` module (the validating reader) does: the header line, delimiter and
quoting of the validating reader, UTF-8, one physical line per row (no empty
lines between rows, no line breaks inside quoted cells, no lone carriage
returns) and the same number of cells on every row. Anything else, and every
file with a problem, goes to the validating path, which reports it.
"""

from __future__ import annotations

import csv
import functools
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
from numpy.typing import NDArray

from psoladder.columnar.arrays import Refusal, compact, trim
from psoladder.columnar.cells import (
    Header,
    PayrollFormat,
    bounds,
    open_header,
    read_header,
)
from psoladder.columnar.cells import delimiter as header_delimiter
from psoladder.errors import InputError, Problem

# The validating reader's header rules and CSV dialect.
from psoladder.io.files import open_regular

# Arrow's compute kernels, without generating pyarrow.compute's Python wrappers
# (30 ms of every run); the public names of the same functions otherwise.
try:
    from pyarrow._compute import DictionaryEncodeOptions, call_function
except ImportError:  # pragma: no cover
    from pyarrow.compute import DictionaryEncodeOptions, call_function

__all__ = ["Encoded", "RawPayroll", "Refusal", "compact", "encode", "open_csv", "open_parquet",
           "open_table", "table_rows", "trim"]

# Arrow's memory for reading comes from the system allocator: its freed blocks
# go back to the operating system (and to numpy), where a caching allocator
# would keep them for the rest of the process.
_POOL = pa.system_memory_pool()

# The CSV file is read in pieces of about this many bytes (whole lines), and
# Arrow parses each piece in blocks of _BLOCK_SIZE bytes on all cores.
_PIECE_SIZE = 1 << 23
_BLOCK_SIZE = 1 << 20

# Arrow integer types (dictionary indices) and their numpy types.
_NUMPY: dict[int, np.dtype[Any]] = {pa.int8().id: np.dtype(np.int8), pa.int16().id: np.dtype(np.int16),
          pa.int32().id: np.dtype(np.int32), pa.int64().id: np.dtype(np.int64),
          pa.uint8().id: np.dtype(np.uint8), pa.uint16().id: np.dtype(np.uint16),
          pa.uint32().id: np.dtype(np.uint32), pa.uint64().id: np.dtype(np.uint64)}


#: A column as its distinct values (in order of first appearance) and each
#: row's position among them.
Encoded = tuple[list[Any], NDArray[np.integer[Any]]]


@attrs.frozen(eq=False)
class RawPayroll:
    """A payroll as raw cells, before any conversion.

    Attributes:
        name: The file (or table) name used in problem locations.
        fields: The field of each column (``None``: an unnamed column).
        rows: Number of data rows (blank ones included).
        typed: Cells are typed values of a table (Parquet, Arrow, pandas,
            polars), not text: the float rule applies
            (:func:`psoladder.columnar.cells.table_float`).
        table: The table, for a typed source.
        encoded: Each column encoded as it was read (a CSV file).
        first_row: The row number of the first data row.
        blank_tail: Empty lines after the last row (blank rows to the
            validating reader, which counts them).
        header: The header as the validating reader reads it.
        names: Each column's name as written (``""``: an unnamed column).
        skipped: Lines above the header (a title block).
    """

    name: str
    fields: tuple[str | None, ...]
    rows: int
    typed: bool
    table: pa.Table | None = None
    encoded: tuple[Encoded, ...] | None = None
    first_row: int = 2
    blank_tail: int = 0
    header: Header | None = None
    names: tuple[str, ...] = ()
    skipped: int = 0

    def column(self, i: int) -> Encoded | None:
        """Column ``i`` encoded, or ``None`` when Arrow cannot encode its type."""
        if self.encoded is not None:
            return self.encoded[i]
        assert self.table is not None
        return encode(self.table.column(i))


def _dictionary_encode(values: pa.Array | pa.ChunkedArray,
                       null_encoding: str = "mask") -> pa.Array | pa.ChunkedArray:
    """``pyarrow.compute.dictionary_encode``, its memory from :data:`_POOL`."""
    return call_function("dictionary_encode", [values], DictionaryEncodeOptions(null_encoding),
                         memory_pool=_POOL)


def integers(array: pa.Array) -> NDArray[np.integer[Any]]:
    """An Arrow integer array without nulls as a numpy array, without copying.

    (``pyarrow.Array.to_numpy`` imports pandas, which costs a quarter of a
    second and tens of MB the first time.)
    """
    dtype = _NUMPY[array.type.id]
    data = memoryview(array.buffers()[1])
    found: NDArray[np.integer[Any]] = np.frombuffer(data, dtype=dtype, count=len(array),
                                                    offset=array.offset * dtype.itemsize)
    return found


def encode(column: pa.ChunkedArray) -> Encoded | None:
    """A column's distinct values, in order of first appearance, and each row's index."""
    try:
        if pa.types.is_dictionary(column.type):
            # One dictionary per chunk: made one, in order of first appearance.
            encoded = column.unify_dictionaries()
        else:
            if pa.types.is_string_view(column.type):
                column = column.cast(pa.large_string())
            # One dictionary for all chunks: the encoder's hash table spans them.
            encoded = _dictionary_encode(column, null_encoding="encode")
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if not encoded.num_chunks:
        return [], np.zeros(0, dtype=np.int32)
    distinct = encoded.chunk(0).dictionary.to_pylist()
    null = len(distinct)  # a null cell of a dictionary column: one more value
    indices = [integers(chunk.indices.fill_null(null)) if chunk.indices.null_count
               else integers(chunk.indices) for chunk in encoded.chunks]
    if any(chunk.indices.null_count for chunk in encoded.chunks):
        distinct.append(None)
    joined = np.concatenate(indices) if len(indices) > 1 else indices[0]
    return distinct, compact(joined, len(distinct))


def open_csv(path: Path, name: str | None = None,
             fmt: PayrollFormat | None = None) -> RawPayroll | Refusal:
    """A CSV payroll read by Arrow, or why not: where Arrow would not read it as Python does.

    A refusal sends the file to the validating path, which reads it (and
    reports any problem). The file is opened as the validating reader opens
    it (:func:`~psoladder.io.files.open_regular`: a regular file of bounded
    size), its header found as that reader finds it (below a title block,
    the export's own column names; :func:`psoladder.columnar.cells.open_header`),
    and the rows below it read in pieces of whole lines; each column is kept
    as its distinct texts and each row's index into them.

    Args:
        path: The file.
        name: Its name in messages and row sources (default the file's own name).
        fmt: How the export is written (the ``[payroll]`` table).
    """
    name = name or path.name
    try:
        binary, _ = open_regular(path, what="payroll file",
                                 max_bytes=bounds().file_bytes, name=name)
    except InputError:
        return "problem"
    try:
        with binary:
            return _read_csv(binary, name, fmt or PayrollFormat())
    except OSError:
        return "problem"


def _first_lines(stream: IO[bytes], count: int,
                 longest: int) -> tuple[list[str], list[int]] | Refusal:
    """The file's first ``count`` lines as the validating reader decodes them (ends kept).

    With each line's size in bytes.
    """
    lines: list[str] = []
    sizes: list[int] = []
    for number in range(count):
        raw = stream.readline(longest + 3)
        if not raw:
            break
        if raw.count(b"\r") != raw.count(b"\r\n") or len(raw.rstrip(b"\r\n")) > longest:
            return "form"  # (a lone carriage return ends a line for the validating reader)
        try:
            text = raw.decode("utf-8-sig" if number == 0 else "utf-8")
        except UnicodeDecodeError:
            return "problem"
        lines.append(text.lstrip("\ufeff") if number == 0 else text)
        sizes.append(len(raw))
    return lines, sizes


def _read_csv(stream: IO[bytes], name: str, fmt: PayrollFormat) -> RawPayroll | Refusal:
    limits = bounds()
    longest = limits.line_chars
    first = _first_lines(stream, fmt.header_row or limits.header_rows, longest)
    if isinstance(first, str):
        return first
    lines, sizes = first
    try:
        header, at, width = open_header(lines, name, fmt)
    except (InputError, csv.Error):
        return "problem"
    if at >= len(lines):
        return "problem"
    if not _plain_lines(lines[at].encode("utf-8")):
        return "form"  # a quoted line break in the header
    # The rows start on the line after the header: read from there.
    stream.seek(sum(sizes[:at + 1]))
    delimiter = header_delimiter(lines[at])
    # Empty header cells at the end name no field (the validating reader
    # drops them from the header), but the rows have cells there too.
    fields = header.fields + [None] * (width - len(header.fields))
    names_written = header.names + [""] * (width - len(header.names))
    names = [f"c{i}" for i in range(len(fields))]
    # Unquoted cells of at most cell_chars characters make lines within the
    # bound; only lines with quotes (which the reader drops) need measuring.
    measure = width * (limits.cell_chars + 1) - 1 > longest
    options = {
        "read_options": pa_csv.ReadOptions(column_names=names, block_size=_BLOCK_SIZE),
        "parse_options": pa_csv.ParseOptions(delimiter=delimiter, quote_char='"',
                                             double_quote=True, escape_char=False,
                                             newlines_in_values=False,
                                             ignore_empty_lines=False),
        "convert_options": pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                 strings_can_be_null=False,
                                                 quoted_strings_can_be_null=False)}
    # Per column and piece: the piece's distinct texts and its rows' indices;
    # the person column's texts themselves, encoded once at the end (its
    # hundreds of thousands of values would otherwise be hashed twice).
    dictionaries: list[list[pa.Array]] = [[] for _ in names]
    parts: list[list[NDArray[np.integer[Any]]]] = [[] for _ in names]
    person = fields.index("person") if "person" in fields else -1
    people: list[pa.Array] = []
    rows = 0
    blank: list[int] = []
    try:
        for piece in _pieces(stream, blank):
            feeds = _lines(piece)
            if feeds is None or (
                    (measure or b'"' in piece) and _longest_line(piece) > longest):
                return "form"
            table = pa_csv.read_csv(pa.py_buffer(piece), memory_pool=_POOL, **options)
            if table.num_rows != feeds + (not piece.endswith(b"\n")):
                return "form"
            rows += table.num_rows
            # Text is read fastest as text, then encoded column by column on
            # every core (Arrow releases the GIL); the chunks of a column
            # share one dictionary.
            if person >= 0:
                people.extend(table.column(person).chunks)
            others = [i for i in range(len(names)) if i != person]
            for i, encoded in zip(others, _threads().map(_encoded, map(table.column, others)),
                                  strict=True):
                dictionaries[i].append(encoded[0])
                parts[i].append(encoded[1])
            del table
        if blank and blank[0] < 0:
            return "form"
        # The person column is encoded on another core while this one joins
        # the pieces of the others.
        pending = (_threads().submit(_encoded, pa.chunked_array(people, pa.string()))
                   if person >= 0 and people else None)
        del people
        joined: list[Encoded] = [
            ([], np.zeros(0, dtype=np.int8)) if i == person and pending is not None
            else _joined(d, p) for i, (d, p) in enumerate(zip(dictionaries, parts, strict=True))]
        if pending is not None:
            dictionary, index = pending.result()
            joined[person] = _joined([dictionary], [index])
        return RawPayroll(name, tuple(fields), rows, typed=False, encoded=tuple(joined),
                          first_row=at + 2, blank_tail=sum(blank), header=header,
                          names=tuple(names_written), skipped=at)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return "form"
    finally:
        _POOL.release_unused()
        trim()


def _encoded(column: pa.ChunkedArray) -> tuple[pa.Array, NDArray[np.integer[Any]]]:
    """A text column's distinct values and each row's index among them."""
    encoded = _dictionary_encode(column)
    indices = [integers(chunk.indices) for chunk in encoded.chunks]
    dictionary = encoded.chunk(0).dictionary if encoded.num_chunks else pa.array([], pa.string())
    joined = np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32)
    return dictionary, compact(joined, len(dictionary))


@functools.cache
def _threads() -> ThreadPoolExecutor:
    """Threads for Arrow's work that releases the GIL, one per core."""
    return ThreadPoolExecutor(max_workers=os.cpu_count() or 1,
                              thread_name_prefix="psoladder-columnar")


def _joined(dictionaries: list[pa.Array],
            parts: list[NDArray[np.integer[Any]]]) -> Encoded:
    """The pieces of one column as one, in order of first appearance.

    Arrow hashes every piece's distinct values once.
    """
    if not dictionaries:
        return [], np.zeros(0, dtype=np.int8)
    first = dictionaries[0]
    if all(d.equals(first) for d in dictionaries[1:]):
        # Every piece has the same values in the same order (an optional
        # column nobody fills, one contract type): the indices stand as they are.
        return first.to_pylist(), compact(np.concatenate(parts), len(first))
    encoded = _dictionary_encode(pa.concat_arrays(dictionaries, memory_pool=_POOL))
    moved = integers(encoded.indices)
    start = 0
    joined = []
    for dictionary, part in zip(dictionaries, parts, strict=True):
        joined.append(moved[start:start + len(dictionary)][part])
        start += len(dictionary)
    parts.clear()
    values = encoded.dictionary
    return values.to_pylist(), compact(np.concatenate(joined), len(values))


def _pieces(stream: IO[bytes], blank: list[int]) -> Iterator[bytes | bytearray]:
    """The rest of the file in pieces of whole lines.

    Empty lines at the end of the file are left out and counted into
    ``blank`` (Python's csv module reads them as blank rows, which count
    for nothing but the bound on rows; ``-1``: they hold a lone carriage
    return); empty lines before a later row start the next piece, where
    :func:`_plain_lines` sees them. Each piece is read into its own buffer
    and handed on as it is (no copies of megabytes of text).
    """
    carry = b""
    while True:
        block = _block(stream)
        if not block:
            rest = carry.rstrip(b"\r\n")
            if rest:
                yield rest
            else:
                lone = carry.count(b"\r") != carry.count(b"\r\n")
                blank.append(-1 if lone else carry.count(b"\n"))
            return
        data = carry + block if carry else block
        filled = len(data)
        while filled and data[filled - 1] in b"\r\n":
            filled -= 1
        if filled == len(data):  # the block ends inside a line: keep that line
            cut = data.rfind(b"\n") + 1
        else:  # keep the newlines after the last line with content
            cut = data.find(b"\n", filled) + 1 if filled else 0
        carry = bytes(data[cut:])
        if cut:
            if isinstance(data, bytearray):
                del data[cut:]
                yield data
            else:
                yield data[:cut]


def _block(stream: IO[bytes]) -> bytearray:
    """The next :data:`_PIECE_SIZE` bytes of the file and the rest of their last line.

    Shorter at the end of the file; empty after it.
    """
    block = bytearray(_PIECE_SIZE)
    got = 0
    with memoryview(block) as view:
        while got < len(block):
            n = stream.readinto(view[got:])  # type: ignore[attr-defined]
            if not n:
                break
            got += n
    del block[got:]
    if got == _PIECE_SIZE and block[-1] != ord("\n"):
        block += stream.readline()
    return block


def _plain_lines(piece: bytes | bytearray) -> bool:
    """Whether Arrow splits these whole lines into rows exactly as Python's csv module does.

    No lone carriage return, no empty line (Python's csv yields a blank row,
    Arrow none), and an even number of quotes on every line (no line break
    inside a quoted cell).
    """
    return _lines(piece) is not None


def _lines(piece: bytes | bytearray) -> int | None:
    r"""The number of line feeds of whole lines, or ``None`` where they are not plain.

    Plain as :func:`_plain_lines` says. Most pieces have neither a carriage
    return nor a quote: then one numpy pass finds the line feeds and one
    more the empty lines, without their positions (searching the bytes for
    ``\n\n`` takes twice as long); the others go through :func:`_breaks`.
    """
    if b"\r" in piece or b'"' in piece:
        breaks = _breaks(piece)
        return None if breaks is None else len(breaks)
    feeds = np.frombuffer(piece, dtype=np.uint8) == ord("\n")
    if len(feeds) and (feeds[0] or bool(np.logical_and(feeds[1:], feeds[:-1]).any())):
        return None  # an empty line
    return int(np.count_nonzero(feeds))


def _breaks(piece: bytes | bytearray) -> NDArray[np.intp] | None:
    """The positions of the line feeds of whole lines, or ``None`` where they are not plain.

    Plain as :func:`_plain_lines` says, found with numpy on the piece's bytes
    (each check a pass of C code, where scanning the bytes for each pattern
    took twice as long); the line feeds also give the longest line.
    """
    buffer = np.frombuffer(piece, dtype=np.uint8)
    breaks = np.flatnonzero(buffer == ord("\n"))
    if b"\r" in piece:
        returns = np.flatnonzero(buffer == ord("\r"))
        if returns[-1] + 1 >= len(buffer) or bool((buffer[returns + 1] != ord("\n")).any()):
            return None  # a lone carriage return
        # (each CR is followed by LF: an empty line is "\r\n" after a line feed)
        if len(breaks) and breaks[0] == 1 and buffer[0] == ord("\r"):
            return None
        gaps = np.diff(breaks)
        if bool((gaps == 2).any()) and bool(
                (buffer[breaks[:-1][gaps == 2] + 1] == ord("\r")).any()):
            return None
    else:
        gaps = np.diff(breaks)
    if (len(breaks) and breaks[0] == 0) or bool((gaps == 1).any()):
        return None  # an empty line
    if b'"' in piece:
        quotes = np.flatnonzero(buffer == ord('"'))
        before = np.searchsorted(quotes, breaks)
        if bool((before & 1).any()) or len(quotes) % 2:
            return None  # a line break inside a quoted cell
    return breaks


def _longest_line(piece: bytes | bytearray,
                  breaks: NDArray[np.intp] | None = None) -> int:
    """The most bytes of one line of ``piece`` (whole lines), line ends left out.

    ``breaks``: the positions of its line feeds, where known.
    """
    if breaks is None:
        breaks = np.flatnonzero(np.frombuffer(piece, dtype=np.uint8) == ord("\n"))
    ends = np.concatenate(([-1], breaks, [len(piece)]))
    return int((np.diff(ends) - 1).max(initial=0))  # (a CR before LF counts: a byte more)


def open_parquet(path: Path, name: str | None = None,
                 fmt: PayrollFormat | None = None) -> RawPayroll:
    """A Parquet payroll file, opened as the validating reader opens files.

    Only a regular file of bounded size is read
    (:func:`~psoladder.io.files.open_regular`).

    Args:
        path: The file.
        name: Its name in messages and row sources (default the file's own name).
        fmt: How the export is written (the ``[payroll]`` table).

    Raises:
        InputError: The file cannot be opened or is not Parquet, or its header
            has problems.
    """
    import pyarrow.parquet as pq

    name = name or path.name
    binary, _ = open_regular(path, what="payroll file", max_bytes=bounds().file_bytes,
                             name=name)
    try:
        with binary:
            table = pq.read_table(binary)
    except (OSError, pa.ArrowException) as exc:
        raise InputError([Problem(f"not a readable Parquet file ({type(exc).__name__})",
                                  file=name,
                                  hint="write it with pandas.DataFrame.to_parquet, "
                                       "polars.DataFrame.write_parquet or pyarrow")]) from None
    return _raw(table, name, fmt)


def open_table(table: object, name: str = "<table>",
               fmt: PayrollFormat | None = None) -> RawPayroll:
    """An in-memory payroll table.

    A pyarrow Table or RecordBatch, a pandas or a polars DataFrame, or any
    object with the Arrow stream interface.

    Raises:
        InputError: It is no table, Arrow cannot read it, or its header has problems.
    """
    return _raw(_arrow(table, name), name, fmt)


def _arrow(obj: object, name: str) -> pa.Table:
    if isinstance(obj, pa.Table):
        return obj
    if isinstance(obj, pa.RecordBatch):
        return pa.Table.from_batches([obj])
    module = type(obj).__module__.split(".")[0]
    try:
        if module == "pandas":
            return pa.Table.from_pandas(obj, preserve_index=False)
        if module == "polars":
            return obj.to_arrow()  # type: ignore[attr-defined]
        if hasattr(obj, "__arrow_c_stream__"):
            return pa.table(obj)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise InputError([Problem(f"the table cannot be read as columns: {exc}", file=name,
                                  hint="give every column one type, e.g. "
                                       "df['hours_per_week'] = df['hours_per_week'].astype(str)")]
                         ) from None
    raise InputError.single(
        f"a payroll must be a file path or a table, not a {type(obj).__name__}",
        field="payroll", hint="pass a pyarrow Table, a pandas or polars DataFrame, or a path")


def _raw(table: pa.Table, name: str, fmt: PayrollFormat | None) -> RawPayroll:
    header, problems = read_header([str(c) for c in table.column_names], name, fmt)
    if problems:
        raise InputError(problems)
    width = table.num_columns
    fields = header.fields + [None] * (width - len(header.fields))
    written = header.names + [""] * (width - len(header.names))
    return RawPayroll(name, tuple(fields), table.num_rows, typed=True, table=table,
                      header=header, names=tuple(written))


def table_rows(raw: RawPayroll, batch_rows: int = 65_536) -> Iterator[tuple[int, Sequence[Any]]]:
    """Numbered rows of cells (Python values), for the validating path."""
    assert raw.table is not None
    row = raw.first_row
    for batch in raw.table.to_batches(max_chunksize=batch_rows):
        columns = [column.to_pylist() for column in batch.columns]
        for values in zip(*columns, strict=True):
            yield row, values
            row += 1
