#!/usr/bin/python3
"""Source of the conformance suite: writes cases.json (the oracle's input) and one
optlab script <name>.opt per case, both from the single table CASES below, so that a
script and its PyTorch case cannot drift apart.

    cd src/test/resources/conformance
    /usr/bin/python3 gen_cases.py                  # writes cases.json and *.opt
    /usr/bin/python3 /work/shared/oracle/torch_trace.py cases.json .   # writes *.csv
    /usr/bin/python3 stability.py                  # checks no case amplifies rounding

Objectives and expression schedules are written once, in optlab syntax, and translated
to the oracle's Python (`^` -> `**`; in objectives `min`/`max` -> torch `minimum`/
`maximum`, which need tensors on both sides, so never give them a bare constant; in
schedules the built-ins become `math.*`, and `min`/`max` stay Python's).
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------
# Objectives: key -> (optlab name, [(param, default start)], optlab expression)
OBJECTIVES = {
    "rosen": ("rosenbrock", [("x", -1.2), ("y", 1.0)],
              "(1 - x)^2 + 100 * (y - x^2)^2"),
    "beale": ("beale", [("x", 1.0), ("y", 1.5)],
              "(1.5 - x + x * y)^2 + (2.25 - x + x * y^2)^2 + (2.625 - x + x * y^3)^2"),
    "booth": ("booth", [("x", 0.0), ("y", 0.0)],
              "(x + 2 * y - 7)^2 + (2 * x + y - 5)^2"),
    "himmel": ("himmelblau", [("x", 0.5), ("y", -0.5)],
               "(x^2 + y - 11)^2 + (x + y^2 - 7)^2"),
    "saddle": ("saddle", [("x", 1.0), ("y", 0.01)],
               "x^2 - y^2"),
    "quad3": ("quad3", [("x", 1.0), ("y", 1.0), ("z", 1.0)],
              "0.5 * x^2 + 5 * y^2 + 50 * z^2 + x * y + 2 * y * z"),
    "concave": ("hill", [("x", -1.0), ("y", 1.0)],
                "-(x - 1)^2 - 2 * (y + 0.5)^2 - 0.5 * x * y"),
    "smoothabs": ("smoothabs", [("x", 2.5), ("y", -1.0)],
                  "log(exp(x - 1) + exp(1 - x)) + sqrt(1 + (y - 2)^2) - 1"),
    "tanhfit": ("tanhfit", [("x", 0.1), ("y", -0.2)],
                "(tanh(2 * x) - 0.5)^2 + (tanh(y) + 0.3)^2 + 0.01 * (x^2 + y^2)"),
    "expbowl": ("expbowl", [("x", 1.5), ("y", -1.0)],
                "exp(0.5 * x) + exp(-0.5 * x) + y^2 * exp(0.2 * x) + sqrt(1 + x^2 * y^2)"),
    "logistic": ("logistic", [("w", 0.5), ("b", -0.5)],
                 "softplus(-(2 * w + b)) + softplus(w - b) + softplus(-(0.5 * w + 1.5 * b))"
                 " + 0.05 * (w^2 + b^2)"),
    "sigfit": ("sigfit", [("a", 0.0), ("b", 0.0)],
               "(sigmoid(a + b) - 0.8)^2 + (sigmoid(a - 2 * b) - 0.3)^2"),
    "wave": ("wave", [("x", 1.0), ("y", 1.0)],
             "sin(x) + cos(2 * y) + 0.1 * (x^2 + y^2)"),
    "kinks": ("kinks", [("x", 1.3), ("y", -0.7)],
              "abs(x - 0.5) + 0.5 * relu(y + 1) + (x + y)^2"),
    "subgrad": ("subgrad", [("x", 0.0), ("y", 0.0), ("z", 1.5)],
                "abs(x) + relu(y) + 2 * relu(-y) + (z - 1)^2"),
    "minmax": ("minmax", [("x", 2.0), ("y", -1.0)],
               "max(x - 1, y + 1)^2 + min(x, 2 * y)^2 + 0.5 * (x - y)^2"),
    "tanfloor": ("tanfloor", [("x", 1.2), ("y", -0.8)],
                 "tan(0.5 * x)^2 + (y - 0.3)^2 + 0.1 * floor(2 * y) + 0.1 * ceil(x)"
                 " + 0.2 * sign(y) * x"),
    "consts": ("consts", [("x", 0.0), ("y", 0.0)],
               "(x - pi)^2 + 0.5 * (y - e)^2 + 0.1 * x * y"),
    "abspair": ("abspair", [("x", 3.0), ("y", -2.5)],
                "abs(x - 1) + 2 * abs(y + 2) + 0.01 * (x^2 + y^2)"),
}

OPT_FUNS = ["sqrt", "exp", "log", "sin", "cos", "tan", "tanh", "floor", "ceil"]


def py_objective(expr):
    expr = expr.replace("^", "**")
    expr = re.sub(r"\bmin\(", "minimum(", expr)
    return re.sub(r"\bmax\(", "maximum(", expr)


def py_lambda(expr):
    expr = expr.replace("^", "**")
    for f in OPT_FUNS:
        expr = re.sub(r"\b%s\(" % f, "math.%s(" % f, expr)
    return expr


# ---------------------------------------------------------------------------------------
# Optimizers and schedules

SCHED_CLASS = {
    "constant_lr": "ConstantLR", "linear": "LinearLR", "step": "StepLR",
    "multistep": "MultiStepLR", "exponential": "ExponentialLR", "polynomial": "PolynomialLR",
    "cosine": "CosineAnnealingLR", "cosine_restarts": "CosineAnnealingWarmRestarts",
    "cyclic": "CyclicLR", "onecycle": "OneCycleLR", "plateau": "ReduceLROnPlateau",
}
TUPLE_KEYS = {"betas", "etas", "step_sizes"}


def fmt(key, v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return '"%s"' % v
    if isinstance(v, (list, tuple)):
        inner = ", ".join(fmt(None, x) for x in v)
        return "(%s)" % inner if key in TUPLE_KEYS else "[%s]" % inner
    return repr(v)


def args(kw):
    return ", ".join("%s = %s" % (k, fmt(k, v)) for k, v in kw.items())


class Sched:
    """A built-in schedule: Sched("cosine", T_max=100)."""
    def __init__(self, name, **kw):
        self.name, self.kw = name, kw

    def text(self):
        return "%s(%s)" % (self.name, args(self.kw))

    def spec(self):
        return {"class": SCHED_CLASS[self.name], "kwargs": dict(self.kw)}

    def decls(self):
        return []


class Expr:
    """An expression schedule `schedule NAME(t) = EXPR`, referred to by name."""
    def __init__(self, name, expr):
        self.name, self.expr = name, expr

    def text(self):
        return self.name

    def spec(self):
        return {"lambda": py_lambda(self.expr)}

    def decls(self):
        return ["schedule %s(t) = %s" % (self.name, self.expr)]


class Then:
    """`A for N then B ...`: Then((A, 20), (B, None))."""
    def __init__(self, *segs):
        self.segs = segs

    def text(self):
        return " then ".join(s.text() + ("" if n is None else " for %d" % n) for s, n in self.segs)

    def spec(self):
        return {"then": [[s.spec(), n] for s, n in self.segs]}

    def decls(self):
        out = []
        for s, _ in self.segs:
            for d in s.decls():
                if d not in out:
                    out.append(d)
        return out


class Named:
    """A schedule declared with `schedule NAME = ...` and referred to by name."""
    def __init__(self, name, sched):
        self.name, self.sched = name, sched

    def text(self):
        return self.name

    def spec(self):
        return self.sched.spec()

    def decls(self):
        return self.sched.decls() + ["schedule %s = %s" % (self.name, self.sched.text())]


CASES = []


def case(name, run, obj, cls, kw, steps, every, sched=None, start=None, note=""):
    CASES.append(dict(name=name, run=run, obj=obj, cls=cls, kw=kw, steps=steps,
                      every=every, sched=sched, start=start, note=note))


# --- SGD -------------------------------------------------------------------------------
case("sgd_plain_booth", "sgd", "booth", "SGD", {"lr": 0.02}, 100, 10,
     note="plain SGD on Booth")
case("sgd_momentum_quad3", "mom", "quad3", "SGD", {"lr": 0.005, "momentum": 0.9}, 300, 25,
     note="heavy ball on an ill-conditioned 3-parameter quadratic")
case("sgd_dampening_himmelblau", "damp", "himmel", "SGD",
     {"lr": 0.005, "momentum": 0.8, "dampening": 0.3}, 60, 6,
     note="momentum with dampening (first buffer is the raw gradient)")
case("sgd_nesterov_rosenbrock", "nest", "rosen", "SGD",
     {"lr": 5e-4, "momentum": 0.9, "nesterov": True}, 400, 40, note="Nesterov momentum")
case("sgd_weight_decay_sigfit", "sgd_wd", "sigfit", "SGD",
     {"lr": 2.0, "weight_decay": 0.01}, 150, 15, note="L2 weight decay, sigmoid objective")
case("sgd_maximize_hill", "climb", "concave", "SGD", {"lr": 0.05, "maximize": True}, 80, 8,
     note="gradient ascent on a concave quadratic")
case("sgd_momentum_wd_maximize_hill", "climb_mom", "concave", "SGD",
     {"lr": 0.02, "momentum": 0.5, "dampening": 0.1, "weight_decay": 0.05, "maximize": True},
     120, 12, note="maximize with momentum, dampening and weight decay together")
case("sgd_saddle", "sgd", "saddle", "SGD", {"lr": 0.01}, 200, 20,
     note="escaping the saddle x^2 - y^2 from just off it")
case("sgd_momentum_tanhfit_every1", "mom", "tanhfit", "SGD", {"lr": 0.1, "momentum": 0.7},
     40, 1, note="every step traced")
case("sgd_subgradient_zero", "sgd", "subgrad", "SGD", {"lr": 0.05}, 60, 6,
     note="abs and relu at exactly 0 take subgradient 0: x and y never move")
case("sgd_nesterov_wd_logistic", "nest_wd", "logistic", "SGD",
     {"lr": 0.3, "momentum": 0.8, "nesterov": True, "weight_decay": 0.01}, 125, 20,
     note="Nesterov with weight decay on softplus terms; last step off the `every` grid")
case("sgd_from_rosenbrock", "sgd", "rosen", "SGD", {"lr": 1e-3}, 250, 25,
     start={"x": -1.5, "y": 2.0}, note="a `from` start point that is not the default")

# --- Adam / AdamW ----------------------------------------------------------------------
case("adam_plain_beale", "adam", "beale", "Adam", {"lr": 0.01}, 500, 50, note="plain Adam")
case("adam_amsgrad_rosenbrock", "ams", "rosen", "Adam", {"lr": 0.02, "amsgrad": True},
     300, 30, note="AMSGrad")
case("adam_weight_decay_himmelblau", "adam_wd", "himmel", "Adam",
     {"lr": 0.05, "weight_decay": 0.1}, 200, 20, note="Adam with coupled L2 weight decay")
case("adam_maximize_hill", "adam_up", "concave", "Adam", {"lr": 0.05, "maximize": True},
     150, 15, note="Adam maximizing a concave objective")
case("adam_betas_eps_smoothabs", "adam", "smoothabs", "Adam",
     {"lr": 0.03, "betas": [0.8, 0.99], "eps": 1e-6}, 150, 15,
     note="betas and eps; log/exp/sqrt objective")
case("adam_saddle", "adam", "saddle", "Adam", {"lr": 0.01}, 150, 15,
     start={"x": 0.5, "y": 0.001}, note="Adam off the saddle")
case("adam_amsgrad_wd_quad3", "ams_wd", "quad3", "Adam",
     {"lr": 0.01, "amsgrad": True, "weight_decay": 0.01}, 250, 25,
     note="AMSGrad plus weight decay")
case("adam_every1_booth", "adam", "booth", "Adam", {"lr": 0.1}, 50, 1, note="every step traced")
case("adamw_default_booth", "adamw", "booth", "AdamW", {"lr": 0.05}, 200, 20,
     note="AdamW with its default decoupled weight decay 1e-2")
case("adamw_amsgrad_wave", "adamw", "wave", "AdamW",
     {"lr": 0.02, "weight_decay": 0.1, "amsgrad": True}, 200, 20,
     note="AdamW + AMSGrad on sin/cos")
case("adamw_maximize_hill", "adamw_up", "concave", "AdamW",
     {"lr": 0.05, "weight_decay": 0.05, "maximize": True}, 120, 12,
     note="AdamW maximizing (decay still shrinks the parameters)")

# --- Adagrad ---------------------------------------------------------------------------
case("adagrad_plain_himmelblau", "adagrad", "himmel", "Adagrad", {"lr": 0.2}, 100, 10,
     note="plain Adagrad")
case("adagrad_lr_decay_booth", "adagrad", "booth", "Adagrad", {"lr": 1.0, "lr_decay": 0.01},
     150, 15, note="lr_decay")
case("adagrad_initial_acc_rosenbrock", "adagrad", "rosen", "Adagrad",
     {"lr": 0.1, "initial_accumulator_value": 0.5}, 300, 30,
     note="initial_accumulator_value")
case("adagrad_wd_eps_quad3", "adagrad", "quad3", "Adagrad",
     {"lr": 0.3, "weight_decay": 0.05, "eps": 1e-8}, 150, 15, note="weight decay and eps")

# --- RMSprop ---------------------------------------------------------------------------
case("rmsprop_plain_beale", "rms", "beale", "RMSprop", {"lr": 0.005}, 300, 30,
     note="plain RMSprop")
case("rmsprop_centered_himmelblau", "rms_c", "himmel", "RMSprop",
     {"lr": 0.01, "centered": True}, 200, 20, note="centered")
case("rmsprop_momentum_quad3", "rms_m", "quad3", "RMSprop", {"lr": 0.002, "momentum": 0.9},
     200, 20, note="momentum")
case("rmsprop_centered_momentum_logistic", "rms_cm", "logistic", "RMSprop",
     {"lr": 0.005, "alpha": 0.9, "centered": True, "momentum": 0.5}, 100, 10,
     note="centered + momentum + alpha")
case("rmsprop_wd_tanhfit", "rms_wd", "tanhfit", "RMSprop",
     {"lr": 0.01, "weight_decay": 0.1, "eps": 1e-6}, 150, 15, note="weight decay and eps")

# --- Adadelta, Adamax, NAdam, RAdam, Rprop ---------------------------------------------
case("adadelta_default_booth", "adadelta", "booth", "Adadelta", {}, 300, 30,
     note="Adadelta with all defaults (lr = 1.0)")
case("adadelta_rho_wd_wave", "adadelta", "wave", "Adadelta",
     {"lr": 2.0, "rho": 0.95, "eps": 1e-5, "weight_decay": 0.01}, 100, 10,
     note="rho, eps, weight decay")
case("adamax_plain_himmelblau", "adamax", "himmel", "Adamax", {"lr": 0.05}, 100, 10,
     note="plain Adamax")
case("adamax_betas_wd_rosenbrock", "adamax", "rosen", "Adamax",
     {"lr": 0.01, "betas": [0.85, 0.995], "weight_decay": 0.01}, 300, 30,
     note="betas and weight decay")
case("nadam_default_booth", "nadam", "booth", "NAdam", {"lr": 0.05}, 200, 20,
     note="NAdam (torch's foreach path)")
case("nadam_momentum_decay_quad3", "nadam", "quad3", "NAdam",
     {"lr": 0.01, "momentum_decay": 0.01}, 250, 25, note="momentum_decay")
case("nadam_wd_betas_sigfit", "nadam", "sigfit", "NAdam",
     {"lr": 0.05, "betas": [0.85, 0.99], "weight_decay": 0.05}, 150, 15,
     note="betas and weight decay")
case("radam_default_rosenbrock", "radam", "rosen", "RAdam", {"lr": 0.002}, 300, 30,
     note="RAdam, default betas (rho_t > 5 from step 6 on)")
case("radam_switch_every1_booth", "radam", "booth", "RAdam",
     {"lr": 0.05, "betas": [0.9, 0.99]}, 40, 1,
     note="every step around the rho_t > 5 switch")
case("radam_wd_himmelblau", "radam", "himmel", "RAdam", {"lr": 0.05, "weight_decay": 0.01},
     200, 20, note="RAdam with weight decay")
case("rprop_default_booth", "rprop", "booth", "Rprop", {"lr": 0.01}, 60, 6,
     note="Rprop defaults")
case("rprop_etas_beale", "rprop", "beale", "Rprop", {"lr": 0.05, "etas": [0.3, 1.5]},
     60, 6, note="etas")
case("rprop_step_sizes_rosenbrock", "rprop", "rosen", "Rprop",
     {"lr": 0.001, "step_sizes": [1e-4, 0.05]}, 150, 15, note="step_sizes clamp")
case("rprop_every1_expbowl", "rprop", "expbowl", "Rprop",
     {"lr": 0.02, "etas": [0.4, 1.3], "step_sizes": [1e-5, 0.5]}, 30, 1,
     note="every step; exp/sqrt objective")

# --- step-based schedules ---------------------------------------------------------------
case("sched_constant_lr_himmelblau", "sgd", "himmel", "SGD", {"lr": 0.01}, 60, 6,
     sched=Sched("constant_lr", factor=0.25, total_iters=30), note="constant_lr")
case("sched_linear_rosenbrock", "adam", "rosen", "Adam", {"lr": 0.05}, 150, 15,
     sched=Sched("linear", start_factor=0.2, end_factor=0.5, total_iters=40), note="linear")
case("sched_step_quad3", "mom", "quad3", "SGD", {"lr": 0.008, "momentum": 0.9}, 150, 15,
     sched=Sched("step", step_size=30, gamma=0.5), note="step")
case("sched_multistep_beale", "adam", "beale", "Adam", {"lr": 0.02}, 200, 20,
     sched=Sched("multistep", milestones=[30, 80, 150], gamma=0.3), note="multistep")
case("sched_exponential_wave", "rms", "wave", "RMSprop", {"lr": 0.02}, 120, 12,
     sched=Sched("exponential", gamma=0.98), note="exponential")
case("sched_polynomial_booth", "sgd", "booth", "SGD", {"lr": 0.02}, 100, 10,
     sched=Sched("polynomial", total_iters=60, power=2.0),
     note="polynomial, run past total_iters (lr stays 0)")
case("sched_polynomial_sqrt_logistic", "adagrad", "logistic", "Adagrad", {"lr": 0.3}, 80, 8,
     sched=Sched("polynomial", total_iters=80, power=0.5), note="polynomial, power 0.5")
case("sched_cosine_eta_min_himmelblau", "adam", "himmel", "Adam", {"lr": 0.05}, 100, 10,
     sched=Sched("cosine", T_max=100, eta_min=0.001), note="cosine with eta_min")
case("sched_cosine_past_tmax_booth", "sgd", "booth", "SGD", {"lr": 0.03}, 150, 10,
     sched=Sched("cosine", T_max=50),
     note="cosine run for 3 * T_max: torch's lr rises again after T_max")
case("sched_cosine_every1_sigfit", "nadam", "sigfit", "NAdam", {"lr": 0.1}, 30, 1,
     sched=Sched("cosine", T_max=20, eta_min=0.01), note="cosine, every step")
case("sched_cosine_restarts_quad3", "mom", "quad3", "SGD", {"lr": 0.006, "momentum": 0.8},
     150, 10, sched=Sched("cosine_restarts", T_0=20, T_mult=2, eta_min=0.001),
     note="cosine_restarts, T_mult = 2")
case("sched_cosine_restarts_t1_wave", "adamax", "wave", "Adamax", {"lr": 0.05}, 100, 5,
     sched=Sched("cosine_restarts", T_0=15), note="cosine_restarts, T_mult = 1")
case("sched_declared_exponential_expbowl", "adam", "expbowl", "Adam", {"lr": 0.05}, 100, 10,
     sched=Named("decay", Sched("exponential", gamma=0.97)),
     note="a schedule declared with `schedule NAME = ...`")

case("sched_exponential_rprop_ignored", "rprop", "wave", "Rprop", {"lr": 0.05}, 30, 3,
     sched=Sched("exponential", gamma=0.9),
     note="Rprop reads lr only to size its first steps: the schedule shows in the lr column only")

# --- cyclic -----------------------------------------------------------------------------
case("sched_cyclic_triangular_sgd_momentum", "mom", "quad3", "SGD",
     {"lr": 0.01, "momentum": 0.9}, 120, 10,
     sched=Sched("cyclic", base_lr=0.001, max_lr=0.01, step_size_up=10),
     note="triangular; momentum cycles between 0.8 and 0.9")
case("sched_cyclic_triangular2_himmelblau", "mom", "himmel", "SGD",
     {"lr": 0.005, "momentum": 0.9}, 150, 10,
     sched=Sched("cyclic", base_lr=0.0005, max_lr=0.005, step_size_up=15, step_size_down=5,
                 mode="triangular2", base_momentum=0.7, max_momentum=0.95),
     note="triangular2 with asymmetric up/down and momentum bounds")
case("sched_cyclic_exp_range_rmsprop", "rms", "logistic", "RMSprop", {"lr": 0.01}, 120, 10,
     sched=Sched("cyclic", base_lr=0.001, max_lr=0.01, step_size_up=20, mode="exp_range",
                 gamma=0.99),
     note="exp_range; RMSprop's momentum (0) is taken over by the cycle")
case("sched_cyclic_sgd_no_momentum", "sgd", "booth", "SGD", {"lr": 0.01}, 100, 10,
     sched=Sched("cyclic", base_lr=0.002, max_lr=0.02, step_size_up=25),
     note="SGD declared without momentum: torch's cycle still sets momentum 0.8..0.9")
case("sched_cyclic_adam_no_cycle_momentum", "adam", "rosen", "Adam", {"lr": 0.01}, 160, 16,
     sched=Sched("cyclic", base_lr=0.002, max_lr=0.02, step_size_up=20,
                 mode="triangular2", cycle_momentum=False),
     note="cyclic on Adam (torch 1.13 needs cycle_momentum = false there)")
case("sched_cyclic_every1_adagrad", "adagrad", "tanhfit", "Adagrad", {"lr": 0.1}, 30, 1,
     sched=Sched("cyclic", base_lr=0.05, max_lr=0.2, step_size_up=4, step_size_down=6,
                 mode="exp_range", gamma=0.9, cycle_momentum=False),
     note="cyclic exp_range every step, no momentum")

# --- onecycle ---------------------------------------------------------------------------
case("sched_onecycle_cos_sgd", "mom", "quad3", "SGD", {"lr": 0.1, "momentum": 0.9}, 100, 10,
     sched=Sched("onecycle", max_lr=0.01, total_steps=100),
     note="onecycle cos, SGD momentum cycled 0.95 -> 0.85 -> 0.95")
case("sched_onecycle_linear_adam", "adam", "beale", "Adam", {"lr": 0.01}, 200, 20,
     sched=Sched("onecycle", max_lr=0.05, total_steps=200, anneal_strategy="linear",
                 pct_start=0.25),
     note="onecycle linear; Adam's beta1 cycled")
case("sched_onecycle_three_phase_sgd", "mom", "himmel", "SGD",
     {"lr": 0.01, "momentum": 0.9}, 150, 15,
     sched=Sched("onecycle", max_lr=0.01, total_steps=150, three_phase=True, div_factor=10.0,
                 final_div_factor=100.0),
     note="three_phase with div factors")
case("sched_onecycle_adam_beta1_bounds", "adam", "smoothabs", "Adam", {"lr": 0.01}, 120, 12,
     sched=Sched("onecycle", max_lr=0.03, total_steps=120, base_momentum=0.8,
                 max_momentum=0.9, pct_start=0.4),
     note="Adam beta1 cycled between custom bounds")
case("sched_onecycle_adagrad_no_momentum", "adagrad", "booth", "Adagrad", {"lr": 0.1}, 100, 10,
     sched=Sched("onecycle", max_lr=0.5, total_steps=100, cycle_momentum=False),
     note="onecycle without momentum cycling")
case("sched_onecycle_sgd_no_momentum", "sgd", "wave", "SGD", {"lr": 0.1}, 80, 8,
     sched=Sched("onecycle", max_lr=0.1, total_steps=80),
     note="SGD declared without momentum: onecycle still sets momentum 0.95..0.85")
case("sched_onecycle_partial_rmsprop", "rms", "expbowl", "RMSprop", {"lr": 0.01}, 60, 6,
     sched=Sched("onecycle", max_lr=0.02, total_steps=100, anneal_strategy="linear",
                 three_phase=True),
     note="stopped before total_steps; RMSprop momentum cycled")

case("sched_onecycle_nadam_beta1", "nadam", "sigfit", "NAdam", {"lr": 0.05}, 90, 9,
     sched=Sched("onecycle", max_lr=0.2, total_steps=90),
     note="NAdam's beta1 cycled (enters its mu products)")
case("sched_onecycle_radam_beta1", "radam", "booth", "RAdam", {"lr": 0.05}, 100, 10,
     sched=Sched("onecycle", max_lr=0.3, total_steps=100, anneal_strategy="linear"),
     note="RAdam's beta1 cycled, linear anneal")

# --- plateau ----------------------------------------------------------------------------
case("sched_plateau_abs_sgd", "sgd", "abspair", "SGD", {"lr": 0.3}, 200, 10,
     sched=Sched("plateau", factor=0.5, patience=5),
     note="plateau: SGD oscillates across the kinks, lr is halved again and again")
case("sched_plateau_abs_threshold_cooldown", "adam", "abspair", "Adam", {"lr": 0.2}, 200, 10,
     sched=Sched("plateau", factor=0.3, patience=4, threshold=0.01, threshold_mode="abs",
                 cooldown=3, min_lr=0.002),
     note="plateau with abs threshold, cooldown and min_lr")
case("sched_plateau_max_hill", "climb", "concave", "SGD",
     {"lr": 0.1, "maximize": True}, 60, 6,
     sched=Sched("plateau", mode="max", factor=0.2, patience=3, threshold=1e-3),
     note="plateau in max mode under maximize")
case("sched_plateau_every1_kinks", "rms", "kinks", "RMSprop", {"lr": 0.05}, 60, 1,
     sched=Sched("plateau", factor=0.5, patience=2, eps=1e-4),
     note="plateau every step, eps stops tiny reductions")

# --- expression schedules ---------------------------------------------------------------
case("expr_warmup_rosenbrock", "adam", "rosen", "Adam", {"lr": 0.01}, 200, 20,
     sched=Expr("warm", "lr0 * min(1, (t + 1) / 10)"), note="linear warmup expression")
case("expr_step_decay_quad3", "mom", "quad3", "SGD", {"lr": 0.008, "momentum": 0.8}, 200, 20,
     sched=Expr("halve", "lr0 * 0.5 ^ floor(t / 40)"), note="floor and ^ in a schedule")
case("expr_cosine_formula_tanhfit", "sgd", "tanhfit", "SGD", {"lr": 0.3}, 100, 10,
     sched=Expr("cos_lr", "lr0 * (0.55 + 0.45 * cos(pi * t / 100))"),
     note="cos and pi in a schedule")
case("expr_inv_sqrt_himmelblau", "adagrad", "himmel", "Adagrad", {"lr": 0.3}, 150, 15,
     sched=Expr("inv_sqrt", "lr0 / sqrt(1 + t)"), note="sqrt in a schedule")
case("expr_exp_max_consts", "adam", "consts", "Adam", {"lr": 0.1}, 150, 15,
     sched=Expr("decay", "max(lr0 * exp(-t / 50), 0.005)"), note="exp and max")
case("expr_ceil_min_minmax", "sgd", "minmax", "SGD", {"lr": 0.05}, 120, 12,
     sched=Expr("stairs", "min(lr0, 0.01 * ceil((t + 1) / 20))"),
     note="ceil/min schedule; min/max objective")

# --- then chains ------------------------------------------------------------------------
case("then_linear_cosine_quad3", "mom", "quad3", "SGD", {"lr": 0.008, "momentum": 0.9}, 200, 20,
     sched=Then((Sched("linear", start_factor=0.1, total_iters=20), 20),
                (Sched("cosine", T_max=180), None)),
     note="2 segments: linear warmup then cosine")
case("then_constant_exponential_rmsprop", "rms", "himmel", "RMSprop", {"lr": 0.02}, 120, 10,
     sched=Then((Sched("constant_lr", factor=0.5, total_iters=10), 30),
                (Sched("exponential", gamma=0.97), None)),
     note="2 segments: constant_lr then exponential")
case("then_three_segments_adam", "adam", "beale", "Adam", {"lr": 0.02}, 200, 20,
     sched=Then((Sched("linear", start_factor=0.1, total_iters=10), 10),
                (Sched("step", step_size=20, gamma=0.5), 60),
                (Sched("cosine", T_max=130), None)),
     note="3 segments: linear, step, cosine")
case("then_expr_multistep_polynomial", "nadam", "logistic", "NAdam", {"lr": 0.05}, 150, 10,
     sched=Then((Expr("warm", "lr0 * (t + 1) / 15"), 15),
                (Sched("multistep", milestones=[20, 50], gamma=0.5), 75),
                (Sched("polynomial", total_iters=50, power=1.5), None)),
     note="3 segments starting with an expression schedule")
case("then_declared_chain_adamw", "adamw", "wave", "AdamW", {"lr": 0.03}, 100, 10,
     sched=Named("sched", Then((Sched("linear", start_factor=0.25, total_iters=10), 10),
                               (Sched("cosine_restarts", T_0=30), None))),
     note="a declared chain: linear then cosine_restarts")
case("then_short_first_segment_radam", "radam", "booth", "RAdam", {"lr": 0.1}, 60, 5,
     sched=Then((Sched("constant_lr", factor=0.1, total_iters=20), 5),
                (Sched("step", step_size=15, gamma=0.7), None)),
     note="first segment cut before its own total_iters")
case("then_tanfloor_adadelta", "adadelta", "tanfloor", "Adadelta", {"lr": 1.0}, 100, 10,
     sched=Then((Sched("exponential", gamma=0.99), 50), (Sched("linear", start_factor=0.5,
                 end_factor=1.0, total_iters=25), None)),
     note="tan/floor/ceil/sign objective; exponential then linear")


# ---------------------------------------------------------------------------------------

def num(v):
    """A start value as written in a script: 0 rather than 0.0."""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def script(c):
    oname, params, expr = OBJECTIVES[c["obj"]]
    lines = ["# %s: %s" % (c["name"], c["note"]) if c["note"] else "# %s" % c["name"],
             "# Generated by gen_cases.py; golden trace %s.csv from torch_trace.py." % c["name"],
             "objective %s(%s) = %s" % (oname, ", ".join("%s = %s" % (p, num(v)) for p, v in params), expr)]
    kw = dict(c["kw"])
    sched = c["sched"]
    if sched is not None:
        lines += sched.decls()
    parts = args(kw)
    if sched is not None:
        parts = (parts + ", " if parts else "") + "schedule = " + sched.text()
    lines.append("optimizer %s = %s(%s)" % (c["run"], c["cls"], parts))
    run = "run %s on %s" % (c["run"], oname)
    if c["start"] is not None:
        run += " from (%s)" % ", ".join("%s = %s" % (p, num(v)) for p, v in c["start"].items())
    run += " for %d steps every %d" % (c["steps"], c["every"])
    lines.append(run)
    return "\n".join(lines) + "\n"


def oracle_case(c):
    _, params, expr = OBJECTIVES[c["obj"]]
    start = {p: float(v) for p, v in params}
    if c["start"] is not None:
        assert list(c["start"]) == [p for p, _ in params]
        start = {p: float(v) for p, v in c["start"].items()}
    return {"name": c["name"], "run": c["run"], "params": start,
            "objective": py_objective(expr),
            "optimizer": {"class": c["cls"], "kwargs": c["kw"]},
            "schedule": None if c["sched"] is None else c["sched"].spec(),
            "steps": c["steps"], "every": c["every"]}


def main():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    out = [oracle_case(c) for c in CASES]
    with open(os.path.join(HERE, "cases.json"), "w") as fh:
        fh.write("[\n")
        fh.write(",\n".join(" " + json.dumps(o) for o in out))
        fh.write("\n]\n")
    for c in CASES:
        with open(os.path.join(HERE, c["name"] + ".opt"), "w") as fh:
            fh.write(script(c))
    print("%d cases" % len(CASES), file=sys.stderr)


if __name__ == "__main__":
    main()
