package org.nqpf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.nqpf.cli.RunCommandTest.Outcome;

/**
 * {@code --out} pointed at random existing folders of random user files (some with a manifest.json
 * of another tool, or of nqpf listing only some of the files): every file is intact afterwards, and
 * the command is refused unless the folder held no file at all.
 */
class OutputFolderPropertyTest {

  /** A folder to make: relative file names and contents, and a manifest to add, if any. */
  record UserFolder(Map<String, String> files, String manifest) {
    @Override
    public String toString() {
      return files.keySet() + (manifest == null ? "" : " + manifest.json " + manifest);
    }
  }

  @Property(tries = 25, seed = "20261203", shrinking = ShrinkingMode.OFF)
  void everyUserFileIsIntactWhateverTheCommand(@ForAll("folders") UserFolder folder, @ForAll("commands") String command)
      throws IOException {
    Path dir = Files.createTempDirectory("user-files-");
    try {
      Files.createDirectories(dir.resolve("input"));
      Path scenario = Files.writeString(dir.resolve("input/tiny.yaml"), SafeOutputTest.TINY, StandardCharsets.UTF_8);
      Path experiment = Files.writeString(dir.resolve("input/small.yaml"), SafeOutputTest.TINY_EXPERIMENT);
      Path out = dir.resolve("out");
      Files.createDirectories(out);
      for (Map.Entry<String, String> file : folder.files().entrySet()) {
        Path path = out.resolve(file.getKey());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      }
      if (folder.manifest() != null) {
        Files.writeString(out.resolve("manifest.json"), folder.manifest(), StandardCharsets.UTF_8);
      }
      Map<String, String> before = SafeOutputTest.tree(dir);
      Outcome outcome = switch (command) {
        case "run" -> RunCommandTest.execute("run", scenario.toString(), "--out", out.toString(), "--quiet");
        case "validate" -> RunCommandTest.execute("validate", scenario.toString(), "--replications", "2", "--threads", "1",
            "--out", out.toString(), "--quiet");
        default -> RunCommandTest.execute("sweep", experiment.toString(), "--threads", "1", "--out", out.toString(), "--quiet");
      };
      Map<String, String> after = SafeOutputTest.tree(dir);
      boolean hadFiles = !folder.files().isEmpty() || folder.manifest() != null;
      if (hadFiles) {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: cannot write results to " + out);
        assertThat(after).isEqualTo(before);
      } else {
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        before.keySet().removeIf(name -> name.startsWith("out"));
        after.keySet().removeIf(name -> name.startsWith("out"));
        assertThat(after).isEqualTo(before);
      }
      // (a user's file may be called run.partial: only the command's own working folder must be gone)
      assertThat(dir.resolve("out.partial")).doesNotExist();
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> commands() {
    return Arbitraries.of("run", "run", "run", "sweep", "validate");
  }

  @Provide
  Arbitrary<UserFolder> folders() {
    return Arbitraries.randomValue(OutputFolderPropertyTest::folder);
  }

  private static final String[] NAMES = {"thesis.tex", "data.csv", "notes.md", "config.yaml", "timeseries.csv",
      "summary.json", "report.html", ".hidden", "run.partial", "charts", "a b.txt", "manifest.json.bak", "innovations.png"};

  private static UserFolder folder(Random random) {
    Map<String, String> files = new java.util.TreeMap<>();
    int count = random.nextInt(6); // 0 files: an empty folder, which may be written
    for (int i = 0; i < count; i++) {
      StringBuilder name = new StringBuilder();
      int depth = random.nextInt(3);
      for (int d = 0; d < depth; d++) {
        name.append(NAMES[random.nextInt(NAMES.length)]).append("-dir").append('/');
      }
      name.append(NAMES[random.nextInt(NAMES.length)]);
      byte[] content = new byte[random.nextInt(200)];
      random.nextBytes(content);
      files.put(name.toString(), new String(content, StandardCharsets.ISO_8859_1));
    }
    String manifest = null;
    int kind = random.nextInt(4);
    if (kind == 1) {
      manifest = "{\"tool\": {\"name\": \"other\"}, \"files\": []}";
    } else if (kind == 2 && !files.isEmpty()) {
      // nqpf's manifest listing all the files but one: the one left out is the user's.
      List<String> listed = new ArrayList<>(files.keySet());
      listed.remove(random.nextInt(listed.size()));
      StringBuilder json = new StringBuilder("{\"tool\": {\"name\": \"nqpf\"}, \"files\": [");
      for (int i = 0; i < listed.size(); i++) {
        json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(listed.get(i)).append("\"}");
      }
      manifest = json.append("]}").toString();
    }
    return new UserFolder(files, manifest);
  }
}
