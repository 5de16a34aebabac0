/**
 * Benchmarks of the model itself (as opposed to sweeps): firm-steps per second at growing economy
 * sizes, the fitted scaling exponent, peak heap and memory per firm, and the floor of an empty
 * MASON schedule stepping as many trivial agents ({@link org.nqpf.bench.ModelBench}); and the
 * sweep runner's runs per second on one thread and on all ({@link org.nqpf.bench.Benchmarks}, which
 * runs and prints both parts for the {@code bench} command). Wall-clock figures belong here and in
 * the {@code bench} command, never in tests.
 */
package org.nqpf.bench;
