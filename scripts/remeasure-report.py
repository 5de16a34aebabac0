#!/usr/bin/env python3
"""Writes DIR/REPORT.md from what scripts/remeasure left in DIR (default results/remeasure):
for each machine-readable figure, where the docs quote it and the new value, so that a human
updating the docs need not hunt. Groups not run are listed as missing. Stdlib only."""
import csv
import glob
import json
import os
import re
import statistics
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else "results/remeasure"
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262,
        10: 2.228, 11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 19: 2.093, 29: 2.045}
lines = []


def say(text=""):
    lines.append(text)


def mean_ci(values):
    """Mean and 95% t interval across replications, as README quotes them."""
    m = statistics.mean(values)
    if len(values) < 2:
        return m, m, m
    t = T975.get(len(values) - 1, 1.96)
    h = t * statistics.stdev(values) / len(values) ** 0.5
    return m, m - h, m + h


def fmt(m, lo, hi, scale=1.0, digits=3):
    return f"{m * scale:.{digits}f} [{lo * scale:.{digits}f}, {hi * scale:.{digits}f}]"


def group(name, where):
    path = os.path.join(OUT, name)
    say(f"## {name}")
    say()
    if not os.path.isdir(path):
        say(f"Not run (`scripts/remeasure {name}`). Quoted in: {where}.")
        say()
        return None
    return path


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def validation_rows(path, where, ids=None):
    rows = read_csv(os.path.join(path, "validation.csv"))
    for r in rows:
        if ids and r["id"] not in ids:
            continue
        say(f"- {where}, row {r['id']} ({r['target']}): {float(r['model_value']):.4g} "
            f"[{float(r['ci_low']):.4g}, {float(r['ci_high']):.4g}] {r['verdict']}"
            if r["model_value"] not in ("", "NaN") and r["ci_low"] not in ("", "NaN")
            else f"- {where}, row {r['id']} ({r['target']}): {r['model_value']} {r['verdict']}")
    verdicts = [r["verdict"] for r in rows]
    say(f"- {where}, the count: {verdicts.count('PASS')} pass, {verdicts.count('MISS')} miss, "
        f"{len(verdicts) - verdicts.count('PASS') - verdicts.count('MISS')} descriptive or inputs")


def effects_table(path, where, image=True):
    md = os.path.join(path, "effects.md")
    for line in open(md, encoding="utf-8"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 2 and cells[0] not in ("policy", "") and not set(cells[0]) <= set("-: "):
            say(f"- {where}, row {cells[0]}: `{line.strip()}`")
    if image:
        say(f"- {where}, the image: copy {os.path.join(path, 'effects.png')} over the image README shows")


def report_baseline_run():
    p = group("baseline-run", "README.md § Running (the example output)")
    if not p:
        return
    log = open(os.path.join(p, "run.log"), encoding="utf-8").read()
    for line in log.splitlines():
        if line.startswith("final:"):
            say(f"- README.md § Running, example output: `{line}`")
    say()


def report_ai_factory():
    p = group("ai-factory", "README.md § The AI-factory figures, measured")
    if not p:
        return
    for prefix, label in (("seed-", "the default"), ("no-knowledge-", "knowledgeWeight 0")):
        comps = [json.load(open(f, encoding="utf-8"))["extra"]["aiComparison"]
                 for f in sorted(glob.glob(os.path.join(p, prefix + "*", "summary.json")))]
        if not comps:
            continue
        n = len(comps)
        say(f"- README.md § The AI-factory figures, {label} ({n} seeds): production efficiency "
            f"{fmt(*mean_ci([c['productionEfficiencyGain'] for c in comps]), 100, 1)}%, R&D cycle "
            f"{fmt(*mean_ci([c['rdCycleChange'] for c in comps]), 100, 1)}%, adopters "
            f"{100 * statistics.mean(c['adopterShare'] for c in comps):.0f}% of firms at a mean level "
            f"{statistics.mean(c['meanAdopterLevel'] for c in comps):.2f}")
    say()


def report_validation():
    p = group("validation", "README.md § Validation; docs/VALIDATION.md § The baseline, measured")
    if not p:
        return
    validation_rows(os.path.join(p, "validation"), "README.md § Validation and docs/VALIDATION.md § The baseline, measured")
    for png in ("rank_size_employment", "growth_density", "exit_hazard_by_age", "lorenz_innovation_value"):
        say(f"- docs/images/validation/{png}.png: copy {os.path.join(p, 'validation', 'charts', png + '.png')}")
    say()


def report_validation_seeds():
    p = group("validation-seeds", "docs/VALIDATION.md § Firm dynamics: before and after; README.md § The model in brief")
    if not p:
        return
    for d in sorted(d for d in glob.glob(os.path.join(p, "*seed-*")) if os.path.isdir(d)):
        validation_rows(d, f"docs/VALIDATION.md § Firm dynamics: before and after, {os.path.basename(d)}",
                        {"1a", "1b", "1c", "1d", "1e", "3a", "4b", "4c", "5a", "5d", "6a", "6b", "7b", "8a", "8b", "8c"})
    say()


def report_validation_2000():
    p = group("validation-2000", "README.md § The article's 五六七八九 (stationarity on 2,000 steps); docs/VALIDATION.md § The baseline, measured")
    if not p:
        return
    for d in sorted(d for d in glob.glob(os.path.join(p, "seed-*")) if os.path.isdir(d)):
        rows = read_csv(os.path.join(d, "validation.csv"))
        for r in rows:
            if re.search("stationar|ergodic|warm-up|memory", r["target"], re.I):
                say(f"- docs/VALIDATION.md § The baseline, measured, 2,000 steps, {os.path.basename(d)}, "
                    f"row {r['id']} ({r['target']}): {r['model_value']} {r['verdict']}")
    say()


def report_as_designed_run():
    p = group("as-designed-run", "README.md § The article's policies as designed (guarantees are used)")
    if not p:
        return
    m = json.load(open(os.path.join(p, "run", "summary.json"), encoding="utf-8"))["metrics"]
    where = "README.md § The article's policies as designed, \"Guarantees are used\""
    say(f"- {where}: {m['loansGuaranteed']['mean']:.1f} guaranteed loans a quarter (loansGuaranteed), "
        f"{100 * m['smeRationedShare']['mean']:.0f}% of SME applicants rationed (smeRationedShare), "
        f"private SMEs lent {100 * m['privateSmeCreditGranted']['mean'] / m['output']['mean']:.2f}% of output "
        f"a quarter (privateSmeCreditGranted / output, means), fund loss ratio "
        f"{m['fundLossRatio']['final']:.3f} at the end (fundLossRatio), {m['defaults']['mean']:.1f} defaults a quarter")
    say()


def report_effects():
    p = group("effects", "README.md § Policy effects; docs/EFFECTS.md")
    if not p:
        return
    effects_table(os.path.join(p, "policy-effects"), "README.md § Policy effects")
    effects_table(os.path.join(p, "policy-effects-guarantees"),
                  "README.md § Policy effects (the guarantees bullet, 100 replications)", image=False)
    say()


def report_effects_as_designed():
    p = group("effects-as-designed", "README.md § The article's policies as designed (an option)")
    if not p:
        return
    effects_table(os.path.join(p, "policy-effects-as-designed"), "README.md § The article's policies as designed")
    say()


def report_experiments():
    p = group("experiments", "README.md § Experiments (captions, docs/images/experiments); docs/EXPERIMENTS.md § Findings")
    if not p:
        return
    for d in sorted(glob.glob(os.path.join(p, "*", "findings.csv"))):
        name = os.path.basename(os.path.dirname(d))
        for r in read_csv(d)[:3]:
            say(f"- README.md § Experiments, {name}'s caption: {r['sentence']}")
        say(f"- docs/images/experiments/{name}.png: pick the key chart from {os.path.join(os.path.dirname(d), 'charts')}/")
    say()


def report_calibrate():
    p = group("calibrate", "README.md § Calibration; docs/MODEL.md § 8. Calibration")
    if not p:
        return
    for d in sorted(glob.glob(os.path.join(p, "*", "parameters.csv"))):
        name = os.path.basename(os.path.dirname(d))
        for r in read_csv(d):
            say(f"- README.md § Calibration, {name}: {r['parameter']} estimate {r['estimate']}, "
                f"profile [{r['profileLow']}, {r['profileHigh']}], {r['identification']}")
        fit = os.path.join(os.path.dirname(d), "fit.csv")
        if os.path.exists(fit):
            for r in read_csv(fit):
                say(f"- README.md § Calibration, {name}, fit: " + ", ".join(f"{k} {v}" for k, v in r.items()))
    say()


def report_levers():
    p = group("levers", "README.md § Levers and their direct effects")
    if not p:
        return
    log = os.path.join(p, "levers.log")
    for line in open(log, encoding="utf-8", errors="replace"):
        if "mean difference" in line:
            say(f"- README.md § Levers and their direct effects: `{line.strip()}`")
    say()


def report_bench():
    p = group("bench", "README.md § Performance; docs/PERFORMANCE.md; README.md § The live GUI (Speed)")
    if not p:
        return
    say(f"- wall-clock figures: read {p}/bench-all.log, bench-model.log and gui-measure.log by hand "
        "(they vary between hours; docs/PERFORMANCE.md says how they are quoted)")
    say()


# One function a group, in the order of docs/FIGURES.md; a group whose files are missing is reported
# as incomplete, not as an error.
SECTIONS = [report_baseline_run, report_ai_factory, report_validation, report_validation_seeds, report_validation_2000, report_as_designed_run, report_effects, report_effects_as_designed, report_experiments, report_calibrate, report_levers, report_bench]


def main():
    say(f"# Remeasured figures ({OUT})")
    say()
    say("Each line: where the docs quote a figure (docs/FIGURES.md lists them), then its new value.")
    say()
    for section in SECTIONS:
        try:
            section()
        except (OSError, KeyError, ValueError, json.JSONDecodeError) as e:
            say(f"- incomplete: {e} (rerun the group)")
            say()

    say("## Not extracted")
    say()
    say("The groups `starts` (README's table of the private shares by start: MSER-5 warm-ups and means "
        "over steps 1,000–2,000 of timeseries.csv) and the figures docs/FIGURES.md lists as computed by hand "
        "need the analysis FIGURES.md describes; the outputs are in their group's folder.")
    report = os.path.join(OUT, "REPORT.md")
    os.makedirs(OUT, exist_ok=True)
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(report)


if __name__ == "__main__":
    main()
