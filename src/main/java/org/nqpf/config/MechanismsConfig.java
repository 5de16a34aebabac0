package org.nqpf.config;

/**
 * Which implementation of the credit, talent and AI-adoption mechanisms a run uses: the full
 * mechanism, or a simple stand-in that switches it off (for experiments that isolate the others);
 * how a sector's demand is divided among its firms and where it comes from; and how a firm's R&D
 * turns into innovations.
 */
public record MechanismsConfig(Finance finance, Talent talent, Ai ai, Market market, Demand demand,
    Innovation innovation) implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** How firms fund R&D and investment. */
  public enum Finance {
    /** No banks or guarantees; spending is capped by the firm's own cash. */
    INTERNAL_FUNDS,
    /** Banks, guarantee funds and special innovation loans ({@code credit} section). */
    CREDIT,
    /**
     * As {@code CREDIT}, with the financing frictions of new and small private firms and the
     * guarantees that relax them: a private start-up borrows what its founders do not pay in
     * (Evans and Jovanovic 1989); guarantees are for private SMEs, widen their room at the bank to
     * room / (1 − coverage), are priced by leverage and weighted by the fund's risk in the bank's
     * capital (Beck, Klapper and Mendoza 2010; Basel II's substitution approach); firms hire R&D
     * staff for what their cash and expected credit fund (Hall 2002).
     */
    STARTUP_CREDIT
  }

  /** How firms get researchers. */
  public enum Talent {
    /** Researchers are hired at the researcher wage from an unlimited pool. */
    FREE_HIRING,
    /** Headcounts by tier, a national pool, matching, mobility and import ({@code talent} section). */
    MARKET
  }

  /** Whether firms adopt AI. */
  public enum Ai {
    /** No AI adoption. */
    OFF,
    /** Bass-type diffusion of AI adoption ({@code ai} section). */
    DIFFUSION,
    /**
     * AI adoption as an investment decision ({@code ai} section): a firm reviewing its choice adopts
     * when the present value of its expected gain, net of the J-curve of complementary investment,
     * beats the cost, which public AI infrastructure lowers (Griliches 1957; Brynjolfsson, Rock
     * and Syverson 2021).
     */
    DECISION
  }

  /** How a sector's demand is divided among its firms. */
  public enum Market {
    /**
     * Replicator dynamics of market shares on price competitiveness (Dosi, Fagiolo and Roventini
     * 2010): shares keep their start unless prices differ.
     */
    REPLICATOR,
    /**
     * Product lines with creative destruction (Klette and Kortum 2004): a firm's share of its
     * sector is the share of the sector's lines it holds; an innovator takes a line from a holder
     * of lower technology; SOEs that shrink are let go (抓大放小) and the state founds new ones.
     */
    LINES
  }

  /** Where the sectors' demand comes from. */
  public enum Demand {
    /** Each sector's nominal demand grows at its {@code market.demandGrowth} rate; households are a residual account. */
    EXOGENOUS,
    /**
     * Demand from incomes ({@code demand} section): households consume out of income and money, the
     * government buys by a stated rule, firms' investment is bought from the sectors, and unfilled
     * demand spills over to the sector's firms with spare capacity (docs/MODEL.md, "Demand from incomes").
     */
    INCOMES
  }

  /** How a firm's own R&D turns into innovations. */
  public enum Innovation {
    /**
     * One draw a step (Dosi, Fagiolo and Roventini 2010): success with probability
     * 1 - exp(-zeta * effort), a jump drawn from a Beta on [drawLow, drawHigh] or a radical one,
     * kept only if it improves.
     */
    DRAW,
    /**
     * Innovations as Poisson arrivals (Klette and Kortum 2004) with intensity rising in R&D effort
     * and a knowledge stock (Griliches 1979; Cohen and Levinthal 1990), no cap a step, and sizes
     * drawn from a truncated Pareto (Silverberg and Verspagen 2007).
     */
    ARRIVALS
  }

  public static final MechanismsConfig DEFAULT = new MechanismsConfig(Finance.STARTUP_CREDIT, Talent.MARKET, Ai.DECISION,
      Market.LINES, Demand.INCOMES, Innovation.ARRIVALS);

  public MechanismsConfig {
    Check.present("finance", finance);
    Check.present("talent", talent);
    Check.present("ai", ai);
    Check.present("market", market);
    Check.present("demand", demand);
    Check.present("innovation", innovation);
  }
}
