package org.nqpf.model;

/**
 * A run whose economy left the numbers: a metric of a step was infinite or not a number (for
 * example productivity compounding without bound). Thrown by the observer at the step where it
 * first happens, so that no command writes, averages or charts a diverged run as if it were one.
 */
public final class ModelDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long step;
  private final String metric;

  ModelDivergedException(long step, String metric, double value) {
    super("the model diverged at step " + step + ": " + metric + " is " + value
        + " (no finite value under these parameters; docs/MODEL.md, \"When a run diverges\")");
    this.step = step;
    this.metric = metric;
  }

  /** The step whose observation was not finite. */
  public long step() {
    return step;
  }

  /** The first metric of that step that was not finite. */
  public String metric() {
    return metric;
  }

  /** The divergence among {@code e} and its causes, or null. */
  public static ModelDivergedException in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ModelDivergedException diverged) {
        return diverged;
      }
    }
    return null;
  }
}
