/**
 * Experiments: designs (grid, random, Latin hypercube, Sobol/Saltelli), seeds derived from the
 * master seed, the parallel, resumable and shardable sweep runner, the merge of shards, the
 * policy-effects runner and its folder, checkpoints, and the Java API that runs one configuration
 * with one seed.
 */
package org.nqpf.experiment;
