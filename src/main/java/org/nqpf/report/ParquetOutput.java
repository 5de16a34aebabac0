package org.nqpf.report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes Parquet copies of the CSV tables ({@code --format csv,parquet}) with DuckDB's
 * {@code COPY … TO … (FORMAT PARQUET)}, reading the CSV file as it goes, so memory stays flat
 * whatever its size. Every column's type is given (never sniffed), DuckDB runs on one thread with
 * the insertion order kept, and never loads an extension from the network: the same CSV gives the
 * same Parquet bytes on every run (DuckDB writes its version as {@code created_by} and no times).
 * A sweep's parameter values are added as columns after {@code replication}, looked up from
 * {@code points.csv} by the row's {@code point} (a list index, not a join, so the order is the CSV's).
 */
public final class ParquetOutput {
  /** DuckDB's SQL types of the columns this project writes. */
  public enum Type {
    BIGINT,
    DOUBLE,
    VARCHAR
  }

  /** A parameter column for a sweep's tables: its name (the dotted key) and whether it is whole. */
  public record Parameter(String name, boolean integer) {}

  private ParquetOutput() {}

  /** The Parquet file next to {@code csv}: the same name with {@code .parquet}. */
  public static Path parquetFor(Path csv) {
    String name = csv.getFileName().toString();
    return csv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".parquet");
  }

  /** The name of {@code csvName}'s Parquet copy. */
  public static String parquetName(String csvName) {
    return csvName.substring(0, csvName.length() - ".csv".length()) + ".parquet";
  }

  /** Writes {@code csv}'s rows, typed as {@code columns} says (in file order), to {@code parquet}. */
  public static void write(Path csv, Map<String, Type> columns, Path parquet) {
    write(csv, columns, null, List.of(), parquet);
  }

  /**
   * Writes {@code csv}'s rows to {@code parquet}, with the columns of {@code parameters}, read from
   * {@code points} (a sweep's points.csv), inserted after the {@code replication} column.
   */
  public static void write(Path csv, Map<String, Type> columns, Path points, List<Parameter> parameters, Path parquet) {
    try (Connection connection = open(); Statement sql = connection.createStatement()) {
      List<String> select = new ArrayList<>();
      for (String column : columns.keySet()) {
        select.add(identifier(column));
        if (column.equals("replication")) {
          for (int j = 0; j < parameters.size(); j++) {
            Parameter p = parameters.get(j);
            select.add("getvariable('p" + j + "')[" + identifier("point") + " + 1] AS " + identifier(p.name()));
          }
        }
      }
      if (!parameters.isEmpty()) {
        Map<String, Type> pointColumns = new LinkedHashMap<>();
        pointColumns.put("point", Type.BIGINT);
        for (Parameter p : parameters) {
          pointColumns.put(p.name(), p.integer() ? Type.BIGINT : Type.DOUBLE);
        }
        for (int j = 0; j < parameters.size(); j++) {
          sql.execute("SET VARIABLE p" + j + " = (SELECT list(" + identifier(parameters.get(j).name()) + " ORDER BY point) FROM "
              + readCsv(points, pointColumns) + ")");
        }
      }
      sql.execute("COPY (SELECT " + String.join(", ", select) + " FROM " + readCsv(csv, columns) + ") TO "
          + literal(parquet.toAbsolutePath().toString()) + " (FORMAT PARQUET, COMPRESSION ZSTD)");
    } catch (SQLException e) {
      throw new OutputException("cannot write " + parquet + " from " + csv + ": " + e.getMessage(), e);
    }
  }

  /** An in-memory DuckDB on one thread that keeps the rows' order and loads nothing from the network. */
  public static Connection open() throws SQLException {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the DuckDB driver is missing from the class path", e);
    }
    Properties properties = new Properties();
    properties.setProperty("threads", "1");
    properties.setProperty("preserve_insertion_order", "true");
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    properties.setProperty("enable_external_access", "true");
    properties.setProperty("memory_limit", "512MB");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  private static String readCsv(Path csv, Map<String, Type> columns) {
    StringBuilder types = new StringBuilder("{");
    for (Map.Entry<String, Type> column : columns.entrySet()) {
      if (types.length() > 1) {
        types.append(", ");
      }
      types.append(literal(column.getKey())).append(": ").append(literal(column.getValue().name()));
    }
    types.append('}');
    return "read_csv(" + literal(csv.toAbsolutePath().toString()) + ", header = true, auto_detect = false, delim = ',',"
        + " quote = '\"', escape = '\"', nullstr = '', columns = " + types + ")";
  }

  /** A SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A SQL identifier, quoted (parameter keys hold dots). */
  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
