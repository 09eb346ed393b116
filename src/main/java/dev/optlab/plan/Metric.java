package dev.optlab.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a training run can measure besides its loss ({@code metrics accuracy, test_loss}): each
 * metric once, with what it needs, so that the checker, the loop, the tables and the report read
 * one definition instead of comparing names.
 */
public enum Metric {
  TEST_LOSS("test_loss", true, false, false, "the objective over the held-out rows"),
  ACCURACY("accuracy", true, true, false, "the fraction of held-out rows classified right"
      + " (the arg-max of cross_entropy's logits, or a positive logit of bce_with_logits)"),
  TRAIN_ACCURACY("train_accuracy", false, true, false, "the same on the training rows"),
  UPDATE_NORM("update_norm", false, false, true, "the length of the last update,"
      + " |p_k - p_(k-1)|"),
  EFFECTIVE_LR("effective_lr", false, false, true, "update_norm divided by the length of the"
      + " minibatch gradient it came from: the rate the optimizer actually applied");

  private final String text;
  private final boolean heldOut;
  private final boolean classifier;
  private final boolean comparesUpdates;
  private final String doc;

  Metric(String text, boolean heldOut, boolean classifier, boolean comparesUpdates, String doc) {
    this.doc = doc;
    this.text = text;
    this.heldOut = heldOut;
    this.classifier = classifier;
    this.comparesUpdates = comparesUpdates;
  }

  /** As written in a script and shown in columns. */
  public String text() {
    return text;
  }

  /** What it measures, for {@code :help metrics}. */
  public String doc() {
    return doc;
  }

  /** Measured on the held-out rows. */
  public boolean heldOut() {
    return heldOut;
  }

  /** Needs a classifier's logits (a fraction of rows classified right; never a log axis). */
  public boolean classifier() {
    return classifier;
  }

  /** Needs the parameters before the last update (the update's size). */
  public boolean comparesUpdates() {
    return comparesUpdates;
  }

  public static Optional<Metric> byText(String text) {
    return Arrays.stream(values()).filter(m -> m.text.equals(text)).findFirst();
  }

  /** Every metric's name, in order, for messages and completion. */
  public static List<String> texts() {
    return Arrays.stream(values()).map(Metric::text).toList();
  }

  @Override
  public String toString() {
    return text;
  }
}
