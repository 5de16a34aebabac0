package org.nqpf.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Usage help wrapped at spaces only. picocli wraps with the JDK's line {@link java.text.BreakIterator},
 * which breaks after a full stop before a letter, so file names came apart across lines
 * ({@code config.} / {@code yaml}). Here picocli lays each section out on one line per row (a
 * width it never reaches) and every line longer than {@link #WIDTH} is then wrapped at spaces,
 * continuation lines indented as picocli indents them: under the description column plus two
 * in tables, under the first option in the synopsis.
 */
final class HelpLayout {
  /** Columns of the help text, picocli's default. */
  static final int WIDTH = 80;
  /** A usage width no help line reaches, so that picocli itself never wraps. */
  private static final int UNWRAPPED = 10_000;

  private HelpLayout() {}

  /** Applies the layout to {@code cli} and its sub-commands. */
  static void apply(CommandLine cli) {
    cli.setUsageHelpWidth(UNWRAPPED);
    Map<String, IHelpSectionRenderer> sections = cli.getHelpSectionMap();
    int heading = cli.getCommandSpec().usageMessage().synopsisHeading().length();
    for (Map.Entry<String, IHelpSectionRenderer> section : sections.entrySet()) {
      IHelpSectionRenderer unwrapped = section.getValue();
      if (section.getKey().equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
        section.setValue(help -> synopsis(unwrapped.render(help), heading));
      } else {
        section.setValue(help -> wrap(unwrapped.render(help)));
      }
    }
    cli.setHelpSectionMap(sections);
    for (CommandLine sub : cli.getSubcommands().values()) {
      apply(sub);
    }
  }

  /**
   * The synopsis ("nqpf run [-hV] ... [SCENARIO]", after a heading of {@code heading} characters)
   * wrapped at spaces, continuation lines under its first option, as picocli lays it out.
   */
  static String synopsis(String text, int heading) {
    String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
    String padded = " ".repeat(heading) + flat;
    int options = Math.max(heading, synopsisBody(padded));
    String wrapped = wrapLine(padded, heading, options);
    return wrapped.substring(heading) + System.lineSeparator();
  }

  /** {@code text} with every line longer than {@link #WIDTH} wrapped at spaces. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      int lineEnd = end < 0 ? text.length() : (end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      out.append(wrapLine(text.substring(start, lineEnd))).append(text, lineEnd, next);
      start = next;
    }
    return out.toString();
  }

  private static String wrapLine(String line) {
    String trimmed = line.stripTrailing();
    if (trimmed.length() <= WIDTH) {
      return line;
    }
    int body = bodyStart(trimmed);
    return wrapLine(trimmed, body, body > 0 ? body + 2 : 0);
  }

  /** {@code trimmed} wrapped at spaces from {@code body} on, continuation lines indented by {@code indent}. */
  private static String wrapLine(String trimmed, int body, int indent) {
    if (trimmed.length() <= WIDTH) {
      return trimmed;
    }
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(trimmed.substring(0, body));
    boolean empty = true;
    for (String word : trimmed.substring(body).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && current.length() + 1 + word.length() > WIDTH) {
        lines.add(current.toString());
        current = new StringBuilder(" ".repeat(indent));
        empty = true;
      }
      if (!empty) {
        current.append(' ');
      }
      current.append(word);
      empty = false;
    }
    lines.add(current.toString());
    return String.join(System.lineSeparator(), lines);
  }

  /**
   * Where a line's wrappable text starts: after the first gap of two or more spaces in a table
   * row (options, parameters, commands), else at the first character.
   */
  /** In a synopsis, where the options start: after "nqpf VERB ". */
  private static int synopsisBody(String line) {
    int bracket = line.indexOf(" [");
    int dash = line.indexOf(" -");
    int at = bracket < 0 ? dash : dash < 0 ? bracket : Math.min(bracket, dash);
    return at < 0 ? 0 : at + 1;
  }

  private static int bodyStart(String line) {
    int first = 0;
    while (first < line.length() && line.charAt(first) == ' ') {
      first++;
    }
    if (first == 0) {
      return 0;
    }
    int gap = line.indexOf("  ", first);
    if (gap < 0) {
      return first;
    }
    int body = gap;
    while (body < line.length() && line.charAt(body) == ' ') {
      body++;
    }
    return body;
  }
}
