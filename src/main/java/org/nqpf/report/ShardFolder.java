package org.nqpf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nqpf.config.ConfigException;

/**
 * The folder of one shard of a sweep ({@code sweep --shard I/N}): the first files of an
 * {@link ExperimentFolder} (experiment, points, and the shard's rows of runs, time series and firm
 * panel) and {@code shard.json}, written last. {@code merge} checks the N shards' folders here
 * (the same experiment, shards 0 … N−1 once each) and joins them into one experiment folder.
 */
public final class ShardFolder {
  /** A shard's description, in the folder of {@code sweep --shard I/N}. */
  public static final String SHARD = "shard.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardFolder() {}

  /** A shard folder's description: shard {@code index} of {@code count}. */
  public record ShardInfo(int index, int count) {}

  /** Writes a sweep shard's description (atomically): the last file of a shard that finished. */
  public static void writeShard(Path work, int index, int count, long runs) {
    ObjectNode info = JSON.createObjectNode();
    info.put("index", index);
    info.put("count", count);
    info.put("runs", runs);
    ResultsFolder.writeAtomically(work.resolve(SHARD), (info.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** A shard folder's description, or null if it has none (it is not a shard that finished). */
  public static ShardInfo readShard(Path shard) throws IOException {
    Path info = shard.resolve(SHARD);
    if (!Files.isRegularFile(info)) {
      return null;
    }
    JsonNode node = JSON.readTree(Files.readString(info, StandardCharsets.UTF_8));
    return new ShardInfo(node.path("index").asInt(-1), node.path("count").asInt(-1));
  }

  /** Checks the shards and returns them ordered by shard index. */
  public static List<Path> check(List<Path> shards) {
    if (shards.isEmpty()) {
      throw new ConfigException("SHARD_DIR", "no shard folders given; expected the N folders written by sweep --shard I/N");
    }
    Path[] ordered = null;
    String experiment = null;
    for (Path shard : shards) {
      try {
        ShardInfo info = readShard(shard);
        if (info == null) {
          throw new ConfigException("SHARD_DIR", shard + " is not a complete shard folder (no " + SHARD
              + "); expected a folder written by sweep --shard I/N that finished");
        }
        int index = info.index();
        int count = info.count();
        if (ordered == null) {
          ordered = new Path[count];
        }
        if (count != ordered.length || index < 0 || index >= count) {
          throw new ConfigException("SHARD_DIR", shard + " is shard " + index + "/" + count + "; expected shards of "
              + ordered.length);
        }
        if (ordered[index] != null) {
          throw new ConfigException("SHARD_DIR", "shard " + index + "/" + count + " is given twice: " + ordered[index]
              + " and " + shard);
        }
        ordered[index] = shard;
        String text = ExperimentFolder.experimentText(shard);
        if (experiment == null) {
          experiment = text;
        } else if (!experiment.equals(text)) {
          throw new ConfigException("SHARD_DIR", shard + " ran another experiment than " + shards.get(0)
              + "; expected the shards of one sweep");
        }
      } catch (IOException e) {
        throw new OutputException("cannot read " + shard + ": " + e.getMessage(), e);
      }
    }
    for (int i = 0; i < ordered.length; i++) {
      if (ordered[i] == null) {
        throw new ConfigException("SHARD_DIR", "shard " + i + "/" + ordered.length + " is missing; expected all "
            + ordered.length + " shards");
      }
    }
    return List.of(ordered);
  }

  /**
   * Writes into {@code work} the files an unsharded sweep writes from the shards' (ordered by shard
   * index): the experiment and points of the first, the runs.csv, timeseries.csv and firm-panel.csv
   * rows interleaved by run index (the first column), streaming.
   */
  public static void merge(List<Path> shards, Path work) {
    try {
      Files.copy(shards.get(0).resolve(ExperimentFolder.EXPERIMENT), work.resolve(ExperimentFolder.EXPERIMENT));
      Files.copy(shards.get(0).resolve(ExperimentFolder.POINTS), work.resolve(ExperimentFolder.POINTS));
      interleave(shards, ExperimentFolder.RUNS, work);
      if (Files.exists(shards.get(0).resolve(ExperimentFolder.TIME_SERIES))) {
        interleave(shards, ExperimentFolder.TIME_SERIES, work);
      }
      if (Files.exists(shards.get(0).resolve(FirmPanel.FILE))) {
        interleave(shards, FirmPanel.FILE, work);
      }
    } catch (IOException e) {
      throw new OutputException("cannot merge the shards into " + work + ": " + e.getMessage(), e);
    }
  }

  /** The run index a row starts with, or -1 if it does not start with one. */
  private static long runOf(String line) {
    int comma = line.indexOf(',');
    try {
      return Long.parseLong(comma < 0 ? line : line.substring(0, comma));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Shard i holds the runs i, i + N, i + 2N, …, each run's rows together, so the merged file takes
   * every run's rows from shard (run mod N) in turn.
   */
  private static void interleave(List<Path> shards, String file, Path work) throws IOException {
    int n = shards.size();
    List<BufferedReader> readers = new ArrayList<>();
    try (BufferedWriter out = Files.newBufferedWriter(work.resolve(file), StandardCharsets.UTF_8)) {
      String header = null;
      for (Path shard : shards) {
        BufferedReader reader = Files.newBufferedReader(shard.resolve(file), StandardCharsets.UTF_8);
        readers.add(reader);
        String h = reader.readLine();
        if (header == null) {
          header = h;
        } else if (!header.equals(h)) {
          throw new ConfigException("SHARD_DIR", shard.resolve(file) + " has another header; expected the shards of one sweep");
        }
      }
      out.write(header);
      out.write('\n');
      String[] pending = new String[n];
      for (int i = 0; i < n; i++) {
        pending[i] = readers.get(i).readLine();
      }
      long run = 0;
      while (true) {
        int shard = (int) (run % n);
        String line = pending[shard];
        boolean panel = file.equals(FirmPanel.FILE);
        if (line == null && panel && Arrays.stream(pending).anyMatch(Objects::nonNull)) {
          run++;
          continue;
        }
        if (line == null) {
          for (int i = 0; i < n; i++) {
            if (pending[i] != null) {
              throw new OutputException(shards.get(i).resolve(file) + " has rows beyond run " + run + "; the shards do not fit together");
            }
          }
          return;
        }
        String prefix = run + ",";
        if (!line.startsWith(prefix) && panel && runOf(line) > run) {
          // A run whose firms all left before its first recorded step has no panel rows.
          run++;
          continue;
        }
        if (!line.startsWith(prefix)) {
          throw new OutputException(shards.get(shard).resolve(file) + " does not continue with run " + run
              + "; the shards do not fit together");
        }
        while (line != null && line.startsWith(prefix)) {
          out.write(line);
          out.write('\n');
          line = readers.get(shard).readLine();
        }
        pending[shard] = line;
        run++;
      }
    } finally {
      for (BufferedReader reader : readers) {
        reader.close();
      }
    }
  }

}
