package org.nqpf.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nqpf.verify.Verifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code verify RESULTS_DIR [--sample K]}: reruns a results folder from its manifest and compares. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Reruns a results folder from its manifest and compares every output byte for byte."
        + " Exit 0 when all match, 1 when not, 2 when the folder or manifest is unusable.")
final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A folder written by run, sweep (or merge),"
      + " validate or calibrate.")
  Path folder;

  @Option(names = "--sample", paramLabel = "K", description = "For an experiment: rerun only K runs (those with the"
      + " smallest seeds) and compare their rows; default: rerun everything. A validate folder is always rerun"
      + " whole.")
  int sample;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Verifier.Report report = Verifier.verify(folder, sample);
    var out = spec.commandLine().getOut();
    for (String warning : report.warnings()) {
      spec.commandLine().getErr().println("warning: " + warning);
    }
    for (Verifier.Verdict verdict : report.verdicts()) {
      out.println((verdict.matches() ? "ok       " : "MISMATCH ") + verdict.file() + ": " + verdict.detail());
    }
    out.println(report.allMatch() ? "verified: every output matches" : "NOT verified: some outputs differ");
    return report.allMatch() ? 0 : 1;
  }
}
