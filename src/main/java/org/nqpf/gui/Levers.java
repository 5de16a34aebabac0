package org.nqpf.gui;

import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.ConfigException;
import org.nqpf.config.Lever;
import org.nqpf.config.PolicyConfig;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Metric;
import org.nqpf.model.TimeSeries;
import sim.util.Interval;
import sim.util.Propertied;
import sim.util.Properties;

/**
 * What the Console's "Model" tab inspects: the policy levers in force, grouped by mechanism, each
 * with a slider over a practical range, then a few read-only figures of the run. Moving a slider
 * calls {@link EcosystemModel#changePolicy} between two steps (under the schedule's lock, which
 * the Console's play thread holds while it steps), so the change takes effect from the next step
 * on, exactly as a timeline entry would. A later timeline entry for the same lever still applies
 * at its step.
 *
 * <p>The properties are listed in a fixed order (a {@link Propertied} rather than bean reflection,
 * whose method order Java does not fix).
 */
public final class Levers implements Propertied {
  /** One slider: a lever, over [its minimum, its slider's upper end]; the label, group and help are the lever's. */
  record Slider(Lever lever) {
    String name() {
      return lever.group() + ": " + lever.label();
    }

    double min() {
      return lever.min();
    }

    double max() {
      return lever.slider();
    }

    String help() {
      return lever.help();
    }

    double value(PolicyConfig policy) {
      return lever.of(policy);
    }
  }

  /**
   * A slider for every lever ({@link Lever#all}), grouped by mechanism in the order the groups
   * first appear, each group in the levers' order; ranges are practical ones inside each lever's
   * legal range (docs/CONFIG.md).
   */
  static final List<Slider> SLIDERS = sliders();

  private static List<Slider> sliders() {
    List<String> groups = new ArrayList<>();
    for (Lever lever : Lever.all()) {
      if (!groups.contains(lever.group())) {
        groups.add(lever.group());
      }
    }
    List<Slider> sliders = new ArrayList<>();
    for (String group : groups) {
      for (Lever lever : Lever.all()) {
        if (lever.group().equals(group)) {
          sliders.add(new Slider(lever));
        }
      }
    }
    return List.copyOf(sliders);
  }

  /** A read-only figure: label and what it reads. */
  private record Figure(String name, Class<?> type, java.util.function.Function<EcosystemModel, Object> read) {}

  private final EcosystemWithUI gui;
  private final List<Figure> figures;

  Levers(EcosystemWithUI gui) {
    this.gui = gui;
    this.figures = List.of(
        new Figure("Run: scenario", String.class, m -> m.scenario().name()),
        new Figure("Run: seed", Long.TYPE, m -> m.scenario().seed()),
        new Figure("Run: step", Long.TYPE, EcosystemModel::currentStep),
        new Figure("Run: last step of the scenario", Long.TYPE, m -> (long) m.scenario().totalSteps()),
        new Figure("Credit: fund replenishment", String.class, m -> String.valueOf(policy(m).fundReplenishment())),
        new Figure("Now: firms", Integer.TYPE, m -> m.firms().size()),
        new Figure("Now: innovations this step", String.class, m -> Facts.count(last(m, Metric.INNOVATIONS))),
        new Figure("Now: private share of firms", String.class, m -> Facts.percent(last(m, Metric.PRIVATE_SHARE_FIRMS))),
        new Figure("Now: private share of output", String.class, m -> Facts.percent(last(m, Metric.PRIVATE_SHARE_OUTPUT))),
        new Figure("Now: private share of innovation", String.class,
            m -> Facts.percent(last(m, Metric.PRIVATE_SHARE_INNOVATION))),
        new Figure("Now: SME applicants rationed", String.class, m -> Facts.percent(last(m, Metric.SME_RATIONED_SHARE))),
        new Figure("Now: firms using AI", String.class, m -> Facts.percent(last(m, Metric.AI_ADOPTION_SHARE))));
  }

  private static PolicyConfig policy(EcosystemModel model) {
    PolicyConfig p = model.policy();
    return p != null ? p : model.scenario().policy();
  }

  private static double last(EcosystemModel model, Metric metric) {
    TimeSeries s = model.series();
    return s == null || s.size() == 0 ? Double.NaN : s.get(s.size() - 1, metric);
  }

  /**
   * Moves a lever, as the slider does: between steps, checked like a config value.
   *
   * @return whether the value was accepted (a value outside the lever's legal range is refused and
   *     the lever keeps its value)
   */
  boolean set(Lever lever, double value) {
    synchronized (gui.state.schedule) {
      try {
        gui.model().changePolicy(lever, value);
        return true;
      } catch (ConfigException e) {
        return false;
      }
    }
  }

  @Override
  public Properties properties() {
    return new LeverProperties();
  }

  /** The sliders first, then the figures. */
  private final class LeverProperties extends Properties {
    private static final long serialVersionUID = 1L;

    LeverProperties() {
      object = Levers.this;
    }

    @Override
    public boolean isVolatile() {
      return false;
    }

    @Override
    public int numProperties() {
      return SLIDERS.size() + figures.size();
    }

    @Override
    public Object getValue(int index) {
      if (index < SLIDERS.size()) {
        return SLIDERS.get(index).value(policy(gui.model()));
      }
      return figures.get(index - SLIDERS.size()).read().apply(gui.model());
    }

    @Override
    public boolean isReadWrite(int index) {
      return index < SLIDERS.size();
    }

    @Override
    public String getName(int index) {
      return index < SLIDERS.size() ? SLIDERS.get(index).name() : figures.get(index - SLIDERS.size()).name();
    }

    @Override
    public String getDescription(int index) {
      return index < SLIDERS.size() ? SLIDERS.get(index).help() : null;
    }

    @Override
    public Object getDomain(int index) {
      if (index < SLIDERS.size()) {
        Slider s = SLIDERS.get(index);
        return new Interval(s.min(), s.max());
      }
      return null;
    }

    @Override
    public Class<?> getType(int index) {
      return index < SLIDERS.size() ? Double.TYPE : figures.get(index - SLIDERS.size()).type();
    }

    @Override
    protected Object _setValue(int index, Object value) {
      if (index >= SLIDERS.size() || !(value instanceof Number n)) {
        return getValue(index);
      }
      set(SLIDERS.get(index).lever(), n.doubleValue());
      return getValue(index);
    }
  }
}
