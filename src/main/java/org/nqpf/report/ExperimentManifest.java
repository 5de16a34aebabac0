package org.nqpf.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.nqpf.config.Scenario;

/**
 * The {@code manifest.json} of an experiment's results folder: {@link Manifest}'s content, with
 * the experiment file as the configuration (its SHA-256 over its bytes), the master seed, the
 * thread count and the shard. Write it last.
 */
public final class ExperimentManifest {
  private ExperimentManifest() {}

  public static void write(Path folder, Scenario base, String experimentFile, long masterSeed, int threads, String shard,
      String command) {
    ResultsFolder.writeAtomically(folder.resolve(Manifest.FILE_NAME),
        JsonOutput.prettyBytes(build(folder, base, experimentFile, masterSeed, threads, shard, command)));
  }

  /** A sweep's manifest, which also records the command line's {@code --set} assignments as typed. */
  public static void write(Path folder, Scenario base, String experimentFile, long masterSeed, int threads, String shard,
      String command, List<String> sets) {
    ObjectNode root = Manifest.withSets(build(folder, base, experimentFile, masterSeed, threads, shard, command), sets);
    ResultsFolder.writeAtomically(folder.resolve(Manifest.FILE_NAME), JsonOutput.prettyBytes(root));
  }

  private static ObjectNode build(Path folder, Scenario base, String experimentFile, long masterSeed, int threads,
      String shard, String command) {
    ObjectNode root = Manifest.build(folder, base, command, experimentFile);
    ((ObjectNode) root.get("config")).put("sha256", Manifest.sha256(folder.resolve(experimentFile)));
    root.remove("seed");
    root.put("masterSeed", masterSeed);
    root.put("threads", threads);
    root.put("shard", shard);
    return root;
  }

  /**
   * The manifest of another kind of folder made from a master seed ({@code "calibration"}): the
   * same content, with the kind and without a shard.
   */
  public static void write(Path folder, String kind, Scenario base, String configFile, long masterSeed, int threads,
      String command) {
    ObjectNode root = Manifest.build(folder, base, command, configFile);
    ((ObjectNode) root.get("config")).put("sha256", Manifest.sha256(folder.resolve(configFile)));
    root.remove("seed");
    root.put("kind", kind);
    root.put("masterSeed", masterSeed);
    root.put("threads", threads);
    ResultsFolder.writeAtomically(folder.resolve(Manifest.FILE_NAME), JsonOutput.prettyBytes(root));
  }
}
