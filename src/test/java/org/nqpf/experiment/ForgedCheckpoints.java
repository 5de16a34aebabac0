package org.nqpf.experiment;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import javax.management.BadAttributeValueExpException;

/**
 * Writes the forged checkpoints of src/test/resources/forged/ (kept in the repository; run this
 * only to make them again): gzipped object streams such as a hostile file would hold, each of
 * which {@link Checkpoint#read} must refuse quickly. Run from the project folder, after
 * {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes org.nqpf.experiment.ForgedCheckpoints src/test/resources/forged}.
 */
public final class ForgedCheckpoints {
  /** The files and what each forges. */
  static final String HUGE_ARRAY = "huge-long-array.ckpt";
  static final String NESTED_SETS = "nested-hashsets.ckpt";
  static final String REVERSE_QUEUE = "priorityqueue-reverseorder.ckpt";
  static final String FOREIGN_CLASS = "badattributevalueexp.ckpt";

  private ForgedCheckpoints() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Files.write(dir.resolve(HUGE_ARRAY), gzip(hugeLongArray()));
    Files.write(dir.resolve(NESTED_SETS), gzip(serialise(nestedSets(60))));
    PriorityQueue<Integer> queue = new PriorityQueue<>(Collections.reverseOrder());
    queue.add(1);
    queue.add(2);
    Files.write(dir.resolve(REVERSE_QUEUE), gzip(serialise(queue)));
    Files.write(dir.resolve(FOREIGN_CLASS), gzip(serialise(new BadAttributeValueExpException("forged"))));
  }

  /** A stream holding only the header of a long[] of length 0x7ffffff0, and none of its data. */
  private static byte[] hugeLongArray() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeShort(0xACED); // STREAM_MAGIC
    out.writeShort(5); // STREAM_VERSION
    out.writeByte(0x75); // TC_ARRAY
    out.writeByte(0x72); // TC_CLASSDESC
    out.writeUTF("[J");
    out.writeLong(0x782004B512B17593L); // long[]'s serialVersionUID
    out.writeByte(0x02); // SC_SERIALIZABLE
    out.writeShort(0); // no fields
    out.writeByte(0x78); // TC_ENDBLOCKDATA
    out.writeByte(0x70); // TC_NULL: no superclass
    out.writeInt(0x7ffffff0);
    out.flush();
    return bytes.toByteArray();
  }

  /** Sets nested {@code depth} deep, each holding the next two, whose hash codes cost 2^depth to compute. */
  private static Set<Object> nestedSets(int depth) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < depth; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("forged");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return root;
  }

  private static byte[] serialise(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(raw);
    }
    return bytes.toByteArray();
  }
}
