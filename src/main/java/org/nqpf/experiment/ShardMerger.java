package org.nqpf.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.nqpf.report.ExperimentFolder;
import org.nqpf.report.FirmPanel;
import org.nqpf.report.OutputException;

/**
 * Joins the folders of the N shards of a sweep into the files an unsharded sweep writes: the
 * shards must hold the same experiment and cover shards 0 … N−1 once each; their runs.csv and
 * timeseries.csv rows are interleaved by run index (the first column), streaming.
 */
public final class ShardMerger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShardMerger() {}

  /** Checks the shards and returns them ordered by shard index. */
  public static List<Path> check(List<Path> shards) {
    if (shards.isEmpty()) {
      throw new ConfigException("SHARD_DIR", "no shard folders given; expected the N folders written by sweep --shard I/N");
    }
    Path[] ordered = null;
    String experiment = null;
    for (Path shard : shards) {
      Path info = shard.resolve(ExperimentFiles.SHARD);
      if (!Files.isRegularFile(info)) {
        throw new ConfigException("SHARD_DIR", shard + " is not a complete shard folder (no " + ExperimentFiles.SHARD
            + "); expected a folder written by sweep --shard I/N that finished");
      }
      try {
        JsonNode node = JSON.readTree(Files.readString(info, StandardCharsets.UTF_8));
        int index = node.path("index").asInt(-1);
        int count = node.path("count").asInt(-1);
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
        String text = Files.readString(shard.resolve(ExperimentFolder.EXPERIMENT), StandardCharsets.UTF_8);
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

  /** Writes the merged runs.csv and (if present) timeseries.csv into {@code work}. */
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
