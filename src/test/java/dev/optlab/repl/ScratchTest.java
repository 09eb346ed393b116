package dev.optlab.repl;

import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
    for (String s : new String[] {"1e999999", "print 1 / 0", "run Adam() on nothing for -1 steps", "objective f(x) = x\nrun Adam(lr = -1) on f for 1e20 steps", "x".repeat(5000), "(".repeat(5000) + "1" + ")".repeat(5000), deep}) {
      long t = System.nanoTime();
      String out = ReplDriver.session(s + "\n");
      System.out.println((System.nanoTime() - t) / 1e6 + " ms: " + out.substring(0, Math.min(out.length(), 300)));
    }
  }
}
