package org.nqpf.model;

/** Tiers of talent in the article's education–science–talent cycle. */
public enum TalentTier {
  /** 后备人才: fresh graduates, maturing into core researchers. */
  RESERVE,
  /** 中坚人才: core researchers. */
  CORE,
  /** 技能人才: skilled technicians and engineers. */
  SKILLED,
  /** 领军人才: leading scientists. */
  LEADING
}
