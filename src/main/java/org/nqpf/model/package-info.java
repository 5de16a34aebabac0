/**
 * The model: the MASON {@code SimState} ({@link org.nqpf.model.EcosystemModel}), its agents
 * (firms, universities), one class per mechanism, each scheduled in its {@link
 * org.nqpf.model.Phase}, and the observer that records the {@link org.nqpf.model.Metric}s. No
 * Swing, display or chart code belongs here.
 *
 * <p>A phase's pass over the firms (or talent posts) calls a method per firm: a phase runs once
 * per step, so HotSpot would compile a loop body written inside it only after some 60,000
 * iterations, and the whole phase with it; a per-firm method is compiled after a few hundred
 * firms (docs/PERFORMANCE.md, "Fourth pass").
 */
package org.nqpf.model;
