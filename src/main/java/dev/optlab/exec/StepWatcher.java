package dev.optlab.exec;

/**
 * Sees every step's loss as a loop computes it (the objective's, or the minibatch's) with the lr
 * of the update that follows, and may end the run after that update: what {@code lrfind} needs.
 */
interface StepWatcher {
  /** @return whether the loop goes on after this step's update */
  boolean step(long k, double lr, double loss);
}
