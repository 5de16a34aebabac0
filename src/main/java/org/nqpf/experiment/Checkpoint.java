package org.nqpf.experiment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nqpf.model.EcosystemModel;
import sim.engine.SimState;

/**
 * Reads a MASON checkpoint of a run (written by {@code run --checkpoint-every} or by the GUI's
 * "Save As") back into an {@link EcosystemModel}, for {@code run --resume-from} and for the GUI's
 * "Open". Only the model's, MASON's, its generator's and the JDK's classes may appear in a
 * checkpoint: any other class is refused before it is loaded, so that reading a checkpoint cannot
 * instantiate arbitrary code.
 */
public final class Checkpoint {
  /**
   * The serialisation filter. MASON builds its own object stream, so the filter is set for the
   * process (once, if no other filter is set).
   */
  public static final String ALLOWED_CLASSES = "org.nqpf.**;sim.**;ec.util.**;java.**;maxdepth=200;!*";

  private Checkpoint() {}

  /**
   * Reads a checkpoint and checks it holds an {@link EcosystemModel} that was started and has not
   * run past its scenario's end.
   *
   * @throws CheckpointException naming the file if it cannot be read or is not such a model
   */
  public static EcosystemModel read(Path file) {
    SimState state;
    if (ObjectInputFilter.Config.getSerialFilter() == null) {
      ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(ALLOWED_CLASSES));
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
