/**
 * The {@code verify} command's rerun and comparison: it reads a results folder's manifest, tells
 * which kind of folder it is (run, sweep, validation, calibration, policy effects), reruns it into
 * a scratch folder through the package that writes that kind and compares every file byte for
 * byte. It sits above every package that writes a results folder, so that none of them needs to
 * know the others.
 */
package org.nqpf.verify;
