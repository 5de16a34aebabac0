package org.nqpf.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CSV file of a results folder, read with Jackson's CSV module: a header row, then rows of
 * exactly as many fields (quoted fields, CRLF, a UTF-8 byte-order mark and blank lines are
 * tolerated; spaces around fields are trimmed). Cells are kept as text; {@link #number} parses
 * one, an empty cell (or {@code NaN}) being a missing value. Every error names the file, the line
 * and the column, as a {@link ResultsReadException}.
 *
 * <p>Line numbers assume no field spans several lines (true of every file the experiment
 * writes): data row {@code i} (0-based) is line {@code i + 2}.
 */
final class CsvTable {

  private static final CsvMapper MAPPER = new CsvMapper();
  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Infinity|NaN");

  /** Receives the rows of a file one at a time (for files too large to hold). */
  interface RowHandler {
    /** Called once with the header, before any row. */
    default void header(List<String> header) {}

    /** @param line the row's line number in the file (header is line 1) */
    void row(String[] cells, int line);
  }

  private final Path file;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private final List<String[]> rows;

  private CsvTable(Path file, List<String> header, List<String[]> rows) {
    this.file = file;
    this.header = Collections.unmodifiableList(header);
    this.columns = index(file, header);
    this.rows = Collections.unmodifiableList(rows);
  }

  /** Reads the whole file. */
  static CsvTable read(Path file) {
    List<String[]> rows = new ArrayList<>();
    List<String> header = stream(file, (cells, line) -> rows.add(cells));
    return new CsvTable(file, header, rows);
  }

  /**
   * Reads the file row by row, checking every row has as many fields as the header.
   *
   * @return the header
   */
  static List<String> stream(Path file, RowHandler handler) {
    if (!Files.isRegularFile(file)) {
      throw new ResultsReadException("cannot read " + file + ": "
          + (Files.exists(file) ? "it is not a regular file" : "the file does not exist"));
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<String[]> it = MAPPER.readerFor(String[].class)
            .with(CsvSchema.emptySchema())
            .with(CsvParser.Feature.WRAP_AS_ARRAY)
            .with(CsvParser.Feature.SKIP_EMPTY_LINES)
            .with(CsvParser.Feature.TRIM_SPACES)
            .readValues(skipBom(reader))) {
      if (!it.hasNextValue()) {
        throw new ResultsReadException(file + ": the file is empty; expected a header row");
      }
      List<String> header = List.of(it.nextValue());
      index(file, header);
      handler.header(header);
      int line = 1;
      while (it.hasNextValue()) {
        String[] cells = it.nextValue();
        line++;
        if (cells.length == 1 && cells[0].isEmpty()) {
          continue;
        }
        if (cells.length != header.size()) {
          throw new ResultsReadException(file + ", line " + line + ": " + cells.length + " fields, expected "
              + header.size() + " (as in the header)");
        }
        handler.row(cells, line);
      }
      return header;
    } catch (NoSuchFileException e) {
      throw new ResultsReadException("cannot read " + file + ": the file does not exist", e);
    } catch (AccessDeniedException e) {
      throw new ResultsReadException("cannot read " + file + ": permission denied", e);
    } catch (JacksonException e) {
      throw new ResultsReadException(file + ": malformed CSV: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ResultsReadException("cannot read " + file + ": " + e, e);
    } catch (RuntimeException e) {
      if (e instanceof ResultsReadException) {
        throw e;
      }
      if (e.getCause() instanceof JacksonException cause) {
        throw new ResultsReadException(file + ": malformed CSV: " + cause.getOriginalMessage(), e);
      }
      throw e;
    }
  }

  private static Reader skipBom(Reader reader) throws IOException {
    BufferedReader buffered = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    buffered.mark(1);
    int first = buffered.read();
    if (first != '\uFEFF') {
      buffered.reset();
    }
    return buffered;
  }

  private static Map<String, Integer> index(Path file, List<String> header) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        throw new ResultsReadException(file + ", line 1: column " + (i + 1) + " has an empty name");
      }
      if (columns.putIfAbsent(name, i) != null) {
        throw new ResultsReadException(file + ", line 1: column '" + name + "' appears twice");
      }
    }
    return columns;
  }

  /** Whether the cell is a number in the accepted notation (not empty). */
  static boolean isNumber(String cell) {
    return NUMBER.matcher(cell).matches();
  }

  /**
   * A cell as a number: NaN when the cell is empty or {@code NaN}.
   *
   * @throws ResultsReadException when the cell is not a number
   */
  static double parse(String cell, Path file, int line, String column) {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    if (!NUMBER.matcher(cell).matches()) {
      throw new ResultsReadException(file + ", line " + line + ", column " + column + ": '" + cell
          + "' is not a number");
    }
    return Double.parseDouble(cell);
  }

  /**
   * A cell as a whole number (point indices, steps).
   *
   * @throws ResultsReadException when the cell is empty or not a whole number in int range
   */
  static int parseInt(String cell, Path file, int line, String column) {
    double value = parse(cell, file, line, column);
    if (!(value == Math.rint(value)) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new ResultsReadException(file + ", line " + line + ", column " + column + ": '" + cell
          + "' is not a whole number");
    }
    return (int) value;
  }

  Path file() {
    return file;
  }

  List<String> header() {
    return header;
  }

  int size() {
    return rows.size();
  }

  /** The column's index, or -1 when the file has no such column. */
  int column(String name) {
    Integer index = columns.get(name);
    return index == null ? -1 : index;
  }

  boolean has(String name) {
    return columns.containsKey(name);
  }

  /** The column's index; refuses a file without it. */
  int require(String name) {
    Integer index = columns.get(name);
    if (index == null) {
      throw new ResultsReadException(file + ", line 1: no column '" + name + "' (columns: " + String.join(", ", header)
          + ")");
    }
    return index;
  }

  String text(int row, int column) {
    return rows.get(row)[column];
  }

  /** The cell as a number, NaN when empty. */
  double number(int row, int column) {
    return parse(rows.get(row)[column], file, row + 2, header.get(column));
  }

  int integer(int row, int column) {
    return parseInt(rows.get(row)[column], file, row + 2, header.get(column));
  }
}
