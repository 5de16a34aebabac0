package org.nqpf.model;

/** How a firm's productivity rose in a step (MODEL.md §5 counts each type). */
public enum InnovationType {
  /** Own R&D, a Beta-distributed jump (K+S), or under arrivals one below {@code radicalLow}. */
  INCREMENTAL,
  /** Own R&D, a rare large jump (under arrivals, a size of at least {@code radicalLow}). */
  RADICAL,
  /** A university invention taken through pilot conversion downstairs. */
  CONVERTED,
  /** A copy of a better technology of another firm. */
  IMITATED
}
