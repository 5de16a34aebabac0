package org.nqpf.model;

import java.util.ArrayList;
import java.util.List;
import org.nqpf.config.CreditConfig;
import org.nqpf.config.PolicyConfig;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;

/**
 * The credit market (MODEL.md §3 step 4, §7 "Credit", "Guarantee fund"; the article: 以做优面向中小企业
 * 的担保公司为抓手, 设立自主创新专项贷款, 资本金市场化、常态化补充机制). Each step:
 * <ol>
 *   <li><b>Debt service.</b> Every loan pays interest on its principal and one instalment of
 *       principal (equal instalments over {@code loanMaturity}); what is repaid releases the
 *       guarantee fund's exposure. A firm that cannot pay goes into negative cash and exits.</li>
 *   <li><b>Applications.</b> A firm applies when its planned R&D ({@link EcosystemModel#plannedRd}) and
 *       investment (capital that next step's demand needs, less depreciated capital) plus a
 *       liquidity buffer ({@code liquidityBuffer} × sales) exceed its cash. Applicants are served in
 *       a pecking order by creditworthiness, net worth / (debt + request), SOEs' score raised by
 *       the factor 1 + {@code soePreference} (K+S 2013).</li>
 *   <li><b>Special innovation loans.</b> A private SME with planned R&D may borrow for it from the
 *       government's per-step quota ({@code specialLoanQuota}) at the bank rate less
 *       {@code specialLoanDiscount}, within debt ≤ {@code specialLoanDebtToNetWorth} × net
 *       worth.</li>
 *   <li><b>Bank loans.</b> The house bank lends while the firm's unguaranteed debt stays within
 *       {@code maxDebtToNetWorth} × net worth (× (1 + {@code soePreference}) for SOEs: a softer
 *       budget constraint; × (1 − {@code smeLimitDiscount}) for SMEs, whose information is
 *       opaque to banks) and its own risk-weighted loans within equity / {@code capitalRequirement},
 *       a guaranteed share weighing {@code guaranteeRiskWeight} ({@link #riskWeight}). A private
 *       SME whose request does not fit asks its guarantee fund: with coverage c the bank lends up
 *       to its room / (1 − c), within the fund's room ({@code fundLeverage} × capital − exposure)
 *       and the bank's, for a fee priced by the firm's leverage ({@link #feeRate}). If the request
 *       still does not fit, the bank lends what does (the firm is rationed).</li>
 *   <li><b>Bank payout.</b> The bank pays {@code bankPayout} of its positive profit (interest less
 *       losses since the last payout) to households.</li>
 * </ol>
 * Defaults are settled when a firm exits ({@link #settleExit}); the government replenishes the
 * funds ({@link Government}). Start-ups borrow what their founders do not pay in
 * ({@link #startupLoan}), and firms hire R&D staff for what their cash and expected credit fund
 * ({@link #creditLine}).
 */
final class CreditMarket implements Steppable {
  private static final long serialVersionUID = 1L;

  /** Below this a request or a remaining limit is treated as nothing. */
  private static final double EPSILON = 1e-9;

  /**
   * Creates the banks and guarantee funds. Each bank's equity is {@code bankEquityToSales} of the
   * initial quarterly sales divided among the banks; households deposit enough to fund a full
   * loan book, equity × (1/capitalRequirement − 1). The government capitalises each fund with
   * {@code fundCapitalToSales} of initial sales divided among the funds.
   */
  static void initialise(EcosystemModel model) {
    CreditConfig cc = model.scenario().credit();
    double sales = model.initialSales();
    for (int b = 0; b < cc.banks(); b++) {
      double equity = cc.bankEquityToSales() * sales / cc.banks();
      double deposits = equity * (1 / cc.capitalRequirement() - 1);
      Bank bank = model.addBank(deposits);
      model.books().householdsToBank(bank, equity + deposits);
    }
    for (int f = 0; f < cc.guaranteeFunds(); f++) {
      GuaranteeFund fund = model.addFund();
      model.books().governmentToFund(fund, cc.fundCapitalToSales() * sales / cc.guaranteeFunds());
      fund.resetStep();
    }
    model.books().resetStep();
  }

  /**
   * This step's applicants in the firms' order and, beside each, its request, its score and its id
   * (reused from step to step, not regrown from empty; not saved in checkpoints).
   */
  private transient List<Firm> applicants;
  private transient double[] requests;
  private transient double[] scores;
  private transient int[] ids;

  @Override
  public void step(SimState state) {
    EcosystemModel model = (EcosystemModel) state;
    serviceDebtAndApply(model);
    lend(model);
    payOut(model);
  }

  static void serviceDebt(EcosystemModel model) {
    Books books = model.books();
    for (Firm firm : model.firms()) {
      serviceDebt(model, books, firm);
    }
  }

  /** One firm's interest and instalments. */
  private static void serviceDebt(EcosystemModel model, Books books, Firm firm) {
    firm.setInterestPaid(0);
    int count = firm.loanCount();
    if (count == 0) {
      return;
    }
    double interestPaid = 0;
    double principals = 0;
    double nextService = 0;
    double unguaranteed = 0;
    boolean bank = false;
    boolean guaranteed = false;
    firm.loansChanged();
    for (int l = 0; l < count; l++) {
      Loan loan = firm.loan(l);
      double interest = loan.rate() * loan.principal();
      interestPaid += interest;
      double principal = loan.principalDue();
      if (loan.isSpecial()) {
        books.firmRepaysGovernment(firm, principal, interest);
      } else {
        books.firmRepaysBank(firm, loan.bank(), principal, interest);
      }
      loan.repay(principal);
      if (loan.isGuaranteed()) {
        loan.fund().addExposure(-loan.guaranteedShare() * principal);
      }
      // The firm's debt and next service summed while the loan is at hand (Firm#getDebt's sums).
      principals += loan.principal();
      nextService += loan.nextService();
      if (!loan.isSpecial()) {
        unguaranteed += loan.unguaranteedPrincipal();
        if (loan.principal() > 0) {
          // Kept by the pruning below.
          bank = true;
          guaranteed |= loan.isGuaranteed();
        }
      }
    }
    firm.setInterestPaid(interestPaid);
    firm.pruneLoansAfterService(principals, nextService, unguaranteed, bank, guaranteed);
    updateLoanEdge(model, firm);
  }

  /**
   * Every firm's debt service and, right after it, its application, in one visit: a firm's request
   * and score read only its own state and the step's rates, which no other firm's debt service
   * changes, so this gives what a pass of debt service followed by a pass of applications would (at
   * 100,000 firms each pass is a cache miss or more per firm).
   */
  private void serviceDebtAndApply(EcosystemModel model) {
    CreditConfig cc = model.scenario().credit();
    Books books = model.books();
    List<Firm> firms = model.firms();
    if (applicants == null) {
      applicants = new ArrayList<>();
      requests = new double[64];
      scores = new double[64];
      ids = new int[64];
    }
    applicants.clear();
    for (int f = 0, count = firms.size(); f < count; f++) {
      Firm firm = firms.get(f);
      serviceDebt(model, books, firm);
      apply(model, firm, cc);
    }
  }

  /** The firm applies if its planned spending and buffer exceed its cash: its request, score (net worth / (debt + request)) and id are noted. */
  private void apply(EcosystemModel model, Firm firm, CreditConfig cc) {
    double need = plannedSpending(model, firm) + cc.liquidityBuffer() * firm.getSales() - firm.getCash();
    if (need <= EPSILON) {
      return;
    }
    int i = applicants.size();
    if (i == requests.length) {
      requests = java.util.Arrays.copyOf(requests, 2 * i);
      scores = java.util.Arrays.copyOf(scores, 2 * i);
      ids = java.util.Arrays.copyOf(ids, 2 * i);
    }
    requests[i] = need;
    ids[i] = firm.getId();
    double score = firm.getNetWorth() / (firm.getDebt() + need);
    scores[i] = firm.isPrivate() ? score : score * (1 + cc.soePreference());
    applicants.add(firm);
  }

  private void lend(EcosystemModel model) {
    PolicyConfig policy = model.policy();
    int n = applicants.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // Pecking order: score descending, then id ascending (a total order, so any correct sort
    // gives this order; primitive indices, no boxing).
    sortByScore(order, scores, ids);
    double specialQuota = model.policyMoney(policy.specialLoanQuota());
    for (int k = 0; k < n; k++) {
      int i = order[k];
      specialQuota -= serve(model, applicants.get(i), requests[i], specialQuota);
    }
  }

  /** Serves one applicant in the pecking order; returns what it borrowed from the special quota. */
  private static double serve(EcosystemModel model, Firm firm, double need, double specialQuota) {
    CreditConfig cc = model.scenario().credit();
    PolicyConfig policy = model.policy();
    StepCounters counters = model.counters();
    double special = 0;
    boolean sme = countApplication(model, firm);
    double granted = 0;
    boolean anyLoan = false;
    if (firm.isPrivate() && sme && specialQuota > EPSILON) {
      double rdPlan = model.rdCommitment(firm);
      double room = cc.specialLoanDebtToNetWorth() * Math.max(0, firm.getNetWorth()) - firm.getDebt();
      double amount = Math.min(Math.min(rdPlan, need), Math.min(specialQuota, room));
      if (amount > EPSILON) {
        double rate = Math.max(0, cc.interestRate() - policy.specialLoanDiscount());
        firm.addLoan(new Loan(null, null, 0, amount, rate, cc.loanMaturity(), model.currentStep()));
        model.books().governmentLends(firm, amount);
        special = amount;
        granted += amount;
        anyLoan = true;
        counters.specialLoans++;
      }
    }
    double remaining = need - granted;
    if (remaining > EPSILON) {
      double lent = bankLoan(model, firm, remaining, sme, cc, cc.loanMaturity());
      if (lent > EPSILON) {
        granted += lent;
        anyLoan = true;
      }
    }
    record(model, firm, sme, need, granted, anyLoan);
    return special;
  }

  /**
   * A start-up's loan for what its founders do not pay in ({@link FirmPopulation#foundStartup}):
   * from its house bank, within the limit on its net worth (its founders' equity) and, for a
   * private start-up, with a guarantee (Evans and Jovanovic 1989: a new firm's capital is bounded
   * by a multiple of its owners' wealth), repaid over {@code startupLoanMaturity} quarters: a loan
   * that buys capital is repaid over the capital's life (maturity matching: Hart and Moore 1994;
   * Stohs and Mauer 1996); returns the amount lent. With {@code credit.startupCollateral} the
   * capital the loan buys, {@code capitalShare} of what it funds, secures it too: the bank lends
   * against its liquidation value, {@code recoveryRate} of it ({@link #securedRoom}).
   */
  static double startupLoan(EcosystemModel model, Firm firm, double request, double capitalShare) {
    boolean sme = countApplication(model, firm);
    CreditConfig cc = model.scenario().credit();
    double secured = cc.startupCollateral() ? securedRoom(limit(firm, sme, cc), cc.recoveryRate(), capitalShare) : 0;
    double lent = bankLoan(model, firm, request, sme, cc, cc.startupLoanMaturity(), secured);
    record(model, firm, sme, request, lent, lent > EPSILON);
    return lent;
  }

  /** Counts an application (and an SME's among them); returns whether the applicant is an SME. */
  private static boolean countApplication(EcosystemModel model, Firm firm) {
    boolean sme = firm.getSizeClass().isSme();
    model.counters().loansApplied++;
    if (sme) {
      model.counters().smeApplicants++;
    }
    return sme;
  }

  /** Counts an application's outcome and keeps the firm's loan edge. */
  private static void record(EcosystemModel model, Firm firm, boolean sme, double need, double granted, boolean anyLoan) {
    StepCounters counters = model.counters();
    if (anyLoan) {
      counters.loansGranted++;
      counters.creditGranted += granted;
      if (!firm.isPrivate()) {
        counters.creditGrantedSoe += granted;
      }
      if (sme) {
        counters.creditGrantedSme += granted;
        if (firm.isPrivate()) {
          counters.creditGrantedPrivateSme += granted;
        }
      }
    }
    if (sme && granted < need * (1 - 1e-6)) {
      counters.smeRationed++;
    }
    updateLoanEdge(model, firm);
  }

  /** Whether applicant a comes before b: higher score first ({@link Double#compare}), then lower id. */
  private static boolean before(int a, int b, double[] scores, int[] ids) {
    int byScore = Double.compare(scores[b], scores[a]);
    return byScore != 0 ? byScore < 0 : ids[a] < ids[b];
  }

  /** Sorts the indices by {@link #before} (a stable merge sort on primitives; insertion sort for short runs). */
  static void sortByScore(int[] order, double[] scores, int[] ids) {
    int n = order.length;
    if (n < 2) {
      return;
    }
    int[] buffer = new int[n];
    for (int lo = 0; lo < n; lo += 16) {
      int hi = Math.min(n, lo + 16);
      for (int i = lo + 1; i < hi; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= lo && before(x, order[j], scores, ids)) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
    }
    int[] from = order;
    int[] to = buffer;
    for (int width = 16; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(n, lo + width);
        int hi = Math.min(n, lo + 2 * width);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (i < mid && (j >= hi || !before(from[j], from[i], scores, ids))) {
            to[k] = from[i++];
          } else {
            to[k] = from[j++];
          }
        }
      }
      int[] t = from;
      from = to;
      to = t;
    }
    if (from != order) {
      System.arraycopy(from, 0, order, 0, n);
    }
  }

  /**
   * Lends up to {@code request} from the firm's house bank, with a guarantee for an SME when the
   * request does not fit its limit, repaid over {@code maturity} quarters; returns the amount lent.
   */
  static double bankLoan(EcosystemModel model, Firm firm, double request, boolean sme, CreditConfig cc, int maturity) {
    return bankLoan(model, firm, request, sme, cc, maturity, 0);
  }

  /** {@link #bankLoan} with the firm's room widened by {@code secured} (a start-up's collateral). */
  private static double bankLoan(EcosystemModel model, Firm firm, double request, boolean sme, CreditConfig cc, int maturity,
      double secured) {
    Offer offer = offer(model, firm, request, sme, cc, secured);
    take(model, firm, offer, cc, maturity);
    return offer.amount();
  }

  /**
   * What the firm's house bank would lend it for {@code request}: unguaranteed within the firm's
   * and the bank's room; else, for an eligible SME, guaranteed ({@link #eligibleFund}); else what
   * fits (rationed). Nothing is lent; {@link #take} lends it.
   */
  private static Offer offer(EcosystemModel model, Firm firm, double request, boolean sme, CreditConfig cc, double secured) {
    Bank bank = model.banks().get(firm.getBankIndex());
    double limit = limit(firm, sme, cc) + secured;
    double exposed = firm.unguaranteedBankDebt();
    double firmRoom = limit - exposed;
    double bankRoom = Math.min(bank.getCash(), bank.getEquity() / cc.capitalRequirement() - riskWeightedLoans(bank, model, cc));
    if (bankRoom <= EPSILON) {
      return new Offer(bank, null, 0, 0, 0);
    }
    if (request <= firmRoom && request <= bankRoom) {
      return new Offer(bank, null, 0, request, 0);
    }
    GuaranteeFund fund = eligibleFund(model, firm, sme);
    if (fund != null) {
      PolicyConfig policy = model.policy();
      double coverage = policy.guaranteeCoverage();
      double amount;
      double fee;
      if (model.startupCredit()) {
        amount = Math.min(Math.min(request, widened(firmRoom, coverage)), Math.min(fundRoom(fund, policy) / coverage,
            Math.min(bankRoom / (1 - coverage + coverage * riskWeight(model, fund, cc)), bank.getCash())));
        amount = amount > Math.max(0, firmRoom) + EPSILON ? amount : 0;
        fee = feeRate(firm, amount, cc, policy) * coverage * amount;
      } else {
        // The earlier rule: the whole request, guaranteed, or nothing.
        double covered = coverage * request;
        boolean fits = exposed + (1 - coverage) * request <= limit
            && (1 - coverage) * request <= bankRoom && request <= bank.getCash()
            && fund.getExposure() + covered <= policy.fundLeverage() * fund.getCapital();
        amount = fits ? request : 0;
        fee = policy.guaranteeFee() * covered;
      }
      if (amount > 0) {
        return new Offer(bank, fund, coverage, amount, fee);
      }
    }
    double partial = Math.min(Math.min(firmRoom, bankRoom), request);
    return new Offer(bank, null, 0, partial > EPSILON ? partial : 0, 0);
  }

  /** Lends what the offer holds (nothing when it is 0), with its guarantee and fee. */
  private static void take(EcosystemModel model, Firm firm, Offer offer, CreditConfig cc, int maturity) {
    if (offer.amount() <= 0) {
      return;
    }
    grant(model, firm, offer.bank(), offer.fund(), offer.coverage(), offer.amount(), cc, maturity);
    if (offer.fund() != null) {
      model.books().firmPaysFund(firm, offer.fund(), offer.fee());
      model.counters().loansGuaranteed++;
    }
  }

  /** A bank's offer: the amount (0: none), and the fund, coverage and fee of its guarantee (null fund: unguaranteed). */
  private record Offer(Bank bank, GuaranteeFund fund, double coverage, double amount, double fee) {
  }

  /**
   * A pilot conversion's loan ({@link PilotConversion}, {@code universities.pilotCost}): the firm
   * borrows {@code request} from its house bank, guaranteed like any loan of a private SME, over
   * {@code loanMaturity} quarters, only if the bank would lend all of it (a pilot line half paid
   * for converts nothing); returns whether it did. The application is counted like any other, and
   * a refused SME counts as rationed.
   */
  static boolean conversionLoan(EcosystemModel model, Firm firm, double request) {
    boolean sme = countApplication(model, firm);
    CreditConfig cc = model.scenario().credit();
    Offer offer = offer(model, firm, request, sme, cc, 0);
    boolean whole = offer.amount() >= request * (1 - 1e-9);
    if (whole) {
      take(model, firm, offer, cc, cc.loanMaturity());
    }
    record(model, firm, sme, request, whole ? offer.amount() : 0, whole);
    return whole;
  }

  /**
   * The limit on the firm's unguaranteed bank debt: {@code maxDebtToNetWorth} × net worth, softer
   * for SOEs and tighter for SMEs.
   */
  private static double limit(Firm firm, boolean sme, CreditConfig cc) {
    return cc.maxDebtToNetWorth() * Math.max(0, firm.getNetWorth()) * (firm.isPrivate() ? 1 : 1 + cc.soePreference())
        * (sme ? 1 - cc.smeLimitDiscount() : 1);
  }

  /**
   * The room a start-up's loan gains from the capital it buys, which secures it (Hart and Moore
   * 1994: debt capacity is the liquidation value of the assets; Berger and Udell 1998: small firms'
   * bank loans are mostly secured): a loan L funds capital κL ({@code capitalShare} κ), worth ρκL
   * to the bank at default (ρ the recovery rate), so L ≤ ℓ + ρκL, the room ℓ on net worth widened
   * to ℓ / (1 − ρκ); returns the widening, ℓ ρκ / (1 − ρκ).
   */
  static double securedRoom(double limit, double recoveryRate, double capitalShare) {
    double secured = recoveryRate * capitalShare;
    return secured < 1 ? limit * secured / (1 - secured) : Double.POSITIVE_INFINITY;
  }

  /**
   * What the house bank would lend the firm beyond its debt: its limit less its unguaranteed bank
   * debt (the bank's own capital aside).
   */
  private static double firmRoom(Firm firm, boolean sme, CreditConfig cc) {
    return limit(firm, sme, cc) - firm.unguaranteedBankDebt();
  }

  /**
   * The guarantee fund a firm may ask, while coverage is positive: its own, for an SME, and under
   * {@code STARTUP_CREDIT} for a private SME only (the article's guarantees are for private SMEs:
   * 以做优面向中小企业的担保公司为抓手; Beck, Klapper and Mendoza 2010 find most schemes target
   * SMEs); null otherwise.
   */
  private static GuaranteeFund eligibleFund(EcosystemModel model, Firm firm, boolean sme) {
    if (!sme || (model.startupCredit() && !firm.isPrivate()) || firm.getFundIndex() < 0
        || model.policy().guaranteeCoverage() <= 0) {
      return null;
    }
    return model.funds().get(firm.getFundIndex());
  }

  /**
   * What a firm with {@code room} at its bank can borrow when a guarantee covers {@code coverage}
   * of the loan: room / (1 - coverage), without bound at full coverage.
   */
  private static double widened(double room, double coverage) {
    return coverage >= 1 ? Double.POSITIVE_INFINITY : Math.max(0, room) / (1 - coverage);
  }

  /** Guarantees a fund can still give: leverage × capital less its exposure. */
  private static double fundRoom(GuaranteeFund fund, PolicyConfig policy) {
    return Math.max(0, policy.fundLeverage() * fund.getCapital() - fund.getExposure());
  }

  /**
   * The risk weight of a guaranteed share in the bank's capital requirement under
   * {@code STARTUP_CREDIT}: the guarantor's instead of the borrower's (Basel II's substitution
   * approach, BCBS 2006 ¶¶140-141, 195-196), {@code guaranteeRiskWeight} for a fund with capital,
   * the borrower's full weight for a fund without. Under {@code CREDIT} (the earlier rule) it
   * weighs nothing.
   */
  static double riskWeight(EcosystemModel model, GuaranteeFund fund, CreditConfig cc) {
    if (!model.startupCredit()) {
      return 0;
    }
    return fund.getCapital() > EPSILON ? cc.guaranteeRiskWeight() : 1;
  }

  /**
   * The fee a fund charges, a share of the covered amount: {@code guaranteeFee} for a borrower
   * whose debt after the loan stays within the bank's limit on its net worth, and in proportion to
   * its leverage beyond it (risk-based fees, Beck, Klapper and Mendoza 2010; Honohan 2010).
   */
  private static double feeRate(Firm firm, double amount, CreditConfig cc, PolicyConfig policy) {
    double limit = privateSmeLimit(cc) * Math.max(EPSILON, firm.getNetWorth());
    return Math.min(1, policy.guaranteeFee() * Math.max(1, (firm.getDebt() + amount) / limit));
  }

  /** The bank's limit on a private SME's debt per unit of its net worth, before any guarantee. */
  private static double privateSmeLimit(CreditConfig cc) {
    return cc.maxDebtToNetWorth() * (1 - cc.smeLimitDiscount());
  }

  /**
   * What a would-be founder expects to raise per unit of equity it pays in, equity included, from
   * the public terms of credit: 1 + the bank's limit on a private SME's net worth
   * ({@code maxDebtToNetWorth} × (1 − {@code smeLimitDiscount})), widened to limit / (1 − coverage)
   * while guarantees are offered and a fund has room ({@link #widened}); the bank's and the fund's
   * own room aside, which the loan itself then meets or not ({@link #startupLoan}).
   */
  static double startupFundingPerEquity(EcosystemModel model) {
    CreditConfig cc = model.scenario().credit();
    double limit = privateSmeLimit(cc);
    PolicyConfig policy = model.policy();
    boolean guaranteed = false;
    if (policy.guaranteeCoverage() > 0) {
      for (GuaranteeFund fund : model.funds()) {
        guaranteed |= fundRoom(fund, policy) > EPSILON;
      }
    }
    return 1 + (guaranteed ? widened(limit, policy.guaranteeCoverage()) : limit);
  }

  /**
   * The credit a firm can expect this step, before it applies (what it may plan to spend on R&D
   * beyond its own cash): its room at its house bank, for a private SME widened by a guarantee to
   * room / (1 - coverage) within its fund's room, and the special innovation loans it may take.
   */
  static double creditLine(EcosystemModel model, Firm firm) {
    return creditLine(model, firm, false);
  }

  /**
   * The credit a firm can count on for R&D under {@code talent.indivisibleRd}: what a guarantee
   * adds to its room at the bank, within its fund's room. Not its unguaranteed room: banks lend
   * against collateral, and R&D, mostly researchers' pay, leaves none, so firms fund it from
   * internal funds and equity, hardly from bank debt (Hall 2002; Brown, Fazzari and Petersen 2009;
   * Hall and Lerner 2010), while a guarantee stands in for the collateral a small firm lacks (Beck,
   * Klapper and Mendoza 2010; Columba, Gambacorta and Mistrulli 2010). Not the special innovation
   * loans either: their quota is shared out each step in the pecking order among all applicants, so
   * no firm knows before it hires what it will get ({@link #creditLine} counts the whole quota for
   * every private SME); they still lend for the R&D a firm must pay ({@link EcosystemModel#rdCommitment}).
   */
  static double rdCreditLine(EcosystemModel model, Firm firm) {
    return creditLine(model, firm, true);
  }

  private static double creditLine(EcosystemModel model, Firm firm, boolean guaranteedOnly) {
    CreditConfig cc = model.scenario().credit();
    boolean sme = firm.getSizeClass().isSme();
    GuaranteeFund fund = eligibleFund(model, firm, sme);
    if (guaranteedOnly && fund == null) {
      // No guarantee to add: the room less itself, 0.
      return 0;
    }
    double room = Math.max(0, firmRoom(firm, sme, cc));
    double unguaranteed = room;
    if (fund != null) {
      double coverage = model.policy().guaranteeCoverage();
      room = Math.min(widened(room, coverage), room + fundRoom(fund, model.policy()) / coverage);
    }
    if (guaranteedOnly) {
      return Math.max(0, room - unguaranteed);
    }
    if (firm.isPrivate() && sme && model.policy().specialLoanQuota() > 0) {
      room += Math.max(0, Math.min(model.policyMoney(model.policy().specialLoanQuota()),
          cc.specialLoanDebtToNetWorth() * Math.max(0, firm.getNetWorth()) - firm.getDebt()));
    }
    return room;
  }

  private static void grant(EcosystemModel model, Firm firm, Bank bank, GuaranteeFund fund, double coverage, double amount,
      CreditConfig cc, int maturity) {
    firm.addLoan(new Loan(bank, fund, coverage, amount, cc.interestRate(), maturity, model.currentStep()));
    model.books().bankLends(bank, firm, amount);
    if (fund != null) {
      fund.addExposure(coverage * amount);
      fund.recordGuarantee(coverage * amount);
    }
  }

  /** A bank's loans weighted by risk: guaranteed shares at their fund's weight ({@link #riskWeight}). */
  private static double riskWeightedLoans(Bank bank, EcosystemModel model, CreditConfig cc) {
    return bank.getLoansOutstanding() - guaranteedRelief(bank, model, cc);
  }

  /** The bank's share of the guaranteed principal, each fund's weighted by 1 − its risk weight. */
  private static double guaranteedRelief(Bank bank, EcosystemModel model, CreditConfig cc) {
    double guaranteed = 0;
    for (GuaranteeFund fund : model.funds()) {
      guaranteed += (1 - riskWeight(model, fund, cc)) * fund.getExposure();
    }
    return model.banks().size() == 1 ? guaranteed : guaranteed * bank.getLoansOutstanding() / totalLoans(model);
  }

  private static double totalLoans(EcosystemModel model) {
    double total = 0;
    for (Bank bank : model.banks()) {
      total += bank.getLoansOutstanding();
    }
    return total > 0 ? total : 1;
  }

  /** What the firm plans to spend this step on R&D and investment. */
  static double plannedSpending(EcosystemModel model, Firm firm) {
    double growth = model.demandGrowth(firm.getSector());
    double targetCapital = firm.getCapitalPerOutput() * firm.getSales() * (1 + growth) * (1 + growth);
    double depreciated = firm.getCapital() * (1 - model.scenario().market().depreciation());
    // Capital goods ordered and paid for last step arrive in this step's market: they are not
    // asked for again.
    // Under talent.indivisibleRd a whole researcher hired for a fraction of one is paid in full:
    // what the firm's funds do not cover is borrowed (EcosystemModel.rdCommitment).
    return model.rdCommitment(firm) + Math.max(0, targetCapital - depreciated - firm.getInvestmentOrder());
  }

  private static void payOut(EcosystemModel model) {
    double payout = model.scenario().credit().bankPayout();
    for (Bank bank : model.banks()) {
      double profit = bank.stepInterest() - bank.stepLosses();
      double amount = Math.min(payout * Math.max(0, profit), Math.max(0, bank.getEquity()));
      if (model.incomes() != null) {
        // With demand from incomes a bank also pays out the equity it does not need: above
        // bankEquityToSales of the economy's scale (policyMoney) and a quarter above what its loans
        // require, so that money does not pile up idle in banks (Caiani et al. 2016 distribute
        // banks' profits too).
        CreditConfig cc = model.scenario().credit();
        double needed = Math.max(model.policyMoney(cc.bankEquityToSales()) / cc.banks(),
            1.25 * cc.capitalRequirement() * bank.getLoansOutstanding());
        amount = Math.max(amount, bank.getEquity() - needed);
      }
      if (amount > 0) {
        model.books().bankToHouseholds(bank, Math.min(amount, bank.getCash()));
      }
      bank.resetStep();
    }
  }

  /**
   * Settles the loans of an exiting firm: its capital is sold to households at
   * {@code recoveryRate} of book value; its cash then repays its lenders pro rata to principal;
   * each bank writes off the rest and is paid the covered share of its loss by the guarantee fund
   * (as far as the fund's capital goes); the government bears the loss on special loans.
   */
  static void settleExit(EcosystemModel model, Firm firm) {
    if (firm.loanCount() == 0) {
      return;
    }
    Books books = model.books();
    double recovery = model.scenario().credit().recoveryRate() * firm.getCapital();
    books.householdsToFirm(Matrices.Flow.LIQUIDATION, firm, recovery);
    firm.setCapital(0);
    double debt = firm.getDebt();
    double available = Math.max(0, firm.getCash());
    double payRatio = Math.min(1, available / debt);
    boolean loss = false;
    for (Loan loan : firm.getLoans()) {
      double principal = loan.principal();
      double paid = principal * payRatio;
      double unpaid = principal - paid;
      if (loan.isSpecial()) {
        books.firmRepaysGovernment(firm, paid, 0);
      } else {
        Bank bank = loan.bank();
        books.firmRepaysBank(firm, bank, paid, 0);
        if (unpaid > EPSILON) {
          bank.addLoans(-unpaid);
          bank.bookLoss(unpaid);
          if (loan.isGuaranteed()) {
            GuaranteeFund fund = loan.fund();
            double claim = Math.min(loan.guaranteedShare() * unpaid, Math.max(0, fund.getCapital()));
            books.fundPaysBank(fund, bank, claim);
            fund.recordLossPaid(claim);
          }
        }
      }
      if (loan.isGuaranteed()) {
        loan.fund().addExposure(-loan.guaranteedShare() * principal);
      }
      loss |= unpaid > EPSILON;
      loan.writeOff();
      firm.loansChanged();
    }
    firm.pruneLoans();
    if (loss) {
      model.counters().defaults++;
    }
  }

  /** Keeps one LOAN edge from the house bank to a firm with bank loans, marked when guaranteed. */
  private static void updateLoanEdge(EcosystemModel model, Firm firm) {
    boolean bankLoans = firm.hasBankLoans();
    boolean guaranteed = firm.hasGuaranteedBankLoans();
    Edge edge = firm.getLoanEdge();
    if (bankLoans && edge == null) {
      Bank bank = model.banks().get(firm.getBankIndex());
      edge = new Edge(bank, firm, new Relation(Relation.Type.LOAN, 1, model.currentStep()));
      model.network().addEdge(edge);
      firm.setLoanEdge(edge);
    } else if (!bankLoans && edge != null) {
      model.network().removeEdge(edge);
      firm.setLoanEdge(null);
      return;
    }
    byte mark = (byte) (guaranteed ? 2 : 1);
    if (edge != null && firm.getLoanEdgeMark() != mark) {
      ((Relation) edge.info).setGuaranteed(guaranteed);
      firm.setLoanEdgeMark(mark);
    }
  }
}
