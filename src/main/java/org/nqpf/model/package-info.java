/**
 * The model: the MASON {@code SimState} ({@link org.nqpf.model.EcosystemModel}), its agents
 * (firms, universities), one class per mechanism, each scheduled in its {@link
 * org.nqpf.model.Phase}, and the observer that records the {@link org.nqpf.model.Metric}s. No
 * Swing, display or chart code belongs here.
 */
package org.nqpf.model;
