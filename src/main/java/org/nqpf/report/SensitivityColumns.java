package org.nqpf.report;

/**
 * The columns of an experiment's sensitivity.csv: metric, parameter, method and value required,
 * the bootstrap interval's ends optional (-1 when absent).
 */
record SensitivityColumns(int metric, int parameter, int method, int value, int low, int high) {
  static SensitivityColumns of(CsvTable table) {
    return new SensitivityColumns(table.require("metric"), table.require("parameter"), table.require("method"),
        table.require("value"), table.column("ciLow"), table.column("ciHigh"));
  }
}
