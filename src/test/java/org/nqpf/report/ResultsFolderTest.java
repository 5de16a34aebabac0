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

  @Test
  void commitMovesTheTemporaryFolderIntoPlace() throws IOException {
    Path target = parent.resolve("run");
    try (ResultsFolder out = ResultsFolder.create(target)) {
      Path dir = out.directory();
      assertThat(dir.getParent()).isEqualTo(target.toAbsolutePath().normalize().getParent());
      assertThat(dir.getFileName().toString()).startsWith(".run.tmp-");
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
    try (ResultsFolder out = ResultsFolder.create(target)) {
      write(out.file("new.txt"), "new");
    }
    assertThat(names(parent)).containsExactly("run");
    assertThat(names(target)).containsExactly("old.txt");
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
}
