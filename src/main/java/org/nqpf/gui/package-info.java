/**
 * The MASON desktop GUI: a {@link sim.display.GUIState} over {@link org.nqpf.model.EcosystemModel}
 * with a region display (firms, universities as two-floor buildings, parks, alliance and loan
 * layers, legend) and live time-series charts (JFreeChart, as {@link org.nqpf.report} and
 * {@link org.nqpf.validation} use it for charts drawn to files). Swing and MASON's display and
 * portrayal classes are used here and by the {@code gui} command that opens it; the model knows
 * nothing of them.
 */
package org.nqpf.gui;
