package org.nqpf.validation;

import java.util.OptionalDouble;
import org.nqpf.model.SizeClass;
import org.nqpf.stats.ExitHazard;
import org.nqpf.stats.TransitionMatrix;

/**
 * What one validation run observed (recorded steps only, burn-in excluded, except the key series), everything in a fixed
 * order (firms by id), so that the same seed gives the same arrays.
 *
 * @param seed the run's seed
 * @param privateShares the five private shares of summary.json (firms, employment, innovation,
 *     output, tax: means over the recorded steps), NaN when not computable
 * @param aiEfficiencyGain summary.json's {@code productionEfficiencyGain}, empty when not computable
 * @param aiRdCycleChange summary.json's {@code rdCycleChange}, empty when not computable
 * @param finalEmployment employment of the firms alive at the end
 * @param finalOutput sales of the firms alive at the end
 * @param innovationValues value of each innovation (own R&D or converted, never an imitation):
 *     ln(T_after / T_before) × the firm's sales
 * @param innovationGains ln(T_after / T_before) of each innovation, the innovation's own size
 * @param growthLogSize log sales at the start of each firm-year, minus its sector's mean that year
 * @param growthRates annual log growth of sales, minus its sector's mean that year
 * @param hazard exits by age
 * @param persistence transitions between innovation classes of consecutive windows
 * @param innovationsBySize innovations (imitations apart) by the size class of the innovator ({@link SizeClass} order)
 * @param employmentBySize employment summed over the recorded steps, by size class
 * @param firmDegrees alliance degree of each firm alive at the end
 * @param universityDegrees alliance degree of each university at the end
 * @param entryRate mean annual entry rate: entrants in a year over firms at its start
 * @param exitRate mean annual exit rate: exits in a year over firms at its start
 * @param keySeries each {@link KeySeries} over every step, burn-in included, in the enum's order
 * @param productivityTerms the mean annual terms of {@link ProductivityDecomposition} over the
 *     recorded years: within, between, cross, entry, exit (NaN without a full year)
 * @param imitations the imitations of the recorded steps (counted apart from the innovations)
 * @param aiEventEffects per AI adoption of the recorded steps, the event study's effect on output per
 *     production worker {@link FirmPanelCollector#EVENT_HORIZON} steps after it (difference in
 *     differences against the non-adopters of its sector and ownership)
 * @param aiPreTrends per AI adoption, the same difference over the {@link FirmPanelCollector#PRE_TREND}
 *     steps before it (a placebo: selection shows here)
 */
public record RunObservations(long seed, double[] privateShares, OptionalDouble aiEfficiencyGain,
    OptionalDouble aiRdCycleChange, double[] finalEmployment, double[] finalOutput, double[] innovationValues,
    double[] innovationGains, double[] growthLogSize, double[] growthRates, ExitHazard hazard,
    TransitionMatrix persistence, long[] innovationsBySize, double[] employmentBySize, int[] firmDegrees,
    int[] universityDegrees, double entryRate, double exitRate, double[][] keySeries,
    double[] productivityTerms, long imitations, double[] aiEventEffects, double[] aiPreTrends) {}
