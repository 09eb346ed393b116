package dev.optlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mistakes in plot statements: the exact first line of the diagnostic, exit 1, nothing run. */
class PlotErrorsTest {
  static final String PRELUDE = "objective f(x = 1, y = 2) = x^2 + y^2; "
      + "objective g(a, b, c) = a + b + c; optimizer sgd = SGD(lr = 0.1); ";
  static final int COL = PRELUDE.length();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      plot run sgd on f for 10 steps to "x.jpg"                | 35 | cannot write plot file "x.jpg": unknown extension '.jpg'; use .svg or .png
      plot run sgd on f for 10 steps to "plot"                 | 35 | cannot write plot file "plot": no extension; use .svg or .png
      plot run sgd on f for 10 steps to "no/such/dir/x.svg"    | 35 | cannot write plot file "no/such/dir/x.svg": no such directory 'no/such/dir'
      plot run sgd on f for 10 steps to "/tmp/"                | 35 | cannot write plot file "/tmp/": no extension; use .svg or .png
      plot paths sgd on g for 10 steps                         | 19 | plot paths draws a map of two parameters, but 'g' has 3 (a, b, c)
      plot paths sgd on f for 10 steps over (x = 2 to -2)      | 40 | the range of x must run from low to high, got 2 to -2
      plot paths sgd on f for 10 steps over (z = 0 to 1)       | 40 | f has no parameter 'z'; its parameters are x, y
      plot paths sgd on f for 10 steps over (x = 0 to 1, 0 to 1) | 52 | write every range by name or none
      plot paths sgd on f for 10 steps over (x = 0 to 1, x = 1 to 2) | 52 | the range of x is given twice
      plot paths sgd on f for 10 steps with lr                 | 34 | 'with lr' belongs to plot run and plot compare
      plot compare sgd on f for 10 steps over (x = 0 to 1)     | 36 | 'over (...)' gives a contour map's ranges; it belongs to plot paths
      plot run sgd, sgd on f for 10 steps                      | 15 | plot run takes one optimizer; use plot compare for several
      plot run sgd on f for 10 steps trace "t.csv"             | 32 | a plot writes no trace file; 'trace "FILE"' belongs to a run
      plot run sgd on f                                        | 1  | plot needs the number of steps: add 'for N steps'
      plot run sgd on f for 10 steps to "a.svg" to "b.svg"     | 43 | 'to' is given twice
      plot run sgd on f for 10 steps lr 0.1                    | 32 | unexpected 'lr': plot run takes the clauses of a run, with lr and to "FILE"
      plot schedule cosine(T_max = 10) for 10 steps from (1, 2) | 47 | 'from' belongs to a run; plot schedule runs no optimizer
      plot schedule cosine(T_max = 10) for 10 steps lr -1      | 50 | lr must be a number at least 0, got -1
      plot schedule onecycle(max_lr = 1, total_steps = 10) for 20 steps | 58 | this plot takes 20 steps, but onecycle(max_lr = 1, total_steps = 10) lasts 10; plot fewer steps or lengthen the schedule
      plot schedule nosuch for 10 steps                        | 15 | unknown schedule 'nosuch'
      plot schedule cosine(T_max = 10) for 10 steps with lr    | 47 | 'with lr' belongs to plot run and plot compare
      plot paths sgd on f for 10 steps to "a.svg" over (0 to 1) over (0 to 1) | 59 | 'over' is given twice
      """)
  void reportsTheMistakeWhereItIs(String statement, int column, String message) {
    Scripts r = Scripts.run(PRELUDE + statement);
    assertEquals("<-e>:1:" + (COL + column) + ": error: " + message,
        r.err().lines().findFirst().orElse(""), r.err());
    assertEquals(1, r.code());
    assertEquals("", r.out());
  }
}
