/**
 * Benchmarks of the model itself (as opposed to sweeps): firm-steps per second at growing economy
 * sizes, the fitted scaling exponent, peak heap and memory per firm, and the floor of an empty
 * MASON schedule stepping as many trivial agents. Wall-clock figures belong here and in the
 * {@code bench} command, never in tests.
 */
package org.nqpf.bench;
