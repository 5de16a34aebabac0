package org.nqpf.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nqpf.model.Firm;
import org.nqpf.model.Ownership;
import org.nqpf.model.SizeClass;

/**
 * The firm size distribution at the end of a run, for the summary: quantiles of employment and
 * sales, and counts by size class and ownership. Quantiles use the nearest-rank rule on the sorted
 * values, so they are exact values of some firm.
 */
public final class FirmDistribution {
  static final double[] QUANTILES = {0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1.0};

  private FirmDistribution() {}

  /** An ordered block for {@link RunSummary}'s {@code extra}. */
  public static Map<String, Object> of(List<Firm> firms) {
    Map<String, Object> block = new LinkedHashMap<>();
    double[] employment = new double[firms.size()];
    double[] sales = new double[firms.size()];
    Map<String, Object> bySize = new LinkedHashMap<>();
    int[][] counts = new int[SizeClass.values().length][Ownership.values().length];
    for (int i = 0; i < firms.size(); i++) {
      Firm firm = firms.get(i);
      employment[i] = firm.getEmployment();
      sales[i] = firm.getSales();
      counts[firm.getSizeClass().ordinal()][firm.getOwnership().ordinal()]++;
    }
    for (SizeClass size : SizeClass.values()) {
      Map<String, Object> byOwnership = new LinkedHashMap<>();
      for (Ownership ownership : Ownership.values()) {
        byOwnership.put(ownership.name().toLowerCase(java.util.Locale.ROOT), counts[size.ordinal()][ownership.ordinal()]);
      }
      bySize.put(size.name().toLowerCase(java.util.Locale.ROOT), byOwnership);
    }
    block.put("finalFirmCount", firms.size());
    block.put("finalEmploymentQuantiles", quantiles(employment));
    block.put("finalSalesQuantiles", quantiles(sales));
    block.put("finalFirmsBySizeClassAndOwnership", bySize);
    return block;
  }

  static Map<String, Object> quantiles(double[] values) {
    Map<String, Object> result = new LinkedHashMap<>();
    if (values.length == 0) {
      return result;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<String> names = new ArrayList<>();
    for (double q : QUANTILES) {
      String name = q == 1.0 ? "max" : "p" + Math.round(q * 100);
      names.add(name);
      int rank = (int) Math.ceil(q * sorted.length);
      result.put(name, sorted[Math.max(0, rank - 1)]);
    }
    return result;
  }
}
