/** The command line: one picocli {@code @Command} class per verb, over the model and report packages. */
package org.nqpf.cli;
