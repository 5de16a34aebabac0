package org.nqpf.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nqpf.experiment.Checkpoint;
import org.nqpf.model.EcosystemModel;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import sim.engine.SimState;

/**
 * MASON checkpoints of a run: the whole {@link EcosystemModel} (scenario, agents, schedule,
 * generator state and the time series so far), serialised by {@link SimState#writeToCheckpoint}
 * (a gzipped Java object stream) and read back by {@link Checkpoint#read}.
 *
 * <p>The checkpoints of a run with results folder {@code <out>} go to the sibling folder
 * {@code <out>.checkpoints/}, one file {@code checkpoint-<step>.ckpt} per checkpoint, where
 * {@code <step>} counts the steps simulated so far, burn-in included. Each file is written to a
 * temporary file and renamed into place, so a crash never leaves a half-written checkpoint.
 */
final class Checkpoints {
  static final String SUFFIX = ".checkpoints";

  private Checkpoints() {}

  /** The checkpoint folder of the results folder {@code out}. */
  static Path folderFor(Path out) {
    Path target = out.toAbsolutePath().normalize();
    Path name = target.getFileName();
    if (name == null) {
      throw new OutputException("cannot write checkpoints next to " + out + ": it is a file-system root");
    }
    return target.resolveSibling(name + SUFFIX);
  }

  /** The file of the checkpoint after {@code step} simulated steps. */
  static Path fileFor(Path folder, long step) {
    return folder.resolve("checkpoint-" + step + ".ckpt");
  }

  /** Writes the model's checkpoint after its current step into {@code folder}; returns the file. */
  static Path write(EcosystemModel model, Path folder) {
    Path file = fileFor(folder, model.schedule.getSteps());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try {
      model.writeToCheckpoint(bytes);
    } catch (IOException e) {
      throw new OutputException("cannot write checkpoint " + file + ": " + e, e);
    }
    ResultsFolder.writeAtomically(file, bytes.toByteArray());
    return file;
  }

  /** Reads a checkpoint of a run (see {@link Checkpoint#read}). */
  static EcosystemModel read(Path file) {
    return Checkpoint.read(file);
  }
}
