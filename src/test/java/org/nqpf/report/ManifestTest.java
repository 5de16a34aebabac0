package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpf.config.Scenario;
import org.nqpf.config.ScenarioLoader;

class ManifestTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMAND = "run experiments/baseline.yaml --seed 42";

  @TempDir
  Path folder;

  private final Scenario scenario = Scenario.DEFAULT;

  @BeforeEach
  void fillFolder() throws IOException {
    Files.writeString(folder.resolve("config.yaml"), ScenarioLoader.toYaml(scenario), StandardCharsets.UTF_8);
    TimeSeriesCsv.write(TestSeries.sample(10, 2), folder.resolve("timeseries.csv"));
    Files.createDirectories(folder.resolve("charts"));
    Files.writeString(folder.resolve("charts/notes.txt"), "nested\n", StandardCharsets.UTF_8);
    Files.write(folder.resolve("B-upper.bin"), new byte[0]);
  }

  private static String digest(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private JsonNode writeAndRead() throws IOException {
    Manifest.write(folder, scenario, COMMAND);
    return JSON.readTree(folder.resolve("manifest.json").toFile());
  }

  @Test
  void listsEveryOtherFileSortedWithSizeAndSha256() throws Exception {
    JsonNode files = writeAndRead().get("files");
    List<String> names = new ArrayList<>();
    for (JsonNode entry : files) {
      String name = entry.get("name").asText();
      names.add(name);
      byte[] bytes = Files.readAllBytes(folder.resolve(name));
      assertThat(entry.get("bytes").asLong()).as(name).isEqualTo(bytes.length);
      assertThat(entry.get("sha256").asText()).as(name).isEqualTo(digest(bytes));
    }
    assertThat(names).containsExactly("B-upper.bin", "charts/notes.txt", "config.yaml", "timeseries.csv");
    assertThat(names).doesNotContain("manifest.json");
  }

  @Test
  void rewritingExcludesTheExistingManifestAndDiffersOnlyInTheFinishTime() throws IOException {
    Manifest.write(folder, scenario, COMMAND);
    String first = Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8);
    Manifest.write(folder, scenario, COMMAND);
    String second = Files.readString(folder.resolve("manifest.json"), StandardCharsets.UTF_8);
    assertThat(withoutFinish(second)).isEqualTo(withoutFinish(first));
    assertThat(first).doesNotContain("manifest.json").doesNotContain("\r").endsWith("}\n");
    assertThat(withoutFinish(Manifest.toJson(folder, scenario, COMMAND, Manifest.CONFIG_FILE_NAME))).isEqualTo(withoutFinish(first));
  }

  private static String withoutFinish(String manifest) {
    return manifest.replaceAll("\"finished\": \"[^\"]*\"", "");
  }

  @Test
  void recordsTheCommitAndWhenTheRunStartedAndFinished() throws IOException {
    JsonNode root = writeAndRead();
    assertThat(root.get("git").get("commit").asText()).matches("[0-9a-f]{40}|dev");
    assertThat(root.get("git").get("dirty").asText()).isIn("true", "false", "dev");
    java.time.Instant started = java.time.Instant.parse(root.get("started").asText());
    java.time.Instant finished = java.time.Instant.parse(root.get("finished").asText());
    assertThat(started).isBeforeOrEqualTo(finished);
  }

  @Test
  void changesWhenAFileChanges() throws IOException {
    JsonNode before = writeAndRead();
    Files.writeString(folder.resolve("timeseries.csv"), "changed\n", StandardCharsets.UTF_8);
    JsonNode after = writeAndRead();
    assertThat(after).isNotEqualTo(before);
    assertThat(entry(after, "timeseries.csv").get("sha256")).isNotEqualTo(entry(before, "timeseries.csv").get("sha256"));
    assertThat(entry(after, "timeseries.csv").get("bytes").asLong()).isEqualTo(8);
    assertThat(entry(after, "config.yaml")).isEqualTo(entry(before, "config.yaml"));
  }

  @Test
  void recordsToolJavaOsDependenciesConfigSeedAndCommand() throws IOException {
    JsonNode root = writeAndRead();
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("tool", "git", "started", "finished", "java", "os", "dependencies", "config", "seed",
        "command", "files");
    assertThat(root.get("tool").get("name").asText()).isEqualTo("nqpf");
    assertThat(root.get("tool").get("version").asText()).isNotBlank().doesNotContain("${");
    assertThat(root.get("java").get("version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(root.get("java").get("vendor").asText()).isEqualTo(System.getProperty("java.vendor"));
    assertThat(root.get("os").get("name").asText()).isEqualTo(System.getProperty("os.name"));
    assertThat(root.get("os").get("arch").asText()).isEqualTo(System.getProperty("os.arch"));
    List<String> deps = new ArrayList<>();
    root.get("dependencies").fieldNames().forEachRemaining(deps::add);
    assertThat(deps).containsExactly("mason", "commons-math3", "jackson", "jfreechart", "jcommon", "picocli", "progressbar", "duckdb");
    root.get("dependencies").forEach(v -> assertThat(v.asText()).isNotBlank().doesNotContain("${"));
    assertThat(root.get("config").get("file").asText()).isEqualTo("config.yaml");
    assertThat(root.get("config").get("sha256").asText()).isEqualTo(ScenarioLoader.hash(scenario));
    assertThat(root.get("seed").asLong()).isEqualTo(scenario.seed());
    assertThat(root.get("command").asText()).isEqualTo(COMMAND);
  }

  @Test
  void versionsComeFromTheFilteredBuildInfoOrFallBackToDev() {
    String version = Manifest.buildInfo("version");
    assertThat(version).doesNotContain("${");
    assertThat(Manifest.buildInfo("no-such-key")).isEqualTo("dev");
    if (!version.equals("dev")) {
      assertThat(Manifest.buildInfo("jfreechart")).isEqualTo("1.0.19");
    }
  }

  @Test
  void sha256OfKnownContent() throws IOException {
    Path abc = folder.resolve("abc.txt");
    Files.writeString(abc, "abc", StandardCharsets.US_ASCII);
    assertThat(Manifest.sha256(abc)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void aMissingConfigFileIsRefused() throws IOException {
    Files.delete(folder.resolve("config.yaml"));
    assertThatThrownBy(() -> Manifest.write(folder, scenario, COMMAND))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("config.yaml");
    assertThat(folder.resolve("manifest.json")).doesNotExist();
  }

  private static JsonNode entry(JsonNode manifest, String name) {
    for (JsonNode e : manifest.get("files")) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("no entry " + name);
  }
}
