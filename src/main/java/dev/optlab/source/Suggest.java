package dev.optlab.source;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {
  private Suggest() {}

  /**
   * The candidate closest to {@code word} (case-insensitively), when it is close enough to be a
   * likely typo; otherwise {@code null}.
   */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // A one-letter name is one edit from every other one-letter name: no useful suggestion.
    int allowed = Math.min(word.length() - 1, Math.max(1, Math.min(3, word.length() / 3)));
    return bestDistance <= allowed ? best : null;
  }

  /** {@code "; did you mean 'Adam'?"}, or the empty string when nothing is close. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : "; did you mean '" + c + "'?";
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
