package org.nqpf.model;

/** How a firm's productivity rose in a step (MODEL.md §5 counts each type). */
public enum InnovationType {
  /** Own R&D, a Beta-distributed jump (K+S). */
  INCREMENTAL,
  /** Own R&D, a rare large jump. */
  RADICAL,
  /** A university invention taken through pilot conversion downstairs. */
  CONVERTED,
  /** A copy of a better technology of another firm. */
  IMITATED
}
