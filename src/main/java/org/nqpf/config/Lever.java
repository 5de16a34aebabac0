package org.nqpf.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy lever: a component of {@link PolicyConfig} marked {@link Spec}. The component and its
 * mark are the lever's only declaration: the timeline's lever names, the range checks, {@link
 * PolicyConfig#with}, the GUI's sliders and the docs' test read them from here, so a new lever is
 * one annotated component. Levers are listed in the record's order; two are equal when they name
 * the same component (one instance per lever, also after deserialisation).
 */
public final class Lever implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What a lever is: its legal range, the GUI slider's practical upper end, its group, label and meaning. */
  @Target(ElementType.RECORD_COMPONENT)
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Spec {
    /** Lowest legal value. */
    double min();

    /** Highest legal value. */
    double max();

    /** Upper end of the GUI's slider (from {@link #min}), a practical range inside the legal one. */
    double slider();

    /** The mechanism the lever belongs to, which groups the GUI's sliders. */
    String group();

    /** The slider's label. */
    String label();

    /** What the lever does, in a sentence. */
    String help();
  }

  private static final RecordComponent[] COMPONENTS = PolicyConfig.class.getRecordComponents();
  private static final List<Lever> ALL = declared();

  private final String name;
  private final transient int component;
  private final transient Spec spec;

  private Lever(String name, int component, Spec spec) {
    this.name = name;
    this.component = component;
    this.spec = spec;
  }

  private static List<Lever> declared() {
    List<Lever> levers = new ArrayList<>();
    for (int i = 0; i < COMPONENTS.length; i++) {
      Spec spec = COMPONENTS[i].getAnnotation(Spec.class);
      if (spec != null) {
        if (COMPONENTS[i].getType() != double.class) {
          throw new IllegalStateException("lever " + COMPONENTS[i].getName() + " is not a double");
        }
        levers.add(new Lever(COMPONENTS[i].getName(), i, spec));
      }
    }
    return List.copyOf(levers);
  }

  /** Every lever, in the order of {@link PolicyConfig}'s components. */
  public static List<Lever> all() {
    return ALL;
  }

  /**
   * The lever of this name (a scenario's timeline names it as its key under {@code policy}).
   *
   * @throws ConfigException if no lever has the name; the message lists the levers
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Lever named(String name) {
    for (Lever lever : ALL) {
      if (lever.name.equals(name)) {
        return lever;
      }
    }
    throw new ConfigException("", "value \"" + name + "\" (text) is not allowed; expected one of " + names());
  }

  /** The levers' names, comma-separated, in order. */
  public static String names() {
    List<String> names = new ArrayList<>();
    for (Lever lever : ALL) {
      names.add(lever.name);
    }
    return String.join(", ", names);
  }

  /** The lever's name: its key under {@code policy}. */
  @JsonValue
  public String name() {
    return name;
  }

  public double min() {
    return spec.min();
  }

  public double max() {
    return spec.max();
  }

  /** Upper end of the GUI's slider. */
  public double slider() {
    return spec.slider();
  }

  public String group() {
    return spec.group();
  }

  public String label() {
    return spec.label();
  }

  public String help() {
    return spec.help();
  }

  /**
   * Checks a value of the lever as a config value is checked.
   *
   * @throws ConfigException naming the lever, the value and the legal range
   */
  public double check(double value) {
    return spec.min() == 0 && spec.max() == 1 ? Check.probability(name, value) : Check.between(name, value, spec.min(), spec.max());
  }

  /** The lever's value in a policy. */
  public double of(PolicyConfig policy) {
    return (double) component(policy, component);
  }

  private static Object component(PolicyConfig policy, int index) {
    try {
      return COMPONENTS[index].getAccessor().invoke(policy);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The policy with this lever set to {@code value} and no timeline (the policy in force during a
   * run), checked like a config value.
   */
  PolicyConfig set(PolicyConfig policy, double value) {
    check(value);
    Object[] args = new Object[COMPONENTS.length];
    Class<?>[] types = new Class<?>[COMPONENTS.length];
    for (int i = 0; i < COMPONENTS.length; i++) {
      types[i] = COMPONENTS[i].getType();
      args[i] = i == component ? (Object) value
          : COMPONENTS[i].getName().equals("timeline") ? List.of() : component(policy, i);
    }
    try {
      Constructor<PolicyConfig> canonical = PolicyConfig.class.getDeclaredConstructor(types);
      return canonical.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every policy lever's value checked against its range (the record's constructor cannot read its components by name). */
  static void checkAll(PolicyConfig policy) {
    for (Lever lever : ALL) {
      lever.check(lever.of(policy));
    }
  }

  private Object readResolve() throws ObjectStreamException {
    return named(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
