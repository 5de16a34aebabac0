package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFolderTest {

  @TempDir
  Path parent;

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A manifest of this program's that lists {@code files}, as run and sweep write one. */
  static void manifest(Path folder, String... files) throws IOException {
    StringBuilder json = new StringBuilder("{\"tool\": {\"name\": \"nqpf\"}, \"files\": [");
    for (int i = 0; i < files.length; i++) {
      json.append(i == 0 ? "" : ", ").append("{\"name\": \"").append(files[i]).append("\"}");
    }
    write(folder.resolve("manifest.json"), json.append("]}\n").toString());
  }

  @Test
  void commitMovesTheTemporaryFolderIntoPlace() throws IOException {
    Path target = parent.resolve("run");
    try (ResultsFolder out = ResultsFolder.create(target)) {
      Path dir = out.directory();
      assertThat(dir.getParent()).isEqualTo(target.toAbsolutePath().normalize().getParent());
      assertThat(dir.getFileName().toString()).isEqualTo("run.partial");
      write(out.file("a.txt"), "hello\n");
      assertThat(target).doesNotExist();
      assertThat(out.commit()).isEqualTo(target.toAbsolutePath().normalize());
    }
    assertThat(target.resolve("a.txt")).hasContent("hello");
    assertThat(names(parent)).containsExactly("run");
  }

  @Test
  void commitReplacesAnExistingFolder() throws IOException {
    Path target = parent.resolve("run");
    Files.createDirectories(target.resolve("nested"));
    write(target.resolve("old.txt"), "old");
    write(target.resolve("nested/deep.txt"), "old");
    manifest(target, "old.txt", "nested/deep.txt");
    try (ResultsFolder out = ResultsFolder.create(target)) {
      write(out.file("new.txt"), "new");
      assertThat(target.resolve("old.txt")).exists();
      out.commit();
    }
    assertThat(names(target)).containsExactly("new.txt");
    assertThat(names(parent)).containsExactly("run");
  }

  @Test
  void abortLeavesNothingBehind() throws IOException {
    Path target = parent.resolve("run");
    ResultsFolder out = ResultsFolder.create(target);
    write(out.file("a.txt"), "x");
    write(out.file("sub/b.txt"), "y");
    out.abort();
    assertThat(names(parent)).isEmpty();
    out.abort();
    assertThatThrownBy(() -> out.file("c.txt")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(out::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeWithoutCommitDeletesTheTemporaryFolderAndKeepsTheOldOne() throws IOException {
    Path target = parent.resolve("run");
    Files.createDirectories(target);
    write(target.resolve("old.txt"), "old");
    manifest(target, "old.txt");
    try (ResultsFolder out = ResultsFolder.create(target)) {
      write(out.file("new.txt"), "new");
    }
    assertThat(names(parent)).containsExactly("run");
    assertThat(names(target)).containsExactly("manifest.json", "old.txt");
  }

  @Test
  void closeAfterCommitKeepsTheResults() throws IOException {
    Path target = parent.resolve("run");
    ResultsFolder out = ResultsFolder.create(target);
    write(out.file("a.txt"), "x");
    out.commit();
    out.close();
    out.abort();
    assertThat(names(target)).containsExactly("a.txt");
    assertThatThrownBy(() -> out.file("b.txt")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRegularFileAtTheTargetIsRefusedWithItsPath() throws IOException {
    Path target = parent.resolve("run");
    write(target, "I am a file");
    assertThatThrownBy(() -> ResultsFolder.create(target))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining(target.toAbsolutePath().normalize().toString())
        .hasMessageContaining("not a folder");
    assertThat(names(parent)).containsExactly("run");
    assertThat(target).hasContent("I am a file");
  }

  @Test
  void aParentThatCannotBeCreatedIsRefused() throws IOException {
    Path blocker = parent.resolve("blocker");
    write(blocker, "file");
    assertThatThrownBy(() -> ResultsFolder.create(blocker.resolve("run")))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining(blocker.toString());
  }

  @Test
  void aMissingParentIsCreated() throws IOException {
    Path target = parent.resolve("results/deeper/run");
    try (ResultsFolder out = ResultsFolder.create(target)) {
      write(out.file("a.txt"), "x");
      out.commit();
    }
    assertThat(target.resolve("a.txt")).exists();
  }

  @Test
  void aReadOnlyParentIsRefused() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path readOnly = parent.resolve("ro");
    Files.createDirectory(readOnly);
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeTrue(!Files.isWritable(readOnly), "running with privileges that ignore permissions");
      assertThatThrownBy(() -> ResultsFolder.create(readOnly.resolve("run")))
          .isInstanceOf(OutputException.class)
          .hasMessageContaining(readOnly.toString())
          .hasMessageContaining("not writable");
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void fileNamesMustStayInsideTheFolder() throws IOException {
    try (ResultsFolder out = ResultsFolder.create(parent.resolve("run"))) {
      assertThatThrownBy(() -> out.file("../escape.txt")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> out.file(parent.resolve("abs.txt").toString())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> out.file("")).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> out.file(".")).isInstanceOf(IllegalArgumentException.class);
      Path nested = out.file("charts/innovations.png");
      assertThat(nested.getParent()).isDirectory();
      assertThat(nested.startsWith(out.directory())).isTrue();
    }
    assertThat(names(parent)).isEmpty();
  }

  @Test
  void writeAtomicallyWritesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
    Path file = parent.resolve("sub/out.txt");
    ResultsFolder.writeAtomically(file, "first\n".getBytes(StandardCharsets.UTF_8));
    assertThat(file).hasContent("first");
    ResultsFolder.writeAtomically(file, "second\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(file)).isEqualTo("second\n");
    assertThat(names(parent.resolve("sub"))).containsExactly("out.txt");
  }

  @Test
  void writeAtomicallyRefusesAFolderAtTheTarget() throws IOException {
    Path dir = parent.resolve("dir");
    Files.createDirectory(dir);
    assertThatThrownBy(() -> ResultsFolder.writeAtomically(dir, new byte[] {1}))
        .isInstanceOf(OutputException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void aFolderOfUserFilesIsRefusedAndKeptWhole() throws IOException {
    Path target = parent.resolve("thesis");
    Files.createDirectories(target.resolve("sub"));
    write(target.resolve("thesis.tex"), "chapter 1");
    write(target.resolve("sub/data.csv"), "1,2");
    assertThatThrownBy(() -> ResultsFolder.create(target)).isInstanceOf(OutputException.class)
        .hasMessageStartingWith("cannot write results to " + target.toAbsolutePath().normalize() + ": it is not empty and not"
            + " a results folder written by nqpf").hasMessageContaining("sub/data.csv, thesis.tex");
    assertThat(target.resolve("thesis.tex")).hasContent("chapter 1");
    assertThat(names(parent)).containsExactly("thesis");
  }

  @Test
  void anEmptyFolderIsReplaced() throws IOException {
    Path target = parent.resolve("empty");
    Files.createDirectories(target.resolve("only-folders"));
    try (ResultsFolder out = ResultsFolder.create(target)) {
      write(out.file("a.txt"), "x");
      out.commit();
    }
    assertThat(names(target)).containsExactly("a.txt");
  }

  @Test
  void aFileTheManifestDoesNotListKeepsTheFolder() throws IOException {
    Path target = parent.resolve("run");
    Files.createDirectories(target);
    write(target.resolve("timeseries.csv"), "t");
    write(target.resolve("notes.txt"), "mine");
    manifest(target, "timeseries.csv");
    assertThatThrownBy(() -> ResultsFolder.create(target)).isInstanceOf(OutputException.class)
        .hasMessageContaining("it holds 1 file that its manifest does not list (notes.txt)");
    assertThat(names(target)).containsExactly("manifest.json", "notes.txt", "timeseries.csv");
  }

  @Test
  void aManifestOfAnotherToolIsNotEnough() throws IOException {
    Path target = parent.resolve("other");
    Files.createDirectories(target);
    write(target.resolve("data.csv"), "d");
    write(target.resolve("manifest.json"), "{\"tool\": {\"name\": \"other\"}, \"files\": [{\"name\": \"data.csv\"}]}");
    assertThatThrownBy(() -> ResultsFolder.create(target)).isInstanceOf(OutputException.class)
        .hasMessageContaining("not a results folder written by nqpf");
    write(target.resolve("manifest.json"), "not json at all");
    assertThatThrownBy(() -> ResultsFolder.create(target)).isInstanceOf(OutputException.class)
        .hasMessageContaining("not a results folder written by nqpf");
  }

  @Test
  void theInputsFolderAndTheFoldersAboveItAreRefused() throws IOException {
    Path input = parent.resolve("project/scenarios/ok.yaml");
    Files.createDirectories(input.getParent());
    write(input, "seed: 1");
    for (Path out : List.of(input.getParent(), parent.resolve("project"), parent)) {
      assertThatThrownBy(() -> ResultsTarget.check(out, input)).isInstanceOf(OutputException.class)
          .hasMessageContaining("it holds the input " + input);
    }
    assertThat(ResultsTarget.check(parent.resolve("project/results"), input)).isNotNull();
    assertThat(input).hasContent("seed: 1");
  }

  @Test
  void aPartialFolderThatNqpfDidNotMakeIsRefused() throws IOException {
    Path target = parent.resolve("run");
    Files.createDirectories(parent.resolve("run.partial"));
    write(parent.resolve("run.partial/draft.txt"), "mine");
    assertThatThrownBy(() -> ResultsFolder.create(target)).isInstanceOf(OutputException.class)
        .hasMessageContaining("run.partial exists and was not made by nqpf");
    assertThat(parent.resolve("run.partial/draft.txt")).hasContent("mine");
  }

  @Test
  void aSecondWriterOfTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws IOException {
    Path target = parent.resolve("run");
    try (ResultsFolder first = ResultsFolder.create(target, "run")) {
      write(first.file("a.txt"), "first");
      manifest(first.directory(), "a.txt");
      assertThatThrownBy(() -> ResultsFolder.create(target, "validate")).isInstanceOf(OutputException.class)
          .hasMessageContaining("another run is writing it (pid " + ProcessHandle.current().pid() + ")");
      assertThat(first.file("a.txt")).hasContent("first");
      first.commit();
    }
    assertThat(names(target)).containsExactly("a.txt", "manifest.json");
    try (ResultsFolder second = ResultsFolder.create(target, "run")) {
      second.commit();
    }
    assertThat(names(parent)).containsExactly("run");
  }

  @Test
  void aLockLeftByAProcessThatEndedIsTakenOver() throws IOException {
    Path target = parent.resolve("run");
    Path work = parent.resolve("run.partial");
    Files.createDirectories(work);
    write(work.resolve(ResultsLock.FILE), "pid 999999999 (run)\n");
    write(work.resolve("timeseries.csv"), "half");
    try (ResultsLock lock = ResultsLock.acquire(target, "run")) {
      assertThat(lock.previousHolder()).isEqualTo("pid 999999999 (run)");
    }
    try (ResultsFolder out = ResultsFolder.create(target, "run")) {
      assertThat(names(out.directory())).containsExactly(ResultsLock.FILE);
      write(out.file("a.txt"), "x");
      out.commit();
    }
    assertThat(names(target)).containsExactly("a.txt");
    assertThat(names(parent)).containsExactly("run");
  }

  @Test
  void aChartsFolderIsJudgedByItsParentsManifest() throws IOException {
    Path results = parent.resolve("sweep");
    Files.createDirectories(results.resolve("charts"));
    write(results.resolve("charts/a.png"), "png");
    write(results.resolve("charts/notes.md"), "mine");
    manifest(results, "charts/a.png", "charts/notes.md");
    try (ResultsFolder out = ResultsFolder.create(results.resolve("charts"))) {
      out.commit();
    }
    write(results.resolve("charts/notes.md"), "mine");
    manifest(results, "charts/a.png");
    assertThatThrownBy(() -> ResultsFolder.create(results.resolve("charts"), "chart", List.of(".png", ".svg")))
        .isInstanceOf(OutputException.class).hasMessageContaining("notes.md");
    Files.delete(results.resolve("manifest.json"));
    Files.delete(results.resolve("charts/notes.md"));
    write(results.resolve("charts/old.svg"), "svg");
    try (ResultsFolder out = ResultsFolder.create(results.resolve("charts"), "chart", List.of(".png", ".svg"))) {
      out.commit();
    }
    assertThat(names(results.resolve("charts"))).isEmpty();
  }
}
