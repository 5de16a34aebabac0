package org.nqpf.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepStatisticsTest {

  @TempDir
  Path dir;

  @Test
  void wideMeansAndIntervalsAcrossReplications() throws IOException {
    Path file = dir.resolve("timeseries.csv");
    Files.writeString(file, """
        run,point,replication,step,burnIn,innovations,output
        0,0,0,0,1,1,10.0
        0,0,0,1,0,2,
        0,0,0,2,0,3,30.0
        1,0,1,0,1,3,14.0
        1,0,1,1,0,4,22.0
        1,0,1,2,0,5,
        2,1,0,0,1,7,1.5
        """);
    StepStatistics s = StepStatistics.read(file);
    assertThat(s.longFormat()).isFalse();
    assertThat(s.metrics()).containsExactly("innovations", "output");
    assertThat(s.points("innovations")).containsExactly(0, 1);
    StepStatistics.Cell c = s.cell("innovations", 0, 0);
    assertThat(c.n()).isEqualTo(2);
    assertThat(c.mean()).isEqualTo(2.0);
    assertThat(c.sd()).isCloseTo(Math.sqrt(2.0), within(1e-12));
    // t(0.975, 1) = 12.7062047...
    assertThat(c.halfWidth()).isCloseTo(12.706204736 * Math.sqrt(2.0) / Math.sqrt(2.0), within(1e-6));
    assertThat(s.cell("output", 0, 1).n()).as("empty cell skipped").isEqualTo(1);
    assertThat(s.cell("output", 0, 1).halfWidth()).isZero();
    assertThat(s.cell("output", 0, 2).mean()).isEqualTo(30.0);
    assertThat(s.cell("output", 1, 2).n()).isZero();
    assertThat(s.minStep()).isZero();
    assertThat(s.maxStep()).isEqualTo(2);
    assertThat(s.hasBurnIn()).isTrue();
    assertThat(s.burnInStart()).isZero();
    assertThat(s.burnInEnd()).isEqualTo(1.0);
  }

  @Test
  void longGivesTheSameStatistics() throws IOException {
    Path file = dir.resolve("long.csv");
    Files.writeString(file, """
        run,point,replication,step,burnIn,metric,value
        0,0,0,0,0,output,10.0
        0,0,0,0,0,innovations,1
        1,0,1,0,0,output,14.0
        1,0,1,0,0,innovations,
        """);
    StepStatistics s = StepStatistics.read(file);
    assertThat(s.longFormat()).isTrue();
    assertThat(s.metrics()).containsExactly("output", "innovations");
    assertThat(s.cell("output", 0, 0).mean()).isEqualTo(12.0);
    assertThat(s.cell("innovations", 0, 0).n()).isEqualTo(1);
    assertThat(s.hasBurnIn()).isFalse();
  }
}
