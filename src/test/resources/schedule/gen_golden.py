#!/usr/bin/python3
"""Golden learning-rate (and momentum) sequences from PyTorch for dev.optlab.schedule's tests.

Run with Debian's python3-torch (1.13), from this folder:
    /usr/bin/python3 gen_golden.py [ORACLE_DIR]      # ORACLE_DIR defaults to ../../../../../shared/oracle
It writes cases.txt (one case a line: `id | optimizer | lr0 | steps | schedule`, the schedule in
the language's call syntax) and golden/<id>.csv with columns step,lr,momentum,loss: `lr` is
get_last_lr()[0] after `step` scheduler steps; `momentum` is param_groups[0]['momentum'] (or
betas[0]) then, empty when the schedule does not cycle it (or in a chain, where the oracle does
not apply it); `loss` is what ReduceLROnPlateau.step() is given after row `step`, empty for
other schedules. Each scheduler is driven as the oracle (torch_trace.py) does it: a dummy
optimizer, `opt.step(); sched.step()` per step; chains (`A for N then B`) and expression
schedules (`lambda:NAME`) go through the oracle's own scheduler_lrs.
"""
import ast, csv, math, os, random, re, sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../shared/oracle")
sys.path.insert(0, os.path.abspath(ORACLE))
import torch_trace  # noqa: E402  (sets float64 as torch's default dtype)

CLASSES = {
    "constant_lr": "ConstantLR", "linear": "LinearLR", "step": "StepLR",
    "multistep": "MultiStepLR", "exponential": "ExponentialLR", "polynomial": "PolynomialLR",
    "cosine": "CosineAnnealingLR", "cosine_restarts": "CosineAnnealingWarmRestarts",
    "cyclic": "CyclicLR", "onecycle": "OneCycleLR", "plateau": "ReduceLROnPlateau",
}

# The Java test holds the same expressions as DoubleBinaryOperators (ScheduleGoldenTest.LAMBDAS).
LAMBDAS = {
    "halving": "lr0 * 0.5 ** math.floor(t / 100)",
    "warm": "lr0 * min(1.0, (t + 1) / 10)",
    "invsqrt": "lr0 / math.sqrt(1 + t)",
    "cos": "0.5 * lr0 * (1 + math.cos(math.pi * t / 200))",
}


def losses(pattern, n, seed):
    """A fixed loss sequence for ReduceLROnPlateau: falls, stalls, wobbles."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        if pattern == "fall_flat":
            v = 1 / (1 + 0.05 * k) if k < 100 else 1 / 6 + rng.uniform(-1e-3, 1e-3)
        elif pattern == "noisy":
            v = math.exp(-k / 50) + rng.gauss(0, 0.02)
        elif pattern == "rising":
            v = 1 - math.exp(-k / 40) + rng.gauss(0, 0.01)
        elif pattern == "steps":
            v = 10.0 - (k // 17) * 0.5 + (0.005 if k % 3 == 0 else 0.0)
        elif pattern == "const":
            v = 1.0
        else:
            raise ValueError(pattern)
        out.append(v)
    return out


CASES = [
    # id, optimizer, lr0, steps, schedule[, loss pattern]
    ("constant_default", "SGD", 0.1, 20, "constant_lr()"),
    ("constant_half_100", "SGD", 0.05, 150, "constant_lr(factor=0.5, total_iters=100)"),
    ("constant_third", "SGD", 0.3, 12, "constant_lr(factor=0.3333, total_iters=7)"),
    ("constant_zero_iters", "SGD", 0.1, 10, "constant_lr(factor=0.25, total_iters=0)"),
    ("linear_default", "SGD", 0.1, 20, "linear()"),
    ("linear_warmup_100", "SGD", 0.1, 150, "linear(start_factor=0.01, total_iters=100)"),
    ("linear_warmup_oracle", "Adam", 0.04, 60, "linear(start_factor=0.1, total_iters=50)"),
    ("linear_decay", "SGD", 0.05, 120,
     "linear(start_factor=1.0, end_factor=0.1, total_iters=80)"),
    ("linear_to_zero", "SGD", 0.2, 70, "linear(start_factor=0.5, end_factor=0.0, total_iters=50)"),
    ("linear_zero_iters", "SGD", 0.1, 8, "linear(start_factor=0.2, total_iters=0)"),
    ("step_10", "SGD", 0.1, 100, "step(step_size=10)"),
    ("step_7_half", "SGD", 0.3, 100, "step(step_size=7, gamma=0.5)"),
    ("multistep_basic", "SGD", 0.1, 120, "multistep(milestones=[30, 80])"),
    ("multistep_edges", "SGD", 0.1, 60, "multistep(milestones=[0, 5, 6, 50], gamma=0.5)"),
    ("exp_099", "SGD", 0.1, 1000, "exponential(gamma=0.99)"),
    ("exp_07", "SGD", 0.7, 150, "exponential(gamma=0.7)"),
    ("poly_default", "SGD", 0.001, 10, "polynomial()"),
    ("poly_linear_100", "SGD", 0.1, 130, "polynomial(total_iters=100)"),
    ("poly_square", "SGD", 0.1, 70, "polynomial(total_iters=50, power=2.0)"),
    ("poly_sqrt", "SGD", 0.3, 45, "polynomial(total_iters=37, power=0.5)"),
    ("poly_cube", "SGD", 0.05, 45, "polynomial(total_iters=40, power=3)"),
    ("cos_100", "SGD", 0.1, 450, "cosine(T_max=100)"),
    ("cos_eta_2000", "SGD", 0.01, 4500, "cosine(T_max=2000, eta_min=0.0001)"),
    ("cos_T1", "SGD", 0.1, 10, "cosine(T_max=1)"),
    ("cos_T3_eta", "SGD", 0.1, 20, "cosine(T_max=3, eta_min=0.01)"),
    ("cos_997", "Adam", 1.0, 3000, "cosine(T_max=997, eta_min=0.003)"),
    ("cwr_10", "SGD", 0.1, 55, "cosine_restarts(T_0=10)"),
    ("cwr_mult2", "SGD", 0.1, 200, "cosine_restarts(T_0=5, T_mult=2, eta_min=0.001)"),
    ("cwr_mult3", "SGD", 0.05, 130, "cosine_restarts(T_0=1, T_mult=3)"),
    ("cwr_T0_1", "SGD", 0.1, 5, "cosine_restarts(T_0=1)"),
    ("cyc_tri", "SGD", 0.5, 200, "cyclic(base_lr=0.001, max_lr=0.1, step_size_up=20)"),
    ("cyc_tri_down", "SGD", 0.5, 200,
     "cyclic(base_lr=0.01, max_lr=0.05, step_size_up=10, step_size_down=30)"),
    ("cyc_tri2", "SGD", 0.5, 200,
     "cyclic(base_lr=0.001, max_lr=0.1, step_size_up=15, mode=\"triangular2\")"),
    ("cyc_exp", "SGD", 0.5, 400,
     "cyclic(base_lr=0.001, max_lr=0.1, step_size_up=25, step_size_down=15, mode=\"exp_range\","
     " gamma=0.995)"),
    ("cyc_no_momentum", "SGD", 0.5, 60,
     "cyclic(base_lr=0.001, max_lr=0.01, step_size_up=7, cycle_momentum=false)"),
    ("cyc_rmsprop", "RMSprop", 0.5, 90,
     "cyclic(base_lr=0.002, max_lr=0.02, step_size_up=9, step_size_down=4, base_momentum=0.5,"
     " max_momentum=0.95)"),
    ("cyc_default_size", "SGD", 0.5, 4100, "cyclic(base_lr=0.001, max_lr=0.006)"),
    ("oc_default", "SGD", 0.5, 100, "onecycle(max_lr=0.1, total_steps=100)"),
    ("oc_adam", "Adam", 0.5, 250, "onecycle(max_lr=0.01, total_steps=250, pct_start=0.25)"),
    ("oc_linear", "SGD", 0.5, 120,
     "onecycle(max_lr=0.1, total_steps=120, anneal_strategy=\"linear\")"),
    ("oc_three", "SGD", 0.5, 200, "onecycle(max_lr=0.05, total_steps=200, three_phase=true)"),
    ("oc_three_linear", "Adam", 0.5, 90,
     "onecycle(max_lr=0.02, total_steps=90, pct_start=0.4, anneal_strategy=\"linear\","
     " div_factor=10.0, final_div_factor=100.0, three_phase=true)"),
    ("oc_no_momentum", "SGD", 0.5, 50,
     "onecycle(max_lr=0.1, total_steps=80, cycle_momentum=false)"),
    ("oc_pct0", "SGD", 0.5, 30, "onecycle(max_lr=0.1, total_steps=30, pct_start=0.0)"),
    ("oc_tiny", "SGD", 0.5, 3, "onecycle(max_lr=0.1, total_steps=3)"),
    ("oc_rmsprop", "RMSprop", 0.5, 77,
     "onecycle(max_lr=0.03, total_steps=77, base_momentum=0.8, max_momentum=0.9)"),
    ("pl_default", "SGD", 0.1, 300, "plateau()", "fall_flat"),
    ("pl_patience", "SGD", 0.1, 300, "plateau(factor=0.5, patience=5)", "noisy"),
    ("pl_abs", "SGD", 0.1, 300,
     "plateau(threshold=0.01, threshold_mode=\"abs\", patience=3)", "noisy"),
    ("pl_max", "SGD", 0.1, 300, "plateau(mode=\"max\", patience=4, factor=0.3)", "rising"),
    ("pl_max_abs", "SGD", 0.1, 300,
     "plateau(mode=\"max\", threshold=0.001, threshold_mode=\"abs\", patience=2, cooldown=3)",
     "rising"),
    ("pl_cooldown", "SGD", 0.1, 200, "plateau(factor=0.5, patience=2, cooldown=5)", "steps"),
    ("pl_min_lr", "SGD", 0.1, 60, "plateau(patience=1, min_lr=0.0001)", "const"),
    ("pl_eps", "SGD", 0.01, 60, "plateau(factor=0.9, patience=0, eps=0.0005)", "const"),
    ("pl_thr0", "SGD", 0.1, 200, "plateau(patience=0, threshold=0.0)", "steps"),
    ("ch_warm_cos", "SGD", 0.1, 300,
     "linear(start_factor=0.01, total_iters=50) for 50 then cosine(T_max=250, eta_min=0.001)"),
    ("ch_oracle_sample", "Adam", 0.02, 300,  # /work/shared/oracle/examples/sample_adam_warmup_cosine
     "linear(start_factor=0.1, end_factor=1.0, total_iters=50) for 50 then cosine(T_max=250)"),
    ("ch_short", "SGD", 0.1, 100, "cosine(T_max=100) for 30 then exponential(gamma=0.98)"),
    ("ch_three", "SGD", 0.1, 250,
     "constant_lr(factor=0.1, total_iters=1000) for 20 then step(step_size=15, gamma=0.5) for 60"
     " then polynomial(total_iters=100, power=2.0)"),
    ("ch_zero", "SGD", 0.1, 30, "step(step_size=5) for 0 then exponential(gamma=0.9)"),
    ("ch_ones", "SGD", 0.1, 20,
     "exponential(gamma=0.5) for 1 then step(step_size=1, gamma=0.5) for 1 then cosine(T_max=10)"),
    ("ch_cyclic", "SGD", 0.1, 200,
     "cyclic(base_lr=0.01, max_lr=0.1, step_size_up=25) for 100 then cosine(T_max=100)"),
    ("ch_onecycle", "SGD", 0.1, 150,
     "onecycle(max_lr=0.1, total_steps=100) for 100 then constant_lr(factor=0.01,"
     " total_iters=1000000)"),
    ("ch_lambda", "SGD", 0.1, 120, "lambda:warm for 10 then cosine(T_max=90)"),
    ("ch_lambda_last", "Adam", 0.01, 120, "step(step_size=20) for 50 then lambda:invsqrt"),
    ("lam_halving", "SGD", 0.1, 350, "lambda:halving"),
    ("lam_warm", "SGD", 0.1, 30, "lambda:warm"),
    ("lam_invsqrt", "Adam", 0.01, 100, "lambda:invsqrt"),
    ("lam_cos", "SGD", 0.1, 400, "lambda:cos"),
]


def parse_call(text):
    """`name(k=v, ...)` -> (name, kwargs), with Python values (ints stay ints)."""
    m = re.fullmatch(r"\s*(\w+)\((.*)\)\s*", text)
    name, body = m.group(1), m.group(2)
    kwargs = {}
    for part in re.split(r",\s*(?![^\[]*\])", body) if body.strip() else []:
        k, v = part.split("=", 1)
        v = v.strip().replace("true", "True").replace("false", "False")
        kwargs[k.strip()] = ast.literal_eval(v)
    return name, kwargs


def oracle_spec(text):
    """The schedule text -> the oracle's schedule form."""
    if " then " in text:
        segs = []
        for part in text.split(" then "):
            m = re.fullmatch(r"(.*) for (\d+)", part)
            segs.append([oracle_spec(m.group(1)), int(m.group(2))] if m
                        else [oracle_spec(part), None])
        return {"then": segs}
    if text.startswith("lambda:"):
        return {"lambda": LAMBDAS[text[len("lambda:"):]]}
    name, kwargs = parse_call(text)
    return {"class": CLASSES[name], "kwargs": kwargs}


def optimizer_kwargs(opt_class, lr0):
    return {"lr": lr0, "momentum": 0.9} if opt_class in ("SGD", "RMSprop") else {"lr": lr0}


def momentum_of(opt):
    g = opt.param_groups[0]
    return g["betas"][0] if "betas" in g else g["momentum"]


def drive(case):
    cid, opt_class, lr0, steps, text = case[:5]
    spec = oracle_spec(text)
    okw = optimizer_kwargs(opt_class, lr0)
    rows = []
    if "class" not in spec:
        lrs = torch_trace.scheduler_lrs(spec, lr0, steps, opt_class, okw)
        return [[k, lrs[k], "", ""] for k in range(steps + 1)]
    dummy = torch.zeros(1, requires_grad=True)
    opt = getattr(torch.optim, opt_class)([dummy], **okw)
    cls = getattr(torch.optim.lr_scheduler, spec["class"])
    sched = cls(opt, **spec["kwargs"])
    if spec["class"] == "ReduceLROnPlateau":
        seq = losses(case[5], steps + 1, seed=len(rows) + sum(map(ord, cid)))
        for k in range(steps + 1):
            rows.append([k, opt.param_groups[0]["lr"], "", seq[k]])
            opt.step()
            sched.step(seq[k])
        return rows
    cycles = spec["class"] in ("CyclicLR", "OneCycleLR") and spec["kwargs"].get(
        "cycle_momentum", True)
    for k in range(steps + 1):
        rows.append([k, sched.get_last_lr()[0], momentum_of(opt) if cycles else "", ""])
        if k < steps:
            opt.step()
            sched.step()
    check = torch_trace.scheduler_lrs(spec, lr0, steps, opt_class, okw)
    assert check == [r[1] for r in rows], cid
    return rows


def main():
    os.makedirs(os.path.join(HERE, "golden"), exist_ok=True)
    with open(os.path.join(HERE, "cases.txt"), "w") as idx:
        idx.write("# generated by gen_golden.py: id | optimizer | lr0 | steps | schedule\n")
        for case in CASES:
            cid, opt_class, lr0, steps, text = case[:5]
            idx.write(f"{cid} | {opt_class} | {lr0!r} | {steps} | {text}\n")
            with open(os.path.join(HERE, "golden", cid + ".csv"), "w", newline="") as fh:
                w = csv.writer(fh, lineterminator="\n")
                w.writerow(["step", "lr", "momentum", "loss"])
                for r in drive(case):
                    w.writerow([repr(x) if isinstance(x, float) else x for x in r])


if __name__ == "__main__":
    main()
