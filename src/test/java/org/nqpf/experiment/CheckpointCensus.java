package org.nqpf.experiment;

import java.io.BufferedInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Measures real checkpoints for {@link Checkpoint}'s filter (docs/SECURITY.md): reads each file
 * given with a filter that rejects nothing and logs every class it is asked about, and prints the
 * file's deepest nesting, its objects and references, its uncompressed bytes, its longest array,
 * and the classes outside the model, MASON and its generator. Not a test; run it, after
 * {@code mvn test-compile} and {@code run --checkpoint-every N}, as
 * {@code java -cp target/classes:target/test-classes:<the dependencies> org.nqpf.experiment.CheckpointCensus FILE...}
 * (the dependencies: {@code mvn dependency:build-classpath}).
 */
public final class CheckpointCensus {
  private CheckpointCensus() {}

  public static void main(String[] args) throws Exception {
    for (String name : args) {
      Path file = Path.of(name);
      TreeMap<String, Long> classes = new TreeMap<>();
      long[] deepest = new long[4]; // nesting, objects and references, stream bytes, array length
      String[] longestArray = {""};
      ObjectInputFilter census = info -> {
        if (info.serialClass() != null) {
          Class<?> type = info.serialClass();
          while (type.isArray()) {
            type = type.getComponentType();
          }
          classes.merge(type.getName(), 1L, Long::sum);
        }
        deepest[0] = Math.max(deepest[0], info.depth());
        deepest[1] = Math.max(deepest[1], info.references());
        deepest[2] = Math.max(deepest[2], info.streamBytes());
        if (info.arrayLength() > deepest[3]) {
          deepest[3] = info.arrayLength();
          longestArray[0] = String.valueOf(info.serialClass());
        }
        return ObjectInputFilter.Status.UNDECIDED;
      };
      try (ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file))))) {
        in.setObjectInputFilter(census);
        in.readObject();
      }
      System.out.printf("%s: %d bytes on disk; maxdepth %d, maxrefs %d, maxbytes %d, maxarray %d (%s)%n", file,
          Files.size(file), deepest[0], deepest[1], deepest[2], deepest[3], longestArray[0]);
      classes.forEach((type, count) -> {
        if (Checkpoint.PACKAGES.stream().noneMatch(type::startsWith)) {
          System.out.println("  " + type + " (" + count + " times)");
        }
      });
    }
  }
}
