package dev.optlab.hyper;

import java.util.List;
import java.util.Objects;

/**
 * One hyperparameter of an optimizer or schedule: its PyTorch name, kind, default and the range
 * it must lie in.
 *
 * @param name PyTorch's keyword, e.g. {@code lr}, {@code betas}
 * @param kind what values it takes
 * @param defaultValue the default, or {@code null} when the user must give it; a {@link Double},
 *     {@link Boolean}, {@code double[]} (pairs and lists) or {@link String} (choices)
 * @param check the range it must lie in
 * @param choices the allowed words for a {@link Kind#CHOICE}, else empty
 * @param doc one line for help and completion
 */
public record HyperParam(
    String name, Kind kind, Object defaultValue, Check check, List<String> choices, String doc) {

  public HyperParam {
    Objects.requireNonNull(name);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(check);
    choices = List.copyOf(choices);
  }

  public boolean required() {
    return defaultValue == null;
  }

  public static HyperParam number(String name, Double def, Check check, String doc) {
    return new HyperParam(name, Kind.NUMBER, def, check, List.of(), doc);
  }

  public static HyperParam integer(String name, Integer def, Check check, String doc) {
    return new HyperParam(name, Kind.INTEGER, def == null ? null : def.doubleValue(), check,
        List.of(), doc);
  }

  /**
   * A whole number the user may leave out without it taking a fixed default (PyTorch's {@code
   * None}, e.g. CyclicLR's {@code step_size_down}); left out, its value is {@code NaN}.
   */
  public static HyperParam optionalInteger(String name, Check check, String doc) {
    return new HyperParam(name, Kind.INTEGER, Double.NaN, check, List.of(), doc);
  }

  public static HyperParam bool(String name, boolean def, String doc) {
    return new HyperParam(name, Kind.BOOLEAN, def, Check.ANY, List.of(), doc);
  }

  public static HyperParam pair(String name, double[] def, Check check, String doc) {
    return new HyperParam(name, Kind.PAIR, def, check, List.of(), doc);
  }

  public static HyperParam intList(String name, Check check, String doc) {
    return new HyperParam(name, Kind.INT_LIST, null, check, List.of(), doc);
  }

  public static HyperParam choice(String name, String def, List<String> choices, String doc) {
    return new HyperParam(name, Kind.CHOICE, def, Check.ANY, choices, doc);
  }

  /**
   * This parameter with another default, for a name several kinds share with different defaults
   * (the optimizers' {@code lr}): the name stays spelled once, in the shared descriptor.
   */
  public HyperParam withDefault(Double def) {
    return new HyperParam(name, kind, def, check, choices, doc);
  }

  /** This parameter with another help line, where one kind uses the name otherwise (AdamW). */
  public HyperParam withDoc(String newDoc) {
    return new HyperParam(name, kind, defaultValue, check, choices, newDoc);
  }

  /** The default as the language would write it ({@code 1e-08}, {@code (0.9, 0.999)}). */
  public String defaultText() {
    if (defaultValue instanceof Double d && d.isNaN()) {
      return "none";
    }
    return defaultValue == null ? "required" : HyperValues.format(defaultValue);
  }
}
