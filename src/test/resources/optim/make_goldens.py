#!/usr/bin/python3
"""Writes the optimizer conformance table and its PyTorch goldens.

    /usr/bin/python3 make_goldens.py      # from this folder; needs Debian's python3-torch

1. cases.json: every optimizer x option, in the input format of
   /work/shared/oracle/torch_trace.py (constant lr, no schedule).
2. golden/<name>.csv: torch_trace.py's trace of each case.
3. varying.json + varying/<name>.csv: varying_trace.py's traces, where the lr and
   the momentum (SGD/RMSprop `momentum`, the Adam family's first beta) change at
   every step, as a momentum-cycling schedule does; every step is traced.
The Java tests (OptimizerGoldenTest) read these files; they never run Python.
"""
import json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.environ.get("OPTLAB_ORACLE", "/work/shared/oracle/torch_trace.py")

ROSEN = "(1 - x)**2 + 100*(y - x**2)**2"
QUAD = "0.5*x**2 + 12.5*y**2"
NEGQUAD = "-(0.5*x**2 + 12.5*y**2)"  # for maximize = true
BOWL3 = "(x - 1)**2 + 2*(y + 0.5)**2 + 3*(z - 2)**2"

rng = random.Random(20240601)  # the seed of the start points


def start(objective):
    """A start near the usual one for the objective, jittered by the seeded generator."""
    j = lambda: round(rng.uniform(-0.25, 0.25), 3)
    if objective == ROSEN:
        return {"x": -1.5 + j(), "y": 2.0 + j()}
    if objective == BOWL3:
        return {"x": 2.0 + j(), "y": 1.0 + j(), "z": -1.0 + j()}
    return {"x": 3.0 + j(), "y": -2.0 + j()}


# (name, class, kwargs, objective, steps, every)
TABLE = [
    ("sgd_rosen", "SGD", {"lr": 1e-3}, ROSEN, 300, 20),
    ("sgd_quad_long", "SGD", {"lr": 0.03}, QUAD, 2000, 100),
    ("sgd_momentum_rosen", "SGD", {"lr": 1e-3, "momentum": 0.9}, ROSEN, 400, 20),
    ("sgd_momentum_dampening_quad", "SGD", {"lr": 0.03, "momentum": 0.9, "dampening": 0.5}, QUAD, 200, 10),
    ("sgd_nesterov_rosen", "SGD", {"lr": 1e-3, "momentum": 0.9, "nesterov": True}, ROSEN, 400, 20),
    ("sgd_weight_decay_quad", "SGD", {"lr": 0.03, "weight_decay": 0.1}, QUAD, 200, 10),
    ("sgd_maximize_negquad", "SGD", {"lr": 0.03, "maximize": True}, NEGQUAD, 200, 10),
    ("sgd_all_options_negquad", "SGD", {"lr": 0.02, "momentum": 0.8, "weight_decay": 0.05,
                                        "nesterov": True, "maximize": True}, NEGQUAD, 200, 10),
    ("sgd_momentum_wd_dampening_bowl3", "SGD", {"lr": 0.05, "momentum": 0.5, "dampening": 0.1,
                                                "weight_decay": 0.01}, BOWL3, 150, 10),
    ("adam_default_rosen", "Adam", {}, ROSEN, 300, 20),
    ("adam_rosen", "Adam", {"lr": 0.05}, ROSEN, 500, 25),
    ("adam_rosen_long", "Adam", {"lr": 0.02}, ROSEN, 3000, 150),
    ("adam_amsgrad_rosen", "Adam", {"lr": 0.05, "amsgrad": True}, ROSEN, 500, 25),
    ("adam_weight_decay_quad", "Adam", {"lr": 0.1, "weight_decay": 0.1}, QUAD, 300, 15),
    ("adam_maximize_negquad", "Adam", {"lr": 0.1, "maximize": True}, NEGQUAD, 300, 15),
    ("adam_betas_eps_rosen", "Adam", {"lr": 0.02, "betas": [0.5, 0.9], "eps": 1e-3}, ROSEN, 300, 15),
    ("adam_all_options_negquad", "Adam", {"lr": 0.05, "betas": [0.8, 0.99], "eps": 1e-6,
                                          "weight_decay": 0.05, "amsgrad": True, "maximize": True},
     NEGQUAD, 300, 15),
    ("adam_bowl3", "Adam", {"lr": 0.1, "betas": [0.0, 0.5]}, BOWL3, 200, 10),
    ("adamw_rosen", "AdamW", {"lr": 0.05}, ROSEN, 500, 25),
    ("adamw_wd_amsgrad_quad", "AdamW", {"lr": 0.1, "weight_decay": 0.5, "amsgrad": True}, QUAD, 300, 15),
    ("adamw_maximize_negquad", "AdamW", {"lr": 0.1, "maximize": True, "betas": [0.7, 0.95], "eps": 1e-6}, NEGQUAD, 300, 15),
    ("adamw_no_wd_rosen", "AdamW", {"lr": 0.05, "weight_decay": 0.0}, ROSEN, 300, 15),
    ("adagrad_rosen", "Adagrad", {"lr": 0.5}, ROSEN, 500, 25),
    ("adagrad_default_quad", "Adagrad", {}, QUAD, 300, 15),
    ("adagrad_lr_decay_rosen", "Adagrad", {"lr": 0.5, "lr_decay": 0.01}, ROSEN, 300, 15),
    ("adagrad_weight_decay_quad", "Adagrad", {"lr": 0.5, "weight_decay": 0.1}, QUAD, 300, 15),
    ("adagrad_init_acc_eps_rosen", "Adagrad", {"lr": 0.3, "initial_accumulator_value": 0.5,
                                               "eps": 1e-3}, ROSEN, 300, 15),
    ("rmsprop_default_rosen", "RMSprop", {}, ROSEN, 500, 25),
    ("rmsprop_alpha_quad", "RMSprop", {"lr": 0.05, "alpha": 0.9}, QUAD, 300, 15),
    ("rmsprop_centered_rosen", "RMSprop", {"lr": 5e-3, "centered": True}, ROSEN, 400, 20),
    ("rmsprop_momentum_rosen", "RMSprop", {"lr": 1e-3, "momentum": 0.9}, ROSEN, 400, 20),
    ("rmsprop_centered_momentum_wd_quad", "RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.5,
                                                      "weight_decay": 0.1, "eps": 1e-3}, QUAD, 300, 15),
    ("adadelta_default_rosen", "Adadelta", {}, ROSEN, 500, 25),
    ("adadelta_lr_rho_quad", "Adadelta", {"lr": 0.5, "rho": 0.95}, QUAD, 300, 15),
    ("adadelta_wd_eps_quad", "Adadelta", {"weight_decay": 0.1, "eps": 1e-4}, QUAD, 300, 15),
    ("adadelta_rho1_bowl3", "Adadelta", {"rho": 1.0, "lr": 0.1}, BOWL3, 100, 10),
    ("adamax_rosen", "Adamax", {"lr": 0.05}, ROSEN, 500, 25),
    ("adamax_default_quad", "Adamax", {}, QUAD, 300, 15),
    ("adamax_betas_eps_wd_quad", "Adamax", {"lr": 0.1, "betas": [0.8, 0.9], "eps": 1e-3,
                                            "weight_decay": 0.1}, QUAD, 300, 15),
    ("nadam_rosen", "NAdam", {"lr": 0.05}, ROSEN, 500, 25),
    ("nadam_default_quad", "NAdam", {}, QUAD, 300, 15),
    ("nadam_momentum_decay_wd_quad", "NAdam", {"lr": 0.1, "momentum_decay": 0.01,
                                               "weight_decay": 0.1}, QUAD, 300, 15),
    ("nadam_betas_eps_rosen", "NAdam", {"lr": 0.02, "betas": [0.8, 0.99], "eps": 1e-4}, ROSEN, 300, 15),
    ("radam_rosen", "RAdam", {"lr": 2e-3}, ROSEN, 500, 25),
    ("radam_default_quad", "RAdam", {}, QUAD, 300, 15),
    ("radam_short_sma_wd_quad", "RAdam", {"lr": 0.1, "betas": [0.9, 0.9], "weight_decay": 0.1}, QUAD, 200, 5),
    ("radam_never_rectified_quad", "RAdam", {"lr": 0.05, "betas": [0.9, 0.5], "eps": 1e-4}, QUAD, 200, 10),
    ("rprop_rosen", "Rprop", {}, ROSEN, 300, 15),
    ("rprop_etas_quad", "Rprop", {"lr": 0.1, "etas": [0.3, 1.5]}, QUAD, 200, 10),
    ("rprop_step_sizes_rosen", "Rprop", {"lr": 0.05, "step_sizes": [1e-3, 0.1]}, ROSEN, 300, 15),
    ("rprop_bowl3", "Rprop", {"lr": 0.5, "etas": [0.5, 2.0], "step_sizes": [1e-9, 3]}, BOWL3, 100, 5),
]

# Cases added later: their starts are drawn after VARYING's, so that adding them left every
# earlier start (and golden) as it was. maximize for the rules that gained it (PyTorch 1.13 has
# it on all but NAdam and RAdam), with weight decay where there is one: the gradient is negated
# before the decay is added.
LATER = [
    ("adagrad_maximize_all_negquad", "Adagrad", {"lr": 0.5, "lr_decay": 0.01, "weight_decay": 0.1,
                                                 "initial_accumulator_value": 0.1, "eps": 1e-6,
                                                 "maximize": True}, NEGQUAD, 300, 15),
    ("rmsprop_maximize_all_negquad", "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-3,
                                                 "weight_decay": 0.1, "momentum": 0.5,
                                                 "centered": True, "maximize": True},
     NEGQUAD, 300, 15),
    ("rmsprop_maximize_negquad", "RMSprop", {"lr": 0.05, "maximize": True}, NEGQUAD, 300, 15),
    ("adadelta_maximize_wd_negquad", "Adadelta", {"lr": 0.5, "rho": 0.95, "weight_decay": 0.1,
                                                  "maximize": True}, NEGQUAD, 300, 15),
    ("adamax_maximize_all_negquad", "Adamax", {"lr": 0.1, "betas": [0.8, 0.9], "eps": 1e-3,
                                               "weight_decay": 0.1, "maximize": True},
     NEGQUAD, 300, 15),
    ("rprop_maximize_negquad", "Rprop", {"lr": 0.1, "etas": [0.3, 1.5], "step_sizes": [1e-3, 1],
                                         "maximize": True}, NEGQUAD, 200, 10),
]

# (name, class, kwargs, objective, steps, lr(k), momentum(k)): k is the 0-based step.
VARYING = [
    ("sgd_cycled", "SGD", {"lr": 1e-3, "momentum": 0.9}, ROSEN, 80,
     "1e-3 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("sgd_nesterov_cycled", "SGD", {"lr": 0.02, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
     QUAD, 80, "0.02 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("sgd_dampening_cycled", "SGD", {"lr": 0.02, "momentum": 0.9, "dampening": 0.3},
     QUAD, 80, "0.02 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("rmsprop_momentum_cycled", "RMSprop", {"lr": 1e-3, "momentum": 0.9, "centered": True}, ROSEN, 80,
     "1e-3 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("adam_cycled", "Adam", {"lr": 0.05}, ROSEN, 80,
     "0.05 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("adam_amsgrad_cycled", "Adam", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.1}, QUAD, 80,
     "0.05 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("adamw_cycled", "AdamW", {"lr": 0.05, "weight_decay": 0.1}, ROSEN, 80,
     "0.05 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("adamax_cycled", "Adamax", {"lr": 0.05}, ROSEN, 80,
     "0.05 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("nadam_cycled", "NAdam", {"lr": 0.05}, ROSEN, 80,
     "0.05 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    ("radam_cycled", "RAdam", {"lr": 2e-3}, ROSEN, 80,
     "2e-3 * (1 + 0.5*math.sin(k/5))", "0.85 + 0.1*math.cos(k/7)"),
    # rules without momentum: only the lr varies (momentum column is 0)
    ("adagrad_lr_varying", "Adagrad", {"lr": 0.5, "lr_decay": 0.01}, ROSEN, 80,
     "0.5 * (1 + 0.5*math.sin(k/5))", "0"),
    ("adadelta_lr_varying", "Adadelta", {"lr": 1.0}, QUAD, 80, "1.0 * (1 + 0.5*math.sin(k/5))", "0"),
    ("rprop_lr_varying", "Rprop", {"lr": 0.05}, ROSEN, 80, "0.05 * (1 + 0.5*math.sin(k/5))", "0"),
]


def main():
    os.chdir(HERE)
    cases = [{"name": n, "run": n, "params": start(obj), "objective": obj,
              "optimizer": {"class": cls, "kwargs": kw}, "schedule": None,
              "steps": steps, "every": every}
             for n, cls, kw, obj, steps, every in TABLE]
    varying = [{"name": n, "params": start(obj), "objective": obj,
                "optimizer": {"class": cls, "kwargs": kw}, "steps": steps, "lr": lr, "momentum": mom}
               for n, cls, kw, obj, steps, lr, mom in VARYING]
    cases += [{"name": n, "run": n, "params": start(obj), "objective": obj,
               "optimizer": {"class": cls, "kwargs": kw}, "schedule": None,
               "steps": steps, "every": every}
              for n, cls, kw, obj, steps, every in LATER]
    for fname, data in (("cases.json", cases), ("varying.json", varying)):
        with open(fname, "w") as fh:
            fh.write("[\n" + ",\n".join(json.dumps(c) for c in data) + "\n]\n")
    subprocess.check_call([sys.executable, ORACLE, "cases.json", "golden"])
    subprocess.check_call([sys.executable, "varying_trace.py", "varying.json", "varying"])


if __name__ == "__main__":
    main()
