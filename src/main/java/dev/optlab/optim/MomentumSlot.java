package dev.optlab.optim;

/**
 * What a momentum-cycling schedule (PyTorch's {@code CyclicLR}, {@code OneCycleLR}) drives in an
 * optimizer: the value it passes as {@code momentum} to {@link UpdateRule#update}.
 */
public enum MomentumSlot {
  /** The rule has no momentum; a schedule that cycles momentum cannot drive it. */
  NONE,
  /** SGD's and RMSprop's {@code momentum}. */
  MOMENTUM,
  /** The first of the Adam family's {@code betas}. */
  BETA1
}
