package org.nqpf.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.nqpf.cli.RunCommandTest;
import org.nqpf.report.RunWriter;

/**
 * Hostile inputs to {@code run}: random mutations of {@code experiments/baseline.yaml} (deleted
 * keys, swapped types, NaN and infinities, huge and negative numbers, unknown and duplicate keys,
 * deep nesting, truncation, random bytes) and small valid scenarios. Every one must end either in a
 * clean refusal (exit 2, one line on stderr naming a key path or the file, no stack trace, nothing
 * written) or in a complete run (exit 0, all output files): never exit 1, a stack trace or a
 * partial results folder.
 */
class HostileConfigPropertyTest {
  private static final Path BASELINE = Path.of("experiments", "baseline.yaml");
  private static final String PREFIX = "error: invalid configuration: ";
  /** A dotted key path at the start of a refusal, e.g. {@code firms.count: } or {@code policy.timeline[0].step: }. */
  /** A key path: dotted segments, each a plain key or a quoted one, with list indexes. */
  private static final Pattern KEY_PATH = Pattern.compile(
      "^(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s:.\\[\\]\"]+)(\\[\\d+])*(\\.(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s:.\\[\\]\"]+)(\\[\\d+])*)*: ");
  /** A refusal of the file as a whole that says where in the file the fault is. */
  private static final Pattern WHOLE_FILE = Pattern.compile(
      "^(malformed (YAML|JSON) at line \\d+, column \\d+: |a second (YAML document|JSON value) starts at line \\d+, column \\d+"
          + "|the scenario is .*; expected a mapping)");
  private static final Pattern LEAF = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*): (\\S.*)$");
  private static final Pattern HEADER = Pattern.compile("^( *)([A-Za-z][A-Za-z0-9]*):\\s*$");

  /** Longest a small valid run may take (they take well under a second). */
  private static final int RUN_LIMIT_SECONDS = 20;
  private static final List<String> BASE_LINES = readBaseline();
  private static int runs;
  private static int refusals;
  private static long started;

  /** One generated scenario file: its bytes, the extension it is saved under and how it was made. */
  record Case(String description, byte[] bytes, String extension) {
    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return description + " [" + extension + ", " + bytes.length + " bytes]:\n"
          + (text.length() > 1500 ? text.substring(0, 1500) + "\n...(cut)" : text);
    }
  }


  @Property(tries = 600, seed = "20240611", shrinking = ShrinkingMode.OFF)
  void runEitherRefusesCleanlyOrWritesEveryFile(@ForAll("scenarios") Case scenario) throws IOException {
    if (started == 0) {
      started = System.nanoTime();
    }
    Path dir = Files.createTempDirectory("hostile-");
    try {
      Path file = dir.resolve("scenario" + scenario.extension());
      Files.write(file, scenario.bytes());
      Path out = dir.resolve("out");
      RunCommandTest.Outcome outcome = executeWithin(RUN_LIMIT_SECONDS, scenario, "run", file.toString(), "--out", out.toString(), "--quiet");
      String err = outcome.err();
      assertThat(err).as("stderr of %s", scenario).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(outcome.exitCode()).as("exit code; stderr: %s; input: %s", err, scenario).isIn(0, 2);
      List<Path> left;
      try (Stream<Path> files = Files.list(dir)) {
        left = files.sorted().toList();
      }
      if (outcome.exitCode() == 2) {
        refusals++;
        assertThat(err).as("stderr of a refusal of %s", scenario).endsWith("\n");
        String line = err.substring(0, err.length() - 1);
        assertThat(line).as("one line: %s", scenario).doesNotContain("\n").doesNotContain("\r");
        assertThat(line).as("refusal of %s", scenario).startsWith(PREFIX);
        String message = line.substring(PREFIX.length());
        boolean namesKey = KEY_PATH.matcher(message).find();
        boolean namesFile = message.contains(file.toString());
        boolean placesFault = WHOLE_FILE.matcher(message).find();
        assertThat(namesKey || namesFile || placesFault)
            .as("the refusal names a key path or the file: %s; input: %s", line, scenario).isTrue();
        assertThat(left).as("nothing written for %s; stderr: %s", scenario, err).containsExactly(file);
      } else {
        runs++;
        assertThat(err).as("stderr of a run of %s", scenario).isEmpty();
        assertThat(left).as("only the results folder for %s", scenario).containsExactlyInAnyOrder(file, out);
        for (String name : RunWriter.FILES) {
          assertThat(out.resolve(name)).as("%s of %s", name, scenario).isNotEmptyFile();
        }
        try (Stream<Path> files = Files.list(out)) {
          assertThat(files.count()).as("files in the results folder").isEqualTo(RunWriter.FILES.size());
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  @AfterContainer
  static void report() {
    System.out.printf("HostileConfigPropertyTest: %d runs, %d refusals, %.1f s%n", runs, refusals,
        (System.nanoTime() - started) / 1e9);
  }

  @Provide
  Arbitrary<Case> scenarios() {
    return Arbitraries.randomValue(HostileConfigPropertyTest::generate);
  }

  // ---------------------------------------------------------------------------------------------
  // Generation

  /** The mutable lines of a scenario, with the sizes forced small; keys that the mutations must not delete are noted. */
  private static Case generate(Random random) {
    List<String> lines = small(random);
    StringBuilder description = new StringBuilder("small baseline");
    int kind = random.nextInt(100);
    if (kind < 15) {
      validTweaks(random, lines, description);
      return yaml(description, lines);
    }
    if (kind < 22) {
      return bytesCase(random, lines, description);
    }
    if (kind < 27) {
      return jsonCase(random, lines, description);
    }
    int mutations = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
    for (int i = 0; i < mutations; i++) {
      mutate(random, lines, description);
    }
    return yaml(description, lines);
  }

  private static Case yaml(StringBuilder description, List<String> lines) {
    return new Case(description.toString(), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), ".yaml");
  }

  /** The baseline with steps, burnIn, firms.count and universities.count small, so that a valid run is fast. */
  private static List<String> small(Random random) {
    List<String> lines = new ArrayList<>(BASE_LINES);
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher header = HEADER.matcher(line);
      if (header.matches() && header.group(1).isEmpty()) {
        section = header.group(2);
      }
      if (line.startsWith("steps: ")) {
        lines.set(i, "steps: " + (1 + random.nextInt(5)));
      } else if (line.startsWith("burnIn: ")) {
        lines.set(i, "burnIn: " + random.nextInt(4));
      } else if (section.equals("firms") && line.equals("  count: 1000")) {
        lines.set(i, "  count: " + (1 + random.nextInt(60)));
      } else if (section.equals("universities") && line.equals("  count: 10")) {
        lines.set(i, "  count: " + random.nextInt(3));
      }
    }
    return lines;
  }

  /** Whether the line sets one of the forced sizes (never deleted, so that defaults cannot make a run slow). */
  private static boolean isSize(List<String> lines, int index) {
    String line = lines.get(index);
    if (line.startsWith("steps:") || line.startsWith("burnIn:")) {
      return true;
    }
    if (!line.startsWith("  count:")) {
      return false;
    }
    for (int i = index - 1; i >= 0; i--) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (header.matches() && header.group(1).isEmpty()) {
        return header.group(2).equals("firms") || header.group(2).equals("universities");
      }
    }
    return false;
  }

  private static List<Integer> indexes(List<String> lines, Pattern pattern, boolean sizesToo) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (pattern.matcher(lines.get(i)).matches() && (sizesToo || !isSize(lines, i))) {
        found.add(i);
      }
    }
    return found;
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static String pick(Random random, String... items) {
    return items[random.nextInt(items.length)];
  }

  /** Changes that keep the scenario valid: seed, mechanisms, probabilities, deleted keys (defaults). */
  private static void validTweaks(Random random, List<String> lines, StringBuilder description) {
    int tweaks = 1 + random.nextInt(4);
    for (int t = 0; t < tweaks; t++) {
      switch (random.nextInt(5)) {
        case 0 -> replaceLeaf(lines, "seed", "seed: " + random.nextInt(1_000_000), description);
        case 1 -> replaceLeaf(lines, "  finance", "  finance: " + pick(random, "CREDIT", "INTERNAL_FUNDS"), description);
        case 2 -> replaceLeaf(lines, "  talent", "  talent: " + pick(random, "MARKET", "FREE_HIRING"), description);
        case 3 -> replaceLeaf(lines, "  " + pick(random, "taxRate", "iprProtection", "marketUnification", "aiInfrastructure"),
            null, random.nextInt(11) / 10.0, description);
        default -> {
          List<Integer> leaves = indexes(lines, LEAF, false);
          leaves.removeIf(i -> lines.get(i).startsWith("name:"));
          int i = pick(random, leaves);
          description.append("; delete line ").append(i + 1).append(" '").append(lines.get(i)).append('\'');
          lines.remove(i);
        }
      }
    }
  }

  private static void replaceLeaf(List<String> lines, String keyPrefix, String replacement, StringBuilder description) {
    replaceLeaf(lines, keyPrefix, replacement, Double.NaN, description);
  }

  private static void replaceLeaf(List<String> lines, String keyPrefix, String replacement, double value,
      StringBuilder description) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(keyPrefix + ": ")) {
        String now = replacement != null ? replacement : keyPrefix + ": " + value;
        description.append("; set '").append(now).append('\'');
        lines.set(i, now);
        return;
      }
    }
  }

  private static final String[] HUGE = {"1e12", "2147483648", "9223372036854775808", "1e308", "1e400",
      "99999999999999999999999999", "1000001", "10000001", "0x7fffffff", "1_000_000_000"};
  private static final String[] NEGATIVE = {"-1", "-0.5", "-2147483649", "-1e12", "-0", "-0.0"};
  private static final String[] NON_FINITE = {".nan", ".NaN", ".inf", "-.inf", "+.inf", ".Inf", ".INF"};
  private static final String[] TEXT = {"\"12\"", "many", "''", "\"\"", "true", "false", "yes", "~", "null", "0.1.2",
      "\"\\u0000\"", "\"é中\"", "2024-01-01", "!!binary aGVsbG8=", "!!float 3", "!!str 3", "!!set {a, b}", "|\n  block"};

  private static void mutate(Random random, List<String> lines, StringBuilder description) {
    List<Integer> leaves = indexes(lines, LEAF, true);
    List<Integer> headers = indexes(lines, HEADER, true);
    int what = random.nextInt(13);
    switch (what) {
      case 0 -> { // key deletion (a leaf that is not a size, or a whole section header)
        List<Integer> deletable = indexes(lines, LEAF, false);
        if (random.nextInt(4) == 0) {
          deletable = headers;
        }
        int i = pick(random, deletable);
        description.append("; delete line ").append(i + 1).append(" '").append(lines.get(i)).append('\'');
        lines.remove(i);
      }
      case 1 -> setLeaf(random, lines, leaves, pick(random, TEXT), "text", description);
      case 2 -> setLeaf(random, lines, leaves, pick(random, "[1, 2]", "[]", "[0.5]", "{}", "{a: 1}", "[[1]]"),
          "list/mapping", description);
      case 3 -> { // mapping -> number / text / list: the section body is dropped
        int i = pick(random, headers);
        Matcher m = HEADER.matcher(lines.get(i));
        m.matches();
        String value = pick(random, "5", "0.5", "-3", "text", "[1, 2]", "~", ".nan");
        int end = i + 1;
        while (end < lines.size() && (lines.get(end).startsWith(m.group(1) + " ") || lines.get(end).isBlank())) {
          end++;
        }
        description.append("; section at line ").append(i + 1).append(" '").append(m.group(2)).append("' -> ").append(value);
        lines.subList(i + 1, end).clear();
        lines.set(i, m.group(1) + m.group(2) + ": " + value);
      }
      case 4 -> setLeaf(random, lines, leaves, pick(random, NON_FINITE), "non-finite", description);
      case 5 -> setLeaf(random, lines, leaves, pick(random, HUGE), "huge", description);
      case 6 -> setLeaf(random, lines, leaves, pick(random, NEGATIVE), "negative", description);
      case 7 -> { // unknown key, at the top level or in a section
        int i = random.nextInt(lines.size() + 1);
        String indent = i > 0 && i <= lines.size() && lines.get(i - 1).startsWith("  ") ? "  " : "";
        String key = pick(random, "cuont", "bogus", "Count", "count ", "firms_count", "a.b", "\"\"", "'x y'", "steps2",
            "timeline", "name", "seed", "x");
        String line = indent + key + ": " + pick(random, "1", "0.5", "text", "{a: 1}", "[1]");
        description.append("; insert at line ").append(i + 1).append(" '").append(line).append('\'');
        lines.add(i, line);
      }
      case 8 -> { // duplicate key
        int i = pick(random, random.nextBoolean() ? leaves : headers);
        int at = i + 1 + (random.nextBoolean() ? 0 : random.nextInt(3));
        at = Math.min(at, lines.size());
        description.append("; duplicate line ").append(i + 1).append(" '").append(lines.get(i)).append("' at ")
            .append(at + 1);
        lines.add(at, lines.get(i));
      }
      case 9 -> { // deep nesting
        int depth = pick(random, List.of(2, 10, 49, 50, 51, 100, 1000, 5000, 20000));
        String value = switch (random.nextInt(3)) {
          case 0 -> "[".repeat(depth) + "1" + "]".repeat(depth);
          case 1 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
          default -> "[".repeat(depth);
        };
        setLeaf(random, lines, leaves, value, "nesting " + depth, description);
      }
      case 10 -> { // block-style deep nesting in place of a section body
        int depth = pick(random, List.of(3, 30, 60, 300));
        int i = pick(random, headers);
        StringBuilder nest = new StringBuilder();
        for (int d = 1; d <= depth; d++) {
          nest.append("\n").append("  ".repeat(d)).append("k").append(d).append(':');
        }
        nest.append(" 1");
        description.append("; block nesting ").append(depth).append(" after line ").append(i + 1);
        lines.add(i + 1, nest.substring(1));
      }
      case 11 -> { // truncation at a random byte (after the size keys, so that no default makes the run slow)
        String text = String.join("\n", lines) + "\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int from = afterSizes(lines);
        int cut = from + random.nextInt(Math.max(1, bytes.length - from));
        String cutText = new String(bytes, 0, Math.min(cut, bytes.length), StandardCharsets.UTF_8);
        description.append("; truncate at byte ").append(cut);
        lines.clear();
        lines.addAll(List.of(cutText.split("\n", -1)));
      }
      default -> { // YAML oddities in place of a value
        setLeaf(random, lines, leaves, pick(random, "*anchor", "&a 1", "&a [1]\nx: *a", "!!python/object:x {}",
            "!custom 1", "%YAML 1.1", "--- 1", "...", "? complex key", "[1, 2", "{a: 1", "\"unterminated",
            "'unterminated", "1 # comment", "\t1", "@x", "`x", "|", ">"), "yaml oddity", description);
      }
    }
  }

  private static void setLeaf(Random random, List<String> lines, List<Integer> leaves, String value, String kind,
      StringBuilder description) {
    int i = pick(random, leaves);
    Matcher m = LEAF.matcher(lines.get(i));
    m.matches();
    String line = m.group(1) + m.group(2) + ": " + value;
    description.append("; ").append(kind).append(": line ").append(i + 1).append(" '").append(m.group(2)).append(": ")
        .append(value.length() > 60 ? value.substring(0, 60) + "..." : value).append('\'');
    lines.set(i, line);
  }

  /** The byte offset just after the last size line. */
  private static int afterSizes(List<String> lines) {
    int offset = 0;
    int after = 0;
    for (int i = 0; i < lines.size(); i++) {
      offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
      if (isSize(lines, i)) {
        after = offset;
      }
    }
    return after;
  }

  /** Random bytes: a whole file of them, or some bytes of the scenario overwritten (after the sizes). */
  private static Case bytesCase(Random random, List<String> lines, StringBuilder description) {
    byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes;
    switch (random.nextInt(4)) {
      case 0 -> {
        bytes = new byte[8 + random.nextInt(200)];
        random.nextBytes(bytes);
        description.setLength(0);
        description.append("random bytes");
      }
      case 1 -> {
        bytes = text.clone();
        int from = afterSizes(lines);
        int n = 1 + random.nextInt(8);
        for (int k = 0; k < n; k++) {
          bytes[from + random.nextInt(bytes.length - from)] = (byte) random.nextInt(256);
        }
        description.append("; ").append(n).append(" random bytes overwritten");
      }
      case 2 -> {
        byte[] prefix = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[][] choices = {prefix, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xFF, (byte) 0xFE}, {0}, {(byte) 0xC3}, {(byte) 0x80}};
        byte[] start = choices[random.nextInt(choices.length)];
        bytes = new byte[start.length + text.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy(text, 0, bytes, start.length, text.length);
        description.append("; leading bytes ").append(java.util.HexFormat.of().formatHex(start));
      }
      default -> {
        int from = afterSizes(lines);
        int cut = from + random.nextInt(text.length - from);
        bytes = java.util.Arrays.copyOf(text, cut + 1 + random.nextInt(20));
        for (int k = cut; k < bytes.length; k++) {
          bytes[k] = (byte) random.nextInt(256);
        }
        description.append("; truncated at byte ").append(cut).append(" and random bytes appended");
      }
    }
    return new Case(description.toString(), bytes, ".yaml");
  }

  /** The same scenario as JSON, sometimes broken; or JSON's NaN/Infinity. */
  private static Case jsonCase(Random random, List<String> lines, StringBuilder description) {
    String small = String.join("\n", lines);
    String json = "{\"steps\": " + value(small, "steps") + ", \"burnIn\": " + value(small, "burnIn")
        + ", \"firms\": {\"count\": " + (1 + random.nextInt(60)) + "}, \"universities\": {\"count\": " + random.nextInt(3)
        + "}";
    String extra = pick(random, "", ", \"policy\": {\"taxRate\": NaN}", ", \"policy\": {\"taxRate\": Infinity}",
        ", \"policy\": {\"taxRate\": -Infinity}", ", \"seed\": 1e12", ", \"seed\": 9223372036854775808",
        ", \"steps\": 2", ", \"firms\": 5", ", \"x\": [1,", ", \"policy\": {\"timeline\": [{\"step\": 1}]}",
        ", \"policy\": {\"timeline\": [{\"step\": 1, \"lever\": \"taxRate\", \"value\": 0.3}]}", ", \"name\": null",
        ", \"region\": {\"width\": 10, \"height\": 10}", "}{", ", \"a\": " + "[".repeat(3000));
    String text = json + extra + "}";
    if (random.nextInt(4) == 0) {
      text = text.substring(0, 1 + random.nextInt(text.length() - 1));
    }
    description.setLength(0);
    description.append("json: ").append(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    return new Case(description.toString(), text.getBytes(StandardCharsets.UTF_8), ".json");
  }

  private static String value(String yaml, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + ": (\\S+)$").matcher(yaml);
    return m.find() ? m.group(1) : "1";
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> readBaseline() {
    try {
      return Files.readAllLines(BASELINE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the command on a daemon thread; a run that does not end within the limit fails the property. */
  private static RunCommandTest.Outcome executeWithin(int seconds, Case scenario, String... args) {
    java.util.concurrent.FutureTask<RunCommandTest.Outcome> task = new java.util.concurrent.FutureTask<>(() -> RunCommandTest.execute(args));
    Thread thread = new Thread(task, "hostile-run");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(seconds, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no result within " + seconds + " s (a small scenario must end quickly): " + scenario);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the command threw " + e.getCause() + " for " + scenario, e.getCause());
    }
  }


  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
