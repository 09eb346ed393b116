package dev.optlab.check;

import dev.optlab.ast.Expr;
import dev.optlab.ast.RunSpec;
import dev.optlab.plan.CheckpointPlan;
import dev.optlab.plan.ExecutionPlan;
import dev.optlab.source.Span;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks a run's checkpoint files (docs/language.md, "Checkpoints") and adds them to its plan:
 * {@code checkpoint "FILE.safetensors" [every K]} must be writable, {@code resume "FILE"} and
 * {@code from "FILE"} name a file that is read when the run starts (an earlier statement of the
 * script may write it), where it is checked against the run.
 */
final class CheckpointChecker {
  private CheckpointChecker() {}

  /** A warm start's file: {@code from "FILE.safetensors"}, or null for a point or no from. */
  static Expr.Str warmStart(RunSpec spec) {
    return spec.from() instanceof Expr.Str s ? s : null;
  }

  static ExecutionPlan attach(Values values, RunSpec spec, Expr.Str warm, ExecutionPlan plan) {
    RunSpec.Checkpoint c = spec.checkpoint();
    if (c == null && warm == null) {
      return plan;
    }
    if (c != null && c.resume() != null && warm != null) {
      throw values.error(warm.span(), "a resumed run goes on from the checkpoint's parameters; "
          + "from \"FILE\" starts afresh from a file's: give one of them");
    }
    Path save = null;
    long every = 0;
    if (c != null && c.save() != null) {
      extension(values, c.save(), c.saveSpan());
      save = OutputFiles.writable(values, c.save(), c.saveSpan(), "checkpoint file");
      every = c.every() == null ? 0 : values.whole(c.every(), 1, "checkpoint every");
    }
    Path resume = c == null || c.resume() == null ? null
        : readable(values, c.resume(), c.resumeSpan());
    Path from = warm == null ? null : readable(values, warm.value(), warm.span());
    return plan.withCheckpoint(new CheckpointPlan(save, c == null ? null : c.saveSpan(), every,
        resume, c == null ? null : c.resumeSpan(), from, warm == null ? null : warm.span()));
  }

  private static void extension(Values values, String written, Span span) {
    if (!written.toLowerCase(java.util.Locale.ROOT).endsWith(".safetensors")) {
      throw values.error(span, "a checkpoint is a safetensors file: name it FILE.safetensors");
    }
  }

  /** The file's absolute path; whether it is there and fits is for the run to see. */
  private static Path readable(Values values, String written, Span span) {
    if (written.isEmpty() || written.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
      throw values.error(span, "a checkpoint file name cannot be empty or hold a control "
          + "character");
    }
    try {
      return values.source().resolve(written).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw values.error(span, "cannot read checkpoint \"" + written + "\": not a valid path");
    }
  }
}
