package org.nqpf.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nqpf.model.EcosystemModel;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import sim.engine.SimState;

/**
 * MASON checkpoints of a run: the whole {@link EcosystemModel} (scenario, agents, schedule,
 * generator state and the time series so far), serialised by {@link SimState#writeToCheckpoint}
 * (a gzipped Java object stream) and read back by {@link SimState#readFromCheckpoint}.
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

  /**
   * Reads a checkpoint and checks it holds an {@link EcosystemModel} that has not run past its
   * scenario's end.
   *
   * @throws CheckpointException naming the file if it cannot be read or is not such a model
   */
  /**
   * The classes a checkpoint may hold: the model's, MASON's, its generator's and the JDK's. A
   * checkpoint naming any other class is refused before that class is loaded, so that reading one
   * cannot instantiate arbitrary code. MASON builds its own object stream, so the filter is set for
   * the process, which reads one checkpoint and exits.
   */
  static final String ALLOWED_CLASSES = "org.nqpf.**;sim.**;ec.util.**;java.**;maxdepth=200;!*";

  static EcosystemModel read(Path file) {
    SimState state;
    if (java.io.ObjectInputFilter.Config.getSerialFilter() == null) {
      java.io.ObjectInputFilter.Config.setSerialFilter(java.io.ObjectInputFilter.Config.createFilter(ALLOWED_CLASSES));
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      state = SimState.readFromCheckpoint(in);
    } catch (NoSuchFileException e) {
      throw new CheckpointException("cannot resume from " + file + ": the file does not exist", e);
    } catch (InvalidClassException e) {
      throw new CheckpointException("cannot resume from " + file
          + ": it was written by an incompatible version of the model (" + e.getMessage() + ")", e);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      throw new CheckpointException("cannot resume from " + file
          + ": it is not a readable checkpoint (truncated or corrupt: " + e + ")", e);
    }
    if (!(state instanceof EcosystemModel model)) {
      throw new CheckpointException("cannot resume from " + file + ": it is a checkpoint of "
          + (state == null ? "nothing" : state.getClass().getName()) + ", not of this model");
    }
    if (model.scenario() == null || model.series() == null) {
      throw new CheckpointException("cannot resume from " + file + ": the checkpoint holds a model that was never started");
    }
    long done = model.schedule.getSteps();
    int total = model.scenario().totalSteps();
    if (done < 0 || done > total || model.series().size() != done) {
      throw new CheckpointException("cannot resume from " + file + ": it is at step " + done + " of " + total
          + " with " + model.series().size() + " recorded rows, which is inconsistent");
    }
    return model;
  }
}
