package org.nqpf.gui;

import java.awt.Color;
import org.nqpf.model.Ownership;

/** Colours shared by the display's portrayals and its legend. */
final class Palette {
  static final Color PRIVATE = new Color(30, 110, 220);
  static final Color SOE = new Color(215, 40, 40);
  static final Color AI_RING = new Color(255, 200, 0);
  static final Color UPSTAIRS = new Color(120, 70, 170);
  static final Color DOWNSTAIRS = new Color(240, 140, 30);
  static final Color DOWNSTAIRS_ZONE = new Color(240, 140, 30, 90);
  static final Color PARK_FILL = new Color(60, 160, 60, 28);
  static final Color PARK_EDGE = new Color(60, 160, 60, 110);
  static final Color ALLIANCE = new Color(0, 150, 120, 200);
  static final Color SPIN_OFF = new Color(150, 60, 170, 190);
  static final Color LOAN = new Color(110, 110, 110, 45);
  static final Color LOAN_GUARANTEED = new Color(230, 120, 0, 110);
  static final Color BANK = new Color(70, 70, 70);
  static final Color GOVERNMENT = new Color(150, 30, 30);
  static final Color SPECIAL_LOAN = new Color(200, 0, 140, 120);
  static final Color GRANT = new Color(0, 150, 0, 150);
  static final Color STARTUP = new Color(0, 170, 60);
  static final Color EXIT = new Color(90, 90, 90);
  static final Color BACKGROUND = Color.WHITE;

  private Palette() {}

  static Color of(Ownership ownership) {
    return ownership == Ownership.SOE ? SOE : PRIVATE;
  }
}
