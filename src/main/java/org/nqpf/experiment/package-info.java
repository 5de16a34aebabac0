/**
 * Experiments: designs (grid, random, Latin hypercube, Sobol/Saltelli), seeds derived from the
 * master seed, the parallel, resumable and shardable sweep runner and the finishing of its folder
 * (whose files {@link org.nqpf.report.ExperimentFolder} writes and reads; shards are checked and
 * merged by {@link org.nqpf.report.ShardFolder}), the policy-effects runner and its folder,
 * checkpoints, and the Java API that runs one configuration with one seed.
 */
package org.nqpf.experiment;
