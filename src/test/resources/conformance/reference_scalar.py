#!/usr/bin/python3
"""An independent scalar re-implementation of the ten optimizers (plain Python floats, one
parameter at a time, written from torch 1.13's single-tensor code and, for NAdam, its
foreach code), replayed against every golden trace. It shows that the goldens can be
reproduced with ordinary float64 arithmetic well inside the conformance tolerance, and it
doubles as a compact statement of the update rules the interpreter must follow.

Gradients still come from torch's autograd, and learning rates, and the momentum/beta1 that
cyclic/onecycle set, from torch's schedulers on a dummy optimizer: this checks the update
rules, not the schedules.

    /usr/bin/python3 reference_scalar.py      # prints the worst cell per case; exit 1 if any is off
"""
import csv
import json
import math
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import stability as st  # noqa: E402  (loads the oracle's torch_trace module)
import torch  # noqa: E402

tt = st.tt
D = HERE + os.sep

def grad_of(case, vals):
    names = list(case['params'])
    ps = [torch.tensor(v, requires_grad=True) for v in vals]
    loss = eval(case['objective'], dict(tt.NS), dict(zip(names, ps)))
    loss.backward()
    return float(loss), [float(p.grad) for p in ps]

DEF = dict(SGD=dict(momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False),
    Adam=dict(lr=1e-3, betas=(0.9,0.999), eps=1e-8, weight_decay=0, amsgrad=False, maximize=False),
    AdamW=dict(lr=1e-3, betas=(0.9,0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, maximize=False),
    Adagrad=dict(lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10),
    RMSprop=dict(lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False),
    Adadelta=dict(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0),
    Adamax=dict(lr=2e-3, betas=(0.9,0.999), eps=1e-8, weight_decay=0),
    NAdam=dict(lr=2e-3, betas=(0.9,0.999), eps=1e-8, weight_decay=0, momentum_decay=4e-3),
    RAdam=dict(lr=1e-3, betas=(0.9,0.999), eps=1e-8, weight_decay=0),
    Rprop=dict(lr=1e-2, etas=(0.5,1.2), step_sizes=(1e-6,50)))

def sgn(v): return (v > 0) - (v < 0)

class Opt:
    def __init__(self, cls, kw, n):
        self.cls = cls; self.h = dict(DEF[cls]); self.h.update({k: tuple(v) if isinstance(v, list) else v for k, v in kw.items()})
        self.n = n; self.t = 0; self.s = [dict() for _ in range(n)]
    def step(self, p, g):
        h = self.h; c = self.cls; self.t += 1; t = self.t; lr = h['lr']
        out = []
        for i in range(self.n):
            x, d, s = p[i], g[i], self.s[i]
            if c == 'SGD':
                if h['maximize']: d = -d
                if h['weight_decay']: d = d + h['weight_decay'] * x
                if h['momentum'] != 0:
                    if 'buf' not in s: s['buf'] = d
                    else: s['buf'] = s['buf'] * h['momentum'] + (1 - h['dampening']) * d
                    d = d + h['momentum'] * s['buf'] if h['nesterov'] else s['buf']
                x = x - lr * d
            elif c in ('Adam', 'AdamW'):
                b1, b2 = h['betas']
                if h['maximize']: d = -d
                if c == 'AdamW': x = x * (1 - lr * h['weight_decay'])
                elif h['weight_decay']: d = d + h['weight_decay'] * x
                m = s.get('m', 0.0) * b1 + (1 - b1) * d; v = s.get('v', 0.0) * b2 + (1 - b2) * d * d
                s['m'], s['v'] = m, v
                bc1 = 1 - b1 ** t; bc2 = 1 - b2 ** t
                if h['amsgrad']: s['vm'] = max(s.get('vm', 0.0), v); v = s['vm']
                den = math.sqrt(v) / math.sqrt(bc2) + h['eps']
                x = x - (lr / bc1) * m / den
            elif c == 'Adagrad':
                if h['weight_decay']: d = d + h['weight_decay'] * x
                clr = lr / (1 + (t - 1) * h['lr_decay'])
                s['sum'] = s.get('sum', float(h['initial_accumulator_value'])) + d * d
                x = x - clr * d / (math.sqrt(s['sum']) + h['eps'])
            elif c == 'RMSprop':
                if h['weight_decay']: d = d + h['weight_decay'] * x
                a = h['alpha']
                s['sq'] = s.get('sq', 0.0) * a + (1 - a) * d * d
                if h['centered']:
                    s['ga'] = s.get('ga', 0.0) * a + (1 - a) * d
                    avg = math.sqrt(s['sq'] - s['ga'] * s['ga'])
                else: avg = math.sqrt(s['sq'])
                avg += h['eps']
                if h['momentum'] > 0:
                    s['buf'] = s.get('buf', 0.0) * h['momentum'] + d / avg
                    x = x - lr * s['buf']
                else: x = x - lr * d / avg
            elif c == 'Adadelta':
                if h['weight_decay']: d = d + h['weight_decay'] * x
                r = h['rho']
                s['sq'] = s.get('sq', 0.0) * r + (1 - r) * d * d
                std = math.sqrt(s['sq'] + h['eps'])
                delta = math.sqrt(s.get('acc', 0.0) + h['eps']) / std * d
                s['acc'] = s.get('acc', 0.0) * r + (1 - r) * delta * delta
                x = x - lr * delta
            elif c == 'Adamax':
                b1, b2 = h['betas']
                if h['weight_decay']: d = d + h['weight_decay'] * x
                s['m'] = s.get('m', 0.0) * b1 + (1 - b1) * d
                s['u'] = max(s.get('u', 0.0) * b2, abs(d) + h['eps'])
                x = x - (lr / (1 - b1 ** t)) * s['m'] / s['u']
            elif c == 'NAdam':
                b1, b2 = h['betas']; md = h['momentum_decay']
                if h['weight_decay']: d = d + h['weight_decay'] * x
                mu = b1 * (1. - 0.5 * (0.96 ** (t * md))); mun = b1 * (1. - 0.5 * (0.96 ** ((t + 1) * md)))
                s['mp'] = s.get('mp', 1.0) * mu
                s['m'] = s.get('m', 0.0) * b1 + (1 - b1) * d; s['v'] = s.get('v', 0.0) * b2 + (1 - b2) * d * d
                den = math.sqrt(s['v']) / math.sqrt(1 - b2 ** t) + h['eps']
                x = x + (lr * (1 - mu) / (1 - s['mp'])) * -1 * d / den
                x = x + (lr * mun / (1 - s['mp'] * mun)) * -1 * s['m'] / den
            elif c == 'RAdam':
                b1, b2 = h['betas']
                if h['weight_decay']: d = d + h['weight_decay'] * x
                s['m'] = s.get('m', 0.0) * b1 + (1 - b1) * d; s['v'] = s.get('v', 0.0) * b2 + (1 - b2) * d * d
                bc1 = 1 - b1 ** t; bc2 = 1 - b2 ** t
                mh = s['m'] / bc1
                rinf = 2 / (1 - b2) - 1; rt = rinf - 2 * t * (b2 ** t) / bc2
                if rt > 5:
                    rect = math.sqrt((rt - 4) * (rt - 2) * rinf / ((rinf - 4) * (rinf - 2) * rt))
                    x = x - mh * lr * (math.sqrt(bc2) / (math.sqrt(s['v']) + h['eps'])) * rect
                else: x = x - mh * lr
            elif c == 'Rprop':
                em, ep = h['etas']; smin, smax = h['step_sizes']
                if 'ss' not in s: s['ss'] = lr; s['prev'] = 0.0
                sg = sgn(d * s['prev'])
                f = ep if sg > 0 else em if sg < 0 else 1
                s['ss'] = min(max(s['ss'] * f, smin), smax)
                if sg < 0: d = 0.0
                x = x - sgn(d) * s['ss']
                s['prev'] = d
            out.append(x)
        return out

def ref(case):
    names = list(case['params']); vals = [float(v) for v in case['params'].values()]
    cls = case['optimizer']['class']; kw = dict(case['optimizer']['kwargs'])
    o = Opt(cls, kw, len(vals))
    spec = case.get('schedule'); steps = case['steps']; every = case['every']
    # hyperparameter source: a dummy torch optimizer driven by torch schedulers
    dummy = torch.zeros(1, requires_grad=True)
    tkw = {k: tuple(v) if isinstance(v, list) else v for k, v in kw.items()}
    dopt = getattr(torch.optim, cls)([dummy], **tkw)
    plateau = driver = lrs = None
    if spec and spec.get('class') == 'ReduceLROnPlateau':
        plateau = torch.optim.lr_scheduler.ReduceLROnPlateau(dopt, **spec['kwargs'])
    elif spec and spec.get('class') in ('OneCycleLR', 'CyclicLR'):
        driver = getattr(torch.optim.lr_scheduler, spec['class'])(dopt, **spec['kwargs'])
    else:
        lrs = tt.scheduler_lrs(spec, kw.get('lr', dopt.defaults['lr']), steps, cls, tkw)
    rows = []
    for k in range(steps + 1):
        g0 = dopt.param_groups[0]
        o.h['lr'] = lrs[k] if lrs is not None else g0['lr']
        if driver is not None:
            if 'momentum' in g0: o.h['momentum'] = g0['momentum']
            if 'betas' in g0: o.h['betas'] = g0['betas']
        loss, g = grad_of(case, vals)
        if k % every == 0 or k == steps:
            rows.append([k, o.h['lr'], loss, math.sqrt(sum(v * v for v in g))] + vals)
        if k == steps: break
        vals = o.step(vals, g)
        if plateau is not None: plateau.step(loss)
        if driver is not None: driver.step()
    return rows

def main():
    bad = 0
    for case in json.load(open(D + 'cases.json')):
        gold = list(csv.reader(open(D + case['name'] + '.csv')))
        h, gold = gold[0], gold[1:]
        rows = ref(case)
        worst, where = 0, ''
        if len(rows) != len(gold): worst, where = float('inf'), 'rows'
        for gr, r in zip(gold, rows):
            for col, ev, av in zip(h[2:], gr[2:], r[1:]):
                s = st.score(float(ev), av)
                if s > worst: worst, where = s, 'step %s %s %s vs %r' % (gr[1], col, ev, av)
        flag = 'BAD' if worst > 0.01 else 'ok'
        bad += worst > 0.01
        print('%-4s %-42s %.2e %s' % (flag, case['name'], worst, where))
    print(bad, 'case(s) off')
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
