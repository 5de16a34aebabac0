package org.nqpf.config;

/**
 * Credit and financing guarantees (融资担保, 自主创新专项贷款; MODEL.md §7 "Credit", "Guarantee
 * fund"): banks lend against net worth (K+S 2013), with a softer limit for SOEs; guarantee funds
 * cover a share of SME loans (coverage, fee and leverage are policy levers: {@link PolicyConfig}) (SMEs, opaque to banks, get only 1 − smeLimitDiscount of the limit) for a fee up to a leverage cap; the government lends special
 * innovation loans for R&D. Used when {@code mechanisms.finance} is {@code CREDIT}; the start-up
 * keys ({@code startupEquityShare}, {@code startupLoanMaturity}, {@code founderEquitySd},
 * {@code startupMinimumFunding}, {@code startupCollateral}) under {@code STARTUP_CREDIT} only
 * (docs/CONFIG.md).
 */
public record CreditConfig(
    int banks,
    double bankEquityToSales,
    double capitalRequirement,
    double interestRate,
    int loanMaturity,
    double maxDebtToNetWorth,
    double smeLimitDiscount,
    double soePreference,
    double recoveryRate,
    double liquidityBuffer,
    double bankPayout,
    int guaranteeFunds,
    double fundCapitalToSales,
    double specialLoanDebtToNetWorth,
    double guaranteeRiskWeight,
    double startupEquityShare,
    int startupLoanMaturity,
    double founderEquitySd,
    double startupMinimumFunding,
    boolean startupCollateral) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public static final CreditConfig DEFAULT = new CreditConfig(
      1, 0.3, 0.1, 0.015, 8, 0.5, 0.5, 0.5, 0.4, 0.1, 0.5,
      1, 0.01, 2.0, 0.5, 0.4, 40, 0.0, 0.0, true);

  public CreditConfig {
    Check.count("banks", banks, 1, 1000);
    Check.between("bankEquityToSales", bankEquityToSales, 0, 100);
    Check.between("capitalRequirement", capitalRequirement, 0.001, 1);
    Check.between("interestRate", interestRate, 0, 1);
    Check.count("loanMaturity", loanMaturity, 1, 400);
    Check.between("maxDebtToNetWorth", maxDebtToNetWorth, 0, 100);
    Check.probability("smeLimitDiscount", smeLimitDiscount);
    Check.between("soePreference", soePreference, 0, 10);
    Check.probability("recoveryRate", recoveryRate);
    Check.between("liquidityBuffer", liquidityBuffer, 0, 10);
    Check.probability("bankPayout", bankPayout);
    Check.count("guaranteeFunds", guaranteeFunds, 0, 1000);
    Check.between("fundCapitalToSales", fundCapitalToSales, 0, 100);
    Check.between("specialLoanDebtToNetWorth", specialLoanDebtToNetWorth, 0, 100);
    Check.probability("guaranteeRiskWeight", guaranteeRiskWeight);
    Check.probability("startupEquityShare", startupEquityShare);
    Check.count("startupLoanMaturity", startupLoanMaturity, 1, 400);
    Check.between("founderEquitySd", founderEquitySd, 0, 5);
    Check.probability("startupMinimumFunding", startupMinimumFunding);
  }
}
