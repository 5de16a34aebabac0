package org.nqpf.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.nqpf.config.Scenario;
import org.nqpf.experiment.Futures;
import org.nqpf.experiment.Seeds;

/**
 * Runs a scenario over R replications for the validation — replication r with seed
 * {@code Seeds.of(masterSeed, 0, r)} (docs/EXPERIMENTS.md) — on a pool of threads, one model per
 * run, and merges the results in replication order, so that everything computed from them is the
 * same whatever the number of threads.
 */
public final class ValidationRunner {
  private ValidationRunner() {}

  /**
   * Runs the replications and computes the table.
   *
   * @param progress called with the number of replications finished so far (in order)
   */
  public static ValidationResult run(Scenario base, int replications, long masterSeed, int threads, int minTail,
      IntConsumer progress) {
    Objects.requireNonNull(base, "base");
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1: " + replications);
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread t = new Thread(runnable, "nqpf-validate");
      t.setDaemon(true);
      return t;
    });
    List<RunObservations> runs = new ArrayList<>();
    List<RunStatistics> statistics = new ArrayList<>();
    try {
      List<Future<Object[]>> futures = new ArrayList<>();
      for (int r = 0; r < replications; r++) {
        Scenario scenario = base.withSeed(Seeds.of(masterSeed, 0, r));
        futures.add(pool.submit(() -> {
          RunObservations o = FirmPanelCollector.run(scenario);
          return new Object[] {o, RunStatistics.of(o, minTail)};
        }));
      }
      for (int r = 0; r < replications; r++) {
        Object[] done = Futures.take(futures.get(r), "the validation");
        runs.add((RunObservations) done[0]);
        statistics.add((RunStatistics) done[1]);
        if (progress != null) {
          progress.accept(r + 1);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new ValidationResult(base, masterSeed, runs, SeriesChecks.complete(runs, statistics));
  }
}
