package dev.optlab.plan;

import dev.optlab.source.Span;
import java.nio.file.Path;

/**
 * The checkpoint files of a run (docs/language.md, "Checkpoints"): where it writes its state,
 * where it resumes from, or whose parameters it starts from. Each path is checked when the
 * statement is; a file it reads is read when the run starts, since an earlier statement of the
 * same script may write it.
 *
 * @param save the file {@code checkpoint "FILE"} writes, or null
 * @param every write it every this many steps too (0: only when the run ends)
 * @param resume the file {@code resume "FILE"} continues, or null; the loop's steps are then the
 *     steps to run beyond the checkpoint's
 * @param warmStart the file {@code from "FILE"} takes the parameters of, or null
 */
public record CheckpointPlan(Path save, Span saveSpan, long every, Path resume,
    Span resumeSpan, Path warmStart, Span warmStartSpan) {

  /**
   * Where the run starts, for its title: {@code resumed from "mlp.safetensors"} or {@code from
   * "mlp.safetensors"} (a warm start); null when it starts as usual.
   */
  public String startText() {
    Path file = resume != null ? resume : warmStart;
    return file == null ? null
        : (resume != null ? "resumed " : "") + "from \"" + file.getFileName() + "\"";
  }
}
