package org.nqpf.config;

/**
 * The continuous 2-D region: its size, the industrial parks where most firms sit, and the radius
 * of the "downstairs" zone around each university campus where pilot conversion happens and
 * spin-offs settle.
 */
public record RegionConfig(
    double width,
    double height,
    int industrialParks,
    double parkRadius,
    double downstairsRadius) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final RegionConfig DEFAULT = new RegionConfig(100, 100, 4, 8, 3);

  public RegionConfig {
    Check.between("width", width, 10, 1e6);
    Check.between("height", height, 10, 1e6);
    Check.count("industrialParks", industrialParks, 1, 10_000);
    Check.positive("parkRadius", parkRadius);
    Check.positive("downstairsRadius", downstairsRadius);
    if (2 * parkRadius >= Math.min(width, height)) {
      throw new ConfigException("parkRadius", "value " + Check.format(parkRadius)
          + " is too large; expected less than half the region's smaller side (" + Check.format(Math.min(width, height) / 2) + ")");
    }
    if (2 * downstairsRadius >= Math.min(width, height)) {
      throw new ConfigException("downstairsRadius", "value " + Check.format(downstairsRadius)
          + " is too large; expected less than half the region's smaller side (" + Check.format(Math.min(width, height) / 2) + ")");
    }
  }
}
