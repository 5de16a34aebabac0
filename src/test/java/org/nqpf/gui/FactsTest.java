package org.nqpf.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nqpf.config.Scenario;
import org.nqpf.model.EcosystemModel;
import org.nqpf.model.Firm;
import sim.util.Properties;

/** The agents' inspectors show rounded numbers with their units, not raw doubles. */
class FactsTest {
  /** A raw double as Java prints it: five or more digits after the point, or an exponent. */
  private static final Pattern RAW_DOUBLE = Pattern.compile("\\d\\.\\d{5,}|\\dE-?\\d");

  @Test
  void numbersAreRoundedForReading() {
    assertThat(Facts.number(691.7982738496752)).isEqualTo("692");
    assertThat(Facts.number(12345.6)).isEqualTo("12,346");
    assertThat(Facts.number(12.3456)).isEqualTo("12.3");
    assertThat(Facts.number(1.23456)).isEqualTo("1.23");
    assertThat(Facts.number(0)).isEqualTo("0.00");
    assertThat(Facts.number(0.000123456)).isEqualTo("0.000123");
    assertThat(Facts.number(Double.NaN)).isEqualTo("—");
    assertThat(Facts.percent(0.9635036496350365)).isEqualTo("96.4%");
    assertThat(Facts.percent(0.0000432)).isEqualTo("0.0043%");
    assertThat(Facts.count(91.0)).isEqualTo("91");
    assertThat(Facts.money(691.7982738496752)).isEqualTo("692 wage units");
  }

  @Test
  void aFirmsInspectorShowsEveryFigureWithItsUnitAndNoRawDouble() {
    EcosystemModel model = new EcosystemModel(Scenario.DEFAULT.withSteps(5));
    model.start();
    for (int i = 0; i < 5; i++) {
      model.schedule.step(model);
    }
    Firm firm = model.firms().get(0);
    Properties p = Facts.of(firm).properties();
    assertThat(p.numProperties()).isGreaterThan(20);
    for (int i = 0; i < p.numProperties(); i++) {
      String value = (String) p.getValue(i);
      assertThat(p.isReadWrite(i)).isFalse();
      assertThat(RAW_DOUBLE.matcher(value).find()).as("%s: %s", p.getName(i), value).isFalse();
    }
    assertThat(value(p, "Employment (production + R&D)")).isEqualTo(Facts.number(firm.getEmployment()) + " workers");
    assertThat(value(p, "Sales")).endsWith(" wage units / quarter");
    assertThat(value(p, "Market share")).endsWith("% of its sector");
    assertThat(value(p, "Labour productivity")).endsWith(" units / worker / quarter");

    Properties university = Facts.of(model.universities().get(0)).properties();
    assertThat(value(university, "Invention queue")).endsWith(" inventions waiting for conversion");
    Properties bank = Facts.of(model.banks().get(0)).properties();
    assertThat(value(bank, "Loans outstanding")).endsWith(" wage units");
  }

  private static String value(Properties p, String name) {
    for (int i = 0; i < p.numProperties(); i++) {
      if (p.getName(i).equals(name)) {
        return (String) p.getValue(i);
      }
    }
    throw new AssertionError("no property " + name);
  }
}
