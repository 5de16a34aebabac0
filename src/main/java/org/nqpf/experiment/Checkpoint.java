package org.nqpf.experiment;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.nqpf.model.EcosystemModel;
import org.nqpf.report.OutputException;
import org.nqpf.report.ResultsFolder;
import sim.engine.SimState;

/**
 * MASON checkpoints of a run, the one class that writes and reads them: the whole
 * {@link EcosystemModel} (scenario, agents, schedule, generator state and the time series so far),
 * serialised by {@link SimState#writeToCheckpoint} (a gzipped Java object stream) for {@code run
 * --checkpoint-every}, and read back (also when written by the GUI's "Save As") for {@code run
 * --resume-from} and for the GUI's "Open".
 *
 * <p>The checkpoints of a run with results folder {@code <out>} go to the sibling folder
 * {@code <out>.checkpoints/}, one file {@code checkpoint-<step>.ckpt} per checkpoint, where
 * {@code <step>} counts the steps simulated so far, burn-in included. Each file is written to a
 * temporary file and renamed into place, so a crash never leaves a half-written checkpoint.
 *
 * <p>A checkpoint is a gzipped Java object stream, and reading one that was forged can load
 * classes, allocate memory and spend time as the file says. This reader refuses:
 *
 * <ul>
 *   <li>any class but the model's ({@code org.nqpf}), MASON's ({@code sim}), its generator's
 *       ({@code ec.util}) and the few JDK classes a real checkpoint holds ({@link #JDK_CLASSES}),
 *       checked by name <em>before</em> the class is loaded; proxy classes always;
 *   <li>an array longer, a nesting deeper, more objects or more bytes than {@link #LIMITS} allows
 *       (sized from the largest real checkpoint, docs/SECURITY.md);
 *   <li>and it turns an {@link OutOfMemoryError} or {@link StackOverflowError} while reading into
 *       the same one-line refusal as any other unreadable file.
 * </ul>
 *
 * <p>It does not promise more: within those classes and limits a forged checkpoint can still hold
 * a model in any state the classes can express (the checks after reading catch only an
 * inconsistent step count), and reading the largest allowed file takes seconds and memory.
 */
public final class Checkpoint {
  /**
   * The JDK classes a checkpoint holds (found by logging every class a real checkpoint of a run
   * with every mechanism on deserialises, docs/SECURITY.md); arrays of them and of primitives too.
   */
  public static final List<String> JDK_CLASSES = List.of("java.lang.Comparable", "java.lang.Enum", "java.lang.Object",
      "java.util.ArrayList", "java.util.CollSer", "java.util.HashMap", "java.util.HashSet",
      "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$ListN", "java.util.Map$Entry");

  /** The packages (with their sub-packages) of the model, MASON and its generator. */
  static final List<String> PACKAGES = List.of("org.nqpf.", "sim.", "ec.util.");

  /**
   * The stream's limits: the 100,000-firm checkpoint measured (docs/SECURITY.md) has arrays of at
   * most 262,144 elements, a nesting of 12, 3.67 million objects and references and 65 MB of
   * uncompressed stream; these allow ten times as many firms and twice the nesting. Since the firms
   * moved into the model's FirmPopulation a checkpoint nests one level deeper (the baseline's: 13).
   */
  static final long MAX_ARRAY = 4_194_304;
  static final long MAX_DEPTH = 24;
  static final long MAX_REFS = 40_000_000;
  static final long MAX_BYTES = 800_000_000;
  public static final String LIMITS = "maxarray=" + MAX_ARRAY + ";maxdepth=" + MAX_DEPTH + ";maxrefs=" + MAX_REFS
      + ";maxbytes=" + MAX_BYTES;

  /** The whole filter, in {@link ObjectInputFilter.Config#createFilter} syntax. */
  public static final String FILTER = LIMITS + ";" + String.join(";", PACKAGES.stream().map(p -> p + "**").toList())
      + ";" + String.join(";", JDK_CLASSES) + ";!*";

  /** The suffix of a run's checkpoint folder after its results folder's name. */
  public static final String FOLDER_SUFFIX = ".checkpoints";

  private Checkpoint() {}

  /** The checkpoint folder of the results folder {@code out}. */
  public static Path folderFor(Path out) {
    Path target = out.toAbsolutePath().normalize();
    Path name = target.getFileName();
    if (name == null) {
      throw new OutputException("cannot write checkpoints next to " + out + ": it is a file-system root");
    }
    return target.resolveSibling(name + FOLDER_SUFFIX);
  }

  /** The file of the checkpoint after {@code step} simulated steps. */
  public static Path fileFor(Path folder, long step) {
    return folder.resolve("checkpoint-" + step + ".ckpt");
  }

  /** Writes the model's checkpoint after its current step into {@code folder}; returns the file. */
  public static Path write(EcosystemModel model, Path folder) {
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
   * Reads a checkpoint and checks it holds an {@link EcosystemModel} that was started and has not
   * run past its scenario's end.
   *
   * @throws CheckpointException naming the file if it cannot be read or is not such a model
   */
  public static EcosystemModel read(Path file) {
    Object read;
    Refusals refusals = new Refusals();
    try (InputStream in = Files.newInputStream(file);
        CheckpointStream stream = new CheckpointStream(new GZIPInputStream(new BufferedInputStream(in)), refusals)) {
      read = stream.readObject();
    } catch (NoSuchFileException e) {
      throw new CheckpointException("cannot resume from " + file + ": the file does not exist", e);
    } catch (InvalidClassException e) {
      if (refusals.reason != null) {
        throw refused(file, refusals.reason, e);
      }
      throw new CheckpointException("cannot resume from " + file
          + ": it was written by an incompatible version of the model (" + e.getMessage() + ")", e);
    } catch (OutOfMemoryError e) {
      throw refused(file, "reading it ran out of memory", e);
    } catch (StackOverflowError e) {
      throw refused(file, "reading it nested too deep for the stack", e);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      if (refusals.reason != null) {
        throw refused(file, refusals.reason, e);
      }
      throw new CheckpointException("cannot resume from " + file
          + ": it is not a readable checkpoint (truncated or corrupt: " + e + ")", e);
    }
    if (!(read instanceof EcosystemModel model)) {
      throw new CheckpointException("cannot resume from " + file + ": it is a checkpoint of "
          + (read == null ? "nothing" : read.getClass().getName()) + ", not of this model");
    }
    model.awakeFromCheckpoint();
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

  private static CheckpointException refused(Path file, String reason, Throwable cause) {
    return new CheckpointException("cannot resume from " + file + ": refused, it is not a checkpoint this model writes ("
        + reason + "; docs/SECURITY.md)", cause);
  }

  /** Whether a class of this name may be read (arrays by their element type). */
  static boolean allowed(String name) {
    String element = name;
    while (element.startsWith("[")) {
      element = element.substring(1);
    }
    if (element.length() == 1) {
      return name.startsWith("["); // a primitive array
    }
    if (element.startsWith("L") && element.endsWith(";") && name.startsWith("[")) {
      element = element.substring(1, element.length() - 1);
    }
    for (String prefix : PACKAGES) {
      if (element.startsWith(prefix)) {
        return true;
      }
    }
    return JDK_CLASSES.contains(element);
  }

  /** Why the stream was refused, for the message (the stream's own exception says only "REJECTED"). */
  private static final class Refusals {
    String reason;
  }

  /** An object stream that checks each class by name before loading it, with the limits' filter. */
  private static final class CheckpointStream extends ObjectInputStream {
    private static final ObjectInputFilter LIMITED = ObjectInputFilter.Config.createFilter(FILTER);
    private final Refusals refusals;

    CheckpointStream(InputStream in, Refusals refusals) throws IOException {
      super(in);
      this.refusals = refusals;
      setObjectInputFilter(info -> {
        ObjectInputFilter.Status status = LIMITED.checkInput(info);
        if (status == ObjectInputFilter.Status.REJECTED && refusals.reason == null) {
          refusals.reason = reason(info);
        }
        return status;
      });
    }

    private static String reason(ObjectInputFilter.FilterInfo info) {
      if (info.arrayLength() > MAX_ARRAY) {
        return "an array of " + info.arrayLength() + " elements, above the limit of " + MAX_ARRAY;
      }
      if (info.depth() > MAX_DEPTH) {
        return "objects nested " + info.depth() + " deep, above the limit of " + MAX_DEPTH;
      }
      if (info.references() > MAX_REFS) {
        return "more than " + MAX_REFS + " objects and references";
      }
      if (info.streamBytes() > MAX_BYTES) {
        return "more than " + MAX_BYTES + " bytes of objects";
      }
      return "class " + (info.serialClass() == null ? "?" : info.serialClass().getName()) + ", which a checkpoint never holds";
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      if (!allowed(desc.getName())) {
        String name = desc.getName().replaceAll("[^\\p{Print}]", "?");
        refusals.reason = "class " + (name.length() > 100 ? name.substring(0, 100) + "…" : name)
            + ", which a checkpoint never holds";
        throw new InvalidClassException(name, "refused before loading");
      }
      return super.resolveClass(desc);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
      refusals.reason = "a proxy class, which a checkpoint never holds";
      throw new InvalidClassException("proxy", "refused before loading");
    }
  }
}
