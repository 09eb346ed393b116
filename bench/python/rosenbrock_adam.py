"""Reference: Rosenbrock + Adam in plain Python, written the way a person would for two
parameters (floats, the gradient worked out on paper, torch.optim.Adam's update with its bias
corrections as 1 - beta ** step). Prints the steps per second of its own loop.

Usage: python3 rosenbrock_adam.py [STEPS]
"""
import math
import sys
import time


def run(steps, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    x, y = -1.5, 2.0
    mx = my = vx = vy = 0.0
    for t in range(1, steps + 1):
        r = y - x * x
        gx = -2 * (1 - x) - 400 * x * r
        gy = 200 * r
        mx = beta1 * mx + (1 - beta1) * gx
        my = beta1 * my + (1 - beta1) * gy
        vx = beta2 * vx + (1 - beta2) * gx * gx
        vy = beta2 * vy + (1 - beta2) * gy * gy
        step_size = lr / (1 - beta1 ** t)
        bc2_sqrt = math.sqrt(1 - beta2 ** t)
        x -= step_size * mx / (math.sqrt(vx) / bc2_sqrt + eps)
        y -= step_size * my / (math.sqrt(vy) / bc2_sqrt + eps)
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


if __name__ == "__main__":
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    start = time.perf_counter()
    loss = run(steps)
    elapsed = time.perf_counter() - start
    print(f"steps_per_s {steps / elapsed:.1f} loss {loss!r}")
