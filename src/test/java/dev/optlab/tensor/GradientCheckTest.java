package dev.optlab.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optlab.Engine;
import dev.optlab.check.Declaration;
import dev.optlab.data.Dataset;
import dev.optlab.data.Rng;
import dev.optlab.exec.RunControl;
import dev.optlab.source.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tensor operation's gradient against central finite differences, at random parameters:
 * each element-wise function, broadcasting along every kind of dimension, the matrix product in
 * its four vector/matrix forms, reductions along each axis and over everything, the softmax
 * family along each axis, and the losses on data.
 */
class GradientCheckTest {
  private static final Engine ENGINE = new Engine();

  @BeforeAll
  static void declare() {
    ENGINE.run(new Source("data.opt", """
        data cls = blobs(n = 7, centers = 3, features = 3, seed = 2)
        data reg = linear(n = 6, features = 3, noise = 0.5, seed = 3)
        data bin = moons(n = 8, noise = 0.2, seed = 4)
        """), false, new Capture(), RunControl.none());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // element-wise functions
      "sum(exp(A)) + sum(log(A^2 + 1)) + sum(sqrt(A^2 + 1))",
      "sum(abs(A)) + sum(sin(A)) + sum(cos(A)) + sum(tan(0.3 * A))",
      "sum(tanh(A)) + sum(sigmoid(A)) + sum(relu(A)) + sum(softplus(3 * A))",
      "sum(A^3) + sum((A^2 + 1)^0.5) + sum(-A * A) + sum(floor(A) * A) + sum(sign(A) * A)",
      // broadcasting: trailing vector, column, scalar parameter, constants, both sides
      "sum((A + v)^2) + sum((A - v) * v) + sum(A / (v^2 + 1)) + sum((v - A)^2)",
      "sum(A * B) + sum((B - A)^2) + sum(B / (A^2 + 2))",
      "sum(A * s) + sum((s - A)^2) + sum(s / (A^2 + 1)) + s^3",
      "sum(B * v) + sum((B + v)^2)",
      "sum((A^2 + 1)^v) + sum(2^A) + sum((A^2)^0.75)",
      "sum(max(A, v)) + sum(min(A, B)) + sum(max(A, s)) + sum(min(0.1, A))",
      "sum(T * A) + sum((T - A)^2) + sum(T * v) + sum(T / (B^2 + 1))",
      // matrix products: matrix @ matrix, vector @ matrix, matrix @ vector, vector @ vector
      "sum((A @ M)^2) + sum((v @ M)^2) + sum((A @ v)^2) + (v @ v)^2",
      "sum(tanh(A @ M + c) @ D)",
      // reductions along each axis and over everything
      "sum(sum(A, axis = 0)^2) + sum(sum(A, axis = 1)^2) + sum(mean(A, axis = 0)^2)",
      "sum(mean(A, axis = -1)^2) + mean(A^2) + sum(sum(A, 1) * mean(A, 1))",
      "sum(mean(T, axis = 0)^2) + sum(sum(T, axis = 1)^2) + sum(mean(T, axis = 2)^3)",
      // the softmax family along each axis
      "sum(softmax(A) * B) + sum(log_softmax(A) * A) + sum(softmax(A, axis = 0) * A)",
      "sum(log_softmax(A, axis = 0) * B) + sum(log_softmax(T, axis = 1) * T)",
      "sum(softmax(T, axis = 0)^2) + sum(softmax(v) * v)",
      // losses on data, and data broadcast against parameters
      "cross_entropy(cls.x @ W + w, cls.y) + 1e-2 * sum(W^2)",
      "cross_entropy(relu(cls.x @ M2 + c) @ D2 + w, cls.y)",
      "mse(reg.x @ u + s, reg.y) + mean((reg.x - u)^2)",
      "bce_with_logits(bin.x @ c + s, bin.y) + mean(softmax(bin.x @ D, axis = 1)^2)",
      "mse(sum(cls.x * u, axis = 1), cls.x @ u * s) + mean(sum((cls.x - u)^2, axis = 1))",
  })
  void gradientMatchesFiniteDifferences(String body) {
    String params = "A[3, 4], B[3, 1], v[4], s, M[4, 2], c[2], D[2, 5], T[2, 3, 4], W[3, 3],"
        + " w[3], u[3], M2[3, 2], D2[2, 3]";
    ENGINE.run(new Source("f.opt", "objective f(" + params + ") = " + body), false,
        new Capture(), RunControl.none());
    Model model = ((Declaration.Model) ENGINE.lookup("f")).model();
    double[] p = new double[model.size()];
    Rng rng = new Rng(body.hashCode());
    for (int i = 0; i < p.length; i++) {
      p[i] = 2 * rng.nextDouble() - 1;
    }
    double[] g = new double[p.length];
    Graph graph = new Graph(model, 16, p, g);
    Dataset data = model.data();
    if (data != null) {
      graph.bind(data.train().x(), 0, data.train().y(), 0, data.train().rows());
    }
    graph.forward();
    graph.backward();
    double h = 1e-6;
    for (int i = 0; i < p.length; i++) {
      double keep = p[i];
      p[i] = keep + h;
      double up = graph.forward();
      p[i] = keep - h;
      double down = graph.forward();
      p[i] = keep;
      double fd = (up - down) / (2 * h);
      int at = i;
      assertTrue(Math.abs(fd - g[i]) <= 1e-6 * Math.max(1, Math.abs(fd)),
          () -> body + ": d/dp[" + at + "] = " + g[at] + ", finite differences " + fd);
    }
  }
}
