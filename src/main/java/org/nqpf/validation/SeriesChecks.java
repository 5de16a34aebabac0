package org.nqpf.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

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

  /**
   * The series' common memory over {@code runs} after the index {@code from}: the median of the
   * replications' {@link Stationarity#memory}, NaN when half of them or more cannot be measured.
   */
  public static double commonMemory(List<RunObservations> runs, KeySeries k, int from) {
    double[] memories = runs.stream().mapToDouble(o -> Stationarity.memory(o.keySeries()[k.ordinal()], from)).toArray();
    double[] measured = Arrays.stream(memories).filter(Double::isFinite).toArray();
    return measured.length == 0 || 2 * measured.length <= memories.length ? Double.NaN : new Median().evaluate(measured);
  }

  /**
   * The windows the tests of {@code k} are made on: from the common warm-up, each of the length
   * {@link Stationarity#windowLength} gives for the common memory (0 when none can be set).
   */
  public static Windows windows(List<RunObservations> runs, KeySeries k) {
    int from = commonWarmUp(runs, k);
    if (from < 0 || runs.isEmpty()) {
      return new Windows(from, Double.NaN, 0);
    }
    double memory = commonMemory(runs, k, from);
    int n = runs.get(0).keySeries()[k.ordinal()].length;
    return new Windows(from, memory, Stationarity.windowLength(n, from, memory));
  }

  /**
   * Where the tests of a key series are made.
   *
   * @param from the common warm-up, an index into the series (-1 when it cannot be measured)
   * @param memory the common memory after it, steps (NaN when it cannot be measured)
   * @param length each window's length, steps (0 when no windows can be set)
   */
  public record Windows(int from, double memory, int length) {}

  /**
   * {@code statistics} (in replication order) with the stationarity and ergodicity values of every
   * key series. When the warm-up is measured but the memory leaves too few windows, every
   * replication scores 0 on both: the run is too short to show the series stationary.
   */
  public static List<RunStatistics> complete(List<RunObservations> runs, List<RunStatistics> statistics) {
    List<RunStatistics> result = new ArrayList<>(statistics);
    for (KeySeries k : KeySeries.values()) {
      Windows windows = windows(runs, k);
      if (windows.from() < 0) {
        continue;
      }
      List<double[]> means = new ArrayList<>();
      for (RunObservations o : runs) {
        means.add(Stationarity.windowMeans(o.keySeries()[k.ordinal()], windows.from(), windows.length()));
      }
      for (int r = 0; r < runs.size(); r++) {
        double[] within = means.get(r);
        double stationary = 0;
        double ergodic = 0;
        if (within.length > 0) {
          stationary = indicator(Stationarity.runsTest(within));
          double[] across = new double[runs.size() - 1];
          int a = 0;
          for (int s = 0; s < runs.size(); s++) {
            if (s != r) {
              across[a++] = means.get(s)[s % means.get(s).length];
            }
          }
          ergodic = indicator(Stationarity.ergodicityTest(within.clone(), across));
        }
        result.set(r, result.get(r).with(Targets.seriesId(Targets.STATIONARITY, k), stationary)
            .with(Targets.seriesId(Targets.ERGODICITY, k), ergodic));
      }
    }
    return List.copyOf(result);
  }

  /** 1 when the test does not reject at {@link Stationarity#LEVEL}, 0 when it does, NaN when it could not be made. */
  private static double indicator(double p) {
    return Double.isNaN(p) ? Double.NaN : p >= Stationarity.LEVEL ? 1 : 0;
  }
}
