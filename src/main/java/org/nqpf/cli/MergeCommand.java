package org.nqpf.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nqpf.config.ExperimentConfig;
import org.nqpf.experiment.Design;
import org.nqpf.experiment.ExperimentFinisher;
import org.nqpf.experiment.SweepRunner;
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.ExperimentManifest;
import org.nqpf.report.ResultsLock;
import org.nqpf.report.ResultsTarget;
import org.nqpf.report.ShardFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code merge SHARD_DIR... --out DIR}: joins a sharded sweep into the files an unsharded one writes. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Merges the folders of sweep --shard I/N into one results folder, identical to an unsharded sweep's.")
final class MergeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shard folders, all N of them.")
  List<Path> shards;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged results folder.")
  Path out;

  @Option(names = "--quiet", description = "No summary line.")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<Path> ordered = ShardFolder.check(shards);
    ExperimentConfig experiment = ExperimentFolder.readExperiment(ordered.get(0));
    Path written;
    ResultsTarget.check(out, ordered.stream().map(shard -> shard.resolve(ExperimentFolder.EXPERIMENT)).toArray(Path[]::new));
    try (ResultsLock lock = ResultsLock.acquire(out, "merge")) {
      Path work = lock.workingFolder();
      ResultsTarget.clearLeftovers(work);
      try {
        ShardFolder.merge(ordered, work);
        ExperimentFinisher.finish(work, experiment, Design.points(experiment));
        String command = String.join(" ", spec.commandLine().getParseResult().originalArgs());
        ExperimentManifest.write(work, experiment.baseScenario(), ExperimentFolder.EXPERIMENT, experiment.masterSeed(), 0,
            "merged " + ordered.size(), command);
        ExperimentFinisher.report(work);
        written = SweepRunner.complete(work, out);
      } catch (RuntimeException e) {
        // A merge cannot be resumed: what it wrote is of no use, and the next merge would only remove it.
        ResultsTarget.clearLeftovers(work);
        throw e;
      }
    }
    if (!quiet) {
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: merged %d shards -> %s%n", experiment.name(), ordered.size(), written);
    }
    return 0;
  }
}
