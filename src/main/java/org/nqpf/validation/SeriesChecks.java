package org.nqpf.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The stationarity and ergodicity rows of the validation (docs/VALIDATION.md), which need every
 * replication: for each {@link KeySeries}, the common warm-up is the longest MSER-5 warm-up over
 * the replications, so that every run is cut at the same step and its windows line up with the
 * others'; each replication then gets 1 or 0 for each test ({@link Stationarity}).
 */
public final class SeriesChecks {
  private SeriesChecks() {}

  /**
   * The series' common warm-up over {@code runs}, as an index into the series (-1 when some
   * replication's warm-up cannot be measured).
   */
  public static int commonWarmUp(List<RunObservations> runs, KeySeries k) {
    int longest = 0;
    for (RunObservations o : runs) {
      int w = WarmUp.mser5(o.keySeries()[k.ordinal()]);
      if (w < 0) {
        return -1;
      }
      longest = Math.max(longest, w);
    }
    return longest;
  }

  /** {@code statistics} (in replication order) with the stationarity and ergodicity values of every key series. */
  public static List<RunStatistics> complete(List<RunObservations> runs, List<RunStatistics> statistics) {
    List<RunStatistics> result = new ArrayList<>(statistics);
    for (KeySeries k : KeySeries.values()) {
      int from = commonWarmUp(runs, k);
      if (from < 0) {
        continue;
      }
      List<double[]> means = new ArrayList<>();
      for (RunObservations o : runs) {
        means.add(Stationarity.windowMeans(o.keySeries()[k.ordinal()], from));
      }
      for (int r = 0; r < runs.size(); r++) {
        double[] within = means.get(r);
        if (within.length == 0) {
          continue;
        }
        result.set(r, result.get(r).with(Targets.seriesId(Targets.STATIONARITY, k),
            indicator(Stationarity.runsTest(within))));
        double[] across = new double[runs.size() - 1];
        int a = 0;
        for (int s = 0; s < runs.size(); s++) {
          if (s != r) {
            across[a++] = means.get(s)[s % Stationarity.WINDOWS];
          }
        }
        result.set(r, result.get(r).with(Targets.seriesId(Targets.ERGODICITY, k),
            indicator(Stationarity.ergodicityTest(within.clone(), across))));
      }
    }
    return List.copyOf(result);
  }

  /** 1 when the test does not reject at {@link Stationarity#LEVEL}, 0 when it does, NaN when it could not be made. */
  private static double indicator(double p) {
    return Double.isNaN(p) ? Double.NaN : p >= Stationarity.LEVEL ? 1 : 0;
  }
}
