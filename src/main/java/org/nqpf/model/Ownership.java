package org.nqpf.model;

/** Ownership is data on a firm, not a class: private firms and SOEs share all behaviour rules. */
public enum Ownership {
  PRIVATE,
  SOE
}
