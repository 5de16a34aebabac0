/**
 * The MASON desktop GUI: a {@link sim.display.GUIState} over {@link org.nqpf.model.EcosystemModel}
 * with a region display (firms, universities as two-floor buildings, parks, alliance and loan
 * layers, legend) and live time-series charts. The only package that may use Swing, MASON's
 * display and portrayal classes and JFreeChart; the model knows nothing of it.
 */
package org.nqpf.gui;
