package dev.optlab.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH benchmarks of the scalar path, one million Adam steps on Rosenbrock per operation ({@link
 * Workloads}). For looking at one of them closely ({@code bench/run.sh --jmh [REGEX]}, JMH's
 * profilers); the report itself times them in paired rounds, see {@link Report}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class ScalarBench {
  private Workloads w;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    w = new Workloads();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    w.close();
  }

  @Benchmark
  public Object optlab() {
    return w.optlab();
  }

  @Benchmark
  public Object optlabEvery1000() {
    return w.optlabEvery1000();
  }

  @Benchmark
  public Object optlabTraceCsv() {
    return w.optlabTraceCsv();
  }

  @Benchmark
  public double handWritten() {
    return w.handWritten();
  }
}
