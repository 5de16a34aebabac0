/**
 * The model: the MASON {@code SimState} ({@link org.nqpf.model.EcosystemModel}: the schedule and
 * the world), its firm population ({@link org.nqpf.model.FirmPopulation}: the living firms, their
 * founding and removal at exit, and the market shares' sums), its agents (firms, universities), one
 * class per mechanism, each scheduled in its {@link org.nqpf.model.Phase}, and the observer that
 * records the {@link org.nqpf.model.Metric}s. No Swing, display or chart code belongs here.
 *
 * <p>A phase's pass over the firms (or talent posts) calls a method per firm: a phase runs once
 * per step, so HotSpot would compile a loop body written inside it only after some 60,000
 * iterations, and the whole phase with it; a per-firm method is compiled after a few hundred
 * firms (docs/PERFORMANCE.md, "Fourth pass").
 *
 * <p>A phase visits each firm as few times as its rules allow: at 100,000 firms the firm objects
 * do not fit in the processor's caches, and every pass over them costs a cache miss or more per
 * firm whatever little it does. Where a rule reads only state fixed before the pass and the
 * firm's own (a non-adopter's AI hazard, a firm's vacancies, the survivors' share sum), it is
 * computed in the visit that uses it, not in a pass of its own (docs/PERFORMANCE.md, "Fifth
 * pass").
 */
package org.nqpf.model;
